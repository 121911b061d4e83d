/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-export"

#include "config.h"

#include "reel-chart-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <png.h>
#include <string.h>
#include <zlib.h>
#ifdef G_OS_UNIX
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "reel-chart-render.h"

/* Charts are flat fills, lines and antialiased text in a few colours:
 * most exports hold at most 256 of them, and are written as an indexed
 * PNG (a palette, and a tRNS chunk for what is translucent), a byte a
 * pixel instead of three or four, as optipng writes them; decoded, the
 * pixels are the same. */
#define PNG_MAX_PALETTE 256

/* Each row filtered Up or not, as the PNG specification's heuristic picks
 * between the two (filter_row()); zlib's default strategy, and its default
 * level for RGB. An indexed image is a third of the bytes, and level 8
 * makes it 4% smaller for the time level 6 takes on RGB. Measured on the
 * bundled dataset's charts at 2560 × 1440, 3200 × 2000 and 2160 × 3840,
 * transparent ones too: within 8% of `optipng -o1`, and a third to three
 * quarters of the size of unfiltered rows at level 2. libpng's choice
 * among all five filters made no chart smaller and took half again as
 * long; level 9 two to four times as long for 3% fewer bytes; zlib's
 * fast levels 1 to 3, and run-length matching, half as long for files
 * half again as large. */
#define PNG_ZLIB_LEVEL_RGB     6
#define PNG_ZLIB_LEVEL_INDEXED 8

/* From this many pixels, and with more than one CPU, the image data is
 * deflated in two halves on two threads, as pigz does: the first half ends
 * with a sync flush, on a byte boundary and not final, and the second
 * starts afresh, so that the two raw deflate streams make one; their
 * Adler-32 checksums combine. Encoding is half of an export's time (65 ms
 * of CPU time of 120 for the whole `--export` at 3200 × 2000), and this
 * halves it when a core is free. At 1600 × 1000 deflating is 25 ms of a
 * 55 ms `--export`, and two halves took 8 ms off it (and off the 1M-record
 * runs of tests/bench/results.md) for 34 more bytes of 48,000; at
 * 1200 × 800, 5 ms for 0.5% more; at 800 × 500, 3 ms for 4% more, which
 * is where the halves' lost matches start to show. */
#define PNG_PARALLEL_MIN_PIXELS (500 * 1000)

/* Logical pixels are CSS pixels: 96 per inch. */
#define PIXELS_PER_INCH 96.0
#define POINTS_PER_PIXEL (72.0 / PIXELS_PER_INCH)

static const ReelChartPreset presets[] = {
  /* Slides and video: 5% title-safe margins. */
  { "16:9", 1280, 720, 15, 36, 56, 36, 56 },
  /* Feeds show a square at about a third of its size. */
  { "1:1", 1080, 1080, 20, 54, 54, 54, 54 },
  /* Stories: the top 12% and bottom 16% sit under the platform's own
   * header and reply bar. */
  { "9:16", 1080, 1920, 26, 230, 64, 310, 64 },
  { "4:3", 1024, 768, 14, 36, 40, 36, 40 },
};

const ReelChartPreset *
reel_chart_preset_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (strcmp (presets[i].name, name) == 0)
      return &presets[i];

  return NULL;
}

const ReelChartPreset *
reel_chart_preset_get_all (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/* The preset's type size and safe margins; the size is the caller's to
 * pass to reel_chart_layout_new(). */
void
reel_chart_preset_apply (const ReelChartPreset *preset,
                         ReelChartTheme        *theme)
{
  g_return_if_fail (preset != NULL);
  g_return_if_fail (theme != NULL);

  theme->font_size = preset->font_size;
  reel_chart_theme_set_padding (theme, preset->padding_top, preset->padding_right,
                                preset->padding_bottom, preset->padding_left);
}

/* The format follows the extension, in any case (DESIGN §4). */
gboolean
reel_chart_format_from_filename (const char      *filename,
                                 ReelChartFormat *format)
{
  g_autofree char *base = NULL;
  const char *dot;
  int value;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  base = g_path_get_basename (filename);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FALSE;

  {
    g_autofree char *extension = g_ascii_strdown (dot + 1, -1);

    if (!reel_chart_enum_from_nick (REEL_TYPE_CHART_FORMAT, extension, &value))
      return FALSE;
  }

  *format = (ReelChartFormat) value;
  return TRUE;
}

static int
pixels (double size,
        double scale)
{
  /* 1200 × 1.5 is 1800 exactly; 333 × 1.5 rounds up, not down, so that
   * nothing is cut off. */
  return (int) ceil (size * scale - 1e-6);
}

/**
 * reel_chart_export_check_size:
 *
 * Whether an export of @width × @height logical pixels at @scale is one
 * this build writes: REEL_CHART_EXPORT_MIN_SIZE to _MAX_SIZE a side,
 * scale 1 to 4, at most REEL_CHART_EXPORT_MAX_PIXELS pixels.
 */
gboolean
reel_chart_export_check_size (double   width,
                              double   height,
                              double   scale,
                              GError **error)
{
  if (!isfinite (width) || !isfinite (height) ||
      width < REEL_CHART_EXPORT_MIN_SIZE || height < REEL_CHART_EXPORT_MIN_SIZE ||
      width > REEL_CHART_EXPORT_MAX_SIZE || height > REEL_CHART_EXPORT_MAX_SIZE)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_SIZE,
                   _("The size must be %d to %d pixels on each side"),
                   REEL_CHART_EXPORT_MIN_SIZE, REEL_CHART_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (!isfinite (scale) || scale < REEL_CHART_EXPORT_MIN_SCALE || scale > REEL_CHART_EXPORT_MAX_SCALE)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_SIZE,
                   _("The scale must be 1 to 4"));
      return FALSE;
    }

  if ((double) pixels (width, scale) * pixels (height, scale) > REEL_CHART_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_SIZE,
                   _("An image of %d × %d pixels is too large to export; use a smaller size or scale"),
                   pixels (width, scale), pixels (height, scale));
      return FALSE;
    }

  return TRUE;
}

/* When the image was made: SOURCE_DATE_EPOCH when set, so that a build
 * that exports charts gives the same bytes twice. */
static GDateTime *
creation_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);

  return g_date_time_new_now_utc ();
}

/* Creation Time in RFC 1123 form, as the PNG specification suggests,
 * written by libpng (in English whatever the locale). */
static void
format_creation_time (GDateTime *time,
                      char       out[29])
{
  png_time stamp = {
    .year = g_date_time_get_year (time),
    .month = g_date_time_get_month (time),
    .day = g_date_time_get_day_of_month (time),
    .hour = g_date_time_get_hour (time),
    .minute = g_date_time_get_minute (time),
    .second = g_date_time_get_second (time),
  };

  if (!png_convert_to_rfc1123_buffer (out, &stamp))
    out[0] = '\0';
}

typedef struct {
  GByteArray *out;
  char        message[256];
} PngWriter;

static void
png_write_cb (png_structp png,
              png_bytep   data,
              png_size_t  length)
{
  PngWriter *writer = png_get_io_ptr (png);

  g_byte_array_append (writer->out, data, (guint) length);
}

static void
png_flush_cb (png_structp png)
{
}

static void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  PngWriter *writer = png_get_error_ptr (png);

  g_strlcpy (writer->message, message, sizeof writer->message);
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
  g_debug ("libpng: %s", message);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* tEXt holds Latin-1 only; dataset text is UTF-8 (a title in Chinese), so
 * anything beyond ASCII goes in an iTXt chunk, which holds UTF-8. */
static void
set_text (png_text   *chunk,
          const char *key,
          const char *text)
{
  memset (chunk, 0, sizeof *chunk);
  chunk->key = (png_charp) key;
  chunk->text = (png_charp) text;
  chunk->text_length = strlen (text);
  if (is_ascii (text))
    {
      chunk->compression = PNG_TEXT_COMPRESSION_NONE;
    }
  else
    {
      chunk->compression = PNG_ITXT_COMPRESSION_NONE;
      chunk->itxt_length = chunk->text_length;
      chunk->text_length = 0;
      chunk->lang = (png_charp) "";
      chunk->lang_key = (png_charp) "";
    }
}

/* Cairo's pixels are premultiplied native-endian ARGB; PNG's are straight
 * RGB(A) bytes. */
static void
convert_row (const guint32 *source,
             guchar        *row,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = source[x];
      guint a = pixel >> 24, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

      if (alpha)
        {
          if (a != 0 && a != 0xff)
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
          *row++ = (guchar) r;
          *row++ = (guchar) g;
          *row++ = (guchar) b;
          *row++ = (guchar) a;
        }
      else
        {
          *row++ = (guchar) r;
          *row++ = (guchar) g;
          *row++ = (guchar) b;
        }
    }
}

/* The colours of an image, up to PNG_MAX_PALETTE: cairo's pixels as they
 * are, each with its index, in an open-addressed table four times the
 * palette's size. */
#define PALETTE_SLOTS (4 * PNG_MAX_PALETTE)

typedef struct {
  guint32 keys[PALETTE_SLOTS];
  guint16 values[PALETTE_SLOTS];     /* the colour's index + 1; 0 for an empty slot */
  guint32 colours[PNG_MAX_PALETTE];  /* by index */
  int     n_colours;
} Palette;

/* Where @pixel is in the table, or the empty slot where it would go. */
static guint
palette_slot (const Palette *palette,
              guint32        pixel)
{
  /* Fibonacci hashing: the top bits of the product, as many as index the table. */
  guint slot = (pixel * 2654435761u) >> (32 - 10);

  G_STATIC_ASSERT (PALETTE_SLOTS == 1 << 10);
  while (palette->values[slot] != 0 && palette->keys[slot] != pixel)
    slot = (slot + 1) % PALETTE_SLOTS;
  return slot;
}

/* Every colour of the image into @palette; FALSE, and @palette of no use,
 * at the first one more than a palette holds. A pixel the same as the one before
 * it, which is most of a chart, costs one comparison. */
static gboolean
palette_collect (Palette      *palette,
                 const guchar *data,
                 int           stride,
                 int           width,
                 int           height)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint slot;

          if (x > 0 && pixels[x] == pixels[x - 1])
            continue;
          slot = palette_slot (palette, pixels[x]);
          if (palette->values[slot] != 0)
            continue;
          if (palette->n_colours == PNG_MAX_PALETTE)
            return FALSE;
          palette->keys[slot] = pixels[x];
          palette->colours[palette->n_colours++] = pixels[x];
          palette->values[slot] = (guint16) palette->n_colours;
        }
    }

  return TRUE;
}

/* A row of cairo's pixels as palette indices. */
static void
index_row (const Palette *palette,
           const guint32 *source,
           guchar        *row,
           int            width)
{
  for (int x = 0; x < width; x++)
    {
      if (x > 0 && source[x] == source[x - 1])
        row[x] = row[x - 1];
      else
        row[x] = (guchar) (palette->values[palette_slot (palette, source[x])] - 1);
    }
}

/* PLTE, in straight RGB as convert_row() writes a pixel, and tRNS for an
 * image with alpha: the opacity of each entry up to the last translucent
 * one (those after it are opaque). */
static void
set_palette (png_structp    png,
             png_infop      info,
             const Palette *palette,
             gboolean       alpha)
{
  png_color colours[PNG_MAX_PALETTE];
  png_byte opacities[PNG_MAX_PALETTE];
  int n_translucent = 0;

  for (int i = 0; i < palette->n_colours; i++)
    {
      guchar rgba[4] = { 0, 0, 0, 0xff };

      convert_row (&palette->colours[i], rgba, 1, alpha);
      colours[i].red = rgba[0];
      colours[i].green = rgba[1];
      colours[i].blue = rgba[2];
      opacities[i] = rgba[3];
      if (rgba[3] != 0xff)
        n_translucent = i + 1;
    }

  png_set_PLTE (png, info, colours, palette->n_colours);
  if (n_translucent > 0)
    png_set_tRNS (png, info, opacities, n_translucent, NULL);
}
/* Filter None or Up, whichever leaves the row's bytes nearer zero as
 * signed bytes (the least sum of their absolute values): the heuristic
 * the PNG specification suggests, on the two filters that pay for charts.
 * Up turns a row like the one above, most of a chart, into zeros. */
static void
filter_row (const guchar *pixels,
            const guchar *previous,
            guchar       *scanline,
            gsize         length)
{
  /* |(gint8) b| is b's distance from zero modulo 256. A row is at most
   * 4 × 32768 bytes, each 128 at most: no overflow. */
  guint none_cost = 0, up_cost = 0;

  for (gsize i = 0; i < length; i++)
    {
      none_cost += (guint) ABS ((gint8) pixels[i]);
      up_cost += (guint) ABS ((gint8) (pixels[i] - previous[i]));
    }

  if (up_cost < none_cost)
    {
      scanline[0] = PNG_FILTER_VALUE_UP;
      for (gsize i = 0; i < length; i++)
        scanline[1 + i] = (guchar) (pixels[i] - previous[i]);
    }
  else
    {
      scanline[0] = PNG_FILTER_VALUE_NONE;
      memcpy (scanline + 1, pixels, length);
    }
}

/* The image's pixels, as the PNG stores them. */
typedef struct {
  const guchar  *data;
  int            stride;
  int            width;
  gboolean       alpha;
  const Palette *palette;   /* NULL unless indexed */
} PngImage;

static gsize
png_image_row_length (const PngImage *image)
{
  return (gsize) image->width * (image->palette != NULL ? 1 : image->alpha ? 4 : 3);
}

static void
png_image_get_row (const PngImage *image,
                   int             y,
                   guchar         *row)
{
  const guint32 *source = (const guint32 *) (image->data + (gsize) y * image->stride);

  if (image->palette != NULL)
    index_row (image->palette, source, row, image->width);
  else
    convert_row (source, row, image->width, image->alpha);
}

/* Some of the image's rows, deflated: the PNG scanlines (filter byte, then
 * the filtered pixels) of rows [first_row, first_row + n_rows). */
typedef struct {
  const PngImage *image;
  int             first_row;
  int             n_rows;
  gboolean        last;     /* ends the stream; else ends on a sync flush */
  GByteArray     *deflated;
  uLong           adler;    /* of the scanlines */
  gsize           length;   /* of the scanlines */
  gboolean        ok;
} DeflatePart;

static gboolean
deflate_all (z_stream   *z,
             GByteArray *out,
             int         flush)
{
  int status;

  do
    {
      gsize used = out->len;

      if (out->len + 65536 > G_MAXUINT)
        return FALSE;
      g_byte_array_set_size (out, out->len + 65536);
      z->next_out = out->data + used;
      z->avail_out = 65536;
      status = deflate (z, flush);
      g_byte_array_set_size (out, out->len - z->avail_out);
      if (status == Z_STREAM_ERROR)
        return FALSE;
    }
  while (z->avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));

  return TRUE;
}

static gpointer
deflate_part (gpointer user_data)
{
  DeflatePart *part = user_data;
  gsize row_length = png_image_row_length (part->image);
  /* Up looks at the row above, which for the second half is the last
   * of the first; above the first row, the specification says zeros. */
  g_autofree guchar *previous = g_malloc0 (row_length);
  g_autofree guchar *pixels = g_malloc (row_length);
  guchar *swap;
  g_autofree guchar *scanline = g_malloc (1 + row_length);
  z_stream z = { 0 };
  int level;

  part->adler = adler32 (0, NULL, 0);
  part->deflated = g_byte_array_sized_new (1 << 16);
  level = part->image->palette != NULL ? PNG_ZLIB_LEVEL_INDEXED : PNG_ZLIB_LEVEL_RGB;
  if (deflateInit2 (&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return NULL;

  if (part->first_row > 0)
    png_image_get_row (part->image, part->first_row - 1, previous);
  part->ok = TRUE;
  for (int y = part->first_row; y < part->first_row + part->n_rows && part->ok; y++)
    {
      png_image_get_row (part->image, y, pixels);
      filter_row (pixels, previous, scanline, row_length);
      /* This row is the next one's previous. */
      swap = previous;
      previous = pixels;
      pixels = swap;
      part->adler = adler32 (part->adler, scanline, (uInt) (1 + row_length));
      part->length += 1 + row_length;
      z.next_in = scanline;
      z.avail_in = (uInt) (1 + row_length);
      part->ok = deflate_all (&z, part->deflated, Z_NO_FLUSH);
    }
  if (part->ok)
    part->ok = deflate_all (&z, part->deflated, part->last ? Z_FINISH : Z_SYNC_FLUSH);
  deflateEnd (&z);

  return NULL;
}

/* The image data as one zlib stream, large images in two halves at once;
 * NULL if zlib failed. */
static GByteArray *
deflate_image (const PngImage *image,
               int             height)
{
  gboolean parallel = (gint64) image->width * height >= PNG_PARALLEL_MIN_PIXELS &&
                      g_get_num_processors () > 1;
  int split = parallel ? height / 2 : height;
  DeflatePart parts[2] = {
    { image, 0, split, !parallel },
    { image, split, height - split, TRUE },
  };
  guint n_parts = parallel ? 2 : 1;
  GThread *thread = parallel ? g_thread_new ("reel-png-deflate", deflate_part, &parts[1]) : NULL;
  GByteArray *stream = NULL;
  gboolean ok = TRUE;
  uLong adler = adler32 (0, NULL, 0);
  guint8 trailer[4];

  deflate_part (&parts[0]);
  if (thread != NULL)
    g_thread_join (thread);

  for (guint i = 0; i < n_parts; i++)
    ok = ok && parts[i].ok;

  if (ok)
    {
      /* Deflate with a 32 KiB window (0x78); FLEVEL 2 for level 6, 3 for
       * levels 7 to 9; and the check bits that make the header a multiple
       * of 31. */
      guint8 header[2] = { 0x78, image->palette != NULL ? 0xDA : 0x9C };
      stream = g_byte_array_new ();
      g_byte_array_append (stream, header, sizeof header);
      for (guint i = 0; i < n_parts; i++)
        {
          g_byte_array_append (stream, parts[i].deflated->data, parts[i].deflated->len);
          adler = adler32_combine (adler, parts[i].adler, (z_off_t) parts[i].length);
        }
      trailer[0] = (guint8) (adler >> 24);
      trailer[1] = (guint8) (adler >> 16);
      trailer[2] = (guint8) (adler >> 8);
      trailer[3] = (guint8) adler;
      g_byte_array_append (stream, trailer, sizeof trailer);
    }

  for (guint i = 0; i < n_parts; i++)
    g_clear_pointer (&parts[i].deflated, g_byte_array_unref);

  return stream;
}

/* The PNG of @image around @stream, its image data deflated. */
static gboolean
write_png (ReelChartLayout  *layout,
           const PngImage   *image,
           int               height,
           GByteArray       *stream,
           GByteArray       *out,
           GError          **error)
{
  int color_type = image->palette != NULL ? PNG_COLOR_TYPE_PALETTE
                   : image->alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB;
  double ppm = round (PIXELS_PER_INCH * reel_chart_layout_get_scale (layout) / 0.0254);
  g_autoptr(GDateTime) now = creation_time ();
  char time_text[29];
  g_autofree char *software = g_strdup_printf ("Reelscope %s", PACKAGE_VERSION);
  PngWriter writer = { out, "" };
  png_structp png;
  png_infop info;
  png_text texts[5];

  format_creation_time (now, time_text);
  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &writer, png_error_cb, png_warning_cb);
  if (png == NULL)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED, _("Cannot encode the PNG image"));
      return FALSE;
    }
  info = png_create_info_struct (png);

  /* Nothing that lives across setjmp changes after it, so nothing needs
   * to be volatile. */
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED,
                   _("Cannot encode the PNG image: %s"), writer.message);
      return FALSE;
    }

  png_set_write_fn (png, &writer, png_write_cb, png_flush_cb);
  png_set_IHDR (png, info, (png_uint_32) image->width, (png_uint_32) height, 8, color_type,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (image->palette != NULL)
    set_palette (png, info, image->palette, image->alpha);
  png_set_pHYs (png, info, (png_uint_32) ppm, (png_uint_32) ppm, PNG_RESOLUTION_METER);

  set_text (&texts[0], "Title", reel_chart_layout_get_title (layout));
  set_text (&texts[1], "Description", reel_chart_layout_get_summary (layout));
  set_text (&texts[2], "Source", reel_chart_layout_get_sources (layout));
  set_text (&texts[3], "Software", software);
  set_text (&texts[4], "Creation Time", time_text);
  png_set_text (png, info, texts, G_N_ELEMENTS (texts));

  /* libpng writes the chunks before the image data, but has no way to take
   * the image data precompressed: IDAT chunks of at most 1 MiB (any size
   * is valid; readers prefer them small), then IEND, as png_write_end()
   * would write them. */
  png_write_info (png, info);
  for (guint offset = 0; offset < stream->len; offset += 1 << 20)
    png_write_chunk (png, (png_const_bytep) "IDAT", stream->data + offset,
                     MIN (stream->len - offset, 1u << 20));
  png_write_chunk (png, (png_const_bytep) "IEND", NULL, 0);
  png_destroy_write_struct (&png, &info);

  return TRUE;
}

static gboolean
encode_png (ReelChartLayout  *layout,
            cairo_surface_t  *surface,
            GByteArray       *out,
            GError          **error)
{
  const ReelChartTheme *theme = reel_chart_layout_get_theme (layout);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  g_autofree Palette *palette = g_new0 (Palette, 1);
  gboolean indexed = palette_collect (palette, data, stride, width, height);
  PngImage image = { data, stride, width, theme->background.alpha < 1.0, indexed ? palette : NULL };
  g_autoptr(GByteArray) stream = deflate_image (&image, height);

  if (stream == NULL)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED,
                   _("Cannot encode the PNG image: %s"), "zlib");
      return FALSE;
    }

  return write_png (layout, &image, height, stream, out, error);
}

static cairo_status_t
stream_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED,
               _("Cannot draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

#if defined (G_OS_UNIX) && defined (MADV_HUGEPAGE)
typedef struct {
  void  *data;
  gsize  size;
} Mapping;

static void
mapping_free (void *data)
{
  Mapping *mapping = data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}
#endif

/* An ARGB32 surface, cleared. A 3200 × 2000 export is 25 MB: calloc() maps
 * it in 4 KiB pages, each a fault the kernel clears one by one, which cost
 * as much as encoding the PNG. Mapped with huge pages where the kernel
 * offers them on request, it takes a few dozen faults instead. */
static cairo_surface_t *
create_image_surface (int width,
                      int height)
{
#if defined (G_OS_UNIX) && defined (MADV_HUGEPAGE)
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  gsize size = (gsize) stride * (gsize) height;
  static const cairo_user_data_key_t key;
  cairo_surface_t *surface;
  Mapping *mapping;
  void *data;

  if (stride <= 0 || size < 4 * 1024 * 1024)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data == MAP_FAILED)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  madvise (data, size, MADV_HUGEPAGE);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  mapping = g_new (Mapping, 1);
  mapping->data = data;
  mapping->size = size;
  if (cairo_surface_set_user_data (surface, &key, mapping, mapping_free) != CAIRO_STATUS_SUCCESS)
    {
      /* Only when out of memory: the surface is an error surface, freed
       * as usual, and the mapping goes with it here. */
      mapping_free (mapping);
    }
  return surface;
#else
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
#endif
}

static gboolean
export_png (ReelChartLayout  *layout,
            GByteArray       *out,
            GError          **error)
{
  double scale = reel_chart_layout_get_scale (layout);
  double width = reel_chart_layout_get_width (layout), height = reel_chart_layout_get_height (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!reel_chart_export_check_size (width, height, scale, error))
    return FALSE;

  surface = create_image_surface (pixels (width, scale), pixels (height, scale));
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_surface_set_device_scale (surface, scale, scale);

  cr = cairo_create (surface);
  reel_chart_render (layout, NULL, cr);
  ok = check_cairo (cairo_status (cr), error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ok = ok && encode_png (layout, surface, out, error);
  cairo_surface_destroy (surface);

  return ok;
}

/* The SVG's own <title> and <desc>, first in its root element: the
 * chart's title and its summary with every source, as a PNG's text
 * chunks and a PDF's metadata carry them, whatever the chart had room to
 * print. */
static void
add_svg_metadata (ReelChartLayout *layout,
                  GByteArray      *out)
{
  const char *text = (const char *) out->data;
  const char *root = g_strstr_len (text, out->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', out->len - (root - text)) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *metadata = NULL;

  if (end == NULL)
    return;

  title = g_markup_escape_text (reel_chart_layout_get_title (layout), -1);
  summary = g_markup_escape_text (reel_chart_layout_get_summary (layout), -1);
  metadata = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, summary);
  /* A GByteArray is a GArray of bytes, which GLib 2.74 inserts into */
  g_array_insert_vals ((GArray *) out, (guint) ((end + 1) - text), metadata, strlen (metadata));
}

static gboolean
export_vector (ReelChartLayout  *layout,
               ReelChartFormat   format,
               GByteArray       *out,
               GError          **error)
{
  double width = reel_chart_layout_get_width (layout), height = reel_chart_layout_get_height (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (!reel_chart_export_check_size (width, height, 1, error))
    return FALSE;

  if (format == REEL_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (stream_write_cb, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      /* A page in points, the chart in CSS pixels on it: 1200 px wide is
       * 12.5 inches, as a browser would print it. */
      surface = reel_chart_export_new_pdf_surface (out, width * POINTS_PER_PIXEL,
                                                   height * POINTS_PER_PIXEL);
      reel_chart_export_set_pdf_metadata (surface, reel_chart_layout_get_title (layout),
                                          reel_chart_layout_get_summary (layout), NULL);
    }

  cr = cairo_create (surface);
  if (format == REEL_CHART_FORMAT_PDF)
    cairo_scale (cr, POINTS_PER_PIXEL, POINTS_PER_PIXEL);
  reel_chart_render (layout, NULL, cr);
  ok = check_cairo (cairo_status (cr), error);
  cairo_destroy (cr);

  /* Finishing writes the rest of the document through the stream. */
  cairo_surface_finish (surface);
  ok = ok && check_cairo (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  if (ok && format == REEL_CHART_FORMAT_SVG)
    add_svg_metadata (layout, out);

  return ok;
}

/**
 * reel_chart_export_new_pdf_surface:
 * @out: where the document's bytes go, as cairo writes them
 * @width: of the first page, in points
 * @height: in points
 *
 * A PDF surface writing into memory: an export is written to its file
 * only once whole (reel_chart_export_write_bytes()).
 *
 * Returns: (transfer full): the surface; finish it before reading @out
 */
cairo_surface_t *
reel_chart_export_new_pdf_surface (GByteArray *out,
                                   double      width,
                                   double      height)
{
  g_return_val_if_fail (out != NULL, NULL);

  return cairo_pdf_surface_create_for_stream (stream_write_cb, out, width, height);
}

/**
 * reel_chart_export_set_pdf_metadata:
 * @surface: a PDF surface
 * @title: the document's title
 * @subject: (nullable): what it says, in a sentence
 * @author: (nullable): who made what it shows
 *
 * The document information every PDF export carries: its title, subject
 * and author, the app as its creator, and when it was made
 * (SOURCE_DATE_EPOCH when set, so that a build gives the same bytes twice).
 */
void
reel_chart_export_set_pdf_metadata (cairo_surface_t *surface,
                                    const char      *title,
                                    const char      *subject,
                                    const char      *author)
{
  g_autoptr(GDateTime) now = creation_time ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *software = g_strdup_printf ("Reelscope %s", PACKAGE_VERSION);

  g_return_if_fail (surface != NULL);
  g_return_if_fail (title != NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, software);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/**
 * reel_chart_export_to_bytes:
 * @layout: the chart, laid out at the export's size (and, for PNG, scale)
 * @format: PNG, SVG or PDF
 * @error: a REEL_CHART_ERROR
 *
 * Returns: (transfer full) (nullable): the file's bytes: for Copy Image as
 * much as for a file.
 */
GBytes *
reel_chart_export_to_bytes (ReelChartLayout  *layout,
                            ReelChartFormat   format,
                            GError          **error)
{
  g_autoptr(GByteArray) out = NULL;
  gboolean ok;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), NULL);
  g_return_val_if_fail (format <= REEL_CHART_FORMAT_PDF, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_byte_array_new ();
  if (format == REEL_CHART_FORMAT_PNG)
    ok = export_png (layout, out, error);
  else
    ok = export_vector (layout, format, out, error);

  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * reel_chart_export_check_file:
 * @filename: where an export is to go
 * @error: a REEL_CHART_ERROR
 *
 * Whether an export may replace what is at @filename: yes when nothing is
 * there, or a file this user may write; no for a file the user may not
 * write, a read-only file of their own included. The rename that puts an
 * export in place needs only the directory's permission, but a read-only
 * file says "keep this", and GIO's g_file_replace() (how GNOME apps save,
 * and how an export to a file that is not local is written) refuses it
 * too. Checked with the effective ids, those of the process writing.
 */
gboolean
reel_chart_export_check_file (const char  *filename,
                              GError     **error)
{
  g_return_val_if_fail (filename != NULL, FALSE);

#ifdef G_OS_UNIX
  if (faccessat (AT_FDCWD, filename, W_OK, AT_EACCESS) != 0 && errno == EACCES &&
      g_file_test (filename, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_basename (filename);

      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO,
                   _("The file “%s” is read-only"), name);
      return FALSE;
    }
#endif

  return TRUE;
}

/**
 * reel_chart_export_write_bytes:
 * @filename: where to write
 * @bytes: the whole file
 * @error: GLib's G_FILE_ERROR, whose code says what went wrong without
 *   naming the temporary file, or a REEL_CHART_ERROR for a read-only file
 *
 * Writes @bytes to a temporary file in @filename's directory and renames
 * it into place: a reader sees the old file or the new one, never half of
 * one, and on any error nothing is left behind (DESIGN §4). A read-only
 * file is refused (reel_chart_export_check_file()). Every export, a
 * chart's or a report's, is written through here.
 */
gboolean
reel_chart_export_write_bytes (const char  *filename,
                               GBytes      *bytes,
                               GError     **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!reel_chart_export_check_file (filename, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);

  /* GLib writes NAME.XXXXXX beside NAME, renames it over NAME, and unlinks
   * it when writing or renaming fails. 0666 less the umask, like any file
   * a user creates. */
  return g_file_set_contents_full (filename, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                   error);
}

/**
 * reel_chart_export_to_file:
 * @layout: the chart, laid out at the export's size (and, for PNG, scale)
 * @format: PNG, SVG or PDF
 * @filename: where to write
 * @error: a REEL_CHART_ERROR
 *
 * Draws the chart and writes it as reel_chart_export_write_bytes() does.
 */
gboolean
reel_chart_export_to_file (ReelChartLayout  *layout,
                           ReelChartFormat   format,
                           const char       *filename,
                           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!reel_chart_export_check_file (filename, error))
    return FALSE;

  bytes = reel_chart_export_to_bytes (layout, format, error);
  if (bytes == NULL)
    return FALSE;

  if (!reel_chart_export_write_bytes (filename, bytes, &local_error))
    {
      if (local_error->domain == REEL_CHART_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_IO, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
