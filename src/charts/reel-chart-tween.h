/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* The frames between two layouts of one chart (a year and the next, as
 * Play steps): both are laid out once, and each frame only interpolates
 * their geometry while drawing. */

gboolean reel_chart_can_tween       (ReelChartLayout      *from,
                                     ReelChartLayout      *to);
void     reel_chart_render_between  (ReelChartLayout      *from,
                                     ReelChartLayout      *to,
                                     double                progress,
                                     const ReelChartTheme *theme,
                                     cairo_t              *cr);

G_END_DECLS
