/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_COMMENTARY_PANEL (reel_commentary_panel_get_type ())

G_DECLARE_FINAL_TYPE (ReelCommentaryPanel, reel_commentary_panel, REEL, COMMENTARY_PANEL, GtkWidget)

GtkWidget   *reel_commentary_panel_new         (void);
ReelDataset *reel_commentary_panel_get_dataset (ReelCommentaryPanel *self);
void         reel_commentary_panel_set_dataset (ReelCommentaryPanel *self,
                                                ReelDataset         *dataset);
const char  *reel_commentary_panel_get_region  (ReelCommentaryPanel *self);
void         reel_commentary_panel_set_region  (ReelCommentaryPanel *self,
                                                const char          *region_id);
void         reel_commentary_panel_prepare_region (ReelCommentaryPanel *self,
                                                   const char          *region_id);

GtkWidget   *reel_commentary_quote_new         (ReelDataset         *dataset,
                                                const ReelExpert    *expert,
                                                const ReelQuote     *quote,
                                                gboolean             with_rule);

G_END_DECLS
