/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-headlines"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-data.h"
#include "reel-format.h"
#include "reel-headlines.h"
#include "reel-text-figure.h"

/* A section lists at most this many: a headline, not a table. */
#define MAX_ITEMS 4

static void
headline_clear (ReelHeadline *headline)
{
  g_clear_pointer (&headline->name, g_free);
  g_clear_pointer (&headline->value, g_free);
  g_clear_pointer (&headline->detail, g_free);
  g_clear_pointer (&headline->sources, g_free);
  g_clear_pointer (&headline->label, g_free);
}

static void
section_clear (ReelHeadlineSection *section)
{
  g_clear_pointer (&section->heading, g_free);
  g_clear_pointer (&section->note, g_free);
  g_clear_pointer (&section->items, g_array_unref);
}

static ReelHeadlineSection *
add_section (GArray            *sections,
             ReelHeadlineTopic  topic,
             char              *heading)
{
  ReelHeadlineSection section = { topic, heading, NULL, NULL };

  section.items = g_array_new (FALSE, TRUE, sizeof (ReelHeadline));
  g_array_set_clear_func (section.items, (GDestroyNotify) headline_clear);
  g_array_append_val (sections, section);
  return &g_array_index (sections, ReelHeadlineSection, sections->len - 1);
}

/* The accessible label says everything the card shows and its tooltip:
 * "Revenue, $2.28B, +129% on 2024, same source. Sources: …". */
static void
finish_label (ReelHeadline *headline)
{
  GString *label = g_string_new (headline->name);

  g_string_append_printf (label, ", %s", headline->value);
  if (headline->detail != NULL)
    g_string_append_printf (label, ", %s", headline->detail);
  /* TRANSLATORS: after a headline's value, before its sources, read out
   * by screen readers: "Revenue, $2.28B. Sources: DataEye …" */
  g_string_append_printf (label, _(". Sources: %s"), headline->sources);
  g_strdelimit (label->str, "\n", ';');
  headline->label = g_string_free (label, FALSE);
}

static ReelHeadline *
add_item (ReelHeadlineSection *section,
          char                *name,
          char                *value)
{
  ReelHeadline headline = { 0 };

  headline.name = name;
  headline.value = value;
  headline.region = -1;
  g_array_append_val (section->items, headline);
  return &g_array_index (section->items, ReelHeadline, section->items->len - 1);
}

/* ------------------------------------------------------------------ */
/* The world */

static gboolean
is_yearly_figure (const ReelFigure *figure)
{
  return (figure->flags & (REEL_FIGURE_FORECAST | REEL_FIGURE_PARTIAL)) == 0;
}

/* The latest year the world has a reported (not forecast) whole-year
 * revenue figure for; 0 when none. */
static guint
get_world_year (const ReelRegion *world)
{
  guint year = 0;

  for (guint i = 0; i < world->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (world->revenue, ReelFigure, i);

      if (is_yearly_figure (figure))
        year = MAX (year, figure->year);
    }
  return year;
}

/* The figure that stands for @year: the primary, unless it is a forecast
 * while a source reported the year. */
static const ReelFigure *
get_world_figure (const ReelRegion *world,
                  guint             year)
{
  const ReelFigure *primary = reel_dataset_get_primary_figure (world->revenue, year);

  if (primary != NULL && is_yearly_figure (primary))
    return primary;
  for (guint i = 0; i < world->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (world->revenue, ReelFigure, i);

      if (figure->year == year && is_yearly_figure (figure))
        return figure;
    }
  return NULL;
}

/* A growth of @metric over the year before @year, by @source if any
 * source has one; else another source's. */
static const ReelGrowth *
find_yearly_growth (const ReelRegion *place,
                    const char       *metric,
                    guint             year,
                    guint             source)
{
  const ReelGrowth *found = NULL;
  GArray *lists[] = { place->growth, place->period_growth };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const ReelGrowth *growth = &g_array_index (lists[l], ReelGrowth, i);

        if (g_strcmp0 (growth->metric, metric) != 0 || growth->year != year ||
            !reel_period_is_whole_year (&growth->period) ||
            growth->versus.first + 12 != growth->period.first ||
            !reel_period_is_whole_year (&growth->versus))
          continue;
        if (growth->source == source)
          return growth;
        if (found == NULL)
          found = growth;
      }
  return found;
}

/* "+129% on 2024, same source", or who reported it when another source
 * did; a growth the dataset computes is always between one source's
 * figures. */
static char *
dup_growth_detail (ReelDataset      *dataset,
                   const ReelGrowth *growth,
                   guint             source,
                   double            computed,
                   guint             year)
{
  g_autofree char *percent = NULL;
  g_autofree char *value = NULL;

  if (growth == NULL)
    {
      percent = reel_format_percent (computed, NULL);
      /* TRANSLATORS: a growth the app computed between two years of one
       * source: "+94% on 2024, same source" */
      return g_strdup_printf (_("%s on %u, same source"), percent, year - 1);
    }

  percent = reel_format_percent (growth->percent, NULL);
  value = reel_text_dup_qualified_sign (growth->qualifier, percent);
  if (growth->source == source)
    /* TRANSLATORS: a growth the same source reported: "+129% on 2024, same source" */
    return g_strdup_printf (_("%s on %u, same source"), value, year - 1);
  /* TRANSLATORS: a growth another source reported: "+100% on 2024, reported by Sensor Tower" */
  return g_strdup_printf (_("%s on %u, reported by %s"), value, year - 1,
                          reel_text_get_source_name (dataset, growth->source));
}

static void
add_world_revenue (ReelHeadlineSection *section,
                   ReelDataset         *dataset,
                   const ReelRegion    *world,
                   const ReelFigure    *shown)
{
  guint year = shown->year;
  const ReelGrowth *growth = find_yearly_growth (world, "revenue", year, shown->source);
  g_autoptr(GString) sources = g_string_new (NULL);
  ReelHeadline *item;
  double computed = 0;
  gboolean has_computed = shown == reel_dataset_get_primary_figure (world->revenue, year) &&
                          reel_dataset_get_revenue_growth (world->revenue, year, &computed);
  g_autofree char *money = reel_format_money_compact (shown->value,
                                                      reel_dataset_get_currency (dataset), NULL);
  g_autofree char *first_line = reel_text_dup_figure_line (dataset, shown, FALSE);

  item = add_item (section, g_strdup (_("Revenue")),
                   reel_text_dup_qualified_sign (shown->qualifier, money));
  if (has_computed || growth != NULL)
    item->detail = dup_growth_detail (dataset, has_computed ? NULL : growth, shown->source,
                                      computed, year);

  /* The one shown first, then the other sources' for the year. */
  g_string_append_printf (sources, "%s", first_line);
  for (guint i = 0; i < world->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (world->revenue, ReelFigure, i);
      g_autofree char *line = NULL;

      if (figure->year != year || figure == shown)
        continue;
      line = reel_text_dup_figure_line (dataset, figure, FALSE);
      g_string_append_printf (sources, "\n%s", line);
    }
  if (growth != NULL && !has_computed)
    {
      g_autofree char *line = reel_text_dup_growth_line (dataset, growth);

      g_string_append_printf (sources, "\n%s", line);
    }
  item->sources = g_strdup (sources->str);
  item->chart = REEL_CHART_REVENUE;
  item->year = year;
  item->estimate = (shown->flags & REEL_FIGURE_ESTIMATE) != 0;
  finish_label (item);
}

/* The world's primary downloads of @year, whole-year and reported. */
static const ReelMeasure *
find_world_downloads (const ReelRegion *world,
                      guint             year)
{
  const ReelMeasure *found = NULL;

  for (guint i = 0; world->measures != NULL && i < world->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (world->measures, ReelMeasure, i);

      if (measure->metric != REEL_METRIC_DOWNLOADS || measure->country != NULL ||
          reel_period_get_year (&measure->period) != year ||
          !reel_period_is_whole_year (&measure->period) ||
          (measure->flags & REEL_FIGURE_FORECAST) != 0)
        continue;
      if (measure->flags & REEL_FIGURE_PRIMARY)
        return measure;
      if (found == NULL)
        found = measure;
    }
  return found;
}

static void
add_world_downloads (ReelHeadlineSection *section,
                     ReelDataset         *dataset,
                     const ReelRegion    *world,
                     guint                year)
{
  const ReelMeasure *shown = find_world_downloads (world, year);
  const ReelGrowth *growth;
  g_autofree char *count = NULL;
  g_autofree char *line = NULL;
  ReelHeadline *item;

  if (shown == NULL)
    return;

  growth = find_yearly_growth (world, "downloads", year, shown->source);
  count = reel_format_number_compact (shown->value, NULL);
  item = add_item (section, g_strdup (_("Downloads")),
                   reel_text_dup_qualified_sign (shown->qualifier, count));
  if (growth != NULL)
    item->detail = dup_growth_detail (dataset, growth, shown->source, 0, year);
  line = reel_text_dup_measure_line (dataset, shown);
  if (growth != NULL)
    {
      g_autofree char *growth_line = reel_text_dup_growth_line (dataset, growth);

      item->sources = g_strdup_printf ("%s\n%s", line, growth_line);
    }
  else
    item->sources = g_steal_pointer (&line);
  item->chart = REEL_CHART_GROWTH;
  item->year = year;
  item->estimate = (shown->flags & REEL_FIGURE_ESTIMATE) != 0;
  finish_label (item);
}

static void
add_world (GArray      *sections,
           ReelDataset *dataset)
{
  const ReelRegion *world = reel_dataset_get_global (dataset);
  guint year = get_world_year (world);
  const ReelFigure *shown = year > 0 ? get_world_figure (world, year) : NULL;
  ReelHeadlineSection *section;

  if (shown == NULL)
    return;

  /* TRANSLATORS: the heading of the overview's world figures: "World, 2025" */
  section = add_section (sections, REEL_HEADLINE_WORLD, g_strdup_printf (_("World, %u"), year));
  add_world_revenue (section, dataset, world, shown);
  add_world_downloads (section, dataset, world, year);
}

/* ------------------------------------------------------------------ */
/* Markets: what the Share chart shows, its largest first */

static int
compare_marks_by_value (gconstpointer a,
                        gconstpointer b)
{
  const ReelChartMark *mark_a = *(const ReelChartMark * const *) a;
  const ReelChartMark *mark_b = *(const ReelChartMark * const *) b;

  return (mark_a->value < mark_b->value) - (mark_a->value > mark_b->value);
}

/* The chart of @kind for @year when it has one, else for its default year. */
static ReelChartLayout *
lay_out (ReelDataset   *dataset,
         ReelChartKind  kind,
         guint          year)
{
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(GArray) years = reel_chart_layout_list_years (dataset, kind);
  guint shown = 0;

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      shown = year;
  /* The size only matters to where marks are drawn, not to what they say. */
  return reel_chart_layout_new (dataset, kind, shown, NULL, theme, 960, 720, 1);
}

/* The shares of the world's latest full year, @year, where the chart has
 * them: the year the world's headline is about. */
static void
add_markets (GArray      *sections,
             ReelDataset *dataset,
             guint        year)
{
  g_autoptr(ReelChartLayout) layout = NULL;
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  ReelHeadlineSection *section;

  if (reel_chart_layout_get_default_year (dataset, REEL_CHART_SHARE) == 0)
    return;
  layout = lay_out (dataset, REEL_CHART_SHARE, year);
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (mark->region >= 0 && isfinite (mark->value) && mark->value > 0 &&
          (mark->flags & (REEL_CHART_MARK_REST | REEL_CHART_MARK_WORLD)) == 0)
        g_ptr_array_add (marks, (gpointer) mark);
    }
  if (marks->len == 0)
    return;

  g_ptr_array_sort (marks, compare_marks_by_value);
  section = add_section (sections, REEL_HEADLINE_MARKETS,
                         g_strdup (_("Leading markets, share of revenue")));
  section->note = g_strdup (reel_chart_layout_get_subtitle (layout));
  for (guint i = 0; i < MIN (marks->len, MAX_ITEMS); i++)
    {
      const ReelChartMark *mark = g_ptr_array_index (marks, i);
      g_autofree char *share = reel_format_share (mark->value, NULL);
      ReelHeadline *item = add_item (section, g_strdup (mark->name), g_strdup (share));

      item->sources = g_strdup (mark->tooltip);
      item->region = mark->region;
      item->region_id = mark->region_id;
      item->chart = REEL_CHART_SHARE;
      item->year = reel_chart_layout_get_year (layout);
      item->estimate = (mark->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
      finish_label (item);
    }
}

/* ------------------------------------------------------------------ */
/* Growth of downloads: one series, so that the regions compare */

typedef struct {
  const ReelGrowth *growth;
  int               region;
} RegionGrowth;

static gboolean
same_series (const ReelGrowth *a,
             const ReelGrowth *b)
{
  return a->source == b->source && reel_period_equal (&a->period, &b->period) &&
         reel_period_equal (&a->versus, &b->versus);
}

/* Every region's reported growth of downloads, in the dataset's order. */
static GArray *
list_download_growths (GPtrArray *regions)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (RegionGrowth));

  for (guint r = 0; r < regions->len; r++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, r);
      GArray *lists[] = { region->growth, region->period_growth };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
          {
            RegionGrowth entry = { &g_array_index (lists[l], ReelGrowth, i), (int) r };

            if (g_strcmp0 (entry.growth->metric, "downloads") == 0)
              g_array_append_val (found, entry);
          }
    }
  return found;
}

/* Of @growths, each region's first in the series of @key. */
static GArray *
collect_series (GArray           *growths,
                const ReelGrowth *key)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (RegionGrowth));

  for (guint i = 0; i < growths->len; i++)
    {
      const RegionGrowth *entry = &g_array_index (growths, RegionGrowth, i);
      gboolean seen = found->len > 0 &&
                      g_array_index (found, RegionGrowth, found->len - 1).region == entry->region;

      if (!seen && same_series (entry->growth, key))
        g_array_append_val (found, *entry);
    }
  return found;
}

/* The series (source and periods) with the most regions; of those, the
 * latest. Growth between other periods or by another source is not
 * ranked against it: it measures something else. */
static GArray *
find_download_series (ReelDataset *dataset)
{
  g_autoptr(GArray) growths = list_download_growths (reel_dataset_get_regions (dataset));
  GArray *best = NULL;

  for (guint i = 0; i < growths->len; i++)
    {
      const ReelGrowth *growth = g_array_index (growths, RegionGrowth, i).growth;
      g_autoptr(GArray) series = collect_series (growths, growth);
      const ReelGrowth *best_key = best != NULL ? g_array_index (best, RegionGrowth, 0).growth : NULL;

      if (best == NULL || series->len > best->len ||
          (series->len == best->len && growth->period.first > best_key->period.first))
        {
          g_clear_pointer (&best, g_array_unref);
          best = g_steal_pointer (&series);
        }
    }
  return best;
}

static int
compare_growth (gconstpointer a,
                gconstpointer b)
{
  const RegionGrowth *growth_a = a, *growth_b = b;

  return (growth_a->growth->percent < growth_b->growth->percent) -
         (growth_a->growth->percent > growth_b->growth->percent);
}

static char *
dup_series_note (ReelDataset      *dataset,
                 const ReelGrowth *growth)
{
  g_autofree char *periods = reel_text_dup_growth_periods (growth);
  g_autofree char *year = NULL;

  if (periods == NULL)
    /* TRANSLATORS: growth of a year over the year before: "2025 vs 2024" */
    periods = g_strdup_printf (_("%u vs %u"), growth->year, growth->year - 1);
  return g_strdup_printf ("%s%s%s", periods, reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS),
                          reel_text_get_source_name (dataset, growth->source));
}

static void
add_growth (GArray      *sections,
            ReelDataset *dataset)
{
  g_autoptr(GArray) series = find_download_series (dataset);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  ReelHeadlineSection *section;

  if (series == NULL || series->len == 0)
    return;

  g_array_sort (series, compare_growth);
  section = add_section (sections, REEL_HEADLINE_GROWTH,
                         g_strdup (_("Fastest growing, downloads")));
  section->note = dup_series_note (dataset, g_array_index (series, RegionGrowth, 0).growth);
  for (guint i = 0; i < MIN (series->len, MAX_ITEMS); i++)
    {
      const RegionGrowth *entry = &g_array_index (series, RegionGrowth, i);
      const ReelRegion *region = g_ptr_array_index (regions, entry->region);
      g_autofree char *percent = reel_format_percent (entry->growth->percent, NULL);
      ReelHeadline *item = add_item (section, g_strdup (reel_text_get_region_name (region)),
                                     reel_text_dup_qualified_sign (entry->growth->qualifier,
                                                                   percent));
      g_autofree char *line = reel_text_dup_growth_line (dataset, entry->growth);

      item->sources = g_steal_pointer (&line);
      item->region = entry->region;
      item->region_id = region->id;
      item->chart = REEL_CHART_GROWTH;
      item->year = entry->growth->year;
      item->estimate = (entry->growth->flags & REEL_FIGURE_ESTIMATE) != 0;
      finish_label (item);
    }
}

/* ------------------------------------------------------------------ */
/* Forecasts */

/* A place's forecasts for @year: the value, or the range of the sources,
 * with every source's line. */
static void
add_forecast (ReelHeadlineSection *section,
              ReelDataset         *dataset,
              const ReelRegion    *place,
              int                  region,
              guint                year)
{
  const char *currency = reel_dataset_get_currency (dataset);
  g_autoptr(GString) sources = g_string_new (NULL);
  double low = INFINITY, high = -INFINITY;
  guint n_sources = 0;
  g_autofree char *low_text = NULL;
  ReelHeadline *item;

  for (guint i = 0; i < place->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (place->revenue, ReelFigure, i);
      g_autofree char *line = NULL;

      if (figure->year != year || (figure->flags & REEL_FIGURE_FORECAST) == 0)
        continue;
      low = MIN (low, figure->value);
      high = MAX (high, figure->value);
      line = reel_text_dup_figure_line (dataset, figure, FALSE);
      g_string_append_printf (sources, "%s%s", n_sources++ > 0 ? "\n" : "", line);
    }

  low_text = reel_format_money_compact (low, currency, NULL);
  item = add_item (section,
                   /* TRANSLATORS: a forecast's place and year: "World, 2030" */
                   g_strdup_printf (_("%s, %u"), reel_text_get_region_name (place), year),
                   NULL);
  if (high > low)
    {
      g_autofree char *high_text = reel_format_money_compact (high, currency, NULL);

      /* TRANSLATORS: the range of several sources' forecasts: "$3B–$6B" */
      item->value = g_strdup_printf (_("%s–%s"), low_text, high_text);
      item->detail = g_strdup_printf (ngettext ("forecast, %u source", "forecasts, %u sources",
                                                n_sources), n_sources);
    }
  else
    {
      item->value = g_steal_pointer (&low_text);
      item->detail = g_strdup (_("forecast"));
    }
  item->sources = g_strdup (sources->str);
  item->region = region;
  item->region_id = place->id;
  item->chart = REEL_CHART_REVENUE;
  item->year = year;
  item->estimate = TRUE;
  finish_label (item);
}

/* The years @place has forecasts for, after @after, in order. */
static GArray *
list_forecast_years (const ReelRegion *place,
                     guint             after)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < place->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (place->revenue, ReelFigure, i);

      if ((figure->flags & REEL_FIGURE_FORECAST) != 0 && figure->year > after)
        reel_chart_years_add (years, figure->year);
    }
  reel_chart_years_sort (years);
  return years;
}

static void
add_forecasts (GArray      *sections,
               ReelDataset *dataset)
{
  const ReelRegion *world = reel_dataset_get_global (dataset);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  guint after = get_world_year (world);
  ReelHeadlineSection *section = NULL;

  /* The world's first, then the regions' in the dataset's order. */
  for (int r = -1; r < (int) regions->len; r++)
    {
      const ReelRegion *place = r < 0 ? world : g_ptr_array_index (regions, r);
      g_autoptr(GArray) years = list_forecast_years (place, after);

      for (guint y = 0; y < years->len; y++)
        {
          if (section == NULL)
            section = add_section (sections, REEL_HEADLINE_FORECASTS, g_strdup (_("Forecasts")));
          if (section->items->len == MAX_ITEMS)
            return;
          add_forecast (section, dataset, place, r, g_array_index (years, guint, y));
        }
    }
}

/* ------------------------------------------------------------------ */
/* Public API */

/**
 * reel_headlines_collect:
 * @dataset: the data
 *
 * The overview's sections, those with something to say, in the order of
 * #ReelHeadlineTopic.
 *
 * Returns: (transfer full) (element-type ReelHeadlineSection): the sections
 */
GArray *
reel_headlines_collect (ReelDataset *dataset)
{
  GArray *sections;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);

  sections = g_array_new (FALSE, TRUE, sizeof (ReelHeadlineSection));
  g_array_set_clear_func (sections, (GDestroyNotify) section_clear);
  add_world (sections, dataset);
  add_markets (sections, dataset, get_world_year (reel_dataset_get_global (dataset)));
  add_growth (sections, dataset);
  add_forecasts (sections, dataset);
  return sections;
}

/**
 * reel_headlines_dup_missing:
 * @dataset: the data
 *
 * The regions the Revenue chart of its default year has no figure for,
 * in one line: "No revenue figure for 2025: Latin America & Caribbean,
 * Sub-Saharan Africa".
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when every
 *   region has a figure
 */
char *
reel_headlines_dup_missing (ReelDataset *dataset)
{
  GPtrArray *regions;
  g_autoptr(ReelChartLayout) layout = NULL;
  g_autofree gboolean *shown = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);

  regions = reel_dataset_get_regions (dataset);
  if (regions->len == 0 || reel_chart_layout_get_default_year (dataset, REEL_CHART_REVENUE) == 0)
    return NULL;

  layout = lay_out (dataset, REEL_CHART_REVENUE, 0);
  shown = g_new0 (gboolean, regions->len);
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (mark->region >= 0 && isfinite (mark->value))
        shown[mark->region] = TRUE;
    }
  for (guint r = 0; r < regions->len; r++)
    if (!shown[r])
      g_ptr_array_add (names, (gpointer) reel_text_get_region_name (g_ptr_array_index (regions, r)));
  if (names->len == 0)
    return NULL;

  joined = reel_text_join (names, REEL_TEXT_SEPARATOR_NAMES);
  /* TRANSLATORS: "No revenue figure for 2025: Latin America & Caribbean, Sub-Saharan Africa" */
  return g_strdup_printf (_("No revenue figure for %u: %s"),
                          reel_chart_layout_get_year (layout), joined);
}
