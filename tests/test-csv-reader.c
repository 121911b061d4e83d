/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "reel-csv-reader.h"
#include "reel-problem.h"

/* A stream that hands out at most @chunk bytes per read, and fails once
 * @fail_at bytes have been read (when @fail_at is not 0): fields, escapes,
 * line ends and the byte-order mark then arrive split over many reads. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream {
  GInputStream  parent_instance;
  const char   *data;
  gsize         len;
  gsize         pos;
  gsize         chunk;
  gsize         fail_at;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize n = MIN (MIN (count, self->chunk), self->len - self->pos);

  if (self->fail_at != 0 && self->pos >= self->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the disk caught fire");
      return -1;
    }

  memcpy (buffer, self->data + self->pos, n);
  self->pos += n;
  return n;
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
test_trickle_stream_new (const char *data,
                         gsize       len,
                         gsize       chunk)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->data = data;
  self->len = len;
  self->chunk = chunk;
  return G_INPUT_STREAM (self);
}

/* Reads @len bytes of @data (which must outlive the call) from @stream, or
 * from a memory stream when @stream is NULL; the read must succeed. */
static GPtrArray *
read_csv_stream (GInputStream     *stream,
                 const char       *data,
                 gssize            len,
                 ReelRecordTable **table_out)
{
  g_autoptr(GInputStream) memory = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GError) error = NULL;

  if (len < 0)
    len = strlen (data);
  if (stream == NULL)
    stream = memory = g_memory_input_stream_new_from_data (data, len, NULL);

  g_assert_true (reel_csv_reader_read (stream, G_MAXUINT64, table, problems, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  if (table_out != NULL)
    *table_out = g_steal_pointer (&table);
  return g_steal_pointer (&problems);
}

static GPtrArray *
read_csv (const char       *data,
          gssize            len,
          ReelRecordTable **table_out)
{
  return read_csv_stream (NULL, data, len, table_out);
}

static void
assert_no_problems (GPtrArray *problems)
{
  guint i;

  for (i = 0; i < problems->len; i++)
    {
      g_autofree char *text = reel_problem_to_string (g_ptr_array_index (problems, i), "input");

      g_test_message ("unexpected problem: %s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
assert_problem (const ReelProblem *problem,
                guint              line,
                guint              column,
                const char        *path,
                const char        *message)
{
  g_autofree char *text = reel_problem_to_string (problem, "input");

  g_test_message ("problem: %s", text);
  g_assert_cmpint (problem->severity, ==, REEL_PROBLEM_ERROR);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->path, ==, path);
  if (strstr (problem->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", problem->message, message);
}

static guint
find_region (const ReelRecordTable *table,
             const char            *id)
{
  guint i;

  for (i = 0; i < reel_record_table_get_n_regions (table); i++)
    if (strcmp (reel_record_table_get_region_id (table, i, NULL, NULL), id) == 0)
      return i;

  g_error ("no region “%s”", id);
  return REEL_RECORD_NO_ID;
}

static guint
find_platform (const ReelRecordTable *table,
               const char            *id)
{
  guint i;

  for (i = 0; i < reel_record_table_get_n_platforms (table); i++)
    if (strcmp (reel_record_table_get_platform_id (table, i, NULL, NULL), id) == 0)
      return i;

  g_error ("no platform “%s”", id);
  return REEL_RECORD_NO_ID;
}

static double
region_revenue (const ReelRecordTable *table,
                const char            *id,
                guint                  year)
{
  const ReelRecordSum *sum = reel_record_table_get_region_sum (table, find_region (table, id), year);

  g_assert_nonnull (sum);
  return sum->revenue;
}

static double
platform_revenue (const ReelRecordTable *table,
                  const char            *id,
                  guint                  year)
{
  const ReelRecordSum *sum = reel_record_table_get_platform_sum (table, find_platform (table, id), year);

  g_assert_nonnull (sum);
  return sum->revenue;
}

/* Columns in another order plus an ignored one; quoted fields with commas,
 * line breaks and "" escapes; a BOM; CRLF; no line end after the last row. */
static const char valid_crlf[] =
  "\xEF\xBB\xBF" "note,revenue,platform,period,country,region\r\n"
  "\"hello, world\",100.25,reelshort,2024-01,US,north-america\r\n"
  "\"two\r\nlines, \"\"quoted\"\"\",0.5,,2024-02,,north-america\r\n"
  "plain,2.25,dramabox,2024-01,CA,north-america\r\n"
  "\"\",1e3,dramabox,2023-12,DE,europe\r\n"
  "x,\"7\",\"reelshort\",2024-12,,\"europe\"";

static const char valid_lf[] =
  "note,revenue,platform,period,country,region\n"
  "\"hello, world\",100.25,reelshort,2024-01,US,north-america\n"
  "\"two\nlines, \"\"quoted\"\"\",0.5,,2024-02,,north-america\n"
  "plain,2.25,dramabox,2024-01,CA,north-america\n"
  "\"\",1e3,dramabox,2023-12,DE,europe\n"
  "x,\"7\",\"reelshort\",2024-12,,\"europe\"\n";

static void
assert_valid_sums (const ReelRecordTable *table)
{
  guint line, column, first, last;

  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 5);
  g_assert_cmpuint (reel_record_table_get_n_regions (table), ==, 2);
  g_assert_cmpuint (reel_record_table_get_n_platforms (table), ==, 2);

  /* Ids in order of first appearance, at the line and column where they first
   * came: the quoted line break before "europe" is a line of the file. */
  g_assert_cmpstr (reel_record_table_get_region_id (table, 0, &line, &column), ==, "north-america");
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 44);
  g_assert_cmpstr (reel_record_table_get_region_id (table, 1, &line, &column), ==, "europe");
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (column, ==, 28);
  g_assert_cmpstr (reel_record_table_get_platform_id (table, 0, &line, &column), ==, "reelshort");
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 23);
  g_assert_cmpstr (reel_record_table_get_platform_id (table, 1, NULL, NULL), ==, "dramabox");

  g_assert_cmpfloat (region_revenue (table, "north-america", 2024), ==, 103.0);
  g_assert_cmphex (reel_record_table_get_region_sum (table, 0, 2024)->months, ==, 0x3);
  g_assert_cmpfloat (region_revenue (table, "europe", 2023), ==, 1000.0);
  g_assert_cmpfloat (region_revenue (table, "europe", 2024), ==, 7.0);
  g_assert_cmphex (reel_record_table_get_region_sum (table, 1, 2024)->months, ==, 1 << 11);
  g_assert_cmpfloat (platform_revenue (table, "reelshort", 2024), ==, 107.25);
  g_assert_cmpfloat (platform_revenue (table, "dramabox", 2024), ==, 2.25);
  g_assert_cmpfloat (platform_revenue (table, "dramabox", 2023), ==, 1000.0);

  g_assert_true (reel_record_table_get_year_range (table, &first, &last));
  g_assert_cmpuint (first, ==, 2023);
  g_assert_cmpuint (last, ==, 2024);
}

static void
test_csv_valid (void)
{
  const char *inputs[] = { valid_crlf, valid_lf };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv (inputs[i], -1, &table);

      assert_no_problems (problems);
      assert_valid_sums (table);
    }
}

/* The same files split into reads of a few bytes: every construct, the BOM
 * included, crosses a read boundary somewhere. */
static void
test_csv_valid_trickle (void)
{
  const char *inputs[] = { valid_crlf, valid_lf };
  gsize chunks[] = { 1, 2, 3, 5, 7, 64 };
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    for (j = 0; j < G_N_ELEMENTS (chunks); j++)
      {
        g_autoptr(GInputStream) stream = test_trickle_stream_new (inputs[i], strlen (inputs[i]), chunks[j]);
        g_autoptr(ReelRecordTable) table = NULL;
        g_autoptr(GPtrArray) problems = read_csv_stream (stream, inputs[i], -1, &table);

        assert_no_problems (problems);
        assert_valid_sums (table);
      }
}

/* Records of other metrics and periods go to the table's series; revenue
 * months, and a file without a metric column, read as before. */
static void
test_csv_measures (void)
{
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = read_csv ("region,period,metric,value,platform\n"
                                            "europe,2025-Q1,downloads,10,\n"
                                            "europe,2025-Q1,downloads,5,reelshort\n"
                                            "europe,2025-H1,,7,\n"
                                            "europe,2025-03,,2,\n"
                                            "europe,2025,revenue-share,0.25,reelshort\n", -1, &table);
  const ReelRecordSeries *series;

  assert_no_problems (problems);
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 5);
  g_assert_cmpuint (reel_record_table_get_n_series (table), ==, 4);
  series = reel_record_table_get_series (table, 0);
  g_assert_cmpint (series->metric, ==, REEL_METRIC_DOWNLOADS);
  g_assert_cmpint (series->period.kind, ==, REEL_PERIOD_QUARTER);
  g_assert_cmpfloat (series->value, ==, 15);
  g_assert_cmpfloat (reel_record_table_get_series (table, 1)->value, ==, 5);
  series = reel_record_table_get_series (table, 2);
  g_assert_cmpint (series->metric, ==, REEL_METRIC_REVENUE);
  g_assert_cmpint (series->period.kind, ==, REEL_PERIOD_HALF);
  g_assert_cmpfloat (series->value, ==, 7);
  series = reel_record_table_get_series (table, 3);
  g_assert_cmpuint (series->platform, !=, REEL_RECORD_NO_ID);
  g_assert_cmpfloat (series->value, ==, 0.25);
  /* An empty metric is revenue: the month still sums into its year. */
  g_assert_cmpfloat (region_revenue (table, "europe", 2025), ==, 2);
}

static void
test_csv_header_only (void)
{
  const char *inputs[] = {
    "region,period,revenue",
    "region,period,revenue\n",
    "\xEF\xBB\xBFregion,period,revenue\r\n",
    "region,period,revenue\n\n\n",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv (inputs[i], -1, &table);

      assert_no_problems (problems);
      g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 0);
    }
}

/* Empty rows at the end of the file are allowed, however many. */
static void
test_csv_trailing_empty_rows (void)
{
  const char *inputs[] = {
    "region,period,revenue\neurope,2024-01,1\n\n",
    "region,period,revenue\neurope,2024-01,1\n\n\n\n",
    "region,period,revenue\r\neurope,2024-01,1\r\n\r\n\r\n",
    "region,period,revenue\neurope,2024-01,1,\n\n",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv (inputs[i], -1, &table);

      if (i == 3)
        {
          /* A trailing comma is one more (empty) field. */
          g_assert_cmpuint (problems->len, ==, 1);
          assert_problem (g_ptr_array_index (problems, 0), 2, 18, "", "4 fields in this row, but the header has 3 (record 1)");
          continue;
        }
      assert_no_problems (problems);
      g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 1);
    }
}

/* Numbers are converted exactly as g_ascii_strtod() converts them, on the
 * fast path (at most 15 digits, no exponent) and off it. */
static void
test_csv_numbers (void)
{
  const char *numbers[] = {
    "0", "-0", "0.0", "0.1", "0.2", "0.3", "0.30000000000000004", "1.005", "99.99",
    "123456789012345", "12345678901234.5", "1234567890123456", "9007199254740993",
    "12345678901234567.89", "999999999999999.9", "0.000000000000001", "00012.50",
    "1.5e3", "1E-5", "2e+2", "1e-400", "1.7976931348623157e308", "4503599627370497.5",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *csv = g_strdup_printf ("region,period,revenue\neurope,2024-01,%s\n", numbers[i]);
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv (csv, -1, &table);
      double expected = g_ascii_strtod (numbers[i] + (numbers[i][0] == '-'), NULL);

      g_test_message ("%s", numbers[i]);
      assert_no_problems (problems);
      g_assert_cmpfloat (region_revenue (table, "europe", 2024), ==, expected);
    }
}

typedef struct {
  const char *name;
  const char *csv;
  guint       line;
  guint       column;
  guint       record;   /* named in the message; 0 for none */
  const char *path;
  const char *message;
  guint       n_records;
} Fault;

#define H3 "region,period,revenue\n"
#define H5 "region,period,revenue,country,platform\n"
#define HM "region,period,metric,value\n"

/* Positions are lines and columns of the file, in characters. */
static const Fault faults[] = {
  { "empty-file", "", 0, 0, 0, "", "the file is empty" },
  { "bom-only", "\xEF\xBB\xBF", 0, 0, 0, "", "the file is empty" },
  { "empty-first-row", "\nregion,period,revenue\n", 1, 1, 0, "", "the first row is empty" },
  { "missing-column", "region,revenue\neurope,1\n", 1, 1, 0, "", "must name the column period" },
  { "missing-columns", "name,value\nx,1\n", 1, 1, 0, "", "must name the columns region, period, revenue" },
  { "no-header", "europe,2024-01,1\n", 1, 1, 0, "", "must name the columns region, period, revenue" },
  { "semicolon", "region;period;revenue\neurope;2024-01;1\n", 1, 1, 0, "", "the separator must be a comma" },
  { "tab", "region\tperiod\trevenue\n", 1, 1, 0, "", "the separator must be a comma" },
  { "duplicate-column", "region,period,revenue,region\n", 1, 23, 0, "region", "“region” appears more than once" },
  { "uppercase-column", "Region,period,revenue\n", 1, 1, 0, "Region", "write the column name as “region”" },
  { "spaced-column", "region, period,revenue\n", 1, 8, 0, " period", "write the column name as “period”" },
  { "bom-spaced-column", "\xEF\xBB\xBFregion, period,revenue\n", 1, 8, 0, " period", "“period”" },
  { "uppercase-optional", "region,period,revenue,Country\n", 1, 23, 0, "Country", "“country”" },
  { "header-utf8", "region,period,revenue,caf\xe9\n", 1, 23, 0, "", "not valid UTF-8" },
  { "header-multi-line", "region,\"a\nb\",revenue,Period\n", 2, 12, 0, "Period", "write the column name as “period”" },
  { "partial-bom", "\xEF\xBBregion,period,revenue\n", 1, 1, 0, "", "not valid UTF-8" },
  { "decimal-comma-quoted", H3 "europe,2024-01,\"12,5\"\n", 2, 16, 1, "revenue", "use . as the decimal point" },
  { "decimal-comma-split", H3 "europe,2024-01,12,5\n", 2, 16, 1, "revenue", "“12,5” was split at the comma: use . as the decimal point" },
  { "decimal-comma-split-5", H5 "europe,2024-01,12,50,US,reelshort\n", 2, 16, 1, "revenue", "use . as the decimal point" },
  { "thousands-separator", H3 "europe,2024-01,\"1,234.50\"\n", 2, 16, 1, "revenue", "without thousands separators" },
  /* Syntax faults are at the byte that breaks the syntax, or the opening quote that is not closed. */
  { "unterminated-quote", H3 "europe,\"2024-01,1\neurope,2024-02,1\n", 2, 8, 1, "period", "a quoted field is not closed" },
  { "quote-in-unquoted", H3 "europe,20\"24-01,1\n", 2, 10, 1, "period", "a quote inside an unquoted field" },
  { "text-after-quote", H3 "\"europe\"x,2024-01,1\n", 2, 9, 1, "region", "text after the closing quote" },
  { "text-after-multi-line-quote", H3 "europe,2024-01,1\n\"eu\nrope\" ,2024-01,1\n", 4, 6, 2, "region", "text after the closing quote", 1 },
  { "lone-cr", "region,period,revenue\reurope,2024-01,1\r", 1, 22, 0, "", "lone carriage return" },
  { "lone-cr-at-end", H3 "europe,2024-01,1\r", 2, 17, 1, "revenue", "lone carriage return" },
  { "lone-cr-empty-row", H3 "europe,2024-01,1\n\rx", 3, 1, 0, "", "lone carriage return", 1 },
  { "period-month-13", H3 "europe,2024-13,1\n", 2, 8, 1, "period", "“2024-13” is not a period: the month must be 01 to 12" },
  { "period-month-00", H3 "europe,2024-00,1\n", 2, 8, 1, "period", "the month must be 01 to 12" },
  { "period-short-year", H3 "europe,24-01,1\n", 2, 8, 1, "period", "“24-01” is not a period: use YYYY-MM" },
  { "period-slash", H3 "europe,2024/01,1\n", 2, 8, 1, "period", "“2024/01” is not a period: use YYYY-MM" },
  { "period-day", H3 "europe,2024-01-05,1\n", 2, 8, 1, "period", "use YYYY-MM" },
  { "period-year-low", H3 "europe,1989-12,1\n", 2, 8, 1, "period", "the year must be 1990 to 2100" },
  { "period-year-high", H3 "europe,2101-01,1\n", 2, 8, 1, "period", "the year must be 1990 to 2100" },
  { "period-missing", H3 "europe,,1\n", 2, 8, 1, "period", "the value is missing" },
  { "revenue-negative", H3 "europe,2024-01,-5\n", 2, 16, 1, "revenue", "“-5” is negative" },
  { "revenue-nan", H3 "europe,2024-01,NaN\n", 2, 16, 1, "revenue", "“NaN” is not a finite number" },
  { "revenue-inf", H3 "europe,2024-01,inf\n", 2, 16, 1, "revenue", "not a finite number" },
  { "revenue-infinity", H3 "europe,2024-01,-Infinity\n", 2, 16, 1, "revenue", "not a finite number" },
  { "revenue-1e400", H3 "europe,2024-01,1e400\n", 2, 16, 1, "revenue", "“1e400” is too large" },
  { "revenue-hex", H3 "europe,2024-01,0x10\n", 2, 16, 1, "revenue", "“0x10” is not a number" },
  { "revenue-dot-first", H3 "europe,2024-01,.5\n", 2, 16, 1, "revenue", "is not a number" },
  { "revenue-dot-last", H3 "europe,2024-01,5.\n", 2, 16, 1, "revenue", "is not a number" },
  { "revenue-plus", H3 "europe,2024-01,+5\n", 2, 16, 1, "revenue", "is not a number" },
  { "revenue-spaces", H3 "europe,2024-01,\" 12\"\n", 2, 16, 1, "revenue", "“ 12” has spaces around it" },
  { "revenue-currency", H3 "europe,2024-01,$12\n", 2, 16, 1, "revenue", "is not a number" },
  { "revenue-missing", H3 "europe,2024-01,\n", 2, 16, 1, "revenue", "the value is missing" },
  { "revenue-at-end", H3 "europe,2024-01,", 2, 16, 1, "revenue", "the value is missing" },
  { "region-uppercase", H3 "Europe,2024-01,1\n", 2, 1, 1, "region", "“Europe” is not an id" },
  { "region-hyphen", H3 "-europe,2024-01,1\n", 2, 1, 1, "region", "is not an id" },
  { "region-quoted", H3 "\"eu,\"\"x\"\"\",2024-01,1\n", 2, 1, 1, "region", "“eu,\"x\"” is not an id" },
  { "region-too-long", H3 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,2024-01,1\n",
    2, 1, 1, "region", "longer than 64 characters" },
  { "region-missing", H3 ",2024-01,1\n", 2, 1, 1, "region", "the value is missing" },
  { "region-utf8", H3 "eu\xff,2024-01,1\n", 2, 1, 1, "region", "not valid UTF-8" },
  { "region-control", H3 "\"eu\nrope\",2024-01,1\n", 2, 1, 1, "region", "“eu\xef\xbf\xbdrope” is not an id" },
  { "country-lowercase", H5 "europe,2024-01,1,de,\n", 2, 18, 1, "country", "“de” is not a country code" },
  { "country-alpha-3", H5 "europe,2024-01,1,DEU,\n", 2, 18, 1, "country", "is not a country code" },
  { "platform-bad", H5 "europe,2024-01,1,,Reel Short\n", 2, 19, 1, "platform", "“Reel Short” is not an id" },
  { "ignored-utf8", "region,period,revenue,note\neurope,2024-01,1,caf\xe9\n", 2, 18, 1, "note", "not valid UTF-8" },
  /* Too few fields: where the first missing one would be; too many: the first extra one. */
  { "too-few-fields", H3 "europe,2024-01\n", 2, 15, 1, "", "2 fields in this row, but the header has 3" },
  { "too-few-fields-crlf", H3 "europe,2024-01\r\n", 2, 15, 1, "", "2 fields in this row" },
  { "too-few-fields-at-end", H3 "europe,2024-01", 2, 15, 1, "", "2 fields in this row" },
  { "one-field", H3 "europe\n", 2, 7, 1, "", "1 field in this row, but the header has 3" },
  { "too-many-fields", H3 "europe,2024-01,1,x\n", 2, 18, 1, "", "4 fields in this row, but the header has 3" },
  { "spaces-row", H3 "europe,2024-01,1\n \neurope,2024-02,1\n", 3, 2, 2, "", "1 field in this row", 2 },
  /* An empty row is on its own line, and is not a record. */
  { "empty-row", H3 "europe,2024-01,1\n\neurope,2024-02,1\n", 3, 1, 0, "", "the row is empty", 2 },
  { "empty-row-crlf", H3 "europe,2024-01,1\r\n\r\neurope,2024-02,1\r\n", 3, 1, 0, "", "the row is empty", 2 },
  /* Line breaks inside quotes are lines of the file, but not records. */
  { "line-after-multi-line-field", "region,period,revenue,note\neurope,2024-01,1,\"a\nb\nc\"\neurope,2024-1,1,\n",
    5, 8, 2, "period", "is not a period", 1 },
  { "crlf-in-quotes", "region,period,revenue,note\r\neurope,2024-01,1,\"a\r\nb\"\r\neurope,2024-1,1,\r\n",
    4, 8, 2, "period", "is not a period", 1 },
  /* Columns count characters, not bytes. */
  { "after-multi-byte", "note,region,period,revenue\nnaïve café,europe,2024-13,1\n", 2, 19, 1, "period", "month" },
  { "after-cjk", "note,region,period,revenue\n\"短剧，“收入”\",europe,2024-13,1\n", 2, 18, 1, "period", "month" },
  { "after-multi-byte-crlf", "note,region,period,revenue\r\n\"é\r\nü\",eu rope,2024-01,1\r\n", 3, 4, 1, "region", "is not an id" },
  { "valid-rows-kept", H3 "europe,2024-01,1\neurope,2024-02,-1\neurope,2024-03,1\n", 3, 16, 2, "revenue", "negative", 2 },
  /* With a metric column: any period, a value column, a range per metric. */
  { "metric-unknown", HM "europe,2025,views,1\n", 2, 13, 1, "metric", "“views” is not a metric" },
  { "metric-period", HM "europe,2025-Q5,downloads,1\n", 2, 8, 1, "period",
    "“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM" },
  { "metric-share-range", HM "europe,2025,revenue-share,1.5\n", 2, 27, 1, "value", "must be a share from 0 to 1" },
  { "metric-share-twice", HM "europe,2025,download-share,0.5\neurope,2025,download-share,0.25\n", 3, 28, 2, "value",
    "a second share of the same place, metric and period: shares are not summed", 1 },
  { "metric-revenue-and-value", "region,period,metric,revenue,value\neurope,2025,downloads,1,1\n", 1, 30, 0, "value",
    "a record has “revenue” or “value”, not both" },
};

/* Each fault read at once and in reads of a few bytes, so that fields, quotes,
 * CRLFs and multi-byte characters straddle two fills of the buffer. */
static void
test_csv_fault (gconstpointer data)
{
  const Fault *fault = data;
  gsize chunks[] = { 0, 1, 2, 3, 5, 7 };
  g_autofree char *suffix = g_strdup_printf (" (record %u)", fault->record);
  guint c, i;

  for (c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      gsize len = strlen (fault->csv);
      g_autoptr(GInputStream) stream = chunks[c] > 0 ? test_trickle_stream_new (fault->csv, len, chunks[c]) : NULL;
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv_stream (stream, fault->csv, len, &table);
      const ReelProblem *problem;

      g_test_message ("reads of %" G_GSIZE_FORMAT " bytes", chunks[c]);
      for (i = 0; problems->len != 1 && i < problems->len; i++)
        {
          g_autofree char *text = reel_problem_to_string (g_ptr_array_index (problems, i), "input");

          g_test_message ("%s", text);
        }
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      assert_problem (problem, fault->line, fault->column, fault->path, fault->message);
      if (fault->record > 0)
        g_assert_true (g_str_has_suffix (problem->message, suffix));
      else
        g_assert_null (strstr (problem->message, "(record"));
      g_assert_cmpuint (reel_record_table_get_n_records (table), ==, fault->n_records);
    }
}

/* Several problems in one row come in column order. */
static void
test_csv_problems_in_order (void)
{
  static const char csv[] =
    "note,platform,revenue,period,region\n"
    "caf\xe9,Bad Id,-1,2024-13,Europe\n";
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = read_csv (csv, -1, &table);

  g_assert_cmpuint (problems->len, ==, 5);
  assert_problem (g_ptr_array_index (problems, 0), 2, 1, "note", "not valid UTF-8");
  assert_problem (g_ptr_array_index (problems, 1), 2, 6, "platform", "is not an id");
  assert_problem (g_ptr_array_index (problems, 2), 2, 13, "revenue", "negative");
  assert_problem (g_ptr_array_index (problems, 3), 2, 16, "period", "month");
  assert_problem (g_ptr_array_index (problems, 4), 2, 24, "region", "is not an id");
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 0);
  g_assert_cmpuint (reel_record_table_get_n_regions (table), ==, 0);
  g_assert_cmpuint (reel_record_table_get_n_platforms (table), ==, 0);
}

/* Records are numbered from 1 below the header: an empty row is none, and a
 * quoted line break does not start one, while lines count both. */
static void
test_csv_record_numbers (void)
{
  static const char csv[] =
    "region,period,revenue\r\n"
    "europe,2024-01,1\r\n"
    "\r\n"
    "europe,2024-13,1\r\n"
    "\"eu\r\nrope\",2024-01,1\r\n"
    "europe,2024-02,x\r\n";
  gsize chunks[] = { 0, 1, 2, 3, 5 };
  guint c;

  for (c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(GInputStream) stream =
        chunks[c] > 0 ? test_trickle_stream_new (csv, strlen (csv), chunks[c]) : NULL;
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = read_csv_stream (stream, csv, -1, &table);
      g_autofree char *text = NULL;

      g_assert_cmpuint (problems->len, ==, 4);
      assert_problem (g_ptr_array_index (problems, 0), 3, 1, "", "the row is empty: remove it");
      assert_problem (g_ptr_array_index (problems, 1), 4, 8, "period", "01 to 12 (record 2)");
      assert_problem (g_ptr_array_index (problems, 2), 5, 1, "region", "starting with a hyphen (record 3)");
      assert_problem (g_ptr_array_index (problems, 3), 7, 16, "revenue", "is not a number: use digits "
                      "and . as the decimal point (record 4)");
      text = reel_problem_to_string (g_ptr_array_index (problems, 1), "sales.csv");
      g_assert_cmpstr (text, ==, "sales.csv:4:8: period: “2024-13” is not a period: "
                                 "the month must be 01 to 12 (record 2)");
      g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 1);
    }
}

/* One line of about 1 MB over 17 fills of the buffer: its columns are counted
 * once, not from the start of the line for each of its 150,000 fields. */
static void
test_csv_long_line (void)
{
  g_autoptr(GString) csv = g_string_new ("region,period,revenue\neurope,2024-01,1");
  g_autoptr(GString) wide = g_string_new ("note,region,period,revenue\n");
  g_autoptr(GPtrArray) problems = NULL;
  guint i;

  for (i = 0; i < 150000; i++)
    g_string_append (csv, ",短剧");
  g_string_append (csv, ",\"x\"y\n");
  problems = read_csv (csv->str, csv->len, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 2, 16 + 150000 * 3 + 5, "",
                  "text after the closing quote");
  g_clear_pointer (&problems, g_ptr_array_unref);

  for (i = 0; i < 300000; i++)
    g_string_append (wide, "é");
  g_string_append (wide, ",europe,2024-13,1\n");
  problems = read_csv (wide->str, wide->len, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 2, 300000 + 9, "period", "01 to 12 (record 1)");
}

/* A NUL byte is not text. */
static void
test_csv_nul (void)
{
  static const char csv[] = "region,period,revenue,note\neurope,2024-01,1,a\0b\n";
  g_autoptr(GPtrArray) problems = read_csv (csv, sizeof csv - 1, NULL);

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 2, 18, "note", "not valid UTF-8");
}

static void
test_csv_header_limits (void)
{
  g_autoptr(GString) csv = g_string_new ("region,period,revenue");
  g_autoptr(GPtrArray) problems = NULL;
  guint i, last_start;

  for (i = 3; i < REEL_CSV_COLUMNS_MAX + 1; i++)
    g_string_append_printf (csv, ",c%u", i);
  last_start = strrchr (csv->str, ',') - csv->str + 2;
  g_string_append_c (csv, '\n');
  problems = read_csv (csv->str, csv->len, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 1, last_start, "", "more than 1000 columns");
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_string_assign (csv, "region,period,revenue,");
  for (i = 0; i < REEL_CSV_NAME_MAX + 1; i++)
    g_string_append_c (csv, 'n');
  g_string_append_c (csv, '\n');
  problems = read_csv (csv->str, csv->len, NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (g_ptr_array_index (problems, 0), 1, 23, "", "the column name is longer than 1024 bytes");
}

/* A field of exactly REEL_CSV_FIELD_MAX bytes is fine; one more is a problem,
 * in a used column or an ignored one, and reading goes on after it. */
static void
test_csv_field_limit (void)
{
  guint sizes[] = { REEL_CSV_FIELD_MAX, REEL_CSV_FIELD_MAX + 1 };
  guint i, quoted;

  for (quoted = 0; quoted < 2; quoted++)
    for (i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autoptr(GString) csv = g_string_new ("region,period,revenue,note\neurope,2024-01,1,");
        g_autoptr(ReelRecordTable) table = NULL;
        g_autoptr(GPtrArray) problems = NULL;

        if (quoted)
          g_string_append_c (csv, '"');
        g_string_set_size (csv, csv->len + sizes[i]);
        memset (csv->str + csv->len - sizes[i], 'x', sizes[i]);
        if (quoted)
          g_string_append_c (csv, '"');
        g_string_append (csv, "\neurope,2024-02,2,\neurope,2024-03,4,\n");

        problems = read_csv (csv->str, csv->len, &table);
        if (i == 0)
          {
            assert_no_problems (problems);
            g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 3);
          }
        else
          {
            g_assert_cmpuint (problems->len, ==, 1);
            assert_problem (g_ptr_array_index (problems, 0), 2, 18, "note", "the value is longer than 1.0");
            g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 2);
            g_assert_cmpfloat (region_revenue (table, "europe", 2024), ==, 6.0);
          }
      }

  {
    g_autoptr(GString) csv = g_string_new ("region,period,revenue\n");
    g_autoptr(GPtrArray) problems = NULL;

    g_string_set_size (csv, csv->len + REEL_CSV_FIELD_MAX + 1);
    memset (csv->str + csv->len - (REEL_CSV_FIELD_MAX + 1), 'a', REEL_CSV_FIELD_MAX + 1);
    g_string_append (csv, ",2024-01,1\n");
    problems = read_csv (csv->str, csv->len, NULL);
    g_assert_cmpuint (problems->len, ==, 1);
    assert_problem (g_ptr_array_index (problems, 0), 2, 1, "region", "longer than 1.0");
  }
}

/* A record placed so that the 64 KiB read boundary falls at each of its
 * bytes in turn: inside a quoted field, between the two quotes of an escape,
 * between CR and LF, right after a separator. */
static void
test_csv_buffer_boundary (void)
{
  static const char record[] = "europe,2024-03,\"1.5\",\"a \"\"quoted\"\" note,\r\nwith CRLF\"\r\n";
  static const char filler[] = "asia,2024-01,1,\r\n";
  gsize k;

  for (k = 0; k <= strlen (record); k++)
    {
      g_autoptr(GString) csv = g_string_new ("region,period,revenue,note\r\n");
      g_autoptr(ReelRecordTable) table = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      gsize start = REEL_READ_BUFFER_SIZE - k;
      guint n_filler = 0;

      while (csv->len + 2 * strlen (filler) < start)
        {
          g_string_append (csv, filler);
          n_filler++;
        }
      /* One last filler row whose note pads the record to its place. */
      g_string_append (csv, "asia,2024-01,1,");
      while (csv->len < start - 2)
        g_string_append_c (csv, 'p');
      g_string_append (csv, "\r\n");
      n_filler++;
      g_assert_cmpuint (csv->len, ==, start);

      g_string_append (csv, record);
      g_string_append (csv, "europe,2024-04,2,\"a field running over the boundary\"");

      problems = read_csv (csv->str, csv->len, &table);
      assert_no_problems (problems);
      g_assert_cmpuint (reel_record_table_get_n_records (table), ==, n_filler + 2);
      g_assert_cmpfloat (region_revenue (table, "europe", 2024), ==, 3.5);
      g_assert_cmphex (reel_record_table_get_region_sum (table, find_region (table, "europe"), 2024)->months,
                       ==, (1 << 2) | (1 << 3));
      g_assert_cmpfloat (region_revenue (table, "asia", 2024), ==, (double) n_filler);
    }
}

/* A field longer than the read buffer spans three fills. */
static void
test_csv_long_field (void)
{
  gsize size = 3 * REEL_READ_BUFFER_SIZE;
  g_autoptr(GString) csv = g_string_new ("region,period,revenue,note\neurope,2024-01,1,\"");
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize i;

  for (i = 0; i < size / 4; i++)
    g_string_append (csv, i % 2 ? "\"\",\n" : "ab\r\n");
  g_string_append (csv, "\"\neurope,2024-02,2,\n");

  problems = read_csv (csv->str, csv->len, &table);
  assert_no_problems (problems);
  g_assert_cmpfloat (region_revenue (table, "europe", 2024), ==, 3.0);
}

/* 100,000 rows over 8 regions, 6 platforms, 4 years and 12 months. The
 * revenues are multiples of 0.25, so every sum is exact whatever the order. */
static void
test_csv_many_rows (void)
{
  static const char * const regions[] = {
    "north-america", "latin-america", "europe", "middle-east-north-africa",
    "sub-saharan-africa", "south-asia", "southeast-asia", "east-asia",
  };
  static const char * const platforms[] = {
    "reelshort", "dramabox", "shortmax", "dramawave", "flextv", "goodshort",
  };
  double region_sums[8][4] = { { 0, }, };
  double platform_sums[6][4] = { { 0, }, };
  g_autoptr(GString) csv = g_string_new ("region,period,revenue,country,platform\n");
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  guint i, j, year;

  for (i = 0; i < 100000; i++)
    {
      guint region = (i * 7) % 8;
      guint platform = (i / 3) % 7;   /* 6 means none */
      guint y = (i / 96) % 4;
      guint month = (i / 8) % 12 + 1;
      guint cents = (i * 37) % 4000 * 25;

      g_string_append_printf (csv, "%s,%u-%02u,%u.%02u,%s,%s\n", regions[region], 2022 + y, month,
                              cents / 100, cents % 100, i % 5 ? "US" : "",
                              platform < 6 ? platforms[platform] : "");
      region_sums[region][y] += cents / 100.0;
      if (platform < 6)
        platform_sums[platform][y] += cents / 100.0;
    }

  problems = read_csv (csv->str, csv->len, &table);
  assert_no_problems (problems);
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 100000);
  g_assert_cmpuint (reel_record_table_get_n_regions (table), ==, 8);
  g_assert_cmpuint (reel_record_table_get_n_platforms (table), ==, 6);

  for (year = 0; year < 4; year++)
    {
      for (j = 0; j < 8; j++)
        {
          g_assert_cmpfloat (region_revenue (table, regions[j], 2022 + year), ==, region_sums[j][year]);
          g_assert_cmphex (reel_record_table_get_region_sum (table, find_region (table, regions[j]),
                                                             2022 + year)->months, ==, 0xfff);
        }
      for (j = 0; j < 6; j++)
        g_assert_cmpfloat (platform_revenue (table, platforms[j], 2022 + year), ==, platform_sums[j][year]);
    }
}

/* After REEL_PROBLEMS_MAX errors, one more problem says reading stopped. */
static void
test_csv_too_many_problems (void)
{
  g_autoptr(GString) csv = g_string_new ("region,period,revenue\n");
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const ReelProblem *last;
  guint i;

  for (i = 0; i < REEL_PROBLEMS_MAX + 100; i++)
    g_string_append (csv, "europe,2024-13,1\n");
  g_string_append (csv, "europe,2024-01,1\n");

  problems = read_csv (csv->str, csv->len, &table);
  g_assert_cmpuint (problems->len, ==, REEL_PROBLEMS_MAX + 1);
  assert_problem (g_ptr_array_index (problems, REEL_PROBLEMS_MAX - 1), REEL_PROBLEMS_MAX + 1, 8,
                  "period", "01 to 12 (record 1000)");
  last = g_ptr_array_index (problems, REEL_PROBLEMS_MAX);
  assert_problem (last, REEL_PROBLEMS_MAX + 2, 8, "", "too many problems, stopped reading");
  g_assert_null (strstr (last->message, "(record"));
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 0);
}

static void
test_csv_limit (void)
{
  static const char csv[] = "region,period,revenue\neurope,2024-01,1\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (reel_csv_reader_read (stream, 10, table, problems, NULL, NULL, NULL, &error));
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpuint (reel_record_table_get_n_records (table), ==, 0);
}

static void
test_csv_cancelled (void)
{
  static const char csv[] = "region,period,revenue\neurope,2024-01,1\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (reel_csv_reader_read (stream, G_MAXUINT64, table, problems, NULL, NULL,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_csv_io_error (void)
{
  g_autoptr(GInputStream) stream = test_trickle_stream_new (valid_lf, strlen (valid_lf), 16);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GError) error = NULL;

  TEST_TRICKLE_STREAM (stream)->fail_at = 100;
  g_assert_false (reel_csv_reader_read (stream, G_MAXUINT64, table, problems, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
}

static void
progress_cb (guint64  bytes_read,
             gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (bytes_read, >, *last);
  *last = bytes_read;
}

static void
test_csv_progress (void)
{
  g_autoptr(GInputStream) stream = test_trickle_stream_new (valid_lf, strlen (valid_lf), 10);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GError) error = NULL;
  guint64 last = 0;

  g_assert_true (reel_csv_reader_read (stream, G_MAXUINT64, table, problems, progress_cb, &last,
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, strlen (valid_lf));
}

/* Dumps every problem and the sums of every region, to compare two reads. */
static char *
dump_read (const char *data)
{
  g_autoptr(ReelRecordTable) table = NULL;
  g_autoptr(GPtrArray) problems = read_csv (data, -1, &table);
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = reel_problem_to_string (g_ptr_array_index (problems, i), "input");

      g_string_append_printf (dump, "%s\n", text);
    }
  for (guint i = 0; i < reel_record_table_get_n_regions (table); i++)
    for (guint year = 2020; year <= 2026; year++)
      {
        const ReelRecordSum *sum = reel_record_table_get_region_sum (table, i, year);

        if (sum != NULL)
          g_string_append_printf (dump, "%s %u %a %x\n",
                                  reel_record_table_get_region_id (table, i, NULL, NULL), year,
                                  sum->revenue, sum->months);
      }
  return g_string_free (dump, FALSE);
}

/* Unquoted fields are scanned sixteen bytes at a time with SSE2, and one by
 * one the portable way: both stop at the same byte and count the same
 * characters, for fields of every length around sixteen bytes, with
 * characters of two to four bytes anywhere in them. */
static void
test_csv_simd (void)
{
  static const char * const pieces[] = { "a", "é", "中", "🎬", "-", "0" };
  g_autoptr(GString) csv = g_string_new ("region,note,period,revenue\n");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *simd = NULL, *portable = NULL;

  /* A period that is wrong, after 20 characters of 40 bytes: column 29. */
  g_string_append (csv, "europe,éééééééééééééééééééé,2024-13,5\n");
  for (guint i = 0; i < 400; i++)
    {
      g_string_append (csv, i % 2 ? "europe," : "asia,");
      for (guint j = 0; j < i % 37; j++)
        g_string_append (csv, pieces[(i + j * 7) % G_N_ELEMENTS (pieces)]);
      g_string_append_printf (csv, ",2024-%02u,%u.%02u%s", i % 12 + 1, i, i % 97, i % 3 ? "\n" : "\r\n");
      if (i % 50 == 49)
        g_string_append_printf (csv, "asia,%.*s,2024-00,1\n", (int) (i % 23), "中中中中中中中中中中中中中中中中中中中中中中中");
    }

  problems = read_csv (csv->str, -1, NULL);
  assert_problem (g_ptr_array_index (problems, 0), 2, 29, "period", "2024-13");

  reel_csv_reader_set_simd (FALSE);
  portable = dump_read (csv->str);
  reel_csv_reader_set_simd (TRUE);
  simd = dump_read (csv->str);
  g_assert_cmpstr (simd, ==, portable);
  g_assert_nonnull (strstr (simd, "asia"));
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/valid", test_csv_valid);
  g_test_add_func ("/csv-reader/valid-trickle", test_csv_valid_trickle);
  g_test_add_func ("/csv-reader/header-only", test_csv_header_only);
  g_test_add_func ("/csv-reader/measures", test_csv_measures);
  g_test_add_func ("/csv-reader/trailing-empty-rows", test_csv_trailing_empty_rows);
  g_test_add_func ("/csv-reader/numbers", test_csv_numbers);
  for (i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-reader/fault/%s", faults[i].name);

      g_test_add_data_func (path, &faults[i], test_csv_fault);
    }
  g_test_add_func ("/csv-reader/problems-in-order", test_csv_problems_in_order);
  g_test_add_func ("/csv-reader/record-numbers", test_csv_record_numbers);
  g_test_add_func ("/csv-reader/long-line", test_csv_long_line);
  g_test_add_func ("/csv-reader/nul", test_csv_nul);
  g_test_add_func ("/csv-reader/header-limits", test_csv_header_limits);
  g_test_add_func ("/csv-reader/field-limit", test_csv_field_limit);
  g_test_add_func ("/csv-reader/buffer-boundary", test_csv_buffer_boundary);
  g_test_add_func ("/csv-reader/long-field", test_csv_long_field);
  g_test_add_func ("/csv-reader/many-rows", test_csv_many_rows);
  g_test_add_func ("/csv-reader/too-many-problems", test_csv_too_many_problems);
  g_test_add_func ("/csv-reader/limit", test_csv_limit);
  g_test_add_func ("/csv-reader/cancelled", test_csv_cancelled);
  g_test_add_func ("/csv-reader/io-error", test_csv_io_error);
  g_test_add_func ("/csv-reader/progress", test_csv_progress);
  g_test_add_func ("/csv-reader/simd", test_csv_simd);

  return g_test_run ();
}
