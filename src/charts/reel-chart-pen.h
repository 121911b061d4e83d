/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "reel-chart-theme.h"

G_BEGIN_DECLS

/* Text measured for a chart: the chart's own Pango context and the fonts
 * of each role, sized from the theme's label size. Layout helpers measure
 * with the pen and place the result with reel_chart_canvas_add_text(). */

typedef enum {
  REEL_CHART_FONT_TITLE,
  REEL_CHART_FONT_SUBTITLE,
  REEL_CHART_FONT_LABEL,
  REEL_CHART_FONT_LABEL_BOLD,
  REEL_CHART_FONT_VALUE,
  REEL_CHART_FONT_TICK,
  REEL_CHART_FONT_HEADING,
  REEL_CHART_FONT_LEGEND,
  REEL_CHART_FONT_FOOTER,
  REEL_CHART_FONT_MESSAGE,
  REEL_CHART_N_FONTS
} ReelChartFont;

/* For reel_chart_pen_measure(): wrap onto as many lines as it takes,
 * never end in an ellipsis. */
#define REEL_CHART_PEN_ALL_LINES 0

/* A measured piece of text, not yet placed. */
typedef struct {
  PangoLayout *layout;
  double       x_offset;   /* of the logical extents within the layout */
  double       y_offset;
  double       width;      /* of the logical extents */
  double       height;
} ReelChartText;

typedef struct {
  const char           *family;     /* of the theme's fonts */
  PangoContext         *context;
  PangoFontDescription *fonts[REEL_CHART_N_FONTS];
  double                font_size;  /* of labels */
  double                unit;       /* of spacing: half the label size, whole pixels */
} ReelChartPen;

void          reel_chart_pen_init         (ReelChartPen         *pen,
                                           const ReelChartTheme *theme);
void          reel_chart_pen_clear        (ReelChartPen         *pen);
ReelChartText reel_chart_pen_measure      (ReelChartPen         *pen,
                                           ReelChartFont         font,
                                           const char           *string,
                                           double                width,
                                           int                   max_lines,
                                           gboolean              align_end);
ReelChartText reel_chart_pen_measure_line (ReelChartPen         *pen,
                                           ReelChartFont         font,
                                           const char           *string);
ReelChartText reel_chart_pen_measure_centred (ReelChartPen      *pen,
                                              ReelChartFont      font,
                                              const char        *string,
                                              double             width);
double        reel_chart_pen_tick_height  (ReelChartPen         *pen);

void          reel_chart_text_clear       (ReelChartText        *text);
void          reel_chart_text_make_own    (ReelChartText        *text);
void          reel_chart_text_update      (ReelChartText        *text);
double        reel_chart_text_baseline    (const ReelChartText  *text);

G_END_DECLS
