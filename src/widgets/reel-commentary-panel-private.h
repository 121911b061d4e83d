/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-commentary-panel.h"
#include "reel-source-link.h"

G_BEGIN_DECLS

/* What the panel shows, for tests: quotes in the order shown. */

gboolean        _reel_commentary_panel_is_empty          (ReelCommentaryPanel *self);
guint           _reel_commentary_panel_get_n_quotes      (ReelCommentaryPanel *self);
const char     *_reel_commentary_panel_get_quote_text    (ReelCommentaryPanel *self,
                                                          guint                index);
const char     *_reel_commentary_panel_get_quote_speaker (ReelCommentaryPanel *self,
                                                          guint                index);
char           *_reel_commentary_panel_dup_quote_labels  (ReelCommentaryPanel *self,
                                                          guint                index);
ReelSourceLink *_reel_commentary_panel_get_quote_link    (ReelCommentaryPanel *self,
                                                          guint                index);
GtkButton      *_reel_commentary_panel_get_more_button   (ReelCommentaryPanel *self);

G_END_DECLS
