/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-csv-columns"

#include "config.h"

#include "reel-csv-columns.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-rules.h"

static const char * const role_names[REEL_CSV_N_ROLES] = {
  "region", "period", "revenue", "country", "platform", "metric",
};

/* Powers of ten that a double holds exactly. */
static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
};

/* A number with at most this many digits has a mantissa below 2^53. */
#define FAST_DIGITS_MAX 15

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_digits (const char *s,
           gsize       len)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (!is_digit (s[i]))
      return FALSE;

  return len > 0;
}

/* What is wrong with a value that failed its column's syntax, when the cause
 * is not the syntax itself; NULL otherwise. */
static char *
check_text (const char *value,
            gsize       len)
{
  if (!g_utf8_validate_len (value, len, NULL))
    return g_strdup (_("the text is not valid UTF-8: save the file as UTF-8"));

  if (len > 0 && (is_space (value[0]) || is_space (value[len - 1])))
    {
      g_autofree char *shown = reel_rules_show_value (value, len);

      return g_strdup_printf (_("“%s” has spaces around it: remove them"), shown);
    }

  return NULL;
}

/* Returns NULL when @value is an id (or empty and not @required), else a message. */
static char *
check_id (const GString *value,
          gboolean       required)
{
  char *message;

  if (value->len == 0)
    return required ? g_strdup (_("the value is missing")) : NULL;

  if (reel_rules_is_id (value->str, value->len))
    return NULL;

  if ((message = check_text (value->str, value->len)) != NULL)
    return message;

  return reel_rules_check_id (value->str, value->len);
}

/* A month ("YYYY-MM") the quick way; in a file with a `metric` column, any
 * other spelling of a period by reel_period_parse(), which allocates only
 * its message. A file without one has months of revenue only, as before. */
static char *
check_period (const GString *value,
              ReelCsvRecord *record)
{
  char *message, *text;

  if (value->len == 0)
    return g_strdup (_("the value is missing"));

  /* A good period is plain ASCII without spaces, so check_text() can only
   * find fault with a bad one: it is asked second, for every row's sake,
   * and its message still wins. */
  if (!record->general || (value->len == 7 && value->str[4] == '-' && is_digit (value->str[5])))
    {
      message = reel_rules_check_period (value->str, value->len, &record->year, &record->month);
      record->period.first = record->period.last = record->year * 12 + record->month - 1;
      record->period.kind = REEL_PERIOD_MONTH;
    }
  else
    {
      record->month = 0;
      message = reel_period_parse (value->str, &record->period);
    }
  if (message != NULL && (text = check_text (value->str, value->len)) != NULL)
    {
      g_free (message);
      return text;
    }

  return message;
}

static gboolean
is_not_finite_word (const char *s)
{
  if (*s == '-' || *s == '+')
    s++;

  return g_ascii_strcasecmp (s, "nan") == 0 ||
         g_ascii_strcasecmp (s, "inf") == 0 ||
         g_ascii_strcasecmp (s, "infinity") == 0;
}

/* A revenue is `-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, finite and not
 * negative (`-0` reads as 0). Numbers of at most 15 digits without an
 * exponent are converted here, exactly as strtod() would (one correctly
 * rounded division of two exact doubles); others go to g_ascii_strtod(). */
static char *
check_revenue (const GString *value,
               double        *revenue)
{
  const char *s = value->str;
  const char *end = s + value->len;
  const char *p = s;
  const char *start;
  g_autofree char *shown = NULL;
  gboolean negative = FALSE;
  gboolean exponent = FALSE;
  guint64 mantissa = 0;
  guint n_digits = 0;
  guint n_fraction = 0;
  double v;
  char *message;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }

  for (start = p; p < end && is_digit (*p); p++, n_digits++)
    if (n_digits < FAST_DIGITS_MAX)
      mantissa = mantissa * 10 + (guint64) (*p - '0');
  if (p == start)
    goto bad;

  if (p < end && *p == '.')
    {
      for (start = ++p; p < end && is_digit (*p); p++, n_fraction++)
        if (n_digits + n_fraction < FAST_DIGITS_MAX)
          mantissa = mantissa * 10 + (guint64) (*p - '0');
      if (p == start)
        goto bad;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      exponent = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      for (start = p; p < end && is_digit (*p); p++)
        ;
      if (p == start)
        goto bad;
    }

  if (p != end)
    goto bad;

  if (!exponent && n_digits + n_fraction <= FAST_DIGITS_MAX)
    v = (double) mantissa / exact_powers_of_ten[n_fraction];
  else
    v = fabs (g_ascii_strtod (s, NULL));

  if (!isfinite (v))
    {
      shown = reel_rules_show_value (s, value->len);
      return g_strdup_printf (_("“%s” is too large for a number"), shown);
    }

  if (negative && v != 0)
    {
      shown = reel_rules_show_value (s, value->len);
      return g_strdup_printf (_("“%s” is negative: revenue must be 0 or more"), shown);
    }

  *revenue = v;
  return NULL;

bad:
  if (value->len == 0)
    return g_strdup (_("the value is missing"));

  if ((message = check_text (s, value->len)) != NULL)
    return message;

  shown = reel_rules_show_value (s, value->len);
  if (memchr (s, ',', value->len) != NULL)
    return g_strdup_printf (_("“%s” is not a number: use . as the decimal point, "
                              "without thousands separators"), shown);
  if (is_not_finite_word (s))
    return g_strdup_printf (_("“%s” is not a finite number"), shown);
  return g_strdup_printf (_("“%s” is not a number: use digits and . as the decimal point"), shown);
}

static char *
check_country (const GString *value)
{
  char *message;
  char *text;

  if (value->len == 0)
    return NULL;

  /* Spaces or broken UTF-8 are the likelier cause: say that first. */
  message = reel_rules_check_country (value->str, value->len);
  if (message != NULL && (text = check_text (value->str, value->len)) != NULL)
    {
      g_free (message);
      return text;
    }

  return message;
}

/* An empty metric is revenue, as a file without the column has. */
static char *
check_metric (const GString *value,
              ReelMetric    *metric)
{
  g_autofree char *shown = NULL;

  *metric = REEL_METRIC_REVENUE;
  if (value->len == 0 || reel_metric_from_string (value->str, metric))
    return NULL;

  shown = reel_rules_show_value (value->str, value->len);
  return g_strdup_printf (_("“%s” is not a metric: use revenue, downloads, "
                            "monthly-active-users, revenue-share, download-share "
                            "or revenue-per-download"),
                          shown);
}

/* Adds a checked record to @table: a month of revenue to its year's sum,
 * any other to its series. Returns NULL, or what is wrong with the record's
 * number (a share above 1, a second share of a series) or its series. */
char *
reel_csv_add_record (ReelRecordTable     *table,
                     guint                region,
                     guint                platform,
                     const ReelCsvRecord *record)
{
  if (record->metric == REEL_METRIC_REVENUE && record->month != 0)
    {
      reel_record_table_add (table, region, platform, record->year, record->month, record->revenue);
      return NULL;
    }

  if (reel_metric_get_unit (record->metric) == REEL_UNIT_SHARE && record->revenue > 1)
    return g_strdup (_("must be a share from 0 to 1"));

  switch (reel_record_table_add_measure (table, region, platform, record->metric,
                                         &record->period, record->revenue))
    {
    case REEL_RECORD_TOO_MANY_SERIES:
      return g_strdup_printf (_("more than %u different series of places, metrics "
                                "and periods in the records"),
                              (guint) REEL_RECORD_MAX_SERIES);
    case REEL_RECORD_SHARE_TWICE:
      return g_strdup (_("a second share of the same place, metric and period: "
                         "shares are not summed"));
    case REEL_RECORD_ADDED:
    default:
      return NULL;
    }
}

char *
reel_csv_too_long_message (gsize max)
{
  g_autofree char *size = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);

  return g_strdup_printf (_("the value is longer than %s"), size);
}

/* The decimal-comma hint: an unquoted revenue written with a decimal comma
 * reads as two fields, the row then having one too many. The revenue
 * column's may be the integer part of the number… */
gboolean
reel_csv_may_be_split_integer (const GString *revenue)
{
  return revenue->len <= REEL_CSV_SPLIT_NUMBER_MAX && is_digits (revenue->str, revenue->len);
}

/* …and the field after it the fraction: digits, then digits or points. */
gboolean
reel_csv_may_be_split_fraction (const GString *field)
{
  return field->len <= REEL_CSV_SPLIT_NUMBER_MAX && field->len > 0 && is_digit (field->str[0]) &&
         strspn (field->str, "0123456789.") == field->len;
}

const char *
reel_csv_role_name (ReelCsvRole role)
{
  g_assert (role < REEL_CSV_N_ROLES);

  return role_names[role];
}

ReelCsvRole
reel_csv_role_lookup (const char *name)
{
  guint role;

  for (role = 0; role < REEL_CSV_N_ROLES; role++)
    if (strcmp (name, role_names[role]) == 0)
      return role;

  return REEL_CSV_ROLE_IGNORED;
}

/* A file with a `metric` column may name its number column `value`, the
 * general name of `revenue` (a file without one may have a `value` column
 * of its own, which is ignored). Returns the column of `value` then, else -1. */
int
reel_csv_value_column (GPtrArray *names,
                       const int  role_column[REEL_CSV_N_ROLES])
{
  if (role_column[REEL_CSV_ROLE_METRIC] < 0)
    return -1;

  for (guint c = 0; c < names->len; c++)
    if (g_strcmp0 (g_ptr_array_index (names, c), "value") == 0)
      return (int) c;

  return -1;
}

/* A header name that would be @role's if it were lowercase and trimmed. */
gboolean
reel_csv_role_is_near_miss (ReelCsvRole  role,
                            const char  *name)
{
  const char *want = role_names[role];
  gsize len;

  while (is_space (*name))
    name++;
  len = strlen (name);
  while (len > 0 && is_space (name[len - 1]))
    len--;

  return len == strlen (want) && g_ascii_strncasecmp (name, want, len) == 0;
}

/* Checks @value, of a column with @role, into @record. */
char *
reel_csv_check_value (ReelCsvRole      role,
                      const GString   *value,
                      ReelRecordTable *table,
                      ReelCsvRecord   *record)
{
  switch (role)
    {
    case REEL_CSV_ROLE_REGION:
      /* An id already in the table was checked when it went in. */
      record->region = reel_record_table_lookup_region (table, value->str, value->len);
      if (record->region == REEL_RECORD_NO_ID)
        return check_id (value, TRUE);
      return NULL;

    case REEL_CSV_ROLE_PERIOD:
      return check_period (value, record);

    case REEL_CSV_ROLE_REVENUE:
      return check_revenue (value, &record->revenue);

    case REEL_CSV_ROLE_COUNTRY:
      return check_country (value);

    case REEL_CSV_ROLE_PLATFORM:
      record->platform = REEL_RECORD_NO_ID;
      if (value->len > 0)
        record->platform = reel_record_table_lookup_platform (table, value->str, value->len);
      if (record->platform == REEL_RECORD_NO_ID)
        return check_id (value, FALSE);
      return NULL;

    case REEL_CSV_ROLE_METRIC:
      return check_metric (value, &record->metric);

    case REEL_CSV_N_ROLES:
    default:
      g_assert_not_reached ();
    }
}
