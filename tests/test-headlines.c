/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "reel-dataset-loader.h"
#include "reel-dataset-test.h"
#include "reel-headlines.h"

/* The overview's headlines, without a display: what they say of the
 * bundled dataset, and the rules that keep them honest on small datasets
 * made for each rule. */

static const ReelHeadlineSection *
lookup_section (GArray            *sections,
                ReelHeadlineTopic  topic)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const ReelHeadlineSection *section = &g_array_index (sections, ReelHeadlineSection, i);

      if (section->topic == topic)
        return section;
    }
  return NULL;
}

static const ReelHeadlineSection *
find_section (GArray            *sections,
              ReelHeadlineTopic  topic)
{
  const ReelHeadlineSection *section = lookup_section (sections, topic);

  if (section == NULL)
    g_error ("no section of topic %d", topic);
  return section;
}

static const ReelHeadline *
item_at (const ReelHeadlineSection *section,
         guint                      index)
{
  g_assert_cmpuint (index, <, section->items->len);
  return &g_array_index (section->items, ReelHeadline, index);
}

/* Every headline carries its sources, in its tooltip and in its
 * accessible label. */
static void
assert_sourced (GArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const ReelHeadlineSection *section = &g_array_index (sections, ReelHeadlineSection, i);

      g_assert_cmpuint (section->items->len, >, 0);
      for (guint j = 0; j < section->items->len; j++)
        {
          const ReelHeadline *item = item_at (section, j);

          g_assert_nonnull (item->sources);
          g_assert_cmpstr (item->sources, !=, "");
          g_assert_nonnull (strstr (item->label, item->value));
          g_assert_nonnull (strstr (item->label, item->name));
          g_test_message ("%s: %s", section->heading, item->label);
        }
    }
}

static void
test_bundled (void)
{
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load (REEL_DATASET_TEST_BUNDLED);
  g_autoptr(GArray) sections = reel_headlines_collect (dataset);
  const ReelHeadlineSection *world, *markets, *growth, *forecasts;
  g_autofree char *missing = reel_headlines_dup_missing (dataset);

  assert_sourced (sections);

  /* The world's 2025 revenue, DataEye's, and the growth DataEye reported
   * for it: the same source and basis, not MPA's 2024 total. */
  world = find_section (sections, REEL_HEADLINE_WORLD);
  g_assert_cmpstr (world->heading, ==, "World, 2025");
  g_assert_cmpstr (item_at (world, 0)->value, ==, "$2.28B");
  g_assert_cmpstr (item_at (world, 0)->detail, ==, "+129% on 2024, same source");
  g_assert_nonnull (strstr (item_at (world, 0)->sources, "DataEye"));
  g_assert_cmpint (item_at (world, 0)->chart, ==, REEL_CHART_REVENUE);
  g_assert_cmpstr (item_at (world, 1)->name, ==, "Downloads");
  g_assert_cmpint (item_at (world, 1)->chart, ==, REEL_CHART_GROWTH);

  /* The Share chart's largest shares, largest first. */
  markets = find_section (sections, REEL_HEADLINE_MARKETS);
  g_assert_cmpuint (markets->items->len, >=, 2);
  g_assert_cmpstr (item_at (markets, 0)->region_id, ==, "north-america");
  g_assert_cmpint (item_at (markets, 0)->chart, ==, REEL_CHART_SHARE);
  g_assert_nonnull (markets->note);

  /* Download growth of one series only (Q1 2025 on Q4 2024): Latin
   * America's +69% ranks above Southeast Asia's +61%; its +402% for 2025
   * from another source is not ranked against them. */
  growth = find_section (sections, REEL_HEADLINE_GROWTH);
  g_assert_cmpuint (growth->items->len, ==, 2);
  g_assert_cmpstr (item_at (growth, 0)->region_id, ==, "latin-america");
  g_assert_cmpstr (item_at (growth, 0)->value, ==, "+69%");
  g_assert_cmpstr (item_at (growth, 1)->region_id, ==, "southeast-asia");
  g_assert_nonnull (strstr (growth->note, "Q1 2025 vs Q4 2024"));

  forecasts = find_section (sections, REEL_HEADLINE_FORECASTS);
  g_assert_cmpstr (item_at (forecasts, 0)->name, ==, "World, 2026");
  g_assert_cmpstr (item_at (forecasts, 0)->value, ==, "$3B–$6B");
  g_assert_true (item_at (forecasts, 0)->estimate);

  g_assert_cmpstr (missing, ==,
                   "No revenue figure for 2025: Latin America & Caribbean, Sub-Saharan Africa");
}

/* A world growth reported by another source than the figure shown says
 * who reported it; one computed from two years of one series says so. */
static void
test_world_growth (void)
{
  static const char json[] =
    "{\"format\": \"reelscope-dataset\", \"version\": 2, \"title\": \"T\", \"currency\": \"USD\","
    " \"sources\": [{\"id\": \"a\", \"title\": \"A report\", \"publisher\": \"Alpha\"},"
    "               {\"id\": \"b\", \"title\": \"B report\", \"publisher\": \"Beta\"}],"
    " \"global\": {\"figures\": ["
    "   {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 100, \"source\": \"a\"},"
    "   {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 150, \"source\": \"b\", \"primary\": true}],"
    "  \"growth\": [{\"metric\": \"revenue\", \"period\": \"2025\", \"versus\": \"2024\","
    "               \"percent\": 40, \"source\": \"a\"}]},"
    " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}]}";
  static const char json_same[] =
    "{\"format\": \"reelscope-dataset\", \"version\": 2, \"title\": \"T\", \"currency\": \"USD\","
    " \"sources\": [{\"id\": \"a\", \"title\": \"A report\", \"publisher\": \"Alpha\"}],"
    " \"global\": {\"figures\": ["
    "   {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 100, \"source\": \"a\"},"
    "   {\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 150, \"source\": \"a\"},"
    "   {\"metric\": \"revenue\", \"period\": \"2027\", \"value\": 900, \"source\": \"a\", \"forecast\": true}]},"
    " \"regions\": [{\"id\": \"r\", \"name\": \"R\"}]}";
  g_autoptr(ReelDataset) dataset = reel_dataset_test_load_json (json);
  g_autoptr(GArray) sections = reel_headlines_collect (dataset);
  g_autoptr(ReelDataset) same = reel_dataset_test_load_json (json_same);
  g_autoptr(GArray) same_sections = reel_headlines_collect (same);
  const ReelHeadlineSection *world = find_section (sections, REEL_HEADLINE_WORLD);
  const ReelHeadlineSection *same_world = find_section (same_sections, REEL_HEADLINE_WORLD);
  const ReelHeadlineSection *forecasts = find_section (same_sections, REEL_HEADLINE_FORECASTS);

  g_assert_cmpstr (item_at (world, 0)->value, ==, "$150");
  g_assert_cmpstr (item_at (world, 0)->detail, ==, "+40% on 2024, reported by Alpha");
  g_assert_null (lookup_section (sections, REEL_HEADLINE_FORECASTS));

  /* The forecast year is not the latest full year. */
  g_assert_cmpstr (same_world->heading, ==, "World, 2025");
  g_assert_cmpstr (item_at (same_world, 0)->detail, ==, "+50% on 2024, same source");
  g_assert_cmpstr (item_at (forecasts, 0)->name, ==, "World, 2027");
  g_assert_cmpstr (item_at (forecasts, 0)->detail, ==, "forecast");
  assert_sourced (same_sections);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/headlines/bundled", test_bundled);
  g_test_add_func ("/headlines/world-growth", test_world_growth);

  return g_test_run ();
}
