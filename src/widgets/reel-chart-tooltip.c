/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-tooltip"

#include "config.h"

#include "reel-chart-tooltip.h"

/* "North America · 2024" in bold, then every figure of the point with its
 * source and basis, a label each so that a figure that wraps stays apart
 * from the next. Plain text. The tooltip is a vertical box: the heading,
 * then a box of the figures' lines. */

#define MAX_WIDTH_CHARS 50

static GtkWidget *
create_label (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_WIDTH_CHARS);

  return label;
}

GtkWidget *
reel_chart_tooltip_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = create_label (NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));

  return box;
}

void
reel_chart_tooltip_set_text (GtkWidget  *tooltip,
                             const char *text)
{
  g_auto(GStrv) lines = NULL;
  GtkWidget *heading, *figures, *child;

  g_return_if_fail (GTK_IS_BOX (tooltip));
  g_return_if_fail (text != NULL);

  lines = g_strsplit (text, "\n", -1);
  heading = gtk_widget_get_first_child (tooltip);
  figures = gtk_widget_get_last_child (tooltip);

  gtk_label_set_text (GTK_LABEL (heading), lines[0] != NULL ? lines[0] : "");

  while ((child = gtk_widget_get_first_child (figures)) != NULL)
    gtk_box_remove (GTK_BOX (figures), child);

  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    gtk_box_append (GTK_BOX (figures), create_label (lines[i]));
  gtk_widget_set_visible (figures, gtk_widget_get_first_child (figures) != NULL);
}
