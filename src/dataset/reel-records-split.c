/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-records-split"

#include "config.h"

#include "reel-records-split.h"

#include "reel-dataset.h"

/* What a block's reader made: its records, in a table of their own. */
typedef struct {
  ReelRecordTable     *table;
  GPtrArray           *problems;
  ReelRecordsReader   *reader;
} Block;

struct _ReelRecordsSplit {
  ReelRecordsReader  *records;
  guint64             size;
  ReelBlocksReader    blocks_reader;
  gboolean            failed;
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->reader, reel_records_reader_free);
  g_clear_pointer (&block->table, reel_record_table_free);
  g_clear_pointer (&block->problems, g_ptr_array_unref);
  g_free (block);
}

/* A ReelBlockReadFunc: the elements of the array that start in the block's
 * stretch, from the first (or a guess at it, past the first block). */
static gboolean
read_block (ReelBlock        *block,
            GInputStream     *stream,
            ReelProgressFunc  progress,
            gpointer          progress_data,
            gpointer          user_data)
{
  ReelRecordsSplit *self = user_data;
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, REEL_DATASET_MAX_FILE_SIZE,
                                                              self->blocks_reader.cancellable);
  ReelJsonElementsEnd end;
  Block *result;

  reel_json_scanner_set_progress (scanner, progress, progress_data);
  if (block->index == 0)
    block->found = reel_json_scanner_seek (scanner, block->from, NULL);
  else if (!reel_json_scanner_seek_element (scanner, block->from, &block->found, NULL))
    return FALSE;
  if (!block->found)
    return block->index > 0;

  block->start = reel_json_scanner_get_offset (scanner);
  block->result = result = g_new0 (Block, 1);
  result->table = reel_record_table_new ();
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  result->reader = reel_records_reader_new_for_block (self->records, result->table, result->problems);

  if (!reel_json_scanner_scan_elements (scanner, "records", reel_records_reader_handle_event,
                                        reel_records_reader_handle_object, result->reader,
                                        block->to, &end, NULL))
    return FALSE;

  block->closed = end.closed;
  block->end = end.offset;
  block->end_line = end.line;
  block->end_column = end.column;
  return reel_records_reader_get_n_errors (result->reader) == 0;
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
  self->blocks_reader.open = open;
  self->blocks_reader.open_data = open_data;
  self->blocks_reader.read = read_block;
  self->blocks_reader.read_data = self;
  self->blocks_reader.result_free = block_free;
  self->blocks_reader.cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

void
reel_records_split_free (ReelRecordsSplit *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->blocks_reader.cancellable);
  g_free (self);
}

void
reel_records_split_set_progress (ReelRecordsSplit *self,
                                 ReelProgressFunc  progress,
                                 gpointer          user_data)
{
  self->blocks_reader.progress = progress;
  self->blocks_reader.progress_data = user_data;
}

/* Whether the array must be read again in one pass. */
gboolean
reel_records_split_failed (ReelRecordsSplit *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->failed;
}

/* Merges the blocks in file order, up to the array's end; on success @end
 * is where the closing bracket is in the file. */
static gboolean
merge_blocks (ReelRecordsSplit    *self,
              ReelBlocks          *blocks,
              guint                line,
              guint                column,
              ReelJsonElementsEnd *end)
{
  ReelBlock *last;
  guint n_blocks;

  if (!reel_blocks_check (blocks, line, column, &n_blocks))
    return FALSE;

  for (guint i = 0; i < n_blocks; i++)
    {
      ReelBlock *block = reel_blocks_get (blocks, i);
      Block *result = block->result;

      if (!reel_records_reader_merge_block (self->records, result->reader, block->line, block->column))
        return FALSE;
    }

  last = reel_blocks_get (blocks, n_blocks - 1);
  end->offset = last->end;
  end->line = last->end_line;
  end->column = last->end_column;
  reel_position_rebase (&end->line, &end->column, last->line, last->column);
  return TRUE;
}

/* Reads the elements on the threads; the cursor is on the array's "[". */
static gboolean
read_elements (ReelRecordsSplit *self,
               ReelJsonScanner  *scanner,
               guint64           elements_start,
               GError          **error)
{
  g_autoptr(ReelBlocks) blocks = NULL;
  ReelJsonElementsEnd end = { 0 };
  guint line, column;

  reel_json_scanner_get_position (scanner, &line, &column);
  blocks = reel_blocks_read (&self->blocks_reader, elements_start, self->size);

  if (g_cancellable_set_error_if_cancelled (self->blocks_reader.cancellable, error))
    return FALSE;
  if (!merge_blocks (self, blocks, line, column + 1, &end))
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
  guint64 elements_start;

  if (!reel_records_reader_handle_event (scanner, event, self->records, error))
    return FALSE;
  if (event->depth != 1 || event->type != REEL_JSON_ARRAY_START)
    return TRUE;

  elements_start = reel_json_scanner_get_offset (scanner) + 1;
  if (!reel_blocks_worth_it (elements_start, self->size))
    return TRUE;

  return read_elements (self, scanner, elements_start, error);
}
