/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-dataset.h"

G_BEGIN_DECLS

/* The loader fills a dataset in; once returned it never changes. */
struct _ReelDataset {
  GObject     parent_instance;

  GFile      *file;
  ReelText   *title;
  ReelText   *description;
  char       *currency;
  char       *updated;
  guint       version;
  GPtrArray  *sources;     /* of ReelSource */
  ReelRegion *global;
  GPtrArray  *regions;     /* of ReelRegion */
  GPtrArray  *experts;     /* of ReelExpert */
  GPtrArray  *platforms;   /* of ReelPlatform */
  guint64     n_records;
};

ReelDataset  *_reel_dataset_new          (GFile        *file);
ReelSource   *_reel_source_new           (const char   *id,
                                          ReelText     *title);
ReelRegion   *_reel_region_new           (const char   *id,
                                          ReelText     *name);
ReelAudience *_reel_audience_new         (void);
ReelExpert   *_reel_expert_new           (const char   *id,
                                          ReelText     *name);
ReelPlatform *_reel_platform_new         (const char   *id,
                                          ReelText     *name);
GArray       *_reel_figure_array_new     (void);
GArray       *_reel_growth_array_new     (void);
GArray       *_reel_measure_array_new    (void);
ReelDerivation *_reel_derivation_new     (ReelText     *method);
void          _reel_region_free          (ReelRegion   *region);
void          _reel_audience_free        (ReelAudience *audience);

G_END_DECLS
