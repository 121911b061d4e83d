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
