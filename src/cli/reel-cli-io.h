/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-dataset-loader.h"

G_BEGIN_DECLS

/* What the headless commands read, and print on stderr in one form
 * (DESIGN §4):
 * `reelscope: FILE:LINE:COL: PATH: message` for a problem in a dataset,
 * `reelscope: FILE: message` for a file that cannot be read or written,
 * `reelscope: message` for anything else. An I/O error is told by its
 * errno text alone: GLib's own messages repeat the path, or name the
 * temporary file an export is written to first. `-` stands for standard
 * input or output, and is called `<stdin>` or `<stdout>` in messages. */

#define REEL_CLI_STDIO_NAME  "-"
#define REEL_CLI_STDIN_NAME  "<stdin>"
#define REEL_CLI_STDOUT_NAME "<stdout>"

void               reel_cli_printerr       (const char        *file_name,
                                            const char        *format,
                                            ...) G_GNUC_PRINTF (2, 3);
const char        *reel_cli_describe_error (const GError      *error);
void               reel_cli_print_problem  (const ReelProblem *problem,
                                            const char        *file_name);
ReelDatasetLoader *reel_cli_open_dataset   (const char        *file_name,
                                            GError           **error);

void               reel_cli_print_usage_error (const char    *message);
ReelDataset       *reel_cli_load_dataset   (const char * const *files,
                                            GFile             *default_file);

G_END_DECLS
