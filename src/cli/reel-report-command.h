/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `reelscope --report=OUT.pdf [FILE]` (DESIGN §4): the briefing report
 * (reel-report.h) written without a display, on the calling thread. Exit
 * status 0 on success, 1 for bad data, a report too long or a failed write
 * (nothing is left behind), 2 for a usage error; messages go to stderr as
 * the export's do. */

const GOptionEntry *reel_report_command_get_options (void);
gboolean            reel_report_command_is_wanted   (GVariantDict       *options);
int                 reel_report_command_run         (GVariantDict       *options,
                                                     const char * const *files,
                                                     GFile              *default_file);

G_END_DECLS
