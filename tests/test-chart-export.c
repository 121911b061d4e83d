/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <png.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "reel-chart-render.h"

#include "reel-chart-export.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"

static ReelChartLayout *
lay_out (ReelDataset           *dataset,
         ReelChartKind          kind,
         double                 width,
         double                 height,
         double                 scale,
         ReelChartBackground    background)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  reel_chart_theme_set_background (theme, background);
  return reel_chart_layout_new (dataset, kind, 0, NULL, theme, width, height, scale);
}

/* What libpng reads back from an exported PNG. */
typedef struct {
  png_uint_32  width;
  png_uint_32  height;
  int          color_type;  /* as stored: RGB, RGBA or a palette */
  gboolean     alpha;       /* an alpha channel, or a palette's tRNS */
  png_uint_32  x_ppm;
  GHashTable  *texts;       /* key → UTF-8 text */
  guint32      first_pixel; /* RGBA of the top left pixel */
  GByteArray  *pixels;      /* every row, RGB or RGBA as alpha says */
} PngInfo;

typedef struct {
  const guchar *data;
  gsize         size;
  gsize         offset;
} Reader;

static void
read_cb (png_structp png,
         png_bytep   out,
         png_size_t  length)
{
  Reader *reader = png_get_io_ptr (png);

  g_assert_cmpuint (reader->offset + length, <=, reader->size);
  memcpy (out, reader->data + reader->offset, length);
  reader->offset += length;
}

static void
read_png (GBytes  *bytes,
          PngInfo *info_out)
{
  Reader reader = { 0 };
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  png_textp texts = NULL;
  png_uint_32 y_ppm;
  int bit_depth, unit, n_texts = 0;
  gsize row_length;
  guchar *pixels;

  reader.data = g_bytes_get_data (bytes, &reader.size);
  g_assert_cmpuint (reader.size, >, 8);
  g_assert_cmpint (png_sig_cmp (reader.data, 0, 8), ==, 0);

  g_assert_false (setjmp (png_jmpbuf (png)));
  png_set_read_fn (png, &reader, read_cb);
  png_read_info (png, info);
  png_get_IHDR (png, info, &info_out->width, &info_out->height, &bit_depth, &info_out->color_type,
                NULL, NULL, NULL);
  g_assert_cmpint (bit_depth, ==, 8);
  g_assert_true (png_get_pHYs (png, info, &info_out->x_ppm, &y_ppm, &unit));
  g_assert_cmpuint (info_out->x_ppm, ==, y_ppm);
  g_assert_cmpint (unit, ==, PNG_RESOLUTION_METER);
  info_out->alpha = (info_out->color_type & PNG_COLOR_MASK_ALPHA) != 0 ||
                    png_get_valid (png, info, PNG_INFO_tRNS);

  info_out->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  png_get_text (png, info, &texts, &n_texts);
  for (int i = 0; i < n_texts; i++)
    g_hash_table_insert (info_out->texts, g_strdup (texts[i].key),
                         g_strndup (texts[i].text, texts[i].itxt_length ? texts[i].itxt_length : texts[i].text_length));

  /* A palette's pixels as the colours they stand for, tRNS as alpha. */
  png_set_expand (png);
  png_read_update_info (png, info);
  row_length = png_get_rowbytes (png, info);
  g_assert_cmpuint (row_length, ==, (gsize) info_out->width * (info_out->alpha ? 4 : 3));
  info_out->pixels = g_byte_array_sized_new ((guint) (row_length * info_out->height));
  g_byte_array_set_size (info_out->pixels, (guint) (row_length * info_out->height));
  for (png_uint_32 y = 0; y < info_out->height; y++)
    png_read_row (png, info_out->pixels->data + y * row_length, NULL);
  png_read_end (png, NULL);

  pixels = info_out->pixels->data;
  if (info_out->alpha)
    info_out->first_pixel = (guint32) pixels[0] << 24 | pixels[1] << 16 | pixels[2] << 8 | pixels[3];
  else
    info_out->first_pixel = (guint32) pixels[0] << 24 | pixels[1] << 16 | pixels[2] << 8 | 0xff;

  png_destroy_read_struct (&png, &info, NULL);
}

static void
png_info_clear (PngInfo *info)
{
  g_clear_pointer (&info->texts, g_hash_table_unref);
  g_clear_pointer (&info->pixels, g_byte_array_unref);
}

static void
test_export_png_chunks (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_REVENUE, 1200, 800, 1,
                                               REEL_CHART_BACKGROUND_THEME);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PngInfo info = { 0 };

  /* A fixed creation time, as a reproducible build would set. */
  g_setenv ("SOURCE_DATE_EPOCH", "1732406400", TRUE);
  bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_no_error (error);

  read_png (bytes, &info);
  g_assert_cmpuint (info.width, ==, 1200);
  g_assert_cmpuint (info.height, ==, 800);
  /* Opaque: no alpha channel to store, and a palette of fewer than 256
   * colours. */
  g_assert_false (info.alpha);
  g_assert_cmpint (info.color_type, ==, PNG_COLOR_TYPE_PALETTE);
  /* 96 per inch. */
  g_assert_cmpuint (info.x_ppm, ==, 3780);
  g_assert_cmphex (info.first_pixel, ==, 0xffffffff);

  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Title"), ==, "Revenue by region, 2024");
  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Description"), ==, reel_chart_layout_get_summary (layout));
  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Source"), ==, reel_chart_layout_get_sources (layout));
  g_assert_nonnull (strstr (g_hash_table_lookup (info.texts, "Source"), "Antom (Ant International)"));
  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Software"), ==, "Reelscope " PACKAGE_VERSION);
  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Creation Time"), ==, "24 Nov 2024 00:00:00 +0000");

  png_info_clear (&info);
}

/* UTF-8 beyond Latin-1 goes in iTXt chunks and reads back unchanged. */
static void
test_export_png_utf8 (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("charts-edge.reelscope.json");
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_DARK);
  g_autoptr(ReelChartLayout) layout = reel_chart_layout_new (dataset, REEL_CHART_REVENUE, 2024, NULL, theme,
                                                             800, 500, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PngInfo info = { 0 };

  bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);
  read_png (bytes, &info);

  g_assert_nonnull (strstr (g_hash_table_lookup (info.texts, "Description"), "东亚"));
  g_assert_nonnull (strstr (g_hash_table_lookup (info.texts, "Description"), "الشرق"));
  g_assert_cmpstr (g_hash_table_lookup (info.texts, "Description"), ==, reel_chart_layout_get_summary (layout));
  /* The dark card, as the window shows it (reel-chart-theme.c). */
  g_assert_cmphex (info.first_pixel, ==, 0x353535ff);

  png_info_clear (&info);
}

/* PNG pixels are the size times the scale, rounded up. */
static void
test_export_png_scale (void)
{
  static const struct {
    double width, height, scale;
    guint pixels_w, pixels_h;
  } cases[] = {
    { 1200, 800, 1, 1200, 800 },
    { 1200, 800, 2, 2400, 1600 },
    { 1200, 800, 1.5, 1800, 1200 },
    { 333, 201, 1.5, 500, 302 },
    { 640, 360, 3.25, 2080, 1170 },
    { 400, 300, 4, 1600, 1200 },
  };
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_GROWTH, cases[i].width, cases[i].height,
                                                   cases[i].scale, REEL_CHART_BACKGROUND_WHITE);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      PngInfo info = { 0 };

      bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
      g_assert_no_error (error);
      read_png (bytes, &info);
      g_assert_cmpuint (info.width, ==, cases[i].pixels_w);
      g_assert_cmpuint (info.height, ==, cases[i].pixels_h);
      g_assert_cmpuint (info.x_ppm, ==, (guint) round (96 * cases[i].scale / 0.0254));
      png_info_clear (&info);
    }
}

static void
test_export_png_transparent (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_SHARE, 800, 500, 2,
                                               REEL_CHART_BACKGROUND_TRANSPARENT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PngInfo info = { 0 };

  bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);
  read_png (bytes, &info);
  g_assert_true (info.alpha);
  g_assert_cmphex (info.first_pixel & 0xff, ==, 0);
  png_info_clear (&info);
}

/* cairo 1.16 leaks an array when it subsets a CID-keyed CFF font (Noto
 * Sans CJK) into a PDF; LeakSanitizer builds draw Latin names only, so
 * that leak detection stays on for everything else. */
#ifdef __SANITIZE_ADDRESS__
#define PDF_TEST_DATA "microdrama-sample.reelscope.json"
#else
#define PDF_TEST_DATA "charts-edge.reelscope.json"
#endif

static void
test_export_vector (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("charts-edge.reelscope.json");
  g_autoptr(ReelDataset) pdf_dataset = reel_dataset_test_load (PDF_TEST_DATA);
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_TREND, 1200, 800, 1,
                                               REEL_CHART_BACKGROUND_THEME);
  g_autoptr(ReelChartLayout) pdf_layout = lay_out (pdf_dataset, REEL_CHART_TREND, 1200, 800, 1,
                                                   REEL_CHART_BACKGROUND_THEME);
  g_autoptr(GBytes) svg = NULL, pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_text = NULL;
  gsize size;
  const char *data;

  svg = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_SVG, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (svg, &size);
  svg_text = g_strndup (data, size);
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"1200px\""));
  g_assert_nonnull (strstr (svg_text, "</svg>"));
  /* Its title, and every source in its description, escaped */
  g_assert_nonnull (strstr (svg_text, "<title>Revenue trend by region, 2021–2027</title>"));
  g_assert_nonnull (strstr (svg_text, "<desc>Revenue trend by region"));
  g_assert_nonnull (strstr (svg_text, "Sources: Alpha Research, 2024-03; Beta Analytics, 2025"));

  pdf = reel_chart_export_to_bytes (pdf_layout, REEL_CHART_FORMAT_PDF, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* A page of 900 × 600 points: 1200 × 800 CSS pixels. */
  /* memmem: a PDF has NUL bytes, where g_strstr_len () would stop. */
  g_assert_nonnull (memmem (data, size, "/MediaBox [ 0 0 900 600 ]", 25));
  g_assert_nonnull (memmem (data, size, "%%EOF", 5));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* Written to a temporary file beside the target and renamed: a failure
 * leaves nothing, a success only the file. */
static void
test_export_files (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_REVENUE, 640, 400, 1,
                                               REEL_CHART_BACKGROUND_THEME);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reel-export-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *target = g_build_filename (dir, "chart.PNG", NULL);
  g_autofree char *subdir = g_build_filename (dir, "a-directory.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);

  /* Into a directory that does not exist. */
  g_assert_false (reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, missing, &error));
  g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* Over a directory of the same name. */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_false (reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, subdir, &error));
  g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpint (g_rmdir (subdir), ==, 0);

  /* Replacing a file. */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_true (reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What an export leaves in @dir: @target holding exactly @old, and
 * nothing else (no NAME.XXXXXX). */
static void
assert_untouched (const char *dir,
                  const char *target,
                  const char *old,
                  gsize       old_length)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, old, old_length);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A write that fails half-way, as on a full disk: a file size limit makes
 * the kernel refuse the bytes past it (EFBIG, where a full disk says
 * ENOSPC; GLib handles both alike), and needs no privileges or mount, so
 * that it runs anywhere, valgrind included. test-chart-cli.py fills a real
 * tmpfs. The old file stays, the temporary file goes, and the error names
 * the file. */
static void
test_export_write_error (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_REVENUE, 1200, 800, 1,
                                               REEL_CHART_BACKGROUND_THEME);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reel-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *old = g_strnfill (4096, 'o');
  struct rlimit saved, limit;
  static const ReelChartFormat formats[] = {
    REEL_CHART_FORMAT_PNG, REEL_CHART_FORMAT_SVG, REEL_CHART_FORMAT_PDF,
  };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (target, old, 4096, NULL));

  /* Else the kernel kills the process with SIGXFSZ instead of failing the write. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 8192;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_assert_false (reel_chart_export_to_file (layout, formats[i], target, &error));
      g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO);
      g_assert_nonnull (strstr (error->message, target));
      g_clear_error (&error);
      assert_untouched (dir, target, old, 4096);
    }

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  /* The same export succeeds without the limit: it was the write that failed. */
  g_assert_true (reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The unprivileged user the read-only test runs as when it runs as root,
 * which writes anywhere whatever the modes say. */
#define NOBODY 65534

/* Into a directory the user may not write, and over a read-only file in
 * one they may: refused, the file kept, nothing added. Root (in the
 * container, in CI) sets only its effective user id to nobody's for the
 * exports, and takes it back after: the saved user id stays root's. Why a
 * read-only file is refused though the rename would succeed:
 * reel_chart_export_check_file(). */
static void
test_export_read_only (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  g_autoptr(ReelChartLayout) layout = lay_out (dataset, REEL_CHART_REVENUE, 640, 400, 1,
                                               REEL_CHART_BACKGROUND_THEME);
  g_autoptr(GBytes) warm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reel-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  gboolean as_root = geteuid () == 0;
  const char *old = "old chart";
  gsize length;
  gboolean ok;

  g_assert_no_error (error);
  /* The PNG's Creation Time would otherwise differ between the two
   * exports compared below when a second passes between them (valgrind). */
  g_setenv ("SOURCE_DATE_EPOCH", "1764115200", TRUE);
  g_assert_true (g_file_set_contents (target, old, -1, NULL));
  if (as_root)
    {
      g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (target, NOBODY, NOBODY), ==, 0);
    }
  /* Fonts and their caches loaded while still root. */
  warm = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (as_root)
    g_assert_cmpint (seteuid (NOBODY), ==, 0);
  ok = reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, target, &error);
  if (as_root)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_false (ok);
  g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO);
  g_assert_nonnull (strstr (error->message, target));
  g_clear_error (&error);
  assert_untouched (dir, target, old, strlen (old));

  /* A read-only file where the directory may be written. */
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (target, 0444), ==, 0);
  if (as_root)
    g_assert_cmpint (seteuid (NOBODY), ==, 0);
  ok = reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, target, &error);
  if (as_root)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_false (ok);
  g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "The file “chart.png” is read-only");
  g_clear_error (&error);
  assert_untouched (dir, target, old, strlen (old));

  /* Made writable again, it is replaced. */
  g_assert_cmpint (g_chmod (target, 0644), ==, 0);
  if (as_root)
    g_assert_cmpint (seteuid (NOBODY), ==, 0);
  ok = reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, target, &error);
  if (as_root)
    g_assert_cmpint (seteuid (0), ==, 0);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_file_get_contents (target, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (warm, NULL), g_bytes_get_size (warm));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_formats (void)
{
  ReelChartFormat format;

  g_assert_true (reel_chart_format_from_filename ("a.png", &format));
  g_assert_cmpint (format, ==, REEL_CHART_FORMAT_PNG);
  g_assert_true (reel_chart_format_from_filename ("/x.y/B.SVG", &format));
  g_assert_cmpint (format, ==, REEL_CHART_FORMAT_SVG);
  g_assert_true (reel_chart_format_from_filename ("c.Pdf", &format));
  g_assert_cmpint (format, ==, REEL_CHART_FORMAT_PDF);
  g_assert_false (reel_chart_format_from_filename ("d.jpg", &format));
  g_assert_false (reel_chart_format_from_filename ("png", &format));
  g_assert_false (reel_chart_format_from_filename (".png", &format));
  g_assert_false (reel_chart_format_from_filename ("dir.png/file", &format));
}

static void
test_export_presets (void)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  const ReelChartPreset *presets;
  guint n;

  presets = reel_chart_preset_get_all (&n);
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      int a, b;

      g_assert_true (reel_chart_preset_lookup (presets[i].name) == &presets[i]);
      g_assert_cmpint (sscanf (presets[i].name, "%d:%d", &a, &b), ==, 2);
      g_assert_cmpfloat_with_epsilon (presets[i].width / presets[i].height, (double) a / b, 1e-9);
      g_assert_true (reel_chart_export_check_size (presets[i].width, presets[i].height, 2, NULL));
    }
  g_assert_null (reel_chart_preset_lookup ("16:10"));

  reel_chart_preset_apply (reel_chart_preset_lookup ("9:16"), theme);
  g_assert_cmpfloat (theme->font_size, >, 20);
  g_assert_cmpfloat (theme->padding_bottom, >, theme->padding_left);
}

static void
test_export_limits (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reel_chart_export_check_size (1200, 800, 1, NULL));
  g_assert_true (reel_chart_export_check_size (200, 200, 4, NULL));
  g_assert_false (reel_chart_export_check_size (199, 800, 1, &error));
  g_assert_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (reel_chart_export_check_size (1200, 800, 0.5, NULL));
  g_assert_false (reel_chart_export_check_size (1200, 800, 4.01, NULL));
  g_assert_false (reel_chart_export_check_size (1200, 800, NAN, NULL));
  g_assert_false (reel_chart_export_check_size (8192, 8192, 4, NULL));
  g_assert_false (reel_chart_export_check_size (9000, 800, 1, NULL));
}

/* The pixels a PNG of @surface holds, decoded: straight (not premultiplied)
 * RGB or RGBA, as the exporter converts cairo's pixels. */
static GByteArray *
expected_pixels (cairo_surface_t *surface,
                 gboolean         alpha)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  GByteArray *lines = g_byte_array_new ();

  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint a = pixels[x] >> 24, c[3] = { (pixels[x] >> 16) & 0xff, (pixels[x] >> 8) & 0xff, pixels[x] & 0xff };
          guint8 out[4];

          for (guint i = 0; i < 3; i++)
            out[i] = (guint8) (alpha && a != 0 && a != 0xff ? (c[i] * 255 + a / 2) / a : c[i]);
          out[3] = (guint8) a;
          g_byte_array_append (lines, out, alpha ? 4 : 3);
        }
    }

  return lines;
}

/* The zlib stream of a PNG's IDAT chunks, each chunk's CRC checked. */
static GByteArray *
idat_stream (GBytes *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  GByteArray *stream = g_byte_array_new ();
  gboolean ended = FALSE;

  for (gsize offset = 8; offset + 12 <= size && !ended; )
    {
      guint32 length = (guint32) data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3];
      const guchar *type = data + offset + 4;
      const guchar *crc = type + 4 + length;

      g_assert_cmpuint (offset + 12 + length, <=, size);
      g_assert_cmpuint (crc32 (0, type, 4 + length), ==,
                        (guint32) crc[0] << 24 | crc[1] << 16 | crc[2] << 8 | crc[3]);
      if (memcmp (type, "IDAT", 4) == 0)
        g_byte_array_append (stream, type + 4, length);
      ended = memcmp (type, "IEND", 4) == 0;
      offset += 12 + length;
    }
  g_assert_true (ended);

  return stream;
}

/* Large PNGs are deflated in two halves on two threads, which must make one
 * valid zlib stream (Adler-32 and all) of exactly the image's scanlines,
 * whatever the number of rows; small ones in one. Charts of at most 256
 * colours are indexed, with a tRNS chunk when transparent; others RGB or
 * RGBA. Each way, the decoded pixels are those of a render of the same
 * layout. */
static void
test_export_png_pixels (void)
{
  static const struct {
    const char         *data;
    ReelChartKind       kind;
    double              width, height, scale;
    ReelChartBackground background;
    int                 color_type;
  } cases[] = {
    /* 3200 × 2000, two halves; Growth's two bars take few enough colours
     * for a palette (Revenue's world row, cut at a break, does not) */
    { "microdrama-sample", REEL_CHART_GROWTH, 1600, 1000, 2, REEL_CHART_BACKGROUND_THEME,
      PNG_COLOR_TYPE_PALETTE },
    { "microdrama-sample", REEL_CHART_TREND, 1600, 1000, 2, REEL_CHART_BACKGROUND_TRANSPARENT,
      PNG_COLOR_TYPE_RGB_ALPHA },
    /* 1802 × 3001: odd rows */
    { "microdrama-sample", REEL_CHART_GROWTH, 1001, 1667, 1.8, REEL_CHART_BACKGROUND_TRANSPARENT,
      PNG_COLOR_TYPE_PALETTE },
    { "microdrama-sample", REEL_CHART_TREND, 1001, 1667, 1.8, REEL_CHART_BACKGROUND_THEME, PNG_COLOR_TYPE_RGB },
    /* one stream */
    { "microdrama-sample", REEL_CHART_REVENUE, 800, 500, 1, REEL_CHART_BACKGROUND_WHITE,
      PNG_COLOR_TYPE_PALETTE },
    { "charts-edge", REEL_CHART_TREND, 800, 500, 1, REEL_CHART_BACKGROUND_THEME, PNG_COLOR_TYPE_RGB },
    { "charts-edge", REEL_CHART_GROWTH, 800, 500, 1, REEL_CHART_BACKGROUND_TRANSPARENT,
      PNG_COLOR_TYPE_RGB_ALPHA },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data_name = g_strconcat (cases[i].data, ".reelscope.json", NULL);
      g_autoptr(ReelDataset) dataset = reel_dataset_test_load (data_name);
      g_autoptr(ReelChartLayout) layout = lay_out (dataset, cases[i].kind, cases[i].width, cases[i].height,
                                                   cases[i].scale, cases[i].background);
      gboolean alpha = cases[i].background == REEL_CHART_BACKGROUND_TRANSPARENT;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GByteArray) stream = NULL;
      g_autoptr(GByteArray) expected = NULL;
      g_autofree guchar *scanlines = NULL;
      uLongf length, scanlines_length;
      cairo_surface_t *surface;
      cairo_t *cr;
      PngInfo info = { 0 };

      bytes = reel_chart_export_to_bytes (layout, REEL_CHART_FORMAT_PNG, &error);
      g_assert_no_error (error);
      read_png (bytes, &info);
      g_assert_cmpint (info.color_type, ==, cases[i].color_type);
      g_assert_cmpint (info.alpha, ==, alpha);
      g_assert_cmpuint (g_hash_table_size (info.texts), ==, 5);

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, info.width, info.height);
      cairo_surface_set_device_scale (surface, cases[i].scale, cases[i].scale);
      cr = cairo_create (surface);
      reel_chart_render (layout, NULL, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      expected = expected_pixels (surface, alpha);
      cairo_surface_destroy (surface);
      g_assert_cmpmem (info.pixels->data, info.pixels->len, expected->data, expected->len);

      /* uncompress() checks the stream's Adler-32; a filter byte, then a
       * byte a pixel for a palette, or a byte a channel. */
      stream = idat_stream (bytes);
      scanlines_length = (uLongf) info.height *
                         (1 + info.width * (cases[i].color_type == PNG_COLOR_TYPE_PALETTE ? 1 : alpha ? 4 : 3));
      length = scanlines_length;
      scanlines = g_malloc (length);
      g_assert_cmpint (uncompress (scanlines, &length, stream->data, stream->len), ==, Z_OK);
      g_assert_cmpuint (length, ==, scanlines_length);

      png_info_clear (&info);
    }
}

static gsize
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return (gsize) buf.st_size;
}

/* Within 10% of the bytes `optipng -o1` makes of the same image: the
 * bundled dataset's revenue, trend and share charts at 16:9 2x (2560 ×
 * 1440), and revenue as a 9:16 story at 2x (2160 × 3840). CI installs
 * optipng (build-aux/debian-packages.txt); elsewhere the test may skip. */
static void
test_export_png_size (void)
{
  static const struct {
    ReelChartKind kind;
    const char   *preset;
  } cases[] = {
    { REEL_CHART_REVENUE, "16:9" },
    { REEL_CHART_TREND, "16:9" },
    { REEL_CHART_SHARE, "16:9" },
    { REEL_CHART_REVENUE, "9:16" },
  };
  g_autofree char *optipng = g_find_program_in_path ("optipng");
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (optipng == NULL)
    {
      g_test_skip ("optipng is not installed");
      return;
    }

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "microdrama-exports.reelscope.json", NULL);
  dataset = reel_dataset_test_load_path (path);
  dir = g_dir_make_tmp ("reel-export-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const ReelChartPreset *preset = reel_chart_preset_lookup (cases[i].preset);
      g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
      g_autoptr(ReelChartLayout) layout = NULL;
      g_autofree char *ours = g_build_filename (dir, "ours.png", NULL);
      g_autofree char *optimised = g_build_filename (dir, "optimised.png", NULL);
      const char *argv[] = { optipng, "-quiet", "-o1", "-out", optimised, ours, NULL };
      int status;

      reel_chart_preset_apply (preset, theme);
      layout = reel_chart_layout_new (dataset, cases[i].kind, 0, NULL, theme,
                                      preset->width, preset->height, 2);
      g_assert_true (reel_chart_export_to_file (layout, REEL_CHART_FORMAT_PNG, ours, &error));
      g_assert_no_error (error);

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);

      g_test_message ("%s %s: %" G_GSIZE_FORMAT " bytes, optipng -o1 %" G_GSIZE_FORMAT,
                      reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, cases[i].kind), cases[i].preset,
                      file_size (ours), file_size (optimised));
      g_assert_cmpfloat (file_size (ours), <=, 1.10 * file_size (optimised));

      g_assert_cmpint (g_unlink (ours), ==, 0);
      g_assert_cmpint (g_unlink (optimised), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/export/png-chunks", test_export_png_chunks);
  g_test_add_func ("/chart/export/png-utf8", test_export_png_utf8);
  g_test_add_func ("/chart/export/png-scale", test_export_png_scale);
  g_test_add_func ("/chart/export/png-transparent", test_export_png_transparent);
  g_test_add_func ("/chart/export/png-pixels", test_export_png_pixels);
  g_test_add_func ("/chart/export/png-size", test_export_png_size);
  g_test_add_func ("/chart/export/vector", test_export_vector);
  g_test_add_func ("/chart/export/files", test_export_files);
  g_test_add_func ("/chart/export/write-error", test_export_write_error);
  g_test_add_func ("/chart/export/read-only", test_export_read_only);
  g_test_add_func ("/chart/export/formats", test_export_formats);
  g_test_add_func ("/chart/export/presets", test_export_presets);
  g_test_add_func ("/chart/export/limits", test_export_limits);

  return g_test_run ();
}
