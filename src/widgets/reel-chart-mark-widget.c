/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-mark-widget"

#include "config.h"

#include "reel-chart-mark-widget.h"

#include <glib/gi18n.h>

#include "reel-chart-view.h"

/* One mark's stand-in for focus and assistive technologies (DESIGN §5):
 * on GTK 4.8 a custom object cannot implement GtkAccessible, so each mark
 * of the chart view's layout has a child widget of the view, focusable,
 * with the BUTTON role and the layout's label for the mark, placed by the
 * view on the mark's area. It draws nothing but its focus ring; the view
 * draws the chart, takes the pointer and moves the focus between marks. */

struct _ReelChartMarkWidget
{
  GtkWidget  parent_instance;

  guint      index;     /* of the mark in the view's layout */
  char      *label;     /* as given to assistive technologies */
  gboolean   selected;
  gboolean   round;     /* a point: the ring is a circle */
};

G_DEFINE_FINAL_TYPE (ReelChartMarkWidget, reel_chart_mark_widget, GTK_TYPE_WIDGET)

static ReelChartView *
mark_widget_get_view (ReelChartMarkWidget *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return REEL_IS_CHART_VIEW (parent) ? REEL_CHART_VIEW (parent) : NULL;
}

/* Only the focus ring: the view draws the mark itself. Its colour is the
 * chart theme's selection colour, opaque enough to see on both themes. */
static void
reel_chart_mark_widget_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  ReelChartMarkWidget *self = REEL_CHART_MARK_WIDGET (widget);
  ReelChartView *view = mark_widget_get_view (self);
  ReelChartLayout *layout = view != NULL ? reel_chart_view_get_layout (view) : NULL;
  const ReelChartTheme *theme;
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float radius, border = 2;
  GskRoundedRect outline;
  GdkRGBA color;

  if (!gtk_widget_has_visible_focus (widget) || layout == NULL ||
      width <= 2 * border || height <= 2 * border)
    return;

  theme = reel_chart_layout_get_theme (layout);
  color = (GdkRGBA) { theme->selection.red, theme->selection.green, theme->selection.blue, 0.8 };
  radius = self->round ? MIN (width, height) / 2 : 6;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { border, border, border, border },
                              (GdkRGBA[4]) { color, color, color, color });
}

/* Nothing in CSS changes with the focus, so GTK would not redraw: the
 * ring comes and goes here. */
static void
reel_chart_mark_widget_state_flags_changed (GtkWidget     *widget,
                                            GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (reel_chart_mark_widget_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
reel_chart_mark_widget_finalize (GObject *object)
{
  ReelChartMarkWidget *self = REEL_CHART_MARK_WIDGET (object);

  g_free (self->label);

  G_OBJECT_CLASS (reel_chart_mark_widget_parent_class)->finalize (object);
}

static void
reel_chart_mark_widget_class_init (ReelChartMarkWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = reel_chart_mark_widget_finalize;
  widget_class->snapshot = reel_chart_mark_widget_snapshot;
  widget_class->state_flags_changed = reel_chart_mark_widget_state_flags_changed;

  gtk_widget_class_set_css_name (widget_class, "chartmark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
reel_chart_mark_widget_init (ReelChartMarkWidget *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_focusable (widget, TRUE);
  /* The pointer is the view's: its tooltip, its click. */
  gtk_widget_set_can_target (widget, FALSE);
  gtk_widget_set_focus_on_click (widget, FALSE);
}

GtkWidget *
reel_chart_mark_widget_new (guint index)
{
  ReelChartMarkWidget *self = g_object_new (REEL_TYPE_CHART_MARK_WIDGET, NULL);

  self->index = index;
  return GTK_WIDGET (self);
}

guint
reel_chart_mark_widget_get_index (ReelChartMarkWidget *self)
{
  g_return_val_if_fail (REEL_IS_CHART_MARK_WIDGET (self), 0);

  return self->index;
}

/* The mark's label and whether it is the selected region's, told to
 * assistive technologies only when they change. */
void
reel_chart_mark_widget_update (ReelChartMarkWidget *self,
                               const ReelChartMark *mark,
                               gboolean             round)
{
  gboolean selected;

  g_return_if_fail (REEL_IS_CHART_MARK_WIDGET (self));
  g_return_if_fail (mark != NULL);

  selected = (mark->flags & REEL_CHART_MARK_SELECTED) != 0;
  self->round = round;

  if (g_strcmp0 (self->label, mark->label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (mark->label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                      -1);
    }

  if (self->selected != selected)
    {
      self->selected = selected;
      gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_STATE_SELECTED, selected,
                                   -1);
      if (selected)
        /* TRANSLATORS: the accessible description of the chart's mark of the selected region */
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Selected"),
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
