/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-export-request"

#include "config.h"

#include "reel-export-request.h"

#include <math.h>

/**
 * reel_export_request_init:
 * @request: a request to fill in
 *
 * The command line's defaults (DESIGN §4): Revenue in its default year,
 * 1200 × 800 at scale 1, light theme on its own background, PNG.
 */
void
reel_export_request_init (ReelExportRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (ReelExportRequest) {
    .format = REEL_CHART_FORMAT_PNG,
    .kind = REEL_CHART_REVENUE,
    .metric = REEL_CHART_METRIC_REVENUE,
    .year = 0,
    .cursor = 0,
    .selection = NULL,
    .width = REEL_CHART_EXPORT_DEFAULT_WIDTH,
    .height = REEL_CHART_EXPORT_DEFAULT_HEIGHT,
    .scale = 1.0,
    .preset = NULL,
    .variant = REEL_CHART_THEME_LIGHT,
    .background = REEL_CHART_BACKGROUND_THEME,
  };
}

void
reel_export_request_clear (ReelExportRequest *request)
{
  g_return_if_fail (request != NULL);

  g_clear_pointer (&request->selection, g_strfreev);
}

/* A copy that owns its strings, for a worker thread. */
void
reel_export_request_copy (const ReelExportRequest *request,
                          ReelExportRequest       *copy)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (copy != NULL);

  *copy = *request;
  copy->selection = g_strdupv (request->selection);
}

/* A preset sets the size as well as the type size and margins; NULL keeps
 * the size and goes back to the default type. */
void
reel_export_request_set_preset (ReelExportRequest     *request,
                                const ReelChartPreset *preset)
{
  g_return_if_fail (request != NULL);

  request->preset = preset;
  if (preset != NULL)
    {
      request->width = preset->width;
      request->height = preset->height;
    }
}

ReelChartTheme *
reel_export_request_make_theme (const ReelExportRequest *request)
{
  ReelChartTheme *theme;

  g_return_val_if_fail (request != NULL, NULL);

  theme = reel_chart_theme_new (request->variant);
  if (request->preset != NULL)
    reel_chart_preset_apply (request->preset, theme);
  reel_chart_theme_set_background (theme, request->background);

  return theme;
}

/* The chart laid out afresh at the export's size: vector formats have no
 * pixels to snap to, so they are laid out at scale 1. */
ReelChartLayout *
reel_export_request_make_layout (const ReelExportRequest *request,
                                 ReelDataset             *dataset)
{
  g_autoptr(ReelChartTheme) theme = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);

  theme = reel_export_request_make_theme (request);

  return reel_chart_layout_new_at_cursor (dataset, request->kind, request->metric, request->year,
                                          request->cursor,
                                          (const char * const *) request->selection, theme,
                                          request->width, request->height,
                                          request->format == REEL_CHART_FORMAT_PNG ? request->scale
                                                                                   : 1.0);
}

/**
 * reel_export_request_get_pixel_size:
 *
 * The size of the image the request writes: for a PNG, the logical size
 * times the scale, rounded up as the exporter rounds it (1200 × 1.5 is
 * 1800 exactly, 333 × 1.5 is 500, so that nothing is cut off); for SVG and
 * PDF, the logical size.
 */
void
reel_export_request_get_pixel_size (const ReelExportRequest *request,
                                    int                     *width,
                                    int                     *height)
{
  double scale;

  g_return_if_fail (request != NULL);

  scale = request->format == REEL_CHART_FORMAT_PNG ? request->scale : 1.0;
  if (width != NULL)
    *width = (int) ceil (request->width * scale - 1e-6);
  if (height != NULL)
    *height = (int) ceil (request->height * scale - 1e-6);
}

/**
 * reel_export_request_dup_file_name:
 * @request: what to export
 * @dataset: (nullable): the data, to resolve a year of 0
 *
 * The name an export suggests, and `--export-dir` writes: the kind and the
 * year, "revenue-2025.png", or the kind alone for Trend ("trend.svg"); a
 * Map or Platforms of another metric than revenue names it
 * ("map-growth-2025.png", "platforms-downloads-2025.png").
 */
char *
reel_export_request_dup_file_name (const ReelExportRequest *request,
                                   ReelDataset             *dataset)
{
  g_autofree char *kind = NULL;
  const char *extension;
  guint year;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (dataset == NULL || REEL_IS_DATASET (dataset), NULL);

  if (request->metric != REEL_CHART_METRIC_REVENUE &&
      reel_chart_kind_has_metric (request->kind, request->metric))
    kind = g_strconcat (reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, request->kind), "-",
                        reel_chart_enum_to_nick (REEL_TYPE_CHART_METRIC, request->metric), NULL);
  else
    kind = g_strdup (reel_chart_enum_to_nick (REEL_TYPE_CHART_KIND, request->kind));
  extension = reel_chart_enum_to_nick (REEL_TYPE_CHART_FORMAT, request->format);

  year = request->year;
  if (request->kind == REEL_CHART_TREND)
    year = 0;
  else if (year == 0 && dataset != NULL)
    year = reel_chart_layout_get_default_year (dataset, request->kind);

  if (year == 0)
    return g_strdup_printf ("%s.%s", kind, extension);

  return g_strdup_printf ("%s-%u.%s", kind, year, extension);
}

/**
 * reel_export_request_write:
 * @request: what to export
 * @dataset: the data
 * @file: where to write
 * @cancellable: (nullable): for a file that is not local
 * @error: a REEL_CHART_ERROR, or a GIO error for a file that is not local
 *
 * Lays the chart out and writes it. A local file is written beside its
 * final name and renamed into place (reel_chart_export_to_file()); any
 * other goes through GIO, which replaces it as safely as its backend can.
 * Safe to call on a worker thread.
 */
gboolean
reel_export_request_write (const ReelExportRequest  *request,
                           ReelDataset              *dataset,
                           GFile                    *file,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(ReelChartLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (REEL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!reel_chart_export_check_size (request->width, request->height,
                                     request->format == REEL_CHART_FORMAT_PNG ? request->scale : 1.0,
                                     error))
    return FALSE;

  layout = reel_export_request_make_layout (request, dataset);

  path = g_file_get_path (file);
  if (path != NULL)
    return reel_chart_export_to_file (layout, request->format, path, error);

  bytes = reel_chart_export_to_bytes (layout, request->format, error);
  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
