/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include "reel-window-private.h"

/* Which pages of the window's stacks are laid out. The main stack and the
 * chart/table stack keep the pages they do not show hidden (after the
 * crossfade away from them): a homogeneous GtkStack measures every visible
 * page in each layout, and a frame need not lay out the empty and problems
 * status pages or the table (whose column view alone costs more than the
 * chart). The dataset page stays, so that the window's minimum size is that
 * page's whichever page shows; but not for the first frame of a window,
 * which it would hold back when the overview shows (the region list and the
 * right pane's header, and their fonts): it stays from the next frame on.
 * The table's ReelDataTable (its column view alone costs 2 ms to build) is
 * built and filled after that frame too (below); the chart's fonts are
 * loaded and the export dialog made then, in idles of their own. The region panels, which wait for the dataset page's frame,
 * are filled after it (reel-window.c). */

static gboolean
table_shown (ReelWindow *self)
{
  return g_strcmp0 (self->view, "table") == 0;
}

/* The table lists what the chart shows: its dataset, year and kind, and
 * Platforms' apps by the chart's metric. */
static void
sync_data_table (ReelWindow *self)
{
  g_clear_handle_id (&self->data_table_source, g_source_remove);
  reel_data_table_show_chart (self->data_table, self->dataset, self->chart_kind,
                              _reel_window_get_metric (self), self->year);
}

static gboolean
sync_data_table_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->data_table_source = 0;
  sync_data_table (self);

  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (ReelWindow *self,
                  GParamSpec *pspec)
{
  _reel_window_update_data_table (self);
}

static ReelDataTable *
ensure_data_table (ReelWindow *self)
{
  if (self->data_table != NULL)
    return self->data_table;

  self->data_table = g_object_new (REEL_TYPE_DATA_TABLE, "vexpand", TRUE, NULL);
  g_signal_connect_object (self->data_table, "copied",
                           G_CALLBACK (_reel_window_data_table_copied_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::year", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_swapped (self, "notify::chart-kind", G_CALLBACK (chart_changed_cb), self);
  g_signal_connect_object (self->chart_view, "notify::metric", G_CALLBACK (chart_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->table_page), GTK_WIDGET (self->data_table));

  return self->data_table;
}

/* A table that shows follows the chart in the same frame; a hidden one
 * (its rows cost more to make than the chart) catches up in an idle after
 * the frame, so that it is ready when it shows and a change of the chart
 * does not wait for it. It is built once the window's first frame is out,
 * or when it first shows if that is sooner. */
void
_reel_window_update_data_table (ReelWindow *self)
{
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  if (table_shown (self))
    {
      ensure_data_table (self);
      sync_data_table (self);
    }
  else if (self->data_table != NULL && self->data_table_source == 0)
    {
      self->data_table_source = g_idle_add_full (G_PRIORITY_LOW, sync_data_table_cb, self, NULL);
    }
}

static GtkWidget *
get_kept_page (ReelWindow *self,
               GtkStack   *stack)
{
  if (stack != self->stack || self->first_frame_pending)
    return NULL;

  return gtk_stack_get_child_by_name (stack, "dataset");
}

static void
hide_pages_not_shown (ReelWindow *self,
                      GtkStack   *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);
  GtkWidget *kept = get_kept_page (self, stack);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (page != shown && page != kept)
      gtk_widget_set_visible (page, FALSE);
}

static void
stack_transition_running_cb (ReelWindow *self,
                             GParamSpec *pspec,
                             GtkStack   *stack)
{
  if (!gtk_stack_get_transition_running (stack))
    hide_pages_not_shown (self, stack);
}

void
_reel_window_show_page (ReelWindow *self,
                        GtkStack   *stack,
                        const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  g_assert (page != NULL);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
  if (!gtk_stack_get_transition_running (stack))
    hide_pages_not_shown (self, stack);
}

static gboolean
after_first_frame_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->after_first_frame_source = 0;
  self->first_frame_pending = FALSE;
  gtk_widget_set_visible (get_kept_page (self, self->stack), TRUE);
  if (self->panels_deferred)
    _reel_window_fill_region_panels_after_frame (self);
  ensure_data_table (self);
  _reel_window_update_data_table (self);
  _reel_window_queue_chart_fonts (self);

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (ReelWindow    *self,
                        GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  self->after_first_frame_source = g_idle_add_full (G_PRIORITY_LOW, after_first_frame_cb, self,
                                                    NULL);
}

/* Before the window's first layout. */
static void
first_realize_cb (ReelWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_realize_cb, NULL);

  self->first_frame_pending = TRUE;
  hide_pages_not_shown (self, self->stack);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, G_CONNECT_SWAPPED);
}

void
_reel_window_init_pages (ReelWindow *self)
{
  g_signal_connect_object (self->stack, "notify::transition-running",
                           G_CALLBACK (stack_transition_running_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::transition-running",
                           G_CALLBACK (stack_transition_running_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "realize", G_CALLBACK (first_realize_cb), NULL);

  _reel_window_show_page (self, self->stack, "empty");
  _reel_window_show_page (self, self->view_stack, self->view);
}

void
_reel_window_dispose_pages (ReelWindow *self)
{
  g_clear_handle_id (&self->after_first_frame_source, g_source_remove);
  g_clear_handle_id (&self->data_table_source, g_source_remove);
  self->data_table = NULL;
}
