/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

#define REEL_TYPE_CHART_MARK_WIDGET (reel_chart_mark_widget_get_type ())

G_DECLARE_FINAL_TYPE (ReelChartMarkWidget, reel_chart_mark_widget,
                      REEL, CHART_MARK_WIDGET, GtkWidget)

GtkWidget *reel_chart_mark_widget_new       (guint                index);
guint      reel_chart_mark_widget_get_index (ReelChartMarkWidget *self);
void       reel_chart_mark_widget_update    (ReelChartMarkWidget *self,
                                             const ReelChartMark *mark,
                                             gboolean             round);

G_END_DECLS
