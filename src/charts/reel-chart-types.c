/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-types"

#include "config.h"

#include "reel-chart-types.h"

G_DEFINE_QUARK (reel-chart-error-quark, reel_chart_error)

/* The nicks are the command line's words (DESIGN §4); changing one changes
 * the command line. */
G_DEFINE_ENUM_TYPE (ReelChartKind, reel_chart_kind,
  G_DEFINE_ENUM_VALUE (REEL_CHART_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_GROWTH, "growth"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_SHARE, "share"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_TREND, "trend"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_MAP, "map"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_PLATFORMS, "platforms"))

G_DEFINE_ENUM_TYPE (ReelChartMetric, reel_chart_metric,
  G_DEFINE_ENUM_VALUE (REEL_CHART_METRIC_REVENUE, "revenue"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_METRIC_SHARE, "share"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_METRIC_DOWNLOADS, "downloads"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_METRIC_GROWTH, "growth"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_METRIC_USERS, "users"))

G_DEFINE_ENUM_TYPE (ReelChartThemeVariant, reel_chart_theme_variant,
  G_DEFINE_ENUM_VALUE (REEL_CHART_THEME_LIGHT, "light"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_THEME_DARK, "dark"))

G_DEFINE_ENUM_TYPE (ReelChartBackground, reel_chart_background,
  G_DEFINE_ENUM_VALUE (REEL_CHART_BACKGROUND_THEME, "theme"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_BACKGROUND_WHITE, "white"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_BACKGROUND_TRANSPARENT, "transparent"))

G_DEFINE_ENUM_TYPE (ReelChartFormat, reel_chart_format,
  G_DEFINE_ENUM_VALUE (REEL_CHART_FORMAT_PNG, "png"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_FORMAT_SVG, "svg"),
  G_DEFINE_ENUM_VALUE (REEL_CHART_FORMAT_PDF, "pdf"))

const char *
reel_chart_enum_to_nick (GType enum_type,
                         int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);

  /* The nicks are static strings: they outlive the class reference. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
reel_chart_enum_from_nick (GType       enum_type,
                           const char *nick,
                           int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;

  *value = enum_value->value;
  return TRUE;
}

/* Half-open on the far edges, so that two marks that touch never both
 * claim the pixel between them. */
gboolean
reel_chart_rect_contains (const ReelChartRect *rect,
                          double               x,
                          double               y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
reel_chart_rect_intersects (const ReelChartRect *a,
                            const ReelChartRect *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}
