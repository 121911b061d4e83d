/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_EXPORT_DIALOG (reel_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReelExportDialog, reel_export_dialog, REEL, EXPORT_DIALOG, AdwWindow)

ReelExportDialog *reel_export_dialog_new (GtkWindow          *parent,
                                          ReelDataset        *dataset,
                                          ReelChartKind       kind,
                                          guint               year,
                                          const char * const *selection);
void              reel_export_dialog_show_chart     (ReelExportDialog   *self,
                                                     ReelDataset        *dataset,
                                                     ReelChartKind       kind,
                                                     guint               year,
                                                     const char * const *selection,
                                                     ReelChartMetric     metric,
                                                     guint               cursor);
void              reel_export_dialog_set_cursor     (ReelExportDialog *self,
                                                     guint             cursor);
void              reel_export_dialog_set_metric     (ReelExportDialog *self,
                                                     ReelChartMetric   metric);

G_END_DECLS
