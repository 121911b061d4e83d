/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libglib-testing/signal-logger.h>
#include <locale.h>
#include <string.h>

#include "reel-window-private.h"

/* Written to a temporary folder: the comment on line 3, column 3 is the
 * first (and, for a syntax error, only) problem. */
static const char broken_dataset[] =
  "{\n"
  "  \"format\": \"reelscope-dataset\",\n"
  "  /* no comments in JSON */\n"
  "  \"version\": 1,\n"
  "  \"regions\": [{\"id\": \"europe\", \"name\": \"Europe\"}]\n"
  "}\n";

static const char * const sample_regions[] = {
  "World",
  "North America",
  "Latin America",
  "Southeast Asia",
  "Middle East & North Africa",
  "Sub-Saharan Africa",
  "South Asia",
};

typedef struct {
  char *tmpdir;
  char *broken_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("reelscope-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  /* A name with an ampersand: the window must never read it as markup. */
  fixture->broken_path = g_build_filename (fixture->tmpdir, "broken & bad.reelscope.json", NULL);
  g_file_set_contents (fixture->broken_path, broken_dataset, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (g_unlink (fixture->broken_path), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->tmpdir), ==, 0);
  g_free (fixture->broken_path);
  g_free (fixture->tmpdir);
}

static void
wait_for_load (ReelWindow *window)
{
  while (_reel_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  /* Let what the load queued (notifications, transitions) run too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static ReelWindow *
create_window (void)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
destroy_window (ReelWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
open_path (ReelWindow *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  reel_window_open (window, file);
}

static void
open_sample (ReelWindow *window)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "microdrama-sample.reelscope.json", NULL);

  open_path (window, path);
}

static void
test_window_empty (void)
{
  ReelWindow *window = create_window ();

  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "empty");
  g_assert_null (reel_window_get_dataset (window));
  g_assert_false (_reel_window_is_loading (window));
  g_assert_cmpuint (_reel_window_get_n_region_rows (window), ==, 0);

  destroy_window (window);
}

typedef struct {
  GThread *thread;
  guint    n_emissions;
  guint    n_other_thread;
} ProgressThreads;

static void
progress_thread_cb (ReelWindow      *window,
                    GParamSpec      *pspec,
                    ProgressThreads *threads)
{
  threads->n_emissions++;
  if (g_thread_self () != threads->thread)
    threads->n_other_thread++;
}

static void
test_window_open_sample (void)
{
  ProgressThreads threads = { g_thread_self (), 0, 0 };
  ReelWindow *window = create_window ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  AdwWindowTitle *title = _reel_window_get_window_title (window);
  gulong handler;

  g_signal_connect (window, "notify::progress", G_CALLBACK (progress_thread_cb), &threads);
  gt_signal_logger_connect (logger, window, "notify::progress");
  gt_signal_logger_connect (logger, window, "notify::dataset");

  open_sample (window);
  g_assert_true (_reel_window_is_loading (window));
  g_assert_true (REEL_IS_DATASET_LOADER (_reel_window_get_loader (window)));
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "loading");

  wait_for_load (window);

  /* The loader's `progress` reaches the window (and its progress bars) in
   * this thread's main context: GTK must only be called from this thread. */
  if (threads.n_other_thread > 0)
    g_test_fail_printf ("ReelDatasetLoader::progress reached the window %u of %u times on another "
                        "thread than the one that started the load",
                        threads.n_other_thread, threads.n_emissions);
  g_assert_cmpuint (threads.n_other_thread, ==, 0);

  /* A small file is read in one go: 0 to 1, then the dataset. */
  g_assert_cmpuint (threads.n_emissions, >=, 1);
  while (gt_signal_logger_get_n_emissions (logger) > 1)
    gt_signal_logger_assert_notify_emission_pop (logger, window, "progress");
  g_assert_cmpfloat (_reel_window_get_progress (window), ==, 1.0);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "dataset");
  gt_signal_logger_assert_no_emissions (logger);

  handler = g_signal_handlers_disconnect_by_func (window, progress_thread_cb, &threads);
  g_assert_cmpuint (handler, ==, 1);

  g_assert_false (_reel_window_is_loading (window));
  g_assert_null (_reel_window_get_loader (window));
  g_assert_nonnull (reel_window_get_dataset (window));
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "dataset");

  /* The title in the user's language (C.UTF-8: English), the file below. */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Chinese micro-dramas abroad (sample)");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "microdrama-sample.reelscope.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Chinese micro-dramas abroad (sample)");

  /* World first, then every region in file order. */
  g_assert_cmpuint (_reel_window_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));
  for (guint i = 0; i < G_N_ELEMENTS (sample_regions); i++)
    g_assert_cmpstr (_reel_window_get_region_name (window, i), ==, sample_regions[i]);

  /* Primary revenue in 2024, the latest year; a dash where there is none. */
  g_assert_cmpstr (_reel_window_get_region_value (window, 0), ==, "$1.4B");
  g_assert_cmpstr (_reel_window_get_region_value (window, 1), ==, "$142M");
  g_assert_cmpstr (_reel_window_get_region_value (window, 2), ==, "—");

  /* The world is selected first; the placeholder follows the selection. */
  g_assert_cmpstr (_reel_window_get_selection_title (window), ==, "World");
  _reel_window_select_region (window, 4);
  g_assert_cmpstr (_reel_window_get_selection_title (window), ==, "Middle East & North Africa");

  destroy_window (window);
}

static void
test_window_broken_keeps_dataset (Fixture       *fixture,
                                  gconstpointer  data)
{
  ReelWindow *window = create_window ();
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  ReelDataset *dataset;
  AdwMessageDialog *dialog;
  g_autofree char *row = NULL;
  const char *toast;

  open_sample (window);
  wait_for_load (window);
  dataset = reel_window_get_dataset (window);
  g_assert_nonnull (dataset);
  g_assert_null (_reel_window_get_toast_title (window));

  gt_signal_logger_connect (logger, window, "notify::dataset");
  open_path (window, fixture->broken_path);
  /* The dataset stays in view while the other file loads. */
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "dataset");
  wait_for_load (window);

  /* Only a dataset without errors replaces the one shown. */
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (reel_window_get_dataset (window) == dataset);
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "dataset");
  g_assert_cmpuint (_reel_window_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));
  g_assert_cmpstr (adw_window_title_get_title (_reel_window_get_window_title (window)), ==,
                   "Chinese micro-dramas abroad (sample)");

  /* A toast names the file (as plain text) and the first problem. */
  toast = _reel_window_get_toast_title (window);
  g_assert_nonnull (toast);
  g_assert_true (g_str_has_prefix (toast, "Could not open broken & bad.reelscope.json: "));
  g_assert_cmpuint (strlen (toast), >, strlen ("Could not open broken & bad.reelscope.json: "));

  /* Its Details button lists every problem with its position. */
  g_assert_null (_reel_window_get_problems_dialog (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  dialog = _reel_window_get_problems_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “broken & bad.reelscope.json”");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  row = _reel_window_dup_dialog_row_text (window, 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row, "3:3  "));
  g_assert_null (_reel_window_dup_dialog_row_text (window, 1));

  /* Closing the window closes its dialog. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  destroy_window (window);
  g_assert_null (dialog);
}

static void
test_window_broken_shows_problems (Fixture       *fixture,
                                   gconstpointer  data)
{
  ReelWindow *window = create_window ();
  g_autofree char *row = NULL;

  open_path (window, fixture->broken_path);
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "loading");
  wait_for_load (window);

  /* Nothing to keep: the problems page says what is wrong and where. */
  g_assert_null (reel_window_get_dataset (window));
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "problems");
  g_assert_null (_reel_window_get_toast_title (window));
  g_assert_cmpuint (_reel_window_get_n_problem_rows (window), ==, 1);
  row = _reel_window_dup_problem_row_text (window, 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row, "3:3  "));
  g_assert_cmpstr (adw_window_title_get_subtitle (_reel_window_get_window_title (window)), ==,
                   "broken & bad.reelscope.json");

  /* A good file afterwards replaces the problems page. */
  open_sample (window);
  wait_for_load (window);
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "dataset");
  g_assert_cmpuint (_reel_window_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));

  destroy_window (window);
}

static void
test_window_missing_file (void)
{
  ReelWindow *window = create_window ();
  g_autofree char *row = NULL;

  open_path (window, "/nonexistent/reelscope/missing.reelscope.json");
  wait_for_load (window);

  /* An I/O error is one problem without a position. */
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "problems");
  g_assert_cmpuint (_reel_window_get_n_problem_rows (window), ==, 1);
  row = _reel_window_dup_problem_row_text (window, 0);
  g_assert_nonnull (row);
  g_assert_false (g_ascii_isdigit (row[0]));

  destroy_window (window);
}

static void
test_window_open_csv (Fixture       *fixture,
                      gconstpointer  data)
{
  ReelWindow *window = create_window ();
  g_autofree char *path = g_build_filename (fixture->tmpdir, "records.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path,
                       "region,period,revenue\n"
                       "north-america,2024-01,100\n"
                       "europe,2024-02,50\n",
                       -1, &error);
  g_assert_no_error (error);

  open_path (window, path);
  wait_for_load (window);

  /* Regions of a CSV file are named by their ids. */
  g_assert_cmpstr (_reel_window_get_visible_page (window), ==, "dataset");
  g_assert_cmpuint (_reel_window_get_n_region_rows (window), ==, 3);
  g_assert_cmpstr (_reel_window_get_region_name (window, 0), ==, "World");
  g_assert_cmpstr (_reel_window_get_region_name (window, 1), ==, "north-america");
  g_assert_cmpstr (_reel_window_get_region_name (window, 2), ==, "europe");
  g_assert_cmpstr (adw_window_title_get_subtitle (_reel_window_get_window_title (window)), ==,
                   "records.csv");

  destroy_window (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_window_open_action (void)
{
  ReelWindow *window = create_window ();
  GtkFileChooserNative *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  g_assert_null (_reel_window_get_file_chooser (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  chooser = _reel_window_get_file_chooser (window);
  g_assert_true (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  filter = g_list_model_get_item (filters, 1);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Reelscope datasets");
  g_clear_object (&filter);
  filter = g_list_model_get_item (filters, 2);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "CSV records");

  destroy_window (window);
}

static void
test_window_size_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  ReelWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);

  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);

  /* Closing saves the size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_finalize_object (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
has_arg (int         argc,
         char       *argv[],
         const char *arg)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], arg))
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tap = has_arg (argc, argv, "--tap");
  const char *dir;

  /* What gtk_test_init() does, except that it aborts without a display
   * (and gtk_init_check() before it is fatal): g_test_init() makes warnings
   * and criticals fatal, the locale is fixed, and a missing display skips. */
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if ((dir = g_getenv ("XDG_RUNTIME_DIR")) != NULL)
    g_mkdir_with_parents (dir, 0700);
  if ((dir = g_getenv ("XDG_CACHE_HOME")) != NULL)
    g_mkdir_with_parents (dir, 0700);

  if (!gtk_init_check ())
    {
      /* Under meson's TAP protocol a non-zero exit is an error, so say SKIP
       * in the plan; on its own, exit 77 as automake does. */
      if (tap)
        {
          g_print ("1..0 # SKIP no display\n");
          return 0;
        }
      g_printerr ("SKIP: no display\n");
      return 77;
    }

  adw_init ();

  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/open-sample", test_window_open_sample);
  g_test_add ("/window/broken-keeps-dataset", Fixture, NULL,
              fixture_set_up, test_window_broken_keeps_dataset, fixture_tear_down);
  g_test_add ("/window/broken-shows-problems", Fixture, NULL,
              fixture_set_up, test_window_broken_shows_problems, fixture_tear_down);
  g_test_add_func ("/window/missing-file", test_window_missing_file);
  g_test_add ("/window/open-csv", Fixture, NULL,
              fixture_set_up, test_window_open_csv, fixture_tear_down);
  g_test_add_func ("/window/open-action", test_window_open_action);
  g_test_add_func ("/window/size-settings", test_window_size_settings);

  return g_test_run ();
}
