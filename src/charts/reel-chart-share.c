/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-share"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Share: the parts of the world's total for the year, one strip of a
 * segment per region and "Rest of world" when the regions add up to less
 * (DESIGN §2), and a note on what the total covers. */

/* What the shares are of. */
typedef struct {
  const ReelFigure *total;     /* the world's figure; NULL without one */
  const ReelMeasure *period_total; /* or the world's figure of the default series' period */
  ReelChartRevenueSeries series;
  gboolean          of_sum;    /* no world figure: shares of what the regions add up to */
  gboolean          over;      /* the regions add up to more than the world */
} Whole;

static const Whole *
get_whole (const ReelChartData *data)
{
  return data->kind_data;
}

/* The regions' primary figures added up; the names without one go to the
 * missing. */
static double
sum_regions (ReelChartData *data)
{
  double sum = 0;

  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, data->year);

      if (primary == NULL)
        g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
      else
        sum += primary->value;
    }

  return sum;
}

/* A rest below a thousandth of the total would be a bar nobody sees and a
 * label that rounds to 0%. */
static void
add_rest (ReelChartData *data,
          Whole         *whole,
          double         sum)
{
  double denominator = whole->total->value;
  ReelChartBar *rest;

  if (sum > denominator * 1.001)
    whole->over = TRUE;
  if (sum >= denominator * 0.999)
    return;

  rest = reel_chart_data_add_bar (data, -1, _("Rest of world"));
  rest->flags = REEL_CHART_MARK_REST | reel_chart_figure_mark_flags (whole->total);
  rest->flags &= ~REEL_CHART_MARK_PARTIAL;
  rest->value = 1.0 - sum / denominator;
  rest->n_sources = 1;
  g_ptr_array_add (rest->figures, (gpointer) whole->total);
}

/* The share of revenue that the total's own source published for
 * @region and the total's period ("US 41% of October's revenue"), or NULL:
 * where there is one, the chart shows it rather than the region's revenue
 * divided by the total, whose figure may be a bound ("over $43M") or come
 * from another reading. */
static const ReelMeasure *
find_published_share (const ReelRegion  *region,
                      const ReelMeasure *total)
{
  for (guint i = 0; region->measures != NULL && i < region->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);

      if (measure->metric == REEL_METRIC_REVENUE_SHARE && measure->derived == NULL &&
          measure->source == total->source && reel_period_equal (&measure->period, &total->period))
        return measure;
    }

  return NULL;
}

/* Shares for one period of the default series: of its world total for
 * that period, each region's figure of the same series and period, so
 * that every share has one source, basis and period (a month of one
 * region against another's year would say nothing). Used when it shows
 * more regions than the whole-year figures; returns whether it did. */
static gboolean
collect_period (ReelChartData *data,
                Whole         *whole,
                guint          n_yearly)
{
  const ReelRegion *world = reel_dataset_get_global (data->dataset);
  g_autofree const ReelMeasure **shown = g_new0 (const ReelMeasure *, data->regions->len);
  guint n_shown = 0;
  double sum = 0;
  ReelChartBar *rest;

  if (!reel_chart_find_revenue_series (data->dataset, data->year, &whole->series))
    return FALSE;
  whole->period_total = reel_chart_pick_revenue_measure (world, data->year, &whole->series, TRUE);
  if (whole->period_total == NULL || whole->period_total->value <= 0)
    return FALSE;

  for (guint i = 0; i < data->regions->len; i++)
    {
      shown[i] = reel_chart_pick_revenue_measure (g_ptr_array_index (data->regions, i), data->year,
                                                  &whole->series, TRUE);
      n_shown += shown[i] != NULL;
    }
  if (n_shown <= n_yearly)
    return FALSE;

  g_ptr_array_set_size (data->missing, 0);
  for (guint i = 0; i < data->regions->len; i++)
    if (shown[i] == NULL)
      {
        g_ptr_array_add (data->missing,
                         (gpointer) reel_text_get_region_name (g_ptr_array_index (data->regions, i)));
      }
    else
      {
        const ReelRegion *region = g_ptr_array_index (data->regions, i);
        const ReelMeasure *share = find_published_share (region, whole->period_total);

        if (share != NULL)
          {
            reel_chart_data_add_measure_bar (data, (int) i, share, 1.0, FALSE);
            sum += share->value * whole->period_total->value;
          }
        else
          {
            reel_chart_data_add_measure_bar (data, (int) i, shown[i],
                                             1.0 / whole->period_total->value, FALSE);
            sum += shown[i]->value;
          }
      }

  whole->over = sum > whole->period_total->value * 1.001;
  if (sum >= whole->period_total->value * 0.999)
    return TRUE;

  rest = reel_chart_data_add_bar (data, -1, _("Rest of world"));
  rest->flags = REEL_CHART_MARK_REST;
  if ((whole->period_total->flags & REEL_FIGURE_ESTIMATE) != 0 || whole->period_total->derived != NULL)
    rest->flags |= REEL_CHART_MARK_ESTIMATE;
  rest->value = 1.0 - sum / whole->period_total->value;
  rest->n_sources = 1;
  g_ptr_array_add (rest->measures, (gpointer) whole->period_total);
  reel_chart_data_use_source (data, whole->period_total->source);
  return TRUE;
}

/* A region's figure for @year by @source, not a forecast, or NULL. */
static const ReelFigure *
find_source_figure (GArray *figures,
                    guint   year,
                    guint   source)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      if (figure->year == year && figure->source == source &&
          (figure->flags & REEL_FIGURE_FORECAST) == 0)
        return figure;
    }
  return NULL;
}

static void
collect (ReelChartData *data)
{
  const ReelRegion *world = reel_dataset_get_global (data->dataset);
  const ReelFigure *total = reel_dataset_get_primary_figure (world->revenue, data->year);
  Whole *whole = g_new0 (Whole, 1);
  double sum = sum_regions (data), denominator;

  data->kind_data = whole;
  data->kind_data_free = g_free;

  if (collect_period (data, whole, data->regions->len - data->missing->len))
    return;
  if (total != NULL && total->value > 0)
    {
      denominator = total->value;
      whole->total = total;
      reel_chart_data_use_source (data, total->source);
    }
  else
    {
      /* Without a world figure the shares are of what the regions add up
       * to, and the subtitle says so. */
      denominator = sum;
      whole->of_sum = TRUE;
    }

  if (denominator <= 0)
    return;

  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, data->year);

      const ReelFigure *shown = primary;

      if (primary == NULL)
        continue;
      /* A share is of one source's total: the region's figure by that
       * source, not its primary by another, which measures something else
       * (in-app against all revenue) and would read as a share it is not. */
      if (whole->total != NULL && primary->source != whole->total->source)
        {
          shown = find_source_figure (region->revenue, data->year, whole->total->source);
          if (shown == NULL)
            {
              g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
              sum -= primary->value;
              continue;
            }
          sum += shown->value - primary->value;
        }
      /* No range lines: the other sources' figures often have another
       * basis than the world total (all revenue against in-app), and a
       * share of 205% says nothing. The count and the tooltip keep them. */
      reel_chart_data_add_figures_bar (data, (int) i, region->revenue, shown, 1.0 / denominator,
                                       FALSE);
    }

  if (whole->total != NULL && data->bars->len > 0)
    add_rest (data, whole, sum);
}

/* Whether @year has a share to show: a region's figure by the source of
 * the world's total, or, without a world total, any region's figure. */
static gboolean
has_shares (ReelDataset *dataset,
            guint        year)
{
  const ReelRegion *world = reel_dataset_get_global (dataset);
  const ReelFigure *total = reel_dataset_get_primary_figure (world->revenue, year);
  GPtrArray *regions = reel_dataset_get_regions (dataset);

  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      if (total == NULL ? reel_dataset_get_primary_figure (region->revenue, year) != NULL
                        : find_source_figure (region->revenue, year, total->source) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whole-year figures' years with shares to show, and those whose default
 * series has a world total for its period. */
static GArray *
list_years (ReelDataset *dataset)
{
  GArray *years = reel_chart_revenue_list_years (dataset);
  g_autoptr(GArray) measure_years = reel_chart_list_measure_years (dataset);
  const ReelRegion *world = reel_dataset_get_global (dataset);

  for (guint i = years->len; i-- > 0;)
    if (!has_shares (dataset, g_array_index (years, guint, i)))
      g_array_remove_index (years, i);

  for (guint i = 0; i < measure_years->len; i++)
    {
      guint year = g_array_index (measure_years, guint, i);
      ReelChartRevenueSeries series;

      if (reel_chart_find_revenue_series (dataset, year, &series) &&
          reel_chart_pick_revenue_measure (world, year, &series, TRUE) != NULL)
        reel_chart_years_add (years, year);
    }
  reel_chart_years_sort (years);
  return years;
}

static char *
format_value (const ReelChartData *data,
              double               value,
              ReelQualifier        qualifier)
{
  return reel_chart_take_qualified (qualifier, reel_format_share (value, NULL));
}

static char *
dup_title (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("Share of world revenue"));
  return g_strdup_printf (_("Share of world revenue, %u"), data->year);
}

static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  const Whole *whole = get_whole (data);

  if (whole->period_total != NULL)
    {
      g_autofree char *total = reel_chart_money_format_value (data, whole->period_total->value,
                                                              whole->period_total->qualifier);
      g_autofree char *period = reel_text_dup_period (&whole->period_total->period, TRUE);
      const char *name = whole->series.source == G_MAXUINT
                           ? whole->series.basis
                           : reel_text_get_source_name (data->dataset, whole->series.source);
      g_autofree char *series = g_strconcat (name,
                                             reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS),
                                             period, NULL);

      g_ptr_array_add (parts,
                       g_strdup_printf (_("Percent of the world total of %s (%s)"), total, series));
    }
  else if (whole->total != NULL)
    {
      g_autofree char *total = reel_chart_money_format_value (data, whole->total->value,
                                                              whole->total->qualifier);
      const char *basis = whole->total->basis != NULL
                          ? whole->total->basis
                          : reel_text_get_source_name (data->dataset, whole->total->source);

      /* TRANSLATORS: the subtitle of Share: "Percent of the world total of $1.4B
       * (all revenue outside China)" */
      g_ptr_array_add (parts,
                       g_strdup_printf (_("Percent of the world total of %s (%s)"), total, basis));
    }
  else if (data->year > 0)
    {
      g_ptr_array_add (parts, g_strdup_printf (_("Percent of what the regions shown add up to: "
                                                 "no world figure for %u"), data->year));
    }
  if (data->traits.whisker)
    g_ptr_array_add (parts, g_strdup (_("line: range of other sources")));
}

/* What the total covers: "$1.4B, all revenue outside China, 2024;
 * source: Campaign Asia"; NULL for shares of the regions' sum. */
static char *
dup_total_note (const ReelChartData *data)
{
  const Whole *whole = get_whole (data);
  g_autofree char *value = NULL;
  g_autofree char *period = NULL;
  const char *basis;
  guint source;

  if (whole->period_total != NULL)
    {
      value = reel_chart_money_format_value (data, whole->period_total->value,
                                             whole->period_total->qualifier);
      period = reel_text_dup_period (&whole->period_total->period, TRUE);
      basis = whole->period_total->basis;
      source = whole->period_total->source;
    }
  else if (whole->total != NULL)
    {
      value = reel_chart_money_format_value (data, whole->total->value, whole->total->qualifier);
      period = g_strdup_printf ("%u", whole->total->year);
      basis = whole->total->basis;
      source = whole->total->source;
    }
  else
    {
      return NULL;
    }

  if (basis != NULL)
    /* TRANSLATORS: a note under Share: "What the total covers: $1.4B, all revenue outside China,
     * 2024; source: Campaign Asia." */
    return g_strdup_printf (_("What the total covers: %s, %s, %s; source: %s."), value, basis,
                            period, reel_text_get_source_name (data->dataset, source));
  /* TRANSLATORS: a note under Share: "What the total covers: $1.4B, 2024; source: Campaign Asia." */
  return g_strdup_printf (_("What the total covers: %s, %s; source: %s."), value, period,
                          reel_text_get_source_name (data->dataset, source));
}

/* How the segments relate to the world's total, and what it covers. */
static void
add_notes_before (const ReelChartData *data,
                  GPtrArray           *notes)
{
  const ReelChartBar *last;
  char *total;

  if (data->bars->len == 0)
    return;

  total = dup_total_note (data);
  if (total != NULL)
    g_ptr_array_add (notes, total);
  last = &g_array_index (data->bars, ReelChartBar, data->bars->len - 1);
  if (last->flags & REEL_CHART_MARK_REST)
    g_ptr_array_add (notes,
                     g_strdup (_("Rest of world is the world total minus the regions shown.")));
  if (get_whole (data)->over)
    g_ptr_array_add (notes, g_strdup (_("The regions add up to more than the world total: "
                                        "their sources differ.")));
}

/* Regions without a figure, and those whose figure is not the total's
 * source's: neither has a share of this total. */
static char *
dup_missing_note (const ReelChartData *data,
                  const char          *names)
{
  /* TRANSLATORS: a note under Share: "No share of the world total for 2024: Europe, South Asia." */
  return g_strdup_printf (_("No share of the world total for %u: %s."), data->year, names);
}

/* The year the Revenue chart opens on, where shares are published for it;
 * else the latest with shares. */
static guint
get_default_year (ReelDataset *dataset)
{
  g_autoptr(GArray) years = list_years (dataset);
  guint revenue_year = reel_chart_revenue_class.get_default_year (dataset);

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == revenue_year)
      return revenue_year;
  return years->len > 0 ? g_array_index (years, guint, years->len - 1) : 0;
}

static char *
dup_share_value (const ReelChartData *data,
                 double               share)
{
  g_autofree char *value = reel_format_share (share, NULL);

  if (get_whole (data)->of_sum)
    /* TRANSLATORS: an accessible label, "10.1% of the regions' total" */
    return g_strdup_printf (_("%s of the regions' total"), value);
  /* TRANSLATORS: an accessible label, "10.1% of the world total" */
  return g_strdup_printf (_("%s of the world total"), value);
}

/* "10.1% of the world total", also under the tooltip's heading */
static void
describe_bar (const ReelChartData *data,
              const ReelChartBar  *bar,
              ReelChartBarWords   *words)
{
  words->value = dup_share_value (data, bar->value);
  words->value_line = g_strdup (words->value);
  if (bar->flags & REEL_CHART_MARK_REST)
    words->remark = g_strdup (_("The world total minus the regions shown"));
}

const ReelChartKindClass reel_chart_share_class = {
  .plot = &reel_chart_strip_class,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .add_notes_before = add_notes_before,
  .dup_missing_note = dup_missing_note,
  .dup_empty_message = reel_chart_revenue_dup_empty_message,
  .describe_bar = describe_bar,
};
