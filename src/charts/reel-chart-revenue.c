/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-revenue"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Revenue: the world's row at the top, then a bar per region for the
 * year, sorted by value, the other sources' figures as a range line; the
 * regions without a figure make one line under the rows. */

GArray *
reel_chart_revenue_list_years (ReelDataset *dataset)
{
  GArray *years = reel_chart_list_revenue_years (dataset);

  reel_chart_years_sort (years);
  return years;
}

/* How many regions have a bar for @year by the rule of collect(). */
static guint
count_regions_shown (ReelDataset *dataset,
                     guint        year)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  ReelChartRevenueSeries series;
  gboolean has_series = reel_chart_find_revenue_series (dataset, year, &series);
  guint n_shown = 0;

  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      if (reel_dataset_get_primary_figure (region->revenue, year) != NULL ||
          (has_series && reel_chart_pick_revenue_measure (region, year, &series, FALSE) != NULL))
        n_shown++;
    }
  return n_shown;
}

/* Whole-year figures' years, and those of figures for part of a year. */
static GArray *
list_years (ReelDataset *dataset)
{
  GArray *years = reel_chart_list_revenue_years (dataset);
  g_autoptr(GArray) measure_years = reel_chart_list_measure_years (dataset);

  for (guint i = 0; i < measure_years->len; i++)
    reel_chart_years_add (years, g_array_index (measure_years, guint, i));
  reel_chart_years_sort (years);
  return years;
}

/* A file of version 1 opens on its latest year of reported revenue, as it
 * always did; one of version 2 on the year that shows the most regions, the
 * latest of those, not a year of forecasts only. */
static guint
get_default_year (ReelDataset *dataset)
{
  g_autoptr(GArray) years = NULL;
  guint best_year = 0, best_count = 0;

  if (reel_dataset_get_version (dataset) < 2)
    return reel_chart_get_revenue_year (dataset);

  years = reel_chart_list_measure_years (dataset);
  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);
      guint count = count_regions_shown (dataset, year);

      if (count > best_count || (count == best_count && count > 0 && year > best_year))
        {
          best_year = year;
          best_count = count;
        }
    }
  return best_count > 0 ? best_year : reel_chart_get_revenue_year (dataset);
}

char *
reel_chart_revenue_dup_empty_message (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("No revenue figures in this dataset"));
  return g_strdup_printf (_("No revenue figures for %u"), data->year);
}

char *
reel_chart_revenue_dup_missing_note (const ReelChartData *data,
                                     const char          *names)
{
  return g_strdup_printf (_("No revenue figure for %u: %s."), data->year, names);
}

/* @value, which it frees, with its qualifier as a sign: "≈$300M". */
char *
reel_chart_take_qualified (ReelQualifier  qualifier,
                           char          *value)
{
  g_autofree char *owned = value;

  return reel_text_dup_qualified_sign (qualifier, owned);
}

char *
reel_chart_money_format_value (const ReelChartData *data,
                               double               value,
                               ReelQualifier        qualifier)
{
  return reel_chart_take_qualified (qualifier,
                                    reel_format_money_compact (value, data->currency, NULL));
}

/* Counts a bar of @period: one of a figure for part of the year when
 * @measured, of the series' period or not, else a whole-year figure. */
void
reel_chart_periods_count (ReelChartPeriods *periods,
                          const ReelPeriod *period,
                          gboolean          measured)
{
  if (measured && reel_period_equal (period, &periods->series.period))
    periods->n_series_bars++;
  periods->mixed |= periods->n_bars > 0 && !reel_period_equal (period, &periods->last);
  periods->last = *period;
  periods->n_bars++;
}

/* The months a bar's figure covers. */
guint
reel_chart_bar_get_months (const ReelChartBar *bar)
{
  const ReelMeasure *measure;

  if (bar->measures->len == 0)
    return 12;    /* a whole-year figure */
  measure = g_ptr_array_index (bar->measures, 0);
  return measure->period.last - measure->period.first + 1;
}

/* Whether a bar lies outside a chart's first panel: on a map, which has
 * one scale, its figure (another length of period than the colours', see
 * reel_chart_periods_group()) is not coloured; its place is hatched as one
 * without a figure, and the Map's note names it with its figure. */
gboolean
reel_chart_bar_is_apart (const ReelChartBar *bar)
{
  return bar->group != 0;
}

/* The period of a bar's figure. */
void
reel_chart_bar_get_period (const ReelChartData *data,
                           const ReelChartBar  *bar,
                           ReelPeriod          *period)
{
  if (bar->measures->len == 0)
    reel_period_init_year (period, data->year);
  else
    *period = ((const ReelMeasure *) g_ptr_array_index (bar->measures, 0))->period;
}

typedef struct {
  guint      months;
  guint      n_bars;
  gboolean   one_period;    /* all its bars have the same period */
  ReelPeriod period;        /* the first bar's */
} Length;

/* More bars first; of as many, the longer period. */
static int
compare_lengths (gconstpointer a,
                 gconstpointer b)
{
  const Length *length_a = a, *length_b = b;

  if (length_a->n_bars != length_b->n_bars)
    return length_a->n_bars > length_b->n_bars ? -1 : 1;
  return (length_a->months < length_b->months) - (length_a->months > length_b->months);
}

/* "OCTOBER 2025" over a panel whose bars share a period, else "1 MONTH
 * EACH", in capitals as Growth's panels are headed. */
static char *
dup_length_heading (const Length *length)
{
  g_autofree char *heading = NULL;

  if (length->one_period)
    heading = reel_text_dup_period (&length->period, TRUE);
  else
    /* TRANSLATORS: the heading of a panel of Revenue or Platforms whose bars are figures
     * for different periods of one length: "3 months each" */
    heading = g_strdup_printf (ngettext ("%u month each", "%u months each", length->months),
                               length->months);
  return g_utf8_strup (heading, -1);
}

/* A month's figure drawn on one scale with a year's would rank a month
 * against a year: when the bars' periods differ in length, each length
 * gets a panel with its own axis (the one of most bars first), as
 * Growth's metrics do. The bars already name their periods. */
void
reel_chart_periods_group (ReelChartData    *data,
                          ReelChartPeriods *periods)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, TRUE, sizeof (Length));

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      Length found = { reel_chart_bar_get_months (bar), 0, TRUE };
      Length *length = NULL;
      ReelPeriod period;

      reel_chart_bar_get_period (data, bar, &period);
      for (guint j = 0; j < lengths->len && length == NULL; j++)
        if (g_array_index (lengths, Length, j).months == found.months)
          length = &g_array_index (lengths, Length, j);
      if (length == NULL)
        {
          found.period = period;
          g_array_append_val (lengths, found);
          length = &g_array_index (lengths, Length, lengths->len - 1);
        }
      length->n_bars++;
      length->one_period &= reel_period_equal (&length->period, &period);
    }

  if (lengths->len < 2)
    return;

  /* The panels in that order: a bar's group is its length's index. */
  g_array_sort (lengths, compare_lengths);
  for (guint i = 0; i < lengths->len; i++)
    {
      ReelChartGroup group = { NULL, dup_length_heading (&g_array_index (lengths, Length, i)) };

      g_array_append_val (data->groups, group);
    }

  for (guint i = 0; i < data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      guint months = reel_chart_bar_get_months (bar);

      for (guint j = 0; j < lengths->len; j++)
        if (g_array_index (lengths, Length, j).months == months)
          bar->group = j;
    }
  periods->grouped = TRUE;
}

/* The series most bars come from, "DataEye, October 2025", when they
 * come from it, and whether periods differ. */
void
reel_chart_periods_add_subtitle (const ReelChartData    *data,
                                 const ReelChartPeriods *periods,
                                 GPtrArray              *parts)
{
  const ReelChartRevenueSeries *series = &periods->series;

  if (periods->n_series_bars > 0)
    {
      g_autofree char *period = reel_text_dup_period (&series->period, TRUE);
      const char *name = series->source == G_MAXUINT
                           ? series->basis
                           : reel_text_get_source_name (data->dataset, series->source);

      g_ptr_array_add (parts, g_strconcat (name,
                                           reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS),
                                           period, NULL));
    }
  if (periods->grouped)
    g_ptr_array_add (parts, g_strdup (_("periods differ: a panel per length of period, each on "
                                        "its own scale")));
  else if (periods->mixed)
    g_ptr_array_add (parts, g_strdup (_("periods differ: each bar names its own")));
}

/* The world's row, in the world's ink: of the series most bars come from
 * and its period when the regions show one for part of the year, so that
 * the world and its regions are one reading (October's world beside
 * October's regions); else its whole-year figure. Its magnitude, often
 * tens of times a region's, is an outlier that the axis cuts at a break. */
static void
add_world (ReelChartData          *data,
           const ReelChartPeriods *periods)
{
  const ReelRegion *world = reel_dataset_get_global (data->dataset);
  const ReelFigure *primary = reel_dataset_get_primary_figure (world->revenue, data->year);
  const ReelMeasure *measure;

  if (periods->n_series_bars == 0 || periods->series.period.kind == REEL_PERIOD_YEAR)
    {
      if (primary != NULL)
        reel_chart_data_add_figures_bar (data, -1, world->revenue, primary, 1.0, TRUE);
      return;
    }

  measure = reel_chart_pick_revenue_measure (world, data->year, &periods->series, TRUE);
  if (measure != NULL)
    reel_chart_data_add_measure_bar (data, -1, measure, 1.0, TRUE);
}

/* The rule: a region shows its whole-year figure when
 * it has one, as a version 1 file always does. Else it shows the figure of
 * the default series, the source and basis whose revenue figures cover
 * the most regions within the year, for the latest period that series has
 * in it (DataEye's October 2025), its own or one of its countries'. Else
 * its figure within the year nearest to that period, so that a region
 * with one month of another source is not a blank row; each such bar
 * names its period, and the subtitle says when periods differ. */
static void
collect (ReelChartData *data)
{
  g_autofree ReelChartPeriods *periods = g_new0 (ReelChartPeriods, 1);
  gboolean has_series = reel_chart_find_revenue_series (data->dataset, data->year,
                                                        &periods->series);

  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, data->year);
      const ReelMeasure *measure = NULL;
      ReelPeriod period;

      if (primary != NULL)
        {
          reel_chart_data_add_figures_bar (data, (int) i, region->revenue, primary, 1.0, TRUE);
          reel_period_init_year (&period, data->year);
          reel_chart_periods_count (periods, &period, FALSE);
        }
      else if (has_series &&
               (measure = reel_chart_pick_revenue_measure (region, data->year,
                                                           &periods->series, FALSE)) != NULL)
        {
          reel_chart_data_add_measure_bar (data, (int) i, measure, 1.0, TRUE);
          reel_chart_periods_count (periods, &measure->period, TRUE);
        }
      else
        {
          g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
        }
    }

  if (periods->n_bars > 0)
    add_world (data, periods);
  reel_chart_periods_group (data, periods);
  if (periods->n_series_bars > 0 || periods->grouped)
    {
      data->kind_data = g_steal_pointer (&periods);
      data->kind_data_free = g_free;
    }
}

static char *
dup_title (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("Revenue by region"));
  return g_strdup_printf (_("Revenue by region, %u"), data->year);
}

/* The currency, the series and periods (kind_data, a ReelChartPeriods,
 * nullable) and how to read a range line: Revenue's and Platforms'. */
void
reel_chart_revenue_add_subtitle (const ReelChartData *data,
                                 GPtrArray           *parts)
{
  const ReelChartPeriods *periods = data->kind_data;

  g_ptr_array_add (parts, g_strdup_printf (_("Revenue in %s"), data->currency));
  if (periods != NULL)
    reel_chart_periods_add_subtitle (data, periods, parts);
  if (data->traits.whisker)
    g_ptr_array_add (parts, g_strdup (_("bar: primary source, line: range of other sources")));
}

/* "142 million US dollars" */
void
reel_chart_revenue_describe_bar (const ReelChartData *data,
                                 const ReelChartBar  *bar,
                                 ReelChartBarWords   *words)
{
  g_autofree char *money = reel_format_money_long (bar->value, data->currency, NULL);

  words->value = reel_text_dup_qualified_words (bar->qualifier, money);
}

/* The rule of collect(), for the notes and the summary. */
static void
add_notes_after (const ReelChartData *data,
                 GPtrArray           *notes)
{
  if (data->kind_data == NULL)
    return;
  g_ptr_array_add (notes,
                   g_strdup_printf (_("A region without a figure for all of %u shows the latest "
                                      "period of the series that covers the most regions, or "
                                      "else its figure nearest to that period."), data->year));
}

/* One line under the rows, "No 2025 figure: Latin America & Caribbean,
 * Sub-Saharan Africa", rather than a row of "no figure" for each. */
char *
reel_chart_revenue_dup_missing_line (const ReelChartData *data,
                                     const char          *names)
{
  /* TRANSLATORS: under the Revenue chart's rows, "No 2025 figure: Latin America & Caribbean,
   * Sub-Saharan Africa"; %u is the year, %s the regions */
  return g_strdup_printf (_("No %u figure: %s"), data->year, names);
}

const ReelChartKindClass reel_chart_revenue_class = {
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
  .dup_empty_message = reel_chart_revenue_dup_empty_message,
  .describe_bar = reel_chart_revenue_describe_bar,
};
