/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-data-table.h"

G_BEGIN_DECLS

/* The columns, in the order shown. */
typedef enum {
  REEL_DATA_TABLE_COLUMN_REGION,
  REEL_DATA_TABLE_COLUMN_YEAR,
  REEL_DATA_TABLE_COLUMN_METRIC,
  REEL_DATA_TABLE_COLUMN_VALUE,
  REEL_DATA_TABLE_COLUMN_SOURCE,
  REEL_DATA_TABLE_COLUMN_BASIS,
  REEL_DATA_TABLE_COLUMN_FLAGS,
  REEL_DATA_TABLE_N_COLUMNS
} ReelDataTableColumn;

GtkColumnView       *_reel_data_table_get_column_view (ReelDataTable       *self);
GtkColumnViewColumn *_reel_data_table_get_column      (ReelDataTable       *self,
                                                       ReelDataTableColumn  column);
gboolean             _reel_data_table_is_empty        (ReelDataTable       *self);
void                 _reel_csv_append_field           (GString             *csv,
                                                       const char          *field);

G_END_DECLS
