/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-view"

#include "config.h"

#include "reel-chart-view.h"
#include "reel-chart-view-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-chart-render.h"
#include "reel-chart-tooltip.h"
#include "reel-chart-theme.h"
#include "reel-chart-mark-widget.h"
#include "reel-chart-style.h"
#include "reel-region-selection.h"
#include "reel-widget-util.h"

/* The chart of the window (DESIGN §1, §5): the charts layer's layout,
 * drawn by its one renderer through gtk_snapshot_append_cairo().
 *
 * The layout is made only when one of its inputs changed: the data, kind,
 * year, selection, theme (AdwStyleManager:dark for the region palette, the
 * style's colours for the rest: reel-chart-style.h), the size or the scale
 * factor; before the frame's layout when an input changed, in
 * size_allocate when the size did. Drawing only reads it, so a redraw (a
 * hover, a focus ring, a tooltip) costs a render and no layout.
 *
 * Accessibility on GTK 4.8, where a custom object cannot implement
 * GtkAccessible: each mark has a child widget of its own, focusable, with
 * the BUTTON role and the layout's label for the mark, placed on the
 * mark's area (the bar's row, or a disc around a point) so that the focus
 * ring and a screen reader's highlight show where the mark is. The
 * children draw nothing but that ring; the view draws the chart. Tab enters
 * the chart at the mark last focused (or the selected region's), arrow keys
 * move between marks, Enter or Space selects the mark's region, Tab leaves.
 * The view is a GROUP labelled with the chart's title and described by the
 * layout's summary of every figure.
 *
 * A click on a mark selects its region (a click on the world's mark
 * selects the world), or on Platforms its app; Ctrl+click (Ctrl+Space)
 * adds or takes it out, Shift+click (Shift+Space) selects the regions from
 * the first selected to it, in mark order; Escape lets an app go, else
 * selects the world. A click outside every mark keeps the selection: the
 * world is chosen with its row of the list (or its mark), and a stray
 * click on the title, the legend or the source line should not throw away
 * what the panels show. "Rest of world" is no region to select. */

G_DEFINE_FINAL_TYPE (ReelChartView, reel_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CHART_KIND,
  PROP_YEAR,
  PROP_SELECTED_REGION,
  PROP_SELECTED_REGIONS,
  PROP_DARK,
  PROP_HEADER_INSET,
  PROP_LAYOUT,
  PROP_METRIC,
  PROP_SELECTED_PLATFORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The smallest chart the layout still fits a couple of rows into. */
#define MIN_WIDTH       200
#define MIN_HEIGHT      160
#define NATURAL_WIDTH   400
#define NATURAL_HEIGHT  300

/* The card's corners (.reel-chart-card in ui/style.css, as libadwaita's
 * .card): the chart's background rounds them itself, so that the card
 * need not clip the chart to them, which is a mask over every pixel of
 * the chart each time it is drawn. */
#define CARD_RADIUS     12

/* ------------------------------------------------------------------ */
/* ReelChartView: helpers */

const ReelChartMark *
_reel_chart_view_get_mark (ReelChartView *self,
                           int            index)
{
  g_assert (self->layout != NULL);

  if (index < 0 || (guint) index >= reel_chart_layout_get_n_marks (self->layout))
    return NULL;

  return reel_chart_layout_get_mark (self->layout, (guint) index);
}

/* The index of the mark at (@x, @y), -1 for none. */
int
_reel_chart_view_hit_test (ReelChartView *self,
                           double         x,
                           double         y)
{
  const ReelChartMark *mark;

  if (self->layout == NULL || reel_chart_layout_get_n_marks (self->layout) == 0)
    return -1;

  mark = reel_chart_layout_hit_test (self->layout, x, y);
  if (mark == NULL)
    return -1;

  return (int) (mark - reel_chart_layout_get_mark (self->layout, 0));
}

/* Whether a click or Enter on @mark selects: not on "Rest of world". */
gboolean
_reel_chart_view_mark_is_selectable (const ReelChartMark *mark)
{
  return mark != NULL && (mark->flags & REEL_CHART_MARK_REST) == 0;
}

static void schedule_mark_sync (ReelChartView *self);

/* Some input of the layout changed: a new one is made before the next
 * frame's layout (or in its allocation, when the view has no size yet). */
static void
invalidate_layout (ReelChartView *self)
{
  self->layout_valid = FALSE;
  self->generation++;
  schedule_mark_sync (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The view's own accessible name and description: the chart's title and
 * its summary in words. */
static void
update_accessible (ReelChartView *self)
{
  const char *label = self->layout != NULL ? reel_chart_layout_get_title (self->layout) : NULL;
  const char *description = self->layout != NULL ? reel_chart_layout_get_summary (self->layout) : NULL;

  if (label == NULL || label[0] == '\0')
    label = _("Chart");

  if (g_strcmp0 (self->accessible_label, label) != 0)
    {
      g_free (self->accessible_label);
      self->accessible_label = g_strdup (label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  if (g_strcmp0 (self->accessible_description, description) != 0)
    {
      g_free (self->accessible_description);
      self->accessible_description = g_strdup (description);
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Takes the style's colours; TRUE when they changed. */
static gboolean
update_style_colors (ReelChartView *self)
{
  ReelChartBaseColors colors;

  if (!reel_chart_style_get_base_colors (GTK_WIDGET (self), &colors) ||
      (self->has_style_colors && memcmp (&colors, &self->style_colors, sizeof colors) == 0))
    return FALSE;

  self->style_colors = colors;
  self->has_style_colors = TRUE;
  return TRUE;
}

static void
set_dark (ReelChartView *self,
          gboolean       dark,
          gboolean       lay_out)
{
  if (self->dark == !!dark)
    return;

  self->dark = !!dark;
  if (lay_out)
    invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/* The layout of the year asked for next, made ahead from the one shown. */
static void
prepare_next_year (ReelChartView *self)
{
  guint year = self->next_year;

  self->next_year = 0;
  if (self->layout != NULL && year != 0 && year != self->year)
    reel_chart_transition_prepare (&self->transition, self->layout, year, self->generation + 1);
}

/* A region the chart does not select, to warm its selected styles up
 * with: the first of the dataset's; NULL when it selects that one, or on
 * Platforms, where the selection is the app's. */
static const char *
get_other_region (ReelChartView *self)
{
  GPtrArray *regions = reel_dataset_get_regions (self->dataset);
  const char *first = regions->len > 0 ? ((const ReelRegion *) g_ptr_array_index (regions, 0))->id
                                       : NULL;

  if (self->kind == REEL_CHART_PLATFORMS)
    return NULL;

  return first != NULL && !g_strv_contains ((const char * const *) self->selected_regions, first)
         ? first : NULL;
}

/* One chart a turn (reel_chart_view_warm_up()): the other kinds at this
 * size, then this kind's years on either side, then this chart with
 * another region selected, each laid out once and dropped. */
static gboolean
warm_up_cb (gpointer user_data)
{
  ReelChartView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint step = self->warm_up_step++;
  gboolean other_kind = step < REEL_CHART_N_KINDS;
  gboolean other_region = step == REEL_CHART_N_KINDS + 2;
  ReelChartKind kind = other_kind ? (ReelChartKind) step : self->kind;
  guint year = other_region ? self->year
               : other_kind || self->year == 0 ? 0
               : step == REEL_CHART_N_KINDS ? self->year - 1 : self->year + 1;
  const char *picked[] = { NULL, NULL };
  ReelChartLayout *layout;

  if (self->dataset == NULL || self->layout == NULL || step > REEL_CHART_N_KINDS + 2 ||
      width <= 0 || height <= 0)
    {
      self->warm_up_source = 0;
      return G_SOURCE_REMOVE;
    }

  if (other_region)
    picked[0] = get_other_region (self);
  if (other_kind ? kind != self->kind : other_region ? picked[0] != NULL : year != 0)
    {
      layout = reel_chart_layout_new_at_cursor (self->dataset, kind,
                                                reel_chart_kind_has_metric (kind, self->metric)
                                                ? self->metric : REEL_CHART_METRIC_REVENUE,
                                                year, 0,
                                                other_region ? picked
                                                             : (const char * const *) self->selected_regions,
                                                reel_chart_layout_get_theme (self->layout),
                                                width, height,
                                                reel_chart_layout_get_scale (self->layout));
      g_object_unref (layout);
    }

  return G_SOURCE_CONTINUE;
}

/* Makes the layout for a @width × @height chart unless the one there is
 * already that, for the same inputs and scale factor. */
static void
ensure_layout (ReelChartView *self,
               int            width,
               int            height)
{
  double scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  /* On Platforms the selection is the app's */
  const char * const app_selection[] = { self->selected_platform, NULL };
  const char * const *selection = self->kind == REEL_CHART_PLATFORMS
                                  ? app_selection
                                  : (const char * const *) self->selected_regions;
  g_autoptr(ReelChartTheme) theme = NULL;
  g_autoptr(ReelChartLayout) shown = NULL;
  gboolean had_layout = self->layout != NULL;

  if (self->layout_valid && self->layout != NULL &&
      reel_chart_layout_get_width (self->layout) == width &&
      reel_chart_layout_get_height (self->layout) == height &&
      reel_chart_layout_get_scale (self->layout) == scale)
    return;

  shown = g_steal_pointer (&self->layout);
  self->layout_valid = TRUE;

  if (self->dataset != NULL && width > 0 && height > 0)
    self->layout = reel_chart_transition_take_prepared (&self->transition, self->year,
                                                        self->generation, width, height, scale);
  if (self->layout == NULL && self->dataset != NULL && width > 0 && height > 0)
    {
      theme = reel_chart_theme_new (self->dark ? REEL_CHART_THEME_DARK : REEL_CHART_THEME_LIGHT);
      if (self->has_style_colors || update_style_colors (self))
        reel_chart_theme_set_base_colors (theme, &self->style_colors);
      theme->header_inset = MAX (0, self->header_inset - theme->padding_right);
      theme->corner_radius = CARD_RADIUS;

      self->layout = reel_chart_layout_new_at_cursor (self->dataset, self->kind, self->metric,
                                                      self->year, self->cursor, selection, theme,
                                                      width, height, scale);
    }

  /* Another year moves in (Play, the steps); anything else is redrawn. */
  if (self->year_changed)
    reel_chart_transition_start (&self->transition, GTK_WIDGET (self), shown, self->layout);
  else
    reel_chart_transition_stop (&self->transition);
  self->year_changed = FALSE;
  prepare_next_year (self);

  if ((self->layout != NULL ? reel_chart_layout_get_n_marks (self->layout) : 0) ==
      self->mark_widgets->len)
    _reel_chart_view_update_mark_widgets (self);
  else
    schedule_mark_sync (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (had_layout || self->layout != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static gboolean
marks_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  self->marks_tick = 0;
  if (!self->layout_valid && width > 0 && height > 0)
    ensure_layout (self, width, height);
  _reel_chart_view_sync_mark_widgets (self);
  gtk_widget_queue_allocate (widget);

  return G_SOURCE_REMOVE;
}

/* Tick callbacks run in the frame's update phase, before its layout. */
static void
schedule_mark_sync (ReelChartView *self)
{
  if (self->marks_tick == 0)
    self->marks_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), marks_tick_cb, NULL, NULL);
}

void
_reel_chart_view_set_selected_platform (ReelChartView *self,
                                        const char    *platform_id)
{
  if (g_strcmp0 (self->selected_platform, platform_id) == 0)
    return;

  g_free (self->selected_platform);
  self->selected_platform = g_strdup (platform_id);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PLATFORM]);
}

/* ------------------------------------------------------------------ */
/* Callbacks */

/* In a window the new style's colours follow with the next restyle
 * (css_changed), which lays the chart out once for both. */
static void
style_manager_dark_cb (ReelChartView   *self,
                       GParamSpec      *pspec,
                       AdwStyleManager *style_manager)
{
  set_dark (self, adw_style_manager_get_dark (style_manager),
            gtk_widget_get_root (GTK_WIDGET (self)) == NULL);
}

static void
scale_factor_cb (ReelChartView *self,
                 GParamSpec    *pspec,
                 gpointer       user_data)
{
  invalidate_layout (self);
}

/* ------------------------------------------------------------------ */
/* GtkWidget */

static void
reel_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* It expands into what the window gives it. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
reel_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);

  ensure_layout (self, width, height);

  for (guint i = 0; i < self->mark_widgets->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->mark_widgets, i);
      GtkAllocation allocation = { 0, 0, 0, 0 };

      /* A mark the layout no longer has keeps no area until it goes. */
      if (i < _reel_chart_view_n_marks (self))
        {
          const ReelChartRect *area = &reel_chart_layout_get_mark (self->layout, i)->area;
          double x0 = floor (area->x), y0 = floor (area->y);

          allocation = (GtkAllocation) {
            (int) x0, (int) y0,
            (int) MAX (1, ceil (area->x + area->width) - x0),
            (int) MAX (1, ceil (area->y + area->height) - y0),
          };
        }

      /* Children are measured before they are allocated, however little
       * they ask for. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &allocation, -1);
    }
}

/* A new style (light or dark, high contrast, another accent) lays the
 * chart out in its colours. */
static void
reel_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  gboolean colors_changed, variant_changed;

  GTK_WIDGET_CLASS (reel_chart_view_parent_class)->css_changed (widget, change);

  colors_changed = update_style_colors (self);
  /* AdwStyleManager:dark changed, and left the layout to this restyle. */
  variant_changed = self->layout != NULL &&
                    (reel_chart_layout_get_theme (self->layout)->variant == REEL_CHART_THEME_DARK) !=
                    self->dark;
  if (colors_changed || variant_changed)
    invalidate_layout (self);
}

/* The chart, then the hovered mark's area lightly shaded (it says that a
 * click does something there), then the focus ring of the focused mark. */
static void
reel_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  const ReelChartMark *hover;
  cairo_t *cr;

  if (self->layout == NULL)
    return;

  _reel_chart_view_snapshot_chart (self, snapshot);

  hover = self->hover_mark >= 0 ? _reel_chart_view_get_mark (self, self->hover_mark) : NULL;
  if (_reel_chart_view_mark_is_selectable (hover) && hover->outline != NULL)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (hover->area.x - 2, hover->area.y - 2,
                                                                      hover->area.width + 4,
                                                                      hover->area.height + 4));
      reel_chart_render_outline (hover, reel_chart_layout_get_theme (self->layout), cr);
      cairo_destroy (cr);
    }
  else if (_reel_chart_view_mark_is_selectable (hover) &&
           (hover->flags & REEL_CHART_MARK_SELECTED) == 0)
    {
      const ReelChartTheme *theme = reel_chart_layout_get_theme (self->layout);
      const ReelChartRect *area = &hover->area;
      gboolean round = reel_chart_layout_get_kind (self->layout) == REEL_CHART_TREND;
      GskRoundedRect shade;

      gsk_rounded_rect_init_from_rect (&shade,
                                       &GRAPHENE_RECT_INIT (area->x, area->y, area->width, area->height),
                                       round ? MIN (area->width, area->height) / 2 : 6);
      gtk_snapshot_push_rounded_clip (snapshot, &shade);
      gtk_snapshot_append_color (snapshot,
                                 &(GdkRGBA) { theme->grid.red, theme->grid.green, theme->grid.blue,
                                              theme->grid.alpha * 0.6 },
                                 &shade.bounds);
      gtk_snapshot_pop (snapshot);
    }

  for (guint i = 0; i < self->mark_widgets->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->mark_widgets, i), snapshot);
}

static gboolean
reel_chart_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);
  const ReelChartMark *mark;
  int index;

  index = keyboard_mode ? _reel_chart_view_get_focused_mark (self)
                        : _reel_chart_view_hit_test (self, x, y);
  if (index < 0 || (mark = _reel_chart_view_get_mark (self, index)) == NULL ||
      mark->tooltip == NULL)
    return FALSE;

  reel_chart_tooltip_set_text (self->tooltip_box, mark->tooltip);
  gtk_tooltip_set_custom (tooltip, self->tooltip_box);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) { (int) floor (mark->area.x), (int) floor (mark->area.y),
                                              (int) ceil (mark->area.width), (int) ceil (mark->area.height) });

  return TRUE;
}

static void
reel_chart_view_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  ReelChartView *self = REEL_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (reel_chart_view_parent_class)->set_focus_child (widget, child);

  if (child != NULL && REEL_IS_CHART_MARK_WIDGET (child))
    self->focus_mark = (int) reel_chart_mark_widget_get_index (REEL_CHART_MARK_WIDGET (child));
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
reel_chart_view_dispose (GObject *object)
{
  ReelChartView *self = REEL_CHART_VIEW (object);

  if (self->marks_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->marks_tick);
      self->marks_tick = 0;
    }
  g_clear_handle_id (&self->warm_up_source, g_source_remove);
  if (self->mark_widgets != NULL)
    {
      for (guint i = 0; i < self->mark_widgets->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->mark_widgets, i));
      g_ptr_array_set_size (self->mark_widgets, 0);
    }
  reel_chart_transition_clear (&self->transition);
  _reel_chart_view_clear_bands (self);
  g_clear_object (&self->layout);
  g_clear_object (&self->dataset);
  g_clear_object (&self->tooltip_box);

  G_OBJECT_CLASS (reel_chart_view_parent_class)->dispose (object);
}

static void
reel_chart_view_finalize (GObject *object)
{
  ReelChartView *self = REEL_CHART_VIEW (object);

  g_clear_pointer (&self->mark_widgets, g_ptr_array_unref);
  g_strfreev (self->selected_regions);
  g_free (self->selected_platform);
  g_free (self->accessible_label);
  g_free (self->accessible_description);

  G_OBJECT_CLASS (reel_chart_view_parent_class)->finalize (object);
}

static void
reel_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ReelChartView *self = REEL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CHART_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_regions[0]);
      break;

    case PROP_SELECTED_REGIONS:
      g_value_set_boxed (value, self->selected_regions);
      break;

    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_HEADER_INSET:
      g_value_set_int (value, self->header_inset);
      break;

    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    case PROP_SELECTED_PLATFORM:
      g_value_set_string (value, self->selected_platform);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ReelChartView *self = REEL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_chart_view_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_CHART_KIND:
      reel_chart_view_set_chart_kind (self, g_value_get_enum (value));
      break;

    case PROP_YEAR:
      reel_chart_view_set_year (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_REGION:
      reel_chart_view_set_selected_region (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_REGIONS:
      reel_chart_view_set_selected_regions (self, g_value_get_boxed (value));
      break;

    case PROP_DARK:
      reel_chart_view_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_HEADER_INSET:
      reel_chart_view_set_header_inset (self, g_value_get_int (value));
      break;

    case PROP_SELECTED_PLATFORM:
      _reel_chart_view_set_selected_platform (self, g_value_get_string (value));
      break;

    case PROP_METRIC:
      if (self->metric != (ReelChartMetric) g_value_get_enum (value))
        {
          self->metric = g_value_get_enum (value);
          invalidate_layout (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_chart_view_class_init (ReelChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_chart_view_dispose;
  object_class->finalize = reel_chart_view_finalize;
  object_class->get_property = reel_chart_view_get_property;
  object_class->set_property = reel_chart_view_set_property;

  widget_class->measure = reel_chart_view_measure;
  widget_class->size_allocate = reel_chart_view_size_allocate;
  widget_class->snapshot = reel_chart_view_snapshot;
  widget_class->css_changed = reel_chart_view_css_changed;
  widget_class->query_tooltip = reel_chart_view_query_tooltip;
  widget_class->focus = _reel_chart_view_focus;
  widget_class->set_focus_child = reel_chart_view_set_focus_child;

  /**
   * ReelChartView:dataset:
   *
   * The data charted, %NULL for none (the view is then empty).
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHART_KIND] =
    g_param_spec_enum ("chart-kind", NULL, NULL,
                       REEL_TYPE_CHART_KIND, REEL_CHART_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:year:
   *
   * The year of Revenue, Growth and Share, 0 for the kind's default year;
   * Trend shows every year.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:selected-region:
   *
   * The first of #ReelChartView:selected-regions, %NULL for the world;
   * setting it selects that region alone.
   */
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:selected-regions:
   *
   * The ids of the regions highlighted (on Trend, when there are several,
   * the only ones drawn with the world), empty for the world. A click on a
   * mark, or Enter on a focused one, sets it; with Ctrl or Shift it
   * changes it (reel-region-selection.h).
   */
  properties[PROP_SELECTED_REGIONS] =
    g_param_spec_boxed ("selected-regions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:dark:
   *
   * Whether the chart uses its dark theme. It follows AdwStyleManager:dark.
   */
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:header-inset:
   *
   * How far from the view's right edge the chart's title and subtitle
   * stop, in logical pixels: a control placed over the top right corner
   * (the window's Chart/Table switch) stays clear of them. 0 for none.
   */
  properties[PROP_HEADER_INSET] =
    g_param_spec_int ("header-inset", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelChartView:layout:
   *
   * The chart as last laid out (reel_chart_view_get_layout()). It changes
   * only when an input of the layout or the view's size did, never for a
   * redraw.
   */
  properties[PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         REEL_TYPE_CHART_LAYOUT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* What the Map colours its regions by, or Platforms ranks the apps by;
   * the other kinds ignore it. */
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       REEL_TYPE_CHART_METRIC, REEL_CHART_METRIC_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The id of the app selected on Platforms (a click or Enter on its
   * mark), which the platform panel shows; NULL for none. */
  properties[PROP_SELECTED_PLATFORM] =
    g_param_spec_string ("selected-platform", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelChartView::copied:
   *
   * The chart was copied to the clipboard as an image (Ctrl+C on the
   * chart, or reel_chart_view_copy_image()).
   */
  signals[SIGNAL_COPIED] =
    g_signal_new ("copied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  _reel_chart_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_chart_view_init (ReelChartView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  self->kind = REEL_CHART_REVENUE;
  self->selected_regions = reel_region_selection_new (NULL);
  self->mark_widgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->focus_mark = -1;
  self->hover_mark = -1;
  self->dark = adw_style_manager_get_dark (style_manager);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (style_manager_dark_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_cb), NULL);

  _reel_chart_view_init_input (self);

  self->tooltip_box = g_object_ref_sink (reel_chart_tooltip_new ());

  update_accessible (self);
}

/* ------------------------------------------------------------------ */
/* Public API */

GtkWidget *
reel_chart_view_new (void)
{
  return g_object_new (REEL_TYPE_CHART_VIEW, NULL);
}

ReelDataset *
reel_chart_view_get_dataset (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), NULL);

  return self->dataset;
}

void
reel_chart_view_set_dataset (ReelChartView *self,
                             ReelDataset   *dataset)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  /* Another dataset's marks: the keyboard starts over. */
  self->focus_mark = -1;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/**
 * reel_chart_view_warm_up:
 *
 * Lays out, one a turn while nothing else happens, the charts a reader
 * goes to next (the other kinds at this size, this kind's years on either
 * side, this chart with a region selected), and drops them: their words
 * are then measured already (the pen keeps what its thread measured), in
 * fonts loaded already (a selected region's label is bold, its figures
 * may need another font's "≥"), when the reader picks one, steps the
 * period or picks a region. The first switch to a kind cost its frame
 * twice the next. The window calls it once a dataset shows whole.
 */
void
reel_chart_view_warm_up (ReelChartView *self)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  self->warm_up_step = 0;
  if (self->warm_up_source == 0)
    self->warm_up_source = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
}

ReelChartKind
reel_chart_view_get_chart_kind (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), REEL_CHART_REVENUE);

  return self->kind;
}

void
reel_chart_view_set_chart_kind (ReelChartView *self,
                                ReelChartKind  kind)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));
  g_return_if_fail (kind < REEL_CHART_N_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  self->focus_mark = -1;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
}

guint
reel_chart_view_get_year (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), 0);

  return self->year;
}

void
reel_chart_view_set_year (ReelChartView *self,
                          guint          year)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  if (self->year == year)
    return;

  self->year = year;
  self->year_changed = TRUE;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* Trend's time cursor (reel_chart_layout_new_at_cursor()), 0 for none. */
guint
reel_chart_view_get_cursor (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), 0);

  return self->cursor;
}

/* Moves Trend's time cursor as a year changes: the chart moves in. */
void
reel_chart_view_set_cursor (ReelChartView *self,
                            guint          cursor)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  if (self->cursor == cursor)
    return;

  self->cursor = cursor;
  self->year_changed = self->kind == REEL_CHART_TREND;
  invalidate_layout (self);
}

const char *
reel_chart_view_get_selected_region (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), NULL);

  return self->selected_regions[0];
}

void
reel_chart_view_set_selected_region (ReelChartView *self,
                                     const char    *region_id)
{
  g_auto(GStrv) selection = reel_region_selection_new (region_id);

  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  reel_chart_view_set_selected_regions (self, (const char * const *) selection);
}

/**
 * reel_chart_view_get_selected_regions:
 *
 * Returns: (transfer none) (array zero-terminated=1): the selected
 *   regions' ids, empty for the world
 */
const char * const *
reel_chart_view_get_selected_regions (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), NULL);

  return (const char * const *) self->selected_regions;
}

void
reel_chart_view_set_selected_regions (ReelChartView      *self,
                                      const char * const *region_ids)
{
  g_autofree char *first = NULL;

  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  if (reel_region_selection_equal ((const char * const *) self->selected_regions, region_ids))
    return;

  first = g_strdup (self->selected_regions[0]);
  g_strfreev (self->selected_regions);
  self->selected_regions = region_ids != NULL ? g_strdupv ((char **) region_ids)
                                              : reel_region_selection_new (NULL);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGIONS]);
  if (g_strcmp0 (first, self->selected_regions[0]) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

gboolean
reel_chart_view_get_dark (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), FALSE);

  return self->dark;
}

void
reel_chart_view_set_dark (ReelChartView *self,
                          gboolean       dark)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  set_dark (self, dark, TRUE);
}

int
reel_chart_view_get_header_inset (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), 0);

  return self->header_inset;
}

void
reel_chart_view_set_header_inset (ReelChartView *self,
                                  int            inset)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  inset = MAX (inset, 0);
  if (self->header_inset == inset)
    return;

  self->header_inset = inset;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_INSET]);
}

/**
 * reel_chart_view_get_layout:
 *
 * Returns: (nullable) (transfer none): the chart as last laid out, %NULL
 * before the view has a dataset and a size
 */
ReelChartLayout *
reel_chart_view_get_layout (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), NULL);

  return self->layout;
}

/**
 * reel_chart_view_create_texture:
 *
 * The chart as shown, drawn again into an image at the view's scale
 * factor, on the theme's own background and without the hover shade or
 * the focus ring: what Copy Image puts on the clipboard.
 *
 * Returns: (nullable) (transfer full): the image, %NULL with nothing shown
 */
GdkTexture *
reel_chart_view_create_texture (ReelChartView *self)
{
  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), NULL);

  return self->layout != NULL ? reel_chart_texture_new (self->layout) : NULL;
}

/**
 * reel_chart_view_copy_image:
 *
 * Puts the chart on the clipboard as an image and emits
 * ReelChartView::copied.
 *
 * Returns: %FALSE when there was nothing to copy
 */
gboolean
reel_chart_view_copy_image (ReelChartView *self)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (REEL_IS_CHART_VIEW (self), FALSE);

  texture = reel_chart_view_create_texture (self);
  if (texture == NULL)
    return FALSE;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  g_signal_emit (self, signals[SIGNAL_COPIED], 0);

  return TRUE;
}

/**
 * reel_chart_view_prepare_year:
 *
 * Lays the chart out for @year ahead, when the main loop is idle (once the
 * chart shown is laid out), so that setting ReelChartView:year to it next
 * (as Play does) only draws; a change of any other input in between drops
 * it.
 */
void
reel_chart_view_prepare_year (ReelChartView *self,
                              guint          year)
{
  g_return_if_fail (REEL_IS_CHART_VIEW (self));

  self->next_year = year;
  if (self->layout_valid)
    prepare_next_year (self);
}
