/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reel-application.h"
#include "reel-chart-layout.h"
#include "reel-chart-theme.h"
#include "reel-widget-util.h"
#include "reel-window-private.h"

/* Opening a file into the window: the load on a worker thread and what
 * it ends in, the Open dialog, "Open Recent", reloading when the file
 * changes on disk, and files dropped on the window. */

/* How many files "Open Recent" lists. */
#define MAX_RECENT_FILES 10

/* A file that changes on disk is reloaded once it has been quiet this long:
 * editors write in several steps. */
#define RELOAD_DELAY_MS 300
#define PORTAL_POLL_SECONDS 2

static const ReelProblem *
find_first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == REEL_PROBLEM_ERROR)
        return problem;
    }

  return NULL;
}

/* Every problem of a failed load (@loader_problems, NULL when the load
 * ended before reading), and one for @error when no problem says what
 * went wrong (a file that cannot be read at all). */
static GPtrArray *
collect_problems (GPtrArray    *loader_problems,
                  const GError *error)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);

  for (guint i = 0; loader_problems != NULL && i < loader_problems->len; i++)
    g_ptr_array_add (problems, reel_problem_copy (g_ptr_array_index (loader_problems, i)));

  if (find_first_error (problems) == NULL)
    {
      const char *message = error != NULL ? error->message : _("The file could not be read");

      g_ptr_array_add (problems, reel_problem_new (REEL_PROBLEM_ERROR, NULL, 0, 0, message));
    }

  return problems;
}

/* What happened, in words: a file that could not be read says why in the
 * title, and what to do in the description (GNOME HIG, error states); a
 * file that was read lists its problems. */
static void
describe_failure (ReelWindow   *self,
                  const char   *name,
                  GPtrArray    *problems,
                  const GError *error)
{
  const char *title = _("Could Not Open the Dataset");
  g_autofree char *description = NULL;

  if (error != NULL && error->domain == G_IO_ERROR && problems->len == 1)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          title = _("File Not Found");
          description = g_markup_printf_escaped (_("“%s” is not there any more: it may have "
                                                   "been moved, renamed or deleted."), name);
          break;
        case G_IO_ERROR_PERMISSION_DENIED:
          title = _("No Permission to Read the File");
          description = g_markup_printf_escaped (_("You are not allowed to read “%s”. "
                                                   "Its owner can change that."), name);
          break;
        case G_IO_ERROR_IS_DIRECTORY:
          title = _("This Is a Folder");
          description = g_markup_printf_escaped (_("“%s” is a folder: open a dataset or CSV "
                                                   "file inside it."), name);
          break;
        default:
          description = g_markup_printf_escaped (_("“%s” could not be read. The system’s "
                                                   "message is below."), name);
          break;
        }
    }
  else
    {
      description = g_markup_printf_escaped (ngettext ("“%s” has %u problem. Fix it and open "
                                                       "the file again.",
                                                       "“%s” has %u problems. Fix them and open "
                                                       "the file again.",
                                                       problems->len),
                                             name, problems->len);
    }

  adw_status_page_set_title (self->problems_page, title);
  adw_status_page_set_description (self->problems_page, description);
}

static void
show_problems_page (ReelWindow   *self,
                    GFile        *file,
                    GPtrArray    *problems,
                    const GError *error)
{
  g_autofree char *name = _reel_window_dup_display_name (file);

  reel_problem_list_set_problems (self->problem_list, problems, file);
  describe_failure (self, name, problems, error);

  adw_window_title_set_title (self->window_title, _("Reelscope"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), _("Reelscope"));

  /* Fixing the file in an editor reloads it. */
  _reel_window_watch_file (self, file);

  _reel_window_show_page (self, self->stack, "problems");
}

static void
show_failure_toast (ReelWindow *self,
                    GFile      *file,
                    GPtrArray  *problems)
{
  g_autofree char *name = _reel_window_dup_display_name (file);
  g_autofree char *text = NULL;
  const ReelProblem *first = find_first_error (problems);
  GtkWidget *title;

  g_assert (first != NULL);

  g_set_object (&self->failed_file, file);
  g_clear_pointer (&self->failed_problems, g_ptr_array_unref);
  self->failed_problems = g_ptr_array_ref (problems);

  /* One failure toast at a time: the newest says what Details shows. */
  if (self->failed_toast != NULL)
    adw_toast_dismiss (self->failed_toast);
  g_clear_object (&self->failed_toast);

  /* AdwToast 1.2 reads its title as markup; a custom title is plain text. */
  text = g_strdup_printf (_("Could not open %s: %s"), name, first->message);
  title = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  reel_widget_set_tooltip_text (title, text);

  self->failed_toast = adw_toast_new ("");
  adw_toast_set_custom_title (self->failed_toast, title);
  adw_toast_set_button_label (self->failed_toast, _("_Details"));
  adw_toast_set_action_name (self->failed_toast, "win.show-problems");
  adw_toast_set_timeout (self->failed_toast, 10);
  adw_toast_set_priority (self->failed_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->failed_toast));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems", TRUE);
}

static void
loader_progress_cb (ReelWindow        *self,
                    double             fraction,
                    ReelDatasetLoader *loader)
{
  if (loader == self->loader)
    _reel_window_set_progress (self, fraction);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReelDatasetLoader *loader = REEL_DATASET_LOADER (object);
  g_autoptr(ReelWindow) self = user_data;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loader_problems = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GFile *file = reel_dataset_loader_get_file (loader);

  dataset = reel_dataset_loader_load_finish (loader, result, &loader_problems, &error);

  /* Superseded by a newer file, or the window is closing. */
  if (loader != self->loader)
    return;

  g_clear_object (&self->loader);
  gtk_widget_set_visible (GTK_WIDGET (self->osd_bar), FALSE);

  if (dataset != NULL)
    {
      _reel_window_set_dataset (self, dataset);
    }
  else if (self->dataset != NULL)
    {
      /* Keep what is shown: only a dataset without errors replaces it. */
      problems = collect_problems (loader_problems, error);
      _reel_window_show_dataset (self);
      show_failure_toast (self, file, problems);
    }
  else
    {
      problems = collect_problems (loader_problems, error);
      show_problems_page (self, file, problems, error);
    }

  _reel_window_update_loading (self);
}

/* While a file loads into a window that shows nothing, or once a window
 * given its dataset has shown its first frame, the main thread is idle:
 * the chart's fonts are loaded then, not in the frame that first shows a
 * chart (a third of it, when they are not). */
static gboolean
preload_chart_fonts_cb (gpointer user_data)
{
  ReelWindow *self = user_data;
  g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);

  self->preload_source = 0;
  reel_chart_layout_preload_fonts (theme);

  return G_SOURCE_REMOVE;
}

void
_reel_window_queue_chart_fonts (ReelWindow *self)
{
  if (self->preload_source == 0)
    self->preload_source = g_idle_add_full (G_PRIORITY_LOW, preload_chart_fonts_cb, self, NULL);
}

/* Loads @file on a worker thread. The window keeps showing its dataset
 * until the new one has loaded without errors; when it does not, a toast
 * says why (or, with nothing shown yet, the problems page lists them).
 * A file opened while another is loading replaces that load. */
void
reel_window_open (ReelWindow *self,
                  GFile      *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (REEL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_clear_object (&self->loader);
  self->loader = reel_dataset_loader_new (file);
  g_signal_connect_object (self->loader, "progress",
                           G_CALLBACK (loader_progress_cb), self, G_CONNECT_SWAPPED);

  name = _reel_window_dup_display_name (file);
  gtk_label_set_text (self->loading_label, name);
  _reel_window_set_progress (self, 0.0);

  if (self->dataset != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->osd_bar), TRUE);
  else
    {
      _reel_window_show_page (self, self->stack, "loading");
      _reel_window_queue_chart_fonts (self);
    }

  reel_dataset_loader_load_async (self->loader, self->load_cancellable, load_cb,
                                  g_object_ref (self));
  _reel_window_update_loading (self);
}

/* Shows @dataset, read from its file already, as reel_window_open() does
 * once the file has loaded. A window about to show has it for its first
 * layout, instead of laying out the loading page and then the dataset,
 * and its region panels follow, as they do after a load. */
void
reel_window_open_dataset (ReelWindow  *self,
                          ReelDataset *dataset)
{
  g_return_if_fail (REEL_IS_WINDOW (self));
  g_return_if_fail (REEL_IS_DATASET (dataset));

  /* It supersedes a file being loaded. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->loader);
  gtk_widget_set_visible (GTK_WIDGET (self->osd_bar), FALSE);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->panels_deferred = TRUE;

  _reel_window_set_dataset (self, dataset);
  /* Its export dialog is made after its first frame (reel-window-pages.c),
   * not in an idle that may come before. */
  g_clear_handle_id (&self->export_dialog_idle, g_source_remove);
  _reel_window_update_loading (self);
}

static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

/* "Open Recent" lists the files of the `recent-files` setting, newest
 * first; it is left out while there are none. */
static void
update_recent_menu (ReelWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");
  GMenu *section;
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = _reel_window_dup_display_name (file);
      g_autofree char *label = escape_underscores (name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  section = self->file_section;
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 1)
    g_menu_remove (section, 0);
  if (n > 0)
    g_menu_prepend_submenu (section, _("Open _Recent"), G_MENU_MODEL (self->recent_menu));
}

static void
recent_files_changed_cb (ReelWindow *self,
                         const char *key,
                         GSettings  *settings)
{
  update_recent_menu (self);
}

/* A dataset that loaded from a file of the user's: in GTK's recent files
 * and first in "Open Recent". The bundled dataset is the app's own, opened
 * without being asked for: not a file the user chose, so never there. */
void
_reel_window_add_recent_file (ReelWindow *self,
                              GFile      *file)
{
  g_autoptr(GFile) bundled = reel_application_dup_bundled_dataset ();
  g_autofree char *uri = NULL;
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;
  g_autofree char *basename = NULL;
  GtkRecentData data = { 0 };
  guint n = 1;

  if (file == NULL || !g_file_is_native (file) || g_file_equal (file, bundled))
    return;

  uri = g_file_get_uri (file);
  basename = g_file_get_basename (file);

  data.display_name = NULL;
  data.mime_type = (char *) (basename != NULL && g_str_has_suffix (basename, ".csv")
                             ? "text/csv" : "application/json");
  data.app_name = (char *) (g_get_application_name () != NULL ? g_get_application_name ()
                                                               : PACKAGE_NAME);
  data.app_exec = (char *) "reelscope %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  uris = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (!g_str_equal (uris[i], uri))
      {
        g_strv_builder_add (builder, uris[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  ReelWindow *self = user_data;

  self->reload_source = 0;
  if (self->shown_file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->shown_file);

      g_debug ("Reloading after a change on disk");
      reel_window_open (self, file);
    }

  return G_SOURCE_REMOVE;
}

/* Once the editor is done writing. */
static void
queue_reload (ReelWindow *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
file_changed_cb (ReelWindow        *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Saved by writing another file and renaming it over this one. */
      if (other_file == NULL || self->shown_file == NULL ||
          !g_file_equal (other_file, self->shown_file))
        return;
      break;

    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      /* Gone: what is shown stays until the file is back. */
      return;
    }

  queue_reload (self);
}

/* A file that a Flatpak'ed app was given through the document portal
 * (chosen in the file chooser, opened from the file manager): it lives in
 * the portal's FUSE file system under XDG_RUNTIME_DIR/doc/, where inotify
 * never hears of a change made on the host. */
static gboolean
is_document_portal_file (GFile *file)
{
  g_autofree char *doc = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (doc);

  return g_file_has_prefix (file, root);
}

static char *
dup_file_stamp (GFileInfo *info)
{
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

  return g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GINT64_FORMAT ".%06d",
                          g_file_info_get_size (info),
                          modified != NULL ? g_date_time_to_unix (modified) : 0,
                          modified != NULL ? g_date_time_get_microsecond (modified) : 0);
}

static void
poll_info_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReelWindow *self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;

  /* Cancelled when the window stops watching, before it goes away. */
  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Gone, or no longer the file shown: what is shown stays. */
  self = REEL_WINDOW (user_data);
  if (info == NULL || self->shown_file == NULL || !g_file_equal (G_FILE (source), self->shown_file))
    return;

  stamp = dup_file_stamp (info);
  if (self->poll_stamp != NULL && !g_str_equal (stamp, self->poll_stamp))
    queue_reload (self);
  g_free (self->poll_stamp);
  self->poll_stamp = g_steal_pointer (&stamp);
}

static void
poll_file (ReelWindow *self)
{
  g_file_query_info_async (self->shown_file,
                           G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                           G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_LOW, self->poll_cancellable,
                           poll_info_cb, self);
}

static gboolean
poll_timeout_cb (gpointer user_data)
{
  poll_file (user_data);

  return G_SOURCE_CONTINUE;
}

static void
stop_watching (ReelWindow *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, file_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_cancellable_cancel (self->poll_cancellable);
  g_clear_object (&self->poll_cancellable);
  g_clear_pointer (&self->poll_stamp, g_free);
}

/* Watches the file whose dataset or problems are shown, and only that:
 * the bundled dataset in the resources has nothing to watch. A file of the
 * document portal has its size and modification time read every few
 * seconds instead, which a change on the host does show. */
void
_reel_window_watch_file (ReelWindow *self,
                         GFile      *file)
{
  g_autoptr(GError) error = NULL;

  if (self->shown_file != NULL && file != NULL && g_file_equal (self->shown_file, file))
    return;

  g_set_object (&self->shown_file, file);
  stop_watching (self);

  if (file == NULL || !g_file_is_native (file))
    return;

  if (is_document_portal_file (file))
    {
      self->poll_cancellable = g_cancellable_new ();
      poll_file (self);
      self->poll_source = g_timeout_add_seconds (PORTAL_POLL_SECONDS, poll_timeout_cb, self);
      return;
    }

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the file for changes: %s", error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (file_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Reads the file shown (its dataset or its problems) again. */
void
_reel_window_reload (ReelWindow *self)
{
  if (self->shown_file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->shown_file);

      reel_window_open (self, file);
    }
}

static void
chooser_response_cb (ReelWindow           *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        reel_window_open (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* Open: a file chooser over the window, in the folder of the file shown. */
void
_reel_window_choose_file (ReelWindow *self)
{
  static const char * const json_types[] = { "application/json", NULL };
  static const char * const json_suffixes[] = { "json", "reelscope.json", NULL };
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const csv_suffixes[] = { "csv", NULL };
  static const char * const all_types[] = { "application/json", "text/csv", NULL };
  static const char * const all_suffixes[] = { "json", "csv", NULL };

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open a Dataset"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("All supported files"), all_types, all_suffixes);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("Reelscope datasets"), json_types, json_suffixes);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV records"), csv_types, csv_suffixes);

  if (self->dataset != NULL && g_file_is_native (reel_dataset_get_file (self->dataset)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (reel_dataset_get_file (self->dataset));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Files dropped on the window: the first opens here, any other in a window
 * of its own (one window per file). */
static gboolean
drop_cb (ReelWindow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *file_list;
  GSList *files;
  GtkApplication *application;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (file_list);
  if (files == NULL)
    return FALSE;

  reel_window_open (self, files->data);

  application = gtk_window_get_application (GTK_WINDOW (self));
  for (const GSList *l = files->next; l != NULL && application != NULL; l = l->next)
    {
      ReelWindow *window = reel_window_new (application);

      reel_window_open (window, l->data);
      gtk_window_present (GTK_WINDOW (window));
    }

  g_slist_free (files);
  return TRUE;
}

void
_reel_window_init_files (ReelWindow *self)
{
  g_signal_connect_swapped (self->settings, "changed::recent-files",
                            G_CALLBACK (recent_files_changed_cb), self);
  update_recent_menu (self);

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

void
_reel_window_dispose_files (ReelWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loader);
  g_clear_handle_id (&self->preload_source, g_source_remove);

  _reel_window_watch_file (self, NULL);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, recent_files_changed_cb, self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}
