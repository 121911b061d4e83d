/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "reel-chart-types.h"

G_BEGIN_DECLS

/* The countries of the Map chart: Natural Earth's 1:110m admin-0
 * countries, projected to Equal Earth by build-aux/make-world-geometry.py
 * into data/world-110m.reelgeo. Loaded once, when a map is first laid
 * out, never at start-up; read-only afterwards, so layouts on any thread
 * share it. Coordinates are Equal Earth's plane for a sphere of radius 1,
 * with y growing southwards, as on screen. */

#define REEL_WORLD_GEOMETRY_FILE "world-110m.reelgeo"

typedef struct _ReelWorldGeometry ReelWorldGeometry;

typedef struct {
  guint first_point;
  guint n_points;
} ReelWorldRing;

/* An outer ring and its holes. */
typedef struct {
  guint  first_ring;
  guint  n_rings;
  double        area;           /* of the outer ring less the holes */
  ReelChartRect box;            /* of the outer ring */
  double centre_x;              /* the outer ring's centroid */
  double centre_y;
} ReelWorldPolygon;

typedef struct {
  char               code[3];   /* ISO 3166-1 alpha-2; XK for Kosovo */
  guint              first_polygon;
  guint              n_polygons;
  guint              largest;   /* index of the largest polygon */
  ReelChartRect      box;       /* in the plane */
  cairo_path_data_t *path;      /* every ring, in the plane */
  int                path_length;
} ReelWorldCountry;

ReelWorldGeometry      *reel_world_geometry_new_from_bytes (GBytes                  *bytes,
                                                            GError                 **error);
void                    reel_world_geometry_free           (ReelWorldGeometry       *self);
ReelWorldGeometry      *reel_world_geometry_get_default    (GError                 **error);
char                   *reel_world_geometry_dup_path       (void);
guint                   reel_world_geometry_get_n_countries (ReelWorldGeometry      *self);
const ReelWorldCountry *reel_world_geometry_get_country    (ReelWorldGeometry       *self,
                                                            guint                    index);
const ReelWorldCountry *reel_world_geometry_find           (ReelWorldGeometry       *self,
                                                            const char              *code);
const ReelWorldPolygon *reel_world_geometry_get_polygon    (ReelWorldGeometry       *self,
                                                            guint                    index);
void                    reel_world_geometry_get_bounds     (ReelWorldGeometry       *self,
                                                            gboolean                 with_antarctica,
                                                            ReelChartRect           *bounds);
gboolean                reel_world_geometry_contains       (ReelWorldGeometry       *self,
                                                            const ReelWorldCountry  *country,
                                                            double                   x,
                                                            double                   y);
void                    reel_world_country_append_path     (const ReelWorldCountry  *country,
                                                            cairo_t                 *cr);

/* Countries placed on a chart: what a Map's area shape fills and what its
 * mark hit-tests, shared by both (reference counted). The plane's point
 * (u, v) is at (x + u * k, y + v * k) on the chart. */
typedef struct _ReelChartOutline ReelChartOutline;

ReelChartOutline       *reel_chart_outline_new             (ReelWorldGeometry       *geometry,
                                                            double                   x,
                                                            double                   y,
                                                            double                   k);
ReelChartOutline       *reel_chart_outline_ref             (ReelChartOutline        *self);
void                    reel_chart_outline_unref           (ReelChartOutline        *self);
void                    reel_chart_outline_add             (ReelChartOutline        *self,
                                                            const ReelWorldCountry  *country);
void                    reel_chart_outline_add_all         (ReelChartOutline        *self,
                                                            ReelChartOutline        *other);
guint                   reel_chart_outline_get_n_countries (ReelChartOutline        *self);
gboolean                reel_chart_outline_contains        (ReelChartOutline        *self,
                                                            double                   x,
                                                            double                   y);
ReelChartRect           reel_chart_outline_get_extents     (ReelChartOutline        *self);
void                    reel_chart_outline_append_path     (ReelChartOutline        *self,
                                                            cairo_t                 *cr);
guint64                 reel_chart_outline_hash            (ReelChartOutline        *self,
                                                            guint64                  seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelWorldGeometry, reel_world_geometry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelChartOutline, reel_chart_outline_unref)

G_END_DECLS
