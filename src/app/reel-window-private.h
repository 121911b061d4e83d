/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-audience-panel.h"
#include "reel-chart-view.h"
#include "reel-commentary-panel.h"
#include "reel-data-table.h"
#include "reel-dataset-loader.h"
#include "reel-export-dialog.h"
#include "reel-overview.h"
#include "reel-platform-panel.h"
#include "reel-problem-list.h"
#include "reel-region-list.h"
#include "reel-report-bar.h"
#include "reel-sources-panel.h"
#include "reel-timeline.h"
#include "reel-window.h"

G_BEGIN_DECLS

/* The window in eleven files: reel-window.c (what it shows: the state,
 * the headers and panels), reel-window-pages.c (which pages are laid
 * out), reel-window-files.c (opening, reloading, recent files, the file
 * monitor, drag and drop), reel-window-actions.c (the win.* actions and
 * their shortcuts), reel-window-layout.c (how it fits its width),
 * reel-window-years.c (the year selector), reel-window-selection.c (the
 * selected regions: their settings and the right pane's header),
 * reel-window-report.c (Export Report, Print), reel-window-timeline.c
 * (stepping and playing through the periods), reel-window-metric.c (the
 * metric a chart shows) and reel-window-platform.c (an app's panel). */

struct _ReelWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  ReelAudiencePanel    *audience_panel;
  GtkActionBar         *bottom_bar;
  GtkMenuButton        *bottom_chart_button;
  GtkWidget            *bottom_switcher;
  GtkWidget            *bottom_switcher_squeezer;
  GtkWidget            *bottom_next_button;
  GtkWidget            *bottom_period_box;  /* an AdwSqueezer */
  GtkButton            *bottom_play_button;
  GtkWidget            *bottom_previous_button;
  GtkDropDown          *bottom_year_dropdown;
  GBinding             *bottom_year_binding;   /* its selection the header's; owned by the menus */
  GtkWidget            *centre_box;
  GtkMenuButton        *chart_menu_button;
  GtkWidget            *chart_switcher;
  ReelChartView        *chart_view;
  ReelCommentaryPanel  *commentary_panel;
  ReelPlatformPanel    *platform_panel;
  gboolean              details_for_app;  /* the folded right pane was revealed for an app */
  ReelDataTable        *data_table;       /* once built (reel-window-pages.c) */
  guint                 data_table_source; /* catching the hidden table up */
  GtkWidget            *table_page;
  GtkWidget            *details_box;
  GtkToggleButton      *details_button;
  GtkButton            *export_button;
  GtkWidget            *export_squeezer;
  GtkButton            *open_button;
  GMenu                *file_section;
  AdwFlap              *details_flap;
  GtkStack             *details_stack;
  GtkProgressBar       *loading_bar;
  GtkLabel             *loading_label;
  GtkProgressBar       *osd_bar;
  ReelOverview         *overview_page;
  GtkWidget            *period_box;
  GtkWidget            *period_next_button;
  GtkWidget            *period_previous_button;
  GtkButton            *play_button;
  ReelProblemList      *problem_list;
  AdwStatusPage        *problems_page;
  GMenu                *recent_menu;
  GMenuModel           *chart_kind_menu;
  GMenuModel           *primary_menu;
  GtkMenuButton        *primary_menu_button;
  ReelRegionList       *region_list;
  ReelReportBar        *report_bar;
  GtkLabel             *region_subtitle;
  GtkLabel             *region_title;
  GtkToggleButton      *sidebar_button;
  AdwFlap              *sidebar_flap;
  ReelSourcesPanel     *sources_panel;
  GtkStack             *stack;
  GtkWidget            *switcher_spacer;
  GtkWidget            *switcher_gone;
  AdwSqueezer          *switcher_squeezer;
  GtkLabel             *table_subtitle;
  GtkLabel             *table_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  GtkWidget            *view_switcher;
  AdwWindowTitle       *window_title;
  GtkDropDown          *year_dropdown;
  GtkDropDown          *metric_dropdown;
  GtkDropDown          *bottom_metric_dropdown; /* the header's again, where the year goes */
  int                   metric_kind;      /* whose metrics the dropdown lists; -1 for none yet */
  int                   metric_width;     /* the dropdown's natural width, the last measured */
  gboolean              period_below;     /* the year's control is in the bottom bar */
  int                   switcher_width;   /* natural widths of the switcher, the labelled */
  int                   export_width;     /* Export and Open and the year's control, */
  int                   open_width;       /* measured while shown */
  int                   period_width;

  GSettings            *settings;
  ReelDataset          *dataset;

  /* Each asynchronous job has its own: a reload does not cancel the
   * opening of an exported file, nor that a load. */
  GCancellable         *load_cancellable;
  GCancellable         *launch_cancellable;
  ReelDatasetLoader    *loader;           /* while a file loads */
  double                progress;
  gboolean              loading;

  /* What the window shows: one state that the list, the panels, the
   * table (and the chart) follow. */
  GStrv                 selected_regions; /* empty for the world; the first's panels show */
  ReelChartKind         chart_kind;
  gboolean              overview;         /* the overview shows instead of the charts */
  guint                 year;             /* 0 for none */
  char                 *view;             /* "chart" or "table" */
  char                 *details_page;     /* "region" or "sources" */
  GArray               *years;            /* of guint: the year selector's */
  gboolean              updating_years;
  ReelTimeline         *timeline;         /* the period shown, and Play */
  gboolean              timeline_months;  /* its periods are Trend's months */

  /* The file whose dataset or problems are shown, watched for changes. */
  GFile                *shown_file;
  GFileMonitor         *monitor;
  guint                 poll_source;      /* a file of the document portal */
  GCancellable         *poll_cancellable;
  char                 *poll_stamp;       /* its size and modification time */
  guint                 reload_source;
  guint                 panel_buttons_source;
  guint                 preload_source;
  GdkFrameClock        *panels_clock;     /* while the region panels wait for a frame */
  gulong                panels_paint_handler;
  gboolean              panels_deferred;  /* until the dataset page is laid out */
  gboolean              first_frame_pending; /* the dataset page waits for it */
  guint                 after_first_frame_source;
  guint                 prepare_ahead_source;
  guint                 n_prepared_regions;

  GtkDropTarget        *drop_target;
  GtkSizeGroup         *switcher_group;

  /* The last file that failed to load while a dataset was shown. */
  GFile                *failed_file;
  GPtrArray            *failed_problems;  /* of ReelProblem */
  AdwToast             *failed_toast;
  AdwMessageDialog     *problems_dialog;  /* weak */
  GtkWindow            *help_overlay;     /* weak */

  GtkFileChooserNative *chooser;
  ReelExportDialog     *export_dialog;    /* weak; hidden when closed */
  guint                 export_dialog_idle;
  GtkFileChooserNative *report_chooser;
};

/* reel-window-layout.c */
void  _reel_window_init_layout        (ReelWindow     *self);
void  _reel_window_bind_bottom_year   (ReelWindow     *self);
void  _reel_window_fit_width          (ReelWindow     *self,
                                       int             width);
void  _reel_window_update_bottom_bar  (ReelWindow     *self);
void  _reel_window_toggle_side_panels (ReelWindow     *self);

/* reel-window-selection.c */
void     _reel_window_restore_selection    (ReelWindow         *self);
gboolean _reel_window_take_selection       (ReelWindow         *self,
                                            const char * const *region_ids,
                                            gboolean           *first_changed);
void     _reel_window_keep_known_regions   (ReelWindow         *self);
void     _reel_window_update_region_header (ReelWindow         *self);
void     _reel_window_prepare_ahead        (ReelWindow         *self);

/* reel-window-years.c */
gboolean _reel_window_has_year            (ReelWindow     *self,
                                           guint           year);
void  _reel_window_update_year_selector   (ReelWindow     *self);
void  _reel_window_choose_year            (ReelWindow     *self);
void  _reel_window_year_selected_cb       (ReelWindow     *self,
                                           GParamSpec     *pspec,
                                           GtkDropDown    *dropdown);

/* reel-window-timeline.c */
void  _reel_window_class_init_timeline    (GtkWidgetClass *widget_class);
void  _reel_window_init_timeline          (ReelWindow     *self);
void  _reel_window_update_timeline        (ReelWindow     *self);
void  _reel_window_update_period_controls (ReelWindow     *self,
                                           gboolean        in_header,
                                           gboolean        in_bottom_bar);
/* reel-window-metric.c */
void  _reel_window_init_metric          (ReelWindow     *self);
void  _reel_window_update_metric        (ReelWindow     *self);
gboolean _reel_window_has_metric_choice (ReelWindow     *self);
void  _reel_window_place_metric         (ReelWindow     *self);
ReelChartMetric _reel_window_get_metric (ReelWindow     *self);
void  _reel_window_metric_selected_cb   (ReelWindow     *self,
                                         GParamSpec     *pspec,
                                         GtkDropDown    *dropdown);

/* reel-window-platform.c */
void  _reel_window_init_platform        (ReelWindow     *self);
void  _reel_window_show_details_child   (ReelWindow     *self);

/* reel-window.c */
void  _reel_window_set_year           (ReelWindow     *self,
                                       guint           year);
char *_reel_window_dup_display_name   (GFile          *file);
void  _reel_window_set_dataset        (ReelWindow     *self,
                                       ReelDataset    *dataset);
gboolean _reel_window_shows_overview  (ReelWindow     *self);
void  _reel_window_show_dataset       (ReelWindow     *self);
void  _reel_window_set_progress       (ReelWindow     *self,
                                       double          fraction);
void  _reel_window_update_loading     (ReelWindow     *self);
void  _reel_window_fill_region_panels_after_frame (ReelWindow *self);

/* reel-window-pages.c */
void  _reel_window_init_pages         (ReelWindow     *self);
void  _reel_window_dispose_pages      (ReelWindow     *self);
void  _reel_window_update_data_table   (ReelWindow     *self);
void  _reel_window_show_page          (ReelWindow     *self,
                                       GtkStack       *stack,
                                       const char     *name);

/* reel-window-files.c */
void  _reel_window_init_files         (ReelWindow     *self);
void  _reel_window_queue_chart_fonts  (ReelWindow     *self);
void  _reel_window_dispose_files      (ReelWindow     *self);
void  _reel_window_choose_file        (ReelWindow     *self);
void  _reel_window_reload             (ReelWindow     *self);
void  _reel_window_watch_file         (ReelWindow     *self,
                                       GFile          *file);
void  _reel_window_add_recent_file    (ReelWindow     *self,
                                       GFile          *file);

/* reel-window-report.c */
void  _reel_window_class_init_report  (GtkWidgetClass *widget_class);
void  _reel_window_dispose_report     (ReelWindow     *self);

/* reel-window-actions.c */
void  _reel_window_class_init_actions    (GtkWidgetClass *widget_class);
void  _reel_window_prepare_export_dialog (ReelWindow     *self);
void  _reel_window_drop_export_dialog    (ReelWindow     *self);
void  _reel_window_init_tooltips         (ReelWindow     *self);
void  _reel_window_data_table_copied_cb  (ReelWindow     *self,
                                          guint           n_rows,
                                          ReelDataTable  *table);

G_END_DECLS
