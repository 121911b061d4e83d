/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-application"

#include "config.h"

#include "reel-application.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "reel-dataset-loader.h"
#include "reel-export-command.h"
#include "reel-report-command.h"
#include "reel-text-source.h"
#include "reel-validate-command.h"
#include "reel-window.h"
#ifdef ENABLE_BENCH
#include "reel-frame-bench.h"
#endif

#define RESOURCE_BASE_PATH    "/io/github/reelscope/Reelscope"
#define BUNDLED_DATASET       "microdrama-exports.reelscope.json"

/* Exit statuses of the command line (DESIGN §4). */
enum {
  EXIT_OK    = 0,
  EXIT_DATA  = 1,
  EXIT_USAGE = 2,
};

struct _ReelApplication
{
  AdwApplication   parent_instance;

  /* Set only while local_command_line() runs: the arguments that option
   * parsing leaves behind, which handle-local-options is not given. */
  char          ***arguments;
  gboolean         options_parsed;

  /* The bundled dataset, read on a worker thread while GTK starts up (most
   * of the start-up), for the first window to have before it shows: a
   * ReelDataset, or NULL when it has a problem (the window then loads it
   * and says which). */
  GThread         *preload_thread;
};

G_DEFINE_FINAL_TYPE (ReelApplication, reel_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "validate", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a dataset or a CSV file of records and report every problem"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static void
reel_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closed, not just destroyed: each window saves its state on close. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (app));
}

/* The About window credits the sources of the dataset in view. */
static void
add_source_credits (AdwAboutWindow *about,
                    GtkWindow      *window)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) credits = NULL;
  ReelDataset *dataset;
  GPtrArray *sources;

  if (window == NULL || !REEL_IS_WINDOW (window) ||
      (dataset = reel_window_get_dataset (REEL_WINDOW (window))) == NULL)
    return;

  sources = reel_dataset_get_sources (dataset);
  for (guint i = 0; i < sources->len; i++)
    {
      const ReelSource *source = g_ptr_array_index (sources, i);

      g_autofree char *credit = NULL;

      /* The dataset's own records are not a source to credit. */
      if (g_strcmp0 (source->id, REEL_RECORDS_SOURCE_ID) == 0)
        continue;

      credit = reel_text_dup_source_credit (source);
      g_strv_builder_add (builder, credit);
    }

  credits = g_strv_builder_end (builder);
  if (credits[0] != NULL)
    adw_about_window_add_acknowledgement_section (about, _("Data Sources"),
                                                  (const char **) credits);
}

/* The Map's countries: Natural Earth's, converted by world-atlas
 * (data/world-110m.reelgeo.LICENSE). */
static void
add_map_credits (AdwAboutWindow *about)
{
  const char *credits[] = {
    "Natural Earth https://www.naturalearthdata.com",
    "world-atlas, Mike Bostock https://github.com/topojson/world-atlas",
    NULL
  };

  adw_about_window_add_acknowledgement_section (about, _("World Map"), credits);
  adw_about_window_add_legal_section (about, _("World Map"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The countries of the map are Natural Earth's, which are "
                                        "in the public domain, converted by world-atlas, © 2013–2019 "
                                        "Michael Bostock, under the ISC licence."));
}

static void
reel_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Reelscope"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore the export trends of Chinese micro-dramas: "
                                      "revenue and growth by region, with the people and "
                                      "audiences behind the numbers."),
                        "developer-name", _("The Reelscope developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/reelscope/reelscope",
                        "issue-url", "https://github.com/reelscope/reelscope/issues",
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  add_source_credits (ADW_ABOUT_WINDOW (about), gtk_application_get_active_window (app));
  add_map_credits (ADW_ABOUT_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
}

/* A new window; in a build with the benchmark hooks (-Dbench=true), the
 * hooks watch it from the start, before it is given a dataset. */
static ReelWindow *
new_window (GtkApplication *application)
{
  ReelWindow *window = reel_window_new (application);

#ifdef ENABLE_BENCH
  reel_frame_bench_watch (window);
#endif

  return window;
}

static void
reel_application_open_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL || !REEL_IS_WINDOW (window))
    {
      window = GTK_WINDOW (new_window (app));
      gtk_window_present (window);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

/* The Mallard pages of help/, installed under the application's id. */
static void
reel_application_help_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (window, "help:" APP_ID, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "about", reel_application_about_action },
  { "help", reel_application_help_action },
  { "open", reel_application_open_action },
  { "quit", reel_application_quit_action },
};

static gpointer
preload_thread_func (gpointer user_data)
{
  g_autoptr(GFile) file = reel_application_dup_bundled_dataset ();
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);

  return reel_dataset_loader_load (loader, NULL, NULL);
}

static ReelDataset *
join_preload (ReelApplication *self)
{
  GThread *thread = g_steal_pointer (&self->preload_thread);

  return thread != NULL ? g_thread_join (thread) : NULL;
}

/* Until the options are parsed, what is printed on stderr is GApplication's. */
static void
prefixed_printerr (const char *text)
{
  ReelApplication *self = REEL_APPLICATION (g_application_get_default ());

  if (!self->options_parsed)
    fprintf (stderr, "%s: ", g_get_prgname ());
  fputs (text, stderr);
}

static gboolean
reel_application_local_command_line (GApplication   *app,
                                     char         ***arguments,
                                     int            *exit_status)
{
  ReelApplication *self = REEL_APPLICATION (app);
  GPrintFunc previous_printerr;
  gboolean handled;

  self->arguments = arguments;
  self->options_parsed = FALSE;
  /* GApplication's own messages (an unknown option, a missing argument)
   * get the prefix every other message of the command line has. */
  previous_printerr = g_set_printerr_handler (prefixed_printerr);
  handled = G_APPLICATION_CLASS (reel_application_parent_class)->local_command_line (app, arguments,
                                                                                    exit_status);
  g_set_printerr_handler (previous_printerr);
  self->arguments = NULL;

  /* GApplication prints why the options could not be parsed and exits with
   * 1 before handle-local-options runs; that is a usage error (2). */
  if (handled && !self->options_parsed && *exit_status == 1)
    {
      g_printerr ("%s: ", g_get_prgname ());
      g_printerr (_("Run “%s --help” to see a full list of available command line options.\n"),
                  g_get_prgname ());
      *exit_status = EXIT_USAGE;
    }

  return handled;
}

static int
reel_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  ReelApplication *self = REEL_APPLICATION (app);
  const char *file_name = NULL;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_OK;
    }

  /* Before --export: a report takes --year, an export option. */
  if (reel_report_command_is_wanted (options))
    {
      g_autoptr(GFile) bundled = reel_application_dup_bundled_dataset ();
      const char * const *files = self->arguments != NULL ? (const char * const *) *self->arguments + 1 : NULL;

      return reel_report_command_run (options, files, bundled);
    }

  /* Before --validate: an export option beside it is a usage error. */
  if (reel_export_command_is_wanted (options))
    {
      g_autoptr(GFile) bundled = reel_application_dup_bundled_dataset ();
      const char * const *files = self->arguments != NULL ? (const char * const *) *self->arguments + 1 : NULL;

      return reel_export_command_run (options, files, bundled);
    }

  if (g_variant_dict_lookup (options, "validate", "^&ay", &file_name))
    {
      guint n_files = self->arguments != NULL ? g_strv_length (*self->arguments) - 1 : 0;

      if (n_files > 0 || file_name[0] == '\0')
        {
          g_printerr ("%s: ", g_get_prgname ());
          g_printerr (_("--validate checks exactly one FILE\n"));
          return EXIT_USAGE;
        }

      return reel_validate_command_run (file_name);
    }

  /* No file given: the first window opens the bundled dataset. */
  if (self->arguments == NULL || g_strv_length (*self->arguments) <= 1)
    self->preload_thread = g_thread_new ("reel-preload", preload_thread_func, NULL);

  return -1;
}

/* GtkApplication makes the icon theme while it starts up, and then adds
 * the application's icons to it, which has the theme read again at the
 * first icon shown: when the window is first shown, on this thread. It is
 * read on a worker thread instead, while the first window is being built
 * (look-ups take the theme's lock, and wait for it to be read). */
static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), APP_ID);
}

static void
reel_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  g_autoptr(GTask) read_icon_theme = NULL;

  G_APPLICATION_CLASS (reel_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);

  read_icon_theme = g_task_new (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                NULL, NULL, NULL);
  g_task_run_in_thread (read_icon_theme, read_icon_theme_thread);
}

static void
reel_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(GFile) file = reel_application_dup_bundled_dataset ();
      g_autoptr(ReelDataset) preloaded = NULL;

      /* Opened before the window is shown: read while GTK started up, or
       * else loading on another thread while this one lays the window out;
       * a dataset as small as the bundled one is there for the first frame. */
      window = GTK_WINDOW (new_window (GTK_APPLICATION (app)));
      preloaded = join_preload (REEL_APPLICATION (app));
      if (preloaded != NULL)
        reel_window_open_dataset (REEL_WINDOW (window), preloaded);
      else
        reel_window_open (REEL_WINDOW (window), file);
      gtk_window_present (window);
      return;
    }

  gtk_window_present (window);
}

static void
reel_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      ReelWindow *window = new_window (GTK_APPLICATION (app));

      reel_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
reel_application_dispose (GObject *object)
{
  /* Never activated (another instance was): the worker ends first. */
  g_autoptr(ReelDataset) unused = join_preload (REEL_APPLICATION (object));

  G_OBJECT_CLASS (reel_application_parent_class)->dispose (object);
}

static void
reel_application_class_init (ReelApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = reel_application_dispose;

  app_class->local_command_line = reel_application_local_command_line;
  app_class->handle_local_options = reel_application_handle_local_options;
  app_class->startup = reel_application_startup;
  app_class->activate = reel_application_activate;
  app_class->open = reel_application_open;
}

static void
reel_application_init (ReelApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_add_main_option_entries (G_APPLICATION (self), reel_export_command_get_options ());
  g_application_add_main_option_entries (G_APPLICATION (self), reel_report_command_get_options ());
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open each FILE (a dataset or a CSV file of records) "
                                              "in its own window, or the bundled dataset."));
}

ReelApplication *
reel_application_new (void)
{
  return g_object_new (REEL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The same resources for the .Devel id. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/* The dataset that ships with the app: the installed copy when there is
 * one (so that it can be read and replaced like any file), else the copy
 * in the resources, which also works from the build dir. */
GFile *
reel_application_dup_bundled_dataset (void)
{
  g_autofree char *path = g_build_filename (PKGDATADIR, BUNDLED_DATASET, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);

  return g_file_new_for_uri ("resource://" RESOURCE_BASE_PATH "/" BUNDLED_DATASET);
}
