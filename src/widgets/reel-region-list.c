/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-region-list"

#include "config.h"

#include "reel-chart-data.h"
#include "reel-region-list.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-chart-layout.h"
#include "reel-format.h"
#include "reel-region-selection.h"
#include "reel-text-figure.h"
#include "reel-widget-util.h"

/* The region list of the sidebar (DESIGN §5): World first, then each
 * region in dataset order with its colour swatch, name, primary revenue in
 * the year and year-over-year growth, and a search entry that filters by
 * name in any language the dataset gives.
 *
 * Several regions can be selected, as in GTK's lists: Ctrl+click (or
 * Ctrl+Space) adds or takes out a row, Shift+click (Shift+arrows) selects
 * a range; a click on World, or Escape, selects the world alone. The
 * rows tell assistive technologies whether they are selected. */

#define ROW_REGION_KEY  "reel-region-id"
#define ROW_SEARCH_KEY  "reel-search-keys"
#define ROW_PARTS_KEY   "reel-row-parts"

/* The widgets of a row that show the region: a new dataset or year fills
 * them in again (see populate()). */
typedef struct {
  GtkWidget *swatch;    /* NULL in the world's row */
  GtkWidget *name;
  GtkWidget *detail;
  GtkWidget *value;
  GtkWidget *growth;
  guint      keys_serial;  /* the dataset_serial its search keys were made for */
} RowParts;

/* reel_text_get_for() has no way to list a text's languages: these are the
 * ones probed for names to search. A text without one of them answers with
 * its English (or only) form, which is searched anyway. */
static const char * const search_languages[] = {
  "en", "zh-CN", "zh-TW", "zh-HK", "zh", "es", "pt-BR", "pt", "fr", "de", "it", "ja", "ko",
  "ru", "ar", "hi", "id", "ms", "th", "vi", "tr", "fil", "pl", "nl", "uk", "fa", "bn", "sw",
};

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

struct _ReelRegionList
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *heading;
  GtkListBox          *list_box;
  AdwStatusPage       *no_results_page;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;

  ReelDataset         *dataset;
  guint                year;
  GStrv                selected_regions; /* reel-region-selection.h */
  char                *search_key;      /* normalised, NULL when not searching */
  guint                dataset_serial;  /* of the dataset shown: rows' names change with it */

  ReelRegionColorFunc  color_func;
  gpointer             color_data;
  GDestroyNotify       color_destroy;

  gboolean             populating;
  gboolean             selecting;        /* the rows are made to show selected_regions */
};

G_DEFINE_FINAL_TYPE (ReelRegionList, reel_region_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_YEAR,
  PROP_SELECTED_REGION,
  PROP_SELECTED_REGIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Case-folded, decomposed and without combining marks, so that "america"
 * finds "América Latina" and "AMÉRICA" too. */
static char *
dup_search_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  g_assert (text != NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
add_search_key (GPtrArray  *keys,
                const char *text)
{
  g_autofree char *key = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  key = dup_search_key (text);
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return;

  g_ptr_array_add (keys, g_steal_pointer (&key));
}

/* Every form of the region's name: shown, in each language, and its id. */
static GStrv
dup_search_keys (const ReelRegion *region,
                 const char       *shown_name)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  add_search_key (keys, shown_name);
  if (region->name != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (search_languages); i++)
      {
        const char * const languages[] = { search_languages[i], NULL };

        add_search_key (keys, reel_text_get_for (region->name, languages));
      }
  add_search_key (keys, region->id);

  g_ptr_array_add (keys, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&keys), FALSE);
}

static void
set_swatch_color (ReelRegionList *self,
                  GtkWidget      *swatch,
                  guint           index)
{
  GdkRGBA color = { 0.54, 0.54, 0.54, 1.0 };

  if (self->color_func != NULL)
    self->color_func (self->dataset, index, &color, self->color_data);
  reel_swatch_set_color (swatch, &color);
}

/* What the primary figure is, when it is not a plain reported figure. */
static void
append_flags (GString          *detail,
              const ReelFigure *figure)
{
  const char *words[3];
  guint n = 0;

  if ((figure->flags & REEL_FIGURE_ESTIMATE) != 0)
    words[n++] = C_("region list", "estimate");
  if ((figure->flags & REEL_FIGURE_FORECAST) != 0)
    words[n++] = C_("region list", "forecast");
  if ((figure->flags & REEL_FIGURE_PARTIAL) != 0)
    words[n++] = C_("region list", "partial year");

  for (guint i = 0; i < n; i++)
    {
      if (detail->len > 0)
        /* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
        g_string_append (detail, C_("parts of a line", " · "));
      g_string_append (detail, words[i]);
    }
}

/* A figure for part of the year or for one country, as the chart shows it:
 * "Oct 2025 · United States · estimate". */
static void
append_measure_detail (GString           *detail,
                       const ReelMeasure *measure)
{
  const char *separator = reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS);
  g_autofree char *period = reel_text_dup_period (&measure->period, FALSE);

  g_string_append (detail, period);
  if (measure->country != NULL)
    g_string_append_printf (detail, "%s%s", separator, reel_text_get_country_name (measure->country));
  if ((measure->flags & REEL_FIGURE_ESTIMATE) != 0 || measure->derived != NULL)
    g_string_append_printf (detail, "%s%s", separator, C_("region list", "estimate"));
}

/* Reported growth in the year, as the growth chart shows it, named by the
 * chart's name for the metric and the year it compares with, so that it
 * is not taken for the revenue growth beside it: "Viewership +69% vs
 * 2024". */
static void
append_reported_growth (GString          *detail,
                        const ReelRegion *region,
                        guint             year)
{
  for (guint i = 0; i < region->growth->len; i++)
    {
      const ReelGrowth *growth = &g_array_index (region->growth, ReelGrowth, i);
      g_autofree char *percent = NULL;
      g_autofree char *metric = NULL;

      if (growth->year != year)
        continue;

      percent = reel_format_percent (growth->percent, NULL);
      metric = reel_text_dup_metric_name (growth->metric);
      if (detail->len > 0)
        /* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
        g_string_append (detail, C_("parts of a line", " · "));
      /* TRANSLATORS: reported growth in the region list: "Viewership +69% vs
       * 2024"; the metric's name as the growth chart shows it, the growth, the
       * year compared with */
      g_string_append_printf (detail, C_("region list", "%1$s %2$s vs %3$u"), metric, percent,
                              year - 1);
      return;
    }
}

static GtkWidget *
create_label (const char *text,
              float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
set_label_class (GtkWidget  *label,
                 const char *css_class,
                 gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (label, css_class);
  else
    gtk_widget_remove_css_class (label, css_class);
}

/* A row: [swatch] name … value
 *                 detail    growth
 * The world has no swatch: it is not drawn as a region. update_row()
 * fills it in.
 *
 * A grid, not boxes: a horizontal GtkBox (GTK 4.8) allocates its children
 * by asking each for its width at the row's height, and a wrapping label
 * answers that by laying its text out at width after width until it fits.
 * A grid asks for widths alone, then for heights at the widths it gave. */
static GtkWidget *
create_row (gboolean world)
{
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *row, *grid;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  if (!world)
    {
      parts->swatch = reel_swatch_new ();
      gtk_grid_attach (GTK_GRID (grid), parts->swatch, 0, 0, 1, 1);
    }

  parts->name = create_label ("", 0, world ? "heading" : "reel-region-name");
  gtk_label_set_wrap (GTK_LABEL (parts->name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (parts->name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (parts->name, TRUE);
  gtk_grid_attach (GTK_GRID (grid), parts->name, 1, 0, 1, 1);

  parts->detail = create_label ("", 0, "caption");
  gtk_widget_add_css_class (parts->detail, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (parts->detail), TRUE);
  gtk_grid_attach (GTK_GRID (grid), parts->detail, 1, 1, 1, 1);

  parts->value = create_label ("", 1, "numeric");
  gtk_widget_set_valign (parts->value, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), parts->value, 2, 0, 1, 1);

  parts->growth = create_label ("", 1, "caption");
  gtk_widget_add_css_class (parts->growth, "numeric");
  gtk_widget_set_valign (parts->growth, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (grid), parts->growth, 2, 1, 1, 1);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  g_object_set_data_full (G_OBJECT (row), ROW_PARTS_KEY, parts, g_free);

  return row;
}

/* Shows @region (the world when @index is -1) in a row of create_row(). */
static void
update_row (ReelRegionList   *self,
            GtkWidget        *row,
            const ReelRegion *region,
            int               index)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), ROW_PARTS_KEY);
  const char *currency = reel_dataset_get_currency (self->dataset);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GString) accessible = g_string_new (NULL);
  g_autofree char *money = NULL;
  g_autofree char *value = NULL;
  g_autofree char *spoken_value = NULL;
  g_autofree char *growth = NULL;
  const ReelFigure *figure = NULL;
  ReelQualifier qualifier = REEL_QUALIFIER_NONE;
  const char *name;
  double percent = 0;

  g_assert (parts != NULL);
  g_assert ((index < 0) == (parts->swatch == NULL));

  name = index < 0 ? _("World") : reel_text_get (region->name);

  if (self->year != 0)
    {
      figure = reel_dataset_get_primary_figure (region->revenue, self->year);
      if (figure != NULL)
        {
          money = reel_format_money_compact (figure->value, currency, NULL);
          qualifier = figure->qualifier;
          append_flags (detail, figure);
        }
      else
        {
          const ReelMeasure *measure = reel_chart_pick_region_revenue (self->dataset, region,
                                                                       self->year);

          if (measure != NULL)
            {
              money = reel_format_money_compact (measure->value, currency, NULL);
              qualifier = measure->qualifier;
              append_measure_detail (detail, measure);
            }
        }
      if (reel_dataset_get_revenue_growth (region->revenue, self->year, &percent))
        {
          g_autofree char *change = reel_format_percent (percent, NULL);

          /* TRANSLATORS: revenue growth under a region's revenue in the list:
           * "+94.3% vs 2024", the year compared with */
          growth = g_strdup_printf (C_("region list", "%s vs %u"), change, self->year - 1);
        }
      append_reported_growth (detail, region, self->year);
    }

  /* The qualifier as the chart's bar gives it, "≈$75M", and in words for
   * a screen reader, "about $75M". */
  if (money != NULL)
    {
      value = reel_text_dup_qualified_sign (qualifier, money);
      spoken_value = reel_text_dup_qualified_words (qualifier, money);
    }

  if (parts->swatch != NULL)
    set_swatch_color (self, parts->swatch, index);

  gtk_label_set_text (GTK_LABEL (parts->name), name);

  gtk_label_set_text (GTK_LABEL (parts->detail), detail->str);
  gtk_widget_set_visible (parts->detail, detail->len > 0);

  gtk_label_set_text (GTK_LABEL (parts->value), value != NULL ? value : REEL_FORMAT_MISSING);
  set_label_class (parts->value, "dim-label", value == NULL);

  /* Growth under the value, "—" when there is a value but no growth; a
   * region without either shows one dash. */
  gtk_label_set_text (GTK_LABEL (parts->growth), growth != NULL ? growth : REEL_FORMAT_MISSING);
  set_label_class (parts->growth, "dim-label", growth == NULL);
  set_label_class (parts->growth, "error", growth != NULL && percent < 0);
  set_label_class (parts->growth, "success", growth != NULL && percent >= 0);
  gtk_widget_set_visible (parts->growth, growth != NULL || value != NULL);

  /* A name's search keys cost a Unicode normalisation each, and names
   * change with the dataset only, not with the year. */
  if (parts->keys_serial != self->dataset_serial)
    {
      g_object_set_data_full (G_OBJECT (row), ROW_REGION_KEY, g_strdup (region->id), g_free);
      g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, dup_search_keys (region, name),
                              (GDestroyNotify) g_strfreev);
      parts->keys_serial = self->dataset_serial;
    }

  /* "North America, $142M in 2024, growth +12%, estimate" */
  g_string_append (accessible, name);
  if (value != NULL)
    /* TRANSLATORS: part of a region row's accessible name: ", $142M in 2024" */
    g_string_append_printf (accessible, _(", %s in %u"), spoken_value, self->year);
  else if (self->year != 0)
    /* TRANSLATORS: part of a region row's accessible name */
    g_string_append_printf (accessible, _(", no revenue figure for %u"), self->year);
  if (growth != NULL)
    /* TRANSLATORS: part of a region row's accessible name: ", revenue growth +12% vs 2023" */
    g_string_append_printf (accessible, _(", revenue growth %s"), growth);
  if (detail->len > 0)
    /* TRANSLATORS: between the details of a figure or a chart mark: "North America, 2024, $142M" */
    g_string_append_printf (accessible, "%s%s", C_("details of a figure", ", "), detail->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

/* The rows of the selected regions, or World's, selected and no other. */
static void
select_rows (ReelRegionList *self)
{
  GtkListBoxRow *row;

  self->selecting = TRUE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      const char *region_id = g_object_get_data (G_OBJECT (row), ROW_REGION_KEY);
      const char * const *selection = (const char * const *) self->selected_regions;
      gboolean selected = region_id != NULL ? g_strv_contains (selection, region_id)
                                            : selection[0] == NULL;

      if (selected && !gtk_list_box_row_is_selected (row))
        gtk_list_box_select_row (self->list_box, row);
      else if (!selected && gtk_list_box_row_is_selected (row))
        gtk_list_box_unselect_row (self->list_box, row);
    }
  self->selecting = FALSE;
}

/* The selected regions that the dataset has. */
static GStrv
dup_known_regions (ReelRegionList     *self,
                   const char * const *region_ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    if (self->dataset == NULL || reel_dataset_find_region (self->dataset, region_ids[i]) != NULL)
      g_strv_builder_add (builder, region_ids[i]);

  return g_strv_builder_end (builder);
}

/* The rows are kept and filled in again, World first: a new year or
 * dataset changes their text without removing, making and styling some
 * eighty widgets again, which was about half of the main thread's work
 * in showing a newly loaded dataset ("Frames while loading" in
 * tests/bench/results.md). */
static void
populate (ReelRegionList *self)
{
  GPtrArray *regions = self->dataset != NULL ? reel_dataset_get_regions (self->dataset) : NULL;
  guint n_rows = regions != NULL ? regions->len + 1 : 0;
  GtkListBoxRow *row;

  self->populating = TRUE;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, n_rows)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));

  for (guint i = 0; i < n_rows; i++)
    {
      const ReelRegion *region = i == 0 ? reel_dataset_get_global (self->dataset)
                                        : g_ptr_array_index (regions, i - 1);
      GtkWidget *widget = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, i));

      if (widget == NULL)
        {
          widget = create_row (i == 0);
          gtk_list_box_append (self->list_box, widget);
        }
      update_row (self, widget, region, (int) i - 1);
    }

  self->populating = FALSE;

  /* A region the new dataset lacks is no longer selected. */
  reel_region_list_set_selected_regions (self, (const char * const *) self->selected_regions);
  select_rows (self);

  gtk_list_box_invalidate_filter (self->list_box);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  ReelRegionList *self = user_data;
  GStrv keys;

  if (self->search_key == NULL)
    return TRUE;

  keys = g_object_get_data (G_OBJECT (row), ROW_SEARCH_KEY);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (strstr (keys[i], self->search_key) != NULL)
      return TRUE;

  return FALSE;
}

static GtkListBoxRow *
get_first_visible_row (ReelRegionList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      return row;

  return NULL;
}

/* Filters by the search entry's text, and says so when nothing matches. */
static void
apply_search (ReelRegionList *self)
{
  const char *text;
  gboolean found;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_clear_pointer (&self->search_key, g_free);
  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] != '\0')
        self->search_key = dup_search_key (stripped);
    }

  gtk_list_box_invalidate_filter (self->list_box);
  found = get_first_visible_row (self) != NULL;

  /* The status page is visible only while it shows: the stack measures
   * every visible page, and it need not lay the page out with the list. */
  if (!found)
    gtk_widget_set_visible (GTK_WIDGET (self->no_results_page), TRUE);
  gtk_stack_set_visible_child_name (self->stack, found ? "list" : "no-results");
  if (found)
    gtk_widget_set_visible (GTK_WIDGET (self->no_results_page), FALSE);
}

static void
search_changed_cb (ReelRegionList *self,
                   GtkSearchEntry *entry)
{
  apply_search (self);
}

/* Enter in the search entry selects the first region that matches. */
static void
search_activate_cb (ReelRegionList *self,
                    GtkSearchEntry *entry)
{
  GtkListBoxRow *row;

  apply_search (self);
  if ((row = get_first_visible_row (self)) != NULL)
    {
      reel_region_list_set_selected_region (self,
                                            g_object_get_data (G_OBJECT (row), ROW_REGION_KEY));
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
search_stop_cb (ReelRegionList *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  apply_search (self);
}

/* The region of the row just clicked (or moved to) comes first when it
 * is the only one the change added; else the first stays first, as the
 * anchor of a range (Shift) does. */
static void
order_selection (ReelRegionList *self,
                 GPtrArray      *region_ids)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self->list_box));
  const char *focused = focus != NULL ? g_object_get_data (G_OBJECT (focus), ROW_REGION_KEY) : NULL;
  const char *first = self->selected_regions[0];
  guint n_added = 0, index;

  for (guint i = 0; i < region_ids->len; i++)
    n_added += !g_strv_contains ((const char * const *) self->selected_regions,
                                 g_ptr_array_index (region_ids, i));
  if (n_added == 1 && focused != NULL &&
      !g_strv_contains ((const char * const *) self->selected_regions, focused) &&
      g_ptr_array_find_with_equal_func (region_ids, focused, g_str_equal, &index))
    first = focused;
  if (first != NULL && g_ptr_array_find_with_equal_func (region_ids, first, g_str_equal, &index))
    g_ptr_array_insert (region_ids, 0, g_ptr_array_steal_index (region_ids, index));
}

/* What GtkListBox's clicks and keys selected, as a selection of regions:
 * World's row among others clears them when it is the one added, and
 * gives way to them otherwise. */
static void
selected_rows_changed_cb (ReelRegionList *self,
                          GtkListBox     *list_box)
{
  g_autoptr(GList) rows = NULL;
  g_autoptr(GPtrArray) region_ids = g_ptr_array_new ();
  gboolean world = FALSE;

  if (self->populating || self->selecting)
    return;

  rows = gtk_list_box_get_selected_rows (list_box);
  for (GList *l = rows; l != NULL; l = l->next)
    {
      const char *region_id = g_object_get_data (l->data, ROW_REGION_KEY);

      if (region_id == NULL)
        world = TRUE;
      else
        g_ptr_array_add (region_ids, (gpointer) region_id);
    }

  if (world && self->selected_regions[0] != NULL)
    g_ptr_array_set_size (region_ids, 0);
  order_selection (self, region_ids);
  g_ptr_array_add (region_ids, NULL);

  reel_region_list_set_selected_regions (self, (const char * const *) region_ids->pdata);
  /* World's row and the regions' never show selected together. */
  select_rows (self);
}

static void
select_world_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  reel_region_list_set_selected_region (REEL_REGION_LIST (widget), NULL);
}

static void
reel_region_list_dispose (GObject *object)
{
  ReelRegionList *self = (ReelRegionList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_REGION_LIST);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->color_destroy != NULL)
    self->color_destroy (self->color_data);
  self->color_func = NULL;
  self->color_data = NULL;
  self->color_destroy = NULL;

  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_region_list_parent_class)->dispose (object);
}

static void
reel_region_list_finalize (GObject *object)
{
  ReelRegionList *self = (ReelRegionList *)object;

  g_strfreev (self->selected_regions);
  g_free (self->search_key);

  G_OBJECT_CLASS (reel_region_list_parent_class)->finalize (object);
}

static void
reel_region_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReelRegionList *self = REEL_REGION_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;

    case PROP_SELECTED_REGION:
      g_value_set_string (value, self->selected_regions[0]);
      break;

    case PROP_SELECTED_REGIONS:
      g_value_set_boxed (value, self->selected_regions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_region_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReelRegionList *self = REEL_REGION_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_region_list_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_YEAR:
      reel_region_list_set_year (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_REGION:
      reel_region_list_set_selected_region (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_REGIONS:
      reel_region_list_set_selected_regions (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_region_list_class_init (ReelRegionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_region_list_dispose;
  object_class->finalize = reel_region_list_finalize;
  object_class->get_property = reel_region_list_get_property;
  object_class->set_property = reel_region_list_set_property;

  /**
   * ReelRegionList:dataset:
   *
   * The dataset whose regions are listed.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelRegionList:year:
   *
   * The year of the values and growth shown, 0 for none.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelRegionList:selected-region:
   *
   * The first of #ReelRegionList:selected-regions, %NULL for the world;
   * setting it selects that region alone.
   */
  properties[PROP_SELECTED_REGION] =
    g_param_spec_string ("selected-region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelRegionList:selected-regions:
   *
   * The ids of the selected regions, the one whose panels show first;
   * empty for the world.
   */
  properties[PROP_SELECTED_REGIONS] =
    g_param_spec_boxed ("selected-regions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-region-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelRegionList, heading);
  gtk_widget_class_bind_template_child (widget_class, ReelRegionList, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReelRegionList, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ReelRegionList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ReelRegionList, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_rows_changed_cb);

  gtk_widget_class_install_action (widget_class, "regions.select-world", NULL, select_world_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "regions.select-world", NULL);

  gtk_widget_class_set_css_name (widget_class, "reelregionlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_region_list_init (ReelRegionList *self)
{
  self->selected_regions = reel_region_selection_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Regions"),
                                  -1);
}

GtkWidget *
reel_region_list_new (void)
{
  return g_object_new (REEL_TYPE_REGION_LIST, NULL);
}

ReelDataset *
reel_region_list_get_dataset (ReelRegionList *self)
{
  g_return_val_if_fail (REEL_IS_REGION_LIST (self), NULL);

  return self->dataset;
}

void
reel_region_list_set_dataset (ReelRegionList *self,
                              ReelDataset    *dataset)
{
  g_return_if_fail (REEL_IS_REGION_LIST (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  self->dataset_serial++;
  populate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

guint
reel_region_list_get_year (ReelRegionList *self)
{
  g_return_val_if_fail (REEL_IS_REGION_LIST (self), 0);

  return self->year;
}

void
reel_region_list_set_year (ReelRegionList *self,
                           guint           year)
{
  g_return_if_fail (REEL_IS_REGION_LIST (self));

  if (self->year == year)
    return;

  self->year = year;
  populate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
reel_region_list_get_selected_region (ReelRegionList *self)
{
  g_return_val_if_fail (REEL_IS_REGION_LIST (self), NULL);

  return self->selected_regions[0];
}

/* Selects the row of @region_id alone (NULL for the world). */
void
reel_region_list_set_selected_region (ReelRegionList *self,
                                      const char     *region_id)
{
  g_auto(GStrv) selection = reel_region_selection_new (region_id);

  g_return_if_fail (REEL_IS_REGION_LIST (self));

  reel_region_list_set_selected_regions (self, (const char * const *) selection);
}

/**
 * reel_region_list_get_selected_regions:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   selected regions, empty for the world
 */
const char * const *
reel_region_list_get_selected_regions (ReelRegionList *self)
{
  g_return_val_if_fail (REEL_IS_REGION_LIST (self), NULL);

  return (const char * const *) self->selected_regions;
}

/* Selects the rows of @region_ids (NULL or empty for the world); the ids
 * the dataset does not have are left out. */
void
reel_region_list_set_selected_regions (ReelRegionList     *self,
                                       const char * const *region_ids)
{
  g_auto(GStrv) known = NULL;
  g_autofree char *first = NULL;

  g_return_if_fail (REEL_IS_REGION_LIST (self));

  known = dup_known_regions (self, region_ids);
  if (reel_region_selection_equal ((const char * const *) self->selected_regions,
                                   (const char * const *) known))
    return;

  first = g_strdup (self->selected_regions[0]);
  g_strfreev (self->selected_regions);
  self->selected_regions = g_steal_pointer (&known);

  if (!self->populating)
    select_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGIONS]);
  if (g_strcmp0 (first, self->selected_regions[0]) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_REGION]);
}

/**
 * reel_region_list_set_color_func:
 *
 * Sets how the swatches of the regions are coloured: as the charts colour
 * them. Without one they are grey.
 */
void
reel_region_list_set_color_func (ReelRegionList      *self,
                                 ReelRegionColorFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy)
{
  g_return_if_fail (REEL_IS_REGION_LIST (self));

  if (self->color_destroy != NULL)
    self->color_destroy (self->color_data);

  self->color_func = func;
  self->color_data = user_data;
  self->color_destroy = destroy;

  populate (self);
}

void
reel_region_list_focus_search (ReelRegionList *self)
{
  g_return_if_fail (REEL_IS_REGION_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
