/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset"

#include "config.h"

#include "reel-dataset-private.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (ReelDataset, reel_dataset, G_TYPE_OBJECT)

static void
clear_text (ReelText **text)
{
  g_clear_pointer (text, reel_text_unref);
}

static void
figure_clear (gpointer data)
{
  ReelFigure *figure = data;

  g_free (figure->basis);
  clear_text (&figure->note);
}

static void
growth_clear (gpointer data)
{
  ReelGrowth *growth = data;

  g_free (growth->metric);
  g_free (growth->basis);
  clear_text (&growth->note);
}

static void
derivation_free (ReelDerivation *derivation)
{
  clear_text (&derivation->method);
  g_array_unref (derivation->inputs);
  g_free (derivation);
}

static void
measure_clear (gpointer data)
{
  ReelMeasure *measure = data;

  g_clear_pointer (&measure->derived, derivation_free);
  g_free (measure->basis);
  g_free (measure->country);
  g_free (measure->region);
  clear_text (&measure->note);
}

static void
derived_input_clear (gpointer data)
{
  ReelDerivedInput *input = data;

  clear_text (&input->scope);
}

static void
trait_clear (gpointer data)
{
  ReelTrait *trait = data;

  clear_text (&trait->label);
  clear_text (&trait->note);
}

static void
note_clear (gpointer data)
{
  ReelNote *note = data;

  clear_text (&note->text);
}

static void
quote_clear (gpointer data)
{
  ReelQuote *quote = data;

  clear_text (&quote->text);
  g_strfreev (quote->regions);
  g_strfreev (quote->topics);
}

static void
source_free (ReelSource *source)
{
  g_free (source->id);
  clear_text (&source->title);
  clear_text (&source->publisher);
  g_free (source->url);
  g_free (source->published);
  clear_text (&source->note);
  g_free (source);
}

static void
expert_free (ReelExpert *expert)
{
  g_free (expert->id);
  clear_text (&expert->name);
  clear_text (&expert->role);
  clear_text (&expert->organization);
  clear_text (&expert->country);
  g_array_unref (expert->quotes);
  g_free (expert);
}

static void
platform_free (ReelPlatform *platform)
{
  g_free (platform->id);
  clear_text (&platform->name);
  clear_text (&platform->company);
  g_array_unref (platform->revenue);
  g_array_unref (platform->measures);
  g_strfreev (platform->countries);
  g_free (platform);
}

void
_reel_audience_free (ReelAudience *audience)
{
  clear_text (&audience->summary);
  g_array_unref (audience->traits);
  g_array_unref (audience->notes);
  g_free (audience);
}

void
_reel_region_free (ReelRegion *region)
{
  g_free (region->id);
  clear_text (&region->name);
  g_strfreev (region->countries);
  g_array_unref (region->revenue);
  g_array_unref (region->growth);
  g_array_unref (region->measures);
  g_array_unref (region->period_growth);
  g_clear_pointer (&region->audience, _reel_audience_free);
  g_free (region);
}

GArray *
_reel_figure_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (ReelFigure));

  g_array_set_clear_func (array, figure_clear);
  return array;
}

GArray *
_reel_growth_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (ReelGrowth));

  g_array_set_clear_func (array, growth_clear);
  return array;
}

GArray *
_reel_measure_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (ReelMeasure));

  g_array_set_clear_func (array, measure_clear);
  return array;
}

ReelDerivation *
_reel_derivation_new (ReelText *method)
{
  ReelDerivation *derivation = g_new0 (ReelDerivation, 1);

  derivation->method = method;
  derivation->inputs = g_array_new (FALSE, TRUE, sizeof (ReelDerivedInput));
  g_array_set_clear_func (derivation->inputs, derived_input_clear);
  return derivation;
}

ReelSource *
_reel_source_new (const char *id,
                  ReelText   *title)
{
  ReelSource *source = g_new0 (ReelSource, 1);

  source->id = g_strdup (id);
  source->title = title;
  return source;
}

ReelRegion *
_reel_region_new (const char *id,
                  ReelText   *name)
{
  ReelRegion *region = g_new0 (ReelRegion, 1);

  region->id = g_strdup (id);
  region->name = name;
  region->countries = g_new0 (char *, 1);
  region->revenue = _reel_figure_array_new ();
  region->growth = _reel_growth_array_new ();
  region->measures = _reel_measure_array_new ();
  region->period_growth = _reel_growth_array_new ();
  return region;
}

ReelAudience *
_reel_audience_new (void)
{
  ReelAudience *audience = g_new0 (ReelAudience, 1);

  audience->traits = g_array_new (FALSE, TRUE, sizeof (ReelTrait));
  g_array_set_clear_func (audience->traits, trait_clear);
  audience->notes = g_array_new (FALSE, TRUE, sizeof (ReelNote));
  g_array_set_clear_func (audience->notes, note_clear);
  return audience;
}

ReelExpert *
_reel_expert_new (const char *id,
                  ReelText   *name)
{
  ReelExpert *expert = g_new0 (ReelExpert, 1);

  expert->id = g_strdup (id);
  expert->name = name;
  expert->quotes = g_array_new (FALSE, TRUE, sizeof (ReelQuote));
  g_array_set_clear_func (expert->quotes, quote_clear);
  return expert;
}

ReelPlatform *
_reel_platform_new (const char *id,
                    ReelText   *name)
{
  ReelPlatform *platform = g_new0 (ReelPlatform, 1);

  platform->id = g_strdup (id);
  platform->name = name;
  platform->revenue = _reel_figure_array_new ();
  platform->measures = _reel_measure_array_new ();
  platform->countries = g_new0 (char *, 1);
  return platform;
}

ReelDataset *
_reel_dataset_new (GFile *file)
{
  ReelDataset *self = g_object_new (REEL_TYPE_DATASET, NULL);

  g_set_object (&self->file, file);
  self->version = REEL_DATASET_VERSION;
  return self;
}

static void
reel_dataset_finalize (GObject *object)
{
  ReelDataset *self = (ReelDataset *)object;

  g_clear_object (&self->file);
  clear_text (&self->title);
  clear_text (&self->description);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->global, _reel_region_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->experts, g_ptr_array_unref);
  g_clear_pointer (&self->platforms, g_ptr_array_unref);

  G_OBJECT_CLASS (reel_dataset_parent_class)->finalize (object);
}

static void
reel_dataset_class_init (ReelDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reel_dataset_finalize;
}

static void
reel_dataset_init (ReelDataset *self)
{
  self->title = reel_text_new (NULL);
  self->currency = g_strdup ("USD");
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  self->global = _reel_region_new (NULL, reel_text_new (NULL));
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) _reel_region_free);
  self->experts = g_ptr_array_new_with_free_func ((GDestroyNotify) expert_free);
  self->platforms = g_ptr_array_new_with_free_func ((GDestroyNotify) platform_free);
}

GFile *
reel_dataset_get_file (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->file;
}

ReelText *
reel_dataset_get_title (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->title;
}

/* Returns NULL when the dataset has no description. */
ReelText *
reel_dataset_get_description (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->description;
}

const char *
reel_dataset_get_currency (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->currency;
}

const char *
reel_dataset_get_updated (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->updated;
}

/* The format version the dataset was written in; a dataset of records
 * alone is of the latest. */
guint
reel_dataset_get_version (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), 0);

  return self->version;
}

GPtrArray *
reel_dataset_get_sources (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->sources;
}

const ReelSource *
reel_dataset_get_source (ReelDataset *self,
                         guint        index)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

const ReelSource *
reel_dataset_find_source (ReelDataset *self,
                          const char  *id)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->sources->len; i++)
    {
      const ReelSource *source = g_ptr_array_index (self->sources, i);

      if (strcmp (source->id, id) == 0)
        return source;
    }

  return NULL;
}

/* The world: figures that cover every region, with a translated name left
 * to the user interface. */
const ReelRegion *
reel_dataset_get_global (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->global;
}

GPtrArray *
reel_dataset_get_regions (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->regions;
}

const ReelRegion *
reel_dataset_find_region (ReelDataset *self,
                          const char  *id)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (self->regions, i);

      if (strcmp (region->id, id) == 0)
        return region;
    }

  return NULL;
}

GPtrArray *
reel_dataset_get_experts (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->experts;
}

GPtrArray *
reel_dataset_get_platforms (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), NULL);

  return self->platforms;
}

guint64
reel_dataset_get_n_records (ReelDataset *self)
{
  g_return_val_if_fail (REEL_IS_DATASET (self), 0);

  return self->n_records;
}

static void
figures_year_range (GArray *figures,
                    guint  *first,
                    guint  *last)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      *first = MIN (*first, figure->year);
      *last = MAX (*last, figure->year);
    }
}

/* The years that revenue figures of the world, the regions and the platforms
 * span. Returns FALSE when there is no revenue figure at all. */
gboolean
reel_dataset_get_year_range (ReelDataset *self,
                             guint       *first,
                             guint       *last)
{
  guint lo = G_MAXUINT, hi = 0;

  g_return_val_if_fail (REEL_IS_DATASET (self), FALSE);

  figures_year_range (self->global->revenue, &lo, &hi);
  for (guint i = 0; i < self->regions->len; i++)
    figures_year_range (((ReelRegion *) g_ptr_array_index (self->regions, i))->revenue, &lo, &hi);
  for (guint i = 0; i < self->platforms->len; i++)
    figures_year_range (((ReelPlatform *) g_ptr_array_index (self->platforms, i))->revenue, &lo, &hi);

  if (lo > hi)
    return FALSE;

  if (first != NULL)
    *first = lo;
  if (last != NULL)
    *last = hi;
  return TRUE;
}

/* The latest year in which some region has a revenue figure that is not a
 * forecast: what a chart shows first. 0 when there is none. */
guint
reel_dataset_get_latest_revenue_year (ReelDataset *self)
{
  guint latest = 0;

  g_return_val_if_fail (REEL_IS_DATASET (self), 0);

  for (guint i = 0; i < self->regions->len; i++)
    {
      GArray *figures = ((ReelRegion *) g_ptr_array_index (self->regions, i))->revenue;

      for (guint j = 0; j < figures->len; j++)
        {
          const ReelFigure *figure = &g_array_index (figures, ReelFigure, j);

          if ((figure->flags & REEL_FIGURE_FORECAST) == 0)
            latest = MAX (latest, figure->year);
        }
    }

  return latest;
}

/* The figure that stands for a point (@figures in @year) when sources
 * disagree; NULL when there is none. */
const ReelFigure *
reel_dataset_get_primary_figure (GArray *figures,
                                 guint   year)
{
  g_return_val_if_fail (figures != NULL, NULL);

  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      if (figure->year == year && (figure->flags & REEL_FIGURE_PRIMARY) != 0)
        return figure;
    }

  return NULL;
}

/* Year-over-year growth of the primary values, in percent: only between
 * consecutive years of one series (one source, one basis: two sources
 * measure different things, so a change between them is no growth), only
 * from a positive base, and never from a partial year of records, whose
 * sum would compare months with a whole year. */
gboolean
reel_dataset_get_revenue_growth (GArray *figures,
                                 guint   year,
                                 double *percent)
{
  const ReelFigure *now, *before;

  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  now = reel_dataset_get_primary_figure (figures, year);
  before = reel_dataset_get_primary_figure (figures, year - 1);
  if (now == NULL || before == NULL || before->value <= 0)
    return FALSE;
  if (((now->flags | before->flags) & REEL_FIGURE_PARTIAL) != 0)
    return FALSE;
  if (now->source != before->source || g_strcmp0 (now->basis, before->basis) != 0)
    return FALSE;

  *percent = (now->value / before->value - 1.0) * 100.0;
  return TRUE;
}

/* Only web links are ever opened: a dataset is untrusted, and a file: or
 * javascript: link would act on the user's machine. */
gboolean
reel_dataset_url_is_safe (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (url);
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* The metrics of format version 2 by their names in a file, and their units. */
static const struct {
  const char *name;
  ReelUnit    unit;
} metrics[] = {
  [REEL_METRIC_REVENUE] = { "revenue", REEL_UNIT_MONEY },
  [REEL_METRIC_DOWNLOADS] = { "downloads", REEL_UNIT_COUNT },
  [REEL_METRIC_MONTHLY_ACTIVE_USERS] = { "monthly-active-users", REEL_UNIT_COUNT },
  [REEL_METRIC_REVENUE_SHARE] = { "revenue-share", REEL_UNIT_SHARE },
  [REEL_METRIC_DOWNLOAD_SHARE] = { "download-share", REEL_UNIT_SHARE },
  [REEL_METRIC_REVENUE_PER_DOWNLOAD] = { "revenue-per-download", REEL_UNIT_MONEY },
};

const char *
reel_metric_to_string (ReelMetric metric)
{
  g_return_val_if_fail (metric < G_N_ELEMENTS (metrics), NULL);

  return metrics[metric].name;
}

gboolean
reel_metric_from_string (const char *name,
                         ReelMetric *metric)
{
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (strcmp (metrics[i].name, name) == 0)
      {
        *metric = i;
        return TRUE;
      }

  return FALSE;
}

ReelUnit
reel_metric_get_unit (ReelMetric metric)
{
  g_return_val_if_fail (metric < G_N_ELEMENTS (metrics), REEL_UNIT_COUNT);

  return metrics[metric].unit;
}

/* Whether a figure of version 2 is a whole place's revenue in a whole year,
 * from a source: the loader keeps a copy of it in the place's `revenue`,
 * which the charts draw. */
gboolean
reel_measure_is_yearly_revenue (const ReelMeasure *measure)
{
  return measure->metric == REEL_METRIC_REVENUE && reel_period_is_whole_year (&measure->period) &&
         measure->derived == NULL && measure->country == NULL && measure->region == NULL;
}

/* The figures of a place, each once: a yearly revenue figure of version 2
 * is in both `measures` and `revenue`. */
static guint
count_figures (GArray *revenue,
               GArray *measures)
{
  guint n_figures = revenue->len + measures->len;

  for (guint i = 0; i < measures->len; i++)
    if (reel_measure_is_yearly_revenue (&g_array_index (measures, ReelMeasure, i)))
      n_figures--;

  return n_figures;
}

static guint
count_region_figures (const ReelRegion *region)
{
  return count_figures (region->revenue, region->measures) + region->growth->len +
         region->period_growth->len;
}

/* Every figure of the dataset: revenue and other metrics, growth, of the
 * world, the regions and their countries, and the platforms. */
guint
reel_dataset_count_figures (ReelDataset *self)
{
  guint n_figures;

  g_return_val_if_fail (REEL_IS_DATASET (self), 0);

  n_figures = count_region_figures (self->global);
  for (guint i = 0; i < self->regions->len; i++)
    n_figures += count_region_figures (g_ptr_array_index (self->regions, i));
  for (guint i = 0; i < self->platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (self->platforms, i);

      n_figures += count_figures (platform->revenue, platform->measures);
    }

  return n_figures;
}
