/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-layout-private.h"
#include "reel-chart-pen.h"

G_BEGIN_DECLS

/* Where a layout writes what it draws: the display list (shapes, in
 * drawing order), the marks, the plot rectangle and whether the chart is
 * empty. Every edge is snapped to device pixels for the layout's scale. */
typedef struct {
  GArray        *shapes;         /* of ReelChartShape, the layout's */
  GArray        *marks;          /* of ReelChartMark, the layout's */
  double         scale;          /* device pixels per logical pixel */
  double         outline;        /* of a marker */
  ReelChartRect  plot;
  double         cursor_x;       /* where Trend's time cursor stands; the plot's right without one */
  gboolean       empty;
} ReelChartCanvas;

double          reel_chart_canvas_snap       (ReelChartCanvas    *canvas,
                                              double              value);
ReelChartShape *reel_chart_canvas_add_shape  (ReelChartCanvas    *canvas,
                                              ReelChartShapeType  type,
                                              ReelChartInk        ink,
                                              guint               palette);
ReelChartShape *reel_chart_canvas_add_rect   (ReelChartCanvas    *canvas,
                                              ReelChartInk        ink,
                                              guint               palette,
                                              const ReelChartRect *box,
                                              double              radius,
                                              ReelChartCorners    corners);
ReelChartShape *reel_chart_canvas_add_line   (ReelChartCanvas    *canvas,
                                              ReelChartInk        ink,
                                              guint               palette,
                                              double              x1,
                                              double              y1,
                                              double              x2,
                                              double              y2,
                                              double              width,
                                              ReelChartDash       dash);
ReelChartShape *reel_chart_canvas_add_rule   (ReelChartCanvas    *canvas,
                                              ReelChartInk        ink,
                                              double              x1,
                                              double              y1,
                                              double              x2,
                                              double              y2);
ReelChartShape *reel_chart_canvas_add_marker (ReelChartCanvas    *canvas,
                                              guint               palette,
                                              double              x,
                                              double              y,
                                              double              radius,
                                              gboolean            filled);
ReelChartShape *reel_chart_canvas_add_text   (ReelChartCanvas    *canvas,
                                              ReelChartText      *text,
                                              double              x,
                                              double              y,
                                              ReelChartInk        ink,
                                              ReelChartTextRole   role);
void            reel_chart_shape_clear       (ReelChartShape     *shape);
void            reel_chart_mark_clear        (ReelChartMark      *mark);
void            reel_chart_mark_set_label    (ReelChartMark      *mark,
                                              ReelDataset        *dataset,
                                              const char         *what,
                                              const char         *value,
                                              guint               source,
                                              guint               n_sources);
void            reel_chart_append_figure_lines (GString          *tooltip,
                                              ReelDataset        *dataset,
                                              GPtrArray          *figures,
                                              gboolean            with_year);

G_END_DECLS
