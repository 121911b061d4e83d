/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-builder"

#include "config.h"

#include "reel-dataset-builder-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-rules.h"

/* The kinds of plain value a member may have to hold. */
typedef enum {
  VALUE_STRING,
  VALUE_NUMBER,
  VALUE_BOOL,
} ValueKind;

static void add_problem (ReelDatasetBuilder  *self,
                         ReelProblemSeverity  severity,
                         JsonNode            *node,
                         gboolean             at_key,
                         const char          *format,
                         va_list              args) G_GNUC_PRINTF (5, 0);

/* Adds a problem at @node (its value, or its member name when @at_key), whose
 * path is the current one. */
static void
add_problem (ReelDatasetBuilder  *self,
             ReelProblemSeverity  severity,
             JsonNode            *node,
             gboolean             at_key,
             const char          *format,
             va_list              args)
{
  const ReelJsonPosition *position = reel_json_tree_get_position (self->tree, node);
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_assert (position != NULL);

  if (severity == REEL_PROBLEM_ERROR)
    self->n_errors++;

  g_ptr_array_add (self->problems,
                   reel_problem_new (severity, self->path->str,
                                     at_key ? position->key_line : position->line,
                                     at_key ? position->key_column : position->column,
                                     message));
}

void
_reel_builder_problem_at (ReelDatasetBuilder  *self,
                          ReelProblemSeverity  severity,
                          JsonNode            *node,
                          gboolean             at_key,
                          const char          *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  add_problem (self, severity, node, at_key, format, args);
  va_end (args);
}

/* Adds a problem at the value of the member @name of @object, which is
 * there, with the path pointing at it. */
void
_reel_builder_problem_at_member (ReelDatasetBuilder  *self,
                                 ReelProblemSeverity  severity,
                                 JsonObject          *object,
                                 const char          *name,
                                 const char          *format,
                                 ...)
{
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, object, name, &mark);
  va_list args;

  g_assert (node != NULL);

  va_start (args, format);
  add_problem (self, severity, node, FALSE, format, args);
  va_end (args);
  _reel_builder_pop (self, mark);
}

gsize
_reel_builder_push_member (ReelDatasetBuilder *self,
                           const char         *name)
{
  gsize mark = self->path->len;

  reel_json_path_append_key (self->path, name);
  return mark;
}

gsize
_reel_builder_push_index (ReelDatasetBuilder *self,
                          guint               index)
{
  gsize mark = self->path->len;

  g_string_append_printf (self->path, "[%u]", index);
  return mark;
}

void
_reel_builder_pop (ReelDatasetBuilder *self,
                   gsize               mark)
{
  g_string_truncate (self->path, mark);
}

const char *
_reel_builder_node_kind (JsonNode *node)
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
JsonObject *
_reel_builder_check_object (ReelDatasetBuilder *self,
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
      _reel_builder_error_at (self, node, _("must be an object, not %s"),
                              _reel_builder_node_kind (node));
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

      mark = _reel_builder_push_member (self, name);
      if (suggestion != NULL)
        _reel_builder_problem_at (self, REEL_PROBLEM_WARNING, member, TRUE,
                                  _("unknown member, did you mean “%s”?"), suggestion);
      else
        _reel_builder_problem_at (self, REEL_PROBLEM_WARNING, member, TRUE,
                                  _("unknown member, ignored"));
      _reel_builder_pop (self, mark);
    }

  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    if (!json_object_has_member (object, required[i]))
      _reel_builder_error_at (self, node, _("“%s” is missing"), required[i]);

  return object;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

/* The member @name of @object, with the path pointing at it; NULL when it is
 * absent. A null is not absent: it is a value of the wrong type. */
JsonNode *
_reel_builder_enter (ReelDatasetBuilder *self,
                     JsonObject         *object,
                     const char         *name,
                     gsize              *mark)
{
  JsonNode *node = get_member (object, name);

  *mark = self->path->len;
  if (node == NULL)
    return NULL;

  _reel_builder_push_member (self, name);
  return node;
}

gboolean
_reel_builder_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_value (JsonNode  *node,
             ValueKind  kind)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (kind == VALUE_STRING)
    return type == G_TYPE_STRING;
  if (kind == VALUE_NUMBER)
    return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
  return type == G_TYPE_BOOLEAN;
}

/* The member @name of @object when it holds a value of @kind; NULL when it
 * is absent, or when it holds something else, which is an error. */
static JsonNode *
get_value (ReelDatasetBuilder *self,
           JsonObject         *object,
           const char         *name,
           ValueKind           kind)
{
  JsonNode *node = get_member (object, name);
  const char *actual;

  if (node == NULL || holds_value (node, kind))
    return node;

  actual = _reel_builder_node_kind (node);
  if (kind == VALUE_STRING)
    _reel_builder_error_at_member (self, object, name, _("must be a string, not %s"), actual);
  else if (kind == VALUE_NUMBER)
    _reel_builder_error_at_member (self, object, name, _("must be a number, not %s"), actual);
  else
    _reel_builder_error_at_member (self, object, name, _("must be true or false, not %s"), actual);

  return NULL;
}

char *
_reel_builder_get_string (ReelDatasetBuilder *self,
                          JsonObject         *object,
                          const char         *name)
{
  JsonNode *node = get_value (self, object, name, VALUE_STRING);

  return node != NULL ? reel_text_sanitize (json_node_get_string (node)) : NULL;
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

  _reel_builder_error_at (self, node, _("is longer than %u characters"), max_chars);
  return FALSE;
}

/* One language of a text object, with the path pointing at it: FALSE when
 * its tag or its value is wrong. */
static gboolean
add_language (ReelDatasetBuilder *self,
              ReelText           *text,
              const char         *language,
              JsonNode           *value,
              guint               max_chars)
{
  if (!is_language_tag (language))
    {
      _reel_builder_problem_at (self, REEL_PROBLEM_ERROR, value, TRUE,
                                _("“%s” is not a language tag such as en, zh-CN or pt-BR"),
                                language);
      return FALSE;
    }

  if (!_reel_builder_is_string (value))
    {
      _reel_builder_error_at (self, value, _("must be a string, not %s"),
                              _reel_builder_node_kind (value));
      return FALSE;
    }

  if (!check_length (self, value, json_node_get_string (value), max_chars))
    return FALSE;

  reel_text_add (text, language, json_node_get_string (value));
  return TRUE;
}

/* Text is a string or an object of language tags ({"en": …, "zh-CN": …}).
 * @max_chars is 0 for any text, or the limit for names and labels. */
ReelText *
_reel_builder_get_text (ReelDatasetBuilder *self,
                        JsonObject         *object,
                        const char         *name,
                        guint               max_chars)
{
  g_autoptr(ReelText) text = NULL;
  gsize mark;
  JsonNode *node = _reel_builder_enter (self, object, name, &mark);

  if (node == NULL)
    return NULL;

  if (_reel_builder_is_string (node))
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
          gsize inner = _reel_builder_push_member (self, language);

          if (!add_language (self, text, language, value, max_chars))
            ok = FALSE;
          _reel_builder_pop (self, inner);
        }
      if (!ok)
        g_clear_pointer (&text, reel_text_unref);
    }
  else
    {
      _reel_builder_error_at (self, node, _("must be text: a string, or an object of languages "
                                            "such as {\"en\": \"…\", \"es\": \"…\"}"));
    }

  _reel_builder_pop (self, mark);
  return g_steal_pointer (&text);
}

char *
_reel_builder_get_id (ReelDatasetBuilder *self,
                      JsonObject         *object,
                      const char         *name)
{
  JsonNode *node = get_value (self, object, name, VALUE_STRING);
  const char *value;
  g_autofree char *message = NULL;

  if (node == NULL)
    return NULL;

  value = json_node_get_string (node);
  message = reel_rules_check_id (value, strlen (value));
  if (message != NULL)
    {
      _reel_builder_error_at_member (self, object, name, "%s", message);
      return NULL;
    }

  return g_strdup (value);
}

/* Years are whole numbers written without a fraction: 2024, never 2024.0. */
guint
_reel_builder_get_year (ReelDatasetBuilder *self,
                        JsonObject         *object,
                        const char         *name)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL)
    return 0;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= REEL_DATASET_YEAR_MIN &&
      json_node_get_int (node) <= REEL_DATASET_YEAR_MAX)
    return json_node_get_int (node);

  _reel_builder_error_at_member (self, object, name, _("must be a whole year from %u to %u"),
                                 REEL_DATASET_YEAR_MIN, REEL_DATASET_YEAR_MAX);
  return 0;
}

gboolean
_reel_builder_get_number (ReelDatasetBuilder *self,
                          JsonObject         *object,
                          const char         *name,
                          ReelBuilderNumber   kind,
                          double             *out)
{
  JsonNode *node = get_value (self, object, name, VALUE_NUMBER);

  if (node == NULL)
    return FALSE;

  *out = json_node_get_double (node);
  if (kind == REEL_BUILDER_NUMBER_MONEY && *out < 0)
    _reel_builder_error_at_member (self, object, name, _("must be 0 or more"));
  else if (kind == REEL_BUILDER_NUMBER_SHARE && (*out < 0 || *out > 1))
    _reel_builder_error_at_member (self, object, name, _("must be a share from 0 to 1"));
  else
    return TRUE;

  return FALSE;
}

gboolean
_reel_builder_get_bool (ReelDatasetBuilder *self,
                        JsonObject         *object,
                        const char         *name)
{
  JsonNode *node = get_value (self, object, name, VALUE_BOOL);

  return node != NULL && json_node_get_boolean (node);
}

ReelQualifier
_reel_builder_get_qualifier (ReelDatasetBuilder *self,
                             JsonObject         *object)
{
  static const char * const names[] = { "approx", "at-least", "at-most", NULL };
  JsonNode *node = get_member (object, "qualifier");

  if (node == NULL)
    return REEL_QUALIFIER_NONE;

  for (guint i = 0; names[i] != NULL; i++)
    if (_reel_builder_is_string (node) && strcmp (json_node_get_string (node), names[i]) == 0)
      return REEL_QUALIFIER_APPROX + i;

  _reel_builder_error_at_member (self, object, "qualifier",
                                 _("must be “approx”, “at-least” or “at-most”"));
  return REEL_QUALIFIER_NONE;
}

char *
_reel_builder_get_date (ReelDatasetBuilder *self,
                        JsonObject         *object,
                        const char         *name)
{
  char *value = _reel_builder_get_string (self, object, name);

  if (value != NULL && !reel_rules_is_date (value))
    {
      _reel_builder_error_at_member (self, object, name,
                                     _("“%s” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
                                     value);
      g_clear_pointer (&value, g_free);
    }

  return value;
}

/* Resolves `source` to the index of a source; G_MAXUINT when it does not. */
guint
_reel_builder_get_source (ReelDatasetBuilder *self,
                          JsonObject         *object)
{
  g_autofree char *id = _reel_builder_get_id (self, object, "source");
  gpointer index;

  if (id == NULL)
    return G_MAXUINT;

  index = g_hash_table_lookup (self->sources, id);
  if (index == NULL)
    {
      _reel_builder_error_at_member (self, object, "source",
                                     _("“%s” is not the id of a source"), id);
      return G_MAXUINT;
    }

  g_hash_table_add (self->used_sources, index);
  return GPOINTER_TO_UINT (index) - 1;
}

/* The list @name, with the path pointing at it; NULL when absent or wrong. */
JsonArray *
_reel_builder_enter_list (ReelDatasetBuilder *self,
                          JsonObject         *object,
                          const char         *name,
                          gsize              *mark)
{
  JsonNode *node = _reel_builder_enter (self, object, name, mark);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    _reel_builder_error_at (self, node, _("must be a list, not %s"),
                            _reel_builder_node_kind (node));
  else if (json_array_get_length (json_node_get_array (node)) > REEL_DATASET_MAX_LIST)
    _reel_builder_error_at (self, node, _("has more than %u entries"), REEL_DATASET_MAX_LIST);
  else
    return json_node_get_array (node);

  _reel_builder_pop (self, *mark);
  return NULL;
}

/* Starts a walk over the objects of the list @name of @object, which may
 * have the members @known, @required among them. */
void
_reel_builder_iter_init (ReelBuilderIter    *iter,
                         ReelDatasetBuilder *self,
                         JsonObject         *object,
                         const char         *name,
                         const char * const *known,
                         const char * const *required)
{
  *iter = (ReelBuilderIter) { .builder = self, .known = known, .required = required };
  iter->list = _reel_builder_enter_list (self, object, name, &iter->list_mark);
  iter->entry_mark = self->path->len;
}

/* Moves to the next object of the list, with the path pointing at it;
 * FALSE at the end of the list, with the path as the walk found it. */
gboolean
_reel_builder_iter_next (ReelBuilderIter *iter)
{
  ReelDatasetBuilder *self = iter->builder;

  if (iter->list == NULL)
    return FALSE;

  _reel_builder_pop (self, iter->entry_mark);
  while (iter->index < json_array_get_length (iter->list))
    {
      iter->node = json_array_get_element (iter->list, iter->index);
      _reel_builder_push_index (self, iter->index++);
      iter->errors = self->n_errors;
      iter->fields = _reel_builder_check_object (self, iter->node, iter->known, iter->required);
      if (iter->fields != NULL)
        return TRUE;
      _reel_builder_pop (self, iter->entry_mark);
    }

  _reel_builder_pop (self, iter->list_mark);
  iter->list = NULL;
  return FALSE;
}

/* One entry of a list of strings, with the path pointing at it. */
static void
add_string (ReelDatasetBuilder *self,
            GStrvBuilder       *strv,
            JsonNode           *node,
            char *            (*check) (const char *, gsize))
{
  const char *value;
  g_autofree char *message = NULL;
  g_autofree char *plain = NULL;

  if (!_reel_builder_is_string (node))
    {
      _reel_builder_error_at (self, node, _("must be a string, not %s"),
                              _reel_builder_node_kind (node));
      return;
    }

  value = json_node_get_string (node);
  message = check != NULL ? check (value, strlen (value)) : NULL;
  if (message != NULL)
    {
      _reel_builder_error_at (self, node, "%s", message);
      return;
    }

  /* Topics are text; ids and country codes have no controls to replace. */
  plain = reel_text_sanitize (value);
  g_strv_builder_add (strv, plain);
}

GStrv
_reel_builder_get_strings (ReelDatasetBuilder *self,
                           JsonObject         *object,
                           const char         *name,
                           char *            (*check) (const char *, gsize))
{
  g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
  gsize mark;
  JsonArray *list = _reel_builder_enter_list (self, object, name, &mark);

  if (list != NULL)
    {
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          gsize inner = _reel_builder_push_index (self, i);

          add_string (self, strv, json_array_get_element (list, i), check);
          _reel_builder_pop (self, inner);
        }
      _reel_builder_pop (self, mark);
    }

  return g_strv_builder_end (strv);
}
