/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* The regions selected in the window, as the list, the chart and the
 * window share them (DESIGN §5): a list of region ids, never NULL, empty
 * for the world. The first is the region whose panels are shown: the one
 * last clicked, or the anchor of a range. */

typedef enum {
  REEL_SELECT_REPLACE,    /* a plain click: that region alone */
  REEL_SELECT_TOGGLE,     /* Ctrl: added in front, or taken out */
  REEL_SELECT_EXTEND,     /* Shift: every region from the first selected to it */
} ReelSelectMode;

GStrv    reel_region_selection_new    (const char         *region_id);
GStrv    reel_region_selection_change (const char * const *selection,
                                       const char * const *order,
                                       const char         *region_id,
                                       ReelSelectMode      mode);
gboolean reel_region_selection_equal  (const char * const *a,
                                       const char * const *b);

ReelSelectMode reel_select_mode_for_state (GdkModifierType state);

G_END_DECLS
