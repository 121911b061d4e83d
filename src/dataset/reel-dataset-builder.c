/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-builder"

#include "config.h"

#include "reel-dataset-builder.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-dataset-private.h"
#include "reel-rules.h"

#define ALL_MONTHS 0xFFF

struct _ReelDatasetBuilder {
  GFile             *file;
  ReelJsonTree      *tree;
  ReelRecordTable   *table;
  ReelRecordsReader *records;

  GPtrArray         *problems;
  guint              n_errors;
  GString           *path;         /* of the value being checked */

  ReelDataset       *dataset;
  GHashTable        *sources;      /* id → index + 1 */
  GHashTable        *regions;      /* id → ReelRegion */
  GHashTable        *platforms;    /* id → ReelPlatform */
  GHashTable        *experts;      /* id → ReelExpert */
};

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
static const char * const figure_members[] = {
  "year", "value", "source", "basis", "estimate", "forecast", "qualifier", "primary", "note", NULL
};
static const char * const growth_members[] = {
  "metric", "year", "percent", "source", "basis", "estimate", "qualifier", "note", NULL
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

static void problem_at (ReelDatasetBuilder  *self,
                        ReelProblemSeverity  severity,
                        JsonNode            *node,
                        gboolean             at_key,
                        const char          *format,
                        ...) G_GNUC_PRINTF (5, 6);

/* Adds a problem at @node (its value, or its member name when @at_key), whose
 * path is the current one. */
static void
problem_at (ReelDatasetBuilder  *self,
            ReelProblemSeverity  severity,
            JsonNode            *node,
            gboolean             at_key,
            const char          *format,
            ...)
{
  const ReelJsonPosition *position = reel_json_tree_get_position (self->tree, node);
  g_autofree char *message = NULL;
  va_list args;

  g_assert (position != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (severity == REEL_PROBLEM_ERROR)
    self->n_errors++;

  g_ptr_array_add (self->problems,
                   reel_problem_new (severity, self->path->str,
                                     at_key ? position->key_line : position->line,
                                     at_key ? position->key_column : position->column,
                                     message));
}

#define error_at(self, node, ...) problem_at (self, REEL_PROBLEM_ERROR, node, FALSE, __VA_ARGS__)
#define warning_at(self, node, ...) problem_at (self, REEL_PROBLEM_WARNING, node, FALSE, __VA_ARGS__)

static gsize
push_member (ReelDatasetBuilder *self,
             const char         *name)
{
  gsize mark = self->path->len;

  reel_json_path_append_key (self->path, name);
  return mark;
}

static gsize
push_index (ReelDatasetBuilder *self,
            guint               index)
{
  gsize mark = self->path->len;

  g_string_append_printf (self->path, "[%u]", index);
  return mark;
}

static void
pop (ReelDatasetBuilder *self,
     gsize               mark)
{
  g_string_truncate (self->path, mark);
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

/* Checks that @node is an object, warns about members it does not know
 * (suggesting the known one within two edits) and reports missing @required
 * members. Returns the object, or NULL when @node is not one. */
static JsonObject *
check_object (ReelDatasetBuilder *self,
              JsonNode           *node,
              const char * const *known,
              const char * const *required)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      error_at (self, node, _("must be an object, not %s"), node_kind (node));
      return NULL;
    }

  object = json_node_get_object (node);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      const char *suggestion = NULL;
      guint best = 3;
      gsize mark;

      if (g_strv_contains (known, name))
        continue;

      for (guint i = 0; known[i] != NULL; i++)
        {
          guint distance = reel_rules_edit_distance (name, known[i], 2);

          if (distance < best)
            {
              best = distance;
              suggestion = known[i];
            }
        }

      mark = push_member (self, name);
      if (suggestion != NULL)
        problem_at (self, REEL_PROBLEM_WARNING, member, TRUE,
                    _("unknown member, did you mean “%s”?"), suggestion);
      else
        problem_at (self, REEL_PROBLEM_WARNING, member, TRUE, _("unknown member, ignored"));
      pop (self, mark);
    }

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      error_at (self, node, _("“%s” is missing"), required[i]);

  return object;
}

/* The member @name of @object, with the path pointing at it; NULL when it is
 * absent. A null is not absent: it is a value of the wrong type. */
static JsonNode *
enter (ReelDatasetBuilder *self,
       JsonObject         *object,
       const char         *name,
       gsize              *mark)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  *mark = self->path->len;
  if (node == NULL)
    return NULL;

  push_member (self, name);
  return node;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static char *
get_string (ReelDatasetBuilder *self,
            JsonObject         *object,
            const char         *name)
{
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);
  char *value = NULL;

  if (node == NULL)
    return NULL;

  if (is_string (node))
    value = reel_text_sanitize (json_node_get_string (node));
  else
    error_at (self, node, _("must be a string, not %s"), node_kind (node));

  pop (self, mark);
  return value;
}

static gboolean
is_language_tag (const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (tag, "-", -1);
  gsize n = strlen (parts[0]);

  if (n < 2 || n > 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (parts[0][i]))
      return FALSE;

  for (guint p = 1; parts[p] != NULL; p++)
    {
      n = strlen (parts[p]);
      if (n < 2 || n > 8)
        return FALSE;
      for (gsize i = 0; i < n; i++)
        if (!g_ascii_isalnum (parts[p][i]))
          return FALSE;
    }

  return TRUE;
}

static gboolean
check_length (ReelDatasetBuilder *self,
              JsonNode           *node,
              const char         *value,
              guint               max_chars)
{
  if (max_chars == 0 || g_utf8_strlen (value, -1) <= max_chars)
    return TRUE;

  error_at (self, node, _("is longer than %u characters"), max_chars);
  return FALSE;
}

/* Text is a string or an object of language tags ({"en": …, "zh-CN": …}).
 * @max_chars is 0 for any text, or the limit for names and labels. */
static ReelText *
get_text (ReelDatasetBuilder *self,
          JsonObject         *object,
          const char         *name,
          guint               max_chars)
{
  g_autoptr(ReelText) text = NULL;
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);

  if (node == NULL)
    return NULL;

  if (is_string (node))
    {
      if (check_length (self, node, json_node_get_string (node), max_chars))
        text = reel_text_new (json_node_get_string (node));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) > 0)
    {
      JsonObjectIter iter;
      const char *language;
      JsonNode *value;
      gboolean ok = TRUE;

      text = reel_text_new (NULL);
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &language, &value))
        {
          gsize inner = push_member (self, language);

          if (!is_language_tag (language))
            {
              problem_at (self, REEL_PROBLEM_ERROR, value, TRUE,
                          _("“%s” is not a language tag such as en, zh-CN or pt-BR"), language);
              ok = FALSE;
            }
          else if (!is_string (value))
            {
              error_at (self, value, _("must be a string, not %s"), node_kind (value));
              ok = FALSE;
            }
          else if (check_length (self, value, json_node_get_string (value), max_chars))
            reel_text_add (text, language, json_node_get_string (value));
          else
            ok = FALSE;
          pop (self, inner);
        }
      if (!ok)
        g_clear_pointer (&text, reel_text_unref);
    }
  else
    {
      error_at (self, node, _("must be text: a string, or an object of languages such as "
                              "{\"en\": \"…\", \"es\": \"…\"}"));
    }

  pop (self, mark);
  return g_steal_pointer (&text);
}

static char *
get_id (ReelDatasetBuilder *self,
        JsonObject         *object,
        const char         *name)
{
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);
  char *id = NULL;

  if (node == NULL)
    return NULL;

  if (!is_string (node))
    error_at (self, node, _("must be a string, not %s"), node_kind (node));
  else
    {
      const char *value = json_node_get_string (node);
      g_autofree char *message = reel_rules_check_id (value, strlen (value));

      if (message != NULL)
        error_at (self, node, "%s", message);
      else
        id = g_strdup (value);
    }

  pop (self, mark);
  return id;
}

/* Years are whole numbers written without a fraction: 2024, never 2024.0. */
static guint
get_year (ReelDatasetBuilder *self,
          JsonObject         *object,
          const char         *name)
{
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);
  guint year = 0;

  if (node == NULL)
    return 0;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= REEL_DATASET_YEAR_MIN &&
      json_node_get_int (node) <= REEL_DATASET_YEAR_MAX)
    year = json_node_get_int (node);
  else
    error_at (self, node, _("must be a whole year from %u to %u"),
              REEL_DATASET_YEAR_MIN, REEL_DATASET_YEAR_MAX);

  pop (self, mark);
  return year;
}

typedef enum {
  NUMBER_ANY,
  NUMBER_MONEY,
  NUMBER_SHARE,
} NumberKind;

static gboolean
get_number (ReelDatasetBuilder *self,
            JsonObject         *object,
            const char         *name,
            NumberKind          kind,
            double             *out)
{
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);
  gboolean ok = FALSE;

  if (node == NULL)
    return FALSE;

  if (!is_number (node))
    error_at (self, node, _("must be a number, not %s"), node_kind (node));
  else
    {
      *out = json_node_get_double (node);
      if (kind == NUMBER_MONEY && *out < 0)
        error_at (self, node, _("must be 0 or more"));
      else if (kind == NUMBER_SHARE && (*out < 0 || *out > 1))
        error_at (self, node, _("must be a share from 0 to 1"));
      else
        ok = TRUE;
    }

  pop (self, mark);
  return ok;
}

static gboolean
get_bool (ReelDatasetBuilder *self,
          JsonObject         *object,
          const char         *name)
{
  gsize mark;
  JsonNode *node = enter (self, object, name, &mark);
  gboolean value = FALSE;

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    value = json_node_get_boolean (node);
  else
    error_at (self, node, _("must be true or false, not %s"), node_kind (node));

  pop (self, mark);
  return value;
}

static ReelQualifier
get_qualifier (ReelDatasetBuilder *self,
               JsonObject         *object)
{
  static const char * const names[] = { "approx", "at-least", "at-most", NULL };
  gsize mark;
  JsonNode *node = enter (self, object, "qualifier", &mark);
  ReelQualifier qualifier = REEL_QUALIFIER_NONE;

  if (node == NULL)
    return REEL_QUALIFIER_NONE;

  for (guint i = 0; names[i] != NULL; i++)
    if (is_string (node) && strcmp (json_node_get_string (node), names[i]) == 0)
      qualifier = REEL_QUALIFIER_APPROX + i;

  if (qualifier == REEL_QUALIFIER_NONE)
    error_at (self, node, _("must be “approx”, “at-least” or “at-most”"));

  pop (self, mark);
  return qualifier;
}

static char *
get_date (ReelDatasetBuilder *self,
          JsonObject         *object,
          const char         *name)
{
  char *value = get_string (self, object, name);
  gsize mark;

  if (value != NULL && !reel_rules_is_date (value))
    {
      JsonNode *node = enter (self, object, name, &mark);

      error_at (self, node, _("“%s” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"), value);
      pop (self, mark);
      g_clear_pointer (&value, g_free);
    }

  return value;
}

/* The list @name, with the path pointing at it; NULL when absent or wrong. */
static JsonArray *
enter_list (ReelDatasetBuilder *self,
            JsonObject         *object,
            const char         *name,
            gsize              *mark)
{
  JsonNode *node = enter (self, object, name, mark);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    error_at (self, node, _("must be a list, not %s"), node_kind (node));
  else if (json_array_get_length (json_node_get_array (node)) > REEL_DATASET_MAX_LIST)
    error_at (self, node, _("has more than %u entries"), REEL_DATASET_MAX_LIST);
  else
    return json_node_get_array (node);

  pop (self, *mark);
  return NULL;
}

/* Calls @func for each object of the list @name of @object, with the path
 * pointing at it; @errors is the error count before the object's members
 * were checked, so that @func can tell whether the object is sound. */
typedef void (*ObjectFunc) (ReelDatasetBuilder *self,
                            JsonNode           *node,
                            JsonObject         *fields,
                            guint               errors,
                            gpointer            user_data);

static void
for_each_object (ReelDatasetBuilder *self,
                 JsonObject         *object,
                 const char         *name,
                 const char * const *known,
                 const char * const *required,
                 ObjectFunc          func,
                 gpointer            user_data)
{
  gsize mark;
  JsonArray *list = enter_list (self, object, name, &mark);

  if (list == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      gsize inner = push_index (self, i);
      guint errors = self->n_errors;
      JsonObject *fields = check_object (self, node, known, required);

      if (fields != NULL)
        func (self, node, fields, errors, user_data);
      pop (self, inner);
    }

  pop (self, mark);
}

static GStrv
get_strings (ReelDatasetBuilder *self,
             JsonObject         *object,
             const char         *name,
             char *            (*check) (const char *, gsize))
{
  g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
  gsize mark;
  JsonArray *list = enter_list (self, object, name, &mark);

  if (list != NULL)
    {
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          gsize inner = push_index (self, i);

          if (!is_string (node))
            error_at (self, node, _("must be a string, not %s"), node_kind (node));
          else
            {
              const char *value = json_node_get_string (node);
              g_autofree char *message = check != NULL ? check (value, strlen (value)) : NULL;

              if (message != NULL)
                {
                  error_at (self, node, "%s", message);
                }
              else
                {
                  /* Topics are text; ids and country codes have no controls to replace. */
                  g_autofree char *plain = reel_text_sanitize (value);

                  g_strv_builder_add (strv, plain);
                }
            }
          pop (self, inner);
        }
      pop (self, mark);
    }

  return g_strv_builder_end (strv);
}

/* Resolves `source` to the index of a source; G_MAXUINT when it does not. */
static guint
get_source (ReelDatasetBuilder *self,
            JsonObject         *object)
{
  g_autofree char *id = get_id (self, object, "source");
  gpointer index;
  gsize mark;

  if (id == NULL)
    return G_MAXUINT;

  index = g_hash_table_lookup (self->sources, id);
  if (index == NULL)
    {
      JsonNode *node = enter (self, object, "source", &mark);

      error_at (self, node, _("“%s” is not the id of a source"), id);
      pop (self, mark);
      return G_MAXUINT;
    }

  return GPOINTER_TO_UINT (index) - 1;
}

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
  *source = get_source (self, fields);
  if (basis != NULL)
    *basis = get_string (self, fields, "basis");
  *qualifier = get_qualifier (self, fields);
  *note = get_text (self, fields, "note", 0);
  if (get_bool (self, fields, "estimate"))
    *flags |= REEL_FIGURE_ESTIMATE;

  if ((*flags & REEL_FIGURE_ESTIMATE) != 0 && *note == NULL)
    warning_at (self, node, _("an estimate should have a “note” saying how it was derived"));
}

/* What may not repeat within a list of figures: one figure per (metric,)
 * year, source and basis. */
static char *
point_key (ReelDatasetBuilder *self,
           const char         *metric,
           guint               year,
           guint               source,
           const char         *basis)
{
  const ReelSource *s = g_ptr_array_index (self->dataset->sources, source);

  return g_strdup_printf ("%s\x1f%u\x1f%s\x1f%s", metric != NULL ? metric : "", year, s->id,
                          basis != NULL ? basis : "");
}

typedef struct {
  GArray     *figures;
  GHashTable *points;      /* "year source basis" */
  GHashTable *primaries;   /* year → its primary figure's node */
} Figures;

static void
read_figure (ReelDatasetBuilder *self,
             JsonNode           *node,
             JsonObject         *fields,
             guint               errors,
             gpointer            user_data)
{
  Figures *figures = user_data;
  ReelFigure figure = { 0 };

  figure.year = get_year (self, fields, "year");
  get_number (self, fields, "value", NUMBER_MONEY, &figure.value);
  read_provenance (self, node, fields, &figure.source, &figure.basis, &figure.qualifier,
                   &figure.note, &figure.flags);
  if (get_bool (self, fields, "forecast"))
    figure.flags |= REEL_FIGURE_FORECAST;
  if (get_bool (self, fields, "primary"))
    figure.flags |= REEL_FIGURE_PRIMARY;

  if (self->n_errors == errors)
    {
      if (!g_hash_table_add (figures->points, point_key (self, NULL, figure.year, figure.source,
                                                         figure.basis)))
        error_at (self, node, _("another figure for %u has the same source and basis"),
                  figure.year);

      if ((figure.flags & REEL_FIGURE_PRIMARY) != 0 &&
          !g_hash_table_insert (figures->primaries, GUINT_TO_POINTER (figure.year), node))
        error_at (self, node, _("another figure for %u is already primary"), figure.year);
    }

  g_array_append_val (figures->figures, figure);
}

static void
read_figures (ReelDatasetBuilder *self,
              JsonObject         *object,
              GArray             *array)
{
  static const char * const required[] = { "year", "value", "source", NULL };
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) primaries = g_hash_table_new (NULL, NULL);
  Figures figures = { array, points, primaries };

  for_each_object (self, object, "revenue", figure_members, required, read_figure, &figures);
}

typedef struct {
  GArray     *growth;
  GHashTable *points;      /* "metric year source basis" */
} Growth;

static void
read_growth_figure (ReelDatasetBuilder *self,
                    JsonNode           *node,
                    JsonObject         *fields,
                    guint               errors,
                    gpointer            user_data)
{
  Growth *growth = user_data;
  ReelGrowth figure = { 0 };

  figure.metric = get_string (self, fields, "metric");
  figure.year = get_year (self, fields, "year");
  get_number (self, fields, "percent", NUMBER_ANY, &figure.percent);
  read_provenance (self, node, fields, &figure.source, &figure.basis, &figure.qualifier,
                   &figure.note, &figure.flags);

  if (self->n_errors == errors)
    {
      if (!g_hash_table_add (growth->points, point_key (self, figure.metric, figure.year,
                                                        figure.source, figure.basis)))
        error_at (self, node, _("another %s figure for %u has the same source and basis"),
                  figure.metric, figure.year);
    }

  g_array_append_val (growth->growth, figure);
}

static void
read_growth (ReelDatasetBuilder *self,
             JsonObject         *object,
             GArray             *array)
{
  static const char * const required[] = { "metric", "year", "percent", "source", NULL };
  g_autoptr(GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Growth growth = { array, points };

  for_each_object (self, object, "growth", growth_members, required, read_growth_figure, &growth);
}

static void
read_trait (ReelDatasetBuilder *self,
            JsonNode           *node,
            JsonObject         *fields,
            guint               errors,
            gpointer            user_data)
{
  ReelAudience *audience = user_data;
  ReelTrait trait = { 0 };

  trait.label = get_text (self, fields, "label", REEL_DATASET_MAX_LABEL);
  get_number (self, fields, "share", NUMBER_SHARE, &trait.share);
  read_provenance (self, node, fields, &trait.source, NULL, &trait.qualifier, &trait.note,
                   &trait.flags);
  g_array_append_val (audience->traits, trait);
}

static void
read_note (ReelDatasetBuilder *self,
           JsonNode           *node,
           JsonObject         *fields,
           guint               errors,
           gpointer            user_data)
{
  ReelAudience *audience = user_data;
  ReelNote note = { 0 };

  note.text = get_text (self, fields, "text", 0);
  note.source = get_source (self, fields);
  g_array_append_val (audience->notes, note);
}

static ReelAudience *
read_audience (ReelDatasetBuilder *self,
               JsonObject         *object)
{
  static const char * const trait_required[] = { "label", "share", "source", NULL };
  static const char * const note_required[] = { "text", "source", NULL };
  ReelAudience *audience = NULL;
  JsonObject *fields;
  gsize mark;
  JsonNode *node = enter (self, object, "audience", &mark);

  if (node == NULL)
    return NULL;

  if ((fields = check_object (self, node, audience_members, NULL)) != NULL)
    {
      audience = _reel_audience_new ();
      audience->summary = get_text (self, fields, "summary", 0);
      for_each_object (self, fields, "traits", trait_members, trait_required, read_trait, audience);
      for_each_object (self, fields, "notes", note_members, note_required, read_note, audience);
    }

  pop (self, mark);
  return audience;
}

/* A region's or the world's figures and audience. */
static void
read_region_data (ReelDatasetBuilder *self,
                  JsonObject         *fields,
                  ReelRegion         *region)
{
  read_figures (self, fields, region->revenue);
  read_growth (self, fields, region->growth);
  region->audience = read_audience (self, fields);
}

/* Reads a list of objects that have an `id` unique in the list, calling
 * @read_item for each; ids are registered in @ids even when something else
 * about the item is wrong, so that references to it do not fail twice. */
typedef gpointer (*ReadItemFunc) (ReelDatasetBuilder *self,
                                  JsonObject         *fields,
                                  const char         *id);

typedef struct {
  const char   *name;
  ReadItemFunc  read_item;
  GPtrArray    *items;
  GHashTable   *ids;        /* id → the item; for sources, its index + 1 */
} Items;

static void
read_item (ReelDatasetBuilder *self,
           JsonNode           *node,
           JsonObject         *fields,
           guint               errors,
           gpointer            user_data)
{
  Items *items = user_data;
  g_autofree char *id = get_id (self, fields, "id");
  gpointer item;

  if (id == NULL)
    return;

  if (g_hash_table_contains (items->ids, id))
    {
      gsize at_id;
      JsonNode *id_node = enter (self, fields, "id", &at_id);

      error_at (self, id_node, _("another entry of “%s” has the id “%s”"), items->name, id);
      pop (self, at_id);
    }

  item = items->read_item (self, fields, id);
  g_ptr_array_add (items->items, item);
  if (!g_hash_table_contains (items->ids, id))
    g_hash_table_insert (items->ids, g_steal_pointer (&id),
                         items->ids == self->sources ? GUINT_TO_POINTER (items->items->len) : item);
}

static void
read_list (ReelDatasetBuilder *self,
           JsonObject         *object,
           const char         *name,
           const char * const *known,
           const char * const *required,
           ReadItemFunc        read_func,
           GPtrArray          *list,
           GHashTable         *ids)
{
  Items items = { name, read_func, list, ids };

  for_each_object (self, object, name, known, required, read_item, &items);
}

static gpointer
read_source (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  ReelSource *source = _reel_source_new (id, get_text (self, fields, "title", 0));
  gsize mark;

  if (source->title == NULL)
    source->title = reel_text_new (id);
  source->publisher = get_text (self, fields, "publisher", 0);
  source->url = get_string (self, fields, "url");
  source->published = get_date (self, fields, "published");
  source->note = get_text (self, fields, "note", 0);

  if (source->url != NULL && !reel_dataset_url_is_safe (source->url))
    {
      JsonNode *node = enter (self, fields, "url", &mark);

      warning_at (self, node, _("only http and https links are opened; this one will not be"));
      pop (self, mark);
    }

  if (strcmp (id, REEL_RECORDS_SOURCE_ID) == 0)
    {
      JsonNode *node = enter (self, fields, "id", &mark);

      error_at (self, node, _("“%s” is reserved for the figures summed from records"), id);
      pop (self, mark);
    }

  return source;
}

static gpointer
read_region (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  ReelText *name = get_text (self, fields, "name", REEL_DATASET_MAX_LABEL);
  ReelRegion *region = _reel_region_new (id, name != NULL ? name : reel_text_new (id));

  g_strfreev (region->countries);
  region->countries = get_strings (self, fields, "countries", reel_rules_check_country);
  read_region_data (self, fields, region);
  return region;
}

static gpointer
read_platform (ReelDatasetBuilder *self,
               JsonObject         *fields,
               const char         *id)
{
  ReelText *name = get_text (self, fields, "name", REEL_DATASET_MAX_LABEL);
  ReelPlatform *platform = _reel_platform_new (id, name != NULL ? name : reel_text_new (id));

  platform->company = get_text (self, fields, "company", REEL_DATASET_MAX_LABEL);
  platform->launched = get_year (self, fields, "launched");
  read_figures (self, fields, platform->revenue);
  return platform;
}

static void
read_quote (ReelDatasetBuilder *self,
            JsonNode           *node,
            JsonObject         *fields,
            guint               errors,
            gpointer            user_data)
{
  ReelExpert *expert = user_data;
  ReelQuote quote = { 0 };

  quote.text = get_text (self, fields, "text", 0);
  quote.source = get_source (self, fields);
  quote.regions = get_strings (self, fields, "regions", reel_rules_check_id);
  quote.topics = get_strings (self, fields, "topics", NULL);

  /* Walk the list itself, not the ids read from it: an entry that was not
   * an id is missing from those, and the rest would be reported at the
   * wrong index. */
  if (quote.regions[0] != NULL)
    {
      gsize at_regions;
      JsonArray *regions = json_node_get_array (enter (self, fields, "regions", &at_regions));

      for (guint r = 0; r < json_array_get_length (regions); r++)
        {
          JsonNode *element = json_array_get_element (regions, r);
          const char *id = is_string (element) ? json_node_get_string (element) : NULL;

          if (id != NULL && reel_rules_is_id (id, strlen (id)) &&
              !g_hash_table_contains (self->regions, id))
            {
              gsize at_region = push_index (self, r);

              error_at (self, element, _("“%s” is not the id of a region"), id);
              pop (self, at_region);
            }
        }
      pop (self, at_regions);
    }

  g_array_append_val (expert->quotes, quote);
}

static gpointer
read_expert (ReelDatasetBuilder *self,
             JsonObject         *fields,
             const char         *id)
{
  static const char * const quote_required[] = { "text", "source", NULL };
  ReelText *name = get_text (self, fields, "name", REEL_DATASET_MAX_LABEL);
  ReelExpert *expert = _reel_expert_new (id, name != NULL ? name : reel_text_new (id));

  expert->role = get_text (self, fields, "role", REEL_DATASET_MAX_LABEL);
  expert->organization = get_text (self, fields, "organization", REEL_DATASET_MAX_LABEL);
  expert->country = get_text (self, fields, "country", REEL_DATASET_MAX_LABEL);
  for_each_object (self, fields, "quotes", quote_members, quote_required, read_quote, expert);

  return expert;
}

static void
read_header (ReelDatasetBuilder *self,
             JsonObject         *root)
{
  ReelDataset *dataset = self->dataset;
  ReelText *text;
  char *value;
  gsize mark;
  JsonNode *node;

  if ((text = get_text (self, root, "title", 0)) != NULL)
    {
      reel_text_unref (dataset->title);
      dataset->title = text;
    }
  dataset->description = get_text (self, root, "description", 0);
  dataset->updated = get_date (self, root, "updated");

  if ((value = get_string (self, root, "currency")) != NULL)
    {
      if (strlen (value) == 3 && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]) &&
          g_ascii_isupper (value[2]))
        {
          g_free (dataset->currency);
          dataset->currency = value;
        }
      else
        {
          node = enter (self, root, "currency", &mark);
          error_at (self, node, _("“%s” is not a currency code: use ISO 4217, such as USD"), value);
          pop (self, mark);
          g_free (value);
        }
    }
}

/* `format` and `version` come first: a file that is not a dataset of a
 * version this build reads gets one clear error, not a hundred others. */
static gboolean
check_format (ReelDatasetBuilder *self,
              JsonNode           *root_node,
              JsonObject         *root)
{
  JsonNode *node;
  gsize mark;

  node = json_object_get_member (root, "format");
  if (node == NULL)
    {
      error_at (self, root_node, _("“format” is missing: this is not a Reelscope dataset"));
      return FALSE;
    }
  if (!is_string (node) || strcmp (json_node_get_string (node), REEL_DATASET_FORMAT) != 0)
    {
      mark = push_member (self, "format");
      error_at (self, node, _("must be “%s”: this is not a Reelscope dataset"), REEL_DATASET_FORMAT);
      pop (self, mark);
      return FALSE;
    }

  node = json_object_get_member (root, "version");
  if (node == NULL)
    {
      error_at (self, root_node, _("“version” is missing"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != REEL_DATASET_VERSION)
    {
      mark = push_member (self, "version");
      error_at (self, node, _("this is a version this build cannot read; it reads version %d"),
                REEL_DATASET_VERSION);
      pop (self, mark);
      return FALSE;
    }

  return TRUE;
}

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

/* Sums the records into figures of the implicit source `records`, for each
 * region, each platform and the world, marking partial years. */
static void
add_records (ReelDataset           *dataset,
             const ReelRecordTable *table,
             guint                  source)
{
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) platforms = g_hash_table_new (g_str_hash, g_str_equal);
  guint first, last;

  if (!reel_record_table_get_year_range (table, &first, &last))
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

  dataset->n_records = reel_record_table_get_n_records (table);
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
  g_free (self);
}

/* Returns the dataset, or NULL when a rule was broken. */
ReelDataset *
reel_dataset_builder_build (ReelDatasetBuilder *self)
{
  static const char * const dataset_required[] = { "format", "version", "regions", NULL };
  static const char * const source_required[] = { "id", "title", NULL };
  static const char * const item_required[] = { "id", "name", NULL };
  JsonNode *root_node;
  JsonObject *root;
  JsonNode *node;
  gsize mark;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->dataset == NULL, NULL);

  self->dataset = _reel_dataset_new (self->file);
  root_node = reel_json_tree_get_root (self->tree);

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      error_at (self, root_node, _("a dataset is a JSON object, not %s"), node_kind (root_node));
      return NULL;
    }

  root = json_node_get_object (root_node);
  if (!check_format (self, root_node, root))
    return NULL;
  check_object (self, root_node, dataset_members, dataset_required);

  read_header (self, root);
  read_list (self, root, "sources", source_members, source_required,
             read_source, self->dataset->sources, self->sources);

  if (reel_record_table_get_n_records (self->table) > 0 &&
      !g_hash_table_contains (self->sources, REEL_RECORDS_SOURCE_ID))
    g_hash_table_insert (self->sources, g_strdup (REEL_RECORDS_SOURCE_ID),
                         GUINT_TO_POINTER (add_records_source (self->dataset) + 1));

  read_list (self, root, "regions", region_members, item_required,
             read_region, self->dataset->regions, self->regions);
  if (self->dataset->regions->len == 0 && json_object_has_member (root, "regions") &&
      (node = enter (self, root, "regions", &mark)) != NULL)
    {
      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 0)
        error_at (self, node, _("a dataset needs at least one region"));
      pop (self, mark);
    }

  if ((node = enter (self, root, "global", &mark)) != NULL)
    {
      JsonObject *fields = check_object (self, node, global_members, NULL);

      if (fields != NULL)
        read_region_data (self, fields, self->dataset->global);
      pop (self, mark);
    }

  read_list (self, root, "platforms", platform_members, item_required,
             read_platform, self->dataset->platforms, self->platforms);
  read_list (self, root, "experts", expert_members, item_required,
             read_expert, self->dataset->experts, self->experts);

  if (!reel_json_tree_was_diverted (self->tree) && (node = enter (self, root, "records", &mark)) != NULL)
    {
      error_at (self, node, _("must be a list, not %s"), node_kind (node));
      pop (self, mark);
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
