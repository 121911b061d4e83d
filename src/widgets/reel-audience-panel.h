/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_AUDIENCE_PANEL (reel_audience_panel_get_type ())

G_DECLARE_FINAL_TYPE (ReelAudiencePanel, reel_audience_panel, REEL, AUDIENCE_PANEL, GtkWidget)

GtkWidget   *reel_audience_panel_new         (void);
ReelDataset *reel_audience_panel_get_dataset (ReelAudiencePanel *self);
void         reel_audience_panel_set_dataset (ReelAudiencePanel *self,
                                              ReelDataset       *dataset);
const char  *reel_audience_panel_get_region  (ReelAudiencePanel *self);
void         reel_audience_panel_set_region  (ReelAudiencePanel *self,
                                              const char        *region_id);
void         reel_audience_panel_prepare_region (ReelAudiencePanel *self,
                                                 const char        *region_id);

G_END_DECLS
