/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-text"

#include "config.h"

#include "reel-text.h"

#include <string.h>

typedef struct {
  char *language;   /* a language tag as in the file ("zh-CN"), NULL for a plain string */
  char *value;
} Entry;

struct _ReelText {
  gatomicrefcount  ref_count;
  guint            n_entries;
  Entry           *entries;
};

/* Creates a text; @text (may be NULL for a text filled with
 * reel_text_add()) is the language-less form. */
ReelText *
reel_text_new (const char *text)
{
  ReelText *self = g_new0 (ReelText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (text != NULL)
    reel_text_add (self, NULL, text);

  return self;
}

void
reel_text_add (ReelText   *text,
               const char *language,
               const char *value)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (value != NULL);

  text->entries = g_renew (Entry, text->entries, text->n_entries + 1);
  text->entries[text->n_entries].language = g_strdup (language);
  text->entries[text->n_entries].value = reel_text_sanitize (value);
  text->n_entries++;
}

ReelText *
reel_text_ref (ReelText *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  g_atomic_ref_count_inc (&text->ref_count);
  return text;
}

void
reel_text_unref (ReelText *text)
{
  g_return_if_fail (text != NULL);

  if (!g_atomic_ref_count_dec (&text->ref_count))
    return;

  for (guint i = 0; i < text->n_entries; i++)
    {
      g_free (text->entries[i].language);
      g_free (text->entries[i].value);
    }
  g_free (text->entries);
  g_free (text);
}

/* Compares a language tag of the file ("zh-CN", "pt-BR", "en") with a name
 * from g_get_language_names() ("zh_CN", "pt_BR", "en"), which has already
 * been stripped of encoding and modifier by GLib in its later entries. */
static gboolean
language_matches (const char *tag,
                  const char *name)
{
  for (; *tag != '\0' && *name != '\0'; tag++, name++)
    {
      char a = *tag == '_' ? '-' : g_ascii_tolower (*tag);
      char b = *name == '_' ? '-' : g_ascii_tolower (*name);

      if (a != b)
        return FALSE;
    }

  return *tag == '\0' && *name == '\0';
}

/* Picks the first of @languages the text has, then English, then the
 * language-less form, then whatever comes first. */
const char *
reel_text_get_for (const ReelText     *text,
                   const char * const *languages)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text->n_entries == 0)
    return "";

  for (guint l = 0; languages != NULL && languages[l] != NULL; l++)
    for (guint i = 0; i < text->n_entries; i++)
      if (text->entries[i].language != NULL &&
          language_matches (text->entries[i].language, languages[l]))
        return text->entries[i].value;

  for (guint i = 0; i < text->n_entries; i++)
    if (text->entries[i].language == NULL ||
        language_matches (text->entries[i].language, "en"))
      return text->entries[i].value;

  return text->entries[0].value;
}

/* In the user's language, as far as the text has it. */
const char *
reel_text_get (const ReelText *text)
{
  return reel_text_get_for (text, (const char * const *) g_get_language_names ());
}

/* Returns a copy of the valid UTF-8 @value in which every control character
 * but tab and newline is U+FFFD, so that no text from a file can move the
 * cursor of a terminal or hide itself in a label. */
char *
reel_text_sanitize (const char *value)
{
  GString *out;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (value, -1, NULL), NULL);

  out = g_string_sized_new (strlen (value));
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((g_unichar_iscntrl (c) && c != '\t' && c != '\n'))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}
