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
 * calling @handler for their tokens at the depths a whole scan has (the
 * elements at depth 2). Stops at the array's closing bracket or before the
 * first element that starts with "{" at or after the offset @stop, and says
 * which and where in @end. Any fault fails, with @error set. */
gboolean
reel_json_scanner_scan_elements (ReelJsonScanner      *self,
                                 const char           *member,
                                 ReelJsonHandler       handler,
                                 gpointer              user_data,
                                 guint64               stop,
                                 ReelJsonElementsEnd  *end,
                                 GError              **error)
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

  c = reel_json_scanner_skip_whitespace (self);
  if (c != ']')
    for (;;)
      {
        if (c == '{' && reel_json_scanner_get_offset (self) >= stop)
          break;
        if (!reel_json_scanner_read_value (self, 2))
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
