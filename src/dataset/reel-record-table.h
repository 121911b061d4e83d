/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "reel-dataset.h"

G_BEGIN_DECLS

/* Records (`region`, `period`, `revenue`, optional `country` and `platform`)
 * are never kept one by one: the JSON scanner and the CSV reader add each to
 * this table, which sums them per (region, year) and (platform, year) into
 * arrays indexed by interned id. Its memory grows with the number of distinct
 * ids and years, not with the number of records. */

#define REEL_RECORD_YEAR_MIN   1990
#define REEL_RECORD_YEAR_MAX   2100
#define REEL_RECORD_NO_ID      G_MAXUINT
/* A dataset lists at most this many regions or platforms (DESIGN §3: any
 * list but records, 100,000 entries, REEL_DATASET_MAX_LIST): interning one
 * more id returns REEL_RECORD_NO_ID, so that records naming a million
 * different regions cannot grow the table without bound. */
#define REEL_RECORD_MAX_IDS    100000

/* Records that are not a month of revenue (another metric, or another
 * period) are summed per series: place, metric and period. A series is
 * allocated when it first appears; past this many, adding one more fails,
 * so that a million different periods cannot grow the table without bound. */
#define REEL_RECORD_MAX_SERIES 100000

typedef struct _ReelRecordTable ReelRecordTable;

/* One series: a region's (platform REEL_RECORD_NO_ID), or a platform's in
 * a region. */
typedef struct {
  guint      region;
  guint      platform;
  ReelMetric metric;
  ReelPeriod period;
  double     value;
  double     pending;   /* the open block's sum, see reel_record_table_close_block() */
} ReelRecordSeries;

typedef enum {
  REEL_RECORD_ADDED,
  REEL_RECORD_TOO_MANY_SERIES,
  REEL_RECORD_SHARE_TWICE,      /* shares are not summed */
} ReelRecordResult;

typedef struct {
  double  revenue;
  double  pending;     /* the open block's sum, see reel_record_table_close_block() */
  guint16 months;      /* bit m-1 set when month m had a record */
} ReelRecordSum;

/* Sums of large files are made per block of records (a block is the
 * records that start in a stretch of the file, REEL_RECORD_BLOCK_SIZE
 * bytes by default): within a block in file order, then the blocks' sums
 * in file order. Blocks can then be read on several threads into tables of
 * their own and merged, and the sums come out the same to the bit whether
 * one thread read the file or several. A table in block mode adds to the
 * pending sums of the open block until it is closed. */
#define REEL_RECORD_BLOCK_SIZE (2 * 1024 * 1024)

ReelRecordTable     *reel_record_table_new             (void);
void                 reel_record_table_free            (ReelRecordTable    *table);
guint                reel_record_table_intern_region   (ReelRecordTable    *table,
                                                        const char         *id,
                                                        guint               line,
                                                        guint               column);
guint                reel_record_table_intern_platform (ReelRecordTable    *table,
                                                        const char         *id,
                                                        guint               line,
                                                        guint               column);
guint                reel_record_table_lookup_region   (ReelRecordTable    *table,
                                                        const char         *id,
                                                        gsize               length);
guint                reel_record_table_lookup_platform (ReelRecordTable    *table,
                                                        const char         *id,
                                                        gsize               length);
void                 reel_record_table_add             (ReelRecordTable    *table,
                                                        guint               region,
                                                        guint               platform,
                                                        guint               year,
                                                        guint               month,
                                                        double              revenue);
ReelRecordResult     reel_record_table_add_measure     (ReelRecordTable    *table,
                                                        guint               region,
                                                        guint               platform,
                                                        ReelMetric          metric,
                                                        const ReelPeriod   *period,
                                                        double              value);
void                 reel_record_table_use_blocks      (ReelRecordTable    *table);
void                 reel_record_table_close_block     (ReelRecordTable    *table);
gboolean             reel_record_table_merge           (ReelRecordTable    *table,
                                                        const ReelRecordTable *block,
                                                        guint               base_line,
                                                        guint               base_column,
                                                        GArray             *region_map,
                                                        GArray             *platform_map);
guint                reel_record_table_get_n_series    (const ReelRecordTable *table);
const ReelRecordSeries *reel_record_table_get_series   (const ReelRecordTable *table,
                                                        guint               index);
guint64              reel_record_table_get_n_records   (const ReelRecordTable *table);
guint                reel_record_table_get_n_regions   (const ReelRecordTable *table);
guint                reel_record_table_get_n_platforms (const ReelRecordTable *table);
const char          *reel_record_table_get_region_id   (const ReelRecordTable *table,
                                                        guint               region,
                                                        guint              *line,
                                                        guint              *column);
const char          *reel_record_table_get_platform_id (const ReelRecordTable *table,
                                                        guint               platform,
                                                        guint              *line,
                                                        guint              *column);
const ReelRecordSum *reel_record_table_get_region_sum  (const ReelRecordTable *table,
                                                        guint               region,
                                                        guint               year);
const ReelRecordSum *reel_record_table_get_platform_sum (const ReelRecordTable *table,
                                                         guint               platform,
                                                         guint               year);
gboolean             reel_record_table_get_year_range  (const ReelRecordTable *table,
                                                        guint              *first,
                                                        guint              *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelRecordTable, reel_record_table_free)

G_END_DECLS
