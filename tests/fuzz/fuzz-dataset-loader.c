/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer harness of the whole loader: scanner, tree, records, rules and
 * builder for JSON; the CSV reader and the records dataset for CSV (the
 * loader tells them apart by the first byte, as for a file of neither
 * name). On every input it checks that:
 *
 * - a dataset comes back exactly when there is no error, and an error always
 *   comes with a problem that says what and where;
 * - every problem is fit to print (UTF-8, no control characters), positioned
 *   inside the input;
 * - every text of a dataset is plain and without control characters but
 *   tab and newline, every source index resolves, every point of every
 *   figure list has exactly one primary figure, and every getter works.
 *
 * Run it with build-aux/fuzz.sh. */

#include "config.h"

#include <math.h>

#include "fuzz-common.h"
#include "reel-dataset-loader.h"

static const char * const languages[][3] = {
  { NULL },
  { "zh_CN", "en", NULL },
  { "es", NULL },
  { "pt_BR", "pt", NULL },
};

static void
check_text (const char     *what,
            const ReelText *text,
            gboolean        nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        fuzz_fail ("%s has no text", what);
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *value = reel_text_get_for (text, languages[l][0] != NULL ? languages[l] : NULL);

      if (value == NULL || !g_utf8_validate (value, -1, NULL))
        fuzz_fail ("%s is not UTF-8", what);
      for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_iscntrl (c) && c != '\t' && c != '\n')
            fuzz_fail ("%s has control character U+%04X", what, c);
        }
    }
}

static void
check_string (const char *what,
              const char *value,
              gboolean    nullable)
{
  if (value == NULL)
    {
      if (!nullable)
        fuzz_fail ("%s is NULL", what);
      return;
    }

  if (!g_utf8_validate (value, -1, NULL))
    fuzz_fail ("%s is not UTF-8", what);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\t' && c != '\n')
        fuzz_fail ("%s has control character U+%04X", what, c);
    }
}

static void
check_source_index (ReelDataset *dataset,
                    guint        source)
{
  if (source >= reel_dataset_get_sources (dataset)->len)
    fuzz_fail ("source index %u of %u", source, reel_dataset_get_sources (dataset)->len);
  if (reel_dataset_get_source (dataset, source) == NULL)
    fuzz_fail ("source %u does not resolve", source);
}

static void
check_figures (ReelDataset *dataset,
               GArray      *figures)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const ReelFigure *figure = &g_array_index (figures, ReelFigure, i);
      const ReelFigure *primary = reel_dataset_get_primary_figure (figures, figure->year);
      guint n_primary = 0;
      double percent;

      check_source_index (dataset, figure->source);
      check_string ("a basis", figure->basis, TRUE);
      check_text ("a figure's note", figure->note, TRUE);
      if (!isfinite (figure->value) || figure->value < 0)
        fuzz_fail ("a figure of %g", figure->value);
      if (figure->year < REEL_DATASET_YEAR_MIN || figure->year > REEL_DATASET_YEAR_MAX)
        fuzz_fail ("a figure for %u", figure->year);

      for (guint j = 0; j < figures->len; j++)
        if (g_array_index (figures, ReelFigure, j).year == figure->year &&
            (g_array_index (figures, ReelFigure, j).flags & REEL_FIGURE_PRIMARY) != 0)
          n_primary++;
      if (n_primary != 1 || primary == NULL || primary->year != figure->year)
        fuzz_fail ("%u primary figures for %u", n_primary, figure->year);

      reel_dataset_get_revenue_growth (figures, figure->year, &percent);
    }
}

static void
check_region (ReelDataset      *dataset,
              const ReelRegion *region)
{
  check_text ("a region's name", region->name, region->id == NULL);
  for (guint i = 0; region->countries != NULL && region->countries[i] != NULL; i++)
    check_string ("a country", region->countries[i], FALSE);
  check_figures (dataset, region->revenue);

  for (guint i = 0; i < region->growth->len; i++)
    {
      const ReelGrowth *growth = &g_array_index (region->growth, ReelGrowth, i);

      check_source_index (dataset, growth->source);
      check_string ("a metric", growth->metric, FALSE);
      check_string ("a basis", growth->basis, TRUE);
      check_text ("a growth note", growth->note, TRUE);
      if (!isfinite (growth->percent))
        fuzz_fail ("a growth of %g", growth->percent);
    }

  if (region->audience != NULL)
    {
      check_text ("a summary", region->audience->summary, TRUE);
      for (guint i = 0; i < region->audience->traits->len; i++)
        {
          const ReelTrait *trait = &g_array_index (region->audience->traits, ReelTrait, i);

          check_source_index (dataset, trait->source);
          check_text ("a trait's label", trait->label, FALSE);
          check_text ("a trait's note", trait->note, TRUE);
          if (!(trait->share >= 0 && trait->share <= 1))
            fuzz_fail ("a share of %g", trait->share);
        }
      for (guint i = 0; i < region->audience->notes->len; i++)
        {
          const ReelNote *note = &g_array_index (region->audience->notes, ReelNote, i);

          check_source_index (dataset, note->source);
          check_text ("a note", note->text, FALSE);
        }
    }
}

static void
check_dataset (ReelDataset *dataset)
{
  GPtrArray *sources = reel_dataset_get_sources (dataset);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  GPtrArray *experts = reel_dataset_get_experts (dataset);
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);
  guint first, last;

  check_text ("the title", reel_dataset_get_title (dataset), FALSE);
  check_text ("the description", reel_dataset_get_description (dataset), TRUE);
  check_string ("the currency", reel_dataset_get_currency (dataset), FALSE);
  check_string ("the date", reel_dataset_get_updated (dataset), TRUE);

  for (guint i = 0; i < sources->len; i++)
    {
      const ReelSource *source = g_ptr_array_index (sources, i);

      check_string ("a source's id", source->id, FALSE);
      if (reel_dataset_find_source (dataset, source->id) == NULL)
        fuzz_fail ("source %s is not found", source->id);
      check_text ("a source's title", source->title, FALSE);
      check_text ("a publisher", source->publisher, TRUE);
      check_string ("a URL", source->url, TRUE);
      check_string ("a date", source->published, TRUE);
      check_text ("a source's note", source->note, TRUE);
      reel_dataset_url_is_safe (source->url);
    }

  check_region (dataset, reel_dataset_get_global (dataset));
  if (regions->len == 0)
    fuzz_fail ("a dataset without regions");
  for (guint i = 0; i < regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (regions, i);

      check_string ("a region's id", region->id, FALSE);
      if (reel_dataset_find_region (dataset, region->id) == NULL)
        fuzz_fail ("region %s is not found", region->id);
      check_region (dataset, region);
    }

  for (guint i = 0; i < experts->len; i++)
    {
      const ReelExpert *expert = g_ptr_array_index (experts, i);

      check_string ("an expert's id", expert->id, FALSE);
      check_text ("an expert's name", expert->name, FALSE);
      check_text ("a role", expert->role, TRUE);
      check_text ("an organization", expert->organization, TRUE);
      check_text ("a country", expert->country, TRUE);
      for (guint q = 0; q < expert->quotes->len; q++)
        {
          const ReelQuote *quote = &g_array_index (expert->quotes, ReelQuote, q);

          check_source_index (dataset, quote->source);
          check_text ("a quote", quote->text, FALSE);
          for (guint r = 0; quote->regions[r] != NULL; r++)
            if (reel_dataset_find_region (dataset, quote->regions[r]) == NULL)
              fuzz_fail ("a quote names region %s, which is not found", quote->regions[r]);
          for (guint t = 0; quote->topics[t] != NULL; t++)
            check_string ("a topic", quote->topics[t], FALSE);
        }
    }

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);

      check_string ("a platform's id", platform->id, FALSE);
      check_text ("a platform's name", platform->name, FALSE);
      check_text ("a company", platform->company, TRUE);
      check_figures (dataset, platform->revenue);
    }

  if (reel_dataset_get_year_range (dataset, &first, &last) && first > last)
    fuzz_fail ("years %u to %u", first, last);
  reel_dataset_get_latest_revenue_year (dataset);
}

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, NULL);
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  guint n_lines = 1, n_errors = 0;

  dataset = reel_dataset_loader_load (loader, NULL, &error);
  problems = reel_dataset_loader_get_problems (loader);

  for (gsize i = 0; i < size; i++)
    n_lines += data[i] == '\n';

  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      fuzz_check_problem (problem);
      if (problem->line > n_lines || (problem->line > 0 && problem->column == 0))
        fuzz_fail ("a problem at %u:%u in %u lines: %s", problem->line, problem->column,
                   n_lines, problem->message);
      n_errors += problem->severity == REEL_PROBLEM_ERROR;
    }
  if (n_errors != reel_dataset_loader_get_n_errors (loader))
    fuzz_fail ("%u errors listed, %u counted", n_errors, reel_dataset_loader_get_n_errors (loader));

  if (dataset != NULL)
    {
      if (error != NULL || n_errors > 0)
        fuzz_fail ("a dataset, and errors");
      check_dataset (dataset);
    }
  else
    {
      if (error == NULL)
        fuzz_fail ("no dataset, and no error");
      if (error->domain != REEL_DATASET_ERROR)
        fuzz_fail ("an error of another domain: %s", error->message);
      if (n_errors == 0)
        fuzz_fail ("no dataset, and no problem to say why: %s", error->message);
      fuzz_check_text ("the error", error->message);
    }

  return 0;
}
