/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "reel-record-table.h"

static void
test_record_table_sums (void)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  const ReelRecordSum *sum;
  guint na, eu, reelshort, first, last;

  na = reel_record_table_intern_region (table, "north-america", 3, 5);
  eu = reel_record_table_intern_region (table, "europe", 9, 5);
  g_assert_cmpuint (reel_record_table_intern_region (table, "north-america", 20, 5), ==, na);
  g_assert_cmpuint (na, !=, eu);
  reelshort = reel_record_table_intern_platform (table, "reelshort", 3, 40);

  reel_record_table_add (table, na, reelshort, 2024, 1, 100.5);
  reel_record_table_add (table, na, reelshort, 2024, 1, 0.5);
  reel_record_table_add (table, na, REEL_RECORD_NO_ID, 2024, 12, 10);
  reel_record_table_add (table, na, REEL_RECORD_NO_ID, 2022, 6, 7);
  reel_record_table_add (table, eu, reelshort, 2025, 3, 2);

  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 5);
  g_assert_cmpuint (reel_record_table_get_n_regions (table), ==, 2);
  g_assert_cmpuint (reel_record_table_get_n_platforms (table), ==, 1);

  sum = reel_record_table_get_region_sum (table, na, 2024);
  g_assert_nonnull (sum);
  g_assert_cmpfloat (sum->revenue, ==, 111.0);
  g_assert_cmphex (sum->months, ==, (1 << 0) | (1 << 11));

  /* The year window grew downwards without losing 2024's sum. */
  sum = reel_record_table_get_region_sum (table, na, 2022);
  g_assert_nonnull (sum);
  g_assert_cmpfloat (sum->revenue, ==, 7.0);
  g_assert_null (reel_record_table_get_region_sum (table, na, 2023));
  g_assert_null (reel_record_table_get_region_sum (table, na, 2025));
  g_assert_cmpfloat (reel_record_table_get_region_sum (table, na, 2024)->revenue, ==, 111.0);

  sum = reel_record_table_get_platform_sum (table, reelshort, 2024);
  g_assert_nonnull (sum);
  g_assert_cmpfloat (sum->revenue, ==, 101.0);
  g_assert_cmpfloat (reel_record_table_get_platform_sum (table, reelshort, 2025)->revenue, ==, 2.0);

  g_assert_true (reel_record_table_get_year_range (table, &first, &last));
  g_assert_cmpuint (first, ==, 2022);
  g_assert_cmpuint (last, ==, 2025);
}

static void
test_record_table_positions (void)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  guint line, column, i;

  i = reel_record_table_intern_region (table, "nowhere", 7, 19);
  reel_record_table_intern_region (table, "nowhere", 8, 3);
  g_assert_cmpstr (reel_record_table_get_region_id (table, i, &line, &column), ==, "nowhere");
  /* The first place an id appeared is where a dangling id is reported. */
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 19);
}

/* Ids are looked up by length and bytes through a small index, then a
 * linear scan while there are few, then a hash table: each must find what
 * was interned, and nothing else. */
static void
test_record_table_lookup (void)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  const char nul_id[] = "r3\0x";

  for (guint n = 1; n <= 100; n++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", n - 1);

      g_assert_cmpuint (reel_record_table_lookup_region (table, id, strlen (id)), ==, REEL_RECORD_NO_ID);
      g_assert_cmpuint (reel_record_table_intern_region (table, id, n, 1), ==, n - 1);

      /* Every id so far, in an order that defeats any last-hit cache. */
      for (guint i = 0; i < n; i++)
        {
          guint k = (i * 7 + 3) % n;
          g_autofree char *other = g_strdup_printf ("r%u", k);

          g_assert_cmpuint (reel_record_table_lookup_region (table, other, strlen (other)), ==, k);
          g_assert_cmpuint (reel_record_table_intern_region (table, other, 1000, 1), ==, k);
        }

      /* A prefix, a longer id and one with a NUL inside are other ids. */
      g_assert_cmpuint (reel_record_table_lookup_region (table, "r", 1), ==, REEL_RECORD_NO_ID);
      g_assert_cmpuint (reel_record_table_lookup_region (table, "r00", 3), ==, REEL_RECORD_NO_ID);
      g_assert_cmpuint (reel_record_table_lookup_region (table, nul_id, sizeof nul_id - 1), ==,
                        REEL_RECORD_NO_ID);
    }

  g_assert_cmpuint (reel_record_table_get_n_regions (table), ==, 100);
  g_assert_cmpuint (reel_record_table_lookup_platform (table, "r1", 2), ==, REEL_RECORD_NO_ID);
  g_assert_cmpuint (reel_record_table_lookup_region (table, "", 0), ==, REEL_RECORD_NO_ID);
}

static void
test_record_table_empty (void)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  guint first = 0, last = 0;

  g_assert_false (reel_record_table_get_year_range (table, &first, &last));
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 0);
}

static void
test_record_table_series (void)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  const ReelRecordSeries *series;
  ReelPeriod q1, year;
  guint na, reelshort, first, last;

  g_assert_null (reel_period_parse ("2025-Q1", &q1));
  reel_period_init_year (&year, 2025);
  na = reel_record_table_intern_region (table, "north-america", 1, 1);
  reelshort = reel_record_table_intern_platform (table, "reelshort", 1, 9);

  g_assert_cmpint (reel_record_table_add_measure (table, na, REEL_RECORD_NO_ID,
                                                  REEL_METRIC_DOWNLOADS, &q1, 10), ==, REEL_RECORD_ADDED);
  g_assert_cmpint (reel_record_table_add_measure (table, na, reelshort,
                                                  REEL_METRIC_DOWNLOADS, &q1, 5), ==, REEL_RECORD_ADDED);
  g_assert_cmpint (reel_record_table_add_measure (table, na, reelshort,
                                                  REEL_METRIC_DOWNLOAD_SHARE, &year, 0.5), ==, REEL_RECORD_ADDED);
  /* A share is not summed: a second one for the series is refused. */
  g_assert_cmpint (reel_record_table_add_measure (table, na, reelshort,
                                                  REEL_METRIC_DOWNLOAD_SHARE, &year, 0.1), ==,
                   REEL_RECORD_SHARE_TWICE);

  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 3);
  g_assert_cmpuint (reel_record_table_get_n_series (table), ==, 3);
  /* Only revenue months have years. */
  g_assert_false (reel_record_table_get_year_range (table, &first, &last));

  series = reel_record_table_get_series (table, 0);
  g_assert_cmpuint (series->region, ==, na);
  g_assert_cmpuint (series->platform, ==, REEL_RECORD_NO_ID);
  g_assert_cmpfloat (series->value, ==, 15);
  series = reel_record_table_get_series (table, 1);
  g_assert_cmpuint (series->platform, ==, reelshort);
  g_assert_cmpfloat (series->value, ==, 5);
  series = reel_record_table_get_series (table, 2);
  g_assert_cmpuint (series->region, ==, na);
  g_assert_cmpuint (series->platform, ==, reelshort);
  g_assert_cmpint (series->metric, ==, REEL_METRIC_DOWNLOAD_SHARE);
  g_assert_cmpfloat (series->value, ==, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-table/sums", test_record_table_sums);
  g_test_add_func ("/record-table/positions", test_record_table_positions);
  g_test_add_func ("/record-table/empty", test_record_table_empty);
  g_test_add_func ("/record-table/lookup", test_record_table_lookup);
  g_test_add_func ("/record-table/series", test_record_table_series);

  return g_test_run ();
}
