/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-sources-panel"

#include "config.h"

#include "reel-sources-panel.h"

#include <glib/gi18n.h>

#include "reel-paragraph.h"
#include "reel-source-link.h"
#include "reel-text-figure.h"
#include "reel-text-source.h"
#include "reel-widget-util.h"

/* Every source of the dataset (DESIGN §5): title, publisher, date, link,
 * note, and what it supports: how many figures of each kind, and for which
 * regions. */


#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

struct _ReelSourcesPanel
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *heading;
  GtkListBox  *list_box;
  GtkLabel    *summary_label;

  ReelDataset *dataset;
};

G_DEFINE_FINAL_TYPE (ReelSourcesPanel, reel_sources_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one source supports. */
typedef struct {
  guint      n_revenue;
  guint      n_growth;
  guint      n_traits;
  guint      n_notes;
  guint      n_quotes;
  guint      n_platform;
  GPtrArray *regions;     /* of const ReelRegion *, in dataset order, the world first */
} Support;

static void
add_region (Support          *support,
            const ReelRegion *region)
{
  if (!g_ptr_array_find (support->regions, region, NULL))
    g_ptr_array_add (support->regions, (gpointer) region);
}

static void
count_region (Support          *supports,
              const ReelRegion *region)
{
  for (guint i = 0; i < region->revenue->len; i++)
    {
      Support *support = &supports[g_array_index (region->revenue, ReelFigure, i).source];

      support->n_revenue++;
      add_region (support, region);
    }

  for (guint i = 0; i < region->growth->len; i++)
    {
      Support *support = &supports[g_array_index (region->growth, ReelGrowth, i).source];

      support->n_growth++;
      add_region (support, region);
    }

  if (region->audience == NULL)
    return;

  for (guint i = 0; i < region->audience->traits->len; i++)
    {
      Support *support = &supports[g_array_index (region->audience->traits, ReelTrait, i).source];

      support->n_traits++;
      add_region (support, region);
    }

  for (guint i = 0; i < region->audience->notes->len; i++)
    {
      Support *support = &supports[g_array_index (region->audience->notes, ReelNote, i).source];

      support->n_notes++;
      add_region (support, region);
    }
}

/* One Support per source, indexed as reel_dataset_get_sources(). */
static Support *
count_supports (ReelDataset *dataset)
{
  GPtrArray *sources = reel_dataset_get_sources (dataset);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  GPtrArray *experts = reel_dataset_get_experts (dataset);
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);
  Support *supports = g_new0 (Support, sources->len + 1);

  for (guint i = 0; i < sources->len; i++)
    supports[i].regions = g_ptr_array_new ();

  count_region (supports, reel_dataset_get_global (dataset));
  for (guint i = 0; i < regions->len; i++)
    count_region (supports, g_ptr_array_index (regions, i));

  for (guint i = 0; i < experts->len; i++)
    {
      const ReelExpert *expert = g_ptr_array_index (experts, i);

      for (guint j = 0; j < expert->quotes->len; j++)
        supports[g_array_index (expert->quotes, ReelQuote, j).source].n_quotes++;
    }

  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);

      for (guint j = 0; j < platform->revenue->len; j++)
        supports[g_array_index (platform->revenue, ReelFigure, j).source].n_platform++;
    }

  return supports;
}

static void
free_supports (Support *supports,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (supports[i].regions);
  g_free (supports);
}

/* Appends @part ("2 revenue figures"; freed) when it counts something. */
static void
append_count (GString *text,
              guint    n,
              char    *part)
{
  if (n > 0)
    {
      if (text->len > 0)
        /* TRANSLATORS: separates the parts of "2 revenue figures, 1 quote" */
        g_string_append (text, C_("list of counts", ", "));
      g_string_append (text, part);
    }

  g_free (part);
}

/* "3 revenue figures, 1 growth figure, 2 audience notes, 4 quotes" */
static char *
dup_support_text (const Support *support)
{
  GString *text = g_string_new (NULL);

  guint n;

  n = support->n_revenue;
  append_count (text, n, g_strdup_printf (ngettext ("%u revenue figure", "%u revenue figures", n),
                                          n));
  n = support->n_growth;
  append_count (text, n, g_strdup_printf (ngettext ("%u growth figure", "%u growth figures", n),
                                          n));
  n = support->n_platform;
  append_count (text, n, g_strdup_printf (ngettext ("%u platform figure", "%u platform figures",
                                                    n), n));
  n = support->n_traits;
  append_count (text, n, g_strdup_printf (ngettext ("%u audience share", "%u audience shares", n),
                                          n));
  n = support->n_notes;
  append_count (text, n, g_strdup_printf (ngettext ("%u audience note", "%u audience notes", n),
                                          n));
  n = support->n_quotes;
  append_count (text, n, g_strdup_printf (ngettext ("%u quote", "%u quotes", n), n));

  if (text->len == 0)
    g_string_append (text, _("Not cited by any figure, audience note or quote"));

  return g_string_free (text, FALSE);
}

/* "For World, North America, Europe", or NULL. */
static char *
dup_regions_text (const Support *support)
{
  g_autoptr(GString) names = NULL;

  if (support->regions->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < support->regions->len; i++)
    {
      const ReelRegion *region = g_ptr_array_index (support->regions, i);

      if (i > 0)
        /* TRANSLATORS: separates region names in a list */
        g_string_append (names, C_("list of region names", ", "));
      g_string_append (names, reel_text_get_region_name (region));
    }

  /* TRANSLATORS: the regions a source has figures for: "For World, North America" */
  return g_strdup_printf (_("For %s"), names->str);
}

/* The link's text: the site's host ("www.ichongqing.info"), else the URI. */
static char *
dup_link_label (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  if (parsed != NULL && g_uri_get_host (parsed) != NULL && g_uri_get_host (parsed)[0] != '\0')
    return g_strdup (g_uri_get_host (parsed));

  return g_strdup (uri);
}

static GtkWidget *
create_row (const ReelSource *source,
            const Support    *support)
{
  g_autofree char *date = reel_text_dup_published (source->published);
  g_autofree char *support_text = dup_support_text (support);
  g_autofree char *regions_text = dup_regions_text (support);
  g_autoptr(GString) byline = g_string_new (NULL);
  GtkWidget *row, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  label = reel_paragraph_new (reel_text_get (source->title), "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reel_text_get (source->title),
                                  -1);

  if (source->publisher != NULL)
    g_string_append (byline, reel_text_get (source->publisher));
  if (date != NULL)
    {
      if (byline->len > 0)
        /* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
        g_string_append (byline, C_("parts of a line", " · "));
      g_string_append (byline, date);
    }
  if (byline->len > 0)
    {
      label = reel_paragraph_new (byline->str, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (source->note != NULL)
    gtk_box_append (GTK_BOX (box), reel_paragraph_new (reel_text_get (source->note), "caption"));

  label = reel_paragraph_new (support_text, "caption");
  gtk_widget_set_margin_top (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  if (regions_text != NULL)
    {
      label = reel_paragraph_new (regions_text, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (source->url != NULL)
    {
      g_autofree char *link_label = dup_link_label (source->url);
      GtkWidget *link = reel_source_link_new (link_label, source->url);

      gtk_widget_add_css_class (link, "caption");
      gtk_widget_set_margin_top (link, 2);
      gtk_box_append (GTK_BOX (box), link);
    }

  return row;
}

static void
update (ReelSourcesPanel *self)
{
  GPtrArray *sources;
  Support *supports;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (self->dataset == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }

  sources = reel_dataset_get_sources (self->dataset);
  supports = count_supports (self->dataset);
  for (guint i = 0; i < sources->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (sources, i), &supports[i]));
  free_supports (supports, sources->len);

  summary = g_strdup_printf (ngettext ("%u source backs the figures, audiences and quotes of "
                                       "this dataset.",
                                       "%u sources back the figures, audiences and quotes of "
                                       "this dataset.",
                                       sources->len),
                             sources->len);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), sources->len > 0);
}

static void
reel_sources_panel_dispose (GObject *object)
{
  ReelSourcesPanel *self = (ReelSourcesPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_SOURCES_PANEL);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_sources_panel_parent_class)->dispose (object);
}

static void
reel_sources_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReelSourcesPanel *self = REEL_SOURCES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_sources_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ReelSourcesPanel *self = REEL_SOURCES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_sources_panel_set_dataset (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_sources_panel_class_init (ReelSourcesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_sources_panel_dispose;
  object_class->get_property = reel_sources_panel_get_property;
  object_class->set_property = reel_sources_panel_set_property;

  /**
   * ReelSourcesPanel:dataset:
   *
   * The dataset whose sources are listed.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-sources-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelSourcesPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, ReelSourcesPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, ReelSourcesPanel, summary_label);

  gtk_widget_class_set_css_name (widget_class, "reelsourcespanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_sources_panel_init (ReelSourcesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reel_sources_panel_new (void)
{
  return g_object_new (REEL_TYPE_SOURCES_PANEL, NULL);
}

ReelDataset *
reel_sources_panel_get_dataset (ReelSourcesPanel *self)
{
  g_return_val_if_fail (REEL_IS_SOURCES_PANEL (self), NULL);

  return self->dataset;
}

void
reel_sources_panel_set_dataset (ReelSourcesPanel *self,
                                ReelDataset      *dataset)
{
  g_return_if_fail (REEL_IS_SOURCES_PANEL (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}
