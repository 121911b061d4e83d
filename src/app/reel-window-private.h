/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-audience-panel.h"
#include "reel-chart-view.h"
#include "reel-commentary-panel.h"
#include "reel-data-table.h"
#include "reel-dataset-loader.h"
#include "reel-export-dialog.h"
#include "reel-region-list.h"
#include "reel-sources-panel.h"
#include "reel-window.h"

G_BEGIN_DECLS

/* What the window shows, for tests. */

const char           *_reel_window_get_visible_page     (ReelWindow *self);
gboolean              _reel_window_is_loading           (ReelWindow *self);
ReelDatasetLoader    *_reel_window_get_loader           (ReelWindow *self);
AdwWindowTitle       *_reel_window_get_window_title     (ReelWindow *self);
double                _reel_window_get_progress         (ReelWindow *self);
ReelChartView        *_reel_window_get_chart_view       (ReelWindow *self);
ReelExportDialog     *_reel_window_get_export_dialog    (ReelWindow *self);
guint                 _reel_window_get_n_problem_rows   (ReelWindow *self);
char                 *_reel_window_dup_problem_row_text (ReelWindow *self,
                                                         guint       index);
const char           *_reel_window_get_toast_title      (ReelWindow *self);
AdwMessageDialog     *_reel_window_get_problems_dialog  (ReelWindow *self);
GtkWindow            *_reel_window_get_help_overlay     (ReelWindow *self);
GtkMenuButton        *_reel_window_get_primary_menu_button (ReelWindow *self);
char                 *_reel_window_dup_dialog_row_text  (ReelWindow *self,
                                                         guint       index);
GtkFileChooserNative *_reel_window_get_file_chooser     (ReelWindow *self);
ReelRegionList       *_reel_window_get_region_list      (ReelWindow *self);
ReelAudiencePanel    *_reel_window_get_audience_panel   (ReelWindow *self);
ReelCommentaryPanel  *_reel_window_get_commentary_panel (ReelWindow *self);
ReelSourcesPanel     *_reel_window_get_sources_panel    (ReelWindow *self);
ReelDataTable        *_reel_window_get_data_table       (ReelWindow *self);
GtkDropDown          *_reel_window_get_year_dropdown    (ReelWindow *self);
GtkDropTarget        *_reel_window_get_drop_target      (ReelWindow *self);
AdwFlap              *_reel_window_get_sidebar_flap     (ReelWindow *self);
AdwFlap              *_reel_window_get_details_flap     (ReelWindow *self);
const char           *_reel_window_get_region_title     (ReelWindow *self);
const char           *_reel_window_get_region_subtitle  (ReelWindow *self);
GMenuModel           *_reel_window_get_recent_menu      (ReelWindow *self);
GFileMonitor         *_reel_window_get_file_monitor     (ReelWindow *self);
GtkButton            *_reel_window_get_export_button    (ReelWindow *self);
void                  _reel_window_set_reload_delay     (ReelWindow *self,
                                                         guint       milliseconds);

G_END_DECLS
