/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "reel-chart-export.h"
#include "reel-chart-layout.h"
#include "reel-chart-render.h"
#include "reel-dataset-loader.h"

/* A redraw as the window does it when the data, size or scale changes:
 * lay the chart out and render it into an image surface, here 1600 × 1000
 * at 1x. Prints one line per chart kind: the median, 10th and 90th
 * percentile in milliseconds over N runs, after a warm-up that loads the
 * fonts. `build-aux/bench-charts.sh` runs it; it is not a test.
 *
 *   bench-charts FILE [RUNS] [WIDTH HEIGHT SCALE]
 *   bench-charts --png-levels FILE   (PNG encoding by zlib level and filter)
 *   bench-charts --cairo-png FILE OUT SCALE
 *                      (the revenue chart at 1600 × 1000 as `reelscope --export`
 *                      draws it, written by cairo_surface_write_to_png(): the
 *                      benchmark's measure of cairo's own PNG encoding)
 */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static ReelDataset *
load (const char *path,
      double     *seconds)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, &error);

  *seconds = (g_get_monotonic_time () - start) / 1e6;
  if (dataset == NULL)
    {
      g_printerr ("%s: %s\n", path, error != NULL ? error->message : "cannot load");
      exit (1);
    }
  return dataset;
}

static int
bench_png_levels (const char *path)
{
  double seconds;
  g_autoptr(ReelDataset) dataset = load (path, &seconds);
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  /* The encoder's level and filter are compile-time constants; this
   * measures the export as built, per kind, for the report. */
  for (ReelChartKind kind = REEL_CHART_REVENUE; kind <= REEL_CHART_PLATFORMS; kind++)
    for (double scale = 1; scale <= 2; scale++)
      {
        g_autoptr(ReelChartLayout) layout = reel_chart_layout_new (dataset, kind, 0, NULL, theme, 1200, 800, scale);
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GBytes) bytes = NULL;
        double ms;

        for (int i = 0; i < 10; i++)
          {
            g_clear_pointer (&bytes, g_bytes_unref);
            bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, NULL);
          }
        ms = (g_get_monotonic_time () - start) / 10e3;
        printf ("png %-8s %gx  %7.2f ms  %8zu bytes\n", reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind), scale,
                ms, g_bytes_get_size (bytes));
      }

  return 0;
}

static int
bench_cairo_png (const char *path,
                 const char *out,
                 double      scale)
{
  double seconds;
  g_autoptr(ReelDataset) dataset = load (path, &seconds);
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartLayout) layout = reel_chart_layout_new (dataset, REEL_CHART_REVENUE, 0, NULL, theme,
                                                             1600, 1000, scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (1600 * scale),
                                                         (int) (1000 * scale));
  cairo_status_t status;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  reel_chart_render (layout, NULL, cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, out);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("%s: %s\n", out, cairo_status_to_string (status));
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(ReelChartTheme) theme = NULL;
  double width = 1600, height = 1000, scale = 1, seconds;
  int runs = 200;
  cairo_surface_t *surface;

  setlocale (LC_ALL, "");
  if (argc >= 3 && g_str_equal (argv[1], "--png-levels"))
    return bench_png_levels (argv[2]);
  if (argc >= 5 && g_str_equal (argv[1], "--cairo-png"))
    return bench_cairo_png (argv[2], argv[3], g_ascii_strtod (argv[4], NULL));
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS] [WIDTH HEIGHT SCALE]\n", argv[0]);
      return 2;
    }
  if (argc >= 3)
    runs = MAX (1, atoi (argv[2]));
  if (argc >= 6)
    {
      width = g_ascii_strtod (argv[3], NULL);
      height = g_ascii_strtod (argv[4], NULL);
      scale = g_ascii_strtod (argv[5], NULL);
    }

  dataset = load (argv[1], &seconds);
  theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  printf ("# %s: %" G_GUINT64_FORMAT " records, loaded in %.2f s; %gx%g@%g, %d runs\n", argv[1],
          reel_dataset_get_n_records (dataset), seconds, width, height, scale, runs);

  for (ReelChartKind kind = REEL_CHART_REVENUE; kind <= REEL_CHART_PLATFORMS; kind++)
    {
      g_autofree double *times = NULL;
      g_autofree double *layout_times = NULL;
      const char *only = g_getenv ("REEL_BENCH_KIND");

      /* REEL_BENCH_KIND=trend: one kind, for a profiler. */
      if (only != NULL && g_strcmp0 (only, reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind)) != 0)
        continue;

      times = g_new (double, runs);
      layout_times = g_new (double, runs);

      for (int i = -10; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time (), laid_out;
          g_autoptr(ReelChartLayout) layout = reel_chart_layout_new (dataset, kind, 0, NULL, theme, width, height,
                                                                     scale);
          cairo_t *cr;

          laid_out = g_get_monotonic_time ();
          cr = cairo_create (surface);
          reel_chart_render (layout, NULL, cr);
          cairo_destroy (cr);
          cairo_surface_flush (surface);

          if (i >= 0)
            {
              times[i] = (g_get_monotonic_time () - start) / 1e3;
              layout_times[i] = (laid_out - start) / 1e3;
            }
        }

      qsort (times, runs, sizeof (double), compare_doubles);
      qsort (layout_times, runs, sizeof (double), compare_doubles);
      printf ("%-8s median %6.3f ms  p10 %6.3f  p90 %6.3f  (layout median %6.3f ms)\n",
              reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind), times[runs / 2], times[runs / 10],
              times[runs * 9 / 10], layout_times[runs / 2]);
    }

  cairo_surface_destroy (surface);
  return 0;
}
