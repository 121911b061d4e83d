/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "reel-export-dialog.h"
#include "reel-gtk-test.h"
#include "reel-window.h"
#include "reel-window-test.h"

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

static const char * const export_keys[] = {
  "export-format", "export-size", "export-width", "export-height", "export-scale", "export-theme",
  "export-background", "export-folder",
};

typedef struct {
  ReelDataset      *dataset;
  GtkWindow        *parent;
  ReelExportDialog *dialog;
  GSettings        *settings;
  char             *tmpdir;
  GFile            *exported;
  guint             n_exported;
} Fixture;

/* The dialog's controls, as its template names them. */
#define CONTROL(dialog, name) \
  gtk_widget_get_template_child (GTK_WIDGET (dialog), REEL_TYPE_EXPORT_DIALOG, name)
#define FORMAT_ROW(dialog)     ADW_COMBO_ROW (CONTROL (dialog, "format_row"))
#define SIZE_ROW(dialog)       ADW_COMBO_ROW (CONTROL (dialog, "size_row"))
#define THEME_ROW(dialog)      ADW_COMBO_ROW (CONTROL (dialog, "theme_row"))
#define BACKGROUND_ROW(dialog) ADW_COMBO_ROW (CONTROL (dialog, "background_row"))
#define WIDTH_SPIN(dialog)     GTK_SPIN_BUTTON (CONTROL (dialog, "width_spin"))
#define HEIGHT_SPIN(dialog)    GTK_SPIN_BUTTON (CONTROL (dialog, "height_spin"))
#define SCALE_SPIN(dialog)     GTK_SPIN_BUTTON (CONTROL (dialog, "scale_spin"))
#define EXPORT_BUTTON(dialog)  GTK_WIDGET (CONTROL (dialog, "export_button"))

/* The readout, "3200 × 2000 px". */
static const char *
get_pixel_size (ReelExportDialog *dialog)
{
  return gtk_label_get_text (GTK_LABEL (CONTROL (dialog, "pixel_size_label")));
}

/* An export is writing: the spinner beside Export turns. */
static gboolean
is_exporting (ReelExportDialog *dialog)
{
  GtkSpinner *spinner = GTK_SPINNER (CONTROL (dialog, "spinner"));

  return gtk_spinner_get_spinning (spinner) && gtk_widget_get_visible (GTK_WIDGET (spinner));
}

/* What choosing @file in the file chooser does. */
static void
export_to_file (ReelExportDialog *dialog,
                GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.write", "s", uri));
}

/* The regions the window had selected, as the dialog is given them. */
static const char * const compared[] = { "north-america", "latin-america", "southeast-asia", NULL };

/* The chart the dialog exports: kind, year and selected regions. */
static void
assert_exports (ReelExportDialog   *dialog,
                ReelChartKind       kind,
                guint               year,
                const char * const *selection)
{
  g_auto(GStrv) dialog_selection = NULL;
  ReelChartKind dialog_kind;
  guint dialog_year;

  g_object_get (dialog, "chart-kind", &dialog_kind, "year", &dialog_year,
                "selection", &dialog_selection, NULL);
  g_assert_cmpint (dialog_kind, ==, kind);
  g_assert_cmpuint (dialog_year, ==, year);
  g_assert_cmpstrv (dialog_selection, selection);
}

static void
reset_settings (GSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_keys); i++)
    g_settings_reset (settings, export_keys[i]);
}

static void
exported_cb (ReelExportDialog *dialog,
             GFile            *file,
             Fixture          *fixture)
{
  fixture->n_exported++;
  g_set_object (&fixture->exported, file);
}

static ReelExportDialog *
open_dialog (Fixture *fixture)
{
  ReelExportDialog *dialog = reel_export_dialog_new (fixture->parent, fixture->dataset, REEL_CHART_REVENUE,
                                                     2024, compared);

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  reel_gtk_test_flush ();

  return dialog;
}

static void
close_dialog (ReelExportDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  reset_settings (fixture->settings);
  fixture->dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  fixture->parent = reel_gtk_test_window_new (gtk_label_new ("Parent"));
  fixture->dialog = open_dialog (fixture);
  fixture->tmpdir = g_dir_make_tmp ("reelscope-test-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->dialog != NULL)
    close_dialog (fixture->dialog);
  reel_gtk_test_window_destroy (fixture->parent);
  g_assert_finalize_object (fixture->dataset);
  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->exported);
  remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static guint
size_index (const char *name)
{
  static const char * const names[] = { "16:9", "1:1", "9:16", "4:3", "custom" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i], name))
      return i;

  g_assert_not_reached ();
}

/* The row of the width and height. */
static gboolean
custom_size_shown (ReelExportDialog *dialog)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (WIDTH_SPIN (dialog)),
                                            ADW_TYPE_ACTION_ROW);

  return gtk_widget_get_visible (row) && gtk_widget_get_sensitive (row);
}

static void
set_custom_size (ReelExportDialog *dialog,
                 int               width,
                 int               height)
{
  adw_combo_row_set_selected (SIZE_ROW (dialog), size_index ("custom"));
  gtk_spin_button_set_value (WIDTH_SPIN (dialog), width);
  gtk_spin_button_set_value (HEIGHT_SPIN (dialog), height);
}

/* The readout says how many pixels the image will have, as the exporter
 * rounds them. */
static void
test_export_dialog_pixel_size (Fixture       *fixture,
                               gconstpointer  data)
{
  ReelExportDialog *dialog = fixture->dialog;
  GtkSpinButton *scale = SCALE_SPIN (dialog);
  AdwComboRow *size = SIZE_ROW (dialog);
  AdwComboRow *format = FORMAT_ROW (dialog);
  const struct {
    const char *size;
    int         width, height;
    double      scale;
    const char *expected;
  } cases[] = {
    { "16:9", 0, 0, 2, "2560 × 1440 px" },
    { "1:1", 0, 0, 1, "1080 × 1080 px" },
    { "9:16", 0, 0, 1.5, "1620 × 2880 px" },
    { "4:3", 0, 0, 3, "3072 × 2304 px" },
    { "custom", 1600, 1000, 2, "3200 × 2000 px" },
    { "custom", 1200, 800, 1, "1200 × 800 px" },
    { "custom", 333, 201, 1.5, "500 × 302 px" },
    { "custom", 1200, 800, 2.75, "3300 × 2200 px" },
  };

  /* The defaults: PNG, 16:9, twice the size. */
  g_assert_cmpstr (get_pixel_size (dialog), ==, "2560 × 1440 px");
  g_assert_false (custom_size_shown (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_str_equal (cases[i].size, "custom"))
        set_custom_size (dialog, cases[i].width, cases[i].height);
      else
        adw_combo_row_set_selected (size, size_index (cases[i].size));
      gtk_spin_button_set_value (scale, cases[i].scale);

      g_assert_cmpstr (get_pixel_size (dialog), ==, cases[i].expected);
      g_assert_true (gtk_widget_get_sensitive (EXPORT_BUTTON (dialog)));
    }

  /* Custom sizes are edited; a preset's size is its own. */
  g_assert_true (custom_size_shown (dialog));
  adw_combo_row_set_selected (size, size_index ("9:16"));
  g_assert_false (custom_size_shown (dialog));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (WIDTH_SPIN (dialog)), ==, 1080);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (HEIGHT_SPIN (dialog)), ==, 1920);

  /* Vector formats have no pixels: the scale does not apply. */
  adw_combo_row_set_selected (format, REEL_CHART_FORMAT_SVG);
  g_assert_cmpstr (get_pixel_size (dialog), ==, "1080 × 1920 px, scalable");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (scale)));
  adw_combo_row_set_selected (format, REEL_CHART_FORMAT_PNG);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (scale)));

  /* Too many pixels: the readout says so and Export is off. */
  set_custom_size (dialog, 8192, 8192);
  gtk_spin_button_set_value (scale, 4);
  g_assert_cmpstr (get_pixel_size (dialog), ==, "32768 × 32768 px");
  g_assert_false (gtk_widget_get_sensitive (EXPORT_BUTTON (dialog)));
  gtk_spin_button_set_value (scale, 1);
  g_assert_true (gtk_widget_get_sensitive (EXPORT_BUTTON (dialog)));
}

/* The window transient for @dialog, NULL for none. */
static GtkWindow *
find_window_of (ReelExportDialog *dialog)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (dialog))
        return window;
    }

  return NULL;
}

/* The preview, too small to read, opens the export at its own size: a
 * 16:9 chart of 1280 × 720 logical pixels, drawn 1:1 in a window that
 * scrolls, named by the chart's title. */
static void
test_export_dialog_full_size (Fixture       *fixture,
                              gconstpointer  data)
{
  ReelExportDialog *dialog = fixture->dialog;
  GtkWidget *button = gtk_widget_get_ancestor (GTK_WIDGET (CONTROL (dialog, "preview")),
                                               GTK_TYPE_BUTTON);
  GtkWindow *viewer;
  GtkDrawingArea *area;

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_null (find_window_of (dialog));
  adw_combo_row_set_selected (SIZE_ROW (dialog), size_index ("16:9"));
  g_signal_emit_by_name (button, "clicked");
  reel_gtk_test_flush ();

  viewer = find_window_of (dialog);
  g_assert_nonnull (viewer);
  g_assert_true (gtk_window_get_modal (viewer));
  area = GTK_DRAWING_AREA (reel_gtk_test_find_descendant (GTK_WIDGET (viewer), GTK_TYPE_DRAWING_AREA));
  g_assert_nonnull (area);
  g_assert_cmpint (gtk_drawing_area_get_content_width (area), ==, 1280);
  g_assert_cmpint (gtk_drawing_area_get_content_height (area), ==, 720);
  g_assert_nonnull (reel_gtk_test_find_descendant (GTK_WIDGET (viewer), GTK_TYPE_SCROLLED_WINDOW));

  gtk_window_destroy (viewer);
  reel_gtk_test_flush ();
  g_assert_null (find_window_of (dialog));
}

/* Every choice is remembered, and a new dialog starts from it. */
static void
test_export_dialog_settings (Fixture       *fixture,
                             gconstpointer  data)
{
  ReelExportDialog *dialog = fixture->dialog;
  g_autofree char *size = NULL;

  adw_combo_row_set_selected (FORMAT_ROW (dialog), REEL_CHART_FORMAT_PDF);
  set_custom_size (dialog, 900, 700);
  gtk_spin_button_set_value (SCALE_SPIN (dialog), 3.5);
  adw_combo_row_set_selected (THEME_ROW (dialog), REEL_CHART_THEME_DARK);
  adw_combo_row_set_selected (BACKGROUND_ROW (dialog),
                              REEL_CHART_BACKGROUND_TRANSPARENT);

  g_assert_cmpint (g_settings_get_enum (fixture->settings, "export-format"), ==, REEL_CHART_FORMAT_PDF);
  size = g_settings_get_string (fixture->settings, "export-size");
  g_assert_cmpstr (size, ==, "custom");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "export-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "export-height"), ==, 700);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "export-scale"), ==, 3.5);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "export-theme"), ==, REEL_CHART_THEME_DARK);
  g_assert_cmpint (g_settings_get_enum (fixture->settings, "export-background"), ==,
                   REEL_CHART_BACKGROUND_TRANSPARENT);

  close_dialog (dialog);
  fixture->dialog = dialog = open_dialog (fixture);

  /* The controls show it, and the readout says what they ask for. */
  g_assert_true (custom_size_shown (dialog));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (WIDTH_SPIN (dialog)), ==, 900);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (HEIGHT_SPIN (dialog)), ==, 700);
  g_assert_cmpuint (adw_combo_row_get_selected (FORMAT_ROW (dialog)), ==,
                    REEL_CHART_FORMAT_PDF);
  g_assert_cmpuint (adw_combo_row_get_selected (SIZE_ROW (dialog)), ==,
                    size_index ("custom"));
  g_assert_cmpfloat (gtk_spin_button_get_value (SCALE_SPIN (dialog)), ==, 3.5);
  g_assert_cmpuint (adw_combo_row_get_selected (THEME_ROW (dialog)), ==,
                    REEL_CHART_THEME_DARK);
  g_assert_cmpuint (adw_combo_row_get_selected (BACKGROUND_ROW (dialog)), ==,
                    REEL_CHART_BACKGROUND_TRANSPARENT);
  g_assert_cmpstr (get_pixel_size (dialog), ==, "900 × 700 px, scalable");

  /* A preset keeps the custom size for later. */
  adw_combo_row_set_selected (SIZE_ROW (dialog), size_index ("1:1"));
  g_free (size);
  size = g_settings_get_string (fixture->settings, "export-size");
  g_assert_cmpstr (size, ==, "1:1");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "export-width"), ==, 900);
  adw_combo_row_set_selected (SIZE_ROW (dialog), size_index ("custom"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (WIDTH_SPIN (dialog)), ==, 900);
}

static gboolean
export_finished (gpointer data)
{
  Fixture *fixture = data;

  return fixture->dialog == NULL || !is_exporting (fixture->dialog);
}

/* PNG: the signature, then the IHDR chunk's width and height. */
static void
read_png_size (const char *path,
               guint32    *width,
               guint32    *height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, signature, 8);
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
  *width = GUINT32_FROM_BE (*(guint32 *) (contents + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (contents + 20));
}

/* Export without the file chooser: the same kind, year and selection as
 * the window, the size the readout said; the dialog closes after. */
static void
test_export_dialog_export_png (Fixture       *fixture,
                               gconstpointer  data)
{
  ReelExportDialog *dialog = fixture->dialog;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "chart.png", NULL);
  g_autofree char *folder_uri = NULL;
  g_autofree char *saved_uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmpdir);
  guint32 width, height;

  assert_exports (dialog, REEL_CHART_REVENUE, 2024, compared);

  set_custom_size (dialog, 400, 300);
  gtk_spin_button_set_value (SCALE_SPIN (dialog), 1.5);
  g_assert_cmpstr (get_pixel_size (dialog), ==, "600 × 450 px");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  export_to_file (dialog, file);
  g_assert_true (is_exporting (dialog));
  /* Not closed while it writes. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (reel_gtk_test_wait (export_finished, fixture, 30000));
  g_assert_cmpuint (fixture->n_exported, ==, 1);
  g_assert_true (g_file_equal (fixture->exported, file));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  read_png_size (path, &width, &height);
  g_assert_cmpuint (width, ==, 600);
  g_assert_cmpuint (height, ==, 450);

  /* The folder is remembered for the file chooser. */
  folder_uri = g_file_get_uri (folder);
  saved_uri = g_settings_get_string (fixture->settings, "export-folder");
  g_assert_cmpstr (saved_uri, ==, folder_uri);

  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &fixture->dialog);
  close_dialog (dialog);
  fixture->dialog = NULL;
}

/* A name without an extension gets the format's; a name with another
 * format's extension is written in that format. */
static void
test_export_dialog_file_names (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *bare = g_build_filename (fixture->tmpdir, "chart", NULL);
  g_autofree char *png = g_build_filename (fixture->tmpdir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->tmpdir, "other.SVG", NULL);
  g_autoptr(GFile) bare_file = g_file_new_for_path (bare);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autofree char *contents = NULL;

  set_custom_size (fixture->dialog, 300, 200);
  export_to_file (fixture->dialog, bare_file);
  g_assert_true (reel_gtk_test_wait (export_finished, fixture, 30000));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (bare, G_FILE_TEST_EXISTS));
  close_dialog (fixture->dialog);

  fixture->dialog = open_dialog (fixture);
  export_to_file (fixture->dialog, svg_file);
  g_assert_true (reel_gtk_test_wait (export_finished, fixture, 30000));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_cmpuint (fixture->n_exported, ==, 2);
}

/* A folder that does not exist: the dialog stays, says why, and writes
 * nothing. */
static void
test_export_dialog_failure (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "missing", "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  export_to_file (fixture->dialog, file);
  g_assert_true (reel_gtk_test_wait (export_finished, fixture, 30000));
  g_assert_cmpuint (fixture->n_exported, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_true (gtk_widget_get_sensitive (EXPORT_BUTTON (fixture->dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static ReelExportDialog *
find_export_dialog (ReelWindow *window)
{
  return reel_window_test_find_export_dialog (window, FALSE);
}

static void
wait_for_load (ReelWindow *window)
{
  while (reel_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  reel_gtk_test_flush ();
}

/* The window's Export opens the dialog on what the window shows; Copy
 * Image puts the chart on the clipboard. */
static void
test_export_dialog_from_window (Fixture       *fixture,
                                gconstpointer  data)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "microdrama-sample.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char * const europe[] = { "europe", NULL };
  ReelExportDialog *dialog, *prepared;
  GdkClipboard *clipboard;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL) &&
                  find_export_dialog (window) != NULL);

  reel_window_open (window, file);
  wait_for_load (window);
  /* Made once the dataset shows whole, while nothing else happens: not on
   * the click. */
  reel_window_test_wait_prepared (window);
  prepared = reel_window_test_find_export_dialog (window, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prepared)));
  g_object_set (window, "chart-kind", REEL_CHART_SHARE, "year", 2024, NULL);
  reel_window_set_selected_regions (window, compared);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog (window);
  g_assert_true (dialog == prepared);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  assert_exports (dialog, REEL_CHART_SHARE, 2024, compared);

  /* Once: Export again shows the same dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (find_export_dialog (window) == dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  reel_gtk_test_flush ();
  g_assert_null (find_export_dialog (window));

  /* Closed, it hides; opened again, it exports what the window shows
   * then, in the choices saved since. */
  g_assert_nonnull (dialog);
  g_object_set (window, "chart-kind", REEL_CHART_REVENUE, "year", 2025, NULL);
  reel_window_set_selected_regions (window, europe);
  g_settings_set_enum (fixture->settings, "export-format", REEL_CHART_FORMAT_SVG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (find_export_dialog (window) == dialog);
  assert_exports (dialog, REEL_CHART_REVENUE, 2025, europe);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (reel_gtk_test_get_child (dialog, "format_row"))),
                    ==, REEL_CHART_FORMAT_SVG);
  gtk_window_close (GTK_WINDOW (dialog));
  reel_gtk_test_flush ();

  /* Another dataset, another dialog. */
  reel_window_open (window, file);
  wait_for_load (window);
  g_assert_null (dialog);

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  gdk_clipboard_set_text (clipboard, "before");
  reel_gtk_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export-dialog/pixel-size", test_export_dialog_pixel_size);
  ADD ("/export-dialog/full-size", test_export_dialog_full_size);
  ADD ("/export-dialog/settings", test_export_dialog_settings);
  ADD ("/export-dialog/export-png", test_export_dialog_export_png);
  ADD ("/export-dialog/file-names", test_export_dialog_file_names);
  ADD ("/export-dialog/failure", test_export_dialog_failure);
  ADD ("/export-dialog/from-window", test_export_dialog_from_window);
#undef ADD

  return g_test_run ();
}
