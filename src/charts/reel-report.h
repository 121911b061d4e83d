/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

/* The briefing report (DESIGN §4, `--report`): a cover with the headline
 * figures, a page per chart kind drawn by the charts' own renderer, a
 * section per region (figures, audience, quotes) and the sources, with
 * running headers and page numbers. It is laid out once for a page size
 * and a Pango context (the PDF writer's own, or a printer's), then each
 * page is drawn onto any cairo context in points: the PDF export and
 * printing draw the same pages. No display code, and a report reads its
 * dataset only, so it may be built and written on a worker thread. */

/* A report longer than this is refused rather than written: a dataset
 * that would need it is either hostile or wants a filter first. */
#define REEL_REPORT_MAX_PAGES 200

/* Paper sizes in points. */
#define REEL_REPORT_A4_WIDTH       595.276
#define REEL_REPORT_A4_HEIGHT      841.890
#define REEL_REPORT_LETTER_WIDTH   612.0
#define REEL_REPORT_LETTER_HEIGHT  792.0

typedef enum {
  REEL_REPORT_PAPER_A4,
  REEL_REPORT_PAPER_LETTER,
} ReelReportPaper;

typedef struct {
  guint            year;        /* 0: each chart's default year */
  const char * const *selection; /* nullable: the regions selected in the charts, as on screen */
  ReelReportPaper  paper;       /* of the PDF; printing uses the printer's page */
} ReelReportOptions;

/* Called on the writing thread after each page, and once before the first
 * with @page 0. */
typedef void (*ReelReportProgress) (guint    page,
                                    guint    n_pages,
                                    gpointer user_data);

#define REEL_TYPE_REPORT (reel_report_get_type ())

G_DECLARE_FINAL_TYPE (ReelReport, reel_report, REEL, REPORT, GObject)

ReelReportPaper  reel_report_paper_from_locale (void);
void             reel_report_paper_get_size    (ReelReportPaper           paper,
                                                double                   *width,
                                                double                   *height);
void             reel_report_options_init      (ReelReportOptions        *options);

ReelReport      *reel_report_new               (ReelDataset              *dataset,
                                                const ReelReportOptions  *options);
gboolean         reel_report_paginate          (ReelReport               *self,
                                                double                    page_width,
                                                double                    page_height,
                                                PangoContext             *context,
                                                GError                  **error);
guint            reel_report_get_n_pages       (ReelReport               *self);
int              reel_report_find_chart_page   (ReelReport               *self,
                                                ReelChartKind             kind);
void             reel_report_draw_page         (ReelReport               *self,
                                                cairo_t                  *cr,
                                                guint                     page);
char            *reel_report_dup_title         (ReelReport               *self);
GBytes          *reel_report_to_pdf_bytes      (ReelReport               *self,
                                                GCancellable             *cancellable,
                                                ReelReportProgress        progress,
                                                gpointer                  user_data,
                                                GError                  **error);
gboolean         reel_report_write_pdf         (ReelReport               *self,
                                                const char               *filename,
                                                GCancellable             *cancellable,
                                                ReelReportProgress        progress,
                                                gpointer                  user_data,
                                                GError                  **error);
PangoContext    *reel_report_create_pdf_context (void);

G_END_DECLS
