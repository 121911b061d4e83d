/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-theme.h"

G_BEGIN_DECLS

/* The chart's text, surface and accent colours as the window's style
 * gives them (DESIGN §2): what ReelChartView lays its chart out with, so
 * that a newer libadwaita, high contrast and accent colours follow. */

gboolean reel_chart_style_get_base_colors (GtkWidget           *widget,
                                           ReelChartBaseColors *colors);

G_END_DECLS
