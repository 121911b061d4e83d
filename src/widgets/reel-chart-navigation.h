/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* The moves of the chart view's `chart.move-focus` action, its parameter. */
typedef enum {
  REEL_CHART_MOVE_LEFT,
  REEL_CHART_MOVE_RIGHT,
  REEL_CHART_MOVE_UP,
  REEL_CHART_MOVE_DOWN,
  REEL_CHART_MOVE_FIRST,
  REEL_CHART_MOVE_LAST,
} ReelChartMove;

int   reel_chart_find_move_target  (ReelChartLayout *layout,
                                    guint            n_marks,
                                    int              from,
                                    ReelChartMove    move);
GStrv reel_chart_dup_mark_regions  (ReelChartLayout *layout,
                                    guint            n_marks);
void  reel_chart_add_key_bindings  (GtkWidgetClass  *widget_class);

G_END_DECLS
