/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <float.h>
#include <math.h>

#include "reel-scale.h"

/* Every tick is a multiple of a 1-2-5 step, the domain runs from the first
 * tick to the last, there are 2 to max ticks, and the domain covers the
 * values asked for. */
static void
assert_nice (const ReelScale *scale,
             double           min,
             double           max,
             guint            max_ticks,
             ReelScaleFlags   flags)
{
  double mantissa;

  g_assert_cmpuint (scale->n_ticks, >=, 2);
  /* A symmetric scale, or one across zero, has at least three ticks. */
  if ((flags & REEL_SCALE_SYMMETRIC) || (MIN (min, max) < 0 && MAX (min, max) > 0))
    max_ticks = MAX (max_ticks, 3);
  g_assert_cmpuint (scale->n_ticks, <=, MIN (max_ticks, REEL_SCALE_MAX_TICKS));
  g_assert_true (scale->mantissa == 1 || scale->mantissa == 2 || scale->mantissa == 5);
  g_assert_cmpfloat (scale->step, >, 0);
  mantissa = scale->step / pow (10, scale->exponent);
  g_assert_cmpfloat_with_epsilon (mantissa, scale->mantissa, 1e-9);

  /* Covered up to a millionth of a step: 0.30000000000000004 counts as
   * the tick 0.3, and 3.7e-7 beside -7e12 as 0. */
  g_assert_cmpfloat (scale->lo, <=, MIN (min, max) + scale->step * 1e-6);
  g_assert_cmpfloat (scale->hi, >=, MAX (min, max) - scale->step * 1e-6);
  g_assert_cmpfloat_with_epsilon (reel_scale_get_tick (scale, 0), scale->lo, fabs (scale->step) * 1e-9);
  g_assert_cmpfloat_with_epsilon (reel_scale_get_tick (scale, scale->n_ticks - 1), scale->hi,
                                  fabs (scale->step) * 1e-9);

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double tick = reel_scale_get_tick (scale, i);
      double k = tick / scale->step;

      g_assert_true (isfinite (tick));
      g_assert_cmpfloat_with_epsilon (k, round (k), 1e-6);
      if (i > 0)
        g_assert_cmpfloat_with_epsilon (tick - reel_scale_get_tick (scale, i - 1), scale->step,
                                        scale->step * 1e-6);
      /* Never "-0". */
      if (tick == 0)
        g_assert_false (signbit (tick));
    }

  if (flags & REEL_SCALE_ZERO)
    {
      g_assert_cmpfloat (scale->lo, <=, 0);
      g_assert_cmpfloat (scale->hi, >=, 0);
    }
  if (flags & REEL_SCALE_SYMMETRIC)
    g_assert_cmpfloat (scale->lo, ==, -scale->hi);
}

static void
test_scale_examples (void)
{
  ReelScale scale = { 0 };

  /* North America's $142M: 0, 50M, 100M, 150M. */
  reel_scale_init (&scale, 0, 142e6, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.lo, ==, 0);
  g_assert_cmpfloat (scale.hi, ==, 150e6);
  g_assert_cmpfloat (scale.step, ==, 50e6);
  g_assert_cmpuint (scale.n_ticks, ==, 4);

  /* The range up to $819M: 0 to $1B by 200M. */
  reel_scale_init (&scale, 0, 819e6, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.hi, ==, 1e9);
  g_assert_cmpfloat (scale.step, ==, 200e6);
  g_assert_cmpuint (scale.n_ticks, ==, 6);

  /* Growth from -12% to +69%: steps of 20, zero a tick. */
  reel_scale_init (&scale, -12, 69, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.lo, ==, -20);
  g_assert_cmpfloat (scale.hi, ==, 80);
  g_assert_cmpfloat (scale.step, ==, 20);

  /* Symmetric: -40..+69 is -69..69, which by 20 would take 9 ticks;
   * by 50 it is -100..100. */
  reel_scale_init (&scale, -40, 69, 8, REEL_SCALE_ZERO | REEL_SCALE_SYMMETRIC);
  g_assert_cmpfloat (scale.lo, ==, -100);
  g_assert_cmpfloat (scale.hi, ==, 100);
  g_assert_cmpfloat (scale.step, ==, 50);
  assert_nice (&scale, -40, 69, 8, REEL_SCALE_ZERO | REEL_SCALE_SYMMETRIC);

  /* Fewer ticks when there is less room. */
  reel_scale_init (&scale, 0, 819e6, 3, REEL_SCALE_ZERO);
  g_assert_cmpuint (scale.n_ticks, <=, 3);
  g_assert_cmpfloat (scale.hi, ==, 1e9);

  /* Shares: 0.3 is a tick, not 0.30000000000000004. */
  reel_scale_init (&scale, 0, 0.29, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.hi, ==, 0.3);
  g_assert_cmpfloat (reel_scale_get_tick (&scale, 3), ==, 0.15);
  g_assert_cmpfloat (reel_scale_get_tick (&scale, 6), ==, 0.3);
}

static void
test_scale_edge_cases (void)
{
  ReelScale scale = { 0 };

  /* All zero: a unit of room, not a division by zero. */
  reel_scale_init (&scale, 0, 0, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.lo, ==, 0);
  g_assert_cmpfloat (scale.hi, ==, 1);
  assert_nice (&scale, 0, 0, 8, REEL_SCALE_ZERO);

  /* One value, positive and negative, with and without zero. */
  reel_scale_init (&scale, 7, 7, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.lo, ==, 0);
  g_assert_cmpfloat (scale.hi, >=, 7);
  reel_scale_init (&scale, -7, -7, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.hi, ==, 0);
  g_assert_cmpfloat (scale.lo, <=, -7);
  reel_scale_init (&scale, 7, 7, 8, 0);
  g_assert_cmpfloat (scale.lo, <, 7);
  g_assert_cmpfloat (scale.hi, >, 7);
  assert_nice (&scale, 7, 7, 8, 0);

  /* NaN and infinities count as zero. */
  reel_scale_init (&scale, NAN, INFINITY, 8, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 0, 8, REEL_SCALE_ZERO);

  /* Reversed arguments. */
  reel_scale_init (&scale, 100, -50, 8, REEL_SCALE_ZERO);
  assert_nice (&scale, -50, 100, 8, REEL_SCALE_ZERO);

  /* Tiny and huge. */
  reel_scale_init (&scale, 0, 3e-9, 8, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 3e-9, 8, REEL_SCALE_ZERO);
  g_assert_cmpfloat (scale.hi, <, 1e-8);
  reel_scale_init (&scale, 0, 4.2e15, 8, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 4.2e15, 8, REEL_SCALE_ZERO);
  reel_scale_init (&scale, 0, 1e300, 8, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 1e300, 8, REEL_SCALE_ZERO);
  reel_scale_init (&scale, -DBL_MAX, DBL_MAX, 8, 0);
  g_assert_true (isfinite (scale.lo) && isfinite (scale.hi));
  g_assert_cmpuint (scale.n_ticks, >=, 2);

  /* A narrow range far from zero, without the zero flag. */
  reel_scale_init (&scale, 1000001, 1000003, 8, 0);
  assert_nice (&scale, 1000001, 1000003, 8, 0);
  g_assert_cmpfloat (scale.lo, >=, 1000000);

  /* max_ticks is clamped to 2..8. */
  reel_scale_init (&scale, 0, 100, 0, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 100, 2, REEL_SCALE_ZERO);
  reel_scale_init (&scale, 0, 100, 50, REEL_SCALE_ZERO);
  assert_nice (&scale, 0, 100, 8, REEL_SCALE_ZERO);
}

/* Thousands of ranges, each checked for the 1-2-5 rules. */
static void
test_scale_many_ranges (void)
{
  static const double magnitudes[] = { 1e-6, 0.013, 0.5, 1, 3, 9.99, 42, 100, 142e6, 819e6, 1.4e9, 7e12 };
  ReelScale scale = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (magnitudes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (magnitudes); j++)
      for (guint ticks = 2; ticks <= 10; ticks++)
        for (int sign = 0; sign < 4; sign++)
          {
            double lo = sign & 1 ? -magnitudes[i] : 0;
            double hi = sign & 2 ? magnitudes[j] : magnitudes[j] * 0.37;
            ReelScaleFlags flags = REEL_SCALE_ZERO | (sign == 3 && ticks % 2 == 0 ? REEL_SCALE_SYMMETRIC : 0);

            reel_scale_init (&scale, lo, hi, ticks, flags);
            assert_nice (&scale, lo, hi, ticks, flags);
          }
}

static void
test_scale_integer (void)
{
  ReelScale scale = { 0 };

  /* Years: every year when they fit, then every 2nd or 5th. */
  reel_scale_init (&scale, 2022, 2025, 8, REEL_SCALE_INTEGER);
  g_assert_cmpfloat (scale.step, ==, 1);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  g_assert_cmpfloat (reel_scale_get_tick (&scale, 0), ==, 2022);

  reel_scale_init (&scale, 2021, 2030, 8, REEL_SCALE_INTEGER);
  g_assert_cmpfloat (scale.step, ==, 2);
  assert_nice (&scale, 2021, 2030, 8, 0);

  reel_scale_init (&scale, 1990, 2100, 8, REEL_SCALE_INTEGER);
  assert_nice (&scale, 1990, 2100, 8, 0);
  g_assert_cmpfloat (fmod (scale.step, 1), ==, 0);

  /* A single year is one tick, mapped to the middle. */
  reel_scale_init (&scale, 2024, 2024, 8, REEL_SCALE_INTEGER);
  g_assert_cmpuint (scale.n_ticks, ==, 1);
  g_assert_cmpfloat (reel_scale_get_tick (&scale, 0), ==, 2024);
  reel_scale_set_range (&scale, 100, 300);
  g_assert_cmpfloat (reel_scale_map (&scale, 2024), ==, 200);
}

static void
test_scale_map (void)
{
  g_autoptr(ReelScale) scale = reel_scale_new (-20, 80, 8, REEL_SCALE_ZERO);
  g_autoptr(ReelScale) copy = NULL;

  reel_scale_set_range (scale, 100, 600);
  g_assert_cmpfloat (reel_scale_map (scale, -20), ==, 100);
  g_assert_cmpfloat (reel_scale_map (scale, 80), ==, 600);
  g_assert_cmpfloat (reel_scale_map (scale, 0), ==, 200);
  g_assert_cmpfloat (reel_scale_invert (scale, 200), ==, 0);
  g_assert_cmpfloat_with_epsilon (reel_scale_invert (scale, reel_scale_map (scale, 37.5)), 37.5, 1e-9);

  /* An inverted range, as for a y axis. */
  reel_scale_set_range (scale, 500, 0);
  g_assert_cmpfloat (reel_scale_map (scale, 80), ==, 0);
  g_assert_cmpfloat (reel_scale_map (scale, -20), ==, 500);

  copy = reel_scale_copy (scale);
  g_assert_cmpmem (copy, sizeof *copy, scale, sizeof *scale);
}

static void
test_scale_cap (void)
{
  const double outlier[] = { 61, 69, 4300, -12 };
  const double two_big[] = { 4300, 4000, 61 };
  const double close[] = { 100, 499, 50 };
  const double just_over[] = { 100, 501 };
  const double beside_zero[] = { 0, 0, 4300 };
  const double negative[] = { -4300, 61, 12 };
  const double with_nan[] = { NAN, 61, INFINITY, 4300 };
  double cap = 0;

  /* +4,300% beside +69%: the axis ends near 1.2 × 69. */
  g_assert_true (reel_scale_find_cap (outlier, G_N_ELEMENTS (outlier), &cap));
  g_assert_cmpfloat_with_epsilon (cap, 69 * REEL_SCALE_CAP_HEADROOM, 1e-9);

  g_assert_false (reel_scale_find_cap (two_big, G_N_ELEMENTS (two_big), &cap));
  g_assert_false (reel_scale_find_cap (close, G_N_ELEMENTS (close), &cap));
  g_assert_true (reel_scale_find_cap (just_over, G_N_ELEMENTS (just_over), &cap));
  g_assert_false (reel_scale_find_cap (beside_zero, G_N_ELEMENTS (beside_zero), &cap));
  g_assert_true (reel_scale_find_cap (negative, G_N_ELEMENTS (negative), &cap));
  g_assert_cmpfloat_with_epsilon (cap, 61 * REEL_SCALE_CAP_HEADROOM, 1e-9);
  g_assert_true (reel_scale_find_cap (with_nan, G_N_ELEMENTS (with_nan), &cap));
  g_assert_cmpfloat_with_epsilon (cap, 61 * REEL_SCALE_CAP_HEADROOM, 1e-9);

  /* One value or none: nothing to compare with. */
  g_assert_false (reel_scale_find_cap (outlier, 1, &cap));
  g_assert_false (reel_scale_find_cap (NULL, 0, &cap));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/scale/examples", test_scale_examples);
  g_test_add_func ("/chart/scale/edge-cases", test_scale_edge_cases);
  g_test_add_func ("/chart/scale/many-ranges", test_scale_many_ranges);
  g_test_add_func ("/chart/scale/integer", test_scale_integer);
  g_test_add_func ("/chart/scale/map", test_scale_map);
  g_test_add_func ("/chart/scale/cap", test_scale_cap);

  return g_test_run ();
}
