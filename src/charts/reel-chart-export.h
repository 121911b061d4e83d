/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "reel-chart-layout.h"

G_BEGIN_DECLS

/* Export of a laid-out chart (DESIGN §4): PNG through libpng with text
 * chunks (Title, Description, Source, Software, Creation Time), SVG and
 * PDF through cairo. The layout decides the size and, for PNG, the scale:
 * lay the chart out afresh at the export's size, with the screen's kind,
 * year and selection. */

#define REEL_CHART_EXPORT_DEFAULT_WIDTH   1200
#define REEL_CHART_EXPORT_DEFAULT_HEIGHT   800
#define REEL_CHART_EXPORT_MIN_SIZE         200     /* logical pixels, each side */
#define REEL_CHART_EXPORT_MAX_SIZE        8192
#define REEL_CHART_EXPORT_MIN_SCALE        1.0
#define REEL_CHART_EXPORT_MAX_SCALE        4.0
#define REEL_CHART_EXPORT_MAX_PIXELS      (64 * 1024 * 1024)  /* of a PNG: 256 MiB while drawn */

/* A size for a place a chart goes: slides, feeds, stories. Text is larger
 * where the image is seen small, and the padding keeps the chart inside
 * the margins that the platforms cover with their own buttons. */
typedef struct {
  const char *name;          /* "16:9" */
  double      width;
  double      height;
  double      font_size;
  double      padding_top;
  double      padding_right;
  double      padding_bottom;
  double      padding_left;
} ReelChartPreset;

const ReelChartPreset *reel_chart_preset_lookup           (const char            *name);
const ReelChartPreset *reel_chart_preset_get_all          (guint                 *n_presets);
void                   reel_chart_preset_apply            (const ReelChartPreset *preset,
                                                           ReelChartTheme        *theme);
gboolean               reel_chart_format_from_filename    (const char            *filename,
                                                           ReelChartFormat       *format);
gboolean               reel_chart_export_check_size       (double                 width,
                                                           double                 height,
                                                           double                 scale,
                                                           GError               **error);
gboolean               reel_chart_export_check_file       (const char            *filename,
                                                           GError               **error);
GBytes                *reel_chart_export_to_bytes         (ReelChartLayout       *layout,
                                                           ReelChartFormat        format,
                                                           GError               **error);
cairo_surface_t       *reel_chart_export_new_pdf_surface  (GByteArray            *out,
                                                           double                 width,
                                                           double                 height);
void                   reel_chart_export_set_pdf_metadata (cairo_surface_t       *surface,
                                                           const char            *title,
                                                           const char            *subject,
                                                           const char            *author);
gboolean               reel_chart_export_write_bytes      (const char            *filename,
                                                           GBytes                *bytes,
                                                           GError               **error);
gboolean               reel_chart_export_to_file          (ReelChartLayout       *layout,
                                                           ReelChartFormat        format,
                                                           const char            *filename,
                                                           GError               **error);

G_END_DECLS
