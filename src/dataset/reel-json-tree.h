/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "reel-json-scanner.h"

G_BEGIN_DECLS

/* Builds a json-glib tree from the strict scanner's events, remembering where
 * each node was, so that rules checked on the tree can say where they broke.
 * One member of the root object can be diverted to another handler instead
 * (the bulk `records` array) so that it is never held as a tree.
 *
 * The tree stops the scan (REEL_DATASET_ERROR_TOO_LARGE, and a problem that
 * says where) at a list of more than REEL_DATASET_MAX_LIST entries or more
 * than REEL_DATASET_MAX_VALUES values in all, before they take the memory. */

typedef struct {
  guint key_line;     /* of the member name, for object members; else of the value */
  guint key_column;
  guint line;         /* of the value */
  guint column;
} ReelJsonPosition;

typedef struct _ReelJsonTree ReelJsonTree;

ReelJsonTree           *reel_json_tree_new            (void);
void                    reel_json_tree_free           (ReelJsonTree         *self);
void                    reel_json_tree_divert_member  (ReelJsonTree         *self,
                                                       const char           *name,
                                                       ReelJsonHandler       handler,
                                                       gpointer              user_data);
gboolean                reel_json_tree_handle_event   (ReelJsonScanner      *scanner,
                                                       const ReelJsonEvent  *event,
                                                       gpointer              user_data,
                                                       GError              **error);
JsonNode               *reel_json_tree_get_root       (ReelJsonTree         *self);
gboolean                reel_json_tree_was_diverted   (ReelJsonTree         *self);
const ReelJsonPosition *reel_json_tree_get_position   (ReelJsonTree         *self,
                                                       JsonNode             *node);
const ReelProblem      *reel_json_tree_get_problem    (ReelJsonTree         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelJsonTree, reel_json_tree_free)

G_END_DECLS
