/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-dataset.h"
#include "reel-json-tree.h"
#include "reel-record-table.h"
#include "reel-records-reader.h"

G_BEGIN_DECLS

/* Checks every rule of DESIGN §3 on a scanned document and builds the
 * dataset from it: figures, primaries, references, and the records summed
 * into figures of the implicit source `records`. */

typedef struct _ReelDatasetBuilder ReelDatasetBuilder;

ReelDatasetBuilder *reel_dataset_builder_new               (GFile              *file,
                                                            ReelJsonTree       *tree,
                                                            ReelRecordTable    *table,
                                                            ReelRecordsReader  *records);
void                reel_dataset_builder_free              (ReelDatasetBuilder *self);
ReelDataset        *reel_dataset_builder_build             (ReelDatasetBuilder *self);
GPtrArray          *reel_dataset_builder_get_problems      (ReelDatasetBuilder *self);
ReelDataset        *reel_dataset_builder_build_from_records (GFile             *file,
                                                             ReelRecordTable   *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelDatasetBuilder, reel_dataset_builder_free)

G_END_DECLS
