/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-records-split"

#include "config.h"

#include "reel-records-split.h"

#include "reel-dataset.h"

/* At most this many threads, however many processors there are: past a
 * few, the disk is the limit. */
#define MAX_THREADS 8

static gsize tuned_block_size;
static guint tuned_n_threads;

typedef struct {
  ReelRecordsSplit    *split;
  guint                index;
  gboolean             found;       /* a start was found (block 0 always has one) */
  guint64              start;       /* of its first element */
  ReelJsonElementsEnd  end;
  gboolean             failed;
  ReelRecordTable     *table;
  GPtrArray           *problems;
  ReelRecordsReader   *reader;
  guint64              progress;    /* how far its reading has been counted */
} Block;

struct _ReelRecordsSplit {
  ReelRecordsReader  *records;
  guint64             size;
  ReelStreamOpenFunc  open;
  gpointer            open_data;
  GCancellable       *cancellable;
  gboolean            failed;

  ReelProgressFunc    progress;
  gpointer            progress_data;
  GThread            *owner;        /* the thread that reports progress */
  gsize               bytes_read;   /* atomic: by the blocks */

  /* While the blocks are read. */
  guint64             elements_start;
  gsize               block_size;
  Block              *blocks;
  guint               n_blocks;
  gint                next_block;   /* atomic: the next block a thread takes */
  gint                n_needed;     /* atomic: blocks past a failed or the last one are not */
};

void
reel_records_split_tune (gsize block_size,
                         guint n_threads)
{
  tuned_block_size = block_size;
  tuned_n_threads = n_threads;
}

gsize
reel_records_split_get_block_size (void)
{
  return tuned_block_size != 0 ? tuned_block_size : REEL_RECORD_BLOCK_SIZE;
}

static guint
get_n_threads (void)
{
  if (tuned_n_threads != 0)
    return tuned_n_threads;

  return CLAMP (g_get_num_processors (), 1, MAX_THREADS);
}

ReelRecordsSplit *
reel_records_split_new (ReelRecordsReader  *records,
                        guint64             size,
                        ReelStreamOpenFunc  open,
                        gpointer            open_data,
                        GCancellable       *cancellable)
{
  ReelRecordsSplit *self = g_new0 (ReelRecordsSplit, 1);

  self->records = records;
  self->size = size;
  self->open = open;
  self->open_data = open_data;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

void
reel_records_split_free (ReelRecordsSplit *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->cancellable);
  g_free (self);
}

void
reel_records_split_set_progress (ReelRecordsSplit *self,
                                 ReelProgressFunc  progress,
                                 gpointer          user_data)
{
  self->progress = progress;
  self->progress_data = user_data;
}

/* Whether the array must be read again in one pass. */
gboolean
reel_records_split_failed (ReelRecordsSplit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->failed;
}

/* A block's reader read up to @offset: the bytes up to the block's end
 * count once towards the progress of the whole file (a reader reads a
 * buffer past it, to the next block's first record), which the thread that
 * started the load reports; the others only count. */
static void
block_progress (guint64  offset,
                gpointer user_data)
{
  Block *block = user_data;
  ReelRecordsSplit *self = block->split;
  guint64 end = self->elements_start + (guint64) (block->index + 1) * self->block_size;

  offset = MIN (offset, end);
  if (self->progress == NULL || offset <= block->progress)
    return;

  g_atomic_pointer_add (&self->bytes_read, (gssize) (offset - block->progress));
  block->progress = offset;
  if (g_thread_self () == self->owner)
    self->progress (self->elements_start + (gsize) g_atomic_pointer_get (&self->bytes_read),
                    self->progress_data);
}

static gboolean
read_block (ReelRecordsSplit  *self,
            Block             *block,
            GInputStream      *stream)
{
  guint64 from = self->elements_start + (guint64) block->index * self->block_size;
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, REEL_DATASET_MAX_FILE_SIZE,
                                                              self->cancellable);

  block->progress = from;
  reel_json_scanner_set_progress (scanner, block_progress, block);

  if (block->index == 0)
    block->found = reel_json_scanner_seek (scanner, from, NULL);
  else if (!reel_json_scanner_seek_element (scanner, from, &block->found, NULL))
    return FALSE;
  if (!block->found)
    return block->index > 0;

  block->start = reel_json_scanner_get_offset (scanner);
  block->table = reel_record_table_new ();
  block->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  block->reader = reel_records_reader_new_for_block (self->records, block->table, block->problems);

  return reel_json_scanner_scan_elements (scanner, "records", reel_records_reader_handle_event,
                                          block->reader, from + self->block_size, &block->end,
                                          NULL) &&
         reel_records_reader_get_n_errors (block->reader) == 0;
}

/* Blocks past @index are not needed: it failed, or the array ends in it. */
static void
limit_blocks (ReelRecordsSplit *self,
              guint             index)
{
  gint n_needed;

  do
    n_needed = g_atomic_int_get (&self->n_needed);
  while ((gint) index + 1 < n_needed &&
         !g_atomic_int_compare_and_exchange (&self->n_needed, n_needed, (gint) index + 1));
}

/* One thread's work: the next block nobody took, until none is left. */
static gpointer
read_blocks (gpointer data)
{
  ReelRecordsSplit *self = data;
  g_autoptr(GInputStream) stream = NULL;
  gint index;

  while ((index = g_atomic_int_add (&self->next_block, 1)) < g_atomic_int_get (&self->n_needed))
    {
      Block *block = &self->blocks[index];

      if (stream == NULL && (stream = self->open (self->open_data, self->cancellable, NULL)) == NULL)
        block->failed = TRUE;
      else
        block->failed = !read_block (self, block, stream);

      if (block->failed || (block->found && block->end.closed))
        limit_blocks (self, index);
    }

  return NULL;
}

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->reader, reel_records_reader_free);
  g_clear_pointer (&block->table, reel_record_table_free);
  g_clear_pointer (&block->problems, g_ptr_array_unref);
}

/* Merges the blocks in file order, each where the one before it ended (so
 * each guessed start is checked), up to the array's end; on success @end
 * is where the closing bracket is in the file. */
static gboolean
merge_blocks (ReelRecordsSplit    *self,
              guint                line,
              guint                column,
              ReelJsonElementsEnd *end)
{
  guint64 offset = self->elements_start;

  for (guint i = 0; i < self->n_blocks; i++)
    {
      Block *block = &self->blocks[i];

      if (block->failed || !block->found || block->start != offset ||
          !reel_records_reader_merge_block (self->records, block->reader, line, column))
        return FALSE;

      reel_position_rebase (&block->end.line, &block->end.column, line, column);
      line = block->end.line;
      column = block->end.column;
      offset = block->end.offset;
      if (block->end.closed)
        {
          *end = block->end;
          return TRUE;
        }
    }

  /* The file ended before the array did. */
  return FALSE;
}

/* Reads the elements on the threads; the array starts after the cursor's
 * "[" at @line, @column. */
static gboolean
read_elements (ReelRecordsSplit *self,
               ReelJsonScanner  *scanner,
               guint             n_threads,
               GError          **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  ReelJsonElementsEnd end = { 0 };
  guint line, column;
  gboolean merged;

  reel_json_scanner_get_position (scanner, &line, &column);
  column++;
  self->blocks = g_new0 (Block, self->n_blocks);
  for (guint i = 0; i < self->n_blocks; i++)
    {
      self->blocks[i].split = self;
      self->blocks[i].index = i;
    }
  self->next_block = 0;
  self->n_needed = (gint) self->n_blocks;
  self->bytes_read = 0;
  self->owner = g_thread_self ();

  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("reelscope-records", read_blocks, self));
  read_blocks (self);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  merged = merge_blocks (self, line, column, &end);
  for (guint i = 0; i < self->n_blocks; i++)
    block_clear (&self->blocks[i]);
  g_clear_pointer (&self->blocks, g_free);

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!merged)
    {
      self->failed = TRUE;
      g_set_error_literal (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID,
                           "The records must be read again in one pass");
      return FALSE;
    }

  reel_json_scanner_skip_array (scanner, end.offset, end.line, end.column);
  return TRUE;
}

/* A ReelJsonHandler for the events of the `records` array, in place of
 * reel_records_reader_handle_event(): when the array starts in a file
 * large enough, its elements are read on several threads, and the scan
 * goes on at its end. */
gboolean
reel_records_split_handle_event (ReelJsonScanner      *scanner,
                                 const ReelJsonEvent  *event,
                                 gpointer              user_data,
                                 GError              **error)
{
  ReelRecordsSplit *self = user_data;
  gsize block_size;
  guint n_threads;

  if (!reel_records_reader_handle_event (scanner, event, self->records, error))
    return FALSE;
  if (event->depth != 1 || event->type != REEL_JSON_ARRAY_START || (n_threads = get_n_threads ()) < 2)
    return TRUE;

  block_size = reel_records_split_get_block_size ();
  self->elements_start = reel_json_scanner_get_offset (scanner) + 1;
  if (self->size < self->elements_start + 2 * (guint64) block_size)
    return TRUE;

  self->block_size = block_size;
  self->n_blocks = (guint) ((self->size - self->elements_start + block_size - 1) / block_size);
  return read_elements (self, scanner, MIN (n_threads, self->n_blocks), error);
}
