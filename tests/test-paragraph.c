/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-widget-util.h"

/* A paragraph measures as the wrapping label it replaces does, lays its
 * text out once a width, and shows its text as it is given. */

static const char long_text[] =
  "Affluent women aged 30-60 drive demand in the United States, and short "
  "series made abroad now reach them within a week of their release.";

/* A wrapping label as the panels had one: plain text, start-aligned,
 * wrapping at words, else between characters. */
static GtkWidget *
wrapping_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

/* A taller line for a label from the style sheet (a paragraph's is set),
 * and a larger font. */
static GtkCssProvider *
add_style (void)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider,
                                   "label.reel-test-tall { line-height: 1.35; }"
                                   "label.reel-test-large { font-size: 2em; }",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
}

static void
remove_style (GtkCssProvider *provider)
{
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (provider));
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer user_data)
{
  return *(guint *) user_data >= 2;
}

/* Until a frame has passed whole: its layout phase restyles the widgets
 * (a new class, a new font), which a mere turn of the main loop does not. */
static void
wait_for_frame (GtkWidget *widget)
{
  guint n_frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &n_frames, NULL);

  g_assert_true (reel_gtk_test_wait (two_frames, &n_frames, 5000));
  gtk_widget_remove_tick_callback (widget, id);
}

static int
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *baseline)
{
  int natural, min, natural_baseline;

  gtk_widget_measure (widget, orientation, for_size, &min, &natural, NULL, &natural_baseline);
  if (minimum != NULL)
    *minimum = min;
  if (baseline != NULL)
    *baseline = natural_baseline;
  return natural;
}

/* Side by side in one window, with the same style class: the same natural
 * width, and the same height and first baseline at every width, for short
 * text, long text, lines of their own, a larger font and a taller line. */
static void
test_paragraph_sizes (void)
{
  static const struct {
    const char *text;
    const char *css_class;
  } cases[] = {
    { "Europe", NULL },
    { long_text, NULL },
    { long_text, "heading" },
    { "First line\nsecond, a longer line of the same paragraph", "caption" },
    { long_text, "reel-test-tall" },
  };
  g_autoptr(GtkCssProvider) provider = add_style ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window = reel_gtk_test_window_new (box);
  int plain_height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *paragraph = reel_paragraph_new (cases[i].text, cases[i].css_class);
      GtkWidget *label = wrapping_label_new (cases[i].text);
      int natural, minimum;

      if (cases[i].css_class != NULL)
        gtk_widget_add_css_class (label, cases[i].css_class);
      if (g_strcmp0 (cases[i].css_class, "reel-test-tall") == 0)
        reel_paragraph_set_line_height (REEL_PARAGRAPH (paragraph), 1.35);
      gtk_box_append (GTK_BOX (box), paragraph);
      gtk_box_append (GTK_BOX (box), label);
      wait_for_frame (paragraph);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpint (gtk_widget_get_request_mode (paragraph), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
      natural = measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL);
      g_assert_cmpint (natural, ==, measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL));
      g_assert_cmpint (minimum, >, 0);
      g_assert_cmpint (minimum, <=, natural);

      for (int width = 40; width <= natural + 40; width += 37)
        {
          int paragraph_baseline, label_baseline;
          int height = measure (paragraph, GTK_ORIENTATION_VERTICAL, width, NULL, &paragraph_baseline);

          g_assert_cmpint (height, ==,
                           measure (label, GTK_ORIENTATION_VERTICAL, width, NULL, &label_baseline));
          g_assert_cmpint (paragraph_baseline, ==, label_baseline);
        }
      /* The taller lines are taller than the same text's own. */
      if (i == 1)
        plain_height = measure (paragraph, GTK_ORIENTATION_VERTICAL, 200, NULL, NULL);
      else if (g_strcmp0 (cases[i].css_class, "reel-test-tall") == 0)
        g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 200, NULL, NULL), >,
                         plain_height * 5 / 4);
      /* Long text wraps into more lines when narrower. */
      if (cases[i].text == long_text)
        g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 80, NULL, NULL), >,
                         2 * measure (paragraph, GTK_ORIENTATION_VERTICAL, natural, NULL, NULL));

      gtk_box_remove (GTK_BOX (box), paragraph);
      gtk_box_remove (GTK_BOX (box), label);
    }

  remove_style (provider);
  reel_gtk_test_window_destroy (window);
}

/* Asked again at a width it was asked for (once GTK's own cache of the
 * widget's sizes is cleared, as a resize clears it), the paragraph answers
 * without laying its text out: the layout's serial stays. A new width,
 * text or font lays it out anew. */
static void
test_paragraph_laid_out_once (void)
{
  g_autoptr(GtkCssProvider) provider = add_style ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window = reel_gtk_test_window_new (box);
  GtkWidget *paragraph = reel_paragraph_new (long_text, NULL);
  PangoLayout *layout_150, *layout_210;
  int height, serial_150, serial_210, natural;

  gtk_box_append (GTK_BOX (box), paragraph);
  reel_gtk_test_flush ();

  height = measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL);
  measure (paragraph, GTK_ORIENTATION_VERTICAL, 210, NULL, NULL);
  layout_150 = reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), 150);
  layout_210 = reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), 210);
  g_assert_nonnull (layout_150);
  g_assert_nonnull (layout_210);
  g_assert_true (layout_150 != layout_210);
  g_assert_cmpint (pango_layout_get_width (layout_150), ==, 150 * PANGO_SCALE);
  serial_150 = pango_layout_get_serial (layout_150);
  serial_210 = pango_layout_get_serial (layout_210);

  gtk_widget_queue_resize (paragraph);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL), >, 210);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL), ==, height);
  measure (paragraph, GTK_ORIENTATION_VERTICAL, 210, NULL, NULL);
  g_assert_true (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), 150) == layout_150);
  g_assert_true (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), 210) == layout_210);
  g_assert_cmpint (pango_layout_get_serial (layout_150), ==, serial_150);
  g_assert_cmpint (pango_layout_get_serial (layout_210), ==, serial_210);

  /* A third width takes the oldest one's place; 150 is then laid out again. */
  measure (paragraph, GTK_ORIENTATION_VERTICAL, 260, NULL, NULL);
  g_assert_cmpint (pango_layout_get_width (layout_150), ==, 260 * PANGO_SCALE);
  gtk_widget_queue_resize (paragraph);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL), ==, height);

  /* A larger font: wider unwrapped, taller at the same width. */
  natural = measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL);
  gtk_widget_add_css_class (paragraph, "reel-test-large");
  wait_for_frame (paragraph);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL), >, natural * 3 / 2);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL), >, height);
  gtk_widget_remove_css_class (paragraph, "reel-test-large");
  wait_for_frame (paragraph);
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL), ==, height);

  /* New text: one line's height. */
  reel_paragraph_set_text (REEL_PARAGRAPH (paragraph), "Europe");
  g_assert_cmpint (measure (paragraph, GTK_ORIENTATION_VERTICAL, 150, NULL, NULL), <, height / 2);

  remove_style (provider);
  reel_gtk_test_window_destroy (window);
}

/* Laid out ahead while hidden, for the width it then gets, a paragraph
 * shows without laying its text out again. In a grid, as the window's
 * panels are: a window asks a vertical box for its width at its height,
 * which the box answers by asking its children's heights at width after
 * width. */
static void
test_paragraph_prepared (void)
{
  g_autoptr(GtkCssProvider) provider = add_style ();
  GtkWidget *box = gtk_grid_new ();
  GtkWindow *window = reel_gtk_test_window_new (box);
  GtkWidget *hidden = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paragraph = reel_paragraph_new (long_text, "reel-test-large");
  PangoLayout *layout;
  int serial;

  gtk_widget_set_visible (hidden, FALSE);
  gtk_widget_set_hexpand (hidden, TRUE);
  gtk_box_append (GTK_BOX (hidden), paragraph);
  gtk_grid_attach (GTK_GRID (box), hidden, 0, 0, 1, 1);
  wait_for_frame (box);
  g_assert_cmpint (gtk_widget_get_width (box), >, 0);
  g_assert_null (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), gtk_widget_get_width (box)));
  reel_widget_prepare_paragraphs (hidden, gtk_widget_get_width (box));
  layout = reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), gtk_widget_get_width (box));
  g_assert_nonnull (layout);
  serial = pango_layout_get_serial (layout);

  gtk_widget_set_visible (hidden, TRUE);
  wait_for_frame (box);
  g_assert_cmpint (gtk_widget_get_width (paragraph), ==, gtk_widget_get_width (box));
  g_assert_cmpint (gtk_widget_get_height (paragraph), >,
                   2 * measure (paragraph, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL));
  g_assert_true (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph),
                                            gtk_widget_get_width (paragraph)) == layout);
  g_assert_cmpint (pango_layout_get_serial (layout), ==, serial);

  remove_style (provider);
  reel_gtk_test_window_destroy (window);
}

/* Dataset text as it is: markup characters shown, a tab as a space. */
static void
test_paragraph_plain_text (void)
{
  GtkWidget *paragraph = g_object_ref_sink (reel_paragraph_new ("Reel<b>&amp;Co\tShorts", NULL));

  g_assert_cmpstr (reel_paragraph_get_text (REEL_PARAGRAPH (paragraph)), ==, "Reel<b>&amp;Co Shorts");
  g_assert_null (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), -1));
  measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL);
  g_assert_cmpstr (pango_layout_get_text (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), -1)), ==,
                   "Reel<b>&amp;Co Shorts");
  g_assert_null (pango_layout_get_attributes (reel_paragraph_get_layout (REEL_PARAGRAPH (paragraph), -1)));

  reel_paragraph_set_text (REEL_PARAGRAPH (paragraph), NULL);
  g_assert_cmpstr (reel_paragraph_get_text (REEL_PARAGRAPH (paragraph)), ==, "");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (paragraph)), ==,
                   GTK_ACCESSIBLE_ROLE_LABEL);

  g_assert_finalize_object (paragraph);
}

/* Where the text is drawn: unwrapped on the window's start side when it
 * fits, whichever way the window reads. */
static void
test_paragraph_draws_on_start_side (void)
{
  for (guint rtl = 0; rtl <= 1; rtl++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWindow *window = reel_gtk_test_window_new (box);
      GtkWidget *paragraph = reel_paragraph_new ("Europe", NULL);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;
      int width, natural;

      gtk_widget_set_direction (paragraph, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      gtk_box_append (GTK_BOX (box), paragraph);
      wait_for_frame (paragraph);

      width = gtk_widget_get_width (paragraph);
      natural = measure (paragraph, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL);
      g_assert_cmpint (width, >, 2 * natural);

      GTK_WIDGET_GET_CLASS (paragraph)->snapshot (paragraph, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      gsk_render_node_get_bounds (node, &bounds);
      if (rtl)
        g_assert_cmpfloat (bounds.origin.x, >=, width - natural - 1);
      else
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, natural + 1);

      reel_gtk_test_window_destroy (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/paragraph/sizes", test_paragraph_sizes);
  g_test_add_func ("/paragraph/laid-out-once", test_paragraph_laid_out_once);
  g_test_add_func ("/paragraph/prepared", test_paragraph_prepared);
  g_test_add_func ("/paragraph/plain-text", test_paragraph_plain_text);
  g_test_add_func ("/paragraph/draws-on-start-side", test_paragraph_draws_on_start_side);

  return g_test_run ();
}
