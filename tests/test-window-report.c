/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-report-bar.h"
#include "reel-window-test.h"

/* The report from the window: Export Report… and Print… in the primary
 * menu, doing nothing before a dataset is shown; Export Report asks where
 * to save the PDF, suggesting the dataset's title, and writes nothing when
 * cancelled. (test-report-print.c writes a report with the report bar.) */

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

/* Whether @model, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          gboolean found = menu_has_action (linked, action);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return reel_gtk_test_find_file_chooser () != NULL;
}

static void
test_window_export_report (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                    "microdrama-exports.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bundled);
  g_autofree char *suggested = NULL;
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  GMenuModel *menu = reel_window_test_child (window, "primary_menu");
  GtkFileChooser *chooser;

  g_settings_reset (settings, "overview");
  gtk_window_present (GTK_WINDOW (window));

  /* In the primary menu, and nothing to report before a dataset. */
  g_assert_true (menu_has_action (menu, "win.export-report"));
  g_assert_true (menu_has_action (menu, "win.print"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  reel_gtk_test_flush ();
  g_assert_null (reel_gtk_test_find_file_chooser ());

  reel_window_open (window, file);
  reel_window_test_wait_for_load (window);

  /* From the overview too: the report covers every chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL));
  g_assert_true (reel_gtk_test_wait (file_chooser_shown, NULL, 10000));
  chooser = reel_gtk_test_find_file_chooser ();
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "Chinese micro-dramas abroad.pdf");
  /* the paper offered, the locale's first (C: A4) */
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "paper"), ==, "a4");

  /* Cancelled: nothing is written, and the bar does not show. */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  reel_gtk_test_flush ();
  g_assert_null (reel_gtk_test_find_file_chooser ());
  g_assert_false (reel_report_bar_is_busy (reel_window_test_child (window, "report_bar")));

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

  g_test_add_func ("/window/report/export", test_window_export_report);

  return g_test_run ();
}
