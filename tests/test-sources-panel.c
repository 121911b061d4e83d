/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-source-link.h"
#include "reel-sources-panel.h"

/* One row per source, in dataset order. */
static GtkWidget *
list_box (ReelSourcesPanel *panel)
{
  return reel_gtk_test_get_child (panel, "list_box");
}

static GtkWidget *
get_row (ReelSourcesPanel *panel,
         guint             index)
{
  GtkWidget *row = reel_gtk_test_nth_child (list_box (panel), index);

  g_assert_nonnull (row);
  return row;
}

/* Whether one of the row's lines reads @text (or, with @prefix, starts
 * so): the support line says what the source backs ("2 revenue figures,
 * 1 note"), the regions line "For …". */
static gboolean
row_has_line (ReelSourcesPanel *panel,
              guint             index,
              const char       *text,
              gboolean          prefix)
{
  GtkWidget *row = get_row (panel, index);
  const char *line;

  for (guint i = 0; (line = reel_gtk_test_get_nth_label (row, i)) != NULL; i++)
    if (prefix ? g_str_has_prefix (line, text) : g_str_equal (line, text))
      return TRUE;

  return FALSE;
}

static ReelSourceLink *
get_link (ReelSourcesPanel *panel,
          guint             index)
{
  GtkWidget *link = reel_gtk_test_find_descendant (get_row (panel, index), REEL_TYPE_SOURCE_LINK);

  return link != NULL ? REEL_SOURCE_LINK (link) : NULL;
}

static void
test_sources_support (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load ("microdrama-sample.reelscope.json");
  ReelSourcesPanel *panel = REEL_SOURCES_PANEL (reel_sources_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  g_autofree char *labels = NULL;
  ReelSourceLink *link;

  g_assert_cmpuint (reel_gtk_test_count_children (list_box (panel)), ==, 0);
  reel_sources_panel_set_dataset (panel, dataset);
  g_assert_true (reel_sources_panel_get_dataset (panel) == dataset);

  /* Every source, in dataset order. */
  g_assert_cmpuint (reel_gtk_test_count_children (list_box (panel)), ==, 4);
  g_assert_cmpstr (reel_gtk_test_get_nth_label (get_row (panel, 0), 0), ==,
                   "3-Minute Hits: Observing China's Micro-Dramas Going Global");

  /* What each one supports, counted by kind, and for which regions. */
  g_assert_true (row_has_line (panel, 0, "2 revenue figures, 2 growth figures, 3 audience notes, "
                                         "5 quotes", FALSE));
  g_assert_true (row_has_line (panel, 0, "For World, North America, Latin America, Southeast Asia, "
                                         "Middle East & North Africa, Sub-Saharan Africa", FALSE));
  g_assert_true (row_has_line (panel, 1, "1 revenue figure, 1 audience share", FALSE));
  g_assert_true (row_has_line (panel, 1, "For North America, Middle East & North Africa", FALSE));
  g_assert_true (row_has_line (panel, 2, "2 revenue figures", FALSE));
  g_assert_true (row_has_line (panel, 2, "For World, North America", FALSE));
  g_assert_true (row_has_line (panel, 3, "4 platform figures", FALSE));
  g_assert_false (row_has_line (panel, 3, "For ", TRUE));

  /* Publisher and date, note, and the link by its site. */
  labels = reel_gtk_test_dup_texts (get_row (panel, 0), " | ");
  g_assert_true (g_str_has_prefix (labels, "3-Minute Hits: Observing China's Micro-Dramas Going "
                                           "Global | iChongqing (Bridging News) · 22 Nov 2025 | "
                                           "Cites the Global Times for the North America figure. | "));
  link = get_link (panel, 0);
  g_assert_true (reel_source_link_get_can_open (link));
  g_assert_cmpstr (reel_source_link_get_label (link), ==, "www.ichongqing.info");
  g_assert_cmpstr (reel_source_link_get_uri (link), ==, "https://www.ichongqing.info/?p=156513");
  g_assert_null (get_link (panel, 3));

  reel_gtk_test_window_destroy (window);
}

static void
test_sources_unused (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_dataset_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"Unused\",\n"
                             "               \"url\": \"javascript:void(0)\"}],\n"
                             " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}]}\n");
  ReelSourcesPanel *panel = REEL_SOURCES_PANEL (reel_sources_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  ReelSourceLink *link;

  reel_sources_panel_set_dataset (panel, dataset);
  g_assert_true (row_has_line (panel, 0, "Not cited by any figure, audience note or quote", FALSE));

  /* Shown, never a link. */
  link = get_link (panel, 0);
  g_assert_false (reel_source_link_get_can_open (link));

  reel_gtk_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

  g_test_add_func ("/sources-panel/support", test_sources_support);
  g_test_add_func ("/sources-panel/unused", test_sources_unused);

  return g_test_run ();
}
