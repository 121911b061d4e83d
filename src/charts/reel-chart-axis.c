/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-axis"

#include "config.h"

#include "reel-chart-axis.h"

void
reel_chart_ticks_clear (ReelChartTicks *ticks)
{
  for (guint i = 0; i < REEL_SCALE_MAX_TICKS; i++)
    reel_chart_text_clear (&ticks->labels[i]);
  ticks->widest = 0;
}

/* A tick's label: a value as the kind writes it, without qualifier. */
char *
reel_chart_dup_tick (ReelChartDraft *draft,
                     double          value)
{
  return draft->kind->format_value (draft->data, value, REEL_QUALIFIER_NONE);
}

/* The ticks' labels of @scale: values as the kind writes them, or years,
 * which are names of years, not quantities: no grouping ("2,024"). */
void
reel_chart_ticks_measure (ReelChartTicks  *ticks,
                          ReelChartDraft  *draft,
                          const ReelScale *scale,
                          gboolean         years)
{
  reel_chart_ticks_clear (ticks);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double tick = reel_scale_get_tick (scale, i);
      g_autofree char *label = NULL;

      if (years)
        label = g_strdup_printf ("%u", (guint) tick);
      else
        label = reel_chart_dup_tick (draft, tick);

      ticks->labels[i] = reel_chart_pen_measure_line (draft->pen, REEL_CHART_FONT_TICK, label);
      ticks->widest = MAX (ticks->widest, ticks->labels[i].width);
    }
}

/* The labels of a horizontal axis at @top, centred under their ticks and
 * kept within the content, left to right, leaving out a label that would
 * touch the last one: only a chart too narrow for its axis gets there. */
void
reel_chart_ticks_add_across (ReelChartTicks  *ticks,
                             ReelChartDraft  *draft,
                             const ReelScale *scale,
                             double           top)
{
  const ReelChartRect *content = &draft->frame->content;
  double last_right = -G_MAXDOUBLE;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      ReelChartText *label = &ticks->labels[i];
      double x = reel_scale_map (scale, reel_scale_get_tick (scale, i)) - label->width / 2;

      x = CLAMP (x, content->x, content->x + content->width - label->width);
      if (x < last_right + draft->pen->unit * 0.5)
        continue;
      reel_chart_canvas_add_text (draft->canvas, label, x, top, REEL_CHART_INK_DIM,
                                  REEL_CHART_TEXT_TICK);
      last_right = x + label->width;
    }
}
