/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-window-private.h"

/* The app selected on the Platforms chart (a click or Enter on its mark)
 * shows in the right pane in place of the region's panels; a folded pane
 * slides in for it, and out again after it. Its panel's close button,
 * Escape, another region and another chart kind or dataset let it go,
 * and the region's panels show again. */

/* The details stack's page: the app's while one is selected and the
 * region's page is chosen, else the chosen page. */
void
_reel_window_show_details_child (ReelWindow *self)
{
  gboolean shows_app = reel_platform_panel_get_platform (self->platform_panel) != NULL &&
                       g_strcmp0 (self->details_page, "region") == 0;

  gtk_stack_set_visible_child_name (self->details_stack,
                                    shows_app ? "platform" : self->details_page);
}

static void
view_platform_cb (ReelWindow *self)
{
  g_autofree char *platform = NULL;

  g_object_get (self->chart_view, "selected-platform", &platform, NULL);
  if (platform != NULL)
    {
      reel_platform_panel_set_dataset (self->platform_panel, self->dataset);
      g_object_set (self, "details-page", "region", NULL);
    }
  reel_platform_panel_set_platform (self->platform_panel, platform);
  _reel_window_show_details_child (self);

  if (platform != NULL && adw_flap_get_folded (self->details_flap) &&
      !adw_flap_get_reveal_flap (self->details_flap))
    {
      adw_flap_set_reveal_flap (self->details_flap, TRUE);
      self->details_for_app = TRUE;
    }
  else if (platform == NULL && self->details_for_app)
    {
      /* A pane that unfolded meanwhile stays */
      if (adw_flap_get_folded (self->details_flap))
        adw_flap_set_reveal_flap (self->details_flap, FALSE);
      self->details_for_app = FALSE;
    }
}

/* The panel closed itself (platform.close). */
static void
panel_platform_cb (ReelWindow *self)
{
  g_object_set (self->chart_view, "selected-platform",
                reel_platform_panel_get_platform (self->platform_panel), NULL);
}

static void
clear_platform (ReelWindow *self)
{
  g_object_set (self->chart_view, "selected-platform", NULL, NULL);
}

/* Escape anywhere in the window, when nothing inside took it, lets the
 * app go; without one it goes on as before. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (reel_platform_panel_get_platform (self->platform_panel) == NULL)
    return FALSE;
  clear_platform (self);
  return TRUE;
}

void
_reel_window_init_platform (ReelWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  g_signal_connect_object (self->chart_view, "notify::selected-platform",
                           G_CALLBACK (view_platform_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_view, "notify::dataset",
                           G_CALLBACK (clear_platform), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->platform_panel, "notify::platform",
                           G_CALLBACK (panel_platform_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::selected-regions", G_CALLBACK (clear_platform), NULL);
  g_signal_connect (self, "notify::chart-kind", G_CALLBACK (clear_platform), NULL);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL,
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
