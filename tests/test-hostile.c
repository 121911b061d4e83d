/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile input where the loader's output must be checked value by value
 * (the command line can only say valid or not): text made harmless, URLs
 * kept but flagged, syntax errors exactly where the damage is, files that
 * change while they load, and each limit of DESIGN §3 reached and exceeded
 * by one. tests/test-hostile.py drives `reelscope --validate` with the rest. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reel-dataset-loader.h"
#include "reel-read-buffer.h"
#include "reel-record-table.h"

/* The loader's temporary files, removed after each test. */
typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("reelscope-hostile-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static ReelDataset *
load_path (const char         *path,
           ReelDatasetLoader **out_loader,
           GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, error);

  if (out_loader != NULL)
    *out_loader = g_steal_pointer (&loader);
  return dataset;
}

static ReelDataset *
load_bytes (const char         *contents,
            gsize               length,
            const char         *name,
            ReelDatasetLoader **out_loader)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new_for_bytes (bytes, name);
  g_autoptr(GError) error = NULL;
  ReelDataset *dataset = reel_dataset_loader_load (loader, NULL, &error);

  g_assert_true ((dataset == NULL) == (error != NULL));
  *out_loader = g_steal_pointer (&loader);
  return dataset;
}

/* The first error of a load that must have failed. */
static const ReelProblem *
first_error (ReelDatasetLoader *loader)
{
  GPtrArray *problems = reel_dataset_loader_get_problems (loader);

  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == REEL_PROBLEM_ERROR)
        return problem;
    }

  g_assert_not_reached ();
}

/* The line and column (in characters) where @needle first starts in @text. */
static void
position_of (const char *text,
             const char *needle,
             guint      *line,
             guint      *column)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  *line = 1;
  *column = 1;
  for (const char *p = text; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*p & 0xC0) != 0x80)
        {
          (*column)++;
        }
    }
}

static void
assert_problem (const ReelProblem *problem,
                guint              line,
                guint              column,
                const char        *path,
                const char        *message)
{
  g_autofree char *text = reel_problem_to_string (problem, NULL);

  g_test_message ("%s", text);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->column, ==, column);
  g_assert_cmpstr (problem->path, ==, path);
  g_assert_cmpstr (problem->message, ==, message);
}

/* Markup, escape sequences and controls (C0, DEL, C1, raw U+0085) in every
 * text of the format. "@T@" is replaced by the text, JSON-escaped. */
#define HOSTILE_TEXT_JSON "<b>Bold</b> &amp; <span foreground=\\\"red\\\">x</span>" \
                          "\\u0001\\u001b[2J\\u007f\\u009b\\t\\n\xc2\x85"
#define HOSTILE_TEXT_SHOWN "<b>Bold</b> &amp; <span foreground=\"red\">x</span>" \
                           "\xef\xbf\xbd\xef\xbf\xbd[2J\xef\xbf\xbd\xef\xbf\xbd\t\n\xef\xbf\xbd"

static const char hostile_text_dataset[] =
  "{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
  " \"title\": \"@T@\", \"description\": {\"en\": \"@T@\", \"es\": \"@T@\"},\n"
  " \"sources\": [{\"id\": \"s\", \"title\": \"@T@\", \"publisher\": \"@T@\", \"note\": \"@T@\",\n"
  "               \"url\": \"https://example.org/@T@\"}],\n"
  " \"global\": {\"revenue\": [{\"year\": 2024, \"value\": 1, \"source\": \"s\", \"basis\": \"@T@\", \"note\": \"@T@\"}],\n"
  "            \"growth\": [{\"metric\": \"@T@\", \"year\": 2024, \"percent\": 1, \"source\": \"s\", \"basis\": \"@T@\", \"note\": \"@T@\"}],\n"
  "            \"audience\": {\"summary\": \"@T@\",\n"
  "                         \"traits\": [{\"label\": \"@T@\", \"share\": 0.5, \"source\": \"s\", \"note\": \"@T@\"}],\n"
  "                         \"notes\": [{\"text\": \"@T@\", \"source\": \"s\"}]}},\n"
  " \"regions\": [{\"id\": \"na\", \"name\": {\"en\": \"@T@\", \"zh-CN\": \"@T@\"}}],\n"
  " \"experts\": [{\"id\": \"e\", \"name\": \"@T@\", \"role\": \"@T@\", \"organization\": \"@T@\", \"country\": \"@T@\",\n"
  "               \"quotes\": [{\"text\": \"@T@\", \"source\": \"s\", \"topics\": [\"@T@\"]}]}],\n"
  " \"platforms\": [{\"id\": \"p\", \"name\": \"@T@\", \"company\": \"@T@\"}]}\n";

static void
assert_shown (const ReelText *text)
{
  static const char * const zh[] = { "zh_CN", NULL };
  static const char * const es[] = { "es", NULL };

  g_assert_nonnull (text);
  g_assert_cmpstr (reel_text_get_for (text, NULL), ==, HOSTILE_TEXT_SHOWN);
  g_assert_cmpstr (reel_text_get_for (text, zh), ==, HOSTILE_TEXT_SHOWN);
  g_assert_cmpstr (reel_text_get_for (text, es), ==, HOSTILE_TEXT_SHOWN);
}

static void
test_text_made_plain (void)
{
  g_autoptr(GString) json = g_string_new (hostile_text_dataset);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  const ReelSource *source;
  const ReelRegion *global, *region;
  const ReelFigure *figure;
  const ReelGrowth *growth;
  const ReelExpert *expert;
  const ReelQuote *quote;
  const ReelPlatform *platform;

  g_string_replace (json, "@T@", HOSTILE_TEXT_JSON, 0);
  dataset = load_bytes (json->str, json->len, "text.json", &loader);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 0);

  /* Markup stays as it was written: it is shown as text, never parsed. */
  assert_shown (reel_dataset_get_title (dataset));
  assert_shown (reel_dataset_get_description (dataset));

  source = reel_dataset_find_source (dataset, "s");
  assert_shown (source->title);
  assert_shown (source->publisher);
  assert_shown (source->note);
  g_assert_cmpstr (source->url, ==, "https://example.org/" HOSTILE_TEXT_SHOWN);

  global = reel_dataset_get_global (dataset);
  figure = &g_array_index (global->revenue, ReelFigure, 0);
  g_assert_cmpstr (figure->basis, ==, HOSTILE_TEXT_SHOWN);
  assert_shown (figure->note);
  growth = &g_array_index (global->growth, ReelGrowth, 0);
  g_assert_cmpstr (growth->metric, ==, HOSTILE_TEXT_SHOWN);
  g_assert_cmpstr (growth->basis, ==, HOSTILE_TEXT_SHOWN);
  assert_shown (growth->note);
  assert_shown (global->audience->summary);
  assert_shown (g_array_index (global->audience->traits, ReelTrait, 0).label);
  assert_shown (g_array_index (global->audience->traits, ReelTrait, 0).note);
  assert_shown (g_array_index (global->audience->notes, ReelNote, 0).text);

  region = reel_dataset_find_region (dataset, "na");
  assert_shown (region->name);

  expert = g_ptr_array_index (reel_dataset_get_experts (dataset), 0);
  assert_shown (expert->name);
  assert_shown (expert->role);
  assert_shown (expert->organization);
  assert_shown (expert->country);
  quote = &g_array_index (expert->quotes, ReelQuote, 0);
  assert_shown (quote->text);
  g_assert_cmpstr (quote->topics[0], ==, HOSTILE_TEXT_SHOWN);

  platform = g_ptr_array_index (reel_dataset_get_platforms (dataset), 0);
  assert_shown (platform->name);
  assert_shown (platform->company);
}

/* Links that are not http or https are kept (they are part of the record)
 * but never opened, and --validate warns about each where it is. */
static void
test_unsafe_urls (void)
{
  static const char json[] =
    "{\"format\": \"reelscope-dataset\", \"version\": 1, \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
    " \"sources\": [{\"id\": \"a\", \"title\": \"A\", \"url\": \"javascript:alert(document.cookie)\"},\n"
    "  {\"id\": \"b\", \"title\": \"B\", \"url\": \"file:///etc/passwd\"},\n"
    "  {\"id\": \"c\", \"title\": \"C\", \"url\": \"data:text/html,<script>x</script>\"},\n"
    "  {\"id\": \"d\", \"title\": \"D\", \"url\": \"https://example.org/ok\"},\n"
    "  {\"id\": \"e\", \"title\": \"E\", \"url\": \"HTTPS://EXAMPLE.ORG/\"},\n"
    "  {\"id\": \"f\", \"title\": \"F\", \"url\": \"mailto:x@example.org\"}]}";
  static const char * const urls[] = {
    "javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/html,<script>x</script>",
    "https://example.org/ok", "HTTPS://EXAMPLE.ORG/", "mailto:x@example.org",
  };
  static const gboolean safe[] = { FALSE, FALSE, FALSE, TRUE, TRUE, FALSE };
  static const guint flagged[] = { 0, 1, 2, 5 };
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (json, strlen (json), "urls.json", &loader);
  GPtrArray *sources, *problems;

  g_assert_nonnull (dataset);
  sources = reel_dataset_get_sources (dataset);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      const ReelSource *source = g_ptr_array_index (sources, i);

      g_assert_cmpstr (source->url, ==, urls[i]);
      g_assert_cmpint (reel_dataset_url_is_safe (source->url), ==, safe[i]);
    }

  problems = reel_dataset_loader_get_problems (loader);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (flagged));
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *path = g_strdup_printf ("sources[%u].url", flagged[i]);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", urls[flagged[i]]);
      guint line, column;

      position_of (json, quoted, &line, &column);
      g_assert_cmpint (problem->severity, ==, REEL_PROBLEM_WARNING);
      assert_problem (problem, line, column, path,
                      "only http and https links are opened; this one will not be");
    }
}

/* Whether byte @i of @json is inside a string (between its quotes). */
static gboolean *
mark_strings (const char *json,
              gsize       length)
{
  gboolean *in_string = g_new0 (gboolean, length);
  gboolean inside = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (inside && json[i] == '\\')
        {
          in_string[i] = in_string[i + 1] = TRUE;
          i++;
          continue;
        }
      if (json[i] == '"')
        inside = !inside;
      in_string[i] = inside || json[i] == '"';
    }

  return in_string;
}

/* A stray character before any bracket, brace, comma or colon of a real
 * dataset is refused exactly there, with the path of what it broke. */
static void
test_stray_character_everywhere (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "microdrama-sample.reelscope.json", NULL);
  g_autofree char *json = NULL;
  g_autofree gboolean *in_string = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 1, column = 1, n = 0;
  gsize length;

  g_file_get_contents (path, &json, &length, &error);
  g_assert_no_error (error);
  in_string = mark_strings (json, length);

  for (gsize i = 0; i < length; i++)
    {
      if (!in_string[i] && strchr ("{}[],:", json[i]) != NULL)
        {
          g_autoptr(GString) broken = g_string_new_len (json, length);
          g_autoptr(ReelDatasetLoader) loader = NULL;
          g_autoptr(ReelDataset) dataset = NULL;
          const ReelProblem *problem;

          g_string_insert_c (broken, i, '@');
          dataset = load_bytes (broken->str, broken->len, "stray.json", &loader);
          g_assert_null (dataset);
          g_assert_cmpuint (reel_dataset_loader_get_n_errors (loader), ==, 1);
          problem = first_error (loader);
          if (problem->line != line || problem->column != column || strstr (problem->message, "“@”") == NULL)
            g_error ("@ at %u:%u (byte %" G_GSIZE_FORMAT "): %u:%u: %s: %s", line, column, i,
                     problem->line, problem->column, problem->path, problem->message);
          n++;
        }

      if (json[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if ((json[i] & 0xC0) != 0x80)
        {
          column++;
        }
    }

  g_assert_cmpuint (n, >, 400);
}

/* Every prefix of a dataset is refused, at or before where it was cut. */
static void
test_truncated_everywhere (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "microdrama-sample.reelscope.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  guint line = 1, column = 1;
  gsize length;

  g_file_get_contents (path, &json, &length, &error);
  g_assert_no_error (error);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(ReelDatasetLoader) loader = NULL;
      g_autoptr(ReelDataset) dataset = NULL;
      const ReelProblem *problem;

      if (cut > 0)
        {
          if (json[cut - 1] == '\n')
            {
              line++;
              column = 1;
            }
          else if ((json[cut - 1] & 0xC0) != 0x80)
            {
              column++;
            }
        }

      /* Only whitespace follows the last brace. */
      if (cut > 0 && strspn (json + cut, " \n") == length - cut)
        break;

      dataset = load_bytes (json, cut, "cut.json", &loader);
      g_assert_null (dataset);
      problem = first_error (loader);
      if (problem->line > line || (problem->line == line && problem->column > column) || problem->line == 0)
        g_error ("cut at %u:%u, refused at %u:%u: %s", line, column, problem->line, problem->column,
                 problem->message);
    }
}

typedef struct {
  char     *path;
  gboolean  done;
  gboolean  delete;
} Change;

/* A synchronous load emits progress from the read loop: the file changes
 * under the reader after its first buffer. */
static void
change_file_cb (ReelDatasetLoader *loader,
                double             fraction,
                Change            *change)
{
  if (change->done)
    return;
  change->done = TRUE;
  if (change->delete)
    g_assert_cmpint (g_unlink (change->path), ==, 0);
  else
    g_assert_cmpint (truncate (change->path, 100000), ==, 0);
}

static GString *
many_records (guint n)
{
  GString *json = g_string_new ("{\"format\": \"reelscope-dataset\", \"version\": 1,\n"
                                " \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
                                " \"records\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "  {\"region\": \"na\", \"period\": \"2024-%02u\", \"revenue\": %u}%s\n",
                            i % 12 + 1, i, i + 1 < n ? "," : "");
  g_string_append (json, "]}\n");
  return json;
}

static void
test_truncated_while_loading (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) json = many_records (20000);
  Change change = { write_file (fixture, "shrinks.json", json->str, json->len), FALSE, FALSE };
  g_autoptr(GFile) file = g_file_new_for_path (change.path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const ReelProblem *problem;
  guint line;

  g_assert_cmpuint (json->len, >, 4 * REEL_READ_BUFFER_SIZE);
  g_signal_connect (loader, "progress", G_CALLBACK (change_file_cb), &change);
  dataset = reel_dataset_loader_load (loader, NULL, &error);
  g_assert_true (change.done);

  /* The file ends where it was cut: refused there, no SIGBUS (nothing is mapped). */
  g_assert_null (dataset);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX);
  problem = first_error (loader);
  line = 1;
  for (guint i = 0; i < 100000; i++)
    line += json->str[i] == '\n';
  g_assert_cmpuint (problem->line, ==, line);
  g_free (change.path);
}

static void
test_deleted_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) json = many_records (20000);
  Change change = { write_file (fixture, "goes.json", json->str, json->len), FALSE, TRUE };
  g_autoptr(GFile) file = g_file_new_for_path (change.path);
  g_autoptr(ReelDatasetLoader) loader = reel_dataset_loader_new (file);
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (loader, "progress", G_CALLBACK (change_file_cb), &change);
  dataset = reel_dataset_loader_load (loader, NULL, &error);

  /* The open file is read to its end: what was opened is what is loaded. */
  g_assert_true (change.done);
  g_assert_no_error (error);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 20000);
  g_assert_false (g_file_test (change.path, G_FILE_TEST_EXISTS));
  g_free (change.path);
}

/* A FIFO would block the reader until someone writes (for ever): it is
 * refused before it is opened. The test times out if it blocks. */
static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fifo.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelDataset) dataset = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  dataset = load_path (path, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* Refused at the first @needle in @json. */
static void
assert_refused_at (const char *json,
                   gsize       length,
                   const char *needle,
                   const char *path,
                   const char *message)
{
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (json, length, "limit.json", &loader);
  guint line, column;

  g_assert_null (dataset);
  position_of (json, needle, &line, &column);
  assert_problem (first_error (loader), line, column, path, message);
}

static void
assert_loads (const char *json,
              gsize       length)
{
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (json, length, "limit.json", &loader);

  g_assert_nonnull (dataset);
}

#define LIMIT_HEAD "{\"format\": \"reelscope-dataset\", \"version\": 1, "

/* Each limit of DESIGN §3 is reached, then exceeded by one. */
static void
test_limits (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *message = NULL;

  G_STATIC_ASSERT (REEL_DATASET_MAX_FILE_SIZE == G_GUINT64_CONSTANT (1073741824));
  G_STATIC_ASSERT (REEL_DATASET_MAX_RECORDS == 50000000);
  G_STATIC_ASSERT (REEL_DATASET_MAX_LIST == 100000);
  G_STATIC_ASSERT (REEL_DATASET_MAX_VALUES == 1000000);
  G_STATIC_ASSERT (REEL_RECORD_MAX_IDS == REEL_DATASET_MAX_LIST);
  G_STATIC_ASSERT (REEL_DATASET_MAX_STRING == 1048576);
  G_STATIC_ASSERT (REEL_DATASET_MAX_LABEL == 1024);
  G_STATIC_ASSERT (REEL_DATASET_MAX_DEPTH == 64);

  /* A list of 100,000 entries, then 100,001. */
  g_string_assign (json, LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"NA\", \"countries\": [");
  for (guint i = 0; i < REEL_DATASET_MAX_LIST; i++)
    g_string_append (json, i > 0 ? ", \"US\"" : "\"US\"");
  g_string_append (json, "]}]}");
  assert_loads (json->str, json->len);
  g_string_insert (json, json->len - 4, ", \"US\"");
  assert_refused_at (json->str, json->len, "[\"US", "regions[0].countries", "has more than 100000 entries");

  /* Any list counts, not only those the format reads: a list of 100,001
   * zeros in an unknown member took 3.4 GB and passed with a warning. */
  g_string_assign (json, LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"NA\"}], \"x\": [0");
  for (guint i = 1; i <= REEL_DATASET_MAX_LIST; i++)
    g_string_append (json, ",0");
  g_string_append (json, "]}");
  assert_refused_at (json->str, json->len, "[0,", "x", "has more than 100000 entries");

  /* A string of 1 MiB, then one byte more. */
  g_string_assign (json, LIMIT_HEAD "\"description\": \"");
  for (guint i = 0; i < REEL_DATASET_MAX_STRING; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\", \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}]}");
  assert_loads (json->str, json->len);
  g_string_insert_c (json, 100, 'x');
  assert_refused_at (json->str, json->len, "\"xxx", "description",
                     "the string is longer than the limit of 1048576 bytes");

  /* A name of 1,024 characters (not bytes), then 1,025. */
  g_string_assign (json, LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"");
  for (guint i = 0; i < REEL_DATASET_MAX_LABEL; i++)
    g_string_append (json, "中");
  g_string_append (json, "\"}]}");
  assert_loads (json->str, json->len);
  g_string_insert (json, json->len - 4, "中");
  assert_refused_at (json->str, json->len, "\"中", "regions[0].name", "is longer than 1024 characters");

  /* 64 levels of nesting (the root object is the first), then 65. */
  g_string_assign (json, LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"NA\"}], \"deep\": ");
  for (guint i = 1; i < REEL_DATASET_MAX_DEPTH; i++)
    g_string_append_c (json, '[');
  for (guint i = 1; i < REEL_DATASET_MAX_DEPTH; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  assert_loads (json->str, json->len);
  g_string_insert (json, json->len - 1 - (REEL_DATASET_MAX_DEPTH - 1), "[]");
  message = g_strdup_printf ("nesting is deeper than the limit of %u levels", REEL_DATASET_MAX_DEPTH);
  g_assert_nonnull (strstr (json->str, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["));
  assert_refused_at (json->str, json->len,
                     /* the 65th level: 64 brackets, the last of which is it */
                     "[]",
                     "deep[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                     "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
                     "[0][0][0][0][0][0][0][0][0][0][0][0]", message);
}

/* A dataset lists at most 100,000 regions (and platforms): a CSV file
 * naming one more is refused where it does. Regression: the table of
 * records grew with every new id, and summing the records looked each id up
 * in the list of regions, so 500,000 regions took hours. */
#define V2_HEAD "{\"format\": \"reelscope-dataset\", \"version\": 2, " \
                "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}], " \
                "\"regions\": [{\"id\": \"na\", \"name\": \"NA\", \"figures\": ["

/* The limits format version 2 adds: the inputs of a derived figure, the
 * months of a span and the years of a period, each reached then exceeded
 * by one; an unknown metric and a period that is no spelling are refused
 * whatever they hold. */
static void
test_limits_v2 (void)
{
  static const char input[] =
    "{\"source\": \"s\", \"metric\": \"downloads\", \"period\": \"2024-Q1\", \"value\": 1}";
  /* A message of NULL: accepted. */
  static const struct {
    const char *metric, *period, *needle, *path, *message;
  } cases[] = {
    { "revenue", "2015-01/2024-12", NULL, NULL, NULL },
    { "revenue", "2014-12/2024-12", "\"2014", "regions[0].figures[0].period",
      "“2014-12/2024-12”: a span runs from its first month to a later one, 120 months at most" },
    { "revenue", "4294967296-01", "\"4294", "regions[0].figures[0].period",
      "“4294967296-01” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM" },
    { "revenue", "9999-Q4", "\"9999", "regions[0].figures[0].period",
      "“9999-Q4”: the year must be 1990 to 2100" },
    { "REVENUE", "2024", "\"REV", "regions[0].figures[0].metric",
      "“REVENUE” is not a metric: use revenue, downloads, monthly-active-users, revenue-share, "
      "download-share or revenue-per-download" },
  };
  g_autoptr(GString) json = g_string_new (NULL);

  G_STATIC_ASSERT (REEL_DATASET_MAX_INPUTS == 16);
  G_STATIC_ASSERT (REEL_PERIOD_MAX_SPAN == 120);

  g_string_assign (json, V2_HEAD "{\"metric\": \"downloads\", \"period\": \"2024\", \"value\": 4, "
                         "\"derived\": {\"method\": \"sum of quarters\", \"inputs\": [");
  for (guint i = 0; i < REEL_DATASET_MAX_INPUTS; i++)
    g_string_append_printf (json, "%s%s", i > 0 ? ", " : "", input);
  g_string_append (json, "]}}]}]}");
  assert_loads (json->str, json->len);
  g_string_insert (json, json->len - 7, ", ");
  g_string_insert (json, json->len - 7, input);
  assert_refused_at (json->str, json->len, "[{\"source", "regions[0].figures[0].derived.inputs",
                     "a derived figure has 1 to 16 inputs");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_string_printf (json, V2_HEAD "{\"metric\": \"%s\", \"period\": \"%s\", \"value\": 1, "
                             "\"source\": \"s\"}]}]}", cases[i].metric, cases[i].period);
      if (cases[i].message == NULL)
        assert_loads (json->str, json->len);
      else
        assert_refused_at (json->str, json->len, cases[i].needle, cases[i].path,
                           cases[i].message);
    }
}

static void
test_distinct_ids (void)
{
  g_autoptr(GString) csv = g_string_new ("region,period,revenue,platform\n");
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;

  for (guint i = 0; i < REEL_RECORD_MAX_IDS; i++)
    g_string_append_printf (csv, "r%u,2024-01,1,p%u\n", i, i % 7);
  dataset = load_bytes (csv->str, csv->len, "ids.csv", &loader);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_get_regions (dataset)->len, ==, REEL_RECORD_MAX_IDS);
  g_clear_object (&dataset);
  g_clear_object (&loader);

  g_string_append (csv, "one-more,2024-01,1,p1\n");
  dataset = load_bytes (csv->str, csv->len, "ids.csv", &loader);
  g_assert_null (dataset);
  assert_problem (first_error (loader), REEL_RECORD_MAX_IDS + 2, 1, "region",
                  "more than 100000 different regions: split the file (record 100001)");
}

/* 1 GiB is read (and refused for what it holds, at once); one byte more is
 * refused for its size before a byte is read. Sparse: no disk is used. */
static void
test_file_size_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "huge.json", "", 0);
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (truncate (path, REEL_DATASET_MAX_FILE_SIZE), ==, 0);
  dataset = load_path (path, &loader, &error);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX);
  assert_problem (first_error (loader), 1, 1, "", "expected a value, found U+0000");
  g_clear_error (&error);
  g_clear_object (&loader);

  g_assert_cmpint (truncate (path, REEL_DATASET_MAX_FILE_SIZE + 1), ==, 0);
  dataset = load_path (path, &loader, &error);
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is 1.1\u00a0GB, more than the limit of 1.0\u00a0GiB");
}

/* Regression: the ids of a quote's `regions` were matched to the list by
 * their index among the valid ones, so an entry that was not an id put the
 * next dangling reference at the wrong index and position. */
static void
test_quote_regions (void)
{
  static const char json[] =
    LIMIT_HEAD "\"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
    "\"experts\": [{\"id\": \"e\", \"name\": \"E\", \"quotes\": [{\"text\": \"T\", \"source\": \"s\",\n"
    "  \"regions\": [7, \"na\", \"Bad id\", \"mars\"]}]}]}";
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (json, strlen (json), "quote.json", &loader);
  GPtrArray *problems = reel_dataset_loader_get_problems (loader);

  g_assert_null (dataset);
  g_assert_cmpuint (problems->len, ==, 3);
  assert_problem (g_ptr_array_index (problems, 0), 3, 15, "experts[0].quotes[0].regions[0]",
                  "must be a string, not a number");
  assert_problem (g_ptr_array_index (problems, 1), 3, 24, "experts[0].quotes[0].regions[2]",
                  "“Bad id” is not an id: use lowercase letters, digits and hyphens, not starting "
                  "with a hyphen");
  assert_problem (g_ptr_array_index (problems, 2), 3, 34, "experts[0].quotes[0].regions[3]",
                  "“mars” is not the id of a region");
}

/* Regression: an unknown member of a record was written into the path as it
 * was, escape sequences and all, and without the ["a.b"] form. */
static void
test_record_member_path (void)
{
  static const char json[] =
    LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"NA\"}],\n"
    "\"records\": [{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": 1, \"a.b\": 1, \"\\u001b[2J\": 2}]}";
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (json, strlen (json), "records.json", &loader);
  GPtrArray *problems = reel_dataset_loader_get_problems (loader);
  guint line, column;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (problems->len, ==, 2);

  position_of (json, "\"a.b", &line, &column);
  assert_problem (g_ptr_array_index (problems, 0), line, column, "records[0][\"a.b\"]",
                  "unknown member of a record, ignored");
  position_of (json, "\"\\u001b", &line, &column);
  assert_problem (g_ptr_array_index (problems, 1), line, column, "records[0][\"\\033[2J\"]",
                  "unknown member of a record, ignored");
}

/* Unknown members of records are warned about once per name, and at most
 * REEL_PROBLEMS_MAX names are: a file of records with a new name each would
 * otherwise grow the warnings and the names without bound. */
static void
test_record_unknown_members (void)
{
  g_autoptr(GString) json = g_string_new (LIMIT_HEAD "\"regions\": [{\"id\": \"na\", \"name\": \"NA\"}], \"records\": [");
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = NULL;

  for (guint i = 0; i < 3 * REEL_PROBLEMS_MAX; i++)
    g_string_append_printf (json, "%s{\"region\": \"na\", \"period\": \"2024-01\", \"revenue\": 1, \"x%u\": 0}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  dataset = load_bytes (json->str, json->len, "records.json", &loader);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (reel_dataset_get_n_records (dataset), ==, 3 * REEL_PROBLEMS_MAX);
  g_assert_cmpuint (reel_dataset_loader_get_n_warnings (loader), ==, REEL_PROBLEMS_MAX);
}

/* Regression (found by fuzz-dataset-loader): a CSV column name went into
 * problems as it was, so --validate printed its control characters. */
static void
test_csv_column_name (void)
{
  static const char csv[] = "region,period,revenue,no\x1b[2Jte\r\neurope,2024-01,1,caf\xe9\r\n";
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (csv, strlen (csv), "records.csv", &loader);
  g_autofree char *text = NULL;

  g_assert_null (dataset);
  assert_problem (first_error (loader), 2, 18, "no\xef\xbf\xbd[2Jte",
                  "the text is not valid UTF-8: save the file as UTF-8 (record 1)");
  text = reel_problem_to_string (first_error (loader), "records.csv");
  g_assert_cmpstr (text, ==, "records.csv:2:18: no\xef\xbf\xbd[2Jte: the text is not valid UTF-8: "
                             "save the file as UTF-8 (record 1)");
}

/* Regression (found by fuzz-dataset-loader): a CSV file with a header and no
 * records made a dataset without regions, which DESIGN §3 rules out. */
static void
test_csv_without_records (void)
{
  static const char csv[] = "region,period,revenue\r\n";
  g_autoptr(ReelDatasetLoader) loader = NULL;
  g_autoptr(ReelDataset) dataset = load_bytes (csv, strlen (csv), "records.csv", &loader);

  g_assert_null (dataset);
  assert_problem (first_error (loader), 0, 0, "",
                  "the file has no records: add rows of region, period and revenue below the header");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/text-made-plain", test_text_made_plain);
  g_test_add_func ("/hostile/unsafe-urls", test_unsafe_urls);
  g_test_add_func ("/hostile/stray-character-everywhere", test_stray_character_everywhere);
  g_test_add_func ("/hostile/truncated-everywhere", test_truncated_everywhere);
  g_test_add ("/hostile/truncated-while-loading", Fixture, NULL,
              fixture_set_up, test_truncated_while_loading, fixture_tear_down);
  g_test_add ("/hostile/deleted-while-loading", Fixture, NULL,
              fixture_set_up, test_deleted_while_loading, fixture_tear_down);
  g_test_add ("/hostile/fifo", Fixture, NULL, fixture_set_up, test_fifo, fixture_tear_down);
  g_test_add_func ("/hostile/limits", test_limits);
  g_test_add_func ("/hostile/limits-v2", test_limits_v2);
  g_test_add ("/hostile/file-size-limit", Fixture, NULL,
              fixture_set_up, test_file_size_limit, fixture_tear_down);
  g_test_add_func ("/hostile/distinct-ids", test_distinct_ids);
  g_test_add_func ("/hostile/quote-regions", test_quote_regions);
  g_test_add_func ("/hostile/record-member-path", test_record_member_path);
  g_test_add_func ("/hostile/record-unknown-members", test_record_unknown_members);
  g_test_add_func ("/hostile/csv-column-name", test_csv_column_name);
  g_test_add_func ("/hostile/csv-without-records", test_csv_without_records);

  return g_test_run ();
}
