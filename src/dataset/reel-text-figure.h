/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

/* The words around the numbers (DESIGN §1: all text for people is built in
 * one place below charts): separators, qualifiers, metric and source
 * names, a figure's line in a tooltip, a mark's accessible label and a
 * chart's source line. The chart, the panels, the table and the command
 * line call these, so that each says a thing the same way. Numbers
 * themselves come from reel-format.h. Every function returns text in the
 * user's language. */

typedef enum {
  REEL_TEXT_SEPARATOR_PARTS,     /* "$1.3B · Business Insider · estimate" */
  REEL_TEXT_SEPARATOR_DETAILS,   /* "North America, 2024, $142M" */
  REEL_TEXT_SEPARATOR_ITEMS,     /* "North America: $142M; Europe: $80M" */
  REEL_TEXT_SEPARATOR_SUBTITLE,  /* between the parts of a chart's subtitle */
  REEL_TEXT_SEPARATOR_NAMES,     /* "Europe, South Asia" */
  REEL_TEXT_SEPARATOR_YEARS,     /* "2023, 2024" */
} ReelTextSeparator;

/* What a mark's accessible label says, in its order. */
typedef struct {
  const char      *name;         /* "North America" */
  const char      *what;         /* nullable: what the value measures, "Viewership" */
  guint            year;         /* 0 for none */
  const char      *value;        /* formatted, with its qualifier in words */
  ReelFigureFlags  flags;        /* estimate, forecast, partial year */
  gboolean         cut;          /* an outlier cut short to fit the axis */
  gboolean         has_source;
  guint            source;       /* the primary source, when has_source */
  guint            n_sources;
} ReelTextMark;

const char *reel_text_get_separator       (ReelTextSeparator   separator);
char       *reel_text_dup_qualified_sign  (ReelQualifier       qualifier,
                                           const char         *value);
char       *reel_text_dup_qualified_words (ReelQualifier       qualifier,
                                           const char         *value);
char       *reel_text_dup_metric_name     (const char         *metric);
char       *reel_text_dup_figure_flags    (ReelFigureFlags     flags);
const char *reel_text_get_region_name     (const ReelRegion   *region);
const char *reel_text_get_source_name     (ReelDataset        *dataset,
                                           guint               source);
char       *reel_text_join                (GPtrArray          *items,
                                           ReelTextSeparator   separator);
char       *reel_text_dup_figure_line     (ReelDataset        *dataset,
                                           const ReelFigure   *figure,
                                           gboolean            with_year);
char       *reel_text_dup_derivation      (ReelDataset        *dataset,
                                           const ReelDerivation *derived);
char       *reel_text_dup_measure_value   (ReelDataset        *dataset,
                                           const ReelMeasure  *measure);
char       *reel_text_dup_measure_line    (ReelDataset        *dataset,
                                           const ReelMeasure  *measure);
char       *reel_text_dup_period          (const ReelPeriod   *period,
                                           gboolean            long_month);
const char *reel_text_get_country_name    (const char         *code);
char       *reel_text_dup_growth_periods  (const ReelGrowth   *growth);
char       *reel_text_dup_growth_line     (ReelDataset        *dataset,
                                           const ReelGrowth   *growth);
char       *reel_text_dup_mark_label      (ReelDataset        *dataset,
                                           const ReelTextMark *mark);
char       *reel_text_dup_sources_line    (ReelDataset        *dataset,
                                           GArray             *sources);

G_END_DECLS
