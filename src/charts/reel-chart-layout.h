/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "reel-chart-theme.h"
#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

typedef struct _ReelChartOutline ReelChartOutline;

/* A chart laid out for one (dataset, kind, year, selection, theme, size,
 * scale): the plot rectangle, ticks, every piece of text measured with
 * Pango, and the marks. It is computed once, when one of those changes,
 * and never inside draw (DESIGN §1); reel_chart_render() only reads it.
 * The mark list serves hit-testing, tooltips, keyboard focus and the
 * window's accessible mark widgets. A layout is immutable and holds a
 * reference on its dataset, whose figures the marks point into. */

typedef enum {
  REEL_CHART_MARK_ESTIMATE = 1 << 0,   /* drawn hatched */
  REEL_CHART_MARK_FORECAST = 1 << 1,   /* hatched and labelled "forecast" */
  REEL_CHART_MARK_PARTIAL  = 1 << 2,   /* summed from fewer than 12 months of records */
  REEL_CHART_MARK_CAPPED   = 1 << 3,   /* an outlier, cut at the break */
  REEL_CHART_MARK_COMPUTED = 1 << 4,   /* revenue growth computed from primary figures */
  REEL_CHART_MARK_REST     = 1 << 5,   /* Share's "Rest of world" */
  REEL_CHART_MARK_WORLD    = 1 << 6,   /* the world's own figure */
  REEL_CHART_MARK_SELECTED = 1 << 7,
  REEL_CHART_MARK_PLATFORM = 1 << 8,   /* a platform's: of no region, so selecting it selects none */
} ReelChartMarkFlags;

typedef struct {
  ReelChartRect       rect;       /* the bar or the point's marker, as drawn */
  ReelChartRect       area;       /* for hit-testing and keyboard focus: the row, or around the point */
  ReelChartRect       label_box;  /* its value label (a line's end label, at its last point);
                                   * empty without one */
  ReelChartRect       range_box;  /* its range line of other sources, end ticks included; empty
                                   * without one */
  int                 region;     /* index into reel_dataset_get_regions (), -1 for none */
  const char         *region_id;  /* NULL for the world, "Rest of world" and a platform */
  const char         *platform_id; /* a platform's id; NULL for every other mark */
  const char         *name;       /* as shown */
  guint               year;
  const char         *metric;     /* Growth: the metric ("viewership"); otherwise NULL */
  double              value;      /* money, percentage points (Growth) or a share 0..1 */
  ReelChartMarkFlags  flags;
  GPtrArray          *figures;    /* of const ReelFigure *: the primary first; empty for reported growth */
  GPtrArray          *growths;    /* of const ReelGrowth *: the one shown first; empty otherwise */
  char               *label;      /* the accessible label */
  char               *tooltip;    /* every figure for the point with source and basis, one a line */
  ReelChartOutline   *outline;    /* nullable: a Map's countries, which hit-testing follows */
} ReelChartMark;

#define REEL_TYPE_CHART_LAYOUT (reel_chart_layout_get_type ())

G_DECLARE_FINAL_TYPE (ReelChartLayout, reel_chart_layout, REEL, CHART_LAYOUT, GObject)

ReelChartLayout      *reel_chart_layout_new              (ReelDataset          *dataset,
                                                          ReelChartKind         kind,
                                                          guint                 year,
                                                          const char * const   *selection,
                                                          const ReelChartTheme *theme,
                                                          double                width,
                                                          double                height,
                                                          double                scale);
gboolean              reel_chart_kind_has_metric         (ReelChartKind         kind,
                                                          ReelChartMetric       metric);
ReelChartLayout      *reel_chart_layout_new_for_metric   (ReelDataset          *dataset,
                                                          ReelChartKind         kind,
                                                          ReelChartMetric       metric,
                                                          guint                 year,
                                                          const char * const   *selection,
                                                          const ReelChartTheme *theme,
                                                          double                width,
                                                          double                height,
                                                          double                scale);
ReelChartLayout      *reel_chart_layout_new_at_cursor    (ReelDataset          *dataset,
                                                          ReelChartKind         kind,
                                                          ReelChartMetric       metric,
                                                          guint                 year,
                                                          guint                 cursor,
                                                          const char * const   *selection,
                                                          const ReelChartTheme *theme,
                                                          double                width,
                                                          double                height,
                                                          double                scale);
void                  reel_chart_layout_preload_fonts    (const ReelChartTheme *theme);
ReelDataset          *reel_chart_layout_get_dataset      (ReelChartLayout      *self);
ReelChartKind         reel_chart_layout_get_kind         (ReelChartLayout      *self);
ReelChartMetric       reel_chart_layout_get_metric       (ReelChartLayout      *self);
guint                 reel_chart_layout_get_year         (ReelChartLayout      *self);
guint                 reel_chart_layout_get_cursor       (ReelChartLayout      *self);
GArray               *reel_chart_layout_list_cursors     (ReelChartLayout      *self);
const char * const   *reel_chart_layout_get_selection    (ReelChartLayout      *self);
const ReelChartTheme *reel_chart_layout_get_theme        (ReelChartLayout      *self);
double                reel_chart_layout_get_width        (ReelChartLayout      *self);
double                reel_chart_layout_get_height       (ReelChartLayout      *self);
double                reel_chart_layout_get_scale        (ReelChartLayout      *self);
const ReelChartRect  *reel_chart_layout_get_plot_rect    (ReelChartLayout      *self);
gboolean              reel_chart_layout_is_empty         (ReelChartLayout      *self);
const char           *reel_chart_layout_get_title        (ReelChartLayout      *self);
const char           *reel_chart_layout_get_subtitle     (ReelChartLayout      *self);
const char           *reel_chart_layout_get_summary      (ReelChartLayout      *self);
const char           *reel_chart_layout_get_sources      (ReelChartLayout      *self);
guint                 reel_chart_layout_get_n_marks      (ReelChartLayout      *self);
const ReelChartMark  *reel_chart_layout_get_mark         (ReelChartLayout      *self,
                                                          guint                 index);
const ReelChartMark  *reel_chart_layout_hit_test         (ReelChartLayout      *self,
                                                          double                x,
                                                          double                y);

guint                 reel_chart_layout_get_default_year (ReelDataset          *dataset,
                                                          ReelChartKind         kind);
GArray               *reel_chart_layout_list_years       (ReelDataset          *dataset,
                                                          ReelChartKind         kind);


G_END_DECLS
