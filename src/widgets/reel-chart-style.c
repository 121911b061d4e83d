/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-style"

#include "config.h"

#include "reel-chart-style.h"

/* GTK 4.8 gives a widget's colour and the stylesheet's named colours only
 * through its style context (gtk_widget_get_color() is 4.10's, which
 * deprecates these; GDK_VERSION_MIN_REQUIRED 4.8 keeps newer GTKs quiet
 * about them). The named colours are libadwaita's, which every version
 * since 1.0 defines, high contrast included. */

static void
set_color (ReelChartColor *color,
           const GdkRGBA  *rgba)
{
  *color = (ReelChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* @over drawn on the opaque @under, as the window shows it. */
static void
set_composite (ReelChartColor *color,
               const GdkRGBA  *over,
               const GdkRGBA  *under)
{
  double alpha = over->alpha;

  *color = (ReelChartColor) {
    over->red * alpha + under->red * (1 - alpha),
    over->green * alpha + under->green * (1 - alpha),
    over->blue * alpha + under->blue * (1 - alpha),
    1.0,
  };
}

/**
 * reel_chart_style_get_base_colors:
 * @widget: the chart's widget, on a .card (ui/reel-window.ui)
 * @colors: (out): its colours
 *
 * The foreground is @widget's own CSS colour; the background is
 * libadwaita's card colour over the window's (the card is translucent in
 * dark styles, and the chart paints an opaque background so that no edge
 * shows where it meets the card); the accent is libadwaita's accent_color,
 * the accent meant to be read against the window's background.
 *
 * Returns: %FALSE when the style has no libadwaita colours
 */
gboolean
reel_chart_style_get_base_colors (GtkWidget           *widget,
                                  ReelChartBaseColors *colors)
{
  GtkStyleContext *context;
  GdkRGBA foreground, card, window, accent;
  gboolean found;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (colors != NULL, FALSE);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &foreground);
  found = gtk_style_context_lookup_color (context, "card_bg_color", &card) &&
          gtk_style_context_lookup_color (context, "window_bg_color", &window) &&
          gtk_style_context_lookup_color (context, "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!found)
    return FALSE;

  set_color (&colors->foreground, &foreground);
  set_composite (&colors->background, &card, &window);
  set_color (&colors->accent, &accent);

  return TRUE;
}
