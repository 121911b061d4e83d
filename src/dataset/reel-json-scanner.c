/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-json-scanner"

#include "config.h"

#include "reel-json-scanner.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* An object's keys are compared one by one while there are few of them (a
 * record has five); past this many they go into a hash set. */
#define LINEAR_KEYS_MAX 16

typedef struct {
  gboolean    is_object;
  guint       index;        /* arrays: the element being read */
  GString    *keys;         /* objects: every key so far, each followed by a NUL */
  gsize       last_key;     /* objects: offset of the current key in keys */
  guint       n_keys;
  gboolean    in_key;       /* objects: not inside a member (between members) */
  GHashTable *key_set;      /* objects with more than LINEAR_KEYS_MAX keys */
} Frame;

struct _ReelJsonScanner {
  ReelReadBuffer   buffer;
  const guint8    *pos;
  const guint8    *end;
  guint            line;
  guint            column;

  ReelJsonHandler  handler;
  gpointer         handler_data;

  Frame            frames[REEL_JSON_MAX_DEPTH];
  guint            n_frames;

  GString         *text;      /* the current string or number literal */

  GError          *error;     /* the first failure: I/O, syntax or the handler's */
  ReelProblem     *problem;   /* the syntax failure, positioned */
};

static int
refill (ReelJsonScanner *self)
{
  if (self->error != NULL)
    return -1;

  if (!reel_read_buffer_fill (&self->buffer, &self->error))
    return -1;

  self->pos = self->buffer.data;
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

/* Consumes the byte peek() returned; only continuation bytes of UTF-8 do not
 * start a character, so they do not move the column. */
static inline void
advance (ReelJsonScanner *self)
{
  guint8 c = *self->pos++;

  if (c == '\n')
    {
      self->line++;
      self->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    {
      self->column++;
    }
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

  return fail_at (self, self->line, self->column,
                  _("expected %s, found %s"), expected, found);
}

static int
skip_whitespace (ReelJsonScanner *self)
{
  for (;;)
    {
      int c = peek (self);

      if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
        return c;
      advance (self);
    }
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
           ReelJsonEvent       *event)
{
  if (self->handler == NULL)
    return TRUE;

  event->string = self->text->str;
  event->length = self->text->len;

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
  guint line = self->line, column = self->column;
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
  guint line = self->line, column = self->column;
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
  advance (self);

  for (guint i = 0; i < n; i++)
    {
      int c = peek (self);

      if (c < lo || c > hi)
        return fail_at (self, line, column, _("invalid UTF-8 (byte 0x%02X)"), lead);
      g_string_append_c (self->text, c);
      advance (self);
      lo = 0x80;
      hi = 0xBF;
    }

  return TRUE;
}

/* Reads a string into self->text; the cursor is on the opening quote. */
static gboolean
read_string (ReelJsonScanner *self)
{
  guint line = self->line, column = self->column;

  g_string_truncate (self->text, 0);
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
          self->column += p - start;
          self->pos = p;
        }

      if (self->text->len > REEL_JSON_MAX_STRING)
        return fail_at (self, line, column, _("the string is longer than the limit of %u bytes"),
                        REEL_JSON_MAX_STRING);

      c = peek (self);
      if (c == '"')
        {
          advance (self);
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
          return fail_at (self, self->line, self->column,
                          _("a control character (U+%04X) must be escaped in a string"), (guint) c);
        }
    }
}

static gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

static void
take (ReelJsonScanner *self)
{
  g_string_append_c (self->text, *self->pos);
  advance (self);
}

static gboolean
take_digits (ReelJsonScanner *self,
             guint            line,
             guint            column,
             const char      *what)
{
  if (!is_digit (peek (self)))
    {
      g_autofree char *found = describe_next (self);

      return fail_at (self, line, column, _("expected a digit %s, found %s"), what, found);
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

static gboolean
read_number (ReelJsonScanner *self,
             guint            depth)
{
  ReelJsonEvent event = { REEL_JSON_NUMBER, depth, self->line, self->column, NULL, 0, 0, TRUE };
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
  else if (!take_digits (self, event.line, event.column, _("in the number")))
    return FALSE;

  if (peek (self) == '.')
    {
      event.integer = FALSE;
      take (self);
      if (!take_digits (self, event.line, event.column, _("after the decimal point")))
        return FALSE;
    }

  if (peek (self) == 'e' || peek (self) == 'E')
    {
      event.integer = FALSE;
      take (self);
      if (peek (self) == '+' || peek (self) == '-')
        take (self);
      if (!take_digits (self, event.line, event.column, _("in the exponent")))
        return FALSE;
    }

  errno = 0;
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

  return emit_text (self, &event);
}

static gboolean
read_word (ReelJsonScanner   *self,
           const char        *word,
           ReelJsonEventType  type,
           guint              depth)
{
  guint line = self->line, column = self->column;

  for (const char *w = word; *w != '\0'; w++)
    {
      if (peek (self) != *w)
        return fail_at (self, line, column,
                        _("expected a value (a string, number, object, array, true, false or null)"));
      advance (self);
    }

  return emit (self, type, depth, line, column);
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

      for (guint i = 0; i < frame->n_keys; i++, k += strlen (k) + 1)
        if (strcmp (k, key) == 0)
          return FALSE;
    }

  frame->last_key = frame->keys->len;
  g_string_append_len (frame->keys, key, length + 1);
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
  g_string_truncate (frame->keys, 0);
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
      fail_at (self, self->line, self->column, _("nesting is deeper than the limit of %u levels"),
               REEL_JSON_MAX_DEPTH);
      return NULL;
    }

  if (!emit (self, type, depth, self->line, self->column))
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
        ReelJsonEvent key = { REEL_JSON_KEY, depth + 1, self->line, self->column, NULL, 0, 0, FALSE };

        frame->in_key = TRUE;
        if (c != '"')
          return fail_unexpected (self, _("a member name in double quotes"));
        if (!read_string (self))
          return FALSE;
        frame->in_key = FALSE;
        if (!frame_add_key (frame, self->text->str, self->text->len))
          {
            g_autofree char *quoted = g_strescape (self->text->str, NULL);

            /* Point the path at the duplicate, which is what the author must remove. */
            frame->last_key = frame->keys->len;
            g_string_append_len (frame->keys, self->text->str, self->text->len + 1);
            return fail_at (self, key.line, key.column,
                            _("duplicate member “%s” in the same object"), quoted);
          }
        if (!emit_text (self, &key))
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
  column = self->column;
  advance (self);

  return emit (self, REEL_JSON_OBJECT_END, depth, line, column);
}

static gboolean
read_array (ReelJsonScanner *self,
            guint            depth)
{
  Frame *frame = open_container (self, REEL_JSON_ARRAY_START, depth);
  guint line, column;
  int c;

  if (frame == NULL)
    return FALSE;

  c = skip_whitespace (self);
  if (c != ']')
    for (;;)
      {
        if (!read_value (self, depth + 1))
          return FALSE;

        c = skip_whitespace (self);
        if (c == ']')
          break;
        if (c != ',')
          return fail_unexpected (self, _("“,” or “]”"));
        advance (self);
        skip_whitespace (self);
        frame->index++;
      }

  self->n_frames--;
  line = self->line;
  column = self->column;
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
        ReelJsonEvent event = { REEL_JSON_STRING, depth, self->line, self->column, NULL, 0, 0, FALSE };

        return read_string (self) && emit_text (self, &event);
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
      return fail_at (self, self->line, self->column, _("JSON does not allow comments"));
    case ']': case '}':
      return fail_unexpected (self, _("a value (a trailing comma is not allowed)"));
    case 'N': case 'I':
      return fail_at (self, self->line, self->column, _("NaN and Infinity are not JSON numbers"));
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
  self->column = 1;
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
    }

  if (self->error == NULL)
    {
      c = skip_whitespace (self);
      if (c < 0)
        fail_at (self, self->line, self->column,
                 self->line == 1 && self->column == 1 ? _("the file is empty")
                                                      : _("the file has no JSON value"));
      else if (read_value (self, 0) && skip_whitespace (self) >= 0)
        fail_at (self, self->line, self->column,
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
