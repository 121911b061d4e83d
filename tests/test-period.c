/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-period.h"

typedef struct {
  const char     *text;
  ReelPeriodKind  kind;
  guint           first_year, first_month, last_year, last_month;
} Spelling;

/* Each spelling of DESIGN §3 and the months it covers. */
static const Spelling spellings[] = {
  { "2025", REEL_PERIOD_YEAR, 2025, 1, 2025, 12 },
  { "2025-H1", REEL_PERIOD_HALF, 2025, 1, 2025, 6 },
  { "2025-H2", REEL_PERIOD_HALF, 2025, 7, 2025, 12 },
  { "2025-Q1", REEL_PERIOD_QUARTER, 2025, 1, 2025, 3 },
  { "2025-Q4", REEL_PERIOD_QUARTER, 2025, 10, 2025, 12 },
  { "2025-05", REEL_PERIOD_MONTH, 2025, 5, 2025, 5 },
  { "2024-01/2024-09", REEL_PERIOD_SPAN, 2024, 1, 2024, 9 },
  { "2023-08/2024-06", REEL_PERIOD_SPAN, 2023, 8, 2024, 6 },
  { "1990-01/1999-12", REEL_PERIOD_SPAN, 1990, 1, 1999, 12 },   /* 120 months */
  { "2100-Q4", REEL_PERIOD_QUARTER, 2100, 10, 2100, 12 },
};

static void
test_spellings (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      const Spelling *spelling = &spellings[i];
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;
      ReelPeriod period;

      message = reel_period_parse (spelling->text, &period);
      g_assert_null (message);
      g_assert_cmpuint (period.kind, ==, spelling->kind);
      g_assert_cmpuint (period.first, ==, spelling->first_year * 12 + spelling->first_month - 1);
      g_assert_cmpuint (period.last, ==, spelling->last_year * 12 + spelling->last_month - 1);
      g_assert_cmpuint (reel_period_get_year (&period), ==, spelling->first_year);

      /* Written back as it was read. */
      text = reel_period_to_string (&period);
      g_assert_cmpstr (text, ==, spelling->text);
    }
}

#define NOT_A_PERIOD " is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM"
#define OUT_OF_YEARS ": the year must be 1990 to 2100"
#define NOT_A_SPAN   ": a span runs from its first month to a later one, 120 months at most"

/* The message follows the period, quoted. */
static void
test_wrong (void)
{
  static const struct {
    const char *text;
    const char *message;
  } wrong[] = {
    { "", NOT_A_PERIOD }, { "25", NOT_A_PERIOD }, { "2025-H3", NOT_A_PERIOD },
    { "2025-Q0", NOT_A_PERIOD }, { "2025-13", NOT_A_PERIOD }, { "2025-5", NOT_A_PERIOD },
    { "2025-01/2025", NOT_A_PERIOD }, { "2025-01-2025-03", NOT_A_PERIOD },
    { "1989", OUT_OF_YEARS }, { "2101-01", OUT_OF_YEARS }, { "2099-12/2101-01", OUT_OF_YEARS },
    { "2025-03/2025-03", NOT_A_SPAN }, { "2025-03/2024-03", NOT_A_SPAN },
    { "1990-01/2000-01", NOT_A_SPAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *expected = g_strdup_printf ("“%s”%s", wrong[i].text, wrong[i].message);
      g_autofree char *message = NULL;
      ReelPeriod period;

      message = reel_period_parse (wrong[i].text, &period);
      g_assert_cmpstr (message, ==, expected);
    }
}

/* A part of a year is never the year; a span of its twelve months is. */
static void
test_whole_year (void)
{
  static const struct {
    const char *text;
    gboolean    whole;
  } periods[] = {
    { "2025", TRUE }, { "2025-01/2025-12", TRUE }, { "2024-01/2024-09", FALSE },
    { "2024-07/2025-06", FALSE }, { "2025-H1", FALSE }, { "2025-Q4", FALSE }, { "2025-12", FALSE },
  };
  ReelPeriod year, span;

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      ReelPeriod period;

      g_assert_null (reel_period_parse (periods[i].text, &period));
      g_assert_cmpint (reel_period_is_whole_year (&period), ==, periods[i].whole);
    }

  /* The same months spelled two ways are not the same period. */
  reel_period_init_year (&year, 2025);
  g_assert_null (reel_period_parse ("2025-01/2025-12", &span));
  g_assert_false (reel_period_equal (&year, &span));
  g_assert_true (reel_period_equal (&year, &year));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/spellings", test_spellings);
  g_test_add_func ("/period/wrong", test_wrong);
  g_test_add_func ("/period/whole-year", test_whole_year);

  return g_test_run ();
}
