/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "reel-blocks.h"
#include "reel-csv-split.h"
#include "reel-dataset-loader.h"
#include "reel-json-tree.h"
#include "reel-records-split.h"

/* The records of a large JSON file are read in blocks on several threads
 * and merged (reel-records-split.c). These tests make files with what the
 * scanner knows how to get wrong at a block's edge, cut them into small
 * blocks, and check that every way of reading them (one pass; two or three
 * threads; SSE2 or the portable string scan; records read whole or token by
 * token) makes the same tables, to the bit, the same problems at the same
 * places, and the same error. */

typedef enum {
  GEN_MINIFIED    = 1 << 0,   /* every record on one line */
  GEN_CRLF        = 1 << 1,   /* records on lines of their own, ended by CR LF */
  GEN_NOTES       = 1 << 2,   /* unknown members with escapes, braces, quotes, surrogate pairs */
  GEN_TRICKY      = 1 << 3,   /* notes with ",{", which look like a record's start */
  GEN_AFTER       = 1 << 4,   /* platforms after the records, with ",{" of their own */
  GEN_V2          = 1 << 5,   /* version 2: downloads and shares, years and quarters */
  GEN_UNLISTED    = 1 << 6,   /* a region id that the list lacks, first used late */
} GenFlags;

static const char * const regions[] = {
  "north-america", "latin-america", "europe", "middle-east-north-africa",
  "sub-saharan-africa", "south-asia", "southeast-asia", "east-asia",
};
static const char * const countries[] = { "US", "BR", "DE", "SA", "NG", "IN", "ID", "JP" };
static const char * const platforms[] = {
  "reelshort", "dramabox", "shortmax", "dramawave", "flextv", "goodshort",
};

/* Strings that a scanner must read as strings, not as structure; with
 * GEN_TRICKY also text that looks like the start of a record. */
static const char * const notes[] = {
  "braces { } [ ] and \\\"quotes\\\" and \\\\ backslashes \\\\\\\"",
  "a surrogate pair \\ud83c\\udfac, \\u00e9, 中文 and 🎬 as they are",
  "escapes \\n \\t \\/ \\b \\f \\r \\u0041 and a \\\\u0041 that is not one",
  "} { \\\"region\\\": \\\"europe\\\" } ] [",
};
static const char * const tricky_notes[] = {
  "},{\\\"region\\\":\\\"europe\\\",\\\"period\\\":\\\"2024-01\\\",\\\"revenue\\\":1}",
  ", {\\\"region\\\": \\\"europe\\\"",
};

static void
append_revenue (GString *json,
                GRand   *rand,
                guint    i)
{
  /* Inexact decimals, so that the order of the sums shows in their last
   * bits; and every way of writing a number. */
  switch (i % 7)
    {
    case 0: g_string_append_printf (json, "%u.%02u", g_rand_int_range (rand, 0, 100000),
                                    g_rand_int_range (rand, 0, 100)); break;
    case 1: g_string_append_printf (json, "%u", g_rand_int_range (rand, 0, 1000000)); break;
    case 2: g_string_append_printf (json, "%ue%d", g_rand_int_range (rand, 1, 1000),
                                    g_rand_int_range (rand, -3, 4)); break;
    case 3: g_string_append_printf (json, "0.%09u%09u", g_rand_int_range (rand, 0, 999999999),
                                    g_rand_int_range (rand, 0, 999999999)); break;
    case 4: g_string_append_printf (json, "%u.%u5E+2", g_rand_int_range (rand, 0, 99),
                                    g_rand_int_range (rand, 0, 9999)); break;
    case 5: g_string_append (json, "0"); break;
    default: g_string_append_printf (json, "%.17g", g_rand_double_range (rand, 0, 1e9)); break;
    }
}

/* The members of record @i, in one of a few orders. */
static void
append_record (GString  *json,
               GRand    *rand,
               GenFlags  flags,
               guint     i,
               guint     n)
{
  /* Regions and platforms come in one by one, so that later blocks have
   * ids that earlier ones lack. */
  guint r = g_rand_int_range (rand, 0, MIN (8, 1 + i * 16 / n));
  guint p = g_rand_int_range (rand, 0, MIN (6, 1 + i * 12 / n));
  gboolean spaced = i % 11 == 3;
  const char *colon = spaced ? " : " : ":", *comma = spaced ? " , " : ",";
  const char *region = (flags & GEN_UNLISTED) && i > n * 3 / 4 && i % 5 == 0 ? "atlantis" : regions[r];

  g_string_append (json, spaced ? "{ " : "{");
  if (i % 3 == 1)
    {
      g_string_append_printf (json, "\"period\"%s\"%04u-%02u\"%s", colon,
                              g_rand_int_range (rand, 2020, 2026), g_rand_int_range (rand, 1, 13), comma);
      g_string_append_printf (json, "\"revenue\"%s", colon);
      append_revenue (json, rand, i);
      g_string_append_printf (json, "%s\"region\"%s\"%s\"", comma, colon, region);
    }
  else
    {
      g_string_append_printf (json, "\"region\"%s\"%s\"%s\"country\"%s\"%s\"%s", colon, region, comma,
                              colon, countries[r], comma);
      g_string_append_printf (json, "\"period\"%s\"%04u-%02u\"%s\"revenue\"%s", colon,
                              g_rand_int_range (rand, 2020, 2026), g_rand_int_range (rand, 1, 13),
                              comma, colon);
      append_revenue (json, rand, i);
    }
  if (i % 5 != 4)
    g_string_append_printf (json, "%s\"platform\"%s\"%s\"", comma, colon, platforms[p]);
  if ((flags & GEN_NOTES) && i % 3 == 0)
    g_string_append_printf (json, "%s\"%s\"%s\"%s\"", comma, i > n * 2 / 3 && i % 2 ? "remark" : "note",
                            colon, notes[(i / 3) % G_N_ELEMENTS (notes)]);
  if ((flags & GEN_TRICKY) && i % 4 == 0)
    g_string_append_printf (json, "%s\"memo\"%s\"%s\"", comma, colon,
                            tricky_notes[(i / 4) % G_N_ELEMENTS (tricky_notes)]);
  g_string_append (json, spaced ? " }" : "}");
}

/* Version 2 records: downloads by year or quarter, and shares, each share
 * of its own place and month. */
static void
append_measure (GString *json,
                GRand   *rand,
                guint    i)
{
  guint r = g_rand_int_range (rand, 0, 8);

  if (i % 2 == 0)
    g_string_append_printf (json, "{\"region\":\"%s\",\"metric\":\"downloads\",\"period\":\"%u%s\","
                            "\"value\":%u.%u}", regions[r], g_rand_int_range (rand, 2020, 2026),
                            i % 4 == 0 ? "" : "-Q2", g_rand_int_range (rand, 0, 100000),
                            g_rand_int_range (rand, 0, 10));
  else
    g_string_append_printf (json, "{\"region\":\"%s\",\"platform\":\"%s\",\"metric\":\"revenue-share\","
                            "\"period\":\"%04u-%02u\",\"value\":0.%u}", regions[i % 8],
                            platforms[(i / 8) % 6], 1990 + (i / 48) / 12, (i / 48) % 12 + 1,
                            g_rand_int_range (rand, 1, 99));
}

static void
append_header (GString  *json,
               GenFlags  flags)
{
  g_string_append_printf (json, "{\n  \"format\": \"reelscope-dataset\",\n  \"version\": %u,\n"
                          "  \"title\": \"Blocks \\ud83c\\udfac\",\n  \"currency\": \"USD\",\n"
                          "  \"sources\": [{\"id\": \"synthetic\", \"title\": \"Synthetic\"}],\n"
                          "  \"regions\": [", (flags & GEN_V2) ? 2 : 1);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_string_append_printf (json, "%s\n    {\"id\": \"%s\", \"name\": \"Région %u\", \"countries\": [\"%s\"]}",
                            i > 0 ? "," : "", regions[i], i, countries[i]);
  g_string_append (json, "\n  ],\n");
}

static void
append_platforms (GString *json)
{
  g_string_append (json, "  \"platforms\": [");
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    g_string_append_printf (json, "%s{\"id\": \"%s\", \"name\": \"%s\"}", i > 0 ? "," : "",
                            platforms[i], platforms[i]);
  g_string_append (json, "]");
}

/* A dataset of @n records; record @fault_at (if < n) is @fault instead. */
static GBytes *
generate (guint        n,
          GenFlags     flags,
          guint        fault_at,
          const char  *fault)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n + flags);
  GString *json = g_string_new (NULL);
  const char *separator = (flags & GEN_MINIFIED) ? "," : (flags & GEN_CRLF) ? ",\r\n    " : ",\n    ";

  append_header (json, flags);
  if (!(flags & GEN_AFTER))
    {
      append_platforms (json);
      g_string_append (json, ",\n");
    }
  g_string_append (json, "  \"records\": [\n    ");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (json, separator);
      if (i == fault_at)
        g_string_append (json, fault);
      else if ((flags & GEN_V2) && i % 3 == 2)
        append_measure (json, rand, i);
      else
        append_record (json, rand, flags, i, n);
    }
  g_string_append (json, "\n  ]");
  if (flags & GEN_AFTER)
    {
      g_string_append (json, ",\n");
      append_platforms (json);
    }
  g_string_append (json, "\n}\n");

  return g_string_free_to_bytes (json);
}

static GInputStream *
open_bytes (gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  return g_memory_input_stream_new_from_bytes (user_data);
}

static void
dump_sums (GString                *dump,
           const ReelRecordTable  *table,
           const ReelRecordSum  *(*get_sum) (const ReelRecordTable *, guint, guint),
           guint                   i)
{
  for (guint year = REEL_RECORD_YEAR_MIN; year <= REEL_RECORD_YEAR_MAX; year++)
    {
      const ReelRecordSum *sum = get_sum (table, i, year);

      if (sum != NULL)
        g_string_append_printf (dump, "  %u: %a %x\n", year, sum->revenue, sum->months);
    }
}

/* Everything the table holds: ids where they first appeared, every sum in
 * hexadecimal (to the bit), every series. */
static void
dump_table (GString               *dump,
            const ReelRecordTable *table)
{
  guint line, column, first, last;

  for (guint i = 0; i < reel_record_table_get_n_regions (table); i++)
    {
      const char *id = reel_record_table_get_region_id (table, i, &line, &column);

      g_string_append_printf (dump, "region %s at %u:%u\n", id, line, column);
      dump_sums (dump, table, reel_record_table_get_region_sum, i);
    }
  for (guint i = 0; i < reel_record_table_get_n_platforms (table); i++)
    {
      const char *id = reel_record_table_get_platform_id (table, i, &line, &column);

      g_string_append_printf (dump, "platform %s at %u:%u\n", id, line, column);
      dump_sums (dump, table, reel_record_table_get_platform_sum, i);
    }
  for (guint i = 0; i < reel_record_table_get_n_series (table); i++)
    {
      const ReelRecordSeries *series = reel_record_table_get_series (table, i);

      g_string_append_printf (dump, "series %u %u %u %u-%u/%u %a\n", series->region, series->platform,
                              series->metric, series->period.first, series->period.last,
                              series->period.kind, series->value);
    }
  if (reel_record_table_get_year_range (table, &first, &last))
    g_string_append_printf (dump, "years %u-%u\n", first, last);
  g_string_append_printf (dump, "records %" G_GUINT64_FORMAT "\n", reel_record_table_get_n_records (table));
}

static void
dump_problems (GString   *dump,
               GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *text = reel_problem_to_string (g_ptr_array_index (problems, i), "gen.json");

      g_string_append_printf (dump, "%s\n", text);
    }
}

/* Scans @bytes as the loader does, with the records split when they are
 * large enough, and dumps the table and the problems, the records' ids as
 * unknown (which says where each was first used, by record index too).
 * @split_failed: whether the split fell back to one pass; then (and without
 * @in_blocks) the records are read in one pass. */
static char *
scan_tables (GBytes   *bytes,
             gboolean  in_blocks,
             gboolean *split_failed)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  g_autoptr(ReelJsonTree) tree = reel_json_tree_new ();
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordsReader) records = reel_records_reader_new (table, tree, problems);
  g_autoptr(ReelRecordsSplit) split = NULL;
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GString *dump = g_string_new (NULL);

  split = reel_records_split_new (records, g_bytes_get_size (bytes), open_bytes, bytes, NULL);
  if (in_blocks)
    reel_json_tree_divert_member (tree, "records", reel_records_split_handle_event, split);
  else
    reel_json_tree_divert_member (tree, "records", reel_records_reader_handle_event, records);
  if (!reel_json_scanner_scan (scanner, reel_json_tree_handle_event, tree, NULL, &error))
    g_string_append_printf (dump, "failed: %s\n", error->message);
  *split_failed = reel_records_split_failed (split);
  /* As the loader does: one pass again, which says what and where. */
  if (*split_failed)
    {
      gboolean again;

      g_string_free (dump, TRUE);
      return scan_tables (bytes, FALSE, &again);
    }
  if (error == NULL)
    {
      reel_records_reader_check_ids (records, none, none);
      dump_table (dump, table);
    }
  dump_problems (dump, problems);
  return g_string_free (dump, FALSE);
}

static void
dump_figures (GString *dump,
              GArray  *figures)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      g_string_append_printf (dump, "  %u %a\n", figure->year, figure->value);
    }
}

/* Loads @bytes with the loader and dumps the dataset's revenue, every
 * problem and the error. */
static char *
load (GBytes *bytes)
{
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "gen.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelDataset) dataset = reel_dataset_loader_load (loader, NULL, &error);
  GString *dump = g_string_new (NULL);

  if (dataset != NULL)
    {
      GPtrArray *list = reel_dataset_get_regions (dataset);

      g_string_append_printf (dump, "records %" G_GUINT64_FORMAT "\n", reel_dataset_get_n_records (dataset));
      for (guint i = 0; i < list->len; i++)
        {
          const ReelRegion *region = g_ptr_array_index (list, i);

          g_string_append_printf (dump, "%s\n", region->id);
          dump_figures (dump, region->revenue);
        }
      list = reel_dataset_get_platforms (dataset);
      for (guint i = 0; i < list->len; i++)
        {
          const ReelPlatform *platform = g_ptr_array_index (list, i);

          g_string_append_printf (dump, "%s\n", platform->id);
          dump_figures (dump, platform->revenue);
        }
    }
  else
    {
      g_string_append_printf (dump, "error: %s\n", error->message);
    }
  dump_problems (dump, reel_dataset_loader_get_problems (loader));
  return g_string_free (dump, FALSE);
}

typedef struct {
  guint    n_threads;
  gboolean simd;
  gboolean flat;      /* records read whole, not token by token */
} Way;

/* One pass token by token first: what every other way must match. */
static const Way ways[] = {
  { 1, TRUE, FALSE }, { 1, TRUE, TRUE }, { 2, TRUE, TRUE }, { 2, FALSE, TRUE }, { 2, TRUE, FALSE },
  { 3, TRUE, TRUE },
};

/* Reads @bytes every way with blocks of @block_size bytes and checks that
 * each makes what one pass makes; @split says whether the threads must
 * have managed without falling back to one pass. */
static void
check_ways (GBytes   *bytes,
            gsize     block_size,
            gboolean  split)
{
  g_autofree char *tables = NULL, *loaded = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 8 * block_size);

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autofree char *way_tables = NULL, *way_loaded = NULL;
      gboolean failed;

      reel_blocks_tune (block_size, ways[i].n_threads);
      reel_json_scanner_set_simd (ways[i].simd);
      reel_json_scanner_set_flat_objects (ways[i].flat);
      way_tables = scan_tables (bytes, TRUE, &failed);
      way_loaded = load (bytes);
      reel_blocks_tune (0, 0);
      reel_json_scanner_set_simd (TRUE);
      reel_json_scanner_set_flat_objects (TRUE);

      if (ways[i].n_threads > 1)
        g_assert_cmpint (failed, ==, !split);
      if (tables == NULL)
        {
          tables = g_steal_pointer (&way_tables);
          loaded = g_steal_pointer (&way_loaded);
          continue;
        }
      g_assert_cmpstr (way_tables, ==, tables);
      g_assert_cmpstr (way_loaded, ==, loaded);
    }
}

static const gsize block_sizes[] = { 1500, 4096, 65536 + 7 };

static void
check_generated (guint        n,
                 GenFlags     flags,
                 guint        fault_at,
                 const char  *fault,
                 gboolean     split)
{
  g_autoptr(GBytes) bytes = generate (n, flags, fault_at, fault);

  for (guint i = 0; i < G_N_ELEMENTS (block_sizes); i++)
    if (g_bytes_get_size (bytes) > 8 * block_sizes[i])
      check_ways (bytes, block_sizes[i], split);
}

static void
test_parallel_plain (void)
{
  check_generated (6000, 0, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_minified (void)
{
  /* One line: every position is a column, moved by the blocks before. */
  check_generated (6000, GEN_MINIFIED | GEN_NOTES, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_notes (void)
{
  /* Escapes, surrogate pairs, braces and quotes in strings, CR LF between
   * records; each unknown name warned about once, where it first is. */
  check_generated (6000, GEN_NOTES | GEN_CRLF, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_after (void)
{
  /* Members after the records, read after the threads, where they ended. */
  check_generated (6000, GEN_AFTER | GEN_NOTES, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_v2 (void)
{
  check_generated (6000, GEN_V2, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_unlisted (void)
{
  /* An id that no region has: reported after the records, where it was
   * first used, by record index too. */
  check_generated (6000, GEN_UNLISTED, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_tricky (void)
{
  /* Strings that look like a record's start fool the guesses: the threads
   * find out and the file is read again in one pass, to the same result. */
  check_generated (6000, GEN_TRICKY | GEN_NOTES, G_MAXUINT, NULL, FALSE);
}

static void
test_parallel_errors (void)
{
  /* An error in a later block: found there, reported by one pass, with the
   * first error's position and every problem the same. */
  check_generated (6000, GEN_NOTES, 4500,
                   "{\"region\":\"europe\",\"period\":\"2024-13\",\"revenue\":1}", FALSE);
  check_generated (6000, 0, 3500, "{\"region\":\"europe\",\"revenue\":\"1\",\"period\":\"2024-01\"}", FALSE);
  /* A syntax error: a missing comma. */
  check_generated (6000, GEN_MINIFIED, 4000,
                   "{\"region\":\"europe\" \"period\":\"2024-01\",\"revenue\":1}", FALSE);
  /* A duplicate member. */
  check_generated (6000, 0, 5500,
                   "{\"region\":\"europe\",\"period\":\"2024-01\",\"revenue\":1,\"revenue\":2}", FALSE);
  /* A share given twice, once in the first block and again in a later one:
   * neither block can see it, the merge can. */
  check_generated (6000, GEN_V2, 5001,
                   "{\"region\":\"south-asia\",\"platform\":\"reelshort\",\"metric\":\"revenue-share\","
                   "\"period\":\"1990-01\",\"value\":0.5}", FALSE);
  /* The records end early: the file is cut in the last block. */
  check_generated (6000, 0, 5999, "{\"region\":\"europe\",\"period\":\"2024-01\",\"revenue\":1", FALSE);
}

/* A load a window waits for leaves a processor to the window's thread;
 * the command line's takes them all. */
static void
test_parallel_leaves_a_core (void)
{
  guint n = g_get_num_processors ();
  guint64 large = 16 * (guint64) reel_blocks_get_block_size ();

  g_assert_true (reel_blocks_worth_it (0, large) == (n > 1));
  reel_blocks_leave_a_core (TRUE);
  g_assert_true (reel_blocks_worth_it (0, large) == (n > 2));
  reel_blocks_leave_a_core (FALSE);
  g_assert_true (reel_blocks_worth_it (0, large) == (n > 1));
}

/* Sums made per block do not depend on the threads; a block merged out of
 * order, or a record read twice at a boundary, would show. */
static void
test_parallel_order (void)
{
  g_autoptr(GBytes) bytes = generate (6000, 0, G_MAXUINT, NULL);
  g_autofree char *one = NULL, *two = NULL;
  gboolean failed;

  reel_blocks_tune (4096, 1);
  one = scan_tables (bytes, TRUE, &failed);
  reel_blocks_tune (65536, 1);
  two = scan_tables (bytes, TRUE, &failed);
  reel_blocks_tune (0, 0);

  /* Other blocks, other sums: the test would see a block out of order. */
  g_assert_cmpstr (one, !=, two);
}

static void
progress_cb (ReelDatasetLoader *loader,
             double             fraction,
             gpointer           user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReelDataset **dataset = user_data;
  g_autoptr(GError) error = NULL;

  *dataset = reel_dataset_loader_load_finish (REEL_DATASET_LOADER (source), result, NULL, &error);
  g_assert_no_error (error);
}

/* On a worker thread, as the window loads: the threads it starts count
 * what they read, and progress still only goes up, to the end. */
static void
test_parallel_progress (void)
{
  g_autoptr(GBytes) bytes = generate (6000, GEN_NOTES, G_MAXUINT, NULL);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "gen.json");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(ReelDataset) dataset = NULL;

  reel_blocks_tune (4096, 2);
  g_signal_connect (loader, "progress", G_CALLBACK (progress_cb), fractions);
  reel_dataset_loader_load_async (loader, NULL, loaded_cb, &dataset);
  while (dataset == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  reel_blocks_tune (0, 0);

  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 6000);
  g_assert_cmpuint (fractions->len, >=, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

static void
cancel_cb (ReelDatasetLoader *loader,
           double             fraction,
           gpointer           user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled at the first progress, before the records: the threads take
 * no block, and the file is not read again in one pass. */
static void
test_parallel_cancel (void)
{
  g_autoptr(GBytes) bytes = generate (6000, 0, G_MAXUINT, NULL);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "gen.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelDataset) dataset = NULL;

  reel_blocks_tune (4096, 2);
  g_signal_connect (loader, "progress", G_CALLBACK (cancel_cb), cancellable);
  dataset = reel_dataset_loader_load (loader, cancellable, &error);
  reel_blocks_tune (0, 0);

  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (reel_dataset_loader_get_problems (loader)->len, ==, 0);
}

/* CSV ------------------------------------------------------------------ */

typedef enum {
  CSV_CRLF     = 1 << 0,    /* CR LF line ends */
  CSV_BOM      = 1 << 1,    /* a byte-order mark */
  CSV_QUOTED   = 1 << 2,    /* notes in quotes: commas, doubled quotes, text beyond ASCII */
  CSV_NEWLINES = 1 << 3,    /* notes with line ends inside the quotes */
  CSV_BLANK    = 1 << 4,    /* empty rows at the end, which are allowed */
} CsvFlags;

/* Records as CSV, with a note column of text a block reader must read as
 * data; row @fault_at (if < n) is @fault instead. */
static GBytes *
generate_csv (guint        n,
              CsvFlags     flags,
              guint        fault_at,
              const char  *fault)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n + flags + 77);
  GString *csv = g_string_new ((flags & CSV_BOM) ? "\xEF\xBB\xBF" : "");
  const char *eol = (flags & CSV_CRLF) ? "\r\n" : "\n";

  g_string_append_printf (csv, "note,region,period,revenue,country,platform%s", eol);
  for (guint i = 0; i < n; i++)
    {
      guint r = g_rand_int_range (rand, 0, MIN (8, 1 + i * 16 / n));
      guint p = g_rand_int_range (rand, 0, MIN (6, 1 + i * 12 / n));

      if (i == fault_at)
        {
          g_string_append_printf (csv, "%s%s", fault, eol);
          continue;
        }
      if ((flags & CSV_NEWLINES) && i % 5 == 0)
        g_string_append (csv, "\"a note\non two lines, \"\"quoted\"\"\",");
      else if ((flags & CSV_QUOTED) && i % 3 == 0)
        g_string_append_printf (csv, "\"%s, \"\"quoted\"\", 中文 🎬\",", i % 2 ? "é" : "{");
      else
        g_string_append_printf (csv, "%s,", i % 4 ? "" : "ünquoted");
      g_string_append_printf (csv, "%s,%04u-%02u,", regions[r], g_rand_int_range (rand, 2020, 2026),
                              g_rand_int_range (rand, 1, 13));
      if (i % 3 == 0)
        g_string_append_printf (csv, "%u.%02u", g_rand_int_range (rand, 0, 100000), g_rand_int_range (rand, 0, 100));
      else if (i % 3 == 1)
        g_string_append_printf (csv, "%u", g_rand_int_range (rand, 0, 1000000));
      else
        g_string_append_printf (csv, "0.%09u", g_rand_int_range (rand, 0, 999999999));
      g_string_append_printf (csv, ",%s,%s%s", i % 2 ? countries[r] : "", i % 5 == 4 ? "" : platforms[p], eol);
    }
  if (flags & CSV_BLANK)
    g_string_append_printf (csv, "%s%s", eol, eol);

  return g_string_free_to_bytes (csv);
}

/* Reads @bytes as the loader reads CSV and dumps the table and problems. */
static char *
scan_csv_tables (GBytes   *bytes,
                 gboolean *in_blocks)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(GError) error = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_true (reel_csv_reader_read_split (stream, g_bytes_get_size (bytes), open_bytes, bytes,
                                             G_MAXUINT64, table, problems, NULL, NULL, NULL, in_blocks,
                                             &error));
  g_assert_no_error (error);
  dump_table (dump, table);
  dump_problems (dump, problems);
  return g_string_free (dump, FALSE);
}

/* Reads CSV @bytes every way, as check_ways() does JSON. */
static void
check_csv_ways (GBytes   *bytes,
                gboolean  split)
{
  g_autofree char *tables = NULL, *loaded = NULL;

  for (guint b = 0; b < G_N_ELEMENTS (block_sizes); b++)
    {
      if (g_bytes_get_size (bytes) <= 8 * block_sizes[b])
        continue;
      g_clear_pointer (&tables, g_free);
      g_clear_pointer (&loaded, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
        {
          g_autofree char *way_tables = NULL, *way_loaded = NULL;
          g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "gen.csv");
          g_autoptr(ReelDataset) dataset = NULL;
          g_autoptr(GError) error = NULL;
          gboolean in_blocks;

          reel_blocks_tune (block_sizes[b], ways[i].n_threads);
          reel_csv_reader_set_simd (ways[i].simd);
          way_tables = scan_csv_tables (bytes, &in_blocks);
          dataset = reel_dataset_loader_load (loader, NULL, &error);
          way_loaded = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", dataset != NULL ? reel_dataset_get_n_records (dataset) : 0,
                                        error != NULL ? error->message : "");
          reel_blocks_tune (0, 0);
          reel_csv_reader_set_simd (TRUE);

          g_assert_cmpint (in_blocks, ==, split && ways[i].n_threads > 1);
          if (tables == NULL)
            {
              tables = g_steal_pointer (&way_tables);
              loaded = g_steal_pointer (&way_loaded);
              continue;
            }
          g_assert_cmpstr (way_tables, ==, tables);
          g_assert_cmpstr (way_loaded, ==, loaded);
        }
    }
}

static void
check_csv (CsvFlags     flags,
           guint        fault_at,
           const char  *fault,
           gboolean     split)
{
  g_autoptr(GBytes) bytes = generate_csv (9000, flags, fault_at, fault);

  check_csv_ways (bytes, split);
}

static void
test_parallel_csv (void)
{
  check_csv (0, G_MAXUINT, NULL, TRUE);
  check_csv (CSV_CRLF | CSV_BOM | CSV_QUOTED | CSV_BLANK, G_MAXUINT, NULL, TRUE);
}

static void
test_parallel_csv_newlines (void)
{
  /* Line ends in quotes fool the guesses at row starts: one pass again. */
  check_csv (CSV_QUOTED | CSV_NEWLINES, G_MAXUINT, NULL, FALSE);
}

static void
test_parallel_csv_errors (void)
{
  check_csv (CSV_QUOTED, 7000, ",europe,2024-13,5,,", FALSE);
  /* An empty row before more rows. */
  check_csv (CSV_CRLF, 5000, "", FALSE);
  /* Text after a closing quote, which stops reading. */
  check_csv (0, 6000, "\"a\"b,europe,2024-01,5,,", FALSE);
  /* A quote that is never closed. */
  check_csv (0, 8999, "\"open,europe,2024-01,5,,", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parallel-load/plain", test_parallel_plain);
  g_test_add_func ("/parallel-load/minified", test_parallel_minified);
  g_test_add_func ("/parallel-load/notes", test_parallel_notes);
  g_test_add_func ("/parallel-load/after", test_parallel_after);
  g_test_add_func ("/parallel-load/v2", test_parallel_v2);
  g_test_add_func ("/parallel-load/unlisted", test_parallel_unlisted);
  g_test_add_func ("/parallel-load/tricky", test_parallel_tricky);
  g_test_add_func ("/parallel-load/errors", test_parallel_errors);
  g_test_add_func ("/parallel-load/order", test_parallel_order);
  g_test_add_func ("/parallel-load/leaves-a-core", test_parallel_leaves_a_core);
  g_test_add_func ("/parallel-load/progress", test_parallel_progress);
  g_test_add_func ("/parallel-load/cancel", test_parallel_cancel);
  g_test_add_func ("/parallel-load/csv", test_parallel_csv);
  g_test_add_func ("/parallel-load/csv-newlines", test_parallel_csv_newlines);
  g_test_add_func ("/parallel-load/csv-errors", test_parallel_csv_errors);

  return g_test_run ();
}
