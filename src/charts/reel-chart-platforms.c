/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Platforms: the apps ranked by their revenue for the year, a bar each in
 * a colour of its own (the palette's second set, never a region's first
 * eight), named with the company that owns it. The figures follow the
 * rule Revenue follows for regions: a whole-year figure, else the figure
 * of the series that covers the most apps, for its latest period, else
 * the app's figure nearest to it; each bar names its period. Apps have no
 * region, so their marks select none. */

/* Each platform's figures of version 2, for the series of a year. */
static GPtrArray *
list_measures (GPtrArray *platforms)
{
  GPtrArray *lists = g_ptr_array_sized_new (platforms->len);

  for (guint i = 0; i < platforms->len; i++)
    g_ptr_array_add (lists, ((const ReelPlatform *) g_ptr_array_index (platforms, i))->measures);
  return lists;
}

/* Whole-year figures' years, and those of figures for part of a year. */
static GArray *
list_years (ReelDataset *dataset)
{
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);

      for (guint j = 0; j < platform->revenue->len; j++)
        reel_chart_years_add (years, g_array_index (platform->revenue, ReelFigure, j).year);
      reel_chart_years_add_measures (years, platform->measures);
    }
  reel_chart_years_sort (years);
  return years;
}

/* The figure @platform shows for @year by the rule of collect(): its
 * whole-year @primary, else its figure of @series (nullable), else none. */
static const ReelMeasure *
pick_measure (const ReelPlatform           *platform,
              guint                         year,
              const ReelChartRevenueSeries *series,
              const ReelFigure            **primary)
{
  *primary = reel_dataset_get_primary_figure (platform->revenue, year);
  if (*primary != NULL || series == NULL)
    return NULL;
  return reel_chart_pick_measure_among (platform->measures, year, series, FALSE);
}

static guint
count_shown (ReelDataset *dataset,
             guint        year)
{
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);
  g_autoptr(GPtrArray) lists = list_measures (platforms);
  ReelChartRevenueSeries series;
  gboolean has_series = reel_chart_find_series_among (lists, year, &series);
  guint n_shown = 0;

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelFigure *primary;

      if (pick_measure (g_ptr_array_index (platforms, i), year,
                        has_series ? &series : NULL, &primary) != NULL || primary != NULL)
        n_shown++;
    }
  return n_shown;
}

/* The year that shows the most apps, the latest of those; 0 without any. */
static guint
get_default_year (ReelDataset *dataset)
{
  g_autoptr(GArray) years = list_years (dataset);
  guint best_year = 0, best_count = 0;

  for (guint i = years->len; i-- > 0;)
    {
      guint year = g_array_index (years, guint, i);
      guint count = count_shown (dataset, year);

      if (count > best_count)
        {
          best_year = year;
          best_count = count;
        }
    }
  return best_year;
}

/* "ReelShort · Crazy Maple Studio": the app and who owns it. The marks
 * outlive the chart's data and keep names as they are given: a dataset's
 * apps, a few dozen at most, live as long as the program. */
static const char *
get_bar_name (const ReelPlatform *platform)
{
  g_autofree char *name = NULL;

  if (platform->company == NULL)
    return reel_text_get (platform->name);

  name = g_strconcat (reel_text_get (platform->name),
                      reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS),
                      reel_text_get (platform->company), NULL);
  return g_intern_string (name);
}

static void
collect (ReelChartData *data)
{
  GPtrArray *platforms = reel_dataset_get_platforms (data->dataset);
  g_autoptr(GPtrArray) lists = list_measures (platforms);
  g_autofree ReelChartPeriods *periods = g_new0 (ReelChartPeriods, 1);
  gboolean has_series = reel_chart_find_series_among (lists, data->year, &periods->series);

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);
      const ReelFigure *primary;
      const ReelMeasure *measure = pick_measure (platform, data->year,
                                                 has_series ? &periods->series : NULL, &primary);
      ReelChartBar *bar;
      ReelPeriod whole_year;

      if (primary == NULL && measure == NULL)
        {
          g_ptr_array_add (data->missing, (gpointer) reel_text_get (platform->name));
          continue;
        }

      bar = reel_chart_data_add_platform_bar (data, i, get_bar_name (platform));
      if (primary != NULL)
        {
          reel_chart_bar_take_figures (data, bar, platform->revenue, primary, 1.0, TRUE);
          reel_period_init_year (&whole_year, data->year);
          reel_chart_periods_count (periods, &whole_year, FALSE);
        }
      else
        {
          reel_chart_bar_take_measures (data, bar, platform->measures, measure, 1.0, TRUE);
          reel_chart_periods_count (periods, &measure->period, TRUE);
        }
    }

  if (periods->n_bars > 0)
    {
      data->kind_data = g_steal_pointer (&periods);
      data->kind_data_free = g_free;
    }
}

static char *
dup_title (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("Platforms by revenue"));
  /* TRANSLATORS: the Platforms chart's title; %u is the year */
  return g_strdup_printf (_("Platforms by revenue, %u"), data->year);
}

/* ------------------------------------------------------------------ */
/* Shares of a total */

/* The world's total that a bar's figure is a part of: the same source's
 * figure for the same period on the same basis; the apps of one total,
 * and what they add up to. */
typedef struct {
  gconstpointer  total;        /* the world's ReelFigure or ReelMeasure */
  double         value;
  guint          source;
  ReelPeriod     period;
  double         sum;
  GPtrArray     *names;        /* of const char * */
} Total;

static void
total_clear (Total *total)
{
  g_clear_pointer (&total->names, g_ptr_array_unref);
}

/* The world's whole-year figure by the source and on the basis of
 * @figure, or NULL. */
static const ReelFigure *
find_world_figure (const ReelRegion *world,
                   const ReelFigure *figure)
{
  for (guint i = 0; i < world->revenue->len; i++)
    {
      const ReelFigure *total = &g_array_index (world->revenue, ReelFigure, i);

      if (total->year == figure->year && total->source == figure->source &&
          g_strcmp0 (total->basis, figure->basis) == 0)
        return total;
    }
  return NULL;
}

/* The world's figure for the period, by the source and on the basis of
 * @measure, or NULL; never for a derived one, which has no one source. */
static const ReelMeasure *
find_world_measure (const ReelRegion  *world,
                    const ReelMeasure *measure)
{
  for (guint i = 0; measure->derived == NULL && world->measures != NULL &&
                    i < world->measures->len; i++)
    {
      const ReelMeasure *total = &g_array_index (world->measures, ReelMeasure, i);

      if (total->metric == REEL_METRIC_REVENUE && total->derived == NULL &&
          total->country == NULL && total->source == measure->source &&
          g_strcmp0 (total->basis, measure->basis) == 0 &&
          reel_period_equal (&total->period, &measure->period))
        return total;
    }
  return NULL;
}

/* Finds @bar's total, or adds it; NULL when the world has none by the
 * bar's source. */
static Total *
get_total (const ReelChartData *data,
           const ReelChartBar  *bar,
           GArray              *totals)
{
  const ReelRegion *world = reel_dataset_get_global (data->dataset);
  Total found = { 0 };

  if (bar->figures->len > 0)
    {
      const ReelFigure *figure = g_ptr_array_index (bar->figures, 0);
      const ReelFigure *total = find_world_figure (world, figure);

      if (total == NULL)
        return NULL;
      found = (Total) { total, total->value, total->source };
      reel_period_init_year (&found.period, total->year);
    }
  else
    {
      const ReelMeasure *total = find_world_measure (world, g_ptr_array_index (bar->measures, 0));

      if (total == NULL)
        return NULL;
      found = (Total) { total, total->value, total->source, total->period };
    }

  for (guint i = 0; i < totals->len; i++)
    if (g_array_index (totals, Total, i).total == found.total)
      return &g_array_index (totals, Total, i);
  found.names = g_ptr_array_new ();
  g_array_append_val (totals, found);
  return &g_array_index (totals, Total, totals->len - 1);
}

/* "DramaWave: 8.8% of the total for October 2025 that DataEye gives on
 * the same basis, $194M.": a share only of the same source's total, never
 * of another's, whose reckoning differs. */
static void
add_share_notes (const ReelChartData *data,
                 GPtrArray           *notes)
{
  g_autoptr(GArray) totals = reel_chart_array_new (sizeof (Total), (GDestroyNotify) total_clear);

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      Total *total = get_total (data, bar, totals);

      if (total == NULL)
        continue;
      total->sum += bar->value;
      g_ptr_array_add (total->names, (gpointer) reel_text_get (((const ReelPlatform *)
        g_ptr_array_index (reel_dataset_get_platforms (data->dataset), bar->platform))->name));
    }

  for (guint i = 0; i < totals->len; i++)
    {
      const Total *total = &g_array_index (totals, Total, i);
      g_autofree char *names = reel_text_join (total->names, REEL_TEXT_SEPARATOR_NAMES);
      g_autofree char *share = reel_format_share (total->sum / total->value, NULL);
      g_autofree char *period = reel_text_dup_period (&total->period, TRUE);
      g_autofree char *value = reel_format_money_compact (total->value, data->currency, NULL);

      if (total->value <= 0)
        continue;
      /* TRANSLATORS: a note under Platforms: "DramaWave: 8.8% of the total for October 2025
       * that DataEye gives on the same basis, $194M."; the apps, their share, the period, the
       * source, the total */
      g_ptr_array_add (notes, g_strdup_printf (_("%s: %s of the total for %s that %s gives on the "
                                                 "same basis, %s."),
                                               names, share, period,
                                               reel_text_get_source_name (data->dataset,
                                                                          total->source),
                                               value));
    }
}

/* The rule of collect(), when a bar follows it, and the shares. */
static void
add_notes_after (const ReelChartData *data,
                 GPtrArray           *notes)
{
  for (guint i = 0; i < data->bars->len; i++)
    if (g_array_index (data->bars, ReelChartBar, i).measures->len > 0)
      {
        g_ptr_array_add (notes,
                         g_strdup_printf (_("An app without a figure for all of %u shows the "
                                            "latest period of the series that covers the most "
                                            "apps, or else its figure nearest to that period."),
                                          data->year));
        break;
      }
  add_share_notes (data, notes);
}

static char *
dup_empty_message (guint year)
{
  if (year == 0)
    return g_strdup (_("No platform revenue figures in this dataset"));
  return g_strdup_printf (_("No platform revenue figures for %u"), year);
}

const ReelChartKindClass reel_chart_platforms_class = {
  .plot = &reel_chart_bars_class,
  .cut_outliers = TRUE,
  .missing_line = TRUE,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = reel_chart_money_format_value,
  .dup_title = dup_title,
  .add_subtitle = reel_chart_revenue_add_subtitle,
  .add_notes_after = add_notes_after,
  .dup_missing_note = reel_chart_revenue_dup_missing_line,
  .dup_empty_message = dup_empty_message,
  .describe_bar = reel_chart_revenue_describe_bar,
};
