/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-growth"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Growth: diverging bars around zero, one group per reported metric, and
 * last the revenue growth computed from primary figures of consecutive
 * years (DESIGN §2). */

/* The region @index of the dataset's list, the world after the last. */
static const ReelRegion *
get_region_or_world (ReelDataset *dataset,
                     guint        index)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);

  if (index < regions->len)
    return g_ptr_array_index (regions, index);
  return reel_dataset_get_global (dataset);
}

/* Whether Growth has a bar in @year; with @reported_only, one that is
 * not computed from a forecast. */
static gboolean
year_has_data (ReelDataset *dataset,
               guint        year,
               gboolean     reported_only)
{
  guint n_regions = reel_dataset_get_regions (dataset)->len;
  double percent;

  for (guint i = 0; i <= n_regions; i++)
    {
      const ReelRegion *region = get_region_or_world (dataset, i);

      for (guint j = 0; j < region->growth->len; j++)
        if (g_array_index (region->growth, ReelGrowth, j).year == year)
          return TRUE;
      for (guint j = 0; j < region->period_growth->len; j++)
        if (g_array_index (region->period_growth, ReelGrowth, j).period.last / 12 == year)
          return TRUE;
      if (reel_dataset_get_revenue_growth (region->revenue, year, &percent))
        {
          const ReelFigure *now = reel_dataset_get_primary_figure (region->revenue, year);
          const ReelFigure *before = reel_dataset_get_primary_figure (region->revenue, year - 1);

          if (!reported_only || ((now->flags | before->flags) & REEL_FIGURE_FORECAST) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* A growth year is one with a reported figure or one whose revenue has
 * the year before to compare with. */
static GArray *
list_years (ReelDataset *dataset)
{
  g_autoptr(GArray) candidates = reel_chart_list_revenue_years (dataset);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_regions = reel_dataset_get_regions (dataset)->len;

  for (guint i = 0; i <= n_regions; i++)
    {
      const ReelRegion *region = get_region_or_world (dataset, i);

      for (guint j = 0; j < region->growth->len; j++)
        reel_chart_years_add (years, g_array_index (region->growth, ReelGrowth, j).year);
      for (guint j = 0; j < region->period_growth->len; j++)
        reel_chart_years_add (years,
                              g_array_index (region->period_growth, ReelGrowth, j).period.last / 12);
    }
  for (guint i = 0; i < candidates->len; i++)
    if (year_has_data (dataset, g_array_index (candidates, guint, i), FALSE))
      reel_chart_years_add (years, g_array_index (candidates, guint, i));

  reel_chart_years_sort (years);
  return years;
}

/* The latest year with growth figures not computed from a forecast. */
static guint
get_default_year (ReelDataset *dataset)
{
  g_autoptr(GArray) years = list_years (dataset);

  for (guint i = years->len; i-- > 0;)
    if (year_has_data (dataset, g_array_index (years, guint, i), TRUE))
      return g_array_index (years, guint, i);
  if (years->len > 0)
    return g_array_index (years, guint, years->len - 1);
  return reel_dataset_get_latest_revenue_year (dataset);
}

/* The index of @metric's group, added when new. */
static guint
find_group (ReelChartData *data,
            const char    *metric)
{
  ReelChartGroup group = { .metric = metric };

  for (guint i = 0; i < data->groups->len; i++)
    if (g_strcmp0 (g_array_index (data->groups, ReelChartGroup, i).metric, metric) == 0)
      return i;

  g_array_append_val (data->groups, group);
  return data->groups->len - 1;
}

/* A reported growth figure: a bar of its own, or, when a bar from
 * @first_bar on already shows its metric, a source more for that one (the
 * first listed is the bar, the others its range). */
static void
add_reported (ReelChartData    *data,
              const ReelRegion *region,
              int               index,
              guint             first_bar,
              const ReelGrowth *growth)
{
  guint group = find_group (data, growth->metric);
  ReelChartBar *bar = NULL;

  reel_chart_data_use_source (data, growth->source);
  for (guint j = first_bar; j < data->bars->len; j++)
    {
      ReelChartBar *other = &g_array_index (data->bars, ReelChartBar, j);
      const ReelGrowth *shown = other->growths->len > 0 ? g_ptr_array_index (other->growths, 0)
                                                         : NULL;

      /* Sources of one change only: Q1 on Q4 is not the year on the year before */
      if (other->group == group && shown != NULL &&
          reel_period_equal (&shown->period, &growth->period) &&
          reel_period_equal (&shown->versus, &growth->versus))
        bar = other;
    }

  if (bar != NULL)
    {
      g_ptr_array_add (bar->growths, (gpointer) growth);
      bar->n_sources++;
      reel_chart_bar_add_other (bar, growth->percent);
      return;
    }

  bar = reel_chart_data_add_bar (data, index, reel_text_get_region_name (region));
  bar->group = group;
  bar->metric = growth->metric;
  bar->value = growth->percent;
  bar->qualifier = growth->qualifier;
  bar->n_sources = 1;
  if (growth->flags & REEL_FIGURE_ESTIMATE)
    bar->flags |= REEL_CHART_MARK_ESTIMATE;
  g_ptr_array_add (bar->growths, (gpointer) growth);
}

/* Revenue growth from the primary figures of @year and the year before. */
static gboolean
add_computed (ReelChartData    *data,
              const ReelRegion *region,
              int               index)
{
  const ReelFigure *now, *before;
  ReelChartBar *bar;
  double percent;

  if (!reel_dataset_get_revenue_growth (region->revenue, data->year, &percent))
    return FALSE;

  now = reel_dataset_get_primary_figure (region->revenue, data->year);
  before = reel_dataset_get_primary_figure (region->revenue, data->year - 1);
  bar = reel_chart_data_add_bar (data, index, reel_text_get_region_name (region));
  bar->group = find_group (data, NULL);
  bar->metric = "revenue";
  bar->value = percent;
  bar->n_sources = 1;
  bar->flags |= REEL_CHART_MARK_COMPUTED;
  bar->flags |= (reel_chart_figure_mark_flags (now) | reel_chart_figure_mark_flags (before)) &
                (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST);
  g_ptr_array_add (bar->figures, (gpointer) now);
  g_ptr_array_add (bar->figures, (gpointer) before);
  reel_chart_data_use_source (data, now->source);
  reel_chart_data_use_source (data, before->source);
  return TRUE;
}

/* Returns whether @region has any bar. */
static gboolean
collect_region (ReelChartData    *data,
                const ReelRegion *region,
                int               index)
{
  guint first_bar = data->bars->len;
  gboolean found = FALSE;

  for (guint i = 0; i < region->growth->len; i++)
    {
      const ReelGrowth *growth = &g_array_index (region->growth, ReelGrowth, i);

      if (growth->year != data->year)
        continue;
      add_reported (data, region, index, first_bar, growth);
      found = TRUE;
    }
  /* Growth on another period, "Q1 2025 on Q4 2024", in the year it ends
   * in: a bar that names both periods, never one of the year */
  for (guint i = 0; i < region->period_growth->len; i++)
    {
      const ReelGrowth *growth = &g_array_index (region->period_growth, ReelGrowth, i);

      if (growth->period.last / 12 != data->year)
        continue;
      add_reported (data, region, index, first_bar, growth);
      found = TRUE;
    }

  return add_computed (data, region, index) || found;
}

/* Reported metrics in the order they first appear, then the growth
 * computed from revenue, which is a different kind of number. */
static void
move_computed_last (ReelChartData *data)
{
  guint computed = G_MAXUINT, last = data->groups->len - 1;
  ReelChartGroup moved;

  for (guint i = 0; i < data->groups->len; i++)
    if (g_array_index (data->groups, ReelChartGroup, i).metric == NULL)
      computed = i;
  if (computed == G_MAXUINT || computed == last)
    return;

  moved = g_array_index (data->groups, ReelChartGroup, computed);
  g_array_remove_index (data->groups, computed);
  g_array_append_val (data->groups, moved);
  for (guint i = 0; i < data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      if (bar->group == computed)
        bar->group = last;
      else if (bar->group > computed)
        bar->group--;
    }
}

static void
name_groups (ReelChartData *data)
{
  for (guint i = 0; i < data->groups->len; i++)
    {
      ReelChartGroup *group = &g_array_index (data->groups, ReelChartGroup, i);
      const char *metric = group->metric != NULL ? group->metric : "revenue";
      g_autofree char *name = reel_text_dup_metric_name (metric);
      g_autofree char *upper = g_utf8_strup (name, -1);

      if (group->metric == NULL)
        /* TRANSLATORS: the heading of revenue growth in the Growth chart,
         * "REVENUE (computed from primary figures)"; %s is the metric name */
        group->heading = g_strdup_printf (_("%s (computed from primary figures)"), upper);
      else
        group->heading = g_steal_pointer (&upper);
    }
}

static void
collect (ReelChartData *data)
{
  collect_region (data, reel_dataset_get_global (data->dataset), -1);
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);

      if (!collect_region (data, region, (int) i))
        g_ptr_array_add (data->missing, (gpointer) reel_text_get_region_name (region));
    }

  move_computed_last (data);
  name_groups (data);
}

static char *
format_value (const ReelChartData *data,
              double               value,
              ReelQualifier        qualifier)
{
  return reel_chart_take_qualified (qualifier, reel_format_percent (value, NULL));
}

static char *
dup_title (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("Growth by region"));
  return g_strdup_printf (_("Growth by region, %u"), data->year);
}

static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  if (data->groups->len > 1)
    g_ptr_array_add (parts, g_strdup (_("Change on the year before, in percent: a panel per "
                                        "metric, each on its own scale")));
  else
    g_ptr_array_add (parts, g_strdup (_("Change on the year before, in percent")));
  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      g_autofree char *periods = NULL;

      if (bar->growths->len == 0)
        continue;
      periods = reel_text_dup_growth_periods (g_ptr_array_index (bar->growths, 0));
      if (periods != NULL)
        {
          g_ptr_array_add (parts, g_strdup (_("or on the period a bar names")));
          break;
        }
    }
  if (data->capped)
    g_ptr_array_add (parts, g_strdup (_("bars cut at the break are outliers, not to scale")));
}

/* "Sensor Tower, in-app purchases, Q1 2025 vs Q1 2024": where a growth
 * figure comes from and what it compares. */
static char *
dup_origin (ReelDataset *dataset,
            guint        source,
            const char  *basis,
            const char  *periods)
{
  const char *separator = reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS);
  GString *origin = g_string_new (reel_text_get_source_name (dataset, source));

  if (basis != NULL)
    g_string_append_printf (origin, "%s%s", separator, basis);
  g_string_append_printf (origin, "%s%s", separator, periods);
  return g_string_free (origin, FALSE);
}

/* Why a place's reported revenue growth and the one computed from its
 * primary figures differ, from the figures themselves: their sources,
 * bases and periods; NULL when they share all three. */
static char *
dup_difference_note (const ReelChartData *data,
                     const ReelChartBar  *reported,
                     const ReelChartBar  *computed)
{
  const ReelGrowth *growth = g_ptr_array_index (reported->growths, 0);
  const ReelFigure *now = g_ptr_array_index (computed->figures, 0);
  const ReelFigure *before = g_ptr_array_index (computed->figures, 1);
  g_autofree char *growth_periods = reel_text_dup_growth_periods (growth);
  g_autofree char *now_year = g_strdup_printf ("%u", now->year);
  g_autofree char *before_year = g_strdup_printf ("%u", before->year);
  /* TRANSLATORS: the periods a growth figure compares: "Q1 2025 vs Q4 2024" */
  g_autofree char *years = g_strdup_printf (_("%s vs %s"), now_year, before_year);
  g_autofree char *reported_origin = NULL, *computed_origin = NULL;
  g_autofree char *reported_value = format_value (data, reported->value, reported->qualifier);
  g_autofree char *computed_value = format_value (data, computed->value, REEL_QUALIFIER_NONE);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (growth->source != now->source || growth->source != before->source)
    g_ptr_array_add (reasons, _("the sources differ"));
  if (g_strcmp0 (growth->basis, now->basis) != 0 || g_strcmp0 (now->basis, before->basis) != 0)
    g_ptr_array_add (reasons, _("the bases differ"));
  if (growth_periods != NULL)
    g_ptr_array_add (reasons, _("the periods differ"));
  if (reasons->len == 0)
    return NULL;

  reported_origin = dup_origin (data->dataset, growth->source, growth->basis,
                                growth_periods != NULL ? growth_periods : years);
  computed_origin = dup_origin (data->dataset, now->source, now->basis, years);
  joined = reel_text_join (reasons, REEL_TEXT_SEPARATOR_NAMES);
  /* TRANSLATORS: a note under Growth: "World: +300% reported (Sensor Tower, Q1 2025 vs Q1 2024)
   * and +100% computed (Gamma Times, 2024 vs 2023) are not comparable: the sources differ,
   * the periods differ." */
  return g_strdup_printf (_("%s: %s reported (%s) and %s computed (%s) are not comparable: %s."),
                          computed->name, reported_value, reported_origin, computed_value,
                          computed_origin, joined);
}

/* Where a place shows both a reported revenue growth and one computed
 * from its figures (the world's ≈+293% beside +94.3%), what sets them
 * apart. */
static void
add_notes_after (const ReelChartData *data,
                 GPtrArray           *notes)
{
  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *computed = &g_array_index (data->bars, ReelChartBar, i);

      for (guint j = 0; (computed->flags & REEL_CHART_MARK_COMPUTED) && j < data->bars->len; j++)
        {
          const ReelChartBar *reported = &g_array_index (data->bars, ReelChartBar, j);
          char *note;

          if (reported->region != computed->region || reported->growths->len == 0 ||
              g_strcmp0 (reported->metric, "revenue") != 0)
            continue;
          note = dup_difference_note (data, reported, computed);
          if (note != NULL)
            g_ptr_array_add (notes, note);
          break;
        }
    }
}

static char *
dup_missing_note (const ReelChartData *data,
                  const char          *names)
{
  return g_strdup_printf (_("No growth figure for %u: %s."), data->year, names);
}

static char *
dup_empty_message (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("No growth figures in this dataset"));
  return g_strdup_printf (_("No growth figures for %u"), data->year);
}

/* Which metric, or that the growth is computed from revenue, whose
 * figures then give their years. */
static void
describe_bar (const ReelChartData *data,
              const ReelChartBar  *bar,
              ReelChartBarWords   *words)
{
  g_autofree char *percent = reel_format_percent (bar->value, NULL);

  words->value = reel_text_dup_qualified_words (bar->qualifier, percent);
  if (bar->flags & REEL_CHART_MARK_COMPUTED)
    {
      words->what = g_strdup (_("revenue growth from primary figures"));
      words->value_line = format_value (data, bar->value, bar->qualifier);
      words->dated_figures = TRUE;
    }
  else
    {
      g_autofree char *metric = reel_text_dup_metric_name (bar->metric);
      g_autofree char *periods = reel_text_dup_growth_periods (g_ptr_array_index (bar->growths, 0));

      words->what = periods == NULL ? g_steal_pointer (&metric)
                                    : g_strconcat (metric,
                                                   reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS),
                                                   periods, NULL);
    }
}

const ReelChartKindClass reel_chart_growth_class = {
  .plot = &reel_chart_bars_class,
  .cut_outliers = TRUE,
  .diverging = TRUE,
  .list_years = list_years,
  .get_default_year = get_default_year,
  .collect = collect,
  .format_value = format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .add_notes_after = add_notes_after,
  .dup_missing_note = dup_missing_note,
  .dup_empty_message = dup_empty_message,
  .describe_bar = describe_bar,
};
