/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-dataset.h"
#include "reel-problem.h"

G_BEGIN_DECLS

#define REEL_TYPE_DATASET_LOADER (reel_dataset_loader_get_type ())

G_DECLARE_FINAL_TYPE (ReelDatasetLoader, reel_dataset_loader, REEL, DATASET_LOADER, GObject)

/* A loader reads one file once: a format-v1 JSON dataset, or a CSV file of
 * records (by its `.csv` name, or when it does not start like JSON). After
 * loading, its problems (errors and warnings, in file order) say what is
 * wrong and where: the getters after reel_dataset_loader_load(),
 * reel_dataset_loader_load_finish() after an asynchronous load, whose
 * worker thread writes them. A dataset is returned only when there was no
 * error.
 *
 * Signals:
 * - `progress (double fraction)`: while reading; emitted in the thread-default
 *   main context of whoever started the load.
 *
 * A loader made with reel_dataset_loader_new_for_bytes() reads bytes already
 * in memory (the fuzzers, tests); @name stands for the file name (`.csv`,
 * `.json` or neither) and the loader and its dataset have no file. */

ReelDatasetLoader *reel_dataset_loader_new           (GFile              *file);
ReelDatasetLoader *reel_dataset_loader_new_for_bytes (GBytes             *bytes,
                                                      const char         *name);
GFile             *reel_dataset_loader_get_file      (ReelDatasetLoader  *self);
ReelDataset       *reel_dataset_loader_load          (ReelDatasetLoader  *self,
                                                      GCancellable       *cancellable,
                                                      GError            **error);
void               reel_dataset_loader_load_async    (ReelDatasetLoader  *self,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
ReelDataset       *reel_dataset_loader_load_finish   (ReelDatasetLoader  *self,
                                                      GAsyncResult       *result,
                                                      GPtrArray         **problems,
                                                      GError            **error);
GPtrArray         *reel_dataset_loader_get_problems  (ReelDatasetLoader  *self);
guint              reel_dataset_loader_get_n_errors  (ReelDatasetLoader  *self);
guint              reel_dataset_loader_get_n_warnings (ReelDatasetLoader *self);

G_END_DECLS
