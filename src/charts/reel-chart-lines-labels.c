/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-lines"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-lines-private.h"
#include "reel-text-figure.h"

/* The labels at Trend's line ends: each line's name and last value beside
 * its last point (the last up to the time cursor), pushed apart so that
 * none covers another, and drawn on a halo of the background. */

/* The last value of a line, in bold, and what it is when not reported:
 * "$900M forecast". Left to right whatever the name's script, so that the
 * value stays after the name. */
ReelChartText
_reel_chart_lines_measure_end_value (Plot                 *plot,
                                     const ReelChartPoint *last)
{
  g_autofree char *value = plot->draft->kind->format_value (plot->data, last->value,
                                                            last->qualifier);
  g_autofree char *string = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *regular = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
  ReelChartText text;

  if (last->flags & REEL_CHART_MARK_FORECAST)
    string = g_strdup_printf ("%s %s", value, _("forecast"));
  else if (last->flags & REEL_CHART_MARK_PARTIAL)
    string = g_strdup_printf ("%s %s", value, _("partial year"));
  else
    string = g_strdup (value);

  text = reel_chart_pen_measure_line (plot->draft->pen, REEL_CHART_FONT_VALUE, string);
  reel_chart_text_make_own (&text);
  pango_layout_set_auto_dir (text.layout, FALSE);
  regular->start_index = (guint) strlen (value);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_attr_list_insert (attrs, regular);
  pango_layout_set_attributes (text.layout, attrs);
  pango_attr_list_unref (attrs);
  reel_chart_text_update (&text);

  return text;
}

/* The name before the value, cut with an ellipsis to @width. */
void
_reel_chart_lines_measure_end_name (Plot   *plot,
                                    Line   *line,
                                    double  width)
{
  reel_chart_text_clear (&line->name_label);
  line->name_label = reel_chart_pen_measure (plot->draft->pen, REEL_CHART_FONT_LABEL,
                                             line->series->name, MAX (width, 1), 1, FALSE);
  reel_chart_text_make_own (&line->name_label);
  pango_layout_set_auto_dir (line->name_label.layout, FALSE);
  reel_chart_text_update (&line->name_label);
}

static int
compare_label_positions (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GArray *lines = user_data;
  double y_a = last_y (&g_array_index (lines, Line, *(const guint *) a));
  double y_b = last_y (&g_array_index (lines, Line, *(const guint *) b));

  return y_a < y_b ? -1 : y_a > y_b;
}

static gboolean
labels_side_by_side (const Line *a,
                     const Line *b)
{
  return a->label_x < b->label_x + b->label_width && b->label_x < a->label_x + a->label_width;
}

static gboolean
labels_overlap (const Line *a,
                const Line *b)
{
  return labels_side_by_side (a, b) && a->label_y < b->label_y + b->label_height &&
         b->label_y < a->label_y + a->label_height;
}

/* How much of the marker at (@x, @y) a label of @line at @label_y covers,
 * in square pixels. */
static double
covered_area (Plot       *plot,
              const Line *line,
              double      label_y,
              double      x,
              double      y)
{
  double width = MIN (line->label_x + line->label_width, x + plot->radius) -
                 MAX (line->label_x, x - plot->radius);
  double height = MIN (label_y + line->label_height, y + plot->radius) -
                  MAX (label_y, y - plot->radius);

  return width > 0 && height > 0 ? width * height : 0;
}

/* Where an end label would sit: centred on its line's last point, unless
 * the line goes on past the cursor and the label would hide its next
 * point; then above or below the point, within [@top, @bottom], wherever
 * it hides least of it. */
static double
preferred_label_y (Plot       *plot,
                   const Line *line,
                   double      top,
                   double      bottom)
{
  guint last = last_index (line);
  double y = last_y (line);
  double places[] = { y - line->label_height / 2, y - plot->radius - line->label_height,
                      y + plot->radius };
  double best = places[0], least = G_MAXDOUBLE;

  if (last + 1 >= line->series->points->len)
    return places[0];

  for (guint i = 0; i < G_N_ELEMENTS (places) && least > 0; i++)
    {
      double place = CLAMP (places[i], top, MAX (top, bottom - line->label_height));
      double area = covered_area (plot, line, place, line->x[last + 1], line->y[last + 1]);

      if (area < least)
        {
          best = place;
          least = area;
        }
    }
  return best;
}

/* Top down: each label beside its point, below any label above that
 * shares columns; then bottom up: above the bottom and any label below. */
static void
push_labels_apart (Plot   *plot,
                   double  top,
                   double  bottom)
{
  double space = plot->unit * 0.25;
  guint n = plot->lines->len;

  for (guint i = 0; i < n; i++)
    {
      Line *line = get_line (plot, plot->order[i]);

      if (!line->labelled)
        continue;
      line->label_y = MAX (top, preferred_label_y (plot, line, top, bottom));
      for (guint j = 0; j < i; j++)
        {
          Line *above = get_line (plot, plot->order[j]);

          if (above->labelled && labels_side_by_side (line, above) &&
              line->label_y < above->label_y + above->label_height + space)
            line->label_y = above->label_y + above->label_height + space;
        }
    }

  for (guint i = n; i-- > 0;)
    {
      Line *line = get_line (plot, plot->order[i]);

      if (!line->labelled)
        continue;
      line->label_y = MIN (line->label_y, bottom - line->label_height);
      for (guint j = i + 1; j < n; j++)
        {
          Line *below = get_line (plot, plot->order[j]);

          if (below->labelled && labels_side_by_side (line, below) &&
              line->label_y + line->label_height + space > below->label_y)
            line->label_y = below->label_y - space - line->label_height;
        }
    }
}

/* Of the labels that still collide or stick out, the one of the smallest
 * last value; NULL when none does. */
static Line *
find_worst_label (Plot   *plot,
                  double  top)
{
  Line *worst = NULL;

  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, plot->order[i]);
      gboolean bad;

      if (!line->labelled)
        continue;
      bad = line->label_y < top - 0.5;
      for (guint j = 0; j < plot->lines->len && !bad; j++)
        {
          Line *other = get_line (plot, plot->order[j]);

          bad = j != i && other->labelled && labels_overlap (line, other);
        }
      if (bad && (worst == NULL || get_point (line, last_index (line))->value <
                                   get_point (worst, last_index (worst))->value))
        worst = line;
    }

  return worst;
}

/* End labels sit beside their line's last point, pushed apart so that
 * none overlaps another and all stay within [@top, @bottom]; when that is
 * impossible the labels of the smallest last values go first. Sets the
 * order of the lines from top to bottom. Returns how many are labelled. */
guint
_reel_chart_lines_place_end_labels (Plot   *plot,
                                    double  top,
                                    double  bottom)
{
  guint n = plot->lines->len, n_labelled = n;

  for (guint i = 0; i < n; i++)
    {
      plot->order[i] = i;
      get_line (plot, i)->labelled = get_line (plot, i)->shown > 0;
      n_labelled -= get_line (plot, i)->shown == 0;
    }
  g_qsort_with_data (plot->order, n, sizeof (guint), compare_label_positions, plot->lines);

  for (guint round = 0; round <= n && n_labelled > 0; round++)
    {
      Line *worst;

      push_labels_apart (plot, top, bottom);
      worst = find_worst_label (plot, top);
      if (worst == NULL)
        break;
      worst->labelled = FALSE;
      n_labelled--;
    }

  return n_labelled;
}

/* Whether a label ended up more than three lines' height from its line's
 * end. */
gboolean
_reel_chart_lines_end_labels_wander (Plot *plot)
{
  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);

      double distance = fabs (line->label_y + line->label_height / 2 - last_y (line));

      if (line->labelled && distance > 3 * line->label_height)
        return TRUE;
    }

  return FALSE;
}

/* Whether a name at a line's end had to end in an ellipsis: the key, which
 * wraps names, never cuts one. */
gboolean
_reel_chart_lines_end_names_cut (Plot *plot)
{
  for (guint i = 0; i < plot->lines->len; i++)
    {
      Line *line = get_line (plot, i);

      if (pango_layout_is_ellipsized (line->name_label.layout))
        return TRUE;
    }

  return FALSE;
}

/* The end label's box, as _reel_chart_lines_add_end_labels() draws its halo. */
ReelChartRect
_reel_chart_lines_end_label_box (const Line *line)
{
  return (ReelChartRect) { line->label_x - 2, line->label_y - 1, line->label_width + 4,
                           line->label_height + 2 };
}

/* The end labels, from the top: a leader from the point when the label
 * had to move, and a halo of the background that keeps the label legible
 * where other lines pass under it. */
void
_reel_chart_lines_add_end_labels (Plot *plot)
{
  ReelChartCanvas *canvas = plot->draft->canvas;

  for (guint k = 0; k < plot->lines->len; k++)
    {
      Line *line = get_line (plot, plot->order[k]);
      double point_x = line->x[last_index (line)], point_y = last_y (line);
      double centre_y = line->label_y + line->label_height / 2;
      ReelChartRect halo = _reel_chart_lines_end_label_box (line);
      double baseline;

      if (!line->labelled)
        continue;

      if (fabs (centre_y - point_y) > plot->radius)
        reel_chart_canvas_add_line (canvas, line_ink (line), line->series->palette,
                                    point_x + plot->radius + 1, point_y,
                                    line->label_x - plot->unit * 0.3, centre_y, 1,
                                    REEL_CHART_DASH_SOLID)->alpha = 0.6;
      reel_chart_canvas_add_rect (canvas, REEL_CHART_INK_BACKGROUND, 0, &halo, 3,
                                  REEL_CHART_CORNER_ALL)->alpha = 0.85;

      baseline = centre_y - line->name_label.height / 2 +
                 reel_chart_text_baseline (&line->name_label);
      reel_chart_canvas_add_text (canvas, &line->value_label,
                                  line->label_x + line->name_label.width + plot->name_gap,
                                  baseline - reel_chart_text_baseline (&line->value_label),
                                  REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
      reel_chart_canvas_add_text (canvas, &line->name_label, line->label_x,
                                  centre_y - line->name_label.height / 2,
                                  REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_LABEL);
    }
}
