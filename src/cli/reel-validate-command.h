/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `reelscope --validate FILE` (DESIGN §3, §4): loads a dataset or a CSV
 * file of records on the calling thread, without a display, and prints
 * every problem to stderr as `FILE:LINE:COL: PATH: message` (the first
 * 100, then how many more) and a summary line when the file is valid.
 * Exit status 0 when it is valid (warnings allowed), 1 when it is not or
 * cannot be read. */

int reel_validate_command_run (const char *file_name);

G_END_DECLS
