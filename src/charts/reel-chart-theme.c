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

/* Okabe & Ito's colour-blind-safe set in its usual order, with a mid grey
 * in place of black, which would vanish on the dark card (DESIGN §2). */
static const guint32 okabe_ito[REEL_CHART_PALETTE_SIZE] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442, 0x8A8A8A,
};

/* The second, lighter set: Paul Tol's "light" scheme, also made for
 * colour-blind readers and for labelled marks. Tints of the first set were
 * tried and rejected: a light #0072B2 is #56B4E9's twin. The hues the first
 * set lacks (mint, pear, olive) come first, since a dataset with nine or
 * ten regions uses only the first few; Tol's pale grey is left out, as it
 * vanishes on a white card. */
static const guint32 tol_light[REEL_CHART_PALETTE_SIZE] = {
  0x44BB99, 0xBBCC33, 0x77AADD, 0xEE8866, 0xAAAA00, 0xFFAABB, 0x99DDFF, 0xEEDD88,
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
 * @index: the region's index in the dataset
 * @color: (out): its colour
 *
 * The colour of a region everywhere it is drawn: charts, the region list's
 * swatches and the panels. Independent of the theme variant.
 */
void
reel_chart_palette_get_color (guint           index,
                              ReelChartColor *color)
{
  const guint32 *set;

  g_return_if_fail (color != NULL);

  set = (index / REEL_CHART_PALETTE_SIZE) % 2 == 0 ? okabe_ito : tol_light;
  set_rgba (color, set[index % REEL_CHART_PALETTE_SIZE], 1.0);
}

ReelChartTheme *
reel_chart_theme_new (ReelChartThemeVariant variant)
{
  ReelChartTheme *theme = g_new0 (ReelChartTheme, 1);

  theme->variant = variant;
  theme->font_family = g_strdup (FONT_FAMILY);
  theme->font_size = FONT_SIZE;
  reel_chart_theme_set_padding (theme, PADDING, PADDING, PADDING, PADDING);

  /* libadwaita 1.2: card_bg_color, window_fg_color; dimmed text is the
   * foreground at 60% rather than .dim-label's 55% of it (44%), which is
   * too faint for an exported image's small print. Marks are opaque, so
   * that gridlines do not show through them and a transparent export
   * looks the same on any page. */
  switch (variant)
    {
    case REEL_CHART_THEME_DARK:
      set_rgba (&theme->background, CARD_DARK, 1.0);
      set_rgba (&theme->foreground, 0xffffff, 1.0);
      set_rgba (&theme->dim, 0xffffff, 0.6);
      set_rgba (&theme->grid, 0xffffff, 0.1);
      set_rgba (&theme->baseline, 0xffffff, 0.55);
      set_rgba (&theme->whisker, 0xffffff, 0.8);
      set_rgba (&theme->selection, 0x78aeed, 0.16);
      set_rgba (&theme->muted, 0x5e5e5e, 1.0);
      set_rgba (&theme->world, 0xdedede, 1.0);
      break;

    case REEL_CHART_THEME_LIGHT:
    default:
      set_rgba (&theme->background, CARD_LIGHT, 1.0);
      set_rgba (&theme->foreground, 0x000000, 0.8);
      set_rgba (&theme->dim, 0x000000, 0.6);
      set_rgba (&theme->grid, 0x000000, 0.08);
      set_rgba (&theme->baseline, 0x000000, 0.5);
      set_rgba (&theme->whisker, 0x000000, 0.75);
      set_rgba (&theme->selection, 0x3584e4, 0.1);
      set_rgba (&theme->muted, 0xcccccc, 1.0);
      set_rgba (&theme->world, 0x404040, 1.0);
      break;
    }

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
      break;

    case REEL_CHART_BACKGROUND_TRANSPARENT:
      set_rgba (&theme->background, 0x000000, 0.0);
      break;

    case REEL_CHART_BACKGROUND_THEME:
    default:
      set_rgba (&theme->background,
                theme->variant == REEL_CHART_THEME_DARK ? CARD_DARK : CARD_LIGHT, 1.0);
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

/* Per theme so that a future high-contrast theme may change them; the
 * palette is the same in both variants today. */
void
reel_chart_theme_get_region_color (const ReelChartTheme *theme,
                                   guint                 index,
                                   ReelChartColor       *color)
{
  g_return_if_fail (theme != NULL);
  g_return_if_fail (color != NULL);

  reel_chart_palette_get_color (index, color);
}
