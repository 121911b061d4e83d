/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-frame-bench"

#include "config.h"

#include "reel-frame-bench.h"

#include <stdio.h>
#include <unistd.h>

#include "reel-chart-layout.h"
#include "reel-window-private.h"

/* REELSCOPE_BENCH_FRAMES_WHILE_PLAYING=KIND (tests/bench/run-bench.py,
 * "Frames while playing"), a benchmark hook like those of
 * reel-frame-bench.c: the first window, at 1600×1000, shows the bundled
 * dataset, switches to the chart KIND ("revenue", "share", …) at its
 * first year, and once that has settled presses Play (win.play) and
 * records how long each frame of its GdkFrameClock takes (::before-paint
 * to ::after-paint: update, layout, paint) and the main thread's CPU time
 * in it, until the last year has moved in. Trend plays its time cursor
 * instead, from the whole chart through its months (or years). It then
 * prints one line, `frames-while-playing JSON` (times in microseconds,
 * every frame's in order under "durations", their CPU times under "cpu";
 * the periods under "years", months as reel-period.h counts them where
 * "by_month" says so), and exits with 0; with 1 if the window never gets
 * there. A frame much longer than its CPU time waited for a core. */

#define BENCH_WIDTH   1600
#define BENCH_HEIGHT  1000
#define SETTLE_MS     700
#define TAIL_MS       700       /* after the last year: its transition and more */
#define TIMEOUT_S     120

typedef enum {
  STATE_WAITING,
  STATE_SETTLING,
  STATE_PLAYING,
} State;

typedef struct {
  ReelWindow *window;
  const char *kind;
  State       state;
  gboolean    trend;       /* its periods are the places of Trend's time cursor */
  GArray     *years;       /* of guint: the kind's periods */
  GArray     *durations;   /* of gint64, in order */
  GArray     *cpu_times;   /* of gint64, likewise */
  gint64      frame_start;
  gint64      frame_cpu_start;
  gint64      start;
  guint       timer;
} PlayBench;

static G_NORETURN void
fail (const char *why)
{
  fprintf (stderr, "frames-while-playing: %s\n", why);
  fflush (stderr);
  _exit (1);
}

static void
append_times (GString    *json,
              const char *name,
              GArray     *times)
{
  g_string_append_printf (json, ",\"%s\":[", name);
  for (guint i = 0; i < times->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (times, gint64, i));
  g_string_append_c (json, ']');
}

static G_NORETURN void
report (PlayBench *bench)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GArray) sorted = g_array_copy (bench->durations);
  guint n = sorted->len, over = 0, longest = 0;

  if (n == 0)
    fail ("no frames");
  g_array_sort (sorted, reel_frame_bench_compare_times);
  for (guint i = 0; i < n; i++)
    {
      gint64 duration = g_array_index (bench->durations, gint64, i);

      over += duration > 16000;
      if (duration > g_array_index (bench->durations, gint64, longest))
        longest = i;
    }

  g_string_append_printf (json, "{\"kind\":\"%s\",\"years\":[", bench->kind);
  for (guint i = 0; i < bench->years->len; i++)
    g_string_append_printf (json, "%s%u", i > 0 ? "," : "", g_array_index (bench->years, guint, i));
  g_string_append_printf (json, "],\"by_month\":%s",
                          bench->trend && g_array_index (bench->years, guint, 0) % 12 != 0
                          ? "true" : "false");
  g_string_append_printf (json, ",\"frames\":%u", n);
  g_string_append_printf (json, ",\"median\":%" G_GINT64_FORMAT,
                          g_array_index (sorted, gint64, (n - 1) / 2));
  g_string_append_printf (json, ",\"p95\":%" G_GINT64_FORMAT,
                          g_array_index (sorted, gint64, MIN (n - 1, (95 * n + 99) / 100 - 1)));
  g_string_append_printf (json, ",\"max\":%" G_GINT64_FORMAT,
                          g_array_index (sorted, gint64, n - 1));
  g_string_append_printf (json, ",\"over_16ms\":%u", over);
  g_string_append_printf (json, ",\"cpu_of_max\":%" G_GINT64_FORMAT,
                          g_array_index (bench->cpu_times, gint64, longest));
  g_string_append_printf (json, ",\"played\":%" G_GINT64_FORMAT,
                          g_get_monotonic_time () - bench->start);
  append_times (json, "durations", bench->durations);
  append_times (json, "cpu", bench->cpu_times);
  g_string_append_c (json, '}');

  printf ("frames-while-playing %s\n", json->str);
  fflush (stdout);
  _exit (0);
}

static gboolean
tail_cb (gpointer user_data)
{
  report (user_data);
}

/* The period shown: the window's year, or Trend's cursor. */
static void
period_cb (GObject    *object,
           GParamSpec *pspec,
           PlayBench  *bench)
{
  guint last, shown;

  if (bench->state != STATE_PLAYING || bench->timer != 0)
    return;

  last = g_array_index (bench->years, guint, bench->years->len - 1);
  shown = bench->trend ? reel_chart_view_get_cursor (bench->window->chart_view)
                       : reel_window_get_year (bench->window);
  if (shown == last)
    bench->timer = g_timeout_add (TAIL_MS, tail_cb, bench);
}

/* Trend's periods: where its cursor stops, as a layout of it lists them. */
static GArray *
list_trend_periods (ReelDataset *dataset)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartLayout) layout = reel_chart_layout_new (dataset, REEL_CHART_TREND, 0, NULL,
                                                             theme, BENCH_WIDTH, BENCH_HEIGHT, 1);

  return reel_chart_layout_list_cursors (layout);
}

static gboolean
play_cb (gpointer user_data)
{
  PlayBench *bench = user_data;

  bench->timer = 0;
  bench->state = STATE_PLAYING;
  bench->start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.play", NULL))
    fail ("no win.play");

  return G_SOURCE_REMOVE;
}

/* The kind at its first year, laid out and painted before Play. */
static gboolean
show_kind_cb (gpointer user_data)
{
  PlayBench *bench = user_data;
  GEnumClass *kinds = g_type_class_ref (REEL_TYPE_CHART_KIND);
  GEnumValue *kind = g_enum_get_value_by_nick (kinds, bench->kind);

  bench->timer = 0;
  if (kind == NULL)
    fail ("no such chart kind");
  bench->trend = kind->value == REEL_CHART_TREND;
  if (bench->trend)
    bench->years = list_trend_periods (reel_window_get_dataset (bench->window));
  else
    bench->years = reel_chart_layout_list_years (reel_window_get_dataset (bench->window),
                                                 kind->value);
  g_type_class_unref (kinds);
  if (bench->years->len < 2)
    fail ("the chart has fewer than two years to play");

  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.chart-kind", "s", bench->kind);
  if (!bench->trend)
    gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.year", "u",
                                g_array_index (bench->years, guint, 0));
  bench->timer = g_timeout_add (SETTLE_MS, play_cb, bench);

  return G_SOURCE_REMOVE;
}

static void
dataset_cb (ReelWindow *window,
            GParamSpec *pspec,
            PlayBench  *bench)
{
  if (bench->state != STATE_WAITING || reel_window_get_dataset (window) == NULL)
    return;

  bench->state = STATE_SETTLING;
  bench->timer = g_timeout_add (SETTLE_MS, show_kind_cb, bench);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 PlayBench     *bench)
{
  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = reel_frame_bench_get_thread_cpu_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                PlayBench     *bench)
{
  gint64 duration = g_get_monotonic_time () - bench->frame_start;
  gint64 cpu = reel_frame_bench_get_thread_cpu_time () - bench->frame_cpu_start;

  if (bench->state == STATE_PLAYING && bench->frame_start != 0)
    {
      g_array_append_val (bench->durations, duration);
      g_array_append_val (bench->cpu_times, cpu);
    }
  bench->frame_start = 0;
}

static void
realize_cb (GtkWidget *window,
            PlayBench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static gboolean
timeout_cb (gpointer user_data)
{
  fail ("the last year did not show in time");
}

void
reel_frame_bench_watch_play (ReelWindow *window)
{
  static gboolean done;
  const char *kind = g_getenv ("REELSCOPE_BENCH_FRAMES_WHILE_PLAYING");
  PlayBench *bench;

  g_return_if_fail (REEL_IS_WINDOW (window));

  if (done || kind == NULL || kind[0] == '\0')
    return;
  done = TRUE;

  /* Lives as long as the process, which it ends. */
  bench = g_new0 (PlayBench, 1);
  bench->window = window;
  bench->kind = kind;
  bench->durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_WIDTH, BENCH_HEIGHT);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
  g_signal_connect (window, "notify::dataset", G_CALLBACK (dataset_cb), bench);
  g_signal_connect (window, "notify::year", G_CALLBACK (period_cb), bench);
  g_signal_connect (window->chart_view, "notify::layout", G_CALLBACK (period_cb), bench);
  g_timeout_add_seconds (TIMEOUT_S, timeout_cb, bench);
}
