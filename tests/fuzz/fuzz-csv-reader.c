/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer harness of the CSV reader. On every input it checks that:
 *
 * - the read gives the same problems and the same table whether the input
 *   is read whole or a few bytes at a time;
 * - every problem is fit to print (UTF-8, no control characters), at a line
 *   of the input and a column of that line (or just past its end);
 * - ids are placed at the same line and column either way;
 * - only valid records reach the table: known years and months, finite
 *   revenue of 0 or more, ids of the id syntax.
 *
 * Run it with build-aux/fuzz.sh. */

#include "config.h"

#include <math.h>

#include "fuzz-common.h"
#include "reel-csv-reader.h"
#include "reel-rules.h"

typedef struct {
  gboolean         ok;
  GPtrArray       *problems;
  ReelRecordTable *table;
} Read;

static void
read_input (const guint8 *data,
            gsize         size,
            gsize         chunk,
            Read         *read)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (chunk == 0)
    stream = g_memory_input_stream_new_from_data (data, size, NULL);
  else
    stream = fuzz_trickle_stream_new (data, size, chunk);

  read->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  read->table = reel_record_table_new ();
  read->ok = reel_csv_reader_read (stream, G_MAXUINT64, read->table, read->problems,
                                   NULL, NULL, NULL, &error);
  if (!read->ok)
    fuzz_fail ("a read from memory failed: %s", error->message);
}

static void
read_clear (Read *read)
{
  g_clear_pointer (&read->problems, g_ptr_array_unref);
  g_clear_pointer (&read->table, reel_record_table_free);
}

static void
compare_sums (const ReelRecordSum *a,
              const ReelRecordSum *b)
{
  if ((a == NULL) != (b == NULL))
    fuzz_fail ("a sum is missing in one read");
  if (a != NULL && (a->months != b->months || a->revenue != b->revenue))
    fuzz_fail ("the sums differ: %g (%x) and %g (%x)", a->revenue, a->months, b->revenue, b->months);
}

static void
compare_tables (const ReelRecordTable *a,
                const ReelRecordTable *b)
{
  guint first, last;

  if (reel_record_table_get_n_records (a) != reel_record_table_get_n_records (b) ||
      reel_record_table_get_n_regions (a) != reel_record_table_get_n_regions (b) ||
      reel_record_table_get_n_platforms (a) != reel_record_table_get_n_platforms (b))
    fuzz_fail ("the tables differ in size");

  if (!reel_record_table_get_year_range (a, &first, &last))
    return;

  for (guint i = 0; i < reel_record_table_get_n_regions (a); i++)
    {
      guint line_a, column_a, line_b, column_b;
      const char *id = reel_record_table_get_region_id (a, i, &line_a, &column_a);

      if (strcmp (id, reel_record_table_get_region_id (b, i, &line_b, &column_b)) != 0 ||
          line_a != line_b || column_a != column_b)
        fuzz_fail ("region %u differs", i);
      if (!reel_rules_is_id (id, strlen (id)))
        fuzz_fail ("region “%s” is not an id", id);
      for (guint year = first; year <= last; year++)
        compare_sums (reel_record_table_get_region_sum (a, i, year),
                      reel_record_table_get_region_sum (b, i, year));
    }

  for (guint i = 0; i < reel_record_table_get_n_platforms (a); i++)
    {
      guint line_a, column_a, line_b, column_b;
      const char *id = reel_record_table_get_platform_id (a, i, &line_a, &column_a);

      if (strcmp (id, reel_record_table_get_platform_id (b, i, &line_b, &column_b)) != 0 ||
          line_a != line_b || column_a != column_b)
        fuzz_fail ("platform %u differs", i);
      if (!reel_rules_is_id (id, strlen (id)))
        fuzz_fail ("platform “%s” is not an id", id);
      for (guint year = first; year <= last; year++)
        compare_sums (reel_record_table_get_platform_sum (a, i, year),
                      reel_record_table_get_platform_sum (b, i, year));
    }

  if (first < REEL_RECORD_YEAR_MIN || last > REEL_RECORD_YEAR_MAX || first > last)
    fuzz_fail ("years %u to %u", first, last);
}

/* The characters of each line of @data (LF ends a line; a leading BOM is
 * none): a problem's column is at most one past them, at the line end. */
static GArray *
line_widths (const guint8 *data,
             gsize         size)
{
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize i = size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  guint width = 0;

  for (; i < size; i++)
    {
      if (data[i] == '\n')
        {
          g_array_append_val (widths, width);
          width = 0;
        }
      else
        {
          width += (data[i] & 0xC0) != 0x80;
        }
    }
  g_array_append_val (widths, width);

  return widths;
}

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Read whole = { 0 }, trickled = { 0 };
  g_autoptr(GArray) widths = line_widths (data, size);

  read_input (data, size, 0, &whole);
  read_input (data, size, fuzz_chunk_size (data, size), &trickled);

  if (whole.problems->len != trickled.problems->len)
    fuzz_fail ("%u problems read whole, %u read in chunks of %zu bytes", whole.problems->len,
               trickled.problems->len, fuzz_chunk_size (data, size));

  for (guint i = 0; i < whole.problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (whole.problems, i);

      if (!fuzz_problems_equal (problem, g_ptr_array_index (trickled.problems, i)))
        fuzz_fail ("problem %u differs read whole and in chunks: %s", i, problem->message);
      fuzz_check_problem (problem);
      if (problem->line > 0 &&
          (problem->line > widths->len || problem->column == 0 ||
           problem->column > g_array_index (widths, guint, problem->line - 1) + 1))
        fuzz_fail ("a problem at %u:%u, outside the input's %u lines: %s", problem->line,
                   problem->column, widths->len, problem->message);
    }

  compare_tables (whole.table, trickled.table);

  for (guint i = 0; i < reel_record_table_get_n_regions (whole.table); i++)
    {
      guint first, last;

      if (!reel_record_table_get_year_range (whole.table, &first, &last))
        break;
      for (guint year = first; year <= last; year++)
        {
          const ReelRecordSum *sum = reel_record_table_get_region_sum (whole.table, i, year);

          if (sum != NULL && (!isfinite (sum->revenue) || sum->revenue < 0 || sum->months == 0 ||
                              sum->months > 0xFFF))
            fuzz_fail ("a sum of %g over months %x", sum->revenue, sum->months);
        }
    }

  read_clear (&whole);
  read_clear (&trickled);
  return 0;
}
