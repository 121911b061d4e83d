/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_SOURCES_PANEL (reel_sources_panel_get_type ())

G_DECLARE_FINAL_TYPE (ReelSourcesPanel, reel_sources_panel, REEL, SOURCES_PANEL, GtkWidget)

GtkWidget   *reel_sources_panel_new         (void);
ReelDataset *reel_sources_panel_get_dataset (ReelSourcesPanel *self);
void         reel_sources_panel_set_dataset (ReelSourcesPanel *self,
                                             ReelDataset      *dataset);

G_END_DECLS
