/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "reel-gtk-test.h"
#include "reel-platform-panel.h"
#include "reel-window-test.h"

/* The Map in the window: the switcher shows it with its metric dropdown,
 * a click on a region's countries selects the region for the panels, and
 * the metric is remembered; Platforms' metric in the same dropdown, and
 * an app's panel. */

#define CHILD(window, name) reel_window_test_child (window, name)

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");

  g_settings_reset (settings, "chart-kind");
  g_settings_reset (settings, "map-metric");
  g_settings_reset (settings, "platforms-metric");
  g_settings_reset (settings, "year");
  g_settings_reset (settings, "selected-region");
}

/* Laid out for the view's inputs, its metric too, with its marks. */
static gboolean
map_laid_out (gpointer data)
{
  ReelChartView *view = data;
  ReelChartMetric metric;

  g_object_get (view, "metric", &metric, NULL);
  return reel_gtk_test_chart_is_current (view) && reel_gtk_test_chart_n_mark_widgets (view) > 0 &&
         reel_chart_layout_get_metric (reel_chart_view_get_layout (view)) == metric;
}

/* A point of @mark's countries: the first, on a grid over its area, that
 * hit-testing gives to it. */
static gboolean
find_point_in (ReelChartLayout     *layout,
               const ReelChartMark *mark,
               double              *x,
               double              *y)
{
  for (double v = 0.05; v < 1; v += 0.05)
    for (double u = 0.05; u < 1; u += 0.05)
      {
        *x = mark->area.x + mark->area.width * u;
        *y = mark->area.y + mark->area.height * v;
        if (reel_chart_layout_hit_test (layout, *x, *y) == mark)
          return TRUE;
      }
  return FALSE;
}

static void
test_window_map (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  ReelWindow *window;
  ReelChartView *view;
  GtkWidget *metric;
  ReelChartLayout *layout;
  const ReelChartMark *mark = NULL;
  double x = 0, y = 0;

  reset_settings ();
  window = reel_window_test_open_bundled ();
  view = REEL_CHART_VIEW (CHILD (window, "chart_view"));
  metric = GTK_WIDGET (CHILD (window, "metric_dropdown"));
  g_assert_false (gtk_widget_get_visible (metric));

  /* Ctrl+5's action shows the map and its dropdown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "map"));
  g_assert_true (gtk_widget_get_visible (metric));
  g_assert_true (reel_gtk_test_wait (map_laid_out, view, 10000));
  layout = reel_chart_view_get_layout (view);
  g_assert_cmpint (reel_chart_layout_get_kind (layout), ==, REEL_CHART_MAP);
  g_assert_cmpint (reel_chart_layout_get_metric (layout), ==, REEL_CHART_METRIC_REVENUE);

  /* a click on Latin America's countries selects it, and the panels follow */
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout) && mark == NULL; i++)
    if (g_strcmp0 (reel_chart_layout_get_mark (layout, i)->region_id, "latin-america") == 0)
      mark = reel_chart_layout_get_mark (layout, i);
  g_assert_nonnull (mark);
  g_assert_true (find_point_in (layout, mark, &x, &y));
  reel_gtk_test_chart_click (view, x, y);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "latin-america");
  g_assert_cmpstr (reel_audience_panel_get_region (REEL_AUDIENCE_PANEL (CHILD (window, "audience_panel"))),
                   ==, "latin-america");

  /* the dropdown sets the metric, which is remembered */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (metric), REEL_CHART_METRIC_GROWTH);
  g_assert_cmpint (g_settings_get_enum (settings, "map-metric"), ==, REEL_CHART_METRIC_GROWTH);
  g_assert_true (reel_gtk_test_wait (map_laid_out, view, 10000));
  layout = reel_chart_view_get_layout (view);
  g_assert_true (g_str_has_prefix (reel_chart_layout_get_title (layout), "Growth by region"));

  /* another chart hides the dropdown */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "share");
  g_assert_false (gtk_widget_get_visible (metric));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* a new window's map opens on the metric chosen last */
  window = reel_window_test_open_bundled ();
  metric = GTK_WIDGET (CHILD (window, "metric_dropdown"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "map");
  g_assert_true (gtk_widget_get_visible (metric));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (metric)), ==, REEL_CHART_METRIC_GROWTH);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  reset_settings ();
}

/* The label of @dropdown's @position'th item. */
static const char *
get_item (GtkWidget *dropdown,
          guint      position)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return g_intern_string (gtk_string_object_get_string (item));
}

/* Platforms' own metrics in the same dropdown, its choice a setting apart
 * from the map's, which the chart follows. */
static void
test_window_platforms_metric (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  ReelWindow *window;
  ReelChartView *view;
  GtkWidget *metric;
  ReelChartLayout *layout;

  reset_settings ();
  window = reel_window_test_open_bundled ();
  view = REEL_CHART_VIEW (CHILD (window, "chart_view"));
  metric = GTK_WIDGET (CHILD (window, "metric_dropdown"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s",
                                             "platforms"));
  g_assert_true (gtk_widget_get_visible (metric));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (metric))),
                    ==, 3);
  g_assert_cmpstr (get_item (metric, 1), ==, "Downloads");
  g_assert_cmpstr (get_item (metric, 2), ==, "Monthly active users");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (metric), ==, "What the Apps Are Ranked By");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (metric), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "platforms-metric"), ==,
                   REEL_CHART_METRIC_DOWNLOADS);
  g_assert_cmpint (g_settings_get_enum (settings, "map-metric"), ==, REEL_CHART_METRIC_REVENUE);
  g_assert_true (reel_gtk_test_wait (map_laid_out, view, 10000));
  layout = reel_chart_view_get_layout (view);
  g_assert_cmpstr (reel_chart_layout_get_title (layout), ==, "Platforms by downloads, 2025");

  /* the map lists its own four, on its own choice */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "map");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (metric))),
                    ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (metric)), ==, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (metric), ==, "What the Map Shows");

  /* and back: downloads again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "platforms");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (metric)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings ();
}

/* Laid out with the first app's mark selected. */
static gboolean
first_app_selected (gpointer data)
{
  ReelChartLayout *layout = reel_chart_view_get_layout (data);

  return layout != NULL && reel_chart_layout_get_n_marks (layout) > 0 &&
         (reel_chart_layout_get_mark (layout, 0)->flags & REEL_CHART_MARK_SELECTED) != 0;
}

static const char *
details_child (ReelWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (CHILD (window, "details_stack")));
}

/* A click on an app's bar shows the app in the right pane, its mark
 * selected; another region, or the panel's close action, brings the
 * region's panels back. */
static void
test_window_platform_panel (void)
{
  ReelWindow *window;
  ReelChartView *view;
  ReelPlatformPanel *panel;
  ReelChartLayout *layout;
  const ReelChartMark *mark;
  g_autofree char *platform = NULL;
  g_autofree char *region = NULL;
  double x, y;

  reset_settings ();
  window = reel_window_test_open_bundled ();
  view = REEL_CHART_VIEW (CHILD (window, "chart_view"));
  panel = REEL_PLATFORM_PANEL (CHILD (window, "platform_panel"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "platforms");
  g_assert_true (reel_gtk_test_wait (map_laid_out, view, 10000));
  g_assert_cmpstr (details_child (window), ==, "region");

  layout = reel_chart_view_get_layout (view);
  mark = reel_chart_layout_get_mark (layout, 0);
  g_assert_cmpstr (mark->platform_id, ==, "reelshort");
  g_assert_false (mark->flags & REEL_CHART_MARK_SELECTED);
  x = mark->area.x + mark->area.width / 2;
  y = mark->area.y + mark->area.height / 2;
  region = g_strdup (reel_window_get_selected_region (window));
  reel_gtk_test_chart_click (view, x, y);
  g_object_get (view, "selected-platform", &platform, NULL);
  g_assert_cmpstr (platform, ==, "reelshort");
  g_assert_cmpstr (reel_platform_panel_get_platform (panel), ==, "reelshort");
  g_assert_cmpstr (details_child (window), ==, "platform");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (reel_gtk_test_get_child (panel,
                                                                                "subtitle_label"))),
                                   "Crazy Maple Studio"));
  /* the region chosen stays as it was */
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, region);
  g_assert_true (reel_gtk_test_wait (first_app_selected, view, 10000));

  /* another region: the region's panels again */
  g_object_set (window, "selected-region",
                g_strcmp0 (region, "europe") == 0 ? "north-america" : "europe", NULL);
  g_assert_null (reel_platform_panel_get_platform (panel));
  g_assert_cmpstr (details_child (window), ==, "region");

  /* the panel's close button */
  reel_gtk_test_chart_click (view, x, y);
  g_assert_cmpstr (details_child (window), ==, "platform");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "platform.close", NULL));
  g_clear_pointer (&platform, g_free);
  g_object_get (view, "selected-platform", &platform, NULL);
  g_assert_null (platform);
  g_assert_cmpstr (details_child (window), ==, "region");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/window/map", test_window_map);
  g_test_add_func ("/window/platforms-metric", test_window_platforms_metric);
  g_test_add_func ("/window/platform-panel", test_window_platform_panel);

  return g_test_run ();
}
