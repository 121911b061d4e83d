/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window's tests read of it, as a user sees it: its template's
 * widgets (gtk_widget_get_template_child()), the toplevels over it, and
 * the labels and accessible names in its widget tree. Header-only: each
 * test is one program. */

#include <adwaita.h>

#include "reel-audience-panel.h"
#include "reel-chart-view.h"
#include "reel-commentary-panel.h"
#include "reel-data-table.h"
#include "reel-export-dialog.h"
#include "reel-gtk-test.h"
#include "reel-sources-panel.h"
#include "reel-window.h"

G_BEGIN_DECLS

/* A widget (or menu) of the window's template, by its id in
 * ui/reel-window.ui. */
static inline gpointer
reel_window_test_child (ReelWindow *window,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), REEL_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

/* The page of the main stack shown: "empty", "loading", "overview",
 * "dataset" or "problems". */
static inline const char *
reel_window_test_get_page (ReelWindow *window)
{
  return gtk_stack_get_visible_child_name (reel_window_test_child (window, "stack"));
}

/* Windows open on the overview (ReelWindow:page); the tests of the charts
 * start on them, as a user who last left the window on a chart does. The
 * overview has tests of its own. */
static inline void
reel_window_test_start_on_charts (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.reelscope.Reelscope");

  g_settings_set_boolean (settings, "overview", FALSE);
}

static inline void
reel_window_test_wait_for_load (ReelWindow *window)
{
  while (reel_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  /* Let what the load queued (notifications, transitions) run too. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A window shown on the bundled dataset, loaded; a reference of the
 * caller's. */
static inline ReelWindow *
reel_window_test_open_bundled (void)
{
  ReelWindow *window = g_object_ref (reel_window_new (NULL));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "microdrama-exports.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  reel_window_open (window, file);
  reel_window_test_wait_for_load (window);
  return window;
}

/* The region list's rows: World first, then the regions. */
static inline guint
reel_window_test_get_n_region_rows (ReelWindow *window)
{
  return reel_gtk_test_region_n_rows (reel_window_test_child (window, "region_list"));
}

static inline const char *
reel_window_test_get_region_name (ReelWindow *window,
                                  guint       index)
{
  return reel_gtk_test_region_row_label (reel_window_test_child (window, "region_list"), index, 0);
}

static inline const char *
reel_window_test_get_region_value (ReelWindow *window,
                                   guint       index)
{
  return reel_gtk_test_region_row_label (reel_window_test_child (window, "region_list"), index, 2);
}

/* As a click on the row would. */
/* The window's export dialog, open or made ahead and hidden; or NULL. */
static inline ReelExportDialog *
reel_window_test_find_export_dialog (ReelWindow *window,
                                     gboolean    hidden_too)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (REEL_IS_EXPORT_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          (hidden_too || gtk_widget_get_visible (GTK_WIDGET (toplevel))))
        return REEL_EXPORT_DIALOG (toplevel);
    }

  return NULL;
}

static inline gboolean
reel_window_test_has_export_dialog (gpointer window)
{
  return reel_window_test_find_export_dialog (window, TRUE) != NULL;
}

/* Until the window has made, after its dataset shows whole, what the
 * reader goes to next: the export dialog is the last of it. */
static inline void
reel_window_test_wait_prepared (ReelWindow *window)
{
  g_assert_true (reel_gtk_test_wait (reel_window_test_has_export_dialog, window, 10000));
  reel_gtk_test_flush ();
}

static inline void
reel_window_test_select_region (ReelWindow *window,
                                guint       index)
{
  reel_gtk_test_region_select_row (reel_window_test_child (window, "region_list"), index);
}

static inline void
reel_window_test_collect_labels (GtkWidget  *widget,
                                 GPtrArray  *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reel_window_test_collect_labels (child, texts);
}

/* Row @index of a problem list (in @widget) as shown: its labels in
 * reading order, joined by two spaces, `LINE:COL  PATH  message`; NULL
 * past the last row. */
static inline char *
reel_window_test_dup_problem_row (GtkWidget *widget,
                                  guint      index)
{
  GtkWidget *list = reel_gtk_test_find_descendant (widget, GTK_TYPE_LIST_BOX);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  if ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index)) == NULL)
    return NULL;

  reel_window_test_collect_labels (GTK_WIDGET (row), texts);
  return g_strjoinv ("  ", (char **) texts->pdata);
}

static inline guint
reel_window_test_get_n_problem_rows (GtkWidget *widget)
{
  GtkWidget *list = reel_gtk_test_find_descendant (widget, GTK_TYPE_LIST_BOX);
  guint n = 0;

  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;

  return n;
}

static inline GtkWidget *
reel_window_test_find_toast_title (GtkWidget *widget,
                                   gboolean   in_toast)
{
  in_toast = in_toast || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");

  /* The failure toast's own title: a label with its whole text as tooltip. */
  if (in_toast && GTK_IS_LABEL (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = reel_window_test_find_toast_title (child, in_toast);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The title of the toast that says why a file did not open, NULL when
 * there is none. */
static inline const char *
reel_window_test_get_toast_title (ReelWindow *window)
{
  GtkWidget *overlay = reel_window_test_child (window, "toast_overlay");
  GtkWidget *title = reel_window_test_find_toast_title (overlay, FALSE);

  return title != NULL ? gtk_label_get_text (GTK_LABEL (title)) : NULL;
}

/* A window of @type shown over @window (transient for it), else NULL. */
static inline gpointer
reel_window_test_find_toplevel (ReelWindow *window,
                                GType       type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

G_END_DECLS
