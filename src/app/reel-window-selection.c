/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-data.h"
#include "reel-format.h"
#include "reel-region-selection.h"
#include "reel-text-figure.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

/* The regions selected (reel-region-selection.h): kept in GSettings for
 * the next window, and the header of the right pane, which shows the
 * first of them. */

/* The selection the last window had, "selected-regions"; a settings
 * store written by a version that knew one region only has it in
 * "selected-region", which is read when the list is empty. */
void
_reel_window_restore_selection (ReelWindow *self)
{
  g_auto(GStrv) regions = g_settings_get_strv (self->settings, "selected-regions");
  g_autofree char *region = NULL;

  if (regions[0] == NULL)
    {
      region = g_settings_get_string (self->settings, "selected-region");
      g_strfreev (regions);
      regions = reel_region_selection_new (region[0] != '\0' ? region : NULL);
    }

  g_strfreev (self->selected_regions);
  self->selected_regions = g_steal_pointer (&regions);
}

/* Takes @region_ids as the selection and saves it; FALSE when it was the
 * selection already. "selected-region" keeps the first, for a version of
 * the app that reads only that key. */
gboolean
_reel_window_take_selection (ReelWindow         *self,
                             const char * const *region_ids,
                             gboolean           *first_changed)
{
  g_auto(GStrv) previous = NULL;

  if (reel_region_selection_equal ((const char * const *) self->selected_regions, region_ids))
    return FALSE;

  previous = g_steal_pointer (&self->selected_regions);
  self->selected_regions = region_ids != NULL ? g_strdupv ((char **) region_ids)
                                              : reel_region_selection_new (NULL);
  *first_changed = g_strcmp0 (previous[0], self->selected_regions[0]) != 0;

  g_settings_set_strv (self->settings, "selected-regions",
                       (const char * const *) self->selected_regions);
  g_settings_set_string (self->settings, "selected-region",
                         self->selected_regions[0] != NULL ? self->selected_regions[0] : "");

  return TRUE;
}

/* The regions a new dataset lacks are no longer selected. */
void
_reel_window_keep_known_regions (ReelWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;

  for (guint i = 0; self->selected_regions[i] != NULL; i++)
    if (reel_dataset_find_region (self->dataset, self->selected_regions[i]) != NULL)
      g_strv_builder_add (builder, self->selected_regions[i]);

  known = g_strv_builder_end (builder);
  reel_window_set_selected_regions (self, (const char * const *) known);
}

static char *
dup_selected_region_name (ReelWindow *self)
{
  return reel_dup_region_name (self->dataset, self->selected_regions[0]);
}

/* The header of the right pane: the first selected region (or the
 * world), and its revenue in the year. */
void
_reel_window_update_region_header (ReelWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const ReelRegion *region;
  const ReelFigure *figure = NULL;
  const ReelMeasure *measure;

  if (self->dataset == NULL)
    return;

  name = dup_selected_region_name (self);
  region = self->selected_regions[0] == NULL ? reel_dataset_get_global (self->dataset)
                                             : reel_dataset_find_region (self->dataset,
                                                                         self->selected_regions[0]);
  if (region != NULL && self->year != 0)
    figure = reel_dataset_get_primary_figure (region->revenue, self->year);

  if (figure != NULL)
    {
      g_autofree char *value = reel_format_money_compact (figure->value,
                                                          reel_dataset_get_currency (self->dataset),
                                                          NULL);

      /* TRANSLATORS: under the region's name: "$142M revenue in 2024 (primary source)" */
      subtitle = g_strdup_printf (_("%s revenue in %u (primary source)"), value, self->year);
    }
  else if (region != NULL &&
           (measure = reel_chart_pick_region_revenue (self->dataset, region, self->year)) != NULL)
    {
      g_autofree char *value = reel_format_money_compact (measure->value,
                                                          reel_dataset_get_currency (self->dataset),
                                                          NULL);
      g_autofree char *period = reel_text_dup_period (&measure->period, FALSE);

      /* TRANSLATORS: under the region's name, for a figure of part of the
       * year: "$43M revenue in Oct 2025" */
      subtitle = g_strdup_printf (_("%s revenue in %s"), value, period);
    }
  else if (self->year != 0)
    subtitle = g_strdup_printf (_("No revenue figure for %u"), self->year);
  else
    subtitle = g_strdup (_("No revenue figures"));

  reel_label_set_plain_text (self->region_title, name);
  gtk_label_set_text (self->region_subtitle, subtitle);
}

/* One step a turn while nothing else happens: a region's panel rows (the
 * world's first), then the chart view's warm-up and the export dialog. */
static gboolean
prepare_ahead_cb (gpointer user_data)
{
  ReelWindow *self = user_data;
  GPtrArray *regions = self->dataset != NULL ? reel_dataset_get_regions (self->dataset) : NULL;
  const char *region_id;

  if (regions == NULL)
    {
      self->prepare_ahead_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->n_prepared_regions > regions->len)
    {
      self->prepare_ahead_source = 0;
      reel_chart_view_warm_up (self->chart_view);
      _reel_window_prepare_export_dialog (self);
      return G_SOURCE_REMOVE;
    }

  region_id = self->n_prepared_regions == 0
                ? NULL
                : ((const ReelRegion *) g_ptr_array_index (regions, self->n_prepared_regions - 1))->id;
  self->n_prepared_regions++;
  reel_audience_panel_prepare_region (self->audience_panel, region_id);
  reel_commentary_panel_prepare_region (self->commentary_panel, region_id);

  return G_SOURCE_CONTINUE;
}

static void
panels_shown_cb (ReelWindow    *self,
                 GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, panels_shown_cb, self);
  if (self->prepare_ahead_source == 0)
    self->prepare_ahead_source = g_idle_add_full (G_PRIORITY_LOW, prepare_ahead_cb, self, NULL);
}

/* Once the frame that shows a dataset whole (its panels filled) is drawn,
 * makes what the reader goes to next, a step a turn while nothing else
 * happens: made on the click, a region's rows, a kind's words and the
 * export dialog took that frame twice as long the first time. Not before
 * that frame, which it would hold back. */
void
_reel_window_prepare_ahead (ReelWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->n_prepared_regions = 0;
  g_clear_handle_id (&self->prepare_ahead_source, g_source_remove);
  if (clock == NULL)
    {
      self->prepare_ahead_source = g_idle_add_full (G_PRIORITY_LOW, prepare_ahead_cb, self, NULL);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, panels_shown_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (panels_shown_cb), self,
                           G_CONNECT_SWAPPED);
}
