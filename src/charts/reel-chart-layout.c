/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-layout"

#include "config.h"

#include "reel-chart-layout.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "reel-chart-layout-private.h"
#include "reel-format.h"
#include "reel-scale.h"

/* Text sizes relative to the theme's label size, and spacing in units of
 * half of it: type and space grow together when an export preset asks for
 * larger text. */
#define TITLE_SIZE        1.43
#define SUBTITLE_SIZE     0.93
#define VALUE_SIZE        0.93
#define TICK_SIZE         0.86
#define HEADING_SIZE      0.79
#define LEGEND_SIZE       0.86
#define FOOTER_SIZE       0.82
#define MESSAGE_SIZE      1.15

/* A label column takes at most this share of the width; longer names wrap
 * onto a second line and then end in an ellipsis. */
#define LABEL_COLUMN_MAX  0.30
#define LABEL_COLUMN_NARROW_MAX 0.38
#define LABEL_MAX_LINES   2
#define FOOTER_MAX_LINES  3      /* per paragraph */

/* Separators of the text the layout writes, each translated once:
 * Chinese has punctuation of its own. */
/* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
#define SEPARATOR_PARTS   C_("parts of a line", " · ")
/* TRANSLATORS: between the details of a figure or a chart mark: "North America, 2024, $142M" */
#define SEPARATOR_DETAILS C_("details of a figure", ", ")
/* TRANSLATORS: between the items of a chart's summary: "North America: $142M; Europe: $80M" */
#define SEPARATOR_ITEMS   C_("items of a summary", "; ")

struct _ReelChartLayout
{
  GObject          parent_instance;

  ReelDataset     *dataset;
  ReelChartKind    kind;
  guint            year;
  char            *selection;
  ReelChartTheme  *theme;
  double           width;
  double           height;
  double           scale;

  ReelChartRect    plot;
  gboolean         empty;
  double           hatch_spacing;
  char            *title;
  char            *subtitle;
  char            *summary;
  char            *sources;

  GArray          *shapes;       /* of ReelChartShape, in drawing order */
  GArray          *marks;        /* of ReelChartMark */
};

G_DEFINE_FINAL_TYPE (ReelChartLayout, reel_chart_layout, G_TYPE_OBJECT)

typedef enum {
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_LABEL,
  FONT_LABEL_BOLD,
  FONT_VALUE,
  FONT_TICK,
  FONT_HEADING,
  FONT_LEGEND,
  FONT_FOOTER,
  FONT_MESSAGE,
  N_FONTS
} Font;

/* A measured piece of text, not yet placed. */
typedef struct {
  PangoLayout *layout;
  double       x_offset;   /* of the logical extents within the layout */
  double       y_offset;
  double       width;      /* of the logical extents */
  double       height;
} Text;

/* A bar of Revenue, Growth or Share. */
typedef struct {
  int                 region;       /* -1 for the world and "Rest of world" */
  const char         *region_id;
  const char         *name;
  ReelChartInk        ink;
  guint               palette;
  guint               group;
  const char         *metric;
  double              value;
  double              shown;        /* value, cut to the cap */
  double              lo;           /* all sources' range; NAN with one source */
  double              hi;
  GArray             *others;       /* of double: the other sources' values */
  ReelQualifier       qualifier;
  ReelChartMarkFlags  flags;
  GPtrArray          *figures;
  GPtrArray          *growths;
  guint               n_sources;
  char               *value_text;
  char               *suffix_text;  /* "forecast", "(3 sources)"; NULL for none */
  gboolean            missing;      /* Revenue: a region without a figure, a row that says so */

  Text                label;
  Text                value_label;
  Text                suffix_label;
  double              top;          /* of its row */
  double              row_height;
} Bar;

typedef struct {
  const char *metric;               /* NULL for revenue growth computed from primary figures */
  char       *heading;
  Text        text;
  double      top;          /* -1 until placed */
} Group;

typedef struct {
  guint              year;
  const ReelFigure  *primary;
  GPtrArray         *figures;       /* primary first */
  double             lo;            /* all sources' range; NAN with one source */
  double             hi;
  ReelChartMarkFlags flags;
  double             x;
  double             y;
} Point;

typedef struct {
  int                region;
  const char        *region_id;
  const char        *name;
  guint              palette;
  GArray            *points;        /* of Point, by year */
  Text               name_label;    /* at the end of the line: the name… */
  Text               value_label;   /* …then its last value */
  double             name_width;    /* unwrapped */
  double             label_x;
  double             label_y;       /* of the label's top */
  double             label_width;
  double             label_height;
  gboolean           labelled;
} Series;

typedef enum {
  LEGEND_SOLID,
  LEGEND_HATCHED,
  LEGEND_WHISKER,
  LEGEND_BREAK,
  LEGEND_MARKER_FILLED,
  LEGEND_MARKER_HOLLOW,
  LEGEND_DASHED,
  LEGEND_DOTTED,
  LEGEND_SERIES,        /* a line of a region's colour: Trend's key */
} LegendGlyph;

typedef struct {
  LegendGlyph glyph;
  Text        text;
  guint       palette;  /* LEGEND_SERIES */
} LegendItem;

typedef struct {
  ReelChartLayout      *self;
  GPtrArray            *regions;
  const char           *currency;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  double                f;          /* label size */
  double                u;          /* spacing unit */
  ReelChartRect         content;    /* inside the padding */

  GArray               *bars;       /* of Bar */
  GArray               *groups;     /* of Group */
  GArray               *series;     /* of Series */
  GArray               *legend;     /* of LegendItem */
  GPtrArray            *notes;      /* of char *: paragraphs before the sources */
  GPtrArray            *missing;    /* of const char *: names without data */
  gboolean             *source_used;
  GArray               *source_order;

  gboolean              capped;
  double                cap;
  gboolean              any_estimate;
  gboolean              any_forecast;
  gboolean              any_partial;
  gboolean              any_whisker;
  gboolean              any_hollow;
  gboolean              any_dashed;
  gboolean              any_dotted;
  guint                 n_figures;     /* bars that are not missing */
  gboolean              share_of_sum;  /* Share without a global figure */
  gboolean              share_over;    /* Share's regions add up to more than the world */
  const ReelFigure     *share_total;

  /* What a small chart gives up to fit (fit_to_height ()). */
  int                   title_lines;
  int                   subtitle_lines;
  int                   footer_lines;   /* per paragraph */
  gboolean              no_legend;

  Text                  title;
  Text                  subtitle;
  Text                  footer;
  char                 *footer_text;    /* what footer measured, at footer_lines */
  int                   footer_text_lines;
  double                header_bottom;  /* where the plot may start */
  double                footer_top;
} Builder;

/* ------------------------------------------------------------------ */
/* Text */

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
}

static void
bar_clear (Bar *bar)
{
  g_clear_pointer (&bar->others, g_array_unref);
  g_clear_pointer (&bar->figures, g_ptr_array_unref);
  g_clear_pointer (&bar->growths, g_ptr_array_unref);
  g_clear_pointer (&bar->value_text, g_free);
  g_clear_pointer (&bar->suffix_text, g_free);
  text_clear (&bar->label);
  text_clear (&bar->value_label);
  text_clear (&bar->suffix_label);
}

static void
group_clear (Group *group)
{
  g_clear_pointer (&group->heading, g_free);
  text_clear (&group->text);
}

static void
point_clear (Point *point)
{
  g_clear_pointer (&point->figures, g_ptr_array_unref);
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->points, g_array_unref);
  text_clear (&series->name_label);
  text_clear (&series->value_label);
}

static void
legend_item_clear (LegendItem *item)
{
  text_clear (&item->text);
}

static void
shape_clear (ReelChartShape *shape)
{
  if (shape->type == REEL_CHART_SHAPE_TEXT)
    g_clear_object (&shape->text.layout);
  else if (shape->type == REEL_CHART_SHAPE_PATH)
    g_clear_pointer (&shape->path.points, g_free);
  else if (shape->type == REEL_CHART_SHAPE_MARKER)
    g_clear_pointer (&shape->marker.centres, g_free);
}

static void
mark_clear (ReelChartMark *mark)
{
  g_clear_pointer (&mark->figures, g_ptr_array_unref);
  g_clear_pointer (&mark->growths, g_ptr_array_unref);
  g_clear_pointer (&mark->label, g_free);
  g_clear_pointer (&mark->tooltip, g_free);
}

static void
set_text_extents (Text *text)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->x_offset = (double) logical.x / PANGO_SCALE;
  text->y_offset = (double) logical.y / PANGO_SCALE;
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
}

/* Measures @string in @font. With @width > 0 it wraps at that width onto
 * at most @max_lines lines (per paragraph), the last ending in an
 * ellipsis, aligned to the end when @align_end: the visual right for
 * left-to-right text, the left for a right-to-left name, so that an Arabic
 * or Hebrew region name reads from the bar outwards like a Latin one. */
static Text
measure (Builder    *b,
         Font        font,
         const char *string,
         double      width,
         int         max_lines,
         gboolean    align_end)
{
  Text text = { 0 };
  PangoAttrList *attrs = NULL;

  g_assert (string != NULL);

  text.layout = pango_layout_new (b->context);
  pango_layout_set_font_description (text.layout, b->fonts[font]);

  /* Tabular figures keep the digits of ticks and values in columns. */
  if (font == FONT_TICK || font == FONT_VALUE)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
    }
  else if (font == FONT_HEADING)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (b->f * 0.06 * PANGO_SCALE)));
    }
  if (attrs != NULL)
    {
      pango_layout_set_attributes (text.layout, attrs);
      pango_attr_list_unref (attrs);
    }

  if (width > 0)
    {
      pango_layout_set_width (text.layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (text.layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (text.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (text.layout, -MAX (max_lines, 1));
    }

  pango_layout_set_text (text.layout, string, -1);

  if (align_end)
    {
      /* With auto-dir (the default) the first line's resolved direction is
       * the paragraph's, and Pango mirrors the alignment of an RTL one. */
      PangoLayoutLine *line = pango_layout_get_line_readonly (text.layout, 0);
      gboolean rtl = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;

      pango_layout_set_alignment (text.layout, rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    }

  set_text_extents (&text);
  return text;
}

/* ------------------------------------------------------------------ */
/* Geometry snapped to device pixels */

static double
snap (Builder *b,
      double   value)
{
  double scale = b->self->scale;

  return round (value * scale) / scale;
}

/* A line @width wide along @value: its device width is a whole number of
 * pixels, and an odd one sits on a pixel centre, so that a 1 px gridline
 * is one crisp pixel at 1x and two at 2x, never two half-grey ones. */
static double
snap_line (Builder *b,
           double   value,
           double  *width)
{
  double scale = b->self->scale;
  double device = MAX (1, round (*width * scale));

  *width = device / scale;
  if (fmod (device, 2) == 1)
    return (floor (value * scale) + 0.5) / scale;
  return round (value * scale) / scale;
}

static ReelChartShape *
add_shape (Builder            *b,
           ReelChartShapeType  type,
           ReelChartInk        ink,
           guint               palette)
{
  ReelChartShape shape = { .type = type, .ink = ink, .region = palette, .alpha = 1.0 };

  g_array_append_val (b->self->shapes, shape);
  return &g_array_index (b->self->shapes, ReelChartShape, b->self->shapes->len - 1);
}

static ReelChartShape *
add_rect (Builder          *b,
          ReelChartInk      ink,
          guint             palette,
          double            x,
          double            y,
          double            width,
          double            height,
          double            radius,
          ReelChartCorners  corners)
{
  ReelChartShape *shape = add_shape (b, REEL_CHART_SHAPE_RECT, ink, palette);
  double x2 = snap (b, x + width), y2 = snap (b, y + height);

  shape->rect.box.x = snap (b, x);
  shape->rect.box.y = snap (b, y);
  shape->rect.box.width = x2 - shape->rect.box.x;
  shape->rect.box.height = y2 - shape->rect.box.y;
  shape->rect.radius = MIN (radius, MIN (shape->rect.box.width, shape->rect.box.height) / 2);
  shape->rect.corners = corners;
  shape->rect.cut = -1;

  return shape;
}

/* A horizontal or vertical line is snapped across its direction. */
static ReelChartShape *
add_line (Builder       *b,
          ReelChartInk   ink,
          guint          palette,
          double         x1,
          double         y1,
          double         x2,
          double         y2,
          double         width,
          ReelChartDash  dash)
{
  ReelChartShape *shape = add_shape (b, REEL_CHART_SHAPE_LINE, ink, palette);
  double w = width;

  if (y1 == y2)
    {
      y1 = y2 = snap_line (b, y1, &w);
      x1 = snap (b, x1);
      x2 = snap (b, x2);
    }
  else if (x1 == x2)
    {
      x1 = x2 = snap_line (b, x1, &w);
      y1 = snap (b, y1);
      y2 = snap (b, y2);
    }

  shape->line.x1 = x1;
  shape->line.y1 = y1;
  shape->line.x2 = x2;
  shape->line.y2 = y2;
  shape->line.width = w;
  shape->line.dash = dash;

  return shape;
}

static ReelChartShape *
add_marker (Builder *b,
            guint    palette,
            double   x,
            double   y,
            double   radius,
            gboolean filled)
{
  ReelChartShape *shape = add_shape (b, REEL_CHART_SHAPE_MARKER, REEL_CHART_INK_REGION, palette);

  shape->marker.centres = g_new (double, 2);
  shape->marker.centres[0] = x;
  shape->marker.centres[1] = y;
  shape->marker.n_centres = 1;
  shape->marker.radius = radius;
  shape->marker.width = MAX (1.5, b->f * 0.13);
  shape->marker.filled = filled;
  shape->marker.ring = TRUE;

  return shape;
}

/* Places @text with its logical extents' top left at (@x, @y); the shape
 * takes the layout. */
static ReelChartShape *
add_text (Builder           *b,
          Text              *text,
          double             x,
          double             y,
          ReelChartInk       ink,
          ReelChartTextRole  role)
{
  ReelChartShape *shape = add_shape (b, REEL_CHART_SHAPE_TEXT, ink, 0);

  g_assert (text->layout != NULL);

  shape->text.layout = g_steal_pointer (&text->layout);
  shape->text.x = snap (b, x - text->x_offset);
  shape->text.y = snap (b, y - text->y_offset);
  shape->text.box.x = shape->text.x + text->x_offset;
  shape->text.box.y = shape->text.y + text->y_offset;
  shape->text.box.width = text->width;
  shape->text.box.height = text->height;
  shape->text.role = role;

  return shape;
}

/* ------------------------------------------------------------------ */
/* Words */

static const char *
region_name (const ReelRegion *region)
{
  /* The world has no id; its name in a dataset is rarely set. */
  if (region->id == NULL)
    return _("World");
  return reel_text_get (region->name);
}

static const char *
source_name (ReelDataset *dataset,
             guint        index)
{
  const ReelSource *source = reel_dataset_get_source (dataset, index);

  if (source == NULL)
    return "?";
  if (source->publisher != NULL)
    return reel_text_get (source->publisher);
  return reel_text_get (source->title);
}

static void
use_source (Builder *b,
            guint    index)
{
  if (index >= reel_dataset_get_sources (b->self->dataset)->len || b->source_used[index])
    return;

  b->source_used[index] = TRUE;
  g_array_append_val (b->source_order, index);
}

/* "≈$300M", "≥$1.2B": a qualifier in front of a value on the chart. */
static char *
qualify_short (ReelQualifier  qualifier,
               char          *text)
{
  char *qualified;

  switch (qualifier)
    {
    case REEL_QUALIFIER_APPROX:
      /* TRANSLATORS: a chart value that a source gives as approximate, "≈$300M" */
      qualified = g_strdup_printf (_("≈%s"), text);
      break;
    case REEL_QUALIFIER_AT_LEAST:
      /* TRANSLATORS: a chart value that is a lower bound, "≥$300M" */
      qualified = g_strdup_printf (_("≥%s"), text);
      break;
    case REEL_QUALIFIER_AT_MOST:
      /* TRANSLATORS: a chart value that is an upper bound, "≤$284M" */
      qualified = g_strdup_printf (_("≤%s"), text);
      break;
    case REEL_QUALIFIER_NONE:
    default:
      return text;
    }

  g_free (text);
  return qualified;
}

static char *
format_value (Builder       *b,
              double         value,
              ReelQualifier  qualifier)
{
  char *text;

  switch (b->self->kind)
    {
    case REEL_CHART_GROWTH:
      text = reel_format_percent (value, NULL);
      break;
    case REEL_CHART_SHARE:
      text = reel_format_share (value, NULL);
      break;
    case REEL_CHART_REVENUE:
    case REEL_CHART_TREND:
    default:
      text = reel_format_money_compact (value, b->currency, NULL);
      break;
    }

  return qualify_short (qualifier, text);
}

static char *
format_tick (Builder *b,
             double   value)
{
  return format_value (b, value, REEL_QUALIFIER_NONE);
}

/* One line of a tooltip: "$142M · iChongqing (Bridging News), as cited
 * (Global Times) · primary". */
static char *
dup_figure_line (Builder          *b,
                 const ReelFigure *figure,
                 gboolean          with_year)
{
  g_autofree char *value = qualify_short (figure->qualifier,
                                          reel_format_money_compact (figure->value, b->currency, NULL));
  GString *line = g_string_new (NULL);

  if (with_year)
    g_string_append_printf (line, "%u: ", figure->year);
  g_string_append (line, value);
  g_string_append (line, SEPARATOR_PARTS);
  g_string_append (line, source_name (b->self->dataset, figure->source));
  if (figure->basis != NULL)
    g_string_append_printf (line, "%s%s", SEPARATOR_DETAILS, figure->basis);
  if (figure->flags & REEL_FIGURE_ESTIMATE)
    g_string_append_printf (line, "%s%s", SEPARATOR_PARTS, _("estimate"));
  if (figure->flags & REEL_FIGURE_FORECAST)
    g_string_append_printf (line, "%s%s", SEPARATOR_PARTS, _("forecast"));
  if (figure->flags & REEL_FIGURE_PARTIAL)
    g_string_append_printf (line, "%s%s", SEPARATOR_PARTS, _("partial year"));
  if (figure->flags & REEL_FIGURE_PRIMARY)
    g_string_append_printf (line, "%s%s", SEPARATOR_PARTS, _("primary"));

  return g_string_free (line, FALSE);
}

static char *
dup_growth_line (const ReelGrowth *growth,
                 ReelDataset      *dataset)
{
  g_autofree char *value = qualify_short (growth->qualifier, reel_format_percent (growth->percent, NULL));
  GString *line = g_string_new (value);

  g_string_append (line, SEPARATOR_PARTS);
  g_string_append (line, source_name (dataset, growth->source));
  if (growth->basis != NULL)
    g_string_append_printf (line, "%s%s", SEPARATOR_DETAILS, growth->basis);
  if (growth->flags & REEL_FIGURE_ESTIMATE)
    g_string_append_printf (line, "%s%s", SEPARATOR_PARTS, _("estimate"));

  return g_string_free (line, FALSE);
}

/* "North America, 2024, 142 million US dollars, primary source iChongqing
 * (Bridging News), 2 other sources" (DESIGN §5). */
static char *
dup_mark_label (Builder            *b,
                const char         *name,
                const char         *what,
                guint               year,
                const char         *value,
                ReelChartMarkFlags  flags,
                gboolean            has_source,
                guint               source,
                guint               n_sources)
{
  GString *label = g_string_new (name);

  if (what != NULL)
    g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, what);
  if (year > 0)
    g_string_append_printf (label, "%s%u", SEPARATOR_DETAILS, year);
  g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, value);

  if (flags & REEL_CHART_MARK_ESTIMATE)
    g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, _("estimate"));
  if (flags & REEL_CHART_MARK_FORECAST)
    g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, _("forecast"));
  if (flags & REEL_CHART_MARK_PARTIAL)
    g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, _("partial year"));
  if (flags & REEL_CHART_MARK_CAPPED)
    g_string_append_printf (label, "%s%s", SEPARATOR_DETAILS, _("cut short to fit the axis"));

  if (has_source)
    {
      g_string_append (label, SEPARATOR_DETAILS);
      if (n_sources > 1)
        g_string_append_printf (label, _("primary source %s"), source_name (b->self->dataset, source));
      else
        g_string_append_printf (label, _("source %s"), source_name (b->self->dataset, source));
    }
  if (n_sources > 1)
    {
      g_string_append (label, SEPARATOR_DETAILS);
      g_string_append_printf (label, ngettext ("%u other source", "%u other sources", n_sources - 1),
                              n_sources - 1);
    }

  return g_string_free (label, FALSE);
}

/* ------------------------------------------------------------------ */
/* What each kind shows */

static ReelChartMarkFlags
figure_mark_flags (const ReelFigure *figure)
{
  ReelChartMarkFlags flags = 0;

  if (figure->flags & REEL_FIGURE_ESTIMATE)
    flags |= REEL_CHART_MARK_ESTIMATE;
  if (figure->flags & REEL_FIGURE_FORECAST)
    flags |= REEL_CHART_MARK_FORECAST;
  if (figure->flags & REEL_FIGURE_PARTIAL)
    flags |= REEL_CHART_MARK_PARTIAL;

  return flags;
}

/* Every figure of @figures for @year, the primary first. */
static GPtrArray *
collect_figures (GArray           *figures,
                 guint             year,
                 const ReelFigure *primary)
{
  GPtrArray *found = g_ptr_array_new ();

  g_ptr_array_add (found, (gpointer) primary);
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);

      if (figure->year == year && figure != primary)
        g_ptr_array_add (found, (gpointer) figure);
    }

  return found;
}

static Bar *
append_bar (Builder    *b,
            int         region,
            const char *name)
{
  Bar bar = { 0 };

  bar.region = region;
  bar.name = name;
  bar.lo = bar.hi = NAN;
  bar.others = g_array_new (FALSE, FALSE, sizeof (double));
  bar.figures = g_ptr_array_new ();
  bar.growths = g_ptr_array_new ();

  if (region >= 0)
    {
      const ReelRegion *r = g_ptr_array_index (b->regions, region);

      bar.region_id = r->id;
      bar.ink = REEL_CHART_INK_REGION;
      bar.palette = (guint) region;
    }
  else
    {
      bar.ink = REEL_CHART_INK_WORLD;
      bar.flags |= REEL_CHART_MARK_WORLD;
    }

  g_array_append_val (b->bars, bar);
  return &g_array_index (b->bars, Bar, b->bars->len - 1);
}

/* The range line of a bar: all sources' values for its point, the shown
 * one included, so that the line starts at the bar's end or runs through it. */
static void
add_other_value (Bar    *bar,
                 double  value)
{
  g_array_append_val (bar->others, value);
  bar->lo = isnan (bar->lo) ? MIN (value, bar->value) : MIN (bar->lo, value);
  bar->hi = isnan (bar->hi) ? MAX (value, bar->value) : MAX (bar->hi, value);
}

/* A bar from the figures for one point: the primary is the bar, the
 * others its range when @with_range; @scale turns money into what the
 * chart shows (1, or 1 / the total for Share). */
static Bar *
append_figures_bar (Builder          *b,
                    int               region,
                    const char       *name,
                    GArray           *figures,
                    const ReelFigure *primary,
                    double            scale,
                    gboolean          with_range)
{
  Bar *bar = append_bar (b, region, name);

  g_ptr_array_unref (bar->figures);
  bar->figures = collect_figures (figures, primary->year, primary);
  bar->value = primary->value * scale;
  bar->qualifier = primary->qualifier;
  bar->flags |= figure_mark_flags (primary);
  bar->n_sources = bar->figures->len;

  for (guint i = 0; i < bar->figures->len; i++)
    {
      const ReelFigure *figure = g_ptr_array_index (bar->figures, i);

      use_source (b, figure->source);
      if (i > 0 && with_range)
        add_other_value (bar, figure->value * scale);
    }

  return bar;
}

static int
compare_bars_by_value (gconstpointer a,
                       gconstpointer b)
{
  const Bar *bar_a = a, *bar_b = b;

  /* Rest of world last, the world first in its group, then largest first;
   * equal values keep region order. */
  if ((bar_a->flags ^ bar_b->flags) & REEL_CHART_MARK_REST)
    return (bar_a->flags & REEL_CHART_MARK_REST) ? 1 : -1;
  if (bar_a->missing != bar_b->missing)
    return bar_a->missing ? 1 : -1;
  if (bar_a->group != bar_b->group)
    return bar_a->group < bar_b->group ? -1 : 1;
  if ((bar_a->flags ^ bar_b->flags) & REEL_CHART_MARK_WORLD)
    return (bar_a->flags & REEL_CHART_MARK_WORLD) ? -1 : 1;
  if (bar_a->value != bar_b->value)
    return bar_a->value > bar_b->value ? -1 : 1;
  return bar_a->region < bar_b->region ? -1 : bar_a->region > bar_b->region;
}

static void
collect_revenue (Builder *b)
{
  guint year = b->self->year;

  for (guint i = 0; i < b->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (b->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, year);

      if (primary == NULL)
        {
          /* A row of its own, at the bottom: a gap in the data shows
           * where it is, not only in the small print. */
          Bar *bar = append_bar (b, (int) i, region_name (region));

          bar->missing = TRUE;
          bar->ink = REEL_CHART_INK_DIM;
          g_ptr_array_add (b->missing, (gpointer) region_name (region));
        }
      else
        {
          append_figures_bar (b, (int) i, region_name (region), region->revenue, primary, 1.0, TRUE);
        }
    }
}

static void
collect_share (Builder *b)
{
  ReelChartLayout *self = b->self;
  const ReelRegion *world = reel_dataset_get_global (self->dataset);
  const ReelFigure *total = reel_dataset_get_primary_figure (world->revenue, self->year);
  double sum = 0, denominator;

  for (guint i = 0; i < b->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (b->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, self->year);

      if (primary == NULL)
        g_ptr_array_add (b->missing, (gpointer) region_name (region));
      else
        sum += primary->value;
    }

  if (total != NULL && total->value > 0)
    {
      denominator = total->value;
      b->share_total = total;
      use_source (b, total->source);
    }
  else
    {
      /* Without a world figure the shares are of what the regions add up
       * to, and the subtitle says so. */
      denominator = sum;
      b->share_of_sum = TRUE;
    }

  if (denominator <= 0)
    return;

  for (guint i = 0; i < b->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (b->regions, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (region->revenue, self->year);

      /* No range lines: the other sources' figures often have another
       * basis than the global total (all revenue against in-app), and a
       * share of 205% says nothing. The count and the tooltip keep them. */
      if (primary != NULL)
        append_figures_bar (b, (int) i, region_name (region), region->revenue, primary, 1.0 / denominator,
                            FALSE);
    }

  if (b->share_total != NULL && b->bars->len > 0)
    {
      /* A rest below a thousandth of the total would be a bar nobody sees
       * and a label that rounds to 0%. */
      if (sum < denominator * 0.999)
        {
          Bar *rest = append_bar (b, -1, _("Rest of world"));

          rest->flags = REEL_CHART_MARK_REST | figure_mark_flags (total);
          rest->flags &= ~REEL_CHART_MARK_PARTIAL;
          rest->ink = REEL_CHART_INK_MUTED;
          rest->value = 1.0 - sum / denominator;
          rest->n_sources = 1;
          g_ptr_array_add (rest->figures, (gpointer) total);
        }
      else if (sum > denominator * 1.001)
        {
          b->share_over = TRUE;
        }
    }
}

static Group *
find_group (Builder    *b,
            const char *metric,
            guint      *index)
{
  Group group = { 0 };

  for (guint i = 0; i < b->groups->len; i++)
    {
      Group *existing = &g_array_index (b->groups, Group, i);

      if (g_strcmp0 (existing->metric, metric) == 0)
        {
          *index = i;
          return existing;
        }
    }

  group.metric = metric;
  group.top = -1;    /* not placed (yet) */
  g_array_append_val (b->groups, group);
  *index = b->groups->len - 1;
  return &g_array_index (b->groups, Group, *index);
}

static void
collect_growth_of (Builder          *b,
                   const ReelRegion *region,
                   int               index,
                   gboolean         *found)
{
  guint year = b->self->year;
  guint first_bar = b->bars->len;
  double percent;

  for (guint i = 0; i < region->growth->len; i++)
    {
      const ReelGrowth *growth = &g_array_index (region->growth, ReelGrowth, i);
      Bar *bar = NULL;
      guint group;

      if (growth->year != year)
        continue;

      find_group (b, growth->metric, &group);
      use_source (b, growth->source);
      *found = TRUE;

      /* Several sources for one metric: the first listed is the bar, the
       * others its range. */
      for (guint j = first_bar; j < b->bars->len; j++)
        {
          Bar *existing = &g_array_index (b->bars, Bar, j);

          if (existing->group == group)
            bar = existing;
        }

      if (bar != NULL)
        {
          g_ptr_array_add (bar->growths, (gpointer) growth);
          bar->n_sources++;
          add_other_value (bar, growth->percent);
          continue;
        }

      bar = append_bar (b, index, region_name (region));
      bar->group = group;
      bar->metric = growth->metric;
      bar->value = growth->percent;
      bar->qualifier = growth->qualifier;
      bar->n_sources = 1;
      if (growth->flags & REEL_FIGURE_ESTIMATE)
        bar->flags |= REEL_CHART_MARK_ESTIMATE;
      g_ptr_array_add (bar->growths, (gpointer) growth);
    }

  if (reel_dataset_get_revenue_growth (region->revenue, year, &percent))
    {
      const ReelFigure *now = reel_dataset_get_primary_figure (region->revenue, year);
      const ReelFigure *before = reel_dataset_get_primary_figure (region->revenue, year - 1);
      guint group;
      Bar *bar;

      find_group (b, NULL, &group);
      bar = append_bar (b, index, region_name (region));
      bar->group = group;
      bar->metric = "revenue";
      bar->value = percent;
      bar->n_sources = 1;
      bar->flags |= REEL_CHART_MARK_COMPUTED;
      bar->flags |= (figure_mark_flags (now) | figure_mark_flags (before)) &
                    (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST);
      g_ptr_array_add (bar->figures, (gpointer) now);
      g_ptr_array_add (bar->figures, (gpointer) before);
      use_source (b, now->source);
      use_source (b, before->source);
      *found = TRUE;
    }
}

static void
collect_growth (Builder *b)
{
  const ReelRegion *world = reel_dataset_get_global (b->self->dataset);
  gboolean found = FALSE;
  guint computed = G_MAXUINT;

  collect_growth_of (b, world, -1, &found);
  for (guint i = 0; i < b->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (b->regions, i);

      found = FALSE;
      collect_growth_of (b, region, (int) i, &found);
      if (!found)
        g_ptr_array_add (b->missing, (gpointer) region_name (region));
    }

  /* Reported metrics in the order they first appear, then the growth
   * computed from revenue, which is a different kind of number. */
  for (guint i = 0; i < b->groups->len; i++)
    if (g_array_index (b->groups, Group, i).metric == NULL)
      computed = i;

  if (computed != G_MAXUINT && computed != b->groups->len - 1)
    {
      Group moved = g_array_index (b->groups, Group, computed);

      g_array_remove_index (b->groups, computed);
      g_array_append_val (b->groups, moved);
      for (guint i = 0; i < b->bars->len; i++)
        {
          Bar *bar = &g_array_index (b->bars, Bar, i);

          if (bar->group == computed)
            bar->group = b->groups->len - 1;
          else if (bar->group > computed)
            bar->group--;
        }
    }

  for (guint i = 0; i < b->groups->len; i++)
    {
      Group *group = &g_array_index (b->groups, Group, i);
      g_autofree char *name =
        reel_chart_dup_metric_name (group->metric != NULL ? group->metric : "revenue");
      g_autofree char *upper = g_utf8_strup (name, -1);

      if (group->metric == NULL)
        /* TRANSLATORS: the heading of revenue growth in the Growth chart,
         * "REVENUE (computed from primary figures)"; %s is the metric name */
        group->heading = g_strdup_printf (_("%s (computed from primary figures)"), upper);
      else
        group->heading = g_steal_pointer (&upper);
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *point_a = a, *point_b = b;

  return point_a->year < point_b->year ? -1 : point_a->year > point_b->year;
}

static void
collect_trend (Builder *b)
{
  for (guint i = 0; i < b->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (b->regions, i);
      Series series = { 0 };

      series.region = (int) i;
      series.region_id = region->id;
      series.name = region_name (region);
      series.palette = i;
      series.points = g_array_new (FALSE, TRUE, sizeof (Point));
      g_array_set_clear_func (series.points, (GDestroyNotify) point_clear);

      for (guint j = 0; j < region->revenue->len; j++)
        {
          const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, j);
          Point point = { 0 };

          if ((figure->flags & REEL_FIGURE_PRIMARY) == 0)
            continue;

          point.year = figure->year;
          point.primary = figure;
          point.figures = collect_figures (region->revenue, figure->year, figure);
          point.flags = figure_mark_flags (figure);
          point.lo = point.hi = NAN;

          for (guint k = 0; k < point.figures->len; k++)
            {
              const ReelFigure *other = g_ptr_array_index (point.figures, k);

              use_source (b, other->source);
              if (point.figures->len > 1)
                {
                  point.lo = isnan (point.lo) ? other->value : MIN (point.lo, other->value);
                  point.hi = isnan (point.hi) ? other->value : MAX (point.hi, other->value);
                }
            }

          g_array_append_val (series.points, point);
        }

      if (series.points->len == 0)
        {
          g_ptr_array_add (b->missing, (gpointer) series.name);
          series_clear (&series);
          continue;
        }

      g_array_sort (series.points, compare_points);
      g_array_append_val (b->series, series);
    }
}

static void
collect (Builder *b)
{
  switch (b->self->kind)
    {
    case REEL_CHART_REVENUE:
      collect_revenue (b);
      break;
    case REEL_CHART_GROWTH:
      collect_growth (b);
      break;
    case REEL_CHART_SHARE:
      collect_share (b);
      break;
    case REEL_CHART_TREND:
    default:
      collect_trend (b);
      break;
    }

  if (b->bars->len > 0)
    {
      g_autofree double *values = g_new (double, b->bars->len);

      g_array_sort (b->bars, compare_bars_by_value);

      for (guint i = 0; i < b->bars->len; i++)
        if (!g_array_index (b->bars, Bar, i).missing)
          values[b->n_figures++] = g_array_index (b->bars, Bar, i).value;
      /* Shares are parts of one whole: a large one is the point, not an
       * outlier to cut. */
      if (b->self->kind != REEL_CHART_SHARE)
        b->capped = reel_scale_find_cap (values, b->n_figures, &b->cap);
    }

  for (guint i = 0; i < b->series->len; i++)
    {
      GArray *points = g_array_index (b->series, Series, i).points;
      const ReelChartMarkFlags soft = REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                      REEL_CHART_MARK_PARTIAL;

      for (guint j = 0; j < points->len; j++)
        {
          Point *point = &g_array_index (points, Point, j);

          b->any_hollow |= (point->flags & soft) != 0;
          b->any_whisker |= !isnan (point->lo);
          b->any_partial |= (point->flags & REEL_CHART_MARK_PARTIAL) != 0;
          if (j > 0)
            {
              Point *prev = &g_array_index (points, Point, j - 1);

              if (prev->primary->source != point->primary->source)
                b->any_dotted = TRUE;
              else if ((prev->flags | point->flags) & soft)
                b->any_dashed = TRUE;
            }
        }
    }

  for (guint i = 0; i < b->bars->len; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);

      bar->shown = bar->value;
      if (b->capped && fabs (bar->value) > b->cap)
        {
          bar->shown = bar->value > 0 ? b->cap : -b->cap;
          bar->flags |= REEL_CHART_MARK_CAPPED;
        }
      if (b->self->selection != NULL && g_strcmp0 (bar->region_id, b->self->selection) == 0)
        bar->flags |= REEL_CHART_MARK_SELECTED;

      b->any_estimate |= (bar->flags & REEL_CHART_MARK_ESTIMATE) != 0;
      b->any_forecast |= (bar->flags & REEL_CHART_MARK_FORECAST) != 0;
      b->any_partial |= (bar->flags & REEL_CHART_MARK_PARTIAL) != 0;
      b->any_whisker |= bar->others->len > 0;
    }
}

/* ------------------------------------------------------------------ */
/* Titles, notes, sources and the legend */

static char *
join_names (GPtrArray *names)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between names in a list, "Europe, South Asia" */
        g_string_append (joined, C_("list of region names", ", "));
      g_string_append (joined, g_ptr_array_index (names, i));
    }

  return g_string_free (joined, FALSE);
}

static void
make_titles (Builder *b)
{
  ReelChartLayout *self = b->self;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  guint year = self->year;

  switch (self->kind)
    {
    case REEL_CHART_REVENUE:
      self->title = year > 0 ? g_strdup_printf (_("Revenue by region, %u"), year)
                             : g_strdup (_("Revenue by region"));
      g_ptr_array_add (parts, g_strdup_printf (_("Revenue in %s"), b->currency));
      if (b->any_whisker)
        g_ptr_array_add (parts, g_strdup (_("bar: primary source, line: range of other sources")));
      break;

    case REEL_CHART_GROWTH:
      self->title = year > 0 ? g_strdup_printf (_("Growth by region, %u"), year)
                             : g_strdup (_("Growth by region"));
      g_ptr_array_add (parts, g_strdup (_("Change on the year before, in percent, grouped by metric")));
      if (b->capped)
        g_ptr_array_add (parts, g_strdup (_("bars cut at the break are outliers, not to scale")));
      break;

    case REEL_CHART_SHARE:
      self->title = year > 0 ? g_strdup_printf (_("Share of global revenue, %u"), year)
                             : g_strdup (_("Share of global revenue"));
      if (b->share_total != NULL)
        {
          g_autofree char *total = qualify_short (b->share_total->qualifier,
                                                  reel_format_money_compact (b->share_total->value,
                                                                             b->currency, NULL));
          const char *basis = b->share_total->basis != NULL
                              ? b->share_total->basis
                              : source_name (self->dataset, b->share_total->source);

          /* TRANSLATORS: the subtitle of Share: "Percent of the global total of $1.4B (all revenue outside China)" */
          g_ptr_array_add (parts, g_strdup_printf (_("Percent of the global total of %s (%s)"), total, basis));
        }
      else if (year > 0)
        {
          g_ptr_array_add (parts, g_strdup_printf (_("Percent of what the regions shown add up to: "
                                                     "no global figure for %u"), year));
        }
      if (b->any_whisker)
        g_ptr_array_add (parts, g_strdup (_("line: range of other sources")));
      break;

    case REEL_CHART_TREND:
    default:
      {
        guint first = G_MAXUINT, last = 0;

        for (guint i = 0; i < b->series->len; i++)
          {
            GArray *points = g_array_index (b->series, Series, i).points;

            first = MIN (first, g_array_index (points, Point, 0).year);
            last = MAX (last, g_array_index (points, Point, points->len - 1).year);
          }

        if (last == 0)
          self->title = g_strdup (_("Revenue by region over time"));
        else if (first == last)
          self->title = g_strdup_printf (_("Revenue by region, %u"), first);
        else
          /* TRANSLATORS: the title of Trend, "Revenue by region, 2022–2025" */
          self->title = g_strdup_printf (_("Revenue by region, %u–%u"), first, last);

        g_ptr_array_add (parts, g_strdup_printf (_("Revenue in %s"), b->currency));
        if (b->any_dashed)
          g_ptr_array_add (parts, g_strdup (_("dashed: estimate, forecast or partial year")));
        if (b->any_dotted)
          g_ptr_array_add (parts, g_strdup (_("dotted: the primary source changes")));
      }
      break;
    }

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the parts of a chart's subtitle */
  self->subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
dup_sources_text (Builder *b)
{
  ReelDataset *dataset = b->self->dataset;
  GString *text = g_string_new (NULL);
  const char *updated = reel_dataset_get_updated (dataset);
  ReelText *title = reel_dataset_get_title (dataset);

  if (b->source_order->len > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;

      for (guint i = 0; i < b->source_order->len; i++)
        {
          guint index = g_array_index (b->source_order, guint, i);
          const ReelSource *source = reel_dataset_get_source (dataset, index);

          if (source->published != NULL)
            /* TRANSLATORS: a source and when it was published, "Antom (Ant International), 2025" */
            g_ptr_array_add (names, g_strdup_printf (_("%s, %s"), source_name (dataset, index),
                                                     source->published));
          else
            g_ptr_array_add (names, g_strdup (source_name (dataset, index)));
        }
      g_ptr_array_add (names, NULL);
      /* TRANSLATORS: between the sources in a chart's source line */
      joined = g_strjoinv (_("; "), (char **) names->pdata);

      g_string_append_printf (text, ngettext ("Source: %s.", "Sources: %s.", b->source_order->len), joined);
    }

  if (title != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (updated != NULL)
        /* TRANSLATORS: the dataset a chart comes from, "Data: Chinese micro-dramas abroad, updated 2025-11-22." */
        g_string_append_printf (text, _("Data: %s, updated %s."), reel_text_get (title), updated);
      else
        g_string_append_printf (text, _("Data: %s."), reel_text_get (title));
    }

  return g_string_free (text, FALSE);
}

static void
make_notes (Builder *b)
{
  ReelChartLayout *self = b->self;
  guint year = self->year;

  if (self->kind == REEL_CHART_SHARE && b->bars->len > 0)
    {
      Bar *last = &g_array_index (b->bars, Bar, b->bars->len - 1);

      if (last->flags & REEL_CHART_MARK_REST)
        g_ptr_array_add (b->notes, g_strdup (_("Rest of world is the global total minus the regions shown.")));
      if (b->share_over)
        g_ptr_array_add (b->notes, g_strdup (_("The regions add up to more than the global total: "
                                               "their sources differ.")));
    }

  if (b->any_partial)
    g_ptr_array_add (b->notes, g_strdup (_("Partial year: summed from records that cover fewer than "
                                           "12 months.")));
  if (b->any_dotted)
    g_ptr_array_add (b->notes, g_strdup (_("A dotted segment joins figures from different primary "
                                           "sources, which may not measure the same thing.")));

  if (self->kind == REEL_CHART_TREND && b->series->len > 0)
    {
      guint first = G_MAXUINT, last = 0;

      for (guint i = 0; i < b->series->len; i++)
        {
          GArray *points = g_array_index (b->series, Series, i).points;

          first = MIN (first, g_array_index (points, Point, 0).year);
          last = MAX (last, g_array_index (points, Point, points->len - 1).year);
        }
      if (first == last)
        g_ptr_array_add (b->notes, g_strdup_printf (_("Only %u has revenue figures: there is no trend "
                                                      "to show yet."), first));
    }

  if (b->missing->len > 0 && (b->n_figures > 0 || b->series->len > 0))
    {
      g_autofree char *names = join_names (b->missing);

      if (self->kind == REEL_CHART_TREND)
        g_ptr_array_add (b->notes, g_strdup_printf (_("No revenue figures: %s."), names));
      else if (self->kind == REEL_CHART_GROWTH)
        g_ptr_array_add (b->notes, g_strdup_printf (_("No growth figure for %u: %s."), year, names));
      else
        g_ptr_array_add (b->notes, g_strdup_printf (_("No revenue figure for %u: %s."), year, names));
    }
}

/* Notes, then sources, each paragraph at most FOOTER_MAX_LINES lines;
 * @extra says what did not fit, when something did not. */
static void
measure_footer (Builder    *b,
                const char *extra)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < b->notes->len; i++)
    {
      g_string_append (text, g_ptr_array_index (b->notes, i));
      g_string_append_c (text, '\n');
    }
  if (extra != NULL)
    {
      g_string_append (text, extra);
      g_string_append_c (text, '\n');
    }
  g_string_append (text, b->self->sources);

  /* A trailing newline would add an empty line. */
  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  /* The longest text of the chart: measured again only when it changed. */
  if (b->footer.layout == NULL || b->footer_text_lines != b->footer_lines ||
      g_strcmp0 (b->footer_text, text->str) != 0)
    {
      text_clear (&b->footer);
      b->footer = measure (b, FONT_FOOTER, text->str, b->content.width, b->footer_lines, FALSE);
      g_free (b->footer_text);
      b->footer_text = g_strdup (text->str);
      b->footer_text_lines = b->footer_lines;
    }
  b->footer_top = b->content.y + b->content.height - (text->len > 0 ? b->footer.height : 0);

  g_string_free (text, TRUE);
}

/* The width the title and subtitle wrap at: the content's, less what the
 * theme keeps clear at their right (a control over the chart's corner),
 * but never less than half of it. */
static double
header_width (Builder *b)
{
  double inset = b->self->theme->header_inset;

  if (!(inset > 0))
    return b->content.width;

  return MAX (b->content.width - inset, b->content.width / 2);
}

static void
add_header (Builder *b)
{
  double y = b->content.y;

  if (b->title.layout == NULL)
    b->title = measure (b, FONT_TITLE, b->self->title, header_width (b), b->title_lines, FALSE);
  if (b->subtitle.layout == NULL)
    b->subtitle = measure (b, FONT_SUBTITLE, b->self->subtitle, header_width (b), b->subtitle_lines, FALSE);

  add_text (b, &b->title, b->content.x, y, REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_TITLE);
  y += b->title.height + b->u * 0.3;
  add_text (b, &b->subtitle, b->content.x, y, REEL_CHART_INK_DIM, REEL_CHART_TEXT_SUBTITLE);
  y += b->subtitle.height;

  b->header_bottom = y + b->u * 2.2;
}

static double measure_tick_height (Builder *b);
static double flow_legend (Builder *b, double y);

/* A small chart gives up, in turn, the footer's second and third lines,
 * the legend, and the title's and subtitle's extra lines, until a plot of
 * a couple of rows fits between them. */
static void
fit_to_height (Builder *b)
{
  double tick_h = measure_tick_height (b), u = b->u;
  double plot_need;

  if (b->self->kind == REEL_CHART_TREND)
    plot_need = b->series->len > 0 ? tick_h * 5 : b->f * 3;
  else
    plot_need = b->bars->len > 0 ? MIN (b->bars->len, 2) * (b->f * 1.3 + u * 0.5) : b->f * 3;

  for (int level = 0; level < 4; level++)
    {
      Text title, subtitle;
      double needed, legend_h;

      b->footer_lines = level >= 1 ? 1 : FOOTER_MAX_LINES;
      b->no_legend = level >= 2;
      b->title_lines = level >= 3 ? 1 : 2;
      b->subtitle_lines = level >= 3 ? 1 : 3;

      title = measure (b, FONT_TITLE, b->self->title, header_width (b), b->title_lines, FALSE);
      subtitle = measure (b, FONT_SUBTITLE, b->self->subtitle, header_width (b), b->subtitle_lines, FALSE);
      measure_footer (b, NULL);
      legend_h = flow_legend (b, NAN);

      needed = title.height + u * 0.3 + subtitle.height + u * 2.2 + plot_need + tick_h + u * 0.6 +
               (legend_h > 0 ? legend_h + u * 1.6 : 0) + u * 2 + (b->content.y + b->content.height - b->footer_top);

      /* add_header () takes them as they are. */
      text_clear (&b->title);
      text_clear (&b->subtitle);
      b->title = title;
      b->subtitle = subtitle;

      if (needed <= b->content.height)
        break;
    }
}

static void
add_legend_item (Builder     *b,
                 LegendGlyph  glyph,
                 const char  *label)
{
  LegendItem item = { glyph, measure (b, FONT_LEGEND, label, b->content.width * 0.9, 1, FALSE), 0 };

  g_array_append_val (b->legend, item);
}

static void
make_legend (Builder *b)
{
  if (b->self->kind == REEL_CHART_TREND)
    {
      if (b->any_hollow)
        {
          add_legend_item (b, LEGEND_MARKER_FILLED, _("reported"));
          add_legend_item (b, LEGEND_MARKER_HOLLOW, _("estimate, forecast or partial year"));
        }
      if (b->any_dotted)
        add_legend_item (b, LEGEND_DOTTED, _("primary source changes"));
      if (b->any_whisker)
        add_legend_item (b, LEGEND_WHISKER, _("range of other sources"));
      return;
    }

  if (b->any_estimate || b->any_forecast)
    add_legend_item (b, LEGEND_SOLID, _("reported"));
  if (b->any_estimate && b->any_forecast)
    add_legend_item (b, LEGEND_HATCHED, _("estimate or forecast"));
  else if (b->any_estimate)
    add_legend_item (b, LEGEND_HATCHED, _("estimate"));
  else if (b->any_forecast)
    add_legend_item (b, LEGEND_HATCHED, _("forecast"));
  if (b->any_whisker)
    add_legend_item (b, LEGEND_WHISKER, _("range of other sources"));
  if (b->capped)
    add_legend_item (b, LEGEND_BREAK, _("outlier, cut to fit"));
}

static double
legend_glyph_width (Builder *b)
{
  return b->f * 1.6;
}

/* The legend flows like words: items left to right, wrapping onto more
 * rows when the width runs out. Returns its height; adds the shapes when
 * @y is not NAN. */
static double
flow_legend (Builder *b,
             double   y)
{
  double glyph_w = legend_glyph_width (b), gap = b->u * 0.8, spacing = b->u * 3;
  double x = b->content.x, row_top = 0, row_h = 0, right = b->content.x + b->content.width;

  if (b->legend->len == 0 || b->no_legend)
    return 0;

  for (guint i = 0; i < b->legend->len; i++)
    {
      LegendItem *item = &g_array_index (b->legend, LegendItem, i);
      double item_w = glyph_w + gap + item->text.width;
      double h = MAX (item->text.height, b->f);

      /* The key of the lines starts a row of its own. */
      if ((x > b->content.x && x + item_w > right) ||
          (x > b->content.x && item->glyph == LEGEND_SERIES && i > 0 &&
           g_array_index (b->legend, LegendItem, i - 1).glyph != LEGEND_SERIES))
        {
          row_top += row_h + b->u * 0.5;
          row_h = 0;
          x = b->content.x;
        }
      row_h = MAX (row_h, h);

      if (!isnan (y))
        {
          double cy = y + row_top + h / 2;
          double gh = b->f * 0.75;
          double gx = x, gy = cy - gh / 2;
          ReelChartShape *shape;

          switch (item->glyph)
            {
            case LEGEND_SOLID:
              add_rect (b, REEL_CHART_INK_DIM, 0, gx, gy, glyph_w, gh, 2, REEL_CHART_CORNER_ALL);
              break;
            case LEGEND_HATCHED:
              shape = add_rect (b, REEL_CHART_INK_DIM, 0, gx, gy, glyph_w, gh, 2, REEL_CHART_CORNER_ALL);
              shape->rect.hatched = TRUE;
              break;
            case LEGEND_BREAK:
              shape = add_rect (b, REEL_CHART_INK_DIM, 0, gx, gy, glyph_w, gh, 2, REEL_CHART_CORNER_ALL);
              shape->rect.cut = gx + glyph_w * 0.6;
              break;
            case LEGEND_WHISKER:
              add_line (b, REEL_CHART_INK_WHISKER, 0, gx + 1, cy, gx + glyph_w - 1, cy, 1, REEL_CHART_DASH_SOLID);
              add_line (b, REEL_CHART_INK_WHISKER, 0, gx + 1, cy - gh / 2, gx + 1, cy + gh / 2, 1,
                        REEL_CHART_DASH_SOLID);
              add_line (b, REEL_CHART_INK_WHISKER, 0, gx + glyph_w - 1, cy - gh / 2, gx + glyph_w - 1,
                        cy + gh / 2, 1, REEL_CHART_DASH_SOLID);
              break;
            case LEGEND_MARKER_FILLED:
            case LEGEND_MARKER_HOLLOW:
              add_line (b, REEL_CHART_INK_DIM, 0, gx, cy, gx + glyph_w, cy, 2,
                        item->glyph == LEGEND_MARKER_FILLED ? REEL_CHART_DASH_SOLID : REEL_CHART_DASH_DASHED);
              shape = add_marker (b, 0, gx + glyph_w / 2, cy, MAX (3, b->f * 0.3),
                                  item->glyph == LEGEND_MARKER_FILLED);
              shape->ink = REEL_CHART_INK_DIM;
              /* A ring would cut the sample's line and read as dashes. */
              shape->marker.ring = item->glyph == LEGEND_MARKER_HOLLOW;
              break;
            case LEGEND_SERIES:
              add_line (b, REEL_CHART_INK_REGION, item->palette, gx, cy, gx + glyph_w, cy, 2,
                        REEL_CHART_DASH_SOLID);
              add_marker (b, item->palette, gx + glyph_w / 2, cy, MAX (3, b->f * 0.3), TRUE)->marker.ring = FALSE;
              break;
            case LEGEND_DASHED:
            case LEGEND_DOTTED:
            default:
              add_line (b, REEL_CHART_INK_DIM, 0, gx, cy, gx + glyph_w, cy, 2,
                        item->glyph == LEGEND_DASHED ? REEL_CHART_DASH_DASHED : REEL_CHART_DASH_DOTTED);
              break;
            }

          add_text (b, &item->text, x + glyph_w + gap, cy - item->text.height / 2,
                    REEL_CHART_INK_DIM, REEL_CHART_TEXT_LEGEND);
        }

      x += item_w + spacing;
    }

  return row_top + row_h;
}

/* The "no data" state: a message where the plot would be, and which years
 * do have figures. */
static void
add_empty_message (Builder *b,
                   double   top,
                   double   bottom)
{
  ReelChartLayout *self = b->self;
  g_autofree char *message = NULL;
  g_autoptr(GArray) years = reel_chart_layout_list_years (self->dataset, self->kind);
  Text text, hint = { 0 };
  double y, h;

  self->empty = TRUE;

  if (self->kind == REEL_CHART_GROWTH)
    message = self->year > 0 ? g_strdup_printf (_("No growth figures for %u"), self->year)
                             : g_strdup (_("No growth figures in this dataset"));
  else if (self->kind == REEL_CHART_TREND || self->year == 0)
    message = g_strdup (_("No revenue figures in this dataset"));
  else
    message = g_strdup_printf (_("No revenue figures for %u"), self->year);

  text = measure (b, FONT_MESSAGE, message, b->content.width, 2, FALSE);
  pango_layout_set_alignment (text.layout, PANGO_ALIGN_CENTER);
  set_text_extents (&text);
  h = text.height;

  if (years->len > 0 && self->kind != REEL_CHART_TREND)
    {
      GString *list = g_string_new (NULL);
      g_autofree char *hint_text = NULL;

      for (guint i = 0; i < years->len && i < 12; i++)
        {
          if (i > 0)
            /* TRANSLATORS: between years in a list, "2023, 2024" */
            g_string_append (list, C_("list of years", ", "));
          g_string_append_printf (list, "%u", g_array_index (years, guint, i));
        }
      if (years->len > 12)
        g_string_append (list, "…");

      /* TRANSLATORS: under "No revenue figures for 2023": the years that have them */
      hint_text = g_strdup_printf (_("Figures exist for %s"), list->str);
      g_string_free (list, TRUE);

      hint = measure (b, FONT_LABEL, hint_text, b->content.width, 2, FALSE);
      pango_layout_set_alignment (hint.layout, PANGO_ALIGN_CENTER);
      set_text_extents (&hint);
      h += b->u + hint.height;
    }

  y = MAX (top, (top + bottom - h) / 2);
  self->plot = (ReelChartRect) { b->content.x, top, b->content.width, MAX (0, bottom - top) };
  add_text (b, &text, b->content.x + (b->content.width - text.width) / 2, y,
            REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_MESSAGE);
  if (hint.layout != NULL)
    add_text (b, &hint, b->content.x + (b->content.width - hint.width) / 2, y + text.height + b->u,
              REEL_CHART_INK_DIM, REEL_CHART_TEXT_MESSAGE);
}

/* ------------------------------------------------------------------ */
/* Marks */

static char *
dup_share_value (Builder *b,
                 double   share)
{
  g_autofree char *value = reel_format_share (share, NULL);

  if (b->share_of_sum)
    /* TRANSLATORS: an accessible label, "10.1% of the regions' total" */
    return g_strdup_printf (_("%s of the regions' total"), value);
  /* TRANSLATORS: an accessible label, "10.1% of the global total" */
  return g_strdup_printf (_("%s of the global total"), value);
}

static void
add_bar_mark (Builder             *b,
              Bar                 *bar,
              const ReelChartRect *rect,
              const ReelChartRect *area)
{
  ReelChartLayout *self = b->self;
  ReelChartMark mark = { 0 };
  g_autofree char *number = NULL;
  g_autofree char *value = NULL;
  GString *tooltip = g_string_new (bar->name);
  const char *what = NULL;
  g_autofree char *what_owned = NULL;
  gboolean has_source = FALSE;
  guint source = 0;

  mark.rect = *rect;
  mark.area = *area;
  mark.region = bar->region;
  mark.region_id = bar->region_id;
  mark.name = bar->name;
  mark.year = self->year;
  mark.metric = bar->metric;
  mark.value = bar->value;
  mark.flags = bar->flags;
  mark.figures = g_steal_pointer (&bar->figures);
  mark.growths = g_steal_pointer (&bar->growths);

  switch (self->kind)
    {
    case REEL_CHART_GROWTH:
      number = reel_format_percent (bar->value, NULL);
      value = reel_chart_dup_qualified_text (bar->qualifier, number);
      if (bar->flags & REEL_CHART_MARK_COMPUTED)
        {
          const ReelFigure *now = g_ptr_array_index (mark.figures, 0);

          what = _("revenue growth from primary figures");
          has_source = TRUE;
          source = now->source;
          g_string_append_printf (tooltip, " · %s · %u\n%s", what, self->year, bar->value_text);
          for (guint i = 0; i < mark.figures->len; i++)
            {
              g_autofree char *line = dup_figure_line (b, g_ptr_array_index (mark.figures, i), TRUE);

              g_string_append_printf (tooltip, "\n%s", line);
            }
        }
      else
        {
          const ReelGrowth *shown = g_ptr_array_index (mark.growths, 0);

          what = what_owned = reel_chart_dup_metric_name (bar->metric);
          has_source = TRUE;
          source = shown->source;
          g_string_append_printf (tooltip, " · %s · %u", what, self->year);
          for (guint i = 0; i < mark.growths->len; i++)
            {
              g_autofree char *line = dup_growth_line (g_ptr_array_index (mark.growths, i), self->dataset);

              g_string_append_printf (tooltip, "\n%s", line);
            }
        }
      break;

    case REEL_CHART_SHARE:
      value = dup_share_value (b, bar->value);
      g_string_append_printf (tooltip, " · %u\n%s", self->year, value);
      if (bar->flags & REEL_CHART_MARK_REST)
        {
          g_string_append_printf (tooltip, "\n%s", _("The global total minus the regions shown"));
        }
      if (mark.figures->len > 0)
        {
          const ReelFigure *primary = g_ptr_array_index (mark.figures, 0);

          has_source = TRUE;
          source = primary->source;
          for (guint i = 0; i < mark.figures->len; i++)
            {
              g_autofree char *line = dup_figure_line (b, g_ptr_array_index (mark.figures, i), FALSE);

              g_string_append_printf (tooltip, "\n%s", line);
            }
        }
      break;

    case REEL_CHART_REVENUE:
    case REEL_CHART_TREND:
    default:
      number = reel_format_money_long (bar->value, b->currency, NULL);
      value = reel_chart_dup_qualified_text (bar->qualifier, number);
      has_source = TRUE;
      source = ((const ReelFigure *) g_ptr_array_index (mark.figures, 0))->source;
      g_string_append_printf (tooltip, " · %u", self->year);
      for (guint i = 0; i < mark.figures->len; i++)
        {
          g_autofree char *line = dup_figure_line (b, g_ptr_array_index (mark.figures, i), FALSE);

          g_string_append_printf (tooltip, "\n%s", line);
        }
      break;
    }

  mark.label = dup_mark_label (b, bar->name, what, self->year, value, bar->flags & ~REEL_CHART_MARK_COMPUTED,
                               has_source, source, bar->n_sources);
  mark.tooltip = g_string_free (tooltip, FALSE);

  g_array_append_val (self->marks, mark);
}

/* ------------------------------------------------------------------ */
/* Horizontal bars: Revenue, Growth, Share */

static double
measure_tick_height (Builder *b)
{
  Text text = measure (b, FONT_TICK, "0", 0, 1, FALSE);
  double height = text.height;

  text_clear (&text);
  return height;
}

static void
prepare_bar_texts (Builder  *b,
                   double    column_max,
                   gboolean  counts,
                   double   *column_width)
{
  *column_width = 0;

  for (guint i = 0; i < b->bars->len; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);
      g_autoptr(GPtrArray) suffix = g_ptr_array_new ();

      text_clear (&bar->label);
      bar->label = measure (b, (bar->flags & (REEL_CHART_MARK_SELECTED | REEL_CHART_MARK_WORLD))
                               ? FONT_LABEL_BOLD : FONT_LABEL,
                            bar->name, column_max, LABEL_MAX_LINES, TRUE);
      *column_width = MAX (*column_width, bar->label.width);

      text_clear (&bar->value_label);
      text_clear (&bar->suffix_label);
      g_clear_pointer (&bar->value_text, g_free);
      g_clear_pointer (&bar->suffix_text, g_free);

      if (bar->missing)
        {
          /* TRANSLATORS: in place of a bar, for a region without a figure for the year */
          bar->value_text = g_strdup (_("no figure"));
          bar->value_label = measure (b, FONT_LEGEND, bar->value_text, 0, 1, FALSE);
          continue;
        }

      bar->value_text = format_value (b, bar->value, bar->qualifier);
      bar->value_label = measure (b, FONT_VALUE, bar->value_text, 0, 1, FALSE);

      if (bar->flags & REEL_CHART_MARK_FORECAST)
        g_ptr_array_add (suffix, g_strdup (_("forecast")));
      if (bar->flags & REEL_CHART_MARK_PARTIAL)
        g_ptr_array_add (suffix, g_strdup (_("partial year")));
      if (bar->n_sources > 1 && counts)
        /* TRANSLATORS: after a bar's value, how many sources give a figure for it */
        g_ptr_array_add (suffix, g_strdup_printf (ngettext ("(%u source)", "(%u sources)", bar->n_sources),
                                                  bar->n_sources));
      if (suffix->len > 0)
        {
          g_ptr_array_add (suffix, NULL);
          bar->suffix_text = g_strjoinv (" ", (char **) suffix->pdata);
          bar->suffix_label = measure (b, FONT_LEGEND, bar->suffix_text, 0, 1, FALSE);
          for (guint j = 0; suffix->pdata[j] != NULL; j++)
            g_free (suffix->pdata[j]);
        }
    }
}

static double
bar_value_width (Builder   *b,
                 const Bar *bar)
{
  double width = bar->value_label.width;

  if (bar->suffix_text != NULL)
    width += b->u * 0.5 + bar->suffix_label.width;
  return width;
}

/* The ends of a bar's range line, cut to the axis. */
static void
bar_range (Builder   *b,
           const Bar *bar,
           double    *lo,
           double    *hi)
{
  *lo = bar->lo;
  *hi = bar->hi;
  if (b->capped && !isnan (*lo))
    {
      *lo = CLAMP (*lo, -b->cap, b->cap);
      *hi = CLAMP (*hi, -b->cap, b->cap);
    }
}

/* Where a bar's label starts from, as a fraction of the axis: the far end
 * of the bar or of its range line; a cut bar runs to the axis's end. */
static double
bar_far_fraction (Builder         *b,
                  const Bar       *bar,
                  const ReelScale *scale)
{
  double lo, hi, end;

  if (bar->flags & REEL_CHART_MARK_CAPPED)
    return bar->shown > 0 ? 1 : 0;

  bar_range (b, bar, &lo, &hi);
  if (bar->shown >= 0)
    end = isnan (hi) ? bar->shown : MAX (bar->shown, hi);
  else
    end = isnan (lo) ? bar->shown : MIN (bar->shown, lo);

  return (end - scale->lo) / (scale->hi - scale->lo);
}

/* How much height the first @n bars need at least, headings included. */
static double
rows_min_height (Builder *b,
                 guint    n,
                 double   heading_gap)
{
  double height = 0;
  guint group = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);

      if (b->self->kind == REEL_CHART_GROWTH && bar->group != group)
        {
          Group *heading = &g_array_index (b->groups, Group, bar->group);

          height += heading->text.height + b->u * 0.4 + (group != G_MAXUINT ? heading_gap : 0);
          group = bar->group;
        }
      height += MAX (bar->label.height, bar->value_label.height) + b->u * 0.5;
    }

  return height;
}

static void
layout_bars (Builder *b)
{
  ReelChartLayout *self = b->self;
  double f = b->f, u = b->u, gap = u * 0.8, heading_gap = u * 1.2;
  double L = b->content.x, R = b->content.x + b->content.width;
  gboolean narrow = b->content.width < 560;
  double column_max = b->content.width * (narrow ? LABEL_COLUMN_NARROW_MAX : LABEL_COLUMN_MAX);
  double column_w, legend_h, tick_h, plot_top = b->header_bottom, bottom = 0, rows_bottom;
  double dmin = 0, dmax = 0, a0, a = 0, W = 0, band = 0, bar_h, x0, y, widest = 0;
  ReelScale scale = { 0 };
  Text ticks[REEL_SCALE_MAX_TICKS] = { { 0 } };
  ReelScaleFlags flags = REEL_SCALE_ZERO;
  guint max_ticks, n_shown = 0, group;
  g_autofree char *hidden_note = NULL;

  legend_h = flow_legend (b, NAN);
  tick_h = measure_tick_height (b);

  if (b->n_figures == 0)
    {
      measure_footer (b, NULL);
      add_empty_message (b, plot_top, b->footer_top - u * 2);
      return;
    }

  /* Label column, value labels and group headings. A narrow chart keeps
   * a third of its width for the bars: the names give way first (they
   * wrap, then end in an ellipsis), then the counts of sources. */
  prepare_bar_texts (b, column_max, TRUE, &column_w);
  {
    double min_plot = b->content.width * 0.33, right = 0, left = 0;

    for (int pass = 0; pass < 2; pass++)
      {
        right = left = 0;
        for (guint i = 0; i < b->bars->len; i++)
          {
            Bar *bar = &g_array_index (b->bars, Bar, i);

            if (bar->shown >= 0)
              right = MAX (right, bar_value_width (b, bar) + gap);
            else
              left = MAX (left, bar_value_width (b, bar) + gap);
          }
        if (column_w + u * 1.5 + left + min_plot + right <= b->content.width)
          break;

        column_max = MAX (b->content.width * 0.2, b->content.width - u * 1.5 - left - min_plot - right);
        column_max = MIN (column_max, b->content.width * (narrow ? LABEL_COLUMN_NARROW_MAX : LABEL_COLUMN_MAX));
        prepare_bar_texts (b, column_max, pass == 0 && right < b->content.width * 0.25, &column_w);
      }
  }
  for (guint i = 0; i < b->groups->len; i++)
    {
      Group *heading = &g_array_index (b->groups, Group, i);

      heading->text = measure (b, FONT_HEADING, heading->heading, b->content.width, 1, FALSE);
    }
  a0 = L + column_w + u * 1.5;

  /* The domain: every bar and range line, outliers cut to the cap. */
  for (guint i = 0; i < b->bars->len; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);
      double lo, hi;

      bar_range (b, bar, &lo, &hi);
      dmin = MIN (dmin, bar->shown);
      dmax = MAX (dmax, bar->shown);
      if (!isnan (lo))
        {
          dmin = MIN (dmin, lo);
          dmax = MAX (dmax, hi);
        }
    }
  /* Diverging bars whose two sides are of a size get zero in the middle;
   * a lone -12% beside +69% does not deserve half the width. */
  if (self->kind == REEL_CHART_GROWTH && dmin < 0 && dmax > 0 &&
      MIN (-dmin, dmax) >= 0.5 * MAX (-dmin, dmax))
    flags |= REEL_SCALE_SYMMETRIC;

  {
    g_autofree char *lo_text = format_tick (b, dmin);
    g_autofree char *hi_text = format_tick (b, dmax);
    Text lo_label = measure (b, FONT_TICK, lo_text, 0, 1, FALSE);
    Text hi_label = measure (b, FONT_TICK, hi_text, 0, 1, FALSE);
    double estimate = MAX (lo_label.width, hi_label.width) + u * 2.5;

    max_ticks = (guint) CLAMP (floor ((R - a0) / estimate) + 1, 2, REEL_SCALE_MAX_TICKS);
    text_clear (&lo_label);
    text_clear (&hi_label);
  }

  /* The widest plot whose value labels still end inside the card, with
   * fewer ticks while their labels would touch. */
  for (guint attempt = 0; attempt < REEL_SCALE_MAX_TICKS; attempt++)
    {
      reel_scale_init (&scale, dmin, dmax, max_ticks, flags);
      widest = 0;
      for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
        text_clear (&ticks[t]);
      for (guint t = 0; t < scale.n_ticks; t++)
        {
          g_autofree char *label = format_tick (b, reel_scale_get_tick (&scale, t));

          ticks[t] = measure (b, FONT_TICK, label, 0, 1, FALSE);
          widest = MAX (widest, ticks[t].width);
        }

      a = a0;
      for (guint pass = 0; pass < 3; pass++)
        {
          double need = a0;

          W = R - a - ticks[scale.n_ticks - 1].width / 2;
          for (guint i = 0; i < b->bars->len; i++)
            {
              Bar *bar = &g_array_index (b->bars, Bar, i);
              double frac = bar_far_fraction (b, bar, &scale);

              if (bar->shown >= 0 && frac > 0)
                W = MIN (W, (R - a - gap - bar_value_width (b, bar)) / frac);
            }
          for (guint i = 0; i < b->bars->len; i++)
            {
              Bar *bar = &g_array_index (b->bars, Bar, i);
              double frac = bar_far_fraction (b, bar, &scale);

              if (bar->shown < 0)
                need = MAX (need, a0 + gap + bar_value_width (b, bar) - W * frac);
            }
          if (need <= a + 0.5)
            break;
          a = need;
        }
      W = MAX (W, u * 4);

      if (scale.n_ticks > 2 && widest + u * 1.5 > W / (scale.n_ticks - 1))
        {
          max_ticks = scale.n_ticks - 1;
          continue;
        }
      break;
    }
  reel_scale_set_range (&scale, a, a + W);

  /* Rows: as many as fit above the axis, legend and footer; the footer
   * says how many did not. */
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      char *note = NULL;
      guint n_hidden;

      measure_footer (b, hidden_note);
      bottom = b->footer_top - u * 2 - (legend_h > 0 ? legend_h + u * 1.6 : 0) - tick_h - u * 0.6;

      n_shown = b->bars->len;
      while (n_shown > 0 && rows_min_height (b, n_shown, heading_gap) > bottom - plot_top)
        n_shown--;

      n_hidden = b->bars->len - n_shown;
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

  /* Not even one row: the header and the footer, which says so. */
  if (n_shown == 0)
    {
      self->plot = (ReelChartRect) { a, plot_top, W, 0 };
      for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
        text_clear (&ticks[t]);
      return;
    }

  {
    double headings = rows_min_height (b, n_shown, heading_gap);
    double room;

    for (guint i = 0; i < n_shown; i++)
      {
        Bar *bar = &g_array_index (b->bars, Bar, i);

        headings -= MAX (bar->label.height, bar->value_label.height) + u * 0.5;
      }

    /* The room is shared by the rows, up to a comfortable band; a row
     * whose name takes two lines keeps its own height, and the others
     * share what is left. */
    room = bottom - plot_top - headings;
    band = MIN (room / n_shown, f * 6);
    for (guint pass = 0; pass < 4; pass++)
      {
        double fixed = 0;
        guint n_fixed = 0;

        for (guint i = 0; i < n_shown; i++)
          {
            Bar *bar = &g_array_index (b->bars, Bar, i);
            double min_h = MAX (bar->label.height, bar->value_label.height) + u * 0.5;

            if (min_h > band)
              {
                fixed += min_h;
                n_fixed++;
              }
          }
        if (n_fixed == n_shown)
          break;
        band = MIN ((room - fixed) / (n_shown - n_fixed), f * 6);
      }
  }
  bar_h = CLAMP (band * 0.45, 3, f * 2.1);

  /* Few rows leave room: the block of rows, axis and legend sits a little
   * above the middle of it rather than under the title with a gap below. */
  {
    double used = 0;

    group = G_MAXUINT;
    for (guint i = 0; i < n_shown; i++)
      {
        Bar *bar = &g_array_index (b->bars, Bar, i);

        if (self->kind == REEL_CHART_GROWTH && bar->group != group)
          {
            used += g_array_index (b->groups, Group, bar->group).text.height + u * 0.4 +
                    (group != G_MAXUINT ? heading_gap : 0);
            group = bar->group;
          }
        used += MAX (band, MAX (bar->label.height, bar->value_label.height) + u * 0.5);
      }
    if (bottom - plot_top > used)
      plot_top = snap (b, plot_top + (bottom - plot_top - used) * 0.35);
  }

  /* Place the rows. */
  y = plot_top;
  group = G_MAXUINT;
  for (guint i = 0; i < n_shown; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);

      if (self->kind == REEL_CHART_GROWTH && bar->group != group)
        {
          Group *heading = &g_array_index (b->groups, Group, bar->group);

          if (group != G_MAXUINT)
            y += heading_gap;
          heading->top = y;
          y += heading->text.height + u * 0.4;
          group = bar->group;
        }

      bar->top = y;
      bar->row_height = MAX (band, MAX (bar->label.height, bar->value_label.height) + u * 0.5);
      y += bar->row_height;
    }
  rows_bottom = y;
  self->plot = (ReelChartRect) { a, plot_top, W, rows_bottom - plot_top };

  /* Selection, gridlines, bars, range lines, the zero line, then text. */
  for (guint i = 0; i < n_shown; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);

      if (bar->flags & REEL_CHART_MARK_SELECTED)
        add_rect (b, REEL_CHART_INK_SELECTION, 0, L - u * 0.6, bar->top, b->content.width + u * 1.2,
                  bar->row_height, u * 0.8, REEL_CHART_CORNER_ALL);
    }

  for (guint t = 0; t < scale.n_ticks; t++)
    {
      double tick = reel_scale_get_tick (&scale, t);

      if (tick != 0)
        add_line (b, REEL_CHART_INK_GRID, 0, reel_scale_map (&scale, tick), plot_top,
                  reel_scale_map (&scale, tick), rows_bottom, 1, REEL_CHART_DASH_SOLID);
    }

  x0 = reel_scale_map (&scale, 0);
  for (guint i = 0; i < n_shown; i++)
    {
      Bar *bar = &g_array_index (b->bars, Bar, i);
      double cy = bar->top + bar->row_height / 2;
      double x1 = reel_scale_map (&scale, bar->shown);
      double left, right, lo, hi, label_x, vw = bar_value_width (b, bar);
      ReelChartShape *shape;
      ReelChartRect area = { L, bar->top, b->content.width, bar->row_height };

      if (bar->missing)
        {
          add_text (b, &bar->value_label, x0 + gap, cy - bar->value_label.height / 2,
                    REEL_CHART_INK_DIM, REEL_CHART_TEXT_VALUE);
          add_text (b, &bar->label, L + column_w - bar->label.width, cy - bar->label.height / 2,
                    REEL_CHART_INK_DIM, REEL_CHART_TEXT_LABEL);
          continue;
        }

      if (bar->flags & REEL_CHART_MARK_CAPPED)
        x1 = bar->shown > 0 ? a + W : a;
      left = MIN (x0, x1);
      right = MAX (x0, x1);

      shape = add_rect (b, bar->ink, bar->palette, left, cy - bar_h / 2, right - left, bar_h,
                        MIN (3, bar_h * 0.2),
                        bar->shown >= 0 ? REEL_CHART_CORNER_TOP_RIGHT | REEL_CHART_CORNER_BOTTOM_RIGHT
                                        : REEL_CHART_CORNER_TOP_LEFT | REEL_CHART_CORNER_BOTTOM_LEFT);
      shape->rect.hatched = (bar->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST)) != 0;
      if (bar->flags & REEL_CHART_MARK_CAPPED)
        {
          double inset = MAX (u * 1.6, bar_h * 0.6);

          shape->rect.cut = bar->shown > 0 ? shape->rect.box.x + shape->rect.box.width - inset
                                           : shape->rect.box.x + inset;
        }

      add_bar_mark (b, bar, &shape->rect.box, &area);

      bar_range (b, bar, &lo, &hi);
      if (!isnan (lo))
        {
          double xl = reel_scale_map (&scale, lo), xh = reel_scale_map (&scale, hi);
          double tick = bar_h * 0.3;

          add_line (b, REEL_CHART_INK_WHISKER, 0, xl, cy, xh, cy, 1, REEL_CHART_DASH_SOLID);
          add_line (b, REEL_CHART_INK_WHISKER, 0, xl, cy - tick, xl, cy + tick, 1, REEL_CHART_DASH_SOLID);
          add_line (b, REEL_CHART_INK_WHISKER, 0, xh, cy - tick, xh, cy + tick, 1, REEL_CHART_DASH_SOLID);
          /* A source between the extremes gets a shorter tick. */
          for (guint j = 0; j < bar->others->len; j++)
            {
              double other = g_array_index (bar->others, double, j);
              double xo = reel_scale_map (&scale, CLAMP (other, lo, hi));

              if (other > lo && other < hi && fabs (xo - x1) > 2)
                add_line (b, REEL_CHART_INK_WHISKER, 0, xo, cy - tick * 0.6, xo, cy + tick * 0.6, 1,
                          REEL_CHART_DASH_SOLID);
            }
          left = MIN (left, xl);
          right = MAX (right, xh);
        }

      label_x = bar->shown >= 0 ? right + gap : left - gap - vw;
      {
        double baseline = cy - bar->value_label.height / 2 +
                          (double) pango_layout_get_baseline (bar->value_label.layout) / PANGO_SCALE;

        if (bar->suffix_text != NULL)
          {
            double suffix_baseline = (double) pango_layout_get_baseline (bar->suffix_label.layout) / PANGO_SCALE;

            add_text (b, &bar->suffix_label, label_x + bar->value_label.width + u * 0.5,
                      baseline - suffix_baseline, REEL_CHART_INK_DIM, REEL_CHART_TEXT_VALUE);
          }
        add_text (b, &bar->value_label, label_x, cy - bar->value_label.height / 2,
                  REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
      }

      add_text (b, &bar->label, L + column_w - bar->label.width, cy - bar->label.height / 2,
                (bar->flags & REEL_CHART_MARK_REST) ? REEL_CHART_INK_DIM : REEL_CHART_INK_FOREGROUND,
                REEL_CHART_TEXT_LABEL);
    }

  add_line (b, REEL_CHART_INK_BASELINE, 0, x0, plot_top, x0, rows_bottom, 1, REEL_CHART_DASH_SOLID);

  for (guint i = 0; i < b->groups->len; i++)
    {
      Group *heading = &g_array_index (b->groups, Group, i);

      /* Headings of groups whose rows all did not fit stay out. */
      if (heading->text.layout != NULL && heading->top >= 0)
        add_text (b, &heading->text, L, heading->top, REEL_CHART_INK_DIM, REEL_CHART_TEXT_HEADING);
    }

  {
    /* Left to right, leaving out a label that would touch the last one:
     * only a chart too narrow for its axis gets there. */
    double last_right = -G_MAXDOUBLE;

    for (guint t = 0; t < scale.n_ticks; t++)
      {
        double x = reel_scale_map (&scale, reel_scale_get_tick (&scale, t)) - ticks[t].width / 2;

        x = CLAMP (x, L, R - ticks[t].width);
        if (x < last_right + u * 0.5)
          continue;
        add_text (b, &ticks[t], x, rows_bottom + u * 0.6, REEL_CHART_INK_DIM, REEL_CHART_TEXT_TICK);
        last_right = x + ticks[t].width;
      }
  }
  for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
    text_clear (&ticks[t]);

  flow_legend (b, rows_bottom + u * 0.6 + tick_h + u * 1.6);
}

/* ------------------------------------------------------------------ */
/* Lines: Trend */

/* The last value of a line, in bold, and what it is when not reported:
 * "$900M forecast". Left to right whatever the name's script, so that the
 * value stays after the name. */
static Text
measure_end_value (Builder *b,
                   Series  *series)
{
  Point *last = &g_array_index (series->points, Point, series->points->len - 1);
  g_autofree char *value = format_value (b, last->primary->value, last->primary->qualifier);
  g_autofree char *string = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *regular = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);
  Text text;

  if (last->flags & REEL_CHART_MARK_FORECAST)
    string = g_strdup_printf ("%s %s", value, _("forecast"));
  else if (last->flags & REEL_CHART_MARK_PARTIAL)
    string = g_strdup_printf ("%s %s", value, _("partial year"));
  else
    string = g_strdup (value);

  text = measure (b, FONT_VALUE, string, 0, 1, FALSE);
  pango_layout_set_auto_dir (text.layout, FALSE);
  regular->start_index = (guint) strlen (value);
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_attr_list_insert (attrs, regular);
  pango_layout_set_attributes (text.layout, attrs);
  pango_attr_list_unref (attrs);
  set_text_extents (&text);

  return text;
}

/* The name before the value, cut with an ellipsis to @width. */
static void
measure_end_name (Builder *b,
                  Series  *series,
                  double   width)
{
  text_clear (&series->name_label);
  series->name_label = measure (b, FONT_LABEL, series->name, MAX (width, 1), 1, FALSE);
  pango_layout_set_auto_dir (series->name_label.layout, FALSE);
  set_text_extents (&series->name_label);
}

static int
compare_label_positions (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GArray *all = user_data;
  const Series *sa = &g_array_index (all, Series, *(const guint *) a);
  const Series *sb = &g_array_index (all, Series, *(const guint *) b);
  const Point *pa = &g_array_index (sa->points, Point, sa->points->len - 1);
  const Point *pb = &g_array_index (sb->points, Point, sb->points->len - 1);

  return pa->y < pb->y ? -1 : pa->y > pb->y;
}

static gboolean
labels_side_by_side (const Series *a,
                     const Series *b)
{
  return a->label_x < b->label_x + b->label_width && b->label_x < a->label_x + a->label_width;
}

/* End labels sit beside their line's last point, pushed apart so that
 * none overlaps another and all stay within [@top, @bottom]; when that is
 * impossible the labels of the smallest last values go first. @order
 * returns the series from top to bottom. Returns how many are labelled. */
static guint
place_end_labels (Builder *b,
                  double   top,
                  double   bottom,
                  guint   *order)
{
  GArray *all = b->series;
  double space = b->u * 0.25;
  guint n = all->len, n_labelled = n;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      g_array_index (all, Series, i).labelled = TRUE;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_label_positions, all);

  for (guint round = 0; round <= n && n_labelled > 0; round++)
    {
      Series *worst = NULL;

      /* Top down: below any label above that shares columns. */
      for (guint i = 0; i < n; i++)
        {
          Series *series = &g_array_index (all, Series, order[i]);
          Point *last = &g_array_index (series->points, Point, series->points->len - 1);

          if (!series->labelled)
            continue;
          series->label_y = MAX (top, last->y - series->label_height / 2);
          for (guint j = 0; j < i; j++)
            {
              Series *above = &g_array_index (all, Series, order[j]);

              if (above->labelled && labels_side_by_side (series, above) &&
                  series->label_y < above->label_y + above->label_height + space)
                series->label_y = above->label_y + above->label_height + space;
            }
        }

      /* Bottom up: above the bottom and any label below. */
      for (guint i = n; i-- > 0;)
        {
          Series *series = &g_array_index (all, Series, order[i]);

          if (!series->labelled)
            continue;
          series->label_y = MIN (series->label_y, bottom - series->label_height);
          for (guint j = i + 1; j < n; j++)
            {
              Series *below = &g_array_index (all, Series, order[j]);

              if (below->labelled && labels_side_by_side (series, below) &&
                  series->label_y + series->label_height + space > below->label_y)
                series->label_y = below->label_y - space - series->label_height;
            }
        }

      /* Whatever still collides or sticks out loses its label, smallest
       * value first. */
      for (guint i = 0; i < n; i++)
        {
          Series *series = &g_array_index (all, Series, order[i]);
          gboolean bad;

          if (!series->labelled)
            continue;
          bad = series->label_y < top - 0.5;
          for (guint j = 0; j < n && !bad; j++)
            {
              Series *other = &g_array_index (all, Series, order[j]);

              bad = j != i && other->labelled && labels_side_by_side (series, other) &&
                    series->label_y < other->label_y + other->label_height &&
                    other->label_y < series->label_y + series->label_height;
            }
          if (bad)
            {
              Point *last = &g_array_index (series->points, Point, series->points->len - 1);

              if (worst == NULL ||
                  last->primary->value < g_array_index (worst->points, Point, worst->points->len - 1).primary->value)
                worst = series;
            }
        }

      if (worst == NULL)
        break;
      worst->labelled = FALSE;
      n_labelled--;
    }

  return n_labelled;
}

static void
add_point_mark (Builder *b,
                Series  *series,
                Point   *point,
                double   radius)
{
  ReelChartLayout *self = b->self;
  ReelChartMark mark = { 0 };
  g_autofree char *money = NULL;
  g_autofree char *value = NULL;
  GString *tooltip;
  double reach = MAX (radius * 2.5, b->f * 0.75);

  mark.rect = (ReelChartRect) { point->x - radius, point->y - radius, radius * 2, radius * 2 };
  mark.area = (ReelChartRect) { point->x - reach, point->y - reach, reach * 2, reach * 2 };
  mark.region = series->region;
  mark.region_id = series->region_id;
  mark.name = series->name;
  mark.year = point->year;
  mark.value = point->primary->value;
  mark.flags = point->flags;
  if (self->selection != NULL && g_strcmp0 (series->region_id, self->selection) == 0)
    mark.flags |= REEL_CHART_MARK_SELECTED;
  mark.figures = g_ptr_array_ref (point->figures);
  mark.growths = g_ptr_array_new ();

  money = reel_format_money_long (point->primary->value, b->currency, NULL);
  value = reel_chart_dup_qualified_text (point->primary->qualifier, money);
  mark.label = dup_mark_label (b, series->name, NULL, point->year, value, point->flags, TRUE,
                               point->primary->source, point->figures->len);

  tooltip = g_string_new (NULL);
  g_string_append_printf (tooltip, "%s · %u", series->name, point->year);
  for (guint i = 0; i < point->figures->len; i++)
    {
      g_autofree char *line = dup_figure_line (b, g_ptr_array_index (point->figures, i), FALSE);

      g_string_append_printf (tooltip, "\n%s", line);
    }
  mark.tooltip = g_string_free (tooltip, FALSE);

  g_array_append_val (self->marks, mark);
}

/* The style of the segment from point @j - 1 to point @j: dotted where
 * the primary source changes, dashed into or out of an estimate, a
 * forecast or a partial year. */
static ReelChartDash
segment_dash (Series *series,
              guint   j)
{
  Point *prev = &g_array_index (series->points, Point, j - 1);
  Point *point = &g_array_index (series->points, Point, j);
  const ReelChartMarkFlags soft = REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST | REEL_CHART_MARK_PARTIAL;

  if (prev->primary->source != point->primary->source)
    return REEL_CHART_DASH_DOTTED;
  if ((prev->flags | point->flags) & soft)
    return REEL_CHART_DASH_DASHED;
  return REEL_CHART_DASH_SOLID;
}

/* Whether a label ended up more than three lines' height from its line's
 * end. */
static gboolean
end_labels_wander (Builder *b)
{
  for (guint i = 0; i < b->series->len; i++)
    {
      Series *series = &g_array_index (b->series, Series, i);
      Point *last = &g_array_index (series->points, Point, series->points->len - 1);

      if (series->labelled &&
          fabs (series->label_y + series->label_height / 2 - last->y) > 3 * series->label_height)
        return TRUE;
    }

  return FALSE;
}

/* The key, in the order of the lines' ends from top to bottom. */
static void
add_series_key (Builder *b,
                guint   *order)
{
  for (guint k = 0; k < b->series->len; k++)
    {
      Series *series = &g_array_index (b->series, Series, order[k]);
      LegendItem item = { LEGEND_SERIES, measure (b, FONT_LEGEND, series->name, b->content.width * 0.45, 1, FALSE),
                          series->palette };

      g_array_append_val (b->legend, item);
    }
}

static void
layout_trend (Builder *b)
{
  ReelChartLayout *self = b->self;
  double f = b->f, u = b->u, L = b->content.x, R = b->content.x + b->content.width;
  double legend_h, tick_h, plot_top, plot_bottom = 0, ymax = 0, end_w = 0, y_label_w = 0, name_gap = u * 0.5;
  double radius = MAX (3, f * 0.3), line_w = MAX (2, f * 0.15), a = 0, plot_right = 0, x_start, x_end;
  guint first = G_MAXUINT, last = 0, max_ticks, n_labelled = 0;
  ReelScale xs = { 0 }, ys = { 0 };
  Text yticks[REEL_SCALE_MAX_TICKS] = { { 0 } };
  Text xticks[REEL_SCALE_MAX_TICKS] = { { 0 } };
  g_autofree guint *order = NULL;
  g_autofree char *unlabelled_note = NULL;
  gboolean selection_shown = FALSE;
  double year_w, last_right = -G_MAXDOUBLE;
  gboolean use_key = FALSE;

  legend_h = flow_legend (b, NAN);
  tick_h = measure_tick_height (b);
  plot_top = b->header_bottom + tick_h / 2;

  if (b->series->len == 0)
    {
      measure_footer (b, NULL);
      add_empty_message (b, b->header_bottom, b->footer_top - u * 2);
      return;
    }

  {
    Text probe = measure (b, FONT_TICK, "2000", 0, 1, FALSE);

    year_w = probe.width + u * 2;
    text_clear (&probe);
  }

  order = g_new (guint, b->series->len);
  for (guint i = 0; i < b->series->len; i++)
    {
      Series *series = &g_array_index (b->series, Series, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          Point *point = &g_array_index (series->points, Point, j);

          first = MIN (first, point->year);
          last = MAX (last, point->year);
          ymax = MAX (ymax, point->primary->value);
          if (!isnan (point->hi))
            ymax = MAX (ymax, point->hi);
        }
      if (self->selection != NULL && g_strcmp0 (series->region_id, self->selection) == 0)
        selection_shown = TRUE;

      series->value_label = measure_end_value (b, series);
      measure_end_name (b, series, b->content.width);
      series->name_width = series->name_label.width;
    }

  /* Room on the right for the labels of the lines that reach the last
   * year; a long name gives way to an ellipsis there. */
  for (guint i = 0; i < b->series->len; i++)
    {
      Series *series = &g_array_index (b->series, Series, i);

      if (g_array_index (series->points, Point, series->points->len - 1).year == last)
        end_w = MAX (end_w, MIN (series->name_width, b->content.width * 0.2) + name_gap +
                            series->value_label.width);
    }
  end_w = MIN (end_w, b->content.width * 0.4);
  /* One year: the points stand in the middle, their labels beside them. */
  if (first == last)
    end_w = 0;

  for (guint attempt = 0; attempt < 6; attempt++)
    {
      char *note = NULL;
      guint n_hidden;

      measure_footer (b, unlabelled_note);
      plot_bottom = b->footer_top - u * 2 - (legend_h > 0 ? legend_h + u * 1.6 : 0) - tick_h - u * 0.6;

      /* The y axis: ticks by the plot's height; its labels set the left. */
      max_ticks = (guint) CLAMP (floor ((plot_bottom - plot_top) / (tick_h * 2.5)) + 1, 2,
                                 REEL_SCALE_MAX_TICKS);
      reel_scale_init (&ys, 0, ymax, max_ticks, REEL_SCALE_ZERO);
      reel_scale_set_range (&ys, plot_bottom, plot_top);
      y_label_w = 0;
      for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
        text_clear (&yticks[t]);
      for (guint t = 0; t < ys.n_ticks; t++)
        {
          g_autofree char *label = format_tick (b, reel_scale_get_tick (&ys, t));

          yticks[t] = measure (b, FONT_TICK, label, 0, 1, FALSE);
          y_label_w = MAX (y_label_w, yticks[t].width);
        }

      /* The x axis: years, as many ticks as fit. */
      a = L + y_label_w + u * 0.8;
      plot_right = MAX (a + u * 4, R - end_w - radius - u * 1.2);
      x_start = a + radius + u * 0.8;
      x_end = MAX (x_start + 1, plot_right - radius - u * 0.3);
      max_ticks = (guint) CLAMP (floor ((x_end - x_start) / year_w) + 1, 2, REEL_SCALE_MAX_TICKS);
      reel_scale_init (&xs, first, last, max_ticks, REEL_SCALE_INTEGER);
      reel_scale_set_range (&xs, x_start, x_end);

      for (guint i = 0; i < b->series->len; i++)
        {
          Series *series = &g_array_index (b->series, Series, i);
          Point *point = &g_array_index (series->points, Point, series->points->len - 1);
          double room;

          for (guint j = 0; j < series->points->len; j++)
            {
              Point *p = &g_array_index (series->points, Point, j);

              p->x = reel_scale_map (&xs, p->year);
              p->y = reel_scale_map (&ys, p->primary->value);
            }

          series->label_x = point->x + radius + u * 0.8;
          room = R - series->label_x - name_gap - series->value_label.width;
          /* Measured again only to cut it, or when it was cut before. */
          if (series->name_width > room || series->name_label.width < series->name_width)
            measure_end_name (b, series, MIN (series->name_width + 1, room));
          series->label_width = series->name_label.width + name_gap + series->value_label.width;
          series->label_height = MAX (series->name_label.height, series->value_label.height);
        }

      /* Down to just above the years under the axis. */
      if (!use_key)
        {
          n_labelled = place_end_labels (b, b->header_bottom, plot_bottom + u * 0.5, order);

          /* Labels that had to travel far from their lines, or that do
           * not fit, read worse than a key: the lines get one below. */
          if (n_labelled < b->series->len || end_labels_wander (b))
            {
              use_key = TRUE;
              add_series_key (b, order);
              legend_h = flow_legend (b, NAN);
              end_w = 0;
              g_clear_pointer (&unlabelled_note, g_free);
              continue;
            }
        }
      else
        {
          n_labelled = 0;
          for (guint i = 0; i < b->series->len; i++)
            g_array_index (b->series, Series, i).labelled = FALSE;
        }

      /* Only when even the key did not fit. */
      n_hidden = use_key && legend_h == 0 ? b->series->len : 0;
      if (n_hidden > 0)
        note = g_strdup (_("The lines are not labelled for lack of room."));
      if (g_strcmp0 (note, unlabelled_note) == 0)
        {
          g_free (note);
          break;
        }
      g_free (unlabelled_note);
      unlabelled_note = note;
    }

  self->plot = (ReelChartRect) { a, plot_top, plot_right - a, MAX (0, plot_bottom - plot_top) };

  /* Too small for a plot: the header and the footer only. */
  if (plot_bottom - plot_top < tick_h * 2)
    {
      for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
        text_clear (&yticks[t]);
      return;
    }

  /* Gridlines and the zero line, with their labels. */
  for (guint t = 0; t < ys.n_ticks; t++)
    {
      double tick = reel_scale_get_tick (&ys, t);
      double y = reel_scale_map (&ys, tick);

      add_line (b, tick == 0 ? REEL_CHART_INK_BASELINE : REEL_CHART_INK_GRID, 0, a, y, plot_right, y, 1,
                REEL_CHART_DASH_SOLID);
      add_text (b, &yticks[t], a - u * 0.8 - yticks[t].width, y - yticks[t].height / 2,
                REEL_CHART_INK_DIM, REEL_CHART_TEXT_TICK);
    }

  for (guint t = 0; t < xs.n_ticks; t++)
    {
      guint year = (guint) reel_scale_get_tick (&xs, t);
      g_autofree char *label = g_strdup_printf ("%u", year);
      double x;

      /* Years are names of years, not quantities: no grouping ("2,024"). */
      xticks[t] = measure (b, FONT_TICK, label, 0, 1, FALSE);
      x = CLAMP (reel_scale_map (&xs, year) - xticks[t].width / 2, L, R - xticks[t].width);
      if (x < last_right + u * 0.5)
        continue;
      add_text (b, &xticks[t], x, plot_bottom + u * 0.6, REEL_CHART_INK_DIM, REEL_CHART_TEXT_TICK);
      last_right = x + xticks[t].width;
    }

  /* Lines: the selected one last, on top; the others faded when one is. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < b->series->len; i++)
      {
        Series *series = &g_array_index (b->series, Series, i);
        gboolean selected = self->selection != NULL && g_strcmp0 (series->region_id, self->selection) == 0;
        double alpha = selection_shown && !selected ? 0.35 : 1.0;

        if (selected != (pass == 1))
          continue;

        for (guint j = 0; j < series->points->len; j++)
          {
            Point *point = &g_array_index (series->points, Point, j);

            if (!isnan (point->lo))
              {
                double y1 = reel_scale_map (&ys, point->lo), y2 = reel_scale_map (&ys, point->hi);
                double cap = radius * 0.9;

                add_line (b, REEL_CHART_INK_REGION, series->palette, point->x, y1, point->x, y2, 1,
                          REEL_CHART_DASH_SOLID)->alpha = alpha;
                add_line (b, REEL_CHART_INK_REGION, series->palette, point->x - cap, y1, point->x + cap, y1, 1,
                          REEL_CHART_DASH_SOLID)->alpha = alpha;
                add_line (b, REEL_CHART_INK_REGION, series->palette, point->x - cap, y2, point->x + cap, y2, 1,
                          REEL_CHART_DASH_SOLID)->alpha = alpha;
              }

          }

        /* Runs of segments of one style become one stroke, which joins
         * them cleanly (and costs one stroke, not one per year). */
        for (guint j = 1; j < series->points->len;)
          {
            ReelChartDash dash = segment_dash (series, j);
            guint end = j;
            ReelChartShape *shape;

            while (end + 1 < series->points->len && segment_dash (series, end + 1) == dash)
              end++;

            shape = add_shape (b, REEL_CHART_SHAPE_PATH, REEL_CHART_INK_REGION, series->palette);
            shape->alpha = alpha;
            shape->path.width = selected ? line_w * 1.5 : line_w;
            shape->path.dash = dash;
            shape->path.n_points = end - j + 2;
            shape->path.points = g_new (double, shape->path.n_points * 2);
            for (guint k = j - 1; k <= end; k++)
              {
                Point *point = &g_array_index (series->points, Point, k);

                shape->path.points[(k - j + 1) * 2] = point->x;
                shape->path.points[(k - j + 1) * 2 + 1] = point->y;
              }
            j = end + 1;
          }

      }

  /* Marks in region and year order, whatever the drawing order. */
  for (guint i = 0; i < b->series->len; i++)
    {
      Series *series = &g_array_index (b->series, Series, i);

      for (guint j = 0; j < series->points->len; j++)
        add_point_mark (b, series, &g_array_index (series->points, Point, j), radius);
    }

  for (guint k = 0; k < b->series->len; k++)
    {
      Series *series = &g_array_index (b->series, Series, order[k]);
      Point *last_point = &g_array_index (series->points, Point, series->points->len - 1);
      double cy = series->label_y + series->label_height / 2;
      double baseline;

      if (!series->labelled)
        continue;

      /* A leader from the point when the label had to move. */
      if (fabs (cy - last_point->y) > radius)
        add_line (b, REEL_CHART_INK_REGION, series->palette, last_point->x + radius + 1, last_point->y,
                  series->label_x - u * 0.3, cy, 1, REEL_CHART_DASH_SOLID)->alpha = 0.6;

      /* A halo of the background keeps the label legible where other
       * lines pass under it. */
      add_rect (b, REEL_CHART_INK_BACKGROUND, 0, series->label_x - 2, series->label_y - 1,
                series->label_width + 4, series->label_height + 2, 3, REEL_CHART_CORNER_ALL)->alpha = 0.85;

      baseline = cy - series->name_label.height / 2 +
                 (double) pango_layout_get_baseline (series->name_label.layout) / PANGO_SCALE;
      add_text (b, &series->value_label, series->label_x + series->name_label.width + name_gap,
                baseline - (double) pango_layout_get_baseline (series->value_label.layout) / PANGO_SCALE,
                REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_VALUE);
      add_text (b, &series->name_label, series->label_x, cy - series->name_label.height / 2,
                REEL_CHART_INK_FOREGROUND, REEL_CHART_TEXT_LABEL);
    }

  /* The points last: a label may cover a line, never a figure. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < b->series->len; i++)
      {
        Series *series = &g_array_index (b->series, Series, i);
        gboolean selected = self->selection != NULL && g_strcmp0 (series->region_id, self->selection) == 0;
        double alpha = selection_shown && !selected ? 0.35 : 1.0;

        if (selected != (pass == 1))
          continue;

        /* The filled points of a line in one shape, the hollow ones in
         * another: two fills each, not two per point. */
        for (int filled = 0; filled < 2; filled++)
          {
            ReelChartShape *shape = NULL;

            for (guint j = 0; j < series->points->len; j++)
              {
                Point *point = &g_array_index (series->points, Point, j);
                gboolean hollow = (point->flags & (REEL_CHART_MARK_ESTIMATE | REEL_CHART_MARK_FORECAST |
                                                   REEL_CHART_MARK_PARTIAL)) != 0;

                if (hollow == (filled == 1))
                  continue;
                if (shape == NULL)
                  {
                    shape = add_marker (b, series->palette, point->x, point->y,
                                        selected ? radius * 1.25 : radius, filled == 1);
                    shape->alpha = alpha;
                    shape->marker.centres = g_renew (double, shape->marker.centres, series->points->len * 2);
                    continue;
                  }
                shape->marker.centres[shape->marker.n_centres * 2] = point->x;
                shape->marker.centres[shape->marker.n_centres * 2 + 1] = point->y;
                shape->marker.n_centres++;
              }
          }
      }

  for (guint t = 0; t < REEL_SCALE_MAX_TICKS; t++)
    {
      text_clear (&yticks[t]);
      text_clear (&xticks[t]);
    }

  flow_legend (b, plot_bottom + u * 0.6 + tick_h + u * 1.6);
}

/* ------------------------------------------------------------------ */
/* The text summary: the PNG's Description and the chart's accessible
 * description. */

static char *
dup_summary (Builder *b)
{
  ReelChartLayout *self = b->self;
  GString *summary = g_string_new (self->title);
  guint n = 0;

  g_string_append (summary, ". ");

  if (self->empty)
    {
      for (guint i = 0; i < self->shapes->len; i++)
        {
          ReelChartShape *shape = &g_array_index (self->shapes, ReelChartShape, i);

          if (shape->type == REEL_CHART_SHAPE_TEXT && shape->text.role == REEL_CHART_TEXT_MESSAGE)
            {
              g_string_append (summary, pango_layout_get_text (shape->text.layout));
              g_string_append (summary, ". ");
            }
        }
    }

  if (self->kind == REEL_CHART_TREND)
    {
      for (guint i = 0; i < b->series->len; i++)
        {
          Series *series = &g_array_index (b->series, Series, i);
          Point *first = &g_array_index (series->points, Point, 0);
          Point *last = &g_array_index (series->points, Point, series->points->len - 1);
          g_autofree char *first_value = format_value (b, first->primary->value, first->primary->qualifier);
          g_autofree char *last_value = format_value (b, last->primary->value, last->primary->qualifier);

          if (n++ > 0)
            g_string_append (summary, SEPARATOR_ITEMS);
          if (first == last)
            /* TRANSLATORS: in a chart's summary, "North America: $142M in 2024" */
            g_string_append_printf (summary, _("%s: %s in %u"), series->name, last_value, last->year);
          else
            /* TRANSLATORS: in a chart's summary, "North America: from $80M in 2022 to $142M in 2024" */
            g_string_append_printf (summary, _("%s: from %s in %u to %s in %u"), series->name,
                                    first_value, first->year, last_value, last->year);
        }
    }
  else
    {
      for (guint i = 0; i < self->marks->len; i++)
        {
          ReelChartMark *mark = &g_array_index (self->marks, ReelChartMark, i);
          g_autofree char *value = format_value (b, mark->value, REEL_QUALIFIER_NONE);

          if (n++ > 0)
            g_string_append (summary, SEPARATOR_ITEMS);
          if (mark->metric != NULL)
            {
              g_autofree char *metric = reel_chart_dup_metric_name (mark->metric);

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
    }
  if (n > 0)
    g_string_append (summary, ". ");

  for (guint i = 0; i < b->notes->len; i++)
    {
      g_string_append (summary, g_ptr_array_index (b->notes, i));
      g_string_append_c (summary, ' ');
    }
  g_string_append (summary, self->sources);

  while (summary->len > 0 && summary->str[summary->len - 1] == ' ')
    g_string_truncate (summary, summary->len - 1);

  return g_string_free (summary, FALSE);
}

/* ------------------------------------------------------------------ */

static PangoFontDescription *
make_font (const ReelChartTheme *theme,
           double                size,
           PangoWeight           weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  return font;
}

/* What measure() needs: the chart's own context and its fonts. */
static void
builder_init_text (Builder              *b,
                   const ReelChartTheme *theme)
{
  cairo_font_options_t *options;

  b->f = theme->font_size;
  b->u = round (theme->font_size * 0.5);

  /* The chart's own context, not a widget's: the same text must measure
   * the same in the window, the export and the tests. Unhinted outlines
   * and metrics scale exactly with the device scale, so a 2x export is the
   * 1x one with finer pixels, not a different layout. */
  b->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order (options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
  pango_cairo_context_set_font_options (b->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (b->context, 96);
  pango_context_set_round_glyph_positions (b->context, FALSE);

  b->fonts[FONT_TITLE] = make_font (theme, b->f * TITLE_SIZE, PANGO_WEIGHT_BOLD);
  b->fonts[FONT_SUBTITLE] = make_font (theme, b->f * SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  b->fonts[FONT_LABEL] = make_font (theme, b->f, PANGO_WEIGHT_NORMAL);
  b->fonts[FONT_LABEL_BOLD] = make_font (theme, b->f, PANGO_WEIGHT_BOLD);
  b->fonts[FONT_VALUE] = make_font (theme, b->f * VALUE_SIZE, PANGO_WEIGHT_BOLD);
  b->fonts[FONT_TICK] = make_font (theme, b->f * TICK_SIZE, PANGO_WEIGHT_NORMAL);
  b->fonts[FONT_HEADING] = make_font (theme, b->f * HEADING_SIZE, PANGO_WEIGHT_BOLD);
  b->fonts[FONT_LEGEND] = make_font (theme, b->f * LEGEND_SIZE, PANGO_WEIGHT_NORMAL);
  b->fonts[FONT_FOOTER] = make_font (theme, b->f * FOOTER_SIZE, PANGO_WEIGHT_NORMAL);
  b->fonts[FONT_MESSAGE] = make_font (theme, b->f * MESSAGE_SIZE, PANGO_WEIGHT_BOLD);
}

static void
builder_init (Builder         *b,
              ReelChartLayout *self)
{
  const ReelChartTheme *theme = self->theme;
  guint n_sources = reel_dataset_get_sources (self->dataset)->len;

  b->self = self;
  b->regions = reel_dataset_get_regions (self->dataset);
  b->currency = reel_dataset_get_currency (self->dataset);

  b->content.x = theme->padding_left;
  b->content.y = theme->padding_top;
  b->content.width = MAX (1, self->width - theme->padding_left - theme->padding_right);
  b->content.height = MAX (1, self->height - theme->padding_top - theme->padding_bottom);

  builder_init_text (b, theme);

  b->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (b->bars, (GDestroyNotify) bar_clear);
  b->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (b->groups, (GDestroyNotify) group_clear);
  b->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (b->series, (GDestroyNotify) series_clear);
  b->legend = g_array_new (FALSE, TRUE, sizeof (LegendItem));
  g_array_set_clear_func (b->legend, (GDestroyNotify) legend_item_clear);
  b->notes = g_ptr_array_new_with_free_func (g_free);
  b->missing = g_ptr_array_new ();
  b->source_used = g_new0 (gboolean, MAX (n_sources, 1));
  b->title_lines = 2;
  b->subtitle_lines = 3;
  b->footer_lines = FOOTER_MAX_LINES;
  b->source_order = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
builder_clear (Builder *b)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&b->fonts[i], pango_font_description_free);
  g_clear_object (&b->context);
  g_clear_pointer (&b->bars, g_array_unref);
  g_clear_pointer (&b->groups, g_array_unref);
  g_clear_pointer (&b->series, g_array_unref);
  g_clear_pointer (&b->legend, g_array_unref);
  g_clear_pointer (&b->notes, g_ptr_array_unref);
  g_clear_pointer (&b->missing, g_ptr_array_unref);
  g_clear_pointer (&b->source_used, g_free);
  g_clear_pointer (&b->source_order, g_array_unref);
  text_clear (&b->title);
  text_clear (&b->subtitle);
  text_clear (&b->footer);
  g_clear_pointer (&b->footer_text, g_free);
}

static void
build (ReelChartLayout *self)
{
  Builder b = { 0 };

  builder_init (&b, self);

  collect (&b);
  make_titles (&b);
  make_notes (&b);
  make_legend (&b);
  self->sources = dup_sources_text (&b);
  self->hatch_spacing = MAX (4, b.f * 0.45);

  fit_to_height (&b);
  add_header (&b);
  if (self->kind == REEL_CHART_TREND)
    layout_trend (&b);
  else
    layout_bars (&b);

  /* The footer as last measured, against the bottom. */
  if (b.footer.layout != NULL && pango_layout_get_character_count (b.footer.layout) > 0)
    add_text (&b, &b.footer, b.content.x, b.footer_top, REEL_CHART_INK_DIM, REEL_CHART_TEXT_FOOTER);

  self->summary = dup_summary (&b);

  builder_clear (&b);
}

static void
reel_chart_layout_finalize (GObject *object)
{
  ReelChartLayout *self = REEL_CHART_LAYOUT (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->shapes, g_array_unref);
  g_clear_pointer (&self->theme, reel_chart_theme_free);
  g_clear_pointer (&self->selection, g_free);
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
  self->shapes = g_array_new (FALSE, TRUE, sizeof (ReelChartShape));
  g_array_set_clear_func (self->shapes, (GDestroyNotify) shape_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (ReelChartMark));
  g_array_set_clear_func (self->marks, (GDestroyNotify) mark_clear);
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
 * @selection: (nullable): the id of the region to highlight
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
                       const char           *selection,
                       const ReelChartTheme *theme,
                       double                width,
                       double                height,
                       double                scale)
{
  ReelChartLayout *self;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (kind <= REEL_CHART_TREND, NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && isfinite (width) && isfinite (height), NULL);
  g_return_val_if_fail (scale > 0 && isfinite (scale), NULL);

  self = g_object_new (REEL_TYPE_CHART_LAYOUT, NULL);
  self->dataset = g_object_ref (dataset);
  self->kind = kind;
  if (kind == REEL_CHART_TREND)
    self->year = 0;
  else
    self->year = year != 0 ? year : reel_chart_layout_get_default_year (dataset, kind);
  self->selection = g_strdup (selection);
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
  Builder b = { 0 };

  g_return_if_fail (theme != NULL);

  builder_init_text (&b, theme);
  for (Font font = 0; font < N_FONTS; font++)
    {
      Text text = measure (&b, font, sample, 0, 1, FALSE);

      text_clear (&text);
    }
  builder_clear (&b);
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

/* The year shown; 0 for Trend, or when the dataset has no year at all. */
guint
reel_chart_layout_get_year (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 0);

  return self->year;
}

const char *
reel_chart_layout_get_selection (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->selection;
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
 * Returns: (nullable): the mark whose area contains (@x, @y); where areas
 * overlap (Trend's points), the one whose centre is nearest.
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

      if (!reel_chart_rect_contains (&mark->area, x, y))
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

/* Whether Growth has a bar in @year; with @reported_only, one that is
 * not computed from a forecast. */
static gboolean
growth_year_has_data (ReelDataset *dataset,
                      guint        year,
                      gboolean     reported_only)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  double percent;

  for (guint i = 0; i <= regions->len; i++)
    {
      const ReelRegion *region = i < regions->len ? g_ptr_array_index (regions, i)
                                                  : reel_dataset_get_global (dataset);

      for (guint j = 0; j < region->growth->len; j++)
        if (g_array_index (region->growth, ReelGrowth, j).year == year)
          return TRUE;
      if (reel_dataset_get_revenue_growth (region->revenue, year, &percent))
        {
          const ReelFigure *now = reel_dataset_get_primary_figure (region->revenue, year);
          const ReelFigure *before = reel_dataset_get_primary_figure (region->revenue, year - 1);

          if (!reported_only || ((now->flags | before->flags) & REEL_FIGURE_FORECAST) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
add_year (GArray *years,
          guint   year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      return;
  g_array_append_val (years, year);
}

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  guint year_a = *(const guint *) a, year_b = *(const guint *) b;

  return year_a < year_b ? -1 : year_a > year_b;
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
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *regions;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), years);

  if (kind == REEL_CHART_TREND)
    return years;

  regions = reel_dataset_get_regions (dataset);
  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      for (guint j = 0; j < region->revenue->len; j++)
        add_year (years, g_array_index (region->revenue, ReelFigure, j).year);
    }

  if (kind == REEL_CHART_GROWTH)
    {
      g_autoptr(GArray) candidates = years;

      /* A growth year is one with a reported figure or one whose revenue
       * has the year before to compare with. */
      years = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i <= regions->len; i++)
        {
          const ReelRegion *region = i < regions->len ? g_ptr_array_index (regions, i)
                                                      : reel_dataset_get_global (dataset);

          for (guint j = 0; j < region->growth->len; j++)
            add_year (years, g_array_index (region->growth, ReelGrowth, j).year);
        }
      for (guint i = 0; i < candidates->len; i++)
        if (growth_year_has_data (dataset, g_array_index (candidates, guint, i), FALSE))
          add_year (years, g_array_index (candidates, guint, i));
    }

  g_array_sort (years, compare_years);
  return years;
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
  g_autoptr(GArray) years = NULL;
  guint year;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), 0);

  switch (kind)
    {
    case REEL_CHART_TREND:
      return 0;

    case REEL_CHART_GROWTH:
      years = reel_chart_layout_list_years (dataset, kind);
      for (guint i = years->len; i-- > 0;)
        if (growth_year_has_data (dataset, g_array_index (years, guint, i), TRUE))
          return g_array_index (years, guint, i);
      if (years->len > 0)
        return g_array_index (years, guint, years->len - 1);
      return reel_dataset_get_latest_revenue_year (dataset);

    case REEL_CHART_REVENUE:
    case REEL_CHART_SHARE:
    default:
      year = reel_dataset_get_latest_revenue_year (dataset);
      if (year > 0)
        return year;
      /* Only forecasts: the latest of those. */
      years = reel_chart_layout_list_years (dataset, kind);
      return years->len > 0 ? g_array_index (years, guint, years->len - 1) : 0;
    }
}

GArray *
_reel_chart_layout_get_shapes (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), NULL);

  return self->shapes;
}

double
_reel_chart_layout_get_hatch_spacing (ReelChartLayout *self)
{
  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (self), 6);

  return self->hatch_spacing;
}

/**
 * reel_chart_dup_qualified_text:
 * @qualifier: what a source says of the value
 * @value: a formatted value, "60%" or "300 million US dollars"
 *
 * The value with its qualifier in words, as screen readers, tooltips and
 * the panels give it: "about 60%", "at least $300M". The chart's own
 * labels use the short signs instead ("≈", "≥", "≤").
 *
 * Returns: (transfer full): the text
 */
char *
reel_chart_dup_qualified_text (ReelQualifier  qualifier,
                               const char    *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch (qualifier)
    {
    case REEL_QUALIFIER_APPROX:
      /* TRANSLATORS: an approximate figure: "about 60%", "about 300 million US dollars" */
      return g_strdup_printf (_("about %s"), value);
    case REEL_QUALIFIER_AT_LEAST:
      /* TRANSLATORS: a lower bound: "at least 60%" */
      return g_strdup_printf (_("at least %s"), value);
    case REEL_QUALIFIER_AT_MOST:
      /* TRANSLATORS: an upper bound: "at most 60%" */
      return g_strdup_printf (_("at most %s"), value);
    case REEL_QUALIFIER_NONE:
    default:
      return g_strdup (value);
    }
}

/**
 * reel_chart_dup_metric_name:
 * @metric: (nullable): a growth metric's id in a dataset ("viewership")
 *
 * The name a growth metric is shown by, wherever it is shown: the chart's
 * groups, marks and summary, and the region list. The common ids have
 * translated names; any other is made readable ("paid-users" → "Paid
 * users").
 *
 * Returns: (transfer full): the name, "" for %NULL
 */
char *
reel_chart_dup_metric_name (const char *metric)
{
  static const struct {
    const char *id;
    const char *name;
  } metrics[] = {
    { "viewership", N_("Viewership") },
    { "downloads", N_("Downloads") },
    { "revenue", N_("Revenue") },
    { "users", N_("Users") },
    { "subscribers", N_("Subscribers") },
    { "installs", N_("Installs") },
    { "watch-time", N_("Watch time") },
  };
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (g_strcmp0 (metric, metrics[i].id) == 0)
      return g_strdup (_(metrics[i].name));

  /* "paid-users" → "Paid users" */
  name = g_strdup (metric != NULL ? metric : "");
  g_strdelimit (name, "-_", ' ');
  if (name[0] != '\0')
    name[0] = g_ascii_toupper (name[0]);
  return name;
}
