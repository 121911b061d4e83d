/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-cli-io"

#include "config.h"

#include "reel-cli-io.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "reel-dataset.h"

/* How much of standard input is read at a time. */
#define STDIN_CHUNK_SIZE  (64 * 1024)

/* A failed load shows this many problems; --validate shows them all. */
#define MAX_PRINTED_PROBLEMS 10

/* GIO's and GLib's file error codes that stand for an errno, whose
 * g_strerror() text (translated by the C library) says what went wrong
 * without the path. */
static const struct {
  GIOErrorEnum io_code;
  GFileError   file_code;
  int          errno_value;
} errno_codes[] = {
  { G_IO_ERROR_NOT_FOUND,             G_FILE_ERROR_NOENT,        ENOENT },
  { G_IO_ERROR_PERMISSION_DENIED,     G_FILE_ERROR_ACCES,        EACCES },
  { G_IO_ERROR_IS_DIRECTORY,          G_FILE_ERROR_ISDIR,        EISDIR },
  { G_IO_ERROR_NOT_DIRECTORY,         G_FILE_ERROR_NOTDIR,       ENOTDIR },
  { G_IO_ERROR_NO_SPACE,              G_FILE_ERROR_NOSPC,        ENOSPC },
  { G_IO_ERROR_READ_ONLY,             G_FILE_ERROR_ROFS,         EROFS },
  { G_IO_ERROR_FILENAME_TOO_LONG,     G_FILE_ERROR_NAMETOOLONG,  ENAMETOOLONG },
  { G_IO_ERROR_EXISTS,                G_FILE_ERROR_EXIST,        EEXIST },
  { G_IO_ERROR_TOO_MANY_LINKS,        G_FILE_ERROR_LOOP,         ELOOP },
  { G_IO_ERROR_BROKEN_PIPE,           G_FILE_ERROR_PIPE,         EPIPE },
  { G_IO_ERROR_TOO_MANY_OPEN_FILES,   G_FILE_ERROR_MFILE,        EMFILE },
};

/**
 * reel_cli_printerr:
 * @file_name: (nullable): the file the message is about
 * @format: the message, without a newline
 *
 * Prints `reelscope: FILE: message` or `reelscope: message` on stderr.
 */
void
reel_cli_printerr (const char *file_name,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (format != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (file_name != NULL)
    g_printerr ("%s: %s: %s\n", g_get_prgname (), file_name, message);
  else
    g_printerr ("%s: %s\n", g_get_prgname (), message);
}

/**
 * reel_cli_describe_error:
 * @error: what went wrong
 *
 * Returns: the errno text of an I/O error, for which GLib's message would
 *   name the file again (or a temporary one); any other error's message.
 */
const char *
reel_cli_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (errno_codes); i++)
    {
      if (error->domain == G_IO_ERROR && error->code == (int) errno_codes[i].io_code)
        return g_strerror (errno_codes[i].errno_value);
      if (error->domain == G_FILE_ERROR && error->code == (int) errno_codes[i].file_code)
        return g_strerror (errno_codes[i].errno_value);
    }

  return error->message;
}

/* Reads standard input to its end, as much as a dataset file may hold. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) input = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (stdin_stream, STDIN_CHUNK_SIZE, NULL, error);
      gsize chunk_size;

      if (chunk == NULL)
        return NULL;
      chunk_size = g_bytes_get_size (chunk);
      if (chunk_size == 0)
        break;

      g_byte_array_append (input, g_bytes_get_data (chunk, NULL), (guint) chunk_size);
      if (input->len > REEL_DATASET_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size_full (REEL_DATASET_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("The input is more than the limit of %s"), limit);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&input));
}

/**
 * reel_cli_print_problem:
 * @problem: an error or a warning
 * @file_name: the name the user gave the file
 *
 * Prints `reelscope: FILE:LINE:COL: PATH: message`, with `warning: `
 * before the message of a warning, as compilers print them.
 */
void
reel_cli_print_problem (const ReelProblem *problem,
                        const char        *file_name)
{
  g_autofree char *line = NULL;

  g_return_if_fail (problem != NULL);

  if (problem->severity == REEL_PROBLEM_WARNING)
    {
      g_autoptr(ReelProblem) warning = reel_problem_copy (problem);

      g_free (warning->message);
      /* TRANSLATORS: a warning of `reelscope --validate`; %s is what is wrong */
      warning->message = g_strdup_printf (_("warning: %s"), problem->message);
      line = reel_problem_to_string (warning, file_name);
    }
  else
    {
      line = reel_problem_to_string (problem, file_name);
    }

  reel_cli_printerr (NULL, "%s", line);
}

/**
 * reel_cli_open_dataset:
 * @file_name: a file name or URI as the user gave it, or `-`
 * @error: a G_IO_ERROR when `-` and standard input cannot be read
 *
 * A loader of the file, or of standard input for `-`. Standard input has
 * no name to tell its format by, so the loader tells it by the first byte
 * that is not a space: `{` (or `[`, or a byte order mark) begins a JSON
 * dataset, anything else a CSV header.
 *
 * Returns: (transfer full): the loader, not yet started
 */
ReelDatasetLoader *
reel_cli_open_dataset (const char  *file_name,
                       GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) input = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (file_name, REEL_CLI_STDIO_NAME) != 0)
    {
      file = g_file_new_for_commandline_arg (file_name);
      return reel_dataset_loader_new (file);
    }

  input = read_stdin (error);
  if (input == NULL)
    return NULL;

  /* Neither `.json` nor `.csv`: the loader looks at the first bytes. */
  return reel_dataset_loader_new_for_bytes (input, REEL_CLI_STDIN_NAME);
}

/* A usage error's message, and where to read about the options. */
void
reel_cli_print_usage_error (const char *message)
{
  reel_cli_printerr (NULL, "%s", message);
  g_printerr ("%s: ", g_get_prgname ());
  g_printerr (_("Run “%s --help” to see a full list of available command line options.\n"),
              g_get_prgname ());
}

/* Loads like --validate, and on failure prints the first problems. */
static ReelDataset *
load_named (const char *file_name,
            const char *display_name)
{
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset;
  GPtrArray *problems;
  guint n_errors = 0;

  loader = reel_cli_open_dataset (file_name, &error);
  if (loader == NULL)
    {
      reel_cli_printerr (display_name, "%s", reel_cli_describe_error (error));
      return NULL;
    }

  dataset = reel_dataset_loader_load (loader, NULL, &error);
  if (dataset != NULL)
    return dataset;

  problems = reel_dataset_loader_get_problems (loader);
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != REEL_PROBLEM_ERROR)
        continue;
      if (n_errors++ < MAX_PRINTED_PROBLEMS)
        reel_cli_print_problem (problem, display_name);
    }

  if (n_errors == 0)
    reel_cli_printerr (display_name, "%s",
                       error != NULL ? reel_cli_describe_error (error) : _("The file could not be read"));
  else if (n_errors > MAX_PRINTED_PROBLEMS)
    /* TRANSLATORS: "and more; “reelscope --validate FILE” lists every problem" */
    reel_cli_printerr (display_name, _("and more; “%s --validate %s” lists every problem"), g_get_prgname (),
                       display_name);

  return NULL;
}

/**
 * reel_cli_load_dataset:
 * @files: (nullable): the arguments left after the options: FILE, or none
 * @default_file: the dataset to read without a FILE (the bundled one)
 *
 * Loads what a headless command reads, and on failure prints the first
 * problems under the name a user knows it by.
 *
 * Returns: (transfer full) (nullable): the dataset
 */
ReelDataset *
reel_cli_load_dataset (const char * const *files,
                       GFile              *default_file)
{
  g_autofree char *default_uri = NULL;
  g_autofree char *default_name = NULL;

  g_return_val_if_fail (G_IS_FILE (default_file), NULL);

  if (files != NULL && files[0] != NULL)
    return load_named (files[0], g_strcmp0 (files[0], REEL_CLI_STDIO_NAME) == 0 ? REEL_CLI_STDIN_NAME
                                                                                 : files[0]);

  default_uri = g_file_get_uri (default_file);
  default_name = g_file_get_parse_name (default_file);
  return load_named (default_uri, default_name);
}
