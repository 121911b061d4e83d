/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"

/* The traits' and notes' rows of the region shown, in the order shown:
 * the panel keeps other regions' rows hidden beside them. */
static GtkWidget *
traits_box (ReelAudiencePanel *panel)
{
  return reel_gtk_test_audience_rows (panel, "traits_box");
}

static GtkWidget *
notes_box (ReelAudiencePanel *panel)
{
  return reel_gtk_test_audience_rows (panel, "notes_box");
}

/* "Men  at least 60%  Antom (Ant International), 2025": what a row says. */
static char *
dup_row_text (GtkWidget *box,
              guint      index)
{
  GtkWidget *row = reel_gtk_test_nth_child (box, index);

  return row != NULL ? reel_gtk_test_dup_texts (row, "  ") : NULL;
}

typedef struct {
  ReelDataset       *dataset;
  ReelAudiencePanel *panel;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  fixture->panel = REEL_AUDIENCE_PANEL (reel_audience_panel_new ());
  fixture->window = reel_gtk_test_window_new (GTK_WIDGET (fixture->panel));
  reel_audience_panel_set_dataset (fixture->panel, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
}

static void
test_audience_traits (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *trait = NULL;
  g_autofree char *note = NULL;
  GtkWidget *row;
  GtkLevelBar *bar;

  reel_audience_panel_set_region (fixture->panel, "middle-east-north-africa");
  g_assert_cmpstr (reel_audience_panel_get_region (fixture->panel), ==, "middle-east-north-africa");
  g_assert_false ((reel_gtk_test_audience_empty_text (fixture->panel) != NULL));
  g_assert_cmpstr (reel_gtk_test_audience_summary (fixture->panel), ==,
                   "Sources disagree on who watches");

  /* A share bar with its label, its share with the qualifier, its source. */
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (fixture->panel), ==, 1);
  trait = dup_row_text (traits_box (fixture->panel), 0);
  g_assert_cmpstr (trait, ==, "Men  at least 60%  Antom (Ant International), 2025");
  row = reel_gtk_test_nth_child (traits_box (fixture->panel), 0);
  bar = GTK_LEVEL_BAR (reel_gtk_test_find_descendant (row, GTK_TYPE_LEVEL_BAR));
  g_assert_true (GTK_IS_LEVEL_BAR (bar));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (bar), 0.6, 1e-9);
  g_assert_cmpfloat (gtk_level_bar_get_max_value (bar), ==, 1.0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (bar), "reel-at-least"));

  /* Notes with their sources. */
  g_assert_cmpuint (reel_gtk_test_count_children (notes_box (fixture->panel)), ==, 1);
  note = dup_row_text (notes_box (fixture->panel), 0);
  g_assert_cmpstr (note, ==, "Affluent women with a strong sense of cultural identity have become "
                             "early adopters.  iChongqing (Bridging News), 22 Nov 2025");
  g_assert_null (dup_row_text (notes_box (fixture->panel), 1));
}

static void
test_audience_follows_region (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *note = NULL;

  reel_audience_panel_set_region (fixture->panel, "north-america");
  g_assert_cmpstr (reel_gtk_test_audience_summary (fixture->panel), ==,
                   "Dominated by female audiences");
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (fixture->panel), ==, 0);

  reel_audience_panel_set_region (fixture->panel, "africa");
  g_assert_cmpstr (reel_gtk_test_audience_summary (fixture->panel), ==, "Skews younger");
  note = dup_row_text (notes_box (fixture->panel), 0);
  g_assert_true (g_str_has_prefix (note, "Africa skews younger.  "));
}

static void
test_audience_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Never blank: a region without audience data says so. */
  reel_audience_panel_set_region (fixture->panel, "south-asia");
  g_assert_true ((reel_gtk_test_audience_empty_text (fixture->panel) != NULL));
  g_assert_cmpstr (reel_gtk_test_audience_empty_text (fixture->panel), ==,
                   "No audience data for this region");
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (fixture->panel), ==, 0);
  g_assert_null (notes_box (fixture->panel));

  /* The sample's world has none either. */
  reel_audience_panel_set_region (fixture->panel, NULL);
  g_assert_true ((reel_gtk_test_audience_empty_text (fixture->panel) != NULL));
  g_assert_cmpstr (reel_gtk_test_audience_empty_text (fixture->panel), ==,
                   "No audience data for the world");

  /* Nor does a panel without a dataset. */
  reel_audience_panel_set_dataset (fixture->panel, NULL);
  g_assert_true ((reel_gtk_test_audience_empty_text (fixture->panel) != NULL));
}

static void
test_audience_plain_text (void)
{
  /* Markup in a dataset is text: shown as written, never parsed. */
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"<i>S</i> & co\"}],\n"
                             " \"regions\": [{\"id\": \"r\", \"name\": \"R\", \"audience\": {\n"
                             "   \"summary\": \"<b>Bold</b> & brave\",\n"
                             "   \"traits\": [{\"label\": \"<u>Teens</u>\", \"share\": 0.25,\n"
                             "                \"qualifier\": \"approx\", \"source\": \"s\"}]}}]}\n");
  ReelAudiencePanel *panel = REEL_AUDIENCE_PANEL (reel_audience_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  g_autofree char *trait = NULL;

  reel_audience_panel_set_dataset (panel, dataset);
  reel_audience_panel_set_region (panel, "r");
  g_assert_cmpstr (reel_gtk_test_audience_summary (panel), ==, "<b>Bold</b> & brave");
  trait = dup_row_text (traits_box (panel), 0);
  g_assert_cmpstr (trait, ==, "<u>Teens</u>  about 25%  <i>S</i> & co");

  reel_gtk_test_window_destroy (window);
}

static void
test_audience_rows_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ReelDataset) other = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  GtkWidget *summaries = reel_gtk_test_get_child (fixture->panel, "summary_box");
  GtkWidget *trait, *summary;
  g_autofree char *shown = NULL;

  /* Back on a region, its rows and its summary are the ones made before:
   * nothing to make or measure again. */
  reel_audience_panel_set_region (fixture->panel, "middle-east-north-africa");
  trait = reel_gtk_test_nth_child (traits_box (fixture->panel), 0);
  g_assert_nonnull (trait);
  shown = g_strdup (reel_gtk_test_audience_summary (fixture->panel));
  for (summary = gtk_widget_get_first_child (summaries);
       summary != NULL && !gtk_widget_get_visible (summary);
       summary = gtk_widget_get_next_sibling (summary))
    ;
  g_assert_nonnull (summary);
  reel_audience_panel_set_region (fixture->panel, "africa");
  g_assert_false (gtk_widget_is_visible (trait));
  g_assert_false (gtk_widget_is_visible (summary));
  g_assert_cmpstr (reel_gtk_test_audience_summary (fixture->panel), ==, "Skews younger");
  g_assert_null (traits_box (fixture->panel));
  reel_audience_panel_set_region (fixture->panel, "middle-east-north-africa");
  g_assert_true (reel_gtk_test_nth_child (traits_box (fixture->panel), 0) == trait);
  g_assert_true (gtk_widget_is_visible (trait));
  g_assert_true (gtk_widget_is_visible (summary));
  g_assert_cmpstr (reel_gtk_test_audience_summary (fixture->panel), ==, shown);
  g_assert_cmpuint (reel_gtk_test_count_children (summaries), ==, 2);
  /* Rows made ahead for another region stay hidden. */
  reel_audience_panel_prepare_region (fixture->panel, "north-america");
  g_assert_cmpuint (reel_gtk_test_count_children (summaries), ==, 3);
  g_assert_cmpuint (reel_gtk_test_count_visible_children (summaries), ==, 1);
  g_assert_cmpuint (reel_gtk_test_count_visible_children (reel_gtk_test_get_child (fixture->panel,
                                                                                   "traits_box")), ==, 1);
  g_assert_cmpuint (reel_gtk_test_audience_n_traits (fixture->panel), ==, 1);

  /* Another dataset's regions get rows of their own. */
  reel_audience_panel_set_dataset (fixture->panel, other);
  g_assert_false (reel_gtk_test_nth_child (traits_box (fixture->panel), 0) == trait);
  g_assert_cmpuint (reel_gtk_test_count_children (reel_gtk_test_get_child (fixture->panel,
                                                                           "traits_box")), ==, 1);
  reel_audience_panel_set_dataset (fixture->panel, fixture->dataset);
}

static void
test_audience_more_notes (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                 " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                                 " \"regions\": [{\"id\": \"r\", \"name\": \"R\", \"audience\": {\n"
                                 "   \"notes\": [{\"text\": \"One\", \"source\": \"s\"}, {\"text\": \"Two\", \"source\": \"s\"},\n"
                                 "             {\"text\": \"Three\", \"source\": \"s\"}, {\"text\": \"Four\", \"source\": \"s\"},\n"
                                 "             {\"text\": \"Five\", \"source\": \"s\"}]}},\n"
                                 "   {\"id\": \"q\", \"name\": \"Q\", \"audience\": {\n"
                                 "   \"summary\": \"Q's\"}}]}\n");
  ReelAudiencePanel *panel = REEL_AUDIENCE_PANEL (reel_audience_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  GtkWidget *more = reel_gtk_test_get_child (panel, "more_notes_button");

  reel_audience_panel_set_dataset (panel, dataset);
  reel_audience_panel_set_region (panel, "r");
  g_assert_cmpuint (reel_gtk_test_count_children (notes_box (panel)), ==, 5);
  g_assert_cmpuint (reel_gtk_test_count_visible_children (notes_box (panel)), ==, 3);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, "Show 2 More Notes");

  g_signal_emit_by_name (more, "clicked");
  g_assert_cmpuint (reel_gtk_test_count_visible_children (notes_box (panel)), ==, 5);
  g_assert_false (gtk_widget_get_visible (more));

  /* Coming back, the region shows its first notes again, as the first time. */
  reel_audience_panel_set_region (panel, "q");
  g_assert_false (gtk_widget_get_visible (more));
  g_assert_null (notes_box (panel));
  reel_audience_panel_set_region (panel, "r");
  g_assert_cmpuint (reel_gtk_test_count_visible_children (notes_box (panel)), ==, 3);
  g_assert_true (gtk_widget_get_visible (more));

  reel_gtk_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add ("/audience-panel/traits", Fixture, NULL,
              fixture_set_up, test_audience_traits, fixture_tear_down);
  g_test_add ("/audience-panel/follows-region", Fixture, NULL,
              fixture_set_up, test_audience_follows_region, fixture_tear_down);
  g_test_add ("/audience-panel/empty", Fixture, NULL,
              fixture_set_up, test_audience_empty, fixture_tear_down);
  g_test_add ("/audience-panel/rows-kept", Fixture, NULL,
              fixture_set_up, test_audience_rows_kept, fixture_tear_down);
  g_test_add_func ("/audience-panel/plain-text", test_audience_plain_text);
  g_test_add_func ("/audience-panel/more-notes", test_audience_more_notes);

  return g_test_run ();
}
