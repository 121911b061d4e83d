/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-layout"

#include "config.h"

#include "reel-chart-layout.h"

#include <math.h>

#include "reel-chart-cursor.h"
#include "reel-chart-kind.h"
#include "reel-text-figure.h"
#include "reel-world-geometry.h"

struct _ReelChartLayout
{
  GObject          parent_instance;

  ReelDataset     *dataset;
  ReelChartKind    kind;
  ReelChartMetric  metric;
  guint            year;
  guint            cursor;          /* Trend's (reel-chart-cursor.h), 0 for none */
  GStrv            selection;       /* never NULL; empty for the world */
  ReelChartTheme  *theme;
  double           width;
  double           height;
  double           scale;

  ReelChartRect    plot;
  double           cursor_x;
  gboolean         empty;
  double           hatch_spacing;
  char            *title;
  char            *subtitle;
  char            *summary;
  char            *sources;

  GArray          *shapes;       /* of ReelChartShape, in drawing order */
  GArray          *marks;        /* of ReelChartMark */
  GArray          *cursors;      /* of guint: where Trend's cursor can stop; empty elsewhere */
};

G_DEFINE_FINAL_TYPE (ReelChartLayout, reel_chart_layout, G_TYPE_OBJECT)

/* The chart kinds, by ReelChartKind: a new kind is a file and a line here. */
static const ReelChartKindClass *const kind_classes[REEL_CHART_N_KINDS] = {
  [REEL_CHART_REVENUE] = &reel_chart_revenue_class,
  [REEL_CHART_GROWTH] = &reel_chart_growth_class,
  [REEL_CHART_SHARE] = &reel_chart_share_class,
  [REEL_CHART_TREND] = &reel_chart_trend_class,
  [REEL_CHART_MAP] = &reel_chart_map_class,
  [REEL_CHART_PLATFORMS] = &reel_chart_platforms_class,
};

/* ------------------------------------------------------------------ */
/* Building */

/* The kind's own notes around those every kind may need, and last which
 * regions have no figure, unless the kind says that under its rows. */
static void
add_notes (ReelChartDraft *draft)
{
  const ReelChartKindClass *kind = draft->kind;
  const ReelChartData *data = draft->data;
  GPtrArray *notes = draft->frame->notes;
  g_autofree char *missing = reel_chart_data_dup_missing (data);

  if (kind->add_notes_before != NULL)
    kind->add_notes_before (data, notes);
  reel_chart_notes_add_traits (data, notes);
  if (kind->add_notes_after != NULL)
    kind->add_notes_after (data, notes);
  if (missing != NULL && kind->missing_line)
    draft->missing_line = kind->dup_missing_note (data, missing);
  else if (missing != NULL)
    g_ptr_array_add (notes, kind->dup_missing_note (data, missing));
}

/* The title, subtitle and notes the kind writes, and the source line of
 * every source it used. */
static void
write_texts (ReelChartLayout *self,
             ReelChartDraft  *draft)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  self->title = draft->kind->dup_title (draft->data);
  draft->kind->add_subtitle (draft->data, parts);
  g_ptr_array_add (parts, NULL);
  self->subtitle = g_strjoinv (reel_text_get_separator (REEL_TEXT_SEPARATOR_SUBTITLE),
                               (char **) parts->pdata);
  add_notes (draft);
  self->sources = reel_text_dup_sources_line (self->dataset, draft->data->source_order);

  draft->frame->title = self->title;
  draft->frame->subtitle = self->subtitle;
  draft->frame->sources = self->sources;
}

/* The text summary: the PNG's Description and the chart's accessible
 * description. The title, what an empty chart says, every mark's value,
 * the notes and the sources. */
static char *
dup_summary (ReelChartLayout *self,
             ReelChartDraft  *draft)
{
  GString *summary = g_string_new (self->title);
  GPtrArray *notes = draft->frame->notes;

  g_string_append (summary, ". ");

  for (guint i = 0; self->empty && i < self->shapes->len; i++)
    {
      ReelChartShape *shape = &g_array_index (self->shapes, ReelChartShape, i);

      if (shape->type == REEL_CHART_SHAPE_TEXT && shape->text.role == REEL_CHART_TEXT_MESSAGE)
        {
          g_string_append (summary, pango_layout_get_text (shape->text.layout));
          g_string_append (summary, ". ");
        }
    }

  if (draft->kind->plot->add_summary (draft->kind, draft->data, self->marks, summary) > 0)
    g_string_append (summary, ". ");
  if (draft->missing_line != NULL)
    g_string_append_printf (summary, "%s ", draft->missing_line);

  for (guint i = 0; i < notes->len; i++)
    {
      g_string_append (summary, g_ptr_array_index (notes, i));
      g_string_append_c (summary, ' ');
    }
  g_string_append (summary, self->sources);

  while (summary->len > 0 && summary->str[summary->len - 1] == ' ')
    g_string_truncate (summary, summary->len - 1);

  return g_string_free (summary, FALSE);
}

/* The tiers in turn: the kind collects its figures and writes its words,
 * the frame and the plot are fitted to the size, then laid out. */
static void
build (ReelChartLayout *self)
{
  const ReelChartKindClass *kind = kind_classes[self->kind];
  ReelChartData data = { 0 };
  ReelChartPen pen = { 0 };
  ReelChartFrame frame = { 0 };
  ReelChartLegend legend = { 0 };
  ReelChartCanvas canvas = { .shapes = self->shapes, .marks = self->marks, .scale = self->scale };
  ReelChartDraft draft = { kind, &data, &pen, &canvas, &frame, &legend };

  reel_chart_data_init (&data, self->dataset, self->year, (const char * const *) self->selection);
  data.metric = self->metric;
  data.cursor = self->cursor;
  reel_chart_pen_init (&pen, self->theme);
  reel_chart_frame_init (&frame, self->theme, self->width, self->height);
  reel_chart_legend_init (&legend, &frame.content);
  canvas.outline = MAX (1.5, pen.font_size * 0.13);

  kind->collect (&data);
  reel_chart_data_finish (&data, kind->cut_outliers);
  if (kind->every_year)
    {
      g_array_unref (self->cursors);
      self->cursors = reel_chart_cursor_list (&data);
    }
  write_texts (self, &draft);
  kind->plot->add_legend (&data, &legend, &pen);
  self->hatch_spacing = MAX (4, pen.font_size * 0.45);

  reel_chart_draft_fit_to_height (&draft);
  reel_chart_frame_add_header (&frame, &pen, &canvas);
  kind->plot->lay_out (&draft);
  reel_chart_frame_add_footer (&frame, &canvas);
  self->plot = canvas.plot;
  self->cursor_x = canvas.cursor_x > 0 ? canvas.cursor_x : self->width;
  self->empty = canvas.empty;

  self->summary = dup_summary (self, &draft);

  g_free (draft.missing_line);
  reel_chart_legend_clear (&legend);
  reel_chart_frame_clear (&frame);
  reel_chart_pen_clear (&pen);
  reel_chart_data_clear (&data);
}

static void
reel_chart_layout_finalize (GObject *object)
{
  ReelChartLayout *self = REEL_CHART_LAYOUT (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->cursors, g_array_unref);
  g_clear_pointer (&self->shapes, g_array_unref);
  g_clear_pointer (&self->theme, reel_chart_theme_free);
  g_clear_pointer (&self->selection, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->sources, g_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_chart_layout_parent_class)->finalize (object);
}

static void
reel_chart_layout_class_init (ReelChartLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reel_chart_layout_finalize;
}

static void
reel_chart_layout_init (ReelChartLayout *self)
{
  self->shapes = reel_chart_array_new (sizeof (ReelChartShape),
                                       (GDestroyNotify) reel_chart_shape_clear);
  self->marks = reel_chart_array_new (sizeof (ReelChartMark),
                                      (GDestroyNotify) reel_chart_mark_clear);
  self->cursors = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* ------------------------------------------------------------------ */
/* Public API */

/**
 * reel_chart_layout_new:
 * @dataset: the data
 * @kind: which chart
 * @year: the year to show, or 0 for reel_chart_layout_get_default_year();
 *   ignored by %REEL_CHART_TREND, which shows every year (the command
 *   line makes `--chart=trend --year` a usage error instead)
 * @selection: (nullable) (array zero-terminated=1): the ids of the regions
 *   selected, %NULL or empty for none: highlighted, and on Trend, when
 *   there are two or more, the only regions drawn (with the world); on
 *   Platforms the app selected
 * @theme: colours, type and padding
 * @width: in logical pixels
 * @height: in logical pixels
 * @scale: device pixels per logical pixel (1 to 4, may be fractional), to
 *   which lines and edges are snapped
 *
 * Lays out a chart. Never fails: a year without data gives a chart that
 * says so (reel_chart_layout_is_empty()).
 */
ReelChartLayout *
reel_chart_layout_new (ReelDataset          *dataset,
                       ReelChartKind         kind,
                       guint                 year,
                       const char * const   *selection,
                       const ReelChartTheme *theme,
                       double                width,
                       double                height,
                       double                scale)
{
  return reel_chart_layout_new_for_metric (dataset, kind, REEL_CHART_METRIC_REVENUE, year,
                                           selection, theme, width, height, scale);
}

/**
 * reel_chart_kind_has_metric:
 *
 * Whether a chart of @kind can show @metric: every kind shows revenue,
 * the Map and Platforms some others.
 */
gboolean
reel_chart_kind_has_metric (ReelChartKind   kind,
                            ReelChartMetric metric)
{
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, FALSE);
  g_return_val_if_fail (metric < REEL_CHART_N_METRICS, FALSE);

  return metric == REEL_CHART_METRIC_REVENUE || (kind_classes[kind]->metrics & (1u << metric)) != 0;
}

/**
 * reel_chart_layout_new_for_metric:
 * @metric: what a Map colours its regions by, or Platforms ranks by; a
 *   metric the kind does not show (reel_chart_kind_has_metric()) is revenue
 *
 * As reel_chart_layout_new(), with a Map's or Platforms' metric.
 */
ReelChartLayout *
reel_chart_layout_new_for_metric (ReelDataset          *dataset,
                                  ReelChartKind         kind,
                                  ReelChartMetric       metric,
                                  guint                 year,
                                  const char * const   *selection,
                                  const ReelChartTheme *theme,
                                  double                width,
                                  double                height,
                                  double                scale)
{
  return reel_chart_layout_new_at_cursor (dataset, kind, metric, year, 0, selection, theme,
                                          width, height, scale);
}

/**
 * reel_chart_layout_new_at_cursor:
 * @cursor: on Trend, the month (reel-period.h's count, year × 12 +
 *   month − 1; a year's January on a chart of years) the lines are drawn
 *   up to, one of reel_chart_layout_list_cursors(); 0 for the whole
 *   chart. Ignored by the kinds that show one year.
 *
 * As reel_chart_layout_new_for_metric(), with Trend's time cursor.
 */
ReelChartLayout *
reel_chart_layout_new_at_cursor (ReelDataset          *dataset,
                                 ReelChartKind         kind,
                                 ReelChartMetric       metric,
                                 guint                 year,
                                 guint                 cursor,
                                 const char * const   *selection,
                                 const ReelChartTheme *theme,
                                 double                width,
                                 double                height,
                                 double                scale)
{
  ReelChartLayout *self;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && isfinite (width) && isfinite (height), NULL);
  g_return_val_if_fail (scale > 0 && isfinite (scale), NULL);

  self = g_object_new (REEL_TYPE_CHART_LAYOUT, NULL);
  self->dataset = g_object_ref (dataset);
  self->kind = kind;
  self->metric = reel_chart_kind_has_metric (kind, metric) ? metric : REEL_CHART_METRIC_REVENUE;
  if (kind_classes[kind]->every_year)
    self->year = 0;
  else
    self->year = year != 0 ? year : reel_chart_layout_get_default_year (dataset, kind);
  self->cursor = kind_classes[kind]->every_year ? cursor : 0;
  self->selection = selection != NULL ? g_strdupv ((char **) selection) : g_new0 (char *, 1);
  self->theme = reel_chart_theme_copy (theme);
  self->width = width;
  self->height = height;
  self->scale = scale;

  build (self);

  return self;
}

/**
 * reel_chart_layout_preload_fonts:
 * @theme: the theme of the layouts to come
 *
 * Loads the fonts layouts with @theme use, with the glyphs of text every
 * chart has (a region, an amount, a year, a percentage), so that the first
 * layout of the thread does not wait for them: fontconfig's match, the
 * font files, the shaper. The window calls it while a file loads into it,
 * when nothing else is drawn.
 */
void
reel_chart_layout_preload_fonts (const ReelChartTheme *theme)
{
  static const char sample[] = "North America $1.3B 2025 +58.7% no figure";
  ReelChartPen pen = { 0 };

  g_return_if_fail (theme != NULL);

  reel_chart_pen_init (&pen, theme);
  for (ReelChartFont font = 0; font < REEL_CHART_N_FONTS; font++)
    {
      ReelChartText text = reel_chart_pen_measure_line (&pen, font, sample);

      reel_chart_text_clear (&text);
    }
  reel_chart_pen_clear (&pen);
}

ReelDataset *
reel_chart_layout_get_dataset (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->dataset;
}

ReelChartKind
reel_chart_layout_get_kind (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), REEL_CHART_REVENUE);

  return self->kind;
}

/* What a Map colours by or Platforms ranks by; revenue for every other kind. */
ReelChartMetric
reel_chart_layout_get_metric (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), REEL_CHART_METRIC_REVENUE);

  return self->metric;
}

/* The year shown; 0 for Trend, or when the dataset has no year at all. */
guint
reel_chart_layout_get_year (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->year;
}

/* Trend's time cursor, 0 for none (and on every other kind). */
guint
reel_chart_layout_get_cursor (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->cursor;
}

/**
 * reel_chart_layout_list_cursors:
 *
 * Where Trend's time cursor can stop: the month of each point of its
 * lines (a year's January on a chart of years), sorted; empty on the
 * kinds that show one year.
 *
 * Returns: (transfer full) (element-type guint): the months
 */
GArray *
reel_chart_layout_list_cursors (ReelChartLayout *self)
{
  GArray *cursors;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  cursors = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->cursors->len);
  g_array_append_vals (cursors, self->cursors->data, self->cursors->len);
  return cursors;
}

/**
 * reel_chart_layout_get_selection:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 * selected regions, empty for none
 */
const char * const *
reel_chart_layout_get_selection (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return (const char * const *) self->selection;
}

const ReelChartTheme *
reel_chart_layout_get_theme (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->theme;
}

double
reel_chart_layout_get_width (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->width;
}

double
reel_chart_layout_get_height (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->height;
}

double
reel_chart_layout_get_scale (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 1);

  return self->scale;
}

/* The data area: between the axis labels, where the marks are. */
const ReelChartRect *
reel_chart_layout_get_plot_rect (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return &self->plot;
}

/* TRUE when the chart only says that there is no data for its year. */
gboolean
reel_chart_layout_is_empty (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), TRUE);

  return self->empty;
}

const char *
reel_chart_layout_get_title (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->title;
}

const char *
reel_chart_layout_get_subtitle (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->subtitle;
}

/* The chart in words: title, every mark's value, notes and sources. */
const char *
reel_chart_layout_get_summary (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->summary;
}

/* "Sources: …. Data: …": every source of the figures shown. */
const char *
reel_chart_layout_get_sources (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->sources;
}

guint
reel_chart_layout_get_n_marks (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->marks->len;
}

/* Marks come in reading order: bars top to bottom; Trend's points by
 * region, then year. */
const ReelChartMark *
reel_chart_layout_get_mark (ReelChartLayout *self,
                            guint            index)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  return &g_array_index (self->marks, ReelChartMark, index);
}

/**
 * reel_chart_layout_hit_test:
 * @self: a layout
 * @x: in logical pixels
 * @y: in logical pixels
 *
 * Returns: (nullable): the mark whose area contains (@x, @y), and whose
 * countries do on a Map; where areas overlap (Trend's points), the one
 * whose centre is nearest.
 */
const ReelChartMark *
reel_chart_layout_hit_test (ReelChartLayout *self,
                            double           x,
                            double           y)
{
  const ReelChartMark *found = NULL;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const ReelChartMark *mark = &g_array_index (self->marks, ReelChartMark, i);
      double dx, dy, distance;

      if (!reel_chart_rect_contains (&mark->area, x, y) ||
          (mark->outline != NULL && !reel_chart_outline_contains (mark->outline, x, y)))
        continue;

      dx = x - (mark->rect.x + mark->rect.width / 2);
      dy = y - (mark->rect.y + mark->rect.height / 2);
      distance = dx * dx + dy * dy;
      if (distance < best)
        {
          best = distance;
          found = mark;
        }
    }

  return found;
}

/**
 * reel_chart_layout_list_years:
 * @dataset: the data
 * @kind: which chart
 *
 * Returns: (transfer full): the years, in order, for which @kind has
 * something to show (guint); empty for Trend, which shows them all.
 */
GArray *
reel_chart_layout_list_years (ReelDataset   *dataset,
                              ReelChartKind  kind)
{
  g_return_val_if_fail (REEL_IS_DATASET (dataset), g_array_new (FALSE, FALSE, sizeof (guint)));
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, g_array_new (FALSE, FALSE, sizeof (guint)));

  return kind_classes[kind]->list_years (dataset);
}

/**
 * reel_chart_layout_get_default_year:
 * @dataset: the data
 * @kind: which chart
 *
 * The year a chart shows first (DESIGN §4, `--year`): the latest with
 * reported revenue, not a forecast, for Revenue and Share; the latest with
 * growth figures for Growth; 0 for Trend, and when there is none.
 */
guint
reel_chart_layout_get_default_year (ReelDataset   *dataset,
                                    ReelChartKind  kind)
{
  g_return_val_if_fail (REEL_IS_DATASET (dataset), 0);
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, 0);

  return kind_classes[kind]->get_default_year (dataset);
}

/**
 * reel_chart_data_collect:
 * @data: initialised for the dataset, year and selection, with its metric
 * @kind: which chart
 *
 * Collects the figures a chart of @kind shows, as the layout does, without
 * geometry: for the data table, which lists what the chart draws.
 */
void
reel_chart_data_collect (ReelChartData *data,
                         ReelChartKind  kind)
{
  g_return_if_fail (data != NULL && REEL_IS_DATASET (data->dataset));
  g_return_if_fail (kind < REEL_CHART_N_KINDS);

  if (!reel_chart_kind_has_metric (kind, data->metric))
    data->metric = REEL_CHART_METRIC_REVENUE;
  kind_classes[kind]->collect (data);
  reel_chart_data_finish (data, kind_classes[kind]->cut_outliers);
}

/**
 * reel_chart_data_dup_title:
 *
 * Returns: (transfer full): the title a chart of @kind gives @data
 *   ("Platforms by downloads, 2025")
 */
char *
reel_chart_data_dup_title (const ReelChartData *data,
                           ReelChartKind        kind)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, NULL);

  return kind_classes[kind]->dup_title (data);
}

/**
 * reel_chart_data_format_value:
 *
 * Returns: (transfer full): @value as a chart of @kind labels it, with its
 *   qualifier ("about $300M", "12M")
 */
char *
reel_chart_data_format_value (const ReelChartData *data,
                              ReelChartKind        kind,
                              double               value,
                              ReelQualifier        qualifier)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, NULL);

  return kind_classes[kind]->format_value (data, value, qualifier);
}

GArray *
_reel_chart_layout_get_shapes (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->shapes;
}

/* Where Trend's time cursor stands, for a transition to sweep from one
 * to the other: the chart's right edge without one, where every point is
 * drawn in full. */
double
_reel_chart_layout_get_cursor_x (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->cursor_x;
}

double
_reel_chart_layout_get_hatch_spacing (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 6);

  return self->hatch_spacing;
}
