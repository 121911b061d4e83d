/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-chart-kind-info.h"
#include "reel-chart-layout.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

/* The metric dropdown beside the year: what the Map colours its regions
 * by, or what Platforms ranks the apps by. Each of those kinds lists the
 * metrics it shows (reel_chart_kind_has_metric()) and keeps its choice in
 * a setting of its own, which the chart view and the export follow. */

/* The @position'th metric that @kind shows, or REVENUE past the last. */
static ReelChartMetric
get_metric_at (ReelChartKind kind,
               guint         position)
{
  for (ReelChartMetric metric = 0; metric < REEL_CHART_N_METRICS; metric++)
    if (reel_chart_kind_has_metric (kind, metric) && position-- == 0)
      return metric;
  return REEL_CHART_METRIC_REVENUE;
}

static guint
get_position (ReelChartKind   kind,
              ReelChartMetric metric)
{
  guint position = 0;

  for (ReelChartMetric other = 0; other < metric; other++)
    position += reel_chart_kind_has_metric (kind, other);
  return position;
}

static GListModel *
list_labels (ReelChartKind kind)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (ReelChartMetric metric = 0; metric < REEL_CHART_N_METRICS; metric++)
    if (reel_chart_kind_has_metric (kind, metric))
      gtk_string_list_append (labels, reel_chart_kind_info_get_metric_label (metric));
  return G_LIST_MODEL (labels);
}

/* The metric the shown chart kind shows: its setting's, revenue for a kind
 * without one. */
ReelChartMetric
_reel_window_get_metric (ReelWindow *self)
{
  const char *key = reel_chart_kind_info_get_metric_key (self->chart_kind);

  return key != NULL ? (ReelChartMetric) g_settings_get_enum (self->settings, key)
                     : REEL_CHART_METRIC_REVENUE;
}

/* Whether the shown chart has metrics to choose from. */
gboolean
_reel_window_has_metric_choice (ReelWindow *self)
{
  return reel_chart_kind_info_get_metric_key (self->chart_kind) != NULL && self->dataset != NULL &&
         !_reel_window_shows_overview (self);
}

/* The metric goes with the year: in the header, or in the bottom bar,
 * where it leaves the header's room to the title on a narrow window. */
void
_reel_window_place_metric (ReelWindow *self)
{
  gboolean shown = _reel_window_has_metric_choice (self);

  gtk_widget_set_visible (GTK_WIDGET (self->metric_dropdown), shown && !self->period_below);
  gtk_widget_set_visible (GTK_WIDGET (self->bottom_metric_dropdown), shown && self->period_below);
}

/* The dropdown's metrics, name and choice for the chart kind, shown for a
 * kind with metrics; the chart view shows the kind's metric. */
void
_reel_window_update_metric (ReelWindow *self)
{
  ReelChartMetric metric = _reel_window_get_metric (self);
  gboolean has_metrics = reel_chart_kind_info_get_metric_key (self->chart_kind) != NULL;
  GtkWidget *dropdown = GTK_WIDGET (self->metric_dropdown);
  GtkWidget *dropdowns[] = { dropdown, GTK_WIDGET (self->bottom_metric_dropdown) };
  gboolean ranks = self->chart_kind == REEL_CHART_PLATFORMS;

  _reel_window_place_metric (self);
  g_object_set (self->chart_view, "metric", metric, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      reel_widget_set_tooltip_text (dropdowns[i], ranks ? _("What the Apps Are Ranked By")
                                                        : _("What the Map Shows"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdowns[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ranks ? _("What the apps are ranked by")
                                            : _("What the map shows"),
                                      -1);
    }
  if (!has_metrics)
    return;

  /* A new list selects its first item: that is no choice of the user's */
  g_signal_handlers_block_by_func (dropdown, _reel_window_metric_selected_cb, self);
  if (self->metric_kind != (int) self->chart_kind)
    {
      g_autoptr(GListModel) labels = list_labels (self->chart_kind);

      gtk_drop_down_set_model (self->metric_dropdown, labels);
      self->metric_kind = (int) self->chart_kind;
    }
  gtk_drop_down_set_selected (self->metric_dropdown, get_position (self->chart_kind, metric));
  g_signal_handlers_unblock_by_func (dropdown, _reel_window_metric_selected_cb, self);
}

void
_reel_window_metric_selected_cb (ReelWindow  *self,
                                 GParamSpec  *pspec,
                                 GtkDropDown *dropdown)
{
  const char *key = reel_chart_kind_info_get_metric_key (self->chart_kind);

  if (key != NULL)
    g_settings_set_enum (self->settings, key,
                         get_metric_at (self->chart_kind, gtk_drop_down_get_selected (dropdown)));
}

static void
metric_changed_cb (ReelWindow *self)
{
  _reel_window_update_metric (self);
}

/* Follows the kinds' settings, changed here or by another window. */
void
_reel_window_init_metric (ReelWindow *self)
{
  self->metric_kind = -1;
  g_signal_connect_object (self->settings, "changed::map-metric",
                           G_CALLBACK (metric_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::platforms-metric",
                           G_CALLBACK (metric_changed_cb), self, G_CONNECT_SWAPPED);
  _reel_window_update_metric (self);
}
