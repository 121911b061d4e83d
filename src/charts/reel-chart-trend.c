/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-trend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Trend: one line per region through its primary figures of every year,
 * and the world's in the world's ink, the other sources' figures as
 * ranges at the points (DESIGN §2). */

static GArray *
list_years (ReelDataset *dataset)
{
  return g_array_new (FALSE, FALSE, sizeof (guint));
}

static guint
get_default_year (ReelDataset *dataset)
{
  return 0;
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const ReelChartPoint *point_a = a, *point_b = b;

  return point_a->time < point_b->time ? -1 : point_a->time > point_b->time;
}

static void
point_clear (ReelChartPoint *point)
{
  g_clear_pointer (&point->figures, g_ptr_array_unref);
}

/* A month's revenue of the whole region: a country's (the United
 * States' in North America) would read as the region's on its line. */
static gboolean
is_month (const ReelMeasure *measure)
{
  return measure->metric == REEL_METRIC_REVENUE && measure->period.kind == REEL_PERIOD_MONTH &&
         measure->derived == NULL && measure->country == NULL;
}

static gboolean
is_same_series (const ReelMeasure *measure,
                const ReelMeasure *other)
{
  return measure->source == other->source && g_strcmp0 (measure->basis, other->basis) == 0;
}

/* A point of @figure, a primary one, with the range of every source's
 * figure for its year. */
static ReelChartPoint
make_point (ReelChartData    *data,
            GArray           *revenue,
            const ReelFigure *figure)
{
  ReelChartPoint point = {
    .year = figure->year,
    .time = figure->year,
    .value = figure->value,
    .qualifier = figure->qualifier,
    .source = figure->source,
    .primary = figure,
    .figures = reel_chart_collect_figures (revenue, figure->year, figure),
    .flags = reel_chart_figure_mark_flags (figure),
    .low = NAN,
    .high = NAN,
  };

  for (guint k = 0; k < point.figures->len; k++)
    {
      const ReelFigure *other = g_ptr_array_index (point.figures, k);

      reel_chart_data_use_source (data, other->source);
      if (point.figures->len > 1)
        {
          point.low = isnan (point.low) ? other->value : MIN (point.low, other->value);
          point.high = isnan (point.high) ? other->value : MAX (point.high, other->value);
        }
    }

  return point;
}

/* Of @region's monthly revenue figures, the series of one source and
 * basis with the most months (the world's: DataEye's); returns how many
 * months it has, 0 for none. */
static guint
find_month_series (const ReelRegion   *region,
                   const ReelMeasure **best)
{
  guint best_count = 0;

  for (guint i = 0; i < region->measures->len; i++)
    {
      const ReelMeasure *candidate = &g_array_index (region->measures, ReelMeasure, i);
      guint count = 0;

      if (!is_month (candidate))
        continue;
      for (guint j = 0; j < region->measures->len; j++)
        count += is_month (&g_array_index (region->measures, ReelMeasure, j)) &&
                 is_same_series (&g_array_index (region->measures, ReelMeasure, j), candidate);
      if (count > best_count)
        {
          *best = candidate;
          best_count = count;
        }
    }

  return best_count;
}

/* The line of a region's (the world's, for -1) monthly revenue of one
 * source and basis: a line of months rather than one point a year.
 * Returns FALSE when it has no month. */
static gboolean
add_month_line (ReelChartData    *data,
                const ReelRegion *region,
                int               index)
{
  const ReelMeasure *best = NULL;
  ReelChartSeries series = {
    .region = index,
    .region_id = region->id,
    .name = reel_text_get_region_name (region),
    .palette = index >= 0 ? (guint) index : 0,
  };

  if (find_month_series (region, &best) == 0)
    return FALSE;

  series.points = reel_chart_array_new (sizeof (ReelChartPoint), (GDestroyNotify) point_clear);
  for (guint i = 0; i < region->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);
      guint month = measure->period.first;
      ReelChartPoint point = {
        .year = month / 12,
        .time = month / 12 + (month % 12 + 0.5) / 12,
        .value = measure->value,
        .qualifier = measure->qualifier,
        .source = measure->source,
        .measure = measure,
        .low = NAN,
        .high = NAN,
      };

      if (!is_month (measure) || !is_same_series (measure, best))
        continue;
      if (measure->flags & REEL_FIGURE_ESTIMATE)
        point.flags |= REEL_CHART_MARK_ESTIMATE;
      point.figures = g_ptr_array_new ();
      reel_chart_data_use_source (data, measure->source);
      g_array_append_val (series.points, point);
    }
  g_array_sort (series.points, compare_points);
  g_array_append_val (data->series, series);
  return TRUE;
}

/* Whether the lines are months (add_month_line ()), whose points are
 * measures, not yearly figures. */
static gboolean
draws_months (const ReelChartData *data)
{
  const ReelChartSeries *first;

  if (data->series->len == 0)
    return FALSE;
  first = &g_array_index (data->series, ReelChartSeries, 0);
  return g_array_index (first->points, ReelChartPoint, 0).measure != NULL;
}

/* Whether the world's @figure is one region's own, summed from records
 * of that region alone: a point of the world's line on top of the
 * region's, which says nothing more and hides it. */
static gboolean
repeats_a_region (const ReelChartData *data,
                  const ReelFigure    *figure)
{
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, figure->year);

      if (primary != NULL && primary->source == figure->source && primary->value == figure->value)
        return TRUE;
    }

  return FALSE;
}

/* The line of a region's (the world's, for -1) primary figures; FALSE
 * when it has none. */
static gboolean
add_yearly_line (ReelChartData    *data,
                 const ReelRegion *region,
                 int               index)
{
  ReelChartSeries series = {
    .region = index,
    .region_id = region->id,
    .name = reel_text_get_region_name (region),
    .palette = index >= 0 ? (guint) index : 0,
    .points = reel_chart_array_new (sizeof (ReelChartPoint), (GDestroyNotify) point_clear),
  };

  for (guint j = 0; j < region->revenue->len; j++)
    {
      const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, j);
      ReelChartPoint point;

      if ((figure->flags & REEL_FIGURE_PRIMARY) == 0 || (index < 0 && repeats_a_region (data, figure)))
        continue;
      point = make_point (data, region->revenue, figure);
      g_array_append_val (series.points, point);
    }

  if (series.points->len == 0)
    {
      g_array_unref (series.points);
      return FALSE;
    }

  g_array_sort (series.points, compare_points);
  g_array_append_val (data->series, series);
  return TRUE;
}

/* At least three months of the world's make a line worth drawing by
 * month. */
#define MIN_WORLD_MONTHS 3

static gboolean
world_has_months (const ReelChartData *data)
{
  const ReelMeasure *best = NULL;

  return find_month_series (reel_dataset_get_global (data->dataset), &best) >= MIN_WORLD_MONTHS;
}

/* By month, the regions' yearly figures stay out: on an axis of months a
 * year's revenue would read as one month's; so the world's months alone,
 * or in a comparison the selected regions' months beside them. By year,
 * every region's line, or in a comparison the selected ones'. The
 * world's line comes last, drawn over the regions', when any region has
 * one. */
static void
collect (ReelChartData *data)
{
  gboolean compares = reel_chart_data_compares (data);
  gboolean by_month = world_has_months (data);

  for (guint i = 0; (compares || !by_month) && i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      gboolean drawn;

      if (compares && !reel_chart_data_is_selected (data, region->id))
        continue;
      drawn = by_month ? add_month_line (data, region, (int) i)
                       : add_yearly_line (data, region, (int) i);
      if (!drawn)
        g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
    }
  if (by_month)
    add_month_line (data, reel_dataset_get_global (data->dataset), -1);
  else if (data->series->len > 0)
    add_yearly_line (data, reel_dataset_get_global (data->dataset), -1);
}

static char *
dup_title (const ReelChartData *data)
{
  guint first, last;

  reel_chart_data_get_year_span (data, &first, &last);
  /* One name for the view, Trend, in the switcher, the title and the table */
  if (last == 0)
    /* TRANSLATORS: the title of Trend and of its table */
    return g_strdup (_("Revenue trend by region"));
  if (draws_months (data) && reel_chart_data_compares (data) && first == last)
    /* TRANSLATORS: the title of Trend comparing regions by month, "Revenue by month, 2025" */
    return g_strdup_printf (_("Revenue by month, %u"), first);
  if (draws_months (data) && reel_chart_data_compares (data))
    /* TRANSLATORS: the title of Trend comparing regions by month,
     * "Revenue by month, 2024–2025" */
    return g_strdup_printf (_("Revenue by month, %u–%u"), first, last);
  if (draws_months (data) && first == last)
    /* TRANSLATORS: the title of Trend when it draws the world's months, "World revenue by month, 2025" */
    return g_strdup_printf (_("World revenue by month, %u"), first);
  if (draws_months (data))
    /* TRANSLATORS: the title of Trend when it draws the world's months, "World revenue by month, 2024–2025" */
    return g_strdup_printf (_("World revenue by month, %u–%u"), first, last);
  if (first == last)
    /* TRANSLATORS: the title of Trend with one year, "Revenue trend by region, 2025" */
    return g_strdup_printf (_("Revenue trend by region, %u"), first);
  /* TRANSLATORS: the title of Trend, "Revenue trend by region, 2022–2025" */
  return g_strdup_printf (_("Revenue trend by region, %u–%u"), first, last);
}

static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  if (reel_chart_data_compares (data))
    g_ptr_array_add (parts, reel_chart_data_dup_comparison (data));
  g_ptr_array_add (parts, g_strdup_printf (_("Revenue in %s"), data->currency));
  if (data->traits.dashed)
    g_ptr_array_add (parts, g_strdup (_("dashed: estimate, forecast or partial year")));
  if (data->traits.dotted)
    g_ptr_array_add (parts, g_strdup (_("dotted: the primary source changes")));
}

static void
add_notes_after (const ReelChartData *data,
                 GPtrArray           *notes)
{
  guint first, last;

  if (data->series->len == 0)
    return;

  if (draws_months (data) && reel_chart_data_compares (data))
    {
      g_ptr_array_add (notes, g_strdup (_("By month: the regions' yearly figures are left out, "
                                          "as a year's revenue beside a month's would read as "
                                          "one month's.")));
      return;
    }
  if (draws_months (data))
    {
      g_ptr_array_add (notes, g_strdup (_("By month, for the world: the regions' yearly figures "
                                          "are left out, as a year's revenue beside a month's "
                                          "would read as one month's.")));
      return;
    }

  reel_chart_data_get_year_span (data, &first, &last);
  if (first == last)
    g_ptr_array_add (notes, g_strdup_printf (_("Only %u has revenue figures: there is no trend "
                                               "to show yet."), first));
}

static char *
dup_missing_note (const ReelChartData *data,
                  const char          *names)
{
  if (draws_months (data))
    /* TRANSLATORS: Trend by month, of the compared regions without a month's figure */
    return g_strdup_printf (_("No monthly revenue figures: %s."), names);
  return g_strdup_printf (_("No revenue figures: %s."), names);
}

static char *
dup_empty_message (const ReelChartData *data)
{
  return g_strdup (_("No revenue figures in this dataset"));
}

static void
describe_point (const ReelChartData   *data,
                const ReelChartSeries *series,
                const ReelChartPoint  *point,
                ReelChartMark         *mark)
{
  g_autofree char *money = reel_format_money_long (point->value, data->currency, NULL);
  g_autofree char *value = reel_text_dup_qualified_words (point->qualifier, money);
  GString *tooltip = g_string_new (NULL);
  g_autofree char *period = NULL;

  if (point->measure != NULL)
    {
      g_autofree char *line = reel_text_dup_measure_line (data->dataset, point->measure);

      period = reel_text_dup_period (&point->measure->period, FALSE);
      g_string_append_printf (tooltip, "%s · %s\n%s", series->name, period, line);
    }
  else
    {
      g_string_append_printf (tooltip, "%s · %u", series->name, point->year);
    }
  reel_chart_append_figure_lines (tooltip, data->dataset, point->figures, FALSE);
  mark->tooltip = g_string_free (tooltip, FALSE);
  reel_chart_mark_set_label (mark, data->dataset, period, value,
                             point->source, MAX (point->figures->len, 1));
}

const ReelChartKindClass reel_chart_trend_class = {
  .plot = &reel_chart_lines_class,
  .every_year = TRUE,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = reel_chart_money_format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .add_notes_after = add_notes_after,
  .dup_missing_note = dup_missing_note,
  .dup_empty_message = dup_empty_message,
  .describe_point = describe_point,
};
