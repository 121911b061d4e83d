/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-source-link.h"
#include "reel-widget-util.h"

/* Links of every kind a dataset might carry: only the web one may open. */
static const char links_dataset[] =
  "{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
  " \"sources\": [\n"
  "   {\"id\": \"script\", \"title\": \"Script\", \"publisher\": \"Evil & Co\",\n"
  "    \"url\": \"javascript:alert(document.cookie)\"},\n"
  "   {\"id\": \"local\", \"title\": \"Local\", \"url\": \"file:///etc/passwd\"},\n"
  "   {\"id\": \"web\", \"title\": \"Web\", \"publisher\": \"Good News\",\n"
  "    \"url\": \"https://example.com/story?a=1&b=2\", \"published\": \"2025-03-04\"}],\n"
  " \"regions\": [{\"id\": \"r\", \"name\": \"Region R\"}],\n"
  " \"experts\": [{\"id\": \"e\", \"name\": \"Ann\", \"role\": \"Editor\",\n"
  "   \"organization\": \"Paper\",\n"
  "   \"quotes\": [{\"text\": \"Script link\", \"source\": \"script\"},\n"
  "              {\"text\": \"Local link\", \"source\": \"local\"},\n"
  "              {\"text\": \"Web link\", \"source\": \"web\", \"regions\": [\"r\"],\n"
  "               \"topics\": [\"one\", \"two\"]}]}]}\n";

/* "Show N More Quotes", or %NULL when every quote is shown. */
static GtkButton *
more_button (ReelCommentaryPanel *panel)
{
  GtkWidget *button = reel_gtk_test_get_child (panel, "more_button");

  return gtk_widget_get_visible (button) ? GTK_BUTTON (button) : NULL;
}

/* Whether the panel says it has no commentary. */
static gboolean
is_empty (ReelCommentaryPanel *panel)
{
  return gtk_widget_get_visible (reel_gtk_test_get_child (panel, "empty_label"));
}

/* Every text of a quote's block, joined by " | ". */
static char *
dup_quote_labels (ReelCommentaryPanel *panel,
                  guint                index)
{
  GtkWidget *block = reel_gtk_test_nth_child (reel_gtk_test_commentary_quotes (panel), index);

  return reel_gtk_test_dup_texts (block, " | ");
}

static ReelSourceLink *
quote_link (ReelCommentaryPanel *panel,
            guint                index)
{
  GtkWidget *block = reel_gtk_test_nth_child (reel_gtk_test_commentary_quotes (panel), index);

  return REEL_SOURCE_LINK (reel_gtk_test_find_descendant (block, REEL_TYPE_SOURCE_LINK));
}

/* The button of a link that opens, %NULL for one shown as text. */
static GtkButton *
link_button (ReelSourceLink *link)
{
  return GTK_BUTTON (reel_gtk_test_find_descendant (GTK_WIDGET (link), GTK_TYPE_BUTTON));
}

typedef struct {
  ReelDataset         *dataset;
  ReelCommentaryPanel *panel;
  GtkWindow           *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  fixture->panel = REEL_COMMENTARY_PANEL (reel_commentary_panel_new ());
  fixture->window = reel_gtk_test_window_new (GTK_WIDGET (fixture->panel));
  reel_commentary_panel_set_dataset (fixture->panel, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
}

static void
assert_speakers (ReelCommentaryPanel *panel,
                 const char * const  *speakers,
                 const char * const  *starts)
{
  guint n = g_strv_length ((char **) speakers);
  GtkButton *more = more_button (panel);

  /* Three quotes, then a button for the rest, which it then shows. */
  if (n > 3)
    {
      g_autofree char *label = g_strdup_printf (n - 3 == 1 ? "Show %u More Quote"
                                                           : "Show %u More Quotes", n - 3);

      g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 3);
      g_assert_nonnull (more);
      g_assert_cmpstr (gtk_button_get_label (more), ==, label);
      g_signal_emit_by_name (more, "clicked");
    }
  g_assert_null (more_button (panel));
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, i, 1), ==, speakers[i]);
      if (!g_str_has_prefix (reel_gtk_test_commentary_quote_text (panel, i, 0), starts[i]))
        g_error ("quote %u is %s, not %s…", i, reel_gtk_test_commentary_quote_text (panel, i, 0),
                 starts[i]);
    }
}

static void
test_commentary_region_first (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const africa_speakers[] = {
    "Mu Ling", "Mu Ling", "Andrew Moses Miti", "Rida Saifee", NULL,
  };
  static const char * const africa_starts[] = {
    "“These groups", "“Localization", "“They want", "“Love stories", NULL,
  };
  static const char * const world_speakers[] = {
    "Mu Ling", "Mu Ling", "Rida Saifee", "Rida Saifee", "Andrew Moses Miti", NULL,
  };
  static const char * const world_starts[] = {
    "“Localization", "“These groups", "“Love stories", "“People are", "“They want", NULL,
  };
  static const char * const south_asia_speakers[] = {
    "Rida Saifee", "Rida Saifee", "Mu Ling", NULL,
  };
  static const char * const south_asia_starts[] = {
    "“People are", "“Love", "“Localization", NULL,
  };
  g_autofree char *labels = NULL;

  /* The region's quotes first (their `regions` name it), then the general
   * ones; quotes about other regions only are left out. Each expert's
   * quotes are together, in the order of the expert's first. */
  reel_commentary_panel_set_region (fixture->panel, "africa");
  g_assert_cmpstr (reel_commentary_panel_get_region (fixture->panel), ==, "africa");
  assert_speakers (fixture->panel, africa_speakers, africa_starts);

  /* Speaker, role and organisation once, over the expert's first quote;
   * each quote with the regions spoken of, topics, source. */
  labels = dup_quote_labels (fixture->panel, 0);
  g_assert_cmpstr (labels, ==,
                   "Mu Ling | Director, New Media Communication Research Lab, National Image "
                   "Research Center, Tsinghua University | “These groups are becoming key "
                   "markets for future expansion.” | On North America, Sub-Saharan Africa, Middle "
                   "East & North Africa | audiences | iChongqing (Bridging News), 22 Nov 2025");
  g_clear_pointer (&labels, g_free);
  labels = dup_quote_labels (fixture->panel, 1);
  g_assert_true (g_str_has_prefix (labels, "“Localization"));
  g_assert_null (strstr (labels, "Mu Ling"));
  g_assert_null (strstr (labels, "Tsinghua"));
  g_clear_pointer (&labels, g_free);
  labels = dup_quote_labels (fixture->panel, 3);
  g_assert_true (g_str_has_prefix (labels, "Rida Saifee | "));
  g_assert_true (g_str_has_suffix (labels, " | General | co-production | "
                                           "iChongqing (Bridging News), 22 Nov 2025"));

  reel_commentary_panel_set_region (fixture->panel, "south-asia");
  assert_speakers (fixture->panel, south_asia_speakers, south_asia_starts);

  /* The world: the general quotes first, then every other. */
  reel_commentary_panel_set_region (fixture->panel, NULL);
  assert_speakers (fixture->panel, world_speakers, world_starts);
  g_assert_false (is_empty (fixture->panel));
}

/* "Show More" moves the focus to the first quote it adds, though the
 * grouping by expert puts it among the quotes shown before: A's quote on
 * a region comes after A's general ones, before B's. */
static void
test_commentary_more_focus (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"S\",\n"
                             "   \"url\": \"https://example.com/s\"}],\n"
                             " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}],\n"
                             " \"experts\": [\n"
                             "  {\"id\": \"a\", \"name\": \"A\", \"quotes\": [\n"
                             "   {\"text\": \"A1\", \"source\": \"s\"}, {\"text\": \"A2\", \"source\": \"s\"},\n"
                             "   {\"text\": \"A5\", \"source\": \"s\", \"regions\": [\"r\"]}]},\n"
                             "  {\"id\": \"b\", \"name\": \"B\", \"quotes\": [\n"
                             "   {\"text\": \"B3\", \"source\": \"s\"}]},\n"
                             "  {\"id\": \"c\", \"name\": \"C\", \"quotes\": [\n"
                             "   {\"text\": \"C4\", \"source\": \"s\"}]}]}\n");
  ReelCommentaryPanel *panel = REEL_COMMENTARY_PANEL (reel_commentary_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  GtkWidget *added, *focus;

  reel_commentary_panel_set_dataset (panel, dataset);
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 3);
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 2, 0), ==, "“B3”");

  g_signal_emit_by_name (more_button (panel), "clicked");
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 5);
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 2, 0), ==, "“A5”");
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 2, 1), ==, "A");
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 3, 1), ==, "B");

  added = reel_gtk_test_nth_child (reel_gtk_test_commentary_quotes (panel), 2);
  focus = gtk_window_get_focus (window);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, added));

  reel_gtk_test_window_destroy (window);
}

static void
test_commentary_empty (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}]}\n");
  ReelCommentaryPanel *panel = REEL_COMMENTARY_PANEL (reel_commentary_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));

  reel_commentary_panel_set_dataset (panel, dataset);
  g_assert_true (is_empty (panel));
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 0);

  reel_gtk_test_window_destroy (window);
}

static int
find_quote_by_start (ReelCommentaryPanel *panel,
                     const char          *start)
{
  for (guint i = 0; i < reel_gtk_test_commentary_n_quotes (panel); i++)
    if (g_str_has_prefix (reel_gtk_test_commentary_quote_text (panel, i, 0), start))
      return (int) i;
  return -1;
}

/* A quote two regions share keeps its block from one to the other (GTK
 * keeps the sizes of its labels), and a region coming back finds its
 * blocks again; another dataset makes new ones. */
static void
test_commentary_keeps_blocks (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char start[] = "“These groups are becoming key markets";
  ReelSourceLink *link;
  int index;

  reel_commentary_panel_set_region (fixture->panel, "north-america");
  index = find_quote_by_start (fixture->panel, start);
  g_assert_cmpint (index, >=, 0);
  link = quote_link (fixture->panel, index);
  g_assert_nonnull (link);
  g_object_add_weak_pointer (G_OBJECT (link), (gpointer *) &link);

  reel_commentary_panel_set_region (fixture->panel, "africa");
  index = find_quote_by_start (fixture->panel, start);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (quote_link (fixture->panel, index) == link);

  /* A region whose quotes are all others hides it, and keeps it. */
  reel_commentary_panel_set_region (fixture->panel, "south-asia");
  g_assert_cmpint (find_quote_by_start (fixture->panel, start), <, 0);
  g_assert_nonnull (link);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (link)));

  reel_commentary_panel_set_region (fixture->panel, "north-america");
  index = find_quote_by_start (fixture->panel, start);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (quote_link (fixture->panel, index) == link);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (link)));

  reel_commentary_panel_set_dataset (fixture->panel, NULL);
  g_assert_null (link);
  reel_commentary_panel_set_dataset (fixture->panel, fixture->dataset);
}

/* Blocks kept hidden are bounded, whatever the number of regions seen. */
static void
test_commentary_blocks_bounded (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                          " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                                          " \"regions\": [");
  g_autoptr(ReelDataset) dataset = NULL;
  ReelCommentaryPanel *panel = REEL_COMMENTARY_PANEL (reel_commentary_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  GtkWidget *quotes;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%u\", \"name\": \"R%u\"}", i > 0 ? ", " : "", i, i);
  g_string_append (json, "],\n \"experts\": [{\"id\": \"e\", \"name\": \"E\", \"quotes\": [");
  for (guint i = 0; i < 80; i++)
    g_string_append_printf (json, "%s{\"text\": \"Q%u\", \"source\": \"s\", \"regions\": [\"r%u\"]}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "]}]}\n");
  dataset = reel_dataset_test_load_json (json->str);

  reel_commentary_panel_set_dataset (panel, dataset);
  quotes = reel_gtk_test_commentary_quotes (panel);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *text = g_strdup_printf ("“Q%u”", i);

      reel_commentary_panel_set_region (panel, id);
      g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 1);
      g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 0, 0), ==, text);
      g_assert_cmpuint (reel_gtk_test_count_children (quotes), <=, 48 + 1);
    }
  g_assert_cmpuint (reel_gtk_test_count_children (quotes), >, 1);

  reel_gtk_test_window_destroy (window);
}

static void
test_link_decision (void)
{
  /* Web links open… */
  g_assert_true (reel_source_link_can_open ("https://example.com/story"));
  g_assert_true (reel_source_link_can_open ("http://www.campaignasia.com/article/1"));
  g_assert_true (reel_source_link_can_open ("HTTPS://EXAMPLE.COM/"));

  /* …nothing else ever does. */
  g_assert_false (reel_source_link_can_open (NULL));
  g_assert_false (reel_source_link_can_open (""));
  g_assert_false (reel_source_link_can_open ("javascript:alert(1)"));
  g_assert_false (reel_source_link_can_open ("JavaScript:alert(1)"));
  g_assert_false (reel_source_link_can_open (" javascript:alert(1)"));
  g_assert_false (reel_source_link_can_open ("file:///etc/passwd"));
  g_assert_false (reel_source_link_can_open ("data:text/html,<script>alert(1)</script>"));
  g_assert_false (reel_source_link_can_open ("ftp://example.com/"));
  g_assert_false (reel_source_link_can_open ("example.com/story"));
}

static int natural_then;

static gboolean
measures_wider (gpointer data)
{
  int natural;

  gtk_widget_measure (data, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural > natural_then;
}

/* How wide @label's text is when the label is @width wide: it places its
 * end widget (the icon) 4 pixels after the text, in a left-to-right window. */
static int
text_width_at (ReelCitationLabel *label,
               int                width)
{
  GtkWidget *end = gtk_widget_get_first_child (GTK_WIDGET (label));
  graphene_rect_t bounds;

  gtk_widget_size_allocate (GTK_WIDGET (label), &(GtkAllocation) { 0, 0, width, 20 }, -1);
  g_assert_true (gtk_widget_compute_bounds (end, GTK_WIDGET (label), &bounds));

  return (int) bounds.origin.x - 4;
}

/* The tail's width in the label's font: it always shows whole. */
static int
get_tail_width (ReelCitationLabel *label)
{
  const char *tail = reel_citation_label_get_tail (label);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), tail);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* Narrower than its natural width, @label's head ends in an ellipsis and
 * its tail and end widget still fit after it; the tail starts where the
 * ellipsis ends, not where the head's share of the width would (which
 * leaves a gap at most widths). */
static void
assert_gives_way (ReelCitationLabel *label,
                  int                icon_width)
{
  int minimum, natural, tail_width = get_tail_width (label);
  gboolean slack = FALSE;

  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <, natural);
  for (int width = natural - 1; width >= minimum; width--)
    {
      int text_width = text_width_at (label, width);

      /* Cut, yet something of the head is left before the tail. */
      g_assert_cmpint (text_width + 4 + icon_width, <, natural);
      g_assert_cmpint (text_width - tail_width, >, 0);
      g_assert_cmpint (text_width + 4 + icon_width, <=, width);
      slack |= text_width + 4 + icon_width < width;
    }
  g_assert_true (slack);
}

/* A citation too wide for its panel keeps its date: the publisher gives
 * way at its end, and the date follows the ellipsis with no gap. */
static void
test_link_citation_keeps_date (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  const ReelSource *source = g_ptr_array_index (reel_dataset_get_sources (dataset), 0);
  GtkWidget *link = reel_source_link_new_for_source (source);
  GtkWindow *window = reel_gtk_test_window_new (link);
  GtkButton *button = link_button (REEL_SOURCE_LINK (link));
  GtkWidget *citation = gtk_button_get_child (button);
  ReelCitationLabel *label;
  GtkWidget *icon;
  graphene_rect_t bounds;
  int minimum, natural, text_width, icon_width;

  g_assert_true (REEL_IS_CITATION_LABEL (citation));
  label = REEL_CITATION_LABEL (citation);
  g_assert_cmpstr (reel_citation_label_get_head (label), ==, "iChongqing (Bridging News)");
  g_assert_cmpstr (reel_citation_label_get_tail (label), ==, ", 22 Nov 2025");
  g_assert_cmpstr (reel_source_link_get_label (REEL_SOURCE_LINK (link)), ==,
                   "iChongqing (Bridging News), 22 Nov 2025");

  /* The link's icon follows the text, 4 pixels after it. */
  icon = gtk_widget_get_first_child (citation);
  g_assert_true (GTK_IS_IMAGE (icon));
  gtk_widget_measure (icon, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &icon_width, NULL, NULL);
  gtk_widget_measure (citation, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <, natural);

  /* Wide enough, the whole line. */
  g_assert_cmpint (text_width_at (label, natural) + 4 + icon_width, ==, natural);

  assert_gives_way (label, icon_width);

  /* The icon goes where the text ends, not to the end of the widget. */
  text_width = text_width_at (label, natural - 30);
  g_assert_cmpint (text_width, >, get_tail_width (label));
  g_assert_cmpint (text_width + 4 + icon_width, <, natural - 30);

  /* In a right-to-left window the text keeps to the right edge and the
   * icon comes before it, on its left. */
  gtk_widget_set_direction (citation, GTK_TEXT_DIR_RTL);
  gtk_widget_size_allocate (citation, &(GtkAllocation) { 0, 0, natural - 30, 20 }, -1);
  g_assert_true (gtk_widget_compute_bounds (icon, citation, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, natural - 30 - text_width - 4 - icon_width);
  gtk_widget_set_direction (citation, GTK_TEXT_DIR_NONE);

  /* A bigger font (once the next frame has restyled it) measures anew. */
  gtk_widget_add_css_class (citation, "title-1");
  natural_then = natural;
  g_assert_true (reel_gtk_test_wait (measures_wider, citation, 5000));

  reel_gtk_test_window_destroy (window);

  /* A head that reads right to left gives way at its left end, next to
   * the date, just as closely. */
  citation = reel_citation_label_new ("מרכז המחקר הלאומי לתקשורת חדשה", ", 22 Nov 2025");
  reel_citation_label_set_end_widget (REEL_CITATION_LABEL (citation),
                                      gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
  window = reel_gtk_test_window_new (citation);
  gtk_widget_measure (gtk_widget_get_first_child (citation), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &icon_width, NULL, NULL);
  assert_gives_way (REEL_CITATION_LABEL (citation), icon_width);
  reel_gtk_test_window_destroy (window);

  /* A label without a tail (a link shown as its address) gives way in
   * its middle, so that both its ends stay. */
  link = reel_source_link_new ("example.com/a/long/path/to/the/story", "https://example.com/a/long/path/to/the/story");
  window = reel_gtk_test_window_new (link);
  button = link_button (REEL_SOURCE_LINK (link));
  citation = gtk_widget_get_first_child (gtk_button_get_child (button));
  g_assert_true (GTK_IS_LABEL (citation));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (citation)), ==, PANGO_ELLIPSIZE_MIDDLE);
  reel_gtk_test_window_destroy (window);
}

/* Sees which link would open, and keeps the browser out of it. */
static gboolean
record_launch (ReelSourceLink *link,
               GPtrArray      *launched)
{
  g_ptr_array_add (launched, g_strdup (reel_source_link_get_uri (link)));
  return TRUE;
}

static void
test_link_never_opens_script (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load_json (links_dataset);
  g_autoptr(GPtrArray) launched = g_ptr_array_new_with_free_func (g_free);
  ReelCommentaryPanel *panel = REEL_COMMENTARY_PANEL (reel_commentary_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  ReelSourceLink *link;
  GtkWidget *web_link;
  g_autofree char *labels = NULL;

  reel_commentary_panel_set_dataset (panel, dataset);
  reel_commentary_panel_set_region (panel, "r");
  g_assert_cmpuint (reel_gtk_test_commentary_n_quotes (panel), ==, 3);

  /* The web link is a button that opens it. */
  g_assert_cmpstr (reel_gtk_test_commentary_quote_text (panel, 0, 0), ==, "“Web link”");
  link = quote_link (panel, 0);
  g_assert_true (reel_source_link_get_can_open (link));
  g_assert_cmpstr (reel_source_link_get_label (link), ==, "Good News, 4 Mar 2025");
  g_signal_connect (link, "activate-link", G_CALLBACK (record_launch), launched);
  g_signal_emit_by_name (link_button (link), "clicked");
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "https://example.com/story?a=1&b=2");

  /* javascript: and file: links are plain text: nothing to click… */
  for (guint i = 1; i <= 2; i++)
    {
      link = quote_link (panel, i);
      g_assert_false (reel_source_link_get_can_open (link));
      g_assert_null (link_button (link));
    }
  labels = dup_quote_labels (panel, 1);
  g_assert_true (g_str_has_suffix (labels, " | Evil & Co"));

  /* …and asked to open them anyway, nothing opens. */
  g_assert_false (reel_source_link_open (GTK_WIDGET (panel), "javascript:alert(document.cookie)"));
  g_assert_false (reel_source_link_open (NULL, "file:///etc/passwd"));
  g_assert_cmpuint (launched->len, ==, 1);

  /* A web link on its own opens when clicked, as any other. */
  web_link = g_object_ref_sink (reel_source_link_new ("Example", "https://example.com/"));
  g_signal_connect (web_link, "activate-link", G_CALLBACK (record_launch), launched);
  g_signal_emit_by_name (link_button (REEL_SOURCE_LINK (web_link)), "clicked");
  g_assert_cmpuint (launched->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (launched, 1), ==, "https://example.com/");
  g_assert_finalize_object (web_link);

  reel_gtk_test_window_destroy (window);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notified)
{
  (*n_notified)++;
}

/* Tooltips set again only when their text changes (GTK asks the display
 * where the pointer is at each set); a widget in no window stays shown. */
static void
test_tooltip_text (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new ());
  GtkWindow *window;
  guint n_notified = 0;

  reel_widget_set_tooltip_text (button, "Sources: Sensor Tower");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Sources: Sensor Tower");

  window = reel_gtk_test_window_new (button);
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (count_notify_cb), &n_notified);
  reel_widget_set_tooltip_text (button, "Sources: Sensor Tower");
  g_assert_cmpuint (n_notified, ==, 0);
  reel_widget_set_tooltip_text (button, "Sources: DataEye");
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Sources: DataEye");

  reel_widget_set_tooltip_text (button, "");
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  reel_widget_set_tooltip_text (button, NULL);
  g_assert_cmpuint (n_notified, ==, 2);

  reel_gtk_test_window_destroy (window);
  g_object_unref (button);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add ("/commentary-panel/region-first", Fixture, NULL,
              fixture_set_up, test_commentary_region_first, fixture_tear_down);
  g_test_add ("/commentary-panel/keeps-blocks", Fixture, NULL,
              fixture_set_up, test_commentary_keeps_blocks, fixture_tear_down);
  g_test_add_func ("/commentary-panel/empty", test_commentary_empty);
  g_test_add_func ("/commentary-panel/blocks-bounded", test_commentary_blocks_bounded);
  g_test_add_func ("/commentary-panel/more-focus", test_commentary_more_focus);
  g_test_add_func ("/source-link/decision", test_link_decision);
  g_test_add_func ("/widget-util/tooltip-text", test_tooltip_text);
  g_test_add_func ("/source-link/never-opens-script", test_link_never_opens_script);
  g_test_add_func ("/source-link/citation-keeps-date", test_link_citation_keeps_date);

  return g_test_run ();
}
