/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-scale"

#include "config.h"

#include "reel-scale.h"

#include <float.h>
#include <math.h>

G_DEFINE_BOXED_TYPE (ReelScale, reel_scale, reel_scale_copy, reel_scale_free)

static const int mantissas[] = { 1, 2, 5 };

/* 10^exponent, exact for the exponents a double can hold: a tick value is
 * then k × mantissa × 10^e computed as an integer times (or over) a power
 * of ten, and 3 × 0.1 comes out as 0.3, not 0.30000000000000004. */
static double
power_of_ten (int exponent)
{
  return pow (10.0, exponent);
}

static double
tick_value (double k,
            int    mantissa,
            int    exponent)
{
  double units = k * mantissa;

  if (exponent >= 0)
    return units * power_of_ten (exponent);
  return units / power_of_ten (-exponent);
}

/* The first (lowest) and last tick index for a step: floor and ceil of
 * value / step, forgiving the last bits of rounding so that a value that is
 * a tick (0.3 for a step of 0.1) does not add one more. */
static void
tick_indices (double  min,
              double  max,
              double  step,
              double *first,
              double *last)
{
  const double slack = 1e-9;

  *first = floor (min / step + slack);
  *last = ceil (max / step - slack);
  if (*last <= *first)
    *last = *first + 1;
}

ReelScale *
reel_scale_new (double         min,
                double         max,
                guint          max_ticks,
                ReelScaleFlags flags)
{
  ReelScale *scale = g_new0 (ReelScale, 1);

  reel_scale_init (scale, min, max, max_ticks, flags);
  return scale;
}

ReelScale *
reel_scale_copy (const ReelScale *scale)
{
  g_return_val_if_fail (scale != NULL, NULL);

  return g_memdup2 (scale, sizeof *scale);
}

void
reel_scale_free (ReelScale *scale)
{
  g_free (scale);
}

/* NaN and infinities as 0, in order, and including zero or symmetric
 * around it as @flags ask. */
static void
normalise_domain (double         *min,
                  double         *max,
                  guint          *max_ticks,
                  ReelScaleFlags  flags)
{
  if (!isfinite (*min))
    *min = 0;
  if (!isfinite (*max))
    *max = 0;
  if (*min > *max)
    {
      double swap = *min;

      *min = *max;
      *max = swap;
    }

  if (flags & REEL_SCALE_ZERO)
    {
      *min = MIN (*min, 0);
      *max = MAX (*max, 0);
    }
  if (flags & REEL_SCALE_SYMMETRIC)
    {
      double magnitude = MAX (fabs (*min), fabs (*max));

      *min = -magnitude;
      *max = magnitude;
      /* -m, 0 and m at the least. */
      *max_ticks = MAX (*max_ticks, 3);
    }
}

/* One value other than a year on its own gets room around it (with
 * REEL_SCALE_ZERO only zero itself gets here). */
static void
widen_single_value (double         *min,
                    double         *max,
                    ReelScaleFlags  flags)
{
  if (*min == 0)
    {
      *max = 1;
      if (flags & REEL_SCALE_SYMMETRIC)
        *min = -1;
    }
  else
    {
      double room = fabs (*min) * 0.5;

      *min -= room;
      *max += room;
    }

  /* Still empty: a value whose half rounds away (5e-324). */
  if (*min == *max)
    *max = *min + 1;
}

static void
set_ticks (ReelScale *scale,
           double     lo,
           double     hi,
           double     step,
           int        mantissa,
           int        exponent,
           guint      n_ticks)
{
  scale->lo = lo;
  scale->hi = hi;
  scale->step = step;
  scale->mantissa = mantissa;
  scale->exponent = exponent;
  scale->n_ticks = n_ticks;
}

/* Starts a little below the step that would give exactly @max_ticks - 1
 * intervals and goes up: the first step that fits is the finest. Returns
 * FALSE when none does, which only a span near DBL_MAX gets to. */
static gboolean
find_step (ReelScale      *scale,
           double          min,
           double          max,
           double          span,
           guint           max_ticks,
           ReelScaleFlags  flags)
{
  double first = 0, last = 1;
  int exponent = (int) floor (log10 (span / (max_ticks - 1))) - 1;

  for (; exponent <= DBL_MAX_10_EXP; exponent++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
        {
          double step = tick_value (1, mantissas[i], exponent);
          double lo, hi;

          if ((flags & REEL_SCALE_INTEGER) && step < 1)
            continue;
          if (step == 0 || !isfinite (step))
            continue;

          tick_indices (min, max, step, &first, &last);
          if (last - first + 1 > max_ticks)
            continue;

          lo = tick_value (first, mantissas[i], exponent);
          hi = tick_value (last, mantissas[i], exponent);
          /* A tick of -0 would print as "-0". */
          set_ticks (scale, lo == 0 ? 0 : lo, hi == 0 ? 0 : hi, step, mantissas[i], exponent,
                     (guint) (last - first) + 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * reel_scale_init:
 * @scale: the scale to set
 * @min: the smallest value to show
 * @max: the largest value to show
 * @max_ticks: at most this many ticks (clamped to 2..REEL_SCALE_MAX_TICKS)
 * @flags: what the domain must include
 *
 * Chooses the smallest 1-2-5 step that covers [@min, @max] in at most
 * @max_ticks ticks and widens the domain to the ticks around it. NaN and
 * infinities are treated as 0; an empty domain gets a unit of room. The
 * range is left as it was (0..1 after reel_scale_new()).
 */
void
reel_scale_init (ReelScale      *scale,
                 double          min,
                 double          max,
                 guint           max_ticks,
                 ReelScaleFlags  flags)
{
  double span;

  g_return_if_fail (scale != NULL);

  if (scale->range_start == 0 && scale->range_end == 0)
    scale->range_end = 1;

  max_ticks = CLAMP (max_ticks, 2, REEL_SCALE_MAX_TICKS);
  normalise_domain (&min, &max, &max_ticks, flags);

  if (min == max)
    {
      /* A year on its own is one tick. */
      if (flags & REEL_SCALE_INTEGER)
        {
          set_ticks (scale, min, min, 1, 1, 0, 1);
          return;
        }
      widen_single_value (&min, &max, flags);
    }

  /* Across zero: a tick on each side and zero itself. */
  if (min < 0 && max > 0)
    max_ticks = MAX (max_ticks, 3);

  span = max - min;
  if (!isfinite (span))
    {
      /* -DBL_MAX..DBL_MAX: halve both ends so that the span fits. */
      min /= 4;
      max /= 4;
      span = max - min;
    }

  /* Failing that, two ticks at its ends. */
  if (!find_step (scale, min, max, span, max_ticks, flags))
    set_ticks (scale, min, max, span, 1, DBL_MAX_10_EXP, 2);
}

void
reel_scale_set_range (ReelScale *scale,
                      double     start,
                      double     end)
{
  g_return_if_fail (scale != NULL);

  scale->range_start = start;
  scale->range_end = end;
}

double
reel_scale_map (const ReelScale *scale,
                double           value)
{
  g_return_val_if_fail (scale != NULL, 0);

  /* A one-tick scale puts its value in the middle. */
  if (scale->hi == scale->lo)
    return (scale->range_start + scale->range_end) / 2;

  return scale->range_start +
         (value - scale->lo) / (scale->hi - scale->lo) * (scale->range_end - scale->range_start);
}

double
reel_scale_invert (const ReelScale *scale,
                   double           position)
{
  g_return_val_if_fail (scale != NULL, 0);

  if (scale->range_end == scale->range_start)
    return scale->lo;

  return scale->lo +
         (position - scale->range_start) / (scale->range_end - scale->range_start) * (scale->hi - scale->lo);
}

double
reel_scale_get_tick (const ReelScale *scale,
                     guint            index)
{
  double first;

  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (index < scale->n_ticks, 0);

  if (scale->n_ticks == 1)
    return scale->lo;

  if (scale->exponent >= DBL_MAX_10_EXP)
    return index == 0 ? scale->lo : scale->hi;

  first = round (scale->lo / scale->step);
  return tick_value (first + index, scale->mantissa, scale->exponent) + 0.0;
}

/**
 * reel_scale_find_cap:
 * @values: the values a chart shows
 * @n_values: how many
 * @cap: (out): where the axis should end when there is an outlier
 *
 * An outlier is a magnitude more than REEL_SCALE_OUTLIER_RATIO times the
 * next largest one (+4,300% beside +61%); drawn to scale it would squash
 * every other bar to a sliver. Returns TRUE and the magnitude at which to
 * cap the axis (REEL_SCALE_CAP_HEADROOM times the next) when there is one.
 * Two equal largest magnitudes are no outlier, nor is anything beside zero.
 */
gboolean
reel_scale_find_cap (const double *values,
                     gsize         n_values,
                     double       *cap)
{
  double largest = 0, next = 0;
  gsize n_largest = 0;

  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);
  g_return_val_if_fail (cap != NULL, FALSE);

  for (gsize i = 0; i < n_values; i++)
    {
      double magnitude = fabs (values[i]);

      if (!isfinite (magnitude))
        continue;

      if (magnitude > largest)
        {
          next = largest;
          largest = magnitude;
          n_largest = 1;
        }
      else if (magnitude == largest)
        {
          n_largest++;
        }
      else if (magnitude > next)
        {
          next = magnitude;
        }
    }

  if (n_largest != 1 || next <= 0 || largest <= REEL_SCALE_OUTLIER_RATIO * next)
    return FALSE;

  *cap = REEL_SCALE_CAP_HEADROOM * next;
  return TRUE;
}
