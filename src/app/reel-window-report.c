/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-report-print.h"
#include "reel-window-private.h"

/* The report from the window (DESIGN §4): Export Report… (Ctrl+Shift+E)
 * writes it as a PDF off the main thread, with the report bar showing its
 * progress; Print… (Ctrl+P) prints it through GTK's print dialog, with its
 * preview, the chart shown being the dialog's "Current Page". Both show
 * the window's year and selected regions. */

static void
report_options_init (ReelWindow        *self,
                     ReelReportOptions *options)
{
  reel_report_options_init (options);
  options->year = self->year;
  options->selection = (const char * const *) self->selected_regions;
}

static void
show_report_toast (ReelWindow *self,
                   const char *text,
                   GFile      *file)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-exported");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_set_timeout (toast, file != NULL ? 8 : 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report_finished_cb (ReelWindow    *self,
                    GFile         *file,
                    const GError  *error,
                    ReelReportBar *bar)
{
  g_autofree char *text = NULL;

  /* A report that ended as its window closed has no window to tell. */
  if (self->toast_overlay == NULL)
    return;

  if (error == NULL)
    show_report_toast (self, _("Report saved"), file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: a toast; %s says why */
      text = g_strdup_printf (_("Could not save the report: %s"), error->message);
      show_report_toast (self, text, NULL);
    }
}

static void
report_chooser_response_cb (ReelWindow           *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  ReelReportOptions options;

  report_options_init (self, &options);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      options.paper = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper"),
                                 "letter") == 0 ? REEL_REPORT_PAPER_LETTER : REEL_REPORT_PAPER_A4;
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->report_chooser == chooser)
    g_clear_object (&self->report_chooser);

  if (file == NULL || self->dataset == NULL)
    return;

  reel_report_bar_start (self->report_bar, self->dataset, &options, file);
}

/* "Chinese micro-dramas abroad.pdf": the report's title, without the
 * characters a file name cannot have. */
static char *
dup_report_file_name (ReelWindow *self)
{
  ReelReportOptions options;
  g_autoptr(ReelReport) report = NULL;
  g_autofree char *title = NULL;

  report_options_init (self, &options);
  report = reel_report_new (self->dataset, &options);
  title = reel_report_dup_title (report);
  g_strdelimit (title, "/\\:", '-');

  return g_strconcat (title, ".pdf", NULL);
}

/* The paper of the PDF, the locale's unless the user picks the other: a
 * report for a reader abroad. */
static void
add_paper_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { "a4", "letter", NULL };
  /* TRANSLATORS: paper sizes, in the Export Report dialog */
  const char *labels[] = { C_("paper", "A4"), C_("paper", "US Letter"), NULL };

  gtk_file_chooser_add_choice (chooser, "paper", _("Paper"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "paper",
                               reel_report_paper_from_locale () == REEL_REPORT_PAPER_LETTER
                                 ? "letter" : "a4");
}

static void
reel_window_export_report_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents;

  if (self->dataset == NULL)
    return;
  if (self->report_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->report_chooser));
      return;
    }

  self->report_chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->report_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->report_chooser), filter);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->report_chooser), folder, NULL);
    }
  name = dup_report_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->report_chooser), name);
  add_paper_choice (GTK_FILE_CHOOSER (self->report_chooser));

  g_signal_connect_object (self->report_chooser, "response",
                           G_CALLBACK (report_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->report_chooser));
}

static void
print_done_cb (ReelWindow              *self,
               GtkPrintOperationResult  result,
               ReelReportPrint         *print)
{
  const GError *report_error = reel_report_print_get_error (print);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    reel_report_print_save_settings (print);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (GTK_PRINT_OPERATION (print), &error);
  if (report_error != NULL || error != NULL)
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not print the report: %s"),
                                               report_error != NULL ? report_error->message
                                                                    : error->message);

      show_report_toast (self, text, NULL);
    }
}

static void
reel_window_print_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autoptr(ReelReportPrint) print = NULL;
  g_autoptr(GError) error = NULL;
  ReelReportOptions options;

  if (self->dataset == NULL)
    return;

  report_options_init (self, &options);
  print = reel_report_print_new (self->dataset, &options);
  if (!_reel_window_shows_overview (self))
    reel_report_print_set_chart (print, self->chart_kind);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (print), TRUE);
  g_signal_connect_object (print, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* TRANSLATORS: a toast; %s says why */
      g_autofree char *text = g_strdup_printf (_("Could not print the report: %s"), error->message);

      show_report_toast (self, text, NULL);
    }
}

void
_reel_window_dispose_report (ReelWindow *self)
{
  if (self->report_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->report_chooser));
  g_clear_object (&self->report_chooser);
}

void
_reel_window_class_init_report (GtkWidgetClass *widget_class)
{
  g_type_ensure (REEL_TYPE_REPORT_BAR);

  gtk_widget_class_bind_template_child (widget_class, ReelWindow, report_bar);
  gtk_widget_class_bind_template_callback (widget_class, report_finished_cb);

  gtk_widget_class_install_action (widget_class, "win.export-report", NULL,
                                   reel_window_export_report_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, reel_window_print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
