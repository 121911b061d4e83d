/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-canvas.h"
#include "reel-chart-data.h"
#include "reel-chart-frame.h"
#include "reel-chart-legend.h"
#include "reel-chart-pen.h"

G_BEGIN_DECLS

/* A chart kind is a module (DESIGN §1): one file implements this
 * interface over the data tier (reel-chart-data.h) and the shared
 * geometry, and one line in reel-chart-layout.c's table adds it. */

typedef struct _ReelChartKindClass ReelChartKindClass;

/* What a layout is being built from and into, for the kind's plot. */
typedef struct {
  const ReelChartKindClass *kind;
  ReelChartData            *data;
  ReelChartPen             *pen;
  ReelChartCanvas          *canvas;
  ReelChartFrame           *frame;
  ReelChartLegend          *legend;
  char                     *missing_line;  /* nullable: the regions without a figure, under the
                                            * rows rather than in the notes */
} ReelChartDraft;

/* What a bar's mark says beyond its figures, in its kind's words; every
 * string is owned. */
typedef struct {
  char     *what;            /* nullable: what the value measures, "Viewership" */
  char     *value;           /* the value with its qualifier in words */
  char     *value_line;      /* nullable: the value, on the tooltip's second line */
  char     *remark;          /* nullable: a line after that */
  gboolean  dated_figures;   /* the figures' lines start with their years */
} ReelChartBarWords;

/* The geometry of a kind's marks: bars (reel-chart-bars.c) or lines
 * (reel-chart-lines.c), with the legend and the summary that go with it. */
typedef struct {
  /* the least height a plot of a couple of rows or a line needs */
  double (*min_height)  (ReelChartDraft           *draft,
                         double                    tick_height);
  void   (*lay_out)     (ReelChartDraft           *draft);
  void   (*add_legend)  (const ReelChartData      *data,
                         ReelChartLegend          *legend,
                         ReelChartPen             *pen);
  /* The marks in words, for the summary; returns how many items */
  guint  (*add_summary) (const ReelChartKindClass *kind,
                         const ReelChartData      *data,
                         GArray                   *marks,
                         GString                  *summary);
} ReelChartPlotClass;

struct _ReelChartKindClass
{
  const ReelChartPlotClass *plot;
  gboolean                  cut_outliers;   /* cap an outlier's bar at a break */
  gboolean                  diverging;      /* bars either side of zero */
  gboolean                  every_year;     /* all years at once: a year given is ignored */
  gboolean                  missing_line;   /* dup_missing_note () goes under the rows, not in the
                                             * notes */
  guint                     metrics;        /* the ReelChartMetric it shows besides revenue, as
                                             * bits 1 << metric */

  /* The years with something to show, sorted; empty when the kind shows
   * them all at once. */
  GArray *(*list_years)        (ReelDataset           *dataset);
  guint   (*get_default_year)  (ReelDataset           *dataset);

  void    (*collect)           (ReelChartData         *data);
  /* A value on the chart: a bar's label, a tick */
  char   *(*format_value)      (const ReelChartData   *data,
                                double                 value,
                                ReelQualifier          qualifier);
  char   *(*dup_title)         (const ReelChartData   *data);
  void    (*add_subtitle)      (const ReelChartData   *data,
                                GPtrArray             *parts);
  /* The kind's own notes, before and after those every kind may need;
   * either may be NULL */
  void    (*add_notes_before)  (const ReelChartData   *data,
                                GPtrArray             *notes);
  void    (*add_notes_after)   (const ReelChartData   *data,
                                GPtrArray             *notes);
  /* The last note, or the line under the rows: which regions have no
   * figure, @names joined */
  char   *(*dup_missing_note)  (const ReelChartData   *data,
                                const char            *names);
  char   *(*dup_empty_message) (const ReelChartData   *data);
  /* Bars only: what a bar's mark says */
  void    (*describe_bar)      (const ReelChartData   *data,
                                const ReelChartBar    *bar,
                                ReelChartBarWords     *words);
  /* Lines only: a point's mark's label and tooltip */
  void    (*describe_point)    (const ReelChartData   *data,
                                const ReelChartSeries *series,
                                const ReelChartPoint  *point,
                                ReelChartMark         *mark);
};

void    reel_chart_draft_fit_to_height       (ReelChartDraft      *draft);
void    reel_chart_draft_add_bar_mark        (ReelChartDraft      *draft,
                                              const ReelChartBar  *bar,
                                              const ReelChartRect *rect,
                                              const ReelChartRect *area,
                                              const ReelChartRect *label,
                                              const ReelChartRect *range);
void    reel_chart_draft_add_empty           (ReelChartDraft      *draft,
                                              double               top,
                                              double               bottom);

extern const ReelChartKindClass reel_chart_revenue_class;
extern const ReelChartKindClass reel_chart_growth_class;
extern const ReelChartKindClass reel_chart_share_class;
extern const ReelChartKindClass reel_chart_trend_class;
extern const ReelChartKindClass reel_chart_map_class;
extern const ReelChartKindClass reel_chart_platforms_class;

extern const ReelChartPlotClass reel_chart_bars_class;
extern const ReelChartPlotClass reel_chart_lines_class;
extern const ReelChartPlotClass reel_chart_strip_class;
extern const ReelChartPlotClass reel_chart_choropleth_class;

void    reel_chart_bar_describe_mark         (const ReelChartKindClass *kind,
                                              const ReelChartData *data,
                                              const ReelChartBar  *bar,
                                              ReelChartMark       *mark);

/* What a chart of revenue for a year (Revenue, Platforms) drew beyond
 * whole-year figures, for its subtitle and notes. */
typedef struct {
  ReelChartRevenueSeries series;
  guint                  n_bars;
  guint                  n_series_bars;   /* bars of the series' period */
  gboolean               mixed;           /* bars of different periods */
  gboolean               grouped;         /* in panels by the length of their periods */
  ReelPeriod             last;            /* the period of the bar counted last */
} ReelChartPeriods;

guint   reel_chart_bar_get_months            (const ReelChartBar     *bar);
gboolean reel_chart_bar_is_apart             (const ReelChartBar     *bar);
void    reel_chart_bar_get_period            (const ReelChartData    *data,
                                              const ReelChartBar     *bar,
                                              ReelPeriod             *period);

gboolean reel_chart_map_names_period         (const ReelChartData    *data,
                                              const ReelChartBar     *bar);

void    reel_chart_periods_count             (ReelChartPeriods       *periods,
                                              const ReelPeriod       *period,
                                              gboolean                measured);
void    reel_chart_periods_group             (ReelChartData          *data,
                                              ReelChartPeriods       *periods);
void    reel_chart_periods_add_subtitle      (const ReelChartData    *data,
                                              const ReelChartPeriods *periods,
                                              GPtrArray              *parts);

/* Shared by the kinds that show revenue by region for a year. */
GArray *reel_chart_revenue_list_years        (ReelDataset         *dataset);
char   *reel_chart_revenue_dup_empty_message (const ReelChartData *data);
char   *reel_chart_revenue_dup_missing_note  (const ReelChartData *data,
                                              const char          *names);
char   *reel_chart_revenue_dup_missing_line  (const ReelChartData *data,
                                              const char          *names);
void    reel_chart_revenue_add_subtitle      (const ReelChartData *data,
                                              GPtrArray           *parts);
void    reel_chart_revenue_describe_bar      (const ReelChartData *data,
                                              const ReelChartBar  *bar,
                                              ReelChartBarWords   *words);
char   *reel_chart_money_format_value        (const ReelChartData *data,
                                              double               value,
                                              ReelQualifier        qualifier);
char   *reel_chart_take_qualified            (ReelQualifier        qualifier,
                                              char                *value);

/* Counts (the Map's and Platforms' downloads) */
char   *reel_chart_count_format_value        (const ReelChartData *data,
                                              double               value,
                                              ReelQualifier        qualifier);
void    reel_chart_downloads_describe_bar    (const ReelChartData *data,
                                              const ReelChartBar  *bar,
                                              ReelChartBarWords   *words);

G_END_DECLS
