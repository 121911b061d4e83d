/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the charts layer shares between its files: the chart kinds of
 * DESIGN §2, the error domain, and forward declarations. Nothing here
 * includes GTK: the exporter and the tests draw without a display. */

#define REEL_CHART_ERROR (reel_chart_error_quark ())

typedef enum {
  REEL_CHART_ERROR_FAILED,        /* cairo, pango or libpng could not draw or encode */
  REEL_CHART_ERROR_FORMAT,        /* a file name whose extension is no export format */
  REEL_CHART_ERROR_SIZE,          /* a size or scale outside what an export allows */
  REEL_CHART_ERROR_IO,            /* the file could not be written */
} ReelChartError;

typedef enum {
  REEL_CHART_REVENUE,
  REEL_CHART_GROWTH,
  REEL_CHART_SHARE,
  REEL_CHART_TREND,
  REEL_CHART_MAP,
  REEL_CHART_PLATFORMS,
} ReelChartKind;

#define REEL_CHART_N_KINDS 6

/* What the Map colours its regions by, or what Platforms ranks the apps
 * by (`--metric`; reel_chart_kind_has_metric() says which a kind shows);
 * the other kinds show one measure each and ignore it. */
typedef enum {
  REEL_CHART_METRIC_REVENUE,
  REEL_CHART_METRIC_SHARE,
  REEL_CHART_METRIC_DOWNLOADS,
  REEL_CHART_METRIC_GROWTH,
  REEL_CHART_METRIC_USERS,
} ReelChartMetric;

#define REEL_CHART_N_METRICS 5

typedef enum {
  REEL_CHART_THEME_LIGHT,
  REEL_CHART_THEME_DARK,
} ReelChartThemeVariant;

typedef enum {
  REEL_CHART_BACKGROUND_THEME,
  REEL_CHART_BACKGROUND_WHITE,
  REEL_CHART_BACKGROUND_TRANSPARENT,
} ReelChartBackground;

typedef enum {
  REEL_CHART_FORMAT_PNG,
  REEL_CHART_FORMAT_SVG,
  REEL_CHART_FORMAT_PDF,
} ReelChartFormat;

/* A rectangle in the chart's logical pixels, origin at the top left. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} ReelChartRect;

typedef struct _ReelChartLayout ReelChartLayout;
typedef struct _ReelChartTheme  ReelChartTheme;

#define REEL_TYPE_CHART_KIND          (reel_chart_kind_get_type ())
#define REEL_TYPE_CHART_METRIC        (reel_chart_metric_get_type ())
#define REEL_TYPE_CHART_THEME_VARIANT (reel_chart_theme_variant_get_type ())
#define REEL_TYPE_CHART_BACKGROUND    (reel_chart_background_get_type ())
#define REEL_TYPE_CHART_FORMAT        (reel_chart_format_get_type ())

GQuark      reel_chart_error_quark            (void);
GType       reel_chart_kind_get_type          (void) G_GNUC_CONST;
GType       reel_chart_metric_get_type        (void) G_GNUC_CONST;
GType       reel_chart_theme_variant_get_type (void) G_GNUC_CONST;
GType       reel_chart_background_get_type    (void) G_GNUC_CONST;
GType       reel_chart_format_get_type        (void) G_GNUC_CONST;

/* The command line's names ("revenue", "dark", "transparent", "png"), which
 * are also the enums' nicks. from_nick returns FALSE for an unknown name. */
const char *reel_chart_enum_to_nick           (GType              enum_type,
                                               int                value);
gboolean    reel_chart_enum_from_nick         (GType              enum_type,
                                               const char        *nick,
                                               int               *value);
gboolean    reel_chart_rect_contains          (const ReelChartRect *rect,
                                               double             x,
                                               double             y);
gboolean    reel_chart_rect_intersects        (const ReelChartRect *a,
                                               const ReelChartRect *b);

G_END_DECLS
