/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-tween"

#include "config.h"

#include "reel-chart-tween.h"

#include "reel-chart-layout-private.h"
#include "reel-chart-render.h"

/* A transition from one layout of a chart to another of the same kind and
 * size: each bar moves and grows from where it was to where it goes (the
 * bars are matched by their colour, the region's or the platform's, and
 * their order among the bars of that colour: Growth has a region's bar in
 * each group), a bar that comes or goes fades in or out in place, and the
 * rest (grid, ticks, text, range lines) crossfades; on Trend, its time
 * cursor sweeps from one place to the other (draw_sweep ()). Nothing is
 * measured or laid out: the shapes of both display lists are drawn with
 * other boxes, clips and alphas. A Map (its countries are drawn by runs
 * from a cache) and a change of kind or size have no transition: the new
 * layout is drawn. */

/* Less than a level of 8-bit colour. */
#define INVISIBLE (1.0 / 512)

static gboolean
is_bar (const ReelChartShape *shape)
{
  return shape->type == REEL_CHART_SHAPE_RECT &&
         (shape->ink == REEL_CHART_INK_REGION || shape->ink == REEL_CHART_INK_WORLD ||
          shape->ink == REEL_CHART_INK_MUTED);
}

/* The grid and the baselines go under the bars, as they are laid out. */
static gboolean
is_under_bars (const ReelChartShape *shape)
{
  return shape->type == REEL_CHART_SHAPE_LINE &&
         (shape->ink == REEL_CHART_INK_GRID || shape->ink == REEL_CHART_INK_BASELINE);
}

static gboolean
same_bar_colour (const ReelChartShape *a,
                 const ReelChartShape *b)
{
  return a->ink == b->ink && (a->ink != REEL_CHART_INK_REGION || a->region == b->region);
}

/* The @nth bar of @shapes in @bar's colour, or NULL. */
static const ReelChartShape *
find_bar (GArray               *shapes,
          const ReelChartShape *bar,
          guint                 nth)
{
  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (is_bar (shape) && same_bar_colour (shape, bar) && nth-- == 0)
        return shape;
    }

  return NULL;
}

/* How many bars of @shapes before @index are in its bar's colour. */
static guint
count_same_before (GArray *shapes,
                   guint   index)
{
  const ReelChartShape *bar = &g_array_index (shapes, ReelChartShape, index);
  guint n = 0;

  for (guint i = 0; i < index; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (is_bar (shape) && same_bar_colour (shape, bar))
        n++;
    }

  return n;
}

static double
lerp (double from,
      double to,
      double progress)
{
  return from + (to - from) * progress;
}

static void
draw_faded (cairo_t              *cr,
            const ReelChartShape *shape,
            double                alpha,
            const ReelChartTheme *theme,
            double                spacing)
{
  ReelChartShape faded = *shape;

  /* Nothing to see: the first and last frames draw one chart's text, not
   * two (the first is the step's, which lays the year out too). */
  if (alpha < INVISIBLE)
    return;

  faded.alpha *= alpha;
  _reel_chart_render_shape (cr, &faded, theme, spacing);
}

/* Every shape of @shapes that is no bar, on the side of the bars asked
 * for, at @alpha. */
static void
draw_others (cairo_t              *cr,
             GArray               *shapes,
             gboolean              under_bars,
             double                alpha,
             const ReelChartTheme *theme,
             double                spacing)
{
  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (!is_bar (shape) && is_under_bars (shape) == under_bars)
        draw_faded (cr, shape, alpha, theme, spacing);
    }
}

/* The bars of @to, each from its match in @from; those of @from with no
 * match fade out. */
static void
draw_bars (cairo_t              *cr,
           GArray               *from,
           GArray               *to,
           double                progress,
           const ReelChartTheme *theme,
           const double          spacing[2])
{
  for (guint i = 0; i < from->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (from, ReelChartShape, i);

      if (is_bar (shape) && find_bar (to, shape, count_same_before (from, i)) == NULL)
        draw_faded (cr, shape, 1 - progress, theme, spacing[0]);
    }

  for (guint i = 0; i < to->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (to, ReelChartShape, i);
      const ReelChartShape *start, *look;
      ReelChartShape moving;

      if (!is_bar (shape))
        continue;

      start = find_bar (from, shape, count_same_before (to, i));
      if (start == NULL)
        {
          draw_faded (cr, shape, progress, theme, spacing[1]);
          continue;
        }

      /* Its look (hatched, corners, a break mark) changes halfway. */
      look = progress < 0.5 ? start : shape;
      moving = *look;
      moving.rect.box.x = lerp (start->rect.box.x, shape->rect.box.x, progress);
      moving.rect.box.y = lerp (start->rect.box.y, shape->rect.box.y, progress);
      moving.rect.box.width = lerp (start->rect.box.width, shape->rect.box.width, progress);
      moving.rect.box.height = lerp (start->rect.box.height, shape->rect.box.height, progress);
      moving.alpha = lerp (start->alpha, shape->alpha, progress);
      /* A break mark keeps its distance from the bar's end. */
      if (look->rect.cut >= 0)
        moving.rect.cut = moving.rect.box.x + moving.rect.box.width -
                          (look->rect.box.x + look->rect.box.width - look->rect.cut);
      _reel_chart_render_shape (cr, &moving, theme, spacing[look == start ? 0 : 1]);
    }
}

/* Trend's time cursor is a rule across the plot in the text's ink. */
static gboolean
is_cursor_rule (const ReelChartShape *shape)
{
  return shape->type == REEL_CHART_SHAPE_LINE && shape->ink == REEL_CHART_INK_FOREGROUND &&
         shape->line.x1 == shape->line.x2;
}

/* What a cursor's sweep crossfades rather than uncovers: the text and the
 * halos and leaders of the labels, which stand at one cursor or the
 * other. */
static gboolean
is_label_part (const ReelChartShape *shape)
{
  return shape->type == REEL_CHART_SHAPE_TEXT ||
         (shape->type == REEL_CHART_SHAPE_RECT && shape->ink == REEL_CHART_INK_BACKGROUND) ||
         (shape->type == REEL_CHART_SHAPE_LINE && !is_under_bars (shape) &&
          shape->line.x1 != shape->line.x2);
}

/* The lines and points of @shapes within [@left, @right), as drawn. */
static void
draw_lines_within (cairo_t              *cr,
                   GArray               *shapes,
                   double                left,
                   double                right,
                   double                height,
                   const ReelChartTheme *theme,
                   double                spacing)
{
  cairo_save (cr);
  cairo_rectangle (cr, left, 0, MAX (0, right - left), height);
  cairo_clip (cr);
  for (guint i = 0; i < shapes->len; i++)
    {
      const ReelChartShape *shape = &g_array_index (shapes, ReelChartShape, i);

      if (!is_label_part (shape) && !is_cursor_rule (shape))
        _reel_chart_render_shape (cr, shape, theme, spacing);
    }
  cairo_restore (cr);
}

/* Trend's time cursor moving from @from's to @to's: a sweep from one
 * place to the other, which draws @to left of it and @from right of it,
 * so that the line grows (or shrinks) to the next point; the rule moves
 * with it and the labels crossfade. Each frame draws each display list
 * once, clipped: no layout. */
static void
draw_sweep (cairo_t              *cr,
            ReelChartLayout      *from,
            ReelChartLayout      *to,
            double                progress,
            const ReelChartTheme *theme,
            const double          spacing[2])
{
  GArray *from_shapes = _reel_chart_layout_get_shapes (from);
  GArray *to_shapes = _reel_chart_layout_get_shapes (to);
  double width = reel_chart_layout_get_width (to), height = reel_chart_layout_get_height (to);
  double x = lerp (_reel_chart_layout_get_cursor_x (from), _reel_chart_layout_get_cursor_x (to),
                   progress);

  draw_lines_within (cr, to_shapes, 0, x, height, theme, spacing[1]);
  draw_lines_within (cr, from_shapes, x, width, height, theme, spacing[0]);
  for (guint i = 0; i < to_shapes->len; i++)
    {
      ReelChartShape rule = g_array_index (to_shapes, ReelChartShape, i);

      if (!is_cursor_rule (&rule))
        continue;
      rule.line.x1 = rule.line.x2 = x;
      _reel_chart_render_shape (cr, &rule, theme, spacing[1]);
    }
  for (guint i = 0; i < from_shapes->len; i++)
    if (is_label_part (&g_array_index (from_shapes, ReelChartShape, i)))
      draw_faded (cr, &g_array_index (from_shapes, ReelChartShape, i), 1 - progress, theme,
                  spacing[0]);
  for (guint i = 0; i < to_shapes->len; i++)
    if (is_label_part (&g_array_index (to_shapes, ReelChartShape, i)))
      draw_faded (cr, &g_array_index (to_shapes, ReelChartShape, i), progress, theme, spacing[1]);
}

static gboolean
has_areas (GArray *shapes)
{
  for (guint i = 0; i < shapes->len; i++)
    if (g_array_index (shapes, ReelChartShape, i).type == REEL_CHART_SHAPE_AREA)
      return TRUE;

  return FALSE;
}

/* Whether reel_chart_render_between() can move @from's marks into @to's:
 * the same kind at the same size and scale, with no Map's areas. */
gboolean
reel_chart_can_tween (ReelChartLayout *from,
                      ReelChartLayout *to)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (from), FALSE);
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (to), FALSE);

  return reel_chart_layout_get_kind (from) == reel_chart_layout_get_kind (to) &&
         reel_chart_layout_get_width (from) == reel_chart_layout_get_width (to) &&
         reel_chart_layout_get_height (from) == reel_chart_layout_get_height (to) &&
         reel_chart_layout_get_scale (from) == reel_chart_layout_get_scale (to) &&
         !has_areas (_reel_chart_layout_get_shapes (from)) &&
         !has_areas (_reel_chart_layout_get_shapes (to));
}

/**
 * reel_chart_render_between:
 * @from: the chart shown before
 * @to: the chart shown after
 * @progress: 0 for @from, 1 for @to (eased by the caller)
 * @theme: (nullable): the colours, or NULL for @to's
 * @cr: where, as reel_chart_render()
 *
 * Draws the frame at @progress of the transition from @from to @to; @to
 * alone where there is none (reel_chart_can_tween()).
 */
void
reel_chart_render_between (ReelChartLayout      *from,
                           ReelChartLayout      *to,
                           double                progress,
                           const ReelChartTheme *theme,
                           cairo_t              *cr)
{
  GArray *from_shapes, *to_shapes;
  double spacing[2];

  g_return_if_fail (REEL_IS_CHART_LAYOUT (from));
  g_return_if_fail (REEL_IS_CHART_LAYOUT (to));
  g_return_if_fail (cr != NULL);

  if (progress >= 1 || !reel_chart_can_tween (from, to))
    {
      reel_chart_render (to, theme, cr);
      return;
    }

  if (theme == NULL)
    theme = reel_chart_layout_get_theme (to);
  progress = MAX (progress, 0);
  from_shapes = _reel_chart_layout_get_shapes (from);
  to_shapes = _reel_chart_layout_get_shapes (to);
  spacing[0] = _reel_chart_layout_get_hatch_spacing (from);
  spacing[1] = _reel_chart_layout_get_hatch_spacing (to);

  _reel_chart_render_begin (to, theme, cr);
  if (reel_chart_layout_get_cursor (from) != reel_chart_layout_get_cursor (to))
    {
      draw_sweep (cr, from, to, progress, theme, spacing);
      cairo_restore (cr);
      return;
    }
  draw_others (cr, from_shapes, TRUE, 1 - progress, theme, spacing[0]);
  draw_others (cr, to_shapes, TRUE, progress, theme, spacing[1]);
  draw_bars (cr, from_shapes, to_shapes, progress, theme, spacing);
  draw_others (cr, from_shapes, FALSE, 1 - progress, theme, spacing[0]);
  draw_others (cr, to_shapes, FALSE, progress, theme, spacing[1]);
  cairo_restore (cr);
}
