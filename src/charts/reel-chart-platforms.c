/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Platforms: the apps ranked by the chosen metric (revenue, downloads or
 * monthly active users) for the year, a bar each in a colour of its own
 * (the palette's second set, never a region's first eight; see
 * keep_colours_apart() for a dataset of more apps), named with the
 * company that owns it. The figures follow the rule Revenue follows for
 * regions: a whole-year figure, else the figure of the series that covers
 * the most apps, for its latest period, else the app's figure nearest to
 * it; each bar names its period, and its change on the same source's
 * figure on the same basis for the comparable period before, where the
 * source gives one. Apps have no region, so their marks select none. */

/* The dataset's metric that the chart's (the Map's enumeration) names. */
static ReelMetric
get_metric (const ReelChartData *data)
{
  switch (data->metric)
    {
    case REEL_CHART_METRIC_DOWNLOADS:
      return REEL_METRIC_DOWNLOADS;
    case REEL_CHART_METRIC_USERS:
      return REEL_METRIC_MONTHLY_ACTIVE_USERS;
    case REEL_CHART_METRIC_REVENUE:
    case REEL_CHART_METRIC_SHARE:
    case REEL_CHART_METRIC_GROWTH:
    default:
      return REEL_METRIC_REVENUE;
    }
}

/* Each platform's figures of version 2, for the series of a year. */
static GPtrArray *
list_measures (GPtrArray *platforms)
{
  GPtrArray *lists = g_ptr_array_sized_new (platforms->len);

  for (guint i = 0; i < platforms->len; i++)
    g_ptr_array_add (lists, ((const ReelPlatform *) g_ptr_array_index (platforms, i))->measures);
  return lists;
}

/* The years of every metric the chart shows: whole-year figures' years,
 * and those of figures for part of a year. */
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
      for (guint j = 0; platform->measures != NULL && j < platform->measures->len; j++)
        {
          const ReelMeasure *measure = &g_array_index (platform->measures, ReelMeasure, j);

          if ((measure->metric == REEL_METRIC_DOWNLOADS ||
               measure->metric == REEL_METRIC_MONTHLY_ACTIVE_USERS) && measure->region == NULL &&
              measure->period.first / 12 == measure->period.last / 12)
            reel_chart_years_add (years, measure->period.first / 12);
        }
      reel_chart_years_add_measures (years, platform->measures);
    }
  reel_chart_years_sort (years);
  return years;
}

/* The figure @platform shows for @year by the rule of collect(): its
 * whole-year @primary (revenue only: version 1's lists hold no other
 * metric), else its figure of @series (nullable), else none. */
static const ReelMeasure *
pick_measure (const ReelPlatform           *platform,
              ReelMetric                    metric,
              guint                         year,
              const ReelChartRevenueSeries *series,
              const ReelFigure            **primary)
{
  *primary = metric == REEL_METRIC_REVENUE
               ? reel_dataset_get_primary_figure (platform->revenue, year) : NULL;
  if (*primary != NULL || series == NULL)
    return NULL;
  return reel_chart_pick_measure_among (platform->measures, year, series, FALSE);
}

/* How many apps show revenue for @year: the period control opens on the
 * year of most, whatever the metric, so that it keeps its place when the
 * metric changes. */
static guint
count_shown (ReelDataset *dataset,
             guint        year)
{
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);
  g_autoptr(GPtrArray) lists = list_measures (platforms);
  ReelChartRevenueSeries series;
  gboolean has_series = reel_chart_find_series_among (lists, REEL_METRIC_REVENUE, year, &series);
  guint n_shown = 0;

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelFigure *primary;

      if (pick_measure (g_ptr_array_index (platforms, i), REEL_METRIC_REVENUE, year,
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

/* ------------------------------------------------------------------ */
/* Changes on a like-for-like basis */

/* An app's change: its shown figure on the same source's figure, on the
 * same basis, for the comparable period before. */
typedef struct {
  double     percent;
  ReelPeriod versus;
  guint      source;
} Change;

static gboolean
is_bound (ReelQualifier qualifier)
{
  return qualifier == REEL_QUALIFIER_AT_LEAST || qualifier == REEL_QUALIFIER_AT_MOST;
}

/* @shown's figure of the same source, basis, metric and place for
 * @period among @measures, or NULL; never a derived one, which has no one
 * source, nor a bound, which is no figure to compare with. */
static const ReelMeasure *
find_like_measure (GArray            *measures,
                   const ReelMeasure *shown,
                   const ReelPeriod  *period)
{
  for (guint i = 0; measures != NULL && i < measures->len; i++)
    {
      const ReelMeasure *earlier = &g_array_index (measures, ReelMeasure, i);

      if (earlier->metric == shown->metric && earlier->derived == NULL &&
          earlier->source == shown->source && g_strcmp0 (earlier->basis, shown->basis) == 0 &&
          g_strcmp0 (earlier->region, shown->region) == 0 &&
          g_strcmp0 (earlier->country, shown->country) == 0 &&
          !is_bound (earlier->qualifier) && reel_period_equal (&earlier->period, period))
        return earlier;
    }
  return NULL;
}

/* The same source's earlier figure for @shown: the same months a year
 * before, else the period of the same length just before (a month on the
 * month before, a quarter on the quarter before). */
static const ReelMeasure *
find_earlier_measure (GArray            *measures,
                      const ReelMeasure *shown)
{
  guint length = shown->period.last - shown->period.first + 1;
  ReelPeriod year_before = { shown->period.first - 12, shown->period.last - 12,
                             shown->period.kind };
  ReelPeriod just_before = { shown->period.first - length, shown->period.first - 1,
                             shown->period.kind };
  const ReelMeasure *earlier;

  if (shown->derived != NULL || is_bound (shown->qualifier) || shown->period.first < 12 * 2)
    return NULL;
  earlier = find_like_measure (measures, shown, &year_before);
  return earlier != NULL ? earlier : find_like_measure (measures, shown, &just_before);
}

/* The same source's whole-year figure on the same basis for the year
 * before @shown's, among @figures (version 1's), or NULL. */
static const ReelFigure *
find_earlier_figure (GArray           *figures,
                     const ReelFigure *shown)
{
  for (guint i = 0; !is_bound (shown->qualifier) && i < figures->len; i++)
    {
      const ReelFigure *earlier = &g_array_index (figures, ReelFigure, i);

      if (earlier->year + 1 == shown->year && earlier->source == shown->source &&
          g_strcmp0 (earlier->basis, shown->basis) == 0 && !is_bound (earlier->qualifier))
        return earlier;
    }
  return NULL;
}

/* @bar's change on a like-for-like basis; FALSE when its source gives no
 * comparable earlier figure, or one of nothing. Never across sources or
 * bases, whose reckonings differ. */
static gboolean
find_change (const ReelChartData *data,
             const ReelChartBar  *bar,
             Change              *change)
{
  const ReelPlatform *platform = g_ptr_array_index (reel_dataset_get_platforms (data->dataset),
                                                    bar->platform);
  double earlier_value;

  if (bar->figures->len > 0)
    {
      const ReelFigure *shown = g_ptr_array_index (bar->figures, 0);
      const ReelFigure *earlier = find_earlier_figure (platform->revenue, shown);

      if (earlier == NULL)
        return FALSE;
      earlier_value = earlier->value;
      change->source = earlier->source;
      reel_period_init_year (&change->versus, earlier->year);
      change->percent = (shown->value / earlier_value - 1) * 100;
    }
  else
    {
      const ReelMeasure *shown = g_ptr_array_index (bar->measures, 0);
      const ReelMeasure *earlier = find_earlier_measure (platform->measures, shown);

      if (earlier == NULL)
        return FALSE;
      earlier_value = earlier->value;
      change->source = earlier->source;
      change->versus = earlier->period;
      change->percent = (shown->value / earlier_value - 1) * 100;
    }
  return earlier_value > 0;
}

/* "+52% on 2024, same source", after the bar's value. */
static char *
dup_change_remark (const ReelChartData *data,
                   const ReelChartBar  *bar)
{
  Change change;
  g_autofree char *percent = NULL;
  g_autofree char *versus = NULL;

  if (!find_change (data, bar, &change))
    return NULL;
  percent = reel_format_percent (change.percent, NULL);
  versus = reel_text_dup_period (&change.versus, FALSE);
  /* TRANSLATORS: after an app's value on the Platforms chart: "+52% on 2024, same source",
   * its change on the same source's figure for an earlier period; the change, the period */
  return g_strdup_printf (_("%s on %s, same source"), percent, versus);
}

/* ------------------------------------------------------------------ */
/* Bars */

/* Whether a bar other than @bar in its panel has colour @palette. */
static gboolean
panel_has_colour (const ReelChartData *data,
                  const ReelChartBar  *bar,
                  guint                palette)
{
  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *other = &g_array_index (data->bars, ReelChartBar, i);

      if (other != bar && other->group == bar->group && other->palette == palette)
        return TRUE;
    }
  return FALSE;
}

/* The set has eight colours, and a ninth app takes the first's again: in
 * a chart where both have a bar in one panel, two bars side by side would
 * read as one app's. The later app then takes a colour that no bar of the
 * panel has, one of an app without a bar first (the apps of a dataset keep
 * their colours from chart to chart as long as they are eight or fewer). */
static void
keep_colours_apart (ReelChartData *data)
{
  for (guint i = 0; i < data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      guint best = bar->palette, best_users = G_MAXUINT;

      if (bar->platform < REEL_CHART_PALETTE_SIZE || !panel_has_colour (data, bar, bar->palette))
        continue;
      for (guint index = 0; index < REEL_CHART_PALETTE_SIZE; index++)
        {
          guint palette = reel_chart_platform_palette (index), users = 0;

          if (panel_has_colour (data, bar, palette))
            continue;
          for (guint j = 0; j < data->bars->len; j++)
            users += g_array_index (data->bars, ReelChartBar, j).palette == palette;
          if (users < best_users)
            {
              best = palette;
              best_users = users;
            }
        }
      bar->palette = best;
    }
}

static void
collect (ReelChartData *data)
{
  GPtrArray *platforms = reel_dataset_get_platforms (data->dataset);
  g_autoptr(GPtrArray) lists = list_measures (platforms);
  g_autofree ReelChartPeriods *periods = g_new0 (ReelChartPeriods, 1);
  ReelMetric metric = get_metric (data);
  gboolean has_series = reel_chart_find_series_among (lists, metric, data->year, &periods->series);

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);
      const ReelFigure *primary;
      const ReelMeasure *measure = pick_measure (platform, metric, data->year,
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
      bar->remark = dup_change_remark (data, bar);
    }

  reel_chart_periods_group (data, periods);
  keep_colours_apart (data);
  if (periods->n_bars > 0)
    {
      data->kind_data = g_steal_pointer (&periods);
      data->kind_data_free = g_free;
    }
}

static char *
format_value (const ReelChartData *data,
              double               value,
              ReelQualifier        qualifier)
{
  if (get_metric (data) == REEL_METRIC_REVENUE)
    return reel_chart_money_format_value (data, value, qualifier);
  return reel_chart_count_format_value (data, value, qualifier);
}

static char *
dup_title (const ReelChartData *data)
{
  guint year = data->year;

  switch (get_metric (data))
    {
    case REEL_METRIC_DOWNLOADS:
      if (year == 0)
        return g_strdup (_("Platforms by downloads"));
      /* TRANSLATORS: the Platforms chart's title; %u is the year */
      return g_strdup_printf (_("Platforms by downloads, %u"), year);
    case REEL_METRIC_MONTHLY_ACTIVE_USERS:
      if (year == 0)
        return g_strdup (_("Platforms by monthly active users"));
      /* TRANSLATORS: the Platforms chart's title; %u is the year */
      return g_strdup_printf (_("Platforms by monthly active users, %u"), year);
    default:
      if (year == 0)
        return g_strdup (_("Platforms by revenue"));
      /* TRANSLATORS: the Platforms chart's title; %u is the year */
      return g_strdup_printf (_("Platforms by revenue, %u"), year);
    }
}

/* Revenue's subtitle, or the metric's with the series and the range lines
 * as Revenue's says them. */
static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  switch (get_metric (data))
    {
    case REEL_METRIC_DOWNLOADS:
      g_ptr_array_add (parts, g_strdup (_("App downloads")));
      break;
    case REEL_METRIC_MONTHLY_ACTIVE_USERS:
      g_ptr_array_add (parts, g_strdup (_("Monthly active users of the apps")));
      break;
    default:
      reel_chart_revenue_add_subtitle (data, parts);
      return;
    }
  if (data->kind_data != NULL)
    reel_chart_periods_add_subtitle (data, data->kind_data, parts);
  if (data->traits.whisker)
    g_ptr_array_add (parts, g_strdup (_("bar: primary source, line: range of other sources")));
}

/* "142 million US dollars", "12 million downloads", and the change with
 * its source. */
static void
describe_bar (const ReelChartData *data,
              const ReelChartBar  *bar,
              ReelChartBarWords   *words)
{
  ReelMetric metric = get_metric (data);
  Change change;

  if (metric == REEL_METRIC_REVENUE)
    reel_chart_revenue_describe_bar (data, bar, words);
  else if (metric == REEL_METRIC_DOWNLOADS)
    reel_chart_downloads_describe_bar (data, bar, words);
  else
    {
      g_autofree char *number = reel_format_number_compact (bar->value, NULL);
      g_autofree char *users = g_strdup_printf (_("%s monthly active users"), number);

      words->value = reel_text_dup_qualified_words (bar->qualifier, users);
    }

  if (find_change (data, bar, &change))
    {
      g_autofree char *percent = reel_format_percent (change.percent, NULL);
      g_autofree char *versus = reel_text_dup_period (&change.versus, TRUE);

      /* TRANSLATORS: a line of an app's tooltip on the Platforms chart: "Change: +52% on 2024,
       * by Omdia on the same basis"; the change, the earlier period, the source */
      words->remark = g_strdup_printf (_("Change: %s on %s, by %s on the same basis"),
                                       percent, versus,
                                       reel_text_get_source_name (data->dataset, change.source));
    }
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

      if (total->metric == measure->metric && total->derived == NULL &&
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
      g_autofree char *value = format_value (data, total->value, REEL_QUALIFIER_NONE);

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
dup_empty_message (const ReelChartData *data)
{
  guint year = data->year;

  switch (get_metric (data))
    {
    case REEL_METRIC_DOWNLOADS:
      if (year == 0)
        return g_strdup (_("No platform download figures in this dataset"));
      return g_strdup_printf (_("No platform download figures for %u"), year);
    case REEL_METRIC_MONTHLY_ACTIVE_USERS:
      if (year == 0)
        return g_strdup (_("No platform figures of monthly active users in this dataset"));
      return g_strdup_printf (_("No platform figures of monthly active users for %u"), year);
    default:
      if (year == 0)
        return g_strdup (_("No platform revenue figures in this dataset"));
      return g_strdup_printf (_("No platform revenue figures for %u"), year);
    }
}

const ReelChartKindClass reel_chart_platforms_class = {
  .plot = &reel_chart_bars_class,
  .cut_outliers = TRUE,
  .missing_line = TRUE,
  .metrics = 1u << REEL_CHART_METRIC_DOWNLOADS | 1u << REEL_CHART_METRIC_USERS,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .add_notes_after = add_notes_after,
  .dup_missing_note = reel_chart_revenue_dup_missing_line,
  .dup_empty_message = dup_empty_message,
  .describe_bar = describe_bar,
};
