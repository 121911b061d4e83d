/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "reel-chart-cursor.h"
#include "reel-chart-layout-private.h"
#include "reel-chart-layout.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"

/* Trend's time cursor (reel-chart-cursor.h): where it can stop, the lines
 * drawn up to it and faint after it, the labels and the summary at it. */

#define MONTH(year, month) ((year) * 12 + (month) - 1)

static ReelChartLayout *
lay_out_trend (ReelDataset        *dataset,
               guint               cursor,
               const char * const *selection)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  return reel_chart_layout_new_at_cursor (dataset, REEL_CHART_TREND, REEL_CHART_METRIC_REVENUE,
                                          0, cursor, selection, theme, 1200, 800, 1);
}

/* The month's short name as the axis and the summary write it. */
static char *
dup_month (guint year,
           guint month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);

  return g_date_time_format (date, "%b %Y");
}

static const ReelChartShape *
find_text (ReelChartLayout   *layout,
           const char        *text,
           ReelChartTextRole  role)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_TEXT && shape->text.role == role &&
          g_strcmp0 (pango_layout_get_text (shape->text.layout), text) == 0)
        return shape;
    }

  return NULL;
}

/* The points of every line's paths and markers drawn at full ink, and
 * those drawn faint. */
static void
count_points (ReelChartLayout *layout,
              guint           *full,
              guint           *faint)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);

  *full = *faint = 0;
  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type != REEL_CHART_SHAPE_MARKER)
        continue;
      if (shape->alpha < 0.5)
        *faint += shape->marker.n_centres;
      else
        *full += shape->marker.n_centres;
    }
}

/* The bundled world by month: the cursor stops at each month of the
 * line, and none is the whole chart, as before. */
static void
test_cursor_list (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) whole = lay_out_trend (dataset, 0, NULL);
  g_autoptr(GArray) cursors = reel_chart_layout_list_cursors (whole);
  g_autoptr(ReelChartLayout) bars = NULL;
  g_autoptr(GArray) no_cursors = NULL;
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  guint full, faint;

  g_assert_cmpuint (reel_chart_layout_get_cursor (whole), ==, 0);
  g_assert_cmpuint (cursors->len, >=, 6);
  for (guint i = 1; i < cursors->len; i++)
    g_assert_cmpuint (g_array_index (cursors, guint, i - 1), <, g_array_index (cursors, guint, i));
  g_assert_cmpuint (g_array_index (cursors, guint, 0), >=, MONTH (2025, 1));
  g_assert_cmpuint (g_array_index (cursors, guint, cursors->len - 1), <=, MONTH (2025, 12));

  count_points (whole, &full, &faint);
  g_assert_cmpuint (full, ==, cursors->len);
  g_assert_cmpuint (faint, ==, 0);

  /* A kind of one year has no cursor */
  bars = reel_chart_layout_new_at_cursor (dataset, REEL_CHART_REVENUE, REEL_CHART_METRIC_REVENUE,
                                          2025, MONTH (2025, 8), NULL, theme, 1200, 800, 1);
  no_cursors = reel_chart_layout_list_cursors (bars);
  g_assert_cmpuint (no_cursors->len, ==, 0);
  g_assert_cmpuint (reel_chart_layout_get_cursor (bars), ==, 0);
}

/* At August 2025: the points up to August in full ink, the later ones
 * faint; the rule's label names August, the world's end label gives
 * August's value, which the summary says with the period. */
static void
test_cursor_month (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) whole = lay_out_trend (dataset, 0, NULL);
  g_autoptr(ReelChartLayout) layout = lay_out_trend (dataset, MONTH (2025, 8), NULL);
  g_autoptr(GArray) cursors = reel_chart_layout_list_cursors (whole);
  g_autofree char *august = dup_month (2025, 8);
  g_autofree char *up_to = g_strdup_printf ("Up to %s. World: ", august);
  g_autofree char *world_at = NULL;
  const ReelChartMark *august_mark = NULL;
  const ReelChartShape *label;
  guint full, faint, before = 0;
  const char *summary = reel_chart_layout_get_summary (layout);

  for (guint i = 0; i < cursors->len; i++)
    before += g_array_index (cursors, guint, i) <= MONTH (2025, 8);
  count_points (layout, &full, &faint);
  g_assert_cmpuint (full, ==, before);
  g_assert_cmpuint (faint, ==, cursors->len - before);
  g_assert_cmpuint (faint, >, 0);

  /* The rule's label, at the top of the plot */
  label = find_text (layout, august, REEL_CHART_TEXT_LABEL);
  g_assert_nonnull (label);
  g_assert_null (find_text (whole, august, REEL_CHART_TEXT_LABEL));

  /* The world's end label moved to August's point, with its value */
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (mark->label_box.width > 0)
        {
          g_assert_null (august_mark);
          august_mark = mark;
        }
    }
  g_assert_nonnull (august_mark);
  g_assert_nonnull (strstr (august_mark->tooltip, august));
  world_at = g_strdup_printf ("$%.0fM", august_mark->value / 1e6);
  g_assert_nonnull (find_text (layout, world_at, REEL_CHART_TEXT_VALUE));
  g_assert_cmpfloat (august_mark->label_box.x, <, reel_chart_layout_get_plot_rect (layout)->x +
                                                  reel_chart_layout_get_plot_rect (layout)->width);

  /* The summary names the period and the world's value at it */
  g_assert_nonnull (strstr (summary, up_to));
  g_assert_nonnull (strstr (summary, world_at));
  g_assert_null (strstr (reel_chart_layout_get_summary (whole), "Up to"));

  /* The axes stay those of the whole chart as the cursor moves */
  g_assert_cmpmem (reel_chart_layout_get_plot_rect (layout), sizeof (ReelChartRect),
                   reel_chart_layout_get_plot_rect (whole), sizeof (ReelChartRect));
}

/* Comparing regions by month, each compared line's value at the cursor;
 * a line that starts after it has none. */
static void
test_cursor_compare (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  const char * const selection[] = { "north-america", "southeast-asia", NULL };
  g_autoptr(ReelChartLayout) whole = lay_out_trend (dataset, 0, selection);
  g_autoptr(GArray) cursors = reel_chart_layout_list_cursors (whole);
  guint last = g_array_index (cursors, guint, cursors->len - 1);
  g_autoptr(ReelChartLayout) at_last = lay_out_trend (dataset, last, selection);
  g_autoptr(ReelChartLayout) at_first = lay_out_trend (dataset, g_array_index (cursors, guint, 0),
                                                       selection);
  guint full, faint;

  /* At the last month everything is drawn, as without a cursor */
  count_points (at_last, &full, &faint);
  g_assert_cmpuint (faint, ==, 0);
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (at_last), "Up to "));

  /* At the first, a point per line that has it, the rest faint */
  count_points (at_first, &full, &faint);
  g_assert_cmpuint (full, >=, 1);
  g_assert_cmpuint (faint, >, full);
}

/* A chart of years: the cursor stops at each year, named by it. */
static void
test_cursor_years (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("charts-edge.reelscope.json");
  g_autoptr(ReelChartLayout) whole = lay_out_trend (dataset, 0, NULL);
  g_autoptr(GArray) cursors = reel_chart_layout_list_cursors (whole);
  g_autoptr(ReelChartLayout) layout = NULL;
  guint first = g_array_index (cursors, guint, 0);
  g_autofree char *year = g_strdup_printf ("%u", first / 12);
  g_autofree char *up_to = g_strdup_printf ("Up to %s. ", year);

  g_assert_cmpuint (cursors->len, >=, 2);
  g_assert_cmpuint (first % 12, ==, 0);
  layout = lay_out_trend (dataset, first, NULL);
  g_assert_nonnull (find_text (layout, year, REEL_CHART_TEXT_LABEL));
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout), up_to));
}

/* A label at the cursor does not hide the line's next point, drawn faint
 * after it: at every month of 2025, in a small chart and a large one, at
 * most a quarter of its marker is under the label (the world's August
 * label covered all of September's point). */
static void
test_cursor_label_clear (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  const double sizes[][2] = { { 720, 450 }, { 1600, 1000 } };
  guint n_checked = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint month = 4; month <= 10; month++)
      {
        g_autoptr(ReelChartLayout) layout =
          reel_chart_layout_new_at_cursor (dataset, REEL_CHART_TREND, REEL_CHART_METRIC_REVENUE, 0,
                                           MONTH (2025, month), NULL, theme, sizes[s][0],
                                           sizes[s][1], 1);

        for (guint i = 0; i + 1 < reel_chart_layout_get_n_marks (layout); i++)
          {
            const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);
            const ReelChartRect *label = &mark->label_box;
            const ReelChartRect *next = &reel_chart_layout_get_mark (layout, i + 1)->rect;
            double width, height;

            if (label->width <= 0 ||
                g_strcmp0 (reel_chart_layout_get_mark (layout, i + 1)->name, mark->name) != 0)
              continue;
            width = MIN (label->x + label->width, next->x + next->width) - MAX (label->x, next->x);
            height = MIN (label->y + label->height, next->y + next->height) - MAX (label->y, next->y);
            if (width > 0 && height > 0 && width * height > next->width * next->height / 4)
              g_error ("%g×%g, cursor at month %u: %s's label covers its next point",
                       sizes[s][0], sizes[s][1], month, mark->name);
            n_checked++;
          }
      }
  g_assert_cmpuint (n_checked, >=, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/cursor/list", test_cursor_list);
  g_test_add_func ("/chart/cursor/month", test_cursor_month);
  g_test_add_func ("/chart/cursor/compare", test_cursor_compare);
  g_test_add_func ("/chart/cursor/years", test_cursor_years);
  g_test_add_func ("/chart/cursor/label-clear", test_cursor_label_clear);

  return g_test_run ();
}
