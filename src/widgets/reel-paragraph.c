/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-paragraph"

#include "config.h"

#include "reel-paragraph.h"

#include "reel-widget-util.h"

/* Plain text that wraps at word boundaries (else between characters), as
 * the panels show dataset text, laid out once for each width it is given.
 *
 * A wrapping GtkLabel (GTK 4.8) lays its text out anew for each size it
 * is asked: at no width for its minimum, unwrapped for its natural width,
 * at its minimum width for its minimum height, at the width for its
 * height, and again at the width it gets, to draw. Laying text out
 * (shaping it, breaking it into lines) was most of a frame that shows a
 * region's quotes and notes for the first time ("Interaction latency" in
 * tests/bench/results.md). Here the text is laid out unwrapped once, for
 * its natural width, and once at each width asked for, where it stays to
 * be drawn; its minimum width needs no layout. The layouts of the last two
 * widths (the minimum, the one it gets) are kept while the text, the line
 * height and the font (the Pango context's serial) stay the same, for
 * whenever GTK asks again; and they can be made ahead, hidden
 * (reel_paragraph_prepare()).
 *
 * Dataset text: never markup; a tab shows as a space, as it would measure
 * one width unwrapped and another wrapped. Assistive technologies are told
 * the text as the label's name. */

#define N_WRAPPED 2

typedef struct {
  int          width;     /* -1 for none */
  int          height;
  int          baseline;
  PangoLayout *layout;    /* at width, or NULL */
} Wrapped;

struct _ReelParagraph
{
  GtkWidget    parent_instance;

  char        *text;
  double       line_height;    /* a factor of the font's; 0 for the font's own */

  /* Made when first measured, in the widget's Pango context, unwrapped;
   * dropped when the widget leaves its window, whose display may lay text
   * out otherwise, or changes direction. */
  PangoLayout *layout;

  /* Valid while serial is the Pango context's (valid: serial != 0). */
  guint        serial;
  int          natural_width;
  int          natural_height;
  int          natural_baseline;
  Wrapped      wrapped[N_WRAPPED];
  guint        next_wrapped;   /* the entry to replace next */
};

G_DEFINE_FINAL_TYPE (ReelParagraph, reel_paragraph, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINE_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_sizes (ReelParagraph *self)
{
  self->serial = 0;
  for (guint i = 0; i < N_WRAPPED; i++)
    {
      self->wrapped[i].width = -1;
      g_clear_object (&self->wrapped[i].layout);
    }
  self->next_wrapped = 0;
}

static void
forget_layouts (ReelParagraph *self)
{
  forget_sizes (self);
  g_clear_object (&self->layout);
}

static void
apply_line_height (ReelParagraph *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;

  if (self->line_height > 0)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_line_height_new (self->line_height));
    }
  pango_layout_set_attributes (self->layout, attrs);
}

static void
ensure_layout (ReelParagraph *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (self->layout != NULL)
    return;

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  /* Lines on the window's start side, whichever way the text reads. */
  pango_layout_set_alignment (self->layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  apply_line_height (self);
  forget_sizes (self);
}

/* The unwrapped size, measured again once the font changed. */
static void
ensure_sizes (ReelParagraph *self)
{
  guint serial;

  ensure_layout (self);
  serial = pango_context_get_serial (pango_layout_get_context (self->layout));
  if (serial == self->serial)
    return;

  forget_sizes (self);
  pango_layout_get_pixel_size (self->layout, &self->natural_width, &self->natural_height);
  self->natural_baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (self->layout));
  /* Read again: laying out may have brought the context up to date. */
  self->serial = pango_context_get_serial (pango_layout_get_context (self->layout));
}

/* The text wrapped at @width (less than its natural width), laid out once
 * in the place of the oldest width kept. */
static Wrapped *
ensure_wrapped (ReelParagraph *self,
                int            width)
{
  Wrapped *entry;

  for (guint i = 0; i < N_WRAPPED; i++)
    if (self->wrapped[i].width == width)
      return &self->wrapped[i];

  entry = &self->wrapped[self->next_wrapped];
  self->next_wrapped = (self->next_wrapped + 1) % N_WRAPPED;
  if (entry->layout == NULL)
    entry->layout = pango_layout_copy (self->layout);
  pango_layout_set_width (entry->layout, width * PANGO_SCALE);
  entry->width = width;
  pango_layout_get_pixel_size (entry->layout, NULL, &entry->height);
  entry->baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (entry->layout));

  return entry;
}

/* The height at @width, and the baseline of its first line (in whole
 * pixels rounded up, as a GtkLabel gives it). */
static int
get_height_for_width (ReelParagraph *self,
                      int            width,
                      int           *baseline)
{
  Wrapped *entry;

  ensure_sizes (self);
  if (width < 0 || width >= self->natural_width)
    {
      *baseline = self->natural_baseline;
      return self->natural_height;
    }

  entry = ensure_wrapped (self, width);
  *baseline = entry->baseline;
  return entry->height;
}

/* The layout to draw at @width: unwrapped where the text fits. */
static PangoLayout *
get_layout_for_width (ReelParagraph *self,
                      int            width)
{
  ensure_sizes (self);
  if (width >= self->natural_width)
    return self->layout;

  return ensure_wrapped (self, width)->layout;
}

/* At the narrowest, a line's height across: a character or two a line, as
 * wrapping between characters allows, without laying the text out at no
 * width to find its widest character. */
static int
get_minimum_width (ReelParagraph *self)
{
  ensure_sizes (self);
  return MIN (self->natural_width, self->natural_height);
}

static GtkSizeRequestMode
reel_paragraph_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
reel_paragraph_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ReelParagraph *self = REEL_PARAGRAPH (widget);

  ensure_sizes (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A width for a height is not searched for: any width gives the
       * text its lines. */
      *minimum = get_minimum_width (self);
      *natural = self->natural_width;
    }
  else
    {
      int baseline;

      *minimum = *natural = get_height_for_width (self, for_size, &baseline);
      *minimum_baseline = *natural_baseline = baseline;
    }
}

static void
reel_paragraph_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ReelParagraph *self = REEL_PARAGRAPH (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  PangoLayout *layout = get_layout_for_width (self, width);
  GdkRGBA color;

  reel_widget_get_color (widget, &color);
  gtk_snapshot_save (snapshot);
  /* Unwrapped where it fits, on the window's start side. */
  if (rtl && width > self->natural_width)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - self->natural_width, 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
reel_paragraph_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous_direction)
{
  forget_layouts (REEL_PARAGRAPH (widget));

  GTK_WIDGET_CLASS (reel_paragraph_parent_class)->direction_changed (widget, previous_direction);
}

static void
reel_paragraph_unroot (GtkWidget *widget)
{
  forget_layouts (REEL_PARAGRAPH (widget));

  GTK_WIDGET_CLASS (reel_paragraph_parent_class)->unroot (widget);
}

static void
reel_paragraph_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ReelParagraph *self = REEL_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_LINE_HEIGHT:
      g_value_set_double (value, self->line_height);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_paragraph_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ReelParagraph *self = REEL_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      reel_paragraph_set_text (self, g_value_get_string (value));
      break;

    case PROP_LINE_HEIGHT:
      reel_paragraph_set_line_height (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_paragraph_finalize (GObject *object)
{
  ReelParagraph *self = REEL_PARAGRAPH (object);

  forget_layouts (self);
  g_free (self->text);

  G_OBJECT_CLASS (reel_paragraph_parent_class)->finalize (object);
}

static void
reel_paragraph_class_init (ReelParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = reel_paragraph_get_property;
  object_class->set_property = reel_paragraph_set_property;
  object_class->finalize = reel_paragraph_finalize;

  widget_class->get_request_mode = reel_paragraph_get_request_mode;
  widget_class->measure = reel_paragraph_measure;
  widget_class->snapshot = reel_paragraph_snapshot;
  widget_class->direction_changed = reel_paragraph_direction_changed;
  widget_class->unroot = reel_paragraph_unroot;

  /**
   * ReelParagraph:text:
   *
   * The text shown: plain, never markup.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelParagraph:line-height:
   *
   * The height of a line as a factor of the font's (1.35: a third more),
   * or 0 for the font's own: CSS line-height reaches a GtkLabel's text
   * only (GTK 4.8 gives other widgets no way to read it).
   */
  properties[PROP_LINE_HEIGHT] =
    g_param_spec_double ("line-height", NULL, NULL,
                         0, 10, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
reel_paragraph_init (ReelParagraph *self)
{
  self->text = g_strdup ("");
}

/**
 * reel_paragraph_new:
 * @text: (nullable): plain text, never markup
 * @css_class: (nullable): a style class to add
 */
GtkWidget *
reel_paragraph_new (const char *text,
                    const char *css_class)
{
  GtkWidget *self = g_object_new (REEL_TYPE_PARAGRAPH, NULL);

  reel_paragraph_set_text (REEL_PARAGRAPH (self), text);
  if (css_class != NULL)
    gtk_widget_add_css_class (self, css_class);

  return self;
}

const char *
reel_paragraph_get_text (ReelParagraph *self)
{
  g_return_val_if_fail (REEL_IS_PARAGRAPH (self), NULL);

  return self->text;
}

/**
 * reel_paragraph_set_text:
 * @text: (nullable): plain text, never markup
 */
void
reel_paragraph_set_text (ReelParagraph *self,
                         const char    *text)
{
  g_autofree char *spaced = NULL;

  g_return_if_fail (REEL_IS_PARAGRAPH (self));

  spaced = g_strdelimit (g_strdup (text != NULL ? text : ""), "\t", ' ');
  if (g_strcmp0 (self->text, spaced) == 0)
    return;

  g_free (self->text);
  self->text = g_steal_pointer (&spaced);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text, -1);
  forget_sizes (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

double
reel_paragraph_get_line_height (ReelParagraph *self)
{
  g_return_val_if_fail (REEL_IS_PARAGRAPH (self), 0);

  return self->line_height;
}

void
reel_paragraph_set_line_height (ReelParagraph *self,
                                double         factor)
{
  g_return_if_fail (REEL_IS_PARAGRAPH (self));
  g_return_if_fail (factor >= 0);

  if (self->line_height == factor)
    return;

  self->line_height = factor;
  if (self->layout != NULL)
    apply_line_height (self);
  forget_sizes (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_HEIGHT]);
}

/**
 * reel_paragraph_prepare:
 * @width: the width it will have, inside its margins
 *
 * Lays the text out ahead of showing it, shown or not (GTK measures no
 * hidden widget), as GTK will ask for it: at its minimum width (for its
 * minimum height) and at @width.
 */
void
reel_paragraph_prepare (ReelParagraph *self,
                        int            width)
{
  int baseline;

  g_return_if_fail (REEL_IS_PARAGRAPH (self));

  get_height_for_width (self, get_minimum_width (self), &baseline);
  get_height_for_width (self, width, &baseline);
}

/**
 * reel_paragraph_get_layout:
 * @width: a width, -1 for none
 *
 * Returns: (transfer none) (nullable): the layout the paragraph keeps for
 *   @width (unwrapped where the text fits), %NULL when it has not laid its
 *   text out for it
 */
PangoLayout *
reel_paragraph_get_layout (ReelParagraph *self,
                           int            width)
{
  g_return_val_if_fail (REEL_IS_PARAGRAPH (self), NULL);

  if (self->serial == 0)
    return NULL;
  if (width < 0 || width >= self->natural_width)
    return self->layout;

  for (guint i = 0; i < N_WRAPPED; i++)
    if (self->wrapped[i].width == width)
      return self->wrapped[i].layout;

  return NULL;
}
