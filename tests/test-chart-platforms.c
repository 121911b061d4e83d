/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "reel-chart-layout-private.h"
#include "reel-chart-layout.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"

/* The Platforms chart: the apps' ranking and the rule that picks each
 * one's figure, their names with the company, their colours, a share of a
 * total only by the same source, marks of no region; on a dataset written
 * here and on the bundled one. */

/* Four apps with revenue in 2025, by three sources: one whole-year figure
 * each for BigApp (and another source's, an estimate, as its range) and
 * SmallApp; October only for MonthApp and PartApp, by Beta, on two bases.
 * The world has October's total by Beta on MonthApp's basis, and a larger
 * one by Gamma; RegionApp's only figure is for one region, NoFigure's a
 * download count. */
static const char platforms_json[] =
  "{\"format\": \"reelscope-dataset\", \"version\": 2, \"currency\": \"USD\","
  " \"sources\": [{\"id\": \"alpha\", \"title\": \"Alpha report\"},"
  "              {\"id\": \"beta\", \"title\": \"Beta tracker\"},"
  "              {\"id\": \"gamma\", \"title\": \"Gamma survey\"}],"
  " \"global\": {\"figures\": ["
  "   {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 400000000,"
  "    \"source\": \"gamma\", \"basis\": \"in-app\"},"
  "   {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 200000000,"
  "    \"source\": \"beta\", \"basis\": \"in-app\"}]},"
  " \"regions\": [{\"id\": \"asia\", \"name\": \"Asia\", \"figures\": ["
  "   {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 5000000,"
  "    \"source\": \"alpha\"}]}],"
  " \"platforms\": ["
  "   {\"id\": \"small\", \"name\": \"SmallApp\", \"company\": \"Small Co\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 30000000,"
  "      \"source\": \"alpha\"}]},"
  "   {\"id\": \"big\", \"name\": \"BigApp\", \"company\": \"Big Co\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 90000000,"
  "      \"source\": \"alpha\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 120000000,"
  "      \"source\": \"gamma\", \"estimate\": true, \"note\": \"from downloads\"}]},"
  "   {\"id\": \"monthly\", \"name\": \"MonthApp\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025-09\", \"value\": 40000000,"
  "      \"source\": \"beta\", \"basis\": \"in-app\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 50000000,"
  "      \"source\": \"beta\", \"basis\": \"in-app\"}]},"
  "   {\"id\": \"partial\", \"name\": \"PartApp\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 10000000,"
  "      \"source\": \"beta\", \"basis\": \"all revenue\"}]},"
  "   {\"id\": \"none\", \"name\": \"NoFigure\", \"figures\": ["
  "     {\"metric\": \"downloads\", \"period\": \"2025\", \"value\": 1000,"
  "      \"source\": \"alpha\"}]},"
  "   {\"id\": \"regional\", \"name\": \"RegionApp\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 99000000,"
  "      \"source\": \"beta\", \"basis\": \"in-app\", \"region\": \"asia\"}]}]}";

/* Growth only on a like-for-like basis: Steady has its 2024 and 2025 by
 * Alpha on one basis (+52%) and a larger 2024 by Gamma; Switched changes
 * source between the years, Rebased its basis; Monthly's October has
 * Beta's September before it; Bounded's 2024 is a lower bound. Downloads:
 * Steady's by Alpha, Switched's by two sources who disagree. */
static const char growth_json[] =
  "{\"format\": \"reelscope-dataset\", \"version\": 2, \"currency\": \"USD\","
  " \"sources\": [{\"id\": \"alpha\", \"title\": \"Alpha report\"},"
  "              {\"id\": \"beta\", \"title\": \"Beta tracker\"},"
  "              {\"id\": \"gamma\", \"title\": \"Gamma survey\"}],"
  " \"regions\": [{\"id\": \"asia\", \"name\": \"Asia\"}],"
  " \"platforms\": ["
  "   {\"id\": \"steady\", \"name\": \"Steady\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 100000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 300000000,"
  "      \"source\": \"gamma\", \"basis\": \"gross\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 152000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\"},"
  "     {\"metric\": \"downloads\", \"period\": \"2025\", \"value\": 9000000,"
  "      \"source\": \"alpha\"},"
  "     {\"metric\": \"downloads\", \"period\": \"2024\", \"value\": 6000000,"
  "      \"source\": \"alpha\"}]},"
  "   {\"id\": \"switched\", \"name\": \"Switched\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 100000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 150000000,"
  "      \"source\": \"gamma\", \"basis\": \"gross\"},"
  "     {\"metric\": \"downloads\", \"period\": \"2025\", \"value\": 20000000,"
  "      \"source\": \"alpha\"},"
  "     {\"metric\": \"downloads\", \"period\": \"2024\", \"value\": 8000000,"
  "      \"source\": \"gamma\"}]},"
  "   {\"id\": \"rebased\", \"name\": \"Rebased\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 100000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 80000000,"
  "      \"source\": \"alpha\", \"basis\": \"net\"}]},"
  "   {\"id\": \"monthly\", \"name\": \"Monthly\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2025-09\", \"value\": 40000000,"
  "      \"source\": \"beta\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 50000000,"
  "      \"source\": \"beta\"}]},"
  "   {\"id\": \"bounded\", \"name\": \"Bounded\", \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 10000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\", \"qualifier\": \"at-least\"},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 20000000,"
  "      \"source\": \"alpha\", \"basis\": \"gross\"}]}]}";

static ReelDataset *
load_platforms_json (void)
{
  return reel_dataset_test_load_json (platforms_json);
}

static ReelChartLayout *
lay_out_metric (ReelDataset     *dataset,
                ReelChartMetric  metric,
                guint            year)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  return reel_chart_layout_new_for_metric (dataset, REEL_CHART_PLATFORMS, metric, year, NULL,
                                           theme, 1200, 800, 1);
}

static ReelChartLayout *
lay_out (ReelDataset *dataset,
         guint        year,
         const char  *selection)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  return reel_chart_layout_new (dataset, REEL_CHART_PLATFORMS, year,
                                (const char * const[]) { selection, NULL }, theme,
                                1200, 800, 1);
}

/* The mark named @name, which must be there. */
static const ReelChartMark *
find_mark (ReelChartLayout *layout,
           const char      *name)
{
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    if (g_strcmp0 (reel_chart_layout_get_mark (layout, i)->name, name) == 0)
      return reel_chart_layout_get_mark (layout, i);
  g_assert_not_reached ();
}

/* How many of the chart's texts contain @needle. */
static guint
count_texts (ReelChartLayout *layout,
             const char      *needle)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);
  guint n_found = 0;

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_TEXT &&
          strstr (pango_layout_get_text (shape->text.layout), needle) != NULL)
        n_found++;
    }
  return n_found;
}

/* The apps by value, each named with its company where it has one, of no
 * region, the figure picked by the rule: whole-year, else the nearest
 * period in the year; the regional figure and the download count are not
 * revenue of the whole app. A month's figure is never ranked among
 * years': each length of period is a panel on its own scale. */
static void
test_platforms_ranking (void)
{
  g_autoptr(ReelDataset) dataset = load_platforms_json ();
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 0, "asia");
  static const char * const names[] = { "BigApp · Big Co", "SmallApp · Small Co", "MonthApp",
                                        "PartApp" };
  static const double values[] = { 90e6, 30e6, 50e6, 10e6 };
  const char *summary = reel_chart_layout_get_summary (layout);
  const ReelChartMark *mark;

  g_assert_cmpuint (reel_chart_layout_get_default_year (dataset, REEL_CHART_PLATFORMS), ==, 2025);
  g_assert_cmpuint (reel_chart_layout_get_year (layout), ==, 2025);
  g_assert_cmpstr (reel_chart_layout_get_title (layout), ==, "Platforms by revenue, 2025");
  g_assert_nonnull (strstr (reel_chart_layout_get_subtitle (layout),
                            "periods differ: a panel per length of period, each on its own scale"));
  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (count_texts (layout, "OCTOBER 2025"), ==, 1);

  /* Each panel's longest bar reaches its axis's end: MonthApp's 50M is
   * as long as BigApp's 90M, not 5/9 of it */
  g_assert_cmpfloat (fabs (reel_chart_layout_get_mark (layout, 2)->rect.width -
                           reel_chart_layout_get_mark (layout, 0)->rect.width), <,
                     0.1 * reel_chart_layout_get_mark (layout, 0)->rect.width);
  g_assert_cmpfloat (reel_chart_layout_get_mark (layout, 2)->rect.y, >,
                     reel_chart_layout_get_mark (layout, 1)->rect.y);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      mark = reel_chart_layout_get_mark (layout, i);
      g_assert_cmpstr (mark->name, ==, names[i]);
      g_assert_cmpfloat (mark->value, ==, values[i]);
      g_assert_cmpint (mark->region, ==, -1);
      g_assert_null (mark->region_id);
      g_assert_true (mark->flags & REEL_CHART_MARK_PLATFORM);
      /* "asia" is selected, and no app is it */
      g_assert_false (mark->flags & (REEL_CHART_MARK_WORLD | REEL_CHART_MARK_SELECTED));
    }

  /* The leading app: its primary source in its label, the other as its
   * range line and in its tooltip */
  mark = reel_chart_layout_get_mark (layout, 0);
  g_assert_cmpstr (mark->label, ==, "BigApp · Big Co, 2025, 90 million US dollars, "
                                    "primary source Alpha report, 1 other source");
  g_assert_nonnull (strstr (mark->tooltip, "Gamma survey"));
  g_assert_cmpfloat (mark->range_box.width, >, 0);

  /* October, the latest of MonthApp's months, named on its mark */
  mark = reel_chart_layout_get_mark (layout, 2);
  g_assert_cmpstr (mark->label, ==, "MonthApp, Oct 2025, 2025, 50 million US dollars, "
                                    "source Beta tracker");
  g_assert_null (strstr (mark->tooltip, "40M"));

  g_assert_nonnull (strstr (summary, "No 2025 figure: NoFigure, RegionApp"));
  g_assert_nonnull (strstr (summary, "An app without a figure for all of 2025"));
}

/* A share of a total only of the same source's total for the same period
 * on the same basis: MonthApp's 50M of Beta's 200M, not of Gamma's 400M;
 * PartApp's figure, on another basis, is no part of it; whole-year
 * figures have no total by their source. */
static void
test_platforms_same_source_share (void)
{
  g_autoptr(ReelDataset) dataset = load_platforms_json ();
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 2025, NULL);
  const char *summary = reel_chart_layout_get_summary (layout);
  const char *note = strstr (summary, "MonthApp: 25% of the total for October 2025 that "
                                      "Beta tracker gives on the same basis, $200M.");

  g_assert_nonnull (note);
  g_assert_null (strstr (note + strlen ("MonthApp: 25% of the total for"), "of the total for"));
  g_assert_null (strstr (summary, "12.5%"));
  g_assert_null (strstr (summary, "30%"));
  g_assert_null (strstr (summary, "PartApp: "));
}

/* Each app's bar in the palette's second set, apart from the regions'
 * first eight, and no two of the four alike. */
static void
test_platforms_colours (void)
{
  g_autoptr(ReelDataset) dataset = load_platforms_json ();
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 2025, NULL);
  GArray *shapes = _reel_chart_layout_get_shapes (layout);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_bars = 0;

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type != REEL_CHART_SHAPE_RECT || shape->ink != REEL_CHART_INK_REGION ||
          shape->rect.box.height < 10)
        continue;
      g_assert_cmpuint (shape->region, >=, REEL_CHART_PALETTE_SIZE);
      g_assert_cmpuint (shape->region, <, 2 * REEL_CHART_PALETTE_SIZE);
      g_hash_table_add (seen, GUINT_TO_POINTER (shape->region));
      n_bars++;
    }
  g_assert_cmpuint (n_bars, ==, 4);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 4);
}

/* The colour of the bar of @mark. */
static guint
get_mark_colour (ReelChartLayout     *layout,
                 const ReelChartMark *mark)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);
  double x = mark->rect.x + mark->rect.width / 2, y = mark->rect.y + mark->rect.height / 2;

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);
      const ReelChartRect *box = &shape->rect.box;

      if (shape->type == REEL_CHART_SHAPE_RECT && shape->ink == REEL_CHART_INK_REGION &&
          x >= box->x && x <= box->x + box->width && y >= box->y && y <= box->y + box->height)
        return shape->region;
    }
  g_assert_not_reached ();
}

/* Ten apps for eight colours: of the bundled dataset's nine bars of 2025's
 * downloads, no two in one panel alike (FreeReels took ReelShort's blue
 * beside it), eight colours in all; and the apps of its revenue chart keep
 * their own. */
static void
test_platforms_colours_apart (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out_metric (dataset, REEL_CHART_METRIC_DOWNLOADS, 0);
  g_autoptr(ReelChartLayout) revenue = lay_out_metric (dataset, REEL_CHART_METRIC_REVENUE, 0);
  static const guint panels[] = { 0, 0, 0, 0, 0, 1, 1, 2, 3 };
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);

  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, G_N_ELEMENTS (panels));
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      guint colour = get_mark_colour (layout, reel_chart_layout_get_mark (layout, i));

      g_hash_table_add (colours, GUINT_TO_POINTER (colour));
      for (guint j = i + 1; j < G_N_ELEMENTS (panels); j++)
        if (panels[j] == panels[i])
          g_assert_cmpuint (colour, !=, get_mark_colour (layout, reel_chart_layout_get_mark (layout, j)));
    }
  g_assert_cmpuint (g_hash_table_size (colours), ==, REEL_CHART_PALETTE_SIZE);

  for (guint i = 0; i < reel_chart_layout_get_n_marks (revenue); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (revenue, i);

      for (guint p = 0; p < platforms->len; p++)
        if (g_strcmp0 (((const ReelPlatform *) g_ptr_array_index (platforms, p))->id, mark->platform_id) == 0)
          g_assert_cmpuint (get_mark_colour (revenue, mark), ==, reel_chart_platform_palette (p));
    }
}

/* A year without the apps' revenue says so. */
static void
test_platforms_empty (void)
{
  g_autoptr(ReelDataset) dataset = load_platforms_json ();
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 2024, NULL);

  g_assert_true (reel_chart_layout_is_empty (layout));
  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, 0);
  g_assert_cmpstr (reel_chart_layout_get_title (layout), ==, "Platforms by revenue, 2024");
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout),
                            "No platform revenue figures for 2024"));
}

/* The bundled dataset's 2025: ReelShort leads with its year by
 * Appfigures, DramaWave shows its October by DataEye, and its share is
 * of DataEye's own October total. */
static void
test_platforms_bundled (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 0, NULL);
  static const char * const apps[] = { "ReelShort", "DramaBox", "GoodShort", "DramaWave" };
  const ReelChartMark *mark;

  g_assert_cmpuint (reel_chart_layout_get_year (layout), ==, 2025);
  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, G_N_ELEMENTS (apps));
  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    g_assert_true (g_str_has_prefix (reel_chart_layout_get_mark (layout, i)->name, apps[i]));

  mark = reel_chart_layout_get_mark (layout, 0);
  g_assert_cmpstr (mark->name, ==, "ReelShort · Crazy Maple Studio (49% held by COL Group)");
  g_assert_cmpfloat (mark->value, ==, 1.2e9);
  g_assert_nonnull (strstr (mark->label, "Appfigures"));

  mark = reel_chart_layout_get_mark (layout, 3);
  g_assert_true (g_str_has_prefix (mark->label, "DramaWave · Kunlun Tech, Oct 2025, 2025, "
                                                 "17 million US dollars, source DataEye"));
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout),
                            "DramaWave: 8.8% of the total for October 2025 that DataEye"));
}

/* A change only on the same source's figure on the same basis: beside
 * the bar and in its tooltip for Steady (on Alpha's 2024, not Gamma's)
 * and Monthly (on September); none for Switched, Rebased or Bounded,
 * whose earlier figures are by another source, on another basis or a
 * bound. */
static void
test_platforms_growth_like_for_like (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load_json (growth_json);
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, 2025, NULL);
  static const char * const unchanged[] = { "Switched", "Rebased", "Bounded" };

  g_assert_nonnull (strstr (find_mark (layout, "Steady")->tooltip,
                            "Change: +52% on 2024, by Alpha report on the same basis"));
  g_assert_cmpuint (count_texts (layout, "+52% on 2024, same source"), ==, 1);
  g_assert_nonnull (strstr (find_mark (layout, "Monthly")->tooltip,
                            "Change: +25% on September 2025, by Beta tracker on the same basis"));
  g_assert_cmpuint (count_texts (layout, "+25% on Sep 2025, same source"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (unchanged); i++)
    g_assert_null (strstr (find_mark (layout, unchanged[i])->tooltip, "Change:"));
  g_assert_cmpuint (count_texts (layout, "same source"), ==, 2);
  /* Switched's +50% would be across sources, Rebased's -20% across bases */
  g_assert_cmpuint (count_texts (layout, "+50%"), ==, 0);
  g_assert_cmpuint (count_texts (layout, "-20%"), ==, 0);
}

/* Downloads rank the apps by their own figures, with changes by the same
 * rule: Switched's two sources disagree and give it none. */
static void
test_platforms_downloads (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load_json (growth_json);
  g_autoptr(ReelChartLayout) layout = lay_out_metric (dataset, REEL_CHART_METRIC_DOWNLOADS, 2025);

  g_assert_cmpint (reel_chart_layout_get_metric (layout), ==, REEL_CHART_METRIC_DOWNLOADS);
  g_assert_cmpstr (reel_chart_layout_get_title (layout), ==, "Platforms by downloads, 2025");
  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, 2);
  g_assert_cmpstr (reel_chart_layout_get_mark (layout, 0)->name, ==, "Switched");
  g_assert_cmpfloat (reel_chart_layout_get_mark (layout, 0)->value, ==, 20e6);
  g_assert_cmpstr (reel_chart_layout_get_mark (layout, 1)->name, ==, "Steady");
  g_assert_nonnull (strstr (reel_chart_layout_get_mark (layout, 1)->label, "9M downloads"));
  g_assert_null (strstr (reel_chart_layout_get_mark (layout, 0)->tooltip, "Change:"));
  g_assert_nonnull (strstr (reel_chart_layout_get_mark (layout, 1)->tooltip,
                            "Change: +50% on 2024, by Alpha report"));
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout),
                            "No 2025 figure: Rebased, Monthly, Bounded"));

  /* The Map's metrics are not Platforms': share is revenue here */
  g_clear_object (&layout);
  layout = lay_out_metric (dataset, REEL_CHART_METRIC_SHARE, 2025);
  g_assert_cmpint (reel_chart_layout_get_metric (layout), ==, REEL_CHART_METRIC_REVENUE);
  g_assert_false (reel_chart_kind_has_metric (REEL_CHART_MAP, REEL_CHART_METRIC_USERS));
  g_assert_true (reel_chart_kind_has_metric (REEL_CHART_PLATFORMS, REEL_CHART_METRIC_USERS));
  g_assert_false (reel_chart_kind_has_metric (REEL_CHART_REVENUE, REEL_CHART_METRIC_DOWNLOADS));
}

/* The bundled dataset's downloads of 2025, a panel per length of period:
 * DramaBox leads the months, and its August by DataEye is 2.9% below
 * DataEye's July; GoodShort's year by Sensor Tower leads the years, not
 * the months; DramaWave's quarter stands apart. */
static void
test_platforms_bundled_downloads (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out_metric (dataset, REEL_CHART_METRIC_DOWNLOADS, 0);
  static const char * const apps[] = { "DramaBox", "FreeReels", "ReelShort", "NetShort",
                                       "ShortMax", "GoodShort", "FlickReels", "FlareFlow",
                                       "DramaWave" };
  const ReelChartMark *mark;

  g_assert_cmpuint (reel_chart_layout_get_year (layout), ==, 2025);
  g_assert_cmpstr (reel_chart_layout_get_title (layout), ==, "Platforms by downloads, 2025");
  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), ==, G_N_ELEMENTS (apps));
  for (guint i = 0; i < G_N_ELEMENTS (apps); i++)
    g_assert_true (g_str_has_prefix (reel_chart_layout_get_mark (layout, i)->name, apps[i]));
  g_assert_cmpuint (count_texts (layout, "1 MONTH EACH"), ==, 1);

  mark = reel_chart_layout_get_mark (layout, 5);
  g_assert_cmpfloat (mark->value, ==, 80e6);
  g_assert_nonnull (strstr (mark->label, "36Kr"));
  mark = reel_chart_layout_get_mark (layout, 0);
  g_assert_cmpfloat (mark->value, ==, 21817000);
  g_assert_nonnull (strstr (mark->tooltip, "Change: -2.9% on July 2025, by DataEye"));
  g_assert_cmpuint (count_texts (layout, "-2.9% on Jul 2025, same source"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/platforms/ranking", test_platforms_ranking);
  g_test_add_func ("/chart/platforms/same-source-share", test_platforms_same_source_share);
  g_test_add_func ("/chart/platforms/colours", test_platforms_colours);
  g_test_add_func ("/chart/platforms/colours-apart", test_platforms_colours_apart);
  g_test_add_func ("/chart/platforms/empty", test_platforms_empty);
  g_test_add_func ("/chart/platforms/bundled", test_platforms_bundled);
  g_test_add_func ("/chart/platforms/growth-like-for-like", test_platforms_growth_like_for_like);
  g_test_add_func ("/chart/platforms/downloads", test_platforms_downloads);
  g_test_add_func ("/chart/platforms/bundled-downloads", test_platforms_bundled_downloads);

  return g_test_run ();
}
