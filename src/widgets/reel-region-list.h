/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

/* The colour of the @index-th region of @dataset (dataset order, the world
 * excluded), as the charts draw it. */
typedef void (*ReelRegionColorFunc) (ReelDataset *dataset,
                                     guint        index,
                                     GdkRGBA     *color,
                                     gpointer     user_data);

#define REEL_TYPE_REGION_LIST (reel_region_list_get_type ())

G_DECLARE_FINAL_TYPE (ReelRegionList, reel_region_list, REEL, REGION_LIST, GtkWidget)

GtkWidget          *reel_region_list_new                  (void);
ReelDataset        *reel_region_list_get_dataset          (ReelRegionList      *self);
void                reel_region_list_set_dataset          (ReelRegionList      *self,
                                                           ReelDataset         *dataset);
guint               reel_region_list_get_year             (ReelRegionList      *self);
void                reel_region_list_set_year             (ReelRegionList      *self,
                                                           guint                year);
const char         *reel_region_list_get_selected_region  (ReelRegionList      *self);
void                reel_region_list_set_selected_region  (ReelRegionList      *self,
                                                           const char          *region_id);
const char * const *reel_region_list_get_selected_regions (ReelRegionList      *self);
void                reel_region_list_set_selected_regions (ReelRegionList      *self,
                                                           const char * const  *region_ids);
void                reel_region_list_set_color_func       (ReelRegionList      *self,
                                                           ReelRegionColorFunc  func,
                                                           gpointer             user_data,
                                                           GDestroyNotify       destroy);
void                reel_region_list_focus_search         (ReelRegionList      *self);

G_END_DECLS
