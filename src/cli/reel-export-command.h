/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `reelscope --export=OUT [FILE]` and `reelscope --export-dir=DIR [FILE]`
 * (DESIGN §4): charts drawn without a display, on the calling thread, by
 * the same renderer as the window. Exit status 0 on success, 1 for bad data
 * or a failed write (nothing is left behind), 2 for a usage error; every
 * message goes to stderr. */

const GOptionEntry *reel_export_command_get_options (void);
gboolean            reel_export_command_is_wanted   (GVariantDict       *options);
int                 reel_export_command_run         (GVariantDict       *options,
                                                     const char * const *files,
                                                     GFile              *default_file);

G_END_DECLS
