/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-report-command"

#include "config.h"

#include "reel-report-command.h"

#include <glib/gi18n.h>

#include "reel-chart-export.h"
#include "reel-cli-io.h"
#include "reel-export-command.h"
#include "reel-report.h"

enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry option_entries[] = {
  { "report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a briefing report of every chart, region and source to OUT (a PDF) and exit"), N_("OUT") },
  { "paper", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The paper of the report: a4 or letter (default from the locale)"), N_("PAPER") },
  { NULL }
};

typedef struct {
  const char        *out;
  ReelReportOptions  report;
} Request;

const GOptionEntry *
reel_report_command_get_options (void)
{
  return option_entries;
}

/* Whether the command line asks for a report, or gives its own option. */
gboolean
reel_report_command_is_wanted (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return g_variant_dict_contains (options, "report") || g_variant_dict_contains (options, "paper");
}

static int
usage_error (const char *message)
{
  reel_cli_print_usage_error (message);
  return EXIT_USAGE;
}

/* --year is the one export option a report takes: the charts' year. */
static gboolean
has_export_option (GVariantDict *options)
{
  const GOptionEntry *entries = reel_export_command_get_options ();

  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (g_strcmp0 (entries[i].long_name, "year") != 0 &&
        g_variant_dict_contains (options, entries[i].long_name))
      return TRUE;

  return g_variant_dict_contains (options, "validate");
}

static int
parse_request (GVariantDict       *options,
               const char * const *files,
               Request            *request)
{
  const char *paper;
  ReelChartFormat format;
  int year;

  *request = (Request) { 0 };
  reel_report_options_init (&request->report);

  if (!g_variant_dict_lookup (options, "report", "^&ay", &request->out))
    return usage_error (_("--paper goes with --report"));
  if (has_export_option (options))
    return usage_error (_("--report takes --paper and --year only"));
  if (request->out[0] == '\0' || g_strcmp0 (request->out, "-") == 0)
    return usage_error (_("--report writes a PDF file: give its name"));
  if (reel_chart_format_from_filename (request->out, &format) && format != REEL_CHART_FORMAT_PDF)
    return usage_error (_("A report is a PDF: name it .pdf"));
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    return usage_error (_("A report reads one FILE"));

  if (g_variant_dict_lookup (options, "paper", "&s", &paper))
    {
      if (g_ascii_strcasecmp (paper, "a4") == 0)
        request->report.paper = REEL_REPORT_PAPER_A4;
      else if (g_ascii_strcasecmp (paper, "letter") == 0)
        request->report.paper = REEL_REPORT_PAPER_LETTER;
      else
        {
          /* TRANSLATORS: "Unknown --paper “A5”: use a4 or letter" */
          g_autofree char *message = g_strdup_printf (_("Unknown --paper “%s”: use a4 or letter"), paper);

          return usage_error (message);
        }
    }

  if (g_variant_dict_lookup (options, "year", "i", &year))
    {
      if (year < 1990 || year > 2100)
        return usage_error (_("--year must be 1990 to 2100"));
      request->report.year = (guint) year;
    }

  return EXIT_OK;
}

/**
 * reel_report_command_run:
 * @options: the parsed command line
 * @files: (nullable): the arguments left after the options
 * @default_file: the dataset to read without a FILE (the bundled one)
 *
 * Returns: the exit status.
 */
int
reel_report_command_run (GVariantDict       *options,
                         const char * const *files,
                         GFile              *default_file)
{
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(ReelReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Request request;
  int status;

  g_return_val_if_fail (options != NULL, EXIT_USAGE);
  g_return_val_if_fail (G_IS_FILE (default_file), EXIT_USAGE);

  status = parse_request (options, files, &request);
  if (status != EXIT_OK)
    return status;

  dataset = reel_cli_load_dataset (files, default_file);
  if (dataset == NULL)
    return EXIT_DATA;

  report = reel_report_new (dataset, &request.report);
  if (!reel_report_write_pdf (report, request.out, NULL, NULL, NULL, &error))
    {
      reel_cli_printerr (request.out, "%s", reel_cli_describe_error (error));
      return EXIT_DATA;
    }

  return EXIT_OK;
}
