/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-data-table"

#include "config.h"

#include "reel-csv-writer.h"
#include "reel-data-table.h"

#include <glib/gi18n.h>

#include "reel-chart-data.h"
#include "reel-figure-row.h"
#include "reel-text.h"
#include "reel-widget-util.h"

/* The Table side of the centre (DESIGN §5): every figure behind the
 * current chart, one per row, sortable by each column, and copyable as CSV
 * (RFC 4180, numbers unformatted). Revenue and share show the revenue
 * figures of the year, growth the reported growth figures of the year,
 * trend every revenue figure; the world first, then the regions in
 * dataset order, each in file order, until a column is sorted. Platforms
 * lists what its bars show: each app's figure of the chosen metric, of
 * the period the bar names, and its like-for-like change, by rank. */

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

/* The columns, in the order shown. */
typedef enum {
  REEL_DATA_TABLE_COLUMN_REGION,
  REEL_DATA_TABLE_COLUMN_YEAR,
  REEL_DATA_TABLE_COLUMN_METRIC,
  REEL_DATA_TABLE_COLUMN_VALUE,
  REEL_DATA_TABLE_COLUMN_SOURCE,
  REEL_DATA_TABLE_COLUMN_BASIS,
  REEL_DATA_TABLE_COLUMN_FLAGS,
  REEL_DATA_TABLE_COLUMN_CHANGE,
  REEL_DATA_TABLE_N_COLUMNS
} ReelDataTableColumn;

struct _ReelDataTable
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkColumnView     *column_view;
  GtkButton         *copy_button;
  GtkLabel          *count_label;
  AdwStatusPage     *empty_page;
  GtkStack          *stack;

  GtkColumnViewColumn *columns[REEL_DATA_TABLE_N_COLUMNS];
  GListStore        *store;       /* of ReelFigureRow, in dataset order */
  GtkSortListModel  *sorted;

  ReelDataset       *dataset;
  ReelChartKind      chart_kind;
  ReelChartMetric    metric;
  guint              year;
};

G_DEFINE_FINAL_TYPE (ReelDataTable, reel_data_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CHART_KIND,
  PROP_METRIC,
  PROP_YEAR,
  N_PROPS
};

enum {
  COPIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  const char *title;
  const char *property;    /* sorted by */
  gboolean    numeric;
  gboolean    expand;      /* long text: shares the width left, cut with "…" */
} ColumnInfo;

/* One line a row. The columns take the width their text needs (the region
 * names, numbers and flags whole); Source and Basis share what is left of
 * the card and are cut with "…" when it is not enough, the whole text in
 * the cell's tooltip. Every column can be widened; a narrow table scrolls
 * sideways. */
static const ColumnInfo column_info[REEL_DATA_TABLE_N_COLUMNS] = {
  [REEL_DATA_TABLE_COLUMN_REGION] = { N_("Region"), "region",     FALSE, FALSE },
  [REEL_DATA_TABLE_COLUMN_YEAR]   = { N_("Year"),   "period-start", TRUE, FALSE },
  [REEL_DATA_TABLE_COLUMN_METRIC] = { N_("Metric"), "metric",     FALSE, FALSE },
  [REEL_DATA_TABLE_COLUMN_VALUE]  = { N_("Value"),  "value",      TRUE,  FALSE },
  [REEL_DATA_TABLE_COLUMN_SOURCE] = { N_("Source"), "publisher",  FALSE, TRUE  },
  [REEL_DATA_TABLE_COLUMN_BASIS]  = { N_("Basis"),  "basis",      FALSE, TRUE  },
  [REEL_DATA_TABLE_COLUMN_FLAGS]  = { N_("Flags"),  "flags-text", FALSE, FALSE },
  [REEL_DATA_TABLE_COLUMN_CHANGE] = { N_("Change"), "change",     FALSE, FALSE },
};

/* The width an expanding column starts from: what a few words need. */
#define EXPAND_MIN_WIDTH 120

/* A line of Latin and Han text: every cell is as tall as a line of it.
 * Without that, a row with Chinese text (whose glyphs come from Noto Sans
 * CJK, taller than Cantarell) was taller than the rows around it. */
#define LINE_HEIGHT_SAMPLE "Ag\u6c49\u5b57"

/* The CSV header; the columns of every kind, so that files line up. */
static const char csv_header[] =
  "region,region_id,year,metric,value,unit,qualifier,source,source_id,basis,flags,period,"
  "change\r\n";

static const char *
get_cell_text (ReelFigureRow       *row,
               ReelDataTableColumn  column)
{
  switch (column)
    {
    case REEL_DATA_TABLE_COLUMN_REGION:
      return reel_figure_row_get_region (row);
    case REEL_DATA_TABLE_COLUMN_YEAR:
      return reel_figure_row_get_period (row);
    case REEL_DATA_TABLE_COLUMN_METRIC:
      return reel_figure_row_get_metric (row);
    case REEL_DATA_TABLE_COLUMN_VALUE:
      return reel_figure_row_get_value_text (row);
    case REEL_DATA_TABLE_COLUMN_SOURCE:
      return reel_figure_row_get_publisher (row);
    case REEL_DATA_TABLE_COLUMN_BASIS:
      return reel_figure_row_get_basis (row);
    case REEL_DATA_TABLE_COLUMN_FLAGS:
      return reel_figure_row_get_flags_text (row);
    case REEL_DATA_TABLE_COLUMN_CHANGE:
      return reel_figure_row_get_change (row);
    case REEL_DATA_TABLE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ReelDataTableColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column_info[column].numeric ? 1 : 0);
  if (column_info[column].expand)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column_info[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ReelDataTableColumn column = GPOINTER_TO_UINT (user_data);
  ReelFigureRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = get_cell_text (row, column);
  const char *tooltip = column == REEL_DATA_TABLE_COLUMN_SOURCE ?
                        reel_figure_row_get_source (row) : text;
  g_autoptr(PangoLayout) sample = NULL;
  int line_height;

  /* Dataset text: plain, never markup; what does not fit is in the tooltip,
   * and the source's title is in the tooltip of its publisher. */
  reel_label_set_plain_text (label, text);
  if (column != REEL_DATA_TABLE_COLUMN_YEAR)
    reel_widget_set_tooltip_text (GTK_WIDGET (label),
                                 tooltip != NULL && tooltip[0] != '\0' ? tooltip : NULL);

  /* Measured here, where the label has its style's font. */
  sample = gtk_widget_create_pango_layout (GTK_WIDGET (label), LINE_HEIGHT_SAMPLE);
  pango_layout_get_pixel_size (sample, NULL, &line_height);
  gtk_widget_set_size_request (GTK_WIDGET (label),
                               column_info[column].expand ? EXPAND_MIN_WIDTH : -1, line_height);
}

static GtkSorter *
create_sorter (ReelDataTableColumn column)
{
  GtkExpression *expression = gtk_property_expression_new (REEL_TYPE_FIGURE_ROW, NULL,
                                                            column_info[column].property);

  if (column_info[column].numeric)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static void
add_columns (ReelDataTable *self)
{
  for (guint i = 0; i < REEL_DATA_TABLE_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_sorter (column, create_sorter (i));
      g_object_unref (gtk_column_view_column_get_sorter (column));
      gtk_column_view_column_set_expand (column, column_info[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);

      self->columns[i] = column;
      g_object_unref (column);
    }
}

/* The kind whose figures the table lists: the Map's metric's chart
 * (Growth's rows for growth; Revenue's for revenue and share), else the
 * chart shown. */
static ReelChartKind
get_rows_kind (ReelDataTable *self)
{
  if (self->chart_kind != REEL_CHART_MAP || !reel_chart_kind_has_metric (REEL_CHART_MAP, self->metric))
    return self->chart_kind;
  return self->metric == REEL_CHART_METRIC_GROWTH ? REEL_CHART_GROWTH : REEL_CHART_REVENUE;
}

/* Whether the table lists the chart's bars (from the chart's own data
 * tier): Platforms', and the Map's by downloads, which no other chart
 * draws; else every figure of the year. */
static gboolean
lists_bars (ReelDataTable *self)
{
  return self->chart_kind == REEL_CHART_PLATFORMS ||
         (self->chart_kind == REEL_CHART_MAP && self->metric == REEL_CHART_METRIC_DOWNLOADS);
}

static void
append_region (ReelDataTable    *self,
               const ReelRegion *region,
               GPtrArray        *rows)
{
  ReelChartKind kind = get_rows_kind (self);

  if (kind == REEL_CHART_GROWTH)
    {
      for (guint i = 0; i < region->growth->len; i++)
        {
          const ReelGrowth *growth = &g_array_index (region->growth, ReelGrowth, i);

          if (growth->year == self->year)
            g_ptr_array_add (rows, reel_figure_row_new_for_growth (self->dataset, region, growth));
        }
      return;
    }

  for (guint i = 0; i < region->revenue->len; i++)
    {
      const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, i);

      if (kind == REEL_CHART_TREND || figure->year == self->year)
        g_ptr_array_add (rows, reel_figure_row_new_for_revenue (self->dataset, region, figure));
    }
}

/* The figures of the chart's bars, from the chart's own data tier, so
 * that the table lists what the chart draws, in its order. */
static void
append_bars (ReelDataTable *self,
             ReelChartData *data,
             GPtrArray     *rows)
{
  GPtrArray *platforms = reel_dataset_get_platforms (self->dataset);

  for (guint i = 0; i < data->bars->len; i++)
    {
      const ReelChartBar *bar = &g_array_index (data->bars, ReelChartBar, i);
      const ReelPlatform *platform = bar->platform >= 0 ? g_ptr_array_index (platforms, bar->platform)
                                                        : NULL;
      const char *name = platform != NULL ? reel_text_get (platform->name) : bar->name;
      g_autofree char *value_text = reel_chart_data_format_value (data, self->chart_kind,
                                                                  bar->value, bar->qualifier);

      g_ptr_array_add (rows, reel_figure_row_new_for_bar (self->dataset, name, value_text, bar));
    }
}

/* What the table lists, "Revenue, 2024", "Platforms by downloads, 2025";
 * @data is that of the bars listed, else NULL. */
static char *
dup_what (ReelDataTable       *self,
          const ReelChartData *data)
{
  if (data != NULL)
    return reel_chart_data_dup_title (data, self->chart_kind);
  if (reel_chart_kind_info_has_year (self->chart_kind))
    /* TRANSLATORS: what the table lists: "Revenue, 2024" */
    return g_strdup_printf (_("%s, %u"), reel_chart_kind_info_get_label (self->chart_kind),
                            self->year);
  return g_strdup (reel_chart_kind_info_get_label (self->chart_kind));
}

/* The columns' titles and which show: Platforms' first column names the
 * apps, and its values, as the Map's by downloads, are of its metric, of a
 * period, with their change. */
static void
update_columns (ReelDataTable *self)
{
  gboolean platforms = self->chart_kind == REEL_CHART_PLATFORMS;
  gboolean bars = lists_bars (self);
  ReelChartMetric metric = reel_chart_kind_has_metric (self->chart_kind, self->metric)
                           ? self->metric : REEL_CHART_METRIC_REVENUE;

  const char *region = platforms ? C_("table column", "App")
                                 : _(column_info[REEL_DATA_TABLE_COLUMN_REGION].title);
  const char *year = bars ? C_("table column", "Period")
                          : _(column_info[REEL_DATA_TABLE_COLUMN_YEAR].title);
  const char *value = bars ? reel_chart_kind_info_get_metric_label (metric)
                           : _(column_info[REEL_DATA_TABLE_COLUMN_VALUE].title);

  gtk_column_view_column_set_title (self->columns[REEL_DATA_TABLE_COLUMN_REGION], region);
  gtk_column_view_column_set_title (self->columns[REEL_DATA_TABLE_COLUMN_YEAR], year);
  gtk_column_view_column_set_title (self->columns[REEL_DATA_TABLE_COLUMN_VALUE], value);
  gtk_column_view_column_set_visible (self->columns[REEL_DATA_TABLE_COLUMN_METRIC],
                                      get_rows_kind (self) == REEL_CHART_GROWTH);
  gtk_column_view_column_set_visible (self->columns[REEL_DATA_TABLE_COLUMN_CHANGE], platforms);
}

static guint
count_sources (ReelDataTable *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReelFigureRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      g_hash_table_add (seen, (gpointer) reel_figure_row_get_source_id (row));
    }

  return g_hash_table_size (seen);
}

/* Apps are of no region: the table's bars select none. */
static const char * const no_selection[] = { NULL };

/* The rows of the chart shown, and what the table says of them. */
static void
update (ReelDataTable *self)
{
  g_autofree char *count = NULL;
  g_autofree char *what = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *accessible_label = NULL;
  ReelChartData bars_data = { 0 };
  gboolean bars = self->dataset != NULL && lists_bars (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_rows, n_sources;

  if (bars)
    {
      reel_chart_data_init (&bars_data, self->dataset, self->year, no_selection);
      bars_data.metric = self->metric;
      reel_chart_data_collect (&bars_data, self->chart_kind);
      append_bars (self, &bars_data, rows);
    }
  else if (self->dataset != NULL)
    {
      GPtrArray *regions = reel_dataset_get_regions (self->dataset);

      append_region (self, reel_dataset_get_global (self->dataset), rows);
      for (guint i = 0; i < regions->len; i++)
        append_region (self, g_ptr_array_index (regions, i), rows);
    }
  /* In one change: the view makes and binds its rows once, not a row at a
   * time as each is added. */
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  update_columns (self);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  n_sources = count_sources (self);
  what = dup_what (self, bars ? &bars_data : NULL);
  if (bars)
    reel_chart_data_clear (&bars_data);

  figures = g_strdup_printf (ngettext ("%u figure", "%u figures", n_rows), n_rows);
  sources = g_strdup_printf (ngettext ("%u source", "%u sources", n_sources), n_sources);
  /* TRANSLATORS: "5 figures from 3 sources · Revenue, 2024" */
  count = g_strdup_printf (_("%s from %s · %s"), figures, sources, what);
  gtk_label_set_text (self->count_label, count);

  /* TRANSLATORS: the table's name for screen readers: "Figures behind the chart: Platforms by
   * downloads, 2025" */
  accessible_label = g_strdup_printf (_("Figures behind the chart: %s"), what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  if (self->dataset != NULL && reel_chart_kind_info_has_year (self->chart_kind))
    /* TRANSLATORS: the table when the dataset has nothing for the chart: "No figures for 2025" */
    empty = g_strdup_printf (_("No figures for %u"), self->year);
  adw_status_page_set_description (self->empty_page, empty);

  gtk_stack_set_visible_child_name (self->stack, n_rows > 0 ? "table" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.copy-csv", n_rows > 0);
}

static const char *
qualifier_token (ReelQualifier qualifier)
{
  switch (qualifier)
    {
    case REEL_QUALIFIER_APPROX:
      return "approx";
    case REEL_QUALIFIER_AT_LEAST:
      return "at-least";
    case REEL_QUALIFIER_AT_MOST:
      return "at-most";
    case REEL_QUALIFIER_NONE:
    default:
      return "";
    }
}

static void
copy_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  reel_data_table_copy_csv (REEL_DATA_TABLE (widget));
}

static void
reel_data_table_dispose (GObject *object)
{
  ReelDataTable *self = (ReelDataTable *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_DATA_TABLE);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_data_table_parent_class)->dispose (object);
}

static void
reel_data_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ReelDataTable *self = REEL_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_CHART_KIND:
      g_value_set_enum (value, self->chart_kind);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_data_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ReelDataTable *self = REEL_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_data_table_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_CHART_KIND:
      reel_data_table_set_chart_kind (self, g_value_get_enum (value));
      break;

    case PROP_METRIC:
      reel_data_table_set_metric (self, g_value_get_enum (value));
      break;

    case PROP_YEAR:
      reel_data_table_set_year (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_data_table_class_init (ReelDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_data_table_dispose;
  object_class->get_property = reel_data_table_get_property;
  object_class->set_property = reel_data_table_set_property;

  /**
   * ReelDataTable:dataset:
   *
   * The dataset whose figures are listed.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelDataTable:chart-kind:
   *
   * The chart whose figures are listed.
   */
  properties[PROP_CHART_KIND] =
    g_param_spec_enum ("chart-kind", NULL, NULL,
                       REEL_TYPE_CHART_KIND, REEL_CHART_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelDataTable:metric:
   *
   * What Platforms ranks the apps by, and so what its table lists; the
   * other kinds list revenue (or growth) whatever it is.
   */
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       REEL_TYPE_CHART_METRIC, REEL_CHART_METRIC_REVENUE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelDataTable:year:
   *
   * The year of the figures listed; every year for the trend.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelDataTable::copied:
   * @n_rows: how many figures were copied
   *
   * Emitted when the table was copied to the clipboard as CSV.
   */
  signals[COPIED] =
    g_signal_new ("copied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelDataTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, ReelDataTable, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ReelDataTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, ReelDataTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ReelDataTable, stack);

  gtk_widget_class_install_action (widget_class, "table.copy-csv", NULL, copy_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "table.copy-csv", NULL);

  gtk_widget_class_set_css_name (widget_class, "reeldatatable");
}

static void
reel_data_table_init (ReelDataTable *self)
{
  GtkSelectionModel *selection;
  GtkSorter *sorter;
  GListModel *model;

  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);

  self->store = g_list_store_new (REEL_TYPE_FIGURE_ROW);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (sorter));
  model = G_LIST_MODEL (self->sorted);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model)));
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);

  update (self);
}

GtkWidget *
reel_data_table_new (void)
{
  return g_object_new (REEL_TYPE_DATA_TABLE, NULL);
}

ReelDataset *
reel_data_table_get_dataset (ReelDataTable *self)
{
  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), NULL);

  return self->dataset;
}

void
reel_data_table_set_dataset (ReelDataTable *self,
                             ReelDataset   *dataset)
{
  g_return_if_fail (REEL_IS_DATA_TABLE (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

ReelChartKind
reel_data_table_get_chart_kind (ReelDataTable *self)
{
  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), REEL_CHART_REVENUE);

  return self->chart_kind;
}

void
reel_data_table_set_chart_kind (ReelDataTable *self,
                                ReelChartKind  kind)
{
  g_return_if_fail (REEL_IS_DATA_TABLE (self));
  g_return_if_fail (kind <= REEL_CHART_KIND_LAST);

  if (self->chart_kind == kind)
    return;

  self->chart_kind = kind;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
}

ReelChartMetric
reel_data_table_get_metric (ReelDataTable *self)
{
  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), REEL_CHART_METRIC_REVENUE);

  return self->metric;
}

void
reel_data_table_set_metric (ReelDataTable   *self,
                            ReelChartMetric  metric)
{
  g_return_if_fail (REEL_IS_DATA_TABLE (self));
  g_return_if_fail (metric < REEL_CHART_N_METRICS);

  if (self->metric == metric)
    return;

  self->metric = metric;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

guint
reel_data_table_get_year (ReelDataTable *self)
{
  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), 0);

  return self->year;
}

void
reel_data_table_set_year (ReelDataTable *self,
                          guint          year)
{
  g_return_if_fail (REEL_IS_DATA_TABLE (self));

  if (self->year == year)
    return;

  self->year = year;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * reel_data_table_show_chart:
 * @dataset: (nullable): the dataset
 *
 * Lists the figures behind a chart: its dataset, kind, metric and year set
 * in one change, the rows made once.
 */
void
reel_data_table_show_chart (ReelDataTable   *self,
                            ReelDataset     *dataset,
                            ReelChartKind    kind,
                            ReelChartMetric  metric,
                            guint            year)
{
  GObject *object = G_OBJECT (self);
  gboolean changed = FALSE;

  g_return_if_fail (REEL_IS_DATA_TABLE (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));
  g_return_if_fail (kind <= REEL_CHART_KIND_LAST);
  g_return_if_fail (metric < REEL_CHART_N_METRICS);

  g_object_freeze_notify (object);
  if (g_set_object (&self->dataset, dataset))
    {
      changed = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_DATASET]);
    }
  if (self->chart_kind != kind)
    {
      self->chart_kind = kind;
      changed = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_CHART_KIND]);
    }
  if (self->metric != metric)
    {
      self->metric = metric;
      changed = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_METRIC]);
    }
  if (self->year != year)
    {
      self->year = year;
      changed = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_YEAR]);
    }
  if (changed)
    update (self);
  g_object_thaw_notify (object);
}

/**
 * reel_data_table_get_model:
 *
 * Returns: (transfer none): the rows as shown, sorted as shown, of
 *   #ReelFigureRow
 */
GListModel *
reel_data_table_get_model (ReelDataTable *self)
{
  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * reel_data_table_dup_csv:
 *
 * The rows as shown, in the order shown, as CSV (RFC 4180: CRLF line
 * ends, fields quoted when they hold a comma, quote or line break). Values
 * are plain numbers in the unit of the `unit` column; text is as the
 * dataset gives it, in the user's language.
 *
 * Returns: (transfer full): the CSV text, with a header line
 */
char *
reel_data_table_dup_csv (ReelDataTable *self)
{
  GString *csv;
  guint n;

  g_return_val_if_fail (REEL_IS_DATA_TABLE (self), NULL);

  csv = g_string_new (csv_header);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReelFigureRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_autofree char *flags = reel_figure_row_dup_flags_tokens (row);

      reel_csv_append_field (csv, reel_figure_row_get_region (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_region_id (row));
      g_string_append_printf (csv, ",%u,", reel_figure_row_get_year (row));
      reel_csv_append_field (csv, reel_figure_row_get_metric (row));
      g_string_append_c (csv, ',');
      reel_csv_append_number (csv, reel_figure_row_get_value (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_unit (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, qualifier_token (reel_figure_row_get_qualifier (row)));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_source (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_source_id (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_basis (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, flags);
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_period (row));
      g_string_append_c (csv, ',');
      reel_csv_append_field (csv, reel_figure_row_get_change (row));
      g_string_append (csv, "\r\n");
    }

  return g_string_free (csv, FALSE);
}

/* Puts the CSV on the clipboard (Ctrl+C in the table, "Copy as CSV"). */
void
reel_data_table_copy_csv (ReelDataTable *self)
{
  g_autofree char *csv = NULL;
  guint n_rows;

  g_return_if_fail (REEL_IS_DATA_TABLE (self));

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  if (n_rows == 0)
    return;

  csv = reel_data_table_dup_csv (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), csv);

  g_signal_emit (self, signals[COPIED], 0, n_rows);
}
