/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-navigation"

#include "config.h"

#include "reel-chart-navigation.h"

#include <math.h>

/* How the arrow keys, Home and End move the focus between the marks of a
 * chart view (DESIGN §5): in mark order, except that Up and Down on Trend
 * go to the nearest point of the next line. Reads the layout only. */

static const ReelChartMark *
get_mark (ReelChartLayout *layout,
          int              index)
{
  if (index < 0 || (guint) index >= reel_chart_layout_get_n_marks (layout))
    return NULL;

  return reel_chart_layout_get_mark (layout, (guint) index);
}

static double
mark_centre_x (const ReelChartMark *mark)
{
  return mark->rect.x + mark->rect.width / 2;
}

/* Up and Down on Trend: the nearest point in x of the next line (in mark
 * order) above or below. */
static int
find_other_series (ReelChartLayout *layout,
                   int              from,
                   int              step)
{
  const ReelChartMark *start = get_mark (layout, from);
  const ReelChartMark *mark;
  double x, best_distance = G_MAXDOUBLE;
  int i = from + step, best = from, region;

  if (start == NULL)
    return from;
  x = mark_centre_x (start);

  while ((mark = get_mark (layout, i)) != NULL && mark->region == start->region &&
         g_strcmp0 (mark->name, start->name) == 0)
    i += step;
  if (mark == NULL)
    return from;

  region = mark->region;
  for (; (mark = get_mark (layout, i)) != NULL && mark->region == region; i += step)
    {
      double distance = fabs (mark_centre_x (mark) - x);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  return best;
}

/* Where @move goes from the mark @from among the first @n_marks of
 * @layout (the marks that have a widget). */
int
reel_chart_find_move_target (ReelChartLayout *layout,
                             guint            n_marks,
                             int              from,
                             ReelChartMove    move)
{
  int n = (int) n_marks;
  gboolean trend;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), from);

  trend = reel_chart_layout_get_kind (layout) == REEL_CHART_TREND;

  switch (move)
    {
    case REEL_CHART_MOVE_FIRST:
      return 0;
    case REEL_CHART_MOVE_LAST:
      return n - 1;
    case REEL_CHART_MOVE_UP:
      if (trend)
        return find_other_series (layout, from, -1);
      return MAX (from - 1, 0);
    case REEL_CHART_MOVE_DOWN:
      if (trend)
        return find_other_series (layout, from, +1);
      return MIN (from + 1, n - 1);
    case REEL_CHART_MOVE_LEFT:
      return MAX (from - 1, 0);
    case REEL_CHART_MOVE_RIGHT:
    default:
      return MIN (from + 1, n - 1);
    }
}
