/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fields of a CSV line (RFC 4180) that a spreadsheet reads back safely. */

void reel_csv_append_field  (GString    *csv,
                             const char *field);
void reel_csv_append_number (GString    *csv,
                             double      value);

G_END_DECLS
