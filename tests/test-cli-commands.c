/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "reel-export-command.h"
#include "reel-validate-command.h"

/* The headless commands of the command line, called as reelscope calls
 * them, in a program that links the core and no GTK (its `ldd` is checked
 * by the test cli-commands-without-gtk). What they print is caught here:
 * `--validate` speaks on both streams. */

#define SAMPLE "microdrama-sample.reelscope.json"

static GString *printed;
static GString *printed_err;

static void
print_cb (const char *text)
{
  g_string_append (printed, text);
}

static void
printerr_cb (const char *text)
{
  g_string_append (printed_err, text);
}

static void
catch_output (void)
{
  g_string_truncate (printed, 0);
  g_string_truncate (printed_err, 0);
  g_set_print_handler (print_cb);
  g_set_printerr_handler (printerr_cb);
}

static void
release_output (void)
{
  g_set_print_handler (NULL);
  g_set_printerr_handler (NULL);
}

/* `reelscope --export… SAMPLE` with @options; returns the exit status. */
static int
run_export_of_sample (GVariantDict *options)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", SAMPLE, NULL);
  g_autoptr(GFile) fallback = g_file_new_for_path (path);
  const char * const files[] = { path, NULL };
  int status;

  catch_output ();
  status = reel_export_command_run (options, files, fallback);
  release_output ();

  return status;
}

static void
test_validate_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", SAMPLE, NULL);
  g_autofree char *valid = g_strconcat (path, ": valid: 6 regions, 4 sources, ", NULL);
  int status;

  catch_output ();
  status = reel_validate_command_run (path);
  release_output ();

  /* Debug messages, when asked for, go to the same stream in TAP mode. */
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (printed->str, valid));
  g_assert_cmpstr (printed_err->str, ==, "");
}

static void
test_validate_invalid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "invalid-three-mistakes.reelscope.json", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s: %s:", g_get_prgname (), path);
  g_auto(GStrv) lines = NULL;
  int status;

  catch_output ();
  status = reel_validate_command_run (path);
  release_output ();

  g_assert_cmpint (status, ==, 1);
  g_assert_null (strstr (printed->str, ": valid: "));
  /* One `PROGRAM: FILE:LINE:COL: PATH: message` line a problem. */
  lines = g_strsplit (printed_err->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 4);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], prefix));
}

static void
test_validate_missing (void)
{
  g_autofree char *expected = NULL;
  int status;

  catch_output ();
  status = reel_validate_command_run ("no-such-file.reelscope.json");
  release_output ();

  g_assert_cmpint (status, ==, 1);
  /* The errno text alone: GLib's message would name the file again. */
  expected = g_strdup_printf ("%s: no-such-file.reelscope.json: No such file or directory\n", g_get_prgname ());
  g_assert_cmpstr (printed_err->str, ==, expected);
}

/* An export of the sample's Trend chart as SVG: a file, and nothing said. */
static void
test_export_svg (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reel-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "trend.svg", NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autofree char *svg = NULL;

  g_variant_dict_insert_value (options, "export", g_variant_new_bytestring (out));
  g_variant_dict_insert (options, "chart", "s", "trend");
  g_assert_true (reel_export_command_is_wanted (options));

  g_assert_cmpint (run_export_of_sample (options), ==, 0);
  g_assert_cmpstr (printed_err->str, ==, "");
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An export into a folder that does not exist: the file's name once, the
 * errno text, and not the temporary file GLib writes first. */
static void
test_export_missing_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reel-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "missing", "chart.png", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: %s: No such file or directory\n", g_get_prgname (), out);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert_value (options, "export", g_variant_new_bytestring (out));

  g_assert_cmpint (run_export_of_sample (options), ==, 1);
  g_assert_cmpstr (printed_err->str, ==, expected);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A --year without figures for the chart: exit status 1, and the years
 * that have them; nothing written. */
static void
test_export_year_without_data (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reel-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: No revenue figures for 1999; years with data: 2024\n",
                                               g_get_prgname ());
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert_value (options, "export", g_variant_new_bytestring (out));
  g_variant_dict_insert (options, "year", "i", 1999);

  g_assert_cmpint (run_export_of_sample (options), ==, 1);
  g_assert_cmpstr (printed_err->str, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* --format for a name without .png, .svg or .pdf. */
static void
test_export_format_option (void)
{
  g_autofree char *dir = g_dir_make_tmp ("reel-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "chart", NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autofree char *pdf = NULL;

  g_variant_dict_insert_value (options, "export", g_variant_new_bytestring (out));
  g_variant_dict_insert (options, "format", "s", "pdf");

  g_assert_cmpint (run_export_of_sample (options), ==, 0);
  g_assert_cmpstr (printed_err->str, ==, "");
  g_assert_true (g_file_get_contents (out, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  g_assert_cmpint (g_remove (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An export option without --export is a usage error (2). */
static void
test_export_usage (void)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GFile) fallback = g_file_new_for_path ("unused.json");
  int status;

  g_variant_dict_insert (options, "chart", "s", "trend");
  g_assert_true (reel_export_command_is_wanted (options));

  catch_output ();
  status = reel_export_command_run (options, NULL, fallback);
  release_output ();

  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (printed_err->str, g_get_prgname ()));
  g_assert_true (g_str_has_prefix (printed_err->str + strlen (g_get_prgname ()), ": --chart, --year, "));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  printed = g_string_new (NULL);
  printed_err = g_string_new (NULL);

  g_test_add_func ("/cli/validate/valid", test_validate_valid);
  g_test_add_func ("/cli/validate/invalid", test_validate_invalid);
  g_test_add_func ("/cli/validate/missing", test_validate_missing);
  g_test_add_func ("/cli/export/svg", test_export_svg);
  g_test_add_func ("/cli/export/missing-folder", test_export_missing_folder);
  g_test_add_func ("/cli/export/year-without-data", test_export_year_without_data);
  g_test_add_func ("/cli/export/format-option", test_export_format_option);
  g_test_add_func ("/cli/export/usage", test_export_usage);

  status = g_test_run ();

  g_string_free (printed, TRUE);
  g_string_free (printed_err, TRUE);
  return status;
}
