/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The chart view's custom tooltip: a mark's tooltip text shown as the
 * layout gives it, its first line a heading. */

GtkWidget *reel_chart_tooltip_new      (void);
void       reel_chart_tooltip_set_text (GtkWidget  *tooltip,
                                        const char *text);

G_END_DECLS
