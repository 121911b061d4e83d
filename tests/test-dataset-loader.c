/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>
#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "reel-dataset-loader.h"

/* Writes @contents to a file in a fresh temporary folder; @name decides
 * whether it is read as JSON or CSV. */
static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("reelscope-test-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
remove_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static ReelDataset *
load_file (GFile              *file,
           ReelDatasetLoader **out_loader,
           GError            **error)
{
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, error);

  if (out_loader != NULL)
    *out_loader = g_steal_pointer (&loader);
  return dataset;
}

/* Loads @json, which must load without an error. */
static ReelDataset *
load_valid_json (const char *name,
                 const char *json)
{
  g_autoptr(GFile) file = write_file (name, json, -1);
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset = load_file (file, NULL, &error);

  remove_file (file);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static GFile *
sample_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "microdrama-sample.reelscope.json", NULL);

  return g_file_new_for_path (path);
}

static const ReelRegion *
region (ReelDataset *dataset,
        const char  *id)
{
  const ReelRegion *found = reel_dataset_find_region (dataset, id);

  g_assert_nonnull (found);
  return found;
}

static void
test_sample (void)
{
  g_autoptr(GFile) file = sample_file ();
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char * const zh[] = { "zh_CN", NULL };
  const ReelRegion *na, *latam;
  const ReelFigure *primary;
  const ReelGrowth *growth;
  const ReelSource *source;
  const ReelExpert *expert;
  const ReelQuote *quote;
  guint first, last;

  dataset = load_file (file, &loader, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 0);
  g_assert_cmpuint (reel_dataset_loader_get_n_warnings (loader), ==, 0);

  g_assert_cmpstr (reel_text_get_for (reel_dataset_get_title (dataset), NULL), ==,
                   "Chinese micro-dramas abroad (sample)");
  g_assert_cmpstr (reel_text_get_for (reel_dataset_get_title (dataset), zh), ==,
                   "中国微短剧出海（示例）");
  g_assert_cmpstr (reel_dataset_get_currency (dataset), ==, "USD");
  g_assert_cmpuint (reel_dataset_get_sources (dataset)->len, ==, 4);
  g_assert_cmpuint (reel_dataset_get_regions (dataset)->len, ==, 6);
  g_assert_cmpuint (reel_dataset_get_experts (dataset)->len, ==, 3);
  g_assert_cmpuint (reel_dataset_get_platforms (dataset)->len, ==, 2);

  /* North America 2024: three sources disagree; the cited one is primary. */
  na = region (dataset, "north-america");
  g_assert_cmpstr (reel_text_get_for (na->name, NULL), ==, "North America");
  g_assert_cmpstrv (na->countries, ((const char * const[]) { "US", "CA", NULL }));
  g_assert_cmpuint (na->revenue->len, ==, 3);
  primary = reel_dataset_get_primary_figure (na->revenue, 2024);
  g_assert_nonnull (primary);
  g_assert_cmpfloat (primary->value, ==, 142000000);
  source = reel_dataset_get_source (dataset, primary->source);
  g_assert_cmpstr (source->id, ==, "ichongqing-2025-11");
  g_assert_cmpstr (g_array_index (na->revenue, ReelFigure, 1).basis, ==, "in-app purchases, United States");
  g_assert_cmpint (g_array_index (na->revenue, ReelFigure, 1).qualifier, ==, REEL_QUALIFIER_APPROX);
  g_assert_cmpint (g_array_index (na->revenue, ReelFigure, 1).flags & REEL_FIGURE_PRIMARY, ==, 0);
  g_assert_nonnull (na->audience);
  g_assert_cmpuint (na->audience->notes->len, ==, 1);

  latam = region (dataset, "latin-america");
  g_assert_cmpuint (latam->growth->len, ==, 1);
  growth = &g_array_index (latam->growth, ReelGrowth, 0);
  g_assert_cmpstr (growth->metric, ==, "viewership");
  g_assert_cmpfloat (growth->percent, ==, 69);
  g_assert_cmpuint (growth->year, ==, 2025);

  /* The world: MPA's $1.4B is marked primary over the derived estimate. */
  primary = reel_dataset_get_primary_figure (reel_dataset_get_global (dataset)->revenue, 2024);
  g_assert_cmpfloat (primary->value, ==, 1400000000);
  g_assert_cmpint (g_array_index (reel_dataset_get_global (dataset)->revenue, ReelFigure, 1).flags,
                   ==, REEL_FIGURE_ESTIMATE);
  g_assert_cmpint (g_array_index (reel_dataset_get_global (dataset)->revenue, ReelFigure, 1).qualifier,
                   ==, REEL_QUALIFIER_AT_MOST);

  expert = g_ptr_array_index (reel_dataset_get_experts (dataset), 0);
  g_assert_cmpstr (expert->id, ==, "mu-ling");
  g_assert_cmpuint (expert->quotes->len, ==, 2);
  quote = &g_array_index (expert->quotes, ReelQuote, 1);
  g_assert_cmpstrv (quote->regions,
                    ((const char * const[]) { "north-america", "africa", "middle-east-north-africa", NULL }));
  g_assert_cmpuint (g_strv_length (g_array_index (expert->quotes, ReelQuote, 0).regions), ==, 0);

  g_assert_true (reel_dataset_get_year_range (dataset, &first, &last));
  g_assert_cmpuint (first, ==, 2023);
  g_assert_cmpuint (last, ==, 2024);
  g_assert_cmpuint (reel_dataset_get_latest_revenue_year (dataset), ==, 2024);
}

typedef struct {
  const char *name;
  const char *json;      /* "@" marks where the problem is; it is removed before loading */
  const char *path;
  const char *message;
} Rule;

#define HEAD "{\"format\": \"reelscope-dataset\", \"version\": 1, " \
             "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}], "
#define REGION "{\"id\": \"na\", \"name\": \"North America\""
#define HEAD2 "{\"format\": \"reelscope-dataset\", \"version\": 2, " \
              "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}], "
#define REGION2 REGION ", \"countries\": [\"US\", \"CA\"]"
#define FIG "{\"metric\": \"revenue\", \"value\": 1, \"source\": \"s\", "
#define DERIVED "{\"method\": \"m\", \"inputs\": [{\"source\": \"s\", \"metric\": \"revenue\", " \
                "\"period\": \"2024\", \"value\": 2}]}"
#define DERIVED_FIG "{\"metric\": \"revenue\", \"value\": 1, \"derived\": " DERIVED ", "
#define RECORDS2 HEAD2 "\"regions\": [" REGION2 "}], \"records\": ["
#define NA_RECORD "{\"region\": \"na\", "
#define SHARE "{\"metric\": \"revenue-share\", \"period\": \"2025\", \"value\": 0.6, \"source\": \"s\"}"

/* One document per rule, each breaking only that rule. */
static const Rule rules[] = {
  { "not-object", "@[1]", "", "a dataset is a JSON object, not a list" },
  { "format-missing", "@{\"version\": 1, \"regions\": []}", "",
    "“format” is missing: this is not a Reelscope dataset" },
  { "format-wrong", "{\"format\": @\"other\", \"version\": 1}", "format",
    "must be “reelscope-dataset”: this is not a Reelscope dataset" },
  { "version-unknown", "{\"format\": \"reelscope-dataset\", \"version\": @3, \"regions\": []}", "version",
    "this is a version this build cannot read; it reads versions 1 to 2" },
  { "regions-missing", "@{\"format\": \"reelscope-dataset\", \"version\": 1}", "", "“regions” is missing" },
  { "regions-empty", HEAD "\"regions\": @[]}", "regions", "a dataset needs at least one region" },
  { "regions-type", HEAD "\"regions\": @{}}", "regions", "must be a list, not an object" },
  { "region-not-object", HEAD "\"regions\": [@\"na\"]}", "regions[0]", "must be an object, not a string" },
  { "id-null", HEAD "\"regions\": [{\"id\": @null, \"name\": \"X\"}]}", "regions[0].id",
    "must be a string, not null" },
  { "id-missing", HEAD "\"regions\": [@{\"name\": \"X\"}]}", "regions[0]", "“id” is missing" },
  { "id-syntax", HEAD "\"regions\": [{\"id\": @\"North America\", \"name\": \"X\"}]}", "regions[0].id",
    "“North America” is not an id: use lowercase letters, digits and hyphens, not starting with a hyphen" },
  { "id-long", HEAD "\"regions\": [{\"id\": @\"" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "\", \"name\": \"X\"}]}", "regions[0].id", "the id is longer than 64 characters" },
  { "id-duplicate", HEAD "\"regions\": [" REGION "}, {\"id\": @\"na\", \"name\": \"Y\"}]}", "regions[1].id",
    "another entry of “regions” has the id “na”" },
  { "name-type", HEAD "\"regions\": [{\"id\": \"na\", \"name\": @7}]}", "regions[0].name",
    "must be text: a string, or an object of languages such as {\"en\": \"…\", \"es\": \"…\"}" },
  { "language-tag", HEAD "\"regions\": [{\"id\": \"na\", \"name\": {\"en\": \"A\", @\"English\": \"B\"}}]}",
    "regions[0].name.English", "“English” is not a language tag such as en, zh-CN or pt-BR" },
  { "country", HEAD "\"regions\": [" REGION ", \"countries\": [\"US\", @\"usa\"]}]}", "regions[0].countries[1]",
    "“usa” is not a country code: use two capital letters (ISO 3166, e.g. US)" },
  { "year-fraction", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": @2024.0, \"value\": 1, \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].year", "must be a whole year from 1990 to 2100" },
  { "year-wraps", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": @18446744073709553640, \"value\": 1, \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].year", "must be a whole year from 1990 to 2100" },
  { "year-range", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": @1989, \"value\": 1, \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].year", "must be a whole year from 1990 to 2100" },
  { "money-negative", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": @-5, \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].value", "must be 0 or more" },
  { "money-type", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": @\"5\", \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].value", "must be a number, not a string" },
  { "figure-required", HEAD "\"regions\": [" REGION ", \"revenue\": [@{\"year\": 2024, \"value\": 1}]}]}",
    "regions[0].revenue[0]", "“source” is missing" },
  { "source-dangling", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": @\"t\"}]}]}",
    "regions[0].revenue[0].source", "“t” is not the id of a source" },
  { "same-point", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\"}, "
    "@{\"year\": 2024, \"value\": 2, \"source\": \"s\"}]}]}",
    "regions[0].revenue[1]", "another figure for 2024 has the same source and basis" },
  { "two-primaries", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\", \"primary\": true}, "
    "@{\"year\": 2024, \"value\": 2, \"source\": \"s\", \"basis\": \"b\", \"primary\": true}]}]}",
    "regions[0].revenue[1]", "another figure for 2024 is already primary" },
  { "qualifier", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\", \"qualifier\": @\"about\"}]}]}",
    "regions[0].revenue[0].qualifier", "must be “approx”, “at-least” or “at-most”" },
  { "bool", HEAD "\"regions\": [" REGION ", \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\", \"estimate\": @\"yes\"}]}]}",
    "regions[0].revenue[0].estimate", "must be true or false, not a string" },
  { "growth-same", HEAD "\"regions\": [" REGION ", \"growth\": [{\"metric\": \"users\", \"year\": 2024, \"percent\": 5, \"source\": \"s\"}, "
    "@{\"metric\": \"users\", \"year\": 2024, \"percent\": 6, \"source\": \"s\"}]}]}",
    "regions[0].growth[1]", "another users figure for 2024 has the same source and basis" },
  { "share", HEAD "\"regions\": [" REGION ", \"audience\": {\"traits\": [{\"label\": \"Women\", \"share\": @1.5, \"source\": \"s\"}]}}]}",
    "regions[0].audience.traits[0].share", "must be a share from 0 to 1" },
  { "label-long", HEAD "\"regions\": [{\"id\": \"na\", \"name\": @\"%LONG%\"}]}", "regions[0].name",
    "is longer than 1024 characters" },
  { "date", HEAD "\"updated\": @\"2025-02-30\", \"regions\": [" REGION "}]}", "updated",
    "“2025-02-30” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD" },
  { "currency", HEAD "\"currency\": @\"usd\", \"regions\": [" REGION "}]}", "currency",
    "“usd” is not a currency code: use ISO 4217, such as USD" },
  { "quote-region", HEAD "\"regions\": [" REGION "}], \"experts\": [{\"id\": \"e\", \"name\": \"E\", \"quotes\": "
    "[{\"text\": \"Hi\", \"source\": \"s\", \"regions\": [\"na\", @\"mars\"]}]}]}",
    "experts[0].quotes[0].regions[1]", "“mars” is not the id of a region" },
  { "reserved-source", "{\"format\": \"reelscope-dataset\", \"version\": 1, \"sources\": [{\"id\": @\"records\", \"title\": \"R\"}], "
    "\"regions\": [" REGION "}]}", "sources[0].id", "“records” is reserved for the figures summed from records" },
  { "records-type", HEAD "\"regions\": [" REGION "}], \"records\": @{}}", "records", "must be a list, not an object" },
  { "record-region", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": 1}, "
    "{\"region\": @\"eu\", \"period\": \"2024-01\", \"revenue\": 1}]}", "records[1].region", "“eu” is not the id of a region" },
  { "record-platform", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"platform\": @\"rs\", \"period\": \"2024-01\", \"revenue\": 1}]}",
    "records[0].platform", "“rs” is not the id of a platform" },
  { "record-metric", RECORDS2 NA_RECORD "\"period\": \"2025\", \"metric\": @\"views\", \"value\": 1}]}",
    "records[0].metric", "“views” is not a metric: use revenue, downloads, monthly-active-users, "
    "revenue-share, download-share or revenue-per-download" },
  { "record-share-range", RECORDS2 NA_RECORD "\"period\": \"2025-Q1\", \"metric\": \"revenue-share\", \"value\": @1.5}]}",
    "records[0].value", "must be a share from 0 to 1" },
  { "record-share-twice", RECORDS2 NA_RECORD "\"period\": \"2025\", \"metric\": \"download-share\", \"value\": 0.5},\n"
    NA_RECORD "\"period\": \"2025\", \"metric\": \"download-share\", \"value\": @0.25}]}",
    "records[1].value", "a second share of the same place, metric and period: shares are not summed" },
  { "record-both-numbers", RECORDS2 NA_RECORD "\"period\": \"2025\", \"revenue\": 1, \"value\": @2}]}",
    "records[0].value", "a record has “revenue” or “value”, not both" },
  { "record-value-negative", RECORDS2 NA_RECORD "\"period\": \"2025\", \"metric\": \"downloads\", \"value\": @-1}]}",
    "records[0].value", "must be 0 or more" },
  { "record-period-v2", RECORDS2 NA_RECORD "\"period\": @\"2025-Q5\", \"value\": 1}]}",
    "records[0].period", "“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM" },
  { "record-period-v1", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"period\": @\"2025\", \"revenue\": 1}]}",
    "records[0].period", "“2025” is not a period: use YYYY-MM" },
  { "record-period", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"period\": @\"2024-13\", \"revenue\": 1}]}",
    "records[0].period", "“2024-13” is not a period: the month must be 01 to 12" },
  { "record-revenue", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": @-1}]}",
    "records[0].revenue", "-1 is negative: revenue is 0 or more" },
  { "record-type", HEAD "\"regions\": [" REGION "}], \"records\": [{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": @\"1\"}]}",
    "records[0].revenue", "must be a number" },
  { "record-missing", HEAD "\"regions\": [" REGION "}], \"records\": [@{\"region\": \"na\", \"revenue\": 1}]}",
    "records[0]", "the record has no “period”" },
  { "record-not-object", HEAD "\"regions\": [" REGION "}], \"records\": [@[1]]}",
    "records[0]", "a record must be an object" },
  { "syntax", HEAD "\"regions\": [" REGION "}],@}", "", "expected a member name in double quotes, found “}”" },

  /* Format version 2 */
  { "v2-period-syntax", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": @\"2025-Q5\"}]}]}",
    "regions[0].figures[0].period",
    "“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM" },
  { "v2-period-year", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": @\"1989-06\"}]}]}",
    "regions[0].figures[0].period", "“1989-06”: the year must be 1990 to 2100" },
  { "v2-span-backwards", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": @\"2025-05/2025-01\"}]}]}",
    "regions[0].figures[0].period",
    "“2025-05/2025-01”: a span runs from its first month to a later one, 120 months at most" },
  { "v2-span-too-long", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": @\"2010-01/2020-01\"}]}]}",
    "regions[0].figures[0].period",
    "“2010-01/2020-01”: a span runs from its first month to a later one, 120 months at most" },
  { "v2-year-and-period", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\", \"year\": @2025}]}]}",
    "regions[0].figures[0].year", "a figure has “year” or “period”, not both" },
  { "v2-no-period", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [@" FIG "\"basis\": \"b\"}]}]}",
    "regions[0].figures[0]", "“period” is missing" },
  { "v2-metric", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [{\"metric\": @\"views\", \"period\": \"2025\", \"value\": 1, \"source\": \"s\"}]}]}",
    "regions[0].figures[0].metric",
    "“views” is not a metric: use revenue, downloads, monthly-active-users, revenue-share, "
    "download-share or revenue-per-download" },
  { "v2-share-range", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [{\"metric\": \"revenue-share\", \"period\": \"2025\", \"value\": @1.5, \"source\": \"s\"}]}]}",
    "regions[0].figures[0].value", "must be a share from 0 to 1" },
  { "v2-count-negative", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [{\"metric\": \"downloads\", \"period\": \"2025\", \"value\": @-1, \"source\": \"s\"}]}]}",
    "regions[0].figures[0].value", "must be 0 or more" },
  { "v2-source-and-derived", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\", \"derived\": @" DERIVED "}]}]}",
    "regions[0].figures[0].derived", "a figure has a “source” or is “derived”, not both" },
  { "v2-no-source", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [@{\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 1}]}]}",
    "regions[0].figures[0]", "“source” is missing" },
  { "v2-no-inputs", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [{\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 1, "
    "\"derived\": {\"method\": \"m\", \"inputs\": @[]}}]}]}",
    "regions[0].figures[0].derived.inputs", "a derived figure has 1 to 16 inputs" },
  { "v2-input-source", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [{\"metric\": \"revenue\", \"period\": \"2025\", \"value\": 1, "
    "\"derived\": {\"method\": \"m\", \"inputs\": [{\"source\": @\"x\", \"metric\": \"revenue\", \"period\": \"2024\", \"value\": 2}]}}]}]}",
    "regions[0].figures[0].derived.inputs[0].source", "“x” is not the id of a source" },
  { "v2-duplicate", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\"}, @" FIG "\"period\": \"2025\"}]}]}",
    "regions[0].figures[1]", "another revenue figure for 2025 has the same source, basis and scope" },
  { "v2-primary-twice", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\", \"primary\": true}, @"
    FIG "\"period\": \"2025\", \"basis\": \"b\", \"primary\": true}]}]}",
    "regions[0].figures[1]", "another revenue figure for 2025 is already primary" },
  { "v2-derived-primary-after", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\"}, "
    "@" DERIVED_FIG "\"period\": \"2025\", \"primary\": true}]}]}",
    "regions[0].figures[1]",
    "a derived figure is never primary over a reported one: a source reports the revenue figure for 2025" },
  /* The reported figure comes later: the problem is still the derived one's. */
  { "v2-derived-primary-before", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [@" DERIVED_FIG
    "\"period\": \"2025-Q1\", \"primary\": true}, " FIG "\"period\": \"2025-Q1\"}]}]}",
    "regions[0].figures[0]",
    "a derived figure is never primary over a reported one: a source reports the revenue figure for 2025-Q1" },
  { "v2-country-unlisted", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\", \"country\": @\"JP\"}]}]}",
    "regions[0].figures[0].country", "“JP” is not one of the region's countries" },
  { "v2-country-syntax", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" FIG "\"period\": \"2025\", \"country\": @\"usa\"}]}]}",
    "regions[0].figures[0].country", "“usa” is not a country code: use two capital letters (ISO 3166, e.g. US)" },
  { "v2-country-figures-code", HEAD2 "\"regions\": [" REGION2 ", \"country-figures\": {\"JP\": @[" FIG "\"period\": \"2025\"}]}}]}",
    "regions[0].country-figures.JP", "“JP” is not one of the region's countries" },
  { "v2-share-sum", HEAD2 "\"regions\": [" REGION2 ", \"figures\": [" SHARE "]}, "
    "{\"id\": \"eu\", \"name\": \"Europe\", \"figures\": [@" SHARE "]}]}",
    "regions[1].figures[0]", "the revenue-share figures of this source for 2025 sum to more than the whole world" },
  { "v2-growth-versus", HEAD2 "\"regions\": [" REGION2 ", \"growth\": [{\"metric\": \"downloads\", \"period\": \"2025-Q1\", "
    "\"versus\": @\"2025-Q2\", \"percent\": 5, \"source\": \"s\"}]}]}",
    "regions[0].growth[0].versus", "a growth compares with an earlier period" },
  { "v2-growth-no-versus", HEAD2 "\"regions\": [" REGION2 ", \"growth\": [@{\"metric\": \"downloads\", \"period\": \"2025-Q1\", "
    "\"percent\": 5, \"source\": \"s\"}]}]}",
    "regions[0].growth[0]", "“versus” is missing" },
  { "v2-platform-region", HEAD2 "\"regions\": [" REGION2 "}], \"platforms\": [{\"id\": \"p\", \"name\": \"P\", \"figures\": ["
    FIG "\"period\": \"2025\", \"region\": @\"eu\"}]}]}",
    "platforms[0].figures[0].region", "“eu” is not the id of a region" },
  { "v2-revenue-list", HEAD2 "\"regions\": [" REGION2 ", \"revenue\": [{\"metric\": @\"downloads\", \"year\": 2025, \"value\": 1, \"source\": \"s\"}]}]}",
    "regions[0].revenue[0].metric", "a figure in a “revenue” list is revenue" },
};

/* Replaces the "@" marker and %LONG%, and says where the marker was. */
static char *
prepare (const char *json,
         guint      *line,
         guint      *column)
{
  GString *out = g_string_new (NULL);

  *line = 1;
  *column = 1;
  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '@')
        {
          /* Columns count characters, so count them up to the marker. */
          const char *line_start = out->str + out->len;

          while (line_start > out->str && line_start[-1] != '\n')
            line_start--;
          *column = g_utf8_strlen (line_start, out->str + out->len - line_start) + 1;
          for (const char *c = out->str; *c != '\0'; c++)
            *line += *c == '\n';
          continue;
        }
      if (g_str_has_prefix (p, "%LONG%"))
        {
          for (guint i = 0; i < 1025; i++)
            g_string_append (out, "é");
          p += strlen ("%LONG%") - 1;
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *json = NULL;
  const ReelProblem *problem = NULL;
  GPtrArray *problems;
  guint line, column;

  json = prepare (rule->json, &line, &column);
  file = write_file ("rule.json", json, -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_null (dataset);
  g_assert_nonnull (error);
  g_assert_true (error->domain == REEL_DATASET_ERROR);

  problems = reel_dataset_loader_get_problems (loader);
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *p = g_ptr_array_index (problems, i);

      if (p->severity == REEL_PROBLEM_ERROR)
        {
          g_autofree char *text = reel_problem_to_string (p, NULL);

          g_test_message ("%s", text);
          problem = p;
        }
    }

  /* Each document breaks one rule; a second error would be a cascade. */
  g_assert_nonnull (problem);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 1);
  g_assert_cmpstr (problem->message, ==, rule->message);
  g_assert_cmpstr (problem->path, ==, rule->path);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
}

static void
test_warnings (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  const ReelProblem *p;

  file = write_file ("warnings.reelscope.json",
                     "{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                     " \"sources\": [{\"id\": \"s\", \"title\": \"S\", \"url\": \"javascript:alert(1)\"}],\n"
                     " \"regions\": [{\"id\": \"na\", \"name\": \"NA\",\n"
                     "   \"revnue\": [],\n"
                     "   \"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\", \"estimate\": true}]}],\n"
                     " \"colour\": \"red\"}", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  /* Warnings do not stop a dataset from loading. */
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 0);
  g_assert_cmpuint (reel_dataset_loader_get_n_warnings (loader), ==, 4);

  problems = reel_dataset_loader_get_problems (loader);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (p->severity, ==, REEL_PROBLEM_WARNING);
  g_assert_cmpstr (p->path, ==, "sources[0].url");
  g_assert_cmpuint (p->line, ==, 2);
  g_assert_cmpuint (p->column, ==, 47);
  g_assert_cmpstr (p->message, ==, "only http and https links are opened; this one will not be");

  p = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (p->path, ==, "regions[0].revnue");
  g_assert_cmpuint (p->line, ==, 4);
  g_assert_cmpuint (p->column, ==, 4);
  g_assert_cmpstr (p->message, ==, "unknown member, did you mean “revenue”?");

  p = g_ptr_array_index (problems, 2);
  g_assert_cmpstr (p->path, ==, "regions[0].revenue[0]");
  g_assert_cmpuint (p->line, ==, 5);
  g_assert_cmpuint (p->column, ==, 16);
  g_assert_cmpstr (p->message, ==, "an estimate should have a “note” saying how it was derived");

  p = g_ptr_array_index (problems, 3);
  g_assert_cmpstr (p->path, ==, "colour");
  g_assert_cmpuint (p->line, ==, 6);
  g_assert_cmpuint (p->column, ==, 2);
  g_assert_cmpstr (p->message, ==, "unknown member, ignored");
}

static void
test_many_problems (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  /* Three different mistakes, three positioned problems, in file order. */
  file = write_file ("three.json",
                     "{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                     " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                     " \"regions\": [{\"id\": \"North America\", \"name\": \"NA\"},\n"
                     "  {\"id\": \"eu\", \"name\": \"Europe\", \"revenue\": [\n"
                     "    {\"year\": 2024.0, \"value\": 1, \"source\": \"s\"},\n"
                     "    {\"year\": 2023, \"value\": -1, \"source\": \"s\"}]}]}", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "3 problems, the first at 3:21: “North America” is not an id: "
                   "use lowercase letters, digits and hyphens, not starting with a hyphen");
  problems = reel_dataset_loader_get_problems (loader);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((ReelProblem *) problems->pdata[1])->path, ==, "regions[1].revenue[0].year");
  g_assert_cmpuint (((ReelProblem *) problems->pdata[1])->line, ==, 5);
  g_assert_cmpuint (((ReelProblem *) problems->pdata[1])->column, ==, 14);
  g_assert_cmpstr (((ReelProblem *) problems->pdata[2])->path, ==, "regions[1].revenue[1].value");
  g_assert_cmpuint (((ReelProblem *) problems->pdata[2])->line, ==, 6);
  g_assert_cmpuint (((ReelProblem *) problems->pdata[2])->column, ==, 29);
}

static void
test_records (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  const ReelRegion *na, *eu;
  const ReelFigure *figure;
  const ReelPlatform *platform;
  const ReelSource *source;
  double growth;

  /* Records come before the regions they name: ids resolve after reading. */
  g_string_append (json, "{\"records\": [\n");
  for (guint month = 1; month <= 12; month++)
    g_string_append_printf (json, "{\"region\": \"na\", \"platform\": \"rs\", \"period\": \"2023-%02u\", \"revenue\": 10},\n", month);
  for (guint month = 1; month <= 12; month++)
    g_string_append_printf (json, "{\"region\": \"na\", \"period\": \"2024-%02u\", \"revenue\": 15, \"country\": \"US\"},\n", month);
  g_string_append (json, "{\"region\": \"eu\", \"platform\": \"rs\", \"period\": \"2024-03\", \"revenue\": 2.5, \"extra\": [1, {\"a\": 2}]},\n"
                         "{\"region\": \"eu\", \"period\": \"2024-04\", \"revenue\": 0.5, \"extra\": 1}],\n"
                         "\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                         "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}],\n"
                         "\"platforms\": [{\"id\": \"rs\", \"name\": \"ReelShort\"}],\n"
                         "\"regions\": [{\"id\": \"na\", \"name\": \"NA\", \"revenue\": [{\"year\": 2024, \"value\": 99, \"source\": \"s\"}]},\n"
                         "  {\"id\": \"eu\", \"name\": \"EU\"}]}");
  file = write_file ("records.reelscope.json", json->str, json->len);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 26);
  /* The unknown member is warned about once, not once per record. */
  g_assert_cmpuint (reel_dataset_loader_get_n_warnings (loader), ==, 1);

  source = reel_dataset_find_source (dataset, "records");
  g_assert_nonnull (source);
  g_assert_cmpstr (reel_text_get_for (source->title, NULL), ==, "Raw records in this dataset");

  na = region (dataset, "na");
  g_assert_cmpuint (na->revenue->len, ==, 3);
  /* The reported figure stays primary; the records' sum shows beside it. */
  figure = reel_dataset_get_primary_figure (na->revenue, 2024);
  g_assert_cmpfloat (figure->value, ==, 99);
  figure = &g_array_index (na->revenue, ReelFigure, 2);
  g_assert_cmpuint (figure->year, ==, 2024);
  g_assert_cmpfloat (figure->value, ==, 180);
  g_assert_cmpint (figure->flags & REEL_FIGURE_PRIMARY, ==, 0);
  g_assert_cmpint (figure->flags & REEL_FIGURE_PARTIAL, ==, 0);
  figure = reel_dataset_get_primary_figure (na->revenue, 2023);
  g_assert_cmpfloat (figure->value, ==, 120);
  /* 2023's primary is the records' sum, 2024's the source's figure: two
   * sources, so no growth between them (it would read -17.5%). */
  g_assert_false (reel_dataset_get_revenue_growth (na->revenue, 2024, &growth));
  g_assert_false (reel_dataset_get_revenue_growth (na->revenue, 2023, &growth));

  eu = region (dataset, "eu");
  figure = reel_dataset_get_primary_figure (eu->revenue, 2024);
  g_assert_cmpfloat (figure->value, ==, 3);
  g_assert_cmpint (figure->flags, ==, REEL_FIGURE_PRIMARY | REEL_FIGURE_PARTIAL);

  platform = g_ptr_array_index (reel_dataset_get_platforms (dataset), 0);
  g_assert_cmpfloat (reel_dataset_get_primary_figure (platform->revenue, 2023)->value, ==, 120);
  g_assert_cmpfloat (reel_dataset_get_primary_figure (platform->revenue, 2024)->value, ==, 2.5);

  /* The world's records total is partial because Europe's is. */
  figure = reel_dataset_get_primary_figure (reel_dataset_get_global (dataset)->revenue, 2024);
  g_assert_cmpfloat (figure->value, ==, 183);
  g_assert_cmpint (figure->flags & REEL_FIGURE_PARTIAL, ==, REEL_FIGURE_PARTIAL);
}

static const ReelMeasure *
find_measure (GArray     *measures,
              ReelMetric  metric,
              const char *period)
{
  for (guint i = 0; i < measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (measures, ReelMeasure, i);
      g_autofree char *text = reel_period_to_string (&measure->period);

      if (measure->metric == metric && g_strcmp0 (text, period) == 0)
        return measure;
    }
  return NULL;
}

/* Records of other metrics and periods become measures of the records
 * source; revenue months still sum into years. */
static void
test_record_measures (void)
{
  const char *json =
    HEAD2 "\"platforms\": [{\"id\": \"rs\", \"name\": \"ReelShort\"}],\n"
    "\"regions\": [" REGION2 "}], \"records\": [\n"
    "{\"region\": \"na\", \"period\": \"2025-Q1\", \"metric\": \"downloads\", \"value\": 10, \"country\": \"US\"},\n"
    "{\"region\": \"na\", \"period\": \"2025-Q1\", \"metric\": \"downloads\", \"value\": 5, \"country\": \"CA\", \"platform\": \"rs\"},\n"
    "{\"region\": \"na\", \"period\": \"2025-05\", \"metric\": \"monthly-active-users\", \"value\": 7},\n"
    "{\"region\": \"na\", \"period\": \"2025-06\", \"metric\": \"monthly-active-users\", \"value\": 8},\n"
    "{\"region\": \"na\", \"period\": \"2025\", \"metric\": \"revenue-share\", \"value\": 0.4, \"platform\": \"rs\"},\n"
    "{\"region\": \"na\", \"period\": \"2024-01/2024-09\", \"revenue\": 90},\n"
    "{\"region\": \"na\", \"period\": \"2025-01\", \"revenue\": 3}]}";
  g_autoptr(ReelDataset) dataset = load_valid_json ("measures.reelscope.json", json);
  const ReelRegion *na = region (dataset, "na");
  const ReelPlatform *platform;
  const ReelMeasure *measure;
  const ReelSource *records;

  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 7);
  records = reel_dataset_find_source (dataset, "records");
  g_assert_nonnull (records);

  measure = find_measure (na->measures, REEL_METRIC_DOWNLOADS, "2025-Q1");
  g_assert_nonnull (measure);
  g_assert_cmpfloat (measure->value, ==, 15);
  g_assert_cmpstr (measure->basis, ==, "sum of records");
  g_assert_true (reel_dataset_get_source (dataset, measure->source) == records);
  /* Monthly users are never added across periods: one measure a month. */
  g_assert_cmpfloat (find_measure (na->measures, REEL_METRIC_MONTHLY_ACTIVE_USERS, "2025-05")->value, ==, 7);
  g_assert_cmpfloat (find_measure (na->measures, REEL_METRIC_MONTHLY_ACTIVE_USERS, "2025-06")->value, ==, 8);
  g_assert_cmpfloat (find_measure (na->measures, REEL_METRIC_REVENUE, "2024-01/2024-09")->value, ==, 90);
  /* The platform's share is its own, not the region's. */
  g_assert_null (find_measure (na->measures, REEL_METRIC_REVENUE_SHARE, "2025"));
  /* The month of revenue keeps its yearly, partial sum. */
  g_assert_cmpfloat (reel_dataset_get_primary_figure (na->revenue, 2025)->value, ==, 3);

  platform = g_ptr_array_index (reel_dataset_get_platforms (dataset), 0);
  measure = find_measure (platform->measures, REEL_METRIC_DOWNLOADS, "2025-Q1");
  g_assert_cmpfloat (measure->value, ==, 5);
  g_assert_cmpstr (measure->region, ==, "na");
  measure = find_measure (platform->measures, REEL_METRIC_REVENUE_SHARE, "2025");
  g_assert_cmpfloat (measure->value, ==, 0.4);
  g_assert_cmpstr (measure->region, ==, "na");
}

static void
test_csv (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelRegion *latam;

  file = write_file ("sales.csv",
                     "region,period,revenue,platform\n"
                     "latin-america,2024-01,5,dramabox\n"
                     "southeast-asia,2024-01,7,\n"
                     "latin-america,2024-02,6,reelshort\n", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_no_error (error);
  g_assert_cmpstr (reel_text_get_for (reel_dataset_get_title (dataset), NULL), ==, "sales.csv");
  g_assert_cmpuint (reel_dataset_get_regions (dataset)->len, ==, 2);
  latam = g_ptr_array_index (reel_dataset_get_regions (dataset), 0);
  g_assert_cmpstr (latam->id, ==, "latin-america");
  g_assert_cmpfloat (reel_dataset_get_primary_figure (latam->revenue, 2024)->value, ==, 11);
  g_assert_cmpuint (reel_dataset_get_platforms (dataset)->len, ==, 2);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 3);
}

/* The generator writes the same records as JSON and as CSV: both readers
 * must sum them to the same figures. */
static void
test_json_csv_agree (void)
{
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "data", "synthetic-40.reelscope.json", NULL);
  g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "synthetic-40.csv", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelDataset) json = load_file (json_file, NULL, &error);
  g_autoptr(ReelDataset) csv = load_file (csv_file, NULL, &error);
  guint compared = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_get_n_records (json), ==, 40);
  g_assert_cmpuint (reel_dataset_get_n_records (csv), ==, 40);

  for (guint i = 0; i < reel_dataset_get_regions (csv)->len; i++)
    {
      const ReelRegion *from_csv = g_ptr_array_index (reel_dataset_get_regions (csv), i);
      const ReelRegion *from_json = region (json, from_csv->id);

      g_assert_cmpuint (from_csv->revenue->len, ==, from_json->revenue->len);
      for (guint f = 0; f < from_csv->revenue->len; f++)
        {
          const ReelFigure *a = &g_array_index (from_csv->revenue, ReelFigure, f);
          const ReelFigure *b = &g_array_index (from_json->revenue, ReelFigure, f);

          g_assert_cmpuint (a->year, ==, b->year);
          g_assert_cmpfloat (a->value, ==, b->value);
          g_assert_cmpint (a->flags, ==, b->flags);
          compared++;
        }
    }
  g_assert_cmpuint (compared, >=, 8);
}

static void
test_csv_problem (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelProblem *problem;

  file = write_file ("sales.csv", "region,period,revenue\nna,2024-01,-3\n", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpuint (problem->column, ==, 12);
  g_assert_cmpstr (problem->path, ==, "revenue");
}

static void
test_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/reelscope.json");
  g_autoptr(GFile) device = g_file_new_for_path ("/dev/zero");
  g_autoptr(ReelDataset) dataset = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("reelscope-test-XXXXXX", NULL);

  dataset = load_file (missing, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  dir = g_file_new_for_path (tmp);
  dataset = load_file (dir, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_rmdir (tmp);

  /* A device never ends: refused before a byte is read. */
  dataset = load_file (device, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_sparse_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file ("huge.json", "{", 1);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;

  /* 2 GB that take no disk space. */
  g_assert_cmpint (truncate (path, G_GINT64_CONSTANT (2) << 30), ==, 0);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is 2.1\u00a0GB, more than the limit of 1.0\u00a0GiB");
}

static void
test_empty_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file ("empty.json", "", 0);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  const ReelProblem *problem;

  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpstr (problem->message, ==, "the file is empty");
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->column, ==, 1);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReelDataset **dataset = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  *dataset = reel_dataset_loader_load_finish (REEL_DATASET_LOADER (object), result, &problems,
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(GtSignalLogger) logger = NULL;
  g_autoptr(GString) json = g_string_new (HEAD "\"regions\": [" REGION "}], \"records\": [");
  ReelDataset *dataset = NULL;
  double fraction = 0, last = 0;
  gsize n;

  /* Large enough to be read in many buffers, so progress is reported. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "%s{\"region\": \"na\", \"period\": \"2024-%02u\", \"revenue\": %u}",
                            i > 0 ? ", " : "", i % 12 + 1, i);
  g_string_append (json, "]}");
  file = write_file ("async.json", json->str, json->len);

  loader = reel_dataset_loader_new (file);
  logger = gt_signal_logger_new ();
  gt_signal_logger_connect (logger, loader, "progress");
  reel_dataset_loader_load_async (loader, NULL, loaded_cb, &dataset);

  while (dataset == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_file (file);

  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 20000);

  /* Progress went up, emitted here on the main thread, and reached the end. */
  n = gt_signal_logger_get_n_emissions (logger);
  g_assert_cmpuint (n, >, 5);
  for (guint i = 0; i < n; i++)
    {
      gt_signal_logger_assert_emission_pop (logger, loader, "progress", &fraction);
      g_assert_cmpfloat (fraction, >, last);
      last = fraction;
    }
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpfloat (last, ==, 1.0);

  g_object_unref (dataset);
}

static void
test_cancel (void)
{
  g_autoptr(GFile) file = sample_file ();
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (reel_dataset_loader_load (loader, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A loader of bytes (the fuzzers use it): the name picks JSON or CSV as a
 * file's would, the first byte when it says neither; there is no file. */
static void
test_bytes (void)
{
  static const char json[] = HEAD "\"regions\": [" REGION "}]}";
  static const char csv[] = "region,period,revenue\nlatin-america,2024-01,5\n";
  g_autoptr(GBytes) json_bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) csv_bytes = g_bytes_new_static (csv, strlen (csv));
  struct {
    GBytes     *bytes;
    const char *name;
    gboolean    valid;
    const char *title;
  } cases[] = {
    { json_bytes, "a.json", TRUE, "" },
    { json_bytes, NULL, TRUE, "" },
    { json_bytes, "a.csv", FALSE, NULL },
    { csv_bytes, "sales.csv", TRUE, "sales.csv" },
    { csv_bytes, "sales", TRUE, "sales" },
    { csv_bytes, "a.json", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (cases[i].bytes, cases[i].name);
      g_autoptr(ReelDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_null (reel_dataset_loader_get_file (loader));
      dataset = reel_dataset_loader_load (loader, NULL, &error);
      g_assert_true ((dataset != NULL) == cases[i].valid);
      if (!cases[i].valid)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == REEL_DATASET_ERROR);
          continue;
        }
      g_assert_no_error (error);
      g_assert_null (reel_dataset_get_file (dataset));
      g_assert_cmpstr (reel_text_get_for (reel_dataset_get_title (dataset), NULL), ==, cases[i].title);
      g_assert_cmpuint (reel_dataset_get_regions (dataset)->len, ==, 1);
    }
}

/* A dataset of version 2: every new member lands in the model, and the
 * whole-year revenue of a whole place also in the revenue the charts draw. */
static void
test_version_2 (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelRegion *na;
  const ReelMeasure *measure;
  const ReelDerivedInput *input;
  const ReelGrowth *growth;
  const ReelPlatform *platform;
  const ReelProblem *problem;

  file = write_file ("v2.reelscope.json",
                     "{\"format\": \"reelscope-dataset\", \"version\": 2,\n"
                     " \"sources\": [{\"id\": \"s\", \"title\": \"S\"}, {\"id\": \"t\", \"title\": \"T\"},\n"
                     "   {\"id\": \"unused\", \"title\": \"U\"}],\n"
                     " \"global\": {\"figures\": [{\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 10,\n"
                     "   \"derived\": {\"method\": \"share × total\", \"inputs\": [\n"
                     "     {\"source\": \"t\", \"metric\": \"revenue-share\", \"period\": \"2024\", \"value\": 0.5, \"scope\": \"NA\"}]}}]},\n"
                     " \"regions\": [{\"id\": \"na\", \"name\": \"NA\", \"countries\": [\"US\"],\n"
                     "   \"figures\": [{\"metric\": \"revenue\", \"year\": 2024, \"value\": 5, \"source\": \"s\"},\n"
                     "     {\"metric\": \"revenue\", \"period\": \"2024-01/2024-09\", \"value\": 3, \"source\": \"s\"},\n"
                     "     {\"metric\": \"downloads\", \"period\": \"2025-Q1\", \"value\": 7, \"source\": \"s\"}],\n"
                     "   \"country-figures\": {\"US\": [{\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 4, \"source\": \"s\"}]},\n"
                     "   \"growth\": [{\"metric\": \"downloads\", \"period\": \"2025-Q1\", \"versus\": \"2024-Q4\", \"percent\": 69, \"source\": \"s\"},\n"
                     "     {\"metric\": \"revenue\", \"year\": 2024, \"percent\": 20, \"source\": \"s\"}]}],\n"
                     " \"platforms\": [{\"id\": \"p\", \"name\": \"P\", \"countries\": [\"US\"], \"figures\": [\n"
                     "   {\"metric\": \"monthly-active-users\", \"period\": \"2025-05\", \"value\": 9, \"source\": \"s\", \"region\": \"na\"},\n"
                     "   {\"metric\": \"revenue\", \"period\": \"2024\", \"value\": 2, \"source\": \"s\"}]}]}", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_get_version (dataset), ==, 2);
  g_assert_cmpuint (reel_dataset_count_figures (dataset), ==, 9);

  /* The derived figure is the world's, but not drawn as revenue. */
  g_assert_cmpuint (reel_dataset_get_global (dataset)->revenue->len, ==, 0);
  measure = &g_array_index (reel_dataset_get_global (dataset)->measures, ReelMeasure, 0);
  g_assert_cmpuint (measure->source, ==, G_MAXUINT);
  g_assert_cmpstr (reel_text_get (measure->derived->method), ==, "share × total");
  g_assert_true ((measure->flags & REEL_FIGURE_ESTIMATE) != 0);
  input = &g_array_index (measure->derived->inputs, ReelDerivedInput, 0);
  g_assert_cmpuint (input->source, ==, 1);
  g_assert_cmpuint (input->metric, ==, REEL_METRIC_REVENUE_SHARE);
  g_assert_cmpfloat (input->value, ==, 0.5);
  g_assert_cmpstr (reel_text_get (input->scope), ==, "NA");

  /* Only the region's own whole year is drawn: not nine months, not the US. */
  na = region (dataset, "na");
  g_assert_cmpuint (na->measures->len, ==, 4);
  g_assert_cmpuint (na->revenue->len, ==, 1);
  g_assert_cmpuint (g_array_index (na->revenue, ReelFigure, 0).year, ==, 2024);
  g_assert_cmpfloat (g_array_index (na->revenue, ReelFigure, 0).value, ==, 5);
  measure = &g_array_index (na->measures, ReelMeasure, 1);
  g_assert_cmpuint (measure->period.kind, ==, REEL_PERIOD_SPAN);
  g_assert_false (reel_period_is_whole_year (&measure->period));
  measure = &g_array_index (na->measures, ReelMeasure, 2);
  g_assert_cmpuint (measure->metric, ==, REEL_METRIC_DOWNLOADS);
  g_assert_cmpuint (measure->period.kind, ==, REEL_PERIOD_QUARTER);
  measure = &g_array_index (na->measures, ReelMeasure, 3);
  g_assert_cmpstr (measure->country, ==, "US");

  /* Growth on the year before is drawn as in version 1; the rest waits. */
  g_assert_cmpuint (na->growth->len, ==, 1);
  g_assert_cmpuint (g_array_index (na->growth, ReelGrowth, 0).year, ==, 2024);
  g_assert_cmpuint (na->period_growth->len, ==, 1);
  growth = &g_array_index (na->period_growth, ReelGrowth, 0);
  g_assert_cmpuint (growth->period.kind, ==, REEL_PERIOD_QUARTER);
  g_assert_cmpuint (growth->versus.first, ==, 2024 * 12 + 9);

  platform = g_ptr_array_index (reel_dataset_get_platforms (dataset), 0);
  g_assert_cmpstrv (platform->countries, ((const char * const[]) { "US", NULL }));
  g_assert_cmpuint (platform->measures->len, ==, 2);
  g_assert_cmpuint (platform->revenue->len, ==, 1);
  g_assert_cmpstr (g_array_index (platform->measures, ReelMeasure, 0).region, ==, "na");

  /* The one problem: a source nothing uses. */
  g_assert_cmpuint (reel_dataset_loader_get_n_warnings (loader), ==, 1);
  problem = g_ptr_array_index (reel_dataset_loader_get_problems (loader), 0);
  g_assert_cmpstr (problem->path, ==, "sources[2]");
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->column, ==, 4);
  g_assert_cmpstr (problem->message, ==, "nothing in the dataset uses this source");
}

/* Without an explicit primary, a series' first reported figure is primary,
 * before a derived one listed earlier; a derived figure alone is primary. */
static void
test_version_2_primaries (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelRegion *na;
  const gboolean primary[] = { FALSE, TRUE, FALSE, TRUE };

  file = write_file ("v2-primaries.reelscope.json",
                     HEAD2 "\"regions\": [" REGION2 ", \"figures\": ["
                     DERIVED_FIG "\"period\": \"2025\"}, "
                     FIG "\"period\": \"2025\"}, "
                     FIG "\"period\": \"2025\", \"basis\": \"b\"}, "
                     "{\"metric\": \"downloads\", \"value\": 1, \"derived\": " DERIVED ", "
                     "\"period\": \"2025-Q1\"}]}]}", -1);
  dataset = load_file (file, &loader, &error);
  remove_file (file);

  g_assert_no_error (error);
  na = region (dataset, "na");
  g_assert_cmpuint (na->measures->len, ==, G_N_ELEMENTS (primary));
  for (guint i = 0; i < G_N_ELEMENTS (primary); i++)
    g_assert_cmpint ((g_array_index (na->measures, ReelMeasure, i).flags & REEL_FIGURE_PRIMARY) != 0,
                     ==, primary[i]);
}

/* The bundled dataset, of version 2: it loads without a problem, and charts
 * find its yearly revenue where they find version 1's. */
static void
test_version_2_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "microdrama-exports.reelscope.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  guint first, last;

  dataset = load_file (file, &loader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_loader_get_problems (loader)->len, ==, 0);
  g_assert_cmpuint (reel_dataset_count_figures (dataset), ==, 243);
  g_assert_cmpuint (region (dataset, "north-america")->measures->len, >, 0);
  g_assert_true (reel_dataset_get_year_range (dataset, &first, &last));
  g_assert_cmpuint (first, ==, 2023);
  g_assert_cmpuint (last, ==, 2030);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-loader/sample", test_sample);
  g_test_add_func ("/dataset-loader/warnings", test_warnings);
  g_test_add_func ("/dataset-loader/many-problems", test_many_problems);
  g_test_add_func ("/dataset-loader/records", test_records);
  g_test_add_func ("/dataset-loader/record-measures", test_record_measures);
  g_test_add_func ("/dataset-loader/csv", test_csv);
  g_test_add_func ("/dataset-loader/csv-problem", test_csv_problem);
  g_test_add_func ("/dataset-loader/json-csv-agree", test_json_csv_agree);
  g_test_add_func ("/dataset-loader/not-a-file", test_not_a_file);
  g_test_add_func ("/dataset-loader/sparse-file", test_sparse_file);
  g_test_add_func ("/dataset-loader/empty-file", test_empty_file);
  g_test_add_func ("/dataset-loader/async", test_async);
  g_test_add_func ("/dataset-loader/cancel", test_cancel);
  g_test_add_func ("/dataset-loader/bytes", test_bytes);
  g_test_add_func ("/dataset-loader/version-2", test_version_2);
  g_test_add_func ("/dataset-loader/version-2-primaries", test_version_2_primaries);
  g_test_add_func ("/dataset-loader/version-2-fixture", test_version_2_fixture);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dataset-loader/rule/%s", rules[i].name);

      g_test_add_data_func (path, &rules[i], test_rule);
    }

  return g_test_run ();
}
