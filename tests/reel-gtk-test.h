/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the widget tests share: start-up that skips without a display, and
 * datasets loaded on the spot. Header-only: each test is one program. */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "reel-dataset-loader.h"

G_BEGIN_DECLS

static inline gboolean
reel_gtk_test_has_arg (int         argc,
                       char       *argv[],
                       const char *arg)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], arg))
      return TRUE;

  return FALSE;
}

/* What gtk_test_init() does, except that it aborts without a display (and
 * gtk_init_check() before it is fatal): g_test_init() makes warnings and
 * criticals fatal, the locale is fixed, and a missing display skips.
 * Returns -1 to go on, else the exit status. */
static inline int
reel_gtk_test_init (int    *argc,
                    char ***argv)
{
  gboolean tap = reel_gtk_test_has_arg (*argc, *argv, "--tap");
  const char *dir;

  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if ((dir = g_getenv ("XDG_RUNTIME_DIR")) != NULL)
    g_mkdir_with_parents (dir, 0700);
  if ((dir = g_getenv ("XDG_CACHE_HOME")) != NULL)
    g_mkdir_with_parents (dir, 0700);
  if ((dir = g_getenv ("XDG_DATA_HOME")) != NULL)
    g_mkdir_with_parents (dir, 0700);

  if (!gtk_init_check ())
    {
      /* Under meson's TAP protocol a non-zero exit is an error, so say SKIP
       * in the plan; on its own, exit 77 as automake does. */
      if (tap)
        {
          g_print ("1..0 # SKIP no display\n");
          return 0;
        }
      g_printerr ("SKIP: no display\n");
      return 77;
    }

  adw_init ();
  return -1;
}

/* A dataset from tests/data, loaded on this thread. */
static inline ReelDataset *
reel_gtk_test_load_dataset (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset;

  dataset = reel_dataset_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* A dataset from JSON text. */
static inline ReelDataset *
reel_gtk_test_load_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, "test.json");
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset;

  dataset = reel_dataset_loader_load (loader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  return dataset;
}

/* Runs the main context until @done says so or @timeout_ms pass. */
static inline gboolean
reel_gtk_test_wait (gboolean (*done) (gpointer data),
                    gpointer  data,
                    guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Lets what is queued (notifications, transitions, idles) run. */
static inline void
reel_gtk_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A toplevel window holding @child, shown. */
static inline GtkWindow *
reel_gtk_test_window_new (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, 400, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  reel_gtk_test_flush ();

  return window;
}

static inline void
reel_gtk_test_window_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

G_END_DECLS
