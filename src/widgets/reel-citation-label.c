/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-citation-label"

#include "config.h"

#include "reel-citation-label.h"

#include "reel-widget-util.h"

/* One line of plain text in two parts, as a source link cites a source:
 * the head ("China Innovation Watch (DataEye data)") gives way at its end
 * when the line is too narrow, and the tail (", 24 Apr 2025") always
 * shows, right after the ellipsis. Two ellipsizing GtkLabels side by side
 * would leave between them whatever width the ellipsis did not use; one
 * GtkLabel ellipsized in the middle cuts the head in two instead. Pango's
 * own ellipsis would leave that gap too (1.50 stretches it to the width
 * given, on the text's side in right-to-left text), so the head is cut
 * here: the longest start of it that fits with "…", without the spaces
 * before the cut.
 *
 * It measures and draws two Pango layouts of the widget's own font, and
 * tells assistive technologies the whole line. Dataset text: never markup,
 * and one paragraph (a line break shows as a glyph). An end widget (a
 * link's icon) follows the text, wherever the ellipsis left it. */

#define END_SPACING 4

struct _ReelCitationLabel
{
  GtkWidget    parent_instance;

  char        *head;
  char        *tail;
  GtkWidget   *end;     /* nullable */

  /* Made when first measured, in the widget's Pango context, which
   * restyling changes in place (a new font lays them out anew) and another
   * window replaces. */
  PangoLayout *full_layout;    /* the whole head */
  PangoLayout *head_layout;    /* the head as shown, cut to cut_width */
  PangoLayout *tail_layout;
  PangoLayout *ellipsis_layout;
  int          cut_width;      /* -1 for none yet */
  guint        cut_serial;     /* of the Pango context then: a new font cuts anew */
};

G_DEFINE_FINAL_TYPE (ReelCitationLabel, reel_citation_label, GTK_TYPE_WIDGET)

static PangoLayout *
create_layout (ReelCitationLabel *self,
               const char        *text)
{
  g_autofree char *spaced = g_strdup (text);
  PangoLayout *layout;

  /* A tab measures one width here and another once drawn elsewhere. */
  g_strdelimit (spaced, "\t", ' ');
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), spaced);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* Whether the citation reads right to left: as the first line of its
 * head does (which follows its first letter, else the window). */
static gboolean
is_rtl (ReelCitationLabel *self)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (self->full_layout, 0);

  return line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
}

static void
ensure_layouts (ReelCitationLabel *self)
{
  g_autofree char *tail = NULL;

  if (self->full_layout != NULL)
    return;

  self->full_layout = create_layout (self, self->head);
  self->head_layout = create_layout (self, self->head);
  self->cut_width = -1;

  /* On its own the tail would take the direction of its first letter (a
   * Hebrew month name), not the citation's: a mark gives it that. */
  tail = g_strconcat (is_rtl (self) ? "\u200F" : "\u200E", self->tail, NULL);
  self->tail_layout = create_layout (self, tail);
  self->ellipsis_layout = create_layout (self, "…");
}

static void
clear_layouts (ReelCitationLabel *self)
{
  g_clear_object (&self->full_layout);
  g_clear_object (&self->head_layout);
  g_clear_object (&self->tail_layout);
  g_clear_object (&self->ellipsis_layout);
}

static int
get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* The start of the head up to @n_chars characters, without the spaces
 * before the cut, and an ellipsis. */
static char *
dup_cut_head (ReelCitationLabel *self,
              glong              n_chars)
{
  const char *head = pango_layout_get_text (self->full_layout);
  g_autofree char *start = g_strndup (head, g_utf8_offset_to_pointer (head, n_chars) - head);

  return g_strconcat (g_strchomp (start), "…", NULL);
}

/* Lays the head out into what @width leaves beside the tail and returns
 * how wide it is: whole if it fits, else its longest start (at a cursor
 * position) that fits with an ellipsis, or the ellipsis alone. */
static int
place_head (ReelCitationLabel *self,
            int                width)
{
  guint serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  const PangoLogAttr *attrs;
  g_autoptr(GArray) cuts = NULL;
  g_autofree char *shown = NULL;
  int available, n_attrs, low, high;

  ensure_layouts (self);
  available = MAX (0, width - get_width (self->tail_layout));
  if (available == self->cut_width && serial == self->cut_serial)
    return get_width (self->head_layout);

  self->cut_width = available;
  self->cut_serial = serial;
  if (get_width (self->full_layout) <= available)
    {
      pango_layout_set_text (self->head_layout, pango_layout_get_text (self->full_layout), -1);
      return get_width (self->head_layout);
    }

  /* The longest start that fits, by halves over the cursor positions:
   * cuts[low] fits (cuts[0], nothing but the ellipsis, is shown even when
   * it does not), the whole head (past the last cut) does not. */
  attrs = pango_layout_get_log_attrs_readonly (self->full_layout, &n_attrs);
  cuts = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < n_attrs - 1; i++)
    if (i == 0 || attrs[i].is_cursor_position)
      g_array_append_val (cuts, i);
  low = 0;
  high = cuts->len;
  while (high - low > 1)
    {
      int middle = (low + high) / 2;
      g_autofree char *text = dup_cut_head (self, g_array_index (cuts, int, middle));

      pango_layout_set_text (self->head_layout, text, -1);
      if (get_width (self->head_layout) <= available)
        low = middle;
      else
        high = middle;
    }

  shown = dup_cut_head (self, g_array_index (cuts, int, low));
  pango_layout_set_text (self->head_layout, shown, -1);
  return get_width (self->head_layout);
}

/* The width the text has in @width, beside the end widget. */
static int
get_text_width (ReelCitationLabel *self,
                int                width)
{
  int end_width = 0;

  if (self->end == NULL)
    return width;

  gtk_widget_measure (self->end, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &end_width, NULL, NULL);
  return MAX (0, width - end_width - END_SPACING);
}

static int
get_text_height (ReelCitationLabel *self,
                 int               *baseline)
{
  int height;

  ensure_layouts (self);
  pango_layout_get_pixel_size (self->tail_layout, NULL, &height);
  if (baseline != NULL)
    *baseline = pango_layout_get_baseline (self->tail_layout) / PANGO_SCALE;

  return height;
}

static void
reel_citation_label_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  ReelCitationLabel *self = REEL_CITATION_LABEL (widget);

  ensure_layouts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int tail_width = get_width (self->tail_layout);
      int head_width;

      head_width = get_width (self->full_layout);

      /* At the narrowest, an ellipsis and the tail. */
      *minimum = MIN (head_width, get_width (self->ellipsis_layout)) + tail_width;
      *natural = head_width + tail_width;
      if (self->end != NULL)
        {
          int end_minimum, end_natural;

          gtk_widget_measure (self->end, orientation, -1, &end_minimum, &end_natural, NULL, NULL);
          *minimum += END_SPACING + end_minimum;
          *natural += END_SPACING + end_natural;
        }
    }
  else
    {
      int baseline, height = get_text_height (self, &baseline);
      int end_height = 0;

      if (self->end != NULL)
        gtk_widget_measure (self->end, orientation, -1, NULL, &end_height, NULL, NULL);

      /* Both centred on the line. */
      *minimum = *natural = MAX (height, end_height);
      *minimum_baseline = *natural_baseline = (*natural - height) / 2 + baseline;
    }
}

typedef struct {
  int head_x;
  int tail_x;
  int end_x;
} Placement;

/* Where the parts go in @width: the text on the window's start side, its
 * head and tail in the citation's own order, and the end widget after the
 * text in the window's. */
static void
place (ReelCitationLabel *self,
       int                width,
       int                end_width,
       Placement         *placement)
{
  gboolean window_rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int head_width = place_head (self, get_text_width (self, width));
  int tail_width = get_width (self->tail_layout);
  int text_x = window_rtl ? width - head_width - tail_width : 0;

  if (is_rtl (self))
    {
      placement->tail_x = text_x;
      placement->head_x = text_x + tail_width;
    }
  else
    {
      placement->head_x = text_x;
      placement->tail_x = text_x + head_width;
    }
  placement->end_x = window_rtl ? text_x - END_SPACING - end_width
                                : text_x + head_width + tail_width + END_SPACING;
}

static void
reel_citation_label_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  ReelCitationLabel *self = REEL_CITATION_LABEL (widget);
  int end_width, end_height;
  Placement placement;

  if (self->end == NULL)
    return;

  gtk_widget_measure (self->end, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &end_width, NULL, NULL);
  gtk_widget_measure (self->end, GTK_ORIENTATION_VERTICAL, end_width, NULL, &end_height, NULL, NULL);
  place (self, width, end_width, &placement);
  gtk_widget_size_allocate (self->end,
                            &(GtkAllocation) { placement.end_x, (height - end_height) / 2,
                                               end_width, end_height },
                            -1);
}

static void
reel_citation_label_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ReelCitationLabel *self = REEL_CITATION_LABEL (widget);
  int y = (gtk_widget_get_height (widget) - get_text_height (self, NULL)) / 2;
  Placement placement;
  GdkRGBA color;

  reel_widget_get_color (widget, &color);

  place (self, gtk_widget_get_width (widget), 0, &placement);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (placement.head_x, y));
  gtk_snapshot_append_layout (snapshot, self->head_layout, &color);
  gtk_snapshot_restore (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (placement.tail_x, y));
  gtk_snapshot_append_layout (snapshot, self->tail_layout, &color);
  gtk_snapshot_restore (snapshot);

  if (self->end != NULL)
    gtk_widget_snapshot_child (widget, self->end, snapshot);
}

static void
reel_citation_label_unroot (GtkWidget *widget)
{
  clear_layouts (REEL_CITATION_LABEL (widget));

  GTK_WIDGET_CLASS (reel_citation_label_parent_class)->unroot (widget);
}

static void
reel_citation_label_dispose (GObject *object)
{
  ReelCitationLabel *self = REEL_CITATION_LABEL (object);

  g_clear_pointer (&self->end, gtk_widget_unparent);

  G_OBJECT_CLASS (reel_citation_label_parent_class)->dispose (object);
}

static void
reel_citation_label_finalize (GObject *object)
{
  ReelCitationLabel *self = REEL_CITATION_LABEL (object);

  clear_layouts (self);
  g_free (self->head);
  g_free (self->tail);

  G_OBJECT_CLASS (reel_citation_label_parent_class)->finalize (object);
}

static void
reel_citation_label_class_init (ReelCitationLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_citation_label_dispose;
  object_class->finalize = reel_citation_label_finalize;

  widget_class->measure = reel_citation_label_measure;
  widget_class->size_allocate = reel_citation_label_size_allocate;
  widget_class->snapshot = reel_citation_label_snapshot;
  widget_class->unroot = reel_citation_label_unroot;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
reel_citation_label_init (ReelCitationLabel *self)
{
}

/**
 * reel_citation_label_new:
 * @head: plain text that gives way at its end
 * @tail: plain text that always shows after it
 */
GtkWidget *
reel_citation_label_new (const char *head,
                         const char *tail)
{
  ReelCitationLabel *self;
  g_autofree char *line = NULL;

  g_return_val_if_fail (head != NULL, NULL);
  g_return_val_if_fail (tail != NULL, NULL);

  self = g_object_new (REEL_TYPE_CITATION_LABEL, NULL);
  self->head = g_strdup (head);
  self->tail = g_strdup (tail);

  line = g_strconcat (head, tail, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, line,
                                  -1);

  return GTK_WIDGET (self);
}

/**
 * reel_citation_label_set_end_widget:
 * @widget: (transfer none): shown after the text, 4 pixels from its end
 *
 * Sets the widget that follows the text (once; a link's icon).
 */
void
reel_citation_label_set_end_widget (ReelCitationLabel *self,
                                    GtkWidget         *widget)
{
  g_return_if_fail (REEL_IS_CITATION_LABEL (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (self->end == NULL);

  self->end = widget;
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
}

const char *
reel_citation_label_get_head (ReelCitationLabel *self)
{
  g_return_val_if_fail (REEL_IS_CITATION_LABEL (self), NULL);

  return self->head;
}

const char *
reel_citation_label_get_tail (ReelCitationLabel *self)
{
  g_return_val_if_fail (REEL_IS_CITATION_LABEL (self), NULL);

  return self->tail;
}
