/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-pen"

#include "config.h"

#include "reel-chart-pen.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Text sizes relative to the theme's label size: type and space grow
 * together when an export preset asks for larger text. */
#define TITLE_SIZE        1.43
#define SUBTITLE_SIZE     0.93
#define VALUE_SIZE        0.93
#define TICK_SIZE         0.86
#define HEADING_SIZE      0.79
#define LEGEND_SIZE       0.86
#define FOOTER_SIZE       0.82
#define MESSAGE_SIZE      1.15

static PangoFontDescription *
make_font (const ReelChartTheme *theme,
           double                size,
           PangoWeight           weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  return font;
}

/* Texts a thread measured, kept for the next layouts: most of a chart's
 * words (its ticks, names, title, notes) are the same after a click on a
 * region, a year or a kind, and measuring them was most of a layout's
 * time. Each thread has its own, as Pango layouts are not to be shared
 * between threads; past MAX_CACHED_TEXTS, it starts again. */
#define MAX_CACHED_TEXTS 2048

typedef struct {
  PangoContext *context;
  GHashTable   *texts;    /* key (see dup_text_key()) → ReelChartText* */
} PenCache;

static void
cached_text_free (ReelChartText *text)
{
  reel_chart_text_clear (text);
  g_free (text);
}

static void
pen_cache_free (PenCache *cache)
{
  g_hash_table_unref (cache->texts);
  g_object_unref (cache->context);
  g_free (cache);
}

static GPrivate pen_cache_key = G_PRIVATE_INIT ((GDestroyNotify) pen_cache_free);

/* The chart's own context, not a widget's: the same text must measure the
 * same in the window, the export and the tests. Unhinted outlines and
 * metrics scale exactly with the device scale, so a 2x export is the 1x
 * one with finer pixels, not a different layout. */
static PangoContext *
make_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order (options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static PenCache *
get_pen_cache (void)
{
  PenCache *cache = g_private_get (&pen_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (PenCache, 1);
      cache->context = make_context ();
      cache->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) cached_text_free);
      g_private_set (&pen_cache_key, cache);
    }
  return cache;
}

void
reel_chart_pen_init (ReelChartPen         *pen,
                     const ReelChartTheme *theme)
{
  double size = theme->font_size;

  pen->font_size = size;
  pen->unit = round (size * 0.5);
  pen->family = theme->font_family;
  pen->context = g_object_ref (get_pen_cache ()->context);

  pen->fonts[REEL_CHART_FONT_TITLE] = make_font (theme, size * TITLE_SIZE, PANGO_WEIGHT_BOLD);
  pen->fonts[REEL_CHART_FONT_SUBTITLE] = make_font (theme, size * SUBTITLE_SIZE,
                                                    PANGO_WEIGHT_NORMAL);
  pen->fonts[REEL_CHART_FONT_LABEL] = make_font (theme, size, PANGO_WEIGHT_NORMAL);
  pen->fonts[REEL_CHART_FONT_LABEL_BOLD] = make_font (theme, size, PANGO_WEIGHT_BOLD);
  pen->fonts[REEL_CHART_FONT_VALUE] = make_font (theme, size * VALUE_SIZE, PANGO_WEIGHT_BOLD);
  pen->fonts[REEL_CHART_FONT_TICK] = make_font (theme, size * TICK_SIZE, PANGO_WEIGHT_NORMAL);
  pen->fonts[REEL_CHART_FONT_HEADING] = make_font (theme, size * HEADING_SIZE, PANGO_WEIGHT_BOLD);
  pen->fonts[REEL_CHART_FONT_LEGEND] = make_font (theme, size * LEGEND_SIZE, PANGO_WEIGHT_NORMAL);
  pen->fonts[REEL_CHART_FONT_FOOTER] = make_font (theme, size * FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  pen->fonts[REEL_CHART_FONT_MESSAGE] = make_font (theme, size * MESSAGE_SIZE, PANGO_WEIGHT_BOLD);
}

void
reel_chart_pen_clear (ReelChartPen *pen)
{
  for (guint i = 0; i < REEL_CHART_N_FONTS; i++)
    g_clear_pointer (&pen->fonts[i], pango_font_description_free);
  g_clear_object (&pen->context);
}

void
reel_chart_text_clear (ReelChartText *text)
{
  g_clear_object (&text->layout);
}

/* A text the caller may change: the pen's layouts are shared by the
 * charts its thread lays out. */
void
reel_chart_text_make_own (ReelChartText *text)
{
  PangoLayout *own = pango_layout_copy (text->layout);

  g_object_unref (text->layout);
  text->layout = own;
}

/* Takes the extents again after a change to the layout. */
void
reel_chart_text_update (ReelChartText *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->x_offset = (double) logical.x / PANGO_SCALE;
  text->y_offset = (double) logical.y / PANGO_SCALE;
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
}

/* From the layout's top to its first baseline. */
double
reel_chart_text_baseline (const ReelChartText *text)
{
  return (double) pango_layout_get_baseline (text->layout) / PANGO_SCALE;
}

/* Tabular figures keep the digits of ticks and values in columns; the
 * small capitals of headings get a little air. */
static void
set_font_attributes (ReelChartPen  *pen,
                     ReelChartFont  font,
                     PangoLayout   *layout)
{
  PangoAttrList *attrs;

  if (font == REEL_CHART_FONT_TICK || font == REEL_CHART_FONT_VALUE)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
    }
  else if (font == REEL_CHART_FONT_HEADING)
    {
      int spacing = (int) (pen->font_size * 0.06 * PANGO_SCALE);

      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (spacing));
    }
  else
    {
      return;
    }

  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Everything the measure of a text depends on: the pen's fonts (family,
 * size), the font, the text and how it is to be cut and aligned. */
static char *
dup_text_key (ReelChartPen  *pen,
              ReelChartFont  font,
              const char    *string,
              double         width,
              int            max_lines,
              int            alignment)
{
  return g_strdup_printf ("%s\x1f%a\x1f%d\x1f%a\x1f%d\x1f%d\x1f%s", pen->family, pen->font_size,
                          font, width, max_lines, alignment, string);
}

static ReelChartText
lay_out_text (ReelChartPen  *pen,
              ReelChartFont  font,
              const char    *string,
              double         width,
              int            max_lines,
              gboolean       align_end)
{
  ReelChartText text = { 0 };

  text.layout = pango_layout_new (pen->context);
  pango_layout_set_font_description (text.layout, pen->fonts[font]);
  set_font_attributes (pen, font, text.layout);

  if (width > 0)
    {
      pango_layout_set_width (text.layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (text.layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines != REEL_CHART_PEN_ALL_LINES)
        {
          pango_layout_set_ellipsize (text.layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (text.layout, -MAX (max_lines, 1));
        }
    }

  pango_layout_set_text (text.layout, string, -1);

  if (align_end)
    {
      /* With auto-dir (the default) the first line's resolved direction is
       * the paragraph's, and Pango mirrors the alignment of an RTL one. */
      PangoLayoutLine *line = pango_layout_get_line_readonly (text.layout, 0);
      gboolean rtl = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;

      pango_layout_set_alignment (text.layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    }

  return text;
}

/* The text laid out by the pen's thread before, or laid out now and kept.
 * @alignment is -1 for the natural one, else a PangoAlignment. */
static ReelChartText
measure_cached (ReelChartPen  *pen,
                ReelChartFont  font,
                const char    *string,
                double         width,
                int            max_lines,
                gboolean       align_end,
                int            alignment)
{
  PenCache *cache = get_pen_cache ();
  g_autofree char *key = dup_text_key (pen, font, string, width, max_lines,
                                       align_end ? PANGO_ALIGN_RIGHT + 1 : alignment);
  ReelChartText *cached = g_hash_table_lookup (cache->texts, key);
  ReelChartText text;

  g_assert (string != NULL);

  if (cached != NULL)
    {
      text = *cached;
      g_object_ref (text.layout);
      return text;
    }

  text = lay_out_text (pen, font, string, width, max_lines, align_end);
  if (alignment >= 0)
    pango_layout_set_alignment (text.layout, alignment);
  reel_chart_text_update (&text);

  if (g_hash_table_size (cache->texts) >= MAX_CACHED_TEXTS)
    g_hash_table_remove_all (cache->texts);
  cached = g_memdup2 (&text, sizeof text);
  g_object_ref (cached->layout);
  g_hash_table_replace (cache->texts, g_steal_pointer (&key), cached);

  return text;
}

/* Measures @string in @font. With @width > 0 it wraps at that width onto
 * at most @max_lines lines (per paragraph), the last ending in an
 * ellipsis, or onto as many as it takes when @max_lines is
 * REEL_CHART_PEN_ALL_LINES: text that must never be cut. It is aligned
 * to the end when @align_end: the visual right for
 * left-to-right text, the left for a right-to-left name, so that an Arabic
 * or Hebrew region name reads from the bar outwards like a Latin one. */
ReelChartText
reel_chart_pen_measure (ReelChartPen  *pen,
                        ReelChartFont  font,
                        const char    *string,
                        double         width,
                        int            max_lines,
                        gboolean       align_end)
{
  return measure_cached (pen, font, string, width, max_lines, align_end, -1);
}

/* One line, as long as it is. */
ReelChartText
reel_chart_pen_measure_line (ReelChartPen  *pen,
                             ReelChartFont  font,
                             const char    *string)
{
  return reel_chart_pen_measure (pen, font, string, 0, 1, FALSE);
}

/* At most two lines of @width, centred: a message in place of a plot. */
ReelChartText
reel_chart_pen_measure_centred (ReelChartPen  *pen,
                                ReelChartFont  font,
                                const char    *string,
                                double         width)
{
  return measure_cached (pen, font, string, width, 2, FALSE, PANGO_ALIGN_CENTER);
}

/* The height of a line of tick labels. */
double
reel_chart_pen_tick_height (ReelChartPen *pen)
{
  ReelChartText text = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_TICK, "0");
  double height = text.height;

  reel_chart_text_clear (&text);
  return height;
}
