/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-region-list.h"

G_BEGIN_DECLS

/* What the list shows, for tests. Rows are counted in order, World first,
 * hidden ones included; the labels of a row are 0 name, 1 detail (flags,
 * reported growth; "" when none), 2 value, 3 growth. */

guint           _reel_region_list_get_n_rows         (ReelRegionList *self);
guint           _reel_region_list_get_n_visible_rows (ReelRegionList *self);
const char     *_reel_region_list_get_row_label      (ReelRegionList *self,
                                                      guint           index,
                                                      guint           nth);
const char     *_reel_region_list_get_row_region     (ReelRegionList *self,
                                                      guint           index);
gboolean        _reel_region_list_get_row_visible    (ReelRegionList *self,
                                                      guint           index);
void            _reel_region_list_select_row         (ReelRegionList *self,
                                                      guint           index);
int             _reel_region_list_get_selected_index (ReelRegionList *self);
GtkSearchEntry *_reel_region_list_get_search_entry   (ReelRegionList *self);
void            _reel_region_list_apply_search       (ReelRegionList *self);
GtkWidget      *_reel_region_list_get_no_results_page (ReelRegionList *self);

G_END_DECLS
