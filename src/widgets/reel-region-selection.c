/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-region-selection"

#include "config.h"

#include "reel-region-selection.h"

/* How a click (plain, with Ctrl or with Shift) or its key changes the
 * selected regions, as GTK's lists change their rows: one place for the
 * chart's marks and the window, so that both behave alike. */

/**
 * reel_region_selection_new:
 * @region_id: (nullable): a region, %NULL for the world
 *
 * Returns: (transfer full): the selection of @region_id alone, empty for
 *   the world
 */
GStrv
reel_region_selection_new (const char *region_id)
{
  GStrv selection = g_new0 (char *, 2);

  selection[0] = g_strdup (region_id);
  return selection;
}

static int
find_in_order (const char * const *order,
               const char         *region_id)
{
  for (int i = 0; order[i] != NULL; i++)
    if (g_strcmp0 (order[i], region_id) == 0)
      return i;

  return -1;
}

/* From the anchor (the first selected) to @region_id in @order, the
 * anchor first; the anchor alone when either is not in @order. */
static GStrv
extend_to (const char * const *selection,
           const char * const *order,
           const char         *region_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int from = find_in_order (order, selection[0]);
  int to = find_in_order (order, region_id);
  int step = to >= from ? 1 : -1;

  g_strv_builder_add (builder, selection[0]);
  for (int i = from + step; from >= 0 && to >= 0 && i != to + step; i += step)
    g_strv_builder_add (builder, order[i]);

  return g_strv_builder_end (builder);
}

/**
 * reel_region_selection_change:
 * @selection: (array zero-terminated=1): the regions selected
 * @order: (array zero-terminated=1): the regions in the order shown, which
 *   a range follows
 * @region_id: (nullable): the region clicked, %NULL for the world, which
 *   clears the selection however it is clicked
 * @mode: with which modifier
 *
 * Returns: (transfer full): the selection after the click
 */
GStrv
reel_region_selection_change (const char * const *selection,
                              const char * const *order,
                              const char         *region_id,
                              ReelSelectMode      mode)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (selection != NULL, NULL);
  g_return_val_if_fail (order != NULL, NULL);

  if (region_id == NULL || mode == REEL_SELECT_REPLACE || selection[0] == NULL)
    return reel_region_selection_new (region_id);

  if (mode == REEL_SELECT_EXTEND)
    return extend_to (selection, order, region_id);

  /* Toggled in: it comes first, its panels shown. Toggled out: the next
   * one takes its place. */
  builder = g_strv_builder_new ();
  if (!g_strv_contains (selection, region_id))
    g_strv_builder_add (builder, region_id);
  for (guint i = 0; selection[i] != NULL; i++)
    if (g_strcmp0 (selection[i], region_id) != 0)
      g_strv_builder_add (builder, selection[i]);

  return g_strv_builder_end (builder);
}

gboolean
reel_region_selection_equal (const char * const *a,
                             const char * const *b)
{
  static const char * const none[] = { NULL };

  return g_strv_equal (a != NULL ? a : none, b != NULL ? b : none);
}

/* What a click with the modifiers of @state does: Ctrl toggles, Shift
 * extends. */
ReelSelectMode
reel_select_mode_for_state (GdkModifierType state)
{
  if (state & GDK_CONTROL_MASK)
    return REEL_SELECT_TOGGLE;
  if (state & GDK_SHIFT_MASK)
    return REEL_SELECT_EXTEND;
  return REEL_SELECT_REPLACE;
}
