/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor for Reelscope's start-up: a minimal GTK 4 application whose
 * window shows one label. Like `REELSCOPE_EXIT_AFTER_FIRST_FRAME=1
 * reelscope`, it prints `first-frame MICROSECONDS` (monotonic clock) once
 * its window has painted its first frame, and exits. build-aux/bench.sh
 * builds it with the system compiler and times both under the same Xvfb
 * with the same GSK_RENDERER. Built with -DWITH_ADWAITA it is an
 * AdwApplication instead, as Reelscope is: the floor of libadwaita itself.
 *
 * With MINIMAL_FRAMES=N it shows a spinner instead, and once N frames have
 * been painted prints `frames` and each frame's time from the frame
 * clock's ::before-paint to its ::after-paint in microseconds, and exits:
 * the floor for "Frames while loading".
 *
 *   cc -O2 minimal-window.c -o minimal-window $(pkg-config --cflags --libs gtk4)
 *   cc -O2 -DWITH_ADWAITA minimal-window.c -o minimal-adw-window $(pkg-config --cflags --libs libadwaita-1)
 */
#ifdef WITH_ADWAITA
#include <adwaita.h>
#else
#include <gtk/gtk.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static gint64 frame_start;
static GString *frame_times;
static int frames_left;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (frame_times != NULL)
    {
      static gboolean first_done;

      /* The first frame (start-up) is not one of those counted. */
      if (first_done && frame_start != 0)
        {
          g_string_append_printf (frame_times, " %" G_GINT64_FORMAT, g_get_monotonic_time () - frame_start);
          frames_left--;
        }
      first_done = TRUE;
      frame_start = 0;
      if (frames_left > 0)
        return;
      printf ("frames%s\n", frame_times->str);
      fflush (stdout);
      _exit (0);
    }

  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  if (g_getenv ("MINIMAL_FRAMES") != NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_window_set_child (GTK_WINDOW (window), spinner);
      frame_times = g_string_new (NULL);
      frames_left = MAX (atoi (g_getenv ("MINIMAL_FRAMES")), 1);
    }
  else
    gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Hello"));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
#ifdef WITH_ADWAITA
  GtkApplication *app = GTK_APPLICATION (adw_application_new ("io.github.reelscope.MinimalAdwWindow",
                                                              G_APPLICATION_DEFAULT_FLAGS));
#else
  GtkApplication *app = gtk_application_new ("io.github.reelscope.MinimalWindow", G_APPLICATION_DEFAULT_FLAGS);
#endif

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
