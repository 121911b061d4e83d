/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* A region's downloads in @year by Revenue's rule (reel-chart-revenue.c):
 * its figure of the series that covers the most regions, for that series'
 * period, else its figure inside the year nearest to that period. Lengths
 * of period are grouped as Revenue's are, and the map colours the first
 * group only: a month's downloads beside a quarter's on one scale would
 * rank them as if they were one measure. */
static void
collect_downloads (ReelChartData *data)
{
  g_autofree ReelChartPeriods *periods = g_new0 (ReelChartPeriods, 1);
  g_autoptr(GPtrArray) lists = g_ptr_array_sized_new (data->regions->len);
  gboolean has_series;

  for (guint i = 0; i < data->regions->len; i++)
    g_ptr_array_add (lists, ((const ReelRegion *) g_ptr_array_index (data->regions, i))->measures);
  has_series = reel_chart_find_series_among (lists, REEL_METRIC_DOWNLOADS, data->year,
                                             &periods->series);

  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelMeasure *measure = has_series
                                     ? reel_chart_pick_measure_among (region->measures, data->year,
                                                                      &periods->series, FALSE)
                                     : NULL;

      if (measure != NULL)
        {
          reel_chart_data_add_measure_bar (data, (int) i, measure, 1.0, FALSE)->metric = "downloads";
          reel_chart_periods_count (periods, &measure->period, TRUE);
        }
      else
        {
          g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
        }
    }

  reel_chart_periods_group (data, periods);
  if (periods->n_bars > 0)
    {
      data->kind_data = g_steal_pointer (&periods);
      data->kind_data_free = g_free;
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
  g_ptr_array_add (parts, g_strdup (_("App downloads")));
  if (data->kind_data != NULL)
    reel_chart_periods_add_subtitle (data, data->kind_data, parts);
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
/* Growth: one basis */

/* What a growth figure compares: its metric, source and periods. The map
 * colours the regions of one basis only, the one most of them report, so
 * that its colours compare like with like; growth on any other basis is
 * left to the Growth chart, whose bars each name theirs. */
typedef struct {
  const char *metric;
  gboolean    computed;   /* from two primary revenue figures of one source */
  guint       source;
  ReelPeriod  period;
  ReelPeriod  versus;
} GrowthBasis;

static void
get_growth_basis (const ReelChartData *data,
                  const ReelChartBar  *bar,
                  GrowthBasis         *basis)
{
  if (bar->flags & REEL_CHART_MARK_COMPUTED)
    {
      const ReelFigure *now = g_ptr_array_index (bar->figures, 0);

      *basis = (GrowthBasis) { "revenue", TRUE, now->source };
      reel_period_init_year (&basis->period, data->year);
      reel_period_init_year (&basis->versus, data->year - 1);
    }
  else
    {
      const ReelGrowth *growth = g_ptr_array_index (bar->growths, 0);

      *basis = (GrowthBasis) { growth->metric, FALSE, growth->source, growth->period,
                               growth->versus };
    }
}

static gboolean
same_growth_basis (const GrowthBasis *a,
                   const GrowthBasis *b)
{
  return a->computed == b->computed && a->source == b->source &&
         g_strcmp0 (a->metric, b->metric) == 0 && reel_period_equal (&a->period, &b->period) &&
         reel_period_equal (&a->versus, &b->versus);
}

/* The regions with a bar on @basis; a region's bars are together. */
static guint
count_regions_on_basis (const ReelChartData *data,
                        const GrowthBasis   *basis)
{
  int last_region = -1;
  guint n = 0;

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      GrowthBasis other;

      if (bar->region < 0 || bar->region == last_region)
        continue;
      get_growth_basis (data, bar, &other);
      if (same_growth_basis (&other, basis))
        {
          n++;
          last_region = bar->region;
        }
    }
  return n;
}

/* The basis most regions report; of those, the latest. @best stays as it
 * is when there is no region's growth. */
static void
find_growth_basis (const ReelChartData *data,
                   GrowthBasis         *best)
{
  guint best_count = 0;

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      GrowthBasis basis;
      guint count;

      if (bar->region < 0)
        continue;
      get_growth_basis (data, bar, &basis);
      count = count_regions_on_basis (data, &basis);
      if (count > best_count || (count == best_count && basis.period.last > best->period.last))
        {
          *best = basis;
          best_count = count;
        }
    }
}

/* Whether @bar stays: the first of its region on @basis. */
static gboolean
keeps_growth_bar (const ReelChartData *data,
                  const ReelChartBar  *bar,
                  const GrowthBasis   *basis,
                  int                  kept_region)
{
  GrowthBasis other;

  if (bar->region < 0 || bar->region == kept_region)
    return FALSE;
  get_growth_basis (data, bar, &other);
  return same_growth_basis (&other, basis);
}

/* The sources of the bars that stay, in their order: the growth left out
 * is not cited. */
static void
cite_growth_sources (ReelChartData *data)
{
  guint n_sources = reel_dataset_get_sources (data->dataset)->len;

  memset (data->source_used, 0, sizeof (gboolean) * n_sources);
  g_array_set_size (data->source_order, 0);
  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      for (guint g = 0; g < bar->growths->len; g++)
        {
          const ReelGrowth *growth = g_ptr_array_index (bar->growths, g);

          reel_chart_data_use_source (data, growth->source);
        }
      for (guint f = 0; f < bar->figures->len; f++)
        {
          const ReelFigure *figure = g_ptr_array_index (bar->figures, f);

          reel_chart_data_use_source (data, figure->source);
        }
    }
}

/* The bars of the basis, a region's first; every region without one is
 * named as missing, in the list's order, whether it has no growth figure
 * or only growth on another basis. */
static void
collect_growth (ReelChartData *data)
{
  GrowthBasis *basis = g_new0 (GrowthBasis, 1);
  int kept_region = -1;

  reel_chart_growth_class.collect (data);
  find_growth_basis (data, basis);
  for (guint i = 0; i < data->bars->len;)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      if (basis->metric != NULL && keeps_growth_bar (data, bar, basis, kept_region))
        {
          kept_region = bar->region;
          i++;
        }
      else
        {
          g_array_remove_index (data->bars, i);
        }
    }

  /* One basis, one scale: whichever of Growth's panels it came from, it is
   * the colours' (the choropleth hatches a bar of a later panel). */
  for (guint i = 0; i < data->bars->len; i++)
    g_array_index (data->bars, ReelChartBar, i).group = 0;
  g_array_set_size (data->groups, 0);

  g_ptr_array_set_size (data->missing, 0);
  for (guint r = 0; r < data->regions->len; r++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, r);
      gboolean shown = FALSE;

      for (guint i = 0; i < data->bars->len && !shown; i++)
        shown = g_array_index (data->bars, ReelChartBar, i).region == (int) r;
      if (!shown)
        g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
    }
  cite_growth_sources (data);
  data->kind_data = basis;
  data->kind_data_free = g_free;
}

static char *
growth_format_value (const ReelChartData *data,
                     double               value,
                     ReelQualifier        qualifier)
{
  return reel_chart_growth_class.format_value (data, value, qualifier);
}

static char *
growth_dup_title (const ReelChartData *data)
{
  return reel_chart_growth_class.dup_title (data);
}

/* "Downloads, Q1 2025 vs Q4 2024: change in percent · Sensor Tower" */
static void
growth_add_subtitle (const ReelChartData *data,
                     GPtrArray           *parts)
{
  const GrowthBasis *basis = data->kind_data;
  g_autofree char *metric = NULL;
  g_autofree char *period = NULL;
  g_autofree char *versus = NULL;

  if (basis == NULL || basis->metric == NULL)
    return;

  metric = reel_text_dup_metric_name (basis->metric);
  period = reel_text_dup_period (&basis->period, FALSE);
  versus = reel_text_dup_period (&basis->versus, FALSE);
  if (basis->computed)
    /* TRANSLATORS: the map's subtitle: "Revenue, 2025 vs 2024: change in
     * percent, computed from one source's figures" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s, %s vs %s: change in percent, computed from "
                                               "one source's figures"), metric, period, versus));
  else
    /* TRANSLATORS: the map's subtitle: "Downloads, Q1 2025 vs Q4 2024:
     * change in percent" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s, %s vs %s: change in percent"),
                                             metric, period, versus));
  g_ptr_array_add (parts, g_strdup (reel_text_get_source_name (data->dataset, basis->source)));
}

static char *
growth_dup_missing_note (const ReelChartData *data,
                         const char          *names)
{
  return g_strdup_printf (_("No growth figure of this source and period for %u: %s."),
                          data->year, names);
}

static void
growth_describe_bar (const ReelChartData *data,
                     const ReelChartBar  *bar,
                     ReelChartBarWords   *words)
{
  reel_chart_growth_class.describe_bar (data, bar, words);
}

static const ReelChartKindClass growth_words = {
  .collect = collect_growth,
  .format_value = growth_format_value,
  .dup_title = growth_dup_title,
  .add_subtitle = growth_add_subtitle,
  .dup_missing_note = growth_dup_missing_note,
  .describe_bar = growth_describe_bar,
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
      return &growth_words;
    case REEL_CHART_METRIC_DOWNLOADS:
      return &downloads_words;
    case REEL_CHART_METRIC_REVENUE:
    default:
      return &reel_chart_revenue_class;
    }
}

/* One colour a place: the world's bars and Share's "Rest of world" have
 * no place on the map, and of a region's bars the first stays. */
static void
keep_places (ReelChartData *data)
{
  for (guint i = data->bars->len; i-- > 0;)
    {
      int region = g_array_index (data->bars, ReelChartBar, i).region;
      gboolean later = FALSE;

      for (guint j = 0; j < i && !later; j++)
        later = g_array_index (data->bars, ReelChartBar, j).region == region;
      if (region < 0 || later)
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

/* Whether the coloured figures are a year's, as a country's own is: the
 * choropleth colours only the first group's, where Revenue has a panel
 * for each length of period. */
static gboolean
colours_years (const ReelChartData *data)
{
  for (guint i = 0; i < data->bars->len; i++)
    if (!reel_chart_bar_is_apart (&g_array_index (data->bars, ReelChartBar, i)))
      return reel_chart_bar_get_months (&g_array_index (data->bars, ReelChartBar, i)) == 12;
  return TRUE;
}

/* Revenue of a country for the whole year, its primary figure: the
 * country is coloured by it rather than by its region's, on a map of
 * years' figures. */
static void
collect_countries (ReelChartData *data)
{
  if (!colours_years (data))
    return;

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
  keep_places (data);
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

/* The periods of Revenue's and Downloads' figures (NULL for other metrics,
 * or when every figure is for the whole year). */
static const ReelChartPeriods *
get_periods (const ReelChartData *data)
{
  if (data->metric != REEL_CHART_METRIC_REVENUE && data->metric != REEL_CHART_METRIC_DOWNLOADS)
    return NULL;
  return data->kind_data;
}

static gboolean
coloured_periods_differ (const ReelChartData *data)
{
  gboolean found = FALSE;
  ReelPeriod first = { 0 }, period;

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      if (reel_chart_bar_is_apart (bar))
        continue;
      reel_chart_bar_get_period (data, bar, &period);
      if (found && !reel_period_equal (&period, &first))
        return TRUE;
      first = period;
      found = TRUE;
    }
  return FALSE;
}

/**
 * reel_chart_map_names_period:
 * @data: a map's data
 * @bar: one of its places
 *
 * Whether the label of a coloured place names its figure's period: when
 * it is not the one the subtitle names (the series'), or, when the
 * subtitle names none, when the coloured places' periods differ. On the
 * map's one scale, May's figure beside October's would otherwise pass
 * for October's.
 */
gboolean
reel_chart_map_names_period (const ReelChartData *data,
                             const ReelChartBar  *bar)
{
  const ReelChartPeriods *periods = get_periods (data);
  ReelPeriod period;

  if (periods == NULL || reel_chart_bar_is_apart (bar))
    return FALSE;
  if (periods->n_series_bars == 0)
    return coloured_periods_differ (data);
  reel_chart_bar_get_period (data, bar, &period);
  return !reel_period_equal (&period, &periods->series.period);
}

/* The metric's subtitle, less the range lines and the panels a map does
 * not draw, and with what its labels say of periods where a bar chart's
 * bars would. */
static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  ReelChartData without_ranges = *data;
  ReelChartPeriods periods;
  gboolean named = FALSE;

  without_ranges.traits.whisker = FALSE;
  if (get_periods (data) != NULL)
    {
      periods = *get_periods (data);
      periods.grouped = FALSE;
      periods.mixed = FALSE;
      without_ranges.kind_data = &periods;
    }
  get_words (data)->add_subtitle (&without_ranges, parts);

  for (guint i = 0; i < data->bars->len && !named; i++)
    named = reel_chart_map_names_period (data, &g_array_index (data->bars, ReelChartBar, i));
  if (named)
    g_ptr_array_add (parts, g_strdup (_("periods differ: others are named on the labels")));
}

/* "South Asia · India: $4.5M in Q3 2025; …": the places left uncoloured,
 * their figures being for another length of period than the colours'. */
static char *
dup_apart (const ReelChartData *data)
{
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      g_autofree char *value = NULL;
      g_autofree char *period_text = NULL;
      ReelPeriod period;

      if (!reel_chart_bar_is_apart (bar))
        continue;
      reel_chart_bar_get_period (data, bar, &period);
      value = format_value (data, bar->value, bar->qualifier);
      period_text = reel_text_dup_period (&period, FALSE);
      /* TRANSLATORS: a place the map leaves uncoloured, in its note: "South Asia · India:
       * $4.5M in Q3 2025"; the place, its figure, the figure's period */
      g_ptr_array_add (places, g_strdup_printf (_("%s: %s in %s"), bar->name, value, period_text));
    }
  return places->len > 0 ? reel_text_join (places, REEL_TEXT_SEPARATOR_ITEMS) : NULL;
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
  g_autofree char *apart = dup_apart (data);

  if (get_words (data)->add_notes_after != NULL)
    get_words (data)->add_notes_after (data, notes);
  if (apart != NULL)
    /* TRANSLATORS: a note under the map; %s lists places with their figures, "South Asia ·
     * India: $4.5M in Q3 2025" */
    g_ptr_array_add (notes, g_strdup_printf (_("Hatched, with a figure for another length of "
                                               "period than the colours': %s."),
                                             apart));
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
