/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-widget-util"

#include "config.h"

#include "reel-text-figure.h"
#include "reel-widget-util.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "reel-chart-layout.h"
#include "reel-format.h"

/**
 * reel_plain_label_new:
 * @text: (nullable): plain text, never markup
 * @css_class: (nullable): a style class to add
 *
 * A left-aligned label that wraps at word boundaries, as the panels show
 * dataset text.
 */
GtkWidget *
reel_plain_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  reel_label_set_plain_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * reel_label_set_plain_text:
 * @label: a label that may wrap
 * @text: (nullable): plain text, never markup
 *
 * Sets dataset text on a label, with tabs shown as spaces: a tab in a
 * wrapping label measures wider once the label wraps (GTK 4.8), and the
 * label would then overlap its neighbours.
 */
void
reel_label_set_plain_text (GtkLabel   *label,
                           const char *text)
{
  g_autofree char *spaced = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";
  if (strchr (text, '\t') != NULL)
    text = spaced = g_strdelimit (g_strdup (text), "\t", ' ');

  gtk_label_set_text (label, text);
}

void
reel_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* "2025-11-22" → "22 Nov 2025", "2025-09" → "Sep 2025", "2025" → "2025",
 * in the user's language; NULL for NULL. */
char *
reel_dup_published_text (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0, month = 0, day = 0;
  int n;

  if (published == NULL)
    return NULL;

  n = sscanf (published, "%4d-%2d-%2d", &year, &month, &day);
  if (n < 1 || year < 1 || year > 9999)
    return g_strdup (published);
  if (n == 1)
    return g_strdup_printf ("%d", year);

  date = g_date_time_new_utc (year, month, n == 3 ? day : 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup (published);

  if (n == 3)
    /* TRANSLATORS: the date a source was published, as g_date_time_format() writes it */
    return g_date_time_format (date, C_("published date", "%-d %b %Y"));

  /* TRANSLATORS: the month a source was published, as g_date_time_format() writes it */
  return g_date_time_format (date, C_("published month", "%b %Y"));
}

/* Who a citation names: the publisher, else the title. */
const char *
reel_get_source_author (const ReelSource *source)
{
  const char *who;

  g_return_val_if_fail (source != NULL, NULL);

  who = source->publisher != NULL ? reel_text_get (source->publisher) : NULL;
  if (who == NULL || who[0] == '\0')
    who = reel_text_get (source->title);

  return who;
}

/* How a panel cites a source in one line: "iChongqing (Bridging News),
 * 22 Nov 2025" (reel_get_source_author(), and the date when known). */
char *
reel_dup_source_citation (const ReelSource *source)
{
  g_autofree char *date = NULL;
  const char *who;

  g_return_val_if_fail (source != NULL, NULL);

  who = reel_get_source_author (source);

  date = reel_dup_published_text (source->published);
  if (date == NULL)
    return g_strdup (who);

  /* TRANSLATORS: a source cited in a panel: "iChongqing, 22 Nov 2025" */
  return g_strdup_printf (_("%s, %s"), who, date);
}

char *
reel_dup_qualified_share (ReelQualifier qualifier,
                          double        share)
{
  g_autofree char *value = reel_format_share (share, NULL);

  return reel_text_dup_qualified_words (qualifier, value);
}

/* The name of a region in the user's language, "World" for NULL, or the
 * id itself for an id the dataset does not know. */
char *
reel_dup_region_name (ReelDataset *dataset,
                      const char  *region_id)
{
  const ReelRegion *region;

  if (region_id == NULL)
    return g_strdup (_("World"));

  region = dataset != NULL ? reel_dataset_find_region (dataset, region_id) : NULL;
  if (region == NULL)
    return g_strdup (region_id);

  return g_strdup (reel_text_get (region->name));
}

GtkWidget *
reel_widget_get_nth_child (GtkWidget *widget,
                           guint      index)
{
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  child = gtk_widget_get_first_child (widget);
  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);

  return child;
}
