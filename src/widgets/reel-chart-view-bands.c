/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-view-private.h"

#include "reel-chart-render.h"

/* The chart's own nodes. The chart is drawn in bands across it
 * (reel_chart_render_band()), and each band's node is kept while what the
 * band shows stays the same (its hash): GTK then repaints only the bands
 * that changed. A region picked redraws the rows of the one before and
 * the one now, not the whole chart. */

typedef struct {
  guint64        hash;
  GskRenderNode *node;
} Band;

static void
clear_band (Band *band)
{
  g_clear_pointer (&band->node, gsk_render_node_unref);
}

static void
snapshot_bands (ReelChartView *self,
                GtkSnapshot   *snapshot,
                guint          n_bands)
{
  g_autofree guint64 *hashes = g_new (guint64, n_bands);

  reel_chart_render_hash_bands (self->layout, NULL, hashes);
  if (self->bands == NULL)
    {
      self->bands = g_array_new (FALSE, TRUE, sizeof (Band));
      g_array_set_clear_func (self->bands, (GDestroyNotify) clear_band);
    }
  if (self->bands->len != n_bands)
    g_array_set_size (self->bands, 0);
  g_array_set_size (self->bands, n_bands);

  for (guint i = 0; i < n_bands; i++)
    {
      Band *band = &g_array_index (self->bands, Band, i);

      if (band->node == NULL || band->hash != hashes[i])
        {
          ReelChartRect rect;
          cairo_t *cr;

          reel_chart_render_get_band (self->layout, i, &rect);
          clear_band (band);
          band->hash = hashes[i];
          band->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height));
          cr = gsk_cairo_node_get_draw_context (band->node);
          reel_chart_render_band (self->layout, NULL, i, cr);
          cairo_destroy (cr);
        }
      gtk_snapshot_append_node (snapshot, band->node);
    }
}

/* The chart of the view's layout. A transition draws two layouts between
 * them, and a Map its countries as one image: each in one node. */
void
_reel_chart_view_snapshot_chart (ReelChartView *self,
                                 GtkSnapshot   *snapshot)
{
  guint n_bands = reel_chart_render_count_bands (self->layout);
  cairo_t *cr;

  if (n_bands > 0 && !reel_chart_transition_is_running (&self->transition))
    {
      snapshot_bands (self, snapshot, n_bands);
      return;
    }

  _reel_chart_view_clear_bands (self);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       reel_chart_layout_get_width (self->layout),
                                                       reel_chart_layout_get_height (self->layout)));
  if (!reel_chart_transition_render (&self->transition, self->layout, cr))
    reel_chart_render (self->layout, NULL, cr);
  cairo_destroy (cr);
}

void
_reel_chart_view_clear_bands (ReelChartView *self)
{
  g_clear_pointer (&self->bands, g_array_unref);
}
