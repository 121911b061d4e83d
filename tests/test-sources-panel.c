/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "reel-gtk-test.h"
#include "reel-sources-panel-private.h"

static void
test_sources_support (void)
{
  g_autoptr(ReelDataset) dataset = reel_gtk_test_load_dataset ("microdrama-sample.reelscope.json");
  ReelSourcesPanel *panel = REEL_SOURCES_PANEL (reel_sources_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  g_autofree char *labels = NULL;
  ReelSourceLink *link;

  g_assert_cmpuint (_reel_sources_panel_get_n_sources (panel), ==, 0);
  reel_sources_panel_set_dataset (panel, dataset);
  g_assert_true (reel_sources_panel_get_dataset (panel) == dataset);

  /* Every source, in dataset order. */
  g_assert_cmpuint (_reel_sources_panel_get_n_sources (panel), ==, 4);
  g_assert_cmpstr (_reel_sources_panel_get_title (panel, 0), ==,
                   "3-Minute Hits: Observing China's Micro-Dramas Going Global");

  /* What each one supports, counted by kind, and for which regions. */
  g_assert_cmpstr (_reel_sources_panel_get_support (panel, 0), ==,
                   "2 revenue figures, 2 growth figures, 3 audience notes, 5 quotes");
  g_assert_cmpstr (_reel_sources_panel_get_regions (panel, 0), ==,
                   "For World, North America, Latin America, Southeast Asia, Middle East & North "
                   "Africa, Sub-Saharan Africa");
  g_assert_cmpstr (_reel_sources_panel_get_support (panel, 1), ==,
                   "1 revenue figure, 1 audience share");
  g_assert_cmpstr (_reel_sources_panel_get_regions (panel, 1), ==,
                   "For North America, Middle East & North Africa");
  g_assert_cmpstr (_reel_sources_panel_get_support (panel, 2), ==, "2 revenue figures");
  g_assert_cmpstr (_reel_sources_panel_get_regions (panel, 2), ==, "For World, North America");
  g_assert_cmpstr (_reel_sources_panel_get_support (panel, 3), ==, "4 platform figures");
  g_assert_null (_reel_sources_panel_get_regions (panel, 3));

  /* Publisher and date, note, and the link by its site. */
  labels = _reel_sources_panel_dup_row_labels (panel, 0);
  g_assert_true (g_str_has_prefix (labels, "3-Minute Hits: Observing China's Micro-Dramas Going "
                                           "Global | iChongqing (Bridging News) · 22 Nov 2025 | "
                                           "Cites the Global Times for the North America figure. | "));
  link = _reel_sources_panel_get_link (panel, 0);
  g_assert_true (reel_source_link_get_can_open (link));
  g_assert_cmpstr (reel_source_link_get_label (link), ==, "www.ichongqing.info");
  g_assert_cmpstr (reel_source_link_get_uri (link), ==, "https://www.ichongqing.info/?p=156513");
  g_assert_null (_reel_sources_panel_get_link (panel, 3));

  reel_gtk_test_window_destroy (window);
}

static void
test_sources_unused (void)
{
  g_autoptr(ReelDataset) dataset =
    reel_gtk_test_load_json ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                             " \"sources\": [{\"id\": \"s\", \"title\": \"Unused\",\n"
                             "               \"url\": \"javascript:void(0)\"}],\n"
                             " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}]}\n");
  ReelSourcesPanel *panel = REEL_SOURCES_PANEL (reel_sources_panel_new ());
  GtkWindow *window = reel_gtk_test_window_new (GTK_WIDGET (panel));
  ReelSourceLink *link;

  reel_sources_panel_set_dataset (panel, dataset);
  g_assert_cmpstr (_reel_sources_panel_get_support (panel, 0), ==,
                   "Not cited by any figure, audience note or quote");

  /* Shown, never a link. */
  link = _reel_sources_panel_get_link (panel, 0);
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
