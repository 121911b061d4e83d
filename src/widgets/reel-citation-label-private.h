/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-citation-label.h"

G_BEGIN_DECLS

gboolean _reel_citation_label_place (ReelCitationLabel *self,
                                     int                width,
                                     int               *head_width,
                                     int               *tail_width);

G_END_DECLS
