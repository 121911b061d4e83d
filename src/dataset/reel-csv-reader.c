/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-csv-reader"

#include "config.h"

#include "reel-csv-reader.h"
#include "reel-csv-reader-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-blocks.h"
#include "reel-csv-columns.h"
#include "reel-csv-scan.h"
#include "reel-problem.h"

/* The reader is a byte-driven state machine over the read buffer, so that a
 * field, a "" escape or a CRLF may straddle two fills of the buffer:
 *
 *   FIELD_START   at the start of a field. `"` opens a quoted field; `,` ends
 *                 an empty field; LF or CR ends the record (when nothing came
 *                 before it in the record, the row is empty); any other byte
 *                 starts an unquoted field.
 *   UNQUOTED      inside an unquoted field, which runs to the next `,`, LF or
 *                 CR. A `"` here is a fatal syntax fault.
 *   QUOTED        inside a quoted field: every byte up to the next `"` is data,
 *                 commas, CR and LF included.
 *   QUOTED_QUOTE  just after a `"` inside a quoted field. A second `"` is an
 *                 escaped quote (back to QUOTED); `,`, LF or CR end the field;
 *                 any other byte is a fatal syntax fault (text after the
 *                 closing quote).
 *   CR            just after a CR that ends a record: only LF may follow; a
 *                 lone CR is a fatal syntax fault.
 *
 * At the end of the input, UNQUOTED, QUOTED_QUOTE and FIELD_START after a
 * comma end the last record (its line end is optional); QUOTED is an
 * unterminated quote and CR a lone CR, both fatal. A fatal fault is reported
 * as one problem and stops reading: the rest cannot be split into fields.
 *
 * Problems are placed where the file shows them: lines are counted at each
 * LF (a quoted line break is one, a CRLF is one line end) and columns in
 * Unicode characters, like the JSON scanner's; the BOM is not a character.
 * Columns are not counted per field but worked out when a position is
 * needed, so that a line of many fields is never rescanned: the column at a
 * byte p of the chunk being read (one fill of the buffer) is col_base +
 * (p - line_start) - n_cont, where line_start is where the line starts in
 * the chunk (or the chunk's start, for a line begun in an earlier fill),
 * col_base the column there, and n_cont the UTF-8 continuation bytes read
 * since, which do not start a character. Only field data holds them: the
 * unquoted scan counts them as it goes, and quoted data after its last line
 * break. A problem in a data record also names the record's number, the
 * header not being one, for the rows a spreadsheet shows.
 *
 * Empty rows (nothing at all before the line end) at the end of the file are
 * ignored, however many. An empty row followed by more data is a problem,
 * one per empty row: it most likely marks a lost record. A row holding only
 * spaces or `""` is not empty but one field, so it has the wrong number of
 * fields.
 *
 * Unquoted fields are scanned with a table lookup per byte and quoted ones
 * with memchr(); the bytes of the columns we use go straight into one reused
 * GString per column, so a row costs no heap allocation. */


/* For the tests: whether unquoted fields are scanned with SSE2 (where the
 * build has it) or the portable way. Not for use while a file is read. */
void
reel_csv_reader_set_simd (gboolean enabled)
{
  reel_csv_use_simd = enabled;
}

gboolean reel_csv_use_simd = TRUE;

/* Adds a problem at @at; @record is the number of the data record it is in,
 * or 0 outside of one (the header, an empty row). */
static void
add_problem (Reader     *r,
             const char *path,
             Position    at,
             guint       record,
             const char *message)
{
  g_autofree char *located = NULL;

  g_assert (message != NULL);

  if (r->stop)
    return;

  if (r->n_errors == REEL_PROBLEMS_MAX)
    {
      g_ptr_array_add (r->problems,
                       reel_problem_new (REEL_PROBLEM_ERROR, "", at.line, at.column,
                                         _("too many problems, stopped reading")));
      r->stop = TRUE;
      return;
    }

  if (record > 0)
    {
      /* TRANSLATORS: a problem with a CSV file, then the number of the data
       * record it is in, counting from 1 below the header row. */
      located = g_strdup_printf (C_("a CSV problem", "%s (record %u)"), message, record);
      message = located;
    }

  r->n_errors++;
  g_ptr_array_add (r->problems,
                   reel_problem_new (REEL_PROBLEM_ERROR, path, at.line, at.column, message));
}

static void add_problem_printf (Reader     *r,
                                const char *path,
                                Position    at,
                                guint       record,
                                const char *format,
                                ...) G_GNUC_PRINTF (5, 6);

static void
add_problem_printf (Reader     *r,
                    const char *path,
                    Position    at,
                    guint       record,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_problem (r, path, at, record, message);
}

/* A problem after which the rest of the input cannot be read. */
static void
add_fatal (Reader     *r,
           const char *path,
           Position    at,
           guint       record,
           const char *message)
{
  add_problem (r, path, at, record, message);
  r->stop = TRUE;
}

/* The number of the data record being read, for its problems: row_end()
 * counts a record once it is whole. */
static guint
current_record (Reader *r)
{
  return r->in_header ? 0 : (guint) r->n_records + 1;
}

/* The position of a header name. */
static Position
name_start (Reader *r,
            guint   column)
{
  return g_array_index (r->name_starts, Position, column);
}

/* The position of @p, a byte of the chunk being read up to which the
 * continuation bytes are counted. */
static inline Position
position_at (Reader       *r,
             const guint8 *p)
{
  return (Position) { r->line, r->col_base + (guint) (p - r->line_start) - r->n_cont };
}

/* Called for every LF, quoted or not, once the record it may end has ended. */
static inline void
line_break (Reader       *r,
            const guint8 *lf)
{
  r->line++;
  r->line_start = lf + 1;
  r->col_base = 1;
  r->n_cont = 0;
}

/* The column name for a problem in field @column (0-based) of a data row. */
static const char *
column_path (Reader *r,
             guint   column)
{
  if (!r->in_header && column < r->n_columns)
    return g_ptr_array_index (r->names, column);

  return "";
}

static void
flush_blank_rows (Reader *r)
{
  guint i;

  /* Empty rows in a row are on lines in a row. */
  for (i = 0; i < r->n_blank && !r->stop; i++)
    add_problem (r, "", (Position) { r->blank_first + i, 1 }, 0, _("the row is empty: remove it"));

  r->n_blank = 0;
}

static void
header_field_end (Reader *r)
{
  guint8 status = FIELD_OK;

  if (r->names->len == REEL_CSV_COLUMNS_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("the header has more than %u columns: "
                                                    "remove the ones that are not needed"),
                                                  (guint) REEL_CSV_COLUMNS_MAX);

      add_fatal (r, "", r->field_start, 0, message);
      return;
    }

  if (r->too_long)
    status = FIELD_TOO_LONG;
  else if (!g_utf8_validate_len (r->target->str, r->target->len, NULL))
    status = FIELD_BAD_UTF8;

  g_ptr_array_add (r->names,
                   status == FIELD_OK ? g_strndup (r->target->str, r->target->len) : NULL);
  g_byte_array_append (r->name_status, &status, 1);
  g_array_append_val (r->name_starts, r->field_start);
}

/* Says what is wrong with a header name that cannot be read: FALSE for one. */
static gboolean
header_name_is_readable (Reader *r,
                         guint   column)
{
  switch ((FieldStatus) r->name_status->data[column])
    {
    case FIELD_TOO_LONG:
      add_problem_printf (r, "", name_start (r, column), 0,
                          _("the column name is longer than %u bytes"), (guint) REEL_CSV_NAME_MAX);
      return FALSE;

    case FIELD_BAD_UTF8:
      add_problem (r, "", name_start (r, column), 0,
                   _("the text is not valid UTF-8: save the file as UTF-8"));
      return FALSE;

    case FIELD_OK:
    default:
      return TRUE;
    }
}

/* Gives each role the column named for it. Returns FALSE when a name cannot
 * be read; sets @duplicate when a role's name appears more than once. */
static gboolean
header_find_roles (Reader   *r,
                   gboolean *duplicate)
{
  gboolean readable = TRUE;
  guint c;

  for (c = 0; c < r->n_columns; c++)
    {
      const char *name = g_ptr_array_index (r->names, c);
      ReelCsvRole role;

      if (!header_name_is_readable (r, c))
        {
          readable = FALSE;
          continue;
        }

      role = reel_csv_role_lookup (name);
      if (role == REEL_CSV_ROLE_IGNORED)
        continue;

      if (r->role_column[role] >= 0)
        {
          add_problem_printf (r, name, name_start (r, c), 0,
                              _("the column “%s” appears more than once: keep one"), name);
          *duplicate = TRUE;
          continue;
        }

      r->role_column[role] = c;
    }

  return readable;
}

/* A file separated by semicolons or tabs reads as one column. When a
 * required column is missing and a name holds either, says so (a fatal
 * problem) and returns TRUE. */
static gboolean
header_has_wrong_separator (Reader *r)
{
  guint role, c;

  for (role = 0; role < REEL_CSV_N_REQUIRED_ROLES; role++)
    if (r->role_column[role] < 0)
      break;
  if (role == REEL_CSV_N_REQUIRED_ROLES)
    return FALSE;

  for (c = 0; c < r->n_columns; c++)
    {
      const char *name = g_ptr_array_index (r->names, c);

      if (name != NULL && strchr (name, ';') != NULL)
        {
          add_fatal (r, "", name_start (r, c), 0,
                     _("the separator must be a comma, not a semicolon"));
          return TRUE;
        }
      if (name != NULL && strchr (name, '\t') != NULL)
        {
          add_fatal (r, "", name_start (r, c), 0, _("the separator must be a comma, not a tab"));
          return TRUE;
        }
    }

  return FALSE;
}

/* A name that is right but for case or spaces is surely meant as the column:
 * ignoring it would silently lose its values. Reports the first such name of
 * each role without a column, marks the role in @explained, and returns TRUE
 * when there was one. */
static gboolean
header_explain_near_misses (Reader   *r,
                            gboolean  explained[REEL_CSV_N_ROLES])
{
  gboolean found = FALSE;
  guint role, c;

  for (role = 0; role < REEL_CSV_N_ROLES; role++)
    {
      if (r->role_column[role] >= 0)
        continue;

      for (c = 0; c < r->n_columns; c++)
        {
          const char *name = g_ptr_array_index (r->names, c);

          if (name != NULL && reel_csv_role_is_near_miss (role, name))
            {
              add_problem_printf (r, name, name_start (r, c), 0,
                                  _("write the column name as “%s”, lowercase without spaces"),
                                  reel_csv_role_name (role));
              explained[role] = TRUE;
              found = TRUE;
              break;
            }
        }
    }

  return found;
}

/* Names, in one problem, the required columns that are neither found nor
 * explained by a near miss; returns TRUE when there is one. */
static gboolean
header_report_missing (Reader         *r,
                       const gboolean  explained[REEL_CSV_N_ROLES])
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;
  guint role;

  for (role = 0; role < REEL_CSV_N_REQUIRED_ROLES; role++)
    {
      if (r->role_column[role] >= 0 || explained[role])
        continue;
      if (n_missing++ > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, reel_csv_role_name (role));
    }

  if (n_missing == 0)
    return FALSE;

  add_problem_printf (r, "", r->row_start, 0,
                      ngettext ("the first row must name the column %s",
                                "the first row must name the columns %s", n_missing),
                      missing->str);
  return TRUE;
}

/* The role of each column, and the columns with one in ascending order, for
 * the data rows. */
static void
header_map_columns (Reader *r)
{
  guint c, role;

  r->roles = g_new (guint8, MAX (r->n_columns, 1));
  for (c = 0; c < r->n_columns; c++)
    r->roles[c] = REEL_CSV_ROLE_IGNORED;
  for (role = 0; role < REEL_CSV_N_ROLES; role++)
    if (r->role_column[role] >= 0)
      r->roles[r->role_column[role]] = role;
  for (c = 0; c < r->n_columns; c++)
    if (r->roles[c] != REEL_CSV_ROLE_IGNORED)
      r->known[r->n_known++] = c;
}

/* The header row is read: find the column of each role, or report every
 * problem with the names and stop reading. */
static void
header_end (Reader *r)
{
  gboolean explained[REEL_CSV_N_ROLES] = { FALSE, };
  gboolean bad = FALSE;
  int value;

  r->n_columns = r->names->len;

  /* A name that cannot be read might be any of the missing columns. */
  if (!header_find_roles (r, &bad))
    {
      r->stop = TRUE;
      return;
    }

  if ((value = reel_csv_value_column (r->names, r->role_column)) >= 0 &&
      r->role_column[REEL_CSV_ROLE_REVENUE] >= 0)
    {
      add_problem (r, "value", name_start (r, value), 0,
                   _("a record has “revenue” or “value”, not both"));
      bad = TRUE;
    }
  else if (value >= 0)
    r->role_column[REEL_CSV_ROLE_REVENUE] = value;

  if (header_has_wrong_separator (r))
    return;

  if (header_explain_near_misses (r, explained))
    bad = TRUE;
  if (header_report_missing (r, explained))
    bad = TRUE;

  if (bad)
    {
      r->stop = TRUE;
      return;
    }

  header_map_columns (r);
}

static void
report_bad_field (Reader         *r,
                  const BadField *bad)
{
  const char *path = column_path (r, bad->column);

  if (bad->status == FIELD_TOO_LONG)
    {
      g_autofree char *message = reel_csv_too_long_message (REEL_CSV_FIELD_MAX);

      add_problem (r, path, bad->start, current_record (r), message);
    }
  else
    {
      add_problem (r, path, bad->start, current_record (r),
                   _("the text is not valid UTF-8: save the file as UTF-8"));
    }
}

/* Checks the value of the column with @role into @record, as a problem if bad. */
static gboolean
check_value (Reader        *r,
             ReelCsvRole    role,
             ReelCsvRecord *record)
{
  /* Not g_autofree: five fields a row, and a good one has no message to free. */
  char *message;

  if (r->value_status[role] == FIELD_TOO_LONG)
    message = reel_csv_too_long_message (REEL_CSV_FIELD_MAX);
  else
    message = reel_csv_check_value (role, r->values[role], r->table, record);

  if (message == NULL)
    return TRUE;

  add_problem (r, column_path (r, r->role_column[role]), r->value_start[role], current_record (r),
               message);
  g_free (message);
  return FALSE;
}

static void
row_end (Reader *r)
{
  const BadField *bad = (const BadField *) r->bad_fields->data;
  guint n_bad = r->bad_fields->len;
  ReelCsvRecord parsed = { .region = REEL_RECORD_NO_ID, .platform = REEL_RECORD_NO_ID,
                           .general = r->role_column[REEL_CSV_ROLE_METRIC] >= 0 };
  g_autofree char *refused = NULL;
  gboolean ok = TRUE;
  gboolean has_platform;
  guint region, platform = REEL_RECORD_NO_ID;
  guint n_fields = r->field;
  guint record = current_record (r);
  guint b = 0, k;

  if (r->n_records == REEL_CSV_RECORDS_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("more than %u records: split the file"),
                                                  (guint) REEL_CSV_RECORDS_MAX);

      /* The count says what is wrong: no record number. */
      add_fatal (r, "", r->row_start, 0, message);
      return;
    }

  if (n_fields != r->n_columns)
    {
      const GString *revenue = r->values[REEL_CSV_ROLE_REVENUE];
      /* The first field past the header's, or where the first missing one would be. */
      Position at = n_fields > r->n_columns ? r->extra_start : r->row_end;

      if (n_fields > r->n_columns && r->split_number[0] != '\0' &&
          reel_csv_may_be_split_integer (revenue))
        add_problem_printf (r, column_path (r, r->role_column[REEL_CSV_ROLE_REVENUE]),
                            r->value_start[REEL_CSV_ROLE_REVENUE], record,
                            _("“%s,%s” was split at the comma: use . as the decimal point"),
                            revenue->str, r->split_number);
      else
        add_problem_printf (r, "", at, record,
                            ngettext ("%u field in this row, but the header has %u",
                                      "%u fields in this row, but the header has %u", n_fields),
                            n_fields, r->n_columns);
      return;
    }

  /* Problems in column order. */
  for (k = 0; k < r->n_known; k++)
    {
      guint c = r->known[k];

      for (; b < n_bad && bad[b].column < c; b++, ok = FALSE)
        report_bad_field (r, &bad[b]);
      if (!check_value (r, r->roles[c], &parsed))
        ok = FALSE;
    }
  for (; b < n_bad; b++, ok = FALSE)
    report_bad_field (r, &bad[b]);

  if (!ok)
    return;

  has_platform = r->role_column[REEL_CSV_ROLE_PLATFORM] >= 0 &&
                 r->values[REEL_CSV_ROLE_PLATFORM]->len > 0;
  region = parsed.region;
  if (region == REEL_RECORD_NO_ID)
    region = reel_record_table_intern_region (r->table, r->values[REEL_CSV_ROLE_REGION]->str,
                                              r->value_start[REEL_CSV_ROLE_REGION].line,
                                              r->value_start[REEL_CSV_ROLE_REGION].column);
  platform = parsed.platform;
  if (platform == REEL_RECORD_NO_ID && has_platform)
    platform = reel_record_table_intern_platform (r->table, r->values[REEL_CSV_ROLE_PLATFORM]->str,
                                                  r->value_start[REEL_CSV_ROLE_PLATFORM].line,
                                                  r->value_start[REEL_CSV_ROLE_PLATFORM].column);

  /* Each id is a region (or platform) of the dataset, which lists at most
   * REEL_RECORD_MAX_IDS: the rest of the file cannot be read into it. */
  if (region == REEL_RECORD_NO_ID || (platform == REEL_RECORD_NO_ID && has_platform))
    {
      ReelCsvRole role = region == REEL_RECORD_NO_ID ? REEL_CSV_ROLE_REGION
                                                     : REEL_CSV_ROLE_PLATFORM;
      g_autofree char *message =
        g_strdup_printf (role == REEL_CSV_ROLE_REGION
                         ? _("more than %u different regions: split the file")
                         : _("more than %u different platforms: split the file"),
                         (guint) REEL_RECORD_MAX_IDS);

      add_fatal (r, reel_csv_role_name (role), r->value_start[role], record, message);
      return;
    }

  if ((refused = reel_csv_add_record (r->table, region, platform, &parsed)) != NULL)
    add_problem (r, column_path (r, r->role_column[REEL_CSV_ROLE_REVENUE]),
                 r->value_start[REEL_CSV_ROLE_REVENUE], record, refused);
}

/* A field starts at @p: its opening quote, its first byte, or (when empty)
 * the separator or line end after it. Inlined, as field_end_at(), into the
 * state machine's loop: a call per field costs a tenth of the reading time. */
G_ALWAYS_INLINE static inline void
field_begin (Reader       *r,
             gboolean      quoted,
             const guint8 *p)
{
  guint role;

  r->quoted = quoted;
  r->too_long = FALSE;
  r->field_start = position_at (r, p);
  if (r->field == 0)
    r->row_start = r->field_start;

  if (r->in_header)
    {
      r->target = r->scratch;
      r->target_max = REEL_CSV_NAME_MAX;
    }
  else
    {
      if (r->field < r->n_columns && (role = r->roles[r->field]) != REEL_CSV_ROLE_IGNORED)
        r->target = r->values[role];
      else
        r->target = r->scratch;
      r->target_max = REEL_CSV_FIELD_MAX;
    }

  r->target->len = 0;
  r->target->str[0] = '\0';
}

static inline void
field_append (Reader       *r,
              const guint8 *p,
              gsize         n)
{
  if (n == 0 || r->too_long)
    return;

  if (G_UNLIKELY (n > r->target_max - r->target->len))
    {
      r->too_long = TRUE;
      return;
    }

  if (G_LIKELY (r->target->len + n < r->target->allocated_len))
    {
      /* The common case, without a call into GLib per field. */
      memcpy (r->target->str + r->target->len, p, n);
      r->target->len += n;
      r->target->str[r->target->len] = '\0';
    }
  else
    {
      g_string_append_len (r->target, (const char *) p, n);
    }
}

static void
field_end (Reader *r)
{
  guint c = r->field;

  if (r->in_header)
    {
      header_field_end (r);
    }
  else
    {
      if (c < r->n_columns)
        {
          guint role = r->roles[c];

          if (role != REEL_CSV_ROLE_IGNORED)
            {
              r->value_status[role] = r->too_long ? FIELD_TOO_LONG : FIELD_OK;
              r->value_start[role] = r->field_start;
            }
          else if (r->too_long)
            {
              BadField bad = { c, FIELD_TOO_LONG, r->field_start };

              g_array_append_val (r->bad_fields, bad);
            }
          else if (!g_utf8_validate_len (r->target->str, r->target->len, NULL))
            {
              BadField bad = { c, FIELD_BAD_UTF8, r->field_start };

              g_array_append_val (r->bad_fields, bad);
            }
        }
      else if (c == r->n_columns)
        {
          r->extra_start = r->field_start;
        }

      /* Remember what follows the revenue, for the decimal-comma hint. */
      if (c == (guint) r->role_column[REEL_CSV_ROLE_REVENUE] + 1 &&
          !r->quoted && !r->too_long && reel_csv_may_be_split_fraction (r->target))
        memcpy (r->split_number, r->target->str, r->target->len + 1);
    }

  if (r->field < G_MAXUINT)
    r->field++;
}

static void
record_end (Reader   *r,
            gboolean  blank)
{
  if (blank)
    {
      if (r->in_header)
        {
          add_fatal (r, "", r->row_end, 0,
                     _("the first row is empty: it must name the columns region, period and "
                       "revenue"));
          return;
        }
      if (r->n_blank++ == 0)
        r->blank_first = r->line;
    }
  else
    {
      flush_blank_rows (r);
      if (r->in_header)
        {
          header_end (r);
          r->in_header = FALSE;
        }
      else
        {
          row_end (r);
          r->n_records++;
        }
    }

  r->field = 0;
  r->split_number[0] = '\0';
  if (r->bad_fields->len > 0)
    g_array_set_size (r->bad_fields, 0);
}

/* The comma, LF or CR at @p ends the current field. */
G_ALWAYS_INLINE static inline void
field_end_at (Reader       *r,
              const guint8 *p)
{
  if (*p != ',')
    r->row_end = position_at (r, p);
  field_end (r);

  switch (*p)
    {
    case ',':
      r->state = STATE_FIELD_START;
      break;
    case '\n':
      record_end (r, FALSE);
      line_break (r, p);
      r->state = STATE_FIELD_START;
      break;
    case '\r':
      r->cr_blank = FALSE;
      r->state = STATE_CR;
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The LF or CR at @p ends a row with nothing in it. */
static void
blank_row_end_at (Reader       *r,
                  const guint8 *p)
{
  r->row_end = position_at (r, p);

  if (*p == '\n')
    {
      record_end (r, TRUE);
      line_break (r, p);
    }
  else
    {
      r->cr_blank = TRUE;
      r->state = STATE_CR;
    }
}

/* Counts the lines and characters of the quoted data [@p, @end). */
static void
count_quoted (Reader       *r,
              const guint8 *p,
              const guint8 *end)
{
  const guint8 *lf;
  guint n_cont = 0;

  while ((lf = memchr (p, '\n', end - p)) != NULL)
    {
      line_break (r, lf);
      p = lf + 1;
    }

  for (; p < end; p++)
    n_cont += (*p & 0xC0) == 0x80;
  r->n_cont += n_cont;
}

static void
fatal_syntax (Reader     *r,
              guint       column,
              Position    at,
              const char *message)
{
  /* A lone CR may end an empty row, which has no field and is no record. */
  gboolean blank = r->state == STATE_CR && r->cr_blank;

  flush_blank_rows (r);
  add_fatal (r, blank ? "" : column_path (r, column), at, blank ? 0 : current_record (r), message);
}

/* At a data row starting at @offset: closes the block of sums before it
 * when it starts a later one (see REEL_RECORD_BLOCK_SIZE), or stops there
 * when reading a range. */
static void
row_start (Reader  *r,
           guint64  offset)
{
  guint64 block_size = reel_blocks_get_block_size ();

  if (r->data_start == G_MAXUINT64)
    {
      r->data_start = offset;
      if (r->stop_at == G_MAXUINT64)
        r->next_block = offset + block_size;
    }

  if (offset >= r->stop_at)
    {
      r->at_stop = TRUE;
      r->stop_offset = offset;
      return;
    }

  if (offset >= r->next_block)
    {
      if (r->next_block == r->data_start + block_size)
        reel_record_table_use_blocks (r->table);
      else
        reel_record_table_close_block (r->table);
      r->next_block = offset - (offset - r->data_start) % block_size + block_size;
    }
  r->next_check = MIN (r->stop_at, r->next_block);
}

static void
feed_bytes (Reader       *r,
            const guint8 *p,
            gsize         len)
{
  const guint8 *chunk = p, *end = p + len;
  const guint8 *q;

  r->line_start = p;

  while (p < end && !r->stop && !r->at_stop)
    {
      switch (r->state)
        {
        case STATE_FIELD_START:
          if (r->field == 0 && !r->in_header &&
              G_UNLIKELY (r->chunk_offset + (guint64) (p - chunk) >= r->next_check))
            {
              row_start (r, r->chunk_offset + (guint64) (p - chunk));
              if (r->at_stop)
                break;
            }
          switch (*p)
            {
            case '"':
              field_begin (r, TRUE, p);
              r->state = STATE_QUOTED;
              break;
            case '\n':
            case '\r':
              if (r->field == 0)
                {
                  blank_row_end_at (r, p);
                  break;
                }
              G_GNUC_FALLTHROUGH;
            case ',':
              field_begin (r, FALSE, p);
              field_end_at (r, p);
              break;
            default:
              /* The field's first byte: the unquoted scan reads it. */
              field_begin (r, FALSE, p);
              r->state = STATE_UNQUOTED;
              continue;
            }
          p++;
          break;

        case STATE_UNQUOTED:
          q = find_unquoted_stop (p, end, &r->n_cont);
          field_append (r, p, q - p);
          p = q;
          if (p == end)
            break;
          if (*p == '"')
            fatal_syntax (r, r->field, position_at (r, p),
                          _("a quote inside an unquoted field: put the whole field in quotes "
                            "and double the quote (\"\")"));
          else
            field_end_at (r, p);
          p++;
          break;

        case STATE_QUOTED:
          q = memchr (p, '"', end - p);
          if (q == NULL)
            q = end;
          field_append (r, p, q - p);
          count_quoted (r, p, q);
          p = q;
          if (p < end)
            {
              r->state = STATE_QUOTED_QUOTE;
              p++;
            }
          break;

        case STATE_QUOTED_QUOTE:
          switch (*p)
            {
            case '"':
              field_append (r, p, 1);
              r->state = STATE_QUOTED;
              break;
            case ',':
            case '\n':
            case '\r':
              field_end_at (r, p);
              break;
            default:
              fatal_syntax (r, r->field, position_at (r, p),
                            _("text after the closing quote: put the whole field in quotes "
                              "and double any quote inside (\"\")"));
              break;
            }
          p++;
          break;

        case STATE_CR:
          if (*p != '\n')
            {
              fatal_syntax (r, r->field > 0 ? r->field - 1 : 0, r->row_end,
                            _("a line ends with a lone carriage return: use LF or CRLF line ends"));
              break;
            }
          record_end (r, r->cr_blank);
          line_break (r, p);
          r->state = STATE_FIELD_START;
          p++;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* What the line had in this chunk becomes the base of its column. */
  r->col_base = position_at (r, end).column;
  r->n_cont = 0;
  r->line_start = end;
}

static const guint8 bom[3] = { 0xEF, 0xBB, 0xBF };

/* Feeds @len bytes at @p, which are at @offset in the file. */
void
_reel_csv_feed (Reader       *r,
      const guint8 *p,
      gsize         len,
      guint64       offset)
{
  const guint8 *start = p, *end = p + len;

  /* A byte-order mark may arrive over several reads. */
  while (!r->bom_done && p < end)
    {
      if (*p == bom[r->bom_matched])
        {
          p++;
          r->bom_done = ++r->bom_matched == G_N_ELEMENTS (bom);
        }
      else
        {
          r->bom_done = TRUE;
          feed_bytes (r, bom, r->bom_matched);
        }
    }

  if (p < end)
    {
      r->chunk_offset = offset + (guint64) (p - start);
      feed_bytes (r, p, end - p);
    }
}

void
_reel_csv_finish (Reader *r)
{
  if (!r->bom_done)
    {
      r->bom_done = TRUE;
      feed_bytes (r, bom, r->bom_matched);
    }

  if (r->stop)
    return;

  switch (r->state)
    {
    case STATE_FIELD_START:
      /* After a comma, the last field is empty and ends the input. */
      if (r->field > 0)
        {
          field_begin (r, FALSE, r->line_start);
          r->row_end = r->field_start;
          field_end (r);
          record_end (r, FALSE);
        }
      else if (r->in_header)
        {
          add_problem (r, "", (Position) { 0, 0 }, 0,
                       _("the file is empty: the first row must name the columns "
                         "region, period and revenue"));
        }
      break;

    case STATE_UNQUOTED:
    case STATE_QUOTED_QUOTE:
      r->row_end = position_at (r, r->line_start);
      field_end (r);
      record_end (r, FALSE);
      break;

    case STATE_QUOTED:
      fatal_syntax (r, r->field, r->field_start,
                    _("a quoted field is not closed: add the closing quote (\")"));
      break;

    case STATE_CR:
      fatal_syntax (r, r->field > 0 ? r->field - 1 : 0, r->row_end,
                    _("a line ends with a lone carriage return: use LF or CRLF line ends"));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Empty rows left pending here are at the end of the file: allowed. */
}

void
_reel_csv_reader_init (Reader          *r,
             ReelRecordTable *table,
             GPtrArray       *problems)
{
  guint role;

  memset (r, 0, sizeof *r);
  r->table = table;
  r->problems = problems;
  r->state = STATE_FIELD_START;
  r->in_header = TRUE;
  r->line = 1;
  r->col_base = 1;
  r->stop_at = r->data_start = r->next_block = G_MAXUINT64;
  r->names = g_ptr_array_new_with_free_func (g_free);
  r->name_starts = g_array_new (FALSE, FALSE, sizeof (Position));
  r->name_status = g_byte_array_new ();
  r->bad_fields = g_array_new (FALSE, FALSE, sizeof (BadField));
  r->scratch = g_string_sized_new (256);
  for (role = 0; role < REEL_CSV_N_ROLES; role++)
    {
      r->values[role] = g_string_sized_new (64);
      r->role_column[role] = -1;
    }
}

void
_reel_csv_reader_clear (Reader *r)
{
  guint role;

  g_clear_pointer (&r->names, g_ptr_array_unref);
  g_clear_pointer (&r->name_starts, g_array_unref);
  g_clear_pointer (&r->name_status, g_byte_array_unref);
  g_clear_pointer (&r->bad_fields, g_array_unref);
  g_clear_pointer (&r->roles, g_free);
  g_string_free (r->scratch, TRUE);
  for (role = 0; role < REEL_CSV_N_ROLES; role++)
    g_string_free (r->values[role], TRUE);
}

/* Feeds the reader until it stops, or the input ends (then TRUE) or fails. */
gboolean
_reel_csv_read_rows (Reader          *r,
           ReelReadBuffer  *buffer,
           GError         **error)
{
  while (!r->stop && !r->at_stop)
    {
      if (g_cancellable_set_error_if_cancelled (buffer->cancellable, error))
        return FALSE;
      if (!reel_read_buffer_fill (buffer, error))
        return *error == NULL;
      _reel_csv_feed (r, buffer->data, buffer->len, buffer->offset);
    }

  return FALSE;
}

gboolean
reel_csv_reader_read (GInputStream     *stream,
                      guint64           limit,
                      ReelRecordTable  *table,
                      GPtrArray        *problems,
                      ReelProgressFunc  progress,
                      gpointer          progress_data,
                      GCancellable     *cancellable,
                      GError          **error)
{
  ReelReadBuffer buffer;
  GError *local_error = NULL;
  Reader r;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reel_read_buffer_init (&buffer, stream, limit, cancellable);
  buffer.progress = progress;
  buffer.progress_data = progress_data;
  _reel_csv_reader_init (&r, table, problems);

  if (_reel_csv_read_rows (&r, &buffer, &local_error))
    _reel_csv_finish (&r);
  reel_record_table_close_block (table);

  _reel_csv_reader_clear (&r);
  reel_read_buffer_clear (&buffer);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
