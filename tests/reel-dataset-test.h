/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <string.h>

#include "reel-dataset-loader.h"

/* Datasets for the tests, without GTK: the chart tests use it as the
 * widget tests do (reel-gtk-test.h includes it). */

/* The dataset that comes with the app, in data/ beside tests/data. */
#define REEL_DATASET_TEST_BUNDLED "../../data/microdrama-exports.reelscope.json"

/* A dataset at @path, loaded on this thread. */
static inline ReelDataset *
reel_dataset_test_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* A dataset from tests/data, or REEL_DATASET_TEST_BUNDLED. */
static inline ReelDataset *
reel_dataset_test_load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return reel_dataset_test_load_path (path);
}

/* A dataset from JSON text. */
static inline ReelDataset *
reel_dataset_test_load_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "test.json");
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}
