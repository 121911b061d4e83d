/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile files opened in the window (DESIGN §1: only a dataset that loaded
 * without errors replaces the one shown): a representative handful of
 * tests/data/hostile/ (test-hostile.py has them all on the command line),
 * plus a folder, a FIFO and /dev/zero. Each keeps the dataset in view and
 * says what is wrong, as plain text, where it is. A file of markup and
 * control characters is shown as plain text with U+FFFD. */
#include "config.h"

#include <sys/stat.h>

#include "reel-window-test.h"

typedef struct {
  const char *name;       /* in tests/data/hostile/, or an absolute path */
  const char *position;   /* what the first problem row starts with; NULL: no position */
} Hostile;

static const Hostile hostile_files[] = {
  { "comment-line.json", "1:1  " },
  { "duplicate-key.json", "4:2  " },
  { "nul-escape.json", "3:49  " },
  { "invalid-utf8.json", "3:42  " },
  { "number-1e400.json", "4:42  " },
  { "year-wraps-64.json", "4:12  " },
  { "empty.json", "1:1  " },
  { "csv-unterminated-quote.csv", "2:8  " },
  { "fuzz-csv-control-in-column.csv", "2:18  " },
  { "/dev/zero", NULL },
};

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

#define wait_for_load reel_window_test_wait_for_load

static void
open_path (ReelWindow *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  reel_window_open (window, file);
  wait_for_load (window);
}

static void
assert_plain (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

/* Opens @path over the sample dataset: the sample stays, a toast says why,
 * and its Details list the first problem at @position. */
static void
assert_kept (const char *path,
             const char *position)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data",
                                                   "microdrama-sample.reelscope.json", NULL);
  ReelWindow *window = create_window ();
  g_autofree char *row = NULL;
  ReelDataset *dataset;
  GtkWidget *dialog;
  guint n_rows;

  g_test_message ("%s", path);
  open_path (window, sample);
  dataset = reel_window_get_dataset (window);
  g_assert_nonnull (dataset);
  n_rows = reel_window_test_get_n_region_rows (window);

  open_path (window, path);
  g_assert_true (reel_window_get_dataset (window) == dataset);
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, n_rows);
  assert_plain (reel_window_test_get_toast_title (window));
  g_assert_true (g_str_has_prefix (reel_window_test_get_toast_title (window), "Could not open "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  dialog = reel_window_test_find_toplevel (window, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  row = reel_window_test_dup_problem_row (dialog, 0);
  g_assert_nonnull (row);
  assert_plain (row);
  if (position != NULL)
    {
      if (!g_str_has_prefix (row, position))
        g_error ("%s: the first problem is “%s”, not at %s", path, row, position);
    }
  else
    {
      g_assert_false (g_ascii_isdigit (row[0]));
    }

  destroy_window (window);
}

static void
test_hostile_file (gconstpointer data)
{
  const Hostile *hostile = data;
  g_autofree char *path = NULL;

  if (g_path_is_absolute (hostile->name))
    path = g_strdup (hostile->name);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", "hostile", hostile->name, NULL);

  assert_kept (path, hostile->position);
}

/* A folder and a FIFO (which would block a reader for ever); 100,000 levels
 * of nesting (which would overflow json-glib's stack). */
static void
test_hostile_made_here (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reelscope-window-hostile-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "fifo.reelscope.json", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *brackets = g_strnfill (100000, '[');

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_file_set_contents (deep, brackets, -1, &error);
  g_assert_no_error (error);

  assert_kept (dir, NULL);
  assert_kept (fifo, NULL);
  assert_kept (deep, "1:65  ");

  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (deep), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Markup and control characters in every text: shown as written, controls
 * as U+FFFD (test-hostile.c checks the loader's values one by one). */
static void
test_markup_and_controls (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile",
                                                 "markup-and-controls.json", NULL);
  const char *shown = "<b>Bold</b> &amp; <span foreground=\"red\">x</span>"
                      "\xef\xbf\xbd\xef\xbf\xbd[2J\xef\xbf\xbd\xef\xbf\xbd\t\n\xef\xbf\xbd";
  ReelWindow *window = create_window ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (reel_window_test_child (window, "window_title"));

  open_path (window, path);
  g_assert_nonnull (reel_window_get_dataset (window));
  g_assert_cmpstr (reel_window_test_get_page (window), ==, "dataset");
  g_assert_null (reel_window_test_get_toast_title (window));

  g_assert_cmpstr (adw_window_title_get_title (title), ==, shown);
  g_assert_cmpuint (reel_window_test_get_n_region_rows (window), ==, 2);
  g_assert_cmpstr (reel_window_test_get_region_name (window, 1), ==, shown);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  reel_window_test_start_on_charts ();

  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *name = g_path_get_basename (hostile_files[i].name);
      g_autofree char *test_path = g_strdup_printf ("/window-hostile/keeps-dataset/%s", name);

      g_test_add_data_func (test_path, &hostile_files[i], test_hostile_file);
    }
  g_test_add_func ("/window-hostile/keeps-dataset/made-here", test_hostile_made_here);
  g_test_add_func ("/window-hostile/markup-and-controls", test_markup_and_controls);

  return g_test_run ();
}
