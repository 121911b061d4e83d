/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* The figures a chart shows, collected from the dataset by its kind, and
 * what they have in common; no geometry (GOffice's model tier). The
 * layout helpers turn them into rows, lines and marks. */

/* A bar of Revenue, Growth or Share: one point's figures. */
typedef struct {
  int                 region;       /* -1 for the world, "Rest of world" and a platform */
  int                 platform;     /* index into reel_dataset_get_platforms (), -1 for none */
  const char         *platform_id;  /* the platform's id, NULL for none */
  const char         *region_id;
  const char         *name;
  guint               palette;      /* its colour: the region's index, or a platform's in the
                                     * palette's second set (reel_chart_platform_palette()) */
  guint               group;        /* Growth: index into the groups */
  const char         *metric;
  double              value;
  double              shown;        /* value, cut to the cap */
  double              low;          /* all sources' range; NAN with one source */
  double              high;
  GArray             *others;       /* of double: the other sources' values */
  ReelQualifier       qualifier;
  ReelChartMarkFlags  flags;
  GPtrArray          *figures;      /* of const ReelFigure * */
  GPtrArray          *growths;      /* of const ReelGrowth * */
  GPtrArray          *measures;     /* of const ReelMeasure *: a figure for part of the year or a
                                     * country's, the shown one first; empty for whole-year bars */
  guint               n_sources;
  char               *remark;       /* nullable, owned: after the value and its period, "+52% on
                                     * 2024, same source" */
} ReelChartBar;

/* The series of revenue (or another metric's) figures that covers the
 * most regions (or platforms) within a year: one source's figures on one
 * basis (derived ones count as their inputs' source when they share one),
 * and the latest period it has. */
typedef struct {
  ReelMetric  metric;
  guint       source;               /* G_MAXUINT: derived from several sources */
  const char *basis;                /* nullable */
  ReelPeriod  period;
  guint       n_regions;
} ReelChartRevenueSeries;

/* Growth's groups: one per metric, each a panel with its own axis. */
typedef struct {
  const char *metric;               /* NULL for revenue growth computed from primary figures */
  char       *heading;
  gboolean    capped;               /* an outlier of the group is cut at cap */
  double      cap;
} ReelChartGroup;

/* A point of a Trend line. */
typedef struct {
  guint              year;
  double             time;          /* on the time axis: the year, or a month's middle in its year */
  double             value;         /* the primary's */
  ReelQualifier      qualifier;
  guint              source;
  const ReelFigure  *primary;       /* NULL for a month's figure */
  const ReelMeasure *measure;       /* a month's figure, or NULL */
  GPtrArray         *figures;       /* primary first */
  double             low;           /* all sources' range; NAN with one source */
  double             high;
  ReelChartMarkFlags flags;
} ReelChartPoint;

typedef struct {
  int         region;
  const char *region_id;
  const char *name;
  guint       palette;
  GArray     *points;               /* of ReelChartPoint, by year */
} ReelChartSeries;

/* What the marks show, for the subtitle, the legend and the notes. */
typedef struct {
  gboolean reported;   /* a mark that is none of estimate, forecast or partial */
  gboolean estimate;
  gboolean forecast;
  gboolean partial;
  gboolean whisker;    /* a range of other sources */
  gboolean hollow;     /* a point that is not reported */
  gboolean dashed;
  gboolean dotted;     /* a line whose primary source changes */
} ReelChartTraits;

typedef struct {
  ReelDataset     *dataset;
  GPtrArray       *regions;
  const char      *currency;
  guint            year;
  guint            cursor;          /* Trend's: the month the lines are drawn up to, 0 for all
                                     * (reel-chart-cursor.h) */
  ReelChartMetric  metric;          /* what a Map colours by */
  const char * const *selection;   /* never NULL: empty for none */

  GArray          *bars;            /* of ReelChartBar */
  GArray          *groups;          /* of ReelChartGroup */
  GArray          *series;          /* of ReelChartSeries */
  GPtrArray       *missing;         /* of const char *: names without data */
  gboolean        *source_used;
  GArray          *source_order;    /* of guint: the sources cited, in order */

  guint            n_figures;       /* bars */
  gboolean         capped;          /* an outlier is cut at cap (of its group, with groups) */
  double           cap;
  ReelChartTraits  traits;

  gpointer         kind_data;       /* what only the kind needs */
  GDestroyNotify   kind_data_free;
} ReelChartData;

GArray             *reel_chart_array_new          (guint                element_size,
                                                   GDestroyNotify       clear_func);

void                reel_chart_data_init          (ReelChartData       *data,
                                                   ReelDataset         *dataset,
                                                   guint                year,
                                                   const char * const  *selection);
void                reel_chart_data_clear         (ReelChartData       *data);
void                reel_chart_data_finish        (ReelChartData       *data,
                                                   gboolean             cut_outliers);
void                reel_chart_data_use_source    (ReelChartData       *data,
                                                   guint                source);
gboolean            reel_chart_data_get_cap       (const ReelChartData *data,
                                                   const ReelChartBar  *bar,
                                                   double              *cap);
gboolean            reel_chart_data_is_selected   (const ReelChartData *data,
                                                   const char          *region_id);
gboolean            reel_chart_data_compares      (const ReelChartData *data);
char               *reel_chart_data_dup_comparison (const ReelChartData *data);
void                reel_chart_data_get_year_span (const ReelChartData *data,
                                                   guint               *first,
                                                   guint               *last);
char               *reel_chart_data_dup_missing   (const ReelChartData *data);

ReelChartBar       *reel_chart_data_add_bar       (ReelChartData       *data,
                                                   int                  region,
                                                   const char          *name);
ReelChartBar       *reel_chart_data_add_platform_bar (ReelChartData    *data,
                                                   guint                index,
                                                   const char          *name);
ReelChartBar       *reel_chart_data_add_figures_bar (ReelChartData     *data,
                                                   int                  region,
                                                   GArray              *figures,
                                                   const ReelFigure    *primary,
                                                   double               scale,
                                                   gboolean             with_range);
gboolean            reel_chart_find_revenue_series (ReelDataset        *dataset,
                                                   guint                year,
                                                   ReelChartRevenueSeries *series);
gboolean            reel_chart_find_series_among  (GPtrArray          *lists,
                                                   ReelMetric           metric,
                                                   guint                year,
                                                   ReelChartRevenueSeries *series);
const ReelMeasure  *reel_chart_pick_measure_among (GArray             *measures,
                                                   guint                year,
                                                   const ReelChartRevenueSeries *series,
                                                   gboolean             series_only);
const ReelMeasure  *reel_chart_pick_region_revenue (ReelDataset       *dataset,
                                                   const ReelRegion  *region,
                                                   guint              year);
const ReelMeasure  *reel_chart_pick_revenue_measure (const ReelRegion  *region,
                                                   guint                year,
                                                   const ReelChartRevenueSeries *series,
                                                   gboolean             series_only);
ReelChartBar       *reel_chart_data_add_measure_bar (ReelChartData     *data,
                                                   int                  region,
                                                   const ReelMeasure   *shown,
                                                   double               scale,
                                                   gboolean             with_range);
void                reel_chart_bar_take_figures   (ReelChartData       *data,
                                                   ReelChartBar        *bar,
                                                   GArray              *figures,
                                                   const ReelFigure    *primary,
                                                   double               scale,
                                                   gboolean             with_range);
void                reel_chart_bar_take_measures  (ReelChartData       *data,
                                                   ReelChartBar        *bar,
                                                   GArray              *measures,
                                                   const ReelMeasure   *shown,
                                                   double               scale,
                                                   gboolean             with_range);
void                reel_chart_bar_add_other      (ReelChartBar        *bar,
                                                   double               value);
ReelChartMarkFlags  reel_chart_figure_mark_flags  (const ReelFigure    *figure);
GPtrArray          *reel_chart_collect_figures    (GArray              *figures,
                                                   guint                year,
                                                   const ReelFigure    *primary);

void                reel_chart_data_collect       (ReelChartData       *data,
                                                   ReelChartKind        kind);
char               *reel_chart_data_dup_title     (const ReelChartData *data,
                                                   ReelChartKind        kind);
char               *reel_chart_data_format_value  (const ReelChartData *data,
                                                   ReelChartKind        kind,
                                                   double               value,
                                                   ReelQualifier        qualifier);

void                reel_chart_years_add          (GArray              *years,
                                                   guint                year);
void                reel_chart_years_sort         (GArray              *years);
GArray             *reel_chart_list_revenue_years (ReelDataset         *dataset);
guint               reel_chart_get_revenue_year   (ReelDataset         *dataset);
GArray             *reel_chart_list_measure_years (ReelDataset         *dataset);
void                reel_chart_years_add_measures (GArray              *years,
                                                   GArray              *measures);
gboolean            reel_chart_year_is_forecast   (ReelDataset         *dataset,
                                                   guint                year);

G_END_DECLS
