/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-transition.h"

#include "reel-chart-tween.h"

/* The view's bars move from one year to the next over about a third of a
 * second, fast at first and slowing into place (ease-out), one frame per
 * tick of the frame clock; a frame only draws both layouts' shapes
 * (reel_chart_render_between()). With animations off (GtkSettings:
 * gtk-enable-animations, the desktop's reduce-motion setting) the chart
 * steps. */

static gboolean
animations_enabled (GtkWidget *widget)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* Cubic ease-out. */
static double
ease_out (double t)
{
  double rest = 1 - CLAMP (t, 0, 1);

  return 1 - rest * rest * rest;
}

static double
get_linear_progress (ReelChartTransition *transition)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (transition->widget);
  gint64 now;

  if (clock == NULL)
    return 1;

  now = gdk_frame_clock_get_frame_time (clock);
  if (transition->start == 0)
    transition->start = now;

  return (double) (now - transition->start) / REEL_CHART_TRANSITION_USEC;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  ReelChartTransition *transition = user_data;

  gtk_widget_queue_draw (widget);
  if (get_linear_progress (transition) < 1)
    return G_SOURCE_CONTINUE;

  /* The source goes when this returns. */
  transition->tick = 0;
  reel_chart_transition_stop (transition);
  return G_SOURCE_REMOVE;
}

/* From @from, the layout shown, to @to, the one that replaces it: a
 * transition where both are of one kind and size and animations are on;
 * else none (a running one stops). */
void
reel_chart_transition_start (ReelChartTransition *transition,
                             GtkWidget           *widget,
                             ReelChartLayout     *from,
                             ReelChartLayout     *to)
{
  g_return_if_fail (transition != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  reel_chart_transition_stop (transition);
  if (from == NULL || to == NULL || !gtk_widget_get_mapped (widget) ||
      !animations_enabled (widget) || !reel_chart_can_tween (from, to))
    return;

  transition->widget = widget;
  transition->from = g_object_ref (from);
  transition->start = 0;
  transition->tick = gtk_widget_add_tick_callback (widget, tick_cb, transition, NULL);
}

void
reel_chart_transition_stop (ReelChartTransition *transition)
{
  g_return_if_fail (transition != NULL);

  if (transition->tick != 0)
    gtk_widget_remove_tick_callback (transition->widget, transition->tick);
  transition->tick = 0;
  g_clear_object (&transition->from);
}

/* Draws the frame of the running transition into @to; FALSE with none
 * running (the caller draws @to). */
gboolean
reel_chart_transition_render (ReelChartTransition *transition,
                              ReelChartLayout     *to,
                              cairo_t             *cr)
{
  g_return_val_if_fail (transition != NULL, FALSE);

  if (transition->from == NULL)
    return FALSE;

  reel_chart_render_between (transition->from, to, ease_out (get_linear_progress (transition)),
                             NULL, cr);
  return TRUE;
}
