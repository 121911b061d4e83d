/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-json-scanner.h"
#include "reel-json-tree.h"
#include "reel-record-table.h"

G_BEGIN_DECLS

/* Consumes the `records` array of a JSON dataset as the scanner streams it,
 * adding each valid record to a table and each broken rule to a list of
 * problems; no record is kept. */

typedef struct _ReelRecordsReader ReelRecordsReader;

ReelRecordsReader *reel_records_reader_new          (ReelRecordTable      *table,
                                                     ReelJsonTree         *tree,
                                                     GPtrArray            *problems);
ReelRecordsReader *reel_records_reader_new_for_block (const ReelRecordsReader *parent,
                                                     ReelRecordTable      *table,
                                                     GPtrArray            *problems);
gboolean           reel_records_reader_merge_block  (ReelRecordsReader    *self,
                                                     const ReelRecordsReader *block,
                                                     guint                 base_line,
                                                     guint                 base_column);
void               reel_records_reader_free         (ReelRecordsReader    *self);
gboolean           reel_records_reader_handle_event (ReelJsonScanner      *scanner,
                                                     const ReelJsonEvent  *event,
                                                     gpointer              user_data,
                                                     GError              **error);
gboolean           reel_records_reader_handle_object (ReelJsonScanner      *scanner,
                                                      const ReelJsonObject *object,
                                                      gpointer              user_data,
                                                      GError              **error);
void               reel_records_reader_check_ids    (ReelRecordsReader    *self,
                                                     GHashTable           *regions,
                                                     GHashTable           *platforms);
guint              reel_records_reader_get_n_errors (ReelRecordsReader    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReelRecordsReader, reel_records_reader_free)

G_END_DECLS
