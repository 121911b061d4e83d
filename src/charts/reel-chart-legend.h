/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-canvas.h"
#include "reel-chart-pen.h"

G_BEGIN_DECLS

/* A chart's key: a glyph and a few words per item, flowing like words
 * under the plot. */

typedef enum {
  REEL_CHART_LEGEND_SOLID,
  REEL_CHART_LEGEND_HATCHED,
  REEL_CHART_LEGEND_WHISKER,
  REEL_CHART_LEGEND_BREAK,
  REEL_CHART_LEGEND_MARKER_FILLED,
  REEL_CHART_LEGEND_MARKER_HOLLOW,
  REEL_CHART_LEGEND_DASHED,
  REEL_CHART_LEGEND_DOTTED,
  REEL_CHART_LEGEND_SERIES,        /* a line of a region's colour: Trend's key */
} ReelChartLegendGlyph;

typedef struct {
  ReelChartLegendGlyph glyph;
  ReelChartText        text;
  ReelChartInk         ink;        /* of REEL_CHART_LEGEND_SERIES */
  guint                palette;
} ReelChartLegendItem;

typedef struct {
  GArray        *items;            /* of ReelChartLegendItem */
  double         left;
  double         width;            /* of the content, which the legend flows within */
  gboolean       hidden;           /* given up by a chart too small for it */
  ReelChartInk   swatch_ink;       /* of the glyphs of bars and points: the marks' own */
  guint          swatch_palette;
} ReelChartLegend;

void   reel_chart_legend_init       (ReelChartLegend      *legend,
                                     const ReelChartRect  *content);
void   reel_chart_legend_clear      (ReelChartLegend      *legend);
void   reel_chart_legend_add        (ReelChartLegend      *legend,
                                     ReelChartPen         *pen,
                                     ReelChartLegendGlyph  glyph,
                                     const char           *label);
void   reel_chart_legend_add_series (ReelChartLegend      *legend,
                                     ReelChartPen         *pen,
                                     const char           *name,
                                     ReelChartInk          ink,
                                     guint                 palette);
void   reel_chart_legend_set_swatch (ReelChartLegend      *legend,
                                     ReelChartInk          ink,
                                     guint                 palette);
double reel_chart_legend_measure    (ReelChartLegend      *legend,
                                     ReelChartPen         *pen);
double reel_chart_legend_place      (ReelChartLegend      *legend,
                                     ReelChartPen         *pen,
                                     ReelChartCanvas      *canvas,
                                     double                top);

G_END_DECLS
