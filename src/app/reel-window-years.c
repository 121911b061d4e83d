/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-chart-data.h"
#include "reel-chart-kind-info.h"
#include "reel-chart-layout.h"
#include "reel-window-private.h"

/* The year selector: the years a chart kind has data for, the one shown,
 * and the menu (in the header or the bottom bar) that chooses it. */

/* Whether the year selector lists @year. */
gboolean
_reel_window_has_year (ReelWindow *self,
                       guint       year)
{
  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, guint, i) == year)
      return TRUE;

  return FALSE;
}

/* The kind whose years the year selector lists: the chart's own, or for
 * the trend (which shows every year, and has none to select) Revenue's,
 * whose year the region list and the panels keep showing. */
static ReelChartKind
get_year_kind (ReelWindow *self)
{
  return reel_chart_kind_info_has_year (self->chart_kind) ? self->chart_kind : REEL_CHART_REVENUE;
}

/* Makes @model list @texts, replacing only the rows between the first and
 * the last that differ: the menus' rows that stay are not made anew (most
 * kinds share most of their years). */
static void
splice_changed (GtkStringList      *model,
                const char * const *texts)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_new = g_strv_length ((char **) texts);
  guint head = 0, tail = 0;

  while (head < n_old && head < n_new &&
         g_strcmp0 (gtk_string_list_get_string (model, head), texts[head]) == 0)
    head++;
  while (tail < n_old - head && tail < n_new - head &&
         g_strcmp0 (gtk_string_list_get_string (model, n_old - 1 - tail), texts[n_new - 1 - tail]) == 0)
    tail++;
  if (head + tail == n_old && head + tail == n_new)
    return;

  {
    g_autofree const char **added = g_new0 (const char *, n_new - head - tail + 1);

    memcpy (added, texts + head, (n_new - head - tail) * sizeof *added);
    gtk_string_list_splice (model, head, n_old - head - tail, added);
  }
}

/* The year selector lists the years that have data for the chart kind, as
 * the charts layer counts them (`--export` agrees); the trend's is
 * insensitive. */
void
_reel_window_update_year_selector (ReelWindow *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GListModel *model = gtk_drop_down_get_model (self->year_dropdown);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->years, g_array_unref);
  if (self->dataset != NULL)
    self->years = reel_chart_layout_list_years (self->dataset, get_year_kind (self));
  else
    self->years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->years->len; i++)
    {
      guint year = g_array_index (self->years, guint, i);

      /* Revenue and Share of a year of forecasts only say so. */
      if (get_year_kind (self) != REEL_CHART_GROWTH &&
          reel_chart_year_is_forecast (self->dataset, year))
        /* TRANSLATORS: a year in the year menu whose revenue figures are all forecasts */
        g_ptr_array_add (texts, g_strdup_printf (_("%u (forecast)"), year));
      else
        g_ptr_array_add (texts, g_strdup_printf ("%u", year));
      if (year == self->year)
        selected = i;
    }
  g_ptr_array_add (texts, NULL);

  self->updating_years = TRUE;
  if (GTK_IS_STRING_LIST (model))
    {
      /* Both menus' selections hear of the rows in turn: bound, the first
       * would set the second's before it had (GTK 4.8 then crashes). */
      g_binding_unbind (self->bottom_year_binding);
      splice_changed (GTK_STRING_LIST (model), (const char * const *) texts->pdata);
      _reel_window_bind_bottom_year (self);
    }
  else
    {
      g_autoptr(GtkStringList) years = gtk_string_list_new ((const char * const *) texts->pdata);

      gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
    }
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown),
                            reel_chart_kind_info_has_year (self->chart_kind) &&
                            self->years->len > 0);
  _reel_window_update_timeline (self);
  _reel_window_update_bottom_bar (self);
}

/* Keeps the year when the chart kind has data for it, else moves to the
 * kind's default year. */
void
_reel_window_choose_year (ReelWindow *self)
{
  guint year = self->year;

  if (self->dataset == NULL)
    return;

  if (!_reel_window_has_year (self, year))
    year = reel_chart_layout_get_default_year (self->dataset, get_year_kind (self));

  _reel_window_set_year (self, year);
}

void
_reel_window_year_selected_cb (ReelWindow  *self,
                               GParamSpec  *pspec,
                               GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating_years || self->years == NULL || selected >= self->years->len)
    return;

  _reel_window_set_year (self, g_array_index (self->years, guint, selected));
}
