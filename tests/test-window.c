/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libglib-testing/signal-logger.h>
#include <locale.h>
#include <string.h>

#include "reel-data-table.h"
#include "reel-dataset-loader.h"
#include "reel-gtk-test.h"
#include "reel-window-test.h"

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

#define CHILD(window, name) reel_window_test_child (window, name)
#define WINDOW_TITLE(window)  ADW_WINDOW_TITLE (CHILD (window, "window_title"))
#define CHART_VIEW(window)    REEL_CHART_VIEW (CHILD (window, "chart_view"))
#define REGION_LIST(window)   REEL_REGION_LIST (CHILD (window, "region_list"))
#define AUDIENCE(window)      REEL_AUDIENCE_PANEL (CHILD (window, "audience_panel"))
#define COMMENTARY(window)    REEL_COMMENTARY_PANEL (CHILD (window, "commentary_panel"))
#define DATA_TABLE(window)    get_data_table (window)
#define EXPORT_BUTTON(window) GTK_WIDGET (CHILD (window, "export_button"))
#define wait_for_load reel_window_test_wait_for_load

static gboolean
has_data_table (gpointer data)
{
  return REEL_IS_DATA_TABLE (gtk_widget_get_last_child (GTK_WIDGET (data)));
}

/* The table's ReelDataTable: built after a shown window's first frame. */
static ReelDataTable *
get_data_table (ReelWindow *window)
{
  GtkWidget *page = GTK_WIDGET (CHILD (window, "table_page"));

  g_assert_true (reel_gtk_test_wait (has_data_table, page, 5000));
  return REEL_DATA_TABLE (gtk_widget_get_last_child (page));
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

static double
get_progress (ReelWindow *window)
{
  double progress;

  g_object_get (window, "progress", &progress, NULL);
  return progress;
}

static void
test_window_empty (void)
{
  ReelWindow *window = create_window ();
  GtkWidget *previous, *overview, *platforms;

  g_assert_cmpstr (reel_window_test_get_page (window), ==, "empty");
  g_assert_null (reel_window_get_dataset (window));
  g_assert_false (reel_window_get_loading (window));
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, 0);

  /* The tooltips, set while the window was built (each widget hidden for
   * that moment: reel_widget_set_tooltip_text()); the bottom bar's switcher
   * has the header's. */
  previous = GTK_WIDGET (CHILD (window, "period_previous_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (previous), ==, "Previous Year (Left)");
  g_assert_true (gtk_widget_get_visible (previous));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (EXPORT_BUTTON (window)), ==,
                   "Export the Chart as an Image (Ctrl+E)");
  g_assert_true (gtk_widget_get_visible (EXPORT_BUTTON (window)));
  overview = gtk_widget_get_first_child (CHILD (window, "chart_switcher"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (overview), ==, "Headline Figures (Ctrl+0)");
  platforms = gtk_widget_get_last_child (CHILD (window, "bottom_switcher"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (platforms), ==, "Apps Ranked by Revenue (Ctrl+6)");

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
  AdwWindowTitle *title = WINDOW_TITLE (window);
  gulong handler;

  g_signal_connect (window, "notify::progress", G_CALLBACK (progress_thread_cb), &threads);
  gt_signal_logger_connect (logger, window, "notify::progress");
  gt_signal_logger_connect (logger, window, "notify::dataset");

  open_sample (window);
  g_assert_true (reel_window_get_loading (window));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "loading");
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "loading_label")), ==,
                   "microdrama-sample.reelscope.json");

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
  g_assert_cmpfloat (get_progress (window), ==, 1.0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (CHILD (window, "loading_bar")), ==, 1.0);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "dataset");
  gt_signal_logger_assert_no_emissions (logger);

  handler = g_signal_handlers_disconnect_by_func (window, progress_thread_cb, &threads);
  g_assert_cmpuint (handler, ==, 1);

  g_assert_false (reel_window_get_loading (window));
  g_assert_nonnull (reel_window_get_dataset (window));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");

  /* The title in the user's language (C.UTF-8: English), the file below. */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Chinese micro-dramas abroad (sample)");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "microdrama-sample.reelscope.json");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Chinese micro-dramas abroad (sample)");

  /* World first, then every region in file order. */
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));
  for (guint i = 0; i < G_N_ELEMENTS (sample_regions); i++)
    g_assert_cmpstr (reel_window_test_get_region_name (window, i), ==, sample_regions[i]);

  /* Primary revenue in 2024, the latest year; a dash where there is none. */
  g_assert_cmpstr (reel_window_test_get_region_value (window, 0), ==, "$1.4B");
  g_assert_cmpstr (reel_window_test_get_region_value (window, 1), ==, "$142M");
  g_assert_cmpstr (reel_window_test_get_region_value (window, 2), ==, "—");

  /* The world is selected first; the chart follows the selection. */
  g_assert_null (reel_chart_view_get_selected_region (CHART_VIEW (window)));
  reel_window_test_select_region (window, 4);
  g_assert_cmpstr (reel_chart_view_get_selected_region (CHART_VIEW (window)), ==,
                   "middle-east-north-africa");

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
  g_assert_null (reel_window_test_get_toast_title (window));

  gt_signal_logger_connect (logger, window, "notify::dataset");
  open_path (window, fixture->broken_path);
  /* The dataset stays in view while the other file loads. */
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  wait_for_load (window);

  /* Only a dataset without errors replaces the one shown. */
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (reel_window_get_dataset (window) == dataset);
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));
  g_assert_cmpstr (adw_window_title_get_title (WINDOW_TITLE (window)), ==,
                   "Chinese micro-dramas abroad (sample)");

  /* A toast names the file (as plain text) and the first problem. */
  toast = reel_window_test_get_toast_title (window);
  g_assert_nonnull (toast);
  g_assert_true (g_str_has_prefix (toast, "Could not open broken & bad.reelscope.json: "));
  g_assert_cmpuint (strlen (toast), >, strlen ("Could not open broken & bad.reelscope.json: "));

  /* Its Details button lists every problem with its position. */
  g_assert_null (reel_window_test_find_toplevel (window, ADW_TYPE_MESSAGE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  dialog = reel_window_test_find_toplevel (window, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Could Not Open “broken & bad.reelscope.json”");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  row = reel_window_test_dup_problem_row (GTK_WIDGET (dialog), 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row, "3:3  "));
  g_assert_null (reel_window_test_dup_problem_row (GTK_WIDGET (dialog), 1));

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
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "loading");
  wait_for_load (window);

  /* Nothing to keep: the problems page says what is wrong and where. */
  g_assert_null (reel_window_get_dataset (window));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "problems");
  g_assert_null (reel_window_test_get_toast_title (window));
  g_assert_cmpuint (reel_window_test_get_n_problem_rows (CHILD (window, "problem_list")), ==, 1);
  row = reel_window_test_dup_problem_row (CHILD (window, "problem_list"), 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row, "3:3  "));
  /* Under the message, the line of the file with a caret under column 3. */
  g_assert_true (g_str_has_suffix (row, "  /* no comments in JSON */    ^"));
  g_assert_cmpstr (adw_status_page_get_title (CHILD (window, "problems_page")), ==,
                   "Could Not Open the Dataset");
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_TITLE (window)), ==,
                   "broken & bad.reelscope.json");

  /* The way on: another file, or the bundled dataset. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-bundled", NULL));
  wait_for_load (window);
  g_assert_nonnull (reel_window_get_dataset (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_TITLE (window)), ==,
                   "microdrama-exports.reelscope.json");

  /* A good file afterwards replaces the problems page. */
  open_sample (window);
  wait_for_load (window);
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, G_N_ELEMENTS (sample_regions));

  destroy_window (window);
}

static void
test_window_missing_file (void)
{
  ReelWindow *window = create_window ();
  g_autofree char *row = NULL;

  open_path (window, "/nonexistent/reelscope/missing.reelscope.json");
  wait_for_load (window);

  /* An I/O error is one problem without a position; the page says what
   * happened in words. */
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "problems");
  g_assert_cmpuint (reel_window_test_get_n_problem_rows (CHILD (window, "problem_list")), ==, 1);
  row = reel_window_test_dup_problem_row (CHILD (window, "problem_list"), 0);
  g_assert_nonnull (row);
  g_assert_false (g_ascii_isdigit (row[0]));
  g_assert_cmpstr (adw_status_page_get_title (CHILD (window, "problems_page")), ==, "File Not Found");
  g_assert_nonnull (strstr (adw_status_page_get_description (CHILD (window, "problems_page")),
                            "missing.reelscope.json"));

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
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, 3);
  g_assert_cmpstr (reel_window_test_get_region_name (window, 0), ==, "World");
  g_assert_cmpstr (reel_window_test_get_region_name (window, 1), ==, "north-america");
  g_assert_cmpstr (reel_window_test_get_region_name (window, 2), ==, "europe");
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_TITLE (window)), ==,
                   "records.csv");

  destroy_window (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
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


static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* Settings live in memory for the whole run: each test that changes them
 * starts from the defaults. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  static const char * const keys[] = {
    "chart-kind", "year", "selected-region", "selected-regions", "recent-files", "window-width",
    "window-height",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static gboolean
chart_laid_out (gpointer data)
{
  ReelChartView *view = data;

  return reel_gtk_test_chart_is_current (view) && reel_gtk_test_chart_n_mark_widgets (view) > 0;
}

/* The chart shows what the window shows and sets its selection: a click on
 * a mark selects the region in the list and the panels too. */
static void
test_window_chart_selects (void)
{
  ReelWindow *window;
  ReelChartView *view;
  ReelChartLayout *layout;
  const ReelChartMark *mark = NULL;

  reset_settings ();
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  view = CHART_VIEW (window);

  g_object_set (window, "chart-kind", REEL_CHART_SHARE, "year", 2024, NULL);
  g_assert_true (reel_gtk_test_wait (chart_laid_out, view, 5000));
  layout = reel_chart_view_get_layout (view);
  g_assert_true (reel_chart_view_get_dataset (view) == reel_window_get_dataset (window));
  g_assert_cmpint (reel_chart_layout_get_kind (layout), ==, REEL_CHART_SHARE);
  g_assert_cmpuint (reel_chart_layout_get_year (layout), ==, 2024);

  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout) && mark == NULL; i++)
    if (reel_chart_layout_get_mark (layout, i)->region_id != NULL)
      mark = reel_chart_layout_get_mark (layout, i);
  g_assert_nonnull (mark);

  reel_gtk_test_chart_click (view, mark->rect.x + mark->rect.width / 2,
                             mark->rect.y + mark->rect.height / 2);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, mark->region_id);
  g_assert_cmpstr (reel_region_list_get_selected_region (REGION_LIST (window)), ==,
                   mark->region_id);
  g_assert_cmpstr (reel_audience_panel_get_region (AUDIENCE (window)), ==,
                   mark->region_id);

  destroy_window (window);
  reset_settings ();
}

/* Once a dataset shows whole, the panels make each region's rows while
 * nothing else happens: a region picked the first time makes no widgets. */
static void
test_window_panels_prepared (void)
{
  ReelWindow *window;
  GtkWidget *quotes, *traits;
  guint n_blocks, n_pages;

  reset_settings ();
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  reel_window_test_wait_prepared (window);

  quotes = reel_gtk_test_commentary_quotes (COMMENTARY (window));
  traits = reel_gtk_test_get_child (AUDIENCE (window), "traits_box");
  n_blocks = reel_gtk_test_count_children (quotes);
  n_pages = reel_gtk_test_count_children (traits);
  g_assert_cmpuint (n_blocks, >, reel_gtk_test_commentary_n_quotes (COMMENTARY (window)));
  g_assert_cmpuint (n_pages, >, 1);

  reel_window_test_select_region (window, 4);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "middle-east-north-africa");
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (AUDIENCE (window)), ==, 1);
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (COMMENTARY (window)), ==, 3);
  g_assert_cmpuint (reel_gtk_test_count_children (quotes), ==, n_blocks);
  g_assert_cmpuint (reel_gtk_test_count_children (traits), ==, n_pages);

  destroy_window (window);
  reset_settings ();
}

static void
test_window_selection_shared (void)
{
  ReelWindow *window;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  ReelRegionList *list;
  ReelAudiencePanel *audience;
  ReelCommentaryPanel *commentary;

  reset_settings ();
  window = create_window ();
  list = REGION_LIST (window);
  audience = AUDIENCE (window);
  commentary = COMMENTARY (window);

  open_sample (window);
  wait_for_load (window);
  g_assert_null (reel_window_get_selected_region (window));
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "region_title")), ==, "World");
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "region_subtitle")), ==,
                   "$1.4B revenue in 2024 (primary source)");

  gt_signal_logger_connect (logger, window, "notify::selected-region");

  /* A region chosen in the list is the window's selection… */
  reel_window_test_select_region (window, 4);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "selected-region");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "middle-east-north-africa");

  /* …and the panels show that region: its audience, its quotes first. */
  g_assert_cmpstr (reel_audience_panel_get_region (audience), ==, "middle-east-north-africa");
  g_assert_cmpstr (reel_gtk_test_audience_summary (audience), ==,
                   "Sources disagree on who watches");
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (audience), ==, 1);
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (commentary, 0, 1), ==, "Mu Ling");
  g_assert_true (g_str_has_prefix (reel_gtk_test_commentary_quote_text (commentary, 0, 0),
                                   "“These groups are becoming key markets"));
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (commentary), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "region_title")), ==,
                   "Middle East & North Africa");
  g_assert_cmpstr (gtk_label_get_text (CHILD (window, "region_subtitle")), ==,
                   "No revenue figure for 2024");
  g_assert_cmpstr (reel_chart_view_get_selected_region (CHART_VIEW (window)), ==,
                   "middle-east-north-africa");

  /* Set on the window (as the chart does), the list follows. */
  reel_window_set_selected_region (window, "africa");
  gt_signal_logger_assert_notify_emission_pop (logger, window, "selected-region");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpint (reel_gtk_test_region_selected_index (list), ==, 5);
  g_assert_cmpstr (reel_gtk_test_audience_summary (audience), ==, "Skews younger");
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (commentary, 0, 1), ==, "Mu Ling");
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (commentary, 2, 1), ==,
                   "Andrew Moses Miti");

  /* A region without audience data says so. */
  reel_window_test_select_region (window, 6);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "selected-region");
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "south-asia");
  g_assert_cmpstr (reel_gtk_test_audience_empty_text (audience), ==,
                   "No audience data for this region");
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (commentary, 0, 1), ==, "Rida Saifee");

  /* The world again. */
  reel_window_test_select_region (window, 0);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "selected-region");
  g_assert_null (reel_window_get_selected_region (window));
  g_assert_null (reel_audience_panel_get_region (audience));

  g_clear_pointer (&logger, gt_signal_logger_free);
  destroy_window (window);
  reset_settings ();
}

static void
assert_regions_setting (GSettings          *settings,
                        const char * const *expected)
{
  g_auto(GStrv) value = g_settings_get_strv (settings, "selected-regions");

  g_assert_cmpstrv (value, expected);
}

static void
test_window_selection_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  g_autofree char *rows = NULL;
  ReelWindow *window;

  /* A region saved by a version that knew one selected region only. */
  reset_settings ();
  g_settings_set_string (settings, "selected-region", "africa");
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "africa");
  g_assert_cmpint (reel_gtk_test_region_selected_index (REGION_LIST (window)),
                   ==, 5);

  /* Both keys follow the selection: the list, and its first region. */
  reel_window_test_select_region (window, 1);
  assert_setting (settings, "selected-region", "north-america");
  assert_regions_setting (settings, (const char * const[]) { "north-america", NULL });
  reel_gtk_test_region_toggle_row (REGION_LIST (window), 3);
  assert_setting (settings, "selected-region", "southeast-asia");
  assert_regions_setting (settings,
                          (const char * const[]) { "southeast-asia", "north-america", NULL });
  destroy_window (window);

  /* The next window selects them again, the first one's panels shown. */
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  g_assert_cmpstrv (reel_window_get_selected_regions (window),
                    ((const char * const[]) { "southeast-asia", "north-america", NULL }));
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "southeast-asia");
  rows = reel_gtk_test_region_selected_rows (REGION_LIST (window));
  g_assert_cmpstr (rows, ==, "1,3");
  destroy_window (window);

  /* The regions it does not have are left out; none left is the world. */
  g_settings_set_strv (settings, "selected-regions",
                       (const char * const[]) { "atlantis", "africa", NULL });
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  g_assert_cmpstrv (reel_window_get_selected_regions (window),
                    ((const char * const[]) { "africa", NULL }));
  destroy_window (window);

  g_settings_set_strv (settings, "selected-regions", (const char * const[]) { "atlantis", NULL });
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  g_assert_null (reel_window_get_selected_region (window));
  destroy_window (window);

  reset_settings ();
}

static void
test_window_chart_kind_action (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  ReelWindow *window;
  GtkDropDown *years;
  ReelDataTable *table;

  reset_settings ();
  window = create_window ();
  years = GTK_DROP_DOWN (CHILD (window, "year_dropdown"));
  table = DATA_TABLE (window);
  open_sample (window);
  wait_for_load (window);

  g_assert_cmpuint (reel_window_get_chart_kind (window), ==, REEL_CHART_REVENUE);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (years)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (years)), ==, 1);

  /* The table shows at once, with what the chart shows, and with no fade
   * that would draw both for 200 ms. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "table"));
  g_assert_true (reel_data_table_get_dataset (table) == reel_window_get_dataset (window));
  g_assert_cmpuint (g_list_model_get_n_items (reel_data_table_get_model (table)), >, 0);
  g_assert_false (gtk_stack_get_transition_running (CHILD (window, "view_stack")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (CHILD (window, "view_stack")), ==, "table");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (CHART_VIEW (window))));

  gt_signal_logger_connect (logger, window, "notify::chart-kind");

  /* win.chart-kind (Ctrl+2) switches the chart; growth has data in 2025
   * only, so the year follows. The choice is remembered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "growth"));
  gt_signal_logger_assert_notify_emission_pop (logger, window, "chart-kind");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (reel_window_get_chart_kind (window), ==, REEL_CHART_GROWTH);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2025);
  assert_setting (settings, "chart-kind", "growth");
  g_assert_cmpuint (g_settings_get_uint (settings, "year"), ==, 2025);
  g_assert_cmpuint (reel_data_table_get_chart_kind (table), ==, REEL_CHART_GROWTH);
  g_assert_cmpuint (reel_data_table_get_year (table), ==, 2025);
  g_assert_cmpuint (g_list_model_get_n_items (reel_data_table_get_model (table)), ==, 2);

  /* The same kind again changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "growth");
  gt_signal_logger_assert_no_emissions (logger);

  /* The trend has no year to pick. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "trend");
  gt_signal_logger_assert_notify_emission_pop (logger, window, "chart-kind");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (years)));
  assert_setting (settings, "chart-kind", "trend");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "share");
  gt_signal_logger_assert_notify_emission_pop (logger, window, "chart-kind");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (years)));
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);
  g_assert_cmpuint (reel_data_table_get_chart_kind (table), ==, REEL_CHART_SHARE);

  /* Hidden, the table does not hold a change of the chart up: it follows
   * once the main loop is idle, ready for when it shows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "chart");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "growth");
  gt_signal_logger_assert_notify_emission_pop (logger, window, "chart-kind");
  g_assert_cmpuint (reel_data_table_get_chart_kind (table), ==, REEL_CHART_SHARE);
  g_assert_cmpuint (reel_data_table_get_year (table), ==, 2024);
  reel_gtk_test_flush ();
  g_assert_cmpuint (reel_data_table_get_chart_kind (table), ==, REEL_CHART_GROWTH);
  g_assert_cmpuint (reel_data_table_get_year (table), ==, 2025);
  g_assert_cmpuint (g_list_model_get_n_items (reel_data_table_get_model (table)), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "share");
  gt_signal_logger_assert_notify_emission_pop (logger, window, "chart-kind");

  g_clear_pointer (&logger, gt_signal_logger_free);
  destroy_window (window);

  /* A new window opens on the kind and year used last. */
  window = create_window ();
  g_assert_cmpuint (reel_window_get_chart_kind (window), ==, REEL_CHART_SHARE);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);
  destroy_window (window);

  reset_settings ();
}

/* The headline buttons of the overview, in reading order. */
static void
collect_headlines (GtkWidget *widget,
                   GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "reel-headline"))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_headlines (child, buttons);
}

/* A new window opens on the overview of the bundled dataset; a headline
 * leads to its chart, with its year and region; win.page goes back. */
static void
test_window_overview (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "microdrama-exports.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *market;
  ReelWindow *window;
  char *page = NULL;

  reset_settings ();
  g_settings_set_boolean (settings, "overview", TRUE);
  window = create_window ();
  reel_window_open (window, file);
  wait_for_load (window);

  g_assert_cmpstr (reel_window_test_get_page (window), ==, "overview");
  g_object_get (window, "page", &page, NULL);
  g_assert_cmpstr (page, ==, "overview");
  g_clear_pointer (&page, g_free);
  /* No chart: nothing to export, no year to choose. */
  g_assert_false (gtk_widget_is_sensitive (CHILD (window, "export_button")));
  g_assert_false (gtk_widget_get_visible (CHILD (window, "year_dropdown")));

  /* World (revenue, downloads), three markets, two growths, two forecasts. */
  collect_headlines (CHILD (window, "overview_page"), buttons);
  g_assert_cmpuint (buttons->len, ==, 9);
  market = g_ptr_array_index (buttons, 2);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (market), "DataEye"));

  g_signal_emit_by_name (market, "clicked");
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_get_chart_kind (window), ==, REEL_CHART_SHARE);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2025);
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "north-america");
  g_assert_true (gtk_widget_is_sensitive (CHILD (window, "export_button")));
  g_assert_false (g_settings_get_boolean (settings, "overview"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "overview"));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "overview");
  g_assert_true (g_settings_get_boolean (settings, "overview"));
  /* Asking for a chart leaves the overview, the chart shown before too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "share"));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_get_chart_kind (window), ==, REEL_CHART_SHARE);

  destroy_window (window);
  reset_settings ();
  g_settings_set_boolean (settings, "overview", FALSE);
}

static void
assert_strings (GListModel         *model,
                const char * const *expected)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, expected[i]);
}

/* The switcher's toggle of the chart shown is the one checked, and only
 * it, from the first frame of a window that reopens on another kind than
 * Revenue (the kind is remembered), and after a switch. */
static void
assert_switcher_checked (ReelWindow *window,
                         const char *page)
{
  GtkWidget *switcher = CHILD (window, "chart_switcher");
  guint n_checked = 0;

  for (GtkWidget *toggle = gtk_widget_get_first_child (switcher);
       toggle != NULL;
       toggle = gtk_widget_get_next_sibling (toggle))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (toggle));
      gboolean shown = g_strcmp0 (g_variant_get_string (target, NULL), page) == 0;

      g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)), ==, shown);
      g_assert_cmpint ((gtk_widget_get_state_flags (toggle) & GTK_STATE_FLAG_CHECKED) != 0, ==, shown);
      n_checked += shown;
    }
  g_assert_cmpuint (n_checked, ==, 1);
}

static void
test_window_switcher_checked (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  ReelWindow *window;

  reset_settings ();
  g_settings_set_boolean (settings, "overview", FALSE);
  g_settings_set_enum (settings, "chart-kind", REEL_CHART_GROWTH);
  window = create_window ();
  open_sample (window);
  wait_for_load (window);
  reel_gtk_test_flush ();
  assert_switcher_checked (window, "growth");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "map"));
  reel_gtk_test_flush ();
  assert_switcher_checked (window, "map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "overview"));
  reel_gtk_test_flush ();
  assert_switcher_checked (window, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "revenue"));
  reel_gtk_test_flush ();
  assert_switcher_checked (window, "revenue");

  destroy_window (window);
  reset_settings ();
}

static void
test_window_year_action (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  g_autofree char *path = g_build_filename (fixture->tmpdir, "years.reelscope.json", NULL);
  g_autoptr(GError) error = NULL;
  ReelWindow *window;
  GtkDropDown *years;
  GListModel *model;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  g_file_set_contents (path,
                       "{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                       " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                       " \"regions\": [{\"id\": \"r\", \"name\": \"R\", \"revenue\": [\n"
                       "   {\"year\": 2022, \"value\": 1, \"source\": \"s\"},\n"
                       "   {\"year\": 2023, \"value\": 2, \"source\": \"s\"},\n"
                       "   {\"year\": 2024, \"value\": 4, \"source\": \"s\"},\n"
                       "   {\"year\": 2030, \"value\": 9, \"source\": \"s\", \"forecast\": true}]}]}\n",
                       -1, &error);
  g_assert_no_error (error);

  reset_settings ();
  window = create_window ();
  years = GTK_DROP_DOWN (CHILD (window, "year_dropdown"));
  open_path (window, path);
  wait_for_load (window);

  /* The years with data, the latest reported one selected; the year of
   * forecasts only says so. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (years)), ==, 4);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (years)), 2),
                   ==, "2024");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (years)), 3),
                   ==, "2030 (forecast)");
  g_assert_cmpuint (reel_window_get_year (window), ==, 2024);

  /* Every kind keeps the menu's model, its rows changed where the years
   * differ (a new model makes every row of the menu anew); each kind's
   * years are its own. The bottom bar's menu shows the same. */
  model = gtk_drop_down_get_model (years);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "share");
  g_assert_true (gtk_drop_down_get_model (years) == model);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "growth");
  g_assert_true (gtk_drop_down_get_model (years) == model);
  assert_strings (model, (const char * const[]) { "2023", "2024", NULL });
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 1);
  g_assert_true (gtk_drop_down_get_model (GTK_DROP_DOWN (CHILD (window, "bottom_year_dropdown"))) == model);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (CHILD (window, "bottom_year_dropdown"))), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "revenue");
  g_assert_true (gtk_drop_down_get_model (years) == model);
  assert_strings (model, (const char * const[]) { "2022", "2023", "2024", "2030 (forecast)", NULL });
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (CHILD (window, "bottom_year_dropdown"))), ==, 2);
  /* and a year picked in the bottom bar is the window's */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (CHILD (window, "bottom_year_dropdown")), 1);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2023);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.year", "u", 2024));

  gt_signal_logger_connect (logger, window, "notify::year");

  /* win.year sets it, the selector follows, the setting remembers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.year", "u", 2022));
  gt_signal_logger_assert_notify_emission_pop (logger, window, "year");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (gtk_drop_down_get_selected (years), ==, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "year"), ==, 2022);
  g_assert_cmpstr (reel_window_test_get_region_value (window, 1), ==, "$1");

  /* The selector sets it too. */
  gtk_drop_down_set_selected (years, 1);
  gt_signal_logger_assert_notify_emission_pop (logger, window, "year");
  g_assert_cmpuint (reel_window_get_year (window), ==, 2023);
  g_assert_cmpuint (g_settings_get_uint (settings, "year"), ==, 2023);
  g_assert_cmpstr (reel_window_test_get_region_value (window, 1), ==, "$2");
  /* The hidden table follows when the main loop is idle. */
  reel_gtk_test_flush ();
  g_assert_cmpuint (reel_data_table_get_year (DATA_TABLE (window)), ==, 2023);

  g_clear_pointer (&logger, gt_signal_logger_free);
  destroy_window (window);

  /* A new window on the same file opens on 2023. */
  window = create_window ();
  open_path (window, path);
  wait_for_load (window);
  g_assert_cmpuint (reel_window_get_year (window), ==, 2023);
  destroy_window (window);

  reset_settings ();
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* The window's own drop target, among its event controllers. */
static GtkDropTarget *
find_drop_target (ReelWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }

  return target;
}

static void
test_window_drop (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "dropped.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GdkFileList *files;
  g_auto(GValue) value = G_VALUE_INIT;
  ReelWindow *window = create_window ();
  GtkDropTarget *target = find_drop_target (window);
  gboolean accepted = FALSE;

  g_file_set_contents (path, "region,period,revenue\nsouth-asia,2024-01,10\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  /* The window takes lists of files… */
  g_assert_true (GTK_IS_DROP_TARGET (target));
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));

  /* …and a file dropped on it opens in it. */
  files = gdk_file_list_new_from_array (&file, 1);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_true (reel_window_get_loading (window));
  wait_for_load (window);

  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_TITLE (window)), ==,
                   "dropped.csv");
  g_assert_cmpstr (reel_window_test_get_region_name (window, 1), ==, "south-asia");

  destroy_window (window);
  reset_settings ();
  g_assert_cmpint (g_unlink (path), ==, 0);
}

typedef struct {
  ReelWindow  *window;
  ReelDataset *dataset;
} Watch;

static gboolean
toast_shown (gpointer data)
{
  ReelWindow *window = data;

  return reel_window_test_get_toast_title (window) != NULL && !reel_window_get_loading (window);
}

static gboolean
dataset_replaced (gpointer data)
{
  Watch *watch = data;

  return reel_window_get_dataset (watch->window) != watch->dataset &&
         !reel_window_get_loading (watch->window);
}

/* A file changed on disk while shown: reloaded, keeping the old dataset
 * while the new one is broken. */
static void
assert_reloads_on_change (const char *path)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data",
                                                   "microdrama-sample.reelscope.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GError) error = NULL;
  ReelWindow *window = create_window ();
  Watch watch = { window, NULL };
  gsize length;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  open_path (window, path);
  wait_for_load (window);
  reel_window_test_select_region (window, 5);
  watch.dataset = reel_window_get_dataset (window);
  g_assert_nonnull (watch.dataset);

  /* Broken on disk (as an editor saves: a new file renamed over the old):
   * the window keeps what it shows and says why in a toast. */
  g_file_set_contents (path, broken_dataset, -1, &error);
  g_assert_no_error (error);
  g_assert_true (reel_gtk_test_wait (toast_shown, window, 10000));
  g_assert_true (reel_window_get_dataset (window) == watch.dataset);
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_true (g_str_has_prefix (reel_window_test_get_toast_title (window),
                                   "Could not open watched.reelscope.json: "));

  /* Fixed on disk: the new dataset replaces it, the selection stays. */
  {
    g_auto(GStrv) parts = g_strsplit (contents, "Chinese micro-dramas abroad (sample)", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    renamed = g_strjoinv ("Chinese micro-dramas abroad (revised)", parts);
  }
  g_file_set_contents (path, renamed, -1, &error);
  g_assert_no_error (error);
  g_assert_true (reel_gtk_test_wait (dataset_replaced, &watch, 10000));
  g_assert_cmpstr (adw_window_title_get_title (WINDOW_TITLE (window)), ==,
                   "Chinese micro-dramas abroad (revised)");
  g_assert_cmpstr (reel_window_get_selected_region (window), ==, "africa");

  destroy_window (window);
  reset_settings ();
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_window_reload_on_change (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "watched.reelscope.json", NULL);

  assert_reloads_on_change (path);
}

/* A Flatpak'ed app gets the user's files through the document portal, in
 * XDG_RUNTIME_DIR/doc/ID/ (a FUSE file system that inotify does not hear
 * on): the window reads the file's size and time every few seconds. The
 * test's runtime dir is its own (hermetic-session.sh). */
static void
test_window_reload_portal_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "doc", "4f2a9c", NULL);
  g_autofree char *path = g_build_filename (folder, "watched.reelscope.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  assert_reloads_on_change (path);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_window_reload_action (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data",
                                                   "microdrama-sample.reelscope.json", NULL);
  g_autofree char *uri = g_filename_to_uri (sample, NULL, NULL);
  g_auto(GStrv) recent = NULL;
  ReelWindow *window;
  ReelDataset *first;

  reset_settings ();
  window = create_window ();

  /* Nothing to reload yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_false (reel_window_get_loading (window));

  open_sample (window);
  wait_for_load (window);
  first = g_object_ref (reel_window_get_dataset (window));

  /* A file that loaded is first among the recent files… */
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, uri);
  g_assert_cmpuint (g_menu_model_get_n_items (G_MENU_MODEL (CHILD (window, "recent_menu"))), ==, 1);

  /* …and win.reload (Ctrl+R) reads it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (reel_window_get_loading (window));
  wait_for_load (window);
  g_assert_nonnull (reel_window_get_dataset (window));
  g_assert_true (reel_window_get_dataset (window) != first);

  g_object_unref (first);
  destroy_window (window);
  reset_settings ();
}

/* Resizes the shown window and waits for it to be allocated at that size. */
static void
resize_window (ReelWindow *window,
               int         width,
               int         height)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  /* Client-side decorations may take a few pixels of the size asked for. */
  while ((ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 12 ||
          ABS (gtk_widget_get_height (GTK_WIDGET (window)) - height) > 12) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  /* The frame after: folding applies as the window allocates. */
  for (int i = 0; i < 3; i++)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

static void
test_window_side_panels (void)
{
  ReelWindow *window;
  AdwFlap *sidebar, *details;

  reset_settings ();
  window = create_window ();
  sidebar = ADW_FLAP (CHILD (window, "sidebar_flap"));
  details = ADW_FLAP (CHILD (window, "details_flap"));
  open_sample (window);
  wait_for_load (window);

  /* Wide: both panes beside the chart; F9 hides both, and shows them again. */
  resize_window (window, 1600, 900);
  g_assert_false (adw_flap_get_folded (sidebar));
  g_assert_false (adw_flap_get_folded (details));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panels", NULL));
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  g_assert_false (adw_flap_get_reveal_flap (details));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panels", NULL);
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  g_assert_true (adw_flap_get_reveal_flap (details));

  /* The default width: the regions beside the chart, which gets more than
   * 55% of the window; the right pane over it on demand. */
  resize_window (window, 1100, 720);
  g_assert_false (adw_flap_get_folded (sidebar));
  g_assert_true (adw_flap_get_folded (details));
  g_assert_false (adw_flap_get_reveal_flap (details));
  g_assert_cmpint (gtk_widget_get_width (CHILD (window, "centre_box")), >=, 0.55 * 1100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panels", NULL);
  g_assert_true (adw_flap_get_reveal_flap (details));
  g_assert_true (adw_flap_get_reveal_flap (sidebar));

  /* Narrow: either pane over the chart, never both. */
  resize_window (window, 700, 720);
  g_assert_true (adw_flap_get_folded (sidebar));
  g_assert_true (adw_flap_get_folded (details));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panels", NULL);
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  adw_flap_set_reveal_flap (details, TRUE);
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  adw_flap_set_reveal_flap (sidebar, TRUE);
  g_assert_false (adw_flap_get_reveal_flap (details));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-side-panels", NULL);
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  g_assert_false (adw_flap_get_reveal_flap (details));

  /* As narrow as the metainfo promises, with GNOME's window buttons: the
   * switcher and the year go to the bottom bar. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)),
                "gtk-decoration-layout", "appmenu:close", NULL);
  resize_window (window, 360, 640);
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                        NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  }
  g_assert_true (gtk_action_bar_get_revealed (CHILD (window, "bottom_bar")));
  g_assert_true (gtk_widget_get_visible (CHILD (window, "bottom_year_dropdown")));
  gtk_settings_reset_property (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-decoration-layout");

  /* Ctrl+F shows the region list and its search entry. */
  adw_flap_set_reveal_flap (sidebar, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (adw_flap_get_reveal_flap (sidebar));

  /* Centre: chart or table; right: the region or the sources. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "table"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.details-page", "s",
                                             "sources"));
  {
    g_autofree char *view = NULL;
    g_autofree char *page = NULL;

    g_object_get (window, "view", &view, "details-page", &page, NULL);
    g_assert_cmpstr (view, ==, "table");
    g_assert_cmpstr (page, ==, "sources");
  }

  /* With a dataset shown, Export and Copy Image are there. */
  g_assert_true (gtk_widget_get_sensitive (EXPORT_BUTTON (window)));
  g_assert_true (gtk_widget_is_sensitive (EXPORT_BUTTON (window)));

  destroy_window (window);
  reset_settings ();
}

/* Whether every line of the window's title (the dataset's title and its
 * file's name) shows whole: allocated its natural width, not cut with "…". */
static gboolean
title_is_whole (ReelWindow *window)
{
  GtkWidget *title = CHILD (window, "window_title");
  guint n_labels = 0;

  for (GtkWidget *box = gtk_widget_get_first_child (title); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    for (GtkWidget *label = gtk_widget_get_first_child (box); label != NULL;
         label = gtk_widget_get_next_sibling (label))
      {
        GtkAllocation allocation;
        int natural = 0;

        if (!GTK_IS_LABEL (label) || !gtk_widget_get_mapped (label))
          continue;
        /* Both with the label's padding */
        gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
        gtk_widget_get_allocation (label, &allocation);
        if (allocation.width < natural ||
            pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
          return FALSE;
        n_labels++;
      }
  g_assert_cmpuint (n_labels, ==, 2);
  return TRUE;
}

/* The header keeps the dataset's title whole at the default width, with
 * GNOME's window buttons: the switcher goes to the bottom bar (the year
 * stays in the header) where it does not fit beside the title, and comes
 * back where it does. */
static void
test_window_title_whole (void)
{
  ReelWindow *window;

  reset_settings ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  window = reel_window_test_open_bundled ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "platforms");

  resize_window (window, 1100, 720);
  g_assert_cmpstr (adw_window_title_get_title (CHILD (window, "window_title")), ==,
                   "Chinese micro-dramas abroad");
  g_assert_true (title_is_whole (window));
  g_assert_true (gtk_action_bar_get_revealed (CHILD (window, "bottom_bar")));
  g_assert_true (gtk_widget_get_mapped (CHILD (window, "bottom_switcher")));
  g_assert_true (gtk_widget_get_mapped (CHILD (window, "period_box")));

  /* Narrow: the year goes down too, with the metric, and Open shows as an
   * icon to leave the title what room there is: as much as a chart
   * without metrics leaves it */
  gtk_drop_down_set_selected (CHILD (window, "metric_dropdown"), 1);
  resize_window (window, 700, 720);
  g_assert_false (gtk_widget_get_mapped (CHILD (window, "period_box")));
  g_assert_false (gtk_widget_get_mapped (CHILD (window, "open_button")));
  g_assert_false (gtk_widget_get_mapped (CHILD (window, "metric_dropdown")));
  g_assert_true (gtk_widget_get_mapped (CHILD (window, "bottom_metric_dropdown")));
  g_assert_cmpuint (gtk_drop_down_get_selected (CHILD (window, "bottom_metric_dropdown")), ==, 1);
  {
    int title_width = gtk_widget_get_width (CHILD (window, "window_title"));
    ReelChartMetric metric;

    gtk_drop_down_set_selected (CHILD (window, "bottom_metric_dropdown"), 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (CHILD (window, "metric_dropdown")), ==, 0);
    g_object_get (CHART_VIEW (window), "metric", &metric, NULL);
    g_assert_cmpint (metric, ==, REEL_CHART_METRIC_REVENUE);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-kind", "s", "revenue");
    resize_window (window, 700, 720);
    g_assert_false (gtk_widget_get_mapped (CHILD (window, "bottom_metric_dropdown")));
    g_assert_cmpint (gtk_widget_get_width (CHILD (window, "window_title")), ==, title_width);
  }

  resize_window (window, 1600, 900);
  g_assert_true (title_is_whole (window));
  g_assert_true (gtk_widget_get_mapped (CHILD (window, "chart_switcher")));
  g_assert_false (gtk_action_bar_get_revealed (CHILD (window, "bottom_bar")));

  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-decoration-layout");
  destroy_window (window);
  reset_settings ();
}

static void
test_window_panels_follow (void)
{
  ReelWindow *window = create_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "microdrama-sample.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *audience = GTK_WIDGET (AUDIENCE (window));
  GtkWidget *commentary = GTK_WIDGET (COMMENTARY (window));

  /* The chart and the list show the dataset at once; the region panels,
   * hidden meanwhile, after the next frame. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  reel_window_open (window, file);
  while (reel_window_get_dataset (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (reel_chart_view_get_dataset (CHART_VIEW (window)) ==
                 reel_window_get_dataset (window));
  g_assert_null (reel_audience_panel_get_dataset (REEL_AUDIENCE_PANEL (audience)));
  g_assert_false (gtk_widget_get_visible (audience));
  g_assert_false (gtk_widget_get_visible (commentary));
  g_assert_true (reel_window_get_loading (window));

  wait_for_load (window);
  g_assert_true (reel_audience_panel_get_dataset (REEL_AUDIENCE_PANEL (audience)) ==
                 reel_window_get_dataset (window));
  g_assert_true (reel_commentary_panel_get_dataset (REEL_COMMENTARY_PANEL (commentary)) ==
                 reel_window_get_dataset (window));
  g_assert_true (gtk_widget_get_visible (audience));
  g_assert_true (gtk_widget_get_visible (commentary));

  destroy_window (window);
}

/* A window given a dataset read already, before it first shows (the
 * bundled one at start-up): the chart and the list have it for the first
 * frame, and the region panels, hidden meanwhile, follow that frame. */
static void
test_window_open_dataset (void)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "microdrama-sample.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelDataset) dataset = reel_dataset_loader_load (loader, NULL, &error);
  GtkWidget *audience = GTK_WIDGET (AUDIENCE (window));
  GtkWidget *commentary = GTK_WIDGET (COMMENTARY (window));

  g_assert_no_error (error);
  reel_window_open_dataset (window, dataset);
  g_assert_true (reel_window_get_dataset (window) == dataset);
  g_assert_true (reel_chart_view_get_dataset (CHART_VIEW (window)) == dataset);
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), >, 0);
  g_assert_null (reel_audience_panel_get_dataset (REEL_AUDIENCE_PANEL (audience)));
  g_assert_false (gtk_widget_get_visible (audience));
  g_assert_false (gtk_widget_get_visible (commentary));
  g_assert_true (reel_window_get_loading (window));

  gtk_window_present (GTK_WINDOW (window));
  wait_for_load (window);
  g_assert_true (reel_audience_panel_get_dataset (REEL_AUDIENCE_PANEL (audience)) == dataset);
  g_assert_true (reel_commentary_panel_get_dataset (REEL_COMMENTARY_PANEL (commentary)) == dataset);
  g_assert_true (gtk_widget_get_visible (audience));
  g_assert_true (gtk_widget_get_visible (commentary));

  destroy_window (window);
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (data));
}

/* Only @name and @kept (if not %NULL) of @stack's pages are visible. */
static void
assert_pages_visible (GtkStack   *stack,
                      const char *name,
                      const char *kept)
{
  GtkWidget *shown = gtk_stack_get_child_by_name (stack, name);
  GtkWidget *always = kept != NULL ? gtk_stack_get_child_by_name (stack, kept) : NULL;

  g_assert_true (reel_gtk_test_wait (stack_settled, stack, 5000));
  g_assert_true (gtk_stack_get_visible_child (stack) == shown);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_assert_true (gtk_widget_get_visible (page) == (page == shown || page == always));
}

static gboolean
page_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

/* A page not shown is hidden, so that its stack does not lay it out in
 * each frame: the first frame with a dataset lays out neither the empty
 * and problems pages nor the table. The dataset page stays, so that the
 * window keeps its minimum size, from the window's second frame on: the
 * first one does not lay it out when another page shows. The table itself
 * is built after that first frame. */
static void
test_window_pages_not_shown (void)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  GtkStack *stack = GTK_STACK (CHILD (window, "stack"));
  GtkWidget *chart = GTK_WIDGET (CHART_VIEW (window));
  GtkStack *view_stack = GTK_STACK (gtk_widget_get_parent (chart));
  GtkWidget *table_page = GTK_WIDGET (CHILD (window, "table_page"));
  GtkWidget *dataset_page = gtk_stack_get_child_by_name (stack, "dataset");
  GtkWidget *table;
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "invalid-three-mistakes.reelscope.json",
                                                   NULL);

  reset_settings ();
  assert_pages_visible (stack, "empty", "dataset");
  gtk_window_present (GTK_WINDOW (window));
  assert_pages_visible (stack, "empty", NULL);
  g_assert_false (has_data_table (table_page));
  g_assert_true (reel_gtk_test_wait (page_visible, dataset_page, 5000));
  assert_pages_visible (stack, "empty", "dataset");
  g_assert_true (has_data_table (table_page));
  table = GTK_WIDGET (DATA_TABLE (window));
  assert_pages_visible (view_stack, "chart", NULL);

  open_sample (window);
  wait_for_load (window);
  assert_pages_visible (stack, "dataset", NULL);
  g_assert_true (gtk_widget_is_visible (chart));
  g_assert_false (gtk_widget_is_visible (table));

  /* The table shows, and the chart goes once the crossfade is over. */
  g_object_set (window, "view", "table", NULL);
  g_assert_true (gtk_widget_is_visible (table));
  assert_pages_visible (view_stack, "table", NULL);

  g_object_set (window, "view", "chart", NULL);
  assert_pages_visible (view_stack, "chart", NULL);
  g_assert_true (reel_gtk_test_wait (chart_laid_out, chart, 5000));

  destroy_window (window);

  /* A file that does not load, in a window with nothing: its problems. */
  window = create_window ();
  stack = GTK_STACK (CHILD (window, "stack"));
  open_path (window, broken);
  wait_for_load (window);
  assert_pages_visible (stack, "problems", "dataset");

  destroy_window (window);
  reset_settings ();
}

static void
test_window_menus (void)
{
  ReelWindow *window = create_window ();
  GtkMenuButton *button = GTK_MENU_BUTTON (CHILD (window, "primary_menu_button"));
  GtkPopover *popover;
  GMenuModel *model;

  /* The primary menu is made when it first opens, and then kept. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_true (model == gtk_menu_button_get_menu_model (button));
  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);

  destroy_window (window);
}

static void
test_window_help_overlay (void)
{
  ReelWindow *window = create_window ();
  GtkWindow *overlay;

  /* Not built for the first frame; built, shown over the window, and kept
   * when the primary menu's Keyboard Shortcuts asks for it. */
  g_assert_null (reel_window_test_find_toplevel (window, GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = reel_window_test_find_toplevel (window, GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_window_get_transient_for (overlay) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_close (overlay);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (reel_window_test_find_toplevel (window, GTK_TYPE_SHORTCUTS_WINDOW) == overlay);

  /* It goes with its window. */
  g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &overlay);
  destroy_window (window);
  g_assert_null (overlay);
}

/* Widgets that a user operates. Those inside GTK's own composites (a menu
 * button's toggle, a drop-down's button, the window controls, an entry's
 * text) are named by GTK and left out. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_LEVEL_BAR (widget) ||
         GTK_IS_COLUMN_VIEW (widget) || GTK_IS_FLOW_BOX (widget);
}

static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_COLUMN_VIEW (widget) || GTK_IS_SCROLLBAR (widget);
}

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;

  return FALSE;
}

/* Named by an accessible label, by a label it is labelled by, or (a
 * button) by the text it shows, which GTK gives it as its name. */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    return has_text_label (widget);

  return FALSE;
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_controls)
{
  if (is_control (widget))
    {
      (*n_controls)++;
      if (!has_accessible_name (widget))
        {
          g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
          g_autofree char *joined = g_strjoinv (".", classes);

          g_string_append_printf (unnamed, " %s.%s in %s", G_OBJECT_TYPE_NAME (widget), joined,
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
        }
    }

  if (is_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

static void
test_window_accessible_names (void)
{
  ReelWindow *window;
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  reset_settings ();
  window = create_window ();
  open_sample (window);
  wait_for_load (window);

  /* A region with traits, notes and quotes, the table filled: every page
   * of the window is in the tree, shown or not. */
  reel_window_set_selected_region (window, "middle-east-north-africa");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "table");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.details-page", "s", "sources");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.details-page", "s", "region");
  reel_gtk_test_flush ();

  collect_unnamed (GTK_WIDGET (window), unnamed, &n_controls);
  g_test_message ("%u controls", n_controls);
  g_assert_cmpuint (n_controls, >, 40);
  if (unnamed->len > 0)
    g_error ("Controls without an accessible name:%s", unnamed->str);

  destroy_window (window);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  reel_window_test_start_on_charts ();

  g_test_add_func ("/window/empty", test_window_empty);
  g_test_add_func ("/window/switcher-checked", test_window_switcher_checked);
  g_test_add_func ("/window/open-sample", test_window_open_sample);
  g_test_add ("/window/broken-keeps-dataset", Fixture, NULL,
              fixture_set_up, test_window_broken_keeps_dataset, fixture_tear_down);
  g_test_add ("/window/broken-shows-problems", Fixture, NULL,
              fixture_set_up, test_window_broken_shows_problems, fixture_tear_down);
  g_test_add_func ("/window/missing-file", test_window_missing_file);
  g_test_add ("/window/open-csv", Fixture, NULL,
              fixture_set_up, test_window_open_csv, fixture_tear_down);
  g_test_add_func ("/window/size-settings", test_window_size_settings);
  g_test_add_func ("/window/selection-shared", test_window_selection_shared);
  g_test_add_func ("/window/panels-prepared", test_window_panels_prepared);
  g_test_add_func ("/window/chart-selects", test_window_chart_selects);
  g_test_add_func ("/window/selection-restored", test_window_selection_restored);
  g_test_add_func ("/window/chart-kind-action", test_window_chart_kind_action);
  g_test_add_func ("/window/overview", test_window_overview);
  g_test_add ("/window/year-action", Fixture, NULL,
              fixture_set_up, test_window_year_action, fixture_tear_down);
  g_test_add ("/window/drop", Fixture, NULL,
              fixture_set_up, test_window_drop, fixture_tear_down);
  g_test_add ("/window/reload-on-change", Fixture, NULL,
              fixture_set_up, test_window_reload_on_change, fixture_tear_down);
  g_test_add ("/window/reload-portal-file", Fixture, NULL,
              fixture_set_up, test_window_reload_portal_file, fixture_tear_down);
  g_test_add ("/window/reload-action", Fixture, NULL,
              fixture_set_up, test_window_reload_action, fixture_tear_down);
  g_test_add_func ("/window/side-panels", test_window_side_panels);
  g_test_add_func ("/window/title-whole", test_window_title_whole);
  g_test_add_func ("/window/accessible-names", test_window_accessible_names);
  g_test_add_func ("/window/panels-follow", test_window_panels_follow);
  g_test_add_func ("/window/open-dataset", test_window_open_dataset);
  g_test_add_func ("/window/pages-not-shown", test_window_pages_not_shown);
  g_test_add_func ("/window/menus", test_window_menus);
  g_test_add_func ("/window/help-overlay", test_window_help_overlay);

  return g_test_run ();
}
