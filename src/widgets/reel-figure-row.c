/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-figure-row"

#include "config.h"

#include "reel-figure-row.h"

#include "reel-chart-data.h"
#include "reel-format.h"
#include "reel-text-figure.h"
#include "reel-text-source.h"
#include "reel-widget-util.h"

struct _ReelFigureRow
{
  GObject          parent_instance;

  char            *region;
  char            *region_id;
  guint            year;
  ReelPeriod       period;
  char            *period_text;
  char            *metric;
  double           value;
  char            *value_text;
  char            *unit;
  ReelQualifier    qualifier;
  char            *source;
  char            *source_id;
  char            *publisher;
  char            *basis;
  ReelFigureFlags  flags;
  char            *flags_text;
  char            *change;
};

G_DEFINE_FINAL_TYPE (ReelFigureRow, reel_figure_row, G_TYPE_OBJECT)

/* The properties are what the table's sorters read. */
enum {
  PROP_0,
  PROP_REGION,
  PROP_YEAR,
  PROP_PERIOD_START,
  PROP_METRIC,
  PROP_VALUE,
  PROP_SOURCE,
  PROP_PUBLISHER,
  PROP_BASIS,
  PROP_FLAGS_TEXT,
  PROP_CHANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row of the place named @name, a region's (with its @region_id) or
 * an app's (without one). */
static ReelFigureRow *
reel_figure_row_new (ReelDataset      *dataset,
                     const char       *name,
                     const char       *region_id,
                     guint             year,
                     guint             source_index,
                     const char       *basis)
{
  ReelFigureRow *self = g_object_new (REEL_TYPE_FIGURE_ROW, NULL);
  /* A derived figure (G_MAXUINT) has no one source */
  const ReelSource *source = source_index != G_MAXUINT
                             ? reel_dataset_get_source (dataset, source_index) : NULL;

  self->region = g_strdup (name);
  self->region_id = g_strdup (region_id);
  self->year = year;
  reel_period_init_year (&self->period, year);
  self->period_text = reel_text_dup_period (&self->period, FALSE);
  self->source = g_strdup (source != NULL ? reel_text_get (source->title) : "");
  self->source_id = g_strdup (source != NULL ? source->id : "");
  self->publisher = g_strdup (source != NULL ? reel_text_get_source_author (source) : "");
  self->basis = g_strdup (basis != NULL ? basis : "");

  return self;
}

/* The value of a money @figure, its words and its flags. */
static void
take_money (ReelFigureRow    *self,
            ReelDataset      *dataset,
            const ReelFigure *figure)
{
  g_autofree char *money = NULL;

  self->value = figure->value;
  self->unit = g_strdup (reel_dataset_get_currency (dataset));
  self->qualifier = figure->qualifier;
  self->flags = figure->flags;
  self->flags_text = reel_text_dup_figure_flags (figure->flags);

  money = reel_format_money_compact (figure->value, self->unit, NULL);
  self->value_text = reel_text_dup_qualified_words (figure->qualifier, money);
}

ReelFigureRow *
reel_figure_row_new_for_revenue (ReelDataset      *dataset,
                                 const ReelRegion *region,
                                 const ReelFigure *figure)
{
  ReelFigureRow *self;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (figure != NULL, NULL);

  self = reel_figure_row_new (dataset, reel_text_get_region_name (region), region->id,
                              figure->year, figure->source, figure->basis);
  take_money (self, dataset, figure);
  return self;
}

/**
 * reel_figure_row_new_for_platform:
 *
 * A row of an app's revenue figure, named by the app; of no region.
 */
/* The unit of @metric's values in CSV: the currency ("USD") for money,
 * the metric's own name ("downloads") for counts. */
static char *
dup_unit (ReelDataset *dataset,
          ReelMetric   metric)
{
  if (reel_metric_get_unit (metric) == REEL_UNIT_MONEY)
    return g_strdup (reel_dataset_get_currency (dataset));
  return g_strdup (reel_metric_to_string (metric));
}

/**
 * reel_figure_row_new_for_bar:
 * @name: the app's name
 * @value_text: the value as the chart labels it ("about 12M")
 * @bar: a bar of Platforms, of one app
 *
 * A row of what a Platforms bar shows: its figure (whole-year or for part
 * of the year) of the chart's metric, with its period, source, basis and
 * flags, and its change on the same source's earlier figure.
 */
ReelFigureRow *
reel_figure_row_new_for_bar (ReelDataset        *dataset,
                             const char         *name,
                             const char         *value_text,
                             const ReelChartBar *bar)
{
  const ReelFigure *figure;
  const ReelMeasure *measure;
  ReelFigureRow *self;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (name != NULL && value_text != NULL, NULL);
  g_return_val_if_fail (bar != NULL && (bar->figures->len > 0 || bar->measures->len > 0), NULL);

  figure = bar->figures->len > 0 ? g_ptr_array_index (bar->figures, 0) : NULL;
  measure = figure == NULL ? g_ptr_array_index (bar->measures, 0) : NULL;
  if (figure != NULL)
    {
      self = reel_figure_row_new (dataset, name, NULL, figure->year, figure->source,
                                  figure->basis);
      self->flags = figure->flags;
      self->metric = g_strdup (reel_metric_to_string (REEL_METRIC_REVENUE));
      self->unit = dup_unit (dataset, REEL_METRIC_REVENUE);
    }
  else
    {
      self = reel_figure_row_new (dataset, name, NULL, reel_period_get_year (&measure->period),
                                  measure->source, measure->basis);
      self->flags = measure->flags;
      self->period = measure->period;
      g_free (self->period_text);
      self->period_text = reel_text_dup_period (&measure->period, FALSE);
      self->metric = g_strdup (reel_metric_to_string (measure->metric));
      self->unit = dup_unit (dataset, measure->metric);
    }

  self->value = bar->value;
  self->qualifier = bar->qualifier;
  self->value_text = g_strdup (value_text);
  self->flags_text = reel_text_dup_figure_flags (self->flags);
  self->change = g_strdup (bar->remark != NULL ? bar->remark : "");
  return self;
}

ReelFigureRow *
reel_figure_row_new_for_growth (ReelDataset      *dataset,
                                const ReelRegion *region,
                                const ReelGrowth *growth)
{
  ReelFigureRow *self;
  g_autofree char *percent = NULL;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (growth != NULL, NULL);

  self = reel_figure_row_new (dataset, reel_text_get_region_name (region), region->id,
                              growth->year, growth->source, growth->basis);
  self->metric = g_strdup (growth->metric);
  self->value = growth->percent;
  self->unit = g_strdup ("percent");
  self->qualifier = growth->qualifier;
  self->flags = growth->flags;
  self->flags_text = reel_text_dup_figure_flags (growth->flags);

  percent = reel_format_percent (growth->percent, NULL);
  self->value_text = reel_text_dup_qualified_words (growth->qualifier, percent);

  return self;
}

static void
reel_figure_row_finalize (GObject *object)
{
  ReelFigureRow *self = (ReelFigureRow *)object;

  g_free (self->region);
  g_free (self->region_id);
  g_free (self->period_text);
  g_free (self->metric);
  g_free (self->value_text);
  g_free (self->unit);
  g_free (self->source);
  g_free (self->source_id);
  g_free (self->publisher);
  g_free (self->basis);
  g_free (self->flags_text);
  g_free (self->change);

  G_OBJECT_CLASS (reel_figure_row_parent_class)->finalize (object);
}

static void
reel_figure_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ReelFigureRow *self = REEL_FIGURE_ROW (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_PERIOD_START:
      g_value_set_uint (value, self->period.first);
      break;

    case PROP_METRIC:
      g_value_set_string (value, self->metric);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_BASIS:
      g_value_set_string (value, self->basis);
      break;

    case PROP_FLAGS_TEXT:
      g_value_set_string (value, self->flags_text);
      break;

    case PROP_CHANGE:
      g_value_set_string (value, self->change);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_figure_row_class_init (ReelFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reel_figure_row_finalize;
  object_class->get_property = reel_figure_row_get_property;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Whole years and parts of them in the order of their first month */
  properties[PROP_PERIOD_START] =
    g_param_spec_uint ("period-start", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_METRIC] =
    g_param_spec_string ("metric", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASIS] =
    g_param_spec_string ("basis", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FLAGS_TEXT] =
    g_param_spec_string ("flags-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGE] =
    g_param_spec_string ("change", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reel_figure_row_init (ReelFigureRow *self)
{
}

/* The region's name in the user's language, "World" for the world. */
const char *
reel_figure_row_get_region (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->region;
}

/* NULL for the world. */
const char *
reel_figure_row_get_region_id (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->region_id;
}

guint
reel_figure_row_get_year (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), 0);

  return self->year;
}

/* The period of the figure: "2024", "Oct 2025". */
const char *
reel_figure_row_get_period (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->period_text;
}

/* An app's change on the same source's earlier figure, "+52% on 2024, same
 * source"; "" without one. */
const char *
reel_figure_row_get_change (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->change != NULL ? self->change : "";
}

/* The growth metric ("viewership"), an app's metric ("downloads"), NULL
 * for a region's revenue. */
const char *
reel_figure_row_get_metric (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->metric;
}

/* Money in the dataset's currency, or growth in percent. */
double
reel_figure_row_get_value (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), 0);

  return self->value;
}

/* "about $300M", "+69%". */
const char *
reel_figure_row_get_value_text (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->value_text;
}

/* The currency code ("USD"), or "percent". */
const char *
reel_figure_row_get_unit (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->unit;
}

ReelQualifier
reel_figure_row_get_qualifier (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), REEL_QUALIFIER_NONE);

  return self->qualifier;
}

/* The source's title. */
const char *
reel_figure_row_get_source (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->source;
}

/* Who published the source: its publisher, else its title. */
const char *
reel_figure_row_get_publisher (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->publisher;
}

const char *
reel_figure_row_get_source_id (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->source_id;
}

/* "" when the figure has none. */
const char *
reel_figure_row_get_basis (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->basis;
}

ReelFigureFlags
reel_figure_row_get_flags (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), 0);

  return self->flags;
}

/* "primary, estimate", translated. */
const char *
reel_figure_row_get_flags_text (ReelFigureRow *self)
{
  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  return self->flags_text;
}

/* "primary estimate": the flags as untranslated words for CSV. */
char *
reel_figure_row_dup_flags_tokens (ReelFigureRow *self)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (REEL_IS_FIGURE_ROW (self), NULL);

  if ((self->flags & REEL_FIGURE_PRIMARY) != 0)
    g_strv_builder_add (words, "primary");
  if ((self->flags & REEL_FIGURE_ESTIMATE) != 0)
    g_strv_builder_add (words, "estimate");
  if ((self->flags & REEL_FIGURE_FORECAST) != 0)
    g_strv_builder_add (words, "forecast");
  if ((self->flags & REEL_FIGURE_PARTIAL) != 0)
    g_strv_builder_add (words, "partial");

  strv = g_strv_builder_end (words);
  return g_strjoinv (" ", strv);
}
