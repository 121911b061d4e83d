/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-navigation"

#include "config.h"

#include "reel-chart-navigation.h"

#include <math.h>

#include "reel-region-selection.h"

/* How the arrow keys, Home and End move the focus between the marks of a
 * chart view (DESIGN §5): in mark order, except that Up and Down on Trend
 * go to the nearest point of the next line; the order of the regions a
 * range selects; and the view's key bindings. */

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

/* The regions of the first @n_marks of @layout, each once, in mark order:
 * what a range of regions (Shift) runs along. */
GStrv
reel_chart_dup_mark_regions (ReelChartLayout *layout,
                             guint            n_marks)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), NULL);

  for (guint i = 0; i < MIN (n_marks, reel_chart_layout_get_n_marks (layout)); i++)
    {
      const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);

      if (mark->region_id != NULL &&
          !g_ptr_array_find_with_equal_func (seen, mark->region_id, g_str_equal, NULL))
        {
          g_ptr_array_add (seen, (gpointer) mark->region_id);
          g_strv_builder_add (builder, mark->region_id);
        }
    }

  return g_strv_builder_end (builder);
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

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  ReelChartMove   move)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "chart.move-focus", "i", (int) move);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, 0, "chart.move-focus", "i",
                                       (int) move);
}

/* The keys of a chart view's actions: arrows, Home and End move between
 * marks (chart.move-focus); Enter or Space selects the focused mark's
 * region (chart.select); Ctrl+C or Ctrl+Insert copies the chart
 * (chart.copy). */
void
reel_chart_add_key_bindings (GtkWidgetClass *widget_class)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, REEL_CHART_MOVE_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, REEL_CHART_MOVE_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, REEL_CHART_MOVE_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, REEL_CHART_MOVE_DOWN);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, REEL_CHART_MOVE_FIRST);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, REEL_CHART_MOVE_LAST);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.select", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.select", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "chart.select", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.select", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "chart.select", NULL);
  /* As GTK's lists: Ctrl+Space adds or takes out, Shift+Space selects a range. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK,
                                       "chart.select-with", "i", (int) REEL_SELECT_TOGGLE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_SHIFT_MASK,
                                       "chart.select-with", "i", (int) REEL_SELECT_EXTEND);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "chart.select-world", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "chart.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK,
                                       "chart.copy", NULL);
}
