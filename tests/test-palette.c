/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "reel-chart-theme.h"

/* The region palettes (DESIGN §2): each colour reaches 3:1 against its
 * variant's card, and regions that may sit side by side stay apart for
 * readers with each kind of dichromacy.
 *
 * Contrast is WCAG 2's: relative luminance from linearised sRGB, (L1 +
 * 0.05) / (L2 + 0.05), at least 3:1 for graphical objects (SC 1.4.11).
 *
 * Colour blindness is simulated with the matrices of Machado, Oliveira and
 * Fernandes, "A Physiologically-based Model for Simulation of Color Vision
 * Deficiency", IEEE TVCG 15(6), 2009, at severity 1.0 (full dichromacy),
 * applied to linear RGB as in the paper. Differences are CIEDE2000 (Sharma,
 * Wu and Dalal, "The CIEDE2000 Color-Difference Formula: Implementation
 * Notes, Supplementary Test Data, and Mathematical Observations", Color
 * Research & Application 30(1), 2005), in CIELAB under D65; the test data
 * of that paper checks the formula below.
 *
 * The threshold, 13: a CIEDE2000 difference of about 1 is just noticeable
 * between large patches side by side, but marks a few pixels wide and apart
 * from each other need several times more (Stone, Szafir and Setlur, "An
 * Engineering Model for Color Difference as a Function of Size", Color and
 * Imaging Conference 2014). Readers found Latin America's orange and South
 * Asia's vermilion of the former palette hard to tell apart in the charts;
 * under deuteranopia those two are 12.5 apart, so the threshold is above
 * that; 13 is also what eight colours within the contrast band of both
 * cards could reach while keeping their hues (the palettes reach 14 and 16
 * at their closest pair). */

#define MIN_CONTRAST    3.0
#define MIN_DIFFERENCE  13.0

typedef enum {
  VISION_NORMAL,
  VISION_PROTANOPIA,
  VISION_DEUTERANOPIA,
  VISION_TRITANOPIA,
  N_VISIONS
} Vision;

static const char * const vision_names[N_VISIONS] = {
  "normal vision", "protanopia", "deuteranopia", "tritanopia",
};

/* Machado et al. 2009, table of severity 1.0. */
static const double vision_matrices[N_VISIONS][3][3] = {
  { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
    { -0.003882, -0.048116, 1.051998 } },
  { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 } },
  { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 },
    { 0.004733, 0.691367, 0.303900 } },
};

typedef struct {
  double l;
  double a;
  double b;
} Lab;

static double
linearise (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static void
get_linear_rgb (const ReelChartColor *color,
                double                rgb[3])
{
  rgb[0] = linearise (color->red);
  rgb[1] = linearise (color->green);
  rgb[2] = linearise (color->blue);
}

static double
get_relative_luminance (const ReelChartColor *color)
{
  double rgb[3];

  get_linear_rgb (color, rgb);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
get_contrast (const ReelChartColor *a,
              const ReelChartColor *b)
{
  double la = get_relative_luminance (a), lb = get_relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16) / 116;
}

/* Linear sRGB to CIELAB, D65 white. */
static Lab
linear_rgb_to_lab (const double rgb[3])
{
  double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
  double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
  double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
  double fx = lab_f (x / 0.95047), fy = lab_f (y), fz = lab_f (z / 1.08883);

  return (Lab) { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
}

/* The colour as a reader with @vision sees it, in CIELAB. */
static Lab
simulate (const ReelChartColor *color,
          Vision                vision)
{
  double rgb[3], seen[3];

  get_linear_rgb (color, rgb);
  for (guint i = 0; i < 3; i++)
    {
      const double *row = vision_matrices[vision][i];

      seen[i] = CLAMP (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2], 0, 1);
    }

  return linear_rgb_to_lab (seen);
}

static double
degrees (double radians)
{
  return radians * 180 / G_PI;
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180;
}

/* The hue angle in degrees, 0 for a neutral colour. */
static double
get_hue (double a,
         double b)
{
  double hue;

  if (a == 0 && b == 0)
    return 0;
  hue = degrees (atan2 (b, a));
  return hue < 0 ? hue + 360 : hue;
}

/* Sharma, Wu and Dalal 2005, equations 1 to 22, with kL = kC = kH = 1. */
static double
ciede2000 (const Lab *lab1,
           const Lab *lab2)
{
  double c_mean = (hypot (lab1->a, lab1->b) + hypot (lab2->a, lab2->b)) / 2;
  double g = 0.5 * (1 - sqrt (pow (c_mean, 7) / (pow (c_mean, 7) + pow (25, 7))));
  double a1 = (1 + g) * lab1->a, a2 = (1 + g) * lab2->a;
  double c1 = hypot (a1, lab1->b), c2 = hypot (a2, lab2->b);
  double h1 = get_hue (a1, lab1->b), h2 = get_hue (a2, lab2->b);
  double dl = lab2->l - lab1->l, dc = c2 - c1, dh = 0, h_mean = h1 + h2;
  double l_mean = (lab1->l + lab2->l) / 2, c_prime_mean = (c1 + c2) / 2;
  double t, d_theta, rc, sl, sc, sh, rt;

  if (c1 * c2 != 0)
    {
      dh = h2 - h1;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;

      if (fabs (h1 - h2) <= 180)
        h_mean = (h1 + h2) / 2;
      else
        h_mean = (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2;
    }
  dh = 2 * sqrt (c1 * c2) * sin (radians (dh / 2));

  t = 1 - 0.17 * cos (radians (h_mean - 30)) + 0.24 * cos (radians (2 * h_mean)) +
      0.32 * cos (radians (3 * h_mean + 6)) - 0.20 * cos (radians (4 * h_mean - 63));
  d_theta = 30 * exp (-pow ((h_mean - 275) / 25, 2));
  rc = 2 * sqrt (pow (c_prime_mean, 7) / (pow (c_prime_mean, 7) + pow (25, 7)));
  sl = 1 + 0.015 * pow (l_mean - 50, 2) / sqrt (20 + pow (l_mean - 50, 2));
  sc = 1 + 0.045 * c_prime_mean;
  sh = 1 + 0.015 * c_prime_mean * t;
  rt = -sin (radians (2 * d_theta)) * rc;

  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dh / sh, 2) + rt * (dc / sc) * (dh / sh));
}

/* Pairs of Sharma et al.'s test data (table 1) and their differences. */
static void
test_palette_ciede2000 (void)
{
  const struct {
    Lab    lab1;
    Lab    lab2;
    double difference;
  } cases[] = {
    { { 50, 2.6772, -79.7751 }, { 50, 0, -82.7485 }, 2.0425 },
    { { 50, -1.3802, -84.2814 }, { 50, 0, -82.7485 }, 1.0000 },
    { { 50, 0, 0 }, { 50, -1, 2 }, 2.3669 },
    { { 50, 2.49, -0.001 }, { 50, -2.49, 0.0011 }, 7.2195 },
    { { 50, 2.5, 0 }, { 73, 25, -18 }, 27.1492 },
    { { 60.2574, -34.0099, 36.2677 }, { 60.4626, -34.1751, 39.4387 }, 1.2644 },
    { { 22.7233, 20.0904, -46.694 }, { 23.0331, 14.973, -42.5619 }, 2.0373 },
    { { 90.9257, -0.5406, -0.9208 }, { 88.6381, -0.8985, -0.7239 }, 1.5381 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpfloat_with_epsilon (ciede2000 (&cases[i].lab1, &cases[i].lab2),
                                      cases[i].difference, 1e-4);
      g_assert_cmpfloat_with_epsilon (ciede2000 (&cases[i].lab2, &cases[i].lab1),
                                      cases[i].difference, 1e-4);
    }
}

/* The simulations keep grey grey and change what they should: full red
 * and full green look alike to a deuteranope, not to a tritanope. */
static void
test_palette_simulation (void)
{
  const ReelChartColor grey = { 0.5, 0.5, 0.5, 1 };
  const ReelChartColor red = { 0.8, 0.2, 0.1, 1 }, green = { 0.45, 0.5, 0.1, 1 };
  Lab normal = simulate (&grey, VISION_NORMAL);

  for (Vision vision = VISION_PROTANOPIA; vision < N_VISIONS; vision++)
    {
      Lab seen = simulate (&grey, vision);

      g_assert_cmpfloat (ciede2000 (&normal, &seen), <, 1.0);
    }

  {
    Lab red_deutan = simulate (&red, VISION_DEUTERANOPIA);
    Lab green_deutan = simulate (&green, VISION_DEUTERANOPIA);
    Lab red_tritan = simulate (&red, VISION_TRITANOPIA);
    Lab green_tritan = simulate (&green, VISION_TRITANOPIA);

    g_assert_cmpfloat (ciede2000 (&red_deutan, &green_deutan), <,
                       ciede2000 (&red_tritan, &green_tritan) / 2);
  }
}

static const char *
variant_name (ReelChartThemeVariant variant)
{
  return variant == REEL_CHART_THEME_DARK ? "dark" : "light";
}

/* Every region colour, in both sets, against the variant's own card. */
static void
test_palette_contrast (void)
{
  guint n_failed = 0;

  for (ReelChartThemeVariant variant = REEL_CHART_THEME_LIGHT; variant <= REEL_CHART_THEME_DARK;
       variant++)
    {
      g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (variant);

      for (guint i = 0; i < 2 * REEL_CHART_PALETTE_SIZE; i++)
        {
          ReelChartColor color;
          double contrast;

          reel_chart_theme_get_region_color (theme, i, &color);
          contrast = get_contrast (&color, &theme->background);
          if (contrast < MIN_CONTRAST)
            {
              g_test_message ("%s: region %u is %.2f:1 against the card", variant_name (variant),
                              i, contrast);
              n_failed++;
            }
        }
    }

  g_assert_cmpuint (n_failed, ==, 0);
}

static guint
count_close (const char           *what,
             const ReelChartColor *color_a,
             const ReelChartColor *color_b)
{
  guint n_close = 0;

  for (Vision vision = VISION_NORMAL; vision < N_VISIONS; vision++)
    {
      Lab lab_a = simulate (color_a, vision), lab_b = simulate (color_b, vision);
      double difference = ciede2000 (&lab_a, &lab_b);

      if (difference < MIN_DIFFERENCE)
        {
          g_test_message ("%s are %.1f apart under %s", what, difference, vision_names[vision]);
          n_close++;
        }
    }

  return n_close;
}

/* The world's line and bar sit among the regions' (Trend, Revenue): 3:1
 * on the card, and apart from each of the first eight. */
static void
test_palette_world (void)
{
  for (ReelChartThemeVariant variant = REEL_CHART_THEME_LIGHT; variant <= REEL_CHART_THEME_DARK;
       variant++)
    {
      g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (variant);
      guint n_close = 0;

      g_test_message ("%s: world %.2f:1", variant_name (variant),
                      get_contrast (&theme->world, &theme->background));
      g_assert_cmpfloat (get_contrast (&theme->world, &theme->background), >=, MIN_CONTRAST);

      for (guint i = 0; i < REEL_CHART_PALETTE_SIZE; i++)
        {
          g_autofree char *what = g_strdup_printf ("%s: the world and region %u",
                                                   variant_name (variant), i);
          ReelChartColor color;

          reel_chart_palette_get_color (variant, i, &color);
          n_close += count_close (what, &theme->world, &color);
        }
      g_assert_cmpuint (n_close, ==, 0);
    }
}

static guint
count_close_pair (ReelChartThemeVariant variant,
                  guint                 i,
                  guint                 j)
{
  ReelChartColor color_i, color_j;
  g_autofree char *what = g_strdup_printf ("%s: regions %u and %u", variant_name (variant), i, j);

  reel_chart_palette_get_color (variant, i, &color_i);
  reel_chart_palette_get_color (variant, j, &color_j);

  return count_close (what, &color_i, &color_j);
}

/* Any two of the first eight regions may meet: bars are sorted by value
 * and lines cross. The ninth to sixteenth meet their neighbours in region
 * order (the list, the legend, a dataset's own order); the last meets the
 * first again. */
static void
test_palette_distinct (void)
{
  const guint n_colors = 2 * REEL_CHART_PALETTE_SIZE;
  guint n_close = 0;

  for (ReelChartThemeVariant variant = REEL_CHART_THEME_LIGHT; variant <= REEL_CHART_THEME_DARK;
       variant++)
    {
      for (guint i = 0; i < REEL_CHART_PALETTE_SIZE; i++)
        for (guint j = i + 1; j < REEL_CHART_PALETTE_SIZE; j++)
          n_close += count_close_pair (variant, i, j);

      for (guint i = REEL_CHART_PALETTE_SIZE - 1; i < n_colors; i++)
        n_close += count_close_pair (variant, i, (i + 1) % n_colors);
    }

  g_assert_cmpuint (n_close, ==, 0);
}

/* The palette repeats after sixteen regions, and a region keeps its hue
 * family across the variants: its two colours are both greys (chroma
 * under 15) or their hues are within 40 degrees. */
static void
test_palette_variants (void)
{
  const guint n_colors = 2 * REEL_CHART_PALETTE_SIZE;

  for (guint i = 0; i < n_colors; i++)
    {
      ReelChartColor light, dark, again;
      Lab light_lab, dark_lab;
      double hue_difference;

      reel_chart_palette_get_color (REEL_CHART_THEME_LIGHT, i, &light);
      reel_chart_palette_get_color (REEL_CHART_THEME_LIGHT, i + n_colors, &again);
      g_assert_cmpmem (&light, sizeof light, &again, sizeof again);
      reel_chart_palette_get_color (REEL_CHART_THEME_DARK, i, &dark);

      light_lab = simulate (&light, VISION_NORMAL);
      dark_lab = simulate (&dark, VISION_NORMAL);
      if (hypot (light_lab.a, light_lab.b) < 15 && hypot (dark_lab.a, dark_lab.b) < 15)
        continue;

      hue_difference = fabs (get_hue (light_lab.a, light_lab.b) - get_hue (dark_lab.a, dark_lab.b));
      g_assert_cmpfloat (MIN (hue_difference, 360 - hue_difference), <, 40);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/ciede2000", test_palette_ciede2000);
  g_test_add_func ("/palette/simulation", test_palette_simulation);
  g_test_add_func ("/palette/contrast", test_palette_contrast);
  g_test_add_func ("/palette/distinct", test_palette_distinct);
  g_test_add_func ("/palette/world", test_palette_world);
  g_test_add_func ("/palette/variants", test_palette_variants);

  return g_test_run ();
}
