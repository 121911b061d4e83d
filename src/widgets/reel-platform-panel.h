/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_PLATFORM_PANEL (reel_platform_panel_get_type ())

G_DECLARE_FINAL_TYPE (ReelPlatformPanel, reel_platform_panel, REEL, PLATFORM_PANEL, GtkWidget)

GtkWidget   *reel_platform_panel_new          (void);
ReelDataset *reel_platform_panel_get_dataset  (ReelPlatformPanel *self);
void         reel_platform_panel_set_dataset  (ReelPlatformPanel *self,
                                               ReelDataset       *dataset);
const char  *reel_platform_panel_get_platform (ReelPlatformPanel *self);
void         reel_platform_panel_set_platform (ReelPlatformPanel *self,
                                               const char        *platform_id);

G_END_DECLS
