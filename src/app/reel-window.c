/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-chart-data.h"
#include "reel-text-figure.h"
#include "reel-window.h"

#include <glib/gi18n.h>

#include "reel-chart-kind-info.h"
#include "reel-chart-layout.h"
#include "reel-chart-theme.h"
#include "reel-format.h"
#include "reel-region-selection.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

/* A dataset's text is plain text, never markup (DESIGN §3): labels that
 * show it have use-markup off, and where a widget only takes markup
 * (AdwStatusPage's description) it is escaped first. */

G_DEFINE_FINAL_TYPE (ReelWindow, reel_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PROGRESS,
  PROP_LOADING,
  PROP_SELECTED_REGION,
  PROP_SELECTED_REGIONS,
  PROP_CHART_KIND,
  PROP_PAGE,
  PROP_YEAR,
  PROP_VIEW,
  PROP_DETAILS_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reel_window_set_chart_kind    (ReelWindow    *self,
                                           ReelChartKind  kind);
static void reel_window_set_page          (ReelWindow    *self,
                                           const char    *page);
static void set_overview                  (ReelWindow    *self,
                                           gboolean       overview);
static void reel_window_set_view          (ReelWindow    *self,
                                           const char    *view);
static void reel_window_set_details_page  (ReelWindow    *self,
                                           const char    *page);

/* A file's name as the window shows it. */
char *
_reel_window_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  g_assert (G_IS_FILE (file));

  if (basename == NULL)
    return g_file_get_uri (file);

  return g_filename_display_name (basename);
}

/* The region colour of the charts, in the chart's variant (the palettes
 * differ), for the swatches of the list. */
static void
region_color_func (ReelDataset *dataset,
                   guint        index,
                   GdkRGBA     *color,
                   gpointer     user_data)
{
  ReelWindow *self = user_data;
  ReelChartColor chart_color;

  reel_chart_palette_get_color (reel_chart_view_get_dark (self->chart_view) ?
                                REEL_CHART_THEME_DARK : REEL_CHART_THEME_LIGHT,
                                index, &chart_color);
  *color = (GdkRGBA) { chart_color.red, chart_color.green, chart_color.blue, chart_color.alpha };
}

/* The swatches of the list and the overview take the palette of the
 * chart's variant. */
static void
chart_dark_cb (ReelWindow *self)
{
  reel_region_list_set_color_func (self->region_list, region_color_func, self, NULL);
  reel_overview_set_color_func (self->overview_page, region_color_func, self, NULL);
}

/* The chart's title for the metric the apps are ranked by. */
static char *
dup_platforms_title (ReelWindow *self)
{
  switch (_reel_window_get_metric (self))
    {
    case REEL_CHART_METRIC_DOWNLOADS:
      /* TRANSLATORS: the Platforms chart's title; %u is the year */
      return g_strdup_printf (_("Platforms by downloads, %u"), self->year);
    case REEL_CHART_METRIC_USERS:
      /* TRANSLATORS: the Platforms chart's title; %u is the year */
      return g_strdup_printf (_("Platforms by monthly active users, %u"), self->year);
    default:
      return g_strdup_printf (_("Platforms by revenue, %u"), self->year);
    }
}

/* "Revenue by region, 2024": what the chart and the table show. */
static char *
dup_view_title (ReelWindow *self)
{
  switch (self->chart_kind)
    {
    case REEL_CHART_REVENUE:
    case REEL_CHART_MAP:
      /* TRANSLATORS: title of the table of the revenue chart */
      return g_strdup_printf (_("Revenue by region, %u"), self->year);
    case REEL_CHART_GROWTH:
      return g_strdup_printf (_("Growth by region, %u"), self->year);
    case REEL_CHART_SHARE:
      /* TRANSLATORS: title of the table of the share chart */
      return g_strdup_printf (_("Share of world revenue, %u"), self->year);
    case REEL_CHART_PLATFORMS:
      return dup_platforms_title (self);
    case REEL_CHART_TREND:
    default:
      /* TRANSLATORS: the title of Trend and of its table */
      return g_strdup (_("Revenue trend by region"));
    }
}

/* The centre: the chart follows the window's properties by itself; the
 * table's title follows the chart kind, the year and Platforms' metric. */
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
  gboolean shown = self->dataset != NULL && !_reel_window_shows_overview (self);

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
  gboolean chart_shown;
  const char *kind = self->overview ? C_("view", "Overview")
                                    : reel_chart_kind_info_get_label (self->chart_kind);
  g_autofree char *accessible = NULL;

  chart_shown = shown && !_reel_window_shows_overview (self);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_squeezer), shown);
  /* The overview has no year to choose (update_bottom_bar) and no chart to export. */
  gtk_widget_set_visible (self->export_squeezer, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", chart_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", chart_shown);
  /* The report covers the whole dataset, from any page. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", shown);
  _reel_window_update_metric (self);

  /* The narrow form of the chart switcher says which chart is shown. */
  gtk_menu_button_set_label (self->chart_menu_button, kind);
  /* TRANSLATORS: accessible name of the chart menu of narrow windows: "Chart: Revenue" */
  accessible = g_strdup_printf (_("Chart: %s"), kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bottom_chart_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  _reel_window_update_bottom_bar (self);
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


/* The audience and commentary panels follow the chart by one frame: a
 * new dataset shows in the chart and the list at once, and the panels'
 * hundred wrapping labels are laid out in the next frame, so that neither
 * frame holds the window back (at start-up, and when a big file is swapped
 * in). Until the panels have a dataset they are hidden, rather than
 * saying for a frame that there is nothing to show (and are not laid out
 * for that frame either). A window not shown fills them at once, unless
 * it is about to show (reel_window_open_dataset()); a window that has not
 * laid its dataset page out yet (reel-window-pages.c) fills them after the
 * frame that does, so that the panels' frame is not that one too. */
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
  _reel_window_prepare_ahead (self);

  _reel_window_update_loading (self);
}

void
_reel_window_fill_region_panels_after_frame (ReelWindow *self)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (!mapped && !self->panels_deferred)
    {
      fill_region_panels (self);
      return;
    }

  if (reel_audience_panel_get_dataset (self->audience_panel) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->audience_panel), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->commentary_panel), FALSE);
    }

  /* reel-window-pages.c comes back once the dataset page is laid out. */
  self->panels_deferred = !mapped || self->first_frame_pending;
  if (!self->panels_deferred && self->panels_clock == NULL)
    {
      self->panels_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->panels_paint_handler = g_signal_connect_swapped (self->panels_clock, "after-paint",
                                                             G_CALLBACK (fill_region_panels), self);
    }
}

/* The sources page holds a hundred labels: it is filled when first
 * shown, not for a first frame that does not show it; hidden when the
 * dataset changes, it lets go of the old one. The table follows the
 * chart (reel-window-pages.c). */
static void
fill_pages (ReelWindow *self,
            gboolean    dataset_changed)
{
  gboolean sources_shown = g_strcmp0 (self->details_page, "sources") == 0;

  if (sources_shown || dataset_changed)
    reel_sources_panel_set_dataset (self->sources_panel, sources_shown ? self->dataset : NULL);
  _reel_window_update_data_table (self);
}

/* Whether the overview shows: asked for, and with something to say (a
 * file of records alone may have no headline; it opens on its charts). */
gboolean
_reel_window_shows_overview (ReelWindow *self)
{
  return self->overview && self->dataset != NULL && !reel_overview_is_empty (self->overview_page);
}

/* The dataset's page: the overview or the charts, and the header that goes
 * with it. */
void
_reel_window_show_dataset (ReelWindow *self)
{
  _reel_window_show_page (self, self->stack,
                          _reel_window_shows_overview (self) ? "overview" : "dataset");
  update_header (self);
}

static void
overview_show_chart_cb (ReelWindow   *self,
                        guint         kind,
                        guint         year,
                        const char   *region_id,
                        ReelOverview *overview)
{
  if (region_id != NULL)
    reel_window_set_selected_region (self, region_id);
  reel_window_set_chart_kind (self, kind);
  if (year != 0 && _reel_window_has_year (self, year))
    _reel_window_set_year (self, year);
}

void
_reel_window_set_dataset (ReelWindow  *self,
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
  name = _reel_window_dup_display_name (file);
  title = reel_dataset_get_title (dataset);
  title_text = title != NULL ? reel_text_get (title) : NULL;
  if (title_text == NULL || title_text[0] == '\0')
    title_text = name;

  adw_window_title_set_title (self->window_title, title_text);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title_text);

  /* The year first, so that each widget fills in once (choosing the
   * year selects it in the selector). */
  _reel_window_update_year_selector (self);
  _reel_window_choose_year (self);

  _reel_window_keep_known_regions (self);

  reel_region_list_set_dataset (self->region_list, dataset);
  _reel_window_fill_region_panels_after_frame (self);
  reel_chart_view_set_dataset (self->chart_view, dataset);
  fill_pages (self, TRUE);

  reel_overview_set_dataset (self->overview_page, dataset);

  _reel_window_update_region_header (self);
  update_centre (self);
  _reel_window_show_dataset (self);

  _reel_window_add_recent_file (self, file);
  _reel_window_watch_file (self, file);
  _reel_window_drop_export_dialog (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
_reel_window_set_progress (ReelWindow *self,
                           double      fraction)
{
  if (self->progress == fraction)
    return;

  self->progress = fraction;
  gtk_progress_bar_set_fraction (self->loading_bar, fraction);
  gtk_progress_bar_set_fraction (self->osd_bar, fraction);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Loading lasts until the first frame that shows the file's dataset
 * whole: the region panels follow the chart by a frame. */
void
_reel_window_update_loading (ReelWindow *self)
{
  gboolean loading = self->loader != NULL || self->panels_clock != NULL || self->panels_deferred;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
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

static void
restore_window_state (ReelWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* What the last window showed; the dataset decides whether it has it
   * (its kind and page are read before the template, reel_window_init()). */
  self->year = g_settings_get_uint (self->settings, "year");
  _reel_window_restore_selection (self);
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
reel_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  _reel_window_fit_width (REEL_WINDOW (widget), width);

  GTK_WIDGET_CLASS (reel_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
reel_window_dispose (GObject *object)
{
  ReelWindow *self = (ReelWindow *)object;

  _reel_window_dispose_files (self);
  _reel_window_dispose_report (self);
  _reel_window_dispose_pages (self);
  g_cancellable_cancel (self->launch_cancellable);
  g_clear_object (&self->launch_cancellable);

  g_clear_handle_id (&self->panel_buttons_source, g_source_remove);
  g_clear_handle_id (&self->prepare_ahead_source, g_source_remove);
  if (self->panels_clock != NULL)
    {
      g_clear_signal_handler (&self->panels_paint_handler, self->panels_clock);
      g_clear_object (&self->panels_clock);
    }

  if (self->problems_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->problems_dialog));
  g_clear_weak_pointer (&self->problems_dialog);
  g_clear_weak_pointer (&self->help_overlay);
  g_clear_handle_id (&self->export_dialog_idle, g_source_remove);
  if (self->export_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  g_clear_weak_pointer (&self->export_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_WINDOW);
  g_clear_object (&self->switcher_group);
  g_clear_object (&self->timeline);

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
  g_strfreev (self->selected_regions);
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

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_regions[0]);
      break;

    case PROP_SELECTED_REGIONS:
      g_value_set_boxed (value, self->selected_regions);
      break;

    case PROP_CHART_KIND:
      g_value_set_enum (value, self->chart_kind);
      break;

    case PROP_PAGE:
      g_value_set_string (value, self->overview ? "overview"
                                                : reel_chart_kind_info_get_nick (self->chart_kind));
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

    case PROP_SELECTED_REGIONS:
      reel_window_set_selected_regions (self, g_value_get_boxed (value));
      break;

    case PROP_CHART_KIND:
      reel_window_set_chart_kind (self, g_value_get_enum (value));
      break;

    case PROP_PAGE:
      reel_window_set_page (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      _reel_window_set_year (self, g_value_get_uint (value));
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
install_properties (GObjectClass *object_class)
{
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
   * ReelWindow:loading:
   *
   * Whether a file is loading: from reel_window_open() until its problems
   * show, or until the first frame that shows its dataset whole (the
   * region panels follow the chart by a frame).
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:selected-region:
   *
   * The first of #ReelWindow:selected-regions, whose panels show, %NULL
   * for the world; setting it selects that region alone.
   */
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:selected-regions:
   *
   * The ids of the regions selected, empty for the world: one selection
   * that the list and the chart set and follow (reel-region-selection.h).
   */
  properties[PROP_SELECTED_REGIONS] =
    g_param_spec_boxed ("selected-regions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:chart-kind:
   *
   * The chart shown, and its table; `win.chart-kind` with "revenue",
   * "growth", "share", "trend" or "map" sets it. Remembered in GSettings.
   */
  properties[PROP_CHART_KIND] =
    g_param_spec_enum ("chart-kind", NULL, NULL,
                       REEL_TYPE_CHART_KIND, REEL_CHART_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelWindow:page:
   *
   * What the switcher shows: "overview", or a chart kind's nick
   * ("revenue", "growth"...), which sets #ReelWindow:chart-kind too
   * (`win.page`, Ctrl+0 to Ctrl+4). Remembered in GSettings.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "overview",
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
  object_class->set_property = reel_window_set_property;

  window_class->close_request = reel_window_close_request;
  widget_class->size_allocate = reel_window_size_allocate;

  install_properties (object_class);

  g_type_ensure (REEL_TYPE_AUDIENCE_PANEL);
  g_type_ensure (REEL_TYPE_CHART_VIEW);
  g_type_ensure (REEL_TYPE_COMMENTARY_PANEL);
  g_type_ensure (REEL_TYPE_OVERVIEW);
  g_type_ensure (REEL_TYPE_PLATFORM_PANEL);
  g_type_ensure (REEL_TYPE_PROBLEM_LIST);
  g_type_ensure (REEL_TYPE_REGION_LIST);
  g_type_ensure (REEL_TYPE_SOURCES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, audience_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_chart_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_switcher);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, bottom_metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, centre_box);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, commentary_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, platform_panel);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, table_page);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, export_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, osd_bar);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, overview_page);
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
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, switcher_gone);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, table_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, table_title);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, year_dropdown);
  gtk_widget_class_bind_template_callback_full (widget_class, "year_dropdown_selected_cb",
                                                G_CALLBACK (_reel_window_year_selected_cb));
  gtk_widget_class_bind_template_child (widget_class, ReelWindow, metric_dropdown);
  gtk_widget_class_bind_template_callback_full (widget_class, "metric_dropdown_selected_cb",
                                                G_CALLBACK (_reel_window_metric_selected_cb));

  _reel_window_class_init_actions (widget_class);
  _reel_window_class_init_report (widget_class);
  _reel_window_class_init_timeline (widget_class);
}

static void
reel_window_init (ReelWindow *self)
{
  /* Before the template: its toggles read the state of the property
   * actions once, and GTK 4.8 does not update them on a change notified
   * in init (two of the switcher's toggles would show checked). */
  self->view = g_strdup ("chart");
  self->details_page = g_strdup ("region");
  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  self->chart_kind = g_settings_get_enum (self->settings, "chart-kind");
  self->overview = g_settings_get_boolean (self->settings, "overview");

  gtk_widget_init_template (GTK_WIDGET (self));
  _reel_window_init_tooltips (self);
  _reel_window_init_timeline (self);
  reel_buttons_name_by_text (self->chart_switcher);
  reel_buttons_name_by_text (self->view_switcher);
  gtk_menu_button_set_create_popup_func (self->chart_menu_button, create_menu_popup_cb,
                                         self->chart_kind_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->bottom_chart_button, create_menu_popup_cb,
                                         self->chart_kind_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_popup_cb,
                                         self->primary_menu, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);

  self->launch_cancellable = g_cancellable_new ();
  restore_window_state (self);
  _reel_window_init_files (self);

  /* One selection, shared: the list and the chart set it and follow it,
   * the panels follow its first region. */
  chart_dark_cb (self);
  g_signal_connect_object (self->chart_view, "notify::dark", G_CALLBACK (chart_dark_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview_page, "show-chart",
                           G_CALLBACK (overview_show_chart_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "selected-regions", self->region_list, "selected-regions",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "selected-region", self->audience_panel, "region",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-region", self->commentary_panel, "region",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-regions", self->chart_view, "selected-regions",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "chart-kind", self->chart_view, "chart-kind", G_BINDING_SYNC_CREATE);
  _reel_window_init_metric (self);
  _reel_window_init_platform (self);
  g_object_bind_property (self, "year", self->chart_view, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->region_list, "year", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->chart_view, "notify::metric",
                           G_CALLBACK (update_centre), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_list, "notify::selected-regions",
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

  _reel_window_init_layout (self);
  _reel_window_update_year_selector (self);
  update_header (self);
  _reel_window_init_pages (self);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

static void
reel_window_set_chart_kind (ReelWindow    *self,
                            ReelChartKind  kind)
{
  g_assert (REEL_IS_WINDOW (self));

  if (kind > REEL_CHART_KIND_LAST)
    return;
  /* Asking for a chart shows it, even the one the overview hides. */
  set_overview (self, FALSE);
  if (self->chart_kind == kind)
    return;

  self->chart_kind = kind;
  g_settings_set_enum (self->settings, "chart-kind", kind);

  _reel_window_update_year_selector (self);
  _reel_window_choose_year (self);
  _reel_window_update_year_selector (self);
  update_centre (self);
  update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
set_overview (ReelWindow *self,
              gboolean    overview)
{
  if (self->overview == overview)
    return;

  self->overview = overview;
  g_settings_set_boolean (self->settings, "overview", overview);
  if (self->dataset != NULL)
    _reel_window_show_dataset (self);
  else
    update_header (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
reel_window_set_page (ReelWindow *self,
                      const char *page)
{
  GEnumValue *kind;

  g_assert (REEL_IS_WINDOW (self));

  if (g_strcmp0 (page, "overview") == 0)
    {
      set_overview (self, TRUE);
      return;
    }

  kind = page != NULL ? g_enum_get_value_by_nick (g_type_class_peek (REEL_TYPE_CHART_KIND), page)
                      : NULL;
  if (kind != NULL)
    reel_window_set_chart_kind (self, kind->value);
}

void
_reel_window_set_year (ReelWindow *self,
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

  _reel_window_update_region_header (self);
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
  _reel_window_show_page (self, self->view_stack, view);

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
  _reel_window_show_details_child (self);

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

  return self->selected_regions[0];
}

/* Selects @region_id alone (NULL for the world) in the list, the chart
 * and the panels at once. */
void
reel_window_set_selected_region (ReelWindow *self,
                                 const char *region_id)
{
  g_auto(GStrv) selection = reel_region_selection_new (region_id);

  g_return_if_fail (REEL_IS_WINDOW (self));

  reel_window_set_selected_regions (self, (const char * const *) selection);
}

/**
 * reel_window_get_selected_regions:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   selected regions, empty for the world
 */
const char * const *
reel_window_get_selected_regions (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), NULL);

  return (const char * const *) self->selected_regions;
}

/* Selects @region_ids (NULL or empty for the world) in the list and the
 * chart, and the first one's panels. */
void
reel_window_set_selected_regions (ReelWindow         *self,
                                  const char * const *region_ids)
{
  gboolean first_changed;

  g_return_if_fail (REEL_IS_WINDOW (self));

  if (!_reel_window_take_selection (self, region_ids, &first_changed))
    return;

  update_centre (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGIONS]);
  if (first_changed)
    {
      _reel_window_update_region_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
    }
}

gboolean
reel_window_get_loading (ReelWindow *self)
{
  g_return_val_if_fail (REEL_IS_WINDOW (self), FALSE);

  return self->loading;
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
