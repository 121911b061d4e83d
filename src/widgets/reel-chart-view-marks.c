/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-view-private.h"

#include "reel-chart-mark-widget.h"
#include "reel-chart-navigation.h"

/* The chart view's accessible marks (reel-chart-view.c says why they are
 * widgets on GTK 4.8): one focusable child per mark of the layout, placed
 * and labelled from it, and how the keyboard focus enters and moves
 * between them. */

/* The marks that have a widget: all of them, except in the frame after
 * an allocation changed their number, before _reel_chart_view_sync_mark_widgets() runs. */
guint
_reel_chart_view_n_marks (ReelChartView *self)
{
  guint n = self->layout != NULL ? reel_chart_layout_get_n_marks (self->layout) : 0;

  return MIN (n, self->mark_widgets->len);
}

void
_reel_chart_view_update_mark_widgets (ReelChartView *self)
{
  guint n = _reel_chart_view_n_marks (self);
  gboolean round = self->layout != NULL &&
                   reel_chart_layout_get_kind (self->layout) == REEL_CHART_TREND;

  for (guint i = 0; i < n; i++)
    reel_chart_mark_widget_update (g_ptr_array_index (self->mark_widgets, i),
                                   reel_chart_layout_get_mark (self->layout, i), round);

  if (self->focus_mark >= (int) n)
    self->focus_mark = (int) n - 1;
  if (self->hover_mark >= (int) n)
    self->hover_mark = -1;
}

/* One child per mark of the layout, reused from one layout to the next so
 * that the focused mark keeps the focus when the chart is laid out again.
 * Children are added and removed only here, before a frame's layout: one
 * added in size_allocate would be drawn by its ancestors before GTK 4.8
 * allocates them again. */
void
_reel_chart_view_sync_mark_widgets (ReelChartView *self)
{
  guint n = self->layout != NULL ? reel_chart_layout_get_n_marks (self->layout) : 0;

  while (self->mark_widgets->len > n)
    {
      GtkWidget *widget = g_ptr_array_index (self->mark_widgets, self->mark_widgets->len - 1);

      /* The focus stays in the chart when its mark goes away. */
      if (gtk_widget_has_focus (widget) && n > 0)
        gtk_widget_grab_focus (g_ptr_array_index (self->mark_widgets, n - 1));
      gtk_widget_unparent (widget);
      g_ptr_array_remove_index (self->mark_widgets, self->mark_widgets->len - 1);
    }

  while (self->mark_widgets->len < n)
    {
      /* The array holds a reference of its own, the parent another. */
      GtkWidget *widget = g_object_ref_sink (reel_chart_mark_widget_new (self->mark_widgets->len));

      gtk_widget_set_parent (widget, GTK_WIDGET (self));
      g_ptr_array_add (self->mark_widgets, widget);
    }

  _reel_chart_view_update_mark_widgets (self);
}

/* Where the keyboard enters the chart: the mark it left, else the
 * selected region's, else the first. */
int
_reel_chart_view_get_entry_mark (ReelChartView *self)
{
  guint n = _reel_chart_view_n_marks (self);

  if (self->focus_mark >= 0 && (guint) self->focus_mark < n)
    return self->focus_mark;

  if (self->layout != NULL)
    for (guint i = 0; i < n; i++)
      if (reel_chart_layout_get_mark (self->layout, i)->flags & REEL_CHART_MARK_SELECTED)
        return (int) i;

  return n > 0 ? 0 : -1;
}

void
_reel_chart_view_focus_mark (ReelChartView *self,
                             int            index)
{
  g_assert (index >= 0 && (guint) index < _reel_chart_view_n_marks (self));

  self->focus_mark = index;
  gtk_widget_grab_focus (g_ptr_array_index (self->mark_widgets, index));
}

int
_reel_chart_view_get_focused_mark (ReelChartView *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  guint index;

  if (child == NULL || !gtk_widget_has_focus (child) || !REEL_IS_CHART_MARK_WIDGET (child))
    return -1;

  index = reel_chart_mark_widget_get_index (REEL_CHART_MARK_WIDGET (child));
  return index < _reel_chart_view_n_marks (self) ? (int) index : -1;
}

/* GtkWidget::focus: one Tab stop, the arrows move between the marks. */
gboolean
_reel_chart_view_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  int focused = _reel_chart_view_get_focused_mark (self);
  guint n_marks = _reel_chart_view_n_marks (self);
  int target;

  if (n_marks == 0)
    return FALSE;

  if (focused >= 0)
    {
      switch (direction)
        {
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
          /* One Tab stop: the arrows move inside. */
          return FALSE;
        case GTK_DIR_UP:
          target = reel_chart_find_move_target (self->layout, n_marks, focused,
                                                REEL_CHART_MOVE_UP);
          break;
        case GTK_DIR_DOWN:
          target = reel_chart_find_move_target (self->layout, n_marks, focused,
                                                REEL_CHART_MOVE_DOWN);
          break;
        case GTK_DIR_LEFT:
          target = reel_chart_find_move_target (self->layout, n_marks, focused,
                                                REEL_CHART_MOVE_LEFT);
          break;
        case GTK_DIR_RIGHT:
        default:
          target = reel_chart_find_move_target (self->layout, n_marks, focused,
                                                REEL_CHART_MOVE_RIGHT);
          break;
        }
      _reel_chart_view_focus_mark (self, target);
      return TRUE;
    }

  target = _reel_chart_view_get_entry_mark (self);
  if (target < 0)
    return FALSE;

  _reel_chart_view_focus_mark (self, target);
  return TRUE;
}
