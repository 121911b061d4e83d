/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Files are read through a bounded buffer, never mapped: a file truncated
 * while mapped raises SIGBUS, and a FIFO or /dev/zero cannot be mapped at all.
 * The readers (JSON scanner, CSV reader) keep their own cursor in
 * [data, data + len) and ask for more with reel_read_buffer_fill(). */

#define REEL_READ_BUFFER_SIZE (64 * 1024)

typedef void (*ReelProgressFunc) (guint64  bytes_read,
                                  gpointer user_data);

typedef struct {
  GInputStream     *stream;
  GCancellable     *cancellable;
  ReelProgressFunc  progress;
  gpointer          progress_data;
  guint64           limit;      /* more bytes than this is an error */
  guint64           offset;     /* of data[0] in the file */
  guint8           *data;
  gsize             len;
  gboolean          eof;
} ReelReadBuffer;

void     reel_read_buffer_init  (ReelReadBuffer   *buffer,
                                 GInputStream     *stream,
                                 guint64           limit,
                                 GCancellable     *cancellable);
void     reel_read_buffer_clear (ReelReadBuffer   *buffer);
gboolean reel_read_buffer_fill  (ReelReadBuffer   *buffer,
                                 GError          **error);
gboolean reel_read_buffer_seek  (ReelReadBuffer   *buffer,
                                 guint64           offset,
                                 GError          **error);

G_END_DECLS
