/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_SOURCE_LINK (reel_source_link_get_type ())

G_DECLARE_FINAL_TYPE (ReelSourceLink, reel_source_link, REEL, SOURCE_LINK, GtkWidget)

GtkWidget  *reel_source_link_new            (const char       *label,
                                             const char       *uri);
GtkWidget  *reel_source_link_new_for_source (const ReelSource *source);
const char *reel_source_link_get_label      (ReelSourceLink   *self);
const char *reel_source_link_get_uri        (ReelSourceLink   *self);
gboolean    reel_source_link_get_can_open   (ReelSourceLink   *self);
gboolean    reel_source_link_can_open       (const char       *uri);
gboolean    reel_source_link_open           (GtkWidget        *parent,
                                             const char       *uri);

G_END_DECLS
