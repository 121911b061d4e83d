/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

/* How a source is cited, wherever it is (reel-text-figure.h has the rest of
 * the words around the numbers): its date, its author, a citation in one
 * line and a credit in the About window. */

char       *reel_text_dup_published       (const char         *published);
const char *reel_text_get_source_author   (const ReelSource   *source);
char       *reel_text_dup_source_citation (const ReelSource   *source);
char       *reel_text_dup_source_credit   (const ReelSource   *source);
char       *reel_text_dup_expert_credentials (const ReelExpert *expert);

G_END_DECLS
