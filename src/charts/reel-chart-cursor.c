/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-cursor"

#include "config.h"

#include "reel-chart-cursor.h"

#include <glib/gi18n.h>

#include "reel-text-figure.h"

/* Whether the lines are months: their points are measures of a month. */
static gboolean
has_months (const ReelChartData *data)
{
  for (guint i = 0; i < data->series->len; i++)
    {
      const ReelChartSeries *series = &g_array_index (data->series, ReelChartSeries, i);

      for (guint j = 0; j < series->points->len; j++)
        if (g_array_index (series->points, ReelChartPoint, j).measure != NULL)
          return TRUE;
    }

  return FALSE;
}

/* The month a point stands for: its measure's, or its year's January. */
guint
reel_chart_point_get_month (const ReelChartPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->measure != NULL ? point->measure->period.first : point->year * 12;
}

/* How many of @series' points, from the first, are at or before @cursor;
 * every one without a cursor. */
guint
reel_chart_series_count_shown (const ReelChartSeries *series,
                               guint                  cursor)
{
  guint shown = 0;

  g_return_val_if_fail (series != NULL, 0);

  if (cursor == 0)
    return series->points->len;
  while (shown < series->points->len &&
         reel_chart_point_get_month (&g_array_index (series->points, ReelChartPoint, shown)) <=
         cursor)
    shown++;

  return shown;
}

/* The places a cursor can stop at: every point's month, sorted, once. */
GArray *
reel_chart_cursor_list (const ReelChartData *data)
{
  GArray *months = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (data != NULL, months);

  for (guint i = 0; i < data->series->len; i++)
    {
      const ReelChartSeries *series = &g_array_index (data->series, ReelChartSeries, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          guint month = reel_chart_point_get_month (&g_array_index (series->points,
                                                                    ReelChartPoint, j));

          reel_chart_years_add (months, month);
        }
    }
  reel_chart_years_sort (months);

  return months;
}

/* The cursor's period in words, as the axis names it: "Aug 2025", or
 * "2025" on a chart of years. */
char *
reel_chart_cursor_dup_name (const ReelChartData *data)
{
  ReelPeriod period = { data->cursor, data->cursor, REEL_PERIOD_MONTH };

  g_return_val_if_fail (data != NULL && data->cursor != 0, NULL);

  if (!has_months (data))
    reel_period_init_year (&period, data->cursor / 12);

  return reel_text_dup_period (&period, FALSE);
}

/* Where the cursor stands on the time axis (reel-chart-time-axis.h): a
 * month at its middle, a year at the year. */
double
reel_chart_cursor_get_time (const ReelChartData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  if (!has_months (data))
    return (double) (data->cursor / 12);
  return data->cursor / 12 + (data->cursor % 12 + 0.5) / 12;
}

/* A rule across the plot at @x, under the lines. */
void
reel_chart_cursor_add_rule (ReelChartDraft *draft,
                            double          x,
                            double          top,
                            double          bottom)
{
  g_return_if_fail (draft != NULL);

  reel_chart_canvas_add_line (draft->canvas, REEL_CHART_INK_FOREGROUND, 0, x, top, x, bottom, 1,
                              REEL_CHART_DASH_SOLID)->alpha = 0.5;
}

/* How many marks' points and end labels @box covers. */
static guint
count_covered (ReelChartCanvas     *canvas,
               const ReelChartRect *box)
{
  guint n = 0;

  for (guint i = 0; i < canvas->marks->len; i++)
    {
      const ReelChartMark *mark = &g_array_index (canvas->marks, ReelChartMark, i);

      n += reel_chart_rect_intersects (box, &mark->rect);
      n += mark->label_box.width > 0 && reel_chart_rect_intersects (box, &mark->label_box);
    }

  return n;
}

/* The period's name at the rule, over the lines on a halo of the
 * background: left of the rule, as the end labels at the cursor are
 * right of it, unless that would leave the plot at @left; at the plot's
 * @top, or at its @bottom when that covers fewer points and labels. */
void
reel_chart_cursor_add_label (ReelChartDraft *draft,
                             double          x,
                             double          top,
                             double          bottom,
                             double          left)
{
  g_autofree char *name = NULL;
  ReelChartText label;
  double gap, label_x;
  ReelChartRect halo;

  g_return_if_fail (draft != NULL);

  name = reel_chart_cursor_dup_name (draft->data);
  label = reel_chart_pen_measure_line (draft->pen, REEL_CHART_FONT_LABEL_BOLD, name);
  gap = draft->pen->unit * 0.4;
  label_x = x - gap - label.width >= left ? x - gap - label.width : x + gap;
  halo = (ReelChartRect) { label_x - 3, top - 1, label.width + 6, label.height + 2 };
  if (count_covered (draft->canvas, &halo) > 0)
    {
      ReelChartRect low = halo;

      low.y = bottom - gap - label.height - 1;
      if (count_covered (draft->canvas, &low) < count_covered (draft->canvas, &halo))
        halo = low;
    }

  reel_chart_canvas_add_rect (draft->canvas, REEL_CHART_INK_BACKGROUND, 0, &halo, 3,
                              REEL_CHART_CORNER_ALL)->alpha = 0.85;
  reel_chart_canvas_add_text (draft->canvas, &label, label_x, halo.y + 1,
                              REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_LABEL);
  reel_chart_text_clear (&label);
}

/* At the cursor: the period, then each line's value at its last point up
 * to it, "Up to Aug 2025. World: $196M in Aug 2025". */
void
reel_chart_cursor_append_summary (GString                  *summary,
                                  const ReelChartKindClass *kind,
                                  const ReelChartData      *data)
{
  g_autofree char *cursor = NULL;
  const char *separator = "";

  g_return_if_fail (summary != NULL && kind != NULL && data != NULL && data->cursor != 0);

  cursor = reel_chart_cursor_dup_name (data);
  /* TRANSLATORS: in Trend's summary, where its time cursor is, "Up to Aug 2025" */
  g_string_append_printf (summary, _("Up to %s"), cursor);
  g_string_append (summary, ". ");
  for (guint i = 0; i < data->series->len; i++)
    {
      const ReelChartSeries *series = &g_array_index (data->series, ReelChartSeries, i);
      guint shown = reel_chart_series_count_shown (series, data->cursor);
      const ReelChartPoint *point;
      g_autofree char *value = NULL;
      g_autofree char *month = NULL;

      if (shown == 0)
        continue;
      point = &g_array_index (series->points, ReelChartPoint, shown - 1);
      value = kind->format_value (data, point->value, point->qualifier);
      g_string_append (summary, separator);
      separator = reel_text_get_separator (REEL_TEXT_SEPARATOR_ITEMS);
      if (point->measure == NULL)
        {
          g_string_append_printf (summary, _("%s: %s in %u"), series->name, value, point->year);
          continue;
        }
      month = reel_text_dup_period (&point->measure->period, FALSE);
      g_string_append_printf (summary, _("%s: %s in %s"), series->name, value, month);
    }
}
