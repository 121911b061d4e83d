/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "reel-json-scanner.h"
#include "reel-json-tree.h"

typedef struct {
  GString *trace;
  guint    n_whole;     /* objects read whole */
  guint    n_same;      /* of which with the names of the one before */
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
  Trace trace = { trace_out, 0, 0 };

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

/* The objects read whole, traced as their events would be. */
static gboolean
trace_object_cb (ReelJsonScanner       *scanner,
                 const ReelJsonObject  *object,
                 gpointer               user_data,
                 GError               **error)
{
  Trace *trace = user_data;

  trace->n_whole++;
  trace->n_same += object->same_names;
  trace_cb (scanner, &object->start, trace, error);
  for (guint i = 0; i < object->n_members; i++)
    {
      trace_cb (scanner, &object->members[i].key, trace, error);
      trace_cb (scanner, &object->members[i].value, trace, error);
    }
  return trace_cb (scanner, &object->end, trace, error);
}

/* A handler that has the elements of the array at depth 1 read whole. */
static gboolean
trace_elements_cb (ReelJsonScanner      *scanner,
                   const ReelJsonEvent  *event,
                   gpointer              user_data,
                   GError              **error)
{
  if (event->type == REEL_JSON_ARRAY_START && event->depth == 1)
    reel_json_scanner_read_objects (scanner, trace_object_cb, user_data);
  return trace_cb (scanner, event, user_data, error);
}

/* Scans @doc with the elements of its array at depth 1 read whole (or, with
 * @flat FALSE, token by token); returns the problem, or NULL. */
static ReelProblem *
scan_elements (const char *doc,
               gboolean    flat,
               GString    *trace_out,
               guint      *n_whole,
               guint      *n_same)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (doc, strlen (doc), NULL);
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  g_autoptr(GError) error = NULL;
  ReelProblem *problem = NULL;
  Trace trace = { trace_out, 0, 0 };

  reel_json_scanner_set_flat_objects (flat);
  reel_json_scanner_scan (scanner, trace_elements_cb, &trace, &problem, &error);
  reel_json_scanner_set_flat_objects (TRUE);
  *n_whole = trace.n_whole;
  *n_same = trace.n_same;
  return problem;
}

/* Objects of strings and numbers on one line are read whole, with the
 * events and positions that reading them token by token gives; anything
 * else in them is read token by token. */
static void
test_flat_objects (void)
{
  const char *doc =
    "{\"records\": [\n"
    "  {\"region\": \"europe\", \"revenue\": 12.5},\n"      /* whole */
    "  {\"a\": 1,\n   \"b\": 2},\n"                            /* a line end in it */
    "  {\"a\": \"x\\ny\"},\n"                                  /* an escape */
    "  {\"a\": \"\xc3\xa9\"},\n"                                /* beyond ASCII */
    "  {\"a\": {\"b\": 1}},\n"                                  /* nested */
    "  {},\n"
    "  {\"a\": true},\n"
    "  {\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8},\n"
    "  {\"a\":-0.5e3,\"b\":\"x\",\"c\":7},"                  /* whole */
    "{ \"a\" :\t1 , \"b\" : \"\" }\n"                           /* whole */
    "], \"after\": [{\"a\": 1}]}";                                     /* whole */
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) tokens = g_string_new (NULL);
  g_autoptr(ReelProblem) dup_whole = NULL;
  g_autoptr(ReelProblem) dup_tokens = NULL;
  guint n_whole, n_same;

  g_assert_null (scan_elements (doc, FALSE, tokens, &n_whole, &n_same));
  g_assert_cmpuint (n_whole, ==, 0);
  g_assert_null (scan_elements (doc, TRUE, whole, &n_whole, &n_same));
  g_assert_cmpuint (n_whole, ==, 4);
  g_assert_cmpstr (whole->str, ==, tokens->str);
  g_assert_nonnull (strstr (whole->str, "{@2:3/2 key(region)@2:4/3 str(europe)@2:14/3 "
                                        "key(revenue)@2:24/3 num(12.5)@2:35/3 }@2:39/2 "));
  g_assert_nonnull (strstr (whole->str, "num(-500)@11:8/3 "));
  g_assert_nonnull (strstr (whole->str, "{@11:30/2 key(a)@11:32/3 num(1i)@11:38/3 key(b)@11:42/3 "
                                        "str()@11:48/3 }@11:51/2 "));

  /* A duplicate member is the scanner's to name, either way. */
  dup_tokens = scan_elements ("{\"records\": [{\"a\": 1, \"b\": 2, \"a\": 3}]}", FALSE, tokens, &n_whole, &n_same);
  dup_whole = scan_elements ("{\"records\": [{\"a\": 1, \"b\": 2, \"a\": 3}]}", TRUE, whole, &n_whole, &n_same);
  g_assert_cmpuint (n_whole, ==, 0);
  g_assert_nonnull (dup_whole);
  g_assert_cmpstr (dup_whole->message, ==, dup_tokens->message);
  g_assert_cmpstr (dup_whole->path, ==, "records[0].a");
  g_assert_cmpuint (dup_whole->column, ==, dup_tokens->column);
}

/* Records written by one program differ only in their values: the text
 * around them is matched to the last one's, and anything else in it has
 * the record read the long way, to the same events. */
static void
test_flat_shapes (void)
{
  const char *doc =
    "{\"records\": [\n"
    "  {\"region\": \"europe\", \"revenue\": 12.5},\n"          /* the first */
    "  {\"region\": \"asia\", \"revenue\": 7},\n"               /* the same names */
    "  {\"region\": \"x\", \"revenue\": \"text\"},\n"          /* a string for a number */
    "  {\"region\": \"y\", \"revenue\": \"t\"},\n"             /* the same names */
    "  {\"region\": \"z\",  \"revenue\": \"t\"},\n"            /* a space more */
    "  {\"region\": \"a\\\"b\", \"revenue\": \"t\"},\n"     /* an escape: token by token */
    "  {\"region\": \"q\", \"revenue\": \"t\", \"x\": 1},\n" /* a member more */
    "  {\"region\": \"r\", \"revenue\": \"u\", \"x\": 22}\n"  /* the same names */
    "]}";
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) tokens = g_string_new (NULL);
  guint n_whole, n_same;

  g_assert_null (scan_elements (doc, FALSE, tokens, &n_whole, &n_same));
  g_assert_null (scan_elements (doc, TRUE, whole, &n_whole, &n_same));
  g_assert_cmpuint (n_whole, ==, 7);
  g_assert_cmpuint (n_same, ==, 3);
  g_assert_cmpstr (whole->str, ==, tokens->str);
  g_assert_nonnull (strstr (whole->str, "{@3:3/2 key(region)@3:4/3 str(asia)@3:14/3 "
                                        "key(revenue)@3:22/3 num(7i)@3:33/3 }@3:34/2 "));
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

/* Regression (found by fuzz-json-scanner against json-glib): 2^53 + 1 reads
 * as the double 2^53, which passed for an exact integer, so the tree held
 * 9007199254740992 for the literal 9007199254740993. Only integers below
 * 2^53 are certainly what was written. */
static void
test_tree_integers (void)
{
  const char *doc = "[9007199254740991, -9007199254740991, 9007199254740992, 9007199254740993, "
                    "-9007199254740993, 1e2, 2024]";
  const GType types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_INT64,
  };
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (doc, strlen (doc), NULL);
  g_autoptr(ReelJsonScanner) scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  g_autoptr(ReelJsonTree) tree = reel_json_tree_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_true (reel_json_scanner_scan (scanner, reel_json_tree_handle_event, tree, NULL, &error));
  g_assert_no_error (error);
  array = json_node_get_array (reel_json_tree_get_root (tree));
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, i)), ==, types[i]);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, G_GINT64_CONSTANT (9007199254740991));
  g_assert_cmpint (json_array_get_int_element (array, 6), ==, 2024);
}

/* Numbers are converted without g_ascii_strtod() when that can be exact
 * (Clinger's fast path); the result must be strtod()'s to the bit, for
 * every form, and for numbers that a buffer boundary cuts (read the slow
 * way). */

typedef struct {
  GPtrArray *literals;
  guint      next;
} Numbers;

static gboolean
number_cb (ReelJsonScanner      *scanner,
           const ReelJsonEvent  *event,
           gpointer              user_data,
           GError              **error)
{
  Numbers *numbers = user_data;
  const char *literal;
  double expected;

  if (event->type != REEL_JSON_NUMBER)
    return TRUE;

  literal = g_ptr_array_index (numbers->literals, numbers->next++);
  g_assert_cmpstr (event->string, ==, literal);
  g_assert_cmpuint (event->length, ==, strlen (literal));
  g_assert_cmpint (event->integer, ==, strpbrk (literal, ".eE") == NULL);

  expected = g_ascii_strtod (literal, NULL);
  if (memcmp (&expected, &event->number, sizeof expected) != 0)
    g_error ("%s read as %a, strtod says %a", literal, event->number, expected);

  return TRUE;
}

static char *
random_digits (guint    n,
               gboolean leading_zero)
{
  GString *digits = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_c (digits, (char) ('0' + (i == 0 && !leading_zero ? g_test_rand_int_range (1, 10)
                                                                     : g_test_rand_int_range (0, 10))));
  return g_string_free (digits, FALSE);
}

static char *
random_number (void)
{
  const char *sign = g_test_rand_bit () ? "-" : "";
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  union { guint64 bits; double value; } u;

  switch (g_test_rand_int_range (0, 7))
    {
    case 0:   /* an integer of up to 22 digits */
      a = random_digits (g_test_rand_int_range (1, 23), FALSE);
      return g_strconcat (sign, a, NULL);

    case 1:   /* money: up to 9 digits and 2 decimals */
      a = random_digits (g_test_rand_int_range (1, 10), FALSE);
      b = random_digits (2, TRUE);
      return g_strconcat (sign, a, ".", b, NULL);

    case 2:   /* a fraction of up to 25 digits, often leading zeros */
      a = random_digits (g_test_rand_int_range (1, 26), TRUE);
      return g_strconcat (sign, "0.", a, NULL);

    case 3:   /* a mantissa and an exponent that keeps it finite */
      a = random_digits (g_test_rand_int_range (1, 20), FALSE);
      b = random_digits (g_test_rand_int_range (0, 6), TRUE);
      return g_strdup_printf ("%s%s%s%s%s%d", sign, a, b[0] != '\0' ? "." : "", b,
                              g_test_rand_bit () ? "e" : "E", g_test_rand_int_range (-340, 285));

    case 4:   /* near the fast path's edges: exponents around ±22 and 22 + 15 */
      {
        int exponent = g_test_rand_int_range (-25, 41);

        a = random_digits (g_test_rand_int_range (1, 18), FALSE);
        return g_strdup_printf ("%s%se%s%d", sign, a, exponent >= 0 && g_test_rand_bit () ? "+" : "", exponent);
      }

    case 5:   /* any finite double, written back exactly */
      do
        u.bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      while (!isfinite (u.value));
      g_snprintf (buffer, sizeof buffer, "%.17g", u.value);
      return g_strdup (buffer);

    default:  /* a short decimal of a random double, as people write them */
      g_snprintf (buffer, sizeof buffer, "%.*f", g_test_rand_int_range (0, 8),
                  g_test_rand_double_range (0, 1e9));
      return g_strconcat (sign, buffer, NULL);
    }
}

static void
test_number_exactness (void)
{
  static const char * const edges[] = {
    "0", "-0", "0.0", "-0.0", "0e0", "0E+5", "-0e-400", "1", "-1", "1e22", "1e23", "1e-22", "1e-23",
    "9007199254740991", "9007199254740992", "9007199254740993", "-9007199254740993", "9007199254740993.0",
    "123456789012345678", "1234567890123456789", "12345678901234567890", "18446744073709551615",
    "18446744073709551616", "0.1", "0.2", "0.3", "2.2250738585072011e-308", "2.2250738585072014e-308",
    "4.9e-324", "5e-324", "2e-324", "1.7976931348623157e308", "8.98846567431158e307", "123456789e22",
    "9007199254740991e15", "9007199254740992e15", "1e37", "1e38", "4503599627370497e15",
    "1234.56", "0.000123", "12345678901234567890e-20", "1.00000000000000011102230246251565404236316680908203125",
    "7.00000000000000088817841970012523233890533447265625", "3.14159265358979323846", "100e-2",
    "2.5e-1", "-2.5e1", "1E1", "1e+0", "1e-0", "1e0000", "1e0001", "10000000000000000000000",
  };
  g_autoptr(GPtrArray) literals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) doc = g_string_new ("[");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReelJsonScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  Numbers numbers = { literals, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    g_ptr_array_add (literals, g_strdup (edges[i]));
  /* Enough to cross the 64 KiB buffer boundary some thirty times. */
  while (literals->len < 100000)
    g_ptr_array_add (literals, random_number ());

  for (guint i = 0; i < literals->len; i++)
    {
      static const char * const separators[] = { ",", ", ", ",\n", " ,\t" };

      if (i > 0)
        g_string_append (doc, separators[i % G_N_ELEMENTS (separators)]);
      g_string_append (doc, g_ptr_array_index (literals, i));
    }
  g_string_append (doc, "]");

  stream = g_memory_input_stream_new_from_data (doc->str, doc->len, NULL);
  scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  reel_json_scanner_scan (scanner, number_cb, &numbers, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers.next, ==, literals->len);
}

/* Strings are read in place, eight bytes at a time, and whitespace and
 * numbers without a byte-by-byte column count; a 64 KiB buffer boundary at
 * every byte of each kind of token must change nothing, and positions stay
 * exact however long the line. */

static const struct {
  const char *literal;
  const char *value;
} string_cases[] = {
  { "\"plain ascii, longer than eight bytes\"", "plain ascii, longer than eight bytes" },
  { "\"abcdefg\"", "abcdefg" },
  { "\"\"", "" },
  { "\"\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xc3\xbc and some ascii\"",
    "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xc3\xbc and some ascii" },
  { "\"esc \\n \\u00e9 \\ud83d\\ude00 \\\" \\\\ \\/ end\"", "esc \n \xc3\xa9 \xf0\x9f\x98\x80 \" \\ / end" },
  { "\"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\"",
    "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87" },
};

static void
test_string_boundaries (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (string_cases); c++)
    for (guint shift = 0; shift < 48; shift++)
      {
        const char *literal = string_cases[c].literal;
        guint start = REEL_READ_BUFFER_SIZE - 40 + shift;   /* byte offset of the literal */
        guint n_chars = g_utf8_strlen (literal, -1);
        g_autoptr(GString) doc = g_string_new ("[\n");
        g_autoptr(GString) trace = g_string_new (NULL);
        g_autoptr(GString) expected = g_string_new (NULL);
        g_autoptr(ReelProblem) problem = NULL;

        /* Line 2 starts in the first buffer and its literal ends near or
         * past its end; line 3 starts wherever that leaves it. */
        while (doc->len < start)
          g_string_append_c (doc, ' ');
        g_string_append_printf (doc, "%s,\n  7, %s]", literal, literal);

        problem = scan_data (doc->str, doc->len, trace);
        g_assert_null (problem);
        g_string_printf (expected, "[@1:1/0 str(%s)@2:%u/1 num(7i)@3:3/1 str(%s)@3:6/1 ]@3:%u/0 ",
                         string_cases[c].value, start - 1, string_cases[c].value, 6 + n_chars);
        g_assert_cmpstr (trace->str, ==, expected->str);
      }
}

/* Faults at a buffer boundary are reported where they are: the fast
 * readers hand them to the copying ones, which know the messages. */
static void
test_fault_boundaries (void)
{
  static const struct {
    const char *token;
    guint       offset;     /* characters from the token's start to the fault */
    const char *message;
  } faults[] = {
    { "\"abc\tdef\"", 4, "a control character (U+0009) must be escaped in a string" },
    { "\"\xc3\xa9\xe4\xb8\"", 2, "invalid UTF-8 (byte 0xE4)" },
    { "\"ab\xed\xa0\x80\"", 3, "invalid UTF-8 (byte 0xED)" },
    { "\"abcdefghij\\x\"", 11, "“\\x” is not a JSON escape" },
    { "\"abcdefghijkl", 0, "the string is not closed before the end of the file" },
    { "-012", 0, "a number may not start with 0" },
    { "123.e5", 0, "expected a digit after the decimal point, found “e”" },
    { "1234e+", 0, "expected a digit in the exponent, found “]”" },
    { "12345e999", 0, "the number 12345e999 is too large" },
    { "tru", 0, "expected a value (a string, number, object, array, true, false or null)" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (guint shift = 0; shift < 24; shift++)
      {
        guint start = REEL_READ_BUFFER_SIZE - 12 + shift;
        g_autoptr(GString) doc = g_string_new ("{\"k\":\n");
        g_autoptr(ReelProblem) problem = NULL;

        while (doc->len < start)
          g_string_append_c (doc, ' ');
        g_string_append_printf (doc, "[%s]}", faults[f].token);

        problem = scan_data (doc->str, doc->len, NULL);
        g_assert_nonnull (problem);
        g_assert_cmpstr (problem->message, ==, faults[f].message);
        g_assert_cmpstr (problem->path, ==, "k[0]");
        g_assert_cmpuint (problem->line, ==, 2);
        g_assert_cmpuint (problem->column, ==, start - 6 + 2 + faults[f].offset);
      }
}

/* Line ends, CRLF and tabs on both sides of a boundary; and a BOM, which
 * is not a character of line 1. */
static void
test_whitespace_boundaries (void)
{
  for (int shift = -4; shift <= 4; shift++)
    {
      g_autoptr(GString) doc = g_string_new ("\xef\xbb\xbf[");
      g_autoptr(GString) trace = g_string_new (NULL);
      g_autoptr(ReelProblem) problem = NULL;

      while ((int) doc->len < REEL_READ_BUFFER_SIZE + shift - 1)
        g_string_append_c (doc, doc->len % 7 == 0 ? '\t' : ' ');
      g_string_append (doc, "\r\n\t 1, \"\xc3\xa9\"\n\n  ,\r\nnull ]");

      problem = scan_data (doc->str, doc->len, trace);
      g_assert_null (problem);
      g_assert_cmpstr (trace->str, ==, "[@1:1/0 num(1i)@2:3/1 str(\xc3\xa9)@2:6/1 null@5:1/1 ]@5:6/0 ");
    }
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
  g_test_add_func ("/json-scanner/flat-objects", test_flat_objects);
  g_test_add_func ("/json-scanner/flat-shapes", test_flat_shapes);
  g_test_add_func ("/json-scanner/size-limit", test_size_limit);
  g_test_add_func ("/json-scanner/handler-stops", test_handler_stops);
  g_test_add_func ("/json-scanner/number-exactness", test_number_exactness);
  g_test_add_func ("/json-scanner/string-boundaries", test_string_boundaries);
  g_test_add_func ("/json-scanner/fault-boundaries", test_fault_boundaries);
  g_test_add_func ("/json-scanner/whitespace-boundaries", test_whitespace_boundaries);
  g_test_add_func ("/json-scanner/tree-integers", test_tree_integers);

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
