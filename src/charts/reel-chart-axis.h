/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-kind.h"
#include "reel-scale.h"

G_BEGIN_DECLS

/* The labels of an axis's ticks, measured before they are placed. */
typedef struct {
  ReelChartText labels[REEL_SCALE_MAX_TICKS];
  double        widest;
} ReelChartTicks;

void reel_chart_ticks_clear          (ReelChartTicks  *ticks);
void reel_chart_ticks_measure        (ReelChartTicks  *ticks,
                                      ReelChartDraft  *draft,
                                      const ReelScale *scale,
                                      gboolean         years);
void reel_chart_ticks_add_across     (ReelChartTicks  *ticks,
                                      ReelChartDraft  *draft,
                                      const ReelScale *scale,
                                      double           top);
char *reel_chart_dup_tick            (ReelChartDraft  *draft,
                                      double           value);

G_END_DECLS
