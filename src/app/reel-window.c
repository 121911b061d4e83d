/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-window.h"

#include <glib/gi18n.h>

#include "reel-dataset-loader.h"
#include "reel-format.h"
#include "reel-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

/* A dataset's text is plain text, never markup (DESIGN §3): labels that
 * show it have use-markup off, and where a widget only takes markup
 * (AdwStatusPage's description) it is escaped first. */

/* Region colours: Okabe-Ito in region order, then a grey that works on
 * both themes (DESIGN §2). The charts issue moves this to src/charts/. */
static const char * const region_palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#8A8A8A",
};

struct _ReelWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkProgressBar       *loading_bar;
  GtkLabel             *loading_label;
  GtkProgressBar       *osd_bar;
  GtkListBox           *problem_list;
  AdwStatusPage        *problems_page;
  GtkListBox           *region_list;
  AdwStatusPage        *selection_page;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  GSettings            *settings;
  GCancellable         *cancellable;
  ReelDatasetLoader    *loader;           /* while a file loads */
  ReelDataset          *dataset;
  double                progress;
  guint                 year;             /* of the values in the region list, 0 for none */

  /* The last file that failed to load while a dataset was shown. */
  GFile                *failed_file;
  GPtrArray            *failed_problems;  /* of ReelProblem */
  AdwToast             *failed_toast;
  AdwMessageDialog     *problems_dialog;  /* weak */
  GtkListBox           *dialog_problem_list; /* weak */

  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (ReelWindow, reel_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  g_assert (G_IS_FILE (file));

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

/* The message of a problem as the list, the dialog and the toast show it:
 * warnings say so, as `--validate` does. */
static char *
dup_problem_message (const ReelProblem *problem)
{
  g_assert (problem != NULL);

  if (problem->severity == REEL_PROBLEM_WARNING)
    return g_strdup_printf (_("warning: %s"), problem->message);

  return g_strdup (problem->message);
}

/* `LINE:COL  PATH  message`, leaving out what the problem does not have. */
static char *
dup_problem_line (const ReelProblem *problem)
{
  g_autofree char *message = dup_problem_message (problem);
  GString *line = g_string_new (NULL);

  if (problem->line > 0)
    g_string_append_printf (line, "%u:%u  ", problem->line, problem->column);
  if (problem->path[0] != '\0')
    g_string_append_printf (line, "%s  ", problem->path);
  g_string_append (line, message);

  return g_string_free (line, FALSE);
}

static const ReelProblem *
find_first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == REEL_PROBLEM_ERROR)
        return problem;
    }

  return NULL;
}

/* Every problem of a failed load, and one for @error when no problem says
 * what went wrong (a file that cannot be read at all). */
static GPtrArray *
collect_problems (ReelDatasetLoader *loader,
                  const GError      *error)
{
  GPtrArray *loader_problems = reel_dataset_loader_get_problems (loader);
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);

  for (guint i = 0; i < loader_problems->len; i++)
    g_ptr_array_add (problems, reel_problem_copy (g_ptr_array_index (loader_problems, i)));

  if (find_first_error (problems) == NULL)
    {
      const char *message = error != NULL ? error->message : _("The file could not be read");

      g_ptr_array_add (problems, reel_problem_new (REEL_PROBLEM_ERROR, NULL, 0, 0, message));
    }

  return problems;
}

static void
swatch_draw_func (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const GdkRGBA *color = user_data;
  double radius = 3.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI_2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, radius, height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
}

static GtkWidget *
create_swatch (guint index)
{
  GtkWidget *swatch = gtk_drawing_area_new ();
  GdkRGBA *color = g_new (GdkRGBA, 1);

  gdk_rgba_parse (color, region_palette[index % G_N_ELEMENTS (region_palette)]);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_func, color, g_free);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour in the charts"),
                                  -1);

  return swatch;
}

/* The primary revenue of @region in the year the list shows, or NULL. */
static char *
dup_region_value (ReelWindow       *self,
                  const ReelRegion *region)
{
  const ReelFigure *figure;

  if (self->year == 0)
    return NULL;

  figure = reel_dataset_get_primary_figure (region->revenue, self->year);
  if (figure == NULL)
    return NULL;

  return reel_format_money_compact (figure->value, reel_dataset_get_currency (self->dataset), NULL);
}

/* A row of the region list: [swatch] name … value. The world has no
 * swatch: it is not drawn as a region. */
static GtkWidget *
create_region_row (ReelWindow       *self,
                   const ReelRegion *region,
                   int               index)
{
  g_autofree char *value = dup_region_value (self, region);
  g_autofree char *accessible = NULL;
  const char *name;
  GtkWidget *row, *box, *label;

  name = index < 0 ? _("World") : reel_text_get (region->name);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (index >= 0)
    gtk_box_append (GTK_BOX (box), create_swatch (index));

  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (index < 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), value != NULL ? value : REEL_FORMAT_MISSING);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (value != NULL)
    /* TRANSLATORS: accessible name of a row of the region list: "North America, $142M, 2024" */
    accessible = g_strdup_printf (_("%s, %s, %u"), name, value, self->year);
  else
    /* TRANSLATORS: accessible name of a row of the region list without a figure */
    accessible = g_strdup_printf (_("%s, no revenue figure"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static GtkLabel *
find_nth_label (GtkWidget *widget,
                guint     *nth)
{
  if (GTK_IS_LABEL (widget))
    return (*nth)-- == 0 ? GTK_LABEL (widget) : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_nth_label (child, nth);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* The text of the @nth label of a row, in reading order: in the region
 * list 0 is the name and 1 the value. */
static const char *
get_row_label (GtkListBox *list,
               guint       index,
               guint       nth)
{
  GtkListBoxRow *row;
  GtkLabel *label;

  if (list == NULL || (row = gtk_list_box_get_row_at_index (list, index)) == NULL)
    return NULL;

  label = find_nth_label (gtk_list_box_row_get_child (row), &nth);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* A problem row's labels as shown, joined by two spaces: `LINE:COL  PATH  message`. */
static char *
dup_problem_row_text (GtkListBox *list,
                      guint       index)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const char *text;

  for (guint i = 0; (text = get_row_label (list, index, i)) != NULL; i++)
    g_strv_builder_add (parts, text);

  strv = g_strv_builder_end (parts);
  if (strv[0] == NULL)
    return NULL;

  return g_strjoinv ("  ", strv);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
populate_region_list (ReelWindow *self)
{
  GPtrArray *regions = reel_dataset_get_regions (self->dataset);

  remove_all_rows (self->region_list);

  gtk_list_box_append (self->region_list,
                       create_region_row (self, reel_dataset_get_global (self->dataset), -1));
  for (guint i = 0; i < regions->len; i++)
    gtk_list_box_append (self->region_list,
                         create_region_row (self, g_ptr_array_index (regions, i), i));

  gtk_list_box_select_row (self->region_list, gtk_list_box_get_row_at_index (self->region_list, 0));
}

static GtkWidget *
create_problem_label (const char *text,
                      gboolean    code)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (code)
    gtk_widget_add_css_class (label, "monospace");

  return label;
}

/* A problem as a row: `LINE:COL  PATH  message` on one line on the
 * problems page, or the position and path above the message where space
 * is short (@compact, in the Details dialog). */
static GtkWidget *
create_problem_row (const ReelProblem *problem,
                    gboolean           compact)
{
  g_autofree char *message = dup_problem_message (problem);
  g_autofree char *line = dup_problem_line (problem);
  GtkWidget *row, *box, *header, *label;

  box = gtk_box_new (compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                     compact ? 3 : 12);
  gtk_widget_set_margin_top (box, compact ? 9 : 12);
  gtk_widget_set_margin_bottom (box, compact ? 9 : 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  header = box;
  if (compact && (problem->line > 0 || problem->path[0] != '\0'))
    {
      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (header, "caption");
      gtk_box_append (GTK_BOX (box), header);
    }

  if (problem->line > 0)
    {
      g_autofree char *position = g_strdup_printf ("%u:%u", problem->line, problem->column);

      label = create_problem_label (position, TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      if (!compact)
        gtk_label_set_width_chars (GTK_LABEL (label), 7);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (header), label);
    }

  if (problem->path[0] != '\0')
    {
      label = create_problem_label (problem->path, TRUE);
      if (!compact)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (header), label);
    }

  label = create_problem_label (message, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, line,
                                  -1);

  return row;
}

static GtkWidget *
create_problem_list (GPtrArray *problems,
                     gboolean   compact)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         create_problem_row (g_ptr_array_index (problems, i), compact));

  return list;
}

static void
show_problems_page (ReelWindow *self,
                    GFile      *file,
                    GPtrArray  *problems)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *description = NULL;

  remove_all_rows (self->problem_list);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problem_list,
                         create_problem_row (g_ptr_array_index (problems, i), FALSE));

  description = g_markup_printf_escaped (ngettext ("“%s” has %u problem. Fix it and open "
                                                   "the file again.",
                                                   "“%s” has %u problems. Fix them and open "
                                                   "the file again.",
                                                   problems->len),
                                         name, problems->len);
  adw_status_page_set_description (self->problems_page, description);

  adw_window_title_set_title (self->window_title, _("Reelscope"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), _("Reelscope"));

  gtk_stack_set_visible_child_name (self->stack, "problems");
}

static void
show_failure_toast (ReelWindow *self,
                    GFile      *file,
                    GPtrArray  *problems)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *text = NULL;
  const ReelProblem *first = find_first_error (problems);
  GtkWidget *title;

  g_assert (first != NULL);

  g_set_object (&self->failed_file, file);
  g_clear_pointer (&self->failed_problems, g_ptr_array_unref);
  self->failed_problems = g_ptr_array_ref (problems);

  /* One failure toast at a time: the newest says what Details shows. */
  if (self->failed_toast != NULL)
    adw_toast_dismiss (self->failed_toast);
  g_clear_object (&self->failed_toast);

  /* AdwToast 1.2 reads its title as markup; a custom title is plain text. */
  text = g_strdup_printf (_("Could not open %s: %s"), name, first->message);
  title = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  gtk_widget_set_tooltip_text (title, text);

  self->failed_toast = adw_toast_new ("");
  adw_toast_set_custom_title (self->failed_toast, title);
  adw_toast_set_button_label (self->failed_toast, _("_Details"));
  adw_toast_set_action_name (self->failed_toast, "win.show-problems");
  adw_toast_set_timeout (self->failed_toast, 10);
  adw_toast_set_priority (self->failed_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->failed_toast));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", TRUE);
}

static void
set_dataset (ReelWindow  *self,
             ReelDataset *dataset)
{
  g_autofree char *name = NULL;
  ReelText *title;
  const char *title_text;

  g_assert (REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  name = dup_display_name (reel_dataset_get_file (dataset));
  title = reel_dataset_get_title (dataset);
  title_text = title != NULL ? reel_text_get (title) : NULL;
  if (title_text == NULL || title_text[0] == '\0')
    title_text = name;

  adw_window_title_set_title (self->window_title, title_text);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title_text);

  self->year = reel_dataset_get_latest_revenue_year (dataset);
  populate_region_list (self);

  gtk_stack_set_visible_child_name (self->stack, "dataset");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

static void
set_progress (ReelWindow *self,
              double      fraction)
{
  if (self->progress == fraction)
    return;

  self->progress = fraction;
  gtk_progress_bar_set_fraction (self->loading_bar, fraction);
  gtk_progress_bar_set_fraction (self->osd_bar, fraction);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
loader_progress_cb (ReelWindow        *self,
                    double             fraction,
                    ReelDatasetLoader *loader)
{
  if (loader == self->loader)
    set_progress (self, fraction);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReelDatasetLoader *loader = REEL_DATASET_LOADER (object);
  g_autoptr(ReelWindow) self = user_data;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GFile *file = reel_dataset_loader_get_file (loader);

  dataset = reel_dataset_loader_load_finish (loader, result, &error);

  /* Superseded by a newer file, or the window is closing. */
  if (loader != self->loader)
    return;

  g_clear_object (&self->loader);
  gtk_widget_set_visible (GTK_WIDGET (self->osd_bar), FALSE);

  if (dataset != NULL)
    {
      set_dataset (self, dataset);
      return;
    }

  problems = collect_problems (loader, error);
  if (self->dataset != NULL)
    {
      /* Keep what is shown: only a dataset without errors replaces it. */
      gtk_stack_set_visible_child_name (self->stack, "dataset");
      show_failure_toast (self, file, problems);
    }
  else
    {
      show_problems_page (self, file, problems);
    }
}

static void
region_list_row_selected_cb (ReelWindow    *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;
  const ReelRegion *region;
  const char *name;
  int index;

  if (row == NULL || self->dataset == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index == 0)
    {
      region = reel_dataset_get_global (self->dataset);
      name = _("World");
    }
  else
    {
      region = g_ptr_array_index (reel_dataset_get_regions (self->dataset), index - 1);
      name = reel_text_get (region->name);
    }

  value = dup_region_value (self, region);
  if (value != NULL)
    /* TRANSLATORS: "Revenue in 2024: $142M (primary source)" */
    description = g_markup_printf_escaped (_("Revenue in %u: %s (primary source)"),
                                           self->year, value);
  else if (self->year != 0)
    description = g_markup_printf_escaped (_("No revenue figure for %u"), self->year);
  else
    description = g_strdup (_("No revenue figures"));

  adw_status_page_set_title (self->selection_page, name);
  adw_status_page_set_description (self->selection_page, description);
}

static void
chooser_response_cb (ReelWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        reel_window_open (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
reel_window_open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  static const char * const json_types[] = { "application/json", NULL };
  static const char * const json_suffixes[] = { "json", "reelscope.json", NULL };
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const csv_suffixes[] = { "csv", NULL };
  static const char * const all_types[] = { "application/json", "text/csv", NULL };
  static const char * const all_suffixes[] = { "json", "csv", NULL };
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("All supported files"), all_types, all_suffixes);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Reelscope datasets"), json_types, json_suffixes);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV records"), csv_types, csv_suffixes);

  if (self->dataset != NULL && g_file_is_native (reel_dataset_get_file (self->dataset)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (reel_dataset_get_file (self->dataset));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reel_window_show_problems_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *list;

  if (self->failed_problems == NULL)
    return;

  name = dup_display_name (self->failed_file);
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  body = g_strdup_printf (ngettext ("The file has %u problem. The dataset shown was kept.",
                                    "The file has %u problems. The dataset shown was kept.",
                                    self->failed_problems->len),
                          self->failed_problems->len);

  list = create_problem_list (self->failed_problems, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  -1);

  /* A few problems show whole; many scroll. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (self->failed_problems->len * 72, 288));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 288);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  if (self->problems_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->problems_dialog));
  g_set_weak_pointer (&self->problems_dialog, ADW_MESSAGE_DIALOG (dialog));
  g_set_weak_pointer (&self->dialog_problem_list, GTK_LIST_BOX (list));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_window_state (ReelWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (ReelWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
reel_window_close_request (GtkWindow *window)
{
  save_window_state (REEL_WINDOW (window));

  return GTK_WINDOW_CLASS (reel_window_parent_class)->close_request (window);
}

static void
reel_window_dispose (GObject *object)
{
  ReelWindow *self = (ReelWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->loader);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  if (self->problems_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->problems_dialog));
  g_clear_weak_pointer (&self->problems_dialog);
  g_clear_weak_pointer (&self->dialog_problem_list);

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_WINDOW);

  G_OBJECT_CLASS (reel_window_parent_class)->dispose (object);
}

static void
reel_window_finalize (GObject *object)
{
  ReelWindow *self = (ReelWindow *)object;

  g_clear_object (&self->dataset);
  g_clear_object (&self->failed_file);
  g_clear_pointer (&self->failed_problems, g_ptr_array_unref);
  g_clear_object (&self->failed_toast);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reel_window_parent_class)->finalize (object);
}

static void
reel_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ReelWindow *self = REEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_window_class_init (ReelWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reel_window_dispose;
  object_class->finalize = reel_window_finalize;
  object_class->get_property = reel_window_get_property;

  window_class->close_request = reel_window_close_request;

  /**
   * ReelWindow:dataset:
   *
   * The dataset shown, or %NULL before one has loaded. It changes only
   * when a file loads without errors.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:progress:
   *
   * How much of the file being opened has been read, 0 to 1, as the
   * loader reports it.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, osd_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, region_list);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, selection_page);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, region_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, reel_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL,
                                   reel_window_show_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
reel_window_init (ReelWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", FALSE);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

ReelWindow *
reel_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (REEL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Loads @file on a worker thread. The window keeps showing its dataset
 * until the new one has loaded without errors; when it does not, a toast
 * says why (or, with nothing shown yet, the problems page lists them).
 * A file opened while another is loading replaces that load. */
void
reel_window_open (ReelWindow *self,
                  GFile      *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (REEL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_clear_object (&self->loader);
  self->loader = reel_dataset_loader_new (file);
  g_signal_connect_object (self->loader, "progress",
                           G_CALLBACK (loader_progress_cb), self, G_CONNECT_SWAPPED);

  name = dup_display_name (file);
  gtk_label_set_text (self->loading_label, name);
  set_progress (self, 0.0);

  if (self->dataset != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->osd_bar), TRUE);
  else
    gtk_stack_set_visible_child_name (self->stack, "loading");

  reel_dataset_loader_load_async (self->loader, self->cancellable, load_cb, g_object_ref (self));
}

ReelDataset *
reel_window_get_dataset (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->dataset;
}

const char *
_reel_window_get_visible_page (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_reel_window_is_loading (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), FALSE);

  return self->loader != NULL;
}

ReelDatasetLoader *
_reel_window_get_loader (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->loader;
}

AdwWindowTitle *
_reel_window_get_window_title (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->window_title;
}

double
_reel_window_get_progress (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), 0.0);

  return self->progress;
}

guint
_reel_window_get_n_region_rows (ReelWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (REEL_IS_WINDOW (self), 0);

  while (gtk_list_box_get_row_at_index (self->region_list, n) != NULL)
    n++;

  return n;
}

const char *
_reel_window_get_region_name (ReelWindow *self,
                              guint       index)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return get_row_label (self->region_list, index, 0);
}

const char *
_reel_window_get_region_value (ReelWindow *self,
                               guint       index)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return get_row_label (self->region_list, index, 1);
}

void
_reel_window_select_region (ReelWindow *self,
                            guint       index)
{
  g_return_if_fail (REEL_IS_WINDOW (self));

  gtk_list_box_select_row (self->region_list,
                           gtk_list_box_get_row_at_index (self->region_list, index));
}

const char *
_reel_window_get_selection_title (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return adw_status_page_get_title (self->selection_page);
}

guint
_reel_window_get_n_problem_rows (ReelWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (REEL_IS_WINDOW (self), 0);

  while (gtk_list_box_get_row_at_index (self->problem_list, n) != NULL)
    n++;

  return n;
}

char *
_reel_window_dup_problem_row_text (ReelWindow *self,
                                   guint       index)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return dup_problem_row_text (self->problem_list, index);
}

/* The same for the problems of the Details dialog, NULL when it is closed. */
char *
_reel_window_dup_dialog_row_text (ReelWindow *self,
                                  guint       index)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return dup_problem_row_text (self->dialog_problem_list, index);
}

const char *
_reel_window_get_toast_title (ReelWindow *self)
{
  GtkWidget *title;

  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  if (self->failed_toast == NULL)
    return NULL;

  title = adw_toast_get_custom_title (self->failed_toast);
  return title != NULL ? gtk_label_get_text (GTK_LABEL (title)) : NULL;
}

AdwMessageDialog *
_reel_window_get_problems_dialog (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->problems_dialog;
}

GtkFileChooserNative *
_reel_window_get_file_chooser (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->chooser;
}
