/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-csv-writer"

#include "config.h"

#include "reel-csv-writer.h"

#include <string.h>

/* One text field of a CSV line (RFC 4180): quoted when it holds a comma, a
 * quote or a line break, quotes doubled. Text that a spreadsheet would run
 * as a formula (=, +, -, @, tab or CR first) gets a leading apostrophe: a
 * dataset is untrusted, and the CSV is meant to be pasted into one. NULL is
 * an empty field. */
void
reel_csv_append_field (GString    *csv,
                       const char *field)
{
  gboolean quote;

  g_return_if_fail (csv != NULL);

  if (field == NULL || field[0] == '\0')
    return;

  quote = strpbrk (field, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (csv, '"');
  if (strchr ("=+-@\t\r", field[0]) != NULL)
    g_string_append_c (csv, '\'');

  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }

  if (quote)
    g_string_append_c (csv, '"');
}

/* Appends a number so that it reads back as the same double: the shortest
 * of 15 to 17 significant digits, "." as decimal point, never grouped. */
void
reel_csv_append_number (GString *csv,
                        double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  g_string_append (csv, buffer);
}
