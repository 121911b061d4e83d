/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-period.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-dataset.h"
#include "reel-rules.h"

#define MONTHS_OF(year) ((year) * 12)

/* Reads @n digits at @text into @number; FALSE when one is not a digit. */
static gboolean
read_digits (const char *text,
             guint       n,
             guint      *number)
{
  *number = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *number = *number * 10 + (text[i] - '0');
    }
  return TRUE;
}

/* "YYYY-MM" at @text, as a month count; FALSE when it is not one. */
static gboolean
read_month (const char *text,
            guint      *months)
{
  guint year, month;

  if (!read_digits (text, 4, &year) || text[4] != '-' || !read_digits (text + 5, 2, &month) ||
      month < 1 || month > 12)
    return FALSE;

  *months = MONTHS_OF (year) + month - 1;
  return TRUE;
}

/* The part after "YYYY-": a half, a quarter, a month or a span. */
static gboolean
read_part (const char *text,
           gsize       length,
           guint       year,
           ReelPeriod *period)
{
  const char *part = text + 5;
  guint months_per_part = 0;

  if (length == 7 && part[0] == 'H' && part[1] >= '1' && part[1] <= '2')
    {
      period->kind = REEL_PERIOD_HALF;
      months_per_part = 6;
    }
  else if (length == 7 && part[0] == 'Q' && part[1] >= '1' && part[1] <= '4')
    {
      period->kind = REEL_PERIOD_QUARTER;
      months_per_part = 3;
    }

  if (months_per_part > 0)
    {
      period->first = MONTHS_OF (year) + (part[1] - '1') * months_per_part;
      period->last = period->first + months_per_part - 1;
      return TRUE;
    }

  if (length == 7 && read_month (text, &period->first))
    {
      period->kind = REEL_PERIOD_MONTH;
      period->last = period->first;
      return TRUE;
    }

  period->kind = REEL_PERIOD_SPAN;
  return length == 15 && text[7] == '/' && read_month (text, &period->first) &&
         read_month (text + 8, &period->last);
}

/* Whether @text spells a period, without checking its range. */
static gboolean
read_period (const char *text,
             ReelPeriod *period)
{
  gsize length = strlen (text);
  guint year;

  if (length < 4 || !read_digits (text, 4, &year))
    return FALSE;

  if (length == 4)
    {
      reel_period_init_year (period, year);
      return TRUE;
    }

  return text[4] == '-' && read_part (text, length, year, period);
}

/* Reads one of the spellings of a period (DESIGN §3): "YYYY", "YYYY-H1",
 * "YYYY-Q1", "YYYY-MM" or "YYYY-MM/YYYY-MM". Returns NULL when @text is
 * one, else a message (lowercase, to follow "PATH: "). */
char *
reel_period_parse (const char *text,
                   ReelPeriod *period)
{
  g_autofree char *shown = reel_rules_show_value (text, strlen (text));

  if (!read_period (text, period))
    return g_strdup_printf (_("“%s” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM "
                              "or YYYY-MM/YYYY-MM"),
                            shown);

  if (period->first / 12 < REEL_DATASET_YEAR_MIN || period->last / 12 > REEL_DATASET_YEAR_MAX)
    return g_strdup_printf (_("“%s”: the year must be %u to %u"), shown,
                            (guint) REEL_DATASET_YEAR_MIN, (guint) REEL_DATASET_YEAR_MAX);

  if (period->kind == REEL_PERIOD_SPAN &&
      (period->last <= period->first || period->last - period->first >= REEL_PERIOD_MAX_SPAN))
    return g_strdup_printf (_("“%s”: a span runs from its first month to a later one, "
                              "%u months at most"),
                            shown, (guint) REEL_PERIOD_MAX_SPAN);

  return NULL;
}

void
reel_period_init_year (ReelPeriod *period,
                       guint       year)
{
  period->kind = REEL_PERIOD_YEAR;
  period->first = MONTHS_OF (year);
  period->last = period->first + 11;
}

/* The year a period starts in. */
guint
reel_period_get_year (const ReelPeriod *period)
{
  return period->first / 12;
}

/* Whether the period is a calendar year, however it was spelled: a figure
 * of part of a year never stands for the year. */
gboolean
reel_period_is_whole_year (const ReelPeriod *period)
{
  return period->first % 12 == 0 && period->last == period->first + 11;
}

gboolean
reel_period_equal (const ReelPeriod *a,
                   const ReelPeriod *b)
{
  return a->first == b->first && a->last == b->last && a->kind == b->kind;
}

/* The period in the spelling it was read from. */
char *
reel_period_to_string (const ReelPeriod *period)
{
  guint year = period->first / 12;
  guint month = period->first % 12 + 1;

  switch (period->kind)
    {
    case REEL_PERIOD_YEAR:
      return g_strdup_printf ("%04u", year);
    case REEL_PERIOD_HALF:
      return g_strdup_printf ("%04u-H%u", year, (month - 1) / 6 + 1);
    case REEL_PERIOD_QUARTER:
      return g_strdup_printf ("%04u-Q%u", year, (month - 1) / 3 + 1);
    case REEL_PERIOD_MONTH:
      return g_strdup_printf ("%04u-%02u", year, month);
    case REEL_PERIOD_SPAN:
    default:
      return g_strdup_printf ("%04u-%02u/%04u-%02u", year, month, period->last / 12,
                              period->last % 12 + 1);
    }
}
