/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "reel-chart-types.h"

G_BEGIN_DECLS

/* Colours and type of a chart. The light and dark variants follow
 * libadwaita 1.2's palettes: a chart sits on a card (#ffffff / #353535),
 * with the foreground and dimmed text of the labels around it. The window
 * replaces those with the colours of its own style (ReelChartBaseColors);
 * exports keep them. Region colours are one palette per variant, in region
 * order, so that a region keeps its colour in every chart, the list and
 * the panels (DESIGN §2). */

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} ReelChartColor;

/* The first set has eight colours; a second set follows for the ninth to
 * sixteenth region, then the colours repeat. */
#define REEL_CHART_PALETTE_SIZE 8

/* What a chart takes from where it is shown: its text, the opaque surface
 * under it and the accent. The other colours of the text and lines (dimmed
 * text, gridlines, the selection band) derive from them. */
typedef struct {
  ReelChartColor foreground;
  ReelChartColor background;
  ReelChartColor accent;
} ReelChartBaseColors;

struct _ReelChartTheme {
  ReelChartThemeVariant variant;

  ReelChartColor background;     /* painted behind the chart; alpha 0 paints nothing */
  ReelChartColor surface;        /* what parts marks: borders between countries, halos behind
                                  * labels; the background, or the card's where that is clear */
  ReelChartColor foreground;     /* title, labels, values */
  ReelChartColor dim;            /* subtitle, ticks, notes, sources */
  ReelChartColor grid;           /* gridlines */
  ReelChartColor baseline;       /* the zero line */
  ReelChartColor whisker;        /* ranges of other sources */
  ReelChartColor selection;      /* the band behind the selected region */
  ReelChartColor muted;          /* "Rest of world" */
  ReelChartColor world;          /* the world's own marks */

  char          *font_family;    /* a Pango family list: UI face, then CJK and other scripts */
  double         font_size;      /* of labels, in logical pixels; other text is sized from it */
  double         padding_top;    /* from the edges to the title and the source line */
  double         padding_right;
  double         padding_bottom;
  double         padding_left;
  double         header_inset;   /* kept clear at the right of the title and subtitle, within the
                                  * padding: the window's Chart/Table switch sits there; 0 in exports */
  double         corner_radius;  /* of the background's corners: the window's card's; 0 in exports */
};

#define REEL_TYPE_CHART_THEME (reel_chart_theme_get_type ())

GType           reel_chart_theme_get_type         (void) G_GNUC_CONST;
ReelChartTheme *reel_chart_theme_new              (ReelChartThemeVariant      variant);
ReelChartTheme *reel_chart_theme_copy             (const ReelChartTheme      *theme);
void            reel_chart_theme_free             (ReelChartTheme            *theme);
void            reel_chart_theme_set_background   (ReelChartTheme            *theme,
                                                   ReelChartBackground        background);
void            reel_chart_theme_set_padding      (ReelChartTheme            *theme,
                                                   double                     top,
                                                   double                     right,
                                                   double                     bottom,
                                                   double                     left);
void            reel_chart_theme_set_base_colors  (ReelChartTheme            *theme,
                                                   const ReelChartBaseColors *colors);
void            reel_chart_theme_get_region_color (const ReelChartTheme      *theme,
                                                   guint                      index,
                                                   ReelChartColor            *color);
guint           reel_chart_platform_palette       (guint                      index);
void            reel_chart_palette_get_color      (ReelChartThemeVariant      variant,
                                                   guint                      index,
                                                   ReelChartColor            *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelChartTheme, reel_chart_theme_free)

G_END_DECLS
