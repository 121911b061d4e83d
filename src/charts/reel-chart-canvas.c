/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-canvas"

#include "config.h"

#include "reel-chart-canvas.h"

#include <math.h>

#include "reel-chart-kind.h"
#include "reel-text-figure.h"
#include "reel-world-geometry.h"

double
reel_chart_canvas_snap (ReelChartCanvas *canvas,
                        double           value)
{
  return round (value * canvas->scale) / canvas->scale;
}

/* A line @width wide along @value: its device width is a whole number of
 * pixels, and an odd one sits on a pixel centre, so that a 1 px gridline
 * is one crisp pixel at 1x and two at 2x, never two half-grey ones. */
static double
snap_line (ReelChartCanvas *canvas,
           double           value,
           double          *width)
{
  double scale = canvas->scale;
  double device = MAX (1, round (*width * scale));

  *width = device / scale;
  if (fmod (device, 2) == 1)
    return (floor (value * scale) + 0.5) / scale;
  return round (value * scale) / scale;
}

ReelChartShape *
reel_chart_canvas_add_shape (ReelChartCanvas    *canvas,
                             ReelChartShapeType  type,
                             ReelChartInk        ink,
                             guint               palette)
{
  ReelChartShape shape = { .type = type, .ink = ink, .region = palette, .alpha = 1.0 };

  g_array_append_val (canvas->shapes, shape);
  return &g_array_index (canvas->shapes, ReelChartShape, canvas->shapes->len - 1);
}

ReelChartShape *
reel_chart_canvas_add_rect (ReelChartCanvas     *canvas,
                            ReelChartInk         ink,
                            guint                palette,
                            const ReelChartRect *box,
                            double               radius,
                            ReelChartCorners     corners)
{
  ReelChartShape *shape = reel_chart_canvas_add_shape (canvas, REEL_CHART_SHAPE_RECT, ink, palette);
  double right = reel_chart_canvas_snap (canvas, box->x + box->width);
  double bottom = reel_chart_canvas_snap (canvas, box->y + box->height);

  shape->rect.box.x = reel_chart_canvas_snap (canvas, box->x);
  shape->rect.box.y = reel_chart_canvas_snap (canvas, box->y);
  shape->rect.box.width = right - shape->rect.box.x;
  shape->rect.box.height = bottom - shape->rect.box.y;
  shape->rect.radius = MIN (radius, MIN (shape->rect.box.width, shape->rect.box.height) / 2);
  shape->rect.corners = corners;
  shape->rect.cut = -1;

  return shape;
}

/* A horizontal or vertical line is snapped across its direction. */
ReelChartShape *
reel_chart_canvas_add_line (ReelChartCanvas *canvas,
                            ReelChartInk     ink,
                            guint            palette,
                            double           x1,
                            double           y1,
                            double           x2,
                            double           y2,
                            double           width,
                            ReelChartDash    dash)
{
  ReelChartShape *shape = reel_chart_canvas_add_shape (canvas, REEL_CHART_SHAPE_LINE, ink, palette);
  double snapped_width = width;

  if (y1 == y2)
    {
      y1 = y2 = snap_line (canvas, y1, &snapped_width);
      x1 = reel_chart_canvas_snap (canvas, x1);
      x2 = reel_chart_canvas_snap (canvas, x2);
    }
  else if (x1 == x2)
    {
      x1 = x2 = snap_line (canvas, x1, &snapped_width);
      y1 = reel_chart_canvas_snap (canvas, y1);
      y2 = reel_chart_canvas_snap (canvas, y2);
    }

  shape->line.x1 = x1;
  shape->line.y1 = y1;
  shape->line.x2 = x2;
  shape->line.y2 = y2;
  shape->line.width = snapped_width;
  shape->line.dash = dash;

  return shape;
}

/* A solid hairline: gridlines, range lines, ticks. */
ReelChartShape *
reel_chart_canvas_add_rule (ReelChartCanvas *canvas,
                            ReelChartInk     ink,
                            double           x1,
                            double           y1,
                            double           x2,
                            double           y2)
{
  return reel_chart_canvas_add_line (canvas, ink, 0, x1, y1, x2, y2, 1, REEL_CHART_DASH_SOLID);
}

ReelChartShape *
reel_chart_canvas_add_marker (ReelChartCanvas *canvas,
                              guint            palette,
                              double           x,
                              double           y,
                              double           radius,
                              gboolean         filled)
{
  ReelChartShape *shape = reel_chart_canvas_add_shape (canvas, REEL_CHART_SHAPE_MARKER,
                                                       REEL_CHART_INK_REGION, palette);

  shape->marker.centres = g_new (double, 2);
  shape->marker.centres[0] = x;
  shape->marker.centres[1] = y;
  shape->marker.n_centres = 1;
  shape->marker.radius = radius;
  shape->marker.width = canvas->outline;
  shape->marker.filled = filled;
  shape->marker.ring = TRUE;

  return shape;
}

/* Places @text with its logical extents' top left at (@x, @y); the shape
 * takes the layout. */
ReelChartShape *
reel_chart_canvas_add_text (ReelChartCanvas   *canvas,
                            ReelChartText     *text,
                            double             x,
                            double             y,
                            ReelChartInk       ink,
                            ReelChartTextRole  role)
{
  ReelChartShape *shape = reel_chart_canvas_add_shape (canvas, REEL_CHART_SHAPE_TEXT, ink, 0);

  g_assert (text->layout != NULL);

  shape->text.layout = g_steal_pointer (&text->layout);
  shape->text.x = reel_chart_canvas_snap (canvas, x - text->x_offset);
  shape->text.y = reel_chart_canvas_snap (canvas, y - text->y_offset);
  shape->text.box.x = shape->text.x + text->x_offset;
  shape->text.box.y = shape->text.y + text->y_offset;
  shape->text.box.width = text->width;
  shape->text.box.height = text->height;
  shape->text.role = role;

  return shape;
}

void
reel_chart_shape_clear (ReelChartShape *shape)
{
  if (shape->type == REEL_CHART_SHAPE_TEXT)
    g_clear_object (&shape->text.layout);
  else if (shape->type == REEL_CHART_SHAPE_PATH)
    g_clear_pointer (&shape->path.points, g_free);
  else if (shape->type == REEL_CHART_SHAPE_MARKER)
    g_clear_pointer (&shape->marker.centres, g_free);
  else if (shape->type == REEL_CHART_SHAPE_AREA)
    g_clear_pointer (&shape->area.outline, reel_chart_outline_unref);
}

void
reel_chart_mark_clear (ReelChartMark *mark)
{
  g_clear_pointer (&mark->figures, g_ptr_array_unref);
  g_clear_pointer (&mark->growths, g_ptr_array_unref);
  g_clear_pointer (&mark->label, g_free);
  g_clear_pointer (&mark->tooltip, g_free);
  g_clear_pointer (&mark->outline, reel_chart_outline_unref);
}

/* The accessible label of @mark, from its name, year and flags: @value
 * with its qualifier in words, @what it measures (nullable), its primary
 * @source (G_MAXUINT for none) of @n_sources. */
void
reel_chart_mark_set_label (ReelChartMark *mark,
                           ReelDataset   *dataset,
                           const char    *what,
                           const char    *value,
                           guint          source,
                           guint          n_sources)
{
  ReelTextMark text = {
    .name = mark->name,
    .what = what,
    .year = mark->year,
    .value = value,
    .cut = (mark->flags & REEL_CHART_MARK_CAPPED) != 0,
    .has_source = source != G_MAXUINT,
    .source = source,
    .n_sources = n_sources,
  };

  if (mark->flags & REEL_CHART_MARK_ESTIMATE)
    text.flags |= REEL_FIGURE_ESTIMATE;
  if (mark->flags & REEL_CHART_MARK_FORECAST)
    text.flags |= REEL_FIGURE_FORECAST;
  if (mark->flags & REEL_CHART_MARK_PARTIAL)
    text.flags |= REEL_FIGURE_PARTIAL;

  mark->label = reel_text_dup_mark_label (dataset, &text);
}

/* A tooltip's lines, one per figure of @figures. */
void
reel_chart_append_figure_lines (GString     *tooltip,
                                ReelDataset *dataset,
                                GPtrArray   *figures,
                                gboolean     with_year)
{
  for (guint i = 0; i < figures->len; i++)
    {
      g_autofree char *line = reel_text_dup_figure_line (dataset, g_ptr_array_index (figures, i),
                                                         with_year);

      g_string_append_printf (tooltip, "\n%s", line);
    }
}

/* ------------------------------------------------------------------ */
/* Marks of bars, for the bar plots and the strip */

/* A mark's figures from its bar, its tooltip, "North America · Viewership
 * · 2024" then the value, a remark and every figure's line, and its
 * accessible label; a Map's region says the same as its bar. The caller
 * places it (rect, area and the boxes). */
void
reel_chart_bar_describe_mark (const ReelChartKindClass *kind,
                              const ReelChartData      *data,
                              const ReelChartBar       *bar,
                              ReelChartMark            *mark)
{
  ReelDataset *dataset = data->dataset;
  ReelChartBarWords words = { 0 };
  GString *tooltip = g_string_new (bar->name);
  guint source = G_MAXUINT;

  mark->region = bar->region;
  mark->region_id = bar->region_id;
  mark->platform_id = bar->platform_id;
  mark->name = bar->name;
  mark->year = data->year;
  mark->metric = bar->metric;
  mark->value = bar->value;
  mark->flags = bar->flags;
  mark->figures = g_ptr_array_ref (bar->figures);
  mark->growths = g_ptr_array_ref (bar->growths);

  kind->describe_bar (data, bar, &words);
  if (bar->measures->len > 0)
    {
      /* A figure for part of the year: its period says when, not the year */
      const ReelMeasure *shown = g_ptr_array_index (bar->measures, 0);

      if (words.what == NULL)
        words.what = reel_text_dup_period (&shown->period, FALSE);
      source = shown->source;
    }
  if (words.what != NULL)
    g_string_append_printf (tooltip, " · %s", words.what);
  if (bar->measures->len == 0)
    g_string_append_printf (tooltip, " · %u", data->year);
  if (words.value_line != NULL)
    g_string_append_printf (tooltip, "\n%s", words.value_line);
  if (words.remark != NULL)
    g_string_append_printf (tooltip, "\n%s", words.remark);
  reel_chart_append_figure_lines (tooltip, dataset, bar->figures, words.dated_figures);
  for (guint i = 0; i < bar->measures->len; i++)
    {
      g_autofree char *line = reel_text_dup_measure_line (dataset,
                                                          g_ptr_array_index (bar->measures, i));

      g_string_append_printf (tooltip, "\n%s", line);
    }
  for (guint i = 0; i < bar->growths->len; i++)
    {
      g_autofree char *line = reel_text_dup_growth_line (dataset,
                                                         g_ptr_array_index (bar->growths, i));

      g_string_append_printf (tooltip, "\n%s", line);
    }

  if (bar->figures->len > 0)
    source = ((const ReelFigure *) g_ptr_array_index (bar->figures, 0))->source;
  else if (bar->growths->len > 0)
    source = ((const ReelGrowth *) g_ptr_array_index (bar->growths, 0))->source;

  mark->tooltip = g_string_free (tooltip, FALSE);
  reel_chart_mark_set_label (mark, dataset, words.what, words.value, source, bar->n_sources);
  g_free (words.what);
  g_free (words.value);
  g_free (words.value_line);
  g_free (words.remark);
}

/* The mark of @bar, drawn as @rect, hit in @area, labelled in @label and
 * with its range line in @range (either may be empty): the bars' and the
 * strip's. */
void
reel_chart_draft_add_bar_mark (ReelChartDraft      *draft,
                               const ReelChartBar  *bar,
                               const ReelChartRect *rect,
                               const ReelChartRect *area,
                               const ReelChartRect *label,
                               const ReelChartRect *range)
{
  ReelChartMark mark = {
    .rect = *rect,
    .label_box = *label,
    .range_box = *range,
    .area = *area,
  };

  reel_chart_bar_describe_mark (draft->kind, draft->data, bar, &mark);
  g_array_append_val (draft->canvas->marks, mark);
}
