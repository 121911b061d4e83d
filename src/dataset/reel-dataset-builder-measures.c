/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-builder"

#include "config.h"

#include "reel-dataset-builder-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-rules.h"

/* The figures of format version 2 (DESIGN §3, "Format version 2"): any
 * metric in any period, a country's, a platform's in a region, or derived
 * by the dataset from other figures. Each is kept as a ReelMeasure; those
 * that are a whole place's revenue in a whole year also go to the place's
 * `revenue`, which the charts draw. */

/* Shares of the world beyond this sum are an error, beyond 1 a warning:
 * sources round their shares. */
#define SHARE_SUM_MAX 1.05

static const char * const measure_members[] = {
  "metric", "period", "year", "value", "source", "derived", "basis", "country", "region",
  "estimate", "forecast", "qualifier", "primary", "note", NULL
};
static const char * const derived_members[] = { "method", "inputs", NULL };
static const char * const input_members[] = {
  "source", "metric", "period", "value", "scope", NULL
};

/* Whether @name may stand on a figure of @place: `country` in a region's
 * own lists (not a country's) and on a platform's, `region` only on a
 * platform's. */
static gboolean
place_allows (const ReelBuilderPlace *place,
              const char             *name)
{
  if (strcmp (name, "country") == 0)
    return (place->countries != NULL || place->on_platform) && place->country == NULL;
  if (strcmp (name, "region") == 0)
    return place->on_platform;
  return TRUE;
}

static void
check_place_members (ReelDatasetBuilder     *self,
                     JsonObject             *fields,
                     const ReelBuilderPlace *place)
{
  static const char * const scoped[] = { "country", "region", NULL };

  for (guint i = 0; scoped[i] != NULL; i++)
    if (json_object_has_member (fields, scoped[i]) && !place_allows (place, scoped[i]))
      _reel_builder_warning_at_member (self, fields, scoped[i],
                                       _("“%s” is not a member this figure can have; "
                                         "it is ignored"),
                                       scoped[i]);
}

/* `metric`: one of the six; FALSE when absent or wrong. */
gboolean
_reel_builder_get_metric (ReelDatasetBuilder *self,
                          JsonObject         *object,
                          ReelMetric         *metric)
{
  g_autofree char *name = _reel_builder_get_string (self, object, "metric");

  if (name == NULL)
    return FALSE;

  if (reel_metric_from_string (name, metric))
    return TRUE;

  _reel_builder_error_at_member (self, object, "metric",
                                 _("“%s” is not a metric: use revenue, downloads, "
                                   "monthly-active-users, revenue-share, download-share "
                                   "or revenue-per-download"),
                                 name);
  return FALSE;
}

/* A period spelled in member @name; FALSE when absent or wrong. */
gboolean
_reel_builder_get_period (ReelDatasetBuilder *self,
                          JsonObject         *object,
                          const char         *name,
                          ReelPeriod         *period)
{
  g_autofree char *text = _reel_builder_get_string (self, object, name);
  g_autofree char *message = NULL;

  if (text == NULL)
    return FALSE;

  if ((message = reel_period_parse (text, period)) == NULL)
    return TRUE;

  _reel_builder_error_at_member (self, object, name, "%s", message);
  return FALSE;
}

/* A figure's time: `period`, or `year` as in version 1, one of the two. */
gboolean
_reel_builder_get_time (ReelDatasetBuilder *self,
                        JsonNode           *node,
                        JsonObject         *fields,
                        ReelPeriod         *period)
{
  guint year;

  if (json_object_has_member (fields, "period"))
    {
      if (json_object_has_member (fields, "year"))
        {
          _reel_builder_error_at_member (self, fields, "year",
                                         _("a figure has “year” or “period”, not both"));
          return FALSE;
        }
      return _reel_builder_get_period (self, fields, "period", period);
    }

  if (!json_object_has_member (fields, "year"))
    {
      _reel_builder_error_at (self, node, _("“%s” is missing"), "period");
      return FALSE;
    }

  if ((year = _reel_builder_get_year (self, fields, "year")) == 0)
    return FALSE;
  reel_period_init_year (period, year);
  return TRUE;
}

/* A value as its metric's unit says. */
static gboolean
get_metric_value (ReelDatasetBuilder *self,
                  JsonObject         *fields,
                  ReelMetric          metric,
                  double             *value)
{
  ReelBuilderNumber kind = reel_metric_get_unit (metric) == REEL_UNIT_SHARE
                           ? REEL_BUILDER_NUMBER_SHARE : REEL_BUILDER_NUMBER_MONEY;

  return _reel_builder_get_number (self, fields, "value", kind, value);
}

static void
read_inputs (ReelDatasetBuilder *self,
             JsonObject         *fields,
             ReelDerivation     *derivation)
{
  static const char * const required[] = { "source", "metric", "period", "value", NULL };
  ReelBuilderIter iter;
  gsize mark;
  JsonArray *list = _reel_builder_enter_list (self, fields, "inputs", &mark);
  guint length;

  /* Absent (said by the object's check) or not a list (said here). */
  if (list == NULL)
    return;

  length = json_array_get_length (list);
  _reel_builder_pop (self, mark);
  if (length == 0 || length > REEL_DATASET_MAX_INPUTS)
    {
      _reel_builder_error_at_member (self, fields, "inputs",
                                     _("a derived figure has 1 to %u inputs"),
                                     (guint) REEL_DATASET_MAX_INPUTS);
      return;
    }

  _reel_builder_iter_init (&iter, self, fields, "inputs", input_members, required);
  while (_reel_builder_iter_next (&iter))
    {
      ReelDerivedInput input = { 0 };

      input.source = _reel_builder_get_source (self, iter.fields);
      if (_reel_builder_get_metric (self, iter.fields, &input.metric))
        get_metric_value (self, iter.fields, input.metric, &input.value);
      _reel_builder_get_period (self, iter.fields, "period", &input.period);
      input.scope = _reel_builder_get_text (self, iter.fields, "scope", REEL_DATASET_MAX_LABEL);
      g_array_append_val (derivation->inputs, input);
    }
}

/* `derived`: how the dataset computed a figure no source published. */
static ReelDerivation *
read_derivation (ReelDatasetBuilder *self,
                 JsonObject         *object)
{
  ReelDerivation *derivation = NULL;
  JsonObject *fields;
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, object, "derived", &mark);

  if (node == NULL)
    return NULL;

  if ((fields = _reel_builder_check_object (self, node, derived_members,
                                            derived_members)) != NULL)
    {
      derivation = _reel_derivation_new (_reel_builder_get_text (self, fields, "method",
                                                                 REEL_DATASET_MAX_LABEL));
      if (derivation->method == NULL)
        derivation->method = reel_text_new ("");
      read_inputs (self, fields, derivation);
    }

  _reel_builder_pop (self, mark);
  return derivation;
}

/* `source` or `derived`, exactly one of them. */
static void
read_origin (ReelDatasetBuilder *self,
             JsonNode           *node,
             JsonObject         *fields,
             ReelMeasure        *measure)
{
  gboolean has_source = json_object_has_member (fields, "source");

  measure->source = G_MAXUINT;
  if (has_source && json_object_has_member (fields, "derived"))
    _reel_builder_error_at_member (self, fields, "derived",
                                   _("a figure has a “source” or is “derived”, not both"));
  else if (has_source)
    measure->source = _reel_builder_get_source (self, fields);
  else if (json_object_has_member (fields, "derived"))
    measure->derived = read_derivation (self, fields);
  else
    _reel_builder_error_at (self, node, _("“%s” is missing"), "source");
}

/* `country` in a region, or `region`/`country` on a platform. */
static void
read_scope (ReelDatasetBuilder     *self,
            JsonObject             *fields,
            const ReelBuilderPlace *place,
            ReelMeasure            *measure)
{
  g_autofree char *message = NULL;

  if (place->country != NULL)
    measure->country = g_strdup (place->country);
  else if (place_allows (place, "country") &&
           (measure->country = _reel_builder_get_string (self, fields, "country")) != NULL)
    {
      message = reel_rules_check_country (measure->country, strlen (measure->country));
      if (message != NULL)
        _reel_builder_error_at_member (self, fields, "country", "%s", message);
      else if (place->countries != NULL &&
               !g_strv_contains ((const char * const *) place->countries, measure->country))
        _reel_builder_error_at_member (self, fields, "country",
                                       _("“%s” is not one of the region's countries"),
                                       measure->country);
    }

  if (place->on_platform &&
      (measure->region = _reel_builder_get_string (self, fields, "region")) != NULL &&
      !g_hash_table_contains (self->regions, measure->region))
    _reel_builder_error_at_member (self, fields, "region", _("“%s” is not the id of a region"),
                                   measure->region);
}

/* The key of what may not repeat: a figure per metric, period, source (or
 * derivation), basis and scope; without @with_origin, the key of its
 * primary, one per metric, period and scope. */
static char *
measure_key (ReelDatasetBuilder *self,
             const ReelMeasure  *measure,
             gboolean            with_origin)
{
  g_autofree char *period = reel_period_to_string (&measure->period);
  const char *scope = measure->country != NULL ? measure->country
                      : measure->region != NULL ? measure->region : "";
  const char *kind = "";
  const char *origin = "";

  /* A derivation's method and a source's id are told apart. */
  if (with_origin && measure->derived != NULL)
    {
      kind = "derived";
      origin = reel_text_get (measure->derived->method);
    }
  else if (with_origin)
    {
      kind = "source";
      origin = ((ReelSource *) g_ptr_array_index (self->dataset->sources, measure->source))->id;
    }

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", reel_metric_to_string (measure->metric),
                          period, scope, kind, origin,
                          with_origin && measure->basis != NULL ? measure->basis : "");
}

/* The sum of a source's shares of the world for a period, over the regions
 * and their countries: a share is keyed by metric, period and origin, not
 * by its place. */
static void
add_share (ReelDatasetBuilder *self,
           JsonNode           *node,
           const ReelMeasure  *measure)
{
  g_autofree char *period = reel_period_to_string (&measure->period);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%u\x1f%s",
                                          reel_metric_to_string (measure->metric), period,
                                          measure->source,
                                          measure->derived != NULL
                                          ? reel_text_get (measure->derived->method) : "");
  double *sum = g_hash_table_lookup (self->shares, key);
  double before;

  if (sum == NULL)
    {
      sum = g_new0 (double, 1);
      g_hash_table_insert (self->shares, g_steal_pointer (&key), sum);
    }

  before = *sum;
  *sum += measure->value;
  if ((before <= 1 && *sum > 1) || (before <= SHARE_SUM_MAX && *sum > SHARE_SUM_MAX))
    _reel_builder_problem_at (self, *sum > SHARE_SUM_MAX ? REEL_PROBLEM_ERROR
                                                         : REEL_PROBLEM_WARNING,
                              node, FALSE,
                              _("the %s figures of this source for %s sum to more than "
                                "the whole world"),
                              reel_metric_to_string (measure->metric), period);
}

/* A derived primary figure, kept until the place is read: a reported figure
 * of its series may come later in the file. */
typedef struct {
  JsonNode *node;
  char      path[];
} DerivedPrimary;

/* The problem is the derived figure's, at @path, wherever the reported one is. */
static void
report_derived_primary (ReelDatasetBuilder *self,
                        JsonNode           *node,
                        const char         *path,
                        const ReelMeasure  *measure,
                        const char         *period)
{
  g_autofree char *here = g_strdup (self->path->str);

  g_string_assign (self->path, path);
  _reel_builder_error_at (self, node,
                          _("a derived figure is never primary over a reported one: "
                            "a source reports the %s figure for %s"),
                          reel_metric_to_string (measure->metric), period);
  g_string_assign (self->path, here);
}

/* One primary figure per series (metric, period and scope), and never a
 * derived one when a source reports the series. `points` also holds the
 * key of each series that has a reported figure (a key without origin, which
 * no figure's key is); `primaries` maps a series to its derived primary,
 * NULL when the primary is reported. */
static void
check_primary (ReelDatasetBuilder     *self,
               JsonNode               *node,
               const ReelBuilderPlace *place,
               const ReelMeasure      *measure,
               const char             *period)
{
  g_autofree char *series = measure_key (self, measure, FALSE);
  gboolean primary = (measure->flags & REEL_FIGURE_PRIMARY) != 0;
  const DerivedPrimary *derived_primary;

  if (measure->derived == NULL)
    {
      g_hash_table_add (place->points, g_strdup (series));
      if ((derived_primary = g_hash_table_lookup (place->primaries, series)) != NULL)
        {
          report_derived_primary (self, derived_primary->node, derived_primary->path, measure,
                                  period);
          g_hash_table_insert (place->primaries, g_strdup (series), NULL);
        }
    }

  if (!primary)
    return;

  if (g_hash_table_contains (place->primaries, series))
    _reel_builder_error_at (self, node, _("another %s figure for %s is already primary"),
                            reel_metric_to_string (measure->metric), period);
  else if (measure->derived != NULL && g_hash_table_contains (place->points, series))
    report_derived_primary (self, node, self->path->str, measure, period);
  else if (measure->derived != NULL)
    {
      gsize path_size = self->path->len + 1;
      DerivedPrimary *kept = g_malloc (sizeof *kept + path_size);

      kept->node = node;
      memcpy (kept->path, self->path->str, path_size);
      g_hash_table_insert (place->primaries, g_steal_pointer (&series), kept);
    }
  else
    g_hash_table_insert (place->primaries, g_steal_pointer (&series), NULL);
}

/* Checks a sound figure against the others of its place. */
static void
check_measure (ReelDatasetBuilder     *self,
               JsonNode               *node,
               const ReelBuilderPlace *place,
               const ReelMeasure      *measure)
{
  g_autofree char *point = measure_key (self, measure, TRUE);
  g_autofree char *period = reel_period_to_string (&measure->period);

  if (!g_hash_table_add (place->points, g_steal_pointer (&point)))
    _reel_builder_error_at (self, node,
                            _("another %s figure for %s has the same source, basis and scope"),
                            reel_metric_to_string (measure->metric), period);

  check_primary (self, node, place, measure, period);

  if (reel_metric_get_unit (measure->metric) == REEL_UNIT_SHARE && place->countries != NULL)
    add_share (self, node, measure);
}

/* A whole place's revenue in a whole year, from a source, is drawn as the
 * revenue figures of version 1 are. */
static void
add_revenue (const ReelBuilderPlace *place,
             const ReelMeasure      *measure)
{
  ReelFigure figure = { 0 };

  if (place->revenue == NULL || !reel_measure_is_yearly_revenue (measure))
    return;

  figure.year = reel_period_get_year (&measure->period);
  figure.value = measure->value;
  figure.source = measure->source;
  figure.basis = g_strdup (measure->basis);
  figure.qualifier = measure->qualifier;
  figure.flags = measure->flags;
  figure.note = measure->note != NULL ? reel_text_ref (measure->note) : NULL;
  g_array_append_val (place->revenue, figure);
}

static void
read_measure (ReelDatasetBuilder     *self,
              const ReelBuilderIter  *iter,
              const ReelBuilderPlace *place,
              gboolean                in_figures)
{
  ReelMeasure measure = { .metric = REEL_METRIC_REVENUE };
  gboolean has_metric = TRUE;

  /* In a `revenue` list, a figure may say its metric; it must be revenue. */
  if (json_object_has_member (iter->fields, "metric"))
    has_metric = _reel_builder_get_metric (self, iter->fields, &measure.metric);
  if (has_metric && !in_figures && measure.metric != REEL_METRIC_REVENUE)
    _reel_builder_error_at_member (self, iter->fields, "metric",
                                   _("a figure in a “revenue” list is revenue"));
  else if (has_metric)
    get_metric_value (self, iter->fields, measure.metric, &measure.value);
  _reel_builder_get_time (self, iter->node, iter->fields, &measure.period);
  read_origin (self, iter->node, iter->fields, &measure);
  measure.basis = _reel_builder_get_string (self, iter->fields, "basis");
  check_place_members (self, iter->fields, place);
  read_scope (self, iter->fields, place, &measure);
  measure.qualifier = _reel_builder_get_qualifier (self, iter->fields);
  measure.note = _reel_builder_get_text (self, iter->fields, "note", 0);
  if (_reel_builder_get_bool (self, iter->fields, "estimate") || measure.derived != NULL)
    measure.flags |= REEL_FIGURE_ESTIMATE;
  if (_reel_builder_get_bool (self, iter->fields, "forecast"))
    measure.flags |= REEL_FIGURE_FORECAST;
  if (_reel_builder_get_bool (self, iter->fields, "primary"))
    measure.flags |= REEL_FIGURE_PRIMARY;

  if (self->n_errors == iter->errors)
    {
      check_measure (self, iter->node, place, &measure);
      add_revenue (place, &measure);
    }
  g_array_append_val (place->measures, measure);
}

/* A list of figures of version 2: `figures` or a country's (each names
 * its metric) or a `revenue` list (revenue unless it says otherwise). */
void
_reel_builder_read_measures (ReelDatasetBuilder     *self,
                             JsonObject             *object,
                             const char             *name,
                             const ReelBuilderPlace *place)
{
  static const char * const figure_required[] = { "metric", "value", NULL };
  static const char * const revenue_required[] = { "value", NULL };
  gboolean in_figures = strcmp (name, "revenue") != 0;
  ReelBuilderIter iter;

  _reel_builder_iter_init (&iter, self, object, name, measure_members,
                           in_figures ? figure_required : revenue_required);
  while (_reel_builder_iter_next (&iter))
    read_measure (self, &iter, place, in_figures);
}

/* Without an explicit primary, the first reported figure of a series is
 * primary, else its first derived one: a figure a source published comes
 * before one the dataset computed. */
void
_reel_builder_choose_primaries (ReelDatasetBuilder     *self,
                                const ReelBuilderPlace *place)
{
  for (guint derived = 0; derived < 2; derived++)
    for (guint i = 0; i < place->measures->len; i++)
      {
        ReelMeasure *measure = &g_array_index (place->measures, ReelMeasure, i);
        g_autofree char *series = NULL;

        if ((measure->derived != NULL) != derived)
          continue;

        series = measure_key (self, measure, FALSE);
        if (!g_hash_table_contains (place->primaries, series))
          {
            measure->flags |= REEL_FIGURE_PRIMARY;
            g_hash_table_insert (place->primaries, g_steal_pointer (&series), NULL);
          }
      }
}

/* `country-figures`: { "US": [figure, …] }, each code one of the region's
 * countries. */
void
_reel_builder_read_country_figures (ReelDatasetBuilder     *self,
                                    JsonObject             *fields,
                                    const ReelBuilderPlace *place)
{
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, fields, "country-figures", &mark);

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    _reel_builder_error_at (self, node, _("must be an object, not %s"),
                            _reel_builder_node_kind (node));
  else
    {
      JsonObject *countries = json_node_get_object (node);
      JsonObjectIter members;
      const char *code;

      json_object_iter_init (&members, countries);
      while (json_object_iter_next (&members, &code, NULL))
        {
          g_autofree char *message = reel_rules_check_country (code, strlen (code));
          ReelBuilderPlace country = *place;

          if (message == NULL && !g_strv_contains ((const char * const *) place->countries, code))
            message = g_strdup_printf (_("“%s” is not one of the region's countries"), code);
          if (message != NULL)
            {
              _reel_builder_error_at_member (self, countries, code, "%s", message);
              continue;
            }

          country.country = code;
          country.revenue = NULL;
          _reel_builder_read_measures (self, countries, code, &country);
        }
    }

  _reel_builder_pop (self, mark);
}

/* Warns about each source nothing uses: a figure, an input, a trait, a
 * note or a quote. */
void
_reel_builder_check_unused_sources (ReelDatasetBuilder *self,
                                    JsonObject         *root)
{
  gsize at_sources;
  JsonArray *sources = _reel_builder_enter_list (self, root, "sources", &at_sources);

  if (sources == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonNode *element = json_array_get_element (sources, i);
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (element)
                     ? json_object_get_member (json_node_get_object (element), "id") : NULL;
      gpointer index = id != NULL && _reel_builder_is_string (id)
                       ? g_hash_table_lookup (self->sources, json_node_get_string (id)) : NULL;

      if (index != NULL && !g_hash_table_contains (self->used_sources, index))
        {
          gsize at_source = _reel_builder_push_index (self, i);

          _reel_builder_warning_at (self, element, _("nothing in the dataset uses this source"));
          _reel_builder_pop (self, at_source);
        }
    }

  _reel_builder_pop (self, at_sources);
}
