/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-text-source"

#include "config.h"

#include "reel-text-source.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "reel-text-figure.h"

/* "2025-11-22" → "22 Nov 2025", "2025-09" → "Sep 2025", "2025" → "2025",
 * in the user's language; NULL for NULL. */
char *
reel_text_dup_published (const char *published)
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
reel_text_get_source_author (const ReelSource *source)
{
  const char *who;

  g_return_val_if_fail (source != NULL, NULL);

  who = source->publisher != NULL ? reel_text_get (source->publisher) : NULL;
  if (who == NULL || who[0] == '\0')
    who = reel_text_get (source->title);

  return who;
}

/* How a panel cites a source in one line: "iChongqing (Bridging News),
 * 22 Nov 2025" (reel_text_get_source_author(), and the date when known). */
char *
reel_text_dup_source_citation (const ReelSource *source)
{
  g_autofree char *date = NULL;
  const char *who;

  g_return_val_if_fail (source != NULL, NULL);

  who = reel_text_get_source_author (source);

  date = reel_text_dup_published (source->published);
  if (date == NULL)
    return g_strdup (who);

  /* TRANSLATORS: a source cited in a panel: "iChongqing, 22 Nov 2025" */
  return g_strdup_printf (_("%s, %s"), who, date);
}

/* A source as AdwAboutWindow credits a person: "Title, Publisher URL". It
 * reads "<…>" as an e-mail address, so angle brackets in dataset text become
 * look-alikes; the link is given only when it may open (DESIGN §3). */
char *
reel_text_dup_source_credit (const ReelSource *source)
{
  GString *credit = g_string_new (reel_text_get (source->title));

  if (source->publisher != NULL)
    g_string_append_printf (credit, "%s%s", reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS), reel_text_get (source->publisher));
  g_string_replace (credit, "<", "‹", 0);
  g_string_replace (credit, ">", "›", 0);
  if (reel_dataset_url_is_safe (source->url))
    g_string_append_printf (credit, " %s", source->url);

  return g_string_free (credit, FALSE);
}

/**
 * reel_text_dup_expert_credentials:
 * @expert: a speaker of quotes
 *
 * Who a speaker is, under their name: "Director, National Image Research
 * Center", or their role or organisation alone.
 *
 * Returns: (transfer full): the line, empty when the dataset says neither
 */
char *
reel_text_dup_expert_credentials (const ReelExpert *expert)
{
  GString *credentials = g_string_new (NULL);

  g_return_val_if_fail (expert != NULL, NULL);

  if (expert->role != NULL)
    g_string_append (credentials, reel_text_get (expert->role));
  if (expert->organization != NULL)
    {
      if (credentials->len > 0)
        /* TRANSLATORS: between a speaker's role and organisation */
        g_string_append (credentials, C_("role and organisation", ", "));
      g_string_append (credentials, reel_text_get (expert->organization));
    }

  return g_string_free (credentials, FALSE);
}
