/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* Draws a laid-out chart: the one drawing path for the window
 * (gtk_snapshot_append_cairo), the PNG, SVG and PDF exports and the tests'
 * golden images (DESIGN §1). It only reads the layout. */

void reel_chart_render (ReelChartLayout      *layout,
                        const ReelChartTheme *theme,
                        cairo_t              *cr);
void reel_chart_render_outline (const ReelChartMark  *mark,
                                const ReelChartTheme *theme,
                                cairo_t              *cr);

guint reel_chart_render_count_bands (ReelChartLayout      *layout);
void  reel_chart_render_get_band    (ReelChartLayout      *layout,
                                     guint                 band,
                                     ReelChartRect        *rect);
void  reel_chart_render_hash_bands  (ReelChartLayout      *layout,
                                     const ReelChartTheme *theme,
                                     guint64              *hashes);
void  reel_chart_render_band        (ReelChartLayout      *layout,
                                     const ReelChartTheme *theme,
                                     guint                 band,
                                     cairo_t              *cr);

G_END_DECLS
