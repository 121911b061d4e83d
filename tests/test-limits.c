/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The limits on records and on values, exceeded by one. 50,000,001 records
 * need more than the 1 GiB a file may have (JSON) or a 600 MB file (CSV),
 * and 1,000,001 values seconds of a sanitizer build, so this test builds the
 * dataset layer with the same named constants set to 1,000
 * (tests/meson.build); test-hostile checks that the real ones are what
 * DESIGN §3 and reel-dataset.h say. */
#include "config.h"

#include <string.h>

#include "reel-csv-reader.h"
#include "reel-dataset-loader.h"

G_STATIC_ASSERT (REEL_DATASET_MAX_RECORDS == 1000);
G_STATIC_ASSERT (REEL_CSV_RECORDS_MAX == 1000);
G_STATIC_ASSERT (REEL_DATASET_MAX_VALUES == 1000);

static ReelDataset *
load_bytes (const GString      *contents,
            const char         *name,
            ReelDatasetLoader **out_loader,
            GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents->str, contents->len);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, name);
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, error);

  *out_loader = g_steal_pointer (&loader);
  return dataset;
}

static GString *
json_records (guint n)
{
  GString *json = g_string_new ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                " \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
                                " \"records\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "  {\"region\": \"na\", \"period\": \"2024-%02u\", \"revenue\": 1}%s\n",
                            i % 12 + 1, i + 1 < n ? "," : "");
  g_string_append (json, "]}\n");
  return json;
}

static void
test_json_records (void)
{
  g_autoptr(GString) json = json_records (REEL_DATASET_MAX_RECORDS);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelProblem *problem;

  dataset = load_bytes (json, "records.json", &loader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, REEL_DATASET_MAX_RECORDS);
  g_clear_object (&dataset);
  g_clear_object (&loader);
  g_string_free (json, TRUE);

  /* One more: refused at the record that is one too many (line 4 is the first). */
  json = json_records (REEL_DATASET_MAX_RECORDS + 1);
  dataset = load_bytes (json, "records.json", &loader, &error);
  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 1);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpuint (problem->line, ==, 4 + REEL_DATASET_MAX_RECORDS);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpstr (problem->path, ==, "records[1000]");
  g_assert_cmpstr (problem->message, ==, "more than 1000 records");
}

static void
test_csv_records (void)
{
  g_autoptr(GString) csv = g_string_new ("region,period,revenue\n");
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelProblem *problem;

  for (guint i = 0; i < REEL_CSV_RECORDS_MAX; i++)
    g_string_append_printf (csv, "na,2024-%02u,1\n", i % 12 + 1);
  dataset = load_bytes (csv, "records.csv", &loader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, REEL_CSV_RECORDS_MAX);
  g_clear_object (&dataset);
  g_clear_object (&loader);

  /* Row 1 is the header: the record that is one too many is row 1002. */
  g_string_append (csv, "na,2024-01,1\n");
  dataset = load_bytes (csv, "records.csv", &loader, &error);
  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 1);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpuint (problem->line, ==, REEL_CSV_RECORDS_MAX + 2);
  g_assert_cmpuint (problem->column, ==, 1);
  g_assert_cmpstr (problem->path, ==, "");
  g_assert_cmpstr (problem->message, ==, "more than 1000 records: split the file");
}

/* Values outside `records` are held as a tree: 1,000 of them load, and
 * the 1,001st stops the scan where it is. Records do not count. */
static GString *
json_values (guint n_values)
{
  /* The object, "format", "version", "regions", the region, its id and
   * name and "x": 8 values, then the list's entries. */
  GString *json = g_string_new ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                " \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
                                " \"records\": [{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": 1}],\n"
                                " \"x\": [\n");

  for (guint i = 8; i < n_values; i++)
    g_string_append_printf (json, "  %u%s\n", i, i + 1 < n_values ? "," : "");
  g_string_append (json, "]}\n");
  return json;
}

static void
test_values (void)
{
  g_autoptr(GString) json = json_values (REEL_DATASET_MAX_VALUES);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelProblem *problem;

  dataset = load_bytes (json, "values.json", &loader, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_clear_object (&dataset);
  g_clear_object (&loader);
  g_string_free (json, TRUE);

  /* One more: line 5 holds the 9th value. */
  json = json_values (REEL_DATASET_MAX_VALUES + 1);
  dataset = load_bytes (json, "values.json", &loader, &error);
  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 1);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpuint (problem->line, ==, 5 + REEL_DATASET_MAX_VALUES - 8);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpstr (problem->path, ==, "x[992]");
  g_assert_cmpstr (problem->message, ==, "more than 1000 values besides the records: put bulk data in “records”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/json-records", test_json_records);
  g_test_add_func ("/limits/csv-records", test_csv_records);
  g_test_add_func ("/limits/values", test_values);

  return g_test_run ();
}
