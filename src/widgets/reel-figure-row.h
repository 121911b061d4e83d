/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "reel-chart-data.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_FIGURE_ROW (reel_figure_row_get_type ())

G_DECLARE_FINAL_TYPE (ReelFigureRow, reel_figure_row, REEL, FIGURE_ROW, GObject)

/* One figure of the data table: a region's (or the world's) revenue or
 * growth figure, or an app's figure as a Platforms bar shows it, with
 * what the table shows of it and
 * what CSV keeps. */

ReelFigureRow   *reel_figure_row_new_for_revenue (ReelDataset       *dataset,
                                                  const ReelRegion  *region,
                                                  const ReelFigure  *figure);
ReelFigureRow   *reel_figure_row_new_for_growth  (ReelDataset       *dataset,
                                                  const ReelRegion  *region,
                                                  const ReelGrowth  *growth);
ReelFigureRow   *reel_figure_row_new_for_bar     (ReelDataset       *dataset,
                                                  const char        *name,
                                                  const char        *value_text,
                                                  const ReelChartBar *bar);
const char      *reel_figure_row_get_region      (ReelFigureRow     *self);
const char      *reel_figure_row_get_region_id   (ReelFigureRow     *self);
guint            reel_figure_row_get_year        (ReelFigureRow     *self);
const char      *reel_figure_row_get_period      (ReelFigureRow     *self);
const char      *reel_figure_row_get_change      (ReelFigureRow     *self);
const char      *reel_figure_row_get_metric      (ReelFigureRow     *self);
double           reel_figure_row_get_value       (ReelFigureRow     *self);
const char      *reel_figure_row_get_value_text  (ReelFigureRow     *self);
const char      *reel_figure_row_get_unit        (ReelFigureRow     *self);
ReelQualifier    reel_figure_row_get_qualifier   (ReelFigureRow     *self);
const char      *reel_figure_row_get_source      (ReelFigureRow     *self);
const char      *reel_figure_row_get_source_id   (ReelFigureRow     *self);
const char      *reel_figure_row_get_publisher   (ReelFigureRow     *self);
const char      *reel_figure_row_get_basis       (ReelFigureRow     *self);
ReelFigureFlags  reel_figure_row_get_flags       (ReelFigureRow     *self);
const char      *reel_figure_row_get_flags_text  (ReelFigureRow     *self);
char            *reel_figure_row_dup_flags_tokens (ReelFigureRow   *self);

G_END_DECLS
