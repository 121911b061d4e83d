/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-csv-columns.h"
#include "reel-csv-reader.h"

G_BEGIN_DECLS

/* The CSV reader's state, shared by reel-csv-reader.c (the state machine)
 * and reel-csv-split.c (reading a range of rows, for reading a large file
 * on several threads). */

typedef enum {
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTED_QUOTE,
  STATE_CR,
} State;

typedef enum {
  FIELD_OK,
  FIELD_TOO_LONG,
  FIELD_BAD_UTF8,
} FieldStatus;

typedef struct {
  guint line;
  guint column;
} Position;

/* A problem found in an ignored column, reported once the row is known to
 * have the right number of fields. */
typedef struct {
  guint       column;
  FieldStatus status;
  Position    start;
} BadField;

typedef struct {
  ReelRecordTable *table;
  GPtrArray       *problems;
  guint            n_errors;
  gboolean         stop;

  guint            bom_matched;     /* bytes of a leading BOM seen so far */
  gboolean         bom_done;

  State            state;
  gboolean         in_header;       /* the first row is being read */
  guint            field;           /* 0-based index of the current field */
  gboolean         cr_blank;        /* the CR in STATE_CR ends an empty row */
  GString         *target;          /* receives the current field's bytes */
  gsize            target_max;
  gboolean         quoted;
  gboolean         too_long;

  guint            line;            /* 1-based, of the byte being read */
  const guint8    *line_start;
  guint            col_base;
  guint            n_cont;
  Position         field_start;
  Position         row_start;
  Position         row_end;         /* the line end (or end of input) */

  /* The header. */
  GPtrArray       *names;           /* of char *, NULL where not valid */
  GArray          *name_starts;     /* of Position */
  GByteArray      *name_status;     /* of FieldStatus */
  guint8          *roles;           /* ReelCsvRole of each column */
  guint            n_columns;
  int              role_column[REEL_CSV_N_ROLES];
  guint            known[REEL_CSV_N_ROLES]; /* columns with a role, ascending */
  guint            n_known;

  /* The current data row. */
  GString         *values[REEL_CSV_N_ROLES];
  FieldStatus      value_status[REEL_CSV_N_ROLES];
  Position         value_start[REEL_CSV_N_ROLES];
  Position         extra_start;     /* the first field past the header's */
  GArray          *bad_fields;      /* of BadField, ascending */
  char             split_number[REEL_CSV_SPLIT_NUMBER_MAX + 1];
  GString         *scratch;

  guint            blank_first;     /* line of the first pending empty row */
  guint            n_blank;
  guint64          n_records;

  /* Offsets in the file, at row starts: for sums per block, and for
   * reading a range of rows (reel-csv-split.c). */
  guint64          chunk_offset;    /* of the chunk being read */
  guint64          next_check;      /* a row starting at or past this is looked at */
  guint64          stop_at;         /* stop before the first row at or past this */
  gboolean         at_stop;
  guint64          stop_offset;     /* where it stopped */
  guint64          data_start;      /* of the first data row, G_MAXUINT64 before it */
  guint64          next_block;      /* where the next block of sums starts; G_MAXUINT64 for none */
} Reader;

void     _reel_csv_reader_init  (Reader           *r,
                                 ReelRecordTable  *table,
                                 GPtrArray        *problems);
void     _reel_csv_reader_clear (Reader           *r);
void     _reel_csv_feed         (Reader           *r,
                                 const guint8     *p,
                                 gsize             len,
                                 guint64           offset);
void     _reel_csv_finish       (Reader           *r);
gboolean _reel_csv_read_rows    (Reader           *r,
                                 ReelReadBuffer   *buffer,
                                 GError          **error);

G_END_DECLS
