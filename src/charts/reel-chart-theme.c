/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-chart-theme"

#include "config.h"

#include "reel-chart-theme.h"

G_DEFINE_BOXED_TYPE (ReelChartTheme, reel_chart_theme, reel_chart_theme_copy, reel_chart_theme_free)

/* Cantarell is GNOME's UI face; it has no Han or Arabic glyphs, so the
 * list names the faces that have them rather than leaving the choice to
 * whatever fontconfig finds first (which would differ between machines and
 * between the screen and the goldens). Noto Sans CJK SC, not JP: dataset
 * names in Chinese should get Chinese glyph shapes. */
#define FONT_FAMILY  "Cantarell, Noto Sans CJK SC, DejaVu Sans"
#define FONT_SIZE    14.0
#define PADDING      24.0

/* The chart's card as the window shows it (ui/reel-window.ui: the chart
 * fills a .card on the window's background), so that no edge shows where
 * the chart meets the card or the Table view (transparent on the card).
 * libadwaita 1.2: card_bg_color is #ffffff in light; in dark it is
 * rgba(255, 255, 255, 0.08) over window_bg_color #242424, which GTK 4.8
 * draws as #353535 with the cairo and the GL renderers (measured; 0x24 +
 * 0.08 × (0xff - 0x24) = 53.5, and cairo's 8-bit alpha, 20/255, gives
 * 53.2). tests/test-chart-view.c compares the two. */
#define CARD_LIGHT   0xffffff
#define CARD_DARK    0x353535

/* The colours of the regions, one palette per variant. No one colour
 * reaches 3:1 against both cards (WCAG 1.4.11 asks that of marks) and
 * stays apart from seven others: against white a colour needs a relative
 * luminance under 0.30, against #353535 over 0.21, and in that band most
 * of the difference left is hue, which colour-blind readers lose. So the
 * light palette is darker and the dark one lighter, each region keeping
 * its hue family: blue, rust, green, purple, cyan, rose, mustard, grey
 * (Okabe & Ito's order, from which the set started).
 *
 * tests/test-palette.c checks each against its card and each pair under
 * simulated protanopia, deuteranopia and tritanopia: the first eight are
 * apart pairwise and from the world's colour (bars sorted by value and
 * crossing lines put any two of them side by side); the second set, for the ninth to sixteenth region,
 * from its neighbours in region order. The second set is Paul Tol's
 * "light" scheme, in an order that keeps neighbours apart, and in the
 * light variant darkened (in linear light, keeping its hue) to 3.3:1. */
static const guint32 palette_light[2 * REEL_CHART_PALETTE_SIZE] = {
  0x1F56E0, 0x9A2A00, 0x00744B, 0x7B3275, 0x0095C8, 0xF52D79, 0xA88200, 0x868E92,
  0x998E56, 0x6591BD, 0xCE7557, 0x6593AB, 0x929200, 0x389D80, 0x889522, 0xBB7C89,
};

static const guint32 palette_dark[2 * REEL_CHART_PALETTE_SIZE] = {
  0xB1A8FF, 0xD37210, 0x89C787, 0x9D5EFF, 0x1C909C, 0xE5AFCB, 0xD5D800, 0x968075,
  0xEEDD88, 0x77AADD, 0xEE8866, 0x99DDFF, 0xAAAA00, 0x44BB99, 0xBBCC33, 0xFFAABB,
};

static void
set_rgba (ReelChartColor *color,
          guint32         rgb,
          double          alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

/**
 * reel_chart_palette_get_color:
 * @variant: the theme variant the colour is drawn in
 * @index: the region's index in the dataset
 * @color: (out): its colour
 *
 * The colour of a region everywhere it is drawn in @variant: charts, the
 * region list's swatches and the panels.
 */
void
reel_chart_palette_get_color (ReelChartThemeVariant  variant,
                              guint                  index,
                              ReelChartColor        *color)
{
  const guint32 *palette;

  g_return_if_fail (color != NULL);

  palette = variant == REEL_CHART_THEME_DARK ? palette_dark : palette_light;
  set_rgba (color, palette[index % G_N_ELEMENTS (palette_light)], 1.0);
}

/* The palette index of platform @index of the dataset: the second set,
 * so that an app's bar is not taken for one of the first eight regions
 * (a dataset of more regions shares those colours, as its ninth to
 * sixteenth regions do), and each app keeps its colour from year to year.
 * The set keeps neighbours in region order apart, but not every pair (its
 * two blues, its sand and olives), and the first apps of a dataset are
 * the ones shown together most: they take its most different hues first,
 * blue, salmon, teal, rose, sand. */
guint
reel_chart_platform_palette (guint index)
{
  static const guint order[REEL_CHART_PALETTE_SIZE] = { 1, 2, 5, 7, 0, 3, 4, 6 };

  return REEL_CHART_PALETTE_SIZE + order[index % REEL_CHART_PALETTE_SIZE];
}

/* How strongly the dimmed text, the lines and the selection band show the
 * foreground (or the accent) they are drawn in: the dark card needs a
 * little more of each for the same weight. Dimmed text is the foreground
 * at 60% rather than .dim-label's 55% of it (44% in light), which is too
 * faint for an exported image's small print. */
typedef struct {
  double dim;
  double grid;
  double baseline;
  double whisker;
  double selection;
} InkStrength;

static const InkStrength ink_light = { 0.6, 0.08, 0.5, 0.75, 0.1 };
static const InkStrength ink_dark = { 0.6, 0.1, 0.55, 0.8, 0.16 };

static void
set_ink (ReelChartColor       *color,
         const ReelChartColor *ink,
         double                alpha)
{
  *color = (ReelChartColor) { ink->red, ink->green, ink->blue, alpha };
}

/**
 * reel_chart_theme_set_base_colors:
 * @colors: the text, surface and accent colours where the chart is shown
 *
 * Takes @colors as the chart's foreground, background and accent, and
 * derives from them the dimmed text, gridlines, zero line, range lines and
 * the selection band. The window passes its style's, so that a newer
 * libadwaita, high contrast and accent colours are followed; the variant's
 * own are libadwaita 1.2's.
 */
void
reel_chart_theme_set_base_colors (ReelChartTheme            *theme,
                                  const ReelChartBaseColors *colors)
{
  const InkStrength *ink;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (colors != NULL);

  ink = theme->variant == REEL_CHART_THEME_DARK ? &ink_dark : &ink_light;
  theme->foreground = colors->foreground;
  theme->background = colors->background;
  theme->surface = colors->background;
  set_ink (&theme->dim, &colors->foreground, ink->dim);
  set_ink (&theme->grid, &colors->foreground, ink->grid);
  set_ink (&theme->baseline, &colors->foreground, ink->baseline);
  set_ink (&theme->whisker, &colors->foreground, ink->whisker);
  set_ink (&theme->selection, &colors->accent, ink->selection);
}

/* libadwaita 1.2's card_bg_color (see CARD_LIGHT), card_fg_color and
 * accent_color. */
static void
get_variant_base_colors (ReelChartThemeVariant  variant,
                         ReelChartBaseColors   *colors)
{
  gboolean dark = variant == REEL_CHART_THEME_DARK;

  set_rgba (&colors->background, dark ? CARD_DARK : CARD_LIGHT, 1.0);
  set_rgba (&colors->foreground, dark ? 0xffffff : 0x000000, dark ? 1.0 : 0.8);
  set_rgba (&colors->accent, dark ? 0x78aeed : 0x1c71d8, 1.0);
}

ReelChartTheme *
reel_chart_theme_new (ReelChartThemeVariant variant)
{
  ReelChartTheme *theme = g_new0 (ReelChartTheme, 1);
  ReelChartBaseColors base_colors;

  theme->variant = variant;
  theme->font_family = g_strdup (FONT_FAMILY);
  theme->font_size = FONT_SIZE;
  reel_chart_theme_set_padding (theme, PADDING, PADDING, PADDING, PADDING);

  get_variant_base_colors (variant, &base_colors);
  reel_chart_theme_set_base_colors (theme, &base_colors);

  /* Marks are opaque, so that gridlines do not show through them and a
   * transparent export looks the same on any page. The world is drawn in
   * the darkest (or, on the dark card, the lightest) neutral, at 3:1 on
   * the card and apart from every region (tests/test-palette.c). The
   * muted grey is the map's land without a figure and "Rest of world":
   * background more than mark, named wherever it is drawn, and under 3:1
   * on purpose, so that the regions' colours stand out from it. */
  set_rgba (&theme->muted, variant == REEL_CHART_THEME_DARK ? 0x5e5e5e : 0xcccccc, 1.0);
  set_rgba (&theme->world, variant == REEL_CHART_THEME_DARK ? 0xffffff : 0x404040, 1.0);

  return theme;
}

ReelChartTheme *
reel_chart_theme_copy (const ReelChartTheme *theme)
{
  ReelChartTheme *copy;

  g_return_val_if_fail (theme != NULL, NULL);

  copy = g_memdup2 (theme, sizeof *theme);
  copy->font_family = g_strdup (theme->font_family);

  return copy;
}

void
reel_chart_theme_free (ReelChartTheme *theme)
{
  if (theme == NULL)
    return;

  g_free (theme->font_family);
  g_free (theme);
}

/* What is behind the chart: the theme's card, white paper, or nothing (an
 * image to place on a page of its own colour). White under the dark
 * variant is allowed but leaves white text on white. */
void
reel_chart_theme_set_background (ReelChartTheme      *theme,
                                 ReelChartBackground  background)
{
  g_return_if_fail (theme != NULL);

  switch (background)
    {
    case REEL_CHART_BACKGROUND_WHITE:
      set_rgba (&theme->background, 0xffffff, 1.0);
      theme->surface = theme->background;
      break;

    case REEL_CHART_BACKGROUND_TRANSPARENT:
      /* Borders keep the card's colour: drawn in no colour at all, the
       * countries of a map would run into each other. */
      set_rgba (&theme->background, 0x000000, 0.0);
      break;

    case REEL_CHART_BACKGROUND_THEME:
    default:
      {
        ReelChartBaseColors base_colors;

        get_variant_base_colors (theme->variant, &base_colors);
        theme->background = base_colors.background;
        theme->surface = base_colors.background;
      }
      break;
    }
}

void
reel_chart_theme_set_padding (ReelChartTheme *theme,
                              double          top,
                              double          right,
                              double          bottom,
                              double          left)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  theme->padding_top = top;
  theme->padding_right = right;
  theme->padding_bottom = bottom;
  theme->padding_left = left;
}

/* The region's colour in the theme's variant. */
void
reel_chart_theme_get_region_color (const ReelChartTheme *theme,
                                   guint                 index,
                                   ReelChartColor       *color)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  reel_chart_palette_get_color (theme->variant, index, color);
}
