/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-dataset.h"
#include "reel-region-list.h"

G_BEGIN_DECLS

#define REEL_TYPE_OVERVIEW (reel_overview_get_type ())

G_DECLARE_FINAL_TYPE (ReelOverview, reel_overview, REEL, OVERVIEW, GtkWidget)

GtkWidget   *reel_overview_new            (void);
ReelDataset *reel_overview_get_dataset    (ReelOverview        *self);
void         reel_overview_set_dataset    (ReelOverview        *self,
                                           ReelDataset         *dataset);
gboolean     reel_overview_is_empty       (ReelOverview        *self);
void         reel_overview_set_color_func (ReelOverview        *self,
                                           ReelRegionColorFunc  func,
                                           gpointer             user_data,
                                           GDestroyNotify       destroy);

G_END_DECLS
