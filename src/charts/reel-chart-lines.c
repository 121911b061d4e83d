/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-lines"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-chart-axis.h"
#include "reel-chart-cursor.h"
#include "reel-chart-kind.h"
#include "reel-chart-lines-private.h"
#include "reel-chart-time-axis.h"
#include "reel-text-figure.h"

/* Lines over the years, for Trend: a value axis on the left, years (or
 * months and years: reel-chart-time-axis.h) under the plot, one line per
 * region with markers at its points, and a label
 * at each line's end (or, when those cannot sit near their lines, a key
 * under the plot). */

/* The two axes, what they span and where they sit. */
typedef struct {
  double         first_time;     /* years; a month is a fraction of its year */
  double         last_time;
  double         value_max;
  double         year_width;       /* room for a year's label */
  double         end_width;        /* room for the end labels on the right */
  ReelScale      x_scale;
  ReelScale      y_scale;
  ReelChartTicks y_ticks;
  double         left;
  double         right;
  double         top;
  double         bottom;
  double         legend_height;
  double         tick_height;
  gboolean       by_month;         /* the points are months */
  double         axis_height;      /* of the labels under the plot */
} Axes;

static void
line_clear (Line *line)
{
  g_clear_pointer (&line->x, g_free);
  g_clear_pointer (&line->y, g_free);
  g_clear_pointer (&line->ranges, g_free);
  reel_chart_text_clear (&line->name_label);
  reel_chart_text_clear (&line->value_label);
}

/* ------------------------------------------------------------------ */
/* Axes */

/* The years and values the lines span, the end labels measured at full
 * length, and the room they want on the right. */
static void
survey_lines (Plot *plot,
             Axes *axes)
{
  double content_width = plot->draft->frame->content.width;
  ReelChartText probe = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_TICK,
                                                     "2000");

  axes->year_width = probe.width + plot->unit * 2;
  reel_chart_text_clear (&probe);

  axes->first_time = G_MAXDOUBLE;
  axes->last_time = 0;
  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);

      for (guint j = 0; j < line->series->points->len; j++)
        {
          const ReelChartPoint *point = get_point (line, j);

          axes->by_month |= point->measure != NULL &&
                            point->measure->period.kind == REEL_PERIOD_MONTH;
          axes->first_time = MIN (axes->first_time, point->time);
          axes->last_time = MAX (axes->last_time, point->time);
          axes->value_max = MAX (axes->value_max, point->value);
          if (!isnan (point->high))
            axes->value_max = MAX (axes->value_max, point->high);
        }
      /* A comparison draws only what is selected: nothing fades. */
      if (reel_chart_data_is_selected (plot->data, line->series->region_id) &&
          !reel_chart_data_compares (plot->data))
        plot->selection_shown = TRUE;

      line->value_label = _reel_chart_lines_measure_end_value (plot, get_point (line, last_index (line)));
      _reel_chart_lines_measure_end_name (plot, line, content_width);
      line->name_width = line->name_label.width;
    }

  /* Room on the right for the labels of the lines that reach the last
   * year; a long name gives way to an ellipsis there. The labels at a
   * cursor stand inside the plot, whose axes stay those of the whole
   * chart as the cursor moves. */
  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);
      guint last = line->series->points->len - 1;
      ReelChartText end_value = { 0 };
      double value_width = line->value_label.width;

      if (get_point (line, last)->time != axes->last_time)
        continue;
      if (last != last_index (line))
        {
          end_value = _reel_chart_lines_measure_end_value (plot, get_point (line, last));
          value_width = end_value.width;
          reel_chart_text_clear (&end_value);
        }
      axes->end_width = MAX (axes->end_width,
                             MIN (line->name_width, content_width * 0.2) + plot->name_gap +
                                                value_width);
    }
  axes->end_width = MIN (axes->end_width, content_width * 0.4);
  /* One year: the points stand in the middle, their labels beside them. */
  if (axes->first_time == axes->last_time)
    axes->end_width = 0;
}

/* The y axis: ticks by the plot's height, whose labels set the left; the
 * x axis: months, or years, as many ticks as fit. */
static void
fit_axes (Plot *plot,
         Axes *axes)
{
  const ReelChartRect *content = &plot->draft->frame->content;
  double right = content->x + content->width, x_start, x_end;
  guint max_ticks;

  max_ticks = (guint) CLAMP (floor ((axes->bottom - axes->top) / (axes->tick_height * 2.5)) + 1, 2,
                             REEL_SCALE_MAX_TICKS);
  reel_scale_init (&axes->y_scale, 0, axes->value_max, max_ticks, REEL_SCALE_ZERO);
  reel_scale_set_range (&axes->y_scale, axes->bottom, axes->top);
  reel_chart_ticks_measure (&axes->y_ticks, plot->draft, &axes->y_scale, FALSE);

  axes->left = content->x + axes->y_ticks.widest + plot->unit * 0.8;
  axes->right = MAX (axes->left + plot->unit * 4,
                     right - axes->end_width - plot->radius - plot->unit * 1.2);
  x_start = axes->left + plot->radius + plot->unit * 0.8;
  x_end = MAX (x_start + 1, axes->right - plot->radius - plot->unit * 0.3);
  if (axes->by_month)
    {
      reel_chart_time_axis_fit (&axes->x_scale, axes->first_time, axes->last_time, x_start, x_end);
      return;
    }
  max_ticks = (guint) CLAMP (floor ((x_end - x_start) / axes->year_width) + 1, 2,
                             REEL_SCALE_MAX_TICKS);
  /* Ticks at whole years: a line of months shows where each year begins */
  reel_scale_init (&axes->x_scale, floor (axes->first_time), ceil (axes->last_time), max_ticks,
                   REEL_SCALE_INTEGER);
  reel_scale_set_range (&axes->x_scale, x_start, x_end);
}

/* The points' places, and the end labels' sizes at their places. */
static void
map_lines (Plot *plot,
          Axes *axes)
{
  double right = plot->draft->frame->content.x + plot->draft->frame->content.width;

  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);
      double room;

      for (guint j = 0; j < line->series->points->len; j++)
        {
          const ReelChartPoint *point = get_point (line, j);

          line->x[j] = reel_scale_map (&axes->x_scale, point->time);
          line->y[j] = reel_scale_map (&axes->y_scale, point->value);
        }

      line->label_x = line->x[last_index (line)] + plot->radius + plot->unit * 0.8;
      room = right - line->label_x - plot->name_gap - line->value_label.width;
      /* Measured again only to cut it, or when it was cut before. */
      if (line->name_width > room || line->name_label.width < line->name_width)
        _reel_chart_lines_measure_end_name (plot, line, MIN (line->name_width + 1, room));
      line->label_width = line->name_label.width + plot->name_gap + line->value_label.width;
      line->label_height = MAX (line->name_label.height, line->value_label.height);
    }
}

/* The lines with a point up to the cursor, which have an end label to
 * place: all without a cursor. */
static guint
count_shown_lines (Plot *plot)
{
  guint n = 0;

  for (guint i = 0; i < plot->lines->len; i++)
    n += get_line (plot, i)->shown > 0;

  return n;
}

/* Labels that had to travel far from their lines, or that do not fit,
 * read worse than a key: the lines get one below, in the order of their
 * ends from top to bottom. Returns TRUE when it switched to the key. */
static gboolean
label_ends_or_key (Plot *plot,
                  Axes *axes)
{
  guint n_labelled;

  if (plot->use_key)
    {
      for (guint i = 0; i < plot->lines->len; i++)
        get_line (plot, i)->labelled = FALSE;
      return FALSE;
    }

  /* Down to just above the years under the axis. */
  n_labelled = _reel_chart_lines_place_end_labels (plot, plot->draft->frame->header_bottom,
                                 axes->bottom + plot->unit * 0.5);
  if (n_labelled == count_shown_lines (plot) && !_reel_chart_lines_end_labels_wander (plot) && !_reel_chart_lines_end_names_cut (plot))
    return FALSE;

  plot->use_key = TRUE;
  for (guint k = 0; k < plot->lines->len; k++)
    {
      Line *line = get_line (plot, plot->order[k]);

      reel_chart_legend_add_series (plot->draft->legend, plot->draft->pen, line->series->name,
                                    line_ink (line), line->series->palette);
    }
  axes->legend_height = reel_chart_legend_measure (plot->draft->legend, plot->draft->pen);
  axes->end_width = 0;
  return TRUE;
}

/* The axes, end labels or key, and the footer, until the footer that was
 * measured says what the plot needs. */
static void
fit_plot (Plot *plot,
         Axes *axes)
{
  ReelChartFrame *frame = plot->draft->frame;
  g_autofree char *unlabelled_note = NULL;

  for (guint attempt = 0; attempt < 6; attempt++)
    {
      char *note = NULL;

      reel_chart_frame_measure_footer (frame, plot->draft->pen, unlabelled_note);
      axes->bottom = reel_chart_frame_plot_bottom (frame, plot->draft->pen, axes->legend_height,
                                                   axes->axis_height);
      fit_axes (plot, axes);
      map_lines (plot, axes);

      if (label_ends_or_key (plot, axes))
        {
          g_clear_pointer (&unlabelled_note, g_free);
          continue;
        }

      /* Only when even the key did not fit. */
      if (plot->use_key && axes->legend_height == 0)
        note = g_strdup (_("The lines are not labelled for lack of room."));
      if (g_strcmp0 (note, unlabelled_note) == 0)
        {
          g_free (note);
          break;
        }
      g_free (unlabelled_note);
      unlabelled_note = note;
    }
}

/* ------------------------------------------------------------------ */
/* Shapes */

/* Gridlines and the zero line, with their labels; the years (or months)
 * under the plot. */
static void
add_axes (Plot *plot,
         Axes *axes)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  ReelChartTicks year_ticks = { 0 };

  for (guint i = 0; i < axes->y_scale.n_ticks; i++)
    {
      double tick = reel_scale_get_tick (&axes->y_scale, i);
      double y = reel_scale_map (&axes->y_scale, tick);
      ReelChartText *label = &axes->y_ticks.labels[i];

      reel_chart_canvas_add_rule (canvas, tick == 0 ? REEL_CHART_INK_BASELINE : REEL_CHART_INK_GRID,
                                  axes->left, y, axes->right, y);
      reel_chart_canvas_add_text (canvas, label, axes->left - plot->unit * 0.8 - label->width,
                                  y - label->height / 2, REEL_CHART_INK_DIM, REEL_CHART_TEXT_TICK);
    }

  if (axes->by_month)
    {
      reel_chart_time_axis_add (plot->draft, &axes->x_scale, axes->top, axes->bottom,
                                axes->bottom + plot->unit * 0.6);
      return;
    }
  reel_chart_ticks_measure (&year_ticks, plot->draft, &axes->x_scale, TRUE);
  reel_chart_ticks_add_across (&year_ticks, plot->draft, &axes->x_scale,
                               axes->bottom + plot->unit * 0.6);
  reel_chart_ticks_clear (&year_ticks);
}

/* The style of the segment from point @index - 1 to point @index: dotted
 * where the primary source changes, dashed into or out of an estimate, a
 * forecast or a partial year. */
static ReelChartDash
segment_dash (const Line *line,
              guint       index)
{
  const ReelChartPoint *previous = get_point (line, index - 1);
  const ReelChartPoint *point = get_point (line, index);
  const ReelChartMarkFlags soft = REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                  REEL_CHART_MARK_PARTIAL;

  if (previous->source != point->source)
    return REEL_CHART_DASH_DOTTED;
  if ((previous->flags | point->flags) & soft)
    return REEL_CHART_DASH_DASHED;
  return REEL_CHART_DASH_SOLID;
}

/* How many other lines' points and end labels, or its own end label,
 * @range covers. */
static guint
count_range_collisions (Plot                *plot,
                        const Line          *owner,
                        const ReelChartRect *range)
{
  double reach = plot->radius * 1.25 + 1;
  guint n = 0;

  for (guint k = 0; k < plot->lines->len; k++)
    {
      const Line *other = get_line (plot, k);
      ReelChartRect label = _reel_chart_lines_end_label_box (other);

      if (other->labelled && reel_chart_rect_intersects (range, &label))
        n++;
      for (guint m = 0; other != owner && m < other->series->points->len; m++)
        {
          ReelChartRect point = { other->x[m] - reach, other->y[m] - reach, reach * 2, reach * 2 };

          n += reel_chart_rect_intersects (range, &point);
        }
    }

  return n;
}

/* Each point's range of other sources, on the point where it crosses no
 * other line's point or label; else moved aside, left then right, a
 * marker's width at a time, to the first place where it crosses none (or
 * fewest): a range never reads as passing through another region's
 * figure. */
static void
place_ranges (Plot *plot,
              Axes *axes)
{
  double cap = plot->radius * 0.9, step = plot->radius * 1.25 + cap + 2;
  static const double offsets[] = { 0, -1, 1, -2, 2, -3, 3 };

  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);

      for (guint j = 0; j < line->series->points->len; j++)
        {
          const ReelChartPoint *point = get_point (line, j);
          double low_y, high_y;
          guint best = G_MAXUINT;

          if (isnan (point->low))
            continue;

          low_y = reel_scale_map (&axes->y_scale, point->low);
          high_y = reel_scale_map (&axes->y_scale, point->high);
          for (guint k = 0; k < G_N_ELEMENTS (offsets) && best != 0; k++)
            {
              ReelChartRect range = { line->x[j] + offsets[k] * step - cap, high_y, cap * 2,
                                      low_y - high_y };
              guint n = count_range_collisions (plot, line, &range);

              if (n < best)
                {
                  best = n;
                  line->ranges[j] = range;
                }
            }
        }
    }
}

/* Each point's range of other sources as placed, with end caps, and a
 * short leader to its point when it had to move aside. */
static void
add_ranges (Plot   *plot,
            Axes   *axes,
            Line   *line,
            double  line_alpha)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  guint palette = line->series->palette;
  ReelChartInk ink = line_ink (line);

  for (guint j = 0; j < line->series->points->len; j++)
    {
      const ReelChartRect *range = &line->ranges[j];
      double x = range->x + range->width / 2, top = range->y, bottom = range->y + range->height;
      double alpha = j < line->shown ? line_alpha : line_alpha * REEL_CHART_CURSOR_FUTURE_ALPHA;

      if (range->width == 0)
        continue;

      reel_chart_canvas_add_line (canvas, ink, palette, x, top, x, bottom, 1,
                                  REEL_CHART_DASH_SOLID)->alpha = alpha;
      reel_chart_canvas_add_line (canvas, ink, palette, range->x, top,
                                  range->x + range->width, top, 1,
                                  REEL_CHART_DASH_SOLID)->alpha = alpha;
      reel_chart_canvas_add_line (canvas, ink, palette, range->x, bottom,
                                  range->x + range->width, bottom, 1,
                                  REEL_CHART_DASH_SOLID)->alpha = alpha;
      if (fabs (x - line->x[j]) > 0.5)
        reel_chart_canvas_add_line (canvas, ink, palette, line->x[j], line->y[j],
                                    x, line->y[j], 1, REEL_CHART_DASH_DOTTED)->alpha = alpha;
    }
}

/* Whether the line breaks before point @index: months with a month
 * between them that has no figure. A line across it would draw a value
 * nobody published; years are joined, as forecasts years apart are. */
static gboolean
is_gap (const Line *line,
        guint       index)
{
  const ReelChartPoint *previous = get_point (line, index - 1);
  const ReelChartPoint *point = get_point (line, index);

  return previous->measure != NULL && point->measure != NULL &&
         point->measure->period.first > previous->measure->period.last + 1;
}

/* Runs of segments of one style become one stroke, which joins them
 * cleanly (and costs one stroke, not one per year); a gap ends a run. */
static void
add_segments (Plot     *plot,
              Line     *line,
              gboolean  selected,
              double    alpha)
{
  guint n_points = line->series->points->len;

  for (guint start = 1; start < n_points;)
    {
      ReelChartDash dash = segment_dash (line, start);
      guint end = start;
      ReelChartShape *shape;

      if (is_gap (line, start))
        {
          start++;
          continue;
        }
      /* A run ends at the cursor too, after which the line is faint. */
      while (end + 1 < n_points && segment_dash (line, end + 1) == dash &&
             !is_gap (line, end + 1) && (end + 1 < line->shown) == (start < line->shown))
        end++;

      shape = reel_chart_canvas_add_shape (plot->draft->canvas, REEL_CHART_SHAPE_PATH,
                                           line_ink (line), line->series->palette);
      shape->alpha = start < line->shown ? alpha : alpha * REEL_CHART_CURSOR_FUTURE_ALPHA;
      shape->path.width = selected ? plot->line_width * 1.5 : plot->line_width;
      shape->path.dash = dash;
      shape->path.n_points = end - start + 2;
      shape->path.points = g_new (double, shape->path.n_points * 2);
      for (guint k = start - 1; k <= end; k++)
        {
          shape->path.points[(k - start + 1) * 2] = line->x[k];
          shape->path.points[(k - start + 1) * 2 + 1] = line->y[k];
        }
      start = end + 1;
    }
}

/* The filled points of a line in one shape, the hollow ones in another,
 * and the same faint after the cursor: two fills each, not two per
 * point. */
static void
add_points (Plot     *plot,
            Line     *line,
            gboolean  selected,
            double    alpha)
{
  const ReelChartMarkFlags soft = REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                  REEL_CHART_MARK_PARTIAL;
  guint n_points = line->series->points->len;

  for (int run = 0; run < 4; run++)
    {
      int filled = run % 2;
      gboolean after = run >= 2;
      ReelChartShape *shape = NULL;

      for (guint j = 0; j < n_points; j++)
        {
          gboolean hollow = (get_point (line, j)->flags & soft) != 0;

          if (hollow == (filled == 1) || (j >= line->shown) != after)
            continue;
          if (shape == NULL)
            {
              double radius = selected ? plot->radius * 1.25 : plot->radius;

              shape = reel_chart_canvas_add_marker (plot->draft->canvas, line->series->palette,
                                                    line->x[j], line->y[j], radius, filled == 1);
              shape->ink = line_ink (line);
              shape->alpha = after ? alpha * REEL_CHART_CURSOR_FUTURE_ALPHA : alpha;
              shape->marker.centres = g_renew (double, shape->marker.centres, n_points * 2);
              continue;
            }
          shape->marker.centres[shape->marker.n_centres * 2] = line->x[j];
          shape->marker.centres[shape->marker.n_centres * 2 + 1] = line->y[j];
          shape->marker.n_centres++;
        }
    }
}

typedef void (*LineLayer) (Plot     *plot,
                           Axes     *axes,
                           Line     *line,
                           gboolean  selected,
                           double    alpha);

static void
add_line_layer (Plot     *plot,
                Axes     *axes,
                Line     *line,
                gboolean  selected,
                double    alpha)
{
  add_ranges (plot, axes, line, alpha);
  add_segments (plot, line, selected, alpha);
}

static void
add_point_layer (Plot     *plot,
                 Axes     *axes,
                 Line     *line,
                 gboolean  selected,
                 double    alpha)
{
  add_points (plot, line, selected, alpha);
}

/* A layer of every line: the selected one last, on top; the others faded
 * when one is. */
static void
add_layer (Plot      *plot,
           Axes      *axes,
           LineLayer  layer)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < plot->lines->len; i++)
      {
        Line *line = get_line (plot, i);
        gboolean selected = reel_chart_data_is_selected (plot->data, line->series->region_id);
        double alpha = plot->selection_shown && !selected ? 0.35 : 1.0;

        if (selected == (pass == 1))
          layer (plot, axes, line, selected, alpha);
      }
}

/* Marks in region and year order, whatever the drawing order. */
static void
add_marks (Plot *plot)
{
  double reach = MAX (plot->radius * 2.5, plot->draft->pen->font_size * 0.75);
  double radius = plot->radius;

  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);

      for (guint j = 0; j < line->series->points->len; j++)
        {
          const ReelChartPoint *point = get_point (line, j);
          ReelChartMark mark = {
            .rect = { line->x[j] - radius, line->y[j] - radius, radius * 2, radius * 2 },
            .area = { line->x[j] - reach, line->y[j] - reach, reach * 2, reach * 2 },
            .region = line->series->region,
            .region_id = line->series->region_id,
            .name = line->series->name,
            .year = point->year,
            .value = point->value,
            .flags = point->flags,
            .range_box = line->ranges[j],
            .figures = g_ptr_array_ref (point->figures),
            .growths = g_ptr_array_new (),
          };

          if (line->labelled && j == last_index (line))
            mark.label_box = _reel_chart_lines_end_label_box (line);
          if (reel_chart_data_is_selected (plot->data, line->series->region_id))
            mark.flags |= REEL_CHART_MARK_SELECTED;
          plot->draft->kind->describe_point (plot->data, line->series, point, &mark);
          g_array_append_val (plot->draft->canvas->marks, mark);
        }
    }
}

static void
plot_init (Plot           *plot,
           ReelChartDraft *draft)
{
  double font_size = draft->pen->font_size;

  plot->draft = draft;
  plot->data = draft->data;
  plot->unit = draft->pen->unit;
  plot->radius = MAX (3, font_size * 0.3);
  plot->line_width = MAX (2, font_size * 0.15);
  plot->name_gap = plot->unit * 0.5;
  plot->lines = reel_chart_array_new (sizeof (Line), (GDestroyNotify) line_clear);
  plot->order = g_new (guint, MAX (draft->data->series->len, 1));

  for (guint i = 0; i < draft->data->series->len; i++)
    {
      ReelChartSeries *series = &g_array_index (draft->data->series, ReelChartSeries, i);
      Line line = {
        .series = series,
        .x = g_new (double, series->points->len),
        .y = g_new (double, series->points->len),
        .ranges = g_new0 (ReelChartRect, series->points->len),
        .shown = reel_chart_series_count_shown (series, draft->data->cursor),
      };

      g_array_append_val (plot->lines, line);
    }
}

static void
plot_clear (Plot *plot,
           Axes *axes)
{
  g_clear_pointer (&plot->lines, g_array_unref);
  g_clear_pointer (&plot->order, g_free);
  reel_chart_ticks_clear (&axes->y_ticks);
}

/* The phases: the lines' span, the axes with end labels or a key fitted
 * in turn, then gridlines, lines, marks, end labels, points and the
 * legend: a label may cover a line, never a figure. */
static void
lay_out (ReelChartDraft *draft)
{
  ReelChartFrame *frame = draft->frame;
  Plot plot = { 0 };
  Axes axes = { 0 };
  double cursor_x;

  plot_init (&plot, draft);
  axes.legend_height = reel_chart_legend_measure (draft->legend, draft->pen);
  axes.tick_height = reel_chart_pen_tick_height (draft->pen);
  axes.top = frame->header_bottom + axes.tick_height / 2;

  if (plot.lines->len == 0)
    {
      reel_chart_frame_measure_footer (frame, draft->pen, NULL);
      reel_chart_draft_add_empty (draft, frame->header_bottom, frame->footer_top - plot.unit * 2);
      plot_clear (&plot, &axes);
      return;
    }

  survey_lines (&plot, &axes);
  axes.axis_height = axes.by_month ? reel_chart_time_axis_height (draft->pen) : axes.tick_height;
  fit_plot (&plot, &axes);
  cursor_x = reel_scale_map (&axes.x_scale, reel_chart_cursor_get_time (draft->data));
  if (draft->data->cursor != 0)
    draft->canvas->cursor_x = cursor_x;
  draft->canvas->plot = (ReelChartRect) { axes.left, axes.top, axes.right - axes.left,
                                          MAX (0, axes.bottom - axes.top) };

  /* Too small for a plot: the header and the footer only. */
  if (axes.bottom - axes.top >= axes.tick_height * 2)
    {
      add_axes (&plot, &axes);
      if (draft->data->cursor != 0)
        reel_chart_cursor_add_rule (draft, cursor_x, axes.top, axes.bottom);
      place_ranges (&plot, &axes);
      add_layer (&plot, &axes, add_line_layer);
      add_marks (&plot);
      _reel_chart_lines_add_end_labels (&plot);
      add_layer (&plot, &axes, add_point_layer);
      if (draft->data->cursor != 0)
        reel_chart_cursor_add_label (draft, cursor_x, axes.top, axes.bottom, axes.left);
      reel_chart_legend_place (draft->legend, draft->pen, draft->canvas,
                               axes.bottom + plot.unit * 0.6 + axes.axis_height + plot.unit * 1.6);
    }
  plot_clear (&plot, &axes);
}

/* ------------------------------------------------------------------ */
/* The key and the words of lines */

/* Its samples in the first region's colour, as the lines have. */
static void
add_legend (const ReelChartData *data,
            ReelChartLegend     *legend,
            ReelChartPen        *pen)
{
  for (guint i = data->series->len; i-- > 0;)
    {
      const ReelChartSeries *series = &g_array_index (data->series, ReelChartSeries, i);

      if (series->region >= 0)
        reel_chart_legend_set_swatch (legend, REEL_CHART_INK_REGION, series->palette);
    }
  if (data->traits.hollow)
    {
      if (data->traits.reported)
        reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_MARKER_FILLED, _("reported"));
      reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_MARKER_HOLLOW,
                             _("estimate, forecast or partial year"));
    }
  if (data->traits.dotted)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_DOTTED, _("primary source changes"));
  if (data->traits.whisker)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_WHISKER, _("range of other sources"));
}

/* A line of months in words, by its months: "World: from $126M in Apr
 * 2025 to $197M in Nov 2025". */
static void
append_months_summary (GString              *summary,
                       const char           *name,
                       const ReelChartPoint *first,
                       const char           *first_value,
                       const ReelChartPoint *last,
                       const char           *last_value)
{
  g_autofree char *first_month = reel_text_dup_period (&first->measure->period, FALSE);
  g_autofree char *last_month = reel_text_dup_period (&last->measure->period, FALSE);

  if (first == last)
    /* TRANSLATORS: in a chart's summary, "Europe: $10M in Oct 2025" */
    g_string_append_printf (summary, _("%s: %s in %s"), name, last_value, last_month);
  else
    /* TRANSLATORS: in a chart's summary, "World: from $126M in Apr 2025 to $197M in Nov 2025" */
    g_string_append_printf (summary, _("%s: from %s in %s to %s in %s"), name, first_value,
                            first_month, last_value, last_month);
}

/* "North America: from $80M in 2022 to $142M in 2024", after what is
 * compared when regions are; at a cursor, the values at it. */
static guint
add_summary (const ReelChartKindClass *kind,
             const ReelChartData      *data,
             GArray                   *marks,
             GString                  *summary)
{
  if (reel_chart_data_compares (data))
    {
      g_autofree char *comparison = reel_chart_data_dup_comparison (data);

      g_string_append_printf (summary, "%s. ", comparison);
    }
  if (data->cursor != 0 && data->series->len > 0)
    {
      reel_chart_cursor_append_summary (summary, kind, data);
      return data->series->len;
    }
  for (guint i = 0; i < data->series->len; i++)
    {
      const ReelChartSeries *series = &g_array_index (data->series, ReelChartSeries, i);
      const ReelChartPoint *first = &g_array_index (series->points, ReelChartPoint, 0);
      const ReelChartPoint *last = &g_array_index (series->points, ReelChartPoint,
                                                   series->points->len - 1);
      g_autofree char *first_value = kind->format_value (data, first->value,
                                                         first->qualifier);
      g_autofree char *last_value = kind->format_value (data, last->value,
                                                        last->qualifier);

      if (i > 0)
        g_string_append (summary, reel_text_get_separator (REEL_TEXT_SEPARATOR_ITEMS));
      if (first->measure != NULL && last->measure != NULL)
        append_months_summary (summary, series->name, first, first_value, last, last_value);
      else if (first == last)
        /* TRANSLATORS: in a chart's summary, "North America: $142M in 2024" */
        g_string_append_printf (summary, _("%s: %s in %u"), series->name, last_value, last->year);
      else
        /* TRANSLATORS: in a chart's summary, "North America: from $80M in 2022 to $142M in 2024" */
        g_string_append_printf (summary, _("%s: from %s in %u to %s in %u"), series->name,
                                first_value, first->year, last_value, last->year);
    }

  return data->series->len;
}

static double
min_height (ReelChartDraft *draft,
            double          tick_height)
{
  if (draft->data->series->len == 0)
    return draft->pen->font_size * 3;
  return tick_height * 5;
}

const ReelChartPlotClass reel_chart_lines_class = {
  .min_height = min_height,
  .lay_out = lay_out,
  .add_legend = add_legend,
  .add_summary = add_summary,
};
