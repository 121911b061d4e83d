/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-problem.h"
#include "reel-read-buffer.h"

G_BEGIN_DECLS

/* A strict RFC 8259 scanner that reads a stream through a bounded buffer and
 * calls a handler for each token, with its 1-based line and column (counted in
 * Unicode characters). It refuses what json-glib 1.6 lets through: comments,
 * trailing commas or data, duplicate keys, NaN and Infinity, numbers beyond a
 * double, invalid UTF-8, U+0000, lone surrogates and nesting deeper than
 * REEL_JSON_MAX_DEPTH. Nothing is kept but the current token, so bulk data
 * (the `records` array) can be consumed as it streams past. */

#define REEL_JSON_MAX_DEPTH          64
#define REEL_JSON_MAX_STRING         (1 << 20)
#define REEL_JSON_MAX_NUMBER_LENGTH  512

/* The largest magnitude at which every integer is exact in a double. */
#define REEL_JSON_MAX_SAFE_INTEGER   9007199254740992.0

typedef enum {
  REEL_JSON_OBJECT_START,
  REEL_JSON_OBJECT_END,
  REEL_JSON_ARRAY_START,
  REEL_JSON_ARRAY_END,
  REEL_JSON_KEY,
  REEL_JSON_STRING,
  REEL_JSON_NUMBER,
  REEL_JSON_TRUE,
  REEL_JSON_FALSE,
  REEL_JSON_NULL,
} ReelJsonEventType;

typedef struct {
  ReelJsonEventType  type;
  guint              depth;     /* containers around the value; the root is 0, a key is at its value's depth */
  guint              line;
  guint              column;
  const char        *string;    /* KEY, STRING: unescaped UTF-8; NUMBER: the literal; valid during the call */
  gsize              length;
  double             number;    /* NUMBER */
  gboolean           integer;   /* NUMBER written without fraction or exponent */
} ReelJsonEvent;

typedef struct _ReelJsonScanner ReelJsonScanner;

/* Returns FALSE with @error set to stop the scan. */
typedef gboolean (*ReelJsonHandler) (ReelJsonScanner      *scanner,
                                     const ReelJsonEvent  *event,
                                     gpointer              user_data,
                                     GError              **error);

/* The members an object may have to be read whole; a record has five. */
#define REEL_JSON_FLAT_MEMBERS_MAX 8

/* An object whose members are all strings and numbers, read whole: each
 * member as the two events a scan reports for it. */
typedef struct {
  ReelJsonEvent key;
  ReelJsonEvent value;
} ReelJsonMember;

typedef struct {
  ReelJsonEvent         start;      /* OBJECT_START */
  ReelJsonEvent         end;        /* OBJECT_END */
  const ReelJsonMember *members;
  guint                 n_members;
  gboolean              same_names;  /* as the last object of the array read whole, in order */
} ReelJsonObject;

/* Returns FALSE with @error set to stop the scan. */
typedef gboolean (*ReelJsonObjectHandler) (ReelJsonScanner       *scanner,
                                           const ReelJsonObject  *object,
                                           gpointer               user_data,
                                           GError               **error);

ReelJsonScanner *reel_json_scanner_new          (GInputStream     *stream,
                                                 guint64           limit,
                                                 GCancellable     *cancellable);
void             reel_json_scanner_free         (ReelJsonScanner  *self);
void             reel_json_scanner_set_progress (ReelJsonScanner  *self,
                                                 ReelProgressFunc  progress,
                                                 gpointer          user_data);
gboolean         reel_json_scanner_scan         (ReelJsonScanner  *self,
                                                 ReelJsonHandler   handler,
                                                 gpointer          user_data,
                                                 ReelProblem     **problem,
                                                 GError          **error);
char            *reel_json_scanner_dup_path     (ReelJsonScanner  *self);
guint64          reel_json_scanner_get_offset   (ReelJsonScanner  *self);
void             reel_json_scanner_get_position (ReelJsonScanner  *self,
                                                 guint            *line,
                                                 guint            *column);
void             reel_json_scanner_read_objects (ReelJsonScanner       *self,
                                                 ReelJsonObjectHandler  handler,
                                                 gpointer               user_data);
void             reel_json_scanner_skip_array   (ReelJsonScanner  *self,
                                                 guint64           offset,
                                                 guint             line,
                                                 guint             column);

/* Where reel_json_scanner_scan_elements() stopped. */
typedef struct {
  gboolean closed;    /* at the array's closing bracket, not at the stop */
  guint64  offset;    /* of that bracket, or of the first element at or past the stop */
  guint    line;      /* there, counted from line 1, column 1 where the scan began */
  guint    column;
} ReelJsonElementsEnd;

gboolean         reel_json_scanner_seek         (ReelJsonScanner  *self,
                                                 guint64           offset,
                                                 GError          **error);
gboolean         reel_json_scanner_seek_element (ReelJsonScanner  *self,
                                                 guint64           from,
                                                 gboolean         *found,
                                                 GError          **error);
gboolean         reel_json_scanner_scan_elements (ReelJsonScanner       *self,
                                                  const char            *member,
                                                  ReelJsonHandler        handler,
                                                  ReelJsonObjectHandler  objects,
                                                  gpointer               user_data,
                                                  guint64                stop,
                                                  ReelJsonElementsEnd   *end,
                                                  GError               **error);
void             reel_json_scanner_set_simd     (gboolean          enabled);
void             reel_json_scanner_set_flat_objects (gboolean      enabled);
void             reel_json_path_append_key      (GString          *path,
                                                 const char       *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelJsonScanner, reel_json_scanner_free)

G_END_DECLS
