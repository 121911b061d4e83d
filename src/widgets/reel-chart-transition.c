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
 * steps.
 *
 * While Play runs, the next year is laid out ahead, in an idle between
 * frames, so that the frame of the step draws and does not measure text
 * too: the view takes it when its inputs are still those it was made for
 * (the view counts their changes: one more, the year's, is expected). */

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

static gboolean
prepare_cb (gpointer user_data)
{
  ReelChartTransition *transition = user_data;
  ReelChartLayout *like = transition->prepare_like;

  transition->prepare_source = 0;
  transition->prepared =
    reel_chart_layout_new_for_metric (reel_chart_layout_get_dataset (like),
                                      reel_chart_layout_get_kind (like),
                                      reel_chart_layout_get_metric (like),
                                      transition->prepared_year,
                                      reel_chart_layout_get_selection (like),
                                      reel_chart_layout_get_theme (like),
                                      reel_chart_layout_get_width (like),
                                      reel_chart_layout_get_height (like),
                                      reel_chart_layout_get_scale (like));
  g_clear_object (&transition->prepare_like);

  return G_SOURCE_REMOVE;
}

/* Lays out, when the main loop is idle, what @like shows for @year: the
 * layout the view will want once its inputs reach @generation. */
void
reel_chart_transition_prepare (ReelChartTransition *transition,
                               ReelChartLayout     *like,
                               guint                year,
                               guint                generation)
{
  g_return_if_fail (transition != NULL);
  g_return_if_fail (REEL_IS_CHART_LAYOUT (like));

  g_clear_object (&transition->prepared);
  g_set_object (&transition->prepare_like, like);
  transition->prepared_year = year;
  transition->prepared_generation = generation;
  if (transition->prepare_source == 0)
    transition->prepare_source = g_idle_add_full (G_PRIORITY_LOW, prepare_cb, transition, NULL);
}

/* The layout prepared for @year, when it was for the inputs at @generation
 * and this size; else %NULL. Either way none is kept. */
ReelChartLayout *
reel_chart_transition_take_prepared (ReelChartTransition *transition,
                                     guint                year,
                                     guint                generation,
                                     double               width,
                                     double               height,
                                     double               scale)
{
  g_autoptr(ReelChartLayout) prepared = NULL;

  g_return_val_if_fail (transition != NULL, NULL);

  prepared = g_steal_pointer (&transition->prepared);
  if (prepared == NULL || transition->prepared_year != year ||
      transition->prepared_generation != generation ||
      reel_chart_layout_get_width (prepared) != width ||
      reel_chart_layout_get_height (prepared) != height ||
      reel_chart_layout_get_scale (prepared) != scale)
    return NULL;

  return g_steal_pointer (&prepared);
}

/* Stops it and drops what was prepared: the view goes. */
void
reel_chart_transition_clear (ReelChartTransition *transition)
{
  g_return_if_fail (transition != NULL);

  reel_chart_transition_stop (transition);
  g_clear_handle_id (&transition->prepare_source, g_source_remove);
  g_clear_object (&transition->prepare_like);
  g_clear_object (&transition->prepared);
}

/* Draws the frame of the running transition into @to; FALSE with none
 * running (the caller draws @to). */
/* Whether it draws a frame between two layouts. */
gboolean
reel_chart_transition_is_running (ReelChartTransition *transition)
{
  g_return_val_if_fail (transition != NULL, FALSE);

  return transition->from != NULL;
}

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
