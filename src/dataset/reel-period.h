/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest span of months format version 2 allows, ten years. */
#define REEL_PERIOD_MAX_SPAN 120

typedef enum {
  REEL_PERIOD_YEAR,
  REEL_PERIOD_HALF,
  REEL_PERIOD_QUARTER,
  REEL_PERIOD_MONTH,
  REEL_PERIOD_SPAN,
} ReelPeriodKind;

/* A figure's time: whole months, counted from January of year 0 (year × 12
 * + month − 1), so that periods of any kind compare by their months. */
typedef struct {
  guint          first;
  guint          last;
  ReelPeriodKind kind;
} ReelPeriod;

char       *reel_period_parse          (const char       *text,
                                        ReelPeriod       *period);
void        reel_period_init_year      (ReelPeriod       *period,
                                        guint             year);
guint       reel_period_get_year       (const ReelPeriod *period);
gboolean    reel_period_is_whole_year  (const ReelPeriod *period);
gboolean    reel_period_equal          (const ReelPeriod *a,
                                        const ReelPeriod *b);
char       *reel_period_to_string      (const ReelPeriod *period);

G_END_DECLS
