/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "reel-chart-layout-private.h"
#include "reel-chart-render.h"
#include "reel-chart-tween.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"

/* The frames between two years of a chart (reel-chart-tween.c): at 0 they
 * are the year before, at 1 the year after, and in between each bar is
 * on its way from one to the other (on Trend, its time cursor); kinds,
 * sizes and the Map, which have no transition, draw the year after. On the bundled dataset, whose
 * Revenue has figures for 2024, 2025 and 2026. */

#define WIDTH  800
#define HEIGHT 600

static ReelChartLayout *
lay_out (ReelDataset   *dataset,
         ReelChartKind  kind,
         guint          year,
         double         width)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  return reel_chart_layout_new (dataset, kind, year, NULL, theme, width, HEIGHT, 1);
}

typedef void (*DrawFunc) (cairo_t *cr, gpointer data);

typedef struct {
  ReelChartLayout *from;
  ReelChartLayout *to;
  double           progress;
} Frame;

static void
draw_frame (cairo_t  *cr,
            gpointer  data)
{
  Frame *frame = data;

  reel_chart_render_between (frame->from, frame->to, frame->progress, NULL, cr);
}

static void
draw_layout (cairo_t  *cr,
             gpointer  data)
{
  reel_chart_render (data, NULL, cr);
}

static cairo_surface_t *
paint (DrawFunc draw,
       gpointer data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw (cr, data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The share of pixels that differ between @a and @b. */
static double
differing (cairo_surface_t *a,
           cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint32 *pa, *pb;
  guint n = 0;

  for (int y = 0; y < HEIGHT; y++)
    {
      pa = (const guint32 *) (cairo_image_surface_get_data (a) + y * stride);
      pb = (const guint32 *) (cairo_image_surface_get_data (b) + y * stride);
      for (int x = 0; x < WIDTH; x++)
        n += pa[x] != pb[x];
    }

  return (double) n / (WIDTH * HEIGHT);
}

/* The first bar drawn in the world's colour. */
static const ReelChartRect *
world_bar (ReelChartLayout *layout)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_RECT && shape->ink == REEL_CHART_INK_WORLD)
        return &shape->rect.box;
    }

  g_assert_not_reached ();
}

/* Whether the row through @y has ink of the world's bar at @x: dark grey
 * on the light theme, where the chart is otherwise white or text. */
static gboolean
has_bar_at (cairo_surface_t *surface,
            double           x,
            double           y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) +
                      (int) y * cairo_image_surface_get_stride (surface);
  guint32 pixel = ((const guint32 *) row)[(int) x];

  return (pixel & 0xffffff) != 0xffffff;
}

static void
test_tween_ends (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) from = lay_out (dataset, REEL_CHART_REVENUE, 2024, WIDTH);
  g_autoptr(ReelChartLayout) to = lay_out (dataset, REEL_CHART_REVENUE, 2025, WIDTH);
  Frame start = { from, to, 0 }, end = { from, to, 1 };
  cairo_surface_t *before = paint (draw_layout, from);
  cairo_surface_t *after = paint (draw_layout, to);
  cairo_surface_t *first = paint (draw_frame, &start);
  cairo_surface_t *last = paint (draw_frame, &end);

  g_assert_true (reel_chart_can_tween (from, to));
  /* the last frame is the year after, exactly */
  g_assert_cmpfloat (differing (last, after), ==, 0);
  /* the first is the year before: the same shapes, the grid under the
   * bars as laid out, so at most a few antialiased pixels differ */
  g_assert_cmpfloat (differing (first, before), <, 0.001);
  g_assert_cmpfloat (differing (before, after), >, 0.01);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (first);
  cairo_surface_destroy (last);
}

/* Halfway, the world's bar is halfway between where it was and where it
 * goes: its end, and its row. */
static void
test_tween_halfway (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) from = lay_out (dataset, REEL_CHART_REVENUE, 2025, WIDTH);
  g_autoptr(ReelChartLayout) to = lay_out (dataset, REEL_CHART_REVENUE, 2026, WIDTH);
  const ReelChartRect *before = world_bar (from), *after = world_bar (to);
  Frame middle = { from, to, 0.5 };
  cairo_surface_t *frame;
  double end_before = before->x + before->width, end_after = after->x + after->width;
  double halfway = (end_before + end_after) / 2;
  double y = (before->y + before->height / 2 + after->y + after->height / 2) / 2;

  /* the two years' world bars end more than a few pixels apart */
  g_assert_cmpfloat (ABS (end_after - end_before), >, 8);

  frame = paint (draw_frame, &middle);
  g_assert_true (has_bar_at (frame, halfway - 3, y));
  g_assert_false (has_bar_at (frame, halfway + 3, y));
  cairo_surface_destroy (frame);
}

static void
test_tween_none (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) revenue = lay_out (dataset, REEL_CHART_REVENUE, 2025, WIDTH);
  g_autoptr(ReelChartLayout) share = lay_out (dataset, REEL_CHART_SHARE, 2025, WIDTH);
  g_autoptr(ReelChartLayout) narrower = lay_out (dataset, REEL_CHART_REVENUE, 2024, WIDTH - 100);
  g_autoptr(ReelChartLayout) map_before = lay_out (dataset, REEL_CHART_MAP, 2024, WIDTH);
  g_autoptr(ReelChartLayout) map_after = lay_out (dataset, REEL_CHART_MAP, 2025, WIDTH);
  Frame map_frame = { map_before, map_after, 0.3 };
  cairo_surface_t *frame, *after;

  g_assert_false (reel_chart_can_tween (revenue, share));
  g_assert_false (reel_chart_can_tween (narrower, revenue));
  g_assert_false (reel_chart_can_tween (map_before, map_after));

  /* with none, any frame is the year after */
  frame = paint (draw_frame, &map_frame);
  after = paint (draw_layout, map_after);
  g_assert_cmpfloat (differing (frame, after), ==, 0);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (after);
}

static guint32
pixel_at (cairo_surface_t     *surface,
          const ReelChartRect *rect)
{
  const guint8 *row = cairo_image_surface_get_data (surface) +
                      (int) (rect->y + rect->height / 2) * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[(int) (rect->x + rect->width / 2)];
}

/* The marker of Trend's point whose tooltip names @month. */
static const ReelChartRect *
month_point (ReelChartLayout *layout,
             const char      *month)
{
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (strstr (mark->tooltip, month) != NULL)
        return &mark->rect;
    }

  g_assert_not_reached ();
}

/* Trend's cursor from none (every point in full) to April 2025, the
 * first month: halfway, the points left of the sweep are drawn as at
 * April (faint), those right of it as before (in full). */
static void
test_tween_cursor (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartLayout) whole = lay_out (dataset, REEL_CHART_TREND, 0, WIDTH);
  g_autoptr(ReelChartLayout) april =
    reel_chart_layout_new_at_cursor (dataset, REEL_CHART_TREND, REEL_CHART_METRIC_REVENUE, 0,
                                     2025 * 12 + 3, NULL, theme, WIDTH, HEIGHT, 1);
  Frame frame = { whole, april, 0.5 };
  cairo_surface_t *before = paint (draw_layout, whole);
  cairo_surface_t *after = paint (draw_layout, april);
  cairo_surface_t *halfway = paint (draw_frame, &frame);
  double sweep = (_reel_chart_layout_get_cursor_x (whole) +
                  _reel_chart_layout_get_cursor_x (april)) / 2;
  const ReelChartRect *july = month_point (april, "Jul 2025");
  const ReelChartRect *november = month_point (april, "Nov 2025");

  g_assert_cmpfloat (_reel_chart_layout_get_cursor_x (whole), ==, WIDTH);
  g_assert_cmpfloat (july->x + july->width, <, sweep);
  g_assert_cmpfloat (november->x, >, sweep);
  g_assert_cmphex (pixel_at (before, july), !=, pixel_at (after, july));
  g_assert_cmphex (pixel_at (halfway, july), ==, pixel_at (after, july));
  g_assert_cmphex (pixel_at (before, november), !=, pixel_at (after, november));
  g_assert_cmphex (pixel_at (halfway, november), ==, pixel_at (before, november));
  g_assert_cmpfloat (differing (halfway, before), >, 0);
  g_assert_cmpfloat (differing (halfway, after), >, 0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (halfway);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/tween/ends", test_tween_ends);
  g_test_add_func ("/chart/tween/halfway", test_tween_halfway);
  g_test_add_func ("/chart/tween/none", test_tween_none);
  g_test_add_func ("/chart/tween/cursor", test_tween_cursor);

  return g_test_run ();
}
