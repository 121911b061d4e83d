/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-window.h"

#include <glib/gi18n.h>

#include "reel-audience-panel.h"
#include "reel-chart-kind-info.h"
#include "reel-chart-layout.h"
#include "reel-chart-theme.h"
#include "reel-chart-view.h"
#include "reel-commentary-panel.h"
#include "reel-data-table.h"
#include "reel-dataset-loader.h"
#include "reel-export-dialog.h"
#include "reel-format.h"
#include "reel-frame-bench.h"
#include "reel-sources-panel.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

/* How many files "Open Recent" lists. */
#define MAX_RECENT_FILES 10

/* A file that changes on disk is reloaded once it has been quiet this long:
 * editors write in several steps. */
#define DEFAULT_RELOAD_DELAY_MS 300

/* A dataset's text is plain text, never markup (DESIGN §3): labels that
 * show it have use-markup off, and where a widget only takes markup
 * (AdwStatusPage's description) it is escaped first. */

struct _ReelWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  ReelAudiencePanel    *audience_panel;
  GtkMenuButton        *chart_menu_button;
  GtkWidget            *chart_switcher;
  ReelChartView        *chart_view;
  ReelCommentaryPanel  *commentary_panel;
  ReelDataTable        *data_table;
  GtkWidget            *details_box;
  GtkToggleButton      *details_button;
  GtkButton            *export_button;
  GMenu                *file_section;
  AdwFlap              *details_flap;
  GtkStack             *details_stack;
  GtkProgressBar       *loading_bar;
  GtkLabel             *loading_label;
  GtkProgressBar       *osd_bar;
  GtkListBox           *problem_list;
  AdwStatusPage        *problems_page;
  GMenu                *recent_menu;
  GMenuModel           *chart_kind_menu;
  GMenuModel           *primary_menu;
  GtkMenuButton        *primary_menu_button;
  ReelRegionList       *region_list;
  GtkLabel             *region_subtitle;
  GtkLabel             *region_title;
  GtkToggleButton      *sidebar_button;
  AdwFlap              *sidebar_flap;
  ReelSourcesPanel     *sources_panel;
  GtkStack             *stack;
  GtkWidget            *switcher_spacer;
  AdwSqueezer          *switcher_squeezer;
  GtkLabel             *table_subtitle;
  GtkLabel             *table_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  GtkWidget            *view_switcher;
  AdwWindowTitle       *window_title;
  GtkDropDown          *year_dropdown;

  GSettings            *settings;
  GCancellable         *cancellable;
  ReelDatasetLoader    *loader;           /* while a file loads */
  ReelDataset          *dataset;
  double                progress;

  /* What the window shows: one state that the list, the panels, the
   * table (and the chart) follow. */
  char                 *selected_region;  /* NULL for the world */
  ReelChartKind         chart_kind;
  guint                 year;             /* 0 for none */
  char                 *view;             /* "chart" or "table" */
  char                 *details_page;     /* "region" or "sources" */
  GArray               *years;            /* of guint: the year selector's */
  gboolean              updating_years;

  /* The file whose dataset or problems are shown, watched for changes. */
  GFile                *shown_file;
  GFileMonitor         *monitor;
  guint                 reload_source;
  guint                 reload_delay_ms;
  guint                 panel_buttons_source;
  guint                 preload_source;
  GdkFrameClock        *panels_clock;     /* while the region panels wait for a frame */
  gulong                panels_paint_handler;

  GtkDropTarget        *drop_target;
  GtkSizeGroup         *switcher_group;

  /* The last file that failed to load while a dataset was shown. */
  GFile                *failed_file;
  GPtrArray            *failed_problems;  /* of ReelProblem */
  AdwToast             *failed_toast;
  AdwMessageDialog     *problems_dialog;  /* weak */
  GtkWindow            *help_overlay;     /* weak */
  GtkListBox           *dialog_problem_list; /* weak */

  GtkFileChooserNative *chooser;
  ReelExportDialog     *export_dialog;    /* weak */
};

G_DEFINE_FINAL_TYPE (ReelWindow, reel_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PROGRESS,
  PROP_SELECTED_REGION,
  PROP_CHART_KIND,
  PROP_YEAR,
  PROP_VIEW,
  PROP_DETAILS_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reel_window_set_year          (ReelWindow    *self,
                                           guint          year);
static void reel_window_set_chart_kind    (ReelWindow    *self,
                                           ReelChartKind  kind);
static void reel_window_set_view          (ReelWindow    *self,
                                           const char    *view);
static void reel_window_set_details_page  (ReelWindow    *self,
                                           const char    *page);
static void watch_file                    (ReelWindow    *self,
                                           GFile         *file);
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

/* The main stack and the chart/table stack keep the pages they do not
 * show hidden (after the crossfade away from them): a homogeneous GtkStack
 * measures every visible page in each layout, and the first frame need not
 * lay out the empty and problems status pages or the table (whose column
 * view alone costs more than the chart). The dataset page stays: the
 * window's minimum size is that page's, whichever page shows. */
static void
hide_pages_not_shown (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (page != shown && g_strcmp0 (gtk_stack_page_get_name (gtk_stack_get_page (stack, page)), "dataset") != 0)
      gtk_widget_set_visible (page, FALSE);
}

static void
stack_transition_running_cb (GtkStack   *stack,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  if (!gtk_stack_get_transition_running (stack))
    hide_pages_not_shown (stack);
}

static void
show_page (GtkStack   *stack,
           const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  g_assert (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  if (!gtk_stack_get_transition_running (stack))
    hide_pages_not_shown (stack);
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

  /* Fixing the file in an editor reloads it. */
  watch_file (self, file);

  show_page (self->stack, "problems");
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

static gboolean
years_contain (GArray *years,
               guint   year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      return TRUE;

  return FALSE;
}

/* The region colour of the charts, for the swatches of the list. */
static void
region_color_func (ReelDataset *dataset,
                   guint        index,
                   GdkRGBA     *color,
                   gpointer     user_data)
{
  ReelChartColor chart_color;

  reel_chart_palette_get_color (index, &chart_color);
  *color = (GdkRGBA) { chart_color.red, chart_color.green, chart_color.blue, chart_color.alpha };
}

/* The kind whose years the year selector lists: the chart's own, or for
 * the trend (which shows every year, and has none to select) Revenue's,
 * whose year the region list and the panels keep showing. */
static ReelChartKind
get_year_kind (ReelWindow *self)
{
  return reel_chart_kind_info_has_year (self->chart_kind) ? self->chart_kind : REEL_CHART_REVENUE;
}

/* The year selector lists the years that have data for the chart kind, as
 * the charts layer counts them (`--export` agrees); the trend's is
 * insensitive. */
static void
update_year_selector (ReelWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->years, g_array_unref);
  if (self->dataset != NULL)
    self->years = reel_chart_layout_list_years (self->dataset, get_year_kind (self));
  else
    self->years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->years->len; i++)
    {
      guint year = g_array_index (self->years, guint, i);
      g_autofree char *text = g_strdup_printf ("%u", year);

      gtk_string_list_append (model, text);
      if (year == self->year)
        selected = i;
    }

  self->updating_years = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown),
                            reel_chart_kind_info_has_year (self->chart_kind) &&
                            self->years->len > 0);
}

/* Keeps the year when the chart kind has data for it, else moves to the
 * kind's default year. */
static void
choose_year (ReelWindow *self)
{
  guint year = self->year;

  if (self->dataset == NULL)
    return;

  if (!years_contain (self->years, year))
    year = reel_chart_layout_get_default_year (self->dataset, get_year_kind (self));

  reel_window_set_year (self, year);
}

static char *
dup_selected_region_name (ReelWindow *self)
{
  return reel_dup_region_name (self->dataset, self->selected_region);
}

/* The header of the right pane: the region, and its revenue in the year. */
static void
update_region_header (ReelWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const ReelRegion *region;
  const ReelFigure *figure = NULL;

  if (self->dataset == NULL)
    return;

  name = dup_selected_region_name (self);
  region = self->selected_region == NULL ? reel_dataset_get_global (self->dataset)
                                         : reel_dataset_find_region (self->dataset,
                                                                     self->selected_region);
  if (region != NULL && self->year != 0)
    figure = reel_dataset_get_primary_figure (region->revenue, self->year);

  if (figure != NULL)
    {
      g_autofree char *value = reel_format_money_compact (figure->value,
                                                          reel_dataset_get_currency (self->dataset),
                                                          NULL);

      /* TRANSLATORS: under the region's name: "$142M revenue in 2024 (primary source)" */
      subtitle = g_strdup_printf (_("%s revenue in %u (primary source)"), value, self->year);
    }
  else if (self->year != 0)
    subtitle = g_strdup_printf (_("No revenue figure for %u"), self->year);
  else
    subtitle = g_strdup (_("No revenue figures"));

  reel_label_set_plain_text (self->region_title, name);
  gtk_label_set_text (self->region_subtitle, subtitle);
}

/* "Revenue by region, 2024": what the chart and the table show. */
static char *
dup_view_title (ReelWindow *self)
{
  switch (self->chart_kind)
    {
    case REEL_CHART_REVENUE:
      /* TRANSLATORS: title of the table of the revenue chart */
      return g_strdup_printf (_("Revenue by region, %u"), self->year);
    case REEL_CHART_GROWTH:
      /* TRANSLATORS: title of the table of the growth chart */
      return g_strdup_printf (_("Reported growth, %u"), self->year);
    case REEL_CHART_SHARE:
      /* TRANSLATORS: title of the table of the share chart */
      return g_strdup_printf (_("Share of world revenue, %u"), self->year);
    case REEL_CHART_TREND:
    default:
      return g_strdup (_("Revenue over the years"));
    }
}

/* The centre: the chart follows the window's properties by itself; the
 * table's title follows the chart kind and the year. */
static void
update_centre (ReelWindow *self)
{
  g_autofree char *title = NULL;

  if (self->dataset == NULL)
    return;

  title = dup_view_title (self);

  reel_label_set_plain_text (self->table_title, title);
  gtk_label_set_text (self->table_subtitle,
                      _("Every figure behind the chart, with its source and basis"));
}

/* The toggles that show folded side panels, only while there is a dataset. */
static void
update_panel_buttons (ReelWindow *self)
{
  gboolean shown = self->dataset != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button),
                          shown && adw_flap_get_folded (self->sidebar_flap));
  gtk_widget_set_visible (GTK_WIDGET (self->details_button),
                          shown && adw_flap_get_folded (self->details_flap));

  /* Beside the centre, the centre's margin is the gap; over it, the pane
   * needs its own. */
  gtk_widget_set_margin_start (self->details_box,
                               adw_flap_get_folded (self->details_flap) ? 18 : 4);
}

static void
update_header (ReelWindow *self)
{
  gboolean shown = self->dataset != NULL;
  const char *kind = reel_chart_kind_info_get_label (self->chart_kind);
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->switcher_squeezer), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), shown);

  /* The narrow form of the chart switcher says which chart is shown. */
  gtk_menu_button_set_label (self->chart_menu_button, kind);
  /* TRANSLATORS: accessible name of the chart menu of narrow windows: "Chart: Revenue" */
  accessible = g_strdup_printf (_("Chart: %s"), kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  update_panel_buttons (self);
}

static gboolean
update_panel_buttons_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->panel_buttons_source = 0;
  update_panel_buttons (self);

  return G_SOURCE_REMOVE;
}

/* A flap folds while the window allocates its content, after the header
 * bar: the header's toggles change in the next frame. */
static void
flap_folded_cb (ReelWindow *self,
                GParamSpec *pspec,
                AdwFlap    *flap)
{
  if (self->panel_buttons_source == 0)
    self->panel_buttons_source = g_idle_add (update_panel_buttons_cb, self);
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* "Open Recent" lists the files of the `recent-files` setting, newest
 * first; it is left out while there are none. */
static void
update_recent_menu (ReelWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");
  GMenu *section;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = dup_display_name (file);
      g_autofree char *label = escape_underscores (name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  section = self->file_section;
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 1)
    g_menu_remove (section, 0);
  if (n > 0)
    g_menu_prepend_submenu (section, _("Open _Recent"), G_MENU_MODEL (self->recent_menu));
}

static void
recent_files_changed_cb (ReelWindow *self,
                         const char *key,
                         GSettings  *settings)
{
  update_recent_menu (self);
}

/* A dataset that loaded from a file of the user's: in GTK's recent files
 * and first in "Open Recent". */
static void
add_recent_file (ReelWindow *self,
                 GFile      *file)
{
  g_autofree char *uri = NULL;
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *basename = NULL;
  GtkRecentData data = { 0 };
  guint n = 1;

  if (file == NULL || !g_file_is_native (file))
    return;

  uri = g_file_get_uri (file);
  basename = g_file_get_basename (file);

  data.display_name = NULL;
  data.mime_type = (char *) (basename != NULL && g_str_has_suffix (basename, ".csv")
                             ? "text/csv" : "application/json");
  data.app_name = (char *) (g_get_application_name () != NULL ? g_get_application_name ()
                                                               : PACKAGE_NAME);
  data.app_exec = (char *) "reelscope %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  uris = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (!g_str_equal (uris[i], uri))
      {
        g_strv_builder_add (builder, uris[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->reload_source = 0;
  if (self->shown_file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->shown_file);

      g_debug ("Reloading after a change on disk");
      reel_window_open (self, file);
    }

  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (ReelWindow        *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Saved by writing another file and renaming it over this one. */
      if (other_file == NULL || self->shown_file == NULL ||
          !g_file_equal (other_file, self->shown_file))
        return;
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      /* Gone: what is shown stays until the file is back. */
      return;
    }

  /* Once the editor is done writing. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (self->reload_delay_ms, reload_timeout_cb, self);
}

/* Watches the file whose dataset or problems are shown, and only that:
 * the bundled dataset in the resources has nothing to watch. */
static void
watch_file (ReelWindow *self,
            GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (self->shown_file != NULL && file != NULL && g_file_equal (self->shown_file, file))
    return;

  g_set_object (&self->shown_file, file);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  if (file == NULL || !g_file_is_native (file))
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the file for changes: %s", error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
}


/* The audience and commentary panels follow the chart by one frame: a
 * new dataset shows in the chart and the list at once, and the panels'
 * hundred wrapping labels are laid out in the next frame, so that neither
 * frame holds the window back (at start-up, and when a big file is swapped
 * in). Until the panels have a dataset they are hidden, rather than
 * saying for a frame that there is nothing to show (and are not laid out
 * for that frame either). */
static void
fill_region_panels (ReelWindow *self)
{
  if (self->panels_clock != NULL)
    {
      g_clear_signal_handler (&self->panels_paint_handler, self->panels_clock);
      g_clear_object (&self->panels_clock);
    }

  reel_audience_panel_set_dataset (self->audience_panel, self->dataset);
  reel_commentary_panel_set_dataset (self->commentary_panel, self->dataset);
  gtk_widget_set_visible (GTK_WIDGET (self->audience_panel), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->commentary_panel), TRUE);
}

static void
fill_region_panels_after_frame (ReelWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_region_panels (self);
      return;
    }

  if (reel_audience_panel_get_dataset (self->audience_panel) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->audience_panel), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->commentary_panel), FALSE);
    }

  if (self->panels_clock == NULL)
    {
      self->panels_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->panels_paint_handler = g_signal_connect_swapped (self->panels_clock, "after-paint",
                                                             G_CALLBACK (fill_region_panels), self);
    }
}

/* The sources page and the table hold a hundred labels or rows: they are
 * filled when first shown, not for a first frame that does not show them.
 * Hidden when the dataset changes, they let go of the old one. */
static void
fill_pages (ReelWindow *self,
            gboolean    dataset_changed)
{
  gboolean sources_shown = g_strcmp0 (self->details_page, "sources") == 0;
  gboolean table_shown = g_strcmp0 (self->view, "table") == 0;

  if (sources_shown || dataset_changed)
    reel_sources_panel_set_dataset (self->sources_panel, sources_shown ? self->dataset : NULL);
  if (table_shown || dataset_changed)
    reel_data_table_set_dataset (self->data_table, table_shown ? self->dataset : NULL);
}

static void
set_dataset (ReelWindow  *self,
             ReelDataset *dataset)
{
  g_autofree char *name = NULL;
  ReelText *title;
  const char *title_text;
  GFile *file;

  g_assert (REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  file = reel_dataset_get_file (dataset);
  name = dup_display_name (file);
  title = reel_dataset_get_title (dataset);
  title_text = title != NULL ? reel_text_get (title) : NULL;
  if (title_text == NULL || title_text[0] == '\0')
    title_text = name;

  adw_window_title_set_title (self->window_title, title_text);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title_text);

  /* The year first, so that each widget fills in once (choosing the
   * year selects it in the selector). */
  update_year_selector (self);
  choose_year (self);

  /* A region the new dataset lacks leaves the world selected. */
  if (self->selected_region != NULL &&
      reel_dataset_find_region (dataset, self->selected_region) == NULL)
    reel_window_set_selected_region (self, NULL);

  reel_region_list_set_dataset (self->region_list, dataset);
  fill_region_panels_after_frame (self);
  reel_chart_view_set_dataset (self->chart_view, dataset);
  fill_pages (self, TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", TRUE);

  update_region_header (self);
  update_centre (self);
  update_header (self);

  show_page (self->stack, "dataset");

  add_recent_file (self, file);
  watch_file (self, file);

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
      show_page (self->stack, "dataset");
      show_failure_toast (self, file, problems);
    }
  else
    {
      show_problems_page (self, file, problems);
    }
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
year_dropdown_selected_cb (ReelWindow  *self,
                           GParamSpec  *pspec,
                           GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_years || self->years == NULL || selected >= self->years->len)
    return;

  reel_window_set_year (self, g_array_index (self->years, guint, selected));
}

static void
data_table_copied_cb (ReelWindow    *self,
                      guint          n_rows,
                      ReelDataTable *table)
{
  g_autofree char *title = g_strdup_printf (ngettext ("Copied %u figure as CSV",
                                                      "Copied %u figures as CSV", n_rows),
                                            n_rows);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
region_list_selected_cb (ReelWindow     *self,
                         GParamSpec     *pspec,
                         ReelRegionList *list)
{
  /* On a narrow window the list covers the chart: a choice shows it. */
  if (adw_flap_get_folded (self->sidebar_flap) && adw_flap_get_reveal_flap (self->sidebar_flap))
    adw_flap_set_reveal_flap (self->sidebar_flap, FALSE);
}

/* Files dropped on the window: the first opens here, any other in a window
 * of its own (one window per file). */
static gboolean
drop_cb (ReelWindow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *file_list;
  GSList *files;
  GtkApplication *application;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (file_list);
  if (files == NULL)
    return FALSE;

  reel_window_open (self, files->data);

  application = gtk_window_get_application (GTK_WINDOW (self));
  for (const GSList *l = files->next; l != NULL && application != NULL; l = l->next)
    {
      ReelWindow *window = reel_window_new (application);

      reel_window_open (window, l->data);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_slist_free (files);
  return TRUE;
}

static void
reel_window_reload_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->shown_file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->shown_file);

      reel_window_open (self, file);
    }
}

static void
reel_window_open_recent_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  reel_window_open (self, file);
}

static void
show_toast (ReelWindow *self,
            const char *text,
            guint       timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Exported revenue-2025.png", with a button that opens it. */
static void
export_dialog_exported_cb (ReelWindow       *self,
                           GFile            *file,
                           ReelExportDialog *dialog)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* TRANSLATORS: a toast after an export; %s is the file's name */
  g_autofree char *text = g_strdup_printf (_("Exported %s"), name);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The export dialog: the chart shown, in the format, size and look of
 * the user's last export. */
static void
reel_window_export_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  ReelExportDialog *dialog;

  if (self->dataset == NULL)
    return;

  if (self->export_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }

  dialog = reel_export_dialog_new (GTK_WINDOW (self), self->dataset, self->chart_kind, self->year,
                                   self->selected_region);
  g_signal_connect_object (dialog, "exported",
                           G_CALLBACK (export_dialog_exported_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->export_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  ReelWindow *window;
  GFile      *file;
} OpenExported;

static void
open_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpenExported *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = dup_display_name (data->file);
      /* TRANSLATORS: a toast; the first %s is a file's name, the second why it could not be opened */
      g_autofree char *text = g_strdup_printf (_("Could not open %s: %s"), name, error->message);

      show_toast (data->window, text, 8);
    }

  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

/* The toast's Open: the exported file in the user's default app for it. */
static void
reel_window_open_exported_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GdkAppLaunchContext) context = NULL;
  OpenExported *data = g_new0 (OpenExported, 1);

  data->window = g_object_ref (self);
  data->file = g_file_new_for_uri (uri);

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           open_exported_cb, data);
}

/* Copy Image: the chart as shown, whichever view is up. */
static void
reel_window_copy_image_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  if (!reel_chart_view_copy_image (self->chart_view))
    show_toast (self, _("The chart is not ready to copy yet"), 3);
}

static void
chart_view_copied_cb (ReelWindow    *self,
                      ReelChartView *view)
{
  show_toast (self, _("Copied the chart as an image"), 3);
}

static void
reel_window_search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  reel_region_list_focus_search (self->region_list);
}

/* The Keyboard Shortcuts window, built when first asked for: GtkApplication
 * would build it from gtk/help-overlay.ui for every window it adds, before
 * that window's first frame. */
static void
reel_window_show_help_overlay_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);

  if (self->help_overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/reelscope/Reelscope/ui/help-overlay.ui");
      GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_modal (overlay, TRUE);
      gtk_window_set_hide_on_close (overlay, TRUE);
      gtk_window_set_destroy_with_parent (overlay, TRUE);
      gtk_window_set_transient_for (overlay, GTK_WINDOW (self));
      g_set_weak_pointer (&self->help_overlay, overlay);
    }

  gtk_window_present (self->help_overlay);
}

/* A menu button's popover is made when it first opens: a popover menu
 * per button, built and styled for the first frame, cost more than any
 * other part of the header bar. */
static void
create_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  GMenuModel *model = user_data;

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, model);
}

/* F9: hides both side panels when either shows, else shows both. */
static void
reel_window_toggle_side_panels_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ReelWindow *self = REEL_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->sidebar_flap) &&
                    !adw_flap_get_reveal_flap (self->details_flap);

  adw_flap_set_reveal_flap (self->sidebar_flap, reveal);
  adw_flap_set_reveal_flap (self->details_flap, reveal);
}

static void
restore_window_state (ReelWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  g_autofree char *region = g_settings_get_string (self->settings, "selected-region");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* What the last window showed; the dataset decides whether it has it. */
  self->chart_kind = g_settings_get_enum (self->settings, "chart-kind");
  self->year = g_settings_get_uint (self->settings, "year");
  self->selected_region = region[0] != '\0' ? g_steal_pointer (&region) : NULL;
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

  watch_file (self, NULL);
  g_clear_handle_id (&self->panel_buttons_source, g_source_remove);
  g_clear_handle_id (&self->preload_source, g_source_remove);
  if (self->panels_clock != NULL)
    {
      g_clear_signal_handler (&self->panels_paint_handler, self->panels_clock);
      g_clear_object (&self->panels_clock);
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  if (self->problems_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->problems_dialog));
  g_clear_weak_pointer (&self->problems_dialog);
  g_clear_weak_pointer (&self->help_overlay);
  if (self->export_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  g_clear_weak_pointer (&self->export_dialog);
  g_clear_weak_pointer (&self->dialog_problem_list);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, recent_files_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_WINDOW);
  g_clear_object (&self->switcher_group);

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
  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->selected_region);
  g_free (self->view);
  g_free (self->details_page);

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

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_region);
      break;

    case PROP_CHART_KIND:
      g_value_set_enum (value, self->chart_kind);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_DETAILS_PAGE:
      g_value_set_string (value, self->details_page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ReelWindow *self = REEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_REGION:
      reel_window_set_selected_region (self, g_value_get_string (value));
      break;

    case PROP_CHART_KIND:
      reel_window_set_chart_kind (self, g_value_get_enum (value));
      break;

    case PROP_YEAR:
      reel_window_set_year (self, g_value_get_uint (value));
      break;

    case PROP_VIEW:
      reel_window_set_view (self, g_value_get_string (value));
      break;

    case PROP_DETAILS_PAGE:
      reel_window_set_details_page (self, g_value_get_string (value));
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
  static const char * const kinds[] = { "revenue", "growth", "share", "trend" };

  object_class->dispose = reel_window_dispose;
  object_class->finalize = reel_window_finalize;
  object_class->get_property = reel_window_get_property;
  object_class->set_property = reel_window_set_property;

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

  /**
   * ReelWindow:selected-region:
   *
   * The id of the region the list, the chart and the panels show, %NULL
   * for the world: one selection that they all follow.
   */
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:chart-kind:
   *
   * The chart shown, and its table; `win.chart-kind` with "revenue",
   * "growth", "share" or "trend" sets it. Remembered in GSettings.
   */
  properties[PROP_CHART_KIND] =
    g_param_spec_enum ("chart-kind", NULL, NULL,
                       REEL_TYPE_CHART_KIND, REEL_CHART_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:year:
   *
   * The year of the chart, the table and the region list, 0 for none;
   * `win.year` sets it. Remembered in GSettings.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:view:
   *
   * What the centre shows: "chart" or "table" (`win.view`).
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "chart",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:details-page:
   *
   * What the right pane shows: "region" (audience and commentary) or
   * "sources" (`win.details-page`).
   */
  properties[PROP_DETAILS_PAGE] =
    g_param_spec_string ("details-page", NULL, NULL,
                         "region",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REEL_TYPE_AUDIENCE_PANEL);
  g_type_ensure (REEL_TYPE_CHART_VIEW);
  g_type_ensure (REEL_TYPE_COMMENTARY_PANEL);
  g_type_ensure (REEL_TYPE_DATA_TABLE);
  g_type_ensure (REEL_TYPE_REGION_LIST);
  g_type_ensure (REEL_TYPE_SOURCES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, audience_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, commentary_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, data_table);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, osd_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, problem_list);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_kind_menu);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, region_list);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, region_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, region_title);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, sources_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, switcher_spacer);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, table_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, table_title);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, year_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, chart_view_copied_cb);
  gtk_widget_class_bind_template_callback (widget_class, data_table_copied_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, reel_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   reel_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reel_window_reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL,
                                   reel_window_show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, reel_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s",
                                   reel_window_open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL,
                                   reel_window_copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, reel_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   reel_window_show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-side-panels", NULL,
                                   reel_window_toggle_side_panels_action);
  gtk_widget_class_install_property_action (widget_class, "win.chart-kind", "chart-kind");
  gtk_widget_class_install_property_action (widget_class, "win.year", "year");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.details-page", "details-page");

#define BIND(key, mods, action) \
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL)
  BIND (GDK_KEY_o, GDK_CONTROL_MASK, "win.open");
  BIND (GDK_KEY_r, GDK_CONTROL_MASK, "win.reload");
  BIND (GDK_KEY_e, GDK_CONTROL_MASK, "win.export");
  BIND (GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-image");
  BIND (GDK_KEY_f, GDK_CONTROL_MASK, "win.search");
  BIND (GDK_KEY_F9, 0, "win.toggle-side-panels");
  BIND (GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay");
  BIND (GDK_KEY_w, GDK_CONTROL_MASK, "window.close");
#undef BIND
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.chart-kind", "s", kinds[i]);
}

static void
reel_window_init (ReelWindow *self)
{
  /* Before the template: its toggles read the state of the property actions. */
  self->view = g_strdup ("chart");
  self->details_page = g_strdup ("region");
  self->reload_delay_ms = DEFAULT_RELOAD_DELAY_MS;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->chart_menu_button, create_menu_popup_cb,
                                         self->chart_kind_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popup_cb,
                                         self->primary_menu, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", FALSE);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  restore_window_state (self);
  /* The switcher's toggles (property actions) show the restored kind. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
  g_signal_connect_swapped (self->settings, "changed::recent-files",
                            G_CALLBACK (recent_files_changed_cb), self);
  update_recent_menu (self);

  /* One selection, shared: the list sets it and follows it, the panels
   * (and the chart) follow it. */
  reel_region_list_set_color_func (self->region_list, region_color_func, NULL, NULL);
  g_object_bind_property (self, "selected-region", self->region_list, "selected-region",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "selected-region", self->audience_panel, "region",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-region", self->commentary_panel, "region",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-region", self->chart_view, "selected-region",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "chart-kind", self->chart_view, "chart-kind", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->chart_view, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->region_list, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->data_table, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "chart-kind", self->data_table, "chart-kind",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->region_list, "notify::selected-region",
                           G_CALLBACK (region_list_selected_cb), self, G_CONNECT_SWAPPED);

  /* Folded side panels (narrow windows) show with the header's toggles. */
  g_object_bind_property (self->sidebar_flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->details_flap, "reveal-flap", self->details_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->sidebar_flap, "notify::folded",
                           G_CALLBACK (flap_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::folded",
                           G_CALLBACK (flap_folded_cb), self, G_CONNECT_SWAPPED);

  /* The table's title keeps clear of the Chart/Table switch over it, and
   * so do the chart's title and subtitle, with a gap of 12. */
  self->switcher_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_size_group_add_widget (self->switcher_group, self->view_switcher);
  gtk_size_group_add_widget (self->switcher_group, self->switcher_spacer);
  {
    int natural = 0;

    gtk_widget_measure (self->view_switcher, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    reel_chart_view_set_header_inset (self->chart_view,
                                      natural + gtk_widget_get_margin_end (self->view_switcher) + 12);
  }

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  update_year_selector (self);
  update_header (self);
  g_signal_connect (self->stack, "notify::transition-running",
                    G_CALLBACK (stack_transition_running_cb), NULL);
  g_signal_connect (self->view_stack, "notify::transition-running",
                    G_CALLBACK (stack_transition_running_cb), NULL);
  show_page (self->stack, "empty");
  show_page (self->view_stack, self->view);

  /* A benchmark hook (build-aux/bench.sh), inert without its variable. */
  reel_frame_bench_watch (self);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static void
reel_window_set_chart_kind (ReelWindow    *self,
                            ReelChartKind  kind)
{
  g_assert (REEL_IS_WINDOW (self));

  if (self->chart_kind == kind || kind > REEL_CHART_KIND_LAST)
    return;

  self->chart_kind = kind;
  g_settings_set_enum (self->settings, "chart-kind", kind);

  update_year_selector (self);
  choose_year (self);
  update_year_selector (self);
  update_centre (self);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
}

static void
reel_window_set_year (ReelWindow *self,
                      guint       year)
{
  g_assert (REEL_IS_WINDOW (self));

  if (self->year == year)
    return;

  self->year = year;
  g_settings_set_uint (self->settings, "year", year);

  if (self->years != NULL)
    {
      self->updating_years = TRUE;
      gtk_drop_down_set_selected (self->year_dropdown, GTK_INVALID_LIST_POSITION);
      for (guint i = 0; i < self->years->len; i++)
        if (g_array_index (self->years, guint, i) == year)
          gtk_drop_down_set_selected (self->year_dropdown, i);
      self->updating_years = FALSE;
    }

  update_region_header (self);
  update_centre (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

static void
reel_window_set_view (ReelWindow *self,
                      const char *view)
{
  g_assert (REEL_IS_WINDOW (self));

  if (g_strcmp0 (view, "table") != 0)
    view = "chart";
  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  fill_pages (self, FALSE);
  show_page (self->view_stack, view);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
reel_window_set_details_page (ReelWindow *self,
                              const char *page)
{
  g_assert (REEL_IS_WINDOW (self));

  if (g_strcmp0 (page, "sources") != 0)
    page = "region";
  if (g_strcmp0 (self->details_page, page) == 0)
    return;

  g_free (self->details_page);
  self->details_page = g_strdup (page);
  fill_pages (self, FALSE);
  gtk_stack_set_visible_child_name (self->details_stack, page);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_PAGE]);
}

ReelWindow *
reel_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (REEL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* While a file loads into a window that shows nothing, the main thread
 * is idle: the chart's fonts are loaded then, not in the frame that first
 * shows the dataset (a third of it, when they are not). */
static gboolean
preload_chart_fonts_cb (gpointer user_data)
{
  ReelWindow *self = user_data;
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  self->preload_source = 0;
  reel_chart_layout_preload_fonts (theme);

  return G_SOURCE_REMOVE;
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
    {
      show_page (self->stack, "loading");
      if (self->preload_source == 0)
        self->preload_source = g_idle_add_full (G_PRIORITY_LOW, preload_chart_fonts_cb, self, NULL);
    }

  reel_dataset_loader_load_async (self->loader, self->cancellable, load_cb, g_object_ref (self));
}

ReelDataset *
reel_window_get_dataset (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->dataset;
}

const char *
reel_window_get_selected_region (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->selected_region;
}

/* Selects @region_id (NULL for the world) in the list, the chart and the
 * panels at once. */
void
reel_window_set_selected_region (ReelWindow *self,
                                 const char *region_id)
{
  g_return_if_fail (REEL_IS_WINDOW (self));

  if (g_strcmp0 (self->selected_region, region_id) == 0)
    return;

  g_free (self->selected_region);
  self->selected_region = g_strdup (region_id);
  g_settings_set_string (self->settings, "selected-region", region_id != NULL ? region_id : "");

  update_region_header (self);
  update_centre (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

ReelChartKind
reel_window_get_chart_kind (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), REEL_CHART_REVENUE);

  return self->chart_kind;
}

guint
reel_window_get_year (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), 0);

  return self->year;
}

const char *
_reel_window_get_visible_page (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* A file is loading, or its dataset's region panels wait for their frame. */
gboolean
_reel_window_is_loading (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), FALSE);

  return self->loader != NULL || self->panels_clock != NULL;
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

ReelChartView *
_reel_window_get_chart_view (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->chart_view;
}

/* The export dialog while it is open, else NULL. */
ReelExportDialog *
_reel_window_get_export_dialog (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->export_dialog;
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

GtkMenuButton *
_reel_window_get_primary_menu_button (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->primary_menu_button;
}

GtkWindow *
_reel_window_get_help_overlay (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->help_overlay;
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

ReelRegionList *
_reel_window_get_region_list (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->region_list;
}

ReelAudiencePanel *
_reel_window_get_audience_panel (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->audience_panel;
}

ReelCommentaryPanel *
_reel_window_get_commentary_panel (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->commentary_panel;
}

ReelSourcesPanel *
_reel_window_get_sources_panel (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->sources_panel;
}

ReelDataTable *
_reel_window_get_data_table (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->data_table;
}

GtkDropDown *
_reel_window_get_year_dropdown (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->year_dropdown;
}

GtkDropTarget *
_reel_window_get_drop_target (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->drop_target;
}

AdwFlap *
_reel_window_get_sidebar_flap (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->sidebar_flap;
}

AdwFlap *
_reel_window_get_details_flap (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->details_flap;
}

const char *
_reel_window_get_region_title (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->region_title);
}

const char *
_reel_window_get_region_subtitle (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->region_subtitle);
}

GMenuModel *
_reel_window_get_recent_menu (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

/* Tests wait less for a changed file to settle. */
void
_reel_window_set_reload_delay (ReelWindow *self,
                               guint       milliseconds)
{
  g_return_if_fail (REEL_IS_WINDOW (self));

  self->reload_delay_ms = milliseconds;
}

GFileMonitor *
_reel_window_get_file_monitor (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->monitor;
}

GtkButton *
_reel_window_get_export_button (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return self->export_button;
}
