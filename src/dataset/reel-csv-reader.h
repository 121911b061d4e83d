/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "reel-read-buffer.h"
#include "reel-record-table.h"

G_BEGIN_DECLS

/* A field longer than this (in bytes, after undoing "" escapes) is a problem. */
#define REEL_CSV_FIELD_MAX     1048576
/* More data rows than this is a problem, and reading stops there.
 * tests/test-limits.c builds the reader with a lower value. */
#ifndef REEL_CSV_RECORDS_MAX
#define REEL_CSV_RECORDS_MAX   50000000
#endif
/* A header row with more columns than this is a problem, and reading stops. */
#define REEL_CSV_COLUMNS_MAX   1000
/* A column name longer than this (in bytes) is a problem, and reading stops. */
#define REEL_CSV_NAME_MAX      1024

/* Reads CSV records (RFC 4180, UTF-8, comma-separated, CRLF or LF line ends,
 * an optional UTF-8 byte-order mark, the last line end optional) from
 * @stream into @table, through a bounded read buffer.
 *
 * The header row names the columns `region`, `period` and `revenue` and,
 * optionally, `country` and `platform`, in any order. Names are
 * case-sensitive and may not have spaces around them: a name that matches
 * only once lowercased or trimmed is a problem that says how to write it.
 * Other columns are ignored (but their values must still be UTF-8). Any
 * problem in the header stops reading.
 *
 * Problems are appended to @problems (element-type ReelProblem): path is the
 * column name, or "" for the whole row; line and column are where the file
 * shows the field the problem is about: lines 1-based and counted at each
 * LF (a line break inside quotes too; CRLF is one line end), columns 1-based
 * in Unicode characters from the start of the line (a leading BOM is not
 * one). A row with the wrong number of fields is placed at the first field
 * past the header's, or at the line end where the first missing one would
 * be; an empty row at its line, column 1; the header's missing columns at
 * 1:1. An empty file is one problem with line 0. The message of a problem
 * in a data record ends with the record's number, counting from 1 below the
 * header: "… (record 3)". Empty rows at the end of the file are ignored; an
 * empty row with data after it is a problem, and no record. After
 * REEL_PROBLEMS_MAX problems, the next one is replaced by "too many
 * problems, stopped reading" and reading stops. Only rows without problems
 * reach @table, and the ids they bring are placed as their fields are.
 *
 * A syntax fault that makes the rest unreadable is one problem and stops
 * reading: an unterminated quote (placed at the opening quote), a quote
 * inside an unquoted field, text after a closing quote, a lone CR (placed
 * at the byte itself).
 *
 * Returns FALSE with @error set only for I/O failures, cancellation or more
 * than @limit bytes; data problems return TRUE and are in @problems (look
 * for REEL_PROBLEM_ERROR entries). */
gboolean reel_csv_reader_read (GInputStream     *stream,
                               guint64           limit,
                               ReelRecordTable  *table,
                               GPtrArray        *problems,
                               ReelProgressFunc  progress,
                               gpointer          progress_data,
                               GCancellable     *cancellable,
                               GError          **error);

void     reel_csv_reader_set_simd (gboolean          enabled);

G_END_DECLS
