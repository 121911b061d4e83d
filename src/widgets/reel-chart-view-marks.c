/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-view-private.h"

#include "reel-chart-mark-widget.h"

/* The chart view's accessible marks (reel-chart-view.c says why they are
 * widgets on GTK 4.8): one focusable child per mark of the layout, placed
 * and labelled from it. */

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
