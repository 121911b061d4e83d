/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-builder"

#include "config.h"

#include "reel-dataset-builder-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-rules.h"

/* Each object of a dataset is read here, from the root down: the root and
 * its header, then the lists of sources, regions (their figures and
 * audience), the world, platforms and experts, in the order the phases of
 * reel_dataset_builder_build() call them. */

/* The members each kind of object knows; the rest are warned about. */
static const char * const dataset_members[] = {
  "format", "version", "title", "description", "currency", "updated", "sources", "global",
  "regions", "experts", "platforms", "records", NULL
};
static const char * const source_members[] = {
  "id", "title", "publisher", "url", "published", "note", NULL
};
static const char * const region_members[] = {
  "id", "name", "countries", "revenue", "growth", "audience", NULL
};
static const char * const global_members[] = { "revenue", "growth", "audience", NULL };
static const char * const revenue_members[] = {
  "year", "value", "source", "basis", "estimate", "forecast", "qualifier", "primary", "note", NULL
};
static const char * const growth_members[] = {
  "metric", "year", "percent", "source", "basis", "estimate", "qualifier", "note", NULL
};
/* Version 2 adds figures of any metric, countries' figures, platforms'
 * figures and countries, and growth between any two periods. */
static const char * const region_members_v2[] = {
  "id", "name", "countries", "revenue", "figures", "country-figures", "growth", "audience", NULL
};
static const char * const global_members_v2[] = {
  "revenue", "figures", "growth", "audience", NULL
};
static const char * const growth_members_v2[] = {
  "metric", "year", "period", "versus", "percent", "source", "basis", "estimate", "qualifier",
  "note", NULL
};
static const char * const platform_members_v2[] = {
  "id", "name", "company", "launched", "countries", "revenue", "figures", NULL
};
static const char * const audience_members[] = { "summary", "traits", "notes", NULL };
static const char * const trait_members[] = {
  "label", "share", "source", "estimate", "qualifier", "note", NULL
};
static const char * const note_members[] = { "text", "source", NULL };
static const char * const expert_members[] = {
  "id", "name", "role", "organization", "country", "quotes", NULL
};
static const char * const quote_members[] = { "text", "source", "regions", "topics", NULL };
static const char * const platform_members[] = {
  "id", "name", "company", "launched", "revenue", NULL
};

static const char * const item_required[] = { "id", "name", NULL };

/* What every sourced number has besides its value: source, basis (where
 * @basis is not NULL), qualifier, note and whether it is an estimate, which
 * should say in its note how it was derived. */
static void
read_provenance (ReelDatasetBuilder  *self,
                 JsonNode            *node,
                 JsonObject          *fields,
                 guint               *source,
                 char               **basis,
                 ReelQualifier       *qualifier,
                 ReelText           **note,
                 ReelFigureFlags     *flags)
{
  *source = _reel_builder_get_source (self, fields);
  if (basis != NULL)
    *basis = _reel_builder_get_string (self, fields, "basis");
  *qualifier = _reel_builder_get_qualifier (self, fields);
  *note = _reel_builder_get_text (self, fields, "note", 0);
  if (_reel_builder_get_bool (self, fields, "estimate"))
    *flags |= REEL_FIGURE_ESTIMATE;

  if ((*flags & REEL_FIGURE_ESTIMATE) != 0 && *note == NULL)
    _reel_builder_warning_at (self, node,
                              _("an estimate should have a “note” saying how it was derived"));
}

/* A list of figures being read: revenue (ReelFigure) or growth (ReelGrowth). */
typedef struct {
  GArray     *figures;
  GArray     *period_growth; /* growth on another period than the year before */
  GHashTable *points;      /* "metric year source basis" of each */
  GHashTable *primaries;   /* year → its primary figure's node */
} Figures;

/* What may not repeat within a list of figures: one figure per (metric,)
 * period, source and basis. Returns whether this one is the first. */
static gboolean
add_point (ReelDatasetBuilder *self,
           Figures            *figures,
           const char         *metric,
           const ReelPeriod   *period,
           guint               source,
           const char         *basis)
{
  const ReelSource *s = g_ptr_array_index (self->dataset->sources, source);
  g_autofree char *time = reel_period_to_string (period);

  return g_hash_table_add (figures->points,
                           g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", metric != NULL ? metric : "",
                                            time, s->id, basis != NULL ? basis : ""));
}

static void
read_revenue_figure (ReelDatasetBuilder    *self,
                     const ReelBuilderIter *iter,
                     Figures               *figures)
{
  ReelFigure figure = { 0 };

  figure.year = _reel_builder_get_year (self, iter->fields, "year");
  _reel_builder_get_number (self, iter->fields, "value", REEL_BUILDER_NUMBER_MONEY, &figure.value);
  read_provenance (self, iter->node, iter->fields, &figure.source, &figure.basis,
                   &figure.qualifier, &figure.note, &figure.flags);
  if (_reel_builder_get_bool (self, iter->fields, "forecast"))
    figure.flags |= REEL_FIGURE_FORECAST;
  if (_reel_builder_get_bool (self, iter->fields, "primary"))
    figure.flags |= REEL_FIGURE_PRIMARY;

  if (self->n_errors == iter->errors)
    {
      ReelPeriod period;

      reel_period_init_year (&period, figure.year);
      if (!add_point (self, figures, NULL, &period, figure.source, figure.basis))
        _reel_builder_error_at (self, iter->node,
                                _("another figure for %u has the same source and basis"),
                                figure.year);

      if ((figure.flags & REEL_FIGURE_PRIMARY) != 0 &&
          !g_hash_table_insert (figures->primaries, GUINT_TO_POINTER (figure.year), iter->node))
        _reel_builder_error_at (self, iter->node, _("another figure for %u is already primary"),
                                figure.year);
    }

  g_array_append_val (figures->figures, figure);
}

/* Version 1's `year` compares with the year before; version 2's `period`
 * with its `versus`. */
static void
read_growth_periods (ReelDatasetBuilder    *self,
                     const ReelBuilderIter *iter,
                     ReelGrowth            *growth)
{
  if (self->version < 2 || !json_object_has_member (iter->fields, "period"))
    {
      growth->year = _reel_builder_get_year (self, iter->fields, "year");
      if (growth->year > 0)
        {
          reel_period_init_year (&growth->period, growth->year);
          reel_period_init_year (&growth->versus, growth->year - 1);
        }
      return;
    }

  if (!_reel_builder_get_time (self, iter->node, iter->fields, &growth->period))
    return;
  growth->year = reel_period_get_year (&growth->period);
  if (!json_object_has_member (iter->fields, "versus"))
    _reel_builder_error_at (self, iter->node, _("“%s” is missing"), "versus");
  else if (_reel_builder_get_period (self, iter->fields, "versus", &growth->versus) &&
           growth->versus.first >= growth->period.first)
    _reel_builder_error_at_member (self, iter->fields, "versus",
                                   _("a growth compares with an earlier period"));
}

/* Whether a growth is a year's on the year before, as charts draw it. */
static gboolean
is_yearly (const ReelGrowth *growth)
{
  return reel_period_is_whole_year (&growth->period) &&
         reel_period_is_whole_year (&growth->versus) &&
         growth->versus.first + 12 == growth->period.first;
}

static void
read_growth_figure (ReelDatasetBuilder    *self,
                    const ReelBuilderIter *iter,
                    Figures               *figures)
{
  ReelGrowth growth = { .metric = _reel_builder_get_string (self, iter->fields, "metric") };

  read_growth_periods (self, iter, &growth);
  _reel_builder_get_number (self, iter->fields, "percent", REEL_BUILDER_NUMBER_ANY,
                            &growth.percent);
  read_provenance (self, iter->node, iter->fields, &growth.source, &growth.basis,
                   &growth.qualifier, &growth.note, &growth.flags);

  if (self->n_errors == iter->errors &&
      !add_point (self, figures, growth.metric, &growth.period, growth.source, growth.basis))
    _reel_builder_error_at (self, iter->node,
                            _("another %s figure for %u has the same source and basis"),
                            growth.metric, growth.year);


  if (growth.year == 0 || is_yearly (&growth))
    g_array_append_val (figures->figures, growth);
  else
    g_array_append_val (figures->period_growth, growth);
}

/* A kind of list of figures: the member that holds it, the members of its
 * figures and how one is read. Further metrics are further kinds. */
typedef struct {
  const char         *name;
  const char * const *known;
  const char * const *required;
  void              (*read_figure) (ReelDatasetBuilder    *self,
                                    const ReelBuilderIter *iter,
                                    Figures               *figures);
} FigureKind;

static const char * const revenue_required[] = { "year", "value", "source", NULL };
static const char * const growth_required[] = { "metric", "year", "percent", "source", NULL };

static const FigureKind revenue_kind = {
  "revenue", revenue_members, revenue_required, read_revenue_figure
};
static const char * const growth_required_v2[] = { "metric", "percent", "source", NULL };

static const FigureKind growth_kind = {
  "growth", growth_members, growth_required, read_growth_figure
};
static const FigureKind growth_kind_v2 = {
  "growth", growth_members_v2, growth_required_v2, read_growth_figure
};

static void
read_figures (ReelDatasetBuilder *self,
              JsonObject         *object,
              const FigureKind   *kind,
              GArray             *array,
              GArray             *period_growth)
{
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) primaries = g_hash_table_new (NULL, NULL);
  Figures figures = { array, period_growth, points, primaries };
  ReelBuilderIter iter;

  _reel_builder_iter_init (&iter, self, object, kind->name, kind->known, kind->required);
  while (_reel_builder_iter_next (&iter))
    kind->read_figure (self, &iter, &figures);
}

/* Text with its source: a note of an audience, or a quote. */
static void
read_sourced_text (ReelDatasetBuilder  *self,
                   JsonObject          *fields,
                   ReelText           **text,
                   guint               *source)
{
  *text = _reel_builder_get_text (self, fields, "text", 0);
  *source = _reel_builder_get_source (self, fields);
}

static void
read_traits (ReelDatasetBuilder *self,
             JsonObject         *fields,
             GArray             *traits)
{
  static const char * const required[] = { "label", "share", "source", NULL };
  ReelBuilderIter iter;

  _reel_builder_iter_init (&iter, self, fields, "traits", trait_members, required);
  while (_reel_builder_iter_next (&iter))
    {
      ReelTrait trait = { 0 };

      trait.label = _reel_builder_get_text (self, iter.fields, "label", REEL_DATASET_MAX_LABEL);
      _reel_builder_get_number (self, iter.fields, "share", REEL_BUILDER_NUMBER_SHARE,
                                &trait.share);
      read_provenance (self, iter.node, iter.fields, &trait.source, NULL, &trait.qualifier,
                       &trait.note, &trait.flags);
      g_array_append_val (traits, trait);
    }
}

static ReelAudience *
read_audience (ReelDatasetBuilder *self,
               JsonObject         *object)
{
  static const char * const note_required[] = { "text", "source", NULL };
  ReelAudience *audience = NULL;
  JsonObject *fields;
  ReelBuilderIter notes;
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, object, "audience", &mark);

  if (node == NULL)
    return NULL;

  if ((fields = _reel_builder_check_object (self, node, audience_members, NULL)) != NULL)
    {
      audience = _reel_audience_new ();
      audience->summary = _reel_builder_get_text (self, fields, "summary", 0);
      read_traits (self, fields, audience->traits);

      _reel_builder_iter_init (&notes, self, fields, "notes", note_members, note_required);
      while (_reel_builder_iter_next (&notes))
        {
          ReelNote note = { 0 };

          read_sourced_text (self, notes.fields, &note.text, &note.source);
          g_array_append_val (audience->notes, note);
        }
    }

  _reel_builder_pop (self, mark);
  return audience;
}

/* The figures of a place in version 2: its `revenue` and `figures` lists
 * and, in a region, its countries'. */
static void
read_place_measures (ReelDatasetBuilder *self,
                     JsonObject         *fields,
                     ReelBuilderPlace   *place)
{
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) primaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);

  place->points = points;
  place->primaries = primaries;
  _reel_builder_read_measures (self, fields, "revenue", place);
  _reel_builder_read_measures (self, fields, "figures", place);
  if (place->countries != NULL)
    _reel_builder_read_country_figures (self, fields, place);
  _reel_builder_choose_primaries (self, place);
}

/* A region's or the world's figures and audience. */
static void
read_region_data (ReelDatasetBuilder *self,
                  JsonObject         *fields,
                  ReelRegion         *region)
{
  if (self->version < 2)
    {
      read_figures (self, fields, &revenue_kind, region->revenue, NULL);
      read_figures (self, fields, &growth_kind, region->growth, NULL);
    }
  else
    {
      ReelBuilderPlace place = {
        .measures = region->measures,
        .revenue = region->revenue,
        .countries = region->id != NULL ? region->countries : NULL,
      };

      read_place_measures (self, fields, &place);
      read_figures (self, fields, &growth_kind_v2, region->growth, region->period_growth);
    }
  region->audience = read_audience (self, fields);
}

/* Reads one object of a list: what it is once its `id` is known. */
typedef gpointer (*ReadItemFunc) (ReelDatasetBuilder *self,
                                  JsonObject         *fields,
                                  const char         *id);

/* Reads a list of objects that have an `id` unique in the list, calling
 * @read_item for each; ids are registered in @ids (id → the item; for
 * sources, its index + 1) even when something else about the item is wrong,
 * so that references to it do not fail twice. */
static void
read_list (ReelDatasetBuilder *self,
           JsonObject         *object,
           const char         *name,
           const char * const *known,
           const char * const *required,
           ReadItemFunc        read_item,
           GPtrArray          *items,
           GHashTable         *ids)
{
  ReelBuilderIter iter;

  _reel_builder_iter_init (&iter, self, object, name, known, required);
  while (_reel_builder_iter_next (&iter))
    {
      g_autofree char *id = _reel_builder_get_id (self, iter.fields, "id");
      gpointer item;

      if (id == NULL)
        continue;

      if (g_hash_table_contains (ids, id))
        _reel_builder_error_at_member (self, iter.fields, "id",
                                       _("another entry of “%s” has the id “%s”"), name, id);

      item = read_item (self, iter.fields, id);
      g_ptr_array_add (items, item);
      if (!g_hash_table_contains (ids, id))
        g_hash_table_insert (ids, g_steal_pointer (&id),
                             ids == self->sources ? GUINT_TO_POINTER (items->len) : item);
    }
}

/* The `name` of a region, platform or expert; its id when it has none. */
static ReelText *
get_name (ReelDatasetBuilder *self,
          JsonObject         *fields,
          const char         *id)
{
  ReelText *name = _reel_builder_get_text (self, fields, "name", REEL_DATASET_MAX_LABEL);

  return name != NULL ? name : reel_text_new (id);
}

static gpointer
read_source (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  ReelSource *source = _reel_source_new (id, _reel_builder_get_text (self, fields, "title", 0));

  if (source->title == NULL)
    source->title = reel_text_new (id);
  source->publisher = _reel_builder_get_text (self, fields, "publisher", 0);
  source->url = _reel_builder_get_string (self, fields, "url");
  source->published = _reel_builder_get_date (self, fields, "published");
  source->note = _reel_builder_get_text (self, fields, "note", 0);

  if (source->url != NULL && !reel_dataset_url_is_safe (source->url))
    _reel_builder_warning_at_member (self, fields, "url",
                                     _("only http and https links are opened; "
                                       "this one will not be"));

  if (strcmp (id, REEL_RECORDS_SOURCE_ID) == 0)
    _reel_builder_error_at_member (self, fields, "id",
                                   _("“%s” is reserved for the figures summed from records"), id);

  return source;
}

static gpointer
read_region (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  ReelRegion *region = _reel_region_new (id, get_name (self, fields, id));

  g_strfreev (region->countries);
  region->countries = _reel_builder_get_strings (self, fields, "countries",
                                                 reel_rules_check_country);
  read_region_data (self, fields, region);
  return region;
}

static gpointer
read_platform (ReelDatasetBuilder *self,
               JsonObject         *fields,
               const char         *id)
{
  ReelPlatform *platform = _reel_platform_new (id, get_name (self, fields, id));

  platform->company = _reel_builder_get_text (self, fields, "company", REEL_DATASET_MAX_LABEL);
  platform->launched = _reel_builder_get_year (self, fields, "launched");
  if (self->version < 2)
    read_figures (self, fields, &revenue_kind, platform->revenue, NULL);
  else
    {
      ReelBuilderPlace place = {
        .measures = platform->measures,
        .revenue = platform->revenue,
        .on_platform = TRUE,
      };

      g_strfreev (platform->countries);
      platform->countries = _reel_builder_get_strings (self, fields, "countries",
                                                       reel_rules_check_country);
      read_place_measures (self, fields, &place);
    }
  return platform;
}

/* Walks the list `regions` of a quote itself, not the ids read from it: an
 * entry that was not an id is missing from those, and the rest would be
 * reported at the wrong index. */
static void
check_quote_regions (ReelDatasetBuilder *self,
                     JsonObject         *fields)
{
  gsize at_regions;
  JsonArray *regions = json_node_get_array (_reel_builder_enter (self, fields, "regions",
                                                                 &at_regions));

  for (guint r = 0; r < json_array_get_length (regions); r++)
    {
      JsonNode *element = json_array_get_element (regions, r);
      const char *id = _reel_builder_is_string (element) ? json_node_get_string (element) : NULL;

      if (id != NULL && reel_rules_is_id (id, strlen (id)) &&
          !g_hash_table_contains (self->regions, id))
        {
          gsize at_region = _reel_builder_push_index (self, r);

          _reel_builder_error_at (self, element, _("“%s” is not the id of a region"), id);
          _reel_builder_pop (self, at_region);
        }
    }

  _reel_builder_pop (self, at_regions);
}

static gpointer
read_expert (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  static const char * const quote_required[] = { "text", "source", NULL };
  ReelExpert *expert = _reel_expert_new (id, get_name (self, fields, id));
  ReelBuilderIter quotes;

  expert->role = _reel_builder_get_text (self, fields, "role", REEL_DATASET_MAX_LABEL);
  expert->organization = _reel_builder_get_text (self, fields, "organization",
                                                 REEL_DATASET_MAX_LABEL);
  expert->country = _reel_builder_get_text (self, fields, "country", REEL_DATASET_MAX_LABEL);

  _reel_builder_iter_init (&quotes, self, fields, "quotes", quote_members, quote_required);
  while (_reel_builder_iter_next (&quotes))
    {
      ReelQuote quote = { 0 };

      read_sourced_text (self, quotes.fields, &quote.text, &quote.source);
      quote.regions = _reel_builder_get_strings (self, quotes.fields, "regions",
                                                 reel_rules_check_id);
      quote.topics = _reel_builder_get_strings (self, quotes.fields, "topics", NULL);
      if (quote.regions[0] != NULL)
        check_quote_regions (self, quotes.fields);
      g_array_append_val (expert->quotes, quote);
    }

  return expert;
}

/* `format` and `version` come first: a file that is not a dataset of a
 * version this build reads gets one clear error, not a hundred others. */
static gboolean
check_format (ReelDatasetBuilder *self,
              JsonNode           *root_node,
              JsonObject         *root)
{
  JsonNode *node;

  node = json_object_get_member (root, "format");
  if (node == NULL)
    {
      _reel_builder_error_at (self, root_node,
                              _("“format” is missing: this is not a Reelscope dataset"));
      return FALSE;
    }
  if (!_reel_builder_is_string (node) ||
      strcmp (json_node_get_string (node), REEL_DATASET_FORMAT) != 0)
    {
      _reel_builder_error_at_member (self, root, "format",
                                     _("must be “%s”: this is not a Reelscope dataset"),
                                     REEL_DATASET_FORMAT);
      return FALSE;
    }

  /* Every version up to the latest is read; what differs is told apart by
   * self->version. */
  node = json_object_get_member (root, "version");
  if (node == NULL)
    {
      _reel_builder_error_at (self, root_node, _("“version” is missing"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1 || json_node_get_int (node) > REEL_DATASET_VERSION)
    {
      _reel_builder_error_at_member (self, root, "version",
                                     _("this is a version this build cannot read; "
                                       "it reads versions 1 to %d"),
                                     REEL_DATASET_VERSION);
      return FALSE;
    }

  self->version = json_node_get_int (node);
  self->dataset->version = self->version;
  return TRUE;
}

/* The dataset's object, once it is one of a format and version this build
 * reads, its members checked; NULL when it is not. */
JsonObject *
_reel_builder_check_root (ReelDatasetBuilder *self,
                          JsonNode           *root_node)
{
  static const char * const dataset_required[] = { "format", "version", "regions", NULL };
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      _reel_builder_error_at (self, root_node, _("a dataset is a JSON object, not %s"),
                              _reel_builder_node_kind (root_node));
      return NULL;
    }

  root = json_node_get_object (root_node);
  if (!check_format (self, root_node, root))
    return NULL;

  _reel_builder_check_object (self, root_node, dataset_members, dataset_required);
  return root;
}

void
_reel_builder_read_header (ReelDatasetBuilder *self,
                           JsonObject         *root)
{
  ReelDataset *dataset = self->dataset;
  ReelText *text;
  char *value;

  if ((text = _reel_builder_get_text (self, root, "title", 0)) != NULL)
    {
      reel_text_unref (dataset->title);
      dataset->title = text;
    }
  dataset->description = _reel_builder_get_text (self, root, "description", 0);
  dataset->updated = _reel_builder_get_date (self, root, "updated");

  if ((value = _reel_builder_get_string (self, root, "currency")) != NULL)
    {
      if (strlen (value) == 3 && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]) &&
          g_ascii_isupper (value[2]))
        {
          g_free (dataset->currency);
          dataset->currency = value;
        }
      else
        {
          _reel_builder_error_at_member (self, root, "currency",
                                         _("“%s” is not a currency code: use ISO 4217, "
                                           "such as USD"),
                                         value);
          g_free (value);
        }
    }
}

void
_reel_builder_read_sources (ReelDatasetBuilder *self,
                            JsonObject         *root)
{
  static const char * const source_required[] = { "id", "title", NULL };

  read_list (self, root, "sources", source_members, source_required,
             read_source, self->dataset->sources, self->sources);
}

void
_reel_builder_read_regions (ReelDatasetBuilder *self,
                            JsonObject         *root)
{
  JsonNode *node = json_object_get_member (root, "regions");

  read_list (self, root, "regions", self->version < 2 ? region_members : region_members_v2,
             item_required,
             read_region, self->dataset->regions, self->regions);

  if (self->dataset->regions->len == 0 && node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) == 0)
    _reel_builder_error_at_member (self, root, "regions", _("a dataset needs at least one region"));
}

void
_reel_builder_read_global (ReelDatasetBuilder *self,
                           JsonObject         *root)
{
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, root, "global", &mark);
  JsonObject *fields;

  if (node == NULL)
    return;

  if ((fields = _reel_builder_check_object (self, node, self->version < 2
                                                        ? global_members : global_members_v2,
                                            NULL)) != NULL)
    read_region_data (self, fields, self->dataset->global);
  _reel_builder_pop (self, mark);
}

void
_reel_builder_read_platforms (ReelDatasetBuilder *self,
                              JsonObject         *root)
{
  read_list (self, root, "platforms",
             self->version < 2 ? platform_members : platform_members_v2, item_required,
             read_platform, self->dataset->platforms, self->platforms);
}

void
_reel_builder_read_experts (ReelDatasetBuilder *self,
                            JsonObject         *root)
{
  read_list (self, root, "experts", expert_members, item_required,
             read_expert, self->dataset->experts, self->experts);
}
