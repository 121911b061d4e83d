/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-chart-export.h"
#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* What an export draws and how (DESIGN §4): the option model that the
 * command line (`--export`, `--export-dir`) and the window's Export dialog
 * share, so that both lay a chart out and write it the same way. Plain
 * data and GLib only: it runs without a display, and on a worker thread
 * (the dialog writes off the main loop). */

typedef struct {
  ReelChartFormat        format;
  ReelChartKind          kind;
  ReelChartMetric        metric;      /* what a Map colours by */
  guint                  year;        /* 0: the kind's default year */
  guint                  cursor;      /* Trend's time cursor, a month, as the window shows it;
                                       * 0 for the whole chart */
  GStrv                  selection;   /* the regions selected, NULL or empty for none */
  double                 width;       /* logical pixels */
  double                 height;
  double                 scale;       /* device pixels per logical pixel, PNG only */
  const ReelChartPreset *preset;      /* its type size and margins; NULL for a custom size */
  ReelChartThemeVariant  variant;
  ReelChartBackground    background;
} ReelExportRequest;

void              reel_export_request_init           (ReelExportRequest       *request);
void              reel_export_request_clear          (ReelExportRequest       *request);
void              reel_export_request_copy           (const ReelExportRequest *request,
                                                      ReelExportRequest       *copy);
void              reel_export_request_set_preset     (ReelExportRequest       *request,
                                                      const ReelChartPreset   *preset);
ReelChartTheme   *reel_export_request_make_theme     (const ReelExportRequest *request);
ReelChartLayout  *reel_export_request_make_layout    (const ReelExportRequest *request,
                                                      ReelDataset             *dataset);
void              reel_export_request_get_pixel_size (const ReelExportRequest *request,
                                                      int                     *width,
                                                      int                     *height);
char             *reel_export_request_dup_file_name  (const ReelExportRequest *request,
                                                      ReelDataset             *dataset);
gboolean          reel_export_request_write          (const ReelExportRequest *request,
                                                      ReelDataset             *dataset,
                                                      GFile                   *file,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

G_END_DECLS
