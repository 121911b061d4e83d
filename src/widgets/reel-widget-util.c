/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-widget-util"

#include "config.h"

#include "reel-text-figure.h"
#include "reel-widget-util.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "reel-chart-layout.h"
#include "reel-chart-render.h"
#include "reel-chart-theme.h"
#include "reel-format.h"
#include "reel-paragraph.h"

/**
 * reel_plain_label_new:
 * @text: (nullable): plain text, never markup
 * @css_class: (nullable): a style class to add
 *
 * A left-aligned label that wraps at word boundaries, for dataset text
 * styled as only a GtkLabel can be (CSS text-transform and letter-spacing,
 * as the overview's headings have); elsewhere a ReelParagraph, which lays
 * its text out once a width.
 */
GtkWidget *
reel_plain_label_new (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  reel_label_set_plain_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/**
 * reel_label_set_plain_text:
 * @label: a label that may wrap
 * @text: (nullable): plain text, never markup
 *
 * Sets dataset text on a label, with tabs shown as spaces: a tab in a
 * wrapping label measures wider once the label wraps (GTK 4.8), and the
 * label would then overlap its neighbours.
 */
void
reel_label_set_plain_text (GtkLabel   *label,
                           const char *text)
{
  g_autofree char *spaced = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";
  if (strchr (text, '\t') != NULL)
    text = spaced = g_strdelimit (g_strdup (text), "\t", ' ');

  gtk_label_set_text (label, text);
}

/**
 * reel_widget_get_color:
 * @color: (out): the widget's CSS colour
 *
 * The colour a widget that draws its own text draws it in: GTK 4.8 has
 * only the style context to give it (gtk_widget_get_color() is 4.10's,
 * which deprecates this).
 */
void
reel_widget_get_color (GtkWidget *widget,
                       GdkRGBA   *color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/**
 * reel_widget_prepare_paragraphs:
 * @widget: a widget, shown or not
 * @width: the width its paragraphs will have, as wide as @widget; 0 or
 *   less for not known yet
 *
 * Lays out each paragraph under @widget for @width (inside its margins),
 * ahead of showing it: a paragraph keeps its sizes (ReelParagraph), so the
 * frame that first shows @widget lays none of its text out. A paragraph
 * given another width (a box's padding on the way) lays its text out
 * then, as it would have.
 */
void
reel_widget_prepare_paragraphs (GtkWidget *widget,
                                int        width)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (width <= 0)
    return;

  if (REEL_IS_PARAGRAPH (widget))
    {
      reel_paragraph_prepare (REEL_PARAGRAPH (widget),
                              width - gtk_widget_get_margin_start (widget) -
                              gtk_widget_get_margin_end (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reel_widget_prepare_paragraphs (child, width);
}

/**
 * reel_widget_set_tooltip_text:
 * @widget: a widget
 * @text: (nullable): plain text, never markup; %NULL or "" for none
 *
 * Sets a tooltip as gtk_widget_set_tooltip_text() does, without its cost
 * where nothing changes: GTK 4.8 asks the display where the pointer is
 * each time, even for the same text or a widget in no window yet, and on
 * X11 that is three round trips to the server on the frame of a click.
 */
void
reel_widget_set_tooltip_text (GtkWidget  *widget,
                              const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;

  /* No pointer can be over a widget that is not mapped (in no window, in
   * a window not shown yet, on a page not shown, or a table's cell as it is
   * made): GTK asks only about visible widgets. */
  if (!gtk_widget_get_mapped (widget) && gtk_widget_get_visible (widget))
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
      return;
    }

  gtk_widget_set_tooltip_text (widget, text);
}

void
reel_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

char *
reel_dup_qualified_share (ReelQualifier qualifier,
                          double        share)
{
  g_autofree char *value = reel_format_share (share, NULL);

  return reel_text_dup_qualified_words (qualifier, value);
}

/* The name of a region in the user's language, "World" for NULL, or the
 * id itself for an id the dataset does not know. */
char *
reel_dup_region_name (ReelDataset *dataset,
                      const char  *region_id)
{
  const ReelRegion *region;

  if (region_id == NULL)
    return g_strdup (_("World"));

  region = dataset != NULL ? reel_dataset_find_region (dataset, region_id) : NULL;
  if (region == NULL)
    return g_strdup (region_id);

  return g_strdup (reel_text_get (region->name));
}

/**
 * reel_buttons_name_by_text:
 * @box: a box of buttons with mnemonic labels
 *
 * Names each button of @box by its text alone. GTK 4.8 names a button with
 * a mnemonic label by its label property, underscore and all, and then by
 * the label widget that names it: screen readers read "_Revenue Revenue".
 * Without the property the label widget's text, "Revenue", names it.
 */
void
reel_buttons_name_by_text (GtkWidget *box)
{
  g_return_if_fail (GTK_IS_WIDGET (box));

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
destroy_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/**
 * reel_chart_texture_new:
 * @layout: a chart's layout
 *
 * The chart drawn into an image at the layout's scale factor, on the
 * theme's own background.
 *
 * Returns: (nullable) (transfer full): the image, %NULL when cairo could not
 *   make one that large
 */
GdkTexture *
reel_chart_texture_new (ReelChartLayout *layout)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ReelChartTheme) theme = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;
  int width, height;

  g_return_val_if_fail (REEL_IS_CHART_LAYOUT (layout), NULL);

  scale = reel_chart_layout_get_scale (layout);
  width = (int) ceil (reel_chart_layout_get_width (layout) * scale - 1e-6);
  height = (int) ceil (reel_chart_layout_get_height (layout) * scale - 1e-6);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not draw the chart into an image: %s",
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);

  /* An image, square: the card's corners are the window's. */
  theme = reel_chart_theme_copy (reel_chart_layout_get_theme (layout));
  theme->corner_radius = 0;
  cr = cairo_create (surface);
  reel_chart_render (layout, theme, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format (premultiplied, native
   * byte order): the texture takes the pixels as they are. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      destroy_surface, surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) cairo_image_surface_get_stride (surface));
}

static void
swatch_draw_func (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  const GdkRGBA *color = user_data;
  double radius = 3.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI_2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, radius, height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
}

/**
 * reel_swatch_new:
 *
 * A region's colour swatch, as the list and the overview show it beside
 * its name: decoration, hidden from assistive technologies, since the
 * name beside it says the region.
 */
GtkWidget *
reel_swatch_new (void)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_START);
  gtk_widget_set_margin_top (swatch, 4);
  gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return swatch;
}

void
reel_swatch_set_color (GtkWidget     *swatch,
                       const GdkRGBA *color)
{
  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_func,
                                  gdk_rgba_copy (color), (GDestroyNotify) gdk_rgba_free);
}
