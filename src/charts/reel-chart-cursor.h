/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-kind.h"

G_BEGIN_DECLS

/* Trend's time cursor (DESIGN §2, Periods): where the period control is
 * on a chart that draws every period at once. A cursor is a month as
 * reel-period.h counts them (year × 12 + month − 1); a year's point stands
 * at its January. 0 is none: the whole chart. The lines are drawn up to
 * the cursor and faint after it, a rule marks it, and the end labels and
 * the summary give the values at it. */

/* How much of a line's ink its part after the cursor keeps. */
#define REEL_CHART_CURSOR_FUTURE_ALPHA 0.25

guint   reel_chart_point_get_month           (const ReelChartPoint  *point);
guint   reel_chart_series_count_shown        (const ReelChartSeries *series,
                                              guint                  cursor);
GArray *reel_chart_cursor_list               (const ReelChartData   *data);
char   *reel_chart_cursor_dup_name           (const ReelChartData   *data);
double  reel_chart_cursor_get_time           (const ReelChartData   *data);
void    reel_chart_cursor_add_rule           (ReelChartDraft        *draft,
                                              double                 x,
                                              double                 top,
                                              double                 bottom);
void    reel_chart_cursor_add_label          (ReelChartDraft        *draft,
                                              double                 x,
                                              double                 top,
                                              double                 bottom,
                                              double                 left);
void    reel_chart_cursor_append_summary     (GString                  *summary,
                                              const ReelChartKindClass *kind,
                                              const ReelChartData      *data);

G_END_DECLS
