/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-source-link.h"
#include "reel-sources-panel.h"

G_BEGIN_DECLS

/* What the panel shows, for tests: one row per source, in dataset order.
 * The support line says what the source backs: "2 revenue figures, 1 note". */

guint           _reel_sources_panel_get_n_sources     (ReelSourcesPanel *self);
const char     *_reel_sources_panel_get_title         (ReelSourcesPanel *self,
                                                       guint             index);
const char     *_reel_sources_panel_get_support       (ReelSourcesPanel *self,
                                                       guint             index);
const char     *_reel_sources_panel_get_regions       (ReelSourcesPanel *self,
                                                       guint             index);
char           *_reel_sources_panel_dup_row_labels    (ReelSourcesPanel *self,
                                                       guint             index);
ReelSourceLink *_reel_sources_panel_get_link          (ReelSourcesPanel *self,
                                                       guint             index);

G_END_DECLS
