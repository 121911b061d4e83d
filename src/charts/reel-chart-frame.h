/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-canvas.h"
#include "reel-chart-data.h"
#include "reel-chart-pen.h"

G_BEGIN_DECLS

/* What every chart has around its plot: the title and subtitle at the
 * top, the notes and the source line at the bottom (DESIGN §2), and what
 * a small chart gives up of them. */
typedef struct {
  ReelChartRect  content;          /* inside the padding */
  double         header_inset;     /* kept clear at the right of the header */
  const char    *title;
  const char    *subtitle;
  const char    *sources;
  GPtrArray     *notes;            /* of char *: paragraphs before the sources */

  int            title_lines;
  gboolean       sources_elsewhere; /* "Sources: see table" in place of the source line */

  ReelChartText  title_text;
  ReelChartText  subtitle_text;
  ReelChartText  footer_text;
  char          *footer_string;    /* what footer_text measured */
  double         header_bottom;    /* where the plot may start */
  double         footer_top;
} ReelChartFrame;

void   reel_chart_frame_init           (ReelChartFrame       *frame,
                                        const ReelChartTheme *theme,
                                        double                width,
                                        double                height);
void   reel_chart_frame_clear          (ReelChartFrame       *frame);
double reel_chart_frame_header_width   (ReelChartFrame       *frame);
void   reel_chart_frame_measure_header (ReelChartFrame       *frame,
                                        ReelChartPen         *pen);
void   reel_chart_frame_measure_footer (ReelChartFrame       *frame,
                                        ReelChartPen         *pen,
                                        const char           *extra);
double reel_chart_frame_plot_bottom    (ReelChartFrame       *frame,
                                        ReelChartPen         *pen,
                                        double                legend_height,
                                        double                tick_height);
void   reel_chart_frame_add_header     (ReelChartFrame       *frame,
                                        ReelChartPen         *pen,
                                        ReelChartCanvas      *canvas);
void   reel_chart_frame_add_footer     (ReelChartFrame       *frame,
                                        ReelChartCanvas      *canvas);
void   reel_chart_notes_add_traits     (const ReelChartData  *data,
                                        GPtrArray            *notes);

G_END_DECLS
