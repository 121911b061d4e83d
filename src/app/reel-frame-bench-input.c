/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-frame-bench"

#include "config.h"

#include "reel-frame-bench.h"

#include <stdio.h>
#include <unistd.h>

#include "reel-chart-view.h"
#include "reel-region-list.h"

/* REELSCOPE_BENCH_INTERACTIONS=1 (tests/bench/run-bench.py, "Interaction
 * latency"), a benchmark hook like those of reel-frame-bench.c: the first
 * window, at 1600×1000, shows the bundled dataset's Revenue chart and then
 * takes each input a user makes, REPEATS times, PAUSE_MS apart (room for a
 * transition to end): a region picked in the list and on the chart, the
 * chart kind switched, the period stepped, Chart and Table switched, the
 * export dialog opened. Each input is made as its widget or action makes
 * it (the list's and the chart's selection, the win.* action a button or
 * key activates) and timed from then to the end of the first frame that
 * shows its result: the window's next ::after-paint (for Chart and Table,
 * the first after which the page asked for shows, not fading in), or the
 * dialog's first.
 * The CPU time of the main thread over the same span is beside it. It then
 * prints one line, `interactions JSON` (microseconds; per input, every
 * repeat's time and CPU time in order, the first one first) with, as the
 * floor the inputs stand on, "window-draw": the window's nodes drawn whole
 * into a new surface as the cairo renderer draws a frame that changes the
 * whole window (no layout, no snapshot, no upload to the display), and exits
 * with 0; with 1 if an input shows no frame. */

#define BENCH_WIDTH   1600
#define BENCH_HEIGHT  1000
#define SETTLE_MS     800
#define PAUSE_MS      600       /* longer than a chart's transition between years */
#define REPEATS       9
#define FRAME_WAIT_S  5
#define TIMEOUT_S     120

typedef struct _InputBench InputBench;

typedef struct {
  const char *name;
  void      (*make)  (InputBench *bench,
                      guint       repeat);
  /* Whether a frame shows the input's result, where that can come later
   * than the first frame after it (a page that fades in); NULL: the first. */
  gboolean  (*shown) (InputBench *bench,
                      guint       repeat);
} Input;

struct _InputBench {
  ReelWindow *window;
  guint       input;        /* index into inputs[] */
  guint       repeat;
  gboolean    waiting;      /* for the frame that shows the input */
  gint64      start;
  gint64      cpu_start;
  GtkWidget  *list;         /* the region list and the chart view, found once: */
  GtkWidget  *view;         /* walking the window's widgets is no input's work */
  GtkWindow  *dialog;       /* the export dialog, while it is open */
  GString    *json;
  GArray     *times;        /* of gint64, the current input's */
  GArray     *cpu_times;
  guint       frame_timer;
};

static G_NORETURN void
fail (const char *why)
{
  fprintf (stderr, "interactions: %s\n", why);
  fflush (stderr);
  _exit (1);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
activate (InputBench *bench,
          const char *action,
          const char *format,
          const char *value)
{
  gboolean done = format != NULL
                    ? gtk_widget_activate_action (GTK_WIDGET (bench->window), action, format, value)
                    : gtk_widget_activate_action (GTK_WIDGET (bench->window), action, NULL);

  if (!done)
    fail (action);
}

/* Two regions in turn, so that each input changes what shows. */
static void
pick_in_list (InputBench *bench,
              guint       repeat)
{
  const char *regions[][2] = { { "north-america", NULL }, { "europe", NULL } };

  reel_region_list_set_selected_regions (REEL_REGION_LIST (bench->list), regions[repeat % 2]);
}

static void
pick_on_chart (InputBench *bench,
               guint       repeat)
{
  const char *regions[][2] = { { "southeast-asia", NULL }, { "south-asia", NULL } };

  reel_chart_view_set_selected_regions (REEL_CHART_VIEW (bench->view), regions[repeat % 2]);
}

static void
switch_kind (InputBench *bench,
             guint       repeat)
{
  static const char * const kinds[] = { "growth", "share", "trend", "map", "platforms", "revenue" };

  activate (bench, "win.chart-kind", "s", kinds[repeat % G_N_ELEMENTS (kinds)]);
}

static void
step_period (InputBench *bench,
             guint       repeat)
{
  activate (bench, repeat % 2 == 0 ? "win.period-previous" : "win.period-next", NULL, NULL);
}

static void
switch_view (InputBench *bench,
             guint       repeat)
{
  activate (bench, "win.view", "s", repeat % 2 == 0 ? "table" : "chart");
}

/* The page asked for is the one shown, and no longer fading in. */
static gboolean
view_shown (InputBench *bench,
            guint       repeat)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (bench->view));

  return !gtk_stack_get_transition_running (stack) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), repeat % 2 == 0 ? "table" : "chart") == 0;
}

static void dialog_after_paint_cb (GdkFrameClock *clock,
                                   InputBench    *bench);

static void
open_export_dialog (InputBench *bench,
                    guint       repeat)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  activate (bench, "win.export", NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && bench->dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (bench->window) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        bench->dialog = toplevel;
    }
  if (bench->dialog == NULL || !gtk_widget_get_realized (GTK_WIDGET (bench->dialog)))
    fail ("no export dialog");
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->dialog)), "after-paint",
                    G_CALLBACK (dialog_after_paint_cb), bench);
}

static const Input inputs[] = {
  { "region-list", pick_in_list, NULL },
  { "region-chart", pick_on_chart, NULL },
  { "chart-kind", switch_kind, NULL },
  { "period", step_period, NULL },
  { "chart-table", switch_view, view_shown },
  { "export-dialog", open_export_dialog, NULL },
};

static void
append_times (GString    *json,
              const char *name,
              GArray     *times)
{
  g_string_append_printf (json, "\"%s\":[", name);
  for (guint i = 0; i < times->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (times, gint64, i));
  g_string_append_c (json, ']');
}

/* The floor: GTK's drawing of the window's nodes as they are, into a
 * surface of the window's size made for it, as a frame's damage is. */
static void
append_window_draws (InputBench *bench)
{
  GtkWidget *window = GTK_WIDGET (bench->window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (GtkWidget *child = gtk_widget_get_first_child (window); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (window, child, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    fail ("the window has no nodes to draw");

  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = reel_frame_bench_get_thread_cpu_time ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                             gtk_widget_get_width (window),
                                                             gtk_widget_get_height (window));
      cairo_t *cr = cairo_create (surface);
      gint64 time, cpu;

      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      time = g_get_monotonic_time () - start;
      cpu = reel_frame_bench_get_thread_cpu_time () - cpu_start;
      g_array_append_val (times, time);
      g_array_append_val (cpu_times, cpu);
    }

  g_string_append (bench->json, ",\"window-draw\":{");
  append_times (bench->json, "times", times);
  g_string_append_c (bench->json, ',');
  append_times (bench->json, "cpu", cpu_times);
  g_string_append_c (bench->json, '}');
}

static G_NORETURN void
report (InputBench *bench)
{
  append_window_draws (bench);
  g_string_append_c (bench->json, '}');
  printf ("interactions %s\n", bench->json->str);
  fflush (stdout);
  _exit (0);
}

static gboolean make_input_cb (gpointer user_data);

static gboolean
no_frame_cb (gpointer user_data)
{
  fail ("an input showed no frame");
}

static void
next_input (InputBench *bench)
{
  if (++bench->repeat == REPEATS)
    {
      g_string_append_printf (bench->json, "%s\"%s\":{", bench->input > 0 ? "," : "",
                              inputs[bench->input].name);
      append_times (bench->json, "times", bench->times);
      g_string_append_c (bench->json, ',');
      append_times (bench->json, "cpu", bench->cpu_times);
      g_string_append_c (bench->json, '}');
      g_array_set_size (bench->times, 0);
      g_array_set_size (bench->cpu_times, 0);
      bench->repeat = 0;
      if (++bench->input == G_N_ELEMENTS (inputs))
        report (bench);
      /* Each input starts from the Revenue chart, as the first did. */
      activate (bench, "win.chart-kind", "s", "revenue");
      activate (bench, "win.view", "s", "chart");
    }
  g_timeout_add (PAUSE_MS, make_input_cb, bench);
}

/* The end of the frame that shows the input. */
static void
frame_shown (InputBench *bench)
{
  gint64 time = g_get_monotonic_time () - bench->start;
  gint64 cpu = reel_frame_bench_get_thread_cpu_time () - bench->cpu_start;

  bench->waiting = FALSE;
  g_clear_handle_id (&bench->frame_timer, g_source_remove);
  g_array_append_val (bench->times, time);
  g_array_append_val (bench->cpu_times, cpu);
}

static void
close_dialog_cb (gpointer user_data)
{
  InputBench *bench = user_data;

  /* As Escape or Cancel close it. */
  gtk_window_close (g_steal_pointer (&bench->dialog));
  next_input (bench);
}

static void
dialog_after_paint_cb (GdkFrameClock *clock,
                       InputBench    *bench)
{
  if (!bench->waiting)
    return;

  frame_shown (bench);
  g_signal_handlers_disconnect_by_func (clock, dialog_after_paint_cb, bench);
  g_idle_add_once (close_dialog_cb, bench);
}

static void
after_paint_cb (GdkFrameClock *clock,
                InputBench    *bench)
{
  if (!bench->waiting || bench->dialog != NULL ||
      (inputs[bench->input].shown != NULL && !inputs[bench->input].shown (bench, bench->repeat)))
    return;

  frame_shown (bench);
  next_input (bench);
}

static gboolean
make_input_cb (gpointer user_data)
{
  InputBench *bench = user_data;

  bench->waiting = TRUE;
  bench->start = g_get_monotonic_time ();
  bench->cpu_start = reel_frame_bench_get_thread_cpu_time ();
  bench->frame_timer = g_timeout_add_seconds (FRAME_WAIT_S, no_frame_cb, bench);
  inputs[bench->input].make (bench, bench->repeat);

  return G_SOURCE_REMOVE;
}

static gboolean
start_cb (gpointer user_data)
{
  InputBench *bench = user_data;

  bench->list = find_descendant (GTK_WIDGET (bench->window), REEL_TYPE_REGION_LIST);
  bench->view = find_descendant (GTK_WIDGET (bench->window), REEL_TYPE_CHART_VIEW);
  if (bench->list == NULL || bench->view == NULL)
    fail ("no region list or chart view");
  activate (bench, "win.chart-kind", "s", "revenue");
  g_timeout_add (SETTLE_MS, make_input_cb, bench);

  return G_SOURCE_REMOVE;
}

static void
dataset_cb (ReelWindow *window,
            GParamSpec *pspec,
            InputBench *bench)
{
  static gboolean started;

  if (started || reel_window_get_dataset (window) == NULL)
    return;
  started = TRUE;
  g_timeout_add (SETTLE_MS, start_cb, bench);
}

static void
realize_cb (GtkWidget  *window,
            InputBench *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), bench);
}

static gboolean
timeout_cb (gpointer user_data)
{
  fail ("the inputs did not finish in time");
}

void
reel_frame_bench_watch_inputs (ReelWindow *window)
{
  static gboolean done;
  InputBench *bench;

  g_return_if_fail (REEL_IS_WINDOW (window));

  if (done || g_strcmp0 (g_getenv ("REELSCOPE_BENCH_INTERACTIONS"), "1") != 0)
    return;
  done = TRUE;

  /* Lives as long as the process, which it ends. */
  bench = g_new0 (InputBench, 1);
  bench->window = window;
  bench->json = g_string_new ("{");
  bench->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_WIDTH, BENCH_HEIGHT);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
  g_signal_connect (window, "notify::dataset", G_CALLBACK (dataset_cb), bench);
  g_timeout_add_seconds (TIMEOUT_S, timeout_cb, bench);
}
