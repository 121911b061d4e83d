/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-csv-split"

#include "config.h"

#include "reel-csv-split.h"

#include <string.h>

#include "reel-csv-reader-private.h"
#include "reel-problem.h"

/* Reads the header, then (with @start past 0) the rows that start from
 * @start (a row's start) to the first row at or past @stop, or to the end
 * of the file, into @table and @problems, with lines counted from 1 at
 * @start. @range says where the data rows start, and where this stopped.
 * The stream must be seekable. Returns FALSE only for I/O failures. */
gboolean
reel_csv_reader_read_range (GInputStream      *stream,
                            guint64            limit,
                            ReelRecordTable   *table,
                            GPtrArray         *problems,
                            guint64            start,
                            guint64            stop,
                            ReelProgressFunc   progress,
                            gpointer           progress_data,
                            GCancellable      *cancellable,
                            ReelCsvRange      *range,
                            GError           **error)
{
  ReelReadBuffer buffer;
  GError *local_error = NULL;
  Reader r;

  memset (range, 0, sizeof *range);
  range->data_start = G_MAXUINT64;
  reel_read_buffer_init (&buffer, stream, limit, cancellable);
  buffer.progress = progress;
  buffer.progress_data = progress_data;
  _reel_csv_reader_init (&r, table, problems);
  r.stop_at = r.next_check = 0;

  if (reel_read_buffer_seek (&buffer, 0, &local_error) &&
      !_reel_csv_read_rows (&r, &buffer, &local_error) && r.at_stop)
    {
      range->data_start = r.stop_offset;
      range->data_line = r.line;
    }

  if (start > 0 && range->data_start != G_MAXUINT64 &&
      reel_read_buffer_seek (&buffer, start, &local_error))
    {
      /* A row of its own, in a file of its own that starts there. */
      r.at_stop = FALSE;
      r.stop_at = r.next_check = stop;
      r.line = 1;
      r.col_base = 1;
      r.n_cont = 0;
      range->closed = _reel_csv_read_rows (&r, &buffer, &local_error);
      if (range->closed)
        _reel_csv_finish (&r);
      range->end = r.at_stop ? r.stop_offset : buffer.offset;
      range->end_line = r.line;
      range->n_records = r.n_records;
      range->blank_pending = r.n_blank > 0 && !range->closed;
    }

  _reel_csv_reader_clear (&r);
  reel_read_buffer_clear (&buffer);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* What a block's reader made: its rows, in a table of their own. */
typedef struct {
  ReelRecordTable *table;
  GPtrArray       *problems;
  ReelCsvRange     range;
} Block;

typedef struct {
  guint64          limit;
  GCancellable    *cancellable;
} Split;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->table, reel_record_table_free);
  g_clear_pointer (&block->problems, g_ptr_array_unref);
  g_free (block);
}

/* Where a row seems to start at or after @from: after the first line end
 * from @from on. A quoted field may hold line ends too, so it is a guess,
 * which the block before confirms. */
static gboolean
guess_row_start (GInputStream *stream,
                 guint64       from,
                 Split        *split,
                 gboolean     *found,
                 guint64      *start)
{
  ReelReadBuffer buffer;
  gboolean ok;

  *found = FALSE;
  reel_read_buffer_init (&buffer, stream, split->limit, split->cancellable);
  ok = reel_read_buffer_seek (&buffer, from - 1, NULL);
  while (ok && !*found && reel_read_buffer_fill (&buffer, NULL))
    {
      const guint8 *lf = memchr (buffer.data, '\n', buffer.len);

      if (lf != NULL)
        {
          *found = TRUE;
          *start = buffer.offset + (guint64) (lf - buffer.data) + 1;
        }
    }
  reel_read_buffer_clear (&buffer);

  return ok;
}

/* A ReelBlockReadFunc: the rows that start in the block's stretch. */
static gboolean
read_block (ReelBlock        *block,
            GInputStream     *stream,
            ReelProgressFunc  progress,
            gpointer          progress_data,
            gpointer          user_data)
{
  Split *split = user_data;
  Block *result;

  if (block->index == 0)
    {
      block->found = TRUE;
      block->start = block->from;
    }
  else if (!guess_row_start (stream, block->from, split, &block->found, &block->start))
    {
      return FALSE;
    }
  if (!block->found)
    return TRUE;

  block->result = result = g_new0 (Block, 1);
  result->table = reel_record_table_new ();
  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  if (!reel_csv_reader_read_range (stream, split->limit, result->table, result->problems, block->start,
                                   block->to, progress, progress_data, split->cancellable,
                                   &result->range, NULL))
    return FALSE;

  block->closed = result->range.closed;
  block->end = result->range.end;
  block->end_line = result->range.end_line;
  block->end_column = 1;
  return result->problems->len == 0 && !result->range.blank_pending;
}

/* Merges the blocks in file order into @table, the data rows starting at
 * @line; FALSE where a single pass would have reported a problem. */
static gboolean
merge_blocks (ReelBlocks      *blocks,
              guint            line,
              ReelRecordTable *table)
{
  g_autoptr(ReelRecordTable) merged = reel_record_table_new ();
  g_autoptr(GArray) region_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) platform_map = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 n_records = 0;
  guint n_blocks;

  if (!reel_blocks_check (blocks, line, 1, &n_blocks))
    return FALSE;

  for (guint i = 0; i < n_blocks; i++)
    {
      ReelBlock *block = reel_blocks_get (blocks, i);
      Block *result = block->result;

      n_records += result->range.n_records;
      if (n_records > REEL_CSV_RECORDS_MAX ||
          !reel_record_table_merge (merged, result->table, block->line, block->column,
                                    region_map, platform_map))
        return FALSE;
    }

  return reel_record_table_merge (table, merged, 1, 1, region_map, platform_map);
}

/* reel_csv_reader_read() for a file of @size bytes that @open opens again
 * on other threads: when it is large, its rows are read in blocks on
 * several threads (see reel-blocks.h) and merged in file order, which
 * makes the table a single pass makes. A block with a problem (or whose
 * guessed start was wrong) makes the file be read again in one pass, which
 * reports every problem where it is. @stream must be seekable; @in_blocks
 * (nullable) says whether the rows were read in blocks. */
gboolean
reel_csv_reader_read_split (GInputStream        *stream,
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
                            GError             **error)
{
  g_autoptr(ReelRecordTable) header_table = reel_record_table_new ();
  g_autoptr(GPtrArray) header_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelBlocks) blocks = NULL;
  Split split = { limit, cancellable };
  ReelBlocksReader reader = {
    open, open_data, read_block, &split, block_free, progress, progress_data, cancellable,
  };
  ReelCsvRange range;

  if (in_blocks != NULL)
    *in_blocks = FALSE;
  if (!reel_csv_reader_read_range (stream, limit, header_table, header_problems, 0, 0, progress,
                                   progress_data, cancellable, &range, error))
    return FALSE;

  if (range.data_start != G_MAXUINT64 && header_problems->len == 0 &&
      reel_blocks_worth_it (range.data_start, size))
    {
      blocks = reel_blocks_read (&reader, range.data_start, size);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (merge_blocks (blocks, range.data_line, table))
        {
          if (in_blocks != NULL)
            *in_blocks = TRUE;
          return TRUE;
        }
    }

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, error))
    return FALSE;
  return reel_csv_reader_read (stream, limit, table, problems, progress, progress_data, cancellable,
                               error);
}
