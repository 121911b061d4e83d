/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one place numbers become text (DESIGN §2 "Numbers"): chart labels,
 * axis ticks, tooltips, accessible names and the command line all come
 * through here, so that every surface shows a figure the same way.
 *
 * Every function returns a newly allocated UTF-8 string, never NULL, and may
 * be called from any thread. @locale is an ICU or POSIX locale name
 * ("en_US", "zh_CN", "es_ES.UTF-8"); NULL or "" means the user's locale, read
 * from setlocale (LC_NUMERIC, NULL) and, when that is "C" or "POSIX", from
 * the LC_ALL, LC_NUMERIC and LANG environment variables, then "en_US".
 * @currency is an ISO 4217 code ("USD").
 *
 * The strings are ICU's, so they contain the locale's spaces: U+00A0 in
 * "142\u00a0M" (es_ES) and "US$\u00a0142\u00a0mi" (pt_BR), for example.
 * A value that is NaN or infinite becomes REEL_FORMAT_MISSING. */

#define REEL_FORMAT_MISSING "\u2014"

char *reel_format_money_compact  (double      value,
                                  const char *currency,
                                  const char *locale);
char *reel_format_number_compact (double      value,
                                  const char *locale);
char *reel_format_money_long     (double      value,
                                  const char *currency,
                                  const char *locale);
char *reel_format_percent        (double      percent,
                                  const char *locale);
char *reel_format_share          (double      share,
                                  const char *locale);
char *reel_format_integer        (gint64      value,
                                  const char *locale);

G_END_DECLS
