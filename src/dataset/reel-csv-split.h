/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-blocks.h"
#include "reel-csv-reader.h"

G_BEGIN_DECLS

/* Where reel_csv_reader_read_range() found the data and stopped. */
typedef struct {
  guint64  data_start;      /* the first data row's offset; G_MAXUINT64 for none */
  guint    data_line;
  gboolean closed;          /* it read to the end of the file */
  guint64  end;             /* the first row at or past the stop, or the end */
  guint    end_line;        /* its line, from 1 at the start of the range */
  guint64  n_records;
  gboolean blank_pending;   /* empty rows before the stop, which a row follows */
} ReelCsvRange;

gboolean reel_csv_reader_read_range (GInputStream     *stream,
                                     guint64           limit,
                                     ReelRecordTable  *table,
                                     GPtrArray        *problems,
                                     guint64           start,
                                     guint64           stop,
                                     ReelProgressFunc  progress,
                                     gpointer          progress_data,
                                     GCancellable     *cancellable,
                                     ReelCsvRange     *range,
                                     GError          **error);

gboolean reel_csv_reader_read_split (GInputStream        *stream,
                                     guint64              size,
                                     ReelStreamOpenFunc   open,
                                     gpointer             open_data,
                                     guint64              limit,
                                     ReelRecordTable     *table,
                                     GPtrArray           *problems,
                                     ReelProgressFunc     progress,
                                     gpointer             progress_data,
                                     GCancellable        *cancellable,
                                     gboolean            *in_blocks,
                                     GError             **error);

G_END_DECLS
