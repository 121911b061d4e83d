/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-data"

#include "config.h"

#include "reel-chart-data.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-scale.h"
#include "reel-text-figure.h"

static void
bar_clear (ReelChartBar *bar)
{
  g_clear_pointer (&bar->others, g_array_unref);
  g_clear_pointer (&bar->figures, g_ptr_array_unref);
  g_clear_pointer (&bar->growths, g_ptr_array_unref);
  g_clear_pointer (&bar->measures, g_ptr_array_unref);
  g_clear_pointer (&bar->remark, g_free);
}

static void
group_clear (ReelChartGroup *group)
{
  g_clear_pointer (&group->heading, g_free);
}

static void
series_clear (ReelChartSeries *series)
{
  g_clear_pointer (&series->points, g_array_unref);
}

/* A zeroed array whose elements @clear_func clears on removal. */
GArray *
reel_chart_array_new (guint          element_size,
                      GDestroyNotify clear_func)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear_func);
  return array;
}

void
reel_chart_data_init (ReelChartData      *data,
                      ReelDataset        *dataset,
                      guint               year,
                      const char * const *selection)
{
  guint n_sources = reel_dataset_get_sources (dataset)->len;

  data->dataset = dataset;
  data->regions = reel_dataset_get_regions (dataset);
  data->currency = reel_dataset_get_currency (dataset);
  data->year = year;
  data->selection = selection;

  data->bars = reel_chart_array_new (sizeof (ReelChartBar), (GDestroyNotify) bar_clear);
  data->groups = reel_chart_array_new (sizeof (ReelChartGroup), (GDestroyNotify) group_clear);
  data->series = reel_chart_array_new (sizeof (ReelChartSeries), (GDestroyNotify) series_clear);
  data->missing = g_ptr_array_new ();
  data->source_used = g_new0 (gboolean, MAX (n_sources, 1));
  data->source_order = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
reel_chart_data_clear (ReelChartData *data)
{
  g_clear_pointer (&data->bars, g_array_unref);
  g_clear_pointer (&data->groups, g_array_unref);
  g_clear_pointer (&data->series, g_array_unref);
  g_clear_pointer (&data->missing, g_ptr_array_unref);
  g_clear_pointer (&data->source_used, g_free);
  g_clear_pointer (&data->source_order, g_array_unref);
  if (data->kind_data_free != NULL)
    g_clear_pointer (&data->kind_data, data->kind_data_free);
}

void
reel_chart_data_use_source (ReelChartData *data,
                            guint          index)
{
  if (index >= reel_dataset_get_sources (data->dataset)->len || data->source_used[index])
    return;

  data->source_used[index] = TRUE;
  g_array_append_val (data->source_order, index);
}

gboolean
reel_chart_data_is_selected (const ReelChartData *data,
                             const char          *region_id)
{
  return region_id != NULL && g_strv_contains (data->selection, region_id);
}

/* Whether several regions are selected: a comparison, which Trend draws
 * alone with the world. */
gboolean
reel_chart_data_compares (const ReelChartData *data)
{
  return data->selection[0] != NULL && data->selection[1] != NULL;
}

/* The selected regions' names in dataset order, as a sentence's list,
 * with the world: "North America, Europe and Southeast Asia, with the
 * world" (Trend's subtitle and summary when it compares regions). */
char *
reel_chart_data_dup_comparison (const ReelChartData *data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *head = NULL;
  g_autofree char *listed = NULL;
  const char *last;

  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);

      if (reel_chart_data_is_selected (data, region->id))
        g_ptr_array_add (names, (gpointer) reel_text_get_region_name (region));
    }
  g_assert (names->len >= 2);
  last = g_ptr_array_steal_index (names, names->len - 1);
  head = reel_text_join (names, REEL_TEXT_SEPARATOR_NAMES);
  /* TRANSLATORS: the last two items of a list of names, "Europe and Southeast Asia" */
  listed = g_strdup_printf (_("%s and %s"), head, last);
  /* TRANSLATORS: Trend's subtitle when regions are compared, "North America, Europe and
   * Southeast Asia, with the world" */
  return g_strdup_printf (_("%s, with the world"), listed);
}

/* The first and last years of Trend's lines; G_MAXUINT and 0 without any. */
void
reel_chart_data_get_year_span (const ReelChartData *data,
                               guint               *first,
                               guint               *last)
{
  *first = G_MAXUINT;
  *last = 0;
  for (guint i = 0; i < data->series->len; i++)
    {
      GArray *points = g_array_index (data->series, ReelChartSeries, i).points;

      *first = MIN (*first, g_array_index (points, ReelChartPoint, 0).year);
      *last = MAX (*last, g_array_index (points, ReelChartPoint, points->len - 1).year);
    }
}

/* The names without data, for a note, when the chart shows any data at
 * all; NULL otherwise. */
char *
reel_chart_data_dup_missing (const ReelChartData *data)
{
  if (data->missing->len == 0 || (data->n_figures == 0 && data->series->len == 0))
    return NULL;

  return reel_text_join (data->missing, REEL_TEXT_SEPARATOR_NAMES);
}

ReelChartMarkFlags
reel_chart_figure_mark_flags (const ReelFigure *figure)
{
  ReelChartMarkFlags flags = 0;

  if (figure->flags & REEL_FIGURE_ESTIMATE)
    flags |= REEL_CHART_MARK_ESTIMATE;
  if (figure->flags & REEL_FIGURE_FORECAST)
    flags |= REEL_CHART_MARK_FORECAST;
  if (figure->flags & REEL_FIGURE_PARTIAL)
    flags |= REEL_CHART_MARK_PARTIAL;

  return flags;
}

/* Every figure of @figures for @year, the primary first. */
GPtrArray *
reel_chart_collect_figures (GArray           *figures,
                            guint             year,
                            const ReelFigure *primary)
{
  GPtrArray *found = g_ptr_array_new ();

  g_ptr_array_add (found, (gpointer) primary);
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      if (figure->year == year && figure != primary)
        g_ptr_array_add (found, (gpointer) figure);
    }

  return found;
}

static ReelChartBar *
append_bar (ReelChartData *data,
            int            region,
            const char    *name)
{
  ReelChartBar bar = { 0 };

  bar.region = region;
  bar.platform = -1;
  bar.name = name;
  bar.low = bar.high = NAN;
  bar.others = g_array_new (FALSE, FALSE, sizeof (double));
  bar.figures = g_ptr_array_new ();
  bar.growths = g_ptr_array_new ();
  bar.measures = g_ptr_array_new ();

  g_array_append_val (data->bars, bar);
  return &g_array_index (data->bars, ReelChartBar, data->bars->len - 1);
}

ReelChartBar *
reel_chart_data_add_bar (ReelChartData *data,
                         int            region,
                         const char    *name)
{
  ReelChartBar *bar = append_bar (data, region, name);

  if (region >= 0)
    {
      bar->region_id = ((const ReelRegion *) g_ptr_array_index (data->regions, region))->id;
      bar->palette = (guint) region;
    }
  else
    {
      bar->flags |= REEL_CHART_MARK_WORLD;
    }
  return bar;
}

/* A bar of platform @index of the dataset's list: of no region, in a
 * colour of its own. */
ReelChartBar *
reel_chart_data_add_platform_bar (ReelChartData *data,
                                  guint          index,
                                  const char    *name)
{
  ReelChartBar *bar = append_bar (data, -1, name);

  bar->platform = (int) index;
  bar->platform_id = ((const ReelPlatform *)
                      g_ptr_array_index (reel_dataset_get_platforms (data->dataset), index))->id;
  bar->flags |= REEL_CHART_MARK_PLATFORM;
  bar->palette = reel_chart_platform_palette (index);
  return bar;
}

/* The range line of a bar: all sources' values for its point, the shown
 * one included, so that the line starts at the bar's end or runs through it. */
void
reel_chart_bar_add_other (ReelChartBar *bar,
                          double        value)
{
  g_array_append_val (bar->others, value);
  bar->low = isnan (bar->low) ? MIN (value, bar->value) : MIN (bar->low, value);
  bar->high = isnan (bar->high) ? MAX (value, bar->value) : MAX (bar->high, value);
}

/* Region @index of the dataset's list; the world for -1. */
static const ReelRegion *
get_place (const ReelChartData *data,
           int                  index)
{
  if (index < 0)
    return reel_dataset_get_global (data->dataset);
  return g_ptr_array_index (data->regions, index);
}

/* A bar of a region (the world for -1) from the figures for one point:
 * the primary is the bar, the others its range when @with_range; @scale
 * turns money into what the chart shows (1, or 1 / the total for Share). */
ReelChartBar *
reel_chart_data_add_figures_bar (ReelChartData    *data,
                                 int               region,
                                 GArray           *figures,
                                 const ReelFigure *primary,
                                 double            scale,
                                 gboolean          with_range)
{
  const char *name = reel_text_get_region_name (get_place (data, region));
  ReelChartBar *bar = reel_chart_data_add_bar (data, region, name);

  reel_chart_bar_take_figures (data, bar, figures, primary, scale, with_range);
  return bar;
}

/* What @bar shows of its place's @figures for one point: the primary is
 * the bar, the others its range when @with_range; @scale as above. */
void
reel_chart_bar_take_figures (ReelChartData    *data,
                             ReelChartBar     *bar,
                             GArray           *figures,
                             const ReelFigure *primary,
                             double            scale,
                             gboolean          with_range)
{
  g_ptr_array_unref (bar->figures);
  bar->figures = reel_chart_collect_figures (figures, primary->year, primary);
  bar->value = primary->value * scale;
  bar->qualifier = primary->qualifier;
  bar->flags |= reel_chart_figure_mark_flags (primary);
  bar->n_sources = bar->figures->len;

  for (guint i = 0; i < bar->figures->len; i++)
    {
      const ReelFigure *figure = g_ptr_array_index (bar->figures, i);

      reel_chart_data_use_source (data, figure->source);
      if (i > 0 && with_range)
        reel_chart_bar_add_other (bar, figure->value * scale);
    }
}

/* The source a figure's series is named by: its own, or for a derived
 * figure the one source all its inputs share; G_MAXUINT otherwise. */
static guint
get_series_source (const ReelMeasure *measure)
{
  guint source = G_MAXUINT;

  if (measure->derived == NULL)
    return measure->source;

  for (guint i = 0; i < measure->derived->inputs->len; i++)
    {
      guint input = g_array_index (measure->derived->inputs, ReelDerivedInput, i).source;

      if (i > 0 && input != source)
        return G_MAXUINT;
      source = input;
    }
  return source;
}

static gboolean
is_in_series (const ReelMeasure            *measure,
              const ReelChartRevenueSeries *series)
{
  return measure->metric == series->metric && get_series_source (measure) == series->source &&
         g_strcmp0 (measure->basis, series->basis) == 0;
}

/* A figure of @metric that a bar can show for @year: within the year,
 * not a run rate, which the README has stored as the month's figure times
 * 12, and not a platform's figure for one region, which is a part of its
 * bar. */
static gboolean
is_shown_within (const ReelMeasure *measure,
                 ReelMetric         metric,
                 guint              year)
{
  return measure->metric == metric && measure->region == NULL &&
         measure->period.first / 12 == year && measure->period.last / 12 == year &&
         (measure->basis == NULL || strstr (measure->basis, "run rate") == NULL);
}

typedef struct {
  ReelChartRevenueSeries series;
  guint                  last_region;   /* counted up to this region, + 1 */
} Candidate;

static void
count_candidate (GArray            *candidates,
                 const ReelMeasure *measure,
                 guint              region)
{
  Candidate fresh = { { measure->metric, get_series_source (measure), measure->basis,
                        measure->period, 0 }, 0 };
  Candidate *candidate = NULL;

  for (guint i = 0; i < candidates->len && candidate == NULL; i++)
    if (is_in_series (measure, &g_array_index (candidates, Candidate, i).series))
      candidate = &g_array_index (candidates, Candidate, i);
  if (candidate == NULL)
    {
      g_array_append_val (candidates, fresh);
      candidate = &g_array_index (candidates, Candidate, candidates->len - 1);
    }

  if (measure->period.last > candidate->series.period.last)
    candidate->series.period = measure->period;
  if (candidate->last_region <= region)
    {
      candidate->series.n_regions++;
      candidate->last_region = region + 1;
    }
}

/* The default series of @year among the regions: see
 * reel_chart_find_series_among(). */
gboolean
reel_chart_find_revenue_series (ReelDataset            *dataset,
                                guint                   year,
                                ReelChartRevenueSeries *series)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  g_autoptr(GPtrArray) lists = g_ptr_array_sized_new (regions->len);

  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (lists, ((const ReelRegion *) g_ptr_array_index (regions, i))->measures);
  return reel_chart_find_series_among (lists, REEL_METRIC_REVENUE, year, series);
}

/* The default series of @metric for @year among places (regions or
 * platforms), each @lists' GArray of ReelMeasure (nullable): the one whose
 * figures cover the most places (their own or one of their countries'),
 * then the one whose latest period is latest; FALSE when no place has any. */
gboolean
reel_chart_find_series_among (GPtrArray              *lists,
                              ReelMetric              metric,
                              guint                   year,
                              ReelChartRevenueSeries *series)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  const ReelChartRevenueSeries *best = NULL;

  for (guint i = 0; i < lists->len; i++)
    {
      GArray *measures = g_ptr_array_index (lists, i);

      for (guint j = 0; measures != NULL && j < measures->len; j++)
        if (is_shown_within (&g_array_index (measures, ReelMeasure, j), metric, year))
          count_candidate (candidates, &g_array_index (measures, ReelMeasure, j), i);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const ReelChartRevenueSeries *candidate = &g_array_index (candidates, Candidate, i).series;

      if (best == NULL || candidate->n_regions > best->n_regions ||
          (candidate->n_regions == best->n_regions &&
           candidate->period.last > best->period.last))
        best = candidate;
    }

  if (best != NULL)
    *series = *best;
  return best != NULL;
}

/* Of two figures for one point, the better to draw: the primary, then a
 * value over a bound ("at least $10M"), then a published one over a
 * derived one. */
static gboolean
is_better_shown (const ReelMeasure *measure,
                 const ReelMeasure *than)
{
  gboolean bound = measure->qualifier == REEL_QUALIFIER_AT_LEAST ||
                   measure->qualifier == REEL_QUALIFIER_AT_MOST;
  gboolean than_bound = than->qualifier == REEL_QUALIFIER_AT_LEAST ||
                        than->qualifier == REEL_QUALIFIER_AT_MOST;

  if ((measure->flags ^ than->flags) & REEL_FIGURE_PRIMARY)
    return (measure->flags & REEL_FIGURE_PRIMARY) != 0;
  if (bound != than_bound)
    return !bound;
  return measure->derived == NULL && than->derived != NULL;
}

/* How far a period is from the series' one: periods of its kind first,
 * then the nearest in time. */
static guint
get_distance (const ReelPeriod *period,
              const ReelPeriod *wanted)
{
  guint months = period->last > wanted->last ? period->last - wanted->last
                                             : wanted->last - period->last;

  return (period->kind == wanted->kind ? 0 : 100) + months;
}

/* What the Revenue chart shows for @region in @year when the region has no
 * whole-year figure (reel-chart-revenue.c): its figure of the year's
 * default series, else its nearest one inside the year; NULL without any.
 * The region list and the window's region header say the same. */
const ReelMeasure *
reel_chart_pick_region_revenue (ReelDataset      *dataset,
                                const ReelRegion *region,
                                guint             year)
{
  ReelChartRevenueSeries series;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  if (year == 0 || !reel_chart_find_revenue_series (dataset, year, &series))
    return NULL;

  return reel_chart_pick_revenue_measure (region, year, &series, FALSE);
}

/* The figure a region without a whole-year one shows for @year: see
 * reel_chart_pick_measure_among(). */
const ReelMeasure *
reel_chart_pick_revenue_measure (const ReelRegion             *region,
                                 guint                         year,
                                 const ReelChartRevenueSeries *series,
                                 gboolean                      series_only)
{
  return reel_chart_pick_measure_among (region->measures, year, series, series_only);
}

/* The figure a place (a region, a platform) without a whole-year one
 * shows for @year, of its @measures (nullable): its (or a country's)
 * figure of @series for the series' period; else, unless @series_only,
 * its figure inside the year nearest to that period; NULL without any. */
const ReelMeasure *
reel_chart_pick_measure_among (GArray                       *measures,
                               guint                         year,
                               const ReelChartRevenueSeries *series,
                               gboolean                      series_only)
{
  const ReelMeasure *best = NULL;
  gboolean best_in_series = FALSE;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (measures, ReelMeasure, i);
      gboolean in_series;
      guint distance;

      if (!is_shown_within (measure, series->metric, year))
        continue;
      in_series = is_in_series (measure, series) &&
                  reel_period_equal (&measure->period, &series->period);
      if (series_only && !in_series)
        continue;
      distance = get_distance (&measure->period, &series->period);
      if (best == NULL || (in_series && !best_in_series) ||
          (in_series == best_in_series &&
           (distance < best_distance ||
            (distance == best_distance && is_better_shown (measure, best)))))
        {
          best = measure;
          best_in_series = in_series;
          best_distance = distance;
        }
    }

  return best;
}

static void
use_measure_sources (ReelChartData     *data,
                     const ReelMeasure *measure)
{
  if (measure->derived == NULL)
    {
      reel_chart_data_use_source (data, measure->source);
      return;
    }
  for (guint i = 0; i < measure->derived->inputs->len; i++)
    reel_chart_data_use_source (data,
                                g_array_index (measure->derived->inputs, ReelDerivedInput, i).source);
}

/* A bar of a region (the world for -1) from a figure for part of the year
 * or for one of its countries, as reel_chart_bar_take_measures() makes
 * it; @scale as for reel_chart_data_add_figures_bar(). */
ReelChartBar *
reel_chart_data_add_measure_bar (ReelChartData     *data,
                                 int                region,
                                 const ReelMeasure *shown,
                                 double             scale,
                                 gboolean           with_range)
{
  const ReelRegion *owner = get_place (data, region);
  ReelChartBar *bar = reel_chart_data_add_bar (data, region, reel_text_get_region_name (owner));

  reel_chart_bar_take_measures (data, bar, owner->measures, shown, scale, with_range);
  return bar;
}

/* What @bar shows of its place's @measures: @shown, a figure for part of
 * the year or for one of the place's countries, which the row then
 * names; the other figures for the same place and period are its range
 * line when @with_range. */
void
reel_chart_bar_take_measures (ReelChartData     *data,
                              ReelChartBar      *bar,
                              GArray            *measures,
                              const ReelMeasure *shown,
                              double             scale,
                              gboolean           with_range)
{
  if (shown->country != NULL)
    {
      g_autofree char *row_name = g_strconcat (bar->name,
                                               reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS),
                                               reel_text_get_country_name (shown->country), NULL);

      /* The marks outlive the chart's data and keep names as they are
       * given: a region's and a country's, a few dozen at most, live as
       * long as the program. */
      bar->name = g_intern_string (row_name);
    }
  bar->value = shown->value * scale;
  bar->qualifier = shown->qualifier;
  if ((shown->flags & REEL_FIGURE_ESTIMATE) != 0 || shown->derived != NULL)
    bar->flags |= REEL_CHART_MARK_ESTIMATE;
  if (shown->flags & REEL_FIGURE_FORECAST)
    bar->flags |= REEL_CHART_MARK_FORECAST;
  g_ptr_array_add (bar->measures, (gpointer) shown);
  use_measure_sources (data, shown);

  for (guint i = 0; i < measures->len; i++)
    {
      const ReelMeasure *other = &g_array_index (measures, ReelMeasure, i);

      if (other == shown || other->metric != shown->metric ||
          g_strcmp0 (other->country, shown->country) != 0 ||
          g_strcmp0 (other->region, shown->region) != 0 ||
          !reel_period_equal (&other->period, &shown->period))
        continue;
      g_ptr_array_add (bar->measures, (gpointer) other);
      use_measure_sources (data, other);
      if (with_range)
        reel_chart_bar_add_other (bar, other->value * scale);
    }
  bar->n_sources = bar->measures->len;
}

static int
compare_bars_by_value (gconstpointer a,
                       gconstpointer b)
{
  const ReelChartBar *bar_a = a, *bar_b = b;

  /* Rest of world last, the world first in its group, then largest first;
   * equal values keep region order. */
  if ((bar_a->flags ^ bar_b->flags) & REEL_CHART_MARK_REST)
    return (bar_a->flags & REEL_CHART_MARK_REST) ? 1 : -1;
  if (bar_a->group != bar_b->group)
    return bar_a->group < bar_b->group ? -1 : 1;
  if ((bar_a->flags ^ bar_b->flags) & REEL_CHART_MARK_WORLD)
    return (bar_a->flags & REEL_CHART_MARK_WORLD) ? -1 : 1;
  if (bar_a->value != bar_b->value)
    return bar_a->value > bar_b->value ? -1 : 1;
  return bar_a->region < bar_b->region ? -1 : bar_a->region > bar_b->region;
}

/* How far a bar reaches from zero: its value or the far end of its range
 * line, which a cap must not cut short without saying so. */
static double
bar_reach (const ReelChartBar *bar)
{
  double reach = fabs (bar->value);

  if (!isnan (bar->low))
    reach = MAX (reach, MAX (fabs (bar->low), fabs (bar->high)));
  return reach;
}

/* Bars in reading order, and the cap of an outlier among them (by their
 * reach): among each group's, with groups, whose panels have axes of
 * their own. */
static void
sort_bars (ReelChartData *data,
           gboolean       cut_outliers)
{
  g_autofree double *values = NULL;

  if (data->bars->len == 0)
    return;

  values = g_new (double, data->bars->len);
  g_array_sort (data->bars, compare_bars_by_value);
  data->n_figures = data->bars->len;
  if (!cut_outliers)
    return;

  for (guint group = 0; group < MAX (data->groups->len, 1); group++)
    {
      guint n_values = 0;
      gboolean capped;
      double cap = 0;

      for (guint i = 0; i < data->bars->len; i++)
        if (g_array_index (data->bars, ReelChartBar, i).group == group)
          values[n_values++] = bar_reach (&g_array_index (data->bars, ReelChartBar, i));
      capped = reel_scale_find_cap (values, n_values, &cap);
      if (group < data->groups->len)
        {
          g_array_index (data->groups, ReelChartGroup, group).capped = capped;
          g_array_index (data->groups, ReelChartGroup, group).cap = cap;
        }
      else
        {
          data->cap = cap;
        }
      data->capped |= capped;
    }
}

/* Whether @bar's axis is capped, and where. */
gboolean
reel_chart_data_get_cap (const ReelChartData *data,
                         const ReelChartBar  *bar,
                         double              *cap)
{
  const ReelChartGroup *group;

  if (data->groups->len == 0)
    {
      *cap = data->cap;
      return data->capped;
    }
  group = &g_array_index (data->groups, ReelChartGroup, bar->group);
  *cap = group->cap;
  return group->capped;
}

static void
note_series_traits (ReelChartData *data)
{
  const ReelChartMarkFlags soft = REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                  REEL_CHART_MARK_PARTIAL;

  for (guint i = 0; i < data->series->len; i++)
    {
      GArray *points = g_array_index (data->series, ReelChartSeries, i).points;

      for (guint j = 0; j < points->len; j++)
        {
          ReelChartPoint *point = &g_array_index (points, ReelChartPoint, j);

          data->traits.hollow |= (point->flags & soft) != 0;
          data->traits.reported |= (point->flags & soft) == 0;
          data->traits.whisker |= !isnan (point->low);
          data->traits.partial |= (point->flags & REEL_CHART_MARK_PARTIAL) != 0;
          if (j > 0)
            {
              ReelChartPoint *previous = &g_array_index (points, ReelChartPoint, j - 1);

              if (previous->source != point->source)
                data->traits.dotted = TRUE;
              else if ((previous->flags | point->flags) & soft)
                data->traits.dashed = TRUE;
            }
        }
    }
}

static void
note_bar_traits (ReelChartData *data)
{
  for (guint i = 0; i < data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      double cap;

      bar->shown = bar->value;
      if (reel_chart_data_get_cap (data, bar, &cap) && fabs (bar->value) > cap)
        {
          bar->shown = bar->value > 0 ? cap : -cap;
          bar->flags |= REEL_CHART_MARK_CAPPED;
        }
      /* On Platforms the selection is an app's id */
      if (reel_chart_data_is_selected (data, bar->platform_id != NULL ? bar->platform_id
                                                                      : bar->region_id))
        bar->flags |= REEL_CHART_MARK_SELECTED;

      data->traits.reported |= (bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                              REEL_CHART_MARK_PARTIAL | REEL_CHART_MARK_REST)) == 0;
      data->traits.estimate |= (bar->flags & REEL_CHART_MARK_ESTIMATE) != 0;
      data->traits.forecast |= (bar->flags & REEL_CHART_MARK_FORECAST) != 0;
      data->traits.partial |= (bar->flags & REEL_CHART_MARK_PARTIAL) != 0;
      data->traits.whisker |= bar->others->len > 0 && !(bar->flags & REEL_CHART_MARK_CAPPED);
    }
}

/* After the kind collected its figures: their order, the outlier's cap
 * unless @cut_outliers is FALSE (shares are parts of one whole: a large
 * one is the point), and their traits. */
void
reel_chart_data_finish (ReelChartData *data,
                        gboolean       cut_outliers)
{
  sort_bars (data, cut_outliers);
  note_series_traits (data);
  note_bar_traits (data);
}

void
reel_chart_years_add (GArray *years,
                      guint   year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      return;
  g_array_append_val (years, year);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint year_a = *(const guint *) a, year_b = *(const guint *) b;

  return year_a < year_b ? -1 : year_a > year_b;
}

void
reel_chart_years_sort (GArray *years)
{
  g_array_sort (years, compare_years);
}

/* Every year of the regions' revenue figures, unsorted. */
GArray *
reel_chart_list_revenue_years (ReelDataset *dataset)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *regions = reel_dataset_get_regions (dataset);

  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      for (guint j = 0; j < region->revenue->len; j++)
        reel_chart_years_add (years, g_array_index (region->revenue, ReelFigure, j).year);
    }

  return years;
}

/* The latest year with reported revenue, not a forecast; with only
 * forecasts, the latest of those; 0 without any. */
guint
reel_chart_get_revenue_year (ReelDataset *dataset)
{
  g_autoptr(GArray) years = NULL;
  guint year = reel_dataset_get_latest_revenue_year (dataset);

  if (year > 0)
    return year;

  years = reel_chart_list_revenue_years (dataset);
  reel_chart_years_sort (years);
  return years->len > 0 ? g_array_index (years, guint, years->len - 1) : 0;
}

/* Every year of the regions' revenue figures of version 2 that lie
 * within one year and are not forecasts, unsorted. */
GArray *
reel_chart_list_measure_years (ReelDataset *dataset)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *regions = reel_dataset_get_regions (dataset);

  for (guint i = 0; i < regions->len; i++)
    reel_chart_years_add_measures (years,
                                   ((const ReelRegion *) g_ptr_array_index (regions, i))->measures);

  return years;
}

/* Adds to @years those of @measures' (nullable) revenue figures that lie
 * within one year and are not forecasts. */
void
reel_chart_years_add_measures (GArray *years,
                               GArray *measures)
{
  for (guint j = 0; measures != NULL && j < measures->len; j++)
    {
      const ReelMeasure *measure = &g_array_index (measures, ReelMeasure, j);
      guint year = measure->period.first / 12;

      if ((measure->flags & REEL_FIGURE_FORECAST) == 0 &&
          is_shown_within (measure, REEL_METRIC_REVENUE, year))
        reel_chart_years_add (years, year);
    }
}

/* Whether the regions' revenue for @year is forecasts only: some
 * forecast, and no figure or measure of the year that is not one. The
 * year menu marks such years. */
gboolean
reel_chart_year_is_forecast (ReelDataset *dataset,
                             guint        year)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  gboolean has_forecast = FALSE;

  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      for (guint j = 0; j < region->revenue->len; j++)
        {
          const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, j);

          if (figure->year != year)
            continue;
          if ((figure->flags & REEL_FIGURE_FORECAST) == 0)
            return FALSE;
          has_forecast = TRUE;
        }

      for (guint j = 0; region->measures != NULL && j < region->measures->len; j++)
        {
          const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, j);

          if (!is_shown_within (measure, REEL_METRIC_REVENUE, year))
            continue;
          if ((measure->flags & REEL_FIGURE_FORECAST) == 0)
            return FALSE;
          has_forecast = TRUE;
        }
    }

  return has_forecast;
}
