/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-report-bar"

#include "config.h"

#include "reel-report-bar.h"

#include <glib/gi18n.h>

struct _ReelReportBar
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *label;
  GtkProgressBar *progress_bar;

  GCancellable   *cancellable;  /* while a report is written */
};

G_DEFINE_FINAL_TYPE (ReelReportBar, reel_report_bar, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker thread has: its own report, and where it goes. */
typedef struct {
  ReelReport *report;
  char       *path;
} Job;

/* A page drawn, told to the main thread. */
typedef struct {
  ReelReportBar *bar;
  GCancellable  *cancellable;   /* the job's: a later job's bar is not this one's to move */
  guint          page;
  guint          n_pages;
} Progress;

static void
job_free (Job *job)
{
  g_clear_object (&job->report);
  g_free (job->path);
  g_free (job);
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->bar);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  ReelReportBar *self = progress->bar;
  g_autofree char *text = NULL;

  if (self->cancellable != progress->cancellable || g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_REMOVE;

  /* TRANSLATORS: while the report is written: "Writing the report: page 3 of 32" */
  text = g_strdup_printf (_("Writing the report: page %u of %u"), MAX (progress->page, 1), progress->n_pages);
  gtk_label_set_text (self->label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 progress->n_pages > 0 ? (double) progress->page / progress->n_pages : 0);

  return G_SOURCE_REMOVE;
}

/* On the worker thread: each page, to the main loop. */
static void
report_progress_cb (guint    page,
                    guint    n_pages,
                    gpointer user_data)
{
  GTask *task = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->bar = g_object_ref (g_task_get_source_object (task));
  progress->cancellable = g_object_ref (g_task_get_cancellable (task));
  progress->page = page;
  progress->n_pages = n_pages;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, show_progress_cb, progress,
                              (GDestroyNotify) progress_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (reel_report_write_pdf (job->report, job->path, cancellable, report_progress_cb, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReelReportBar *self = REEL_REPORT_BAR (object);
  GFile *file = user_data;
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  /* A job cancelled and replaced by another leaves the bar to that one. */
  if (self->cancellable == g_task_get_cancellable (G_TASK (result)))
    {
      g_clear_object (&self->cancellable);
      gtk_widget_set_visible (self->box, FALSE);
    }

  g_signal_emit (self, signals[FINISHED], 0, file, error);
  g_object_unref (file);
}

static void
cancel_clicked_cb (ReelReportBar *self,
                   GtkButton     *button)
{
  reel_report_bar_cancel (self);
}

static void
reel_report_bar_dispose (GObject *object)
{
  ReelReportBar *self = (ReelReportBar *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_REPORT_BAR);

  G_OBJECT_CLASS (reel_report_bar_parent_class)->dispose (object);
}

static void
reel_report_bar_class_init (ReelReportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_report_bar_dispose;

  /**
   * ReelReportBar::finished:
   * @file: where the report was to go
   * @error: (nullable): why it was not written
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-report-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelReportBar, box);
  gtk_widget_class_bind_template_child (widget_class, ReelReportBar, label);
  gtk_widget_class_bind_template_child (widget_class, ReelReportBar, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "reportbar");
}

static void
reel_report_bar_init (ReelReportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * reel_report_bar_start:
 * @self: the bar
 * @dataset: the dataset shown, which the worker thread only reads
 * @options: the report's year, selection and paper
 * @file: a local file to write
 *
 * Writes the report off the main thread, showing its progress; a report
 * being written is cancelled first.
 */
void
reel_report_bar_start (ReelReportBar           *self,
                       ReelDataset             *dataset,
                       const ReelReportOptions *options,
                       GFile                   *file)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (REEL_IS_REPORT_BAR (self));
  g_return_if_fail (REEL_IS_DATASET (dataset));
  g_return_if_fail (G_IS_FILE (file));

  reel_report_bar_cancel (self);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->report = reel_report_new (dataset, options);
  job->path = g_file_get_path (file);

  task = g_task_new (self, self->cancellable, write_done_cb, g_object_ref (file));
  g_task_set_source_tag (task, reel_report_bar_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A report can only be saved to a folder on this computer"));
      return;
    }

  gtk_label_set_text (self->label, _("Writing the report…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (self->box, TRUE);
  g_task_run_in_thread (task, write_thread);
}

gboolean
reel_report_bar_is_busy (ReelReportBar *self)
{
  g_return_val_if_fail (REEL_IS_REPORT_BAR (self), FALSE);

  return self->cancellable != NULL;
}

/* Cancels the report being written, if any: it ends with
 * G_IO_ERROR_CANCELLED and leaves no file. */
void
reel_report_bar_cancel (ReelReportBar *self)
{
  g_return_if_fail (REEL_IS_REPORT_BAR (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_visible (self->box, FALSE);
}
