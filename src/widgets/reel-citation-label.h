/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REEL_TYPE_CITATION_LABEL (reel_citation_label_get_type ())

G_DECLARE_FINAL_TYPE (ReelCitationLabel, reel_citation_label, REEL, CITATION_LABEL, GtkWidget)

GtkWidget  *reel_citation_label_new            (const char        *head,
                                                const char        *tail);
void        reel_citation_label_set_end_widget (ReelCitationLabel *self,
                                                GtkWidget         *widget);
const char *reel_citation_label_get_head       (ReelCitationLabel *self);
const char *reel_citation_label_get_tail       (ReelCitationLabel *self);

G_END_DECLS
