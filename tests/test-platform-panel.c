/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-platform-panel.h"
#include "reel-source-link.h"

/* The platform panel: an app's name, company and launch, its figures by
 * metric with their sources and marks, its markets and the quotes that
 * name it, all as plain text. */

/* One app whose name and company look like markup, with figures of two
 * metrics (an estimate, a forecast, one for a country), two markets and
 * one quote that names it; two apps with nothing but their names, one
 * named by a quote's topic. The quote on "ReelShorts" names none. */
static const char platforms_json[] =
  "{\"format\": \"reelscope-dataset\", \"version\": 2, \"currency\": \"USD\","
  " \"sources\": [{\"id\": \"alpha\", \"title\": \"Alpha report\","
  "               \"url\": \"https://example.com/alpha\"},"
  "              {\"id\": \"beta\", \"title\": \"Beta tracker\"}],"
  " \"regions\": [{\"id\": \"asia\", \"name\": \"Asia\"}],"
  " \"experts\": [{\"id\": \"ann\", \"name\": \"Ann Analyst\", \"quotes\": ["
  "   {\"text\": \"Reel<b>&Co grew fastest this year.\", \"source\": \"alpha\"},"
  "   {\"text\": \"ReelShorts are everywhere.\", \"source\": \"beta\"},"
  "   {\"text\": \"Another market entirely.\", \"source\": \"beta\", \"topics\": [\"quiet\"]}]}],"
  " \"platforms\": ["
  "   {\"id\": \"markup\", \"name\": \"Reel<b>&Co\", \"company\": \"Amp & <i>Sons</i>\","
  "    \"launched\": 2022, \"countries\": [\"US\", \"BR\"], \"figures\": ["
  "     {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 120000000,"
  "      \"source\": \"alpha\", \"basis\": \"in-app\", \"estimate\": true},"
  "     {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 200000000,"
  "      \"source\": \"beta\", \"forecast\": true},"
  "     {\"metric\": \"downloads\", \"period\": \"2025-10\", \"value\": 3000000,"
  "      \"source\": \"beta\", \"country\": \"US\"}]},"
  "   {\"id\": \"quiet\", \"name\": \"Quiet\"},"
  "   {\"id\": \"silent\", \"name\": \"Silent\"}]}";

typedef struct {
  ReelDataset       *dataset;
  ReelPlatformPanel *panel;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = reel_dataset_test_load_json (platforms_json);
  fixture->panel = REEL_PLATFORM_PANEL (reel_platform_panel_new ());
  fixture->window = reel_gtk_test_window_new (GTK_WIDGET (fixture->panel));
  reel_platform_panel_set_dataset (fixture->panel, fixture->dataset);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
}

static GtkLabel *
get_label (Fixture    *fixture,
           const char *name)
{
  return GTK_LABEL (reel_gtk_test_get_child (fixture->panel, name));
}

/* The name, company, figures, markets and quote of an app, the dataset's
 * text shown as it is: "<b>&" is no markup. */
static void
test_platform_panel_app (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *figures = reel_gtk_test_get_child (fixture->panel, "figures_box");
  GtkWidget *quotes = reel_gtk_test_get_child (fixture->panel, "quotes_box");
  g_autofree char *figure_texts = NULL;
  g_autofree char *quote_texts = NULL;
  ReelSourceLink *link;

  reel_platform_panel_set_platform (fixture->panel, "markup");

  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "title_label")), ==, "Reel<b>&Co");
  g_assert_false (gtk_label_get_use_markup (get_label (fixture, "title_label")));
  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "subtitle_label")), ==,
                   "Amp & <i>Sons</i> · launched 2022");
  g_assert_false (gtk_label_get_use_markup (get_label (fixture, "subtitle_label")));
  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "markets_label")), ==,
                   "United States, Brazil");

  /* By metric, latest first, each with its source and marks */
  figure_texts = reel_gtk_test_dup_texts (figures, " | ");
  g_assert_cmpstr (figure_texts, ==,
                   "Revenue | 2025: $200M | forecast | Beta tracker"
                   " | 2024: $120M | in-app · estimate | Alpha report"
                   " | Downloads | Oct 2025: 3M | in United States | Beta tracker");
  link = REEL_SOURCE_LINK (reel_gtk_test_find_descendant (figures, REEL_TYPE_SOURCE_LINK));
  g_assert_nonnull (link);

  /* The one quote that names it, not "ReelShorts" */
  g_assert_true (gtk_widget_get_visible (quotes));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_label (fixture, "quotes_empty_label"))));
  g_assert_cmpuint (reel_gtk_test_count_children (quotes), ==, 1);
  quote_texts = reel_gtk_test_dup_texts (quotes, " | ");
  g_assert_nonnull (strstr (quote_texts, "Reel<b>&Co grew fastest this year."));
  g_assert_nonnull (strstr (quote_texts, "Ann Analyst"));
}

/* An app the data says little of says so; a quote's topic names
 * "Quiet", case aside, and none names "Silent". */
static void
test_platform_panel_sparse (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *figures = reel_gtk_test_get_child (fixture->panel, "figures_box");
  g_autofree char *figure_texts = NULL;

  reel_platform_panel_set_platform (fixture->panel, "quiet");

  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "title_label")), ==, "Quiet");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_label (fixture, "subtitle_label"))));
  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "markets_label")), ==,
                   "The data names no markets for Quiet");
  figure_texts = reel_gtk_test_dup_texts (figures, " | ");
  g_assert_cmpstr (figure_texts, ==, "No figures for this app");
  g_assert_cmpuint (reel_gtk_test_count_children (reel_gtk_test_get_child (fixture->panel,
                                                                           "quotes_box")), ==, 1);

  reel_platform_panel_set_platform (fixture->panel, "silent");
  g_assert_false (gtk_widget_get_visible (reel_gtk_test_get_child (fixture->panel, "quotes_box")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_label (fixture, "quotes_empty_label"))));
  g_assert_cmpstr (gtk_label_get_text (get_label (fixture, "quotes_empty_label")), ==,
                   "No quotes mention Silent");
}

/* The close button's action lets the app go. */
static void
test_platform_panel_close (Fixture       *fixture,
                           gconstpointer  data)
{
  reel_platform_panel_set_platform (fixture->panel, "markup");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "platform.close", NULL));
  g_assert_null (reel_platform_panel_get_platform (fixture->panel));
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add ("/platform-panel/app", Fixture, NULL,
              fixture_set_up, test_platform_panel_app, fixture_tear_down);
  g_test_add ("/platform-panel/sparse", Fixture, NULL,
              fixture_set_up, test_platform_panel_sparse, fixture_tear_down);
  g_test_add ("/platform-panel/close", Fixture, NULL,
              fixture_set_up, test_platform_panel_close, fixture_tear_down);

  return g_test_run ();
}
