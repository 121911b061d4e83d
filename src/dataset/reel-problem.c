/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-problem"

#include "config.h"

#include "reel-problem.h"

#include <string.h>

G_DEFINE_QUARK (reel-dataset-error-quark, reel_dataset_error)
G_DEFINE_BOXED_TYPE (ReelProblem, reel_problem, reel_problem_copy, reel_problem_free)

/* Problems are printed to terminals and shown in labels, and their paths and
 * messages quote the file: a column name or a member name may hold escape
 * sequences or other control characters. They become U+FFFD, like controls
 * in the dataset's text, and invalid UTF-8 is made valid. */
static char *
printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

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
  problem->path = printable (path != NULL ? path : "");
  problem->line = line;
  problem->column = column;
  problem->message = printable (message);

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

/**
 * reel_problem_dup_excerpt:
 * @line: (nullable): the text of the problem's line, without its end, as
 *   read from the file (not validated: a file may not be UTF-8)
 * @column: the problem's 1-based column, in characters
 * @width: how many characters of the line to show at most
 *
 * What the problems page shows under a problem: its line, cut to @width
 * characters around the column with "…" where cut, and below it a caret
 * under the column:
 *
 *     "regions": [{"id": "europe", "name": "Europe"},]
 *                                                    ^
 *
 * Tabs and other control characters show as spaces, so that the caret
 * lines up in a monospace font (two spaces under a wide character, as
 * CJK text takes two cells); bytes that are not UTF-8 as U+FFFD.
 *
 * Returns: (transfer full) (nullable): the two lines, or %NULL without a
 *   line or when the column is past its end plus one
 */
char *
reel_problem_dup_excerpt (const char *line,
                          guint       column,
                          guint       width)
{
  g_autofree char *valid = NULL;
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  glong first, last, caret;
  GString *excerpt;

  g_return_val_if_fail (width >= 8, NULL);

  if (line == NULL || column == 0)
    return NULL;

  valid = g_utf8_make_valid (line, -1);
  chars = g_utf8_to_ucs4_fast (valid, -1, &n_chars);
  if ((glong) column > n_chars + 1)
    return NULL;

  /* A window of @width characters with the column a third of the way in,
   * so that what led to the problem shows; "…" takes one at a cut end. */
  caret = (glong) column - 1;
  first = MAX (0, caret - (glong) width / 3);
  last = MIN (n_chars, first + (glong) width);
  first = MAX (0, MIN (first, last - (glong) width));

  excerpt = g_string_new (first > 0 ? "…" : NULL);
  for (glong i = first; i < last; i++)
    g_string_append_unichar (excerpt, g_unichar_iscntrl (chars[i]) ? ' ' : chars[i]);
  if (last < n_chars)
    g_string_append (excerpt, "…");

  /* Under the "…", then a space a character, two under a wide one. */
  g_string_append (excerpt, first > 0 ? "\n " : "\n");
  for (glong i = first; i < caret; i++)
    g_string_append (excerpt, g_unichar_iswide (chars[i]) ? "  " : " ");
  g_string_append_c (excerpt, '^');

  return g_string_free (excerpt, FALSE);
}
