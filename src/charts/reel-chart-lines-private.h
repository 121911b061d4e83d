/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-kind.h"

G_BEGIN_DECLS

/* Trend's lines as reel-chart-lines.c draws them, shared with their end
 * labels' placing and drawing (reel-chart-lines-labels.c). */

/* A series as drawn: its points' places and its end label. */
typedef struct {
  ReelChartSeries *series;
  guint            shown;          /* its points up to the cursor (reel-chart-cursor.h), from
                                    * the first: all without one */
  double          *x;              /* of each point */
  double          *y;
  ReelChartText    name_label;     /* at the end of the line: the name… */
  ReelChartText    value_label;    /* …then its last value */
  double           name_width;     /* unwrapped */
  double           label_x;
  double           label_y;        /* of the label's top */
  double           label_width;
  double           label_height;
  gboolean         labelled;
  ReelChartRect   *ranges;         /* of each point: its range line as placed, or empty */
} Line;

typedef struct {
  ReelChartDraft *draft;
  ReelChartData  *data;
  double          unit;
  double          radius;          /* of a point's marker */
  double          line_width;
  double          name_gap;        /* between an end label's name and value */
  GArray         *lines;           /* of Line, as data->series */
  guint          *order;           /* of the lines' ends, top to bottom */
  gboolean        use_key;         /* a key under the plot instead of end labels */
  gboolean        selection_shown;
} Plot;

static inline Line *
get_line (Plot  *plot,
          guint  index)
{
  return &g_array_index (plot->lines, Line, index);
}

static inline const ReelChartPoint *
get_point (const Line *line,
           guint       index)
{
  return &g_array_index (line->series->points, ReelChartPoint, index);
}

/* The world's line in the world's ink, a region's in its colour. */
static inline ReelChartInk
line_ink (const Line *line)
{
  return line->series->region < 0 ? REEL_CHART_INK_WORLD : REEL_CHART_INK_REGION;
}

/* The last point shown, where the end label goes: the last up to the
 * cursor. */
static inline guint
last_index (const Line *line)
{
  return MAX (line->shown, 1) - 1;
}

static inline double
last_y (const Line *line)
{
  return line->y[last_index (line)];
}

ReelChartText _reel_chart_lines_measure_end_value (Plot                 *plot,
                                                   const ReelChartPoint *last);
void          _reel_chart_lines_measure_end_name  (Plot                 *plot,
                                                   Line                 *line,
                                                   double                width);
guint         _reel_chart_lines_place_end_labels  (Plot                 *plot,
                                                   double                top,
                                                   double                bottom);
gboolean      _reel_chart_lines_end_labels_wander (Plot                 *plot);
gboolean      _reel_chart_lines_end_names_cut     (Plot                 *plot);
ReelChartRect _reel_chart_lines_end_label_box     (const Line           *line);
void          _reel_chart_lines_add_end_labels    (Plot                 *plot);

G_END_DECLS
