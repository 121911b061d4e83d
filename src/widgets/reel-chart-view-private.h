/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-view.h"

G_BEGIN_DECLS

/* What the chart view does, for tests: how many layouts it has made, its
 * mark widgets (one per mark of the layout, in its order), and the pointer
 * handlers without a pointer. */

guint       _reel_chart_view_get_n_layouts       (ReelChartView *self);
gboolean    _reel_chart_view_needs_layout        (ReelChartView *self);
guint       _reel_chart_view_get_n_mark_widgets  (ReelChartView *self);
GtkWidget  *_reel_chart_view_get_mark_widget     (ReelChartView *self,
                                                  guint          index);
const char *_reel_chart_view_get_mark_label      (ReelChartView *self,
                                                  guint          index);
int         _reel_chart_view_get_focused_mark    (ReelChartView *self);
void        _reel_chart_view_click               (ReelChartView *self,
                                                  double         x,
                                                  double         y);
char       *_reel_chart_view_dup_tooltip_text    (ReelChartView *self,
                                                  double         x,
                                                  double         y);

G_END_DECLS
