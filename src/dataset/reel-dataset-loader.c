/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-dataset-loader"

#include "config.h"

#include "reel-dataset-loader.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-blocks.h"
#include "reel-csv-split.h"
#include "reel-dataset-builder.h"
#include "reel-dataset-private.h"
#include "reel-json-tree.h"
#include "reel-records-reader.h"
#include "reel-records-split.h"

struct _ReelDatasetLoader
{
  GObject       parent_instance;

  GFile        *file;
  GBytes       *bytes;      /* instead of the file, with a name for it */
  char         *name;
  GPtrArray    *problems;
  guint         n_errors;
  guint         n_warnings;
  gboolean      started;

  /* Progress: a worker thread sends it to this context; a synchronous
   * load (context NULL) emits it directly. */
  GMainContext *context;
  guint64       size;
  guint         permille;
};

G_DEFINE_FINAL_TYPE (ReelDatasetLoader, reel_dataset_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  ReelDatasetLoader *loader;
  double             fraction;
} Progress;

static gboolean
emit_progress_cb (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->loader, signals[PROGRESS], 0, progress->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->loader);
  g_free (progress);
}

/* Called for every buffer read; the signal goes out at most once per
 * thousandth of the file, in the context of whoever started the load. */
static void
progress_cb (guint64  bytes_read,
             gpointer user_data)
{
  ReelDatasetLoader *self = user_data;
  Progress *progress;
  GSource *source;
  guint permille;

  if (self->size == 0)
    return;

  /* Never backwards: threads that read a file's records count bytes that
   * overlap, and the rest of the file is read after them. */
  permille = (guint) MIN (1000, bytes_read * 1000 / self->size);
  if (permille <= self->permille)
    return;
  self->permille = permille;

  if (self->context == NULL)
    {
      g_signal_emit (self, signals[PROGRESS], 0, permille / 1000.0);
      return;
    }

  /* Not g_main_context_invoke(): it would run the handler on this worker
   * thread whenever it could acquire the context, i.e. whenever the main
   * thread is between iterations. */
  progress = g_new (Progress, 1);
  progress->loader = g_object_ref (self);
  progress->fraction = permille / 1000.0;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_progress_cb, progress, progress_free);
  g_source_set_static_name (source, "[reelscope] loader progress");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static void
add_problem (ReelDatasetLoader *self,
             ReelProblem       *problem)
{
  if (problem->severity == REEL_PROBLEM_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;
  g_ptr_array_add (self->problems, problem);
}

static void
take_problems (ReelDatasetLoader *self,
               GPtrArray         *problems)
{
  for (guint i = 0; i < problems->len; i++)
    add_problem (self, reel_problem_copy (g_ptr_array_index (problems, i)));
}

static gboolean
is_csv (const char   *name,
        GInputStream *stream)
{
  gsize available;
  const guint8 *bytes;

  if (name != NULL && g_str_has_suffix (name, ".json"))
    return FALSE;
  if (name != NULL && (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV")))
    return TRUE;

  /* Neither name: JSON starts with an object; records start with a header. */
  bytes = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (stream), &available);
  for (gsize i = 0; i < available; i++)
    {
      if (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')
        continue;
      return bytes[i] != '{' && bytes[i] != '[' && bytes[i] != 0xEF;
    }

  return FALSE;
}

/* The file or the bytes, opened again for another reader: a
 * ReelStreamOpenFunc, called on the threads that read the records. */
static GInputStream *
open_again (gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  ReelDatasetLoader *self = user_data;

  if (self->bytes != NULL)
    return g_memory_input_stream_new_from_bytes (self->bytes);
  return G_INPUT_STREAM (g_file_read (self->file, cancellable, error));
}

/* With @split, the records of a large file are read on several threads;
 * when they must be read again in one pass, @retry is set. */
static ReelDataset *
load_json (ReelDatasetLoader  *self,
           GInputStream       *stream,
           gboolean            split,
           gboolean           *retry,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(ReelJsonScanner) scanner = NULL;
  g_autoptr(ReelJsonTree) tree = reel_json_tree_new ();
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GPtrArray) record_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  g_autoptr(ReelRecordsReader) records = reel_records_reader_new (table, tree, record_problems);
  g_autoptr(ReelProblem) syntax = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ReelDatasetBuilder) builder = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(ReelRecordsSplit) records_split = NULL;

  scanner = reel_json_scanner_new (stream, REEL_DATASET_MAX_FILE_SIZE, cancellable);
  reel_json_scanner_set_progress (scanner, progress_cb, self);
  if (split && G_IS_SEEKABLE (stream) && g_seekable_can_seek (G_SEEKABLE (stream)))
    {
      records_split = reel_records_split_new (records, self->size, open_again, self, cancellable);
      reel_records_split_set_progress (records_split, progress_cb, self);
      reel_json_tree_divert_member (tree, "records", reel_records_split_handle_event, records_split);
    }
  else
    {
      reel_json_tree_divert_member (tree, "records", reel_records_reader_handle_event, records);
    }

  if (!reel_json_scanner_scan (scanner, reel_json_tree_handle_event, tree, &syntax, &local_error))
    {
      if (records_split != NULL && reel_records_split_failed (records_split))
        {
          *retry = TRUE;
          return NULL;
        }
      take_problems (self, record_problems);
      if (syntax != NULL)
        add_problem (self, g_steal_pointer (&syntax));
      if (reel_json_tree_get_problem (tree) != NULL)
        add_problem (self, reel_problem_copy (reel_json_tree_get_problem (tree)));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  builder = reel_dataset_builder_new (self->file, tree, table, records);
  dataset = reel_dataset_builder_build (builder);
  take_problems (self, record_problems);
  take_problems (self, reel_dataset_builder_get_problems (builder));

  return g_steal_pointer (&dataset);
}

static ReelDataset *
load_csv (ReelDatasetLoader  *self,
          GInputStream       *stream,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autoptr(ReelRecordTable) table = reel_record_table_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
  ReelDataset *dataset;
  gboolean ok;

  if (G_IS_SEEKABLE (stream) && g_seekable_can_seek (G_SEEKABLE (stream)))
    ok = reel_csv_reader_read_split (stream, self->size, open_again, self, REEL_DATASET_MAX_FILE_SIZE,
                                     table, problems, progress_cb, self, cancellable, NULL, error);
  else
    ok = reel_csv_reader_read (stream, REEL_DATASET_MAX_FILE_SIZE, table, problems,
                               progress_cb, self, cancellable, error);
  take_problems (self, problems);
  if (!ok)
    return NULL;

  /* Its regions are those its records name, and a dataset has at least one. */
  if (self->n_errors == 0 && reel_record_table_get_n_records (table) == 0)
    add_problem (self, reel_problem_new (REEL_PROBLEM_ERROR, "", 0, 0,
                                         _("the file has no records: add rows of region, period "
                                           "and revenue below the header")));
  if (self->n_errors > 0)
    return NULL;

  dataset = reel_dataset_builder_build_from_records (self->file, table);
  if (self->file == NULL && self->name != NULL)
    {
      /* Bytes have no file to take the title from: their name stands for it. */
      reel_text_unref (dataset->title);
      dataset->title = reel_text_new (self->name);
    }

  return dataset;
}

/* Opens the file after checking that it is one: a folder, a FIFO or a device
 * is never a dataset, and reading one could block for ever or never end. */
static GInputStream *
open_file (ReelDatasetLoader  *self,
           GCancellable       *cancellable,
           GError            **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (self->file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a dataset file"));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file"));
      return NULL;
    }

  self->size = g_file_info_get_size (info);
  if (self->size > REEL_DATASET_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (self->size);
      g_autofree char *limit = g_format_size_full (REEL_DATASET_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE,
                   _("The file is %s, more than the limit of %s"), size, limit);
      return NULL;
    }

  return G_INPUT_STREAM (g_file_read (self->file, cancellable, error));
}

/* Reads a JSON file, its records on several threads when it is large; when
 * they had a problem, the file is read again in one pass, which reports
 * each problem where it is and stops where a single pass stops. */
static ReelDataset *
load_json_file (ReelDatasetLoader  *self,
                GInputStream       *stream,
                GCancellable       *cancellable,
                GError            **error)
{
  g_autoptr(GInputStream) again = NULL;
  gboolean retry = FALSE;
  ReelDataset *dataset;

  dataset = load_json (self, stream, TRUE, &retry, cancellable, error);
  if (!retry)
    return dataset;

  if ((again = open_again (self, cancellable, error)) == NULL)
    return NULL;
  return load_json (self, again, FALSE, &retry, cancellable, error);
}

static ReelDataset *
load (ReelDatasetLoader  *self,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autoptr(GInputStream) base_stream = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_assert (!self->started);
  self->started = TRUE;

  if (self->bytes != NULL)
    {
      self->size = g_bytes_get_size (self->bytes);
      base_stream = g_memory_input_stream_new_from_bytes (self->bytes);
      name = g_strdup (self->name);
    }
  else if ((base_stream = open_file (self, cancellable, error)) == NULL)
    {
      return NULL;
    }
  else
    {
      name = g_file_get_basename (self->file);
    }

  stream = g_buffered_input_stream_new_sized (base_stream, REEL_READ_BUFFER_SIZE);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (stream), 512, cancellable, error) < 0)
    return NULL;

  if (is_csv (name, stream))
    dataset = load_csv (self, stream, cancellable, &local_error);
  else
    dataset = load_json_file (self, stream, cancellable, &local_error);

  g_ptr_array_sort (self->problems, (GCompareFunc) reel_problem_compare);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->n_errors > 0 || dataset == NULL)
    {
      const ReelProblem *first = NULL;

      for (guint i = 0; i < self->problems->len && first == NULL; i++)
        if (((ReelProblem *) g_ptr_array_index (self->problems, i))->severity == REEL_PROBLEM_ERROR)
          first = g_ptr_array_index (self->problems, i);

      g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem, the first at %u:%u: %s",
                                "%u problems, the first at %u:%u: %s", self->n_errors),
                   self->n_errors,
                   first != NULL ? first->line : 0, first != NULL ? first->column : 0,
                   first != NULL ? first->message : "");
      return NULL;
    }

  return g_steal_pointer (&dataset);
}

static void
reel_dataset_loader_finalize (GObject *object)
{
  ReelDatasetLoader *self = (ReelDatasetLoader *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (reel_dataset_loader_parent_class)->finalize (object);
}

static void
reel_dataset_loader_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReelDatasetLoader *self = REEL_DATASET_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_dataset_loader_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReelDatasetLoader *self = REEL_DATASET_LOADER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_dataset_loader_class_init (ReelDatasetLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reel_dataset_loader_finalize;
  object_class->get_property = reel_dataset_loader_get_property;
  object_class->set_property = reel_dataset_loader_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelDatasetLoader::progress:
   * @fraction: how much of the file has been read, 0 to 1
   */
  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
reel_dataset_loader_init (ReelDatasetLoader *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) reel_problem_free);
}

ReelDatasetLoader *
reel_dataset_loader_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (REEL_TYPE_DATASET_LOADER, "file", file, NULL);
}

/* A loader of @bytes, which must not change while it loads; @name (nullable)
 * is what a file of them would be called: `.csv` reads them as records,
 * `.json` as a dataset, and otherwise their first byte decides. */
ReelDatasetLoader *
reel_dataset_loader_new_for_bytes (GBytes     *bytes,
                                   const char *name)
{
  ReelDatasetLoader *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (REEL_TYPE_DATASET_LOADER, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->name = g_strdup (name);
  return self;
}

/* The file, or NULL for a loader of bytes. */
GFile *
reel_dataset_loader_get_file (ReelDatasetLoader *self)
{
  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), NULL);

  return self->file;
}

/* Loads the file on this thread (for the command line). Returns NULL with
 * @error set when the file cannot be read or breaks a rule; the problems
 * then say which and where. A loader loads once. */
ReelDataset *
reel_dataset_loader_load (ReelDatasetLoader  *self,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), NULL);
  g_return_val_if_fail (!self->started, NULL);

  return load (self, cancellable, error);
}

/* What a load on a worker thread hands back, all at once: the thread
 * writes nothing that the caller reads while it runs. */
typedef struct {
  ReelDataset *dataset;
  GPtrArray   *problems;
  GError      *error;
} LoadResult;

static void
load_result_free (LoadResult *load_result)
{
  g_clear_object (&load_result->dataset);
  g_clear_pointer (&load_result->problems, g_ptr_array_unref);
  g_clear_error (&load_result->error);
  g_free (load_result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReelDatasetLoader *self = source_object;
  LoadResult *load_result = g_new0 (LoadResult, 1);

  /* Someone's main context waits: its thread keeps a core. */
  reel_blocks_leave_a_core (TRUE);
  load_result->dataset = load (self, cancellable, &load_result->error);
  reel_blocks_leave_a_core (FALSE);
  load_result->problems = g_ptr_array_ref (self->problems);
  g_task_return_pointer (task, load_result, (GDestroyNotify) load_result_free);
}

/* Loads the file on a worker thread; `progress` is emitted in the caller's
 * thread-default main context. The result is read with
 * reel_dataset_loader_load_finish(), never with the getters. */
void
reel_dataset_loader_load_async (ReelDatasetLoader   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (REEL_IS_DATASET_LOADER (self));
  g_return_if_fail (!self->started);

  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reel_dataset_loader_load_async);
  g_task_run_in_thread (task, load_thread);
}

/* The dataset, or NULL with @error set; @problems (optional) receives
 * every error and warning of the load, in file order, whether it
 * succeeded or not, except when it was cancelled (then NULL). */
ReelDataset *
reel_dataset_loader_load_finish (ReelDatasetLoader  *self,
                                 GAsyncResult       *result,
                                 GPtrArray         **problems,
                                 GError            **error)
{
  LoadResult *load_result;
  ReelDataset *dataset;

  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (problems != NULL)
    *problems = NULL;

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    return NULL;

  if (problems != NULL)
    *problems = g_steal_pointer (&load_result->problems);
  if (load_result->error != NULL)
    g_propagate_error (error, g_steal_pointer (&load_result->error));
  dataset = g_steal_pointer (&load_result->dataset);
  load_result_free (load_result);

  return dataset;
}

/* Every error and warning of a reel_dataset_loader_load(), in file order
 * (element-type ReelProblem); an asynchronous load hands them to its
 * callback instead (reel_dataset_loader_load_finish()). */
GPtrArray *
reel_dataset_loader_get_problems (ReelDatasetLoader *self)
{
  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), NULL);
  g_return_val_if_fail (self->context == NULL, NULL);

  return self->problems;
}

guint
reel_dataset_loader_get_n_errors (ReelDatasetLoader *self)
{
  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), 0);
  g_return_val_if_fail (self->context == NULL, 0);

  return self->n_errors;
}

guint
reel_dataset_loader_get_n_warnings (ReelDatasetLoader *self)
{
  g_return_val_if_fail (REEL_IS_DATASET_LOADER (self), 0);
  g_return_val_if_fail (self->context == NULL, 0);

  return self->n_warnings;
}
