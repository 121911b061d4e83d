/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "reel-json-scanner.h"

typedef struct {
  GString *trace;
} Trace;

static gboolean
trace_cb (ReelJsonScanner      *scanner,
          const ReelJsonEvent  *event,
          gpointer              user_data,
          GError              **error)
{
  Trace *trace = user_data;
  static const char * const names[] = {
    "{", "}", "[", "]", "key", "str", "num", "true", "false", "null",
  };

  g_string_append_printf (trace->trace, "%s", names[event->type]);
  if (event->type == REEL_JSON_KEY || event->type == REEL_JSON_STRING)
    g_string_append_printf (trace->trace, "(%s)", event->string);
  if (event->type == REEL_JSON_NUMBER)
    g_string_append_printf (trace->trace, "(%g%s)", event->number, event->integer ? "i" : "");
  g_string_append_printf (trace->trace, "@%u:%u/%u ", event->line, event->column, event->depth);

  return TRUE;
}

/* Scans @len bytes of @data; returns the problem, or NULL when it passed. */
static ReelProblem *
scan_data (const char *data,
           gssize      len,
           GString    *trace_out)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReelJsonScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  ReelProblem *problem = NULL;
  Trace trace = { trace_out };

  if (len < 0)
    len = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
  scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);

  if (reel_json_scanner_scan (scanner, trace_out != NULL ? trace_cb : NULL, &trace, &problem, &error))
    {
      g_assert_no_error (error);
      g_assert_null (problem);
      return NULL;
    }

  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX);
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, >=, 1);
  g_assert_cmpuint (problem->column, >=, 1);
  return problem;
}

/* Valid JSON that the dataset format refuses on purpose (DESIGN §3): RFC 8259
 * only says names SHOULD be unique, and json-glib would keep the last of two;
 * U+0000 would cut a C string short. */
static const struct {
  const char *file;
  const char *message;
} stricter[] = {
  { "y_object_duplicated_key.json", "duplicate member “a” in the same object" },
  { "y_object_duplicated_key_and_value.json", "duplicate member “a” in the same object" },
  { "y_object_escaped_null_in_key.json", "text may not contain U+0000" },
  { "y_string_null_escape.json", "text may not contain U+0000" },
};

static void
test_suite_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ReelProblem) problem = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  problem = scan_data (contents, len, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stricter); i++)
    if (strcmp (base, stricter[i].file) == 0)
      {
        g_assert_nonnull (problem);
        g_assert_cmpstr (problem->message, ==, stricter[i].message);
        return;
      }

  if (base[0] == 'y')
    {
      if (problem != NULL)
        g_error ("%s refused: %u:%u: %s", base, problem->line, problem->column, problem->message);
    }
  else if (base[0] == 'n')
    {
      if (problem == NULL)
        g_error ("%s accepted", base);
    }
  else
    {
      /* Implementation-defined: either is allowed; say which, so that a change is seen. */
      g_test_message ("%s: %s", base, problem != NULL ? problem->message : "accepted");
    }
}

typedef struct {
  const char *input;
  guint       line;
  guint       column;
  const char *path;
  const char *message;
} Refusal;

/* Each refusal is exact: where, in what member, and a message a person can act on. */
static const Refusal refusals[] = {
  { "", 1, 1, "", "the file is empty" },
  { "  \n ", 2, 2, "", "the file has no JSON value" },
  { "{\"a\": 1 /* c */}", 1, 9, "", "expected “,” or “}”, found “/”" },
  { "// c\n{}", 1, 1, "", "JSON does not allow comments" },
  { "{\"a\": 1, \"b\": 2, \"a\": 3}", 1, 18, "a", "duplicate member “a” in the same object" },
  { "{\"regions\": [{\"id\": \"x\", \"id\": \"y\"}]}", 1, 26, "regions[0].id",
    "duplicate member “id” in the same object" },
  { "{} {}", 1, 4, "", "unexpected data after the end of the document" },
  { "[1,]", 1, 4, "[1]", "expected a value (a trailing comma is not allowed), found “]”" },
  { "{\"a\": \"x\\u0000y\"}", 1, 9, "a", "text may not contain U+0000" },
  { "[NaN]", 1, 2, "[0]", "NaN and Infinity are not JSON numbers" },
  { "[-Infinity]", 1, 2, "[0]", "expected a digit in the number, found “I”" },
  { "{\"v\": 1e400}", 1, 7, "v", "the number 1e400 is too large" },
  { "[01]", 1, 2, "[0]", "a number may not start with 0" },
  { "[1.]", 1, 2, "[0]", "expected a digit after the decimal point, found “]”" },
  { "[\"\xc3\xa9\", \"\xff\"]", 1, 8, "[1]", "invalid UTF-8 (byte 0xFF)" },
  { "[\"\xed\xa0\x80\"]", 1, 3, "[0]", "invalid UTF-8 (byte 0xED)" },
  { "[\"\\ud800\"]", 1, 3, "[0]", "\\uD800 must be followed by the second half of its surrogate pair" },
  { "[\"a\tb\"]", 1, 4, "[0]", "a control character (U+0009) must be escaped in a string" },
  { "{\"a\":\n  [1, 2,\n   \"中文\", tru]}", 3, 10, "a[3]",
    "expected a value (a string, number, object, array, true, false or null)" },
  { "[\"abc", 1, 2, "[0]", "the string is not closed before the end of the file" },
  { "\xef\xbb\xbf[1 2]", 1, 4, "[0]", "expected “,” or “]”, found “2”" },
  { "{\"a b\": {\"c.d\": [true, x]}}", 1, 24, "[\"a b\"][\"c.d\"][1]", "expected a value, found “x”" },
  { "\x00", 1, 1, "", "expected a value, found U+0000" },
};

static void
test_refusals (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      const Refusal *r = &refusals[i];
      gssize len = r->input[0] == '\0' && r->line == 1 && r->column == 1 && i > 0 ? 1 : -1;
      g_autoptr(ReelProblem) problem = scan_data (r->input, len, NULL);

      g_test_message ("refusal %u", i);
      g_assert_nonnull (problem);
      g_assert_cmpstr (problem->message, ==, r->message);
      g_assert_cmpstr (problem->path, ==, r->path);
      g_assert_cmpuint (problem->line, ==, r->line);
      g_assert_cmpuint (problem->column, ==, r->column);
    }
}

static void
test_events (void)
{
  g_autoptr(GString) trace = g_string_new (NULL);
  g_autoptr(ReelProblem) problem = NULL;

  problem = scan_data ("\xef\xbb\xbf{\"é\": [1, -2.5e1, \"x\\n\\u00e9\\ud83d\\ude00\"],\n"
                       " \"b\": {\"c\": null, \"t\": true, \"f\": false}, \"big\": 18446744073709551617}",
                       -1, trace);
  g_assert_null (problem);
  g_assert_cmpstr (trace->str, ==,
                   "{@1:1/0 key(é)@1:2/1 [@1:7/1 num(1i)@1:8/2 num(-25)@1:11/2 "
                   "str(x\n\xc3\xa9\xf0\x9f\x98\x80)@1:19/2 ]@1:42/1 "
                   "key(b)@2:2/1 {@2:7/1 key(c)@2:8/2 null@2:13/2 key(t)@2:19/2 true@2:24/2 "
                   "key(f)@2:30/2 false@2:35/2 }@2:40/1 key(big)@2:43/1 num(1.84467e+19i)@2:50/1 }@2:70/0 ");
}

static void
test_depth (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(ReelProblem) problem = NULL;

  for (guint i = 0; i < REEL_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < REEL_JSON_MAX_DEPTH; i++)
    g_string_append_c (ok, ']');
  g_assert_null (scan_data (ok->str, ok->len, NULL));

  /* 100,000 levels: json-glib would overflow its stack; we stop at 65. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  problem = scan_data (deep->str, deep->len, NULL);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==, "nesting is deeper than the limit of 64 levels");
  g_assert_cmpuint (problem->column, ==, REEL_JSON_MAX_DEPTH + 1);
}

static void
test_many_keys (void)
{
  g_autoptr(GString) doc = g_string_new ("{");
  g_autoptr(ReelProblem) problem = NULL;

  /* Past LINEAR_KEYS_MAX keys the duplicate check switches to a hash set. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (doc, "\"k%u\": %u, ", i, i);
  g_string_append (doc, "\"last\": 0}");
  g_assert_null (scan_data (doc->str, doc->len, NULL));

  g_string_truncate (doc, doc->len - 1);
  g_string_append (doc, ", \"k42\": 1}");
  problem = scan_data (doc->str, doc->len, NULL);
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==, "duplicate member “k42” in the same object");
  g_assert_cmpstr (problem->path, ==, "k42");
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_buffer_boundaries (void)
{
  g_autoptr(GString) doc = g_string_new ("[");
  g_autoptr(GString) trace = g_string_new (NULL);
  g_autoptr(ReelProblem) problem = NULL;

  /* Strings, escapes, multi-byte characters and numbers that straddle every
   * position of a 64 KiB buffer boundary. */
  while (doc->len < 3 * REEL_READ_BUFFER_SIZE)
    g_string_append (doc, "\"a\\u00e9\xe4\xb8\xad\xf0\x9f\x98\x80\", 12345.5e-1, ");
  g_string_append (doc, "true]");
  problem = scan_data (doc->str, doc->len, trace);
  g_assert_null (problem);
  /* Every number and every string came out whole. */
  g_assert_cmpuint (count (trace->str, "num("), ==, count (trace->str, "num(1234.55)"));
  g_assert_cmpuint (count (trace->str, "str("), ==,
                    count (trace->str, "str(a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80)"));
  g_assert_cmpuint (count (trace->str, "str("), >, 6000);
}

static void
test_size_limit (void)
{
  const char *doc = "[1, 2, 3]";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (doc, strlen (doc), NULL);
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, 4, NULL);
  g_autoptr(GError) error = NULL;
  ReelProblem *problem = NULL;

  g_assert_false (reel_json_scanner_scan (scanner, NULL, NULL, &problem, &error));
  g_assert_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE);
  g_assert_null (problem);
}

static gboolean
stop_cb (ReelJsonScanner      *scanner,
         const ReelJsonEvent  *event,
         gpointer              user_data,
         GError              **error)
{
  if (event->type == REEL_JSON_NUMBER && event->number == 2)
    {
      g_autofree char *path = reel_json_scanner_dup_path (scanner);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped at %s", path);
      return FALSE;
    }
  return TRUE;
}

static void
test_handler_stops (void)
{
  const char *doc = "{\"a\": [1, 2, 3]}";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (doc, strlen (doc), NULL);
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  g_autoptr(GError) error = NULL;
  ReelProblem *problem = NULL;

  g_assert_false (reel_json_scanner_scan (scanner, stop_cb, NULL, &problem, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "stopped at a[1]");
  g_assert_null (problem);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scanner/refusals", test_refusals);
  g_test_add_func ("/json-scanner/events", test_events);
  g_test_add_func ("/json-scanner/depth", test_depth);
  g_test_add_func ("/json-scanner/many-keys", test_many_keys);
  g_test_add_func ("/json-scanner/buffer-boundaries", test_buffer_boundaries);
  g_test_add_func ("/json-scanner/size-limit", test_size_limit);
  g_test_add_func ("/json-scanner/handler-stops", test_handler_stops);

  dir_path = g_test_build_filename (G_TEST_DIST, "data", "JSONTestSuite", "test_parsing", NULL);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, ==, 318);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/json-scanner/suite/%s", (char *) names->pdata[i]);
      char *file = g_build_filename (dir_path, names->pdata[i], NULL);

      g_test_add_data_func_full (test_path, file, test_suite_file, g_free);
    }

  return g_test_run ();
}
