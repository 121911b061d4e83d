/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "reel-gtk-test.h"
#include "reel-report-bar.h"
#include "reel-report-print.h"

/* Printing the report through GtkPrintOperation gives the pages of the
 * PDF export (`--report`): the same number, the same text. And the report
 * bar writes a report off the main thread, shows its progress, and leaves
 * nothing behind when cancelled. */

/* What a poppler tool prints of @path: pdfinfo's information, or
 * pdftotext's text of pages @first to @last (from 1; 0 for all). */
static char *
run_poppler (const char *tool,
             const char *path,
             guint       first,
             guint       last)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_ptr_array_add (argv, g_strdup (tool));
  if (g_str_equal (tool, "pdftotext"))
    {
      g_ptr_array_add (argv, g_strdup ("-enc"));
      g_ptr_array_add (argv, g_strdup ("UTF-8"));
      if (last > 0)
        {
          g_ptr_array_add (argv, g_strdup ("-f"));
          g_ptr_array_add (argv, g_strdup_printf ("%u", first));
          g_ptr_array_add (argv, g_strdup ("-l"));
          g_ptr_array_add (argv, g_strdup_printf ("%u", last));
        }
    }
  g_ptr_array_add (argv, g_strdup (path));
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
count_pages (const char *path)
{
  g_autofree char *info = run_poppler ("pdfinfo", path, 0, 0);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The text of pages @first to @last, without the document information GTK
 * and the report write differently (pdftotext prints none of it). */
static char *
page_text (const char *path,
           guint       first,
           guint       last)
{
  return run_poppler ("pdftotext", path, first, last);
}

static void
test_print_export_matches_pdf (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autofree char *dir = g_dir_make_tmp ("reel-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(ReelReportPrint) print = NULL;
  g_autoptr(ReelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ReelReportOptions options;
  GtkPrintOperationResult result;

  reel_report_options_init (&options);
  options.paper = REEL_REPORT_PAPER_A4;

  /* The CLI's report: reelscope --report calls this. */
  report = reel_report_new (dataset, &options);
  g_assert_true (reel_report_write_pdf (report, exported, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  print = reel_report_print_new (dataset, &options);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), printed);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (reel_report_print_get_error (print));

  g_assert_cmpuint (count_pages (printed), >, 10);
  g_assert_cmpuint (count_pages (printed), ==, count_pages (exported));
  printed_text = page_text (printed, 0, 0);
  exported_text = page_text (exported, 0, 0);
  g_assert_nonnull (strstr (printed_text, "Sources"));
  g_assert_cmpstr (printed_text, ==, exported_text);

  /* The page setup is remembered for the next print. */
  reel_report_print_save_settings (print);
  {
    g_autofree char *ini = g_build_filename (g_get_user_config_dir (), "reelscope", "print.ini", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (ini, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "[Page Setup]"));
    g_assert_nonnull (strstr (contents, "PPDName=A4"));
  }

  g_unlink (printed);
  g_unlink (exported);
  g_rmdir (dir);
}

/* Printed from a chart, the dialog's "Current Page" is that chart's page
 * of the printed report, as in the PDF. */
static void
test_print_current_chart (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autofree char *dir = g_dir_make_tmp ("reel-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(ReelReportPrint) print = NULL;
  g_autoptr(ReelReport) report = NULL;
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  g_autoptr(ReelChartLayout) trend = NULL;
  g_autoptr(GError) error = NULL;
  ReelReportOptions options;
  int page;

  reel_report_options_init (&options);
  options.paper = REEL_REPORT_PAPER_A4;
  report = reel_report_new (dataset, &options);
  g_assert_true (reel_report_write_pdf (report, exported, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  print = reel_report_print_new (dataset, &options);
  reel_report_print_set_chart (print, REEL_CHART_TREND);
  g_object_get (print, "current-page", &page, NULL);
  /* After the cover and the other charts' pages, as in the PDF. */
  g_assert_cmpint (page, ==, reel_report_find_chart_page (report, REEL_CHART_TREND));
  g_assert_cmpint (page, >, reel_report_find_chart_page (report, REEL_CHART_REVENUE));

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), printed);
  gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);

  printed_text = page_text (printed, (guint) page + 1, (guint) page + 1);
  exported_text = page_text (exported, (guint) page + 1, (guint) page + 1);
  g_assert_cmpstr (printed_text, ==, exported_text);
  trend = reel_chart_layout_new (dataset, REEL_CHART_TREND, 0, NULL, theme, 760, 600, 1);
  g_assert_nonnull (strstr (printed_text, reel_chart_layout_get_title (trend)));

  g_unlink (printed);
  g_unlink (exported);
  g_rmdir (dir);
}

typedef struct {
  gboolean  finished;
  GError   *error;
  guint     n_progress_texts;  /* "Writing the report: page N of M" seen */
} Finished;

static void
finished_cb (ReelReportBar *bar,
             GFile         *file,
             const GError  *error,
             Finished      *finished)
{
  finished->finished = TRUE;
  finished->error = error != NULL ? g_error_copy (error) : NULL;
}

static void
label_notify_cb (GtkLabel   *label,
                 GParamSpec *pspec,
                 Finished   *finished)
{
  if (g_str_has_prefix (gtk_label_get_text (label), "Writing the report: page "))
    finished->n_progress_texts++;
}

static gboolean
is_finished (gpointer data)
{
  return ((Finished *) data)->finished;
}

static void
test_report_bar (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autofree char *dir = g_dir_make_tmp ("reel-report-bar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ReelReportBar *bar = g_object_new (REEL_TYPE_REPORT_BAR, NULL);
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (bar));
  GtkWidget *label = reel_gtk_test_get_child (bar, "label");
  Finished finished = { 0 };
  ReelReportOptions options;

  reel_report_options_init (&options);
  g_signal_connect (bar, "finished", G_CALLBACK (finished_cb), &finished);
  g_signal_connect (label, "notify::label", G_CALLBACK (label_notify_cb), &finished);

  /* Cancelled at once: no file, and the bar goes. */
  reel_report_bar_start (bar, dataset, &options, file);
  g_assert_true (reel_report_bar_is_busy (bar));
  reel_report_bar_cancel (bar);
  g_assert_true (reel_gtk_test_wait (is_finished, &finished, 30000));
  g_assert_error (finished.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (reel_report_bar_is_busy (bar));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&finished.error);

  /* Written: the pages counted in the bar, then the file in place. */
  finished = (Finished) { 0 };
  reel_report_bar_start (bar, dataset, &options, file);
  g_assert_true (reel_gtk_test_wait (is_finished, &finished, 60000));
  g_assert_no_error (finished.error);
  g_assert_cmpuint (finished.n_progress_texts, >, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_pages (path), >, 10);
  g_assert_false (reel_report_bar_is_busy (bar));

  reel_gtk_test_window_destroy (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/report/print/export-matches-pdf", test_print_export_matches_pdf);
  g_test_add_func ("/report/print/current-chart", test_print_current_chart);
  g_test_add_func ("/report/bar/progress-and-cancel", test_report_bar);

  return g_test_run ();
}
