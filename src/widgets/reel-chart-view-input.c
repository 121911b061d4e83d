/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-view-private.h"

#include "reel-chart-navigation.h"
#include "reel-region-selection.h"

/* The chart view's input: a click selects the mark under the pointer (with
 * Ctrl or Shift, adds to the regions or a range of them), the pointer
 * shows which marks select, and the keyboard's actions move the focus
 * among the marks, select the focused one or the world, and copy the
 * chart (reel-chart-navigation.h binds the keys). */

/* The mark at @index selected as @mode says: an app alone, or a region
 * with those selected before. */
static void
select_mark (ReelChartView  *self,
             int             index,
             ReelSelectMode  mode)
{
  const ReelChartMark *mark = self->layout != NULL ? _reel_chart_view_get_mark (self, index)
                                                   : NULL;
  g_auto(GStrv) order = NULL;
  g_auto(GStrv) selection = NULL;

  if (!_reel_chart_view_mark_is_selectable (mark))
    return;

  /* An app is one at a time, apart from the regions */
  if (mark->platform_id != NULL)
    {
      _reel_chart_view_set_selected_platform (self, mark->platform_id);
      return;
    }

  order = reel_chart_dup_mark_regions (self->layout, _reel_chart_view_n_marks (self));
  selection = reel_region_selection_change ((const char * const *) self->selected_regions,
                                            (const char * const *) order, mark->region_id, mode);
  reel_chart_view_set_selected_regions (self, (const char * const *) selection);
}

/* ------------------------------------------------------------------ */
/* Pointer */

static void
click_pressed_cb (ReelChartView   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GdkModifierType state;
  int index;

  if (n_press != 1 || (index = _reel_chart_view_hit_test (self, x, y)) < 0)
    return;

  /* The keyboard goes on from the mark clicked. */
  _reel_chart_view_focus_mark (self, index);
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  select_mark (self, index, reel_select_mode_for_state (state));
}

static void
set_hover_mark (ReelChartView *self,
                int            index)
{
  gboolean selectable;

  if (self->hover_mark == index)
    return;

  self->hover_mark = index;
  selectable = index >= 0 &&
               _reel_chart_view_mark_is_selectable (_reel_chart_view_get_mark (self, index));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), selectable ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (ReelChartView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  set_hover_mark (self, _reel_chart_view_hit_test (self, x, y));
}

static void
leave_cb (ReelChartView            *self,
          GtkEventControllerMotion *controller)
{
  set_hover_mark (self, -1);
}

/* ------------------------------------------------------------------ */
/* Keyboard actions */

static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  int from = _reel_chart_view_get_focused_mark (self);
  guint n_marks = _reel_chart_view_n_marks (self);
  ReelChartMove move = (ReelChartMove) g_variant_get_int32 (parameter);

  if (n_marks == 0)
    return;

  if (from < 0)
    {
      _reel_chart_view_focus_mark (self, _reel_chart_view_get_entry_mark (self));
      return;
    }

  _reel_chart_view_focus_mark (self,
                               reel_chart_find_move_target (self->layout, n_marks, from, move));
}

static void
select_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  ReelSelectMode mode = parameter != NULL ? (ReelSelectMode) g_variant_get_int32 (parameter)
                                          : REEL_SELECT_REPLACE;

  select_mark (self, _reel_chart_view_get_focused_mark (self), mode);
}

static void
select_world_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);

  /* An app selected goes first */
  if (self->selected_platform != NULL)
    _reel_chart_view_set_selected_platform (self, NULL);
  else
    reel_chart_view_set_selected_region (self, NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  reel_chart_view_copy_image (REEL_CHART_VIEW (widget));
}

/* ------------------------------------------------------------------ */
/* Set-up */

void
_reel_chart_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chart.move-focus", "i", move_focus_action);
  gtk_widget_class_install_action (widget_class, "chart.select", NULL, select_focused_action);
  gtk_widget_class_install_action (widget_class, "chart.select-with", "i", select_focused_action);
  gtk_widget_class_install_action (widget_class, "chart.select-world", NULL, select_world_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);

  reel_chart_add_key_bindings (widget_class);
}

void
_reel_chart_view_init_input (ReelChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
