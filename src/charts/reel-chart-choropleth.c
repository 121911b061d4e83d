/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-choropleth"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-kind.h"
#include "reel-scale.h"
#include "reel-text-figure.h"
#include "reel-world-geometry.h"

/* A Map's plot: the world in Equal Earth (reel-world-geometry.c), each
 * region's countries filled by its bar's value in binned steps of one hue
 * (two, either side of zero, for growth), "no figure" hatched in grey,
 * estimates and forecasts hatched in their colour as their bars are, and
 * countries outside every region in plain grey. A key of the bins under
 * the map; each region's value labelled at its largest country. */

#define MAX_BINS       5
#define RISE_PALETTE   0          /* Okabe-Ito blue: more, and growth */
#define FALL_PALETTE   5          /* vermillion: decline */

typedef struct {
  ReelChartDraft    *draft;
  ReelChartData     *data;
  ReelWorldGeometry *geometry;
  double             unit;
  gboolean           diverging;

  ReelScale          scale;       /* the bins' edges are its ticks */
  guint              n_rise;      /* bins above zero */
  guint              n_fall;      /* bins below zero: growth's falls, down to −100% at most */

  ReelChartRect      map;         /* where the plane's bounds are drawn */
  double             x, y, k;     /* the plane's origin and pixels per unit */
  double             key_top;
  gboolean           no_figure;   /* some countries are hatched for it */
  gboolean           apart;       /* some of them have a figure on another scale */
} Plot;

/* ------------------------------------------------------------------ */
/* Bins */

/* Nice edges over the values' magnitudes: at most MAX_BINS bins of 1-2-5
 * steps from zero, and for growth as many below it as its falls need, by
 * the same steps. Nothing falls by more than all of it: the lowest edge is
 * −100% at most. */
static void
fit_bins (Plot *plot)
{
  double rise = 0, fall = 0;

  for (guint i = 0; i < plot->data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);

      if (reel_chart_bar_is_apart (bar))
        continue;
      if (bar->value >= 0 || !plot->diverging)
        rise = MAX (rise, ABS (bar->value));
      else
        fall = MAX (fall, MIN (-bar->value, 100));
    }
  if (rise <= 0 && fall <= 0)
    rise = 1;

  reel_scale_init (&plot->scale, 0, MAX (rise, fall), MAX_BINS + 1, REEL_SCALE_ZERO);
  plot->n_rise = rise > 0 ? CLAMP ((guint) ceil (rise / plot->scale.step - 1e-9), 1, MAX_BINS) : 0;
  plot->n_fall = fall > 0 ? CLAMP ((guint) ceil (fall / plot->scale.step - 1e-9), 1, MAX_BINS) : 0;
}

/* The key's edges, left to right: the falls' first. */
static double
get_edge (Plot  *plot,
          guint  index)
{
  if (index < plot->n_fall)
    return -MIN (reel_scale_get_tick (&plot->scale, plot->n_fall - index), 100);
  return reel_scale_get_tick (&plot->scale, index - plot->n_fall);
}

/* The ink and opacity of @value's bin: steps of opacity over the
 * background, so that the ramp runs from the card's colour in either
 * theme, lightest for the least; a step is as strong either side. */
static void
get_bin_ink (Plot   *plot,
             double  value,
             guint  *palette,
             double *alpha)
{
  guint n_side = value < 0 ? plot->n_fall : plot->n_rise;
  guint bin = (guint) floor (ABS (value) / plot->scale.step);

  bin = MIN (bin, MAX (n_side, 1) - 1);
  *palette = value < 0 ? FALL_PALETTE : RISE_PALETTE;
  *alpha = 0.2 + 0.8 * (bin + 1) / MAX (plot->n_rise, plot->n_fall);
}

/* ------------------------------------------------------------------ */
/* Places */

static gboolean
bar_is_country (const ReelChartBar *bar)
{
  return bar->measures->len > 0 &&
         ((const ReelMeasure *) g_ptr_array_index (bar->measures, 0))->country != NULL;
}

static const char *
bar_country (const ReelChartBar *bar)
{
  return ((const ReelMeasure *) g_ptr_array_index (bar->measures, 0))->country;
}

/* Whether a country has a bar of its own, coloured apart from its region. */
static gboolean
has_own_bar (Plot       *plot,
             const char *code)
{
  for (guint i = 0; i < plot->data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);

      if (bar_is_country (bar) && g_strcmp0 (bar_country (bar), code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @region_index has a figure for the whole region, not only for
 * some of its countries. */
static gboolean
has_region_bar (Plot *plot,
                int   region_index)
{
  for (guint i = 0; i < plot->data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);

      if (bar->region == region_index && !bar_is_country (bar))
        return TRUE;
    }
  return FALSE;
}

/* The shapes of @codes (NULL-terminated), but for those with a bar of
 * their own when @skip_own. */
static ReelChartOutline *
outline_codes (Plot              *plot,
               const char *const *codes,
               gboolean           skip_own)
{
  ReelChartOutline *outline = reel_chart_outline_new (plot->geometry, plot->x, plot->y, plot->k);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const ReelWorldCountry *country = reel_world_geometry_find (plot->geometry, codes[i]);

      if (country != NULL && !(skip_own && has_own_bar (plot, codes[i])))
        reel_chart_outline_add (outline, country);
    }
  return outline;
}

/* A region's countries that have no bar of their own. */
static ReelChartOutline *
outline_rest_of_region (Plot *plot,
                        int   region_index)
{
  const ReelRegion *region = g_ptr_array_index (plot->data->regions, region_index);

  return outline_codes (plot, (const char *const *) region->countries, TRUE);
}

/* The one country of a country's bar. */
static ReelChartOutline *
outline_country (Plot       *plot,
                 const char *code)
{
  const char *codes[] = { code, NULL };

  return outline_codes (plot, codes, FALSE);
}

static gboolean
is_in_a_region (Plot       *plot,
                const char *code)
{
  for (guint i = 0; i < plot->data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (plot->data->regions, i);

      if (region->countries != NULL && g_strv_contains ((const char *const *) region->countries, code))
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Shapes */

static ReelChartShape *
add_area (Plot             *plot,
          ReelChartOutline *outline,
          ReelChartInk      ink,
          guint             palette,
          double            alpha)
{
  ReelChartShape *shape = reel_chart_canvas_add_shape (plot->draft->canvas, REEL_CHART_SHAPE_AREA,
                                                       ink, palette);

  shape->alpha = alpha;
  shape->area.outline = reel_chart_outline_ref (outline);
  return shape;
}

static void
add_no_figure (Plot             *plot,
               ReelChartOutline *outline)
{
  add_area (plot, outline, REEL_CHART_INK_MUTED, 0, 1.0)->area.hatched = TRUE;
}

/* Whether some region has no figure of its own to colour it by: its
 * countries, or those without one of theirs, are then hatched. */
static gboolean
has_region_without_figure (Plot *plot)
{
  for (guint r = 0; r < plot->data->regions->len; r++)
    {
      gboolean figure = FALSE;

      for (guint i = 0; i < plot->data->bars->len && !figure; i++)
        {
          const ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);

          figure = bar->region == (int) r && !bar_is_country (bar) && !reel_chart_bar_is_apart (bar);
        }
      if (!figure)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_apart (Plot *plot)
{
  for (guint i = 0; i < plot->data->bars->len; i++)
    if (reel_chart_bar_is_apart (&g_array_index (plot->data->bars, ReelChartBar, i)))
      return TRUE;
  return FALSE;
}

/* Every country but Antarctica, which no market is in; or only those in
 * no region of the dataset. */
static ReelChartOutline *
outline_world (Plot     *plot,
               gboolean  outside_regions)
{
  ReelChartOutline *outline = reel_chart_outline_new (plot->geometry, plot->x, plot->y, plot->k);
  guint n = reel_world_geometry_get_n_countries (plot->geometry);

  for (guint i = 0; i < n; i++)
    {
      const ReelWorldCountry *country = reel_world_geometry_get_country (plot->geometry, i);

      if (g_strcmp0 (country->code, "AQ") != 0 &&
          !(outside_regions && is_in_a_region (plot, country->code)))
        reel_chart_outline_add (outline, country);
    }
  return outline;
}

/* The land of no region, in grey. */
static void
add_land (Plot *plot)
{
  g_autoptr(ReelChartOutline) outside = outline_world (plot, TRUE);

  add_area (plot, outside, REEL_CHART_INK_MUTED, 0, 0.6);
}

/* Every country's border, in the background's colour. */
static void
add_borders (Plot *plot)
{
  g_autoptr(ReelChartOutline) all = outline_world (plot, FALSE);

  add_area (plot, all, REEL_CHART_INK_BACKGROUND, 0, 1.0)->area.width = MAX (0.5, plot->unit * 0.08);
}

/* A region known only by some of its countries: the rest of it is hatched
 * for "no figure", and belongs to the mark of its first country, so that
 * pointing anywhere in the region finds what the data says of it. */
static ReelChartOutline *
add_rest_of_region (Plot               *plot,
                    const ReelChartBar *bar,
                    ReelChartOutline   *country)
{
  g_autoptr(ReelChartOutline) rest = outline_rest_of_region (plot, bar->region);
  ReelChartOutline *hit = reel_chart_outline_new (plot->geometry, plot->x, plot->y, plot->k);

  add_no_figure (plot, rest);
  reel_chart_outline_add_all (hit, country);
  reel_chart_outline_add_all (hit, rest);
  return hit;
}

/* A bar's countries, filled, and its mark over them. */
static void
add_place (Plot               *plot,
           const ReelChartBar *bar,
           gboolean            first_of_region)
{
  g_autoptr(ReelChartOutline) outline = bar_is_country (bar)
                                          ? outline_country (plot, bar_country (bar))
                                          : outline_rest_of_region (plot, bar->region);
  g_autoptr(ReelChartOutline) hit = NULL;
  ReelChartShape *shape;
  ReelChartMark mark = { 0 };
  guint palette;
  double alpha;

  if (reel_chart_outline_get_n_countries (outline) == 0)
    return;

  if (reel_chart_bar_is_apart (bar))
    {
      add_no_figure (plot, outline);
    }
  else
    {
      get_bin_ink (plot, bar->value, &palette, &alpha);
      shape = add_area (plot, outline, REEL_CHART_INK_REGION, palette, alpha);
      shape->area.hatched = (bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
    }

  if (first_of_region && bar_is_country (bar) && !has_region_bar (plot, bar->region))
    hit = add_rest_of_region (plot, bar, outline);
  else
    hit = reel_chart_outline_ref (outline);

  mark.outline = reel_chart_outline_ref (hit);
  mark.area = reel_chart_outline_get_extents (hit);
  mark.rect = mark.area;
  reel_chart_bar_describe_mark (plot->draft->kind, plot->data, bar, &mark);
  g_array_append_val (plot->draft->canvas->marks, mark);
}

/* A region the metric has no figure for at all (Growth and Downloads list
 * it only in the note): its countries hatched, as a missing bar's are. */
static int
compare_marks_by_region (gconstpointer a,
                         gconstpointer b)
{
  const ReelChartMark *mark_a = a, *mark_b = b;

  return (mark_a->region > mark_b->region) - (mark_a->region < mark_b->region);
}

/* A region without a figure is still a place to point at, select and
 * read: "Latin America & Caribbean, no figure". */
static void
add_no_figure_mark (Plot             *plot,
                    int               region_index,
                    ReelChartOutline *outline)
{
  const ReelRegion *region = g_ptr_array_index (plot->data->regions, region_index);
  ReelChartMark mark = { 0 };

  if (reel_chart_outline_get_n_countries (outline) == 0)
    return;

  mark.outline = reel_chart_outline_ref (outline);
  mark.area = reel_chart_outline_get_extents (outline);
  mark.rect = mark.area;
  mark.region = region_index;
  mark.region_id = region->id;
  mark.name = reel_text_get_region_name (region);
  mark.year = plot->data->year;
  mark.value = NAN;
  mark.figures = g_ptr_array_new ();
  mark.growths = g_ptr_array_new ();
  mark.tooltip = g_strdup_printf ("%s\n%s", mark.name, _("no figure"));
  mark.label = g_strdup_printf ("%s, %s", mark.name, _("no figure"));
  g_array_append_val (plot->draft->canvas->marks, mark);
}

static void
add_regions_without_bars (Plot *plot)
{
  for (guint r = 0; r < plot->data->regions->len; r++)
    {
      g_autoptr(ReelChartOutline) rest = NULL;
      gboolean has_bar = FALSE;

      for (guint i = 0; i < plot->data->bars->len && !has_bar; i++)
        has_bar = g_array_index (plot->data->bars, ReelChartBar, i).region == (int) r;
      if (has_bar)
        continue;
      rest = outline_rest_of_region (plot, (int) r);
      add_no_figure (plot, rest);
      add_no_figure_mark (plot, (int) r, rest);
    }
}

/* The selected regions' countries, outlined in the text's colour. */
static void
add_selection (Plot *plot)
{
  for (guint i = 0; i < plot->draft->canvas->marks->len; i++)
    {
      const ReelChartMark *mark = &g_array_index (plot->draft->canvas->marks, ReelChartMark, i);

      if (reel_chart_data_is_selected (plot->data, mark->region_id))
        add_area (plot, mark->outline, REEL_CHART_INK_FOREGROUND, 0, 1.0)->area.width =
          MAX (1.0, plot->unit * 0.16);
    }
}

/* ------------------------------------------------------------------ */
/* Labels */

/* The centre of the largest polygon among @outline's countries. */
static gboolean
find_label_point (Plot               *plot,
                  const ReelChartBar *bar,
                  double             *x,
                  double             *y)
{
  const ReelRegion *region = g_ptr_array_index (plot->data->regions, bar->region);
  const char *const *codes = (const char *const *) region->countries;
  const char *own[] = { bar_is_country (bar) ? bar_country (bar) : NULL, NULL };
  double largest = 0;

  if (own[0] != NULL)
    codes = own;
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const ReelWorldCountry *country = reel_world_geometry_find (plot->geometry, codes[i]);
      const ReelWorldPolygon *polygon;

      if (country == NULL || (own[0] == NULL && has_own_bar (plot, codes[i])))
        continue;
      polygon = reel_world_geometry_get_polygon (plot->geometry, country->largest);
      if (polygon->area > largest)
        {
          largest = polygon->area;
          *x = plot->x + polygon->centre_x * plot->k;
          *y = plot->y + polygon->centre_y * plot->k;
        }
    }
  return largest > 0;
}

/* A place for a plate of @width × @height centred on (@x, @y), or just
 * below or above it, that covers no plate @taken and stays on the map. */
static gboolean
find_free_plate (Plot          *plot,
                 GArray        *taken,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 ReelChartRect *plate)
{
  const double shifts[] = { 0, 1, -1 };

  for (guint s = 0; s < G_N_ELEMENTS (shifts); s++)
    {
      gboolean free_place = TRUE;

      *plate = (ReelChartRect) { x - width / 2, y - height / 2 + shifts[s] * height, width, height };
      for (guint t = 0; t < taken->len && free_place; t++)
        free_place = !reel_chart_rect_intersects (plate, &g_array_index (taken, ReelChartRect, t));
      if (free_place && plate->x >= plot->map.x && plate->x + width <= plot->map.x + plot->map.width)
        return TRUE;
    }
  return FALSE;
}

/* "≥$10M", or "≈$11M, May 2025" when the label names its period
 * (reel_chart_map_names_period()). */
static char *
dup_label (Plot               *plot,
           const ReelChartBar *bar)
{
  g_autofree char *value = plot->draft->kind->format_value (plot->data, bar->value, bar->qualifier);
  g_autofree char *period_text = NULL;
  ReelPeriod period;

  if (!reel_chart_map_names_period (plot->data, bar))
    return g_steal_pointer (&value);
  reel_chart_bar_get_period (plot->data, bar, &period);
  period_text = reel_text_dup_period (&period, FALSE);
  return g_strconcat (value, reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS), period_text, NULL);
}

/* A region's value on a plate of the background at its largest country,
 * or beside it, unless it would cover another's or leave the map. */
static void
add_labels (Plot *plot)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (ReelChartRect));

  for (guint i = 0; i < plot->data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);
      g_autofree char *value = NULL;
      ReelChartText text;
      ReelChartRect plate;
      double x = 0, y = 0, pad = plot->unit * 0.3;

      if (reel_chart_bar_is_apart (bar) || !find_label_point (plot, bar, &x, &y))
        continue;

      value = dup_label (plot, bar);
      text = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_VALUE, value);
      if (!find_free_plate (plot, taken, x, y, text.width + 2 * pad, text.height, &plate))
        {
          reel_chart_text_clear (&text);
          continue;
        }

      g_array_append_val (taken, plate);
      reel_chart_canvas_add_rect (canvas, REEL_CHART_INK_BACKGROUND, 0, &plate, pad * 2,
                                  REEL_CHART_CORNER_ALL)->alpha = 0.85;
      reel_chart_canvas_add_text (canvas, &text, plate.x + pad - text.x_offset,
                                  plate.y - text.y_offset, REEL_CHART_INK_FOREGROUND,
                                  REEL_CHART_TEXT_VALUE);
    }
}

/* ------------------------------------------------------------------ */
/* Key */

static void
add_swatch (Plot             *plot,
            double            x,
            double            y,
            double            width,
            ReelChartInk      ink,
            guint             palette,
            double            alpha,
            gboolean          hatched,
            const char       *label)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  double size = plot->unit * 2;
  ReelChartRect box = { x, y, width, size };
  ReelChartShape *shape = reel_chart_canvas_add_rect (canvas, ink, palette, &box, 0, 0);

  shape->alpha = alpha;
  shape->rect.hatched = hatched;
  if (label != NULL)
    {
      ReelChartText text = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_LEGEND,
                                                        label);
      double left = x + box.width + plot->unit * 0.6;

      reel_chart_canvas_add_text (canvas, &text, left - text.x_offset,
                                  y + (size - text.height) / 2 - text.y_offset,
                                  REEL_CHART_INK_DIM, REEL_CHART_TEXT_LEGEND);
    }
}

/* What hatching and grey mean, after the bins. */
typedef struct {
  const char   *label;
  ReelChartInk  ink;
  guint         palette;
  double        alpha;
  gboolean      hatched;
  double        x;              /* placed by flow_key() */
  double        y;
} KeyItem;

static guint
list_key_items (Plot    *plot,
                KeyItem *items)
{
  guint n = 0;

  if (plot->data->traits.estimate || plot->data->traits.forecast)
    items[n++] = (KeyItem) { _("estimate or forecast"), REEL_CHART_INK_REGION, RISE_PALETTE, 1.0, TRUE };
  if (plot->no_figure)
    items[n++] = (KeyItem) { plot->apart ? _("no figure on this scale") : _("no figure"),
                             REEL_CHART_INK_MUTED, 0, 1.0, TRUE };
  items[n++] = (KeyItem) { _("in no region of the dataset"), REEL_CHART_INK_MUTED, 0, 0.6, FALSE };
  return n;
}

static guint
count_edges (Plot *plot)
{
  return plot->n_fall + plot->n_rise + 1;
}

/* The edges' labels, and the swatches' width that keeps them apart. */
static double
measure_edges (Plot          *plot,
               ReelChartText *edges)
{
  double swatch = plot->unit * 3.2;

  for (guint e = 0; e < count_edges (plot); e++)
    {
      g_autofree char *label = plot->draft->kind->format_value (plot->data, get_edge (plot, e),
                                                                REEL_QUALIFIER_NONE);

      edges[e] = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_TICK, label);
      swatch = MAX (swatch, edges[e].width + plot->unit);
    }
  return swatch;
}

/* The items flow after the bins like words, on as many lines as the width
 * needs; returns the key's height. */
static double
flow_key (Plot    *plot,
          double   bins_width,
          KeyItem *items,
          guint    n_items)
{
  const ReelChartRect *content = &plot->draft->frame->content;
  double bins_height = plot->unit * 2.3 + reel_chart_pen_tick_height (plot->draft->pen);
  double x = content->x + bins_width + plot->unit * 3, y = 0, bottom = bins_height;

  for (guint i = 0; i < n_items; i++)
    {
      ReelChartText text = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_LEGEND,
                                                        items[i].label);
      double width = plot->unit * 3.8 + text.width;

      reel_chart_text_clear (&text);
      if (x + width > content->x + content->width && x > content->x)
        {
          x = content->x;
          y = bottom + plot->unit;
          bottom = y + plot->unit * 2;
        }
      items[i].x = x;
      items[i].y = y;
      x += width + plot->unit * 2;
    }
  return bottom;
}

static double
measure_key (Plot *plot)
{
  g_autofree ReelChartText *edges = g_new0 (ReelChartText, count_edges (plot));
  double swatch = measure_edges (plot, edges);
  KeyItem items[3];
  double height = flow_key (plot, edges[0].width / 2 + (count_edges (plot) - 1) * swatch, items,
                            list_key_items (plot, items));

  for (guint e = 0; e < count_edges (plot); e++)
    reel_chart_text_clear (&edges[e]);
  return height;
}

/* The bins as a row of swatches with their edges under them, then what
 * hatching and grey mean. */
static void
add_key (Plot *plot)
{
  guint n_edges = count_edges (plot);
  g_autofree ReelChartText *edges = g_new0 (ReelChartText, n_edges);
  double swatch = measure_edges (plot, edges);
  double x = plot->draft->frame->content.x + edges[0].width / 2;
  KeyItem items[3];
  guint n_items = list_key_items (plot, items);

  flow_key (plot, edges[0].width / 2 + (n_edges - 1) * swatch, items, n_items);
  for (guint e = 0; e < n_edges; e++)
    {
      double left = x + e * swatch;

      if (e + 1 < n_edges)
        {
          double middle = (get_edge (plot, e) + get_edge (plot, e + 1)) / 2;
          guint palette;
          double alpha;

          get_bin_ink (plot, middle, &palette, &alpha);
          add_swatch (plot, left, plot->key_top, swatch, REEL_CHART_INK_REGION, palette, alpha,
                      FALSE, NULL);
        }
      reel_chart_canvas_add_text (plot->draft->canvas, &edges[e],
                                  left - edges[e].width / 2 - edges[e].x_offset,
                                  plot->key_top + plot->unit * 2.3 - edges[e].y_offset,
                                  REEL_CHART_INK_DIM, REEL_CHART_TEXT_TICK);
    }

  for (guint i = 0; i < n_items; i++)
    add_swatch (plot, items[i].x, plot->key_top + items[i].y, plot->unit * 3.2, items[i].ink,
                items[i].palette, items[i].alpha, items[i].hatched, items[i].label);
}

/* ------------------------------------------------------------------ */
/* Layout */

/* The map as large as fits between the header and the key, centred. */
static void
fit_map (Plot *plot)
{
  ReelChartFrame *frame = plot->draft->frame;
  ReelChartRect bounds;
  double top = frame->header_bottom + plot->unit;
  double bottom = frame->footer_top - plot->unit * 2 - measure_key (plot) - plot->unit * 1.5;
  double width = frame->content.width, height = MAX (bottom - top, plot->unit);

  reel_world_geometry_get_bounds (plot->geometry, FALSE, &bounds);
  plot->k = MIN (width / bounds.width, height / bounds.height);
  /* the slack of a wide chart above more than below, as bars leave it */
  top = reel_chart_canvas_snap (plot->draft->canvas,
                                top + (height - bounds.height * plot->k) * 0.35);
  plot->map = (ReelChartRect) { frame->content.x + (width - bounds.width * plot->k) / 2, top,
                                bounds.width * plot->k, bounds.height * plot->k };
  plot->x = plot->map.x - bounds.x * plot->k;
  plot->y = plot->map.y - bounds.y * plot->k;
  plot->key_top = reel_chart_canvas_snap (plot->draft->canvas,
                                          plot->map.y + plot->map.height + plot->unit * 1.5);
}

/* What the chart says when the world map cannot be read. */
static void
add_failure (ReelChartDraft *draft,
             const GError   *error)
{
  const ReelChartRect *content = &draft->frame->content;
  ReelChartText text = reel_chart_pen_measure_centred (draft->pen, REEL_CHART_FONT_MESSAGE,
                                                       error->message, content->width);
  double top = draft->frame->header_bottom + draft->pen->unit * 2;

  draft->canvas->empty = TRUE;
  draft->canvas->plot = (ReelChartRect) { content->x, top, content->width, 0 };
  reel_chart_canvas_add_text (draft->canvas, &text, content->x + (content->width - text.width) / 2,
                              top, REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_MESSAGE);
}

/* Marks in the list's order, each region before its countries. */
static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const ReelChartBar *bar_a = a, *bar_b = b;

  if (bar_a->region != bar_b->region)
    return bar_a->region < bar_b->region ? -1 : 1;
  return bar_is_country (bar_a) - bar_is_country (bar_b);
}

/* The phases: the geometry, the bins, the map's place, the land, each
 * place and its mark, borders, selection, labels and the key. */
static void
lay_out (ReelChartDraft *draft)
{
  g_autoptr(GError) error = NULL;
  Plot plot = { draft, draft->data, NULL, draft->pen->unit, draft->data->metric == REEL_CHART_METRIC_GROWTH };

  plot.geometry = reel_world_geometry_get_default (&error);
  if (plot.geometry == NULL)
    {
      add_failure (draft, error);
      return;
    }
  if (draft->data->n_figures == 0)
    {
      reel_chart_frame_measure_footer (draft->frame, draft->pen, NULL);
      reel_chart_draft_add_empty (draft, draft->frame->header_bottom,
                                  draft->frame->footer_top - plot.unit * 2);
      return;
    }

  fit_bins (&plot);
  plot.apart = has_apart (&plot);
  plot.no_figure = plot.apart || has_region_without_figure (&plot);
  fit_map (&plot);
  g_array_sort (draft->data->bars, compare_places);

  add_land (&plot);
  for (guint i = 0; i < draft->data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (draft->data->bars, ReelChartBar, i);

      add_place (&plot, bar, i == 0 || bar[-1].region != bar->region);
    }
  add_regions_without_bars (&plot);
  /* Marks in the list's order, for the keyboard (a stable sort). */
  g_array_sort (draft->canvas->marks, compare_marks_by_region);
  add_borders (&plot);
  add_selection (&plot);
  add_labels (&plot);
  add_key (&plot);
  draft->canvas->plot = plot.map;
}

/* A map a few lines high, and its key of bins. */
static double
min_height (ReelChartDraft *draft,
            double          tick_height)
{
  return draft->pen->font_size * 8 + draft->pen->unit * 2.3 + tick_height;
}

/* "North America $142M; …" as the bars say it, then how the map reads. */
static guint
add_summary (const ReelChartKindClass *kind,
             const ReelChartData      *data,
             GArray                   *marks,
             GString                  *summary)
{
  guint n_items = reel_chart_bars_class.add_summary (kind, data, marks, summary);

  if (n_items > 0)
    {
      g_string_append (summary, ". ");
      g_string_append (summary, _("A world map: each region's countries are coloured by its "
                                  "value, the stronger the colour the more"));
    }
  return n_items;
}

/* The key is the plot's own, under the map. */
static void
add_legend (const ReelChartData *data,
            ReelChartLegend     *legend,
            ReelChartPen        *pen)
{
}

const ReelChartPlotClass reel_chart_choropleth_class = {
  .min_height = min_height,
  .lay_out = lay_out,
  .add_legend = add_legend,
  .add_summary = add_summary,
};
