/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-validate-command"

#include "config.h"

#include "reel-validate-command.h"

#include <glib/gi18n.h>

#include "reel-cli-io.h"

/* --validate prints this many problems, then how many more there are. */
#define MAX_PRINTED_PROBLEMS  100

enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
};

static void
print_summary (ReelDataset *dataset,
               const char  *file_name)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  guint n_sources = reel_dataset_get_sources (dataset)->len;
  gulong n_records = (gulong) reel_dataset_get_n_records (dataset);
  guint n_figures, first, last;
  g_autofree char *regions_text = NULL;
  g_autofree char *sources_text = NULL;
  g_autofree char *figures_text = NULL;
  g_autofree char *records_text = NULL;

  g_assert (REEL_IS_DATASET (dataset));

  n_figures = reel_dataset_count_figures (dataset);

  regions_text = g_strdup_printf (ngettext ("%u region", "%u regions", regions->len), regions->len);
  sources_text = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
  figures_text = g_strdup_printf (ngettext ("%u figure", "%u figures", n_figures), n_figures);
  records_text = g_strdup_printf (ngettext ("%lu record", "%lu records", n_records), n_records);

  if (!reel_dataset_get_year_range (dataset, &first, &last))
    /* TRANSLATORS: `FILE: valid: 6 regions, 4 sources, 12 figures, 0 records` */
    g_print (_("%s: valid: %s, %s, %s, %s\n"),
             file_name, regions_text, sources_text, figures_text, records_text);
  else if (first == last)
    /* TRANSLATORS: `FILE: valid: 6 regions, 4 sources, 12 figures, 0 records (2024)` */
    g_print (_("%s: valid: %s, %s, %s, %s (%u)\n"),
             file_name, regions_text, sources_text, figures_text, records_text, first);
  else
    /* TRANSLATORS: `FILE: valid: 6 regions, 4 sources, 12 figures, 0 records (2022–2025)` */
    g_print (_("%s: valid: %s, %s, %s, %s (%u–%u)\n"),
             file_name, regions_text, sources_text, figures_text, records_text, first, last);
}

/* The name the user gave, and `<stdin>` for `-`. */
static const char *
get_display_name (const char *file_name)
{
  return g_strcmp0 (file_name, REEL_CLI_STDIO_NAME) == 0 ? REEL_CLI_STDIN_NAME : file_name;
}

int
reel_validate_command_run (const char *file_name)
{
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *display_name;
  GPtrArray *problems;
  gboolean printed_error = FALSE;

  g_return_val_if_fail (file_name != NULL, EXIT_DATA);

  display_name = get_display_name (file_name);
  loader = reel_cli_open_dataset (file_name, &error);
  if (loader == NULL)
    {
      reel_cli_printerr (display_name, "%s", reel_cli_describe_error (error));
      return EXIT_DATA;
    }

  dataset = reel_dataset_loader_load (loader, NULL, &error);

  problems = reel_dataset_loader_get_problems (loader);
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (i < MAX_PRINTED_PROBLEMS)
        {
          reel_cli_print_problem (problem, display_name);
          printed_error |= problem->severity == REEL_PROBLEM_ERROR;
        }
    }

  if (problems->len > MAX_PRINTED_PROBLEMS)
    {
      guint n_more = problems->len - MAX_PRINTED_PROBLEMS;

      reel_cli_printerr (NULL, ngettext ("and %u more problem", "and %u more problems", n_more), n_more);
      printed_error = TRUE;
    }

  if (dataset == NULL)
    {
      /* An I/O error, or a data error that no problem describes. */
      if (!printed_error)
        reel_cli_printerr (display_name, "%s",
                           error != NULL ? reel_cli_describe_error (error) : _("The file could not be read"));
      return EXIT_DATA;
    }

  print_summary (dataset, display_name);
  return EXIT_OK;
}
