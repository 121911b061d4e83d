/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-report.h"

G_BEGIN_DECLS

/* Writes a report to a file on a worker thread, and shows it doing so: a
 * bar at the foot of the window with the page being drawn and a Cancel
 * button. "finished" tells how it ended: a NULL error on success,
 * G_IO_ERROR_CANCELLED when cancelled (nothing is written then). */

#define REEL_TYPE_REPORT_BAR (reel_report_bar_get_type ())

G_DECLARE_FINAL_TYPE (ReelReportBar, reel_report_bar, REEL, REPORT_BAR, GtkWidget)

void     reel_report_bar_start   (ReelReportBar           *self,
                                  ReelDataset             *dataset,
                                  const ReelReportOptions *options,
                                  GFile                   *file);
gboolean reel_report_bar_is_busy (ReelReportBar           *self);
void     reel_report_bar_cancel  (ReelReportBar           *self);

G_END_DECLS
