/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-export-dialog.h"
#include "reel-export-request.h"

G_BEGIN_DECLS

/* The dialog's controls and what they ask for, for tests; and the export
 * without the file chooser. */

const ReelExportRequest *_reel_export_dialog_get_request       (ReelExportDialog *self);
const char              *_reel_export_dialog_get_pixel_size    (ReelExportDialog *self);
char                    *_reel_export_dialog_dup_suggested_name (ReelExportDialog *self);
AdwComboRow             *_reel_export_dialog_get_format_row    (ReelExportDialog *self);
AdwComboRow             *_reel_export_dialog_get_size_row      (ReelExportDialog *self);
GtkSpinButton           *_reel_export_dialog_get_width_spin    (ReelExportDialog *self);
GtkSpinButton           *_reel_export_dialog_get_height_spin   (ReelExportDialog *self);
GtkSpinButton           *_reel_export_dialog_get_scale_spin    (ReelExportDialog *self);
AdwComboRow             *_reel_export_dialog_get_theme_row     (ReelExportDialog *self);
AdwComboRow             *_reel_export_dialog_get_background_row (ReelExportDialog *self);
GtkWidget               *_reel_export_dialog_get_export_button (ReelExportDialog *self);
gboolean                 _reel_export_dialog_is_exporting      (ReelExportDialog *self);
void                     _reel_export_dialog_export_to_file    (ReelExportDialog *self,
                                                                GFile            *file);

G_END_DECLS
