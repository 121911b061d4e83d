/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-frame"

#include "config.h"

#include "reel-chart-frame.h"

#include <glib/gi18n.h>

#include "reel-chart-kind.h"
#include "reel-text-figure.h"

void
reel_chart_frame_init (ReelChartFrame       *frame,
                       const ReelChartTheme *theme,
                       double                width,
                       double                height)
{
  frame->content.x = theme->padding_left;
  frame->content.y = theme->padding_top;
  frame->content.width = MAX (1, width - theme->padding_left - theme->padding_right);
  frame->content.height = MAX (1, height - theme->padding_top - theme->padding_bottom);
  frame->header_inset = theme->header_inset;
  frame->notes = g_ptr_array_new_with_free_func (g_free);
  frame->title_lines = 2;
}

void
reel_chart_frame_clear (ReelChartFrame *frame)
{
  g_clear_pointer (&frame->notes, g_ptr_array_unref);
  reel_chart_text_clear (&frame->title_text);
  reel_chart_text_clear (&frame->subtitle_text);
  reel_chart_text_clear (&frame->footer_text);
  g_clear_pointer (&frame->footer_string, g_free);
}

/* The width the title and subtitle wrap at: the content's, less what the
 * theme keeps clear at their right (a control over the chart's corner),
 * but never less than half of it. */
double
reel_chart_frame_header_width (ReelChartFrame *frame)
{
  double inset = frame->header_inset;

  if (!(inset > 0))
    return frame->content.width;

  return MAX (frame->content.width - inset, frame->content.width / 2);
}

/* The title at the lines allowed now; the subtitle, which says how to
 * read the marks, whole. */
void
reel_chart_frame_measure_header (ReelChartFrame *frame,
                                 ReelChartPen   *pen)
{
  double width = reel_chart_frame_header_width (frame);
  ReelChartText title = reel_chart_pen_measure (pen, REEL_CHART_FONT_TITLE, frame->title, width,
                                                frame->title_lines, FALSE);
  ReelChartText subtitle = reel_chart_pen_measure (pen, REEL_CHART_FONT_SUBTITLE, frame->subtitle,
                                                   width, REEL_CHART_PEN_ALL_LINES, FALSE);

  reel_chart_text_clear (&frame->title_text);
  reel_chart_text_clear (&frame->subtitle_text);
  frame->title_text = title;
  frame->subtitle_text = subtitle;
}

/* Notes, then sources, wrapped and never cut: sources are the point of
 * the small print. A chart too small for its sources says where to find
 * them instead; its summary and its export's metadata keep them all.
 * @extra says what did not fit, when something did not. */
void
reel_chart_frame_measure_footer (ReelChartFrame *frame,
                                 ReelChartPen   *pen,
                                 const char     *extra)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < frame->notes->len; i++)
    {
      g_string_append (text, g_ptr_array_index (frame->notes, i));
      g_string_append_c (text, '\n');
    }
  if (extra != NULL)
    {
      g_string_append (text, extra);
      g_string_append_c (text, '\n');
    }
  if (frame->sources_elsewhere)
    /* TRANSLATORS: in place of a chart's source line when the chart is too small for it */
    g_string_append (text, _("Sources: see table"));
  else
    g_string_append (text, frame->sources);

  /* A trailing newline would add an empty line. */
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  /* The longest text of the chart: measured again only when it changed. */
  if (frame->footer_text.layout == NULL || g_strcmp0 (frame->footer_string, text->str) != 0)
    {
      reel_chart_text_clear (&frame->footer_text);
      frame->footer_text = reel_chart_pen_measure (pen, REEL_CHART_FONT_FOOTER, text->str,
                                                   frame->content.width,
                                                   REEL_CHART_PEN_ALL_LINES, FALSE);
      g_free (frame->footer_string);
      frame->footer_string = g_strdup (text->str);
    }
  frame->footer_top = frame->content.y + frame->content.height -
                      (text->len > 0 ? frame->footer_text.height : 0);

  g_string_free (text, TRUE);
}

/* Where a plot's last row or its axis ends: above its tick labels, the
 * legend and the footer as measured last. */
double
reel_chart_frame_plot_bottom (ReelChartFrame *frame,
                              ReelChartPen   *pen,
                              double          legend_height,
                              double          tick_height)
{
  double unit = pen->unit;

  return frame->footer_top - unit * 2 - (legend_height > 0 ? legend_height + unit * 1.6 : 0) -
         tick_height - unit * 0.6;
}

void
reel_chart_frame_add_header (ReelChartFrame  *frame,
                             ReelChartPen    *pen,
                             ReelChartCanvas *canvas)
{
  double y = frame->content.y;

  if (frame->title_text.layout == NULL || frame->subtitle_text.layout == NULL)
    reel_chart_frame_measure_header (frame, pen);

  reel_chart_canvas_add_text (canvas, &frame->title_text, frame->content.x, y,
                              REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_TITLE);
  y += frame->title_text.height + pen->unit * 0.3;
  reel_chart_canvas_add_text (canvas, &frame->subtitle_text, frame->content.x, y,
                              REEL_CHART_INK_DIM, REEL_CHART_TEXT_SUBTITLE);
  y += frame->subtitle_text.height;

  frame->header_bottom = y + pen->unit * 2.2;
}

/* The footer as last measured, against the bottom. */
void
reel_chart_frame_add_footer (ReelChartFrame  *frame,
                             ReelChartCanvas *canvas)
{
  PangoLayout *layout = frame->footer_text.layout;

  if (layout != NULL && pango_layout_get_character_count (layout) > 0)
    reel_chart_canvas_add_text (canvas, &frame->footer_text, frame->content.x, frame->footer_top,
                                REEL_CHART_INK_DIM, REEL_CHART_TEXT_FOOTER);
}

/* The notes every kind may need: partial years and changes of source. */
void
reel_chart_notes_add_traits (const ReelChartData *data,
                             GPtrArray           *notes)
{
  if (data->traits.partial)
    g_ptr_array_add (notes, g_strdup (_("Partial year: summed from records that cover fewer than "
                                        "12 months.")));
  if (data->traits.dotted)
    g_ptr_array_add (notes, g_strdup (_("A dotted segment joins figures from different primary "
                                        "sources, which may not measure the same thing.")));
}

/* ------------------------------------------------------------------ */
/* What a draft of a whole chart needs of its frame */

/* A small chart gives up, in turn, the legend, its source line (for
 * "Sources: see table") and the title's second line, until a plot of a
 * couple of rows fits between them. Notes and the subtitle are never cut. */
void
reel_chart_draft_fit_to_height (ReelChartDraft *draft)
{
  ReelChartFrame *frame = draft->frame;
  double tick_height = reel_chart_pen_tick_height (draft->pen), unit = draft->pen->unit;
  double plot_need = draft->kind->plot->min_height (draft, tick_height);

  for (int level = 0; level < 4; level++)
    {
      double needed, legend_height;

      draft->legend->hidden = level >= 1;
      frame->sources_elsewhere = level >= 2;
      frame->title_lines = level >= 3 ? 1 : 2;

      reel_chart_frame_measure_header (frame, draft->pen);
      reel_chart_frame_measure_footer (frame, draft->pen, NULL);
      legend_height = reel_chart_legend_measure (draft->legend, draft->pen);

      needed = frame->title_text.height + unit * 0.3 + frame->subtitle_text.height + unit * 2.2 +
               plot_need + tick_height + unit * 0.6 +
               (legend_height > 0 ? legend_height + unit * 1.6 : 0) + unit * 2 +
               (frame->content.y + frame->content.height - frame->footer_top);

      if (needed <= frame->content.height)
        break;
    }
}

/* "Figures exist for 2023, 2024": the years that have figures, when the
 * kind has years; NULL otherwise. */
static char *
dup_years_hint (ReelChartDraft *draft)
{
  g_autoptr(GArray) years = draft->kind->list_years (draft->data->dataset);
  g_autofree char *joined = NULL;
  GString *list;

  if (years->len == 0)
    return NULL;

  list = g_string_new (NULL);
  for (guint i = 0; i < years->len && i < 12; i++)
    {
      if (i > 0)
        g_string_append (list, reel_text_get_separator (REEL_TEXT_SEPARATOR_YEARS));
      g_string_append_printf (list, "%u", g_array_index (years, guint, i));
    }
  if (years->len > 12)
    g_string_append (list, "…");

  joined = g_string_free (list, FALSE);

  /* TRANSLATORS: under "No revenue figures for 2023": the years that have them */
  return g_strdup_printf (_("Figures exist for %s"), joined);
}

/* The "no data" state: a message where the plot would be, and which years
 * do have figures. */
void
reel_chart_draft_add_empty (ReelChartDraft *draft,
                            double          top,
                            double          bottom)
{
  const ReelChartRect *content = &draft->frame->content;
  ReelChartCanvas *canvas = draft->canvas;
  g_autofree char *message = draft->kind->dup_empty_message (draft->data);
  g_autofree char *hint_text = dup_years_hint (draft);
  ReelChartText text, hint = { 0 };
  double y, height;

  canvas->empty = TRUE;

  text = reel_chart_pen_measure_centred (draft->pen, REEL_CHART_FONT_MESSAGE, message,
                                         content->width);
  height = text.height;
  if (hint_text != NULL)
    {
      hint = reel_chart_pen_measure_centred (draft->pen, REEL_CHART_FONT_LABEL, hint_text,
                                             content->width);
      height += draft->pen->unit + hint.height;
    }

  y = MAX (top, (top + bottom - height) / 2);
  canvas->plot = (ReelChartRect) { content->x, top, content->width, MAX (0, bottom - top) };
  reel_chart_canvas_add_text (canvas, &text, content->x + (content->width - text.width) / 2, y,
                              REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_MESSAGE);
  if (hint.layout != NULL)
    reel_chart_canvas_add_text (canvas, &hint, content->x + (content->width - hint.width) / 2,
                                y + text.height + draft->pen->unit, REEL_CHART_INK_DIM,
                                REEL_CHART_TEXT_MESSAGE);
}
