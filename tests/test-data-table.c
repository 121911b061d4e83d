/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>

#include "reel-data-table.h"
#include "reel-figure-row.h"
#include "reel-gtk-test.h"

/* The revenue figures of 2024 in tests/data/microdrama-sample.reelscope.json:
 * the world's, then North America's, each in file order. */
static const char sample_csv[] =
  "region,region_id,year,metric,value,unit,qualifier,source,source_id,basis,flags,period,"
  "change\r\n"
  "World,,2024,,1400000000,USD,,China's micro-drama boom will overtake box office revenues "
  "this year: report,mpa-2025,all revenue outside China,primary,2024,\r\n"
  "World,,2024,,284000000,USD,at-most,3-Minute Hits: Observing China's Micro-Dramas Going "
  "Global,ichongqing-2025-11,implied global total,estimate,2024,\r\n"
  "North America,north-america,2024,,142000000,USD,,3-Minute Hits: Observing China's "
  "Micro-Dramas Going Global,ichongqing-2025-11,as cited (Global Times),primary,2024,\r\n"
  "North America,north-america,2024,,300000000,USD,approx,Streaming's Next Frontier: "
  "Capitalizing on the Rise of Short Dramas,antom-2025,\"in-app purchases, United States\",,"
  "2024,\r\n"
  "North America,north-america,2024,,819000000,USD,,China's micro-drama boom will overtake box "
  "office revenues this year: report,mpa-2025,\"all revenue, United States\",,2024,\r\n";

typedef struct {
  ReelDataset   *dataset;
  ReelDataTable *table;
  GtkWindow     *window;
} Fixture;

static GtkColumnView *
column_view (ReelDataTable *table)
{
  return GTK_COLUMN_VIEW (reel_gtk_test_get_child (table, "column_view"));
}

/* A column by its title, as a reader finds it. */
static GtkColumnViewColumn *
find_column (ReelDataTable *table,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view (table));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

/* The table's empty page shows instead of the columns. */
static gboolean
is_empty (ReelDataTable *table)
{
  GtkWidget *stack = reel_gtk_test_get_child (table, "stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty") == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  fixture->table = REEL_DATA_TABLE (reel_data_table_new ());
  fixture->window = reel_gtk_test_window_new (GTK_WIDGET (fixture->table));
  reel_data_table_set_year (fixture->table, 2024);
  reel_data_table_set_dataset (fixture->table, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
}

static double
get_value (ReelDataTable *table,
           guint          index)
{
  g_autoptr(ReelFigureRow) row = g_list_model_get_item (reel_data_table_get_model (table), index);

  g_assert_nonnull (row);
  return reel_figure_row_get_value (row);
}

static void
test_table_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *model = reel_data_table_get_model (fixture->table);
  g_autoptr(ReelFigureRow) row = NULL;

  /* Every revenue figure of the year, from every source. */
  g_assert_cmpuint (reel_data_table_get_chart_kind (fixture->table), ==, REEL_CHART_REVENUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_false (is_empty (fixture->table));

  row = g_list_model_get_item (model, 1);
  g_assert_cmpstr (reel_figure_row_get_region (row), ==, "World");
  g_assert_null (reel_figure_row_get_region_id (row));
  g_assert_cmpuint (reel_figure_row_get_year (row), ==, 2024);
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "at most $284M");
  g_assert_cmpstr (reel_figure_row_get_source (row), ==,
                   "3-Minute Hits: Observing China's Micro-Dramas Going Global");
  g_assert_cmpstr (reel_figure_row_get_basis (row), ==, "implied global total");
  g_assert_cmpstr (reel_figure_row_get_flags_text (row), ==, "estimate");
  g_clear_object (&row);

  row = g_list_model_get_item (model, 2);
  g_assert_cmpstr (reel_figure_row_get_region (row), ==, "North America");
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "$142M");
  g_assert_cmpstr (reel_figure_row_get_flags_text (row), ==, "primary");
  g_clear_object (&row);

  /* Share lists the same figures; growth the reported growth of its year. */
  reel_data_table_set_chart_kind (fixture->table, REEL_CHART_SHARE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  reel_data_table_set_chart_kind (fixture->table, REEL_CHART_GROWTH);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (is_empty (fixture->table));
  reel_data_table_set_year (fixture->table, 2025);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  row = g_list_model_get_item (model, 0);
  g_assert_cmpstr (reel_figure_row_get_region (row), ==, "Latin America");
  g_assert_cmpstr (reel_figure_row_get_metric (row), ==, "viewership");
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "+69%");
  g_assert_cmpfloat (reel_figure_row_get_value (row), ==, 69.0);
  g_assert_true (gtk_column_view_column_get_visible (
                   find_column (fixture->table, "Metric")));

  /* The trend: every revenue figure of every year. */
  reel_data_table_set_chart_kind (fixture->table, REEL_CHART_TREND);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_false (gtk_column_view_column_get_visible (
                    find_column (fixture->table, "Metric")));
}

/* Platforms: the apps' revenue figures of the year by rank, as the bars,
 * named by the app and of no region, under a column of apps; Revenue has
 * its regions again. */
static void
test_table_platforms (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *model = reel_data_table_get_model (fixture->table);
  g_autoptr(ReelFigureRow) first = NULL;
  g_autoptr(ReelFigureRow) second = NULL;

  reel_data_table_set_chart_kind (fixture->table, REEL_CHART_PLATFORMS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (reel_figure_row_get_region (first), ==, "DramaBox");
  g_assert_null (reel_figure_row_get_region_id (first));
  g_assert_cmpfloat (reel_figure_row_get_value (first), ==, 217e6);
  g_assert_cmpstr (reel_figure_row_get_source_id (first), ==, "omdia-2025");
  g_assert_cmpstr (reel_figure_row_get_region (second), ==, "ReelShort");
  g_assert_cmpfloat (reel_figure_row_get_value (second), ==, 214e6);
  g_assert_nonnull (find_column (fixture->table, "App"));

  reel_data_table_set_chart_kind (fixture->table, REEL_CHART_REVENUE);
  g_assert_nonnull (find_column (fixture->table, "Region"));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
}

/* The row of the app named @name, which must be there. */
static ReelFigureRow *
find_row (ReelDataTable *table,
          const char    *name)
{
  GListModel *model = reel_data_table_get_model (table);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReelFigureRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (reel_figure_row_get_region (row), name) == 0)
        return row;
    }
  g_assert_not_reached ();
}

/* Platforms' table lists what its bars show: the chosen metric's figure of
 * each app, for the period the bar names, with its qualifier, source and
 * flags, and its change on the same source's earlier figure; its columns
 * and its accessible name say which metric. */
static void
test_table_platforms_metric (void)
{
  /* The bundled dataset, whose apps have figures of every metric */
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  ReelDataTable *table = REEL_DATA_TABLE (reel_data_table_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (table));
  GListModel *model = reel_data_table_get_model (table);
  g_autoptr(ReelFigureRow) first = NULL;
  ReelFigureRow *row;
  g_autofree char *csv = NULL;
  g_autofree char *wrong = NULL;

  reel_data_table_set_chart_kind (table, REEL_CHART_PLATFORMS);
  reel_data_table_set_year (table, 2025);
  reel_data_table_set_dataset (table, dataset);

  /* Revenue: DramaWave's October, a month's figure, not its whole year */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  row = find_row (table, "DramaWave");
  g_assert_cmpstr (reel_figure_row_get_period (row), ==, "Oct 2025");
  g_assert_cmpstr (reel_figure_row_get_metric (row), ==, "revenue");
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "$17M");
  g_assert_nonnull (find_column (table, "Revenue"));

  /* Downloads: counts, each of its own period and source, by rank in
   * the chart's panels: the months' first (most apps), GoodShort's year
   * after them, not above a month's figure */
  reel_data_table_set_metric (table, REEL_CHART_METRIC_DOWNLOADS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 9);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (reel_figure_row_get_region (first), ==, "DramaBox");
  g_assert_cmpstr (reel_figure_row_get_unit (first), ==, "downloads");
  row = g_list_model_get_item (model, 5);
  g_assert_cmpstr (reel_figure_row_get_region (row), ==, "GoodShort");
  g_assert_cmpstr (reel_figure_row_get_period (row), ==, "2025");
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "\u226580M");
  g_assert_cmpuint (reel_figure_row_get_qualifier (row), ==, REEL_QUALIFIER_AT_LEAST);
  g_object_unref (row);

  row = find_row (table, "DramaBox");
  g_assert_cmpfloat (reel_figure_row_get_value (row), ==, 21817000);
  g_assert_cmpstr (reel_figure_row_get_period (row), ==, "Aug 2025");
  g_assert_cmpstr (reel_figure_row_get_metric (row), ==, "downloads");
  g_assert_cmpstr (reel_figure_row_get_source_id (row), ==, "dataeye-monthly-2025");
  g_assert_cmpstr (reel_figure_row_get_flags_text (row), ==, "primary");
  g_assert_nonnull (strstr (reel_figure_row_get_change (row), "2.9% on Jul 2025, same source"));
  g_assert_cmpstr (reel_figure_row_get_change (find_row (table, "NetShort")), ==, "");

  g_assert_nonnull (find_column (table, "Downloads"));
  g_assert_nonnull (find_column (table, "Period"));
  g_assert_true (gtk_column_view_column_get_visible (find_column (table, "Change")));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (column_view (table)),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Figures behind the chart: "
                                              "Platforms by downloads, 2025");
  g_assert_null (wrong);

  /* The CSV keeps the period, the metric's unit and the change */
  csv = reel_data_table_dup_csv (table);
  g_assert_nonnull (strstr (csv, "\r\nDramaBox,,2025,downloads,21817000,downloads,,"));
  g_assert_nonnull (strstr (csv, ",primary,Aug 2025,"));

  /* Revenue elsewhere, whatever Platforms' metric */
  reel_data_table_set_chart_kind (table, REEL_CHART_REVENUE);
  g_assert_nonnull (find_column (table, "Value"));
  g_assert_nonnull (find_column (table, "Year"));
  g_assert_false (gtk_column_view_column_get_visible (find_column (table, "Change")));

  reel_gtk_test_window_destroy (window);
}

/* The Map's table lists what its metric's chart would, and for downloads,
 * which no other chart draws, the figures it colours and hatches: one a
 * region, of the month the map names, not every downloads figure of the
 * year; each metric says so in its columns and its accessible name. */
static void
test_table_map_metric (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  ReelDataTable *table = REEL_DATA_TABLE (reel_data_table_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (table));
  GListModel *model = reel_data_table_get_model (table);
  g_autofree char *wrong = NULL;
  ReelFigureRow *row;

  reel_data_table_set_chart_kind (table, REEL_CHART_MAP);
  reel_data_table_set_year (table, 2025);
  reel_data_table_set_dataset (table, dataset);

  /* Revenue: every figure of the year, as Revenue's table */
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 4);
  g_assert_nonnull (find_column (table, "Value"));
  g_assert_false (gtk_column_view_column_get_visible (find_column (table, "Metric")));

  reel_data_table_set_metric (table, REEL_CHART_METRIC_DOWNLOADS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  row = find_row (table, "North America · United States");
  g_assert_cmpstr (reel_figure_row_get_period (row), ==, "May 2025");
  g_assert_cmpstr (reel_figure_row_get_unit (row), ==, "downloads");
  g_assert_cmpstr (reel_figure_row_get_value_text (row), ==, "\u22488.15M");
  g_assert_cmpstr (reel_figure_row_get_period (find_row (table, "South Asia · India")), ==, "H1 2025");
  g_assert_nonnull (find_column (table, "Downloads"));
  g_assert_nonnull (find_column (table, "Period"));
  g_assert_false (gtk_column_view_column_get_visible (find_column (table, "Change")));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (column_view (table)),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Figures behind the chart: Downloads by region, 2025");
  g_assert_null (wrong);

  /* Growth: Growth's rows, with their metrics */
  reel_data_table_set_metric (table, REEL_CHART_METRIC_GROWTH);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_true (gtk_column_view_column_get_visible (find_column (table, "Metric")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReelFigureRow) growth = g_list_model_get_item (model, i);

      g_assert_nonnull (strchr (reel_figure_row_get_value_text (growth), '%'));
    }

  reel_gtk_test_window_destroy (window);
}

static void
test_table_sort (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkColumnView *view = column_view (fixture->table);
  GtkColumnViewColumn *value = find_column (fixture->table, "Value");
  GtkColumnViewColumn *region = find_column (fixture->table, "Region");
  static const double ascending[] = { 142e6, 284e6, 300e6, 819e6, 1400e6 };
  g_autoptr(ReelFigureRow) first = NULL;

  /* By value, numerically: $819M before $1.4B, whatever the text says. */
  gtk_column_view_sort_by_column (view, value, GTK_SORT_ASCENDING);
  for (guint i = 0; i < G_N_ELEMENTS (ascending); i++)
    g_assert_cmpfloat (get_value (fixture->table, i), ==, ascending[i]);

  gtk_column_view_sort_by_column (view, value, GTK_SORT_DESCENDING);
  for (guint i = 0; i < G_N_ELEMENTS (ascending); i++)
    g_assert_cmpfloat (get_value (fixture->table, i), ==,
                       ascending[G_N_ELEMENTS (ascending) - 1 - i]);

  /* By region name. */
  gtk_column_view_sort_by_column (view, region, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (reel_data_table_get_model (fixture->table), 0);
  g_assert_cmpstr (reel_figure_row_get_region (first), ==, "North America");

  /* The CSV follows the order shown. */
  gtk_column_view_sort_by_column (view, value, GTK_SORT_ASCENDING);
  {
    g_autofree char *csv = reel_data_table_dup_csv (fixture->table);
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 7);
    g_assert_true (g_str_has_prefix (lines[1], "North America,north-america,2024,,142000000,"));
    g_assert_true (g_str_has_prefix (lines[5], "World,,2024,,1400000000,"));
    g_assert_cmpstr (lines[6], ==, "");
  }
}

static void
test_table_csv (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *csv = reel_data_table_dup_csv (fixture->table);

  /* RFC 4180: CRLF, quotes where a field has a comma; numbers as numbers. */
  g_assert_cmpstr (csv, ==, sample_csv);
}

static void
test_table_csv_quoting (void)
{
  /* Commas, quotes, line breaks, accents and formulas in the text; a value
   * that only 17 digits give back. */
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s1\", \"title\": \"He said \\\"hi\\\", twice\"},\n"
                             "               {\"id\": \"s2\", \"title\": \"=HYPERLINK(\\\"x\\\")\"}],\n"
                             " \"regions\": [{\"id\": \"r1\", \"name\": \"Région, one\", \"revenue\": [\n"
                             "   {\"year\": 2024, \"value\": 0.1, \"source\": \"s1\",\n"
                             "    \"basis\": \"line one\\nline two\"},\n"
                             "   {\"year\": 2024, \"value\": 12345678901.5, \"source\": \"s2\",\n"
                             "    \"basis\": \"-2+3\", \"forecast\": true}]}]}\n");
  ReelDataTable *table = REEL_DATA_TABLE (reel_data_table_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (table));
  g_autofree char *csv = NULL;

  reel_data_table_set_dataset (table, dataset);
  reel_data_table_set_year (table, 2024);
  csv = reel_data_table_dup_csv (table);
  g_assert_cmpstr (csv, ==,
                   "region,region_id,year,metric,value,unit,qualifier,source,source_id,basis,flags,"
                   "period,change\r\n"
                   "\"Région, one\",r1,2024,,0.1,USD,,\"He said \"\"hi\"\", twice\",s1,"
                   "\"line one\nline two\",primary,2024,\r\n"
                   "\"Région, one\",r1,2024,,12345678901.5,USD,,\"'=HYPERLINK(\"\"x\"\")\",s2,"
                   "'-2+3,forecast,2024,\r\n");

  reel_gtk_test_window_destroy (window);
}

static void
test_table_copy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->table));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  gt_signal_logger_connect (logger, fixture->table, "copied");

  /* Ctrl+C in the table, and the "Copy as CSV" button, both run this. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.copy-csv", NULL));
  gt_signal_logger_assert_emission_pop (logger, fixture->table, "copied", &n_rows);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (n_rows, ==, 5);

  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  gdk_content_provider_get_value (content, &value, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, sample_csv);

  /* Nothing to copy, nothing copied. */
  reel_data_table_set_year (fixture->table, 1999);
  g_assert_true (is_empty (fixture->table));
  gtk_widget_activate_action (GTK_WIDGET (fixture->table), "table.copy-csv", NULL);
  gt_signal_logger_assert_no_emissions (logger);
}

static gboolean
has_css_name (GtkWidget     *widget,
              gconstpointer  name)
{
  return g_str_equal (gtk_widget_get_css_name (widget), name);
}

/* The first widget under @widget whose CSS name is @name. */
static GtkWidget *
find_by_css_name (GtkWidget  *widget,
                  const char *name)
{
  return reel_gtk_test_find_widget (widget, has_css_name, name);
}

static gboolean
has_rows (gpointer data)
{
  GtkWidget *list_view = find_by_css_name (GTK_WIDGET (column_view (data)), "listview");
  GtkWidget *row = list_view != NULL ? gtk_widget_get_first_child (list_view) : NULL;

  return row != NULL && gtk_widget_get_height (row) > 0;
}

/* The table of every figure of tests/data/charts-edge.reelscope.json, whose
 * region names are long, Chinese and Arabic, in a window of @width. */
static ReelDataTable *
show_edge_table (GtkWindow **window,
                 ReelDataset *dataset,
                 int          width)
{
  ReelDataTable *table = REEL_DATA_TABLE (reel_data_table_new ());

  reel_data_table_set_chart_kind (table, REEL_CHART_TREND);
  reel_data_table_set_dataset (table, dataset);
  gtk_widget_set_size_request (GTK_WIDGET (table), width, 600);
  *window = reel_gtk_test_window_new (GTK_WIDGET (table));
  g_assert_true (reel_gtk_test_wait (has_rows, table, 5000));
  reel_gtk_test_flush ();

  return table;
}

/* The columns fill the card: Source and Basis take what is left. Region
 * names are whole; every row is one line of the same height, Chinese and
 * Arabic names included; the Source column names the publisher, with the
 * source's title in its tooltip. */
static void
test_table_layout (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("charts-edge.reelscope.json");
  GtkWindow *window;
  ReelDataTable *table = show_edge_table (&window, dataset, 1400);
  GtkWidget *view = GTK_WIDGET (column_view (table));
  GtkWidget *header = find_by_css_name (view, "header");
  GtkWidget *list_view = find_by_css_name (view, "listview");
  const char * const publishers[] = {
    "Alpha Research", "Beta Analytics", "Gamma Times", "Delta Forecasts", NULL,
  };
  int titles_width = 0, row_height = -1;
  guint n_rows = 0, n_cjk = 0, n_published = 0;

  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL;
       title = gtk_widget_get_next_sibling (title))
    if (gtk_widget_get_visible (title))
      titles_width += gtk_widget_get_allocated_width (title);
  g_assert_cmpint (ABS (titles_width - gtk_widget_get_width (view)), <=, 2);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *region = gtk_widget_get_first_child (gtk_widget_get_first_child (row));
      /* Region, Year, Value, Source: the trend has no Metric column. */
      GtkWidget *source = gtk_widget_get_first_child (reel_gtk_test_nth_child (row, 3));
      g_auto(GStrv) publisher = NULL;
      const char *name;
      int natural;

      if (!gtk_widget_get_child_visible (row) || gtk_widget_get_height (row) == 0)
        continue;

      g_assert_true (GTK_IS_LABEL (region));
      name = gtk_label_get_text (GTK_LABEL (region));
      gtk_widget_measure (region, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (region), >=, natural);
      n_cjk += g_utf8_get_char (name) >= 0x600;

      if (row_height < 0)
        row_height = gtk_widget_get_height (row);
      g_assert_cmpint (gtk_widget_get_height (row), ==, row_height);

      /* "Alpha Research", titled "Alpha market report"; the records
       * have no publisher and show their title. */
      publisher = g_strsplit (gtk_label_get_text (GTK_LABEL (source)), " ", 2);
      if (g_strv_contains (publishers, gtk_label_get_text (GTK_LABEL (source))))
        {
          g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (source), publisher[0]));
          g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (source), "report") ||
                         g_str_has_suffix (gtk_widget_get_tooltip_text (source), "tracker") ||
                         g_str_has_suffix (gtk_widget_get_tooltip_text (source), "article") ||
                         g_str_has_suffix (gtk_widget_get_tooltip_text (source), "outlook"));
          n_published++;
        }
      else
        g_assert_cmpstr (gtk_widget_get_tooltip_text (source), ==,
                         gtk_label_get_text (GTK_LABEL (source)));
      n_rows++;
    }

  g_assert_cmpuint (n_rows, >, 4);
  g_assert_cmpuint (n_cjk, >, 0);
  g_assert_cmpuint (n_published, >, 0);
  reel_gtk_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add ("/data-table/rows", Fixture, NULL,
              fixture_set_up, test_table_rows, fixture_tear_down);
  g_test_add ("/data-table/platforms", Fixture, NULL,
              fixture_set_up, test_table_platforms, fixture_tear_down);
  g_test_add ("/data-table/sort", Fixture, NULL,
              fixture_set_up, test_table_sort, fixture_tear_down);
  g_test_add ("/data-table/csv", Fixture, NULL,
              fixture_set_up, test_table_csv, fixture_tear_down);
  g_test_add_func ("/data-table/csv-quoting", test_table_csv_quoting);
  g_test_add ("/data-table/copy", Fixture, NULL,
              fixture_set_up, test_table_copy, fixture_tear_down);
  g_test_add_func ("/data-table/layout", test_table_layout);
  g_test_add_func ("/data-table/platforms-metric", test_table_platforms_metric);
  g_test_add_func ("/data-table/map-metric", test_table_map_metric);

  return g_test_run ();
}
