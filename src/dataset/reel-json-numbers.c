/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-json-scanner"

#include "config.h"

#include "reel-json-scanner-private.h"

#include <float.h>

/* Numbers read straight from the buffer, shared by the scanner's token by
 * token reading and its reading of flat objects whole. */

#if defined (FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
/* Powers of ten that a double holds exactly. */
static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};
#define EXACT_POWER_MAX   22
/* Every integer up to 2^53 is a double. */
#define EXACT_MANTISSA_MAX (G_GUINT64_CONSTANT (1) << 53)
#define FAST_DIGITS_MAX   19    /* 10^19 - 1 < 2^64 */
#define FAST_EXPONENT_DIGITS_MAX 4

/* Reads the number at @p the fast way when it can be done exactly
 * and the number ends before @end does: its digits make an integer
 * mantissa M and an exponent E, and when M <= 2^53 and 10^|E| is exact, M ×
 * 10^E (or M / 10^-E) is one correctly rounded operation on two exact
 * doubles, which is strtod()'s result to the bit (Clinger's fast path; with
 * E up to 22 + 15, M is first scaled by the excess while it stays exact).
 * Returns FALSE for the rest: malformed, too many digits, out of that
 * range, or cut by @end;
 * read_number_copied() reads those through g_ascii_strtod(). */
gboolean
reel_json_parse_number_fast (const guint8   *p,
                             const guint8   *end,
                             ReelJsonEvent  *event,
                             const guint8  **number_end)
{
  const guint8 *digits;
  guint64 mantissa = 0;
  int n_digits = 0, exponent = 0;
  gboolean negative = FALSE;
  double v;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p >= end || !is_digit (*p))
    return FALSE;

  if (*p == '0')
    {
      p++;
    }
  else
    {
      for (; p < end && is_digit (*p); p++, n_digits++)
        {
          if (n_digits == FAST_DIGITS_MAX)
            return FALSE;
          mantissa = mantissa * 10 + (guint) (*p - '0');
        }
    }

  if (p < end && *p == '.')
    {
      event->integer = FALSE;
      for (digits = ++p; p < end && is_digit (*p); p++, n_digits++, exponent--)
        {
          if (n_digits == FAST_DIGITS_MAX)
            return FALSE;
          mantissa = mantissa * 10 + (guint) (*p - '0');
        }
      if (p == digits)
        return FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exponent_negative = FALSE;
      int value = 0;

      event->integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        exponent_negative = *p++ == '-';
      for (digits = p; p < end && is_digit (*p); p++)
        {
          if (p - digits == FAST_EXPONENT_DIGITS_MAX)
            return FALSE;
          value = value * 10 + (*p - '0');
        }
      if (p == digits)
        return FALSE;
      exponent += exponent_negative ? -value : value;
    }

  /* The number may go on in the next buffer; and a digit right after a
   * leading 0 is a fault that the copying reader names. */
  if (p >= end || is_digit (*p))
    return FALSE;

  if (mantissa == 0)
    v = 0.0;
  else if (mantissa > EXACT_MANTISSA_MAX)
    return FALSE;
  else if (exponent < 0 && exponent >= -EXACT_POWER_MAX)
    v = (double) mantissa / exact_powers_of_ten[-exponent];
  else if (exponent >= 0 && exponent <= EXACT_POWER_MAX)
    v = (double) mantissa * exact_powers_of_ten[exponent];
  else if (exponent > EXACT_POWER_MAX && exponent <= EXACT_POWER_MAX + 15)
    {
      for (; exponent > EXACT_POWER_MAX; exponent--)
        {
          if (mantissa > EXACT_MANTISSA_MAX / 10)
            return FALSE;
          mantissa *= 10;
        }
      v = (double) mantissa * exact_powers_of_ten[exponent];
    }
  else
    return FALSE;

  event->number = negative ? -v : v;
  *number_end = p;
  return TRUE;
}
#else
gboolean
reel_json_parse_number_fast (const guint8   *p,
                             const guint8   *end,
                             ReelJsonEvent  *event,
                             const guint8  **number_end)
{
  /* Without strict double arithmetic the fast path would not be exact. */
  return FALSE;
}
#endif
