/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* How long a chart takes to move from one year to the next. */
#define REEL_CHART_TRANSITION_USEC (320 * G_TIME_SPAN_MILLISECOND)

/* A chart view's transition between two layouts (reel-chart-tween.h),
 * timed by the widget's frame clock; a member of the view. */
typedef struct {
  GtkWidget       *widget;   /* not owned */
  ReelChartLayout *from;     /* while it runs */
  gint64           start;    /* frame time of its first frame */
  guint            tick;
} ReelChartTransition;

void     reel_chart_transition_start    (ReelChartTransition *transition,
                                         GtkWidget           *widget,
                                         ReelChartLayout     *from,
                                         ReelChartLayout     *to);
void     reel_chart_transition_stop     (ReelChartTransition *transition);
gboolean reel_chart_transition_render   (ReelChartTransition *transition,
                                         ReelChartLayout     *to,
                                         cairo_t             *cr);

G_END_DECLS
