/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A linear scale from a domain of values to a range of pixels, with "nice"
 * ticks: multiples of 1, 2 or 5 times a power of ten, at most
 * REEL_SCALE_MAX_TICKS of them, the domain widened to the outer ticks.
 * A plain value type: charts lay out thousands of them per second. */

#define REEL_SCALE_MAX_TICKS      8

/* An outlier is a magnitude more than OUTLIER_RATIO times the next one;
 * the axis then ends near CAP_HEADROOM times that next one (DESIGN §2). */
#define REEL_SCALE_OUTLIER_RATIO  5.0
#define REEL_SCALE_CAP_HEADROOM   1.2

typedef enum {
  REEL_SCALE_ZERO      = 1 << 0,   /* the domain includes zero: a baseline for bars */
  REEL_SCALE_SYMMETRIC = 1 << 1,   /* the domain is [-m, m]: zero in the middle */
  REEL_SCALE_INTEGER   = 1 << 2,   /* ticks are whole numbers (years) */
} ReelScaleFlags;

typedef struct {
  double lo;             /* the domain, from tick to tick */
  double hi;
  double step;           /* between two ticks */
  guint  n_ticks;        /* 2 to REEL_SCALE_MAX_TICKS; 1 for an INTEGER scale of one value */
  int    exponent;       /* step = mantissa × 10^exponent, mantissa 1, 2 or 5 */
  int    mantissa;
  double range_start;    /* where lo and hi map to, in pixels */
  double range_end;
} ReelScale;

#define REEL_TYPE_SCALE (reel_scale_get_type ())

GType      reel_scale_get_type  (void) G_GNUC_CONST;
ReelScale *reel_scale_new       (double             min,
                                 double             max,
                                 guint              max_ticks,
                                 ReelScaleFlags     flags);
ReelScale *reel_scale_copy      (const ReelScale   *scale);
void       reel_scale_free      (ReelScale         *scale);
void       reel_scale_init      (ReelScale         *scale,
                                 double             min,
                                 double             max,
                                 guint              max_ticks,
                                 ReelScaleFlags     flags);
void       reel_scale_set_range (ReelScale         *scale,
                                 double             start,
                                 double             end);
double     reel_scale_map       (const ReelScale   *scale,
                                 double             value);
double     reel_scale_invert    (const ReelScale   *scale,
                                 double             position);
double     reel_scale_get_tick  (const ReelScale   *scale,
                                 guint              index);
gboolean   reel_scale_find_cap  (const double      *values,
                                 gsize              n_values,
                                 double            *cap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelScale, reel_scale_free)

G_END_DECLS
