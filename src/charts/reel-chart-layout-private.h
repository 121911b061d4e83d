/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* The layout's display list: what reel_chart_render() draws, in order.
 * Colours are inks, looked up in the theme at draw time, so that a theme
 * change (light to dark) redraws without laying out again. Geometry is
 * final: snapped to device pixels for the layout's scale. Shared with the
 * renderer and the tests, not with the widgets. */

typedef enum {
  REEL_CHART_INK_FOREGROUND,
  REEL_CHART_INK_DIM,
  REEL_CHART_INK_GRID,
  REEL_CHART_INK_BASELINE,
  REEL_CHART_INK_WHISKER,
  REEL_CHART_INK_SELECTION,
  REEL_CHART_INK_MUTED,
  REEL_CHART_INK_WORLD,
  REEL_CHART_INK_BACKGROUND,
  REEL_CHART_INK_REGION,         /* the palette colour of ReelChartShape.region */
} ReelChartInk;

typedef enum {
  REEL_CHART_SHAPE_RECT,
  REEL_CHART_SHAPE_LINE,
  REEL_CHART_SHAPE_MARKER,
  REEL_CHART_SHAPE_TEXT,
  REEL_CHART_SHAPE_PATH,        /* a polyline: a Trend line, one stroke with joins */
  REEL_CHART_SHAPE_AREA,        /* a Map's countries, filled or outlined */
} ReelChartShapeType;

typedef enum {
  REEL_CHART_DASH_SOLID,
  REEL_CHART_DASH_DASHED,
  REEL_CHART_DASH_DOTTED,
} ReelChartDash;

/* Which corners of a rect are rounded. */
typedef enum {
  REEL_CHART_CORNER_TOP_LEFT     = 1 << 0,
  REEL_CHART_CORNER_TOP_RIGHT    = 1 << 1,
  REEL_CHART_CORNER_BOTTOM_RIGHT = 1 << 2,
  REEL_CHART_CORNER_BOTTOM_LEFT  = 1 << 3,
  REEL_CHART_CORNER_ALL          = 0xf,
} ReelChartCorners;

/* What a piece of text is, for tests that check that nothing overlaps. */
typedef enum {
  REEL_CHART_TEXT_TITLE,
  REEL_CHART_TEXT_SUBTITLE,
  REEL_CHART_TEXT_LABEL,          /* a region's name beside its bar, or at a line's end */
  REEL_CHART_TEXT_VALUE,          /* a value at a bar's end */
  REEL_CHART_TEXT_TICK,
  REEL_CHART_TEXT_HEADING,        /* a group of Growth */
  REEL_CHART_TEXT_LEGEND,
  REEL_CHART_TEXT_FOOTER,         /* notes and sources */
  REEL_CHART_TEXT_MESSAGE,        /* "No revenue figures for 2023" */
} ReelChartTextRole;

typedef struct {
  ReelChartShapeType type;
  ReelChartInk       ink;
  guint              region;      /* palette index, for REEL_CHART_INK_REGION */
  double             alpha;       /* multiplies the ink's alpha */
  union {
    struct {
      ReelChartRect    box;
      double           radius;
      ReelChartCorners corners;
      gboolean         hatched;   /* a lighter fill under diagonal lines */
      double           cut;       /* x of a break mark, or -1 */
    } rect;
    struct {
      double           x1, y1, x2, y2;
      double           width;
      ReelChartDash    dash;
    } line;
    struct {
      double          *centres;   /* x, y, x, y, …: one shape draws a line's points in one go */
      guint            n_centres;
      double           radius;
      double           width;     /* of the outline */
      gboolean         filled;    /* hollow: estimates and forecasts */
      gboolean         ring;      /* a ring of the background around each: points, not samples */
    } marker;
    struct {
      double           *points;   /* x, y, x, y, … */
      guint             n_points;
      double            width;
      ReelChartDash     dash;
    } path;
    struct {
      ReelChartOutline  *outline;
      gboolean           hatched; /* as a rect's */
      double             width;   /* of the outline, 0 to fill */
    } area;
    struct {
      PangoLayout       *layout;
      double             x, y;    /* of the layout's top left */
      ReelChartRect      box;     /* its logical extents, placed */
      ReelChartTextRole  role;
    } text;
  };
} ReelChartShape;

GArray *_reel_chart_layout_get_shapes        (ReelChartLayout *self);
double  _reel_chart_layout_get_hatch_spacing (ReelChartLayout *self);
double  _reel_chart_layout_get_cursor_x      (ReelChartLayout *self);

/* reel-chart-render.c, for the transitions (reel-chart-tween.c) */
void    _reel_chart_render_begin             (ReelChartLayout      *layout,
                                              const ReelChartTheme *theme,
                                              cairo_t              *cr);
void    _reel_chart_render_shape             (cairo_t              *cr,
                                              const ReelChartShape *shape,
                                              const ReelChartTheme *theme,
                                              double                hatch_spacing);

G_END_DECLS
