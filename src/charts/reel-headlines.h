/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-types.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

/* The overview's headlines: what a dataset says of the market at a
 * glance, each figure with its sources and the chart that shows it. They
 * are computed from the dataset and from the charts' own layouts, so a
 * headline never says something its chart does not; every comparison is
 * between figures of one source and basis. No display code: the window
 * draws them (ReelOverview). */

typedef enum {
  REEL_HEADLINE_WORLD,       /* the world's revenue and downloads in the latest full year */
  REEL_HEADLINE_MARKETS,     /* the leading markets by share of revenue */
  REEL_HEADLINE_GROWTH,      /* the fastest growing by downloads, one source's series */
  REEL_HEADLINE_FORECASTS,   /* what the sources expect */
} ReelHeadlineTopic;

typedef struct {
  char          *name;       /* "Revenue", "North America · United States", "World, 2030" */
  char          *value;      /* "$2.28B", "41%", "+69%", "$3B–$6B" */
  char          *detail;     /* nullable: "+129% on 2024, same source" */
  char          *sources;    /* every figure behind it with its source, one a line */
  char          *label;      /* for assistive technologies: all of the above in a sentence */
  int            region;     /* index into reel_dataset_get_regions () (its colour); -1: the world */
  const char    *region_id;  /* NULL for the world */
  ReelChartKind  chart;      /* the chart that shows it */
  guint          year;       /* in that chart */
  gboolean       estimate;   /* an estimate or a forecast, drawn as such */
} ReelHeadline;

typedef struct {
  ReelHeadlineTopic  topic;
  char              *heading;  /* "World, 2025" */
  char              *note;     /* nullable: what its figures share, "Q1 2025 vs Q4 2024 · Sensor Tower" */
  GArray            *items;    /* of ReelHeadline, never empty */
} ReelHeadlineSection;

GArray   *reel_headlines_collect     (ReelDataset *dataset);
gboolean  reel_headlines_any         (ReelDataset *dataset);
char     *reel_headlines_dup_missing (ReelDataset *dataset);

G_END_DECLS
