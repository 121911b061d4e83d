/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-builder"

#include "config.h"

#include "reel-dataset-builder.h"

#include <glib/gi18n.h>

#include "reel-dataset-builder-private.h"

#define ALL_MONTHS 0xFFF

static void
add_record_figures (GArray                *figures,
                    guint                  first,
                    guint                  last,
                    guint                  source,
                    const ReelRecordSum * (*get_sum) (const ReelRecordTable *, guint, guint),
                    const ReelRecordTable *table,
                    guint                  id)
{
  for (guint year = first; year <= last; year++)
    {
      const ReelRecordSum *sum = get_sum (table, id, year);
      ReelFigure figure = { 0 };

      if (sum == NULL)
        continue;

      figure.year = year;
      figure.value = sum->revenue;
      figure.source = source;
      figure.basis = g_strdup (_("sum of records"));
      if (sum->months != ALL_MONTHS)
        figure.flags |= REEL_FIGURE_PARTIAL;
      g_array_append_val (figures, figure);
    }
}

/* Each series of records that are not months of revenue becomes a measure
 * of its own period in its region's or platform's `measures`. */
static void
add_record_measures (GHashTable            *regions,
                     GHashTable            *platforms,
                     const ReelRecordTable *table,
                     guint                  source)
{
  for (guint i = 0; i < reel_record_table_get_n_series (table); i++)
    {
      const ReelRecordSeries *series = reel_record_table_get_series (table, i);
      const char *region_id = reel_record_table_get_region_id (table, series->region, NULL, NULL);
      ReelMeasure measure = {
        .metric = series->metric,
        .period = series->period,
        .value = series->value,
        .source = source,
      };
      GArray *measures;

      if (series->platform == REEL_RECORD_NO_ID)
        {
          measures = ((ReelRegion *) g_hash_table_lookup (regions, region_id))->measures;
        }
      else
        {
          const char *id = reel_record_table_get_platform_id (table, series->platform, NULL, NULL);
          ReelPlatform *platform = g_hash_table_lookup (platforms, id);

          if (platform == NULL)
            continue;
          measures = platform->measures;
          measure.region = g_strdup (region_id);
        }

      measure.basis = g_strdup (_("sum of records"));
      g_array_append_val (measures, measure);
    }
}

/* Sums the records into figures of the implicit source `records`, for each
 * region, each platform and the world, marking partial years; other
 * records become measures. */
static void
add_records (ReelDataset           *dataset,
             const ReelRecordTable *table,
             guint                  source)
{
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) platforms = g_hash_table_new (g_str_hash, g_str_equal);
  guint first, last;

  dataset->n_records = reel_record_table_get_n_records (table);
  if (dataset->n_records == 0)
    return;

  /* By id, the first of each: looking each id up in the lists would take
   * time quadratic in the number of regions (a CSV file of 100,000 regions). */
  for (guint i = dataset->regions->len; i > 0; i--)
    {
      ReelRegion *region = g_ptr_array_index (dataset->regions, i - 1);

      g_hash_table_insert (regions, region->id, region);
    }
  for (guint i = dataset->platforms->len; i > 0; i--)
    {
      ReelPlatform *platform = g_ptr_array_index (dataset->platforms, i - 1);

      g_hash_table_insert (platforms, platform->id, platform);
    }

  add_record_measures (regions, platforms, table, source);
  if (!reel_record_table_get_year_range (table, &first, &last))
    return;

  for (guint i = 0; i < reel_record_table_get_n_regions (table); i++)
    {
      const char *id = reel_record_table_get_region_id (table, i, NULL, NULL);
      ReelRegion *region = g_hash_table_lookup (regions, id);

      add_record_figures (region->revenue, first, last, source,
                          reel_record_table_get_region_sum, table, i);
    }

  for (guint i = 0; i < reel_record_table_get_n_platforms (table); i++)
    {
      const char *id = reel_record_table_get_platform_id (table, i, NULL, NULL);
      ReelPlatform *platform = g_hash_table_lookup (platforms, id);

      if (platform != NULL)
        add_record_figures (platform->revenue, first, last, source,
                            reel_record_table_get_platform_sum, table, i);
    }

  /* The world's sum is partial when any region's is. */
  for (guint year = first; year <= last; year++)
    {
      ReelFigure figure = { .year = year, .source = source };
      gboolean any = FALSE;

      for (guint i = 0; i < reel_record_table_get_n_regions (table); i++)
        {
          const ReelRecordSum *sum = reel_record_table_get_region_sum (table, i, year);

          if (sum == NULL)
            continue;
          any = TRUE;
          figure.value += sum->revenue;
          if (sum->months != ALL_MONTHS)
            figure.flags |= REEL_FIGURE_PARTIAL;
        }

      if (any)
        {
          figure.basis = g_strdup (_("sum of records"));
          g_array_append_val (dataset->global->revenue, figure);
        }
    }
}

/* Without an explicit primary, the first figure listed for a year is. */
static void
choose_primaries (GArray *figures)
{
  for (guint i = 0; i < figures->len; i++)
    {
      ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      if (reel_dataset_get_primary_figure (figures, figure->year) == NULL)
        figure->flags |= REEL_FIGURE_PRIMARY;
    }
}

static void
choose_all_primaries (ReelDataset *dataset)
{
  choose_primaries (dataset->global->revenue);
  for (guint i = 0; i < dataset->regions->len; i++)
    choose_primaries (((ReelRegion *) g_ptr_array_index (dataset->regions, i))->revenue);
  for (guint i = 0; i < dataset->platforms->len; i++)
    choose_primaries (((ReelPlatform *) g_ptr_array_index (dataset->platforms, i))->revenue);
}

static guint
add_records_source (ReelDataset *dataset)
{
  ReelSource *source = _reel_source_new (REEL_RECORDS_SOURCE_ID,
                                         reel_text_new (_("Raw records in this dataset")));

  g_ptr_array_add (dataset->sources, source);
  return dataset->sources->len - 1;
}

ReelDatasetBuilder *
reel_dataset_builder_new (GFile             *file,
                          ReelJsonTree      *tree,
                          ReelRecordTable   *table,
                          ReelRecordsReader *records)
{
  ReelDatasetBuilder *self = g_new0 (ReelDatasetBuilder, 1);

  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->tree = tree;
  self->table = table;
  self->records = records;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  self->path = g_string_new (NULL);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->platforms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->experts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->used_sources = g_hash_table_new (NULL, NULL);
  self->shares = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
reel_dataset_builder_free (ReelDatasetBuilder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->file);
  g_clear_object (&self->dataset);
  g_ptr_array_unref (self->problems);
  g_string_free (self->path, TRUE);
  g_hash_table_unref (self->sources);
  g_hash_table_unref (self->regions);
  g_hash_table_unref (self->platforms);
  g_hash_table_unref (self->experts);
  g_hash_table_unref (self->used_sources);
  g_hash_table_unref (self->shares);
  g_free (self);
}

/* Returns the dataset, or NULL when a rule was broken. Sources come first,
 * the implicit `records` among them, so that every figure can refer to
 * one; then the objects that refer to sources and to each other. */
ReelDataset *
reel_dataset_builder_build (ReelDatasetBuilder *self)
{
  JsonObject *root;
  JsonNode *node;
  gsize mark;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->dataset == NULL, NULL);

  self->dataset = _reel_dataset_new (self->file);
  root = _reel_builder_check_root (self, reel_json_tree_get_root (self->tree));
  if (root == NULL)
    return NULL;

  _reel_builder_read_header (self, root);
  _reel_builder_read_sources (self, root);
  if (reel_record_table_get_n_records (self->table) > 0 &&
      !g_hash_table_contains (self->sources, REEL_RECORDS_SOURCE_ID))
    g_hash_table_insert (self->sources, g_strdup (REEL_RECORDS_SOURCE_ID),
                         GUINT_TO_POINTER (add_records_source (self->dataset) + 1));
  _reel_builder_read_regions (self, root);
  _reel_builder_read_global (self, root);
  _reel_builder_read_platforms (self, root);
  _reel_builder_read_experts (self, root);
  if (self->version >= 2)
    _reel_builder_check_unused_sources (self, root);

  /* A list of records went to the records reader; what is left is not a list. */
  if (!reel_json_tree_was_diverted (self->tree) &&
      (node = _reel_builder_enter (self, root, "records", &mark)) != NULL)
    {
      _reel_builder_error_at (self, node, _("must be a list, not %s"),
                              _reel_builder_node_kind (node));
      _reel_builder_pop (self, mark);
    }

  if (self->records != NULL)
    {
      reel_records_reader_check_ids (self->records, self->regions, self->platforms);
      if (reel_records_reader_get_n_errors (self->records) > 0)
        return NULL;
    }

  if (self->n_errors > 0)
    return NULL;

  add_records (self->dataset, self->table,
               GPOINTER_TO_UINT (g_hash_table_lookup (self->sources, REEL_RECORDS_SOURCE_ID)) - 1);
  choose_all_primaries (self->dataset);

  return g_steal_pointer (&self->dataset);
}

GPtrArray *
reel_dataset_builder_get_problems (ReelDatasetBuilder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problems;
}

/* A dataset of records alone (a CSV file): its regions and platforms are
 * the ids the records use, in order of first appearance, named by their ids. */
ReelDataset *
reel_dataset_builder_build_from_records (GFile           *file,
                                         ReelRecordTable *table)
{
  g_autoptr(ReelDataset) dataset = _reel_dataset_new (file);
  guint source;

  g_return_val_if_fail (table != NULL, NULL);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      reel_text_unref (dataset->title);
      dataset->title = reel_text_new (name);
    }

  for (guint i = 0; i < reel_record_table_get_n_regions (table); i++)
    {
      const char *id = reel_record_table_get_region_id (table, i, NULL, NULL);

      g_ptr_array_add (dataset->regions, _reel_region_new (id, reel_text_new (id)));
    }

  for (guint i = 0; i < reel_record_table_get_n_platforms (table); i++)
    {
      const char *id = reel_record_table_get_platform_id (table, i, NULL, NULL);

      g_ptr_array_add (dataset->platforms, _reel_platform_new (id, reel_text_new (id)));
    }

  source = add_records_source (dataset);
  add_records (dataset, table, source);
  choose_all_primaries (dataset);

  return g_steal_pointer (&dataset);
}
