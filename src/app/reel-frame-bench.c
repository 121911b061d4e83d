/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-frame-bench"

#include "config.h"

#include "reel-frame-bench.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* The benchmark hooks of build-aux/bench.sh, built only with -Dbench=true.
 * They watch the window from outside, through its signals and public API
 * (REELSCOPE_EXIT_AFTER_FIRST_FRAME, below, times the start-up).
 *
 * REELSCOPE_BENCH_FRAMES_WHILE_LOADING=FILE (tests/bench/run-bench.py,
 * "Frames while loading"): how well the main
 * thread keeps up while the first window loads FILE. A benchmark hook, not
 * a feature: nothing of it shows, and the process exits as soon as it has
 * printed its figures.
 *
 *  - `reelscope FILE`: the window is empty and opens FILE; measured from
 *    the end of its first frame (which the start-up benchmark times), or
 *    not at all (no frames) when FILE has loaded before that.
 *  - `reelscope`: once the bundled dataset has been painted and the window
 *    has settled, the hook opens FILE itself, as Open or a drop would, and
 *    measures from there.
 *
 * Until the end of the first frame that shows FILE's dataset whole, the
 * region panels included (they follow the chart by a frame), inclusive, it
 * records how long each frame of the window's GdkFrameClock took (from
 * ::before-paint to ::after-paint: update, layout and paint), the interval
 * between frames, and the longest stall of the main loop: a G_PRIORITY_HIGH
 * timeout of 1 ms that measures how late it runs, which catches work done
 * outside frames (the dataset swap runs in the load's callback) as well as
 * long frames. It then prints one line, `frames-while-loading JSON`, with
 * times in microseconds, and exits with 0; with 1 if FILE does not load. */

#define TICK_MS          1
#define SETTLE_MS        500
#define TIMEOUT_S        300
#define LONG_US          8000     /* frames and stalls listed one by one */
#define MAX_LISTED       32

typedef enum {
  STATE_FIRST_FRAME,
  STATE_SETTLING,
  STATE_LOADING,
  STATE_SHOWN,
} State;

typedef struct {
  gint64 at;          /* since the load started */
  gint64 length;
} Span;

/* A long frame, how long its update, layout and paint phases took, and
 * the CPU time of the main thread in it: a frame much longer than its CPU
 * time waited for a core (other processes, the loader's thread). */
typedef struct {
  gint64 at;
  gint64 length;
  gint64 phases[3];
  gint64 cpu;
} LongFrame;

enum { PHASE_UPDATE, PHASE_LAYOUT, PHASE_PAINT, N_PHASES };

typedef struct {
  ReelWindow    *window;
  GFile         *file;
  State          state;
  const char    *from;            /* "empty" or "dataset" */
  gint64         start;
  gint64         shown;           /* when FILE's dataset was set */
  gint64         frame_start;     /* ::before-paint of the frame in progress, else 0 */
  gint64         phase_end[N_PHASES];
  gint64         frame_cpu_start;
  GArray        *cpu_times;       /* of gint64: each frame's CPU time */
  gint64         last_paint;
  gint64         last_tick;
  GArray        *durations;       /* of gint64 */
  GArray        *intervals;       /* of gint64 */
  GArray        *long_frames;     /* of LongFrame */
  GArray        *long_stalls;     /* of Span */
  Span           stall;
  guint          tick;
  guint          settle;
} FrameBench;

/* The CPU time of the calling thread, in microseconds. */
gint64
reel_frame_bench_get_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* The nearest-rank percentile of sorted values. */
static gint64
get_percentile (GArray *sorted,
                guint   percentile)
{
  guint rank;

  if (sorted->len == 0)
    return 0;

  rank = MAX (1, (percentile * sorted->len + 99) / 100);
  return g_array_index (sorted, gint64, MIN (rank, sorted->len) - 1);
}

/* For g_array_sort() of gint64 times. */
int
reel_frame_bench_compare_times (gconstpointer a,
                                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
append_spans (GString    *json,
              const char *name,
              GArray     *spans)
{
  g_string_append_printf (json, ",\"%s\":[", name);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                              i > 0 ? "," : "", span->at, span->length);
    }
  g_string_append_c (json, ']');
}

static void
note_span (GArray *spans,
           gint64  at,
           gint64  length)
{
  Span span = { at, length };

  if (length >= LONG_US && spans->len < MAX_LISTED)
    g_array_append_val (spans, span);
}

static G_NORETURN void
report (FrameBench *bench)
{
  g_autoptr(GString) json = g_string_new (NULL);
  guint over = 0;

  g_array_sort (bench->durations, reel_frame_bench_compare_times);
  g_array_sort (bench->intervals, reel_frame_bench_compare_times);
  g_array_sort (bench->cpu_times, reel_frame_bench_compare_times);
  for (guint i = 0; i < bench->durations->len; i++)
    over += g_array_index (bench->durations, gint64, i) > 16000;

  g_string_append_printf (json, "{\"from\":\"%s\",\"frames\":%u", bench->from, bench->durations->len);
  g_string_append_printf (json, ",\"median\":%" G_GINT64_FORMAT, get_percentile (bench->durations, 50));
  g_string_append_printf (json, ",\"p95\":%" G_GINT64_FORMAT, get_percentile (bench->durations, 95));
  g_string_append_printf (json, ",\"p99\":%" G_GINT64_FORMAT, get_percentile (bench->durations, 99));
  g_string_append_printf (json, ",\"max\":%" G_GINT64_FORMAT, get_percentile (bench->durations, 100));
  g_string_append_printf (json, ",\"over_16ms\":%u", over);
  g_string_append_printf (json, ",\"cpu_median\":%" G_GINT64_FORMAT ",\"cpu_max\":%" G_GINT64_FORMAT,
                          get_percentile (bench->cpu_times, 50), get_percentile (bench->cpu_times, 100));
  g_string_append_printf (json, ",\"interval_median\":%" G_GINT64_FORMAT,
                          get_percentile (bench->intervals, 50));
  g_string_append_printf (json, ",\"interval_max\":%" G_GINT64_FORMAT,
                          get_percentile (bench->intervals, 100));
  g_string_append_printf (json, ",\"stall\":%" G_GINT64_FORMAT ",\"stall_at\":%" G_GINT64_FORMAT,
                          bench->stall.length, bench->stall.at);
  g_string_append_printf (json, ",\"loaded\":%" G_GINT64_FORMAT ",\"shown\":%" G_GINT64_FORMAT,
                          bench->shown - bench->start, g_get_monotonic_time () - bench->start);
  g_string_append (json, ",\"long_frames\":[");
  for (guint i = 0; i < bench->long_frames->len; i++)
    {
      const LongFrame *frame = &g_array_index (bench->long_frames, LongFrame, i);

      g_string_append_printf (json, "%s[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                              ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                              i > 0 ? "," : "", frame->at, frame->length, frame->phases[PHASE_UPDATE],
                              frame->phases[PHASE_LAYOUT], frame->phases[PHASE_PAINT], frame->cpu);
    }
  g_string_append_c (json, ']');
  append_spans (json, "long_stalls", bench->long_stalls);
  g_string_append_c (json, '}');

  printf ("frames-while-loading %s\n", json->str);
  fflush (stdout);
  _exit (0);
}

static G_NORETURN void
fail (const char *why)
{
  fprintf (stderr, "frames-while-loading: %s\n", why);
  fflush (stderr);
  _exit (1);
}

static gboolean
tick_cb (gpointer user_data)
{
  FrameBench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 late = now - bench->last_tick - TICK_MS * 1000;

  note_span (bench->long_stalls, bench->last_tick - bench->start, late);
  if (late > bench->stall.length)
    bench->stall = (Span) { bench->last_tick - bench->start, late };
  bench->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
begin (FrameBench *bench,
       const char *from)
{
  GSource *source;

  bench->from = from;
  bench->state = STATE_LOADING;
  bench->start = bench->last_tick = bench->last_paint = g_get_monotonic_time ();
  bench->frame_start = 0;
  bench->stall = (Span) { 0, 0 };
  g_array_set_size (bench->durations, 0);
  g_array_set_size (bench->intervals, 0);
  g_array_set_size (bench->cpu_times, 0);
  g_array_set_size (bench->long_frames, 0);
  g_array_set_size (bench->long_stalls, 0);

  if (bench->tick == 0)
    {
      /* Above input, redraws and the load's own callbacks: it runs as soon
       * as the loop gets back to polling. */
      source = g_timeout_source_new (TICK_MS);
      g_source_set_priority (source, G_PRIORITY_HIGH);
      g_source_set_callback (source, tick_cb, bench, NULL);
      g_source_set_static_name (source, "[reelscope] frame bench tick");
      bench->tick = g_source_attach (source, NULL);
      g_source_unref (source);
    }
}

static gboolean
settle_cb (gpointer user_data)
{
  FrameBench *bench = user_data;

  bench->settle = 0;
  begin (bench, "dataset");
  reel_window_open (bench->window, bench->file);

  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  fail ("no frame showed the file in time");
}

static gboolean
shows_file (FrameBench *bench)
{
  ReelDataset *dataset = reel_window_get_dataset (bench->window);

  return dataset != NULL && g_file_equal (reel_dataset_get_file (dataset), bench->file);
}

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameBench    *bench)
{
  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = reel_frame_bench_get_thread_cpu_time ();
  for (guint i = 0; i < N_PHASES; i++)
    bench->phase_end[i] = bench->frame_start;
}

/* Connected after GTK's own handlers (the window's realize connects
 * them first): these mark where each phase ended. */
static void
phase_end_cb (GdkFrameClock *clock,
              gint64        *end)
{
  *end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameBench    *bench)
{
  gint64 now = g_get_monotonic_time ();

  switch (bench->state)
    {
    case STATE_FIRST_FRAME:
      /* An empty window, loading its file. If it opens the bundled dataset
       * instead, dataset_cb starts again from that. */
      begin (bench, "empty");
      if (shows_file (bench))
        {
          bench->shown = bench->start;
          report (bench);
        }
      return;

    case STATE_SETTLING:
      if (bench->settle == 0 && reel_window_get_dataset (bench->window) != NULL)
        bench->settle = g_timeout_add (SETTLE_MS, settle_cb, bench);
      return;

    case STATE_LOADING:
    case STATE_SHOWN:
    default:
      break;
    }

  /* A frame that began before the load did is not counted. */
  if (bench->frame_start != 0)
    {
      gint64 duration = now - bench->frame_start;
      gint64 interval = now - bench->last_paint;
      gint64 cpu = reel_frame_bench_get_thread_cpu_time () - bench->frame_cpu_start;

      g_array_append_val (bench->durations, duration);
      g_array_append_val (bench->intervals, interval);
      g_array_append_val (bench->cpu_times, cpu);
      if (duration >= LONG_US && bench->long_frames->len < MAX_LISTED)
        {
          LongFrame frame = { bench->frame_start - bench->start, duration, { 0, }, cpu };
          gint64 previous = bench->frame_start;

          /* A phase that did not run ends where the one before it did. */
          for (guint i = 0; i < N_PHASES; i++)
            {
              bench->phase_end[i] = MAX (bench->phase_end[i], previous);
              frame.phases[i] = bench->phase_end[i] - previous;
              previous = bench->phase_end[i];
            }
          g_array_append_val (bench->long_frames, frame);
        }
    }
  bench->last_paint = now;
  bench->frame_start = 0;

  if (bench->state == STATE_SHOWN && !reel_window_get_loading (bench->window))
    {
      /* The stall that this frame may have ended. */
      tick_cb (bench);
      report (bench);
    }

  /* Done loading, and showing another dataset or none: its problems. */
  if (bench->state == STATE_LOADING && !reel_window_get_loading (bench->window) &&
      !shows_file (bench))
    fail ("the file did not load");
}

static void
dataset_cb (ReelWindow *window,
            GParamSpec *pspec,
            FrameBench *bench)
{
  if (shows_file (bench))
    {
      if (bench->state == STATE_LOADING)
        {
          bench->shown = g_get_monotonic_time ();
          bench->state = STATE_SHOWN;
        }
      return;
    }

  /* Another dataset (the bundled one): measure from that, once painted. */
  bench->state = STATE_SETTLING;
  g_clear_handle_id (&bench->tick, g_source_remove);
}

static void
realize_cb (GtkWidget  *window,
            FrameBench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), bench);
  g_signal_connect (clock, "update", G_CALLBACK (phase_end_cb), &bench->phase_end[PHASE_UPDATE]);
  g_signal_connect (clock, "layout", G_CALLBACK (phase_end_cb), &bench->phase_end[PHASE_LAYOUT]);
  g_signal_connect (clock, "paint", G_CALLBACK (phase_end_cb), &bench->phase_end[PHASE_PAINT]);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);
}

/* REELSCOPE_EXIT_AFTER_FIRST_FRAME: once the first window has painted its
 * first frame ("1"), its first frame with the dataset loaded ("dataset":
 * the chart and the list), or its first with the region panels filled too
 * ("complete"), print `first-frame MICROSECONDS` (the monotonic clock, as
 * g_get_monotonic_time() and Python's time.monotonic() read it) and exit at
 * once: nothing is saved, no window state, no recent file. */
static void
first_frame_after_paint_cb (GdkFrameClock *clock,
                            ReelWindow    *window)
{
  const char *mode = g_getenv ("REELSCOPE_EXIT_AFTER_FIRST_FRAME");
  gboolean has_dataset = reel_window_get_dataset (window) != NULL;

  if (g_strcmp0 (mode, "dataset") == 0 && !has_dataset)
    return;
  if (g_strcmp0 (mode, "complete") == 0 && (!has_dataset || reel_window_get_loading (window)))
    return;

  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
first_frame_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_after_paint_cb), window);
}

static void
watch_first_frame (ReelWindow *window)
{
  static gboolean done;
  const char *mode = g_getenv ("REELSCOPE_EXIT_AFTER_FIRST_FRAME");

  if (done || mode == NULL || mode[0] == '\0')
    return;
  done = TRUE;

  g_signal_connect (window, "realize", G_CALLBACK (first_frame_realize_cb), NULL);
}

static void
watch_frames_while_loading (ReelWindow *window)
{
  static gboolean done;
  const char *path = g_getenv ("REELSCOPE_BENCH_FRAMES_WHILE_LOADING");
  FrameBench *bench;

  if (done || path == NULL || path[0] == '\0')
    return;
  done = TRUE;

  /* Lives as long as the process, which it ends. */
  bench = g_new0 (FrameBench, 1);
  bench->window = window;
  bench->file = g_file_new_for_commandline_arg (path);
  bench->durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->cpu_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->long_frames = g_array_new (FALSE, FALSE, sizeof (LongFrame));
  bench->long_stalls = g_array_new (FALSE, FALSE, sizeof (Span));

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), bench);
  g_signal_connect (window, "notify::dataset", G_CALLBACK (dataset_cb), bench);
  g_timeout_add_seconds (TIMEOUT_S, timeout_cb, bench);
}

/* Called for each new window before it is shown: the first one is watched
 * by the hooks that the environment asks for. */
void
reel_frame_bench_watch (ReelWindow *window)
{
  g_return_if_fail (REEL_IS_WINDOW (window));
  g_return_if_fail (!gtk_widget_get_realized (GTK_WIDGET (window)));

  watch_first_frame (window);
  watch_frames_while_loading (window);
  reel_frame_bench_watch_play (window);
  reel_frame_bench_watch_inputs (window);
}
