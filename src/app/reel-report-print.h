/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "reel-report.h"

G_BEGIN_DECLS

/* Printing the report (Print…, Ctrl+P): GTK's print dialog and preview,
 * the pages laid out for the printer's paper with the printer's Pango
 * context, and drawn by the same code as the PDF (reel_report_draw_page).
 * The page setup and print settings are remembered between runs in
 * $XDG_CONFIG_HOME/reelscope/print.ini. Printed from a chart, the print
 * dialog's "Current Page" is that chart's page: one chart, or the whole
 * report, from the same dialog. */

#define REEL_TYPE_REPORT_PRINT (reel_report_print_get_type ())

G_DECLARE_FINAL_TYPE (ReelReportPrint, reel_report_print, REEL, REPORT_PRINT, GtkPrintOperation)

ReelReportPrint *reel_report_print_new           (ReelDataset             *dataset,
                                                  const ReelReportOptions *options);
void             reel_report_print_set_chart     (ReelReportPrint         *self,
                                                  ReelChartKind            kind);
void             reel_report_print_save_settings (ReelReportPrint         *self);
const GError    *reel_report_print_get_error     (ReelReportPrint         *self);

G_END_DECLS
