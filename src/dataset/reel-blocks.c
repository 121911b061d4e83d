/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-blocks"

#include "config.h"

#include "reel-blocks.h"

#include "reel-problem.h"
#include "reel-record-table.h"

static gsize tuned_block_size;
static guint tuned_n_threads;

struct _ReelBlocks {
  const ReelBlocksReader *reader;
  guint64                 start;
  gsize                   block_size;
  ReelBlock              *blocks;
  guint                   n_blocks;
  gint                    next_block;   /* atomic: the next block a thread takes */
  gint                    n_needed;     /* atomic: blocks past a failed or the last one are not */
  GThread                *owner;        /* the thread that reports progress */
  gsize                   bytes_read;   /* atomic: by the blocks */
};

void
reel_blocks_tune (gsize block_size,
                  guint n_threads)
{
  tuned_block_size = block_size;
  tuned_n_threads = n_threads;
}

gsize
reel_blocks_get_block_size (void)
{
  return tuned_block_size != 0 ? tuned_block_size : REEL_RECORD_BLOCK_SIZE;
}

/* Set in a thread whose loads a window waits for (reel_blocks_leave_a_core()). */
static GPrivate leave_a_core_key;

/**
 * reel_blocks_leave_a_core:
 * @leave: whether the calling thread's loads leave a processor free
 *
 * A load that a window waits for reads on one thread fewer than the
 * machine has processors: on two, the loading threads otherwise took the
 * window's own core and held its frames back (a 40 ms stall while a 1M
 * file loaded). The command line, which waits for nothing else, reads on
 * them all.
 */
void
reel_blocks_leave_a_core (gboolean leave)
{
  g_private_set (&leave_a_core_key, GINT_TO_POINTER (leave));
}

static guint
get_n_threads (void)
{
  guint n = g_get_num_processors ();

  if (tuned_n_threads != 0)
    return tuned_n_threads;
  if (g_private_get (&leave_a_core_key) != NULL && n > 1)
    n--;
  return CLAMP (n, 1, REEL_BLOCKS_MAX_THREADS);
}

/* Whether records from @start to @size are worth reading on threads: more
 * than two blocks, and more than one processor. */
gboolean
reel_blocks_worth_it (guint64 start,
                      guint64 size)
{
  return get_n_threads () > 1 && size >= start + 2 * (guint64) reel_blocks_get_block_size ();
}

/* A block's reader read up to @offset: the bytes up to the block's end
 * count once towards the progress of the whole file (a reader reads a
 * buffer past it, to the next block's first record), which the thread that
 * started the reading reports; the others only count. */
static void
block_progress (guint64  offset,
                gpointer user_data)
{
  ReelBlock *block = user_data;
  ReelBlocks *self = block->blocks;

  offset = MIN (offset, block->to);
  if (self->reader->progress == NULL || offset <= block->progress)
    return;

  g_atomic_pointer_add (&self->bytes_read, (gssize) (offset - block->progress));
  block->progress = offset;
  if (g_thread_self () == self->owner)
    self->reader->progress (self->start + (gsize) g_atomic_pointer_get (&self->bytes_read),
                            self->reader->progress_data);
}

/* Blocks past @index are not needed: it failed, or the records end in it. */
static void
limit_blocks (ReelBlocks *self,
              guint       index)
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
  ReelBlocks *self = data;
  const ReelBlocksReader *reader = self->reader;
  g_autoptr(GInputStream) stream = NULL;
  gint index;

  while ((index = g_atomic_int_add (&self->next_block, 1)) < g_atomic_int_get (&self->n_needed))
    {
      ReelBlock *block = &self->blocks[index];

      block->progress = block->from;
      if (g_cancellable_is_cancelled (reader->cancellable))
        block->failed = TRUE;
      else if (stream == NULL && (stream = reader->open (reader->open_data, reader->cancellable, NULL)) == NULL)
        block->failed = TRUE;
      else
        block->failed = !reader->read (block, stream, block_progress, block, reader->read_data);

      if (block->failed || (block->found && block->closed))
        limit_blocks (self, index);
    }

  return NULL;
}

/* Reads the records from @start (the first one, or where it would be) to
 * @size in blocks, on as many threads as there are processors, this one
 * included; returns when every block needed is read. */
ReelBlocks *
reel_blocks_read (const ReelBlocksReader *reader,
                  guint64                 start,
                  guint64                 size)
{
  ReelBlocks *self = g_new0 (ReelBlocks, 1);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads;

  self->reader = reader;
  self->start = start;
  self->block_size = reel_blocks_get_block_size ();
  self->n_blocks = (guint) ((size - start + self->block_size - 1) / self->block_size);
  self->blocks = g_new0 (ReelBlock, self->n_blocks);
  for (guint i = 0; i < self->n_blocks; i++)
    {
      self->blocks[i].index = i;
      self->blocks[i].from = start + (guint64) i * self->block_size;
      self->blocks[i].to = self->blocks[i].from + self->block_size;
      self->blocks[i].blocks = self;
    }
  self->n_needed = (gint) self->n_blocks;
  self->owner = g_thread_self ();

  n_threads = MIN (get_n_threads (), self->n_blocks);
  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("reelscope-records", read_blocks, self));
  read_blocks (self);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  return self;
}

void
reel_blocks_free (ReelBlocks *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_blocks; i++)
    if (self->blocks[i].result != NULL)
      self->reader->result_free (self->blocks[i].result);
  g_free (self->blocks);
  g_free (self);
}

/* Checks that the blocks read the records whole: each read without fault,
 * from where the one before it stopped, up to one in which the records end;
 * @n_blocks gets how many that is, and each block where it starts in the
 * file, the first at @line, @column. */
gboolean
reel_blocks_check (ReelBlocks *self,
                   guint       line,
                   guint       column,
                   guint      *n_blocks)
{
  guint64 offset = self->start;

  for (guint i = 0; i < self->n_blocks; i++)
    {
      ReelBlock *block = &self->blocks[i];

      if (block->failed || !block->found || block->start != offset)
        return FALSE;

      block->line = line;
      block->column = column;
      line = block->end_line;
      column = block->end_column;
      reel_position_rebase (&line, &column, block->line, block->column);
      offset = block->end;
      if (block->closed)
        {
          *n_blocks = i + 1;
          return TRUE;
        }
    }

  /* The file ended before the records did. */
  return FALSE;
}

ReelBlock *
reel_blocks_get (ReelBlocks *self,
                 guint       index)
{
  g_return_val_if_fail (index < self->n_blocks, NULL);

  return &self->blocks[index];
}
