/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-period.h"
#include "reel-text.h"

G_BEGIN_DECLS

/* The limits of format versions 1 and 2 (DESIGN §3); each has an error when exceeded. */
#define REEL_DATASET_FORMAT            "reelscope-dataset"
#define REEL_DATASET_VERSION           2   /* the latest read; every earlier one is too */
#define REEL_DATASET_MAX_FILE_SIZE     (G_GUINT64_CONSTANT (1) << 30)
/* tests/test-limits.c builds the loader with a lower value: 50,000,001
 * records do not fit in a file of 1 GiB. */
#ifndef REEL_DATASET_MAX_RECORDS
#define REEL_DATASET_MAX_RECORDS       50000000
#endif
#define REEL_DATASET_MAX_LIST          100000
/* Values (strings, numbers, objects, lists...) outside `records`, which is
 * streamed: the rest is held as a tree of 150 to 450 bytes a value, so this
 * bounds the memory a file can take (a list of 25 million zeros took 3.4 GB;
 * a million values take 160 to 460 MB). Real datasets have tens of
 * thousands; bulk data belongs in records. */
#ifndef REEL_DATASET_MAX_VALUES
#define REEL_DATASET_MAX_VALUES        1000000
#endif
#define REEL_DATASET_MAX_STRING        (1 << 20)
#define REEL_DATASET_MAX_LABEL         1024
#define REEL_DATASET_MAX_DEPTH         64
#define REEL_DATASET_MAX_ID            64
#define REEL_DATASET_YEAR_MIN          1990
#define REEL_DATASET_YEAR_MAX          2100
#define REEL_DATASET_MAX_INPUTS        16  /* of a derived figure */

/* The implicit source of figures summed from `records`. */
#define REEL_RECORDS_SOURCE_ID         "records"

typedef enum {
  REEL_QUALIFIER_NONE,
  REEL_QUALIFIER_APPROX,
  REEL_QUALIFIER_AT_LEAST,
  REEL_QUALIFIER_AT_MOST,
} ReelQualifier;

typedef enum {
  REEL_FIGURE_ESTIMATE = 1 << 0,
  REEL_FIGURE_FORECAST = 1 << 1,
  REEL_FIGURE_PRIMARY  = 1 << 2,   /* set on exactly one figure per point, explicit or not */
  REEL_FIGURE_PARTIAL  = 1 << 3,   /* summed from records that cover fewer than 12 months */
} ReelFigureFlags;

typedef struct {
  char     *id;
  ReelText *title;
  ReelText *publisher;    /* nullable */
  char     *url;          /* nullable; open only when reel_dataset_url_is_safe() */
  char     *published;    /* nullable, "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  ReelText *note;         /* nullable */
} ReelSource;

/* A money figure: a region's, the world's or a platform's revenue in a year. */
typedef struct {
  guint            year;
  double           value;
  guint            source;    /* index into reel_dataset_get_sources() */
  char            *basis;     /* nullable */
  ReelQualifier    qualifier;
  ReelFigureFlags  flags;
  ReelText        *note;      /* nullable */
} ReelFigure;

/* What a figure of format version 2 measures. */
typedef enum {
  REEL_METRIC_REVENUE,
  REEL_METRIC_DOWNLOADS,
  REEL_METRIC_MONTHLY_ACTIVE_USERS,
  REEL_METRIC_REVENUE_SHARE,
  REEL_METRIC_DOWNLOAD_SHARE,
  REEL_METRIC_REVENUE_PER_DOWNLOAD,
} ReelMetric;

typedef enum {
  REEL_UNIT_MONEY,
  REEL_UNIT_COUNT,
  REEL_UNIT_SHARE,            /* 0..1 */
} ReelUnit;

/* One figure a derived figure was computed from. */
typedef struct {
  guint       source;
  ReelMetric  metric;
  ReelPeriod  period;
  double      value;
  ReelText   *scope;          /* nullable: what it covers, "North America" */
} ReelDerivedInput;

/* How the dataset computed a figure that no source published. */
typedef struct {
  ReelText *method;           /* "share × total" */
  GArray   *inputs;           /* of ReelDerivedInput, 1 to REEL_DATASET_MAX_INPUTS */
} ReelDerivation;

/* A figure of format version 2: any metric, any period, a country's or a
 * part of the world's. A derived figure has no source but a derivation. */
typedef struct {
  ReelMetric       metric;
  ReelPeriod       period;
  double           value;
  guint            source;    /* G_MAXUINT when derived */
  ReelDerivation  *derived;   /* nullable */
  char            *basis;     /* nullable */
  char            *country;   /* nullable, alpha-2: the one country it covers */
  char            *region;    /* nullable, a platform's figure for one region */
  ReelQualifier    qualifier;
  ReelFigureFlags  flags;
  ReelText        *note;      /* nullable */
} ReelMeasure;

typedef struct {
  char            *metric;    /* "viewership", "downloads", "revenue", ... */
  guint            year;      /* the year of `period` */
  ReelPeriod       period;
  ReelPeriod       versus;    /* the period it compares with: the year before in version 1 */
  double           percent;
  guint            source;
  char            *basis;
  ReelQualifier    qualifier;
  ReelFigureFlags  flags;     /* ESTIMATE only */
  ReelText        *note;
} ReelGrowth;

typedef struct {
  ReelText        *label;
  double           share;     /* 0..1 */
  guint            source;
  ReelQualifier    qualifier;
  ReelFigureFlags  flags;
  ReelText        *note;
} ReelTrait;

typedef struct {
  ReelText *text;
  guint     source;
} ReelNote;

typedef struct {
  ReelText *summary;          /* nullable */
  GArray   *traits;           /* of ReelTrait */
  GArray   *notes;            /* of ReelNote */
} ReelAudience;

/* Revenue, growth and audience of a region, or of the world. */
typedef struct {
  char         *id;           /* NULL for the world */
  ReelText     *name;
  GStrv         countries;    /* ISO 3166 alpha-2, may be empty */
  GArray       *revenue;      /* of ReelFigure, points in file order, primary flagged */
  GArray       *growth;       /* of ReelGrowth on the year before */
  GArray       *measures;     /* of ReelMeasure: every figure of version 2, countries' too */
  GArray       *period_growth; /* of ReelGrowth on another period */
  ReelAudience *audience;     /* nullable */
} ReelRegion;

typedef struct {
  ReelText *text;
  guint     source;
  GStrv     regions;          /* region ids; empty means a general quote */
  GStrv     topics;
} ReelQuote;

typedef struct {
  char     *id;
  ReelText *name;
  ReelText *role;             /* nullable */
  ReelText *organization;     /* nullable */
  ReelText *country;          /* nullable */
  GArray   *quotes;           /* of ReelQuote */
} ReelExpert;

typedef struct {
  char     *id;
  ReelText *name;
  ReelText *company;          /* nullable */
  guint     launched;         /* 0 when unknown */
  GArray   *revenue;          /* of ReelFigure */
  GArray   *measures;         /* of ReelMeasure */
  GStrv     countries;        /* where the data says it is big, may be empty */
} ReelPlatform;

#define REEL_TYPE_DATASET (reel_dataset_get_type ())

G_DECLARE_FINAL_TYPE (ReelDataset, reel_dataset, REEL, DATASET, GObject)

GFile              *reel_dataset_get_file             (ReelDataset        *self);
ReelText           *reel_dataset_get_title            (ReelDataset        *self);
ReelText           *reel_dataset_get_description      (ReelDataset        *self);
const char         *reel_dataset_get_currency         (ReelDataset        *self);
const char         *reel_dataset_get_updated          (ReelDataset        *self);
guint               reel_dataset_get_version          (ReelDataset        *self);
GPtrArray          *reel_dataset_get_sources          (ReelDataset        *self);
const ReelSource   *reel_dataset_get_source           (ReelDataset        *self,
                                                       guint               index);
const ReelSource   *reel_dataset_find_source          (ReelDataset        *self,
                                                       const char         *id);
const ReelRegion   *reel_dataset_get_global           (ReelDataset        *self);
GPtrArray          *reel_dataset_get_regions          (ReelDataset        *self);
const ReelRegion   *reel_dataset_find_region          (ReelDataset        *self,
                                                       const char         *id);
GPtrArray          *reel_dataset_get_experts          (ReelDataset        *self);
GPtrArray          *reel_dataset_get_platforms        (ReelDataset        *self);
guint64             reel_dataset_get_n_records        (ReelDataset        *self);
gboolean            reel_dataset_get_year_range       (ReelDataset        *self,
                                                       guint              *first,
                                                       guint              *last);
guint               reel_dataset_get_latest_revenue_year (ReelDataset     *self);
const ReelFigure   *reel_dataset_get_primary_figure   (GArray             *figures,
                                                       guint               year);
gboolean            reel_dataset_get_revenue_growth   (GArray             *figures,
                                                       guint               year,
                                                       double             *percent);
gboolean            reel_dataset_url_is_safe          (const char         *url);
guint               reel_dataset_count_figures        (ReelDataset        *self);
gboolean            reel_measure_is_yearly_revenue    (const ReelMeasure  *measure);

const char         *reel_metric_to_string             (ReelMetric          metric);
gboolean            reel_metric_from_string           (const char         *name,
                                                       ReelMetric         *metric);
ReelUnit            reel_metric_get_unit              (ReelMetric          metric);

G_END_DECLS
