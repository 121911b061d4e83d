/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-application.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

/* The window's actions (win.*), their shortcuts and the tooltips that name
 * them, and the toasts and dialogs they show. */

/* Ctrl+0 to Ctrl+6, and the switcher's buttons (by their action target). */
static const struct {
  const char *page;
  const char *tooltip;
} pages[] = {
  { "overview", N_("Headline Figures (Ctrl+0)") },
  { "revenue", N_("Revenue by Region (Ctrl+1)") },
  { "growth", N_("Reported Growth (Ctrl+2)") },
  { "share", N_("Share of World Revenue (Ctrl+3)") },
  { "trend", N_("Revenue over the Years (Ctrl+4)") },
  { "map", N_("World Map of the Regions (Ctrl+5)") },
  { "platforms", N_("Apps Ranked by Revenue (Ctrl+6)") },
};

/* The buttons of the header and the bottom bar, by their template ids. */
static const struct {
  const char *child;
  const char *tooltip;
} button_tooltips[] = {
  { "open_button", N_("Open a Dataset or CSV File (Ctrl+O)") },
  { "open_icon_button", N_("Open a Dataset or CSV File (Ctrl+O)") },
  { "chart_menu_button", N_("Chart") },
  { "primary_menu_button", N_("Main Menu") },
  { "export_button", N_("Export the Chart as an Image (Ctrl+E)") },
  { "export_icon_button", N_("Export the Chart as an Image (Ctrl+E)") },
  { "year_dropdown", N_("Year") },
  { "bottom_chart_button", N_("Chart") },
  { "bottom_year_dropdown", N_("Year") },
};

typedef struct {
  ReelWindow *window;
  GFile      *file;
} OpenExported;

static void
reel_window_open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _reel_window_choose_file (REEL_WINDOW (widget));
}

static void
reel_window_show_problems_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *list;

  if (self->failed_problems == NULL)
    return;

  name = _reel_window_dup_display_name (self->failed_file);
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  body = g_strdup_printf (ngettext ("The file has %u problem. The dataset shown was kept.",
                                    "The file has %u problems. The dataset shown was kept.",
                                    self->failed_problems->len),
                          self->failed_problems->len);

  list = reel_problem_list_new (TRUE);
  reel_problem_list_set_problems (REEL_PROBLEM_LIST (list), self->failed_problems,
                                  self->failed_file);

  /* A few problems show whole; many scroll. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (self->failed_problems->len * 72, 288));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 288);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  if (self->problems_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->problems_dialog));
  g_set_weak_pointer (&self->problems_dialog, ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reel_window_reload_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _reel_window_reload (REEL_WINDOW (widget));
}

static void
reel_window_open_recent_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  reel_window_open (self, file);
}

static void
show_toast (ReelWindow *self,
            const char *text,
            guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Exported revenue-2025.png", with a button that opens it. */
static void
export_dialog_exported_cb (ReelWindow       *self,
                           GFile            *file,
                           ReelExportDialog *dialog)
{
  g_autofree char *name = _reel_window_dup_display_name (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* TRANSLATORS: a toast after an export; %s is the file's name */
  g_autofree char *text = g_strdup_printf (_("Exported %s"), name);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* One export dialog per dataset, hidden when closed: made on the click,
 * its templates and its window took that frame 20 to 30 ms. */
static ReelExportDialog *
ensure_export_dialog (ReelWindow *self)
{
  ReelExportDialog *dialog;

  if (self->export_dialog != NULL)
    return self->export_dialog;

  dialog = reel_export_dialog_new (GTK_WINDOW (self), self->dataset, self->chart_kind, self->year,
                                   (const char * const *) self->selected_regions);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "exported",
                           G_CALLBACK (export_dialog_exported_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->export_dialog, dialog);

  return dialog;
}

static gboolean
prepare_export_dialog_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->export_dialog_idle = 0;
  if (self->dataset != NULL)
    ensure_export_dialog (self);

  return G_SOURCE_REMOVE;
}

/* Makes the dialog of the dataset shown while nothing else happens
 * (reel-window-selection.c calls it once the dataset shows whole). */
void
_reel_window_prepare_export_dialog (ReelWindow *self)
{
  g_clear_handle_id (&self->export_dialog_idle, g_source_remove);
  if (self->export_dialog == NULL)
    self->export_dialog_idle = g_idle_add_full (G_PRIORITY_LOW, prepare_export_dialog_cb, self, NULL);
}

/* A new dataset's: a hidden dialog of the old one goes; one that shows
 * keeps exporting what it opened on. */
void
_reel_window_drop_export_dialog (ReelWindow *self)
{
  g_clear_handle_id (&self->export_dialog_idle, g_source_remove);
  if (self->export_dialog != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->export_dialog)))
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
}

/* The export dialog: the chart shown, in the format, size and look of
 * the user's last export. */
static void
reel_window_export_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  ReelExportDialog *dialog;

  if (self->dataset == NULL)
    return;

  if (self->export_dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (self->export_dialog)))
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }

  dialog = ensure_export_dialog (self);
  reel_export_dialog_show_chart (dialog, self->dataset, self->chart_kind, self->year,
                                 (const char * const *) self->selected_regions,
                                 _reel_window_get_metric (self),
                                 reel_chart_view_get_cursor (self->chart_view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpenExported *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = _reel_window_dup_display_name (data->file);
      /* TRANSLATORS: a toast; the first %s is a file's name, the second why it could not be opened */
      g_autofree char *text = g_strdup_printf (_("Could not open %s: %s"), name, error->message);

      show_toast (data->window, text, 8);
    }

  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

/* The toast's Open: the exported file in the user's default app for it. */
static void
reel_window_open_exported_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  OpenExported *data = g_new0 (OpenExported, 1);

  data->window = g_object_ref (self);
  data->file = g_file_new_for_uri (uri);

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context),
                                           self->launch_cancellable, open_exported_cb, data);
}

/* Copy Image: the chart as shown, whichever view is up. */
static void
reel_window_copy_image_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  if (!reel_chart_view_copy_image (self->chart_view))
    show_toast (self, _("The chart is not ready to copy yet"), 3);
}

static void
chart_view_copied_cb (ReelWindow    *self,
                      ReelChartView *view)
{
  show_toast (self, _("Copied the chart as an image"), 3);
}

void
_reel_window_data_table_copied_cb (ReelWindow    *self,
                                   guint          n_rows,
                                   ReelDataTable *table)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Copied %u figure as CSV",
                                                      "Copied %u figures as CSV", n_rows),
                                            n_rows);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
reel_window_search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  reel_region_list_focus_search (self->region_list);
}

/* The Keyboard Shortcuts window, built when first asked for: GtkApplication
 * would build it from gtk/help-overlay.ui for every window it adds, before
 * that window's first frame. */
static void
reel_window_show_help_overlay_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/reelscope/Reelscope/ui/help-overlay.ui");
      GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_modal (overlay, TRUE);
      gtk_window_set_hide_on_close (overlay, TRUE);
      gtk_window_set_destroy_with_parent (overlay, TRUE);
      gtk_window_set_transient_for (overlay, GTK_WINDOW (self));
      g_set_weak_pointer (&self->help_overlay, overlay);
    }

  gtk_window_present (self->help_overlay);
}

/* The dataset that comes with the app, from an error or the empty page. */
static void
reel_window_open_bundled_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_autoptr(GFile) file = reel_application_dup_bundled_dataset ();

  reel_window_open (REEL_WINDOW (widget), file);
}

/* F9: the side panels (reel-window-layout.c). */
static void
reel_window_toggle_side_panels_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  _reel_window_toggle_side_panels (REEL_WINDOW (widget));
}

static const char *
find_page_tooltip (const char *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i].page, page) == 0)
      return _(pages[i].tooltip);

  g_return_val_if_reached (NULL);
}

/* The tooltips are set here rather than in the template: GTK 4.8 asks the
 * X server where the pointer is whenever a shown widget's tooltip is set
 * (three round trips each, 50 while the template was built); the widgets
 * are not on screen yet here (reel_widget_set_tooltip_text()). Before the
 * bottom bar's switcher copies the header's. */
void
_reel_window_init_tooltips (ReelWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (button_tooltips); i++)
    {
      GObject *button = gtk_widget_get_template_child (GTK_WIDGET (self), REEL_TYPE_WINDOW,
                                                       button_tooltips[i].child);

      reel_widget_set_tooltip_text (GTK_WIDGET (button), _(button_tooltips[i].tooltip));
    }

  for (GtkWidget *button = gtk_widget_get_first_child (self->chart_switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GVariant *page = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      reel_widget_set_tooltip_text (button, find_page_tooltip (g_variant_get_string (page, NULL)));
    }
}

void
_reel_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, chart_view_copied_cb);
  /* Only for their tooltips: the window keeps no pointer to them. */
  gtk_widget_class_bind_template_child_full (widget_class, "open_icon_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_icon_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, reel_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL,
                                   reel_window_open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   reel_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reel_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL,
                                   reel_window_show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, reel_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s",
                                   reel_window_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL,
                                   reel_window_copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, reel_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   reel_window_show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-side-panels", NULL,
                                   reel_window_toggle_side_panels_action);
  gtk_widget_class_install_property_action (widget_class, "win.chart-kind", "chart-kind");
  gtk_widget_class_install_property_action (widget_class, "win.page", "page");
  gtk_widget_class_install_property_action (widget_class, "win.year", "year");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.details-page", "details-page");

#define BIND(key, mods, action) \
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL)
  BIND (GDK_KEY_o, GDK_CONTROL_MASK, "win.open");
  BIND (GDK_KEY_r, GDK_CONTROL_MASK, "win.reload");
  BIND (GDK_KEY_e, GDK_CONTROL_MASK, "win.export");
  BIND (GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-image");
  BIND (GDK_KEY_f, GDK_CONTROL_MASK, "win.search");
  BIND (GDK_KEY_F9, 0, "win.toggle-side-panels");
  BIND (GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay");
  BIND (GDK_KEY_w, GDK_CONTROL_MASK, "window.close");
#undef BIND
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.page", "s", pages[i].page);
}
