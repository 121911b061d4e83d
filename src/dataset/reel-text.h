/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dataset text: a plain string, or the same text in several languages
 * ({"en": "Latin America", "es": "América Latina"}). Text is always plain,
 * never markup; control characters other than tab and newline were replaced
 * by U+FFFD when it was read. */
typedef struct _ReelText ReelText;

ReelText   *reel_text_new          (const char         *text);
void        reel_text_add          (ReelText           *text,
                                    const char         *language,
                                    const char         *value);
ReelText   *reel_text_ref          (ReelText           *text);
void        reel_text_unref        (ReelText           *text);
const char *reel_text_get          (const ReelText     *text);
const char *reel_text_get_for      (const ReelText     *text,
                                    const char * const *languages);
char       *reel_text_sanitize     (const char         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelText, reel_text_unref)

G_END_DECLS
