/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-kind.h"
#include "reel-scale.h"

G_BEGIN_DECLS

/* Trend's time axis when its points are months: months labelled under
 * the plot, the years beneath them, and a rule where each year begins.
 * Times are years, a month's point at its middle (2025 + 4.5 / 12 for
 * May 2025). */

double reel_chart_time_axis_height (ReelChartPen    *pen);
void   reel_chart_time_axis_fit    (ReelScale       *scale,
                                    double           first_time,
                                    double           last_time,
                                    double           start,
                                    double           end);
void   reel_chart_time_axis_add    (ReelChartDraft  *draft,
                                    const ReelScale *scale,
                                    double           plot_top,
                                    double           plot_bottom,
                                    double           top);

G_END_DECLS
