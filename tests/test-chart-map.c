/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "reel-chart-layout-private.h"
#include "reel-chart-layout.h"
#include "reel-chart-render.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"
#include "reel-world-geometry.h"

/* The Map: its countries (data/world-110m.reelgeo, which the test
 * environment's REELSCOPE_DATA_DIR points at), the reader's refusal of a
 * damaged file, and the layout's marks and hit-testing on the bundled
 * dataset. */

/* Equal Earth's plane for a sphere of radius 1 */
#define PLANE_HALF_WIDTH  2.7066
#define PLANE_HALF_HEIGHT 1.3173

static ReelWorldGeometry *
get_geometry (void)
{
  g_autoptr(GError) error = NULL;
  ReelWorldGeometry *geometry = reel_world_geometry_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (geometry);
  return geometry;
}

static GBytes *
read_file (void)
{
  g_autofree char *path = reel_world_geometry_dup_path ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The file: small, every country once and in order, inside the plane, and
 * nothing across the antimeridian but Antarctica's ring around the pole. */
static void
test_geometry_file (void)
{
  ReelWorldGeometry *geometry = get_geometry ();
  g_autoptr(GBytes) bytes = read_file ();
  guint n = reel_world_geometry_get_n_countries (geometry);
  ReelChartRect bounds;
  const ReelWorldCountry *russia, *fiji;
  gboolean russia_east = FALSE, russia_west = FALSE;

  g_assert_cmpuint (g_bytes_get_size (bytes), <, 300 * 1024);
  g_assert_cmpuint (n, >=, 190);

  for (guint i = 0; i < n; i++)
    {
      const ReelWorldCountry *country = reel_world_geometry_get_country (geometry, i);

      g_assert_cmpuint (strlen (country->code), ==, 2);
      if (i > 0)
        g_assert_cmpstr (reel_world_geometry_get_country (geometry, i - 1)->code, <, country->code);
      g_assert_true (reel_world_geometry_find (geometry, country->code) == country);
      g_assert_cmpfloat (country->box.width, >, 0);

      /* A ring across the antimeridian, unsplit, would streak across the
   * world: only Antarctica's, closed along the pole, is as wide. */
      if (strcmp (country->code, "AQ") != 0)
        for (guint p = 0; p < country->n_polygons; p++)
          {
            const ReelWorldPolygon *polygon = reel_world_geometry_get_polygon (geometry,
                                                                               country->first_polygon + p);

            g_assert_cmpfloat (polygon->box.width, <, PLANE_HALF_WIDTH);
          }
    }

  reel_world_geometry_get_bounds (geometry, TRUE, &bounds);
  g_assert_cmpfloat (bounds.x, >=, -PLANE_HALF_WIDTH - 1e-3);
  g_assert_cmpfloat (bounds.x + bounds.width, <=, PLANE_HALF_WIDTH + 1e-3);
  g_assert_cmpfloat (bounds.y, >=, -PLANE_HALF_HEIGHT - 1e-3);
  g_assert_cmpfloat (bounds.y + bounds.height, <=, PLANE_HALF_HEIGHT + 1e-3);
  g_assert_cmpfloat (bounds.width, >, 2 * PLANE_HALF_WIDTH - 0.2);

  /* Russia and Fiji cross the antimeridian: split, a piece on each side */
  russia = reel_world_geometry_find (geometry, "RU");
  fiji = reel_world_geometry_find (geometry, "FJ");
  g_assert_nonnull (russia);
  g_assert_nonnull (fiji);
  for (guint p = 0; p < russia->n_polygons; p++)
    {
      const ReelWorldPolygon *polygon = reel_world_geometry_get_polygon (geometry, russia->first_polygon + p);

      /* Chukotka, at 65° north, where 180° is 1.94 from the middle */
      russia_east |= polygon->box.x + polygon->box.width > 1.9;
      russia_west |= polygon->box.x < -1.9;
    }
  g_assert_true (russia_east && russia_west);
  g_assert_cmpfloat (fiji->box.width, >, 2 * PLANE_HALF_WIDTH - 0.3);

  /* the features without an ISO number, placed on purpose */
  g_assert_nonnull (reel_world_geometry_find (geometry, "XK"));
  g_assert_nonnull (reel_world_geometry_find (geometry, "GF"));
  g_assert_nonnull (reel_world_geometry_find (geometry, "EH"));
}

/* Every country the bundled dataset names, in a region or with figures
 * of its own, has a shape. */
static void
test_geometry_dataset_codes (void)
{
  ReelWorldGeometry *geometry = get_geometry ();
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  guint checked = 0;

  for (guint r = 0; r < regions->len; r++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, r);

      for (guint i = 0; region->countries != NULL && region->countries[i] != NULL; i++, checked++)
        if (reel_world_geometry_find (geometry, region->countries[i]) == NULL)
          g_error ("%s of %s has no shape", region->countries[i], region->id);
      for (guint i = 0; i < region->measures->len; i++)
        {
          const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);

          if (measure->country != NULL && reel_world_geometry_find (geometry, measure->country) == NULL)
            g_error ("%s, which has figures, has no shape", measure->country);
        }
    }
  g_assert_cmpuint (checked, >, 150);
}

/* Holes are outside: Lesotho's middle is in Lesotho, not in South Africa,
 * whose ring around it is a hole; the sea is in no country. */
static void
test_geometry_contains (void)
{
  ReelWorldGeometry *geometry = get_geometry ();
  const ReelWorldCountry *lesotho = reel_world_geometry_find (geometry, "LS");
  const ReelWorldCountry *south_africa = reel_world_geometry_find (geometry, "ZA");
  const ReelWorldPolygon *middle = reel_world_geometry_get_polygon (geometry, lesotho->largest);
  guint n = reel_world_geometry_get_n_countries (geometry);

  g_assert_true (reel_world_geometry_contains (geometry, lesotho, middle->centre_x, middle->centre_y));
  g_assert_false (reel_world_geometry_contains (geometry, south_africa, middle->centre_x, middle->centre_y));
  g_assert_true (south_africa->box.x < middle->centre_x &&
                 middle->centre_x < south_africa->box.x + south_africa->box.width);

  /* the middle of the Pacific, at the equator */
  for (guint i = 0; i < n; i++)
    g_assert_false (reel_world_geometry_contains (geometry, reel_world_geometry_get_country (geometry, i),
                                                  -2.2, 0));
}

static void
assert_damaged (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelWorldGeometry) geometry = reel_world_geometry_new_from_bytes (bytes, &error);

  g_assert_null (geometry);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

/* A damaged file is an error, never a crash or a read past its end (the
 * sanitizer builds run this): cut short anywhere, a wrong magic, a count
 * too large, a byte more, and bytes flipped at random (which may leave a
 * valid file, but must never be read wrongly). */
static void
test_geometry_damaged (void)
{
  g_autoptr(GBytes) bytes = read_file ();
  gsize size = g_bytes_get_size (bytes);
  const guint8 *data = g_bytes_get_data (bytes, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (gsize cut = 0; cut < size; cut += 1 + cut / 8)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);

      assert_damaged (part);
    }

  {
    g_autofree guint8 *copy = g_memdup2 (data, size + 1);
    g_autoptr(GBytes) longer = NULL, magic = NULL, count = NULL;

    copy[size] = 0;
    longer = g_bytes_new (copy, size + 1);
    assert_damaged (longer);

    copy[0] = 'X';
    magic = g_bytes_new (copy, size);
    assert_damaged (magic);

    copy[0] = data[0];
    copy[12] = 0xff;   /* the number of countries */
    copy[13] = 0xff;
    count = g_bytes_new (copy, size);
    assert_damaged (count);
  }

  for (guint round = 0; round < 200; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(ReelWorldGeometry) geometry = NULL;
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < 4; k++)
        copy[g_rand_int_range (rand, 8, (gint32) size)] ^= (guint8) g_rand_int_range (rand, 1, 256);
      flipped = g_bytes_new (copy, size);
      geometry = reel_world_geometry_new_from_bytes (flipped, &error);
      g_assert_true ((geometry == NULL) != (error == NULL));
    }
}

static ReelChartLayout *
lay_out_map (ReelDataset     *dataset,
             ReelChartMetric  metric,
             guint            year,
             double           width,
             double           height)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  return reel_chart_layout_new_for_metric (dataset, REEL_CHART_MAP, metric, year, NULL, theme,
                                           width, height, 1);
}

/* The centre of the largest polygon among @region's countries, in the
 * plane. */
static void
find_region_centre (ReelWorldGeometry *geometry,
                    const ReelRegion  *region,
                    double            *x,
                    double            *y)
{
  double largest = 0;

  for (guint i = 0; region->countries[i] != NULL; i++)
    {
      const ReelWorldCountry *country = reel_world_geometry_find (geometry, region->countries[i]);
      const ReelWorldPolygon *polygon = reel_world_geometry_get_polygon (geometry, country->largest);

      if (polygon->area > largest)
        {
          largest = polygon->area;
          *x = polygon->centre_x;
          *y = polygon->centre_y;
        }
    }
  g_assert_cmpfloat (largest, >, 0);
}

/* Hit-testing the centre of each region's largest polygon finds that
 * region, at two sizes and for 2024 (countries of their own) and 2025
 * (regions without a figure): the map's place on the chart is its plot
 * rectangle, the plane's bounds without Antarctica. */
static void
test_map_hit_test (void)
{
  ReelWorldGeometry *geometry = get_geometry ();
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  const double sizes[][2] = { { 1600, 1000 }, { 700, 900 } };
  ReelChartRect bounds;

  reel_world_geometry_get_bounds (geometry, FALSE, &bounds);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint year = 2024; year <= 2025; year++)
      {
        g_autoptr(ReelChartLayout) layout = lay_out_map (dataset, REEL_CHART_METRIC_REVENUE, year,
                                                         sizes[s][0], sizes[s][1]);
        const ReelChartRect *plot = reel_chart_layout_get_plot_rect (layout);
        double k = plot->width / bounds.width;

        g_assert_cmpfloat (fabs (plot->height / bounds.height - k), <, 1e-6);
        for (guint r = 0; r < regions->len; r++)
          {
            const ReelRegion *region = g_ptr_array_index (regions, r);
            const ReelChartMark *mark;
            double u = 0, v = 0;

            find_region_centre (geometry, region, &u, &v);
            mark = reel_chart_layout_hit_test (layout, plot->x + (u - bounds.x) * k,
                                               plot->y + (v - bounds.y) * k);
            if (mark == NULL || g_strcmp0 (mark->region_id, region->id) != 0)
              g_error ("%u at %gx%g: the middle of %s hit %s", year, sizes[s][0], sizes[s][1],
                       region->id, mark != NULL ? mark->region_id : "nothing");
          }

        /* the sea is no region */
        g_assert_null (reel_chart_layout_hit_test (layout, plot->x + (-2.2 - bounds.x) * k,
                                                   plot->y + (0 - bounds.y) * k));
      }
}

/* Marks in the region list's order, each with its accessible label and
 * tooltip; the summary says it is a map; each metric titles the chart as
 * its bar chart does. */
static void
test_map_marks (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out_map (dataset, REEL_CHART_METRIC_REVENUE, 2024, 1200, 800);
  const struct { ReelChartMetric metric; const char *title; } metrics[] = {
    { REEL_CHART_METRIC_REVENUE, "Revenue by region, 2025" },
    { REEL_CHART_METRIC_SHARE, "Share of world revenue, 2025" },
    { REEL_CHART_METRIC_DOWNLOADS, "Downloads by region, 2025" },
    { REEL_CHART_METRIC_GROWTH, "Growth by region, 2025" },
  };
  int last_region = -1;

  g_assert_cmpuint (reel_chart_layout_get_n_marks (layout), >=, 8);
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      g_assert_cmpint (mark->region, >=, last_region);
      last_region = mark->region;
      g_assert_nonnull (mark->outline);
      g_assert_nonnull (mark->label);
      g_assert_true (g_str_has_prefix (mark->tooltip, mark->name));
    }
  /* the United States has a figure of its own in 2024 */
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout), "United States"));
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout), "A world map"));

  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    {
      g_autoptr(ReelChartLayout) metric_layout = lay_out_map (dataset, metrics[m].metric, 2025, 1200, 800);

      g_assert_cmpstr (reel_chart_layout_get_title (metric_layout), ==, metrics[m].title);
      g_assert_cmpint (reel_chart_layout_get_metric (metric_layout), ==, metrics[m].metric);
      g_assert_false (reel_chart_layout_is_empty (metric_layout));
    }
}

/* Whether a text of the chart is @text exactly. */
static gboolean
has_text (ReelChartLayout *layout,
          const char      *text)
{
  GArray *shapes = _reel_chart_layout_get_shapes (layout);

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_TEXT &&
          g_strcmp0 (pango_layout_get_text (shape->text.layout), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* One scale for the map where Revenue has a panel per length of period:
 * 2025's months are coloured; South Asia's quarter is hatched as without
 * a figure on this scale, not labelled, and a note gives its figure, as
 * its mark does. */
static void
test_map_one_length (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out_map (dataset, REEL_CHART_METRIC_REVENUE, 2025, 1200, 800);
  g_autoptr(ReelChartLayout) bars = NULL;
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  const char *summary = reel_chart_layout_get_summary (layout);
  gboolean found_south_asia = FALSE;

  g_assert_nonnull (strstr (summary, "Hatched, with a figure for another length of period than the "
                                     "colours': South Asia · India: $4.5M in Q3 2025."));
  g_assert_true (has_text (layout, "no figure on this scale"));
  g_assert_null (strstr (reel_chart_layout_get_subtitle (layout), "panel"));
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (g_strcmp0 (mark->region_id, "south-asia") == 0)
        {
          found_south_asia = TRUE;
          g_assert_cmpfloat (mark->value, ==, 4.5e6);
          g_assert_nonnull (strstr (mark->tooltip, "Q3 2025: $4.5M"));
        }
      else
        {
          g_assert_null (strstr (mark->tooltip, "Q3 2025"));
        }
    }
  g_assert_true (found_south_asia);
  g_assert_false (has_text (layout, "$4.5M"));
  /* The coloured months are October's, which the subtitle names, but for
   * two places whose labels name theirs */
  g_assert_nonnull (strstr (reel_chart_layout_get_subtitle (layout),
                            "October 2025 · periods differ: others are named on the labels"));
  g_assert_true (has_text (layout, "$731K, Dec 2025"));
  g_assert_true (has_text (layout, "≈$11M, May 2025"));
  g_assert_true (has_text (layout, "≥$43M"));

  /* The bar chart keeps it, in a panel of its own */
  bars = reel_chart_layout_new (dataset, REEL_CHART_REVENUE, 2025, NULL, theme, 1200, 800, 1);
  g_assert_nonnull (strstr (reel_chart_layout_get_subtitle (bars),
                            "a panel per length of period, each on its own scale"));
  g_assert_cmpstr (reel_chart_layout_get_mark (bars, reel_chart_layout_get_n_marks (bars) - 1)->name,
                   ==, "South Asia · India");
}

/* Downloads by Revenue's rule: 2025's figures of the series that covers
 * the most regions (DataEye's May), one measure for one month on one
 * scale; India's half-year is hatched and named in a note, not coloured
 * beside a month as the longest figure of each region once was. */
static void
test_map_downloads_one_series (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartLayout) layout = lay_out_map (dataset, REEL_CHART_METRIC_DOWNLOADS, 2025, 1200, 800);
  const char *subtitle = reel_chart_layout_get_subtitle (layout);
  guint n_coloured = 0;

  g_assert_cmpstr (subtitle, ==, "App downloads · DataEye Research Institute (reposted issues), May 2025");
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (layout),
                            "Hatched, with a figure for another length of period than the colours': "
                            "South Asia · India: 73.5M in H1 2025."));
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (g_strcmp0 (mark->region_id, "south-asia") == 0)
        g_assert_nonnull (strstr (mark->tooltip, "H1 2025"));
      else if (!isnan (mark->value))
        {
          g_assert_nonnull (strstr (mark->tooltip, "May 2025"));
          n_coloured++;
        }
    }
  g_assert_cmpuint (n_coloured, ==, 3);
  g_assert_true (has_text (layout, "≈8.15M"));
  g_assert_true (has_text (layout, "≈28.1M"));
  g_assert_false (has_text (layout, "≈100M"));
}

static cairo_surface_t *
render (ReelChartLayout      *layout,
        const ReelChartTheme *theme)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 500);
  cairo_t *cr = cairo_create (surface);

  reel_chart_render (layout, theme, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  gsize size = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), size) == 0;
}

/* The countries are drawn once and painted from an image while they stay
 * the same: a layout drawn in the other theme's colours, or another
 * year's, is drawn afresh, and equals a layout made for it. */
static void
test_map_drawn_again_when_changed (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartTheme) light = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartTheme) dark = reel_chart_theme_new (REEL_CHART_THEME_DARK);
  g_autoptr(ReelChartLayout) light_layout = reel_chart_layout_new (dataset, REEL_CHART_MAP, 2024, NULL,
                                                                  light, 800, 500, 1);
  g_autoptr(ReelChartLayout) dark_layout = reel_chart_layout_new (dataset, REEL_CHART_MAP, 2024, NULL,
                                                                 dark, 800, 500, 1);
  g_autoptr(ReelChartLayout) other_year = reel_chart_layout_new (dataset, REEL_CHART_MAP, 2025, NULL,
                                                                light, 800, 500, 1);
  cairo_surface_t *first = render (light_layout, NULL);
  cairo_surface_t *again = render (light_layout, NULL);
  cairo_surface_t *switched = render (light_layout, dark);
  cairo_surface_t *made_dark = render (dark_layout, NULL);
  cairo_surface_t *year = render (other_year, NULL);
  cairo_surface_t *back = render (light_layout, NULL);

  g_assert_true (same_pixels (first, again));
  g_assert_false (same_pixels (first, switched));
  g_assert_true (same_pixels (switched, made_dark));
  g_assert_false (same_pixels (first, year));
  g_assert_true (same_pixels (first, back));

  cairo_surface_destroy (first);
  cairo_surface_destroy (again);
  cairo_surface_destroy (switched);
  cairo_surface_destroy (made_dark);
  cairo_surface_destroy (year);
  cairo_surface_destroy (back);
}

/* The growth of every coloured region, checked to be of one metric,
 * source and pair of periods. */
static guint
check_one_growth_basis (ReelChartLayout *layout,
                        double          *values)
{
  const ReelGrowth *first = NULL;
  guint n = 0;

  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);
      const ReelGrowth *growth;

      if (mark->growths->len == 0)
        continue;
      growth = g_ptr_array_index (mark->growths, 0);
      first = first != NULL ? first : growth;
      g_assert_cmpstr (growth->metric, ==, first->metric);
      g_assert_cmpuint (growth->source, ==, first->source);
      g_assert_true (reel_period_equal (&growth->period, &first->period));
      g_assert_true (reel_period_equal (&growth->versus, &first->versus));
      values[n++] = mark->value;
    }
  return n;
}

/* A map colours one basis of growth, the one most regions report, never
 * downloads beside revenue or a year's change beside a quarter's: in 2025
 * Sensor Tower's downloads, Q1 on Q4 (Latin America +69%, Southeast Asia
 * +61%), not CNBC's +402% for the year nor DataEye's revenue +28%. */
static void
test_map_growth_one_basis (void)
{
  g_autoptr(ReelDataset) bundled = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelDataset) bases = reel_dataset_test_load ("map-growth.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out_map (bundled, REEL_CHART_METRIC_GROWTH, 2025, 1200, 800);
  g_autoptr(ReelChartLayout) bases_layout = lay_out_map (bases, REEL_CHART_METRIC_GROWTH, 2024, 1200, 800);
  double values[16];

  g_assert_cmpuint (check_one_growth_basis (layout, values), ==, 2);
  g_assert_cmpfloat (values[0], ==, 69);
  g_assert_cmpfloat (values[1], ==, 61);
  g_assert_nonnull (strstr (reel_chart_layout_get_subtitle (layout), "Q1 2025 vs Q4 2024"));
  g_assert_null (strstr (reel_chart_layout_get_summary (layout), "402"));

  /* Alpha's revenue growth in four regions, a fall among them, rather than
   * Beta's downloads in two; Latin America's viewership is named as
   * without a figure of this source and period */
  g_assert_cmpuint (check_one_growth_basis (bases_layout, values), ==, 4);
  g_assert_cmpfloat (values[0], ==, -40);
  g_assert_null (strstr (reel_chart_layout_get_summary (bases_layout), "900"));
  g_assert_nonnull (strstr (reel_chart_layout_get_subtitle (bases_layout), "Alpha Research"));
  g_assert_nonnull (strstr (reel_chart_layout_get_summary (bases_layout),
                            "No growth figure of this source and period for 2024: Latin America."));
  /* Coloured and labelled, whichever of Growth's panels the basis is */
  g_assert_true (has_text (bases_layout, "-40%"));
  g_assert_false (has_text (bases_layout, "no figure on this scale"));
  g_assert_false (has_text (layout, "no figure on this scale"));
}

/* Growth computed from revenue in three regions is the map's basis though
 * Growth draws it in its last panel, after a reported metric's: coloured
 * and labelled, not hatched as of another scale. */
static void
test_map_growth_computed_basis (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load_json (
    "{\"format\": \"reelscope-dataset\", \"version\": 1, \"currency\": \"USD\","
    " \"sources\": [{\"id\": \"a\", \"title\": \"Alpha\"}, {\"id\": \"b\", \"title\": \"Beta\"}],"
    " \"regions\": ["
    "  {\"id\": \"north-america\", \"name\": \"North America\", \"countries\": [\"US\", \"CA\"],"
    "   \"growth\": [{\"metric\": \"downloads\", \"year\": 2024, \"percent\": 50, \"source\": \"b\"}],"
    "   \"revenue\": [{\"year\": 2023, \"value\": 100, \"source\": \"a\"},"
    "               {\"year\": 2024, \"value\": 150, \"source\": \"a\"}]},"
    "  {\"id\": \"europe\", \"name\": \"Europe\", \"countries\": [\"FR\", \"DE\"],"
    "   \"revenue\": [{\"year\": 2023, \"value\": 100, \"source\": \"a\"},"
    "               {\"year\": 2024, \"value\": 130, \"source\": \"a\"}]},"
    "  {\"id\": \"south-asia\", \"name\": \"South Asia\", \"countries\": [\"IN\"],"
    "   \"revenue\": [{\"year\": 2023, \"value\": 100, \"source\": \"a\"},"
    "               {\"year\": 2024, \"value\": 170, \"source\": \"a\"}]}]}");
  g_autoptr(ReelChartLayout) layout = lay_out_map (dataset, REEL_CHART_METRIC_GROWTH, 2024, 1200, 800);

  g_assert_true (has_text (layout, "+30%"));
  g_assert_true (has_text (layout, "+70%"));
  g_assert_false (has_text (layout, "no figure on this scale"));
}

/* Borders between countries and the plates under labels are drawn in the
 * card's colour on a transparent export too: drawn in no colour, the
 * countries ran into each other. */
static void
test_map_transparent_borders (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartLayout) layout = NULL;
  cairo_surface_t *surface;
  const guint32 *pixels;
  int stride;
  guint n_card = 0, n_clear = 0;

  reel_chart_theme_set_background (theme, REEL_CHART_BACKGROUND_TRANSPARENT);
  layout = reel_chart_layout_new (dataset, REEL_CHART_MAP, 2025, NULL, theme, 800, 500, 1);
  surface = render (layout, NULL);
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 800; x++)
      {
        guint32 pixel = pixels[y * stride + x];
        guint red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

        /* the card's white, or the plates' 85% of it over a fill */
        n_card += pixel >> 24 == 0xff && MIN (red, MIN (green, blue)) >= 0xd8;
        n_clear += pixel >> 24 == 0;
      }

  g_assert_cmpuint (n_clear, >, 800 * 500 / 4);   /* the background is still clear */
  g_assert_cmpuint (n_card, >, 300);      /* none when borders were drawn in no colour */
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/map/geometry-file", test_geometry_file);
  g_test_add_func ("/chart/map/geometry-dataset-codes", test_geometry_dataset_codes);
  g_test_add_func ("/chart/map/geometry-contains", test_geometry_contains);
  g_test_add_func ("/chart/map/geometry-damaged", test_geometry_damaged);
  g_test_add_func ("/chart/map/hit-test", test_map_hit_test);
  g_test_add_func ("/chart/map/marks", test_map_marks);
  g_test_add_func ("/chart/map/one-length", test_map_one_length);
  g_test_add_func ("/chart/map/downloads-one-series", test_map_downloads_one_series);
  g_test_add_func ("/chart/map/drawn-again-when-changed", test_map_drawn_again_when_changed);
  g_test_add_func ("/chart/map/transparent-borders", test_map_transparent_borders);
  g_test_add_func ("/chart/map/growth-one-basis", test_map_growth_one_basis);
  g_test_add_func ("/chart/map/growth-computed-basis", test_map_growth_computed_basis);

  return g_test_run ();
}
