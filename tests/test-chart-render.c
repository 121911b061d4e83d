/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "reel-chart-layout.h"
#include "reel-chart-render.h"
#include "reel-dataset-loader.h"

/* Golden images: every chart kind from the sample dataset, from generated
 * records and from the edge cases, at 1x and 2x, light and dark, drawn by
 * the one renderer and compared with tests/charts/NAME.png.
 *
 * A pixel matches when no channel differs by more than CHANNEL_TOLERANCE;
 * an image matches when at most MAX_DIFFERENT of its pixels do not, which
 * absorbs a rounding change in antialiasing but not a moved label or a
 * changed colour. Fonts are pinned by tests/fonts/fonts.conf.
 *
 * A missing or different golden fails. `build-aux/update-goldens.sh`
 * (REEL_UPDATE_GOLDENS=1) rewrites them on purpose: look at the new ones
 * before committing them. */

#define CHANNEL_TOLERANCE 24
#define MAX_DIFFERENT     0.0005    /* of the pixels */

/* From tests/data, as the other datasets */
#define BUNDLED "../../data/microdrama-exports.reelscope.json"

#define GOLDEN_WIDTH  720
#define GOLDEN_HEIGHT 450

typedef struct {
  const char            *dataset;    /* a file in tests/data, or "generated" */
  ReelChartKind          kind;
  guint                  year;
  const char            *selection;  /* region ids, comma-separated */
  ReelChartThemeVariant  variant;
  double                 scale;
  char                  *name;
  ReelChartMetric        metric;     /* the Map's */
  double                 width;      /* 0 for GOLDEN_WIDTH × GOLDEN_HEIGHT */
  double                 height;
  guint                  cursor;     /* Trend's time cursor, a month; 0 for none */
} Case;

static GHashTable *datasets;  /* name → ReelDataset */

static ReelDataset *
get_dataset (const char *name)
{
  ReelDataset *dataset = g_hash_table_lookup (datasets, name);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(GError) error = NULL;

  if (dataset != NULL)
    return dataset;

  if (g_str_equal (name, "generated"))
    path = g_test_build_filename (G_TEST_BUILT, "charts-generated.reelscope.json", NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  file = g_file_new_for_path (path);
  loader = reel_dataset_loader_new (file);
  dataset = reel_dataset_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (datasets, g_strdup (name), dataset);

  return dataset;
}

static ReelChartLayout *
lay_out (const Case *c)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (c->variant);
  g_auto(GStrv) selection = c->selection != NULL ? g_strsplit (c->selection, ",", -1) : NULL;

  return reel_chart_layout_new_at_cursor (get_dataset (c->dataset), c->kind, c->metric, c->year,
                                          c->cursor, (const char * const *) selection, theme,
                                          c->width > 0 ? c->width : GOLDEN_WIDTH,
                                          c->height > 0 ? c->height : GOLDEN_HEIGHT, c->scale);
}

static cairo_surface_t *
render (ReelChartLayout *layout)
{
  double scale = reel_chart_layout_get_scale (layout);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (reel_chart_layout_get_width (layout) * scale),
                                        (int) ceil (reel_chart_layout_get_height (layout) * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  reel_chart_render (layout, NULL, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + (gsize) y * stride))[x];
}

static int
channel_difference (guint32 a,
                    guint32 b)
{
  int most = 0;

  for (int shift = 0; shift < 32; shift += 8)
    most = MAX (most, ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));

  return most;
}

/* The pixels that differ, painted red on a faded copy of the golden. */
static cairo_surface_t *
make_diff (cairo_surface_t *golden,
           cairo_surface_t *actual,
           guint           *n_different)
{
  int width = cairo_image_surface_get_width (golden), height = cairo_image_surface_get_height (golden);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guchar *data = cairo_image_surface_get_data (diff);
  int stride = cairo_image_surface_get_stride (diff);

  *n_different = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 g = pixel_at (golden, x, y), a = pixel_at (actual, x, y);
        guint32 *out = (guint32 *) (data + (gsize) y * stride) + x;

        if (channel_difference (g, a) > CHANNEL_TOLERANCE)
          {
            (*n_different)++;
            *out = 0xffff0000;
          }
        else
          {
            guint grey = 0xc0 + ((g >> 8) & 0xff) / 4;

            *out = 0xff000000 | grey << 16 | grey << 8 | grey;
          }
      }
  cairo_surface_mark_dirty (diff);

  return diff;
}

static void
test_golden (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(ReelChartLayout) layout = lay_out (c);
  g_autofree char *file_name = g_strconcat (c->name, ".png", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "charts", file_name, NULL);
  cairo_surface_t *actual = render (layout);
  cairo_surface_t *golden, *diff;
  guint n_different, allowed;
  int width, height;

  if (g_strcmp0 (g_getenv ("REEL_UPDATE_GOLDENS"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden_path);
      cairo_surface_destroy (actual);
      return;
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: no golden image (%s); build-aux/update-goldens.sh makes one",
             golden_path, cairo_status_to_string (cairo_surface_status (golden)));

  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, height);

  diff = make_diff (golden, actual, &n_different);
  allowed = (guint) (MAX_DIFFERENT * width * height);
  if (n_different > allowed)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "chart-failures", NULL);
      g_autofree char *actual_path = g_strdup_printf ("%s/%s.actual.png", dir, c->name);
      g_autofree char *diff_path = g_strdup_printf ("%s/%s.diff.png", dir, c->name);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (actual, actual_path);
      cairo_surface_write_to_png (diff, diff_path);
      g_error ("%s: %u pixels differ from the golden (at most %u may); see %s and %s",
               c->name, n_different, allowed, actual_path, diff_path);
    }
  g_test_message ("%s: %u pixels differ (at most %u may)", c->name, n_different, allowed);

  cairo_surface_destroy (diff);
  cairo_surface_destroy (golden);
  cairo_surface_destroy (actual);
}

/* The colour @shape's ink has over the theme's background, as cairo stores
 * it: premultiplied ARGB. */
static guint32
expected_pixel (const ReelChartTheme *theme,
                guint                 palette)
{
  ReelChartColor color;
  const ReelChartColor *bg = &theme->background;
  guint r, g, b;

  reel_chart_theme_get_region_color (theme, palette, &color);
  r = (guint) round ((color.red * color.alpha + bg->red * (1 - color.alpha)) * 255);
  g = (guint) round ((color.green * color.alpha + bg->green * (1 - color.alpha)) * 255);
  b = (guint) round ((color.blue * color.alpha + bg->blue * (1 - color.alpha)) * 255);

  return 0xff000000 | r << 16 | g << 8 | b;
}

/* What is drawn where the layout says a mark is: the pixel at the centre
 * of each solid bar and filled point is its region's colour, at 1x, 2x and
 * a fractional 1.5x, light and dark. */
static void
test_marks_drawn (void)
{
  const char *names[] = { "microdrama-sample.reelscope.json", "charts-edge.reelscope.json", "generated" };
  guint checked = 0;

  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    for (ReelChartKind kind = REEL_CHART_REVENUE; kind <= REEL_CHART_TREND; kind++)
      for (guint v = 0; v < 2; v++)
        for (double scale = 1; scale <= 2; scale += 0.5)
          {
            Case c = { names[d], kind, kind != REEL_CHART_TREND && d == 1 ? 2024 : 0, NULL, v, scale, NULL };
            g_autoptr(ReelChartLayout) layout = lay_out (&c);
            const ReelChartTheme *theme = reel_chart_layout_get_theme (layout);
            cairo_surface_t *surface = render (layout);

            for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
              {
                const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);
                int x = (int) floor ((mark->rect.x + mark->rect.width / 2) * scale);
                int y = (int) floor ((mark->rect.y + mark->rect.height / 2) * scale);
                guint32 pixel;

                gboolean hidden = FALSE;

                /* Hatched and hollow marks have no single colour; the
                 * world and the rest are not regions. */
                if (mark->region < 0 || mark->rect.width * scale < 3 ||
                    (mark->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                    REEL_CHART_MARK_PARTIAL | REEL_CHART_MARK_CAPPED)))
                  continue;

                /* Points of two lines can sit on each other (and their
                 * rings around them): only the top one shows. */
                for (guint j = 0; j < reel_chart_layout_get_n_marks (layout) && !hidden; j++)
                  {
                    ReelChartRect other = reel_chart_layout_get_mark (layout, j)->rect;

                    other.x -= 2;
                    other.y -= 2;
                    other.width += 4;
                    other.height += 4;
                    hidden = j != i && kind == REEL_CHART_TREND && reel_chart_rect_intersects (&mark->rect, &other);
                  }
                if (hidden)
                  continue;

                pixel = pixel_at (surface, x, y);
                if (channel_difference (pixel, expected_pixel (theme, (guint) mark->region)) > 3)
                  g_error ("%s %s: the mark of %s at (%d, %d) is #%06x, not #%06x", names[d],
                           reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind), mark->name, x, y,
                           pixel & 0xffffff, expected_pixel (theme, (guint) mark->region) & 0xffffff);
                checked++;
              }

            cairo_surface_destroy (surface);
          }

  /* Enough marks were looked at for the test to mean something. */
  g_assert_cmpuint (checked, >, 200);
}

/* Light and dark differ only in colour: a layout drawn with the other
 * theme equals a layout made with it. */
static void
test_theme_switch (void)
{
  Case light = { "charts-edge.reelscope.json", REEL_CHART_GROWTH, 2024, NULL, REEL_CHART_THEME_LIGHT, 1, NULL };
  Case dark = light;
  g_autoptr(ReelChartLayout) light_layout = NULL, dark_layout = NULL;
  g_autoptr(ReelChartTheme) dark_theme = reel_chart_theme_new (REEL_CHART_THEME_DARK);
  cairo_surface_t *a, *b;
  cairo_t *cr;
  guint n_different;
  cairo_surface_t *diff;

  dark.variant = REEL_CHART_THEME_DARK;
  light_layout = lay_out (&light);
  dark_layout = lay_out (&dark);

  a = render (dark_layout);
  b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GOLDEN_WIDTH, GOLDEN_HEIGHT);
  cr = cairo_create (b);
  reel_chart_render (light_layout, dark_theme, cr);
  cairo_destroy (cr);
  cairo_surface_flush (b);

  diff = make_diff (a, b, &n_different);
  g_assert_cmpuint (n_different, ==, 0);

  cairo_surface_destroy (diff);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The same pixels, every byte of them. */
static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_cmpmem (cairo_image_surface_get_data (a), stride * height,
                   cairo_image_surface_get_data (b), stride * height);
}

/* The window draws a chart band by band (reel-chart-view.c): the bands,
 * each drawn on its own, make the same pixels as the chart drawn whole,
 * at 1x and 2x, with the window's rounded corners, for every kind that
 * has bands (a Map has none: its countries are one image). */
static void
test_bands (void)
{
  for (ReelChartKind kind = REEL_CHART_REVENUE; kind < REEL_CHART_N_KINDS; kind++)
    for (double scale = 1; scale <= 2; scale++)
      {
        Case c = { BUNDLED, kind, 0, "europe", REEL_CHART_THEME_DARK, scale, NULL };
        g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_DARK);
        g_autoptr(ReelChartLayout) layout = NULL;
        cairo_surface_t *whole, *bands;
        guint n_bands;
        cairo_t *cr;

        c.metric = REEL_CHART_METRIC_REVENUE;
        layout = lay_out (&c);
        n_bands = reel_chart_render_count_bands (layout);
        if (kind == REEL_CHART_MAP)
          {
            g_assert_cmpuint (n_bands, ==, 0);
            continue;
          }
        g_assert_cmpuint (n_bands, ==, (guint) ceil (GOLDEN_HEIGHT / 32.0));

        theme->corner_radius = 12;
        whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GOLDEN_WIDTH * scale, GOLDEN_HEIGHT * scale);
        cairo_surface_set_device_scale (whole, scale, scale);
        cr = cairo_create (whole);
        reel_chart_render (layout, theme, cr);
        cairo_destroy (cr);

        bands = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, GOLDEN_WIDTH * scale, GOLDEN_HEIGHT * scale);
        cairo_surface_set_device_scale (bands, scale, scale);
        for (guint i = 0; i < n_bands; i++)
          {
            ReelChartRect rect;

            reel_chart_render_get_band (layout, i, &rect);
            g_assert_cmpfloat (rect.y, ==, i * 32.0);
            g_assert_cmpfloat (rect.width, ==, GOLDEN_WIDTH);
            cr = cairo_create (bands);
            reel_chart_render_band (layout, theme, i, cr);
            cairo_destroy (cr);
          }
        cairo_surface_flush (whole);
        cairo_surface_flush (bands);
        assert_same_pixels (whole, bands);
        cairo_surface_destroy (whole);
        cairo_surface_destroy (bands);
      }
}

/* Whether band @band of @layout meets the row of region @region_id. */
static gboolean
band_meets_row (ReelChartLayout *layout,
                guint            band,
                const char      *region_id)
{
  ReelChartRect rect;

  reel_chart_render_get_band (layout, band, &rect);
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (g_strcmp0 (mark->region_id, region_id) == 0 &&
          mark->area.y < rect.y + rect.height && mark->area.y + mark->area.height > rect.y)
        return TRUE;
    }

  return FALSE;
}

/* Another region picked changes the bands of its row and of the row
 * picked before, and no other (the title's, the axis's, the other rows'
 * and the sources' stay), so the window redraws those two rows; the same
 * inputs make the same hashes. At the window's size, as a user sees it. */
static void
test_bands_selection (void)
{
  Case europe = { BUNDLED, REEL_CHART_REVENUE, 2025, "europe", REEL_CHART_THEME_LIGHT, 1, NULL };
  Case america;
  g_autoptr(ReelChartLayout) a = NULL, b = NULL, again = NULL;
  g_autofree guint64 *hashes_a = NULL, *hashes_b = NULL, *hashes_again = NULL;
  guint n_bands, n_changed = 0;

  europe.width = 960;
  europe.height = 900;
  america = europe;
  america.selection = "north-america";
  a = lay_out (&europe);
  b = lay_out (&america);
  again = lay_out (&europe);
  n_bands = reel_chart_render_count_bands (a);
  g_assert_cmpuint (n_bands, ==, reel_chart_render_count_bands (b));
  hashes_a = g_new (guint64, n_bands);
  hashes_b = g_new (guint64, n_bands);
  hashes_again = g_new (guint64, n_bands);
  reel_chart_render_hash_bands (a, NULL, hashes_a);
  reel_chart_render_hash_bands (b, NULL, hashes_b);
  reel_chart_render_hash_bands (again, NULL, hashes_again);

  g_assert_cmpmem (hashes_a, n_bands * sizeof (guint64), hashes_again, n_bands * sizeof (guint64));
  for (guint i = 0; i < n_bands; i++)
    {
      gboolean picked = band_meets_row (a, i, "europe") || band_meets_row (a, i, "north-america");

      if (hashes_a[i] != hashes_b[i])
        {
          g_assert_true (picked);
          n_changed++;
        }
    }
  g_assert_cmpuint (n_changed, >=, 2);
  g_assert_cmpuint (n_changed, <=, n_bands / 3);
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c);
}

static Case *
add_case (GPtrArray             *cases,
          const char            *label,
          const char            *dataset,
          ReelChartKind          kind,
          guint                  year,
          const char            *selection,
          ReelChartThemeVariant  variant,
          double                 scale)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *path = NULL;

  c->dataset = dataset;
  c->kind = kind;
  c->year = year;
  c->selection = selection;
  c->variant = variant;
  c->scale = scale;
  c->name = g_strdup_printf ("%s-%s-%s-%gx", label, reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind),
                             reel_chart_enum_to_nick (REEL_TYPE_CHART_THEME_VARIANT, variant), scale);
  g_ptr_array_add (cases, c);

  path = g_strconcat ("/chart/render/golden/", c->name, NULL);
  g_test_add_data_func (path, c, test_golden);

  return c;
}

/* The Map of the bundled dataset at the goldens' size and at a tall one
 * (a phone's story), light and dark; and growth's two hues, falls down to
 * −100% at most. */
static void
add_map_cases (GPtrArray *cases)
{
  Case *c;

  add_case (cases, "bundled-2024", BUNDLED, REEL_CHART_MAP, 2024, NULL, REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "bundled-2024", BUNDLED, REEL_CHART_MAP, 2024, "east-asia", REEL_CHART_THEME_DARK, 2);
  c = add_case (cases, "bundled-2025-tall", BUNDLED, REEL_CHART_MAP, 2025, NULL, REEL_CHART_THEME_LIGHT, 1);
  c->width = 450;
  c->height = 800;
  c = add_case (cases, "bundled-2025-tall", BUNDLED, REEL_CHART_MAP, 2025, NULL, REEL_CHART_THEME_DARK, 1);
  c->width = 450;
  c->height = 800;
  c = add_case (cases, "bundled-2025-growth", BUNDLED, REEL_CHART_MAP, 2025, NULL, REEL_CHART_THEME_LIGHT, 1);
  c->metric = REEL_CHART_METRIC_GROWTH;
  c = add_case (cases, "bases-2024-growth", "map-growth.reelscope.json", REEL_CHART_MAP, 2024, NULL,
                REEL_CHART_THEME_DARK, 1);
  c->metric = REEL_CHART_METRIC_GROWTH;
}

/* The apps in their own colours, a month's figure beside whole years, at
 * the goldens' size and a tall one, light and dark; their downloads, with
 * a change on the same source's month before and an app selected. */
static void
add_platforms_cases (GPtrArray *cases)
{
  Case *c;

  add_case (cases, "bundled-2025", BUNDLED, REEL_CHART_PLATFORMS, 2025, NULL,
            REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "bundled-2025", BUNDLED, REEL_CHART_PLATFORMS, 2025, NULL,
            REEL_CHART_THEME_DARK, 2);
  c = add_case (cases, "bundled-2025-tall", BUNDLED, REEL_CHART_PLATFORMS, 2025, NULL,
                REEL_CHART_THEME_LIGHT, 1);
  c->width = 450;
  c->height = 800;
  c = add_case (cases, "bundled-2025-tall", BUNDLED, REEL_CHART_PLATFORMS, 2025, NULL,
                REEL_CHART_THEME_DARK, 1);
  c->width = 450;
  c->height = 800;
  c = add_case (cases, "bundled-2025-downloads", BUNDLED, REEL_CHART_PLATFORMS, 2025, "dramabox",
                REEL_CHART_THEME_LIGHT, 1);
  c->metric = REEL_CHART_METRIC_DOWNLOADS;
  /* room for its nine apps */
  c->width = 900;
  c->height = 720;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  Case *c;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  datasets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* Every kind from the sample and from generated records, 1x and 2x,
   * light and dark. */
  for (ReelChartKind kind = REEL_CHART_REVENUE; kind <= REEL_CHART_TREND; kind++)
    for (guint variant = REEL_CHART_THEME_LIGHT; variant <= REEL_CHART_THEME_DARK; variant++)
      for (double scale = 1; scale <= 2; scale++)
        {
          add_case (cases, "sample", "microdrama-sample.reelscope.json", kind, 0, NULL, variant, scale);
          add_case (cases, "generated", "generated", kind, 0, NULL, variant, scale);
        }

  /* The edge cases: outliers, estimates, forecasts, CJK and Arabic names,
   * a selection, ten regions; and a year without data. */
  for (ReelChartKind kind = REEL_CHART_REVENUE; kind <= REEL_CHART_TREND; kind++)
    {
      guint year = kind == REEL_CHART_TREND ? 0 : 2024;

      add_case (cases, "edge", "charts-edge.reelscope.json", kind, year, "europe", REEL_CHART_THEME_LIGHT, 1);
      add_case (cases, "edge", "charts-edge.reelscope.json", kind, year, "europe", REEL_CHART_THEME_DARK, 2);
    }
  add_case (cases, "empty", "microdrama-sample.reelscope.json", REEL_CHART_REVENUE, 2023, NULL,
            REEL_CHART_THEME_LIGHT, 1);

  /* Version 2, the bundled dataset: months, countries and derived figures
   * in Revenue (2025 by the default series, 2024 by whole years), growth
   * on quarters in Growth, a month's shares in Share, the world's months in
   * Trend. */
  add_case (cases, "bundled-2025", BUNDLED, REEL_CHART_REVENUE, 2025, NULL, REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "bundled-2024", BUNDLED, REEL_CHART_REVENUE, 2024, NULL, REEL_CHART_THEME_DARK, 2);
  add_case (cases, "bundled-2025", BUNDLED, REEL_CHART_GROWTH, 2025, NULL, REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "bundled-2025", BUNDLED, REEL_CHART_SHARE, 2025, NULL, REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "bundled", BUNDLED, REEL_CHART_TREND, 0, NULL, REEL_CHART_THEME_LIGHT, 1);
  /* Its time cursor at August 2025: the line up to it, faint after */
  c = add_case (cases, "bundled-cursor", BUNDLED, REEL_CHART_TREND, 0, NULL,
                REEL_CHART_THEME_LIGHT, 1);
  c->cursor = 2025 * 12 + 7;
  add_map_cases (cases);
  /* Trend by month across a year boundary, light and dark; and three
   * regions compared with the world (one has no month). */
  add_case (cases, "months", "trend-months.reelscope.json", REEL_CHART_TREND, 0, NULL,
            REEL_CHART_THEME_LIGHT, 1);
  add_case (cases, "months", "trend-months.reelscope.json", REEL_CHART_TREND, 0, NULL,
            REEL_CHART_THEME_DARK, 2);
  add_case (cases, "months-compared", "trend-months.reelscope.json", REEL_CHART_TREND, 0,
            "north-america,europe,southeast-asia", REEL_CHART_THEME_LIGHT, 1);
  add_platforms_cases (cases);

  g_test_add_func ("/chart/render/marks-drawn", test_marks_drawn);
  g_test_add_func ("/chart/render/theme-switch", test_theme_switch);
  g_test_add_func ("/chart/render/bands", test_bands);
  g_test_add_func ("/chart/render/bands-selection", test_bands_selection);

  status = g_test_run ();

  g_hash_table_unref (datasets);
  return status;
}
