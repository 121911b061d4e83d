/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-export-command"

#include "config.h"

#include "reel-export-command.h"

#include <errno.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "reel-chart-export.h"
#include "reel-chart-layout.h"
#include "reel-cli-io.h"
#include "reel-export-request.h"
#include "reel-world-geometry.h"

enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry option_entries[] = {
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export a chart to OUT (.png, .svg or .pdf; - for standard output) and exit"), N_("OUT") },
  { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The format of OUT: png, svg or pdf (default from its name)"), N_("FORMAT") },
  { "export-dir", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every chart kind, and Revenue for every year, into DIR as PNG files"), N_("DIR") },
  { "chart", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The chart to export: revenue, growth, share, trend, map or platforms (default revenue)"), N_("KIND") },
  { "metric", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("What the map colours regions by (revenue, share, downloads or growth) or platforms rank "
       "apps by (revenue, downloads or users); default revenue"),
    N_("METRIC") },
  { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("The year to show (default the latest with data; not with trend)"), N_("YYYY") },
  { "region", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("A region to select, as in the window: highlighted, and with others compared on the trend "
       "(repeat it, or separate ids with commas)"), N_("ID") },
  { "width", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Width of the chart in logical pixels (default 1200)"), N_("W") },
  { "height", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("Height of the chart in logical pixels (default 800)"), N_("H") },
  { "preset", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("A size with safe margins instead of --width and --height: 16:9, 1:1, 9:16 or 4:3"), N_("RATIO") },
  { "scale", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_DOUBLE, NULL,
    N_("Device pixels per logical pixel of a PNG, 1 to 4 (default 1)"), N_("S") },
  { "theme", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Colours of the chart: light or dark (default light)"), N_("THEME") },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Behind the chart: theme, white or transparent (default theme)"), N_("BACKGROUND") },
  { NULL }
};

/* Everything an export needs, from the options: where, and the chart and
 * its look in the model the Export dialog shares (reel-export-request.h). */
typedef struct {
  const char        *out;
  const char        *dir;
  ReelExportRequest  chart;
} Request;

static void
request_clear (Request *request)
{
  reel_export_request_clear (&request->chart);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

const GOptionEntry *
reel_export_command_get_options (void)
{
  return option_entries;
}

/* Whether the command line asks for an export, or gives one of its
 * options (which alone is a usage error). */
gboolean
reel_export_command_is_wanted (GVariantDict *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  for (guint i = 0; option_entries[i].long_name != NULL; i++)
    if (g_variant_dict_contains (options, option_entries[i].long_name))
      return TRUE;

  return FALSE;
}

static int
usage_error (const char *message)
{
  reel_cli_print_usage_error (message);
  return EXIT_USAGE;
}

static gboolean
lookup_enum (GVariantDict *options,
             const char   *name,
             GType         type,
             int          *value,
             const char   *choices,
             int          *status)
{
  const char *nick;

  if (!g_variant_dict_lookup (options, name, "&s", &nick))
    return TRUE;

  if (!reel_chart_enum_from_nick (type, nick, value))
    {
      /* TRANSLATORS: "Unknown --chart “pie”: use revenue, growth, share, trend or map" */
      g_autofree char *message = g_strdup_printf (_("Unknown --%s “%s”: use %s"), name, nick, choices);

      *status = usage_error (message);
      return FALSE;
    }

  return TRUE;
}

/* The format of --export=OUT: --format, or else OUT's extension. Both
 * must agree when both are given, so that a chart.png is never an SVG;
 * standard output has no name, and so needs --format. */
static int
parse_format (GVariantDict *options,
              Request      *request)
{
  ReelChartFormat named;
  gboolean has_name, has_format;
  int status = EXIT_OK, value;

  if (!lookup_enum (options, "format", REEL_TYPE_CHART_FORMAT, &value, "png, svg or pdf", &status))
    return status;
  has_format = g_variant_dict_contains (options, "format");
  has_name = g_strcmp0 (request->out, REEL_CLI_STDIO_NAME) != 0 &&
             reel_chart_format_from_filename (request->out, &named);

  if (!has_format && !has_name)
    {
      g_autofree char *message = NULL;

      if (!g_strcmp0 (request->out, REEL_CLI_STDIO_NAME))
        return usage_error (_("--export=- writes to standard output: give its --format"));
      message = g_strdup_printf (_("Cannot tell the format of “%s”: "
                                   "name it .png, .svg or .pdf, or give --format"), request->out);
      return usage_error (message);
    }
  if (has_format && has_name && named != (ReelChartFormat) value)
    {
      /* TRANSLATORS: "--format=svg does not match the name “chart.png”" */
      g_autofree char *message = g_strdup_printf (_("--format=%s does not match the name “%s”"),
                                                  reel_chart_enum_to_nick (REEL_TYPE_CHART_FORMAT, value),
                                                  request->out);

      return usage_error (message);
    }
  request->chart.format = has_format ? (ReelChartFormat) value : named;

  /* A terminal would show the bytes of an image as garbage, and may take
   * some of them for its own control sequences. */
  if (!g_strcmp0 (request->out, REEL_CLI_STDIO_NAME) && request->chart.format != REEL_CHART_FORMAT_SVG &&
      isatty (STDOUT_FILENO))
    return usage_error (_("Standard output is a terminal: send a PNG or PDF image to a file or a pipe"));

  return EXIT_OK;
}

/* --region, repeated or with ids separated by commas: the regions
 * selected, each once, in the order given (the first is the window's
 * first, whose panels show). */
static GStrv
parse_regions (GVariantDict *options)
{
  g_autofree const char **given = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);

  if (!g_variant_dict_lookup (options, "region", "^a&s", &given))
    return NULL;

  for (guint i = 0; given[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (given[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *id = g_strstrip (parts[j]);

          if (id[0] != '\0' && !g_ptr_array_find_with_equal_func (regions, id, g_str_equal, NULL))
            g_ptr_array_add (regions, g_strdup (id));
        }
    }
  g_ptr_array_add (regions, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&regions), FALSE);
}

/* Reads and checks the options; returns EXIT_OK or EXIT_USAGE. */
static int
parse_request (GVariantDict       *options,
               const char * const *files,
               Request            *request)
{
  int value, status = EXIT_OK, year, width, height;
  const char *preset = NULL;
  gboolean has_width, has_height;
  g_autoptr(GError) error = NULL;

  *request = (Request) { 0 };
  reel_export_request_init (&request->chart);

  g_variant_dict_lookup (options, "export", "^&ay", &request->out);
  g_variant_dict_lookup (options, "export-dir", "^&ay", &request->dir);

  if (request->out == NULL && request->dir == NULL)
    return usage_error (_("--chart, --year, --format, --width, --height, --preset, --scale, --theme and "
                          "--background go with --export or --export-dir"));
  if (request->out != NULL && request->dir != NULL)
    return usage_error (_("Use either --export or --export-dir, not both"));
  if (g_variant_dict_contains (options, "validate"))
    return usage_error (_("--validate cannot be combined with an export"));
  if ((request->out != NULL && request->out[0] == '\0') || (request->dir != NULL && request->dir[0] == '\0'))
    return usage_error (_("The file or directory to export to is empty"));
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    return usage_error (_("An export reads one FILE"));

  if (request->dir != NULL &&
      (g_variant_dict_contains (options, "chart") || g_variant_dict_contains (options, "year")))
    return usage_error (_("--export-dir writes every chart and year: leave out --chart and --year"));
  if (request->dir != NULL && g_variant_dict_contains (options, "format"))
    return usage_error (_("--export-dir writes PNG files: leave out --format"));

  if (!lookup_enum (options, "chart", REEL_TYPE_CHART_KIND, &value, "revenue, growth, share, trend, map or platforms",
                    &status))
    return status;
  if (g_variant_dict_contains (options, "chart"))
    request->chart.kind = (ReelChartKind) value;

  if (!lookup_enum (options, "metric", REEL_TYPE_CHART_METRIC, &value,
                    "revenue, share, downloads, growth or users", &status))
    return status;
  if (g_variant_dict_contains (options, "metric"))
    {
      if (request->chart.kind != REEL_CHART_MAP && request->chart.kind != REEL_CHART_PLATFORMS)
        return usage_error (_("--metric is for the map and platforms: add --chart=map or "
                              "--chart=platforms"));
      if (!reel_chart_kind_has_metric (request->chart.kind, (ReelChartMetric) value))
        return usage_error (request->chart.kind == REEL_CHART_MAP
                            ? _("The map shows revenue, share, downloads or growth")
                            : _("Platforms rank by revenue, downloads or users"));
      request->chart.metric = (ReelChartMetric) value;
    }

  request->chart.selection = parse_regions (options);

  if (g_variant_dict_lookup (options, "year", "i", &year))
    {
      if (request->chart.kind == REEL_CHART_TREND)
        return usage_error (_("The trend chart shows every year: leave out --year"));
      if (year < 1990 || year > 2100)
        return usage_error (_("--year must be 1990 to 2100"));
      request->chart.year = (guint) year;
    }

  if (!lookup_enum (options, "theme", REEL_TYPE_CHART_THEME_VARIANT, &value, "light or dark", &status))
    return status;
  if (g_variant_dict_contains (options, "theme"))
    request->chart.variant = (ReelChartThemeVariant) value;

  if (!lookup_enum (options, "background", REEL_TYPE_CHART_BACKGROUND, &value, "theme, white or transparent",
                    &status))
    return status;
  if (g_variant_dict_contains (options, "background"))
    request->chart.background = (ReelChartBackground) value;

  has_width = g_variant_dict_lookup (options, "width", "i", &width);
  has_height = g_variant_dict_lookup (options, "height", "i", &height);
  if (g_variant_dict_lookup (options, "preset", "&s", &preset))
    {
      const ReelChartPreset *found = reel_chart_preset_lookup (preset);

      if (has_width || has_height)
        return usage_error (_("A --preset sets the size: leave out --width and --height"));
      if (found == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Unknown --preset “%s”: use 16:9, 1:1, 9:16 or 4:3"),
                                                      preset);

          return usage_error (message);
        }
      reel_export_request_set_preset (&request->chart, found);
    }
  if (has_width)
    request->chart.width = width;
  if (has_height)
    request->chart.height = height;

  g_variant_dict_lookup (options, "scale", "d", &request->chart.scale);

  if (!reel_chart_export_check_size (request->chart.width, request->chart.height, request->chart.scale,
                                     &error))
    return usage_error (error->message);

  if (request->out != NULL)
    return parse_format (options, request);

  return EXIT_OK;
}

/* A year given for a chart that has no figures for it would draw an empty
 * chart: refused, with the years there are. */
static gboolean
check_year (ReelDataset   *dataset,
            const Request *request)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GString) listed = NULL;
  const char *kind;

  if (request->chart.year == 0 || request->chart.kind == REEL_CHART_TREND)
    return TRUE;

  years = reel_chart_layout_list_years (dataset, request->chart.kind);
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == request->chart.year)
      return TRUE;

  kind = reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, request->chart.kind);
  if (years->len == 0)
    {
      /* TRANSLATORS: "No revenue figures for 1999, nor for any other year"; %s is the --chart name */
      reel_cli_printerr (NULL, _("No %s figures for %u, nor for any other year"), kind, request->chart.year);
      return FALSE;
    }

  listed = g_string_new (NULL);
  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (listed, "%s%u", i > 0 ? ", " : "", g_array_index (years, guint, i));
  /* TRANSLATORS: "No revenue figures for 1999; years with data: 2023, 2024"; %s is the --chart name */
  reel_cli_printerr (NULL, _("No %s figures for %u; years with data: %s"), kind, request->chart.year,
                     listed->str);

  return FALSE;
}

/* A region the dataset does not have would select nothing: refused, with
 * the ids there are. */
static gboolean
check_regions (ReelDataset   *dataset,
               const Request *request)
{
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  g_autoptr(GString) listed = NULL;
  const char *unknown = NULL;

  for (guint i = 0; request->chart.selection != NULL && request->chart.selection[i] != NULL; i++)
    if (reel_dataset_find_region (dataset, request->chart.selection[i]) == NULL)
      {
        unknown = request->chart.selection[i];
        break;
      }
  if (unknown == NULL)
    return TRUE;

  listed = g_string_new (NULL);
  for (guint i = 0; i < regions->len; i++)
    g_string_append_printf (listed, "%s%s", i > 0 ? ", " : "",
                            ((const ReelRegion *) g_ptr_array_index (regions, i))->id);
  /* TRANSLATORS: "No region “atlantis” in this dataset; its regions: north-america, europe" */
  reel_cli_printerr (NULL, _("No region “%s” in this dataset; its regions: %s"), unknown,
                     listed->str);

  return FALSE;
}

/* The chart laid out and drawn into memory. */
static GBytes *
render (ReelDataset             *dataset,
        const ReelExportRequest *chart,
        GError                 **error)
{
  g_autoptr(ReelChartLayout) layout = NULL;
  g_autoptr(GError) geometry_error = NULL;

  /* A map without its geometry is drawn as a message on screen, where the
   * user sees it; a file written from the command line would carry that
   * message in place of a chart behind a successful exit. */
  if (chart->kind == REEL_CHART_MAP && reel_world_geometry_get_default (&geometry_error) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The world map cannot be drawn: %s"),
                   geometry_error->message);
      return NULL;
    }

  layout = reel_export_request_make_layout (chart, dataset);
  return reel_chart_export_to_bytes (layout, chart->format, error);
}

/* The chart, written to standard output: there is nothing to rename into
 * place there, and a reader of the pipe sees the bytes as they come. */
static gboolean
export_to_stdout (ReelDataset   *dataset,
                  const Request *request,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = render (dataset, &request->chart, error);
  g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  gsize size;
  const guint8 *data;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return g_output_stream_write_all (stdout_stream, data, size, NULL, NULL, error);
}

/* One chart of the request's look into @filename, replaced as
 * reel_chart_export_to_file() replaces it: written beside it and renamed
 * into place, a read-only file refused. Written here for GLib's own
 * G_FILE_ERROR, whose code says what went wrong without naming the
 * temporary file (reel_cli_describe_error()). */
static gboolean
export_one (ReelDataset    *dataset,
            const Request  *request,
            ReelChartKind   kind,
            guint           year,
            ReelChartFormat format,
            const char     *filename,
            GError        **error)
{
  ReelExportRequest chart = request->chart;
  g_autoptr(GBytes) bytes = NULL;

  chart.kind = kind;
  chart.year = year;
  chart.format = format;

  if (!reel_chart_export_check_file (filename, error))
    return FALSE;

  bytes = render (dataset, &chart, error);
  if (bytes == NULL)
    return FALSE;

  return reel_chart_export_write_bytes (filename, bytes, error);
}

/* Removes the staging directory of export_dir() and what is left in it. */
static void
remove_staging (const char *staging,
                GPtrArray  *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (staging, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
  g_rmdir (staging);
}

/* Every kind, and Revenue for every year, into an existing directory:
 * revenue-2024.png, growth-2025.png, share-2024.png, trend.png, map-2025.png,
 * platforms-2025.png.
 *
 * All or nothing, as far as the file system allows: every chart is first
 * written into a private directory inside DIR, and only when all of them
 * are there are they renamed into place. A failure while writing (a full
 * disk, a read-only DIR) leaves DIR as it was; removing what had been
 * written would have deleted the user's own files of the same names, which
 * the renames had already replaced. A rename within one file system needs
 * no space, so the second step fails only on something like a directory
 * of a chart's name. */
static int
export_dir (ReelDataset   *dataset,
            const Request *request)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *staging = NULL;
  g_autoptr(GArray) jobs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GArray) years = reel_chart_layout_list_years (dataset, REEL_CHART_REVENUE);

  if (!g_file_test (request->dir, G_FILE_TEST_IS_DIR))
    {
      GStatBuf info;

      reel_cli_printerr (request->dir, "%s", g_strerror (g_stat (request->dir, &info) != 0 ? errno : ENOTDIR));
      return EXIT_DATA;
    }

  for (guint i = 0; i < years->len; i++)
    {
      guint job[2] = { REEL_CHART_REVENUE, g_array_index (years, guint, i) };

      g_array_append_val (jobs, job);
    }
  if (years->len == 0)
    {
      guint job[2] = { REEL_CHART_REVENUE, 0 };

      g_array_append_val (jobs, job);
    }
  for (guint kind = REEL_CHART_GROWTH; kind <= REEL_CHART_PLATFORMS; kind++)
    {
      guint job[2] = { kind, reel_chart_layout_get_default_year (dataset, kind) };

      /* A dataset without the apps' figures has no ranking of them to
       * write: a file that says so would only be noise among the charts. */
      if (kind == REEL_CHART_PLATFORMS && job[1] == 0)
        continue;
      g_array_append_val (jobs, job);
    }

  /* Hidden, and unique, so that it never meets a file of the user's. */
  staging = g_build_filename (request->dir, ".reelscope-export-XXXXXX", NULL);
  if (g_mkdtemp_full (staging, 0700) == NULL)
    {
      int saved_errno = errno;

      reel_cli_printerr (request->dir, "%s", g_strerror (saved_errno));
      return EXIT_DATA;
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      const guint *job = &g_array_index (jobs, guint, i * 2);
      ReelExportRequest named = request->chart;
      g_autofree char *name = NULL;
      g_autofree char *staged = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;

      /* revenue-2024.png, …, trend.png: the names the dialog suggests. */
      named.kind = (ReelChartKind) job[0];
      named.year = job[1];
      named.format = REEL_CHART_FORMAT_PNG;
      name = reel_export_request_dup_file_name (&named, NULL);
      staged = g_build_filename (staging, name, NULL);
      path = g_build_filename (request->dir, name, NULL);
      g_ptr_array_add (names, g_steal_pointer (&name));

      /* The final name is checked as a single export checks it: a
       * read-only chart of the user's is refused, not renamed over. */
      if (!reel_chart_export_check_file (path, &error) ||
          !export_one (dataset, request, (ReelChartKind) job[0], job[1], REEL_CHART_FORMAT_PNG,
                       staged, &error))
        {
          reel_cli_printerr (path, "%s", reel_cli_describe_error (error));
          remove_staging (staging, names);
          return EXIT_DATA;
        }
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *staged = g_build_filename (staging, name, NULL);
      g_autofree char *path = g_build_filename (request->dir, name, NULL);

      if (g_rename (staged, path) != 0)
        {
          int saved_errno = errno;

          reel_cli_printerr (path, "%s", g_strerror (saved_errno));
          remove_staging (staging, names);
          return EXIT_DATA;
        }

      g_print ("%s\n", path);
    }

  g_rmdir (staging);

  return EXIT_OK;
}

/**
 * reel_export_command_run:
 * @options: the parsed command line
 * @files: (nullable): the arguments left after the options
 * @default_file: the dataset to read without a FILE (the bundled one)
 *
 * Returns: the exit status.
 */
int
reel_export_command_run (GVariantDict       *options,
                         const char * const *files,
                         GFile              *default_file)
{
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Request) request = { 0 };
  int status;

  g_return_val_if_fail (options != NULL, EXIT_USAGE);
  g_return_val_if_fail (G_IS_FILE (default_file), EXIT_USAGE);

  status = parse_request (options, files, &request);
  if (status != EXIT_OK)
    return status;

  dataset = reel_cli_load_dataset (files, default_file);
  if (dataset == NULL || !check_regions (dataset, &request))
    return EXIT_DATA;

  if (request.dir != NULL)
    return export_dir (dataset, &request);

  if (!check_year (dataset, &request))
    return EXIT_DATA;

  if (g_strcmp0 (request.out, REEL_CLI_STDIO_NAME) == 0)
    {
      if (!export_to_stdout (dataset, &request, &error))
        {
          reel_cli_printerr (REEL_CLI_STDOUT_NAME, "%s", reel_cli_describe_error (error));
          return EXIT_DATA;
        }
      return EXIT_OK;
    }

  if (!export_one (dataset, &request, request.chart.kind, request.chart.year, request.chart.format,
                   request.out, &error))
    {
      reel_cli_printerr (request.out, "%s", reel_cli_describe_error (error));
      return EXIT_DATA;
    }

  return EXIT_OK;
}
