/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define REEL_TYPE_PROBLEM_LIST (reel_problem_list_get_type ())

G_DECLARE_FINAL_TYPE (ReelProblemList, reel_problem_list, REEL, PROBLEM_LIST, GtkWidget)

/* The problems of a file that did not load, one row each: `LINE:COL  PATH
 * message`, or, when compact (the Details dialog), the position and path
 * above the message; under them, when @file is given, the problem's line
 * with a caret under its column. Each row's accessible name is that line. */

GtkWidget *reel_problem_list_new          (gboolean         compact);
void       reel_problem_list_set_problems (ReelProblemList *self,
                                           GPtrArray       *problems,
                                           GFile           *file);

G_END_DECLS
