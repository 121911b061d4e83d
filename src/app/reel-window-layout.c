/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-window-private.h"

/* How the window fits its width (GNOME HIG, adaptive layouts; libadwaita
 * 1.2 has no breakpoints, so the widths are applied as the window is
 * allocated, before its children are):
 *
 *   wide   (≥ WIDE_WIDTH)   regions | chart | audience and commentary
 *   medium (≥ NARROW_WIDTH) regions | chart; the right pane over the
 *                           chart on demand (its header toggle, F9)
 *   narrow                  the chart alone; either pane over it, one at
 *                           a time
 *
 * WIDE_WIDTH is where the chart still gets 55% of the window beside both
 * panes (264 + 336 px and the margins); below it, the chart would get less
 * than half. The header's switcher folds into a menu and then, with the
 * year, into a bottom bar, so that the window works down to 360 px. */

#define WIDE_WIDTH   1420
#define NARROW_WIDTH 820

/* Margins of the chart card: 18 px, 6 on a narrow window, where every
 * pixel goes to the chart. */
#define CARD_MARGIN        18
#define NARROW_CARD_MARGIN 6

static void
set_folded (AdwFlap  *flap,
            gboolean  folded)
{
  AdwFlapFoldPolicy policy = folded ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER;

  if (adw_flap_get_fold_policy (flap) == policy)
    return;
  adw_flap_set_fold_policy (flap, policy);
  /* A pane that folds starts hidden, as a pane unfolding starts shown. */
  adw_flap_set_reveal_flap (flap, !folded);
}

static void
set_card_margins (ReelWindow *self,
                  int         margin)
{
  gtk_widget_set_margin_start (self->centre_box, margin);
  gtk_widget_set_margin_end (self->centre_box, margin);
  gtk_widget_set_margin_top (self->centre_box, margin);
  gtk_widget_set_margin_bottom (self->centre_box, margin);
}

/* Folding at the window's width, before its content is allocated at it. */
void
_reel_window_fit_width (ReelWindow *self,
                        int         width)
{
  gboolean narrow = width < NARROW_WIDTH;

  gboolean was_narrow =
    adw_flap_get_fold_policy (self->sidebar_flap) == ADW_FLAP_FOLD_POLICY_ALWAYS;

  set_folded (self->details_flap, width < WIDE_WIDTH);
  set_folded (self->sidebar_flap, narrow);
  set_card_margins (self, narrow ? NARROW_CARD_MARGIN : CARD_MARGIN);
  if (narrow != was_narrow)
    _reel_window_update_bottom_bar (self);
}

/* The bottom bar holds the switcher when the header has let it go, and
 * the year with its steps and Play on a narrow window too (the header
 * keeps its width for the title and the switcher); the year only where a
 * chart with years to choose shows. */
void
_reel_window_update_bottom_bar (ReelWindow *self)
{
  gboolean gone = adw_squeezer_get_visible_child (self->switcher_squeezer) == self->switcher_gone;
  gboolean narrow = adw_flap_get_fold_policy (self->sidebar_flap) == ADW_FLAP_FOLD_POLICY_ALWAYS;
  gboolean has_years = self->dataset != NULL && !_reel_window_shows_overview (self) &&
                       self->years != NULL && self->years->len > 0;
  gboolean in_header = !gone && !narrow;

  gtk_action_bar_set_revealed (self->bottom_bar,
                               self->dataset != NULL && (gone || (narrow && has_years)));
  gtk_widget_set_visible (GTK_WIDGET (self->bottom_chart_button), gone);
  /* No menu of no years: GTK would show "(None)". */
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), in_header && has_years);
  gtk_widget_set_visible (GTK_WIDGET (self->bottom_year_dropdown), has_years);
  _reel_window_update_period_controls (self, in_header && has_years, has_years);
}

/* A pane shown over the chart hides the other: with both, no chart is left. */
static void
flap_revealed_cb (ReelWindow *self,
                  GParamSpec *pspec,
                  AdwFlap    *flap)
{
  AdwFlap *other = flap == self->sidebar_flap ? self->details_flap : self->sidebar_flap;

  if (adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap) &&
      adw_flap_get_folded (other))
    adw_flap_set_reveal_flap (other, FALSE);
}

/* F9: the panes beside the chart hide and show together; a folded one
 * shows over the chart, one at a time: the right pane where the regions
 * stay beside the chart, else the regions. */
void
_reel_window_toggle_side_panels (ReelWindow *self)
{
  gboolean sidebar_folded = adw_flap_get_folded (self->sidebar_flap);
  gboolean details_folded = adw_flap_get_folded (self->details_flap);

  if (!sidebar_folded && !details_folded)
    {
      gboolean reveal = !adw_flap_get_reveal_flap (self->sidebar_flap) &&
                        !adw_flap_get_reveal_flap (self->details_flap);

      adw_flap_set_reveal_flap (self->sidebar_flap, reveal);
      adw_flap_set_reveal_flap (self->details_flap, reveal);
    }
  else if (!sidebar_folded)
    {
      adw_flap_set_reveal_flap (self->details_flap,
                                !adw_flap_get_reveal_flap (self->details_flap));
    }
  else
    {
      adw_flap_set_reveal_flap (self->sidebar_flap,
                                !adw_flap_get_reveal_flap (self->sidebar_flap));
    }
}

static void
switcher_squeezed_cb (ReelWindow  *self,
                      GParamSpec  *pspec,
                      AdwSqueezer *squeezer)
{
  _reel_window_update_bottom_bar (self);
}

void
_reel_window_init_layout (ReelWindow *self)
{
  /* The bottom bar's year is the header's: one model, one selection. */
  g_object_bind_property (self->year_dropdown, "model", self->bottom_year_dropdown, "model",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->year_dropdown, "selected", self->bottom_year_dropdown, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->year_dropdown, "sensitive", self->bottom_year_dropdown, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->chart_menu_button, "label", self->bottom_chart_button, "label",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->switcher_squeezer, "notify::visible-child",
                           G_CALLBACK (switcher_squeezed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
}
