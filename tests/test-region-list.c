/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libglib-testing/signal-logger.h>

#include "reel-chart-layout.h"
#include "reel-gtk-test.h"
#include "reel-text-figure.h"

/* tests/data/microdrama-sample.reelscope.json, World first. */
static const char * const sample_names[] = {
  "World",
  "North America",
  "Latin America",
  "Southeast Asia",
  "Middle East & North Africa",
  "Sub-Saharan Africa",
  "South Asia",
};

typedef struct {
  ReelDataset    *dataset;
  ReelRegionList *list;
  GtkWindow      *window;
} Fixture;

static void
red_func (ReelDataset *dataset,
          guint        index,
          GdkRGBA     *color,
          gpointer     user_data)
{
  guint *n_calls = user_data;

  (*n_calls)++;
  *color = (GdkRGBA) { 1, 0, 0, 1 };
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  fixture->list = REEL_REGION_LIST (reel_region_list_new ());
  fixture->window = reel_gtk_test_window_new (GTK_WIDGET (fixture->list));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
}

static GtkWidget *
search_entry (Fixture *fixture)
{
  return reel_gtk_test_get_child (fixture->list, "search_entry");
}

static GtkWidget *
no_results_page (Fixture *fixture)
{
  return reel_gtk_test_get_child (fixture->list, "no_results_page");
}

static gboolean
row_visible (ReelRegionList *list,
             guint           index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (reel_gtk_test_region_list_box (list), index);

  return row != NULL && gtk_widget_get_child_visible (GTK_WIDGET (row));
}

static guint
n_visible_rows (ReelRegionList *list)
{
  guint n = 0;

  for (guint i = 0; i < reel_gtk_test_region_n_rows (list); i++)
    n += row_visible (list, i);

  return n;
}

static void
set_search (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = search_entry (fixture);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* As the entry does once its delay has passed. */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
test_region_list_rows (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n_colors = 0;

  reel_region_list_set_color_func (fixture->list, red_func, &n_colors, NULL);
  reel_region_list_set_year (fixture->list, 2024);
  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  g_assert_true (reel_region_list_get_dataset (fixture->list) == fixture->dataset);

  /* World first, then the regions in dataset order, each with a swatch. */
  g_assert_cmpuint (reel_gtk_test_region_n_rows (fixture->list), ==, G_N_ELEMENTS (sample_names));
  for (guint i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, i, 0), ==, sample_names[i]);
      g_assert_true (row_visible (fixture->list, i));
    }
  g_assert_cmpuint (n_colors, ==, G_N_ELEMENTS (sample_names) - 1);

  /* Each row stands for its region: chosen, it is the selection. */
  reel_gtk_test_region_select_row (fixture->list, 1);
  g_assert_cmpstr (reel_region_list_get_selected_region (fixture->list), ==, "north-america");
  reel_gtk_test_region_select_row (fixture->list, 0);
  g_assert_null (reel_region_list_get_selected_region (fixture->list));

  /* Primary revenue of 2024, compact; growth needs 2023, so "—" under a
   * value and nothing where there is no value either. */
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 0, 2), ==, "$1.4B");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 0, 3), ==, "—");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 1, 2), ==, "$142M");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 1, 3), ==, "—");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 2, 2), ==, "—");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 2, 3), ==, "");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 2, 1), ==, "");

  /* 2025: reported growth shows under the name, the metric by the name the
   * growth chart gives it, never by its id in the dataset ("viewership"),
   * and the year it compares with. */
  reel_region_list_set_year (fixture->list, 2025);
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 2, 1), ==,
                   "Viewership +69% vs 2024");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 3, 1), ==,
                   "Viewership +61% vs 2024");
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 1, 2), ==, "—");
}

/* The metric's name is the chart's, in the user's language: Spanish from
 * the build's catalogue (po/es), else the test cannot tell and skips. */
static void
test_region_list_growth_translated (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *podir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalogue = g_build_filename (podir, "es", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *metric = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *old_dir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *old_domain = g_strdup (textdomain (NULL));
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no po/es/LC_MESSAGES/" GETTEXT_PACKAGE ".mo in the build");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, podir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* As main() does: the code marks its strings with gi18n.h's _(). */
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "es", TRUE);
  /* Drops what gettext has cached for the language before. */
  setlocale (LC_ALL, "C.UTF-8");

  metric = reel_text_dup_metric_name ("viewership");
  g_assert_cmpstr (metric, ==, g_dgettext (GETTEXT_PACKAGE, "Viewership"));
  g_assert_cmpstr (metric, !=, "Viewership");
  expected = g_strdup_printf (g_dpgettext2 (GETTEXT_PACKAGE, "region list", "%1$s %2$s vs %3$u"),
                              metric, "+69%", 2024);

  reel_region_list_set_year (fixture->list, 2025);
  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  g_assert_cmpstr (reel_gtk_test_region_row_label (fixture->list, 2, 1), ==, expected);
  g_assert_null (strstr (reel_gtk_test_region_row_label (fixture->list, 2, 1), "viewership"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, old_dir);
  textdomain (old_domain);
  setlocale (LC_ALL, "C.UTF-8");
}

/* A region whose only figure for the year is one country's, for a month
 * (format version 2): the row says what the chart shows, with the period
 * and the country, not "no figure". */
static void
test_region_list_period_figure (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 2,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                             " \"regions\": [{\"id\": \"na\", \"name\": \"North America\",\n"
                             "   \"countries\": [\"US\", \"CA\"], \"country-figures\": {\"US\": [\n"
                             "   {\"metric\": \"revenue\", \"period\": \"2025-10\", \"value\": 43,\n"
                             "    \"source\": \"s\"}]}},\n"
                             "  {\"id\": \"eu\", \"name\": \"Europe\"}]}\n");
  ReelRegionList *list = REEL_REGION_LIST (reel_region_list_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (list));

  reel_region_list_set_dataset (list, dataset);
  reel_region_list_set_year (list, 2025);

  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 1, 2), ==, "$43");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 1, 1), ==, "Oct 2025 · United States");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 2, 2), ==, "—");

  reel_gtk_test_window_destroy (window);
}

static void
test_region_list_growth (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                             " \"regions\": [{\"id\": \"up\", \"name\": \"Up\", \"revenue\": [\n"
                             "   {\"year\": 2023, \"value\": 100, \"source\": \"s\"},\n"
                             "   {\"year\": 2024, \"value\": 150, \"source\": \"s\", \"estimate\": true,\n"
                             "    \"note\": \"guessed\", \"qualifier\": \"at-least\"}]},\n"
                             "  {\"id\": \"down\", \"name\": \"Down\", \"revenue\": [\n"
                             "   {\"year\": 2023, \"value\": 200, \"source\": \"s\"},\n"
                             "   {\"year\": 2024, \"value\": 150, \"source\": \"s\"}]}]}\n");
  ReelRegionList *list = REEL_REGION_LIST (reel_region_list_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (list));

  reel_region_list_set_dataset (list, dataset);
  reel_region_list_set_year (list, 2024);

  /* Year over year, from reel_dataset_get_revenue_growth(), saying what
   * it compares; the value with its qualifier's sign, as the bar has it. */
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 1, 2), ==, "≥$150");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 1, 3), ==, "+50% vs 2023");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 1, 1), ==, "estimate");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 2, 2), ==, "$150");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 2, 3), ==, "-25% vs 2023");
  g_assert_cmpstr (reel_gtk_test_region_row_label (list, 2, 1), ==, "");

  reel_gtk_test_window_destroy (window);
}

static void
test_region_list_search (Fixture       *fixture,
                         gconstpointer  data)
{
  reel_region_list_set_dataset (fixture->list, fixture->dataset);

  /* By the name shown, without regard to case or accents. */
  set_search (fixture, "america");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 2);
  g_assert_false (row_visible (fixture->list, 0));
  g_assert_true (row_visible (fixture->list, 1));
  g_assert_true (row_visible (fixture->list, 2));

  /* In any language of the dataset: es "América Latina", zh-CN "拉丁美洲",
   * es "Norteamérica" typed without its accent. */
  set_search (fixture, "América Latina");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 2));
  set_search (fixture, "拉丁");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 2));
  set_search (fixture, "NORTEAMERICA");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 1));

  /* The world by its name. */
  set_search (fixture, "wor");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 0));

  /* Nothing matches: the list says so. Its status page is not laid out
   * (not even visible) while the list shows. */
  g_assert_false (gtk_widget_get_visible (no_results_page (fixture)));
  set_search (fixture, "atlantis");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 0);
  g_assert_true (gtk_widget_is_visible (no_results_page (fixture)));

  /* Cleared, everything is back. */
  set_search (fixture, "");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==,
                    G_N_ELEMENTS (sample_names));
  g_assert_false (gtk_widget_get_visible (no_results_page (fixture)));

  /* Enter selects the first match. */
  set_search (fixture, "sub-saharan");
  g_signal_emit_by_name (search_entry (fixture), "activate");
  g_assert_cmpstr (reel_region_list_get_selected_region (fixture->list), ==, "africa");
}

/* Another year keeps the names' search keys; another dataset, whose names
 * differ for the same ids, makes them anew. */
static void
test_region_list_search_follows_dataset (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(ReelDataset) renamed =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                 " \"regions\": [{\"id\": \"north-america\", \"name\": \"Atlantis\"}]}\n");

  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  reel_region_list_set_year (fixture->list, 2024);
  reel_region_list_set_year (fixture->list, 2025);
  set_search (fixture, "NORTEAMERICA");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 1));

  reel_region_list_set_dataset (fixture->list, renamed);
  set_search (fixture, "atlantis");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 1);
  g_assert_true (row_visible (fixture->list, 1));
  set_search (fixture, "NORTEAMERICA");
  g_assert_cmpuint (n_visible_rows (fixture->list), ==, 0);
}

static void
test_region_list_selection (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  g_assert_null (reel_region_list_get_selected_region (fixture->list));
  g_assert_cmpint (reel_gtk_test_region_selected_index (fixture->list), ==, 0);

  gt_signal_logger_connect (logger, fixture->list, "notify::selected-region");

  /* A row chosen in the list is the property… */
  reel_gtk_test_region_select_row (fixture->list, 4);
  gt_signal_logger_assert_notify_emission_pop (logger, fixture->list, "selected-region");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (reel_region_list_get_selected_region (fixture->list), ==,
                   "middle-east-north-africa");

  /* …and the property selects its row, once. */
  reel_region_list_set_selected_region (fixture->list, "south-asia");
  gt_signal_logger_assert_notify_emission_pop (logger, fixture->list, "selected-region");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpint (reel_gtk_test_region_selected_index (fixture->list), ==, 6);

  reel_region_list_set_selected_region (fixture->list, "south-asia");
  gt_signal_logger_assert_no_emissions (logger);

  /* An id the dataset does not have is the world. */
  reel_region_list_set_selected_region (fixture->list, "atlantis");
  gt_signal_logger_assert_notify_emission_pop (logger, fixture->list, "selected-region");
  g_assert_null (reel_region_list_get_selected_region (fixture->list));
  g_assert_cmpint (reel_gtk_test_region_selected_index (fixture->list), ==, 0);

  /* A selection made before the dataset holds when the dataset has it. */
  reel_region_list_set_dataset (fixture->list, NULL);
  reel_region_list_set_selected_region (fixture->list, "africa");
  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  g_assert_cmpstr (reel_region_list_get_selected_region (fixture->list), ==, "africa");
  g_assert_cmpint (reel_gtk_test_region_selected_index (fixture->list), ==, 5);
}

static void
assert_rows (Fixture    *fixture,
             const char *expected)
{
  g_autofree char *rows = reel_gtk_test_region_selected_rows (fixture->list);

  g_assert_cmpstr (rows, ==, expected);
}

/* Whether row @index tells assistive technologies that it is selected. */
static void
assert_row_selected (Fixture  *fixture,
                     guint     index,
                     gboolean  selected)
{
  GtkListBox *list_box = reel_gtk_test_region_list_box (fixture->list);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_box, (int) index);

  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected);
}

/* Several regions, as in GTK's lists: Ctrl adds or takes out a row (the
 * one added first), Shift selects a range; World among them clears them
 * when it is the one chosen, and gives way to them otherwise; Escape
 * selects the world. */
static void
test_region_list_multi_selection (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  reel_region_list_set_dataset (fixture->list, fixture->dataset);
  gt_signal_logger_connect (logger, fixture->list, "notify::selected-regions");

  reel_gtk_test_region_select_row (fixture->list, 1);
  gt_signal_logger_assert_notify_emission_pop (logger, fixture->list, "selected-regions");
  gt_signal_logger_assert_no_emissions (logger);
  reel_gtk_test_region_toggle_row (fixture->list, 3);
  gt_signal_logger_assert_notify_emission_pop (logger, fixture->list, "selected-regions");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstrv (reel_region_list_get_selected_regions (fixture->list),
                    ((const char * const[]) { "southeast-asia", "north-america", NULL }));
  g_assert_cmpstr (reel_region_list_get_selected_region (fixture->list), ==, "southeast-asia");
  assert_rows (fixture, "1,3");
  assert_row_selected (fixture, 0, FALSE);
  assert_row_selected (fixture, 1, TRUE);
  assert_row_selected (fixture, 3, TRUE);

  /* A range from the row chosen last. */
  reel_gtk_test_region_extend_to_row (fixture->list, 5);
  assert_rows (fixture, "3,4,5");
  g_assert_cmpstrv (reel_region_list_get_selected_regions (fixture->list),
                    ((const char * const[]) {
                      "southeast-asia", "middle-east-north-africa", "africa", NULL
                    }));
  assert_row_selected (fixture, 1, FALSE);

  /* One taken out: the next comes first. */
  reel_gtk_test_region_toggle_row (fixture->list, 3);
  g_assert_cmpstrv (reel_region_list_get_selected_regions (fixture->list),
                    ((const char * const[]) { "middle-east-north-africa", "africa", NULL }));
  assert_row_selected (fixture, 3, FALSE);

  /* World, added with Ctrl, clears them; a region added to World alone
   * replaces it. */
  reel_gtk_test_region_toggle_row (fixture->list, 0);
  g_assert_null (reel_region_list_get_selected_region (fixture->list));
  assert_rows (fixture, "0");
  reel_gtk_test_region_toggle_row (fixture->list, 2);
  g_assert_cmpstrv (reel_region_list_get_selected_regions (fixture->list),
                    ((const char * const[]) { "latin-america", NULL }));
  assert_rows (fixture, "2");

  /* Set from outside (the chart, the window), the rows follow; ids the
   * dataset does not have are left out. */
  reel_region_list_set_selected_regions (fixture->list, (const char * const[]) {
                                           "africa", "atlantis", "north-america", NULL
                                         });
  g_assert_cmpstrv (reel_region_list_get_selected_regions (fixture->list),
                    ((const char * const[]) { "africa", "north-america", NULL }));
  assert_rows (fixture, "1,5");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "regions.select-world",
                                             NULL));
  g_assert_null (reel_region_list_get_selected_region (fixture->list));
  assert_rows (fixture, "0");
  assert_row_selected (fixture, 0, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add ("/region-list/rows", Fixture, NULL,
              fixture_set_up, test_region_list_rows, fixture_tear_down);
  g_test_add_func ("/region-list/growth", test_region_list_growth);
  g_test_add_func ("/region-list/period-figure", test_region_list_period_figure);
  g_test_add ("/region-list/growth-translated", Fixture, NULL,
              fixture_set_up, test_region_list_growth_translated, fixture_tear_down);
  g_test_add ("/region-list/search", Fixture, NULL,
              fixture_set_up, test_region_list_search, fixture_tear_down);
  g_test_add ("/region-list/search-follows-dataset", Fixture, NULL,
              fixture_set_up, test_region_list_search_follows_dataset, fixture_tear_down);
  g_test_add ("/region-list/selection", Fixture, NULL,
              fixture_set_up, test_region_list_selection, fixture_tear_down);
  g_test_add ("/region-list/multi-selection", Fixture, NULL,
              fixture_set_up, test_region_list_multi_selection, fixture_tear_down);

  return g_test_run ();
}
