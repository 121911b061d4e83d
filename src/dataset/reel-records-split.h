/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-blocks.h"
#include "reel-json-scanner.h"
#include "reel-records-reader.h"

G_BEGIN_DECLS

/* Reads the `records` array of a large JSON file on several threads: the
 * array is cut into blocks at record starts (REEL_RECORD_BLOCK_SIZE bytes
 * of the file each, see reel-blocks.h), each block is read into a table of
 * its own, and the tables are merged in file order. The
 * result is the one a single pass makes, to the bit: the single pass sums
 * per block too, and the ids, their positions and the records' indices are
 * moved to where the blocks are in the file, and so are the warnings of
 * unknown members. A block that meets an error (or whose guessed start was
 * wrong) makes the whole array fail with reel_records_split_failed()
 * TRUE: the caller reads the file again in one pass, which reports every
 * problem where it is. */

typedef struct _ReelRecordsSplit ReelRecordsSplit;

ReelRecordsSplit *reel_records_split_new            (ReelRecordsReader    *records,
                                                     guint64               size,
                                                     ReelStreamOpenFunc    open,
                                                     gpointer              open_data,
                                                     GCancellable         *cancellable);
void              reel_records_split_free           (ReelRecordsSplit     *self);
void              reel_records_split_set_progress   (ReelRecordsSplit     *self,
                                                     ReelProgressFunc      progress,
                                                     gpointer              user_data);
gboolean          reel_records_split_handle_event   (ReelJsonScanner      *scanner,
                                                     const ReelJsonEvent  *event,
                                                     gpointer              user_data,
                                                     GError              **error);
gboolean          reel_records_split_failed         (ReelRecordsSplit     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelRecordsSplit, reel_records_split_free)

G_END_DECLS
