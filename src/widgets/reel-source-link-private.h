/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-source-link.h"

G_BEGIN_DECLS

/* Tests replace the launcher to see which links would open. */
typedef void (*ReelUriLaunchFunc) (GtkWindow  *parent,
                                   const char *uri,
                                   gpointer    user_data);

void       _reel_source_link_set_launch_func (ReelUriLaunchFunc  func,
                                              gpointer           user_data);
GtkButton *_reel_source_link_get_button      (ReelSourceLink    *self);

G_END_DECLS
