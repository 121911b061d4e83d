/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-problem"

#include "config.h"

#include "reel-problem.h"

G_DEFINE_QUARK (reel-dataset-error-quark, reel_dataset_error)
G_DEFINE_BOXED_TYPE (ReelProblem, reel_problem, reel_problem_copy, reel_problem_free)

ReelProblem *
reel_problem_new (ReelProblemSeverity  severity,
                  const char          *path,
                  guint                line,
                  guint                column,
                  const char          *message)
{
  ReelProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (ReelProblem, 1);
  problem->severity = severity;
  problem->path = g_strdup (path != NULL ? path : "");
  problem->line = line;
  problem->column = column;
  problem->message = g_strdup (message);

  return problem;
}

ReelProblem *
reel_problem_copy (const ReelProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return reel_problem_new (problem->severity, problem->path,
                           problem->line, problem->column, problem->message);
}

void
reel_problem_free (ReelProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/* The form compilers use, so that editors and terminals can jump to it:
 * `FILE:LINE:COL: PATH: message`. Parts that are unknown are left out. */
char *
reel_problem_to_string (const ReelProblem *problem,
                        const char        *file_name)
{
  GString *str;

  g_return_val_if_fail (problem != NULL, NULL);

  str = g_string_new (NULL);
  if (file_name != NULL)
    g_string_append_printf (str, "%s:", file_name);
  if (problem->line > 0)
    g_string_append_printf (str, "%u:%u:", problem->line, problem->column);
  if (str->len > 0)
    g_string_append_c (str, ' ');
  if (problem->path[0] != '\0')
    g_string_append_printf (str, "%s: ", problem->path);
  g_string_append (str, problem->message);

  return g_string_free (str, FALSE);
}

/* Orders problems by position, so that a list reads top to bottom like the file. */
int
reel_problem_compare (const ReelProblem **a,
                      const ReelProblem **b)
{
  if ((*a)->line != (*b)->line)
    return (*a)->line < (*b)->line ? -1 : 1;
  if ((*a)->column != (*b)->column)
    return (*a)->column < (*b)->column ? -1 : 1;
  return 0;
}
