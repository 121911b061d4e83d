/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_WINDOW (reel_window_get_type ())

G_DECLARE_FINAL_TYPE (ReelWindow, reel_window, REEL, WINDOW, AdwApplicationWindow)

ReelWindow         *reel_window_new                  (GtkApplication     *application);
void                reel_window_open                 (ReelWindow         *self,
                                                      GFile              *file);
void                reel_window_open_dataset         (ReelWindow         *self,
                                                      ReelDataset        *dataset);
ReelDataset        *reel_window_get_dataset          (ReelWindow         *self);
gboolean            reel_window_get_loading          (ReelWindow         *self);
const char         *reel_window_get_selected_region  (ReelWindow         *self);
void                reel_window_set_selected_region  (ReelWindow         *self,
                                                      const char         *region_id);
const char * const *reel_window_get_selected_regions (ReelWindow         *self);
void                reel_window_set_selected_regions (ReelWindow         *self,
                                                      const char * const *region_ids);
ReelChartKind       reel_window_get_chart_kind       (ReelWindow         *self);
guint               reel_window_get_year             (ReelWindow         *self);

G_END_DECLS
