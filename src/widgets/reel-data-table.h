/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "reel-chart-kind-info.h"
#include "reel-dataset.h"

G_BEGIN_DECLS

#define REEL_TYPE_DATA_TABLE (reel_data_table_get_type ())

G_DECLARE_FINAL_TYPE (ReelDataTable, reel_data_table, REEL, DATA_TABLE, GtkWidget)

GtkWidget       *reel_data_table_new            (void);
ReelDataset     *reel_data_table_get_dataset    (ReelDataTable   *self);
void             reel_data_table_set_dataset    (ReelDataTable   *self,
                                                 ReelDataset     *dataset);
ReelChartKind    reel_data_table_get_chart_kind (ReelDataTable   *self);
void             reel_data_table_set_chart_kind (ReelDataTable   *self,
                                                 ReelChartKind    kind);
ReelChartMetric  reel_data_table_get_metric     (ReelDataTable   *self);
void             reel_data_table_set_metric     (ReelDataTable   *self,
                                                 ReelChartMetric  metric);
guint            reel_data_table_get_year       (ReelDataTable   *self);
void             reel_data_table_set_year       (ReelDataTable   *self,
                                                 guint            year);
void             reel_data_table_show_chart     (ReelDataTable   *self,
                                                 ReelDataset     *dataset,
                                                 ReelChartKind    kind,
                                                 ReelChartMetric  metric,
                                                 guint            year);
GListModel      *reel_data_table_get_model      (ReelDataTable   *self);
char            *reel_data_table_dup_csv        (ReelDataTable   *self);
void             reel_data_table_copy_csv       (ReelDataTable   *self);

G_END_DECLS
