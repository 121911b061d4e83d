/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* How long a chart takes to move from one year to the next. */
#define REEL_CHART_TRANSITION_USEC (320 * G_TIME_SPAN_MILLISECOND)

/* A chart view's transition between two layouts (reel-chart-tween.h),
 * timed by the widget's frame clock, and the layout of the year Play
 * shows next, made ahead; a member of the view. */
typedef struct {
  GtkWidget       *widget;              /* not owned */
  ReelChartLayout *from;                /* while it runs */
  gint64           start;               /* frame time of its first frame */
  guint            tick;

  ReelChartLayout *prepare_like;        /* until the idle lays out its inputs for prepared_year */
  ReelChartLayout *prepared;
  guint            prepared_year;
  guint            prepared_generation; /* of the view's inputs it is for */
  guint            prepare_source;
} ReelChartTransition;

void     reel_chart_transition_start    (ReelChartTransition *transition,
                                         GtkWidget           *widget,
                                         ReelChartLayout     *from,
                                         ReelChartLayout     *to);
void     reel_chart_transition_stop     (ReelChartTransition *transition);
gboolean reel_chart_transition_is_running (ReelChartTransition *transition);
void     reel_chart_transition_clear    (ReelChartTransition *transition);
void     reel_chart_transition_prepare  (ReelChartTransition *transition,
                                         ReelChartLayout     *like,
                                         guint                year,
                                         guint                generation);
ReelChartLayout *
         reel_chart_transition_take_prepared (ReelChartTransition *transition,
                                              guint                year,
                                              guint                generation,
                                              double               width,
                                              double               height,
                                              double               scale);
gboolean reel_chart_transition_render   (ReelChartTransition *transition,
                                         ReelChartLayout     *to,
                                         cairo_t             *cr);

G_END_DECLS
