/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-audience-panel.h"

G_BEGIN_DECLS

/* What the panel shows, for tests. */

gboolean     _reel_audience_panel_is_empty         (ReelAudiencePanel *self);
const char  *_reel_audience_panel_get_empty_text   (ReelAudiencePanel *self);
const char  *_reel_audience_panel_get_summary      (ReelAudiencePanel *self);
guint        _reel_audience_panel_get_n_traits     (ReelAudiencePanel *self);
char        *_reel_audience_panel_dup_trait_text   (ReelAudiencePanel *self,
                                                    guint              index);
GtkLevelBar *_reel_audience_panel_get_trait_bar    (ReelAudiencePanel *self,
                                                    guint              index);
guint        _reel_audience_panel_get_n_notes      (ReelAudiencePanel *self);
char        *_reel_audience_panel_dup_note_text    (ReelAudiencePanel *self,
                                                    guint              index);

G_END_DECLS
