/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-format.h"
#include "reel-problem.h"

#include <locale.h>
#include <math.h>

/* The expected strings are what ICU 72 (Debian 12) gives, byte for byte:
 * es_ES and pt_BR separate with U+00A0, written \u00a0 here. A newer ICU
 * with other CLDR data may change them; that is a change to look at. */

#define assert_format(call, expected) \
  G_STMT_START { \
    g_autofree char *text_ = (call); \
    g_assert_cmpstr (text_, ==, expected); \
  } G_STMT_END

static void
test_format_number_compact (void)
{
  assert_format (reel_format_number_compact (142e6, "en_US"), "142M");
  assert_format (reel_format_number_compact (1.4e9, "en_US"), "1.4B");
  assert_format (reel_format_number_compact (1.2e9, "en_US"), "1.2B");
  assert_format (reel_format_number_compact (284e6, "en_US"), "284M");
  assert_format (reel_format_number_compact (999, "en_US"), "999");
  assert_format (reel_format_number_compact (0, "en_US"), "0");
  /* At most three significant digits, trailing zeros dropped. */
  assert_format (reel_format_number_compact (1.42e9, "en_US"), "1.42B");
  assert_format (reel_format_number_compact (1e9, "en_US"), "1B");
  assert_format (reel_format_number_compact (12345678, "en_US"), "12.3M");
  assert_format (reel_format_number_compact (1234, "en_US"), "1.23K");
  /* Rounding up into the next unit, halves away from zero, no "-0". */
  assert_format (reel_format_number_compact (999.6e6, "en_US"), "1B");
  assert_format (reel_format_number_compact (142.5e6, "en_US"), "143M");
  assert_format (reel_format_number_compact (-0.0, "en_US"), "0");
  assert_format (reel_format_number_compact (-3.5e6, "en_US"), "-3.5M");

  assert_format (reel_format_number_compact (142e6, "zh_CN"), "1.42亿");
  assert_format (reel_format_number_compact (1.4e9, "zh_CN"), "14亿");
  assert_format (reel_format_number_compact (1.2e9, "zh_CN"), "12亿");
  assert_format (reel_format_number_compact (999, "zh_CN"), "999");
  assert_format (reel_format_number_compact (0, "zh_CN"), "0");
  assert_format (reel_format_number_compact (12345678, "zh_CN"), "1230万");

  /* CLDR's Spanish short form has no unit above millions. */
  assert_format (reel_format_number_compact (142e6, "es_ES"), "142\u00a0M");
  assert_format (reel_format_number_compact (1.4e9, "es_ES"), "1400\u00a0M");
  assert_format (reel_format_number_compact (1.2e9, "es_ES"), "1200\u00a0M");
  assert_format (reel_format_number_compact (999, "es_ES"), "999");
  assert_format (reel_format_number_compact (0, "es_ES"), "0");

  assert_format (reel_format_number_compact (142e6, "pt_BR"), "142\u00a0mi");
  assert_format (reel_format_number_compact (1.4e9, "pt_BR"), "1,4\u00a0bi");
  assert_format (reel_format_number_compact (1.2e9, "pt_BR"), "1,2\u00a0bi");
  assert_format (reel_format_number_compact (999, "pt_BR"), "999");
  assert_format (reel_format_number_compact (0, "pt_BR"), "0");
}

static void
test_format_money_compact (void)
{
  assert_format (reel_format_money_compact (142e6, "USD", "en_US"), "$142M");
  assert_format (reel_format_money_compact (1.4e9, "USD", "en_US"), "$1.4B");
  assert_format (reel_format_money_compact (1.2e9, "USD", "en_US"), "$1.2B");
  assert_format (reel_format_money_compact (999, "USD", "en_US"), "$999");
  assert_format (reel_format_money_compact (0, "USD", "en_US"), "$0");

  assert_format (reel_format_money_compact (142e6, "USD", "zh_CN"), "US$1.42亿");
  assert_format (reel_format_money_compact (1.4e9, "USD", "zh_CN"), "US$14亿");
  assert_format (reel_format_money_compact (0, "USD", "zh_CN"), "US$0");

  /* CLDR's es pattern puts the symbol right after the unit. */
  assert_format (reel_format_money_compact (142e6, "USD", "es_ES"), "142\u00a0MUS$");
  assert_format (reel_format_money_compact (1.4e9, "USD", "es_ES"), "1400\u00a0MUS$");
  assert_format (reel_format_money_compact (999, "USD", "es_ES"), "999\u00a0US$");

  assert_format (reel_format_money_compact (142e6, "USD", "pt_BR"), "US$\u00a0142\u00a0mi");
  assert_format (reel_format_money_compact (1.4e9, "USD", "pt_BR"), "US$\u00a01,4\u00a0bi");
  assert_format (reel_format_money_compact (0, "USD", "pt_BR"), "US$\u00a00");
}

static void
test_format_money_long (void)
{
  assert_format (reel_format_money_long (142e6, "USD", "en_US"), "142 million US dollars");
  assert_format (reel_format_money_long (1.4e9, "USD", "en_US"), "1.4 billion US dollars");
  assert_format (reel_format_money_long (999, "USD", "en_US"), "999 US dollars");
  assert_format (reel_format_money_long (142e6, "USD", "zh_CN"), "1.42亿美元");
  assert_format (reel_format_money_long (1.4e9, "USD", "zh_CN"), "14亿美元");
  assert_format (reel_format_money_long (142e6, "USD", "es_ES"),
                 "142 millones dólares estadounidenses");
  assert_format (reel_format_money_long (1.4e9, "USD", "es_ES"),
                 "1,4 mil millones dólares estadounidenses");
  /* Sic: CLDR 42's pt plural and capital. */
  assert_format (reel_format_money_long (142e6, "USD", "pt_BR"), "142 milhões Dólares americanos");
  assert_format (reel_format_money_long (1.4e9, "USD", "pt_BR"), "1,4 bilhão Dólares americanos");
}

static void
test_format_currency_code (void)
{
  /* A lower-case code is still a code. */
  assert_format (reel_format_money_compact (142e6, "usd", "en_US"), "$142M");
  assert_format (reel_format_money_compact (142e6, "EUR", "en_US"), "€142M");
  /* Well-formed but unknown: ICU shows the code. */
  assert_format (reel_format_money_compact (142e6, "XYZ", "en_US"), "XYZ\u00a0142M");
  /* Not a code: never spliced into the skeleton, shown after the number. */
  assert_format (reel_format_money_compact (142e6, "US", "en_US"), "142M US");
  assert_format (reel_format_money_compact (142e6, "USD scale/1000", "en_US"), "142M USD scale/1000");
  assert_format (reel_format_money_long (142e6, "", "en_US"), "142M ");

  g_test_expect_message ("reel-format", G_LOG_LEVEL_CRITICAL, "*currency != NULL*");
  assert_format (reel_format_money_compact (142e6, NULL, "en_US"), "142M");
  g_test_assert_expected_messages ();
}

static void
test_format_percent (void)
{
  assert_format (reel_format_percent (69, "en_US"), "+69%");
  assert_format (reel_format_percent (-12.5, "en_US"), "-12.5%");
  assert_format (reel_format_percent (0, "en_US"), "0%");
  assert_format (reel_format_percent (-0.0, "en_US"), "0%");
  assert_format (reel_format_percent (4300, "en_US"), "+4,300%");
  assert_format (reel_format_percent (12.25, "en_US"), "+12.3%");
  /* Rounds to zero: no sign on it. */
  assert_format (reel_format_percent (-0.04, "en_US"), "0%");

  assert_format (reel_format_percent (69, "zh_CN"), "+69%");
  assert_format (reel_format_percent (-12.5, "zh_CN"), "-12.5%");
  assert_format (reel_format_percent (0, "zh_CN"), "0%");

  assert_format (reel_format_percent (69, "es_ES"), "+69\u00a0%");
  assert_format (reel_format_percent (-12.5, "es_ES"), "-12,5\u00a0%");
  assert_format (reel_format_percent (0, "es_ES"), "0\u00a0%");
  assert_format (reel_format_percent (4300, "es_ES"), "+4300\u00a0%");

  assert_format (reel_format_percent (69, "pt_BR"), "+69%");
  assert_format (reel_format_percent (-12.5, "pt_BR"), "-12,5%");
  assert_format (reel_format_percent (0, "pt_BR"), "0%");
  assert_format (reel_format_percent (4300, "pt_BR"), "+4.300%");
}

static void
test_format_share (void)
{
  assert_format (reel_format_share (0.6, "en_US"), "60%");
  assert_format (reel_format_share (0.125, "en_US"), "12.5%");
  assert_format (reel_format_share (0, "en_US"), "0%");
  assert_format (reel_format_share (1, "en_US"), "100%");
  assert_format (reel_format_share (0.6, "zh_CN"), "60%");
  assert_format (reel_format_share (0.6, "es_ES"), "60\u00a0%");
  assert_format (reel_format_share (0.125, "es_ES"), "12,5\u00a0%");
  assert_format (reel_format_share (0.6, "pt_BR"), "60%");
  assert_format (reel_format_share (0.125, "pt_BR"), "12,5%");
}

static void
test_format_integer (void)
{
  assert_format (reel_format_integer (1000000, "en_US"), "1,000,000");
  assert_format (reel_format_integer (0, "en_US"), "0");
  assert_format (reel_format_integer (G_MININT64, "en_US"), "-9,223,372,036,854,775,808");
  assert_format (reel_format_integer (1000000, "zh_CN"), "1,000,000");
  /* Spanish groups only from five digits on. */
  assert_format (reel_format_integer (1000000, "es_ES"), "1.000.000");
  assert_format (reel_format_integer (1000, "es_ES"), "1000");
  assert_format (reel_format_integer (1000000, "pt_BR"), "1.000.000");
  assert_format (reel_format_integer (1000, "pt_BR"), "1.000");
}

static void
test_format_not_finite (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (values); i++)
    {
      assert_format (reel_format_number_compact (values[i], "en_US"), "—");
      assert_format (reel_format_money_compact (values[i], "USD", "zh_CN"), "—");
      assert_format (reel_format_money_long (values[i], "USD", "es_ES"), "—");
      assert_format (reel_format_money_compact (values[i], "US", "en_US"), "—");
      assert_format (reel_format_percent (values[i], "pt_BR"), "—");
      assert_format (reel_format_share (values[i], NULL), "—");
    }
}

static void
test_format_huge (void)
{
  g_autoptr(GString) huge = g_string_new ("1");
  g_autoptr(GString) tiny = g_string_new ("0.");
  guint i;

  /* Both are longer than the stack buffer for ICU's UTF-16 result. */
  for (i = 0; i < 96; i++)
    g_string_append (huge, ",000");
  g_string_append_c (huge, 'T');
  for (i = 0; i < 299; i++)
    g_string_append_c (tiny, '0');
  g_string_append_c (tiny, '1');

  assert_format (reel_format_number_compact (1e300, "en_US"), huge->str);
  assert_format (reel_format_number_compact (1e-300, "en_US"), tiny->str);
}

static void
test_format_locale_names (void)
{
  /* POSIX names as setlocale () returns them. */
  assert_format (reel_format_number_compact (142e6, "es_ES.UTF-8"), "142\u00a0M");
  assert_format (reel_format_number_compact (142e6, "es_ES@euro"), "142\u00a0M");
  assert_format (reel_format_number_compact (142e6, "zh_CN.gb18030"), "1.42亿");
  /* BCP 47 and ICU keywords. */
  assert_format (reel_format_number_compact (142e6, "zh-Hans-CN"), "1.42亿");
  assert_format (reel_format_integer (1000000, "ar_EG@numbers=latn"), "1,000,000");
  /* No language: en_US. */
  assert_format (reel_format_number_compact (142e6, "C"), "142M");
  assert_format (reel_format_number_compact (142e6, "C.UTF-8"), "142M");
  assert_format (reel_format_number_compact (142e6, "POSIX"), "142M");
}

static void
test_format_user_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("es_ES.UTF-8 is not installed (locales-all)");
      return;
    }

  assert_format (reel_format_number_compact (142e6, NULL), "142\u00a0M");
  assert_format (reel_format_number_compact (142e6, ""), "142\u00a0M");
  assert_format (reel_format_money_compact (142e6, "USD", NULL), "142\u00a0MUS$");
  assert_format (reel_format_percent (69, NULL), "+69\u00a0%");
  assert_format (reel_format_integer (1000000, NULL), "1.000.000");

  g_assert_nonnull (setlocale (LC_NUMERIC, "zh_CN.UTF-8"));
  assert_format (reel_format_number_compact (142e6, NULL), "1.42亿");

  setlocale (LC_NUMERIC, saved);
}

static void
test_format_user_locale_environment (void)
{
  const char *variables[] = { "LC_ALL", "LC_NUMERIC", "LANG" };
  g_autofree char *saved_locale = g_strdup (setlocale (LC_NUMERIC, NULL));
  char *saved[G_N_ELEMENTS (variables)];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (variables); i++)
    saved[i] = g_strdup (g_getenv (variables[i]));

  /* A program that never called setlocale (LC_ALL, "") is in "C": the
   * environment names the user's locale, with POSIX's precedence. */
  g_assert_nonnull (setlocale (LC_NUMERIC, "C"));
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_NUMERIC");
  g_setenv ("LANG", "pt_BR.UTF-8", TRUE);
  assert_format (reel_format_number_compact (142e6, NULL), "142\u00a0mi");

  g_setenv ("LC_NUMERIC", "zh_CN.UTF-8", TRUE);
  assert_format (reel_format_number_compact (142e6, NULL), "1.42亿");

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  assert_format (reel_format_number_compact (142e6, NULL), "142M");

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_NUMERIC");
  g_unsetenv ("LANG");
  assert_format (reel_format_number_compact (142e6, NULL), "142M");

  for (i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      if (saved[i] != NULL)
        g_setenv (variables[i], saved[i], TRUE);
      g_free (saved[i]);
    }
  setlocale (LC_NUMERIC, saved_locale);
}

static void
test_format_many_currencies (void)
{
  guint i;

  /* More formatters than the cache keeps: the rest serve one call each.
   * ISO 4217 assigns no code from QBA to QEZ, so ICU shows the code. */
  for (i = 0; i < 26 * 4; i++)
    {
      char code[4] = { 'Q', 'B' + i / 26, 'A' + i % 26, '\0' };
      g_autofree char *expected = g_strconcat (code, "\u00a0142M", NULL);

      assert_format (reel_format_money_compact (142e6, code, "en_US"), expected);
    }
}

typedef struct {
  const char *locale;
  const char *compact;
  const char *money;
  const char *percent;
  const char *integer;
} Expected;

static gpointer
format_thread (gpointer data)
{
  const Expected *expected = data;
  guint i;

  for (i = 0; i < 2000; i++)
    {
      g_autofree char *compact = reel_format_number_compact (142e6, expected->locale);
      g_autofree char *money = reel_format_money_compact (1.4e9, "EUR", expected->locale);
      g_autofree char *percent = reel_format_percent (-12.5, expected->locale);
      g_autofree char *integer = reel_format_integer (1000000, expected->locale);

      if (g_strcmp0 (compact, expected->compact) != 0 ||
          g_strcmp0 (money, expected->money) != 0 ||
          g_strcmp0 (percent, expected->percent) != 0 ||
          g_strcmp0 (integer, expected->integer) != 0)
        {
          g_printerr ("%s: %s %s %s %s\n", expected->locale, compact, money, percent, integer);
          return GUINT_TO_POINTER (FALSE);
        }
    }

  return GUINT_TO_POINTER (TRUE);
}

static void
test_format_threads (void)
{
  /* Locales and a currency no earlier test used, so that both threads race
   * to open the same formatters as well as sharing them afterwards. */
  static const Expected expected[] = {
    { "de_DE", "142\u00a0Mio.", "1,4\u00a0Mrd.\u00a0€", "-12,5\u00a0%", "1.000.000" },
    { "fr_FR", "142\u00a0M", "1,4\u00a0Md\u00a0€", "-12,5\u00a0%", "1\u202f000\u202f000" },
  };
  GThread *threads[4];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_thread, (gpointer) &expected[i % 2]);

  for (i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_UINT (g_thread_join (threads[i])));
}

/* The line under a problem, cut around its column, with a caret under it. */
static void
test_problem_excerpt (void)
{
  const char *line = "  \"regions\": [{\"id\": \"europe\", \"name\": \"Europe\"},]";
  g_autofree char *whole = reel_problem_dup_excerpt (line, 50, 80);
  g_autofree char *cut = NULL;
  g_autofree char *wide = reel_problem_dup_excerpt ("{\"名\":\t1x}", 8, 80);
  g_autofree char *long_line = g_strnfill (300, 'a');
  g_autofree char *middle = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *at_end = NULL;

  g_assert_cmpstr (whole, ==,
                   "  \"regions\": [{\"id\": \"europe\", \"name\": \"Europe\"},]\n"
                   "                                                 ^");

  /* A window of 20, here the line's last 20 characters; "…" where cut. */
  cut = reel_problem_dup_excerpt (line, 50, 20);
  g_assert_cmpstr (cut, ==, "… \"name\": \"Europe\"},]\n"
                            "                    ^");

  /* A wide character takes two cells; a tab shows as a space. */
  g_assert_cmpstr (wide, ==, "{\"名\": 1x}\n        ^");

  long_line[150] = 'X';
  middle = reel_problem_dup_excerpt (long_line, 151, 30);
  expected = g_strdup_printf ("…%.10sX%.19s…\n %10s^", long_line, long_line, "");
  g_assert_cmpstr (middle, ==, expected);

  /* Past the end of the line (a problem at its end is at length + 1). */
  g_assert_null (reel_problem_dup_excerpt ("abc", 5, 20));
  at_end = reel_problem_dup_excerpt ("abc", 4, 20);
  g_assert_cmpstr (at_end, ==, "abc\n   ^");
  g_assert_null (reel_problem_dup_excerpt (NULL, 1, 20));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/number-compact", test_format_number_compact);
  g_test_add_func ("/problem/excerpt", test_problem_excerpt);
  g_test_add_func ("/format/money-compact", test_format_money_compact);
  g_test_add_func ("/format/money-long", test_format_money_long);
  g_test_add_func ("/format/currency-code", test_format_currency_code);
  g_test_add_func ("/format/percent", test_format_percent);
  g_test_add_func ("/format/share", test_format_share);
  g_test_add_func ("/format/integer", test_format_integer);
  g_test_add_func ("/format/not-finite", test_format_not_finite);
  g_test_add_func ("/format/huge", test_format_huge);
  g_test_add_func ("/format/locale-names", test_format_locale_names);
  g_test_add_func ("/format/user-locale", test_format_user_locale);
  g_test_add_func ("/format/user-locale-environment", test_format_user_locale_environment);
  g_test_add_func ("/format/many-currencies", test_format_many_currencies);
  g_test_add_func ("/format/threads", test_format_threads);

  return g_test_run ();
}
