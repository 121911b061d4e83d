/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-validate-command"

#include "config.h"

#include "reel-validate-command.h"

#include <glib/gi18n.h>

#include "reel-dataset-loader.h"

/* --validate prints this many problems, then how many more there are. */
#define MAX_PRINTED_PROBLEMS  100

enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
};

static void
print_problem (const ReelProblem *problem,
               const char        *file_name)
{
  g_autofree char *line = NULL;

  g_assert (problem != NULL);

  if (problem->severity == REEL_PROBLEM_WARNING)
    {
      g_autoptr(ReelProblem) warning = reel_problem_copy (problem);

      /* `FILE:LINE:COL: PATH: warning: message`, as compilers print it. */
      g_free (warning->message);
      /* TRANSLATORS: a warning of `reelscope --validate`; %s is what is wrong */
      warning->message = g_strdup_printf (_("warning: %s"), problem->message);
      line = reel_problem_to_string (warning, file_name);
    }
  else
    {
      line = reel_problem_to_string (problem, file_name);
    }

  g_printerr ("%s\n", line);
}

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

int
reel_validate_command_run (const char *file_name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (file_name);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  gboolean printed_error = FALSE;

  g_return_val_if_fail (file_name != NULL, EXIT_DATA);

  dataset = reel_dataset_loader_load (loader, NULL, &error);

  problems = reel_dataset_loader_get_problems (loader);
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (i < MAX_PRINTED_PROBLEMS)
        {
          print_problem (problem, file_name);
          printed_error |= problem->severity == REEL_PROBLEM_ERROR;
        }
    }

  if (problems->len > MAX_PRINTED_PROBLEMS)
    {
      guint n_more = problems->len - MAX_PRINTED_PROBLEMS;

      g_printerr (ngettext ("and %u more problem\n", "and %u more problems\n", n_more), n_more);
      printed_error = TRUE;
    }

  if (dataset == NULL)
    {
      /* An I/O error, or a data error that no problem describes. */
      if (!printed_error)
        g_printerr ("%s: %s\n", file_name,
                    error != NULL ? error->message : _("The file could not be read"));
      return EXIT_DATA;
    }

  print_summary (dataset, file_name);
  return EXIT_OK;
}
