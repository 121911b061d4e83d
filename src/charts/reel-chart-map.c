/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-map"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Map: the regions of the dataset as a choropleth of their countries
 * (reel-chart-choropleth.c). What a region's colour says is what its bar
 * says in the chart of the map's metric: the same figures by the same
 * rule, the same title, notes and tooltips, so that the two views never
 * disagree. A country with a whole-year figure of its own for revenue is
 * coloured by it. Downloads, which have no bar chart, are collected here. */

/* ------------------------------------------------------------------ */
/* Downloads */

/* A region's downloads in @year: its figure for the longest period inside
 * the year, the latest of those; the region's own before a country's. */
static const ReelMeasure *
pick_downloads (const ReelRegion *region,
                guint             year)
{
  const ReelMeasure *best = NULL;

  for (guint i = 0; region->measures != NULL && i < region->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);
      guint length = measure->period.last - measure->period.first;

      if (measure->metric != REEL_METRIC_DOWNLOADS ||
          measure->period.first / 12 != year || measure->period.last / 12 != year)
        continue;
      if (best == NULL ||
          (best->country != NULL && measure->country == NULL) ||
          ((best->country == NULL) == (measure->country == NULL) &&
           (length > best->period.last - best->period.first ||
            (length == best->period.last - best->period.first &&
             measure->period.last > best->period.last))))
        best = measure;
    }
  return best;
}

static void
collect_downloads (ReelChartData *data)
{
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelMeasure *measure = pick_downloads (region, data->year);

      if (measure != NULL)
        reel_chart_data_add_measure_bar (data, (int) i, measure, 1.0, FALSE)->metric = "downloads";
      else
        g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
    }
}

/* A count on the chart: "12M" (Map's and Platforms' downloads, users). */
char *
reel_chart_count_format_value (const ReelChartData *data,
                               double               value,
                               ReelQualifier        qualifier)
{
  return reel_chart_take_qualified (qualifier, reel_format_number_compact (value, NULL));
}

static char *
downloads_dup_title (const ReelChartData *data)
{
  return g_strdup_printf (_("Downloads by region, %u"), data->year);
}

static void
downloads_add_subtitle (const ReelChartData *data,
                        GPtrArray           *parts)
{
  g_ptr_array_add (parts, g_strdup (_("App downloads in the longest period of the year each "
                                      "region has a figure for")));
}

static char *
downloads_dup_missing_note (const ReelChartData *data,
                            const char          *names)
{
  return g_strdup_printf (_("No downloads figure for %u: %s."), data->year, names);
}

/* "12 million downloads" */
void
reel_chart_downloads_describe_bar (const ReelChartData *data,
                                   const ReelChartBar  *bar,
                                   ReelChartBarWords   *words)
{
  g_autofree char *number = reel_format_number_compact (bar->value, NULL);
  g_autofree char *downloads = g_strdup_printf (_("%s downloads"), number);

  words->value = reel_text_dup_qualified_words (bar->qualifier, downloads);
}

static const ReelChartKindClass downloads_words = {
  .collect = collect_downloads,
  .format_value = reel_chart_count_format_value,
  .dup_title = downloads_dup_title,
  .add_subtitle = downloads_add_subtitle,
  .dup_missing_note = downloads_dup_missing_note,
  .describe_bar = reel_chart_downloads_describe_bar,
};

/* ------------------------------------------------------------------ */
/* The metric's kind */

static const ReelChartKindClass *
get_words (const ReelChartData *data)
{
  switch (data->metric)
    {
    case REEL_CHART_METRIC_SHARE:
      return &reel_chart_share_class;
    case REEL_CHART_METRIC_GROWTH:
      return &reel_chart_growth_class;
    case REEL_CHART_METRIC_DOWNLOADS:
      return &downloads_words;
    case REEL_CHART_METRIC_REVENUE:
    default:
      return &reel_chart_revenue_class;
    }
}

/* Growth by metric, revenue first: a region shows one change, its
 * revenue's when it has one. */
static int
growth_rank (const ReelChartBar *bar)
{
  if (bar->flags & REEL_CHART_MARK_COMPUTED)
    return 0;
  return g_strcmp0 (bar->metric, "revenue") == 0 ? 1 : 2;
}

/* One colour a place: the world's bars and Share's "Rest of world" have
 * no place on the map, and of a region's growth bars the best ranked
 * stays. */
static void
keep_one_bar_per_place (ReelChartData *data)
{
  for (guint i = data->bars->len; i-- > 0;)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      gboolean outranked = FALSE;

      for (guint j = 0; j < data->bars->len && bar->region >= 0 && !outranked; j++)
        {
          const ReelChartBar *other = &g_array_index (data->bars, ReelChartBar, j);
          int rank = growth_rank (bar), other_rank = growth_rank (other);

          outranked = j != i && other->region == bar->region &&
                      (other_rank < rank || (other_rank == rank && j < i));
        }
      if (bar->region < 0 || outranked)
        g_array_remove_index (data->bars, i);
    }
}

static gboolean
is_shown (const ReelChartData *data,
          const char          *country)
{
  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      if (bar->measures->len > 0 &&
          g_strcmp0 (((const ReelMeasure *) g_ptr_array_index (bar->measures, 0))->country,
                     country) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Revenue of a country for the whole year, its primary figure: the
 * country is coloured by it rather than by its region's. */
static void
collect_countries (ReelChartData *data)
{
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);

      for (guint m = 0; region->measures != NULL && m < region->measures->len; m++)
        {
          const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, m);

          if (measure->country == NULL || measure->metric != REEL_METRIC_REVENUE ||
              !(measure->flags & REEL_FIGURE_PRIMARY) ||
              !reel_period_is_whole_year (&measure->period) ||
              reel_period_get_year (&measure->period) != data->year ||
              is_shown (data, measure->country))
            continue;
          reel_chart_data_add_measure_bar (data, (int) i, measure, 1.0, TRUE);
        }
    }
}

static void
collect (ReelChartData *data)
{
  get_words (data)->collect (data);
  keep_one_bar_per_place (data);
  if (data->metric == REEL_CHART_METRIC_REVENUE)
    collect_countries (data);
}

static char *
format_value (const ReelChartData *data,
              double               value,
              ReelQualifier        qualifier)
{
  return get_words (data)->format_value (data, value, qualifier);
}

static char *
dup_title (const ReelChartData *data)
{
  return get_words (data)->dup_title (data);
}

/* The metric's subtitle, less the range lines a map does not draw. */
static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  ReelChartData without_ranges = *data;

  without_ranges.traits.whisker = FALSE;
  get_words (data)->add_subtitle (&without_ranges, parts);
}

static void
add_notes_before (const ReelChartData *data,
                  GPtrArray           *notes)
{
  if (get_words (data)->add_notes_before != NULL)
    get_words (data)->add_notes_before (data, notes);
}

/* The metric's notes, then where the map comes from. */
static void
add_notes_after (const ReelChartData *data,
                 GPtrArray           *notes)
{
  if (get_words (data)->add_notes_after != NULL)
    get_words (data)->add_notes_after (data, notes);
  g_ptr_array_add (notes, g_strdup (_("Map: Natural Earth (public domain), Equal Earth projection.")));
}

static char *
dup_missing_note (const ReelChartData *data,
                  const char          *names)
{
  return get_words (data)->dup_missing_note (data, names);
}

static void
describe_bar (const ReelChartData *data,
              const ReelChartBar  *bar,
              ReelChartBarWords   *words)
{
  get_words (data)->describe_bar (data, bar, words);
}

/* The years and the default year of Revenue, whatever the metric: the
 * period control keeps its place when the metric changes. */
static GArray *
list_years (ReelDataset *dataset)
{
  return reel_chart_revenue_class.list_years (dataset);
}

static guint
get_default_year (ReelDataset *dataset)
{
  return reel_chart_revenue_class.get_default_year (dataset);
}

const ReelChartKindClass reel_chart_map_class = {
  .plot = &reel_chart_choropleth_class,
  .metrics = 1u << REEL_CHART_METRIC_SHARE | 1u << REEL_CHART_METRIC_DOWNLOADS |
             1u << REEL_CHART_METRIC_GROWTH,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .add_notes_before = add_notes_before,
  .add_notes_after = add_notes_after,
  .dup_missing_note = dup_missing_note,
  .dup_empty_message = reel_chart_revenue_dup_empty_message,
  .describe_bar = describe_bar,
};
