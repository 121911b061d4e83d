/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-world-geometry"

#include "config.h"

#include "reel-world-geometry.h"

#include <glib/gi18n.h>
#include <string.h>

/* The file's format is described in build-aux/make-world-geometry.py. The
 * reader trusts nothing in it: every count is checked against the bytes
 * left, every coordinate against Equal Earth's extent, so that a corrupt
 * file is an error and never a crash. */

#define MAGIC          "REELGEO1"
#define MAX_COUNTRIES  400        /* ISO 3166-1 has 249 codes */
/* Equal Earth's plane for a sphere of radius 1: |x| <= 2.7066, |y| <= 1.3173 */
#define PLANE_MAX_X    2.71
#define PLANE_MAX_Y    1.32

struct _ReelWorldGeometry
{
  GArray *countries;              /* of ReelWorldCountry, by code */
  GArray *polygons;               /* of ReelWorldPolygon */
  GArray *rings;                  /* of ReelWorldRing */
  GArray *points;                 /* of double: x, y, x, y, … */
};

typedef struct {
  const guint8 *at;
  gsize         left;
  gboolean      failed;
} Reader;

/* @size bytes, little-endian; 0 and failed past the end. */
static guint32
read_le (Reader *reader,
         gsize   size)
{
  guint32 value = 0;

  if (reader->left < size)
    {
      reader->failed = TRUE;
      return 0;
    }
  for (gsize i = 0; i < size; i++)
    value |= (guint32) reader->at[i] << (8 * i);
  reader->at += size;
  reader->left -= size;
  return value;
}

static guint
read_u16 (Reader *reader)
{
  return read_le (reader, 2);
}

static int
read_i16 (Reader *reader)
{
  return (gint16) read_le (reader, 2);
}

/* What is wrong goes to the debug log: the person who sees the message
 * can only reinstall the file, whatever the damage. */
static gboolean
fail (GError     **error,
      const char  *what)
{
  g_debug ("world map: %s", what);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The world map's file is damaged"));
  return FALSE;
}

/* Boxes grown one by one from an empty one, whose width is negative. */
#define EMPTY_BOX ((ReelChartRect) { 0, 0, -1, -1 })

static void
add_to_box (ReelChartRect       *box,
            const ReelChartRect *other)
{
  double x2, y2;

  if (box->width < 0)
    {
      *box = *other;
      return;
    }
  x2 = MAX (box->x + box->width, other->x + other->width);
  y2 = MAX (box->y + box->height, other->y + other->height);
  box->x = MIN (box->x, other->x);
  box->y = MIN (box->y, other->y);
  box->width = x2 - box->x;
  box->height = y2 - box->y;
}

static void
country_clear (ReelWorldCountry *country)
{
  g_clear_pointer (&country->path, g_free);
}

/* Twice the signed area and the centroid of a ring (the shoelace formula). */
static double
ring_area (const double *points,
           guint         n_points,
           double       *centre_x,
           double       *centre_y)
{
  double area = 0, cx = 0, cy = 0;

  for (guint i = 0; i < n_points; i++)
    {
      const double *a = &points[2 * i];
      const double *b = &points[2 * ((i + 1) % n_points)];
      double cross = a[0] * b[1] - b[0] * a[1];

      area += cross;
      cx += (a[0] + b[0]) * cross;
      cy += (a[1] + b[1]) * cross;
    }
  if (centre_x != NULL && area != 0)
    {
      *centre_x = cx / (3 * area);
      *centre_y = cy / (3 * area);
    }
  return area / 2;
}

static gboolean
read_ring (ReelWorldGeometry *self,
           Reader            *reader,
           double             quantum,
           GError           **error)
{
  ReelWorldRing ring = { self->points->len / 2, read_u16 (reader) };

  if (ring.n_points < 3 || reader->left / 4 < ring.n_points)
    return fail (error, "a ring is cut short");

  for (guint i = 0; i < ring.n_points; i++)
    {
      double x = read_i16 (reader) / quantum;
      double y = -read_i16 (reader) / quantum;

      if (ABS (x) > PLANE_MAX_X || ABS (y) > PLANE_MAX_Y)
        return fail (error, "a point lies outside the map");
      g_array_append_val (self->points, x);
      g_array_append_val (self->points, y);
    }
  g_array_append_val (self->rings, ring);
  return TRUE;
}

/* The extent of @ring's points. */
static ReelChartRect
measure_ring (ReelWorldGeometry   *self,
              const ReelWorldRing *ring)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = ring->first_point; i < ring->first_point + ring->n_points; i++)
    {
      double x = g_array_index (self->points, double, 2 * i);
      double y = g_array_index (self->points, double, 2 * i + 1);

      x1 = MIN (x1, x);
      y1 = MIN (y1, y);
      x2 = MAX (x2, x);
      y2 = MAX (y2, y);
    }
  return (ReelChartRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* An outer ring and its holes; its area and centre, for labels and tests. */
static gboolean
read_polygon (ReelWorldGeometry *self,
              Reader            *reader,
              double             quantum,
              GError           **error)
{
  ReelWorldPolygon polygon = { self->rings->len, read_u16 (reader) };
  const double *points;

  if (polygon.n_rings == 0 || reader->failed)
    return fail (error, "a polygon has no ring");
  for (guint i = 0; i < polygon.n_rings; i++)
    if (!read_ring (self, reader, quantum, error))
      return FALSE;

  points = (const double *) self->points->data;
  for (guint i = 0; i < polygon.n_rings; i++)
    {
      const ReelWorldRing *ring = &g_array_index (self->rings, ReelWorldRing,
                                                  polygon.first_ring + i);
      double area = ABS (ring_area (points + 2 * ring->first_point, ring->n_points,
                                    i == 0 ? &polygon.centre_x : NULL,
                                    i == 0 ? &polygon.centre_y : NULL));

      polygon.area += i == 0 ? area : -area;
      if (i == 0)
        polygon.box = measure_ring (self, ring);
    }
  g_array_append_val (self->polygons, polygon);
  return TRUE;
}

static void
measure_country (ReelWorldGeometry *self,
                 ReelWorldCountry  *country)
{
  double largest = -1;

  country->box = EMPTY_BOX;
  for (guint p = country->first_polygon; p < country->first_polygon + country->n_polygons; p++)
    {
      const ReelWorldPolygon *polygon = &g_array_index (self->polygons, ReelWorldPolygon, p);

      if (polygon->area > largest)
        {
          largest = polygon->area;
          country->largest = p;
        }
      add_to_box (&country->box, &polygon->box);
    }
}

/* Every ring as cairo path data, once: drawing a country is then one
 * cairo_append_path() under the map's transformation. */
static void
build_path (ReelWorldGeometry *self,
            ReelWorldCountry  *country)
{
  const ReelWorldPolygon *first = &g_array_index (self->polygons, ReelWorldPolygon,
                                                  country->first_polygon);
  const ReelWorldPolygon *last = first + country->n_polygons - 1;
  guint first_ring = first->first_ring, end_ring = last->first_ring + last->n_rings;
  guint n_points = 0, at = 0;

  for (guint r = first_ring; r < end_ring; r++)
    n_points += g_array_index (self->rings, ReelWorldRing, r).n_points;

  /* a header and a point per vertex, a header to close each ring */
  country->path_length = (int) (2 * n_points + (end_ring - first_ring));
  country->path = g_new (cairo_path_data_t, country->path_length);
  for (guint r = first_ring; r < end_ring; r++)
    {
      const ReelWorldRing *ring = &g_array_index (self->rings, ReelWorldRing, r);

      for (guint i = 0; i < ring->n_points; i++)
        {
          cairo_path_data_t *data = &country->path[at];

          data[0].header.type = i == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO;
          data[0].header.length = 2;
          data[1].point.x = g_array_index (self->points, double, 2 * (ring->first_point + i));
          data[1].point.y = g_array_index (self->points, double, 2 * (ring->first_point + i) + 1);
          at += 2;
        }
      country->path[at].header.type = CAIRO_PATH_CLOSE_PATH;
      country->path[at].header.length = 1;
      at++;
    }
}

static gboolean
read_country (ReelWorldGeometry *self,
              Reader            *reader,
              double             quantum,
              GError           **error)
{
  ReelWorldCountry country = { { 0 } };
  guint n_countries = self->countries->len;

  if (reader->left < 2)
    return fail (error, "a country is cut short");
  memcpy (country.code, reader->at, 2);
  reader->at += 2;
  reader->left -= 2;
  if (!g_ascii_isupper (country.code[0]) || !g_ascii_isupper (country.code[1]) ||
      (n_countries > 0 &&
       strcmp (g_array_index (self->countries, ReelWorldCountry, n_countries - 1).code,
               country.code) >= 0))
    return fail (error, "the country codes are not in order");

  country.first_polygon = self->polygons->len;
  country.n_polygons = read_u16 (reader);
  if (country.n_polygons == 0 || reader->failed)
    return fail (error, "a country has no polygon");
  for (guint i = 0; i < country.n_polygons; i++)
    if (!read_polygon (self, reader, quantum, error))
      return FALSE;

  measure_country (self, &country);
  build_path (self, &country);
  g_array_append_val (self->countries, country);
  return TRUE;
}

static ReelWorldGeometry *
geometry_new (void)
{
  ReelWorldGeometry *self = g_new0 (ReelWorldGeometry, 1);

  self->countries = g_array_new (FALSE, FALSE, sizeof (ReelWorldCountry));
  g_array_set_clear_func (self->countries, (GDestroyNotify) country_clear);
  self->polygons = g_array_new (FALSE, FALSE, sizeof (ReelWorldPolygon));
  self->rings = g_array_new (FALSE, FALSE, sizeof (ReelWorldRing));
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  return self;
}

/**
 * reel_world_geometry_new_from_bytes:
 * @bytes: the contents of a `.reelgeo` file
 * @error: why it cannot be read
 *
 * Returns: (transfer full) (nullable): the countries, or %NULL with @error
 * when the file is not one or is damaged.
 */
ReelWorldGeometry *
reel_world_geometry_new_from_bytes (GBytes  *bytes,
                                    GError **error)
{
  g_autoptr(ReelWorldGeometry) self = geometry_new ();
  gsize size;
  Reader reader = { g_bytes_get_data (bytes, &size), 0, FALSE };
  double quantum;
  guint n_countries;

  reader.left = size;
  if (size < strlen (MAGIC) || memcmp (reader.at, MAGIC, strlen (MAGIC)) != 0)
    {
      fail (error, "it is not a world map");
      return NULL;
    }
  reader.at += strlen (MAGIC);
  reader.left -= strlen (MAGIC);

  quantum = read_le (&reader, 4);
  n_countries = read_u16 (&reader);
  if (reader.failed || quantum < 100 || n_countries == 0 || n_countries > MAX_COUNTRIES)
    {
      fail (error, "its header is wrong");
      return NULL;
    }

  for (guint i = 0; i < n_countries; i++)
    if (!read_country (self, &reader, quantum, error))
      return NULL;
  if (reader.left > 0)
    {
      fail (error, "it goes on after its last country");
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
reel_world_geometry_free (ReelWorldGeometry *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->countries);
  g_array_unref (self->polygons);
  g_array_unref (self->rings);
  g_array_unref (self->points);
  g_free (self);
}

/**
 * reel_world_geometry_dup_path:
 *
 * Where the app's world map is: `$REELSCOPE_DATA_DIR` when set (the tests
 * and `meson devenv` point it at the source tree's data/), else the
 * installed one in PKGDATADIR.
 */
char *
reel_world_geometry_dup_path (void)
{
  const char *dir = g_getenv ("REELSCOPE_DATA_DIR");

  return g_build_filename (dir != NULL && *dir != '\0' ? dir : PKGDATADIR,
                           REEL_WORLD_GEOMETRY_FILE, NULL);
}

static gpointer
load_default (gpointer data)
{
  GError **error = data;
  g_autofree char *path = reel_world_geometry_dup_path ();
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL)
    return NULL;
  /* a copy: a file truncated while mapped would raise SIGBUS (DESIGN §3) */
  bytes = g_bytes_new (g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
  return reel_world_geometry_new_from_bytes (bytes, error);
}

/**
 * reel_world_geometry_get_default:
 * @error: why the app's world map cannot be read
 *
 * Loads the app's world map on the first call, from any thread; every
 * later call returns the same one, or the same error.
 *
 * Returns: (transfer none) (nullable): the countries
 */
ReelWorldGeometry *
reel_world_geometry_get_default (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  static GError *load_error;
  ReelWorldGeometry *geometry = g_once (&once, load_default, &load_error);

  if (geometry == NULL)
    g_propagate_error (error, g_error_copy (load_error));
  return geometry;
}

guint
reel_world_geometry_get_n_countries (ReelWorldGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->countries->len;
}

const ReelWorldCountry *
reel_world_geometry_get_country (ReelWorldGeometry *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->countries->len, NULL);

  return &g_array_index (self->countries, ReelWorldCountry, index);
}

static int
compare_code (const void *key,
              const void *element)
{
  return strcmp (key, ((const ReelWorldCountry *) element)->code);
}

/* Returns: (nullable): the country of an ISO 3166-1 alpha-2 @code */
const ReelWorldCountry *
reel_world_geometry_find (ReelWorldGeometry *self,
                          const char        *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (code == NULL || strlen (code) != 2)
    return NULL;
  return bsearch (code, self->countries->data, self->countries->len,
                  sizeof (ReelWorldCountry), compare_code);
}

const ReelWorldPolygon *
reel_world_geometry_get_polygon (ReelWorldGeometry *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->polygons->len, NULL);

  return &g_array_index (self->polygons, ReelWorldPolygon, index);
}

/* The extent of every country; Antarctica, where no market is, takes a
 * sixth of the map's height, so a chart may leave it out. */
void
reel_world_geometry_get_bounds (ReelWorldGeometry *self,
                                gboolean           with_antarctica,
                                ReelChartRect     *bounds)
{
  g_return_if_fail (self != NULL && bounds != NULL);

  *bounds = EMPTY_BOX;
  for (guint i = 0; i < self->countries->len; i++)
    {
      const ReelWorldCountry *country = &g_array_index (self->countries, ReelWorldCountry, i);

      if (with_antarctica || strcmp (country->code, "AQ") != 0)
        add_to_box (bounds, &country->box);
    }
}

/* Whether (@x, @y), in the plane, is inside @country: the even-odd rule
 * over all its rings, as cairo fills it, so holes are outside. */
gboolean
reel_world_geometry_contains (ReelWorldGeometry      *self,
                              const ReelWorldCountry *country,
                              double                  x,
                              double                  y)
{
  const ReelWorldPolygon *first, *last;
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL && country != NULL, FALSE);

  if (!reel_chart_rect_contains (&country->box, x, y))
    return FALSE;

  first = &g_array_index (self->polygons, ReelWorldPolygon, country->first_polygon);
  last = first + country->n_polygons - 1;
  for (guint r = first->first_ring; r < last->first_ring + last->n_rings; r++)
    {
      const ReelWorldRing *ring = &g_array_index (self->rings, ReelWorldRing, r);
      const double *points = &g_array_index (self->points, double, 2 * ring->first_point);

      for (guint i = 0, j = ring->n_points - 1; i < ring->n_points; j = i++)
        {
          const double *a = &points[2 * i], *b = &points[2 * j];

          if ((a[1] > y) != (b[1] > y) &&
              x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0])
            inside = !inside;
        }
    }
  return inside;
}

struct _ReelChartOutline
{
  ReelWorldGeometry *geometry;
  GPtrArray         *countries;   /* of const ReelWorldCountry * */
  double             x;
  double             y;
  double             k;
};

static void
outline_clear (ReelChartOutline *self)
{
  g_ptr_array_unref (self->countries);
}

ReelChartOutline *
reel_chart_outline_new (ReelWorldGeometry *geometry,
                        double             x,
                        double             y,
                        double             k)
{
  ReelChartOutline *self = g_rc_box_new0 (ReelChartOutline);

  g_return_val_if_fail (geometry != NULL && k > 0, self);

  self->geometry = geometry;
  self->countries = g_ptr_array_new ();
  self->x = x;
  self->y = y;
  self->k = k;
  return self;
}

ReelChartOutline *
reel_chart_outline_ref (ReelChartOutline *self)
{
  return g_rc_box_acquire (self);
}

void
reel_chart_outline_unref (ReelChartOutline *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) outline_clear);
}

void
reel_chart_outline_add (ReelChartOutline       *self,
                        const ReelWorldCountry *country)
{
  g_ptr_array_add (self->countries, (gpointer) country);
}

void
reel_chart_outline_add_all (ReelChartOutline *self,
                            ReelChartOutline *other)
{
  for (guint i = 0; i < other->countries->len; i++)
    g_ptr_array_add (self->countries, g_ptr_array_index (other->countries, i));
}

guint
reel_chart_outline_get_n_countries (ReelChartOutline *self)
{
  return self->countries->len;
}

/* Whether the chart's point (@x, @y) is inside one of the countries. */
gboolean
reel_chart_outline_contains (ReelChartOutline *self,
                             double            x,
                             double            y)
{
  double u = (x - self->x) / self->k, v = (y - self->y) / self->k;

  for (guint i = 0; i < self->countries->len; i++)
    if (reel_world_geometry_contains (self->geometry, g_ptr_array_index (self->countries, i), u, v))
      return TRUE;
  return FALSE;
}

/* The countries' bounding box on the chart. */
ReelChartRect
reel_chart_outline_get_extents (ReelChartOutline *self)
{
  ReelChartRect box = EMPTY_BOX;

  if (self->countries->len == 0)
    return (ReelChartRect) { self->x, self->y, 0, 0 };

  for (guint i = 0; i < self->countries->len; i++)
    add_to_box (&box, &((const ReelWorldCountry *) g_ptr_array_index (self->countries, i))->box);
  return (ReelChartRect) { self->x + box.x * self->k, self->y + box.y * self->k,
                           box.width * self->k, box.height * self->k };
}

/* Every country's rings as one path, in the chart's coordinates. */
void
reel_chart_outline_append_path (ReelChartOutline *self,
                                cairo_t          *cr)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  cairo_translate (cr, self->x, self->y);
  cairo_scale (cr, self->k, self->k);
  for (guint i = 0; i < self->countries->len; i++)
    reel_world_country_append_path (g_ptr_array_index (self->countries, i), cr);
  cairo_set_matrix (cr, &matrix);
}

/* FNV-1a over @size bytes, from @hash. */
static guint64
hash_bytes (guint64     hash,
            const void *data,
            gsize       size)
{
  const guint8 *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return hash;
}

/* What the outline draws, for a cache of drawings: its countries (the
 * geometry is one for the process, so their addresses name them) and its
 * place. */
guint64
reel_chart_outline_hash (ReelChartOutline *self,
                         guint64           seed)
{
  guint64 hash = hash_bytes (seed, &self->x, sizeof self->x);

  hash = hash_bytes (hash, &self->y, sizeof self->y);
  hash = hash_bytes (hash, &self->k, sizeof self->k);
  return hash_bytes (hash, self->countries->pdata, self->countries->len * sizeof (gpointer));
}

/* Appends @country's rings to @cr's path, in the plane: the caller sets
 * the transformation from the plane to the chart. */
void
reel_world_country_append_path (const ReelWorldCountry *country,
                                cairo_t                *cr)
{
  cairo_path_t path = { CAIRO_STATUS_SUCCESS, country->path, country->path_length };

  cairo_append_path (cr, &path);
}
