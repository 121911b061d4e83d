/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-json-scanner.h"

G_BEGIN_DECLS

/* The scanner's state, shared by reel-json-scanner.c (documents) and
 * reel-json-elements.c (a stretch of an array's elements, for reading a
 * large array on several threads). */

/* An object's keys are compared one by one while there are few of them (a
 * record has five); past this many they go into a hash set. */
#define LINEAR_KEYS_MAX 16

typedef struct {
  gboolean    is_object;
  guint       index;        /* arrays: the element being read */
  GString    *keys;         /* objects: every key so far, each followed by a NUL */
  gsize       last_key;     /* objects: offset of the current key in keys */
  guint       n_keys;
  gsize       key_lengths[LINEAR_KEYS_MAX];   /* of the first keys, to compare lengths first */
  gboolean    in_key;       /* objects: not inside a member (between members) */
  GHashTable *key_set;      /* objects with more than LINEAR_KEYS_MAX keys */
} Frame;

struct _ReelJsonScanner {
  ReelReadBuffer   buffer;
  const guint8    *pos;
  const guint8    *end;
  guint            line;

  /* Columns are not counted byte by byte but worked out when a position is
   * needed: the column at the cursor is col_base + (pos - line_start) -
   * n_cont, where line_start is where the current line starts in the
   * buffer (or the buffer's start, for a line that began in an earlier
   * fill), col_base is the column there, and n_cont counts the UTF-8
   * continuation bytes read since, which do not start a character. Only
   * strings hold such bytes, and only whitespace holds line ends. */
  const guint8    *line_start;
  guint            col_base;
  guint            n_cont;

  ReelJsonHandler  handler;
  gpointer         handler_data;

  Frame            frames[REEL_JSON_MAX_DEPTH];
  guint            n_frames;

  GString         *text;      /* the current string or number literal, when copied */
  const char      *str;       /* the string just read: in the buffer or in text, NUL-terminated */
  gsize            str_len;

  GError          *error;     /* the first failure: I/O, syntax or the handler's */
  ReelProblem     *problem;   /* the syntax failure, positioned */

  /* Set while an ARRAY_START is handled: the array's elements were read
   * elsewhere, and reading goes on at its closing bracket. */
  gboolean         skip_pending;
  guint64          skip_offset;
  guint            skip_line;
  guint            skip_column;
};

/* The column at the cursor, 1-based, in Unicode characters. */
static inline guint
cursor_column (ReelJsonScanner *self)
{
  return self->col_base + (guint) (self->pos - self->line_start) - self->n_cont;
}

G_GNUC_INTERNAL int      reel_json_scanner_skip_whitespace  (ReelJsonScanner *self);
G_GNUC_INTERNAL gboolean reel_json_scanner_read_value       (ReelJsonScanner *self,
                                                             guint            depth);
G_GNUC_INTERNAL Frame   *reel_json_scanner_push_frame       (ReelJsonScanner *self,
                                                             gboolean         is_object);
G_GNUC_INTERNAL gboolean reel_json_scanner_add_key          (Frame           *frame,
                                                             const char      *key,
                                                             gsize            length);
G_GNUC_INTERNAL gboolean reel_json_scanner_fail_unexpected  (ReelJsonScanner *self,
                                                             const char      *expected);
G_GNUC_INTERNAL gboolean reel_json_scanner_jump             (ReelJsonScanner *self);

G_END_DECLS
