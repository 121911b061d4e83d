/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-audience-panel"

#include "config.h"

#include "reel-audience-panel.h"

#include <glib/gi18n.h>

#include "reel-paragraph.h"
#include "reel-source-link.h"
#include "reel-text-source.h"
#include "reel-widget-util.h"

/* The audience card of the selected region or of the world (DESIGN §5):
 * its summary, its traits as labelled share bars with their qualifier
 * ("at least 60%"), and notes with their sources. When the dataset says
 * nothing of the audience, the card says so. */

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

typedef struct {
  GtkWidget *summary;
  GtkWidget *traits;
  GtkWidget *notes;
} RegionPage;

struct _ReelAudiencePanel
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *empty_label;
  GtkLabel    *heading;
  GtkButton   *more_notes_button;
  GtkBox      *notes_box;
  GtkStack    *stack;
  GtkBox      *summary_box;
  GtkBox      *traits_box;

  ReelDataset *dataset;
  char        *region;

  /* The rows of each region shown so far, by region id ("" for the
   * world): its summary in summary_box, a box of traits in traits_box and
   * a box of notes in notes_box, only the region's own visible. Coming
   * back to a region shows the rows made for it before, their labels
   * measured already (a summary's wrapping alone takes a millisecond),
   * instead of making them again on the frame after the click. */
  GHashTable  *pages;
  RegionPage  *page;    /* the region's, in pages; or NULL */
};

G_DEFINE_FINAL_TYPE (ReelAudiencePanel, reel_audience_panel, GTK_TYPE_WIDGET)

/* Notes shown before "Show N More Notes": the card stays short enough for
 * the commentary below it to show. */
#define N_NOTES_SHOWN 3

enum {
  PROP_0,
  PROP_DATASET,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ReelRegion *
get_region (ReelAudiencePanel *self)
{
  if (self->dataset == NULL)
    return NULL;
  if (self->region == NULL)
    return reel_dataset_get_global (self->dataset);

  return reel_dataset_find_region (self->dataset, self->region);
}

static gboolean
audience_is_empty (const ReelAudience *audience)
{
  if (audience == NULL)
    return TRUE;

  return (audience->summary == NULL || reel_text_get (audience->summary)[0] == '\0') &&
         audience->traits->len == 0 &&
         audience->notes->len == 0;
}

/* "Antom (Ant International), 2025 · estimate"; the note is the tooltip. */
static char *
dup_trait_caption (ReelAudiencePanel *self,
                   const ReelTrait   *trait)
{
  const ReelSource *source = reel_dataset_get_source (self->dataset, trait->source);
  g_autofree char *citation = source != NULL ? reel_text_dup_source_citation (source) : NULL;
  GString *caption = g_string_new (citation);

  if ((trait->flags & REEL_FIGURE_ESTIMATE) != 0)
    {
      if (caption->len > 0)
        /* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
        g_string_append (caption, C_("parts of a line", " · "));
      g_string_append (caption, C_("audience trait", "estimate"));
    }
  return g_string_free (caption, FALSE);
}

/* A trait: label … share, a bar, and where it comes from. */
static GtkWidget *
create_trait (ReelAudiencePanel *self,
              const ReelTrait   *trait)
{
  const char *label_text = reel_text_get (trait->label);
  g_autofree char *share = reel_dup_qualified_share (trait->qualifier, trait->share);
  g_autofree char *caption = dup_trait_caption (self, trait);
  g_autofree char *accessible = NULL;
  GtkWidget *box, *line, *label, *bar;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "reel-trait");

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), line);

  /* One line, ellipsized (the bar's accessible name has it whole): a
   * wrapping label beside the share would be asked for its width at each
   * height the panel tries, a pango layout each time. */
  label = gtk_label_new (NULL);
  reel_label_set_plain_text (GTK_LABEL (label), label_text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);

  label = gtk_label_new (NULL);
  reel_label_set_plain_text (GTK_LABEL (label), share);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (line), label);

  bar = gtk_level_bar_new_for_interval (0.0, 1.0);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (trait->share, 0.0, 1.0));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (bar, "reel-share-bar");
  if (trait->qualifier == REEL_QUALIFIER_AT_LEAST)
    gtk_widget_add_css_class (bar, "reel-at-least");
  /* TRANSLATORS: accessible name of an audience share bar: "Men: at least 60%" */
  accessible = g_strdup_printf (_("%s: %s"), label_text, share);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, share,
                                  -1);
  if (caption[0] != '\0' || trait->note != NULL)
    {
      g_autofree char *description = NULL;

      if (trait->note == NULL)
        description = g_strdup (caption);
      else if (caption[0] == '\0')
        description = g_strdup (reel_text_get (trait->note));
      else
        description = g_strdup_printf ("%s. %s", caption, reel_text_get (trait->note));
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_box_append (GTK_BOX (box), bar);

  if (caption[0] != '\0')
    {
      label = reel_paragraph_new (caption, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  /* How the share was measured, on hover: the card stays short. */
  if (trait->note != NULL)
    reel_widget_set_tooltip_text (box, reel_text_get (trait->note));

  return box;
}

/* A note: its text, then its source. */
static GtkWidget *
create_note (ReelAudiencePanel *self,
             const ReelNote    *note)
{
  const ReelSource *source = reel_dataset_get_source (self->dataset, note->source);
  GtkWidget *box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (box, "reel-note");
  gtk_box_append (GTK_BOX (box), reel_paragraph_new (reel_text_get (note->text), NULL));
  if (source != NULL)
    {
      GtkWidget *link = reel_source_link_new_for_source (source);

      gtk_widget_add_css_class (link, "caption");
      gtk_box_append (GTK_BOX (box), link);
    }

  return box;
}

/* The boxes of the region's rows, hidden until it shows. */
static RegionPage *
make_region_page (ReelAudiencePanel  *self,
                  const ReelAudience *audience)
{
  RegionPage *page = g_new0 (RegionPage, 1);
  const char *summary = audience->summary != NULL ? reel_text_get (audience->summary) : "";

  page->summary = reel_paragraph_new (summary, "heading");
  gtk_widget_add_css_class (page->summary, "reel-audience-summary");
  gtk_box_append (self->summary_box, page->summary);

  page->traits = gtk_box_new (GTK_ORIENTATION_VERTICAL, gtk_box_get_spacing (self->traits_box));
  for (guint i = 0; i < audience->traits->len; i++)
    gtk_box_append (GTK_BOX (page->traits),
                    create_trait (self, &g_array_index (audience->traits, ReelTrait, i)));
  gtk_box_append (self->traits_box, page->traits);

  page->notes = gtk_box_new (GTK_ORIENTATION_VERTICAL, gtk_box_get_spacing (self->notes_box));
  for (guint i = 0; i < audience->notes->len; i++)
    gtk_box_append (GTK_BOX (page->notes),
                    create_note (self, &g_array_index (audience->notes, ReelNote, i)));
  gtk_box_append (self->notes_box, page->notes);

  gtk_widget_set_visible (page->summary, FALSE);
  gtk_widget_set_visible (page->traits, FALSE);
  gtk_widget_set_visible (page->notes, FALSE);
  return page;
}

/* Forgets the rows made for another dataset. */
static void
clear_region_pages (ReelAudiencePanel *self)
{
  self->page = NULL;
  g_hash_table_remove_all (self->pages);
  reel_box_remove_all (self->summary_box);
  reel_box_remove_all (self->traits_box);
  reel_box_remove_all (self->notes_box);
}

static void
show_region_page (ReelAudiencePanel  *self,
                  const ReelAudience *audience)
{
  const char *key = self->region != NULL ? self->region : "";
  RegionPage *page = g_hash_table_lookup (self->pages, key);
  guint i = 0;

  if (self->page != NULL && self->page != page)
    {
      gtk_widget_set_visible (self->page->summary, FALSE);
      gtk_widget_set_visible (self->page->traits, FALSE);
      gtk_widget_set_visible (self->page->notes, FALSE);
    }
  if (page == NULL)
    {
      page = make_region_page (self, audience);
      g_hash_table_insert (self->pages, g_strdup (key), page);
    }
  self->page = page;

  gtk_widget_set_visible (page->summary, TRUE);
  gtk_widget_set_visible (page->traits, TRUE);
  gtk_widget_set_visible (page->notes, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_box),
                          reel_paragraph_get_text (REEL_PARAGRAPH (page->summary))[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->traits_box), audience->traits->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), audience->notes->len > 0);
  /* The first notes again, as on its first showing. */
  for (GtkWidget *note = gtk_widget_get_first_child (page->notes);
       note != NULL;
       note = gtk_widget_get_next_sibling (note), i++)
    gtk_widget_set_visible (note, i < N_NOTES_SHOWN);
}

static void
hide_region_page (ReelAudiencePanel *self)
{
  if (self->page == NULL)
    return;

  gtk_widget_set_visible (self->page->summary, FALSE);
  gtk_widget_set_visible (self->page->traits, FALSE);
  gtk_widget_set_visible (self->page->notes, FALSE);
  self->page = NULL;
}

static void
update (ReelAudiencePanel *self)
{
  const ReelRegion *region = get_region (self);
  const ReelAudience *audience = region != NULL ? region->audience : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_notes_button), FALSE);

  if (audience_is_empty (audience))
    {
      hide_region_page (self);
      gtk_label_set_text (self->empty_label,
                          self->region == NULL ? _("No audience data for the world")
                                               : _("No audience data for this region"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_region_page (self, audience);

  if (audience->notes->len > N_NOTES_SHOWN)
    {
      guint n_more = audience->notes->len - N_NOTES_SHOWN;
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Note",
                                                          "Show %u More Notes", n_more),
                                                n_more);

      gtk_button_set_label (self->more_notes_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_notes_button),
                          audience->notes->len > N_NOTES_SHOWN);

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
more_notes_clicked_cb (ReelAudiencePanel *self,
                       GtkButton         *button)
{
  g_return_if_fail (self->page != NULL);

  for (GtkWidget *note = gtk_widget_get_first_child (self->page->notes);
       note != NULL;
       note = gtk_widget_get_next_sibling (note))
    gtk_widget_set_visible (note, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
}

static void
reel_audience_panel_dispose (GObject *object)
{
  ReelAudiencePanel *self = (ReelAudiencePanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_AUDIENCE_PANEL);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_audience_panel_parent_class)->dispose (object);
}

static void
reel_audience_panel_finalize (GObject *object)
{
  ReelAudiencePanel *self = (ReelAudiencePanel *)object;

  g_free (self->region);
  g_hash_table_unref (self->pages);

  G_OBJECT_CLASS (reel_audience_panel_parent_class)->finalize (object);
}

static void
reel_audience_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReelAudiencePanel *self = REEL_AUDIENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_audience_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReelAudiencePanel *self = REEL_AUDIENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_audience_panel_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_REGION:
      reel_audience_panel_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_audience_panel_class_init (ReelAudiencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_audience_panel_dispose;
  object_class->finalize = reel_audience_panel_finalize;
  object_class->get_property = reel_audience_panel_get_property;
  object_class->set_property = reel_audience_panel_set_property;

  /**
   * ReelAudiencePanel:dataset:
   *
   * The dataset whose audience data is shown.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelAudiencePanel:region:
   *
   * The id of the region shown, %NULL for the world.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-audience-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, heading);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, more_notes_button);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, notes_box);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, summary_box);
  gtk_widget_class_bind_template_child (widget_class, ReelAudiencePanel, traits_box);
  gtk_widget_class_bind_template_callback (widget_class, more_notes_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "reelaudiencepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_audience_panel_init (ReelAudiencePanel *self)
{
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
reel_audience_panel_new (void)
{
  return g_object_new (REEL_TYPE_AUDIENCE_PANEL, NULL);
}

ReelDataset *
reel_audience_panel_get_dataset (ReelAudiencePanel *self)
{
  g_return_val_if_fail (REEL_IS_AUDIENCE_PANEL (self), NULL);

  return self->dataset;
}

void
reel_audience_panel_set_dataset (ReelAudiencePanel *self,
                                 ReelDataset       *dataset)
{
  g_return_if_fail (REEL_IS_AUDIENCE_PANEL (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  clear_region_pages (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const char *
reel_audience_panel_get_region (ReelAudiencePanel *self)
{
  g_return_val_if_fail (REEL_IS_AUDIENCE_PANEL (self), NULL);

  return self->region;
}

/**
 * reel_audience_panel_prepare_region:
 * @region_id: (nullable): a region's id, %NULL for the world
 *
 * Makes the rows of @region_id's audience, hidden, for when it is picked,
 * their text laid out at the panel's width: the window calls it for each
 * region while nothing else happens, so that even the first click on a
 * region makes no widgets and lays out no text.
 */
void
reel_audience_panel_prepare_region (ReelAudiencePanel *self,
                                    const char        *region_id)
{
  const ReelRegion *region;
  RegionPage *page;

  g_return_if_fail (REEL_IS_AUDIENCE_PANEL (self));

  if (self->dataset == NULL)
    return;
  region = region_id != NULL ? reel_dataset_find_region (self->dataset, region_id)
                             : reel_dataset_get_global (self->dataset);
  if (region == NULL || audience_is_empty (region->audience) ||
      g_hash_table_contains (self->pages, region_id != NULL ? region_id : ""))
    return;

  page = make_region_page (self, region->audience);
  g_hash_table_insert (self->pages, g_strdup (region_id != NULL ? region_id : ""), page);
  reel_widget_prepare_paragraphs (page->summary, gtk_widget_get_width (GTK_WIDGET (self->summary_box)));
  reel_widget_prepare_paragraphs (page->traits, gtk_widget_get_width (GTK_WIDGET (self->traits_box)));
  reel_widget_prepare_paragraphs (page->notes, gtk_widget_get_width (GTK_WIDGET (self->notes_box)));
}

void
reel_audience_panel_set_region (ReelAudiencePanel *self,
                                const char        *region_id)
{
  g_return_if_fail (REEL_IS_AUDIENCE_PANEL (self));

  if (g_strcmp0 (self->region, region_id) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region_id);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}
