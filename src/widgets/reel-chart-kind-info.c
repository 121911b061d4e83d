/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-kind-info"

#include "config.h"

#include "reel-chart-kind-info.h"

#include <glib/gi18n.h>

/* "revenue", "growth", "share", "trend", "map" or "platforms". */
const char *
reel_chart_kind_info_get_nick (ReelChartKind kind)
{
  g_return_val_if_fail (kind <= REEL_CHART_KIND_LAST, NULL);

  return reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, kind);
}

/* The name of @kind as the chart switcher shows it. */
const char *
reel_chart_kind_info_get_label (ReelChartKind kind)
{
  switch (kind)
    {
    case REEL_CHART_REVENUE:
      return C_("chart kind", "Revenue");
    case REEL_CHART_GROWTH:
      return C_("chart kind", "Growth");
    case REEL_CHART_SHARE:
      return C_("chart kind", "Share");
    case REEL_CHART_TREND:
      return C_("chart kind", "Trend");
    case REEL_CHART_MAP:
      return C_("chart kind", "Map");
    case REEL_CHART_PLATFORMS:
      return C_("chart kind", "Platforms");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whether a chart of @kind shows one year (the year selector applies):
 * every kind but the trend, which shows them all. */
gboolean
reel_chart_kind_info_has_year (ReelChartKind kind)
{
  return kind != REEL_CHART_TREND;
}

/* The setting that holds which metric a chart of @kind shows ("map-metric",
 * "platforms-metric"), or NULL for a kind that shows revenue alone. Each
 * kind keeps its own: the Map's share is no metric of the apps. */
const char *
reel_chart_kind_info_get_metric_key (ReelChartKind kind)
{
  switch (kind)
    {
    case REEL_CHART_MAP:
      return "map-metric";
    case REEL_CHART_PLATFORMS:
      return "platforms-metric";
    case REEL_CHART_REVENUE:
    case REEL_CHART_GROWTH:
    case REEL_CHART_SHARE:
    case REEL_CHART_TREND:
    default:
      return NULL;
    }
}

/* The name of @metric in the window's metric dropdown. */
const char *
reel_chart_kind_info_get_metric_label (ReelChartMetric metric)
{
  switch (metric)
    {
    case REEL_CHART_METRIC_REVENUE:
      return C_("map metric", "Revenue");
    case REEL_CHART_METRIC_SHARE:
      return C_("map metric", "Share of revenue");
    case REEL_CHART_METRIC_DOWNLOADS:
      return C_("map metric", "Downloads");
    case REEL_CHART_METRIC_GROWTH:
      return C_("map metric", "Growth");
    case REEL_CHART_METRIC_USERS:
      return C_("map metric", "Monthly active users");
    default:
      g_return_val_if_reached (NULL);
    }
}
