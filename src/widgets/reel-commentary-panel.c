/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-commentary-panel"

#include "config.h"

#include "reel-commentary-panel.h"

#include <glib/gi18n.h>

#include "reel-paragraph.h"
#include "reel-quotes.h"
#include "reel-source-link.h"
#include "reel-text-source.h"
#include "reel-widget-util.h"

/* The expert commentary of the selected region (DESIGN §5): the quotes
 * that speak of it first (their `regions` name it), then the general ones
 * (no `regions`); for the world, the general quotes first, then every
 * other. The quotes shown are grouped by expert, in the order of each
 * expert's first quote: the speaker, role and organisation once, then
 * each quote with the regions it speaks of, topics and a link to its
 * source. */

#define QUOTE_RULE_KEY     "reel-quote-rule"
#define QUOTE_SPEAKER_KEY  "reel-quote-speaker"

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

/* Quotes shown before "Show N More Quotes": the region's own come first,
 * and a dozen quotes of wrapping text would be most of the window's first
 * layout. */
#define N_QUOTES_SHOWN 3

/* Blocks kept, shown or not: a few regions' worth; past it, the hidden
 * ones go. */
#define MAX_BLOCKS_KEPT 48

/* A quote's line height, a third over the font's: set here, not in the
 * style sheet, whose line-height reaches a GtkLabel's lines only. */
#define QUOTE_LINE_HEIGHT 1.35

struct _ReelCommentaryPanel
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *empty_label;
  GtkLabel    *heading;
  GtkButton   *more_button;
  GtkBox      *quotes_box;

  ReelDataset *dataset;
  char        *region;
  gboolean     show_all;  /* the reader asked for every quote */

  /* The block of each quote made, by its ReelQuote: those shown, in
   * order, and up to MAX_BLOCKS_KEPT more hidden. Another region moves the
   * blocks of the quotes it shows too (the general ones, a quote on several
   * regions) into their new place, and coming back to a region shows its
   * blocks again: GTK keeps the sizes of their wrapping labels, which
   * making and measuring again was most of the frame after a click on a
   * region. */
  GHashTable  *blocks;
  GHashTable  *shown;   /* the blocks shown */
};

G_DEFINE_FINAL_TYPE (ReelCommentaryPanel, reel_commentary_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_pill (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "reel-pill");

  return label;
}

/* "On North America, Sub-Saharan Africa" or "General". */
static char *
dup_scope_text (ReelDataset     *dataset,
                const ReelQuote *quote)
{
  g_autoptr(GString) names = NULL;

  if (quote->regions == NULL || quote->regions[0] == NULL)
    return g_strdup (C_("quote scope", "General"));

  names = g_string_new (NULL);
  for (guint i = 0; quote->regions[i] != NULL; i++)
    {
      g_autofree char *name = reel_dup_region_name (dataset, quote->regions[i]);

      if (i > 0)
        /* TRANSLATORS: separates region names in a list */
        g_string_append (names, C_("list of region names", ", "));
      g_string_append (names, name);
    }

  /* TRANSLATORS: the regions a quote speaks of: "On North America, Sub-Saharan Africa" */
  return g_strdup_printf (C_("quote scope", "On %s"), names->str);
}

/* The speaker of a quote: name, then role and organisation. */
static GtkWidget *
create_speaker (const ReelExpert *expert)
{
  g_autofree char *credentials = reel_text_dup_expert_credentials (expert);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), reel_paragraph_new (reel_text_get (expert->name), "heading"));

  if (credentials[0] != '\0')
    {
      label = reel_paragraph_new (credentials, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

/**
 * reel_commentary_quote_new:
 * @with_rule: whether a rule shows above it, apart from the quote before
 *
 * A quote's block: its speaker, the quote, the regions it speaks of, its
 * topics and a link to its source; the commentary's, and the platform
 * panel's. In the commentary its rule and its speaker show only where it
 * begins its expert's group (see show_quotes()).
 */
GtkWidget *
reel_commentary_quote_new (ReelDataset      *dataset,
                           const ReelExpert *expert,
                           const ReelQuote  *quote,
                           gboolean          with_rule)
{
  const ReelSource *source = reel_dataset_get_source (dataset, quote->source);
  g_autofree char *text = NULL;
  g_autofree char *scope = dup_scope_text (dataset, quote);
  GtkWidget *box, *label, *separator, *speaker, *link = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "reel-quote-block");

  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_margin_bottom (separator, 10);
  gtk_widget_set_visible (separator, with_rule);
  gtk_box_append (GTK_BOX (box), separator);
  g_object_set_data (G_OBJECT (box), QUOTE_RULE_KEY, separator);

  speaker = create_speaker (expert);
  gtk_box_append (GTK_BOX (box), speaker);
  g_object_set_data (G_OBJECT (box), QUOTE_SPEAKER_KEY, speaker);

  /* TRANSLATORS: a quote as the commentary shows it, in your language's quotation marks */
  text = g_strdup_printf (C_("quotation", "“%s”"), reel_text_get (quote->text));
  label = reel_paragraph_new (text, "reel-quote");
  reel_paragraph_set_line_height (REEL_PARAGRAPH (label), QUOTE_LINE_HEIGHT);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  label = reel_paragraph_new (scope, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "reel-quote-scope");
  gtk_box_append (GTK_BOX (box), label);

  if (quote->topics != NULL && quote->topics[0] != NULL)
    {
      GtkWidget *topics = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (topics), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (topics), FALSE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (topics), 8);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (topics), 6);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (topics), 6);
      gtk_widget_set_halign (topics, GTK_ALIGN_START);
      gtk_widget_set_margin_top (topics, 2);
      gtk_accessible_update_property (GTK_ACCESSIBLE (topics),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics"),
                                      -1);
      for (guint i = 0; quote->topics[i] != NULL; i++)
        {
          GtkFlowBoxChild *child;

          gtk_flow_box_append (GTK_FLOW_BOX (topics), create_pill (quote->topics[i]));
          child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (topics), i);
          gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
        }
      gtk_box_append (GTK_BOX (box), topics);
    }

  if (source != NULL)
    {
      link = reel_source_link_new_for_source (source);
      gtk_widget_add_css_class (link, "caption");
      gtk_widget_set_margin_top (link, 2);
      gtk_box_append (GTK_BOX (box), link);
    }

  return box;
}

/* Past MAX_BLOCKS_KEPT, the hidden blocks go. */
static void
forget_hidden_blocks (ReelCommentaryPanel *self)
{
  GHashTableIter iter;
  GtkWidget *block;

  if (g_hash_table_size (self->blocks) <= MAX_BLOCKS_KEPT)
    return;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &block))
    if (!g_hash_table_contains (self->shown, block))
      {
        gtk_box_remove (self->quotes_box, block);
        g_hash_table_iter_remove (&iter);
      }
}

/* Shows the blocks of @shown in its order, made where none is kept, and
 * hides those of the quotes not in @shown. */
static void
show_quotes (ReelCommentaryPanel *self,
             GArray              *shown)
{
  g_autoptr(GHashTable) was_shown = g_steal_pointer (&self->shown);
  GHashTableIter iter;
  GtkWidget *previous = NULL, *block;
  const ReelExpert *previous_expert = NULL;

  self->shown = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < shown->len; i++)
    {
      const ReelQuoteRef *ref = &g_array_index (shown, ReelQuoteRef, i);
      gboolean starts_group = ref->expert != previous_expert;

      block = g_hash_table_lookup (self->blocks, ref->quote);
      if (block != NULL)
        gtk_box_reorder_child_after (self->quotes_box, block, previous);
      else
        {
          block = reel_commentary_quote_new (self->dataset, ref->expert, ref->quote, TRUE);
          gtk_box_insert_child_after (self->quotes_box, block, previous);
          g_hash_table_insert (self->blocks, (gpointer) ref->quote, block);
        }
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (block), QUOTE_RULE_KEY),
                              previous != NULL && starts_group);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (block), QUOTE_SPEAKER_KEY), starts_group);
      gtk_widget_set_visible (block, TRUE);
      g_hash_table_add (self->shown, block);
      previous = block;
      previous_expert = ref->expert;
    }

  g_hash_table_iter_init (&iter, was_shown);
  while (g_hash_table_iter_next (&iter, (gpointer *) &block, NULL))
    if (!g_hash_table_contains (self->shown, block))
      gtk_widget_set_visible (block, FALSE);

  forget_hidden_blocks (self);
}

static void
update (ReelCommentaryPanel *self)
{
  guint limit = self->show_all ? G_MAXUINT : N_QUOTES_SHOWN;
  g_autoptr(GArray) shown = NULL;
  guint n_quotes = 0, n_shown;

  if (self->dataset != NULL)
    shown = reel_quotes_collect (self->dataset, self->region, limit, &n_quotes);
  else
    shown = g_array_new (FALSE, FALSE, sizeof (ReelQuoteRef));
  show_quotes (self, shown);
  n_shown = MIN (n_quotes, limit);

  if (n_quotes > n_shown)
    {
      guint n_more = n_quotes - n_shown;
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Quote",
                                                          "Show %u More Quotes", n_more),
                                                n_more);

      gtk_button_set_label (self->more_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), n_quotes > n_shown);

  gtk_label_set_text (self->empty_label,
                      self->region == NULL ? _("No commentary in this dataset")
                                           : _("No commentary on this region"));
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n_shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_shown == 0);
}

static void
more_clicked_cb (ReelCommentaryPanel *self,
                 GtkButton           *button)
{
  g_autoptr(GHashTable) shown_before = g_hash_table_ref (self->shown);
  GtkWidget *block;

  self->show_all = TRUE;
  update (self);

  /* Focus would otherwise fall back to the window when the button hides:
   * it goes to the first quote added, which the grouping by expert may
   * have put among those shown before. */
  for (block = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
       block != NULL;
       block = gtk_widget_get_next_sibling (block))
    if (gtk_widget_get_visible (block) && !g_hash_table_contains (shown_before, block))
      {
        gtk_widget_child_focus (block, GTK_DIR_TAB_FORWARD);
        break;
      }
}

static void
reel_commentary_panel_dispose (GObject *object)
{
  ReelCommentaryPanel *self = (ReelCommentaryPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_COMMENTARY_PANEL);
  /* The children the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_commentary_panel_parent_class)->dispose (object);
}

static void
reel_commentary_panel_finalize (GObject *object)
{
  ReelCommentaryPanel *self = (ReelCommentaryPanel *)object;

  g_free (self->region);
  g_hash_table_unref (self->blocks);
  g_hash_table_unref (self->shown);

  G_OBJECT_CLASS (reel_commentary_panel_parent_class)->finalize (object);
}

static void
reel_commentary_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ReelCommentaryPanel *self = REEL_COMMENTARY_PANEL (object);

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
reel_commentary_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ReelCommentaryPanel *self = REEL_COMMENTARY_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_commentary_panel_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_REGION:
      reel_commentary_panel_set_region (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_commentary_panel_class_init (ReelCommentaryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_commentary_panel_dispose;
  object_class->finalize = reel_commentary_panel_finalize;
  object_class->get_property = reel_commentary_panel_get_property;
  object_class->set_property = reel_commentary_panel_set_property;

  /**
   * ReelCommentaryPanel:dataset:
   *
   * The dataset whose experts are quoted.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelCommentaryPanel:region:
   *
   * The id of the region whose quotes come first, %NULL for the world.
   */
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-commentary-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelCommentaryPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ReelCommentaryPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, ReelCommentaryPanel, more_button);
  gtk_widget_class_bind_template_child (widget_class, ReelCommentaryPanel, quotes_box);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "reelcommentarypanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_commentary_panel_init (ReelCommentaryPanel *self)
{
  self->blocks = g_hash_table_new (NULL, NULL);
  self->shown = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
reel_commentary_panel_new (void)
{
  return g_object_new (REEL_TYPE_COMMENTARY_PANEL, NULL);
}

ReelDataset *
reel_commentary_panel_get_dataset (ReelCommentaryPanel *self)
{
  g_return_val_if_fail (REEL_IS_COMMENTARY_PANEL (self), NULL);

  return self->dataset;
}

void
reel_commentary_panel_set_dataset (ReelCommentaryPanel *self,
                                   ReelDataset         *dataset)
{
  g_return_if_fail (REEL_IS_COMMENTARY_PANEL (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  /* Another dataset's quotes may sit where the old ones were. */
  reel_box_remove_all (self->quotes_box);
  g_hash_table_remove_all (self->blocks);
  g_hash_table_remove_all (self->shown);
  self->show_all = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const char *
reel_commentary_panel_get_region (ReelCommentaryPanel *self)
{
  g_return_val_if_fail (REEL_IS_COMMENTARY_PANEL (self), NULL);

  return self->region;
}

/**
 * reel_commentary_panel_prepare_region:
 * @region_id: (nullable): a region's id, %NULL for the world
 *
 * Makes the blocks of the quotes @region_id shows first, hidden, for when
 * it is picked (as many as the panel keeps), their text laid out at the
 * panel's width: the window calls it for each region while nothing else
 * happens.
 */
void
reel_commentary_panel_prepare_region (ReelCommentaryPanel *self,
                                      const char          *region_id)
{
  g_autoptr(GArray) shown = NULL;
  guint n_quotes = 0;

  g_return_if_fail (REEL_IS_COMMENTARY_PANEL (self));

  if (self->dataset == NULL)
    return;

  shown = reel_quotes_collect (self->dataset, region_id, N_QUOTES_SHOWN, &n_quotes);
  for (guint i = 0; i < shown->len && g_hash_table_size (self->blocks) < MAX_BLOCKS_KEPT; i++)
    {
      const ReelQuoteRef *ref = &g_array_index (shown, ReelQuoteRef, i);
      GtkWidget *block;

      if (g_hash_table_contains (self->blocks, ref->quote))
        continue;
      block = reel_commentary_quote_new (self->dataset, ref->expert, ref->quote, TRUE);
      gtk_widget_set_visible (block, FALSE);
      gtk_box_append (self->quotes_box, block);
      g_hash_table_insert (self->blocks, (gpointer) ref->quote, block);
      reel_widget_prepare_paragraphs (block, gtk_widget_get_width (GTK_WIDGET (self->quotes_box)));
    }
}

void
reel_commentary_panel_set_region (ReelCommentaryPanel *self,
                                  const char          *region_id)
{
  g_return_if_fail (REEL_IS_COMMENTARY_PANEL (self));

  if (g_strcmp0 (self->region, region_id) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region_id);

  self->show_all = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}
