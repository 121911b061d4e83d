/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-chart-layout.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_CHART_VIEW (reel_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ReelChartView, reel_chart_view, REEL, CHART_VIEW, GtkWidget)

GtkWidget          *reel_chart_view_new                  (void);
ReelDataset        *reel_chart_view_get_dataset          (ReelChartView      *self);
void                reel_chart_view_set_dataset          (ReelChartView      *self,
                                                          ReelDataset        *dataset);
void                reel_chart_view_warm_up              (ReelChartView      *self);
ReelChartKind       reel_chart_view_get_chart_kind       (ReelChartView      *self);
void                reel_chart_view_set_chart_kind       (ReelChartView      *self,
                                                          ReelChartKind       kind);
guint               reel_chart_view_get_year             (ReelChartView      *self);
void                reel_chart_view_set_year             (ReelChartView      *self,
                                                          guint               year);
const char         *reel_chart_view_get_selected_region  (ReelChartView      *self);
void                reel_chart_view_set_selected_region  (ReelChartView      *self,
                                                          const char         *region_id);
const char * const *reel_chart_view_get_selected_regions (ReelChartView      *self);
void                reel_chart_view_set_selected_regions (ReelChartView      *self,
                                                          const char * const *region_ids);
gboolean            reel_chart_view_get_dark             (ReelChartView      *self);
void                reel_chart_view_set_dark             (ReelChartView      *self,
                                                          gboolean            dark);
int                 reel_chart_view_get_header_inset     (ReelChartView      *self);
void                reel_chart_view_set_header_inset     (ReelChartView      *self,
                                                          int                 inset);
ReelChartLayout    *reel_chart_view_get_layout           (ReelChartView      *self);
GdkTexture         *reel_chart_view_create_texture       (ReelChartView      *self);
gboolean            reel_chart_view_copy_image           (ReelChartView      *self);
guint               reel_chart_view_get_cursor           (ReelChartView      *self);
void                reel_chart_view_set_cursor           (ReelChartView      *self,
                                                          guint               cursor);
void                reel_chart_view_prepare_year         (ReelChartView      *self,
                                                          guint               year);

G_END_DECLS
