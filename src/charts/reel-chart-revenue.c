/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-revenue"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-format.h"
#include "reel-text-figure.h"

/* Revenue: a bar per region for the year, sorted by value, the other
 * sources' figures as a range line; a region without a figure keeps a row
 * that says so. */

GArray *
reel_chart_revenue_list_years (ReelDataset *dataset)
{
  GArray *years = reel_chart_list_revenue_years (dataset);

  reel_chart_years_sort (years);
  return years;
}

char *
reel_chart_revenue_dup_empty_message (guint year)
{
  if (year == 0)
    return g_strdup (_("No revenue figures in this dataset"));
  return g_strdup_printf (_("No revenue figures for %u"), year);
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

static void
collect (ReelChartData *data)
{
  for (guint i = 0; i < data->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (data->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, data->year);

      if (primary == NULL)
        {
          /* A row of its own, at the bottom: a gap in the data shows
           * where it is, not only in the small print. */
          const char *name = reel_text_get_region_name (region);

          reel_chart_data_add_bar (data, (int) i, name)->missing = TRUE;
          g_ptr_array_add (data->missing, (gpointer) name);
        }
      else
        {
          reel_chart_data_add_figures_bar (data, (int) i, region->revenue, primary, 1.0, TRUE);
        }
    }
}

static char *
dup_title (const ReelChartData *data)
{
  if (data->year == 0)
    return g_strdup (_("Revenue by region"));
  return g_strdup_printf (_("Revenue by region, %u"), data->year);
}

static void
add_subtitle (const ReelChartData *data,
              GPtrArray           *parts)
{
  g_ptr_array_add (parts, g_strdup_printf (_("Revenue in %s"), data->currency));
  if (data->traits.whisker)
    g_ptr_array_add (parts, g_strdup (_("bar: primary source, line: range of other sources")));
}

/* "142 million US dollars" */
static void
describe_bar (const ReelChartData *data,
              const ReelChartBar  *bar,
              ReelChartBarWords   *words)
{
  g_autofree char *money = reel_format_money_long (bar->value, data->currency, NULL);

  words->value = reel_text_dup_qualified_words (bar->qualifier, money);
}

const ReelChartKindClass reel_chart_revenue_class = {
  .plot = &reel_chart_bars_class,
  .cut_outliers = TRUE,
  .list_years = reel_chart_revenue_list_years,
  .get_default_year = reel_chart_get_revenue_year,
  .collect = collect,
  .format_value = reel_chart_money_format_value,
  .dup_title = dup_title,
  .add_subtitle = add_subtitle,
  .dup_missing_note = reel_chart_revenue_dup_missing_note,
  .dup_empty_message = reel_chart_revenue_dup_empty_message,
  .describe_bar = describe_bar,
};
