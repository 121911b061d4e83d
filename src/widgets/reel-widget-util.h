/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-chart-layout.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

/* Small helpers the widgets of this layer share. Dataset text is plain
 * text (DESIGN §3): labels get it through reel_label_set_plain_text(),
 * never as markup. */

GtkWidget  *reel_plain_label_new           (const char          *text,
                                            const char          *css_class);
void        reel_label_set_plain_text      (GtkLabel            *label,
                                            const char          *text);
void        reel_widget_set_tooltip_text   (GtkWidget           *widget,
                                            const char          *text);
void        reel_widget_get_color          (GtkWidget           *widget,
                                            GdkRGBA             *color);
void        reel_widget_prepare_paragraphs (GtkWidget           *widget,
                                            int                  width);
void        reel_box_remove_all            (GtkBox              *box);
char       *reel_dup_qualified_share       (ReelQualifier        qualifier,
                                            double               share);
char       *reel_dup_region_name           (ReelDataset         *dataset,
                                            const char          *region_id);
void        reel_buttons_name_by_text      (GtkWidget           *box);
GdkTexture *reel_chart_texture_new         (ReelChartLayout     *layout);
GtkWidget  *reel_swatch_new                (void);
void        reel_swatch_set_color          (GtkWidget           *swatch,
                                            const GdkRGBA       *color);

G_END_DECLS
