/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-chart-style.h"
#include "reel-chart-transition.h"
#include "reel-chart-view.h"

G_BEGIN_DECLS

/* The chart view in four files: reel-chart-view.c (the layout, drawing
 * and properties), reel-chart-view-bands.c (the chart's nodes, kept band
 * by band), reel-chart-view-input.c (clicks, the pointer and the
 * keyboard's actions) and reel-chart-view-marks.c (its accessible mark
 * widgets, one per mark of the layout, and the keyboard focus among
 * them). */

struct _ReelChartView
{
  GtkWidget        parent_instance;

  ReelDataset     *dataset;
  ReelChartKind    kind;
  ReelChartMetric  metric;
  guint            year;
  guint            cursor;            /* Trend's time cursor, a month; 0 for none */
  GStrv            selected_regions;  /* empty for the world (reel-region-selection.h) */
  char            *selected_platform; /* an app's id on Platforms, NULL for none */
  gboolean         dark;
  ReelChartBaseColors style_colors;   /* valid when has_style_colors */
  gboolean         has_style_colors;
  int              header_inset;

  ReelChartLayout *layout;
  gboolean         layout_valid;      /* no input changed since it was made */
  gboolean         year_changed;      /* since it was made: the next one moves in */
  guint            generation;        /* of the inputs: one more at each change */
  guint            next_year;         /* to lay out ahead once this layout is made, or 0 */
  ReelChartTransition transition;     /* from the layout before, while it runs */
  GArray          *bands;             /* the chart's drawing, band by band (reel-chart-view-bands.c) */

  GPtrArray       *mark_widgets;      /* of ReelChartMarkWidget, in mark order */
  guint            marks_tick;        /* makes the layout and the mark widgets before a layout */
  guint            warm_up_source;    /* lays other charts out once (reel_chart_view_warm_up()) */
  guint            warm_up_step;      /* the next of them */
  int              focus_mark;        /* where the keyboard enters, -1 for none yet */
  int              hover_mark;        /* under the pointer, -1 for none */

  char            *accessible_label;
  char            *accessible_description;

  GtkWidget       *tooltip_box;       /* the custom tooltip (reel-chart-tooltip.h) */
};

/* reel-chart-view.c */
const ReelChartMark *_reel_chart_view_get_mark  (ReelChartView       *self,
                                                int                  index);
int      _reel_chart_view_hit_test              (ReelChartView       *self,
                                                double               x,
                                                double               y);
gboolean _reel_chart_view_mark_is_selectable    (const ReelChartMark *mark);
void     _reel_chart_view_set_selected_platform (ReelChartView       *self,
                                                const char          *platform_id);

/* reel-chart-view-bands.c */
void     _reel_chart_view_snapshot_chart        (ReelChartView       *self,
                                                GtkSnapshot         *snapshot);
void     _reel_chart_view_clear_bands           (ReelChartView       *self);

/* reel-chart-view-input.c */
void     _reel_chart_view_class_init_input      (GtkWidgetClass      *widget_class);
void     _reel_chart_view_init_input            (ReelChartView       *self);

/* reel-chart-view-marks.c */
guint _reel_chart_view_n_marks              (ReelChartView *self);
void  _reel_chart_view_update_mark_widgets  (ReelChartView *self);
void  _reel_chart_view_sync_mark_widgets    (ReelChartView *self);
int   _reel_chart_view_get_entry_mark       (ReelChartView *self);
void  _reel_chart_view_focus_mark           (ReelChartView *self,
                                             int            index);
int   _reel_chart_view_get_focused_mark     (ReelChartView *self);
gboolean _reel_chart_view_focus             (GtkWidget        *widget,
                                             GtkDirectionType  direction);

G_END_DECLS
