/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-dataset-loader.h"
#include "reel-window.h"

G_BEGIN_DECLS

/* What the window shows, for tests. */

const char           *_reel_window_get_visible_page     (ReelWindow *self);
gboolean              _reel_window_is_loading           (ReelWindow *self);
ReelDatasetLoader    *_reel_window_get_loader           (ReelWindow *self);
AdwWindowTitle       *_reel_window_get_window_title     (ReelWindow *self);
double                _reel_window_get_progress         (ReelWindow *self);
guint                 _reel_window_get_n_region_rows    (ReelWindow *self);
const char           *_reel_window_get_region_name      (ReelWindow *self,
                                                         guint       index);
const char           *_reel_window_get_region_value     (ReelWindow *self,
                                                         guint       index);
void                  _reel_window_select_region        (ReelWindow *self,
                                                         guint       index);
const char           *_reel_window_get_selection_title  (ReelWindow *self);
guint                 _reel_window_get_n_problem_rows   (ReelWindow *self);
char                 *_reel_window_dup_problem_row_text (ReelWindow *self,
                                                         guint       index);
const char           *_reel_window_get_toast_title      (ReelWindow *self);
AdwMessageDialog     *_reel_window_get_problems_dialog  (ReelWindow *self);
char                 *_reel_window_dup_dialog_row_text  (ReelWindow *self,
                                                         guint       index);
GtkFileChooserNative *_reel_window_get_file_chooser     (ReelWindow *self);

G_END_DECLS
