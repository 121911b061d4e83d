/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "reel-export-dialog.h"
#include "reel-gtk-test.h"

/* The Export dialog with GTK's own file chooser, cancelled (issue 8: a
 * cancelled export leaves any existing file untouched). On its own, as
 * test-window-open-dialog is: the fallback file chooser loads enough types
 * to grow GLib's quark table past its first block, which GLib then drops
 * on purpose, and starts D-Bus work in libcloudproviders (lsan.supp). With
 * test-export-dialog's other tests in the same process, LeakSanitizer
 * would report the quark block. */

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

static void
exported_cb (ReelExportDialog *dialog,
             GFile            *file,
             guint            *n_exported)
{
  (*n_exported)++;
}

/* The file chooser GtkFileChooserNative shows where there is no portal, as
 * here, among the toplevels. It shows it once the portal's absence is
 * known, after a round trip on the bus. */
static gboolean
file_chooser_shown (gpointer data)
{
  return reel_gtk_test_find_file_chooser () != NULL;
}

static gboolean
file_chooser_in_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

/* Cancelled in the file chooser, on the name of a file that is there, and
 * then with the dialog's own Cancel: the file keeps its bytes, nothing is
 * written beside it, and nothing is reported as exported. */
static void
test_export_dialog_chooser_cancelled (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("reelscope-test-export-XXXXXX", &error);
  ReelDataset *dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  GtkWindow *parent = reel_gtk_test_window_new (gtk_label_new ("Parent"));
  ReelExportDialog *dialog = g_object_ref (reel_export_dialog_new (parent, dataset, REEL_CHART_REVENUE,
                                                                   2024,
                                                                   (const char * const[]) {
                                                                     "north-america", NULL
                                                                   }));
  /* The name it suggests: the chart's kind and year, the format's extension. */
  const char *name = "revenue-2024.png";
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *chosen_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) chosen_folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *old = "an older chart";
  GtkFileChooser *chooser;
  GObject *export_button, *spinner;
  guint n_exported = 0;
  gsize length;

  g_assert_no_error (error);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &n_exported);
  gtk_window_present (GTK_WINDOW (dialog));
  reel_gtk_test_flush ();
  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  g_settings_set_string (settings, "export-folder", folder_uri);

  export_button = gtk_widget_get_template_child (GTK_WIDGET (dialog), REEL_TYPE_EXPORT_DIALOG,
                                                 "export_button");
  spinner = gtk_widget_get_template_child (GTK_WIDGET (dialog), REEL_TYPE_EXPORT_DIALOG, "spinner");
  gtk_widget_activate (GTK_WIDGET (export_button));
  g_assert_true (reel_gtk_test_wait (file_chooser_shown, NULL, 10000));
  chooser = reel_gtk_test_find_file_chooser ();
  /* It offers to write over the file that is there. */
  chosen_name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (chosen_name, ==, name);
  /* The folder is set once GTK has looked it up. */
  g_assert_true (reel_gtk_test_wait (file_chooser_in_folder, chooser, 10000));
  chosen_folder = gtk_file_chooser_get_current_folder (chooser);
  g_assert_true (g_file_equal (chosen_folder, folder));

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  reel_gtk_test_flush ();
  g_assert_null (reel_gtk_test_find_file_chooser ());
  /* Nothing is being written. */
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (export_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The dialog's Cancel button's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  reel_gtk_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  g_assert_cmpuint (n_exported, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, old, strlen (old));
  dir = g_dir_open (tmpdir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, name);
  g_assert_null (g_dir_read_name (dir));

  reel_gtk_test_window_destroy (parent);
  g_assert_finalize_object (dataset);
  g_settings_reset (settings, "export-folder");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/export-dialog/chooser-cancelled", test_export_dialog_chooser_cancelled);

  return g_test_run ();
}
