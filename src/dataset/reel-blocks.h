/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-read-buffer.h"

G_BEGIN_DECLS

/* The records of a large file, read in blocks on several threads. The
 * records part of the file is cut into stretches of a block size; the
 * block of a stretch is the records that start in it. Each block is read
 * by whichever thread is free, on a stream of its own, by a reader of the
 * format (ReelBlockReadFunc) that starts at a guess of where the block's
 * first record is and stops at the first record of the next stretch. A
 * guess is confirmed when the block before stops exactly there; the caller
 * then merges the blocks in file order (see ReelRecordTable's block sums). */

#define REEL_BLOCKS_MAX_THREADS 8

typedef struct _ReelBlocks ReelBlocks;

typedef struct {
  guint       index;
  guint64     from;         /* the stretch: [from, to) */
  guint64     to;
  gboolean    found;        /* a first record was found (the first block's always is) */
  guint64     start;        /* where it is */
  gboolean    closed;       /* the records end in this block */
  guint64     end;          /* where the reader stopped: the next block's start, or the records' end */
  guint       end_line;     /* there, counted from line 1, column 1 at start */
  guint       end_column;
  gboolean    failed;       /* anything but valid records */
  gpointer    result;       /* what the reader made of it */

  /* Set by reel_blocks_check(): where start is in the file. */
  guint       line;
  guint       column;

  /* Private. */
  ReelBlocks *blocks;
  guint64     progress;
} ReelBlock;

/* Opens the file again, for one more reader of it; called on any thread. */
typedef GInputStream *(*ReelStreamOpenFunc) (gpointer       user_data,
                                             GCancellable  *cancellable,
                                             GError       **error);

/* Reads @block from @stream (its own, to seek as it likes), with
 * @progress and @progress_data on its read buffer; FALSE when it fails. */
typedef gboolean (*ReelBlockReadFunc) (ReelBlock        *block,
                                       GInputStream     *stream,
                                       ReelProgressFunc  progress,
                                       gpointer          progress_data,
                                       gpointer          user_data);

typedef struct {
  ReelStreamOpenFunc  open;
  gpointer            open_data;
  ReelBlockReadFunc   read;
  gpointer            read_data;
  GDestroyNotify      result_free;
  ReelProgressFunc    progress;       /* nullable: called on this thread only */
  gpointer            progress_data;
  GCancellable       *cancellable;
} ReelBlocksReader;

gboolean    reel_blocks_worth_it        (guint64                 start,
                                         guint64                 size);
ReelBlocks *reel_blocks_read            (const ReelBlocksReader *reader,
                                         guint64                 start,
                                         guint64                 size);
void        reel_blocks_free            (ReelBlocks             *self);
gboolean    reel_blocks_check           (ReelBlocks             *self,
                                         guint                   line,
                                         guint                   column,
                                         guint                  *n_blocks);
ReelBlock  *reel_blocks_get             (ReelBlocks             *self,
                                         guint                   index);

/* For the tests: blocks of @block_size bytes (0: REEL_RECORD_BLOCK_SIZE),
 * read on up to @n_threads threads (0: one per processor; 1: one pass). */
void        reel_blocks_tune            (gsize                   block_size,
                                         guint                   n_threads);
gsize       reel_blocks_get_block_size  (void);
void        reel_blocks_leave_a_core    (gboolean                leave);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelBlocks, reel_blocks_free)

G_END_DECLS
