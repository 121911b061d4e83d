/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "reel-record-table.h"

G_BEGIN_DECLS

/* The columns that the CSV reader uses, their names, and the checks of
 * their values: what a field of a data row must be, apart from where it is
 * in the file. Each check returns NULL when the value is fine, else a
 * message (lowercase, to follow "PATH: "). */

typedef enum {
  REEL_CSV_ROLE_REGION,
  REEL_CSV_ROLE_PERIOD,
  REEL_CSV_ROLE_REVENUE,
  REEL_CSV_ROLE_COUNTRY,
  REEL_CSV_ROLE_PLATFORM,
  REEL_CSV_ROLE_METRIC,
  REEL_CSV_N_ROLES,
  REEL_CSV_ROLE_IGNORED = REEL_CSV_N_ROLES,
} ReelCsvRole;

/* The first REEL_CSV_N_REQUIRED_ROLES roles are required; with a `metric`
 * column, one named `value` may take the revenue role. */
#define REEL_CSV_N_REQUIRED_ROLES 3

/* The longest number that the decimal-comma hint quotes. */
#define REEL_CSV_SPLIT_NUMBER_MAX 32

/* What the values of a data row read as. */
typedef struct {
  guint      year;
  guint      month;       /* 0 when the period is not one month */
  double     revenue;     /* the record's number, whatever its metric */
  guint      region;      /* when the id was found in the table */
  guint      platform;
  ReelMetric metric;
  ReelPeriod period;
  gboolean   general;     /* the file has a `metric` column: any period may be written */
} ReelCsvRecord;

const char  *reel_csv_role_name               (ReelCsvRole          role);
ReelCsvRole  reel_csv_role_lookup             (const char          *name);
int          reel_csv_value_column            (GPtrArray           *names,
                                               const int            role_column[REEL_CSV_N_ROLES]);
gboolean     reel_csv_role_is_near_miss       (ReelCsvRole          role,
                                               const char          *name);
char        *reel_csv_check_value             (ReelCsvRole          role,
                                               const GString       *value,
                                               ReelRecordTable     *table,
                                               ReelCsvRecord       *record);
char        *reel_csv_add_record              (ReelRecordTable     *table,
                                               guint                region,
                                               guint                platform,
                                               const ReelCsvRecord *record);
char        *reel_csv_too_long_message        (gsize                max);
gboolean     reel_csv_may_be_split_integer    (const GString       *revenue);
gboolean     reel_csv_may_be_split_fraction   (const GString       *field);

G_END_DECLS
