/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-window-test.h"

/* On its own: GTK's file chooser (the fallback without a portal) loads
 * enough types to grow GLib's quark table past its first block, which GLib
 * then drops on purpose, and starts D-Bus work in libcloudproviders that
 * leaks once the main loop runs it. With the rest of the window's tests in
 * the same process, LeakSanitizer would report both. */

/* The file chooser GtkFileChooserNative shows where there is no portal, as
 * here: a toplevel over the window, once the portal's absence is known
 * (after a round trip on the bus). */
static gboolean
file_chooser_shown (gpointer data)
{
  GtkWidget *chooser = reel_window_test_find_toplevel (data, GTK_TYPE_FILE_CHOOSER_DIALOG);

  return chooser != NULL && gtk_widget_get_visible (chooser);
}

static void
test_window_open_action (void)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (reel_window_test_find_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  g_assert_true (reel_gtk_test_wait (file_chooser_shown, window, 10000));
  chooser = reel_window_test_find_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Open a Dataset");

  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  filter = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Reelscope datasets");
  g_clear_object (&filter);
  filter = g_list_model_get_item (filters, 2);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "CSV records");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  reel_window_test_start_on_charts ();

  g_test_add_func ("/window/open-action", test_window_open_action);

  return g_test_run ();
}
