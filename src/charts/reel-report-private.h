/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "reel-chart-layout.h"
#include "reel-report.h"

G_BEGIN_DECLS

/* A report is a flow of blocks (reel-report-pages.c writes them, in the
 * reader's order; reel-report.c measures them, breaks them into pages and
 * draws them). A block is a piece of text in one style, or a chart. */

typedef enum {
  REEL_REPORT_STYLE_TITLE,      /* the cover's title */
  REEL_REPORT_STYLE_LEAD,       /* the cover's description */
  REEL_REPORT_STYLE_SECTION,    /* a section's heading: "Charts", a region's name */
  REEL_REPORT_STYLE_HEADING,    /* "Figures", "Audience", a headline topic */
  REEL_REPORT_STYLE_SUBHEADING, /* a speaker, a source's title */
  REEL_REPORT_STYLE_VALUE,      /* a headline figure */
  REEL_REPORT_STYLE_BODY,
  REEL_REPORT_STYLE_DETAIL,     /* a figure's line, what a source supports */
  REEL_REPORT_STYLE_QUOTE,
  REEL_REPORT_STYLE_NOTE,       /* sources, dates, "and 3 more" */
  REEL_REPORT_STYLE_LINK,       /* a URL, a live link */
  REEL_REPORT_N_STYLES
} ReelReportStyle;

/* What the outline (PDF bookmarks) shows of a block. */
typedef enum {
  REEL_REPORT_OUTLINE_NONE,
  REEL_REPORT_OUTLINE_SECTION,  /* at the top level */
  REEL_REPORT_OUTLINE_ENTRY,    /* under the section before it */
} ReelReportOutline;

typedef struct {
  ReelReportStyle    style;
  char              *text;        /* NULL for a chart */
  gboolean           has_markup;  /* text is markup we wrote, its quoted parts escaped */
  char              *uri;         /* nullable: the text links there */
  gboolean           has_chart;
  ReelChartKind      chart;
  guint              year;
  gboolean           new_page;    /* starts a page */
  gboolean           keep_with_next; /* on the page of the block after it (headings always are) */
  char              *section;     /* nullable: the running header from here on */
  ReelReportOutline  outline;
  double             indent;      /* in points, from the start edge */

  /* Set by pagination. */
  PangoLayout       *layout;
  ReelChartLayout   *chart_layout;
  double             chart_scale; /* points per chart pixel */
  double             y;
  double             height;
  guint              page;
} ReelReportBlock;

/* Blocks past this many are not made: the pages they would fill are more
 * than a report holds (REEL_REPORT_MAX_PAGES), and making them would cost
 * time and memory for a refusal. */
#define REEL_REPORT_MAX_BLOCKS (REEL_REPORT_MAX_PAGES * 60)

char      *reel_report_dup_dataset_title (ReelDataset          *dataset);
void       reel_report_block_free    (gpointer                 data);
GPtrArray *reel_report_build_blocks  (ReelDataset             *dataset,
                                      const ReelReportOptions *options,
                                      gboolean                *complete);

G_END_DECLS
