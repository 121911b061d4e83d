/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-overview"

#include "config.h"

#include "reel-overview.h"

#include <string.h>


#include "reel-chart-types.h"
#include "reel-headlines.h"
#include "reel-widget-util.h"

/* The first screen: the dataset's title and description, then its
 * headlines (reel-headlines.c) as cards of figures, each a button that
 * opens the chart showing it, with every source in its tooltip and its
 * accessible label; the regions without a figure in one line; and a way
 * on to the charts. */

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

/* Figures side by side in a card, at most: a section has at most four. */
#define MAX_PER_LINE 4

struct _ReelOverview
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *about_box;
  GtkLabel            *about_label;
  GtkLabel            *description_label;
  GtkLabel            *missing_label;
  GtkBox              *sections_box;
  GtkLabel            *title_label;

  ReelDataset         *dataset;
  GArray              *sections;   /* of ReelHeadlineSection: the buttons point into it */
  guint                fill_source; /* while the figures wait for a first frame */
  gboolean             has_headlines; /* reel_headlines_any() of the dataset */
  ReelRegionColorFunc  color_func;
  gpointer             color_data;
  GDestroyNotify       color_destroy;
};

G_DEFINE_FINAL_TYPE (ReelOverview, reel_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

enum {
  SHOW_CHART,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
headline_clicked_cb (GtkButton    *button,
                     ReelOverview *self)
{
  const ReelHeadline *headline = g_object_get_data (G_OBJECT (button), "reel-headline");

  g_signal_emit (self, signals[SHOW_CHART], 0, headline->chart, headline->year,
                 headline->region_id);
}

/* [swatch] name
 *          value   (large)
 *          detail  (dim) */
static GtkWidget *
create_headline (ReelOverview       *self,
                 const ReelHeadline *headline)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *value = reel_plain_label_new (headline->value, "reel-headline-value");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  if (headline->region >= 0)
    {
      GtkWidget *swatch = reel_swatch_new ();
      GdkRGBA color = { 0.54, 0.54, 0.54, 1.0 };

      if (self->color_func != NULL)
        self->color_func (self->dataset, (guint) headline->region, &color, self->color_data);
      reel_swatch_set_color (swatch, &color);
      gtk_grid_attach (GTK_GRID (grid), swatch, 0, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), reel_plain_label_new (headline->name, "reel-headline-name"),
                   1, 0, 1, 1);
  if (headline->estimate)
    gtk_widget_add_css_class (value, "reel-estimate");
  gtk_grid_attach (GTK_GRID (grid), value, 1, 1, 1, 1);
  if (headline->detail != NULL)
    {
      GtkWidget *detail = reel_plain_label_new (headline->detail, "dim-label");

      gtk_widget_add_css_class (detail, "caption");
      gtk_grid_attach (GTK_GRID (grid), detail, 1, 2, 1, 1);
    }

  gtk_button_set_child (GTK_BUTTON (button), grid);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "reel-headline");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  /* Plain text: sources come from the dataset. */
  reel_widget_set_tooltip_text (button, headline->sources);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, headline->label, -1);
  g_object_set_data (G_OBJECT (button), "reel-headline", (gpointer) headline);
  g_signal_connect_object (button, "clicked", G_CALLBACK (headline_clicked_cb), self, 0);
  return button;
}

/* A card: heading, the note its figures share, then the figures. */
static GtkWidget *
create_section (ReelOverview              *self,
                const ReelHeadlineSection *section)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = reel_plain_label_new (section->heading, "caption-heading");
  GtkWidget *items;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "reel-overview-card");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "reel-section-heading");
  gtk_widget_set_margin_start (heading, 10);
  gtk_widget_set_margin_end (heading, 10);
  gtk_box_append (GTK_BOX (content), heading);
  if (section->note != NULL)
    {
      GtkWidget *note = reel_plain_label_new (section->note, "dim-label");

      /* Measured at 16 characters, not at no width (one character a line):
       * a note is a sentence or two, and GTK 4.8 lays a wrapping label's
       * text out at its minimum width; the natural width stays the text's. */
      gtk_label_set_width_chars (GTK_LABEL (note), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 1000);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_set_margin_start (note, 10);
      gtk_widget_set_margin_end (note, 10);
      gtk_box_append (GTK_BOX (content), note);
    }
  /* Side by side as the width allows, a row of figures to compare. */
  items = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (items), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (items), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (items), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (items), MAX_PER_LINE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (items), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (items), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  section->heading, -1);
  for (guint i = 0; i < section->items->len; i++)
    {
      GtkWidget *headline = create_headline (self, &g_array_index (section->items,
                                                                   ReelHeadline, i));

      gtk_flow_box_append (GTK_FLOW_BOX (items), headline);
      /* The flow box's own child takes no focus: the figure's button does. */
      gtk_widget_set_focusable (gtk_widget_get_parent (headline), FALSE);
    }
  gtk_box_append (GTK_BOX (content), items);

  gtk_widget_set_margin_start (content, 6);
  gtk_widget_set_margin_end (content, 6);
  gtk_widget_set_margin_top (content, 14);
  gtk_widget_set_margin_bottom (content, 8);
  gtk_box_append (GTK_BOX (card), content);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  section->heading, -1);
  return card;
}

static void
remove_sections (ReelOverview *self)
{
  reel_box_remove_all (self->sections_box);
  g_clear_pointer (&self->sections, g_array_unref);
}

/* The description's first paragraph leads; the rest, often the notes on
 * method, follows the figures, so that they show without scrolling. */
static const char *
get_description (ReelOverview *self)
{
  ReelText *text = reel_dataset_get_description (self->dataset);

  return text != NULL ? reel_text_get (text) : "";
}

static void
show_lede (ReelOverview *self)
{
  const char *description = get_description (self);
  const char *rest = strstr (description, "\n\n");
  g_autofree char *lede = g_strndup (description, rest != NULL ? (gsize) (rest - description)
                                                               : strlen (description));

  reel_label_set_plain_text (self->description_label, lede);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), lede[0] != '\0');
}

static void
show_notes (ReelOverview *self)
{
  const char *rest = strstr (get_description (self), "\n\n");
  g_autofree char *notes = g_strstrip (g_strdup (rest != NULL ? rest : ""));

  reel_label_set_plain_text (self->about_label, notes);
  gtk_widget_set_visible (self->about_box, notes[0] != '\0');
}

/* The figures (two charts laid out to read them) and their cards, then
 * the notes on method. */
static void
fill_sections (ReelOverview *self)
{
  g_autofree char *missing = NULL;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->dataset == NULL || self->sections != NULL)
    return;

  self->sections = reel_headlines_collect (self->dataset);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const ReelHeadlineSection *section = &g_array_index (self->sections, ReelHeadlineSection, i);

      gtk_box_append (self->sections_box, create_section (self, section));
    }

  missing = reel_headlines_dup_missing (self->dataset);
  reel_label_set_plain_text (self->missing_label, missing != NULL ? missing : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing != NULL);
  show_notes (self);
}

static gboolean
fill_sections_cb (gpointer user_data)
{
  ReelOverview *self = user_data;

  self->fill_source = 0;
  fill_sections (self);
  return G_SOURCE_REMOVE;
}

/* The title and the lede at once; the rest in an idle below the redraw's
 * priority, so after the frame that shows them: a window's first frame
 * with its dataset need not wait for two charts' text and a long text to
 * be measured (the region panels, too, follow that frame). */
static void
update (ReelOverview *self)
{
  g_clear_handle_id (&self->fill_source, g_source_remove);
  remove_sections (self);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
  gtk_widget_set_visible (self->about_box, FALSE);
  if (self->dataset == NULL)
    return;

  self->has_headlines = reel_headlines_any (self->dataset);
  reel_label_set_plain_text (self->title_label, reel_text_get (reel_dataset_get_title (self->dataset)));
  show_lede (self);
  self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_sections_cb, self, NULL);
}

static void
charts_clicked_cb (ReelOverview *self)
{
  g_signal_emit (self, signals[SHOW_CHART], 0, REEL_CHART_REVENUE, 0, NULL);
}

static void
reel_overview_dispose (GObject *object)
{
  ReelOverview *self = (ReelOverview *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_OVERVIEW);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_object (&self->dataset);
  if (self->color_destroy != NULL)
    g_clear_pointer (&self->color_data, self->color_destroy);

  G_OBJECT_CLASS (reel_overview_parent_class)->dispose (object);
}

static void
reel_overview_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReelOverview *self = REEL_OVERVIEW (object);

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
reel_overview_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReelOverview *self = REEL_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_overview_set_dataset (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_overview_class_init (ReelOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_overview_dispose;
  object_class->get_property = reel_overview_get_property;
  object_class->set_property = reel_overview_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelOverview::show-chart:
   * @self: the overview
   * @kind: the #ReelChartKind to show
   * @year: its year, or 0 to keep the one shown
   * @region_id: (nullable): the region to select; %NULL keeps the selection
   *
   * A headline, or "Explore the Charts", asks for the chart behind it.
   */
  signals[SHOW_CHART] =
    g_signal_new ("show-chart", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "reel-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, about_box);
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, about_label);
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, description_label);
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, missing_label);
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, sections_box);
  gtk_widget_class_bind_template_child (widget_class, ReelOverview, title_label);
  gtk_widget_class_bind_template_callback (widget_class, charts_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "reel-overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_overview_init (ReelOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reel_overview_new (void)
{
  return g_object_new (REEL_TYPE_OVERVIEW, NULL);
}

ReelDataset *
reel_overview_get_dataset (ReelOverview *self)
{
  g_return_val_if_fail (REEL_IS_OVERVIEW (self), NULL);

  return self->dataset;
}

void
reel_overview_set_dataset (ReelOverview *self,
                           ReelDataset  *dataset)
{
  g_return_if_fail (REEL_IS_OVERVIEW (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

/* Whether the dataset has no headline to show: the window then opens on
 * the charts instead. */
gboolean
reel_overview_is_empty (ReelOverview *self)
{
  g_return_val_if_fail (REEL_IS_OVERVIEW (self), TRUE);

  return self->dataset == NULL || !self->has_headlines;
}

void
reel_overview_set_color_func (ReelOverview        *self,
                              ReelRegionColorFunc  func,
                              gpointer             user_data,
                              GDestroyNotify       destroy)
{
  g_return_if_fail (REEL_IS_OVERVIEW (self));

  if (self->color_destroy != NULL)
    g_clear_pointer (&self->color_data, self->color_destroy);
  self->color_func = func;
  self->color_data = user_data;
  self->color_destroy = destroy;
  update (self);
}
