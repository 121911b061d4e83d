/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-json-scanner"

#include "config.h"

#include "reel-json-scanner.h"
#include "reel-json-scanner-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* A stretch of the elements of a large array, read on its own: a thread
 * that reads the records from the middle of a file starts at an element
 * found by reel_json_scanner_seek_element() and stops at the first element
 * past its stretch, where the next one starts. Positions count from line 1,
 * column 1 where the reading starts; the caller knows where that is in the
 * file once the stretches before it are read. The scanner of the whole
 * document then skips the array (reel_json_scanner_skip_array()). */

/* The offset in the file of the byte at the cursor: during an event, where
 * its token starts. */
guint64
reel_json_scanner_get_offset (ReelJsonScanner *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->buffer.offset + (guint64) (self->pos - self->buffer.data);
}

/* The line and column at the cursor. */
void
reel_json_scanner_get_position (ReelJsonScanner *self,
                                guint           *line,
                                guint           *column)
{
  g_return_if_fail (self != NULL);

  *line = self->line;
  *column = cursor_column (self);
}

/* Called by the handler of an ARRAY_START, when the array's elements were
 * read by other means: the scan goes on at @offset, where the array's
 * closing bracket is, at @line and @column. The stream must be seekable. */
void
reel_json_scanner_skip_array (ReelJsonScanner *self,
                              guint64          offset,
                              guint            line,
                              guint            column)
{
  g_return_if_fail (self != NULL);

  self->skip_pending = TRUE;
  self->skip_offset = offset;
  self->skip_line = line;
  self->skip_column = column;
}

/* Moves the cursor to where reel_json_scanner_skip_array() said. */
gboolean
reel_json_scanner_jump (ReelJsonScanner *self)
{
  self->skip_pending = FALSE;
  if (!reel_read_buffer_seek (&self->buffer, self->skip_offset, &self->error))
    return FALSE;

  /* An empty buffer: the next peek() fills it, and takes its column from here. */
  self->pos = self->end = self->line_start = self->buffer.data;
  self->line = self->skip_line;
  self->col_base = self->skip_column;
  self->n_cont = 0;
  return TRUE;
}

/* Called by the handler of an ARRAY_START: the array's elements that are
 * flat objects (members that are strings and numbers) on one line go to
 * @handler whole, in one call each, not token by token; the others are
 * scanned as usual. A million records are a million such objects, and
 * their twelve events each cost more than the reading. */
void
reel_json_scanner_read_objects (ReelJsonScanner       *self,
                                ReelJsonObjectHandler  handler,
                                gpointer               user_data)
{
  g_return_if_fail (self != NULL);

  self->objects = handler;
  self->objects_data = user_data;
  self->shape.n_members = 0;
}

/* Whether flat objects are read whole; the tests turn it off to check that
 * reading them token by token makes the same. */
static gboolean read_flat = TRUE;

/* For the tests. Not for use while a scan runs. */
void
reel_json_scanner_set_flat_objects (gboolean enabled)
{
  read_flat = enabled;
}

static inline const guint8 *
skip_blanks (const guint8 *p,
             const guint8 *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Where the string whose opening quote is at @p closes, when it is plain
 * ASCII without escapes, within the limit, and closes before @end; else
 * NULL. */
static inline const guint8 *
plain_string_end (const guint8 *p,
                  const guint8 *end)
{
  const guint8 *q = reel_json_find_string_stop (p + 1, end);

  if (q < end && *q == '"' && q - (p + 1) <= REEL_JSON_MAX_STRING)
    return q;
  return NULL;
}

/* Reads the members of the flat object at @start (its "{") into @members,
 * and where each value's text ends into @ends; returns where its "}" is, or
 * NULL when it is not one to read whole. Positions are on @line, from
 * @column at @start. */
static const guint8 *
parse_flat (const guint8    *start,
            const guint8    *end,
            guint            depth,
            guint            line,
            guint            column,
            ReelJsonMember  *members,
            const guint8   **ends,
            guint           *n_members)
{
  const guint8 *p = skip_blanks (start + 1, end);
  guint n = 0;

  for (;;)
    {
      ReelJsonMember *member = &members[n];
      const guint8 *q;

      if (n == REEL_JSON_FLAT_MEMBERS_MAX || p >= end || *p != '"' || (q = plain_string_end (p, end)) == NULL)
        return NULL;
      member->key = (ReelJsonEvent) { REEL_JSON_KEY, depth + 1, line, column + (guint) (p - start),
                                      (const char *) p + 1, q - (p + 1), 0, FALSE };
      for (guint i = 0; i < n; i++)
        if (members[i].key.length == member->key.length &&
            memcmp (members[i].key.string, member->key.string, member->key.length) == 0)
          return NULL;

      p = skip_blanks (q + 1, end);
      if (p >= end || *p != ':')
        return NULL;
      p = skip_blanks (p + 1, end);
      if (p >= end)
        return NULL;

      member->value = (ReelJsonEvent) { REEL_JSON_STRING, depth + 1, line, column + (guint) (p - start),
                                        (const char *) p, 0, 0, FALSE };
      if (*p == '"')
        {
          if ((q = plain_string_end (p, end)) == NULL)
            return NULL;
          member->value.string++;
          member->value.length = q - (p + 1);
          p = q + 1;
        }
      else
        {
          member->value.type = REEL_JSON_NUMBER;
          member->value.integer = TRUE;
          if (!reel_json_parse_number_fast (p, end, &member->value, &q))
            return NULL;
          member->value.length = q - p;
          p = q;
        }
      /* A string's closing quote, or the byte after a number. */
      ends[n++] = q;

      p = skip_blanks (p, end);
      if (p >= end)
        return NULL;
      if (*p == '}')
        break;
      if (*p != ',')
        return NULL;
      p = skip_blanks (p + 1, end);
    }

  *n_members = n;
  return p;
}

/* Keeps the text around the values of the object just read, when it is
 * short enough, for match_shape(). */
static void
remember_shape (FlatShape            *shape,
                const guint8         *start,
                const guint8         *close,
                const ReelJsonMember *members,
                const guint8        **ends,
                guint                 n)
{
  gsize length = 0;

  shape->n_members = 0;
  for (guint i = 0; i <= n; i++)
    {
      const guint8 *from = i == 0 ? start : ends[i - 1];
      const guint8 *to = i < n ? (const guint8 *) members[i].value.string : close + 1;

      if (length + (to - from) > FLAT_SHAPE_MAX)
        return;
      shape->segments[i] = length;
      memcpy (shape->text + length, from, to - from);
      length += to - from;
      if (i < n)
        {
          shape->key_offsets[i] = (const guint8 *) members[i].key.string - from;
          shape->key_lengths[i] = members[i].key.length;
        }
    }
  shape->segments[n + 1] = length;
  shape->n_members = n;
}

/* Whether the @n bytes at @a and @b are the same: a segment is a few bytes
 * (`","country":"`), fewer than a call to memcmp() costs. */
static inline gboolean
same_text (const guint8 *a,
           const guint8 *b,
           gsize         n)
{
  guint64 x, y, u, v;
  guint32 h, i, j, k;

  if (n >= 8 && n <= 16)
    {
      memcpy (&x, a, 8);
      memcpy (&y, b, 8);
      memcpy (&u, a + n - 8, 8);
      memcpy (&v, b + n - 8, 8);
      return ((x ^ y) | (u ^ v)) == 0;
    }
  if (n >= 4 && n < 8)
    {
      memcpy (&h, a, 4);
      memcpy (&i, b, 4);
      memcpy (&j, a + n - 4, 4);
      memcpy (&k, b + n - 4, 4);
      return ((h ^ i) | (j ^ k)) == 0;
    }
  if (n < 4)
    {
      for (gsize m = 0; m < n; m++)
        if (a[m] != b[m])
          return FALSE;
      return TRUE;
    }
  return memcmp (a, b, n) == 0;
}

/* Reads the flat object at @start the quick way when the text around its
 * values is the last one's to the byte (as records written by one program
 * are): the names are then the same, distinct and plain, the colons and
 * commas where they were, and only the values are left to read. Returns
 * where its "}" is, or NULL when it differs. */
static const guint8 *
match_shape (const FlatShape  *shape,
             const guint8     *start,
             const guint8     *end,
             guint             depth,
             guint             line,
             guint             column,
             ReelJsonMember   *members,
             const guint8    **ends)
{
  const guint8 *p = start;

  for (guint i = 0; i <= shape->n_members; i++)
    {
      const guint8 *segment = shape->text + shape->segments[i], *q;
      gsize length = shape->segments[i + 1] - shape->segments[i];
      ReelJsonMember *member;

      if ((gsize) (end - p) < length || !same_text (p, segment, length))
        return NULL;
      if (i == shape->n_members)
        return p + length - 1;

      member = &members[i];
      member->key = (ReelJsonEvent) { REEL_JSON_KEY, depth + 1, line,
                                      column + (guint) (p - start) + shape->key_offsets[i] - 1,
                                      (const char *) p + shape->key_offsets[i], shape->key_lengths[i],
                                      0, FALSE };
      p += length;
      if (segment[length - 1] == '"')
        {
          /* p is past the opening quote, the segment's last byte. */
          if ((q = plain_string_end (p - 1, end)) == NULL)
            return NULL;
          member->value = (ReelJsonEvent) { REEL_JSON_STRING, depth + 1, line,
                                            column + (guint) (p - start) - 1,
                                            (const char *) p, q - p, 0, FALSE };
        }
      else
        {
          member->value = (ReelJsonEvent) { REEL_JSON_NUMBER, depth + 1, line,
                                            column + (guint) (p - start),
                                            (const char *) p, 0, 0, TRUE };
          if (!reel_json_parse_number_fast (p, end, &member->value, &q))
            return NULL;
          member->value.length = q - p;
        }
      ends[i] = p = q;
    }

  g_assert_not_reached ();
}

/* Reads the object at the cursor whole when it is flat and simple: on one
 * line and in the buffer, with at most REEL_JSON_FLAT_MEMBERS_MAX members
 * of distinct plain ASCII names, each a plain ASCII string or a number that
 * reel_json_parse_number_fast() reads. Its positions are then the cursor's
 * line, and columns by the byte. Anything else is FLAT_NOT, with nothing
 * consumed, for the scan token by token to read (and to name any fault). */
FlatResult
reel_json_scanner_read_flat_object (ReelJsonScanner       *self,
                                    guint                  depth,
                                    ReelJsonObjectHandler  handler,
                                    gpointer               user_data)
{
  ReelJsonMember members[REEL_JSON_FLAT_MEMBERS_MAX];
  const guint8 *ends[REEL_JSON_FLAT_MEMBERS_MAX];
  guint8 saved[REEL_JSON_FLAT_MEMBERS_MAX];
  const guint8 *start = self->pos, *end = self->end, *close = NULL;
  guint line = self->line, column = cursor_column (self);
  ReelJsonObject object = { { REEL_JSON_OBJECT_START, depth, line, column, NULL, 0, 0, FALSE } };
  guint n = self->shape.n_members;
  gboolean ok;

  if (!read_flat)
    return FLAT_NOT;

  if (n > 0)
    close = match_shape (&self->shape, start, end, depth, line, column, members, ends);
  object.same_names = close != NULL;
  if (close == NULL)
    {
      close = parse_flat (start, end, depth, line, column, members, ends, &n);
      if (close == NULL)
        return FLAT_NOT;
      remember_shape (&self->shape, start, close, members, ends, n);
    }

  object.end = (ReelJsonEvent) { REEL_JSON_OBJECT_END, depth, line, column + (guint) (close - start),
                                 NULL, 0, 0, FALSE };
  object.members = members;
  object.n_members = n;

  /* The names and values are handed over where they lie, NUL-terminated
   * for the call (a name by its closing quote, which nothing reads again;
   * a value by the byte after it, put back after the call). */
  for (guint i = 0; i < n; i++)
    {
      guint8 *key_end = self->buffer.data + ((const guint8 *) members[i].key.string +
                                             members[i].key.length - self->buffer.data);
      guint8 *value_end = self->buffer.data + (ends[i] - self->buffer.data);

      *key_end = '\0';
      saved[i] = *value_end;
      *value_end = '\0';
    }
  ok = handler (self, &object, user_data, &self->error);
  for (guint i = 0; i < n; i++)
    self->buffer.data[ends[i] - self->buffer.data] = saved[i];

  self->pos = close + 1;
  if (!ok)
    {
      g_assert (self->error != NULL);
      return FLAT_FAILED;
    }
  return FLAT_READ;
}

/* How far before the point to start from reel_json_scanner_seek_element()
 * looks for the comma that comes before an element. */
#define LOOKBACK 64

/* Moves the cursor to @offset of the stream, which must be seekable; the
 * position there is line 1, column 1. */
gboolean
reel_json_scanner_seek (ReelJsonScanner  *self,
                        guint64           offset,
                        GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!reel_read_buffer_seek (&self->buffer, offset, error))
    return FALSE;

  self->pos = self->end = self->line_start = self->buffer.data;
  self->line = 1;
  self->col_base = 1;
  self->n_cont = 0;
  return TRUE;
}

static void
start_at (ReelJsonScanner *self,
          const guint8    *p)
{
  self->pos = self->line_start = p;
  self->end = self->buffer.data + self->buffer.len;
  self->line = 1;
  self->col_base = 1;
  self->n_cont = 0;
}

/* Moves the cursor to what looks like the start of an element of an array
 * of objects at or after @from: the first "{" there that follows a comma
 * (and whitespace). A string may hold those bytes too, so it is a guess:
 * the reader of the stretch before, which knows where its elements are,
 * says whether it was right (ReelJsonElementsEnd.offset). @found is FALSE
 * when the stream ends first. */
gboolean
reel_json_scanner_seek_element (ReelJsonScanner  *self,
                                guint64           from,
                                gboolean         *found,
                                GError          **error)
{
  int last = -1;    /* the last byte that is not whitespace */

  g_return_val_if_fail (self != NULL, FALSE);

  *found = FALSE;
  if (!reel_json_scanner_seek (self, from >= LOOKBACK ? from - LOOKBACK : 0, error))
    return FALSE;

  while (reel_read_buffer_fill (&self->buffer, &self->error))
    {
      const guint8 *data = self->buffer.data, *end = data + self->buffer.len;

      for (const guint8 *p = data; p < end; p++)
        {
          if (*p == '{' && last == ',' && self->buffer.offset + (guint64) (p - data) >= from)
            {
              start_at (self, p);
              *found = TRUE;
              return TRUE;
            }
          if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
            last = *p;
        }
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  /* Past the end: nothing is left, and the cursor stays there. */
  start_at (self, self->buffer.data);
  return TRUE;
}

/* Reads elements of the array that is member @member of the document's
 * object, from the cursor (an element, or the array's first byte after "["),
 * calling @objects for the flat objects (see reel_json_scanner_read_objects())
 * and @handler for the tokens of the others, at the depths a whole scan has
 * (the elements at depth 2). Stops at the array's closing bracket or before the
 * first element that starts with "{" at or after the offset @stop, and says
 * which and where in @end. Any fault fails, with @error set. */
gboolean
reel_json_scanner_scan_elements (ReelJsonScanner        *self,
                                 const char             *member,
                                 ReelJsonHandler         handler,
                                 ReelJsonObjectHandler   objects,
                                 gpointer                user_data,
                                 guint64                 stop,
                                 ReelJsonElementsEnd    *end,
                                 GError                **error)
{
  Frame *root, *array;
  int c;

  g_return_val_if_fail (self != NULL && self->n_frames == 0, FALSE);

  root = reel_json_scanner_push_frame (self, TRUE);
  reel_json_scanner_add_key (root, member, strlen (member));
  root->in_key = FALSE;
  array = reel_json_scanner_push_frame (self, FALSE);
  self->handler = handler;
  self->handler_data = user_data;
  self->shape.n_members = 0;

  c = reel_json_scanner_skip_whitespace (self);
  if (c != ']')
    for (;;)
      {
        FlatResult flat = FLAT_NOT;

        if (c == '{' && reel_json_scanner_get_offset (self) >= stop)
          break;
        if (c == '{' && objects != NULL)
          flat = reel_json_scanner_read_flat_object (self, 2, objects, user_data);
        if (flat == FLAT_FAILED || (flat == FLAT_NOT && !reel_json_scanner_read_value (self, 2)))
          goto failed;

        c = reel_json_scanner_skip_whitespace (self);
        if (c == ']')
          break;
        if (c != ',')
          {
            reel_json_scanner_fail_unexpected (self, _("“,” or “]”"));
            goto failed;
          }
        self->pos++;
        c = reel_json_scanner_skip_whitespace (self);
        array->index++;
      }

  if (self->error != NULL)
    goto failed;

  end->closed = c == ']';
  end->offset = reel_json_scanner_get_offset (self);
  reel_json_scanner_get_position (self, &end->line, &end->column);
  return TRUE;

failed:
  g_propagate_error (error, g_steal_pointer (&self->error));
  return FALSE;
}
