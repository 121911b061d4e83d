/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-widget-util.h"
#include "reel-window-private.h"

/* The period control beside the year menu: Previous, Next and Play, their
 * keys, and the ReelTimeline that keeps where the window is in time. The
 * periods are the years the chart kind shown has figures for (the year
 * menu's); on Trend, which draws every period at once, the places of its
 * time cursor: the months of its lines where they are months, else the
 * years (reel_chart_layout_list_cursors()). The year menu keeps the
 * year the regions' list shows; the chart names the cursor's period. */

/* Trend's cursors, as its layout lists them; none before it is laid out. */
static GArray *
list_trend_cursors (ReelWindow *self)
{
  ReelChartLayout *layout = reel_chart_view_get_layout (self->chart_view);

  if (layout == NULL || reel_chart_layout_get_kind (layout) != REEL_CHART_TREND)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  return reel_chart_layout_list_cursors (layout);
}

/* The timeline's periods: the year menu's, where the chart has a year;
 * Trend's cursors. */
void
_reel_window_update_timeline (ReelWindow *self)
{
  g_autoptr(GArray) periods = NULL;
  guint period = self->year;

  if (self->chart_kind == REEL_CHART_TREND)
    {
      periods = list_trend_cursors (self);
      period = reel_chart_view_get_cursor (self->chart_view);
    }
  else if (self->years != NULL)
    periods = g_array_ref (self->years);
  else
    periods = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Months, unless every cursor is a January: a chart of years */
  self->timeline_months = FALSE;
  for (guint i = 0; self->chart_kind == REEL_CHART_TREND && i < periods->len; i++)
    self->timeline_months |= g_array_index (periods, guint, i) % 12 != 0;

  if (reel_timeline_has_periods (self->timeline, periods) &&
      reel_timeline_get_period (self->timeline) == period)
    return;
  reel_timeline_set_periods (self->timeline, periods, period);
}

/* Trend's lines change with the selection and the data: so do its
 * cursors. Its layout's notify comes after each step too, which keeps
 * them. */
static void
layout_changed_cb (ReelWindow    *self,
                   GParamSpec    *pspec,
                   ReelChartView *view)
{
  if (self->chart_kind == REEL_CHART_TREND)
    _reel_window_update_timeline (self);
}

/* The step buttons' words: by month on Trend's months, else by year. */
static void
name_step_buttons (ReelWindow *self)
{
  GtkWidget *previous[] = { self->period_previous_button, self->bottom_previous_button };
  GtkWidget *next[] = { self->period_next_button, self->bottom_next_button };
  gboolean months = self->timeline_months;

  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      reel_widget_set_tooltip_text (previous[i], months ? _("Previous Month (Left)")
                                                       : _("Previous Year (Left)"));
      reel_widget_set_tooltip_text (next[i], months ? _("Next Month (Right)")
                                                   : _("Next Year (Right)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (previous[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      months ? _("Previous month") : _("Previous year"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (next[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      months ? _("Next month") : _("Next year"), -1);
    }
}

/* The buttons show where the controls do (the header or the bottom bar)
 * and step only where a chart with periods shows; Play flips to Pause. */
void
_reel_window_update_period_controls (ReelWindow *self,
                                     gboolean    in_header,
                                     gboolean    in_bottom_bar)
{
  gboolean shown = self->dataset != NULL && !_reel_window_shows_overview (self);
  gboolean playing;
  const char *icon, *tooltip, *label;

  gtk_widget_set_visible (self->period_box, in_header);
  gtk_widget_set_visible (self->bottom_period_box, in_bottom_bar);

  if (!shown)
    reel_timeline_set_playing (self->timeline, FALSE);
  playing = reel_timeline_get_playing (self->timeline);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.period-previous",
                                 shown && reel_timeline_can_step (self->timeline, -1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.period-next",
                                 shown && reel_timeline_can_step (self->timeline, +1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.play",
                                 shown && reel_timeline_get_n_periods (self->timeline) >= 2);

  name_step_buttons (self);
  icon = playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic";
  if (playing)
    tooltip = _("Pause (Space)");
  else if (self->timeline_months)
    tooltip = _("Play Through the Months (Space)");
  else
    tooltip = _("Play Through the Years (Space)");
  /* TRANSLATORS: accessible names of the button that plays through the years */
  label = playing ? C_("timeline", "Pause") : C_("timeline", "Play");
  for (guint i = 0; i < 2; i++)
    {
      GtkButton *button = i == 0 ? self->play_button : self->bottom_play_button;

      gtk_button_set_icon_name (button, icon);
      reel_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
timeline_changed_cb (ReelWindow   *self,
                     GParamSpec   *pspec,
                     ReelTimeline *timeline)
{
  guint period = reel_timeline_get_period (timeline);

  /* On Trend, once its cursors are known: a cursor it no longer has is
   * let go, for the whole chart. */
  if (self->chart_kind == REEL_CHART_TREND && reel_timeline_get_n_periods (timeline) > 0)
    reel_chart_view_set_cursor (self->chart_view, period);
  else if (self->chart_kind != REEL_CHART_TREND && period != 0)
    _reel_window_set_year (self, period);
  /* The chart lays the next year out while this one shows. */
  if (reel_timeline_get_playing (timeline) && self->chart_kind != REEL_CHART_TREND)
    reel_chart_view_prepare_year (self->chart_view, reel_timeline_peek (timeline, +1));
  _reel_window_update_bottom_bar (self);
}

/* The year chosen elsewhere (the menu, win.year): Play goes on from it. */
static void
year_changed_cb (ReelWindow *self,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  if (self->chart_kind != REEL_CHART_TREND)
    reel_timeline_set_period (self->timeline, self->year);
}

/* Whether @focus reads the arrow keys itself: text, a scale, a popover's
 * list (the year menu open). */
static gboolean
focus_takes_arrows (GtkWidget *focus)
{
  return GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) || GTK_IS_RANGE (focus) ||
         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

/* Left and Right step, Space plays or pauses, wherever they would do
 * nothing else: on the chart (whose marks go up and down with the other
 * arrows, and are selected with Enter), or with the focus nowhere; Left
 * and Right also wherever they edit no text. Space stays with the button,
 * the list row or the entry that has the focus. A chart without periods
 * keeps the keys for its marks, and Trend Left and Right. */
static gboolean
key_pressed_cb (ReelWindow            *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *chart = GTK_WIDGET (self->chart_view);
  gboolean on_chart = focus != NULL && (focus == chart || gtk_widget_is_ancestor (focus, chart));
  gboolean nowhere = focus == NULL || focus == GTK_WIDGET (self);

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      !gtk_widget_is_sensitive (GTK_WIDGET (self)) ||
      reel_timeline_get_n_periods (self->timeline) < 2)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (!on_chart && !nowhere && focus_takes_arrows (focus))
        return FALSE;
      /* Trend's marks are points along its time axis, which the arrows
       * move between on its chart; elsewhere they move its cursor. */
      if (on_chart && self->chart_kind == REEL_CHART_TREND)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left
                                  ? "win.period-previous" : "win.period-next", NULL);
      return TRUE;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (!on_chart && !nowhere)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.play", NULL);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
period_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  reel_timeline_step (REEL_WINDOW (widget)->timeline, -1);
}

static void
period_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  reel_timeline_step (REEL_WINDOW (widget)->timeline, +1);
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReelTimeline *timeline = REEL_WINDOW (widget)->timeline;

  reel_timeline_set_playing (timeline, !reel_timeline_get_playing (timeline));
}

void
_reel_window_class_init_timeline (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_next_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_period_box);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_play_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_previous_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, period_box);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, period_next_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, period_previous_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, play_button);

  gtk_widget_class_install_action (widget_class, "win.period-previous", NULL,
                                   period_previous_action);
  gtk_widget_class_install_action (widget_class, "win.period-next", NULL, period_next_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
}

void
_reel_window_init_timeline (ReelWindow *self)
{
  GtkEventController *keys;

  self->timeline = reel_timeline_new ();
  g_signal_connect_object (self->timeline, "notify::period",
                           G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::n-periods",
                           G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::playing",
                           G_CALLBACK (timeline_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::year", G_CALLBACK (year_changed_cb), NULL);
  g_signal_connect_object (self->chart_view, "notify::layout", G_CALLBACK (layout_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Before the focused widget's own keys, which the handler leaves it. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
