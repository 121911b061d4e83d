/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-format"

#include "config.h"

#include "reel-format.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <unicode/unumberformatter.h>

/* ICU number skeletons. "@##" keeps at most three significant digits and
 * drops trailing zeros (142e6 → "142M", 1.42e9 → "1.42B", 1e9 → "1B").
 * ICU's default compact rounding keeps only two below 100 of a unit (1.42e9
 * → "1.4B", 12.3e6 → "12M", 142e6 in zh_CN → "1.4亿"), too coarse to tell
 * neighbouring bars apart. ICU rounds halves to even; people check the labels
 * against spreadsheets, which round them away from zero (142.5e6 → "143M",
 * 12.25 → "+12.3%"), hence rounding-mode-half-up. */
#define SKELETON_PRECISION       " @## rounding-mode-half-up"
#define SKELETON_COMPACT         "compact-short" SKELETON_PRECISION
#define SKELETON_MONEY_COMPACT   "compact-short currency/"
#define SKELETON_MONEY_LONG      "compact-long currency/"
#define SKELETON_MONEY_LONG_TAIL " unit-width-full-name" SKELETON_PRECISION
/* Percentages keep one decimal: growth of "+4,300%" and of "-12.5%" sit in
 * the same chart. The percent unit only adds the sign, it does not multiply:
 * growth comes in points already, and scale/100 turns a share of 1 into
 * "100%". */
#define SKELETON_PERCENT         "percent sign-except-zero .# rounding-mode-half-up"
#define SKELETON_SHARE           "percent scale/100 .# rounding-mode-half-up"
#define SKELETON_INTEGER         "group-auto"

/* Opening a formatter parses the skeleton and loads the locale's data; using
 * an open one is cheap, and a chart formats hundreds of labels per frame. An
 * open UNumberFormatter is immutable and may be shared between threads (the
 * loader formats on a worker thread), so only the table needs the lock; the
 * UFormattedNumber that holds one result is per call. Currencies come from
 * datasets, so the table is bounded: past CACHE_MAX keys a formatter serves
 * one call and is closed. Cached formatters stay until the process exits, as
 * ICU's own caches do. */
#define CACHE_MAX 64

static GMutex      cache_lock;
static GHashTable *cache;  /* "skeleton\nlocale" → UNumberFormatter */

G_STATIC_ASSERT (sizeof (UChar) == sizeof (gunichar2));

/* A POSIX name ("es_ES.UTF-8", "de_DE@euro") becomes an ICU id ("es_ES",
 * "de_DE"); ICU keywords ("ar_EG@numbers=latn") are kept. NULL for "C" and
 * "POSIX", which name no language. */
static char *
locale_to_icu (const char *name)
{
  g_autofree char *base = NULL;
  const char *at;
  size_t len;

  if (name == NULL)
    return NULL;

  at = strchr (name, '@');
  len = strcspn (name, ".@");
  base = g_strndup (name, len);

  if (*base == '\0' || strcmp (base, "C") == 0 || strcmp (base, "POSIX") == 0)
    return NULL;

  if (at != NULL && strchr (at, '=') != NULL)
    return g_strconcat (base, at, NULL);

  return g_steal_pointer (&base);
}

static char *
user_locale (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_NUMERIC", "LANG" };
  char *icu;
  guint i;

  /* setlocale () with NULL reads a buffer that another setlocale () may
   * replace; the app sets its locale once, in main (), before any thread. */
  icu = locale_to_icu (setlocale (LC_NUMERIC, NULL));
  if (icu != NULL)
    return icu;

  /* "C": the program never called setlocale (LC_ALL, ""), or the C library
   * lacks the user's locale while ICU carries its own data. The environment
   * says what the user asked for, read with POSIX's precedence. */
  for (i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        {
          icu = locale_to_icu (value);
          break;
        }
    }

  return icu != NULL ? icu : g_strdup ("en_US");
}

static char *
resolve_locale (const char *locale)
{
  char *icu;

  if (locale == NULL || *locale == '\0')
    return user_locale ();

  /* An explicit "C" asks for no localisation, which en_US is closest to. */
  icu = locale_to_icu (locale);
  return icu != NULL ? icu : g_strdup ("en_US");
}

static UNumberFormatter *
open_formatter (const char *skeleton,
                const char *locale)
{
  g_autofree gunichar2 *skeleton16 = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormatter *formatter;
  glong len = 0;

  g_assert (skeleton != NULL);
  g_assert (locale != NULL);

  skeleton16 = g_utf8_to_utf16 (skeleton, -1, NULL, &len, NULL);
  if (skeleton16 == NULL)
    return NULL;

  formatter = unumf_openForSkeletonAndLocale ((const UChar *) skeleton16, (int32_t) len,
                                              locale, &status);
  if (U_FAILURE (status))
    {
      g_debug ("Cannot format \"%s\" in %s: %s", skeleton, locale, u_errorName (status));
      if (formatter != NULL)
        unumf_close (formatter);
      return NULL;
    }

  return formatter;
}

/* Returns the cached formatter, or one opened for this call alone in
 * *owned, which the caller closes. */
static const UNumberFormatter *
get_formatter (const char        *skeleton,
               const char        *locale,
               UNumberFormatter **owned)
{
  g_autofree char *key = g_strconcat (skeleton, "\n", locale, NULL);
  UNumberFormatter *formatter;
  UNumberFormatter *opened;

  *owned = NULL;

  g_mutex_lock (&cache_lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal,
                                   g_free, (GDestroyNotify) unumf_close);
  formatter = g_hash_table_lookup (cache, key);
  g_mutex_unlock (&cache_lock);

  if (formatter != NULL)
    return formatter;

  /* Opened outside the lock so that a slow open does not stall the other
   * thread's labels; if both opened it, the second copy is dropped. */
  opened = open_formatter (skeleton, locale);
  if (opened == NULL)
    return NULL;

  g_mutex_lock (&cache_lock);
  formatter = g_hash_table_lookup (cache, key);
  if (formatter == NULL && g_hash_table_size (cache) < CACHE_MAX)
    g_hash_table_insert (cache, g_steal_pointer (&key), formatter = opened);
  else if (formatter == NULL)
    *owned = formatter = opened;
  else
    unumf_close (opened);
  g_mutex_unlock (&cache_lock);

  return formatter;
}

static char *
result_to_utf8 (const UFormattedNumber *result)
{
  g_autofree UChar *heap = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UChar stack[64];
  UChar *buffer = stack;
  int32_t len;

  len = unumf_resultToString (result, stack, G_N_ELEMENTS (stack), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      /* Only absurd magnitudes get here: 1e300 is 400 characters long. */
      status = U_ZERO_ERROR;
      buffer = heap = g_new (UChar, len + 1);
      len = unumf_resultToString (result, heap, len + 1, &status);
    }

  if (U_FAILURE (status))
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *) buffer, len, NULL, NULL, NULL);
}

/* Formats @int_value when @is_int, else @value; NULL when ICU fails, so that
 * the caller falls back to something readable. */
static char *
format_number (const char *skeleton,
               const char *locale,
               gboolean    is_int,
               gint64      int_value,
               double      value)
{
  g_autofree char *icu_locale = resolve_locale (locale);
  const UNumberFormatter *formatter;
  UNumberFormatter *owned = NULL;
  UFormattedNumber *result;
  UErrorCode status = U_ZERO_ERROR;
  char *text = NULL;

  formatter = get_formatter (skeleton, icu_locale, &owned);
  if (formatter == NULL)
    return NULL;

  result = unumf_openResult (&status);
  if (is_int)
    unumf_formatInt (formatter, int_value, result, &status);
  else
    unumf_formatDouble (formatter, value, result, &status);

  if (U_SUCCESS (status))
    text = result_to_utf8 (result);
  else
    g_debug ("Cannot format with \"%s\" in %s: %s", skeleton, icu_locale, u_errorName (status));

  if (result != NULL)
    unumf_closeResult (result);
  if (owned != NULL)
    unumf_close (owned);

  return text;
}

/* The C library's %g would follow LC_NUMERIC ("1,42e+08" in es_ES) and
 * g_ascii_formatd () takes no flags, so the sign is added here. */
static char *
fallback (double      value,
          const char *prefix,
          const char *suffix)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%g", value);
  return g_strconcat (prefix, buffer, suffix, NULL);
}

/* ICU writes -0.0 as "-0" (tested). */
static inline double
no_negative_zero (double value)
{
  return value == 0 ? 0.0 : value;
}

/* Three ASCII letters, upper-cased into @code: the code goes into a skeleton,
 * and anything else there ("USD scale/1000") would change its meaning. */
static gboolean
currency_code (const char *currency,
               char        code[4])
{
  guint i;

  for (i = 0; i < 3; i++)
    {
      if (!g_ascii_isalpha (currency[i]))
        return FALSE;
      code[i] = g_ascii_toupper (currency[i]);
    }
  code[3] = '\0';

  return currency[3] == '\0';
}

static char *
format_money (double      value,
              const char *currency,
              const char *locale,
              const char *skeleton_head,
              const char *skeleton_tail)
{
  g_autofree char *skeleton = NULL;
  g_autofree char *number = NULL;
  char code[4];
  char *text;

  g_assert (currency != NULL);

  if (!isfinite (value))
    return g_strdup (REEL_FORMAT_MISSING);

  /* The loader checks codes; one that still is not a code is shown as is. */
  if (!currency_code (currency, code))
    {
      number = reel_format_number_compact (value, locale);
      return g_strconcat (number, " ", currency, NULL);
    }

  skeleton = g_strconcat (skeleton_head, code, skeleton_tail, NULL);
  text = format_number (skeleton, locale, FALSE, 0, no_negative_zero (value));

  if (text == NULL)
    {
      g_autofree char *suffix = g_strconcat (" ", code, NULL);

      text = fallback (value, "", suffix);
    }

  return text;
}

/**
 * reel_format_money_compact:
 * @value: an amount
 * @currency: its ISO 4217 code
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * For labels and ticks: "$142M", "$1.4B" (en_US), "US$1.42亿" (zh_CN).
 */
char *
reel_format_money_compact (double      value,
                           const char *currency,
                           const char *locale)
{
  g_return_val_if_fail (currency != NULL, reel_format_number_compact (value, locale));

  return format_money (value, currency, locale,
                       SKELETON_MONEY_COMPACT, SKELETON_PRECISION);
}

/**
 * reel_format_number_compact:
 * @value: a number
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * "142M", "1.4B" (en_US), "1.42亿" (zh_CN), "142 M" (es_ES), "142 mi" (pt_BR).
 */
char *
reel_format_number_compact (double      value,
                            const char *locale)
{
  char *text;

  if (!isfinite (value))
    return g_strdup (REEL_FORMAT_MISSING);

  text = format_number (SKELETON_COMPACT, locale, FALSE, 0, no_negative_zero (value));
  return text != NULL ? text : fallback (value, "", "");
}

/**
 * reel_format_money_long:
 * @value: an amount
 * @currency: its ISO 4217 code
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * For screen readers, which read "$142M" as "dollar one hundred forty-two
 * M": "142 million US dollars" (en_US).
 */
char *
reel_format_money_long (double      value,
                        const char *currency,
                        const char *locale)
{
  g_return_val_if_fail (currency != NULL, reel_format_number_compact (value, locale));

  return format_money (value, currency, locale,
                       SKELETON_MONEY_LONG, SKELETON_MONEY_LONG_TAIL);
}

/**
 * reel_format_percent:
 * @percent: percentage points (69 for 69%)
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * Growth, always signed except zero: "+69%", "-12.5%", "0%" (en_US),
 * "+69 %" (es_ES).
 */
char *
reel_format_percent (double      percent,
                     const char *locale)
{
  char *text;

  if (!isfinite (percent))
    return g_strdup (REEL_FORMAT_MISSING);

  text = format_number (SKELETON_PERCENT, locale, FALSE, 0, no_negative_zero (percent));
  return text != NULL ? text : fallback (percent, percent > 0 ? "+" : "", "%");
}

/**
 * reel_format_share:
 * @share: a fraction, 0 to 1
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * A part of a whole, unsigned: 0.6 → "60%" (en_US), "60 %" (es_ES).
 */
char *
reel_format_share (double      share,
                   const char *locale)
{
  char *text;

  if (!isfinite (share))
    return g_strdup (REEL_FORMAT_MISSING);

  text = format_number (SKELETON_SHARE, locale, FALSE, 0, no_negative_zero (share));
  return text != NULL ? text : fallback (share * 100, "", "%");
}

/**
 * reel_format_integer:
 * @value: a count
 * @locale: (nullable): a locale name, or NULL for the user's
 *
 * Grouped as the locale groups: "1,000,000" (en_US), "1.000.000" (es_ES).
 */
char *
reel_format_integer (gint64      value,
                     const char *locale)
{
  char *text;

  text = format_number (SKELETON_INTEGER, locale, TRUE, value, 0);
  return text != NULL ? text : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}
