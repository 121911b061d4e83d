/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-widget-util.h"
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
 * year, into a bottom bar, so that the window works down to 360 px.
 *
 * The header keeps the dataset's title whole: where the switcher and the
 * year's control do not fit beside it at their natural widths, the year's
 * control (with the Map's and Platforms' metric) goes to the bottom bar first, then the switcher folds into its
 * menu (fit_header()); Export shows as an icon before either. */

#define WIDE_WIDTH   1420
#define NARROW_WIDTH 820

/* Margins of the chart card: 18 px, 6 on a narrow window, where every
 * pixel goes to the chart. */
#define CARD_MARGIN        18
#define NARROW_CARD_MARGIN 6

/* The header's padding and the gaps between its start, title and end. */
#define HEADER_SLACK 24
/* The gap between the boxes at the header's end. */
#define HEADER_SPACING 6

static int
measure_width (GtkWidget *widget,
               int       *natural)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, natural, NULL, NULL);
  return minimum;
}

/* @widget's natural width while it shows, else the last one measured (GTK
 * measures a hidden widget as nothing). */
static int
get_natural_width (GtkWidget *widget,
                   int       *last)
{
  if (gtk_widget_get_visible (widget))
    measure_width (widget, last);
  return *last;
}

/* Whether a header of @width holds @centre (the switcher, or nothing)
 * with @start and @end beside it: GTK 4.8 centres the title widget and
 * gives each side at most half of what it leaves. */
static gboolean
header_holds (int width,
              int centre,
              int start,
              int end)
{
  return centre + 2 * MAX (start, end) + HEADER_SLACK <= width;
}

/* Where the switcher, the year's control and the buttons' labels go at
 * @width, so that the title shows whole: the switcher stays in the header
 * only where the title and the other controls fit beside it at their
 * natural widths, else it goes to the bottom bar (as AdwViewSwitcherTitle's
 * does); then the year's control, on a narrow window or where it does not
 * fit; then Export's label, and Open's. Each is decided from natural
 * widths that do not depend on what the header shows, so that no width
 * flips between two layouts. */
static void
fit_header (ReelWindow *self,
            int         width,
            gboolean    narrow)
{
  /* The header's start: Open, the pane's toggle and the title's squeezer */
  GtkWidget *title_squeezer = gtk_widget_get_parent (GTK_WIDGET (self->window_title));
  GtkWidget *title_start = gtk_widget_get_parent (title_squeezer);
  GtkWidget *header_end = gtk_widget_get_parent (GTK_WIDGET (self->primary_menu_button));
  GtkWidget *export_label = GTK_WIDGET (self->export_button);
  GtkWidget *open_label = GTK_WIDGET (self->open_button);
  gboolean has_export = gtk_widget_get_visible (self->export_squeezer);
  int start, end, export_icon = 0, export_width = 0, open_icon, period, switcher;
  gboolean period_in_header, export_labelled;

  measure_width (title_start, &start);
  measure_width (header_end, &end);
  get_natural_width (self->chart_switcher, &self->switcher_width);
  get_natural_width (self->period_box, &self->period_width);
  get_natural_width (GTK_WIDGET (self->metric_dropdown), &self->metric_width);
  get_natural_width (open_label, &self->open_width);
  /* The squeezers' other children, their smallest */
  open_icon = measure_width (gtk_widget_get_parent (open_label), NULL);
  if (has_export)
    {
      export_width = get_natural_width (export_label, &self->export_width);
      export_icon = measure_width (self->export_squeezer, NULL);
    }

  /* The start with Open's label; the end without the year's control and
   * the metric's, which go together, with Export's icon */
  if (!gtk_widget_get_visible (open_label))
    start += self->open_width - open_icon;
  if (gtk_widget_get_visible (self->period_box))
    end -= self->period_width + HEADER_SPACING;
  if (gtk_widget_get_visible (GTK_WIDGET (self->metric_dropdown)))
    end -= self->metric_width + HEADER_SPACING;
  period = self->period_width + HEADER_SPACING;
  if (_reel_window_has_metric_choice (self))
    period += self->metric_width + HEADER_SPACING;
  if (gtk_widget_get_visible (export_label))
    end -= export_width - export_icon;

  switcher = self->switcher_width;
  if (!header_holds (width, switcher, start, narrow ? end : end + period))
    switcher = 0;
  period_in_header = !narrow && header_holds (width, switcher, start, end + period);
  if (period_in_header)
    end += period;
  export_labelled = has_export &&
                    header_holds (width, switcher, start, end - export_icon + export_width);
  if (export_labelled)
    end += export_width - export_icon;

  gtk_widget_set_visible (self->chart_switcher, switcher > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_menu_button), switcher > 0);
  self->period_below = !period_in_header;
  /* Without Export (no dataset), its label is measured when it shows */
  gtk_widget_set_visible (export_label, !has_export || export_labelled);
  gtk_widget_set_visible (open_label, header_holds (width, switcher, start, end));
}

/* The bottom bar's switcher: the header's buttons again, on the same
 * actions, so that either shows the chart chosen. */
static void
mirror_switcher (ReelWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->chart_switcher);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkActionable *actionable = GTK_ACTIONABLE (child);
      const char *label = gtk_button_get_label (GTK_BUTTON (child));
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                      gtk_actionable_get_action_name (actionable));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              gtk_actionable_get_action_target_value (actionable));
      reel_widget_set_tooltip_text (button, gtk_widget_get_tooltip_text (child));
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (self->bottom_switcher), button);
    }
  reel_buttons_name_by_text (self->bottom_switcher);
}

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
  gboolean was_below = self->period_below;

  set_folded (self->details_flap, width < WIDE_WIDTH);
  set_folded (self->sidebar_flap, narrow);
  set_card_margins (self, narrow ? NARROW_CARD_MARGIN : CARD_MARGIN);
  fit_header (self, width, narrow);
  if (self->period_below != was_below)
    _reel_window_update_bottom_bar (self);
}

/* The bottom bar holds the switcher when the header has let it go, and
 * the year with its steps and Play where the header has no room for them
 * beside the title and the switcher (fit_header()); the year only where a
 * chart with years to choose shows. */
void
_reel_window_update_bottom_bar (ReelWindow *self)
{
  gboolean gone = adw_squeezer_get_visible_child (self->switcher_squeezer) == self->switcher_gone;
  gboolean in_header = !self->period_below;
  gboolean has_years = self->dataset != NULL && !_reel_window_shows_overview (self) &&
                       self->years != NULL && self->years->len > 0;

  gtk_action_bar_set_revealed (self->bottom_bar,
                               self->dataset != NULL &&
                               (gone || (!in_header && (has_years || _reel_window_has_metric_choice (self)))));
  _reel_window_place_metric (self);
  gtk_widget_set_visible (self->bottom_switcher_squeezer, gone);
  /* No menu of no years: GTK would show "(None)". */
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), in_header && has_years);
  gtk_widget_set_visible (GTK_WIDGET (self->bottom_year_dropdown), !in_header && has_years);
  _reel_window_update_period_controls (self, in_header && has_years, !in_header && has_years);
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

/* The bottom bar's year is the header's: one model, one selection. */
void
_reel_window_bind_bottom_year (ReelWindow *self)
{
  self->bottom_year_binding = g_object_bind_property (self->year_dropdown, "selected",
                                                      self->bottom_year_dropdown, "selected",
                                                      G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

void
_reel_window_init_layout (ReelWindow *self)
{
  mirror_switcher (self);

  g_object_bind_property (self->year_dropdown, "model", self->bottom_year_dropdown, "model",
                          G_BINDING_SYNC_CREATE);
  _reel_window_bind_bottom_year (self);
  g_object_bind_property (self->year_dropdown, "sensitive", self->bottom_year_dropdown, "sensitive",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->chart_menu_button, "label", self->bottom_chart_button, "label",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->metric_dropdown, "model", self->bottom_metric_dropdown, "model",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->metric_dropdown, "selected", self->bottom_metric_dropdown, "selected",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  g_signal_connect_object (self->switcher_squeezer, "notify::visible-child",
                           G_CALLBACK (switcher_squeezed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (flap_revealed_cb), self, G_CONNECT_SWAPPED);
}
