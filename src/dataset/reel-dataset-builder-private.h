/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-dataset-builder.h"
#include "reel-dataset-private.h"
#include "reel-problem.h"

G_BEGIN_DECLS

/* The builder is three files:
 * - reel-dataset-builder.c runs the phases of a build and sums the records;
 * - reel-dataset-builder-objects.c reads each object of the dataset: a new
 *   version of the format adds its objects and their phases there;
 * - reel-dataset-builder-members.c reads typed members and reports each
 *   problem with its JSON path and position.
 * The helpers they share are prefixed _reel_builder_. */
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

  guint              version;      /* of the file's format */
  GHashTable        *used_sources; /* index + 1 of each source something uses */
  GHashTable        *shares;       /* "metric period origin" → the sum of its shares */
};

/* Where a list of figures of format version 2 stands, and what its figures
 * are checked against. */
typedef struct {
  GArray     *measures;     /* of ReelMeasure: where each is kept */
  GArray     *revenue;      /* of ReelFigure: the whole place's yearly revenue; nullable */
  GStrv       countries;    /* a region's countries; NULL outside a region */
  const char *country;      /* the code of a `country-figures` list */
  gboolean    on_platform;  /* whether a figure may say its `region` */
  GHashTable *points;       /* what may not repeat in the place */
  GHashTable *primaries;    /* the series that have a primary figure → a derived one's place */
} ReelBuilderPlace;

typedef enum {
  REEL_BUILDER_NUMBER_ANY,
  REEL_BUILDER_NUMBER_MONEY,
  REEL_BUILDER_NUMBER_SHARE,
} ReelBuilderNumber;

/* Walks the objects of a list, with the path pointing at the current one:
 *
 *   ReelBuilderIter iter;
 *
 *   _reel_builder_iter_init (&iter, self, object, "traits", known, required);
 *   while (_reel_builder_iter_next (&iter))
 *     read_trait (self, &iter, …);
 *
 * An entry that is not an object is reported and skipped. A walk runs to the
 * end of its list, which leaves the path as the walk found it. */
typedef struct {
  JsonNode           *node;        /* the current object */
  JsonObject         *fields;      /* its members */
  guint               errors;      /* the error count before they were checked,
                                    * to tell whether the object is sound */

  /*< private >*/
  ReelDatasetBuilder *builder;
  JsonArray          *list;
  const char * const *known;
  const char * const *required;
  guint               index;
  gsize               list_mark;   /* the path without the list */
  gsize               entry_mark;  /* the path without the entry */
} ReelBuilderIter;

/* Problems, at a node or at the member of an object */
void          _reel_builder_problem_at        (ReelDatasetBuilder     *self,
                                               ReelProblemSeverity     severity,
                                               JsonNode               *node,
                                               gboolean                at_key,
                                               const char             *format,
                                               ...) G_GNUC_PRINTF (5, 6);
void          _reel_builder_problem_at_member (ReelDatasetBuilder     *self,
                                               ReelProblemSeverity     severity,
                                               JsonObject             *object,
                                               const char             *name,
                                               const char             *format,
                                               ...) G_GNUC_PRINTF (5, 6);
const char   *_reel_builder_node_kind         (JsonNode               *node);
gboolean      _reel_builder_is_string         (JsonNode               *node);

#define _reel_builder_error_at(self, node, ...) \
  _reel_builder_problem_at (self, REEL_PROBLEM_ERROR, node, FALSE, __VA_ARGS__)
#define _reel_builder_warning_at(self, node, ...) \
  _reel_builder_problem_at (self, REEL_PROBLEM_WARNING, node, FALSE, __VA_ARGS__)
#define _reel_builder_error_at_member(self, object, name, ...) \
  _reel_builder_problem_at_member (self, REEL_PROBLEM_ERROR, object, name, __VA_ARGS__)
#define _reel_builder_warning_at_member(self, object, name, ...) \
  _reel_builder_problem_at_member (self, REEL_PROBLEM_WARNING, object, name, __VA_ARGS__)

/* The JSON path of the value being checked */
gsize         _reel_builder_push_member       (ReelDatasetBuilder     *self,
                                               const char             *name);
gsize         _reel_builder_push_index        (ReelDatasetBuilder     *self,
                                               guint                   index);
void          _reel_builder_pop               (ReelDatasetBuilder     *self,
                                               gsize                   mark);
JsonNode     *_reel_builder_enter             (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               gsize                  *mark);

/* Typed members */
JsonObject   *_reel_builder_check_object      (ReelDatasetBuilder     *self,
                                               JsonNode               *node,
                                               const char * const     *known,
                                               const char * const     *required);
char         *_reel_builder_get_string        (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name);
ReelText     *_reel_builder_get_text          (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               guint                   max_chars);
char         *_reel_builder_get_id            (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name);
guint         _reel_builder_get_year          (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name);
gboolean      _reel_builder_get_number        (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               ReelBuilderNumber       kind,
                                               double                 *out);
gboolean      _reel_builder_get_bool          (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name);
ReelQualifier _reel_builder_get_qualifier     (ReelDatasetBuilder     *self,
                                               JsonObject             *object);
char         *_reel_builder_get_date          (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name);
guint         _reel_builder_get_source        (ReelDatasetBuilder     *self,
                                               JsonObject             *object);

/* Lists */
JsonArray    *_reel_builder_enter_list        (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               gsize                  *mark);
void          _reel_builder_iter_init         (ReelBuilderIter        *iter,
                                               ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               const char * const     *known,
                                               const char * const     *required);
gboolean      _reel_builder_iter_next         (ReelBuilderIter        *iter);
GStrv         _reel_builder_get_strings       (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               char *               (*check) (const char *, gsize));

/* Figures of format version 2 */
gboolean      _reel_builder_get_metric        (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               ReelMetric             *metric);
gboolean      _reel_builder_get_period        (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               ReelPeriod             *period);
gboolean      _reel_builder_get_time          (ReelDatasetBuilder     *self,
                                               JsonNode               *node,
                                               JsonObject             *fields,
                                               ReelPeriod             *period);
void          _reel_builder_read_measures     (ReelDatasetBuilder     *self,
                                               JsonObject             *object,
                                               const char             *name,
                                               const ReelBuilderPlace *place);
void          _reel_builder_read_country_figures (ReelDatasetBuilder  *self,
                                               JsonObject             *fields,
                                               const ReelBuilderPlace *place);
void          _reel_builder_choose_primaries  (ReelDatasetBuilder     *self,
                                               const ReelBuilderPlace *place);
void          _reel_builder_check_unused_sources (ReelDatasetBuilder  *self,
                                               JsonObject             *root);

/* The dataset's objects, one phase of a build each */
JsonObject   *_reel_builder_check_root        (ReelDatasetBuilder     *self,
                                               JsonNode               *root_node);
void          _reel_builder_read_header       (ReelDatasetBuilder     *self,
                                               JsonObject             *root);
void          _reel_builder_read_sources      (ReelDatasetBuilder     *self,
                                               JsonObject             *root);
void          _reel_builder_read_regions      (ReelDatasetBuilder     *self,
                                               JsonObject             *root);
void          _reel_builder_read_global       (ReelDatasetBuilder     *self,
                                               JsonObject             *root);
void          _reel_builder_read_platforms    (ReelDatasetBuilder     *self,
                                               JsonObject             *root);
void          _reel_builder_read_experts      (ReelDatasetBuilder     *self,
                                               JsonObject             *root);

G_END_DECLS
