/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The value rules of DESIGN §3 that more than one reader checks: the JSON
 * loader, its records reader and the CSV reader give the same verdict and
 * the same message for the same value. Each check returns NULL when the
 * value is fine, else a message (lowercase, to follow "PATH: "). */

#define REEL_ID_MAX           64
#define REEL_SHOWN_VALUE_MAX  40

char     *reel_rules_show_value       (const char *value,
                                       gsize       length);
gboolean  reel_rules_is_id            (const char *value,
                                       gsize       length);
char     *reel_rules_check_id         (const char *value,
                                       gsize       length);
char     *reel_rules_check_period     (const char *value,
                                       gsize       length,
                                       guint      *year,
                                       guint      *month);
char     *reel_rules_check_country    (const char *value,
                                       gsize       length);
gboolean  reel_rules_is_date          (const char *value);
guint     reel_rules_edit_distance    (const char *a,
                                       const char *b,
                                       guint       max);

G_END_DECLS
