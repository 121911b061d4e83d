/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer harness of the strict JSON scanner and of the tree the loader
 * builds from its events. On every input it checks that:
 *
 * - the scan gives the same result, problem for problem, whether the input
 *   is read whole or a few bytes at a time;
 * - reading the flat objects in arrays whole (as the records are read) gives
 *   the events, positions and problem that reading them token by token
 *   gives, whole or a few bytes at a time;
 * - a refusal is one problem, positioned inside the input, fit to print;
 * - every node of an accepted document has a position inside the input;
 * - json-glib 1.6 agrees on accept or reject. Where it does not, it must be
 *   one of its known leniencies, and the refusal must be one of DESIGN §3's
 *   rules: explain_refusal() names the rule for each. Anything else aborts;
 * - where both accept, both build the same tree.
 *
 * Run it with build-aux/fuzz.sh. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sanitizer/lsan_interface.h>

#include "fuzz-common.h"
#include "reel-json-scanner.h"
#include "reel-json-tree.h"

/* json-glib has no nesting limit and recurses once per level: past a few
 * thousand levels (fewer under ASan) it overflows the stack. The scanner
 * refuses anything deeper than 64, so such inputs are not compared. */
#define JSON_GLIB_MAX_BRACKETS 1000

typedef struct {
  gboolean      ok;
  ReelProblem  *problem;
  GError       *error;
  ReelJsonTree *tree;
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->problem, reel_problem_free);
  g_clear_error (&scan->error);
  g_clear_pointer (&scan->tree, reel_json_tree_free);
}

/* Reads the input whole (@chunk 0) or @chunk bytes at a time. */
static void
scan_input (const guint8 *data,
            gsize         size,
            gsize         chunk,
            Scan         *scan)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReelJsonScanner) scanner = NULL;

  if (chunk == 0)
    stream = g_memory_input_stream_new_from_data (data, size, NULL);
  else
    stream = fuzz_trickle_stream_new (data, size, chunk);

  scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  scan->tree = reel_json_tree_new ();
  scan->ok = reel_json_scanner_scan (scanner, reel_json_tree_handle_event, scan->tree,
                                     &scan->problem, &scan->error);
}

static gboolean record_object (ReelJsonScanner       *scanner,
                               const ReelJsonObject  *object,
                               gpointer               user_data,
                               GError               **error);

/* Every event as a line of text, and the elements of every array read
 * whole where they can be. */
static gboolean
record_event (ReelJsonScanner      *scanner,
              const ReelJsonEvent  *event,
              gpointer              user_data,
              GError              **error)
{
  GString *events = user_data;

  g_string_append_printf (events, "%d %u %u:%u", event->type, event->depth, event->line, event->column);
  if (event->string != NULL)
    {
      g_string_append_printf (events, " %zu:", event->length);
      g_string_append_len (events, event->string, event->length);
    }
  if (event->type == REEL_JSON_NUMBER)
    g_string_append_printf (events, " %a %d", event->number, event->integer);
  g_string_append_c (events, '\n');

  if (event->type == REEL_JSON_ARRAY_START)
    reel_json_scanner_read_objects (scanner, record_object, events);
  return TRUE;
}

static gboolean
record_object (ReelJsonScanner       *scanner,
               const ReelJsonObject  *object,
               gpointer               user_data,
               GError               **error)
{
  record_event (scanner, &object->start, user_data, error);
  for (guint i = 0; i < object->n_members; i++)
    {
      record_event (scanner, &object->members[i].key, user_data, error);
      record_event (scanner, &object->members[i].value, user_data, error);
    }
  return record_event (scanner, &object->end, user_data, error);
}

/* The events of the input read with flat objects whole or token by token,
 * whole (@chunk 0) or @chunk bytes at a time; @problem gets the refusal. */
static char *
record_input (const guint8  *data,
              gsize          size,
              gsize          chunk,
              gboolean       flat,
              ReelProblem  **problem)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(ReelJsonScanner) scanner = NULL;
  GString *events = g_string_new (NULL);

  if (chunk == 0)
    stream = g_memory_input_stream_new_from_data (data, size, NULL);
  else
    stream = fuzz_trickle_stream_new (data, size, chunk);

  scanner = reel_json_scanner_new (stream, G_MAXUINT64, NULL);
  reel_json_scanner_set_flat_objects (flat);
  reel_json_scanner_scan (scanner, record_event, events, problem, NULL);
  reel_json_scanner_set_flat_objects (TRUE);
  return g_string_free (events, FALSE);
}

static void
compare_flat_objects (const guint8 *data,
                      gsize         size)
{
  g_autoptr(ReelProblem) tokens_problem = NULL;
  g_autoptr(ReelProblem) whole_problem = NULL;
  g_autoptr(ReelProblem) trickled_problem = NULL;
  g_autofree char *tokens = record_input (data, size, 0, FALSE, &tokens_problem);
  g_autofree char *whole = record_input (data, size, 0, TRUE, &whole_problem);
  g_autofree char *trickled = record_input (data, size, fuzz_chunk_size (data, size), TRUE,
                                            &trickled_problem);

  if (strcmp (tokens, whole) != 0 || !fuzz_problems_equal (tokens_problem, whole_problem))
    fuzz_fail ("reading flat objects whole and token by token differ");
  if (strcmp (tokens, trickled) != 0 || !fuzz_problems_equal (tokens_problem, trickled_problem))
    fuzz_fail ("reading flat objects whole in chunks of %zu bytes and token by token differ",
               fuzz_chunk_size (data, size));
}

/* A leading byte-order mark is not a character of line 1. */
static gsize
skip_bom (const guint8 *data,
          gsize         size)
{
  return size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* The number of characters on each line, to check positions against. */
static GArray *
count_lines (const guint8 *data,
             gsize         size)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n = 0;

  for (gsize i = skip_bom (data, size); i < size; i++)
    {
      if (data[i] == '\n')
        {
          g_array_append_val (lines, n);
          n = 0;
        }
      else if ((data[i] & 0xC0) != 0x80)
        {
          n++;
        }
    }
  g_array_append_val (lines, n);

  return lines;
}

/* A position is on a line of the input, at most one past its last character. */
static gboolean
position_is_in (GArray *lines,
                guint   line,
                guint   column)
{
  return line >= 1 && line <= lines->len && column >= 1 &&
         column <= g_array_index (lines, guint, line - 1) + 1;
}

/* The byte offset of a position (@size at the end), to tell what a refusal
 * stopped at. */
static gsize
offset_at (const guint8 *data,
           gsize         size,
           guint         line,
           guint         column)
{
  guint l = 1, c = 1;

  for (gsize i = skip_bom (data, size); i < size; i++)
    {
      if ((data[i] & 0xC0) == 0x80)
        continue;
      if (l == line && c == column)
        return i;
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else
        {
          c++;
        }
    }

  return size;
}

/* Whether @n bytes are a number by RFC 8259's grammar:
 * -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
is_json_number (const guint8 *p,
                gsize         n)
{
  const guint8 *end = p + n;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;

  if (p < end && *p == '.')
    {
      if (++p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p == end;
}

/* A refusal of a number is explained only if the number, as far as
 * json-glib's lexer would take it, is not one by RFC 8259's grammar: the
 * differential then checks the scanner's number syntax, not its word. */
static gboolean
number_is_invalid (const guint8 *data,
                   gsize         size,
                   gsize         at)
{
  static const char lexer[] = "0123456789abcdefABCDEFxX.+-$";
  gsize start = at, end = at;

  while (start > 0 && strchr (lexer, data[start - 1]) != NULL && data[start - 1] != '\0')
    start--;
  while (end < size && data[end] != '\0' && strchr (lexer, data[end]) != NULL)
    end++;

  /* `-` alone, `- 1`: the lexer stops at once. */
  return end == start || !is_json_number (data + start, end - start);
}

/* json-glib 1.6 accepted a document that the scanner refused: returns the
 * rule of DESIGN §3 that json-glib does not enforce and the document breaks,
 * or NULL when the refusal is not explained by one (a bug of the scanner). */
static const char *
explain_refusal (const guint8      *data,
                 gsize              size,
                 const ReelProblem *problem)
{
  static const struct {
    const char *message;    /* the start of the scanner's message */
    const char *rule;
  } rules[] = {
    /* json-glib reads an empty document as a NULL root. */
    { "the file is empty", "one value per file" },
    { "the file has no JSON value", "one value per file" },
    /* json-glib stops after the first value. */
    { "unexpected data after the end of the document", "one value per file" },
    /* json-glib skips C and C++ comments. */
    { "JSON does not allow comments", "no comments" },
    /* json-glib keeps the last of two members with one name. */
    { "duplicate member", "no duplicate keys in an object" },
    /* json-glib cuts the string short at U+0000. */
    { "text may not contain U+0000", "strings without U+0000" },
    /* DESIGN §3's limits, which json-glib does not have (the string limit is
     * beyond this harness's -max_len, but not beyond a longer run's). */
    { "the string is longer than the limit", "limits: a string 1 MiB" },
    /* Not a rule of JSON but a limit of the scanner, named in its header like
     * DESIGN §3's limits: no number needs more than 512 characters. */
    { "the number is longer than", "limits: REEL_JSON_MAX_NUMBER_LENGTH" },
    /* json-glib has no limit (and overflows its stack). */
    { "nesting is deeper than the limit", "depth at most 64" },
    /* json-glib takes raw tabs, newlines and other controls in strings. */
    { "a control character", "strict JSON (RFC 8259 §7): control characters escaped" },
    /* json-glib takes \x, \U, \' and a backslash before any character. */
    { "“\\", "strict JSON (RFC 8259 §7): escapes" },
    { "a \\u escape needs four hexadecimal digits", "strict JSON (RFC 8259 §7): escapes" },
    /* json-glib lets lone surrogates through (as U+FFFD or worse). */
    { "\\u", "strings valid UTF-8 (no lone surrogates)" },
  };
  gsize at;
  int found;

  /* json-glib reads 1e400 as infinity. */
  if (g_str_has_prefix (problem->message, "the number ") &&
      g_str_has_suffix (problem->message, " is too large"))
    return "numbers that fit a double";

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_has_prefix (problem->message, rules[i].message))
      return rules[i].rule;

  at = offset_at (data, size, problem->line, problem->column);
  found = at < size ? data[at] : -1;

  /* json-glib reads 01, -01, 1., .5, 2.e3 and "- 1" as numbers: the scanner
   * reports them at their first character. */
  if ((g_str_has_prefix (problem->message, "a number may not start with 0") ||
       g_str_has_prefix (problem->message, "expected a digit")) &&
      number_is_invalid (data, size, at))
    return "strict JSON (RFC 8259 §6): numbers";

  /* The generic "expected …, found …" refusals: what the scanner stopped
   * at tells which leniency of json-glib let the document through. */
  if (g_str_has_prefix (problem->message, "expected ") && found == '/')
    return "no comments";
  if (g_str_has_prefix (problem->message, "expected ") && found == '\'')
    return "strict JSON (RFC 8259 §7): strings in double quotes";
  /* json-glib's number syntax goes on where JSON's ends (0x1, 1.5.5, .5),
   * and GScanner's reads `$` as a hexadecimal number. */
  if (g_str_has_prefix (problem->message, "expected ") && found > 0 &&
      strchr ("0123456789abcdefABCDEFxX.+-$", found) != NULL &&
      ((at > 0 && g_ascii_isdigit (data[at - 1])) || found == '.' || found == '$') &&
      number_is_invalid (data, size, at))
    return "strict JSON (RFC 8259 §6): numbers";

  return NULL;
}

/* Whether two trees hold the same document. Integers the scanner could not
 * hold exactly are doubles in its tree, and json-glib wraps them: those are
 * not compared. */
static gboolean
nodes_equal (JsonNode *ours,
             JsonNode *theirs)
{
  if (json_node_get_node_type (ours) != json_node_get_node_type (theirs))
    return FALSE;

  switch (json_node_get_node_type (ours))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *a = json_node_get_object (ours);
        JsonObject *b = json_node_get_object (theirs);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (json_object_get_size (a) != json_object_get_size (b))
          return FALSE;
        json_object_iter_init (&iter, a);
        while (json_object_iter_next (&iter, &name, &member))
          if (!json_object_has_member (b, name) ||
              !nodes_equal (member, json_object_get_member (b, name)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (ours);
        JsonArray *b = json_node_get_array (theirs);

        if (json_array_get_length (a) != json_array_get_length (b))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (a); i++)
          if (!nodes_equal (json_array_get_element (a, i), json_array_get_element (b, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (ours))
    {
    case G_TYPE_STRING:
      return json_node_get_value_type (theirs) == G_TYPE_STRING &&
             strcmp (json_node_get_string (ours), json_node_get_string (theirs)) == 0;

    case G_TYPE_BOOLEAN:
      return json_node_get_value_type (theirs) == G_TYPE_BOOLEAN &&
             json_node_get_boolean (ours) == json_node_get_boolean (theirs);

    case G_TYPE_INT64:
      return json_node_get_value_type (theirs) == G_TYPE_INT64 &&
             json_node_get_int (ours) == json_node_get_int (theirs);

    case G_TYPE_DOUBLE:
      if (json_node_get_value_type (theirs) == G_TYPE_INT64)
        return TRUE;    /* an integer beyond 2^53 */
      return json_node_get_value_type (theirs) == G_TYPE_DOUBLE &&
             json_node_get_double (ours) == json_node_get_double (theirs);

    default:
      return FALSE;
    }
}

static void
check_positions (ReelJsonTree *tree,
                 JsonNode     *node,
                 GArray       *lines)
{
  const ReelJsonPosition *position = reel_json_tree_get_position (tree, node);

  if (position == NULL)
    fuzz_fail ("a node of the tree has no position");
  if (!position_is_in (lines, position->line, position->column) ||
      !position_is_in (lines, position->key_line, position->key_column))
    fuzz_fail ("a node at %u:%u (key %u:%u) is outside the input", position->line,
               position->column, position->key_line, position->key_column);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        check_positions (tree, member, lines);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_positions (tree, json_array_get_element (array, i), lines);
    }
}

static void
compare_with_json_glib (const guint8 *data,
                        gsize         size,
                        const Scan   *scan)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize brackets = 0;
  gboolean ok;

  for (gsize i = 0; i < size; i++)
    brackets += data[i] == '[' || data[i] == '{';
  if (brackets > JSON_GLIB_MAX_BRACKETS)
    return;

  /* json-glib 1.6 leaks the value it read when it refuses what follows
   * (`[][]`): its leaks are not this harness's to report. */
  __lsan_disable ();
  ok = json_parser_load_from_data (parser, (const char *) data, size, &error);
  __lsan_enable ();

  if (ok && !scan->ok)
    {
      const char *rule = explain_refusal (data, size, scan->problem);

      if (rule == NULL)
        fuzz_fail ("json-glib accepts what the scanner refuses, and no rule says why: %u:%u: %s",
                   scan->problem->line, scan->problem->column, scan->problem->message);
    }
  else if (!ok && scan->ok)
    {
      fuzz_fail ("the scanner accepts what json-glib refuses: %s", error->message);
    }
  else if (ok && scan->ok)
    {
      if (!nodes_equal (reel_json_tree_get_root (scan->tree), json_parser_get_root (parser)))
        fuzz_fail ("the scanner's tree and json-glib's differ");
    }
}

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GArray) lines = count_lines (data, size);
  Scan whole = { 0 }, trickled = { 0 };

  scan_input (data, size, 0, &whole);
  scan_input (data, size, fuzz_chunk_size (data, size), &trickled);

  if (whole.ok != trickled.ok || !fuzz_problems_equal (whole.problem, trickled.problem))
    fuzz_fail ("reading whole and in chunks of %zu bytes differ: %s / %s",
               fuzz_chunk_size (data, size),
               whole.problem != NULL ? whole.problem->message : "accepted",
               trickled.problem != NULL ? trickled.problem->message : "accepted");

  if (whole.ok)
    {
      if (whole.problem != NULL || whole.error != NULL)
        fuzz_fail ("accepted, with a problem");
      if (reel_json_tree_get_root (whole.tree) == NULL)
        fuzz_fail ("accepted, without a tree");
      check_positions (whole.tree, reel_json_tree_get_root (whole.tree), lines);
    }
  else
    {
      if (whole.problem == NULL || whole.error == NULL)
        fuzz_fail ("refused, without a problem");
      if (!g_error_matches (whole.error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_SYNTAX))
        fuzz_fail ("refused, with an error that is not a syntax error: %s", whole.error->message);
      fuzz_check_problem (whole.problem);
      if (whole.problem->severity != REEL_PROBLEM_ERROR)
        fuzz_fail ("refused with a warning");
      if (!position_is_in (lines, whole.problem->line, whole.problem->column))
        fuzz_fail ("the problem at %u:%u is outside the input: %s",
                   whole.problem->line, whole.problem->column, whole.problem->message);
    }

  compare_flat_objects (data, size);
  compare_with_json_glib (data, size, &whole);

  scan_clear (&whole);
  scan_clear (&trickled);
  return 0;
}
