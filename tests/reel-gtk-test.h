/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: start-up that skips without a display,
 * datasets loaded on the spot, and ways to read what a widget shows through
 * its template children and widget tree, as a user (or a screen reader)
 * finds it. Header-only: each test is one program. */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "reel-audience-panel.h"
#include "reel-chart-view.h"
#include "reel-citation-label.h"
#include "reel-commentary-panel.h"
#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"
#include "reel-paragraph.h"
#include "reel-region-list.h"
#include "reel-region-selection.h"

G_BEGIN_DECLS

static inline gboolean
reel_gtk_test_has_arg (int         argc,
                       char       *argv[],
                       const char *arg)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], arg))
      return TRUE;

  return FALSE;
}

/* What gtk_test_init() does, except that it aborts without a display (and
 * gtk_init_check() before it is fatal): g_test_init() makes warnings and
 * criticals fatal, the locale is fixed, and a missing display skips.
 * Returns -1 to go on, else the exit status. */
static inline int
reel_gtk_test_init (int    *argc,
                    char ***argv)
{
  gboolean tap = reel_gtk_test_has_arg (*argc, *argv, "--tap");
  const char *dir;

  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if ((dir = g_getenv ("XDG_RUNTIME_DIR")) != NULL)
    g_mkdir_with_parents (dir, 0700);
  if ((dir = g_getenv ("XDG_CACHE_HOME")) != NULL)
    g_mkdir_with_parents (dir, 0700);
  if ((dir = g_getenv ("XDG_DATA_HOME")) != NULL)
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
  return -1;
}

/* Runs the main context until @done says so or @timeout_ms pass. */
static inline gboolean
reel_gtk_test_wait (gboolean (*done) (gpointer data),
                    gpointer  data,
                    guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Lets what is queued (notifications, transitions, idles) run. */
static inline void
reel_gtk_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A toplevel window holding @child, shown. */
static inline GtkWindow *
reel_gtk_test_window_new (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, 400, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  reel_gtk_test_flush ();

  return window;
}

static inline void
reel_gtk_test_window_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

/* The file chooser shown (GtkFileChooserNative's own dialog, without a
 * portal), else NULL. */
static inline GtkFileChooser *
reel_gtk_test_find_file_chooser (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* Reading the widget tree */

/* The template child @name of @widget (of a final class, whose template
 * it is). */
static inline GtkWidget *
reel_gtk_test_get_child (gpointer    widget,
                         const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static inline GtkWidget *
reel_gtk_test_nth_child (GtkWidget *widget,
                         guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

static inline guint
reel_gtk_test_count_children_shown (GtkWidget *widget,
                                    gboolean   hidden_too)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += hidden_too || gtk_widget_get_visible (child);

  return n;
}

static inline guint
reel_gtk_test_count_children (GtkWidget *widget)
{
  return reel_gtk_test_count_children_shown (widget, TRUE);
}

static inline guint
reel_gtk_test_count_visible_children (GtkWidget *widget)
{
  return reel_gtk_test_count_children_shown (widget, FALSE);
}

/* The first widget under @widget (itself included), depth first, that
 * @match accepts, shown or not. */
static inline GtkWidget *
reel_gtk_test_find_widget (GtkWidget  *widget,
                           gboolean  (*match) (GtkWidget *widget, gconstpointer data),
                           gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = reel_gtk_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
reel_gtk_test_is_of_type (GtkWidget     *widget,
                          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @widget (itself included), depth first. */
static inline GtkWidget *
reel_gtk_test_find_descendant (GtkWidget *widget,
                               GType      type)
{
  return reel_gtk_test_find_widget (widget, reel_gtk_test_is_of_type, GSIZE_TO_POINTER (type));
}

/* The text of a label or a paragraph. */
static inline const char *
reel_gtk_test_get_text (GtkWidget *widget)
{
  if (REEL_IS_PARAGRAPH (widget))
    return reel_paragraph_get_text (REEL_PARAGRAPH (widget));

  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* The @nth visible piece of text under @widget in reading order: a label,
 * a paragraph or a citation label. */
static inline GtkWidget *
reel_gtk_test_find_text (GtkWidget *widget,
                         guint     *nth)
{
  if (GTK_IS_LABEL (widget) || REEL_IS_PARAGRAPH (widget) || REEL_IS_CITATION_LABEL (widget))
    return (*nth)-- == 0 ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *text;

      if (gtk_widget_get_visible (child) && (text = reel_gtk_test_find_text (child, nth)) != NULL)
        return text;
    }

  return NULL;
}

/* The text of the @nth visible label under @widget, NULL past the last. */
static inline const char *
reel_gtk_test_get_nth_label (GtkWidget *widget,
                             guint      nth)
{
  GtkWidget *text = reel_gtk_test_find_text (widget, &nth);

  g_assert_true (text == NULL || !REEL_IS_CITATION_LABEL (text));
  return text != NULL ? reel_gtk_test_get_text (text) : NULL;
}

/* The texts of the visible labels under @widget joined by @separator:
 * what a user reads there. */
static inline char *
reel_gtk_test_dup_texts (GtkWidget  *widget,
                         const char *separator)
{
  GString *text = g_string_new (NULL);
  GtkWidget *piece;

  for (guint i = 0; ; i++)
    {
      guint nth = i;

      if ((piece = reel_gtk_test_find_text (widget, &nth)) == NULL)
        break;
      if (text->len > 0)
        g_string_append (text, separator);
      if (!REEL_IS_CITATION_LABEL (piece))
        g_string_append (text, reel_gtk_test_get_text (piece));
      else
        g_string_append_printf (text, "%s%s",
                                reel_citation_label_get_head (REEL_CITATION_LABEL (piece)),
                                reel_citation_label_get_tail (REEL_CITATION_LABEL (piece)));
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------ */
/* The region list: rows in order, World first, hidden ones included */

static inline GtkListBox *
reel_gtk_test_region_list_box (ReelRegionList *list)
{
  return GTK_LIST_BOX (reel_gtk_test_get_child (list, "list_box"));
}

static inline guint
reel_gtk_test_region_n_rows (ReelRegionList *list)
{
  return reel_gtk_test_count_children (GTK_WIDGET (reel_gtk_test_region_list_box (list)));
}

/* The labels of a row: 0 the name, 1 the detail (flags, reported growth),
 * 2 the value, 3 the growth, as the row's grid places them; "" for one
 * that is hidden. */
static inline const char *
reel_gtk_test_region_row_label (ReelRegionList *list,
                                guint           index,
                                guint           nth)
{
  static const int cells[][2] = { { 1, 0 }, { 1, 1 }, { 2, 0 }, { 2, 1 } };
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (reel_gtk_test_region_list_box (list), index);
  GtkWidget *grid, *label;

  g_assert_nonnull (row);
  g_assert_cmpuint (nth, <, G_N_ELEMENTS (cells));
  grid = gtk_list_box_row_get_child (row);
  label = gtk_grid_get_child_at (GTK_GRID (grid), cells[nth][0], cells[nth][1]);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

/* Chooses the @index-th row, as a click on it does. */
/* Moves the list's keyboard cursor to row @index (of the rows shown) as
 * the arrow keys do: with @modify (Ctrl held) the selection stays, else
 * the row is selected alone, as a plain click selects it. */
static inline void
reel_gtk_test_region_move_cursor (ReelRegionList *list,
                                  guint           index,
                                  gboolean        modify)
{
  GtkListBox *list_box = reel_gtk_test_region_list_box (list);

  /* A move to the row the cursor is on does nothing: it starts from the
   * other end. */
  if (index == 0)
    {
      g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, TRUE);
      g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE, modify);
      return;
    }
  g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE, TRUE);
  g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, (int) index, FALSE,
                         modify);
}

/* Ctrl+click on row @index: added to the selection, or taken out. */
static inline void
reel_gtk_test_region_toggle_row (ReelRegionList *list,
                                 guint           index)
{
  reel_gtk_test_region_move_cursor (list, index, TRUE);
  g_signal_emit_by_name (reel_gtk_test_region_list_box (list), "toggle-cursor-row");
}

/* Shift+click on row @index: the range from the anchor selected. */
static inline void
reel_gtk_test_region_extend_to_row (ReelRegionList *list,
                                    guint           index)
{
  GtkListBox *list_box = reel_gtk_test_region_list_box (list);
  GtkListBoxRow *cursor = GTK_LIST_BOX_ROW (gtk_widget_get_focus_child (GTK_WIDGET (list_box)));
  int from = cursor != NULL ? gtk_list_box_row_get_index (cursor) : 0;

  g_signal_emit_by_name (list_box, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, (int) index - from,
                         TRUE, FALSE);
}

static inline void
reel_gtk_test_region_select_row (ReelRegionList *list,
                                 guint           index)
{
  reel_gtk_test_region_move_cursor (list, index, FALSE);
}

/* The indices of the rows shown selected, "1,3" (World is 0). */
static inline char *
reel_gtk_test_region_selected_rows (ReelRegionList *list)
{
  GtkListBox *list_box = reel_gtk_test_region_list_box (list);
  GString *rows = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    if (gtk_list_box_row_is_selected (row))
      g_string_append_printf (rows, "%s%d", rows->len > 0 ? "," : "", i);

  return g_string_free (rows, FALSE);
}

static inline int
reel_gtk_test_region_selected_index (ReelRegionList *list)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (reel_gtk_test_region_list_box (list));

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

/* ------------------------------------------------------------------ */
/* The panels */

/* The shown region's summary, "" for none. */
static inline const char *
reel_gtk_test_audience_summary (ReelAudiencePanel *panel)
{
  GtkWidget *box = reel_gtk_test_get_child (panel, "summary_box");

  for (GtkWidget *label = gtk_widget_get_first_child (box);
       label != NULL;
       label = gtk_widget_get_next_sibling (label))
    if (gtk_widget_get_visible (label))
      return reel_gtk_test_get_text (label);
  return "";
}

/* The box of the shown region's rows in the audience panel's @name box
 * ("traits_box", "notes_box"), NULL when it shows none. */
static inline GtkWidget *
reel_gtk_test_audience_rows (ReelAudiencePanel *panel,
                             const char        *name)
{
  GtkWidget *box = reel_gtk_test_get_child (panel, name);

  if (!gtk_widget_get_visible (box))
    return NULL;
  for (GtkWidget *page = gtk_widget_get_first_child (box);
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (gtk_widget_get_visible (page))
      return page;

  return NULL;
}

static inline guint
reel_gtk_test_audience_n_traits (ReelAudiencePanel *panel)
{
  GtkWidget *rows = reel_gtk_test_audience_rows (panel, "traits_box");

  return rows != NULL ? reel_gtk_test_count_children (rows) : 0;
}

/* What the panel says when it has nothing to show, NULL while it shows
 * an audience. */
static inline const char *
reel_gtk_test_audience_empty_text (ReelAudiencePanel *panel)
{
  GtkStack *stack = GTK_STACK (reel_gtk_test_get_child (panel, "stack"));
  GtkWidget *label = reel_gtk_test_get_child (panel, "empty_label");

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") != 0)
    return NULL;

  return gtk_label_get_text (GTK_LABEL (label));
}

/* The quotes' blocks, in the order shown: those shown first, then the
 * hidden ones the panel keeps. */
static inline GtkWidget *
reel_gtk_test_commentary_quotes (ReelCommentaryPanel *panel)
{
  return reel_gtk_test_get_child (panel, "quotes_box");
}

static inline guint
reel_gtk_test_commentary_n_quotes (ReelCommentaryPanel *panel)
{
  return reel_gtk_test_count_visible_children (reel_gtk_test_commentary_quotes (panel));
}

static inline gboolean
reel_gtk_test_is_label_with_class (GtkWidget     *widget,
                                   gconstpointer  css_class)
{
  return (GTK_IS_LABEL (widget) || REEL_IS_PARAGRAPH (widget)) &&
         gtk_widget_has_css_class (widget, css_class);
}

/* The quote of the @index-th block, with its quotation marks, when @nth
 * is 0; its speaker when @nth is 1: the name shown over the expert's
 * group of quotes, which the block begins or follows. */
static inline const char *
reel_gtk_test_commentary_quote_text (ReelCommentaryPanel *panel,
                                     guint                index,
                                     guint                nth)
{
  GtkWidget *block = reel_gtk_test_nth_child (reel_gtk_test_commentary_quotes (panel), index);
  GtkWidget *label;

  g_assert_cmpuint (nth, <=, 1);
  if (block == NULL)
    return NULL;

  label = reel_gtk_test_find_widget (block, reel_gtk_test_is_label_with_class,
                                     nth == 0 ? "reel-quote" : "heading");
  /* The speaker's box shows in the first block of the group only. */
  while (nth == 1 && !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    {
      block = gtk_widget_get_prev_sibling (block);
      label = reel_gtk_test_find_widget (block, reel_gtk_test_is_label_with_class, "heading");
    }

  return reel_gtk_test_get_text (label);
}

/* ------------------------------------------------------------------ */
/* The chart view: a child widget per mark, in the layout's order */

static inline guint
reel_gtk_test_chart_n_mark_widgets (ReelChartView *view)
{
  return reel_gtk_test_count_children (GTK_WIDGET (view));
}

static inline GtkWidget *
reel_gtk_test_chart_mark_widget (ReelChartView *view,
                                 guint          index)
{
  GtkWidget *child = reel_gtk_test_nth_child (GTK_WIDGET (view), index);

  g_assert_nonnull (child);
  return child;
}

/* The index of the mark whose widget has the focus, -1 for none. */
static inline int
reel_gtk_test_chart_focused_mark (ReelChartView *view)
{
  int index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), index++)
    if (gtk_widget_has_focus (child))
      return index;

  return -1;
}

/* Whether the view shows a layout made for its inputs as they are now
 * (data, kind, year, selection, theme, header inset, its allocated size),
 * with a widget for each of its marks: nothing is left to lay out. */
static inline gboolean
reel_gtk_test_chart_is_current (ReelChartView *view)
{
  ReelChartLayout *layout = reel_chart_view_get_layout (view);
  ReelDataset *dataset = reel_chart_view_get_dataset (view);
  ReelChartKind kind = reel_chart_view_get_chart_kind (view);
  const char * const *selection = reel_chart_view_get_selected_regions (view);
  int header_inset = reel_chart_view_get_header_inset (view);
  guint year = reel_chart_view_get_year (view);
  g_autofree char *platform = NULL;
  const char *app_selection[2] = { NULL, NULL };
  const ReelChartTheme *theme;

  if (layout == NULL)
    return FALSE;

  /* Platforms highlight the app selected, not the regions */
  g_object_get (view, "selected-platform", &platform, NULL);
  app_selection[0] = platform;
  if (kind == REEL_CHART_PLATFORMS)
    selection = app_selection;

  theme = reel_chart_layout_get_theme (layout);
  if (kind == REEL_CHART_TREND)
    year = 0;
  else if (year == 0)
    year = reel_chart_layout_get_default_year (dataset, kind);

  return reel_chart_layout_get_dataset (layout) == dataset &&
         reel_chart_layout_get_kind (layout) == kind &&
         reel_chart_layout_get_year (layout) == year &&
         reel_region_selection_equal (reel_chart_layout_get_selection (layout), selection) &&
         (theme->variant == REEL_CHART_THEME_DARK) == reel_chart_view_get_dark (view) &&
         theme->header_inset == MAX (0, header_inset - theme->padding_right) &&
         reel_chart_layout_get_width (layout) == gtk_widget_get_width (GTK_WIDGET (view)) &&
         reel_chart_layout_get_height (layout) == gtk_widget_get_height (GTK_WIDGET (view)) &&
         reel_chart_layout_get_scale (layout) == gtk_widget_get_scale_factor (GTK_WIDGET (view)) &&
         reel_gtk_test_chart_n_mark_widgets (view) == reel_chart_layout_get_n_marks (layout);
}

/* A press of the primary button at (@x, @y), through the view's own click
 * gesture. */
static inline void
reel_gtk_test_chart_click (ReelChartView *view,
                           double         x,
                           double         y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  g_autoptr(GtkGesture) gesture = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        gesture = GTK_GESTURE (g_steal_pointer (&controller));
    }

  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
}

G_END_DECLS
