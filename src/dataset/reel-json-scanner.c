/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-json-scanner"

#include "config.h"

#include "reel-json-scanner.h"
#include "reel-json-scanner-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Called with the cursor at the end of the buffer. */
static int
refill (ReelJsonScanner *self)
{
  if (self->error != NULL)
    return -1;

  /* What the line had in this buffer becomes the base of its column. */
  self->col_base = cursor_column (self);
  self->n_cont = 0;
  self->line_start = self->pos;

  if (!reel_read_buffer_fill (&self->buffer, &self->error))
    return -1;

  self->pos = self->line_start = self->buffer.data;
  self->end = self->buffer.data + self->buffer.len;
  return *self->pos;
}

/* The next byte, or -1 at the end of the input (or after a read error). */
static inline int
peek (ReelJsonScanner *self)
{
  if (G_LIKELY (self->pos < self->end))
    return *self->pos;
  return refill (self);
}

/* Consumes the byte peek() returned, which must be an ASCII character other
 * than a line end: line ends are whitespace's to count, and the bytes of
 * UTF-8 read_utf8()'s. */
static inline void
advance (ReelJsonScanner *self)
{
  self->pos++;
}

static gboolean fail_at (ReelJsonScanner *self,
                         guint            line,
                         guint            column,
                         const char      *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Records the first syntax failure at a position. A read error that made the
 * input end early is the real cause, so it wins over what it looks like. */
static gboolean
fail_at (ReelJsonScanner *self,
         guint            line,
         guint            column,
         const char      *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  va_list args;

  if (self->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path = reel_json_scanner_dup_path (self);
  self->problem = reel_problem_new (REEL_PROBLEM_ERROR, path, line, column, message);
  self->error = g_error_new (REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX,
                             "%u:%u: %s", line, column, message);
  return FALSE;
}

/* Names the character at the cursor for a message: 'x', U+0000 or a byte. */
static char *
describe_next (ReelJsonScanner *self)
{
  int c = peek (self);

  if (c < 0)
    return g_strdup (_("the end of the file"));
  if (c > 0x20 && c < 0x7F)
    return g_strdup_printf ("“%c”", c);
  if (c < 0x80)
    return g_strdup_printf ("U+%04X", (guint) c);
  return g_strdup_printf (_("byte 0x%02X"), (guint) c);
}

static gboolean
fail_unexpected (ReelJsonScanner *self,
                 const char      *expected)
{
  g_autofree char *found = describe_next (self);

  return fail_at (self, self->line, cursor_column (self),
                  _("expected %s, found %s"), expected, found);
}

/* 1 for whitespace, 2 for a line end. */
static const guint8 whitespace[256] = {
  ['\t'] = 1, ['\n'] = 2, ['\r'] = 1, [' '] = 1,
};

static int
skip_whitespace_slow (ReelJsonScanner *self)
{
  for (;;)
    {
      const guint8 *p = self->pos, *end = self->end;

      for (; p < end; p++)
        {
          guint8 kind = whitespace[*p];

          if (kind == 0)
            {
              self->pos = p;
              return *p;
            }
          if (kind == 2)
            {
              self->line++;
              self->line_start = p + 1;
              self->col_base = 1;
              self->n_cont = 0;
            }
        }

      self->pos = p;
      if (refill (self) < 0)
        return -1;
    }
}

/* Skips whitespace; returns the next byte, or -1 at the end. Between two
 * tokens of a record there is usually none. */
static inline int
skip_whitespace (ReelJsonScanner *self)
{
  if (G_LIKELY (self->pos < self->end) && whitespace[*self->pos] == 0)
    return *self->pos;
  return skip_whitespace_slow (self);
}

static gboolean
emit (ReelJsonScanner   *self,
      ReelJsonEventType  type,
      guint              depth,
      guint              line,
      guint              column)
{
  ReelJsonEvent event = { type, depth, line, column, NULL, 0, 0, FALSE };

  if (self->handler == NULL)
    return TRUE;

  if (!self->handler (self, &event, self->handler_data, &self->error))
    {
      g_assert (self->error != NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
emit_text (ReelJsonScanner     *self,
           ReelJsonEvent       *event,
           const char          *text,
           gsize                length)
{
  if (self->handler == NULL)
    return TRUE;

  event->string = text;
  event->length = length;

  if (!self->handler (self, event, self->handler_data, &self->error))
    {
      g_assert (self->error != NULL);
      return FALSE;
    }

  return TRUE;
}

static int
hex_value (int c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u". */
static gboolean
read_hex4 (ReelJsonScanner *self,
           guint            line,
           guint            column,
           gunichar        *out)
{
  *out = 0;
  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value (peek (self));

      if (v < 0)
        return fail_at (self, line, column, _("a \\u escape needs four hexadecimal digits"));
      *out = (*out << 4) | (guint) v;
      advance (self);
    }

  return TRUE;
}

static gboolean
read_escape (ReelJsonScanner *self)
{
  guint line = self->line, column = cursor_column (self);
  gunichar u;
  int c;

  advance (self);   /* the backslash */
  c = peek (self);
  switch (c)
    {
    case '"': case '\\': case '/':
      g_string_append_c (self->text, c);
      break;
    case 'b': g_string_append_c (self->text, '\b'); break;
    case 'f': g_string_append_c (self->text, '\f'); break;
    case 'n': g_string_append_c (self->text, '\n'); break;
    case 'r': g_string_append_c (self->text, '\r'); break;
    case 't': g_string_append_c (self->text, '\t'); break;
    case 'u':
      advance (self);
      if (!read_hex4 (self, line, column, &u))
        return FALSE;
      if (u >= 0xDC00 && u <= 0xDFFF)
        return fail_at (self, line, column,
                        _("\\u%04X is the second half of a surrogate pair without a first"), u);
      if (u >= 0xD800 && u <= 0xDBFF)
        {
          gunichar low;

          if (peek (self) != '\\')
            return fail_at (self, line, column,
                            _("\\u%04X must be followed by the second half of its surrogate pair"), u);
          advance (self);
          if (peek (self) != 'u')
            return fail_at (self, line, column,
                            _("\\u%04X must be followed by the second half of its surrogate pair"), u);
          advance (self);
          if (!read_hex4 (self, line, column, &low))
            return FALSE;
          if (low < 0xDC00 || low > 0xDFFF)
            return fail_at (self, line, column,
                            _("\\u%04X must be followed by the second half of its surrogate pair"), u);
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
      if (u == 0)
        return fail_at (self, line, column, _("text may not contain U+0000"));
      g_string_append_unichar (self->text, u);
      return TRUE;
    default:
      return fail_at (self, line, column, _("“\\%c” is not a JSON escape"), c > 0x20 && c < 0x7F ? c : '?');
    }

  advance (self);
  return TRUE;
}

/* Reads one UTF-8 encoded character of two to four bytes, checking it the way
 * Unicode's table 3-7 does: no overlong forms, no surrogates, nothing past
 * U+10FFFF. */
static gboolean
read_utf8 (ReelJsonScanner *self)
{
  guint line = self->line, column = cursor_column (self);
  guint8 lead = *self->pos;
  guint8 lo = 0x80, hi = 0xBF;
  guint n;

  if (lead >= 0xC2 && lead <= 0xDF)
    n = 1;
  else if (lead >= 0xE0 && lead <= 0xEF)
    {
      n = 2;
      if (lead == 0xE0)
        lo = 0xA0;
      else if (lead == 0xED)
        hi = 0x9F;
    }
  else if (lead >= 0xF0 && lead <= 0xF4)
    {
      n = 3;
      if (lead == 0xF0)
        lo = 0x90;
      else if (lead == 0xF4)
        hi = 0x8F;
    }
  else
    return fail_at (self, line, column, _("invalid UTF-8 (byte 0x%02X)"), lead);

  g_string_append_c (self->text, lead);
  self->pos++;

  for (guint i = 0; i < n; i++)
    {
      int c = peek (self);

      if (c < lo || c > hi)
        return fail_at (self, line, column, _("invalid UTF-8 (byte 0x%02X)"), lead);
      g_string_append_c (self->text, c);
      /* A continuation byte: no new character, so no new column. */
      self->pos++;
      self->n_cont++;
      lo = 0x80;
      hi = 0xBF;
    }

  return TRUE;
}

/* The length of the UTF-8 sequence at @p when it is whole before @end and
 * valid by Unicode's table 3-7 (as read_utf8() checks it), else 0. */
static inline guint
utf8_sequence_length (const guint8 *p,
                      const guint8 *end)
{
  guint8 lead = p[0], lo = 0x80, hi = 0xBF;
  guint n;

  if (lead >= 0xC2 && lead <= 0xDF)
    n = 2;
  else if (lead >= 0xE0 && lead <= 0xEF)
    {
      n = 3;
      if (lead == 0xE0)
        lo = 0xA0;
      else if (lead == 0xED)
        hi = 0x9F;
    }
  else if (lead >= 0xF0 && lead <= 0xF4)
    {
      n = 4;
      if (lead == 0xF0)
        lo = 0x90;
      else if (lead == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  if (end - p < (gssize) n || p[1] < lo || p[1] > hi)
    return 0;
  for (guint i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xBF)
      return 0;

  return n;
}

gboolean reel_json_use_simd = TRUE;

static gboolean read_string_copied (ReelJsonScanner *self);

/* Reads a string (the cursor is on the opening quote) into self->str.
 *
 * Most strings are read where they lie in the buffer: when the whole string
 * is there, without escapes, its closing quote is overwritten with a NUL
 * (the buffer is ours, and nothing reads that byte again) and self->str
 * points into the buffer. The run of plain bytes is found eight at a time;
 * UTF-8 is checked in place. Anything else (an escape, a fault, a string
 * that the buffer cuts) is read again from the opening quote by
 * read_string_copied(), which copies into self->text and knows every
 * message. */
static gboolean
read_string (ReelJsonScanner *self)
{
  const guint8 *start = self->pos + 1, *p = start, *end = self->end;
  guint n_cont = 0;

  for (;;)
    {
      guint n;

      p = reel_json_find_string_stop (p, end);
      if (p >= end || *p < 0x80)
        break;

      n = utf8_sequence_length (p, end);
      if (n == 0)
        break;
      p += n;
      n_cont += n - 1;
    }

  if (p < end && *p == '"' && p - start <= REEL_JSON_MAX_STRING)
    {
      guint8 *quote = self->buffer.data + (p - self->buffer.data);

      *quote = '\0';
      self->str = (const char *) start;
      self->str_len = p - start;
      self->n_cont += n_cont;
      self->pos = p + 1;
      return TRUE;
    }

  return read_string_copied (self);
}

/* Reads a string into self->text, from the opening quote at the cursor. */
static gboolean
read_string_copied (ReelJsonScanner *self)
{
  guint line = self->line, column = cursor_column (self);

  g_string_truncate (self->text, 0);
  self->str = self->text->str;
  self->str_len = 0;
  advance (self);

  for (;;)
    {
      const guint8 *start = self->pos, *p = start;
      int c;

      /* Most text is plain ASCII: copy runs of it at once. */
      while (p < self->end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;
      if (p > start)
        {
          g_string_append_len (self->text, (const char *) start, p - start);
          self->pos = p;
        }

      if (self->text->len > REEL_JSON_MAX_STRING)
        return fail_at (self, line, column, _("the string is longer than the limit of %u bytes"),
                        REEL_JSON_MAX_STRING);

      c = peek (self);
      if (c == '"')
        {
          advance (self);
          self->str = self->text->str;
          self->str_len = self->text->len;
          return TRUE;
        }
      else if (c == '\\')
        {
          if (!read_escape (self))
            return FALSE;
        }
      else if (c >= 0x80)
        {
          if (!read_utf8 (self))
            return FALSE;
        }
      else if (c < 0)
        {
          return fail_at (self, line, column, _("the string is not closed before the end of the file"));
        }
      else if (c < 0x20)
        {
          return fail_at (self, self->line, cursor_column (self),
                          _("a control character (U+%04X) must be escaped in a string"), (guint) c);
        }
    }
}

static void
take (ReelJsonScanner *self)
{
  g_string_append_c (self->text, *self->pos);
  advance (self);
}

/* @what is untranslated (N_()), so that a number pays for no gettext()
 * call unless it is wrong. */
static gboolean
take_digits (ReelJsonScanner *self,
             guint            line,
             guint            column,
             const char      *what)
{
  if (!is_digit (peek (self)))
    {
      g_autofree char *found = describe_next (self);

      return fail_at (self, line, column, _("expected a digit %s, found %s"), _(what), found);
    }

  while (is_digit (peek (self)))
    {
      if (self->text->len >= REEL_JSON_MAX_NUMBER_LENGTH)
        return fail_at (self, line, column, _("the number is longer than %u characters"),
                        REEL_JSON_MAX_NUMBER_LENGTH);
      take (self);
    }

  return TRUE;
}

static gboolean read_number_copied (ReelJsonScanner *self,
                                    ReelJsonEvent   *event);

static gboolean
read_number (ReelJsonScanner *self,
             guint            depth)
{
  ReelJsonEvent event = { REEL_JSON_NUMBER, depth, self->line, cursor_column (self), NULL, 0, 0, TRUE };
  const guint8 *number_end;
  guint8 *terminator, saved;
  const char *literal;
  gboolean ok;

  if (!reel_json_parse_number_fast (self->pos, self->end, &event, &number_end))
    {
      event.integer = TRUE;
      return read_number_copied (self, &event);
    }

  /* The literal is handed over where it lies, NUL-terminated for the call
   * by the byte after it, which is put back. */
  literal = (const char *) self->pos;
  terminator = self->buffer.data + (number_end - self->buffer.data);
  saved = *terminator;
  *terminator = '\0';
  self->pos = number_end;
  ok = emit_text (self, &event, literal, number_end - (const guint8 *) literal);
  *terminator = saved;

  return ok;
}

/* Reads the number at the cursor into self->text, then converts it with
 * g_ascii_strtod(). */
static gboolean
read_number_copied (ReelJsonScanner *self,
                    ReelJsonEvent   *event_in)
{
  ReelJsonEvent event = *event_in;
  char *end = NULL;

  g_string_truncate (self->text, 0);

  if (peek (self) == '-')
    take (self);

  if (peek (self) == '0')
    {
      take (self);
      if (is_digit (peek (self)))
        return fail_at (self, event.line, event.column, _("a number may not start with 0"));
    }
  else if (!take_digits (self, event.line, event.column, N_("in the number")))
    return FALSE;

  if (peek (self) == '.')
    {
      event.integer = FALSE;
      take (self);
      if (!take_digits (self, event.line, event.column, N_("after the decimal point")))
        return FALSE;
    }

  if (peek (self) == 'e' || peek (self) == 'E')
    {
      event.integer = FALSE;
      take (self);
      if (peek (self) == '+' || peek (self) == '-')
        take (self);
      if (!take_digits (self, event.line, event.column, N_("in the exponent")))
        return FALSE;
    }

  event.number = g_ascii_strtod (self->text->str, &end);
  g_assert (end == self->text->str + self->text->len);

  /* An underflow to zero or a subnormal still fits; an overflow does not. */
  if (!isfinite (event.number))
    {
      if (self->text->len > 24)
        g_string_overwrite (g_string_truncate (self->text, 21), 20, "…");
      return fail_at (self, event.line, event.column,
                      _("the number %s is too large"), self->text->str);
    }

  return emit_text (self, &event, self->text->str, self->text->len);
}

static gboolean
read_word (ReelJsonScanner   *self,
           const char        *word,
           ReelJsonEventType  type,
           guint              depth)
{
  guint line = self->line, column = cursor_column (self);

  for (const char *w = word; *w != '\0'; w++)
    {
      if (peek (self) != *w)
        return fail_at (self, line, column,
                        _("expected a value (a string, number, object, array, true, false or null)"));
      advance (self);
    }

  return emit (self, type, depth, line, column);
}

/* memcpy() for the few bytes of a member name: a call to the library's
 * memcpy() for each of five names per record costs more than the copy.
 * Two fixed-size copies that may overlap cover 4 to 16 bytes. */
static inline void
copy_bytes (char       *dest,
            const char *src,
            gsize       n)
{
  if (n >= 8 && n <= 16)
    {
      memcpy (dest, src, 8);
      memcpy (dest + n - 8, src + n - 8, 8);
    }
  else if (n >= 4 && n < 8)
    {
      memcpy (dest, src, 4);
      memcpy (dest + n - 4, src + n - 4, 4);
    }
  else
    {
      memcpy (dest, src, n);
    }
}

/* Appends a member name and a NUL to @keys, without a call while there is
 * room: five names per record. The NUL is written, not copied: the name's
 * own NUL was stored a moment ago over its closing quote, and reading it
 * back in a wider load would stall on that store. */
static inline void
append_key (GString    *keys,
            const char *key,
            gsize       length)
{
  if (G_LIKELY (length + 1 < keys->allocated_len - keys->len))
    {
      copy_bytes (keys->str + keys->len, key, length);
      keys->len += length + 1;
      keys->str[keys->len - 1] = '\0';
      keys->str[keys->len] = '\0';
    }
  else
    {
      g_string_append_len (keys, key, length);
      g_string_append_c (keys, '\0');
    }
}

static gboolean
frame_add_key (Frame      *frame,
               const char *key,
               gsize       length)
{
  if (frame->key_set == NULL && frame->n_keys >= LINEAR_KEYS_MAX)
    {
      const char *k = frame->keys->str;

      frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < frame->n_keys; i++, k += strlen (k) + 1)
        g_hash_table_add (frame->key_set, g_strdup (k));
    }

  if (frame->key_set != NULL)
    {
      if (g_hash_table_contains (frame->key_set, key))
        return FALSE;
      g_hash_table_add (frame->key_set, g_strndup (key, length));
    }
  else
    {
      const char *k = frame->keys->str;

      for (guint i = 0; i < frame->n_keys; k += frame->key_lengths[i] + 1, i++)
        if (frame->key_lengths[i] == length && k[0] == key[0] && memcmp (k, key, length) == 0)
          return FALSE;
      frame->key_lengths[frame->n_keys] = length;
    }

  frame->last_key = frame->keys->len;
  append_key (frame->keys, key, length);
  frame->n_keys++;

  return TRUE;
}

static Frame *
push_frame (ReelJsonScanner *self,
            gboolean         is_object)
{
  Frame *frame = &self->frames[self->n_frames++];

  frame->is_object = is_object;
  frame->index = 0;
  frame->n_keys = 0;
  frame->last_key = 0;
  if (frame->keys == NULL)
    frame->keys = g_string_new (NULL);
  frame->keys->len = 0;
  frame->keys->str[0] = '\0';
  g_clear_pointer (&frame->key_set, g_hash_table_unref);

  return frame;
}

static gboolean read_value (ReelJsonScanner *self,
                            guint            depth);

/* Reads the “{” or “[” at the cursor, reports it and opens its frame;
 * NULL when nesting would go past the limit. */
static Frame *
open_container (ReelJsonScanner   *self,
                ReelJsonEventType  type,
                guint              depth)
{
  if (self->n_frames >= REEL_JSON_MAX_DEPTH)
    {
      fail_at (self, self->line, cursor_column (self), _("nesting is deeper than the limit of %u levels"),
               REEL_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!emit (self, type, depth, self->line, cursor_column (self)))
    return NULL;

  advance (self);
  return push_frame (self, type == REEL_JSON_OBJECT_START);
}

static gboolean
read_object (ReelJsonScanner *self,
             guint            depth)
{
  Frame *frame = open_container (self, REEL_JSON_OBJECT_START, depth);
  guint line, column;
  int c;

  if (frame == NULL)
    return FALSE;

  c = skip_whitespace (self);
  if (c != '}')
    for (;;)
      {
        ReelJsonEvent key = { REEL_JSON_KEY, depth + 1, self->line, cursor_column (self), NULL, 0, 0, FALSE };

        frame->in_key = TRUE;
        if (c != '"')
          return fail_unexpected (self, _("a member name in double quotes"));
        if (!read_string (self))
          return FALSE;
        frame->in_key = FALSE;
        if (!frame_add_key (frame, self->str, self->str_len))
          {
            g_autofree char *quoted = g_strescape (self->str, NULL);

            /* Point the path at the duplicate, which is what the author must remove. */
            frame->last_key = frame->keys->len;
            g_string_append_len (frame->keys, self->str, self->str_len + 1);
            return fail_at (self, key.line, key.column,
                            _("duplicate member “%s” in the same object"), quoted);
          }
        if (!emit_text (self, &key, self->str, self->str_len))
          return FALSE;

        if (skip_whitespace (self) != ':')
          return fail_unexpected (self, _("“:” after the member name"));
        advance (self);

        skip_whitespace (self);
        if (!read_value (self, depth + 1))
          return FALSE;

        /* Past the value, a fault belongs to the object, not to the member. */
        frame->in_key = TRUE;
        c = skip_whitespace (self);
        if (c == '}')
          break;
        if (c != ',')
          return fail_unexpected (self, _("“,” or “}”"));
        advance (self);
        c = skip_whitespace (self);
      }

  self->n_frames--;
  line = self->line;
  column = cursor_column (self);
  advance (self);

  return emit (self, REEL_JSON_OBJECT_END, depth, line, column);
}

static gboolean
read_array (ReelJsonScanner *self,
            guint            depth)
{
  Frame *frame = open_container (self, REEL_JSON_ARRAY_START, depth);
  ReelJsonObjectHandler objects = self->objects;
  gpointer objects_data = self->objects_data;
  guint line, column;
  int c;

  /* Set for this array only, not for the arrays in its elements. */
  self->objects = NULL;
  if (frame == NULL)
    return FALSE;
  if (self->skip_pending && !reel_json_scanner_jump (self))
    return FALSE;

  c = skip_whitespace (self);
  if (c != ']')
    for (;;)
      {
        FlatResult flat = FLAT_NOT;

        if (c == '{' && objects != NULL)
          flat = reel_json_scanner_read_flat_object (self, depth + 1, objects, objects_data);
        if (flat == FLAT_FAILED || (flat == FLAT_NOT && !read_value (self, depth + 1)))
          return FALSE;

        c = skip_whitespace (self);
        if (c == ']')
          break;
        if (c != ',')
          return fail_unexpected (self, _("“,” or “]”"));
        advance (self);
        c = skip_whitespace (self);
        frame->index++;
      }

  self->n_frames--;
  line = self->line;
  column = cursor_column (self);
  advance (self);

  return emit (self, REEL_JSON_ARRAY_END, depth, line, column);
}

/* Reads one value; the cursor is on its first character. */
static gboolean
read_value (ReelJsonScanner *self,
            guint            depth)
{
  switch (peek (self))
    {
    case '{':
      return read_object (self, depth);
    case '[':
      return read_array (self, depth);
    case '"':
      {
        ReelJsonEvent event = { REEL_JSON_STRING, depth, self->line, cursor_column (self), NULL, 0, 0, FALSE };

        return read_string (self) && emit_text (self, &event, self->str, self->str_len);
      }
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (self, depth);
    case 't':
      return read_word (self, "true", REEL_JSON_TRUE, depth);
    case 'f':
      return read_word (self, "false", REEL_JSON_FALSE, depth);
    case 'n':
      return read_word (self, "null", REEL_JSON_NULL, depth);
    case '/':
      return fail_at (self, self->line, cursor_column (self), _("JSON does not allow comments"));
    case ']': case '}':
      return fail_unexpected (self, _("a value (a trailing comma is not allowed)"));
    case 'N': case 'I':
      return fail_at (self, self->line, cursor_column (self), _("NaN and Infinity are not JSON numbers"));
    default:
      return fail_unexpected (self, _("a value"));
    }
}

ReelJsonScanner *
reel_json_scanner_new (GInputStream *stream,
                       guint64       limit,
                       GCancellable *cancellable)
{
  ReelJsonScanner *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (ReelJsonScanner, 1);
  reel_read_buffer_init (&self->buffer, stream, limit, cancellable);
  self->line = 1;
  self->col_base = 1;
  self->text = g_string_sized_new (256);

  return self;
}

void
reel_json_scanner_free (ReelJsonScanner *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->frames); i++)
    {
      if (self->frames[i].keys != NULL)
        g_string_free (self->frames[i].keys, TRUE);
      g_clear_pointer (&self->frames[i].key_set, g_hash_table_unref);
    }
  reel_read_buffer_clear (&self->buffer);
  g_string_free (self->text, TRUE);
  g_clear_error (&self->error);
  g_clear_pointer (&self->problem, reel_problem_free);
  g_free (self);
}

void
reel_json_scanner_set_progress (ReelJsonScanner  *self,
                                ReelProgressFunc  progress,
                                gpointer          user_data)
{
  g_return_if_fail (self != NULL);

  self->buffer.progress = progress;
  self->buffer.progress_data = user_data;
}

/* Reads the whole document, calling @handler for each token. On a syntax error
 * @problem gets what is wrong and where, and @error a copy of it; a read error
 * or the handler's error comes only in @error. */
gboolean
reel_json_scanner_scan (ReelJsonScanner  *self,
                        ReelJsonHandler   handler,
                        gpointer          user_data,
                        ReelProblem     **problem,
                        GError          **error)
{
  int c;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (problem == NULL || *problem == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->handler = handler;
  self->handler_data = user_data;

  /* A UTF-8 byte-order mark is allowed, and is not a character of line 1. */
  if (peek (self) == 0xEF)
    {
      self->pos++;
      if (peek (self) != 0xBB || (self->pos++, peek (self)) != 0xBF)
        fail_at (self, 1, 1, _("invalid UTF-8 (byte 0xEF)"));
      else
        self->pos++;

      /* Line 1 starts after it. */
      self->line_start = self->pos;
      self->col_base = 1;
      self->n_cont = 0;
    }

  if (self->error == NULL)
    {
      c = skip_whitespace (self);
      if (c < 0)
        fail_at (self, self->line, cursor_column (self),
                 self->line == 1 && cursor_column (self) == 1 ? _("the file is empty")
                                                              : _("the file has no JSON value"));
      else if (read_value (self, 0) && skip_whitespace (self) >= 0)
        fail_at (self, self->line, cursor_column (self),
                 _("unexpected data after the end of the document"));
    }

  if (self->error != NULL)
    {
      if (problem != NULL && self->problem != NULL)
        *problem = reel_problem_copy (self->problem);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  return TRUE;
}

/* Appends a member name to a JSON path: `.name`, or `["a.b"]` when the name
 * is not a plain word. */
void
reel_json_path_append_key (GString    *path,
                           const char *key)
{
  gboolean plain = g_ascii_isalpha (key[0]) || key[0] == '_';

  for (const char *k = key; plain && *k != '\0'; k++)
    plain = g_ascii_isalnum (*k) || *k == '_' || *k == '-';

  if (plain)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_autofree char *escaped = g_strescape (key, "");

      g_string_append_printf (path, "[\"%s\"]", escaped);
    }
}

/* The path of the value being read: `regions[3].revenue[1].value`; "" at
 * the root. */
char *
reel_json_scanner_dup_path (ReelJsonScanner *self)
{
  GString *path;

  g_return_val_if_fail (self != NULL, NULL);

  path = g_string_new (NULL);
  for (guint i = 0; i < self->n_frames; i++)
    {
      Frame *frame = &self->frames[i];

      if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->n_keys > 0 && !frame->in_key)
        reel_json_path_append_key (path, frame->keys->str + frame->last_key);
    }

  return g_string_free (path, FALSE);
}

int
reel_json_scanner_skip_whitespace (ReelJsonScanner *self)
{
  return skip_whitespace (self);
}

gboolean
reel_json_scanner_read_value (ReelJsonScanner *self,
                              guint            depth)
{
  return read_value (self, depth);
}

Frame *
reel_json_scanner_push_frame (ReelJsonScanner *self,
                              gboolean         is_object)
{
  return push_frame (self, is_object);
}

gboolean
reel_json_scanner_add_key (Frame      *frame,
                           const char *key,
                           gsize       length)
{
  return frame_add_key (frame, key, length);
}

gboolean
reel_json_scanner_fail_unexpected (ReelJsonScanner *self,
                                   const char      *expected)
{
  return fail_unexpected (self, expected);
}

/* For the tests: whether strings are scanned with SSE2 (where the build
 * has it) or the portable way. Not for use while a scan runs. */
void
reel_json_scanner_set_simd (gboolean enabled)
{
  reel_json_use_simd = enabled;
}
