/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-rules"

#include "config.h"

#include "reel-rules.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-record-table.h"

/* @value (valid UTF-8) as messages quote it: cut to REEL_SHOWN_VALUE_MAX
 * characters, control characters replaced by U+FFFD. */
char *
reel_rules_show_value (const char *value,
                       gsize       length)
{
  GString *shown = g_string_sized_new (MIN (length, 4 * REEL_SHOWN_VALUE_MAX) + 4);
  const char *end = value + length;
  guint n = 0;

  for (const char *p = value; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n++ == REEL_SHOWN_VALUE_MAX)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_unichar (shown, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (shown, FALSE);
}

/* The characters of an id: one table lookup each, for every record. */
static const guint8 id_chars[256] = {
  ['-'] = 1,
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
  ['9'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
  ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
  ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* `[a-z0-9][a-z0-9-]*`, at most REEL_ID_MAX characters. */
gboolean
reel_rules_is_id (const char *value,
                  gsize       length)
{
  guint ok = 1;

  if (length == 0 || length > REEL_ID_MAX || value[0] == '-')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    ok &= id_chars[(guchar) value[i]];

  return ok != 0;
}

char *
reel_rules_check_id (const char *value,
                     gsize       length)
{
  g_autofree char *shown = NULL;

  if (reel_rules_is_id (value, length))
    return NULL;

  if (length == 0)
    return g_strdup (_("the id is empty"));

  if (length > REEL_ID_MAX && reel_rules_is_id (value, REEL_ID_MAX))
    return g_strdup_printf (_("the id is longer than %u characters"), (guint) REEL_ID_MAX);

  shown = reel_rules_show_value (value, length);
  return g_strdup_printf (_("“%s” is not an id: use lowercase letters, digits and hyphens, "
                            "not starting with a hyphen"), shown);
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* A period is "YYYY-MM"; on success @year and @month are set. */
char *
reel_rules_check_period (const char *value,
                         gsize       length,
                         guint      *year,
                         guint      *month)
{
  g_autofree char *shown = NULL;
  const char *s = value;

  if (length == 0)
    return g_strdup (_("the period is empty: use YYYY-MM"));

  /* Every record has a period: the value is quoted (an allocation) only
   * when it is wrong. */
  if (length != 7 || !is_digit (s[0]) || !is_digit (s[1]) || !is_digit (s[2]) || !is_digit (s[3]) ||
      s[4] != '-' || !is_digit (s[5]) || !is_digit (s[6]))
    {
      shown = reel_rules_show_value (value, length);
      return g_strdup_printf (_("“%s” is not a period: use YYYY-MM"), shown);
    }

  *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  *month = (s[5] - '0') * 10 + (s[6] - '0');

  if (*month < 1 || *month > 12)
    {
      shown = reel_rules_show_value (value, length);
      return g_strdup_printf (_("“%s” is not a period: the month must be 01 to 12"), shown);
    }
  if (*year < REEL_RECORD_YEAR_MIN || *year > REEL_RECORD_YEAR_MAX)
    {
      shown = reel_rules_show_value (value, length);
      return g_strdup_printf (_("“%s”: the year must be %u to %u"), shown,
                              (guint) REEL_RECORD_YEAR_MIN, (guint) REEL_RECORD_YEAR_MAX);
    }

  return NULL;
}

/* An ISO 3166 alpha-2 code by its form: two capital letters. */
char *
reel_rules_check_country (const char *value,
                          gsize       length)
{
  g_autofree char *shown = NULL;

  if (length == 2 && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]))
    return NULL;

  shown = reel_rules_show_value (value, length);
  return g_strdup_printf (_("“%s” is not a country code: use two capital letters (ISO 3166, e.g. US)"),
                          shown);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real day of a real month. */
gboolean
reel_rules_is_date (const char *value)
{
  gsize length = strlen (value);
  guint year, month, day;

  for (gsize i = 0; i < length; i++)
    if (!(is_digit (value[i]) || ((i == 4 || i == 7) && value[i] == '-')))
      return FALSE;

  if (length != 4 && length != 7 && length != 10)
    return FALSE;

  year = g_ascii_strtoull (value, NULL, 10);
  if (length == 4)
    return year >= 1;

  month = g_ascii_strtoull (value + 5, NULL, 10);
  if (month < 1 || month > 12)
    return FALSE;
  if (length == 7)
    return year >= 1;

  day = g_ascii_strtoull (value + 8, NULL, 10);
  return g_date_valid_dmy (day, month, year);
}

/* Levenshtein distance between two ASCII names, or @max + 1 when it is
 * larger than @max (names are short; this is for "did you mean"). */
guint
reel_rules_edit_distance (const char *a,
                          const char *b,
                          guint       max)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > max || la > 256 || lb > 256)
    return max + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return MIN (row[lb], max + 1);
}
