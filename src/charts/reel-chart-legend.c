/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-legend"

#include "config.h"

#include "reel-chart-legend.h"

#include <math.h>

#include "reel-chart-data.h"

static void
item_clear (ReelChartLegendItem *item)
{
  reel_chart_text_clear (&item->text);
}

void
reel_chart_legend_init (ReelChartLegend     *legend,
                        const ReelChartRect *content)
{
  legend->items = reel_chart_array_new (sizeof (ReelChartLegendItem), (GDestroyNotify) item_clear);
  legend->left = content->x;
  legend->width = content->width;
  legend->swatch_ink = REEL_CHART_INK_DIM;
}

/* The colour of the glyphs of bars and points, so that the key's
 * "reported" and "estimate" look like the marks they explain: the first
 * mark's, a region's colour rather than a grey none of them has. */
void
reel_chart_legend_set_swatch (ReelChartLegend *legend,
                              ReelChartInk     ink,
                              guint            palette)
{
  legend->swatch_ink = ink;
  legend->swatch_palette = palette;
}

void
reel_chart_legend_clear (ReelChartLegend *legend)
{
  g_clear_pointer (&legend->items, g_array_unref);
}

void
reel_chart_legend_add (ReelChartLegend      *legend,
                       ReelChartPen         *pen,
                       ReelChartLegendGlyph  glyph,
                       const char           *label)
{
  ReelChartLegendItem item = {
    .glyph = glyph,
    .text = reel_chart_pen_measure (pen, REEL_CHART_FONT_LEGEND, label, legend->width * 0.9, 1,
                                    FALSE),
  };

  g_array_append_val (legend->items, item);
}

/* A line's colour and its region's name, wrapped, never cut. */
void
reel_chart_legend_add_series (ReelChartLegend *legend,
                              ReelChartPen    *pen,
                              const char      *name,
                              ReelChartInk     ink,
                              guint            palette)
{
  ReelChartLegendItem item = {
    REEL_CHART_LEGEND_SERIES,
    reel_chart_pen_measure (pen, REEL_CHART_FONT_LEGEND, name, legend->width * 0.45,
                            REEL_CHART_PEN_ALL_LINES, FALSE),
    ink,
    palette
  };

  g_array_append_val (legend->items, item);
}

/* A range line with end ticks, across the glyph's box. */
static void
add_whisker_glyph (ReelChartCanvas *canvas,
                   double           left,
                   double           centre_y,
                   double           width,
                   double           height)
{
  double right = left + width - 1;

  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, left + 1, centre_y, right, centre_y);
  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, left + 1, centre_y - height / 2,
                              left + 1, centre_y + height / 2);
  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, right, centre_y - height / 2, right,
                              centre_y + height / 2);
}

/* A sample of a line with one point on it, in @ink. */
static void
add_marker_glyph (ReelChartCanvas           *canvas,
                  ReelChartPen              *pen,
                  const ReelChartLegendItem *item,
                  ReelChartInk               ink,
                  guint                      palette,
                  double                     left,
                  double                     centre_y,
                  double                     width)
{
  gboolean filled = item->glyph != REEL_CHART_LEGEND_MARKER_HOLLOW;
  double radius = MAX (3, pen->font_size * 0.3);
  ReelChartShape *marker;

  reel_chart_canvas_add_line (canvas, ink, palette, left, centre_y, left + width, centre_y, 2,
                              filled ? REEL_CHART_DASH_SOLID : REEL_CHART_DASH_DASHED);
  marker = reel_chart_canvas_add_marker (canvas, palette, left + width / 2, centre_y, radius,
                                         filled);
  marker->ink = ink;
  /* A ring would cut the sample's line and read as dashes. */
  marker->marker.ring = !filled;
}

/* An item's glyph: a line's in its own ink, the others in the marks'. */
static void
add_glyph (ReelChartLegend           *legend,
           ReelChartCanvas           *canvas,
           ReelChartPen              *pen,
           const ReelChartLegendItem *item,
           double                     left,
           double                     centre_y,
           double                     width)
{
  double height = pen->font_size * 0.75;
  ReelChartRect box = { left, centre_y - height / 2, width, height };
  gboolean series = item->glyph == REEL_CHART_LEGEND_SERIES;
  ReelChartInk ink = series ? item->ink : legend->swatch_ink;
  guint palette = series ? item->palette : legend->swatch_palette;
  ReelChartShape *shape;

  switch (item->glyph)
    {
    case REEL_CHART_LEGEND_SOLID:
    case REEL_CHART_LEGEND_HATCHED:
    case REEL_CHART_LEGEND_BREAK:
      shape = reel_chart_canvas_add_rect (canvas, ink, palette, &box, 2, REEL_CHART_CORNER_ALL);
      shape->rect.hatched = item->glyph == REEL_CHART_LEGEND_HATCHED;
      if (item->glyph == REEL_CHART_LEGEND_BREAK)
        shape->rect.cut = left + width * 0.6;
      break;
    case REEL_CHART_LEGEND_WHISKER:
      add_whisker_glyph (canvas, left, centre_y, width, height);
      break;
    case REEL_CHART_LEGEND_MARKER_FILLED:
    case REEL_CHART_LEGEND_MARKER_HOLLOW:
    case REEL_CHART_LEGEND_SERIES:
      add_marker_glyph (canvas, pen, item, ink, palette, left, centre_y, width);
      break;
    case REEL_CHART_LEGEND_DASHED:
    case REEL_CHART_LEGEND_DOTTED:
    default:
      reel_chart_canvas_add_line (canvas, REEL_CHART_INK_DIM, 0, left, centre_y, left + width,
                                  centre_y, 2,
                                  item->glyph == REEL_CHART_LEGEND_DASHED ? REEL_CHART_DASH_DASHED
                                                                          : REEL_CHART_DASH_DOTTED);
      break;
    }
}

/* Whether @index starts a new row: when it does not fit on this one, and
 * for the key of the lines, which starts a row of its own. */
static gboolean
starts_row (ReelChartLegend *legend,
            guint            index,
            double           x,
            double           item_width)
{
  ReelChartLegendItem *items = (ReelChartLegendItem *) legend->items->data;

  if (x <= legend->left)
    return FALSE;
  if (x + item_width > legend->left + legend->width)
    return TRUE;
  return items[index].glyph == REEL_CHART_LEGEND_SERIES && index > 0 &&
         items[index - 1].glyph != REEL_CHART_LEGEND_SERIES;
}

/* The legend flows like words: items left to right, wrapping onto more
 * rows when the width runs out. Returns its height; adds the shapes when
 * @canvas is not NULL. */
static double
flow (ReelChartLegend *legend,
      ReelChartPen    *pen,
      ReelChartCanvas *canvas,
      double           top)
{
  double glyph_width = pen->font_size * 1.6, gap = pen->unit * 0.8, spacing = pen->unit * 3;
  double x = legend->left, row_top = 0, row_height = 0;

  if (legend->items->len == 0 || legend->hidden)
    return 0;

  for (guint i = 0; i < legend->items->len; i++)
    {
      ReelChartLegendItem *item = &g_array_index (legend->items, ReelChartLegendItem, i);
      double item_width = glyph_width + gap + item->text.width;
      double item_height = MAX (item->text.height, pen->font_size);

      if (starts_row (legend, i, x, item_width))
        {
          row_top += row_height + pen->unit * 0.5;
          row_height = 0;
          x = legend->left;
        }
      row_height = MAX (row_height, item_height);

      if (canvas != NULL)
        {
          double centre_y = top + row_top + item_height / 2;

          add_glyph (legend, canvas, pen, item, x, centre_y, glyph_width);
          reel_chart_canvas_add_text (canvas, &item->text, x + glyph_width + gap,
                                      centre_y - item->text.height / 2, REEL_CHART_INK_DIM,
                                      REEL_CHART_TEXT_LEGEND);
        }

      x += item_width + spacing;
    }

  return row_top + row_height;
}

/* The height the legend takes; 0 without one. */
double
reel_chart_legend_measure (ReelChartLegend *legend,
                           ReelChartPen    *pen)
{
  return flow (legend, pen, NULL, NAN);
}

/* Adds the legend's shapes from @top down; returns its height. */
double
reel_chart_legend_place (ReelChartLegend *legend,
                         ReelChartPen    *pen,
                         ReelChartCanvas *canvas,
                         double           top)
{
  return flow (legend, pen, canvas, top);
}
