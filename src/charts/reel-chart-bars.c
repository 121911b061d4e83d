/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-bars"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-axis.h"
#include "reel-chart-kind.h"
#include "reel-text-figure.h"

/* Horizontal bars, one row each, for Revenue, Growth and Share: a label
 * column, bars from zero with their range lines and value labels, the axis
 * under the rows and the legend under that. Growth's groups are small
 * multiples: a panel per metric, titled, each with an axis of its own,
 * since a percentage of downloads and one of revenue share no scale. */

/* A label column takes at most this share of the width; longer names wrap
 * onto a second line, and onto more only when two lines of this share
 * cannot hold them: a name is never cut. */
#define LABEL_COLUMN_MAX        0.30
#define LABEL_COLUMN_NARROW_MAX 0.38

/* A bar's row: its texts and where it sits. */
typedef struct {
  ReelChartBar  *bar;
  ReelChartText  label;
  ReelChartText  value_label;
  ReelChartText  suffix_label;    /* "forecast", "(3 sources)"; no layout for none */
  double         top;
  double         row_height;
} Row;

typedef struct {
  ReelChartText text;
  double        top;              /* -1 until placed */
} Heading;

/* A value axis, one per panel: where it may start, where it does, its
 * ticks, and the rows it spans. */
typedef struct {
  double         start;           /* right of the label column */
  double         left;
  double         width;
  double         zero_x;
  ReelScale      scale;
  ReelChartTicks ticks;
  double         top;             /* of its first row; -1 while none is placed */
  double         bottom;          /* of its last row */
} Axis;

typedef struct {
  ReelChartDraft *draft;
  ReelChartData  *data;
  double          unit;
  double          gap;            /* between a bar and its value */
  double          heading_gap;
  double          column_width;   /* of the names */
  GArray         *rows;           /* of Row, as data->bars */
  GArray         *headings;       /* of Heading, as data->groups */
  Axis           *axes;           /* one per group, or one without groups */
  guint           n_axes;
  ReelChartText   missing;        /* the regions without a figure, under the axis */
  double          legend_height;  /* with the line of the missing, when there is one */
  double          tick_height;
  double          top;            /* of the first row */
  double          bottom;         /* of the room for rows */
  double          rows_bottom;
  guint           n_shown;
  double          band;           /* a row's height, unless its name needs more */
  gboolean        stacked;        /* suffixes under their values: a chart too narrow beside */
} Plot;

static void
row_clear (Row *row)
{
  reel_chart_text_clear (&row->label);
  reel_chart_text_clear (&row->value_label);
  reel_chart_text_clear (&row->suffix_label);
}

static void
heading_clear (Heading *heading)
{
  reel_chart_text_clear (&heading->text);
}

static Row *
get_row (Plot  *plot,
         guint  index)
{
  return &g_array_index (plot->rows, Row, index);
}

static Axis *
get_axis (Plot               *plot,
          const ReelChartBar *bar)
{
  g_assert (bar->group < plot->n_axes);
  return &plot->axes[bar->group];
}

/* Whether the groups are panels, each with its axis labelled under it. */
static gboolean
has_panels (Plot *plot)
{
  return plot->n_axes > 1;
}

/* The value with its suffix: on one line, or the suffix under it. */
static double
value_height (Plot      *plot,
              const Row *row)
{
  if (plot->stacked && row->suffix_label.layout != NULL)
    return row->value_label.height + row->suffix_label.height;
  return row->value_label.height;
}

static double
value_width (Plot      *plot,
             const Row *row)
{
  if (row->suffix_label.layout == NULL)
    return row->value_label.width;
  if (plot->stacked)
    return MAX (row->value_label.width, row->suffix_label.width);
  return row->value_label.width + plot->unit * 0.5 + row->suffix_label.width;
}

/* The end ticks of a range line reach this far either side of it. */
static double
range_tick (Plot   *plot,
            double  bar_height)
{
  return CLAMP (bar_height * 0.25, 2, MAX (2, plot->unit * 0.5));
}

/* A row's name or value, and room under a value label for a range line
 * that cannot pass beside it. */
static double
row_min_height (Plot      *plot,
                const Row *row)
{
  double range_room = isnan (row->bar->low) ? 0 : 2 * (2 * range_tick (plot, G_MAXDOUBLE) + 1);

  return MAX (row->label.height, value_height (plot, row) + range_room) + plot->unit * 0.5;
}

/* ------------------------------------------------------------------ */
/* Texts */

/* "forecast partial year (3 sources)" after a value; NULL for nothing. */
static char *
dup_suffix (const ReelChartBar *bar,
            gboolean            counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* A figure for part of the year says which part, on the chart itself */
  if (bar->measures->len > 0)
    g_ptr_array_add (parts, reel_text_dup_period (&((const ReelMeasure *)
                                                    g_ptr_array_index (bar->measures, 0))->period,
                                                  FALSE));
  if (bar->growths->len > 0)
    {
      char *periods = reel_text_dup_growth_periods (g_ptr_array_index (bar->growths, 0));

      if (periods != NULL)
        g_ptr_array_add (parts, periods);
    }
  /* set apart from the period it follows: "Aug 2025 · -2.9% on Jul 2025" */
  if (bar->remark != NULL && parts->len > 0)
    {
      char *last = g_ptr_array_steal_index (parts, parts->len - 1);

      g_ptr_array_add (parts, g_strconcat (last, reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS),
                                           bar->remark, NULL));
      g_free (last);
    }
  else if (bar->remark != NULL)
    g_ptr_array_add (parts, g_strdup (bar->remark));
  if (bar->flags & REEL_CHART_MARK_FORECAST)
    g_ptr_array_add (parts, g_strdup (_("forecast")));
  if (bar->flags & REEL_CHART_MARK_PARTIAL)
    g_ptr_array_add (parts, g_strdup (_("partial year")));
  if (bar->n_sources > 1 && counts)
    /* TRANSLATORS: after a bar's value, how many sources give a figure for it */
    g_ptr_array_add (parts,
                     g_strdup_printf (ngettext ("(%u source)", "(%u sources)", bar->n_sources),
                                      bar->n_sources));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

static void
measure_values (Plot     *plot,
                Row      *row,
                gboolean  counts)
{
  ReelChartPen *pen = plot->draft->pen;
  const ReelChartBar *bar = row->bar;
  g_autofree char *value = NULL;
  g_autofree char *suffix = NULL;

  reel_chart_text_clear (&row->value_label);
  reel_chart_text_clear (&row->suffix_label);

  value = plot->draft->kind->format_value (plot->data, bar->value, bar->qualifier);
  row->value_label = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_VALUE, value);
  suffix = dup_suffix (bar, counts);
  if (suffix != NULL)
    row->suffix_label = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_LEGEND, suffix);
}

static ReelChartFont
name_font (const Row *row)
{
  gboolean bold = (row->bar->flags & (REEL_CHART_MARK_SELECTED | REEL_CHART_MARK_WORLD)) != 0;

  return bold ? REEL_CHART_FONT_LABEL_BOLD : REEL_CHART_FONT_LABEL;
}

/* The narrowest column, up to @limit, in which every name takes at most
 * two lines: "Middle East & North Africa · Saudi Arabia" breaks once, at a
 * space, rather than thrice. */
static double
two_line_width (Plot   *plot,
                double  limit)
{
  double need = 0;

  for (guint i = 0; i < plot->rows->len; i++)
    {
      Row *row = get_row (plot, i);
      ReelChartText text = reel_chart_pen_measure_line (plot->draft->pen, name_font (row),
                                                        row->bar->name);
      double width = MIN (text.width * 0.55, limit);

      reel_chart_text_clear (&text);
      for (guint attempt = 0; width > need && width < limit && attempt < 8; attempt++)
        {
          ReelChartText wrapped = reel_chart_pen_measure (plot->draft->pen, name_font (row),
                                                          row->bar->name, width,
                                                          REEL_CHART_PEN_ALL_LINES, FALSE);
          gboolean fits = pango_layout_get_line_count (wrapped.layout) <= 2;

          reel_chart_text_clear (&wrapped);
          if (fits)
            break;
          width = MIN (width * 1.1, limit);
        }
      need = MAX (need, width);
    }

  return need;
}

/* Names wrapped at @column_max, whole; values with the counts of sources
 * when @counts; sets the label column's width. */
static void
measure_rows (Plot     *plot,
              double    column_max,
              gboolean  counts)
{
  plot->column_width = 0;

  for (guint i = 0; i < plot->rows->len; i++)
    {
      Row *row = get_row (plot, i);

      reel_chart_text_clear (&row->label);
      row->label = reel_chart_pen_measure (plot->draft->pen, name_font (row), row->bar->name,
                                           column_max, REEL_CHART_PEN_ALL_LINES, TRUE);
      plot->column_width = MAX (plot->column_width, row->label.width);
      measure_values (plot, row, counts);
    }
}

/* The widest value labels either side of zero in one panel, the widest
 * such pair of all; @right gets the widest right side. */
static double
values_width (Plot   *plot,
              double *right)
{
  double widest = 0;

  *right = 0;
  for (guint group = 0; group < plot->n_axes; group++)
    {
      double group_left = 0, group_right = 0;

      for (guint i = 0; i < plot->rows->len; i++)
        {
          Row *row = get_row (plot, i);

          if (row->bar->group != group)
            continue;
          if (row->bar->shown >= 0)
            group_right = MAX (group_right, value_width (plot, row) + plot->gap);
          else
            group_left = MAX (group_left, value_width (plot, row) + plot->gap);
        }
      widest = MAX (widest, group_left + group_right);
      *right = MAX (*right, group_right);
    }

  return widest;
}

/* The label column, value labels and group headings. A narrow chart keeps
 * a third of its width for the bars: the names give way first (they wrap
 * onto two lines, then more), then the counts of sources, then the
 * suffixes go under their values. */
static void
fit_label_column (Plot *plot)
{
  const ReelChartRect *content = &plot->draft->frame->content;
  double column_share = content->width < 560 ? LABEL_COLUMN_NARROW_MAX : LABEL_COLUMN_MAX;
  double min_plot = content->width * 0.33;
  double column_min = two_line_width (plot, content->width * LABEL_COLUMN_NARROW_MAX);

  measure_rows (plot, MAX (content->width * column_share, column_min), TRUE);
  for (int pass = 0; pass < 3; pass++)
    {
      double right, values = values_width (plot, &right), column_max;

      if (plot->column_width + plot->unit * 1.5 + values + min_plot <= content->width || pass == 2)
        break;

      column_max = MAX (content->width * 0.2,
                        content->width - plot->unit * 1.5 - values - min_plot);
      column_max = MAX (MIN (column_max, content->width * column_share), column_min);
      plot->stacked = pass == 1;
      measure_rows (plot, column_max, pass == 0 && right < content->width * 0.25);
    }

  for (guint i = 0; i < plot->headings->len; i++)
    {
      Heading *heading = &g_array_index (plot->headings, Heading, i);
      const ReelChartGroup *group = &g_array_index (plot->data->groups, ReelChartGroup, i);

      heading->text = reel_chart_pen_measure (plot->draft->pen, REEL_CHART_FONT_HEADING,
                                              group->heading, content->width, 1, FALSE);
    }
  for (guint i = 0; i < plot->n_axes; i++)
    plot->axes[i].start = content->x + plot->column_width + plot->unit * 1.5;
}

/* ------------------------------------------------------------------ */
/* The axis */

/* The ends of a bar's range line, cut to the axis. */
static void
get_range (Plot               *plot,
           const ReelChartBar *bar,
           double             *low,
           double             *high)
{
  double cap;

  *low = bar->low;
  *high = bar->high;
  if (reel_chart_data_get_cap (plot->data, bar, &cap) && !isnan (*low))
    {
      *low = CLAMP (*low, -cap, cap);
      *high = CLAMP (*high, -cap, cap);
    }
}

/* Where a bar ends, as a fraction of the axis: its value label starts
 * there, never at the end of its range line; a cut bar runs to the axis's
 * end. */
static double
bar_fraction (Plot               *plot,
              const ReelChartBar *bar)
{
  const ReelScale *scale = &get_axis (plot, bar)->scale;

  if (bar->flags & REEL_CHART_MARK_CAPPED)
    return bar->shown > 0 ? 1 : 0;
  return (bar->shown - scale->lo) / (scale->hi - scale->lo);
}

/* Where a bar's range line ends on the side of its value; the bar's end
 * without one. */
static double
range_fraction (Plot               *plot,
                const ReelChartBar *bar)
{
  const ReelScale *scale = &get_axis (plot, bar)->scale;
  double low, high, end;

  get_range (plot, bar, &low, &high);
  if (isnan (low) || (bar->flags & REEL_CHART_MARK_CAPPED))
    return bar_fraction (plot, bar);
  end = bar->shown >= 0 ? high : low;
  return (end - scale->lo) / (scale->hi - scale->lo);
}

/* Every bar and range line of @group, outliers cut to the cap. */
static ReelScaleFlags
find_domain (Plot   *plot,
             guint   group,
             double *domain_min,
             double *domain_max)
{
  *domain_min = *domain_max = 0;
  for (guint i = 0; i < plot->data->bars->len; i++)
    {
      ReelChartBar *bar = &g_array_index (plot->data->bars, ReelChartBar, i);
      double low, high;

      if (bar->group != group)
        continue;

      get_range (plot, bar, &low, &high);
      *domain_min = MIN (*domain_min, bar->shown);
      *domain_max = MAX (*domain_max, bar->shown);
      if (!isnan (low))
        {
          *domain_min = MIN (*domain_min, low);
          *domain_max = MAX (*domain_max, high);
        }
    }

  /* Diverging bars whose two sides are of a size get zero in the middle;
   * a lone -12% beside +69% does not deserve half the width. */
  if (plot->draft->kind->diverging && *domain_min < 0 && *domain_max > 0 &&
      MIN (-*domain_min, *domain_max) >= 0.5 * MAX (-*domain_min, *domain_max))
    return REEL_SCALE_ZERO | REEL_SCALE_SYMMETRIC;
  return REEL_SCALE_ZERO;
}

/* As many ticks as labels as wide as the domain's ends fit. */
static guint
estimate_tick_count (Plot   *plot,
                     Axis   *axis,
                     double  domain_min,
                     double  domain_max)
{
  ReelChartPen *pen = plot->draft->pen;
  const ReelChartRect *content = &plot->draft->frame->content;
  g_autofree char *min_text = reel_chart_dup_tick (plot->draft, domain_min);
  g_autofree char *max_text = reel_chart_dup_tick (plot->draft, domain_max);
  ReelChartText min_label = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_TICK, min_text);
  ReelChartText max_label = reel_chart_pen_measure_line (pen, REEL_CHART_FONT_TICK, max_text);
  double estimate = MAX (min_label.width, max_label.width) + plot->unit * 2.5;
  double right = content->x + content->width;

  reel_chart_text_clear (&min_label);
  reel_chart_text_clear (&max_label);
  return (guint) CLAMP (floor ((right - axis->start) / estimate) + 1, 2, REEL_SCALE_MAX_TICKS);
}

/* The widest plot whose value labels still end inside the card: the
 * right side bounds the width, the left side's labels push the axis
 * right, a few times over. */
static void
fit_plot_width (Plot  *plot,
                guint  group)
{
  Axis *axis = &plot->axes[group];
  double right = plot->draft->frame->content.x + plot->draft->frame->content.width;
  const ReelChartText *last_tick = &axis->ticks.labels[axis->scale.n_ticks - 1];

  axis->left = axis->start;
  for (guint pass = 0; pass < 3; pass++)
    {
      double need = axis->start;

      axis->width = right - axis->left - last_tick->width / 2;
      for (guint i = 0; i < plot->rows->len; i++)
        {
          Row *row = get_row (plot, i);
          double fraction = bar_fraction (plot, row->bar);
          double reach = range_fraction (plot, row->bar);
          double label_width = value_width (plot, row);

          if (row->bar->group != group)
            continue;
          if (row->bar->shown >= 0 && fraction > 0)
            axis->width = MIN (axis->width,
                               (right - axis->left - plot->gap - label_width) / fraction);
          if (row->bar->shown >= 0 && reach > 0)
            axis->width = MIN (axis->width, (right - axis->left - 1) / reach);
        }
      for (guint i = 0; i < plot->rows->len; i++)
        {
          Row *row = get_row (plot, i);
          double fraction = bar_fraction (plot, row->bar);

          if (row->bar->group != group)
            continue;
          if (row->bar->shown < 0)
            need = MAX (need,
                        axis->start + plot->gap + value_width (plot, row) - axis->width * fraction);
          if (row->bar->shown < 0)
            need = MAX (need, axis->start + 1 - axis->width * range_fraction (plot, row->bar));
        }
      if (need <= axis->left + 0.5)
        break;
      axis->left = need;
    }
  axis->width = MAX (axis->width, plot->unit * 4);
}

/* The scale of @group's axis and its width, with fewer ticks while their
 * labels would touch. */
static void
fit_axis (Plot  *plot,
          guint  group)
{
  Axis *axis = &plot->axes[group];
  double domain_min, domain_max;
  ReelScaleFlags flags = find_domain (plot, group, &domain_min, &domain_max);
  guint max_ticks = estimate_tick_count (plot, axis, domain_min, domain_max);

  for (guint attempt = 0; attempt < REEL_SCALE_MAX_TICKS; attempt++)
    {
      reel_scale_init (&axis->scale, domain_min, domain_max, max_ticks, flags);
      reel_chart_ticks_measure (&axis->ticks, plot->draft, &axis->scale, FALSE);
      fit_plot_width (plot, group);

      if (axis->scale.n_ticks > 2 &&
          axis->ticks.widest + plot->unit * 1.5 > axis->width / (axis->scale.n_ticks - 1))
        {
          max_ticks = axis->scale.n_ticks - 1;
          continue;
        }
      break;
    }
  reel_scale_set_range (&axis->scale, axis->left, axis->left + axis->width);
  axis->zero_x = reel_scale_map (&axis->scale, 0);
}

/* ------------------------------------------------------------------ */
/* Rows */

/* Between one panel's rows and the next one's heading: its axis's labels. */
static double
panel_axis_height (Plot *plot)
{
  return has_panels (plot) ? plot->unit * 0.6 + plot->tick_height : 0;
}

/* The height of heading @group above a row, when it starts one, with the
 * axis of the panel before it. */
static double
heading_height (Plot  *plot,
                guint  group,
                guint  previous)
{
  Heading *heading = &g_array_index (plot->headings, Heading, group);
  double before = previous != G_MAXUINT ? panel_axis_height (plot) + plot->heading_gap : 0;

  return heading->text.height + plot->unit * 0.4 + before;
}

/* How much height the first @n rows need at least, headings included. */
static double
rows_min_height (Plot  *plot,
                 guint  n)
{
  double height = 0;
  guint group = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      Row *row = get_row (plot, i);

      if (plot->headings->len > 0 && row->bar->group != group)
        {
          height += heading_height (plot, row->bar->group, group);
          group = row->bar->group;
        }
      height += row_min_height (plot, row);
    }

  return height;
}

/* How many rows fit above the axis, legend and a footer with @note. */
static guint
count_shown (Plot       *plot,
             const char *note)
{
  ReelChartFrame *frame = plot->draft->frame;
  guint n = plot->rows->len;

  reel_chart_frame_measure_footer (frame, plot->draft->pen, note);
  plot->bottom = reel_chart_frame_plot_bottom (frame, plot->draft->pen, plot->legend_height,
                                               plot->tick_height);
  while (n > 0 && rows_min_height (plot, n) > plot->bottom - plot->top)
    n--;
  return n;
}

/* As many rows as fit above the axis, legend and footer; the footer says
 * how many did not. A row is a figure the reader came for: when giving up
 * the source line for "Sources: see table" (the table, the tooltips, the
 * summary and an export's metadata keep them all) makes room for every
 * row, or when fewer than two rows fit beside it, it gives way. */
static void
count_rows_that_fit (Plot *plot)
{
  ReelChartFrame *frame = plot->draft->frame;
  g_autofree char *hidden_note = NULL;

  for (guint attempt = 0; attempt < 6; attempt++)
    {
      char *note = NULL;
      guint n_hidden;

      plot->n_shown = count_shown (plot, hidden_note);
      if (plot->n_shown < plot->rows->len && !frame->sources_elsewhere)
        {
          gboolean few = plot->n_shown < MIN (plot->rows->len, 2);

          frame->sources_elsewhere = TRUE;
          if (few || count_shown (plot, NULL) == plot->rows->len)
            continue;
          frame->sources_elsewhere = FALSE;
          plot->n_shown = count_shown (plot, hidden_note);
        }
      n_hidden = plot->rows->len - plot->n_shown;
      if (n_hidden > 0)
        note = g_strdup_printf (ngettext ("%u more row is not shown for lack of room.",
                                          "%u more rows are not shown for lack of room.",
                                          n_hidden), n_hidden);

      /* Stable once the footer that was measured says what the rows need. */
      if (g_strcmp0 (note, hidden_note) == 0)
        {
          g_free (note);
          break;
        }
      g_free (hidden_note);
      hidden_note = note;
    }
}

/* The room is shared by the rows, up to a comfortable band; a row whose
 * name takes two lines keeps its own height, and the others share what is
 * left. */
static void
share_band (Plot *plot)
{
  double font_size = plot->draft->pen->font_size;
  double headings = rows_min_height (plot, plot->n_shown);
  double room;

  for (guint i = 0; i < plot->n_shown; i++)
    headings -= row_min_height (plot, get_row (plot, i));

  room = plot->bottom - plot->top - headings;
  plot->band = MIN (room / plot->n_shown, font_size * 6);
  for (guint pass = 0; pass < 4; pass++)
    {
      double fixed = 0;
      guint n_fixed = 0;

      for (guint i = 0; i < plot->n_shown; i++)
        {
          double min_height = row_min_height (plot, get_row (plot, i));

          if (min_height > plot->band)
            {
              fixed += min_height;
              n_fixed++;
            }
        }
      if (n_fixed == plot->n_shown)
        break;
      plot->band = MIN ((room - fixed) / (plot->n_shown - n_fixed), font_size * 6);
    }
}

/* Stacks the rows and their headings from @top down and returns where
 * they end; with @place, they keep their places, and each axis the span
 * of its panel's rows. */
static double
stack_rows (Plot     *plot,
            double    top,
            gboolean  place)
{
  double y = top;
  guint group = G_MAXUINT;

  for (guint i = 0; i < plot->n_shown; i++)
    {
      Row *row = get_row (plot, i);
      double row_height = MAX (plot->band, row_min_height (plot, row));

      if (plot->headings->len > 0 && row->bar->group != group)
        {
          Heading *heading = &g_array_index (plot->headings, Heading, row->bar->group);
          double height = heading_height (plot, row->bar->group, group);

          if (place)
            {
              if (group != G_MAXUINT)
                plot->axes[group].bottom = y;
              heading->top = y + height - heading->text.height - plot->unit * 0.4;
            }
          y += height;
          group = row->bar->group;
        }

      if (place)
        {
          Axis *axis = get_axis (plot, row->bar);

          if (axis->top < 0)
            axis->top = y;
          axis->bottom = y + row_height;
          row->top = y;
          row->row_height = row_height;
        }
      y += row_height;
    }

  return y;
}

/* Few rows leave room: the block of rows, axis and legend sits a little
 * above the middle of it rather than under the title with a gap below. */
static void
place_rows (Plot *plot)
{
  double used = stack_rows (plot, 0, FALSE);

  if (plot->bottom - plot->top > used)
    plot->top = reel_chart_canvas_snap (plot->draft->canvas,
                                        plot->top + (plot->bottom - plot->top - used) * 0.35);
  plot->rows_bottom = stack_rows (plot, plot->top, TRUE);
}

/* ------------------------------------------------------------------ */
/* Shapes */

static ReelChartInk
bar_ink (const ReelChartBar *bar)
{
  if (bar->flags & REEL_CHART_MARK_REST)
    return REEL_CHART_INK_MUTED;
  if (bar->flags & REEL_CHART_MARK_WORLD)
    return REEL_CHART_INK_WORLD;
  return REEL_CHART_INK_REGION;
}

/* Where a bar ends on the axis: a cut one runs to the axis's end. */
static double
bar_end_x (Plot               *plot,
           const ReelChartBar *bar)
{
  Axis *axis = get_axis (plot, bar);

  if (bar->flags & REEL_CHART_MARK_CAPPED)
    return bar->shown > 0 ? axis->left + axis->width : axis->left;
  return reel_scale_map (&axis->scale, bar->shown);
}

/* The bar from @left to @right, with a break mark when capped; returns
 * its box as drawn. */
static ReelChartRect
add_bar (Plot               *plot,
         const ReelChartBar *bar,
         double              centre_y,
         double              bar_height,
         double              left,
         double              right)
{
  ReelChartRect box = { left, centre_y - bar_height / 2, right - left, bar_height };
  ReelChartShape *shape;

  shape = reel_chart_canvas_add_rect (plot->draft->canvas, bar_ink (bar), bar->palette,
                                      &box, MIN (3, bar_height * 0.2),
                                      bar->shown >= 0
                                      ? REEL_CHART_CORNER_TOP_RIGHT | REEL_CHART_CORNER_BOTTOM_RIGHT
                                      : REEL_CHART_CORNER_TOP_LEFT | REEL_CHART_CORNER_BOTTOM_LEFT);
  shape->rect.hatched = (bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
  if (bar->flags & REEL_CHART_MARK_CAPPED)
    {
      double inset = MAX (plot->unit * 1.6, bar_height * 0.6);

      shape->rect.cut = bar->shown > 0 ? shape->rect.box.x + shape->rect.box.width - inset
                                       : shape->rect.box.x + inset;
    }

  return shape->rect.box;
}

/* The value label's box at the bar's end @bar_end, centred on the bar;
 * its suffix follows on the same baseline, or under it when stacked. */
static ReelChartRect
value_box (Plot   *plot,
           Row    *row,
           double  centre_y,
           double  bar_end)
{
  double width = value_width (plot, row), height = value_height (plot, row);
  double x = row->bar->shown >= 0 ? bar_end + plot->gap : bar_end - plot->gap - width;

  return (ReelChartRect) { x, centre_y - height / 2, width, height };
}

/* The range line of the other sources, with end ticks; a source between
 * the extremes gets a shorter tick. It runs under the bar, clear of the
 * value label at the bar's end, so that the label stays with the bar and
 * the line crosses neither. Returns its box, empty without one. */
static ReelChartRect
add_range (Plot                *plot,
           const ReelChartBar  *bar,
           double               centre_y,
           double               bar_height,
           const ReelChartRect *label)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  const ReelScale *scale = &get_axis (plot, bar)->scale;
  double tick = range_tick (plot, bar_height);
  double low, high, low_x, high_x, line_y;

  /* A bar cut at the break has its sources in words: "(6 sources)" */
  get_range (plot, bar, &low, &high);
  if (isnan (low) || (bar->flags & REEL_CHART_MARK_CAPPED))
    return (ReelChartRect) { 0 };

  low_x = reel_scale_map (scale, low);
  high_x = reel_scale_map (scale, high);
  /* Right under the bar where it passes beside the label, else under that */
  line_y = centre_y + bar_height / 2 + MAX (2, plot->unit * 0.3);
  if (MAX (low_x, high_x) + tick >= label->x && MIN (low_x, high_x) - tick <= label->x + label->width)
    line_y = MAX (line_y, label->y + label->height + tick + 1);
  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, low_x, line_y, high_x, line_y);
  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, low_x, line_y - tick, low_x,
                              line_y + tick);
  reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, high_x, line_y - tick, high_x,
                              line_y + tick);
  for (guint i = 0; i < bar->others->len; i++)
    {
      double other = g_array_index (bar->others, double, i);
      double other_x = reel_scale_map (scale, CLAMP (other, low, high));

      if (other > low && other < high)
        reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_WHISKER, other_x, line_y - tick * 0.6,
                                    other_x, line_y + tick * 0.6);
    }

  return (ReelChartRect) { MIN (low_x, high_x), line_y - tick, fabs (high_x - low_x), tick * 2 };
}

/* The value and its suffix in @box; stacked, both lines keep to the side
 * of the bar's end. */
static void
add_value_label (Plot                *plot,
                 Row                 *row,
                 const ReelChartRect *box)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  gboolean to_left = row->bar->shown < 0;
  double value_x = to_left && plot->stacked ? box->x + box->width - row->value_label.width : box->x;

  if (row->suffix_label.layout != NULL && plot->stacked)
    reel_chart_canvas_add_text (canvas, &row->suffix_label,
                                to_left ? box->x + box->width - row->suffix_label.width : box->x,
                                box->y + row->value_label.height, REEL_CHART_INK_DIM,
                                REEL_CHART_TEXT_VALUE);
  else if (row->suffix_label.layout != NULL)
    reel_chart_canvas_add_text (canvas, &row->suffix_label,
                                box->x + row->value_label.width + plot->unit * 0.5,
                                box->y + reel_chart_text_baseline (&row->value_label) -
                                reel_chart_text_baseline (&row->suffix_label),
                                REEL_CHART_INK_DIM, REEL_CHART_TEXT_VALUE);
  reel_chart_canvas_add_text (canvas, &row->value_label, value_x, box->y,
                              REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
}

static void
add_name (Plot         *plot,
          Row          *row,
          double        centre_y,
          ReelChartInk  ink)
{
  reel_chart_canvas_add_text (plot->draft->canvas, &row->label,
                              plot->draft->frame->content.x + plot->column_width - row->label.width,
                              centre_y - row->label.height / 2, ink, REEL_CHART_TEXT_LABEL);
}

static void
add_row (Plot   *plot,
         Row    *row,
         double  bar_height)
{
  const ReelChartBar *bar = row->bar;
  double centre_y = row->top + row->row_height / 2;
  double end_x = bar_end_x (plot, bar);
  ReelChartRect box, label, range;

  box = add_bar (plot, bar, centre_y, bar_height, MIN (get_axis (plot, bar)->zero_x, end_x),
                 MAX (get_axis (plot, bar)->zero_x, end_x));
  label = value_box (plot, row, centre_y, end_x);
  range = add_range (plot, bar, centre_y, bar_height, &label);
  reel_chart_draft_add_bar_mark (plot->draft, bar, &box,
                                 &(ReelChartRect) { plot->draft->frame->content.x, row->top,
                                                    plot->draft->frame->content.width,
                                                    row->row_height },
                                 &label, &range);
  add_value_label (plot, row, &label);
  add_name (plot, row, centre_y,
            (bar->flags & REEL_CHART_MARK_REST) ? REEL_CHART_INK_DIM : REEL_CHART_INK_FOREGROUND);
}

/* Selection, gridlines, bars, range lines, the zero line, then text. */
static void
add_rows (Plot *plot)
{
  ReelChartCanvas *canvas = plot->draft->canvas;
  const ReelChartRect *content = &plot->draft->frame->content;
  double bar_height = CLAMP (plot->band * 0.45, 3, plot->draft->pen->font_size * 2.1);

  for (guint i = 0; i < plot->n_shown; i++)
    {
      Row *row = get_row (plot, i);
      ReelChartRect highlight = { content->x - plot->unit * 0.6, row->top,
                                  content->width + plot->unit * 1.2, row->row_height };

      if (row->bar->flags & REEL_CHART_MARK_SELECTED)
        reel_chart_canvas_add_rect (canvas, REEL_CHART_INK_SELECTION, 0, &highlight,
                                    plot->unit * 0.8, REEL_CHART_CORNER_ALL);
    }

  for (guint a = 0; a < plot->n_axes; a++)
    for (guint i = 0; plot->axes[a].top >= 0 && i < plot->axes[a].scale.n_ticks; i++)
      {
        const Axis *axis = &plot->axes[a];
        double tick = reel_scale_get_tick (&axis->scale, i);
        double x = reel_scale_map (&axis->scale, tick);

        if (tick != 0)
          reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_GRID, x, axis->top, x, axis->bottom);
      }

  for (guint i = 0; i < plot->n_shown; i++)
    add_row (plot, get_row (plot, i), bar_height);

  for (guint a = 0; a < plot->n_axes; a++)
    if (plot->axes[a].top >= 0)
      reel_chart_canvas_add_rule (canvas, REEL_CHART_INK_BASELINE, plot->axes[a].zero_x,
                                  plot->axes[a].top, plot->axes[a].zero_x, plot->axes[a].bottom);
}

/* Each panel's tick labels under its rows. */
static void
add_axes (Plot *plot)
{
  for (guint a = 0; a < plot->n_axes; a++)
    if (plot->axes[a].top >= 0)
      reel_chart_ticks_add_across (&plot->axes[a].ticks, plot->draft, &plot->axes[a].scale,
                                   plot->axes[a].bottom + plot->unit * 0.6);
}

/* The data area: around every panel's axis. */
static ReelChartRect
get_plot_rect (Plot *plot)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  for (guint a = 0; a < plot->n_axes; a++)
    {
      left = MIN (left, plot->axes[a].left);
      right = MAX (right, plot->axes[a].left + plot->axes[a].width);
    }
  return (ReelChartRect) { left, plot->top, right - left, MAX (0, plot->rows_bottom - plot->top) };
}

static void
add_headings (Plot *plot)
{
  for (guint i = 0; i < plot->headings->len; i++)
    {
      Heading *heading = &g_array_index (plot->headings, Heading, i);

      /* Headings of groups whose rows all did not fit stay out. */
      if (heading->text.layout != NULL && heading->top >= 0)
        reel_chart_canvas_add_text (plot->draft->canvas, &heading->text,
                                    plot->draft->frame->content.x,
                                    heading->top, REEL_CHART_INK_DIM, REEL_CHART_TEXT_HEADING);
    }
}

static void
plot_init (Plot           *plot,
           ReelChartDraft *draft)
{
  plot->draft = draft;
  plot->data = draft->data;
  plot->unit = draft->pen->unit;
  plot->gap = plot->unit * 0.8;
  plot->heading_gap = plot->unit * 1.2;
  plot->rows = reel_chart_array_new (sizeof (Row), (GDestroyNotify) row_clear);
  plot->headings = reel_chart_array_new (sizeof (Heading), (GDestroyNotify) heading_clear);

  for (guint i = 0; i < draft->data->bars->len; i++)
    {
      Row row = { .bar = &g_array_index (draft->data->bars, ReelChartBar, i) };

      g_array_append_val (plot->rows, row);
    }
  for (guint i = 0; i < draft->data->groups->len; i++)
    {
      Heading heading = { .top = -1 };

      g_array_append_val (plot->headings, heading);
    }
  plot->n_axes = MAX (draft->data->groups->len, 1);
  plot->axes = g_new0 (Axis, plot->n_axes);
  for (guint i = 0; i < plot->n_axes; i++)
    plot->axes[i].top = -1;

  plot->legend_height = reel_chart_legend_measure (draft->legend, draft->pen);
  if (draft->missing_line != NULL)
    {
      plot->missing = reel_chart_pen_measure (draft->pen, REEL_CHART_FONT_LABEL,
                                              draft->missing_line, draft->frame->content.width,
                                              REEL_CHART_PEN_ALL_LINES, FALSE);
      plot->legend_height += plot->missing.height + (plot->legend_height > 0 ? plot->unit : 0);
    }
  plot->tick_height = reel_chart_pen_tick_height (draft->pen);
  plot->top = draft->frame->header_bottom;
}

static void
plot_clear (Plot *plot)
{
  g_clear_pointer (&plot->rows, g_array_unref);
  g_clear_pointer (&plot->headings, g_array_unref);
  reel_chart_text_clear (&plot->missing);
  for (guint i = 0; i < plot->n_axes; i++)
    reel_chart_ticks_clear (&plot->axes[i].ticks);
  g_clear_pointer (&plot->axes, g_free);
}

/* Under the axis's labels from @top: the line of the regions without a
 * figure, then the legend. */
static void
add_under_axis (Plot   *plot,
                double  top)
{
  ReelChartDraft *draft = plot->draft;

  if (plot->missing.layout != NULL)
    {
      reel_chart_canvas_add_text (draft->canvas, &plot->missing, draft->frame->content.x, top,
                                  REEL_CHART_INK_DIM, REEL_CHART_TEXT_FOOTER);
      top += plot->missing.height + plot->unit;
    }
  reel_chart_legend_place (draft->legend, draft->pen, draft->canvas, top);
}

/* The phases: label column, axis, the rows that fit, their heights and
 * places, then the shapes, the axis's labels and the legend under them. */
static void
lay_out (ReelChartDraft *draft)
{
  ReelChartCanvas *canvas = draft->canvas;
  Plot plot = { 0 };

  plot_init (&plot, draft);

  if (draft->data->n_figures == 0)
    {
      reel_chart_frame_measure_footer (draft->frame, draft->pen, NULL);
      reel_chart_draft_add_empty (draft, plot.top, draft->frame->footer_top - plot.unit * 2);
      plot_clear (&plot);
      return;
    }

  fit_label_column (&plot);
  for (guint group = 0; group < plot.n_axes; group++)
    fit_axis (&plot, group);
  count_rows_that_fit (&plot);

  /* Not even one row: the header and the footer, which says so. */
  if (plot.n_shown == 0)
    {
      plot.rows_bottom = plot.top;
      canvas->plot = get_plot_rect (&plot);
      plot_clear (&plot);
      return;
    }

  share_band (&plot);
  place_rows (&plot);
  canvas->plot = get_plot_rect (&plot);

  add_rows (&plot);
  add_headings (&plot);
  add_axes (&plot);
  add_under_axis (&plot, plot.rows_bottom + plot.unit * 0.6 + plot.tick_height + plot.unit * 1.6);
  plot_clear (&plot);
}

static double
min_height (ReelChartDraft *draft,
            double          tick_height)
{
  double font_size = draft->pen->font_size;
  guint n_bars = draft->data->bars->len;

  if (n_bars == 0)
    return font_size * 3;
  return MIN (n_bars, 2) * (font_size * 1.3 + draft->pen->unit * 0.5);
}


/* "North America $142M (estimate); Europe (Viewership) +58%" */
static guint
add_summary (const ReelChartKindClass *kind,
             const ReelChartData      *data,
             GArray                   *marks,
             GString                  *summary)
{
  for (guint i = 0; i < marks->len; i++)
    {
      ReelChartMark *mark = &g_array_index (marks, ReelChartMark, i);
      g_autofree char *value = kind->format_value (data, mark->value, REEL_QUALIFIER_NONE);

      if (i > 0)
        g_string_append (summary, reel_text_get_separator (REEL_TEXT_SEPARATOR_ITEMS));
      if (mark->metric != NULL)
        {
          g_autofree char *metric = reel_text_dup_metric_name (mark->metric);

          g_string_append_printf (summary, "%s (%s) %s", mark->name, metric, value);
        }
      else
        {
          g_string_append_printf (summary, "%s %s", mark->name, value);
        }
      if (mark->flags & REEL_CHART_MARK_ESTIMATE)
        g_string_append_printf (summary, " (%s)", _("estimate"));
      if (mark->flags & REEL_CHART_MARK_FORECAST)
        g_string_append_printf (summary, " (%s)", _("forecast"));
    }

  return marks->len;
}

/* The key lists only what is drawn: "reported" beside hatched bars only
 * when a solid one shows too; its swatches take the first region's
 * colour, as the bars have. */
static void
add_legend (const ReelChartData *data,
            ReelChartLegend     *legend,
            ReelChartPen        *pen)
{
  const ReelChartTraits *traits = &data->traits;

  for (guint i = data->bars->len; i-- > 0;)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);

      if ((bar->flags & REEL_CHART_MARK_WORLD) == 0)
        reel_chart_legend_set_swatch (legend, REEL_CHART_INK_REGION, bar->palette);
    }
  if ((traits->estimate || traits->forecast) && traits->reported)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_SOLID, _("reported"));
  if (traits->estimate && traits->forecast)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_HATCHED, _("estimate or forecast"));
  else if (traits->estimate)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_HATCHED, _("estimate"));
  else if (traits->forecast)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_HATCHED, _("forecast"));
  if (traits->whisker)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_WHISKER, _("range of other sources"));
  if (data->capped)
    reel_chart_legend_add (legend, pen, REEL_CHART_LEGEND_BREAK, _("outlier, cut to fit"));
}

const ReelChartPlotClass reel_chart_bars_class = {
  .min_height = min_height,
  .lay_out = lay_out,
  .add_legend = add_legend,
  .add_summary = add_summary,
};
