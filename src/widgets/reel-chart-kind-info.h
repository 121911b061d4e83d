/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

/* What the window needs to know of a chart kind (ReelChartKind, from the
 * charts layer): its name in the switcher and whether the year selector
 * applies. Which years have data, and which one a chart opens on, are the
 * charts layer's (reel_chart_layout_list_years() and
 * reel_chart_layout_get_default_year()), so that the window and `--export`
 * agree. The kinds' nicks ("revenue", "growth", "share", "trend") are the
 * targets of `win.chart-kind` and the values of the `chart-kind` setting. */

#define REEL_CHART_KIND_LAST REEL_CHART_PLATFORMS

const char  *reel_chart_kind_info_get_label        (ReelChartKind  kind);
const char  *reel_chart_kind_info_get_nick         (ReelChartKind  kind);
gboolean     reel_chart_kind_info_has_year         (ReelChartKind  kind);
const char  *reel_chart_kind_info_get_metric_key   (ReelChartKind  kind);
const char  *reel_chart_kind_info_get_metric_label (ReelChartMetric metric);

G_END_DECLS
