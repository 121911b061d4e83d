/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REEL_TYPE_PARAGRAPH (reel_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (ReelParagraph, reel_paragraph, REEL, PARAGRAPH, GtkWidget)

GtkWidget   *reel_paragraph_new             (const char    *text,
                                             const char    *css_class);
const char  *reel_paragraph_get_text        (ReelParagraph *self);
void         reel_paragraph_set_text        (ReelParagraph *self,
                                             const char    *text);
double       reel_paragraph_get_line_height (ReelParagraph *self);
void         reel_paragraph_set_line_height (ReelParagraph *self,
                                             double         factor);
void         reel_paragraph_prepare         (ReelParagraph *self,
                                             int            width);
PangoLayout *reel_paragraph_get_layout      (ReelParagraph *self,
                                             int            width);

G_END_DECLS
