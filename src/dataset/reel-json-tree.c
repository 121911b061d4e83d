/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-json-tree"

#include "config.h"

#include "reel-json-tree.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-dataset.h"

typedef enum {
  DIVERT_NONE,
  DIVERT_PENDING,   /* the member's name was read; diverted if its value is an array */
  DIVERT_ACTIVE,
  DIVERT_DONE,
} DivertState;

struct _ReelJsonTree {
  JsonNode        *root;
  GPtrArray       *stack;         /* open containers, borrowed from the tree */
  GHashTable      *positions;     /* JsonNode → ReelJsonPosition */
  char            *key;           /* the member name waiting for its value */
  guint            key_line;
  guint            key_column;

  char            *divert_name;
  ReelJsonHandler  divert_handler;
  gpointer         divert_data;
  DivertState      divert;

  guint            n_values;
  ReelProblem     *problem;       /* the limit that stopped the scan */
};

ReelJsonTree *
reel_json_tree_new (void)
{
  ReelJsonTree *self = g_new0 (ReelJsonTree, 1);

  self->stack = g_ptr_array_new ();
  self->positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return self;
}

void
reel_json_tree_free (ReelJsonTree *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->root, json_node_unref);
  g_ptr_array_unref (self->stack);
  g_hash_table_unref (self->positions);
  g_free (self->key);
  g_free (self->divert_name);
  g_clear_pointer (&self->problem, reel_problem_free);
  g_free (self);
}

void
reel_json_tree_divert_member (ReelJsonTree    *self,
                              const char      *name,
                              ReelJsonHandler  handler,
                              gpointer         user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_free (self->divert_name);
  self->divert_name = g_strdup (name);
  self->divert_handler = handler;
  self->divert_data = user_data;
}

static void
add_node (ReelJsonTree        *self,
          JsonNode            *node,
          const ReelJsonEvent *event)
{
  ReelJsonPosition *position = g_new (ReelJsonPosition, 1);

  position->line = event->line;
  position->column = event->column;
  position->key_line = event->line;
  position->key_column = event->column;
  g_hash_table_insert (self->positions, node, position);

  if (self->stack->len == 0)
    {
      self->root = node;
      return;
    }

  {
    JsonNode *parent = g_ptr_array_index (self->stack, self->stack->len - 1);

    if (JSON_NODE_HOLDS_OBJECT (parent))
      {
        g_assert (self->key != NULL);
        position->key_line = self->key_line;
        position->key_column = self->key_column;
        json_object_set_member (json_node_get_object (parent), self->key, node);
        g_clear_pointer (&self->key, g_free);
      }
    else
      {
        json_array_add_element (json_node_get_array (parent), node);
      }
  }
}

static gboolean too_large (ReelJsonTree  *self,
                           const char    *path,
                           guint          line,
                           guint          column,
                           GError       **error,
                           const char    *format,
                           ...) G_GNUC_PRINTF (6, 7);

/* Stops the scan at a limit, with a problem at @line:@column. */
static gboolean
too_large (ReelJsonTree  *self,
           const char    *path,
           guint          line,
           guint          column,
           GError       **error,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_pointer (&self->problem, reel_problem_free);
  self->problem = reel_problem_new (REEL_PROBLEM_ERROR, path, line, column, message);
  g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE, "%u:%u: %s", line, column, message);
  return FALSE;
}

/* Checks the limits before a value is added to the tree. */
static gboolean
check_limits (ReelJsonTree         *self,
              ReelJsonScanner      *scanner,
              const ReelJsonEvent  *event,
              GError              **error)
{
  JsonNode *parent = self->stack->len > 0 ? g_ptr_array_index (self->stack, self->stack->len - 1) : NULL;

  if (parent != NULL && JSON_NODE_HOLDS_ARRAY (parent) &&
      json_array_get_length (json_node_get_array (parent)) >= REEL_DATASET_MAX_LIST)
    {
      const ReelJsonPosition *position = g_hash_table_lookup (self->positions, parent);
      g_autofree char *path = reel_json_scanner_dup_path (scanner);
      char *index = strrchr (path, '[');

      /* The path is the entry's: `a.b[100000]`; the problem is the list's. */
      if (index != NULL)
        *index = '\0';
      return too_large (self, path, position->line, position->column, error,
                        _("has more than %u entries"), REEL_DATASET_MAX_LIST);
    }

  if (++self->n_values > REEL_DATASET_MAX_VALUES)
    {
      g_autofree char *path = reel_json_scanner_dup_path (scanner);

      return too_large (self, path, event->line, event->column, error,
                        _("more than %u values besides the records: put bulk data in “records”"),
                        REEL_DATASET_MAX_VALUES);
    }

  return TRUE;
}

/* A ReelJsonHandler; @user_data is the tree. */
gboolean
reel_json_tree_handle_event (ReelJsonScanner      *scanner,
                             const ReelJsonEvent  *event,
                             gpointer              user_data,
                             GError              **error)
{
  ReelJsonTree *self = user_data;
  JsonNode *node;

  if (self->divert == DIVERT_PENDING)
    self->divert = event->type == REEL_JSON_ARRAY_START ? DIVERT_ACTIVE : DIVERT_NONE;

  if (self->divert == DIVERT_ACTIVE)
    {
      if (event->depth == 1 && event->type == REEL_JSON_ARRAY_END)
        self->divert = DIVERT_DONE;
      if (event->depth == 1 && event->type == REEL_JSON_ARRAY_START)
        g_clear_pointer (&self->key, g_free);
      return self->divert_handler (scanner, event, self->divert_data, error);
    }

  if (event->type != REEL_JSON_KEY && event->type != REEL_JSON_OBJECT_END &&
      event->type != REEL_JSON_ARRAY_END && !check_limits (self, scanner, event, error))
    return FALSE;

  switch (event->type)
    {
    case REEL_JSON_OBJECT_START:
      node = json_node_alloc ();
      /* json_node_init_object() would take a reference of its own. */
      json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
      add_node (self, node, event);
      g_ptr_array_add (self->stack, node);
      break;

    case REEL_JSON_ARRAY_START:
      node = json_node_alloc ();
      json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), json_array_new ());
      add_node (self, node, event);
      g_ptr_array_add (self->stack, node);
      break;

    case REEL_JSON_OBJECT_END:
    case REEL_JSON_ARRAY_END:
      g_ptr_array_set_size (self->stack, self->stack->len - 1);
      break;

    case REEL_JSON_KEY:
      g_free (self->key);
      self->key = g_strndup (event->string, event->length);
      self->key_line = event->line;
      self->key_column = event->column;
      if (event->depth == 1 && self->divert_name != NULL && self->divert == DIVERT_NONE &&
          strcmp (self->key, self->divert_name) == 0)
        self->divert = DIVERT_PENDING;
      break;

    case REEL_JSON_STRING:
      add_node (self, json_node_init_string (json_node_alloc (), event->string), event);
      break;

    case REEL_JSON_NUMBER:
      /* Integers stay integers only while a double holds them exactly, so that
       * a rule that wants an integer never sees a rounded or wrapped one. 2^53
       * itself is exact, but 2^53 + 1 rounds to it: only below it is the
       * literal certainly the number. */
      if (event->integer && fabs (event->number) < REEL_JSON_MAX_SAFE_INTEGER)
        node = json_node_init_int (json_node_alloc (), (gint64) event->number);
      else
        node = json_node_init_double (json_node_alloc (), event->number);
      add_node (self, node, event);
      break;

    case REEL_JSON_TRUE:
    case REEL_JSON_FALSE:
      node = json_node_init_boolean (json_node_alloc (), event->type == REEL_JSON_TRUE);
      add_node (self, node, event);
      break;

    case REEL_JSON_NULL:
      add_node (self, json_node_init_null (json_node_alloc ()), event);
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

JsonNode *
reel_json_tree_get_root (ReelJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

/* The limit that stopped the scan, or NULL. */
const ReelProblem *
reel_json_tree_get_problem (ReelJsonTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problem;
}

/* Whether the diverted member was there (and was an array). */
gboolean
reel_json_tree_was_diverted (ReelJsonTree *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->divert == DIVERT_DONE;
}

const ReelJsonPosition *
reel_json_tree_get_position (ReelJsonTree *self,
                             JsonNode     *node)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->positions, node);
}
