/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-trend"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Trend: one line per region through its primary figures of every year,
 * the other sources' figures as ranges at the points (DESIGN §2). */

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

  return point_a->year < point_b->year ? -1 : point_a->year > point_b->year;
}

static void
point_clear (ReelChartPoint *point)
{
  g_clear_pointer (&point->figures, g_ptr_array_unref);
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

static void
collect (ReelChartData *data)
{
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      ReelChartSeries series = {
        .region = (int) i,
        .region_id = region->id,
        .name = reel_text_get_region_name (region),
        .palette = i,
        .points = reel_chart_array_new (sizeof (ReelChartPoint), (GDestroyNotify) point_clear),
      };

      for (guint j = 0; j < region->revenue->len; j++)
        {
          const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, j);
          ReelChartPoint point;

          if ((figure->flags & REEL_FIGURE_PRIMARY) == 0)
            continue;
          point = make_point (data, region->revenue, figure);
          g_array_append_val (series.points, point);
        }

      if (series.points->len == 0)
        {
          g_ptr_array_add (data->missing, (gpointer) series.name);
          g_array_unref (series.points);
          continue;
        }

      g_array_sort (series.points, compare_points);
      g_array_append_val (data->series, series);
    }
}

static char *
dup_title (const ReelChartData *data)
{
  guint first, last;

  reel_chart_data_get_year_span (data, &first, &last);
  if (last == 0)
    return g_strdup (_("Revenue by region over time"));
  if (first == last)
    return g_strdup_printf (_("Revenue by region, %u"), first);
  /* TRANSLATORS: the title of Trend, "Revenue by region, 2022–2025" */
  return g_strdup_printf (_("Revenue by region, %u–%u"), first, last);
}

static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
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

  reel_chart_data_get_year_span (data, &first, &last);
  if (first == last)
    g_ptr_array_add (notes, g_strdup_printf (_("Only %u has revenue figures: there is no trend "
                                               "to show yet."), first));
}

static char *
dup_missing_note (const ReelChartData *data,
                  const char          *names)
{
  return g_strdup_printf (_("No revenue figures: %s."), names);
}

static char *
dup_empty_message (guint year)
{
  return g_strdup (_("No revenue figures in this dataset"));
}

static void
describe_point (const ReelChartData   *data,
                const ReelChartSeries *series,
                const ReelChartPoint  *point,
                ReelChartMark         *mark)
{
  g_autofree char *money = reel_format_money_long (point->primary->value, data->currency, NULL);
  g_autofree char *value = reel_text_dup_qualified_words (point->primary->qualifier, money);
  GString *tooltip = g_string_new (NULL);

  g_string_append_printf (tooltip, "%s · %u", series->name, point->year);
  reel_chart_append_figure_lines (tooltip, data->dataset, point->figures, FALSE);
  mark->tooltip = g_string_free (tooltip, FALSE);
  reel_chart_mark_set_label (mark, data->dataset, NULL, value, point->primary->source,
                             point->figures->len);
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
