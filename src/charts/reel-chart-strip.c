/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-strip"

#include "config.h"

#include <math.h>

#include "reel-chart-kind.h"

/* Parts of a whole, for Share: one horizontal strip as wide as the chart,
 * a segment per region in its colour, largest first, and "Rest of world"
 * last in the muted ink. A segment wide enough for its name and share has
 * them over it; the narrow ones are named in a key under the strip, a
 * swatch of their colour beside each, so that no label sits on a sliver
 * or crosses another's. */

typedef struct {
  ReelChartBar  *bar;
  ReelChartText  name;
  ReelChartText  value;
  ReelChartRect  box;             /* the segment */
  ReelChartRect  label_box;       /* its name and share, over it or in the key */
  gboolean       above;           /* labelled over the segment */
} Segment;

typedef struct {
  ReelChartDraft *draft;
  double          unit;
  GArray         *segments;       /* of Segment, as data->bars */
  double          swatch;         /* of a key item */
  double          name_height;    /* of the tallest name */
  double          label_height;   /* of a name over its share */
  double          strip_height;
  double          top;            /* of the labels over the strip */
  double          strip_top;
  double          key_height;
} Strip;

static void
segment_clear (Segment *segment)
{
  reel_chart_text_clear (&segment->name);
  reel_chart_text_clear (&segment->value);
}

static Segment *
get_segment (Strip *strip,
             guint  index)
{
  return &g_array_index (strip->segments, Segment, index);
}

/* A label's width: its name over its share. */
static double
label_width (const Segment *segment)
{
  return MAX (segment->name.width, segment->value.width);
}

/* A name whole, wrapped where a key item of it would not fit on a line. */
static ReelChartText
measure_name (Strip               *strip,
              const ReelChartText *value,
              const char          *name)
{
  double room = strip->draft->frame->content.width - strip->swatch - strip->unit * 1.2 -
                value->width;

  return reel_chart_pen_measure (strip->draft->pen, REEL_CHART_FONT_LABEL, name, MAX (room, 1),
                                 REEL_CHART_PEN_ALL_LINES, FALSE);
}

static void
strip_init (Strip          *strip,
            ReelChartDraft *draft)
{
  ReelChartPen *pen = draft->pen;
  double value_height = 0;

  strip->draft = draft;
  strip->unit = pen->unit;
  strip->swatch = pen->font_size * 0.8;
  strip->strip_height = reel_chart_canvas_snap (draft->canvas, pen->font_size * 2.6);
  strip->segments = reel_chart_array_new (sizeof (Segment), (GDestroyNotify) segment_clear);

  for (guint i = 0; i < draft->data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (draft->data->bars, ReelChartBar, i);
      g_autofree char *value = draft->kind->format_value (draft->data, bar->value, bar->qualifier);
      Segment segment = {
        .bar = bar,
        .value = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_VALUE, value),
      };

      segment.name = measure_name (strip, &segment.value, bar->name);

      strip->name_height = MAX (strip->name_height, ceil (segment.name.height));
      value_height = MAX (value_height, segment.value.height);
      g_array_append_val (strip->segments, segment);
    }
  strip->label_height = strip->name_height + value_height;
}

static void
strip_clear (Strip *strip)
{
  g_clear_pointer (&strip->segments, g_array_unref);
}

/* ------------------------------------------------------------------ */
/* Geometry */

/* The segments across the content's width, in proportion to the sum of
 * the shares: 1 with a rest of the world, more when the regions add up to
 * more than the total (a note says so), a hairline of the background
 * between two. Each segment's label goes over it when it fits there. */
static void
divide_strip (Strip *strip)
{
  const ReelChartRect *content = &strip->draft->frame->content;
  ReelChartCanvas *canvas = strip->draft->canvas;
  double whole = 0, before = 0;

  for (guint i = 0; i < strip->segments->len; i++)
    whole += MAX (get_segment (strip, i)->bar->value, 0);
  whole = MAX (whole, 1);

  for (guint i = 0; i < strip->segments->len; i++)
    {
      Segment *segment = get_segment (strip, i);
      double left = reel_chart_canvas_snap (canvas, content->x + content->width * before / whole);
      double right;

      before += MAX (segment->bar->value, 0);
      right = reel_chart_canvas_snap (canvas, content->x + content->width * before / whole);
      if (i + 1 < strip->segments->len)
        right -= 1;
      segment->box = (ReelChartRect) { left, 0, MAX (right - left, 1), strip->strip_height };
      segment->above = label_width (segment) + strip->unit <= segment->box.width;
    }
}

/* The key of the narrow segments flows like words under the strip, from
 * @top; returns its height. Places the labels when @place. */
static double
flow_key (Strip    *strip,
          double    top,
          gboolean  place)
{
  const ReelChartRect *content = &strip->draft->frame->content;
  double gap = strip->unit * 0.6, spacing = strip->unit * 2.4;
  double x = content->x, row_top = 0, row_height = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < strip->segments->len; i++)
    {
      Segment *segment = get_segment (strip, i);
      double width = strip->swatch + gap + segment->name.width + gap + segment->value.width;
      double height = MAX (segment->name.height, segment->value.height);

      if (segment->above)
        continue;
      if (x > content->x && x + width > content->x + content->width)
        {
          row_top += row_height + strip->unit * 0.5;
          row_height = 0;
          x = content->x;
        }
      if (place)
        segment->label_box = (ReelChartRect) { x, top + row_top, width, height };
      row_height = MAX (row_height, height);
      x += width + spacing;
      any = TRUE;
    }

  return any ? row_top + row_height : 0;
}

/* From the top of the plot: the labels over the strip, the strip, its key. */
static void
stack_strip (Strip  *strip,
             double  top)
{
  ReelChartCanvas *canvas = strip->draft->canvas;

  strip->top = top;
  strip->strip_top = reel_chart_canvas_snap (canvas, top + strip->label_height + strip->unit * 0.6);
  for (guint i = 0; i < strip->segments->len; i++)
    {
      Segment *segment = get_segment (strip, i);

      segment->box.y = strip->strip_top;
      if (segment->above)
        segment->label_box = (ReelChartRect) { segment->box.x + strip->unit * 0.5, top,
                                               label_width (segment), strip->label_height };
    }
  strip->key_height = flow_key (strip, strip->strip_top + strip->strip_height + strip->unit * 1.2,
                                TRUE);
}

static double
strip_height (Strip *strip)
{
  double key = flow_key (strip, 0, FALSE);

  return strip->label_height + strip->unit * 0.6 + strip->strip_height +
         (key > 0 ? strip->unit * 1.2 + key : 0);
}

/* ------------------------------------------------------------------ */
/* Shapes */

static ReelChartInk
segment_ink (const ReelChartBar *bar)
{
  return (bar->flags & REEL_CHART_MARK_REST) ? REEL_CHART_INK_MUTED : REEL_CHART_INK_REGION;
}

static guint
segment_palette (const ReelChartBar *bar)
{
  return bar->region >= 0 ? (guint) bar->region : 0;
}

/* A segment, hatched when its figure is not reported, the selected one
 * on a highlight; its mark's area runs from its label to its key item. */
static void
add_segment (Strip   *strip,
             Segment *segment)
{
  ReelChartCanvas *canvas = strip->draft->canvas;
  const ReelChartBar *bar = segment->bar;
  ReelChartRect area = { segment->box.x, strip->top, MAX (segment->box.width, 4),
                         strip->strip_top + strip->strip_height - strip->top };
  ReelChartShape *shape;

  if (bar->flags & REEL_CHART_MARK_SELECTED)
    {
      double margin = strip->unit * 0.4;
      ReelChartRect highlight = { segment->box.x - margin, segment->box.y - margin,
                                  segment->box.width + margin * 2,
                                  segment->box.height + margin * 2 };

      reel_chart_canvas_add_rect (canvas, REEL_CHART_INK_SELECTION, 0, &highlight, margin,
                                  REEL_CHART_CORNER_ALL);
    }

  shape = reel_chart_canvas_add_rect (canvas, segment_ink (bar), segment_palette (bar),
                                      &segment->box, 0, 0);
  shape->rect.hatched = (bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
  if (area.width > segment->box.width)
    area.x -= (area.width - segment->box.width) / 2;
  reel_chart_draft_add_bar_mark (strip->draft, bar, &shape->rect.box, &area, &segment->label_box,
                                 &(ReelChartRect) { 0 });
}

/* The name over the share, over the segment or in the key after a
 * swatch of its colour. */
static void
add_label (Strip   *strip,
           Segment *segment)
{
  ReelChartCanvas *canvas = strip->draft->canvas;
  const ReelChartRect *box = &segment->label_box;
  ReelChartInk ink = (segment->bar->flags & REEL_CHART_MARK_REST) ? REEL_CHART_INK_DIM
                                                                  : REEL_CHART_INK_FOREGROUND;
  double gap = strip->unit * 0.6;

  if (segment->above)
    {
      reel_chart_canvas_add_text (canvas, &segment->name, box->x, box->y, ink,
                                  REEL_CHART_TEXT_LABEL);
      reel_chart_canvas_add_text (canvas, &segment->value, box->x, box->y + strip->name_height,
                                  REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
      return;
    }

  reel_chart_canvas_add_rect (canvas, segment_ink (segment->bar), segment_palette (segment->bar),
                              &(ReelChartRect) { box->x, box->y + (box->height - strip->swatch) / 2,
                                                 strip->swatch, strip->swatch },
                              2, REEL_CHART_CORNER_ALL)->rect.hatched =
    (segment->bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
  reel_chart_canvas_add_text (canvas, &segment->name, box->x + strip->swatch + gap,
                              box->y + (box->height - segment->name.height) / 2, ink,
                              REEL_CHART_TEXT_LABEL);
  reel_chart_canvas_add_text (canvas, &segment->value,
                              box->x + strip->swatch + gap + segment->name.width + gap,
                              box->y + (box->height - segment->value.height) / 2,
                              REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
}

/* The phases: the segments' widths, the height the strip and its key
 * need, their places a little above the middle of the room, then the
 * shapes and the legend under them. A chart too small for them keeps its
 * header and footer only, as Trend does. */
static void
lay_out (ReelChartDraft *draft)
{
  ReelChartFrame *frame = draft->frame;
  double legend_height = reel_chart_legend_measure (draft->legend, draft->pen);
  double top = frame->header_bottom, bottom, used;
  Strip strip = { 0 };

  strip_init (&strip, draft);
  reel_chart_frame_measure_footer (frame, draft->pen, NULL);
  if (draft->data->n_figures == 0)
    {
      reel_chart_draft_add_empty (draft, top, frame->footer_top - strip.unit * 2);
      strip_clear (&strip);
      return;
    }

  divide_strip (&strip);
  used = strip_height (&strip);
  bottom = reel_chart_frame_plot_bottom (frame, draft->pen, legend_height, 0);
  if (bottom - top < used)
    {
      draft->canvas->plot = (ReelChartRect) { frame->content.x, top, frame->content.width, 0 };
      strip_clear (&strip);
      return;
    }
  if (bottom - top > used)
    top = reel_chart_canvas_snap (draft->canvas, top + (bottom - top - used) * 0.35);
  stack_strip (&strip, top);
  draft->canvas->plot = (ReelChartRect) { frame->content.x, strip.strip_top, frame->content.width,
                                          strip.strip_height };

  for (guint i = 0; i < strip.segments->len; i++)
    add_segment (&strip, get_segment (&strip, i));
  for (guint i = 0; i < strip.segments->len; i++)
    add_label (&strip, get_segment (&strip, i));
  reel_chart_legend_place (draft->legend, draft->pen, draft->canvas,
                           strip.strip_top + strip.strip_height +
                           (strip.key_height > 0 ? strip.unit * 1.2 + strip.key_height : 0) +
                           strip.unit * 1.6);
  strip_clear (&strip);
}

/* The strip and two lines of labels, over it and in its key. */
static double
min_height (ReelChartDraft *draft,
            double          tick_height)
{
  return draft->pen->font_size * (2.6 + 2 * 2.6);
}

static void
add_legend (const ReelChartData *data,
            ReelChartLegend     *legend,
            ReelChartPen        *pen)
{
  reel_chart_bars_class.add_legend (data, legend, pen);
}

static guint
add_summary (const ReelChartKindClass *kind,
             const ReelChartData      *data,
             GArray                   *marks,
             GString                  *summary)
{
  return reel_chart_bars_class.add_summary (kind, data, marks, summary);
}

const ReelChartPlotClass reel_chart_strip_class = {
  .min_height = min_height,
  .lay_out = lay_out,
  .add_legend = add_legend,
  .add_summary = add_summary,
};
