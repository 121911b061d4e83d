/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-read-buffer"

#include "config.h"

#include "reel-read-buffer.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-problem.h"

void
reel_read_buffer_init (ReelReadBuffer *buffer,
                       GInputStream   *stream,
                       guint64         limit,
                       GCancellable   *cancellable)
{
  g_return_if_fail (buffer != NULL);
  g_return_if_fail (G_IS_INPUT_STREAM (stream));

  memset (buffer, 0, sizeof *buffer);
  buffer->stream = g_object_ref (stream);
  buffer->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  buffer->limit = limit;
  buffer->data = g_malloc (REEL_READ_BUFFER_SIZE);
}

void
reel_read_buffer_clear (ReelReadBuffer *buffer)
{
  g_clear_object (&buffer->stream);
  g_clear_object (&buffer->cancellable);
  g_clear_pointer (&buffer->data, g_free);
}

/* Replaces the buffer's contents with the next bytes of the stream. Returns
 * FALSE at the end of the stream (error unset) or on failure (error set). */
gboolean
reel_read_buffer_fill (ReelReadBuffer  *buffer,
                       GError         **error)
{
  gssize n;

  g_return_val_if_fail (buffer != NULL, FALSE);

  buffer->offset += buffer->len;
  buffer->len = 0;

  if (buffer->eof)
    return FALSE;

  n = g_input_stream_read (buffer->stream, buffer->data, REEL_READ_BUFFER_SIZE,
                           buffer->cancellable, error);
  if (n < 0)
    return FALSE;

  if (n == 0)
    {
      buffer->eof = TRUE;
      return FALSE;
    }

  if (buffer->offset + n > buffer->limit)
    {
      g_autofree char *limit = g_format_size_full (buffer->limit, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE,
                   _("The file is larger than the limit of %s"), limit);
      return FALSE;
    }

  buffer->len = n;
  if (buffer->progress != NULL)
    buffer->progress (buffer->offset + n, buffer->progress_data);

  return TRUE;
}

/* Empties the buffer and moves the stream (which must be seekable) so that
 * the next fill reads from @offset. */
gboolean
reel_read_buffer_seek (ReelReadBuffer  *buffer,
                       guint64          offset,
                       GError         **error)
{
  g_return_val_if_fail (buffer != NULL, FALSE);
  g_return_val_if_fail (G_IS_SEEKABLE (buffer->stream), FALSE);

  if (!g_seekable_seek (G_SEEKABLE (buffer->stream), (goffset) offset, G_SEEK_SET,
                        buffer->cancellable, error))
    return FALSE;

  buffer->offset = offset;
  buffer->len = 0;
  buffer->eof = FALSE;
  return TRUE;
}
