/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "reel-export-dialog.h"
#include "reel-gtk-test.h"
#include "reel-timeline.h"
#include "reel-window-test.h"

/* Stepping and playing through the years: ReelTimeline on its own (the
 * steps, the ends, Play stopping at the last and starting again from the
 * first), then the window's period control with animations off: the step
 * actions and their buttons, Play flipping to Pause by its icon and its
 * accessible name, and the chart described anew at each year; and the
 * chart view's layout of the next year, made ahead, taken only while the
 * other inputs are those it was made for. */

#define CHILD(window, name) reel_window_test_child (window, name)

static GArray *
years_array (guint first,
             guint last)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint year = first; year <= last; year++)
    g_array_append_val (years, year);
  return years;
}

static void
test_timeline_steps (void)
{
  g_autoptr(ReelTimeline) timeline = reel_timeline_new ();
  g_autoptr(GArray) years = years_array (2019, 2025);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 0);
  g_assert_false (reel_timeline_can_step (timeline, 1));

  reel_timeline_set_periods (timeline, years, 2024);
  g_assert_cmpuint (reel_timeline_get_n_periods (timeline), ==, 7);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2024);
  g_assert_true (reel_timeline_can_step (timeline, -1));
  g_assert_true (reel_timeline_can_step (timeline, 1));
  g_assert_false (reel_timeline_can_step (timeline, 2));

  reel_timeline_step (timeline, 1);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2025);
  g_assert_false (reel_timeline_can_step (timeline, 1));
  /* the ends hold */
  reel_timeline_step (timeline, 1);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2025);
  reel_timeline_step (timeline, -10);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2019);
  g_assert_false (reel_timeline_can_step (timeline, -1));

  /* a period it does not have is ignored; one it has is taken */
  reel_timeline_set_period (timeline, 1990);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2019);
  reel_timeline_set_period (timeline, 2022);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2022);

  /* no periods: nothing to step or play */
  reel_timeline_set_periods (timeline, none, 2022);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 0);
  reel_timeline_set_playing (timeline, TRUE);
  g_assert_false (reel_timeline_get_playing (timeline));
}

static void
record_period_cb (ReelTimeline *timeline,
                  GParamSpec   *pspec,
                  GArray       *seen)
{
  guint period = reel_timeline_get_period (timeline);

  g_array_append_val (seen, period);
}

static gboolean
stopped (gpointer data)
{
  return !reel_timeline_get_playing (data);
}

static void
test_timeline_play (void)
{
  g_autoptr(ReelTimeline) timeline = reel_timeline_new ();
  g_autoptr(GArray) years = years_array (2021, 2024);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_cmpuint (reel_timeline_get_interval (timeline), ==, REEL_TIMELINE_DEFAULT_INTERVAL);
  reel_timeline_set_interval (timeline, 5);
  reel_timeline_set_periods (timeline, years, 2022);
  g_signal_connect (timeline, "notify::period", G_CALLBACK (record_period_cb), seen);

  /* from the period shown to the last, one step at a time, then stop */
  reel_timeline_set_playing (timeline, TRUE);
  g_assert_true (reel_timeline_get_playing (timeline));
  g_assert_true (reel_gtk_test_wait (stopped, timeline, 5000));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (g_array_index (seen, guint, 0), ==, 2023);
  g_assert_cmpuint (g_array_index (seen, guint, 1), ==, 2024);

  /* Play at the end starts again from the first; a step by hand pauses */
  g_array_set_size (seen, 0);
  reel_timeline_set_playing (timeline, TRUE);
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2021);
  reel_timeline_step (timeline, 1);
  g_assert_false (reel_timeline_get_playing (timeline));
  g_assert_cmpuint (reel_timeline_get_period (timeline), ==, 2022);

  /* other periods stop it too */
  reel_timeline_set_playing (timeline, TRUE);
  reel_timeline_set_periods (timeline, years, 2022);
  g_assert_false (reel_timeline_get_playing (timeline));
}

static gboolean
view_current (gpointer data)
{
  return reel_gtk_test_chart_is_current (data);
}

/* The layout a view shows, as its summary says it. */
static const char *
view_summary (ReelChartView *view)
{
  g_assert_true (reel_gtk_test_wait (view_current, view, 10000));
  return reel_chart_layout_get_summary (reel_chart_view_get_layout (view));
}

static void
test_chart_view_prepare_year (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  ReelChartView *view = REEL_CHART_VIEW (reel_chart_view_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (view));
  const char * const *selection;
  g_autofree char *plain = NULL;

  reel_chart_view_set_dataset (view, dataset);
  reel_chart_view_set_year (view, 2025);
  plain = g_strdup (view_summary (view));
  reel_chart_view_set_year (view, 2024);
  g_assert_true (g_str_has_prefix (view_summary (view), "Revenue by region, 2024. "));

  /* laid out ahead, then taken: the same chart as one laid out then */
  reel_chart_view_prepare_year (view, 2025);
  reel_gtk_test_flush ();
  reel_chart_view_set_year (view, 2025);
  g_assert_cmpstr (view_summary (view), ==, plain);

  /* another input changed in between: not the one made ahead */
  reel_chart_view_prepare_year (view, 2024);
  reel_gtk_test_flush ();
  reel_chart_view_set_selected_region (view, "europe");
  reel_chart_view_set_year (view, 2024);
  view_summary (view);
  selection = reel_chart_layout_get_selection (reel_chart_view_get_layout (view));
  g_assert_cmpstr (selection[0], ==, "europe");
  g_assert_null (selection[1]);
  g_assert_cmpuint (reel_chart_layout_get_year (reel_chart_view_get_layout (view)), ==, 2024);

  reel_gtk_test_window_destroy (window);
}

static gboolean
chart_current (gpointer data)
{
  return reel_gtk_test_chart_is_current (data);
}

/* The header's Previous (0) or Next (1) button: the linked box's ends. */
static GtkWidget *
step_button (ReelWindow *window,
             guint       which)
{
  GtkWidget *linked = gtk_widget_get_first_child (CHILD (window, "period_box"));

  return which == 0 ? gtk_widget_get_first_child (linked) : gtk_widget_get_last_child (linked);
}

static void
assert_play_button (ReelWindow *window,
                    const char *icon,
                    const char *label)
{
  for (guint i = 0; i < 2; i++)
    {
      GtkButton *button = CHILD (window, i == 0 ? "play_button" : "bottom_play_button");
      g_autofree char *problem = NULL;

      g_assert_cmpstr (gtk_button_get_icon_name (button), ==, icon);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_null (problem);
    }
}

/* The chart laid out for @year, described by a summary that names it. */
static void
assert_chart_year (ReelWindow *window,
                   guint       year)
{
  ReelChartView *view = CHILD (window, "chart_view");
  g_autofree char *prefix = g_strdup_printf ("Revenue by region, %u. ", year);
  g_autofree char *problem = NULL;
  const char *summary;

  g_assert_cmpuint (reel_window_get_year (window), ==, year);
  g_assert_true (reel_gtk_test_wait (chart_current, view, 10000));
  summary = reel_chart_layout_get_summary (reel_chart_view_get_layout (view));
  g_assert_true (g_str_has_prefix (summary, prefix));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_null (problem);
}

static gboolean
window_stopped (gpointer data)
{
  return g_strcmp0 (gtk_button_get_icon_name (CHILD (data, "play_button")),
                    "media-playback-start-symbolic") == 0;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");

  g_settings_reset (settings, "chart-kind");
  g_settings_reset (settings, "year");
  g_settings_reset (settings, "selected-region");
}

static void
test_window_timeline (void)
{
  ReelWindow *window;
  g_autofree char *first_summary = NULL;
  gint64 start;

  /* Reduced motion: the chart steps without a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  reset_settings ();
  window = reel_window_test_open_bundled ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "revenue");

  /* Revenue has figures for 2024, 2025 and 2026 in the bundled dataset;
   * it opens on the latest year with revenue data. */
  g_assert_true (gtk_widget_get_visible (CHILD (window, "period_box")));
  assert_chart_year (window, 2025);
  assert_play_button (window, "media-playback-start-symbolic", "Play");
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 0)));
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 1)));

  /* Previous steps back to the first year, where it is insensitive */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.period-previous", NULL));
  assert_chart_year (window, 2024);
  first_summary = g_strdup (reel_chart_layout_get_summary (
                              reel_chart_view_get_layout (CHILD (window, "chart_view"))));
  g_assert_false (gtk_widget_get_sensitive (step_button (window, 0)));
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 1)));

  /* Play: Pause by name and icon, a year every interval, then Play again
   * at the last year */
  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL));
  assert_play_button (window, "media-playback-pause-symbolic", "Pause");
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);
  g_assert_true (reel_gtk_test_wait (window_stopped, window, 10000));
  /* two steps at a readable pace */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * REEL_TIMELINE_DEFAULT_INTERVAL * 1000);
  assert_play_button (window, "media-playback-start-symbolic", "Play");
  assert_chart_year (window, 2026);
  g_assert_cmpstr (reel_chart_layout_get_summary (
                     reel_chart_view_get_layout (CHILD (window, "chart_view"))), !=, first_summary);
  g_assert_false (gtk_widget_get_sensitive (step_button (window, 1)));

  /* Play at the end starts from the first year; Pause stays there */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  assert_chart_year (window, 2024);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  assert_play_button (window, "media-playback-start-symbolic", "Play");
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);

  /* the year menu moves the timeline: Next goes on from the year chosen */
  gtk_drop_down_set_selected (CHILD (window, "year_dropdown"), 1);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2025);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.period-next", NULL);
  assert_chart_year (window, 2026);

  /* Trend steps its time cursor instead (test_window_trend): Play stops */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "trend");
  assert_play_button (window, "media-playback-start-symbolic", "Play");
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings ();
}

static gboolean
summary_has (gpointer data)
{
  ReelChartView *view = CHILD (data, "chart_view");
  const char *needle = g_object_get_data (data, "needle");
  ReelChartLayout *layout = reel_chart_view_get_layout (view);

  return reel_gtk_test_chart_is_current (view) && layout != NULL &&
         strstr (reel_chart_layout_get_summary (layout), needle) != NULL;
}

/* Trend with its cursor at @month ("Aug 2025"), or with none (NULL): its
 * summary, which is the chart's accessible description, says so. */
static void
assert_trend_cursor (ReelWindow *window,
                     const char *month)
{
  ReelChartView *view = CHILD (window, "chart_view");
  g_autofree char *needle = month != NULL ? g_strdup_printf (". Up to %s. World: ", month)
                                          : g_strdup (". World: from ");
  g_autofree char *problem = NULL;

  g_object_set_data (G_OBJECT (window), "needle", needle);
  g_assert_true (reel_gtk_test_wait (summary_has, window, 10000));
  g_assert_true (g_str_has_prefix (reel_chart_layout_get_summary (reel_chart_view_get_layout (view)),
                                   "World revenue by month, 2025. "));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                reel_chart_layout_get_summary (
                                                  reel_chart_view_get_layout (view)));
  g_assert_null (problem);
  g_object_set_data (G_OBJECT (window), "needle", NULL);
}

/* The Export dialog exports Trend at the cursor shown. */
static void
assert_export_cursor (ReelWindow *window,
                      guint       cursor)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  ReelExportDialog *dialog = NULL;
  guint dialog_cursor = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (REEL_IS_EXPORT_DIALOG (toplevel))
        dialog = REEL_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  g_object_get (dialog, "cursor", &dialog_cursor, NULL);
  g_assert_cmpuint (dialog_cursor, ==, cursor);
  gtk_window_destroy (GTK_WINDOW (dialog));
  reel_gtk_test_flush ();
}

/* The Next button's accessible name and tooltip, and Play's tooltip. */
static void
assert_step_words (ReelWindow *window,
                   const char *next,
                   const char *next_tooltip,
                   const char *play)
{
  g_autofree char *problem =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (step_button (window, 1)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, next);

  g_assert_null (problem);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (step_button (window, 1)), ==, next_tooltip);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (CHILD (window, "play_button"))), ==,
                   play);
}

/* Trend draws every month at once; the period control moves its time
 * cursor by the world's months, from none (the whole chart), and leaves
 * the year the regions' list shows. */
static void
test_window_trend (void)
{
  static const char *const months[] = { "Apr 2025", "May 2025", "Jul 2025", "Aug 2025" };
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  ReelWindow *window;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  reset_settings ();
  window = reel_window_test_open_bundled ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "trend");
  assert_trend_cursor (window, NULL);
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 0)));
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 1)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (CHILD (window, "play_button"))));
  assert_step_words (window, "Next month", "Next Month (Right)", "Play Through the Months (Space)");

  /* Next from none: the first month, then month by month (June has no
   * figure: the line skips it) */
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.period-next", NULL));
      assert_trend_cursor (window, months[i]);
      g_assert_cmpuint (reel_window_get_year (window), ==, 2025);
      g_assert_cmpuint (g_settings_get_uint (settings, "year"), ==, 2025);
    }
  g_assert_true (gtk_widget_get_sensitive (step_button (window, 0)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.period-previous", NULL);
  assert_trend_cursor (window, "Jul 2025");
  assert_export_cursor (window, 2025 * 12 + 6);

  /* The cursor stays through another kind; at the last month Next is
   * insensitive, and Play there starts again from the first */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "revenue");
  assert_chart_year (window, 2025);
  assert_step_words (window, "Next year", "Next Year (Right)", "Play Through the Years (Space)");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "trend");
  assert_trend_cursor (window, "Jul 2025");
  for (guint i = 0; i < 8; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.period-next", NULL);
  assert_trend_cursor (window, "Nov 2025");
  g_assert_false (gtk_widget_get_sensitive (step_button (window, 1)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  assert_play_button (window, "media-playback-pause-symbolic", "Pause");
  assert_trend_cursor (window, "Apr 2025");
  assert_trend_cursor (window, "May 2025");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.play", NULL);
  assert_play_button (window, "media-playback-start-symbolic", "Play");

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

  reel_window_test_start_on_charts ();

  g_test_add_func ("/timeline/steps", test_timeline_steps);
  g_test_add_func ("/timeline/play", test_timeline_play);
  g_test_add_func ("/chart-view/prepare-year", test_chart_view_prepare_year);
  g_test_add_func ("/window/timeline", test_window_timeline);
  g_test_add_func ("/window/timeline-trend", test_window_trend);

  return g_test_run ();
}
