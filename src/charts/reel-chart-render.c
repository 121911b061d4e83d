/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-render"

#include "config.h"

#include "reel-chart-render.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "reel-chart-layout-private.h"
#include "reel-world-geometry.h"

/* The lighter fill under an estimate's hatching: the region's colour at
 * this opacity, over whatever the background is. */
#define HATCH_FILL_ALPHA 0.3

static ReelChartColor
ink_color (const ReelChartTheme *theme,
           const ReelChartShape *shape)
{
  ReelChartColor color;

  switch (shape->ink)
    {
    case REEL_CHART_INK_FOREGROUND:
      color = theme->foreground;
      break;
    case REEL_CHART_INK_DIM:
      color = theme->dim;
      break;
    case REEL_CHART_INK_GRID:
      color = theme->grid;
      break;
    case REEL_CHART_INK_BASELINE:
      color = theme->baseline;
      break;
    case REEL_CHART_INK_WHISKER:
      color = theme->whisker;
      break;
    case REEL_CHART_INK_SELECTION:
      color = theme->selection;
      break;
    case REEL_CHART_INK_MUTED:
      color = theme->muted;
      break;
    case REEL_CHART_INK_WORLD:
      color = theme->world;
      break;
    case REEL_CHART_INK_BACKGROUND:
      color = theme->surface;
      break;
    case REEL_CHART_INK_REGION:
    default:
      reel_chart_theme_get_region_color (theme, shape->region, &color);
      break;
    }

  color.alpha *= shape->alpha;
  return color;
}

static void
set_color (cairo_t              *cr,
           const ReelChartColor *color,
           double                alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rect_path (cairo_t              *cr,
           const ReelChartShape *shape)
{
  const ReelChartRect *box = &shape->rect.box;
  double r = shape->rect.radius;
  double x = box->x, y = box->y, w = box->width, h = box->height;
  ReelChartCorners c = shape->rect.corners;

  if (r <= 0 || c == 0)
    {
      cairo_rectangle (cr, x, y, w, h);
    }
  else
    {
      double rtl = (c & REEL_CHART_CORNER_TOP_LEFT) ? r : 0;
      double rtr = (c & REEL_CHART_CORNER_TOP_RIGHT) ? r : 0;
      double rbr = (c & REEL_CHART_CORNER_BOTTOM_RIGHT) ? r : 0;
      double rbl = (c & REEL_CHART_CORNER_BOTTOM_LEFT) ? r : 0;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - rtr, y + rtr, rtr, -G_PI_2, 0);
      cairo_arc (cr, x + w - rbr, y + h - rbr, rbr, 0, G_PI_2);
      cairo_arc (cr, x + rbl, y + h - rbl, rbl, G_PI_2, G_PI);
      cairo_arc (cr, x + rtl, y + rtl, rtl, G_PI, 3 * G_PI_2);
      cairo_close_path (cr);
    }

  /* A break mark: a slanted gap across the bar, cut out by the even-odd
   * rule so that whatever is behind shows through, transparent or not. */
  if (shape->rect.cut >= 0)
    {
      double gap = MAX (1.5, h * 0.1), slant = h * 0.35, cx = shape->rect.cut;

      cairo_move_to (cr, cx - gap + slant / 2, y);
      cairo_line_to (cr, cx + gap + slant / 2, y);
      cairo_line_to (cr, cx + gap - slant / 2, y + h);
      cairo_line_to (cr, cx - gap - slant / 2, y + h);
      cairo_close_path (cr);
    }
}

/* Diagonal lines at 45° (rising to the right) across @box, within the
 * clip, anchored to the chart rather than the mark, so that the lines of
 * neighbouring marks line up like one pattern. */
static void
stroke_hatching (cairo_t             *cr,
                 const ReelChartRect *box,
                 double               spacing)
{
  double first = floor ((box->x + box->y) / spacing) * spacing;
  double last = box->x + box->width + box->y + box->height;

  cairo_new_path (cr);
  cairo_set_line_width (cr, MAX (1.0, spacing * 0.32));
  for (double k = first; k <= last; k += spacing)
    {
      /* The line x + y = k, from the box's top to its bottom. */
      cairo_move_to (cr, k - box->y, box->y);
      cairo_line_to (cr, k - box->y - box->height, box->y + box->height);
    }
  cairo_stroke (cr);
}

/* The current path as an estimate: a lighter fill under diagonal lines
 * across @box. */
static void
fill_hatched (cairo_t              *cr,
              const ReelChartRect  *box,
              const ReelChartColor *color,
              double                spacing)
{
  cairo_save (cr);
  cairo_clip_preserve (cr);
  set_color (cr, color, HATCH_FILL_ALPHA);
  cairo_fill (cr);
  set_color (cr, color, 1.0);
  stroke_hatching (cr, box, spacing);
  cairo_restore (cr);
}

static void
draw_rect (cairo_t              *cr,
           const ReelChartShape *shape,
           const ReelChartColor *color,
           double                spacing)
{
  const ReelChartRect *box = &shape->rect.box;

  if (box->width <= 0 || box->height <= 0)
    return;

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  rect_path (cr, shape);

  if (!shape->rect.hatched)
    {
      set_color (cr, color, 1.0);
      cairo_fill (cr);
      return;
    }

  fill_hatched (cr, box, color, spacing);
}

/* A Map's countries: filled, hatched like an estimate's bar, or outlined
 * (borders, the selected region). */
static void
draw_area (cairo_t              *cr,
           const ReelChartShape *shape,
           const ReelChartColor *color,
           double                spacing)
{
  ReelChartRect box;

  cairo_new_path (cr);
  reel_chart_outline_append_path (shape->area.outline, cr);
  set_color (cr, color, 1.0);

  if (shape->area.width > 0)
    {
      cairo_set_line_width (cr, shape->area.width);
      cairo_stroke (cr);
      return;
    }

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  if (!shape->area.hatched)
    {
      cairo_fill (cr);
      return;
    }

  box = reel_chart_outline_get_extents (shape->area.outline);
  fill_hatched (cr, &box, color, spacing);
}

static void
set_dash (cairo_t       *cr,
          ReelChartDash  dash,
          double         width)
{
  cairo_set_line_width (cr, width);
  switch (dash)
    {
    case REEL_CHART_DASH_DASHED:
      {
        double dashes[] = { width * 3.0, width * 2.2 };

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash (cr, dashes, 2, 0);
      }
      break;

    case REEL_CHART_DASH_DOTTED:
      {
        /* Round dots: zero-length dashes with round caps. */
        double dashes[] = { 0, width * 2.2 };

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dashes, 2, 0);
      }
      break;

    case REEL_CHART_DASH_SOLID:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

static void
draw_line (cairo_t              *cr,
           const ReelChartShape *shape,
           const ReelChartColor *color)
{
  set_dash (cr, shape->line.dash, shape->line.width);
  cairo_move_to (cr, shape->line.x1, shape->line.y1);
  cairo_line_to (cr, shape->line.x2, shape->line.y2);
  set_color (cr, color, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_path (cairo_t              *cr,
           const ReelChartShape *shape,
           const ReelChartColor *color)
{
  const double *points = shape->path.points;

  set_dash (cr, shape->path.dash, shape->path.width);
  if (shape->path.dash == REEL_CHART_DASH_SOLID)
    cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_move_to (cr, points[0], points[1]);
  for (guint i = 1; i < shape->path.n_points; i++)
    cairo_line_to (cr, points[i * 2], points[i * 2 + 1]);
  set_color (cr, color, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Fills only, of every point of the shape at once: two fills of many
 * discs are much cheaper for cairo than a stroked ring per point. */
static void
draw_markers (cairo_t              *cr,
              const ReelChartShape *shape,
              const ReelChartColor *color,
              const ReelChartTheme *theme)
{
  const double *centres = shape->marker.centres;
  double r = shape->marker.radius, w = shape->marker.width;

  /* A ring of the background keeps a point apart from the lines that
   * cross it (and fills a hollow one). */
  if (theme->background.alpha > 0 && (shape->marker.ring || !shape->marker.filled))
    {
      cairo_new_path (cr);
      for (guint i = 0; i < shape->marker.n_centres; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, centres[i * 2], centres[i * 2 + 1], shape->marker.filled ? r + w * 0.7 : r, 0, 2 * G_PI);
        }
      cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue,
                             theme->background.alpha * (shape->marker.filled ? shape->alpha : 1.0));
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }

  /* Hollow points (estimates and forecasts) are rings: a disc and, the
   * other way round, a smaller one, by the winding rule. */
  cairo_new_path (cr);
  for (guint i = 0; i < shape->marker.n_centres; i++)
    {
      double x = centres[i * 2], y = centres[i * 2 + 1];

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      if (!shape->marker.filled)
        {
          cairo_new_sub_path (cr);
          cairo_arc_negative (cr, x, y, MAX (r - w, 0.5), 2 * G_PI, 0);
        }
    }
  set_color (cr, color, 1.0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
}

/* ------------------------------------------------------------------ */
/* The map's countries, drawn once */

/* A Map's countries take some 40 ms to fill, hatch and outline at
 * 1600 × 1000, where the rest of a chart takes one: the window draws
 * again on every hover, and a layout is made again for every change of
 * size or selection. So the run of area shapes is drawn into an image
 * once and painted from it while what it draws stays the same: the same
 * countries in the same places, inks and device scale (hashed). Two
 * images are kept, the least recently used replaced: the map on screen
 * and the Export dialog's preview of it. Vector targets (SVG, PDF) and
 * images larger than AREA_CACHE_MAX_PIXELS (a one-off export at 4x) get
 * paths. */
#define AREA_CACHE_SIZE       2
#define AREA_CACHE_MAX_PIXELS (8 * 1000 * 1000)

typedef struct {
  guint64          key;
  guint64          used;          /* when last painted, in paints */
  cairo_surface_t *image;
} AreaImage;

static struct {
  GMutex    lock;
  guint64   n_paints;
  AreaImage images[AREA_CACHE_SIZE];
} area_cache;

/* The shapes from @first that are areas, up to @end. */
static guint
find_areas_end (GArray *shapes,
                guint   first)
{
  guint end = first;

  while (end < shapes->len && g_array_index (shapes, ReelChartShape, end).type == REEL_CHART_SHAPE_AREA)
    end++;
  return end;
}

static guint64
hash_areas (GArray               *shapes,
            guint                 first,
            guint                 end,
            const ReelChartTheme *theme,
            double                scale,
            double                spacing)
{
  const ReelChartColor *bg = &theme->background;
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  double background[] = { bg->red, bg->green, bg->blue, bg->alpha };

  for (guint k = 0; k < G_N_ELEMENTS (background); k++)
    hash = (hash ^ (guint64) (background[k] * 65536)) * G_GUINT64_CONSTANT (0x100000001b3);
  for (guint i = first; i < end; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);
      ReelChartColor color = ink_color (theme, shape);
      double look[] = { color.red, color.green, color.blue, color.alpha, shape->area.hatched,
                        shape->area.width, scale, spacing };

      hash = reel_chart_outline_hash (shape->area.outline, hash);
      for (guint k = 0; k < G_N_ELEMENTS (look); k++)
        hash = (hash ^ (guint64) (look[k] * 65536)) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

static void
draw_areas (cairo_t              *cr,
            GArray               *shapes,
            guint                 first,
            guint                 end,
            const ReelChartTheme *theme,
            double                spacing)
{
  for (guint i = first; i < end; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);
      ReelChartColor color = ink_color (theme, shape);

      draw_area (cr, shape, &color, spacing);
    }
}

/* The chart's size at the layout's device scale: the countries over the
 * background, when it is opaque, so that painting is a copy; else over
 * nothing. */
static cairo_surface_t *
draw_areas_image (ReelChartLayout      *layout,
                  GArray               *shapes,
                  guint                 first,
                  guint                 end,
                  const ReelChartTheme *theme,
                  double                spacing)
{
  double scale = reel_chart_layout_get_scale (layout);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       (int) ceil (reel_chart_layout_get_width (layout) * scale),
                                                       (int) ceil (reel_chart_layout_get_height (layout) * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  if (theme->background.alpha >= 1)
    {
      set_color (cr, &theme->background, 1.0);
      cairo_paint (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_tolerance (cr, 0.25);
  draw_areas (cr, shapes, first, end, theme, spacing);
  cairo_destroy (cr);
  return image;
}

/* The areas' image, from the cache or drawn into it now. */
static cairo_surface_t *
get_areas_image (ReelChartLayout      *layout,
                 GArray               *shapes,
                 guint                 first,
                 guint                 end,
                 const ReelChartTheme *theme,
                 double                spacing)
{
  guint64 key = hash_areas (shapes, first, end, theme, reel_chart_layout_get_scale (layout), spacing);
  AreaImage *slot = &area_cache.images[0];
  cairo_surface_t *image;

  g_mutex_lock (&area_cache.lock);
  for (guint i = 0; i < AREA_CACHE_SIZE; i++)
    {
      AreaImage *cached = &area_cache.images[i];

      if (cached->image != NULL && cached->key == key)
        {
          slot = cached;
          break;
        }
      if (cached->used < slot->used)
        slot = cached;
    }
  if (slot->image == NULL || slot->key != key)
    {
      g_clear_pointer (&slot->image, cairo_surface_destroy);
      slot->image = draw_areas_image (layout, shapes, first, end, theme, spacing);
      slot->key = key;
    }
  slot->used = ++area_cache.n_paints;
  image = cairo_surface_reference (slot->image);
  g_mutex_unlock (&area_cache.lock);

  return image;
}

/* The run of area shapes from @first; returns where it ends. */
static guint
paint_areas (ReelChartLayout      *layout,
             cairo_t              *cr,
             GArray               *shapes,
             guint                 first,
             const ReelChartTheme *theme,
             double                spacing)
{
  guint end = find_areas_end (shapes, first);
  cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));
  double scale = reel_chart_layout_get_scale (layout);
  double pixels = reel_chart_layout_get_width (layout) * reel_chart_layout_get_height (layout) * scale * scale;
  const ReelChartRect *plot;
  cairo_surface_t *image;

  if ((target != CAIRO_SURFACE_TYPE_IMAGE && target != CAIRO_SURFACE_TYPE_RECORDING) ||
      pixels > AREA_CACHE_MAX_PIXELS)
    {
      draw_areas (cr, shapes, first, end, theme, spacing);
      return end;
    }

  /* only the map's pixels, within its plot rectangle, where nothing is
   * drawn before it but the background */
  image = get_areas_image (layout, shapes, first, end, theme, spacing);
  plot = reel_chart_layout_get_plot_rect (layout);
  cairo_save (cr);
  if (theme->background.alpha >= 1)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_rectangle (cr, floor (plot->x) - 2, floor (plot->y) - 2, ceil (plot->width) + 4, ceil (plot->height) + 4);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  return end;
}

/**
 * reel_chart_render_outline:
 * @mark: a Map's mark (with an outline)
 * @theme: the colours
 * @cr: where, in the layout's logical pixels
 *
 * Outlines @mark's countries: a Map's hovered region, shown by its shape
 * rather than by its bounding box.
 */
void
reel_chart_render_outline (const ReelChartMark  *mark,
                           const ReelChartTheme *theme,
                           cairo_t              *cr)
{
  g_return_if_fail (mark != NULL && mark->outline != NULL);

  cairo_new_path (cr);
  reel_chart_outline_append_path (mark->outline, cr);
  set_color (cr, &theme->foreground, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* What every drawing of a layout starts with: the cairo state its shapes
 * expect, and the theme's background (unless transparent). The caller
 * restores @cr when done. */
void
_reel_chart_render_begin (ReelChartLayout      *layout,
                          const ReelChartTheme *theme,
                          cairo_t              *cr)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Curves are only the points and the bars' corners, a few pixels
   * across: a quarter of a pixel flattens them invisibly and in fewer
   * segments than cairo's default tenth. */
  cairo_set_tolerance (cr, 0.25);

  if (theme->background.alpha > 0)
    {
      double width = reel_chart_layout_get_width (layout), height = reel_chart_layout_get_height (layout);
      double r = MIN (theme->corner_radius, MIN (width, height) / 2);

      if (r > 0)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
          cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
          cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
        }
      else
        cairo_rectangle (cr, 0, 0, width, height);
      set_color (cr, &theme->background, 1.0);
      cairo_fill (cr);
    }
}

/* One shape of the display list, other than a Map's areas (drawn by runs,
 * from a cache). */
void
_reel_chart_render_shape (cairo_t              *cr,
                          const ReelChartShape *shape,
                          const ReelChartTheme *theme,
                          double                hatch_spacing)
{
  ReelChartColor color = ink_color (theme, shape);

  g_assert (shape->type != REEL_CHART_SHAPE_AREA);

  switch (shape->type)
    {
    case REEL_CHART_SHAPE_RECT:
      draw_rect (cr, shape, &color, hatch_spacing);
      break;

    case REEL_CHART_SHAPE_LINE:
      draw_line (cr, shape, &color);
      break;

    case REEL_CHART_SHAPE_MARKER:
      draw_markers (cr, shape, &color, theme);
      break;

    case REEL_CHART_SHAPE_PATH:
      draw_path (cr, shape, &color);
      break;

    case REEL_CHART_SHAPE_TEXT:
    default:
      set_color (cr, &color, 1.0);
      cairo_move_to (cr, shape->text.x, shape->text.y);
      pango_cairo_show_layout (cr, shape->text.layout);
      break;
    }
}

/**
 * reel_chart_render:
 * @layout: what to draw
 * @theme: (nullable): the colours, or NULL for the layout's own; a theme
 *   of the other variant redraws light as dark without a new layout
 * @cr: where, in the layout's logical pixels (the caller sets the device
 *   scale)
 *
 * Paints the theme's background (unless transparent) and the chart.
 */
void
reel_chart_render (ReelChartLayout      *layout,
                   const ReelChartTheme *theme,
                   cairo_t              *cr)
{
  GArray *shapes;
  double spacing;

  g_return_if_fail (REEL_IS_CHART_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (theme == NULL)
    theme = reel_chart_layout_get_theme (layout);
  shapes = _reel_chart_layout_get_shapes (layout);
  spacing = _reel_chart_layout_get_hatch_spacing (layout);

  _reel_chart_render_begin (layout, theme, cr);

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_AREA)
        i = paint_areas (layout, cr, shapes, i, theme, spacing) - 1;
      else
        _reel_chart_render_shape (cr, shape, theme, spacing);
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Bands */

/* The window draws a chart as bands across it, each its own drawing, and
 * keeps a band's drawing while its hash stays: a change that touches a
 * few rows (a region picked, the selection band and the bold name moving)
 * redraws those rows' bands, and GTK repaints only them. */
#define BAND_HEIGHT 32

/* How far ink may reach past a shape's geometry: antialiasing, a
 * marker's ring, round joins. Text is measured by its ink. */
#define BAND_SLACK 3

typedef struct {
  guint64 value;
} Hash;

static void
hash_bytes (Hash       *hash,
            const void *data,
            gsize       size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash->value = (hash->value ^ bytes[i]) * G_GUINT64_CONSTANT (0x100000001b3);
}

static void
hash_double (Hash   *hash,
             double  value)
{
  hash_bytes (hash, &value, sizeof value);
}

static void
hash_uint (Hash  *hash,
           guint  value)
{
  hash_bytes (hash, &value, sizeof value);
}

static void
hash_string (Hash       *hash,
             const char *string)
{
  if (string != NULL)
    hash_bytes (hash, string, strlen (string) + 1);
  else
    hash_uint (hash, 0);
}

static void
hash_color (Hash                 *hash,
            const ReelChartColor *color)
{
  hash_double (hash, color->red);
  hash_double (hash, color->green);
  hash_double (hash, color->blue);
  hash_double (hash, color->alpha);
}

/* Everything of a text that its pixels depend on, other than the
 * context's (the same for the whole layout). */
static void
hash_text (Hash                 *hash,
           const ReelChartShape *shape)
{
  PangoLayout *text = shape->text.layout;
  const PangoFontDescription *font = pango_layout_get_font_description (text);
  PangoAttrList *attributes = pango_layout_get_attributes (text);
  g_autofree char *attributes_string = attributes != NULL ? pango_attr_list_to_string (attributes) : NULL;

  hash_string (hash, pango_layout_get_text (text));
  hash_uint (hash, font != NULL ? pango_font_description_hash (font) : 0);
  hash_string (hash, attributes_string);
  hash_uint (hash, (guint) pango_layout_get_width (text));
  hash_uint (hash, (guint) pango_layout_get_height (text));
  hash_uint (hash, pango_layout_get_wrap (text));
  hash_uint (hash, pango_layout_get_ellipsize (text));
  hash_uint (hash, pango_layout_get_alignment (text));
  hash_double (hash, shape->text.x);
  hash_double (hash, shape->text.y);
}

static void
hash_points (Hash         *hash,
             const double *points,
             guint         n_points)
{
  hash_uint (hash, n_points);
  hash_bytes (hash, points, n_points * 2 * sizeof (double));
}

/* What a shape draws, field by field (a union's padding is no one's). */
static guint64
hash_shape (const ReelChartShape *shape,
            const ReelChartTheme *theme)
{
  Hash hash = { G_GUINT64_CONSTANT (0xcbf29ce484222325) };
  ReelChartColor color = ink_color (theme, shape);

  hash_uint (&hash, shape->type);
  hash_color (&hash, &color);

  switch (shape->type)
    {
    case REEL_CHART_SHAPE_RECT:
      hash_bytes (&hash, &shape->rect.box, sizeof shape->rect.box);
      hash_double (&hash, shape->rect.radius);
      hash_uint (&hash, shape->rect.corners);
      hash_uint (&hash, shape->rect.hatched);
      hash_double (&hash, shape->rect.cut);
      break;

    case REEL_CHART_SHAPE_LINE:
      hash_double (&hash, shape->line.x1);
      hash_double (&hash, shape->line.y1);
      hash_double (&hash, shape->line.x2);
      hash_double (&hash, shape->line.y2);
      hash_double (&hash, shape->line.width);
      hash_uint (&hash, shape->line.dash);
      break;

    case REEL_CHART_SHAPE_MARKER:
      hash_points (&hash, shape->marker.centres, shape->marker.n_centres);
      hash_double (&hash, shape->marker.radius);
      hash_double (&hash, shape->marker.width);
      hash_uint (&hash, shape->marker.filled);
      hash_uint (&hash, shape->marker.ring);
      break;

    case REEL_CHART_SHAPE_PATH:
      hash_points (&hash, shape->path.points, shape->path.n_points);
      hash_double (&hash, shape->path.width);
      hash_uint (&hash, shape->path.dash);
      break;

    case REEL_CHART_SHAPE_TEXT:
    default:
      hash_text (&hash, shape);
      break;
    }

  return hash.value;
}

static void
points_reach (const double *points,
              guint         n_points,
              double        reach,
              double       *top,
              double       *bottom)
{
  *top = G_MAXDOUBLE;
  *bottom = -G_MAXDOUBLE;
  for (guint i = 0; i < n_points; i++)
    {
      *top = MIN (*top, points[i * 2 + 1] - reach);
      *bottom = MAX (*bottom, points[i * 2 + 1] + reach);
    }
}

/* How far a shape's ink reaches up and down. */
static void
shape_reach (const ReelChartShape *shape,
             double               *top,
             double               *bottom)
{
  switch (shape->type)
    {
    case REEL_CHART_SHAPE_RECT:
      *top = shape->rect.box.y;
      *bottom = shape->rect.box.y + shape->rect.box.height;
      break;

    case REEL_CHART_SHAPE_LINE:
      *top = MIN (shape->line.y1, shape->line.y2) - shape->line.width;
      *bottom = MAX (shape->line.y1, shape->line.y2) + shape->line.width;
      break;

    case REEL_CHART_SHAPE_MARKER:
      /* the ring reaches 0.7 of the outline's width past it */
      points_reach (shape->marker.centres, shape->marker.n_centres,
                    shape->marker.radius + shape->marker.width * 1.5, top, bottom);
      break;

    case REEL_CHART_SHAPE_PATH:
      points_reach (shape->path.points, shape->path.n_points, shape->path.width, top, bottom);
      break;

    case REEL_CHART_SHAPE_TEXT:
    default:
      {
        PangoRectangle ink, logical;

        pango_layout_get_pixel_extents (shape->text.layout, &ink, &logical);
        *top = shape->text.y + MIN (ink.y, logical.y);
        *bottom = shape->text.y + MAX (ink.y + ink.height, logical.y + logical.height);
      }
      break;
    }

  *top -= BAND_SLACK;
  *bottom += BAND_SLACK;
}

/**
 * reel_chart_render_count_bands:
 * @layout: a chart
 *
 * Returns: how many bands reel_chart_render_band() draws @layout in: 0
 *   for a Map, whose countries are one image (drawn whole)
 */
guint
reel_chart_render_count_bands (ReelChartLayout *layout)
{
  GArray *shapes;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), 0);

  shapes = _reel_chart_layout_get_shapes (layout);
  for (guint i = 0; i < shapes->len; i++)
    if (g_array_index (shapes, ReelChartShape, i).type == REEL_CHART_SHAPE_AREA)
      return 0;

  return (guint) MAX (1, ceil (reel_chart_layout_get_height (layout) / BAND_HEIGHT));
}

/**
 * reel_chart_render_get_band:
 * @layout: a chart
 * @band: below reel_chart_render_count_bands()
 * @rect: (out): the band, in the layout's logical pixels (whole pixels)
 */
void
reel_chart_render_get_band (ReelChartLayout *layout,
                            guint            band,
                            ReelChartRect   *rect)
{
  double width, height;

  g_return_if_fail (REEL_IS_CHART_LAYOUT (layout));
  g_return_if_fail (rect != NULL);

  width = ceil (reel_chart_layout_get_width (layout));
  height = ceil (reel_chart_layout_get_height (layout));
  rect->x = 0;
  rect->y = MIN ((double) band * BAND_HEIGHT, height);
  rect->width = width;
  rect->height = MIN (BAND_HEIGHT, height - rect->y);
}

/**
 * reel_chart_render_hash_bands:
 * @layout: a chart with bands
 * @theme: (nullable): as reel_chart_render()'s
 * @hashes: (out caller-allocates) (array): one a band
 *
 * Hashes what each band of @layout shows: the background, the size and
 * scale, and every shape that reaches into the band. Two bands with the
 * same hash draw the same pixels.
 */
void
reel_chart_render_hash_bands (ReelChartLayout      *layout,
                              const ReelChartTheme *theme,
                              guint64              *hashes)
{
  guint n_bands = reel_chart_render_count_bands (layout);
  GArray *shapes;
  Hash seed = { G_GUINT64_CONSTANT (0xcbf29ce484222325) };

  g_return_if_fail (n_bands > 0);
  g_return_if_fail (hashes != NULL);

  if (theme == NULL)
    theme = reel_chart_layout_get_theme (layout);
  shapes = _reel_chart_layout_get_shapes (layout);

  hash_double (&seed, reel_chart_layout_get_width (layout));
  hash_double (&seed, reel_chart_layout_get_height (layout));
  hash_double (&seed, reel_chart_layout_get_scale (layout));
  hash_double (&seed, theme->corner_radius);
  hash_double (&seed, _reel_chart_layout_get_hatch_spacing (layout));
  hash_color (&seed, &theme->background);
  for (guint b = 0; b < n_bands; b++)
    hashes[b] = seed.value;

  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);
      guint64 hash;
      double top, bottom;
      guint first, last;

      shape_reach (shape, &top, &bottom);
      if (bottom <= 0 || top >= n_bands * BAND_HEIGHT)
        continue;
      first = (guint) MAX (0, floor (top / BAND_HEIGHT));
      last = MIN (n_bands - 1, (guint) floor (bottom / BAND_HEIGHT));
      hash = hash_shape (shape, theme);
      /* in order: a band's shapes are drawn in order */
      for (guint b = first; b <= last; b++)
        hashes[b] = (hashes[b] ^ hash) * G_GUINT64_CONSTANT (0x100000001b3);
    }
}

/**
 * reel_chart_render_band:
 * @layout: a chart with bands
 * @theme: (nullable): as reel_chart_render()'s
 * @band: below reel_chart_render_count_bands()
 * @cr: as reel_chart_render()'s
 *
 * Draws what reel_chart_render() draws within @band, and nothing outside:
 * the same pixels there, as every shape is drawn in the same order and
 * the band's edges are whole pixels.
 */
void
reel_chart_render_band (ReelChartLayout      *layout,
                        const ReelChartTheme *theme,
                        guint                 band,
                        cairo_t              *cr)
{
  ReelChartRect rect;
  GArray *shapes;
  double spacing;

  g_return_if_fail (band < reel_chart_render_count_bands (layout));
  g_return_if_fail (cr != NULL);

  if (theme == NULL)
    theme = reel_chart_layout_get_theme (layout);
  shapes = _reel_chart_layout_get_shapes (layout);
  spacing = _reel_chart_layout_get_hatch_spacing (layout);
  reel_chart_render_get_band (layout, band, &rect);

  cairo_save (cr);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_clip (cr);
  _reel_chart_render_begin (layout, theme, cr);
  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);
      double top, bottom;

      shape_reach (shape, &top, &bottom);
      if (bottom > rect.y && top < rect.y + rect.height)
        _reel_chart_render_shape (cr, shape, theme, spacing);
    }
  cairo_restore (cr);
  cairo_restore (cr);
}
