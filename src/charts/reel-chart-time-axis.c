/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-time-axis"

#include "config.h"

#include "reel-chart-time-axis.h"

#include <math.h>

/* The axis runs from the first month's start to the last month's end,
 * with a label under the middle of each month, where its point sits: the
 * locale's abbreviated name (g_date_time_format()'s %b: "May", "5月"), or
 * every third month's (January, April, July, October) when a name is
 * wider than a month, or none when it is wider than a quarter. The year
 * is written under each January, and under the first month labelled when
 * there is room before the next January's; a faint rule marks where each
 * year begins inside the plot. */

#define MONTHS_PER_YEAR 12

/* Months counted from year 0: 2025 × 12 + 4 for May 2025. A point's time
 * is its month's middle, so the floor is safe from rounding. */
static int
month_at (double time)
{
  return (int) floor (time * MONTHS_PER_YEAR);
}

static double
month_middle (int month)
{
  return (month + 0.5) / MONTHS_PER_YEAR;
}

static char *
dup_month_name (int month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month / MONTHS_PER_YEAR,
                                                   month % MONTHS_PER_YEAR + 1, 1, 0, 0, 0);

  return date != NULL ? g_date_time_format (date, "%b") : g_strdup ("");
}

/* Two lines of tick labels: the months, and the years under them. */
double
reel_chart_time_axis_height (ReelChartPen *pen)
{
  return reel_chart_pen_tick_height (pen) * 2 + pen->unit * 0.2;
}

/* @scale from the start of @first_time's month to the end of
 * @last_time's, mapped to @start .. @end. */
void
reel_chart_time_axis_fit (ReelScale *scale,
                          double     first_time,
                          double     last_time,
                          double     start,
                          double     end)
{
  *scale = (ReelScale) {
    .lo = (double) month_at (first_time) / MONTHS_PER_YEAR,
    .hi = (double) (month_at (last_time) + 1) / MONTHS_PER_YEAR,
    .n_ticks = 0,
  };
  reel_scale_set_range (scale, start, end);
}

/* Every month, every third, or none (12): the fewest months between two
 * labels that keeps the widest name a gap apart from the next. */
static int
choose_step (ReelChartDraft  *draft,
             const ReelScale *scale,
             int              first,
             int              last)
{
  double month_width = reel_scale_map (scale, month_middle (1)) -
                       reel_scale_map (scale, month_middle (0));
  double widest = 0, gap = draft->pen->unit;

  for (int month = first; month <= MIN (last, first + MONTHS_PER_YEAR - 1); month++)
    {
      g_autofree char *name = dup_month_name (month);
      ReelChartText text = reel_chart_pen_measure_line (draft->pen, REEL_CHART_FONT_TICK, name);

      widest = MAX (widest, text.width);
      reel_chart_text_clear (&text);
    }

  if (widest + gap <= month_width)
    return 1;
  if (widest + gap <= month_width * 3)
    return 3;
  return MONTHS_PER_YEAR;
}

/* @label centred under @x, kept within the content. */
static void
add_label (ReelChartDraft *draft,
           ReelChartText  *label,
           double          x,
           double          top)
{
  const ReelChartRect *content = &draft->frame->content;

  x = CLAMP (x - label->width / 2, content->x, content->x + content->width - label->width);
  reel_chart_canvas_add_text (draft->canvas, label, x, top, REEL_CHART_INK_DIM,
                              REEL_CHART_TEXT_TICK);
}

/* The year of @month under it, unless the next January's year, which
 * always has its label, would be too close. */
static void
add_year_label (ReelChartDraft  *draft,
                const ReelScale *scale,
                int              month,
                int              last,
                double           top)
{
  g_autofree char *year = g_strdup_printf ("%d", month / MONTHS_PER_YEAR);
  ReelChartText label = reel_chart_pen_measure_line (draft->pen, REEL_CHART_FONT_TICK, year);
  int next_january = (month / MONTHS_PER_YEAR + 1) * MONTHS_PER_YEAR;
  double x = reel_scale_map (scale, month_middle (month));

  if (month % MONTHS_PER_YEAR == 0 || next_january > last ||
      reel_scale_map (scale, month_middle (next_january)) - x >= label.width + draft->pen->unit * 2)
    add_label (draft, &label, x, top);
  reel_chart_text_clear (&label);
}

/* The labels under the plot from @top, and the rules of the years'
 * starts from @plot_top to @plot_bottom. */
void
reel_chart_time_axis_add (ReelChartDraft  *draft,
                          const ReelScale *scale,
                          double           plot_top,
                          double           plot_bottom,
                          double           top)
{
  int first = month_at (scale->lo + 0.5 / MONTHS_PER_YEAR);
  int last = month_at (scale->hi - 0.5 / MONTHS_PER_YEAR);
  double year_top = top + reel_chart_pen_tick_height (draft->pen) + draft->pen->unit * 0.2;
  int step = choose_step (draft, scale, first, last);
  gboolean year_shown = FALSE;

  for (int month = first; month <= last; month++)
    {
      double x = reel_scale_map (scale, month_middle (month));
      gboolean january = month % MONTHS_PER_YEAR == 0;

      if (january && month > first)
        {
          double rule_x = reel_scale_map (scale, (double) month / MONTHS_PER_YEAR);

          reel_chart_canvas_add_rule (draft->canvas, REEL_CHART_INK_GRID, rule_x, plot_top,
                                      rule_x, plot_bottom);
        }
      if (step < MONTHS_PER_YEAR && month % step == 0)
        {
          g_autofree char *name = dup_month_name (month);
          ReelChartText label = reel_chart_pen_measure_line (draft->pen, REEL_CHART_FONT_TICK,
                                                             name);

          add_label (draft, &label, x, top);
          reel_chart_text_clear (&label);
        }
      if (january || (!year_shown && (step == MONTHS_PER_YEAR || month % step == 0)))
        {
          add_year_label (draft, scale, month, last, step == MONTHS_PER_YEAR ? top : year_top);
          year_shown = TRUE;
        }
    }
}
