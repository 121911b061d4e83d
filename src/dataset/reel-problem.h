/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define REEL_DATASET_ERROR (reel_dataset_error_quark ())

/* Past this many errors a reader stops: the rest would only repeat them. */
#define REEL_PROBLEMS_MAX 1000

typedef enum {
  REEL_DATASET_ERROR_SYNTAX,      /* not strict JSON / RFC 4180 */
  REEL_DATASET_ERROR_INVALID,     /* well-formed, but breaks a rule of the format */
  REEL_DATASET_ERROR_TOO_LARGE,   /* a limit of the format is exceeded */
  REEL_DATASET_ERROR_VERSION,     /* a format version this build does not read */
} ReelDatasetError;

typedef enum {
  REEL_PROBLEM_ERROR,
  REEL_PROBLEM_WARNING,
} ReelProblemSeverity;

/* One broken rule (or a warning) with where it is: a JSON path such as
 * `regions[3].revenue[1].value` (CSV: the column name) and a 1-based
 * line and column of the file, the column counted in Unicode characters.
 * A line of 0 means the problem concerns the whole file. */
typedef struct {
  ReelProblemSeverity  severity;
  guint                line;
  guint                column;
  char                *path;
  char                *message;
} ReelProblem;

#define REEL_TYPE_PROBLEM (reel_problem_get_type ())

GQuark       reel_dataset_error_quark (void);
GType        reel_problem_get_type    (void) G_GNUC_CONST;
ReelProblem *reel_problem_new         (ReelProblemSeverity  severity,
                                       const char          *path,
                                       guint                line,
                                       guint                column,
                                       const char          *message);
ReelProblem *reel_problem_copy        (const ReelProblem   *problem);
void         reel_problem_free        (ReelProblem         *problem);
char        *reel_problem_to_string   (const ReelProblem   *problem,
                                       const char          *file_name);
int          reel_problem_compare     (const ReelProblem  **a,
                                       const ReelProblem  **b);
char        *reel_problem_dup_excerpt (const char          *line,
                                       guint                column,
                                       guint                width);

/* Turns a position counted from line 1, column 1 at some point of a file
 * (where a reader started in the middle of it) into the file's, given
 * that point's position in the file. */
static inline void
reel_position_rebase (guint *line,
                      guint *column,
                      guint  base_line,
                      guint  base_column)
{
  if (*line == 1)
    *column += base_column - 1;
  *line += base_line - 1;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelProblem, reel_problem_free)

G_END_DECLS
