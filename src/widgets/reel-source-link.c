/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-source-link"

#include "config.h"

#include "reel-source-link.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-citation-label.h"
#include "reel-paragraph.h"
#include "reel-text-source.h"
#include "reel-widget-util.h"

/* A source as a link: a link button when its URL is a web link (DESIGN §3:
 * opened only for http and https), else plain text that opens nothing. A
 * dataset is untrusted, so the check is made again when the link opens. */

struct _ReelSourceLink
{
  GtkWidget  parent_instance;

  char      *label;
  char      *tail;    /* the end of the label kept whole, or NULL */
  char      *uri;
  GtkWidget *child;   /* a GtkButton, or a GtkLabel when the URI cannot open */
};

G_DEFINE_FINAL_TYPE (ReelSourceLink, reel_source_link, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TAIL,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Opening the link is the signal's to do, so that a handler may open it
 * some other way (or, in tests, see which link would open). */
static void
button_clicked_cb (ReelSourceLink *self,
                   GtkButton      *button)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[SIGNAL_ACTIVATE_LINK], 0, &handled);
}

static gboolean
reel_source_link_real_activate_link (ReelSourceLink *self)
{
  return reel_source_link_open (GTK_WIDGET (self), self->uri);
}

static GtkWidget *
create_button (ReelSourceLink *self)
{
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button, *child, *label, *icon;

  icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opens in a web browser"),
                                  -1);

  /* One line, the whole citation in the tooltip: a wrapping label beside
   * the icon makes the box ask it for its width at each height its
   * parents try, a binary search over pango layouts each time; with a
   * dozen links that was most of the panels' first layout. The publisher
   * gives way at its end and the date (the tail) stays, the icon right
   * after it; a label without a tail gives way in the middle, so that
   * both its ends stay. */
  if (self->tail != NULL)
    {
      g_autofree char *head = g_strndup (self->label, strlen (self->label) - strlen (self->tail));

      child = reel_citation_label_new (head, self->tail);
      reel_citation_label_set_end_widget (REEL_CITATION_LABEL (child), icon);
    }
  else
    {
      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      label = gtk_label_new (NULL);
      reel_label_set_plain_text (GTK_LABEL (label), self->label);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (child), label);
      gtk_box_append (GTK_BOX (child), icon);
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "link");
  gtk_widget_add_css_class (button, "reel-inline-link");
  tooltip = g_strdup_printf ("%s\n%s", self->label, self->uri);
  reel_widget_set_tooltip_text (button, tooltip);

  /* TRANSLATORS: accessible name of a source link: "Source: iChongqing, 22 Nov 2025" */
  accessible = g_strdup_printf (_("Source: %s"), self->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Opens in a web browser"),
                                  -1);

  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  return button;
}

static GtkWidget *
create_label (ReelSourceLink *self)
{
  GtkWidget *label = reel_paragraph_new (self->label, "dim-label");

  if (self->uri != NULL)
    {
      /* TRANSLATORS: tooltip of a source whose link is not a web link; %s is the link */
      g_autofree char *tooltip = g_strdup_printf (_("Not opened: only web links are (%s)"),
                                                  self->uri);

      reel_widget_set_tooltip_text (label, tooltip);
    }

  return label;
}

static void
reel_source_link_constructed (GObject *object)
{
  ReelSourceLink *self = (ReelSourceLink *)object;

  G_OBJECT_CLASS (reel_source_link_parent_class)->constructed (object);

  if (self->label == NULL)
    self->label = g_strdup (self->uri != NULL ? self->uri : "");
  if (self->tail != NULL && (self->tail[0] == '\0' || !g_str_has_suffix (self->label, self->tail) ||
                             strlen (self->tail) == strlen (self->label)))
    g_clear_pointer (&self->tail, g_free);

  if (reel_source_link_can_open (self->uri))
    self->child = create_button (self);
  else
    self->child = create_label (self);

  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

static void
reel_source_link_dispose (GObject *object)
{
  ReelSourceLink *self = (ReelSourceLink *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (reel_source_link_parent_class)->dispose (object);
}

static void
reel_source_link_finalize (GObject *object)
{
  ReelSourceLink *self = (ReelSourceLink *)object;

  g_free (self->label);
  g_free (self->tail);
  g_free (self->uri);

  G_OBJECT_CLASS (reel_source_link_parent_class)->finalize (object);
}

static void
reel_source_link_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReelSourceLink *self = REEL_SOURCE_LINK (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TAIL:
      g_value_set_string (value, self->tail);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_source_link_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReelSourceLink *self = REEL_SOURCE_LINK (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_TAIL:
      self->tail = g_value_dup_string (value);
      break;

    case PROP_URI:
      self->uri = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_source_link_class_init (ReelSourceLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = reel_source_link_constructed;
  object_class->dispose = reel_source_link_dispose;
  object_class->finalize = reel_source_link_finalize;
  object_class->get_property = reel_source_link_get_property;
  object_class->set_property = reel_source_link_set_property;

  /**
   * ReelSourceLink:label:
   *
   * The text shown, plain text.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelSourceLink:tail:
   *
   * The end of #ReelSourceLink:label kept whole when the link is too
   * narrow (the rest then ends in an ellipsis), or %NULL to ellipsize the
   * label in its middle. Ignored unless the label ends with it.
   */
  properties[PROP_TAIL] =
    g_param_spec_string ("tail", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelSourceLink:uri:
   *
   * The link as the dataset gives it; it opens only when
   * reel_source_link_can_open() says so.
   */
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelSourceLink::activate-link:
   *
   * The link was clicked. The default handler opens it in the user's web
   * browser (reel_source_link_open()); a handler that returns %TRUE stops
   * that, as GtkLinkButton::activate-link does.
   *
   * Returns: %TRUE when the link was handled
   */
  signals[SIGNAL_ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (reel_source_link_real_activate_link),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reelsourcelink");
}

static void
reel_source_link_init (ReelSourceLink *self)
{
}

GtkWidget *
reel_source_link_new (const char *label,
                      const char *uri)
{
  return g_object_new (REEL_TYPE_SOURCE_LINK,
                       "label", label,
                       "uri", uri,
                       NULL);
}

/* A source cited as "Publisher, date", linked to its URL; when it is too
 * wide, the publisher gives way and the date stays. */
GtkWidget *
reel_source_link_new_for_source (const ReelSource *source)
{
  g_autofree char *citation = NULL;
  const char *author;

  g_return_val_if_fail (source != NULL, NULL);

  citation = reel_text_dup_source_citation (source);
  author = reel_text_get_source_author (source);

  /* The tail is what the translated citation adds after the author; a
   * translation that puts the date first has none. */
  return g_object_new (REEL_TYPE_SOURCE_LINK,
                       "label", citation,
                       "tail", g_str_has_prefix (citation, author) ? citation + strlen (author) : NULL,
                       "uri", source->url,
                       NULL);
}

const char *
reel_source_link_get_label (ReelSourceLink *self)
{
  g_return_val_if_fail (REEL_IS_SOURCE_LINK (self), NULL);

  return self->label;
}

const char *
reel_source_link_get_uri (ReelSourceLink *self)
{
  g_return_val_if_fail (REEL_IS_SOURCE_LINK (self), NULL);

  return self->uri;
}

/* Whether the link is a button that opens it. */
gboolean
reel_source_link_get_can_open (ReelSourceLink *self)
{
  g_return_val_if_fail (REEL_IS_SOURCE_LINK (self), FALSE);

  return GTK_IS_BUTTON (self->child);
}

/**
 * reel_source_link_can_open:
 * @uri: (nullable): a link from a dataset
 *
 * The one decision on whether a link from a dataset may open: only web
 * links (http, https) that parse as URIs; never javascript:, file:, data:
 * or a desktop's own schemes.
 */
gboolean
reel_source_link_can_open (const char *uri)
{
  return reel_dataset_url_is_safe (uri);
}

/**
 * reel_source_link_open:
 * @parent: (nullable): a widget of the window to open the link from
 * @uri: (nullable): a link from a dataset
 *
 * Opens @uri in the user's web browser when reel_source_link_can_open()
 * allows it.
 *
 * Returns: whether the link was handed to the browser
 */
gboolean
reel_source_link_open (GtkWidget  *parent,
                       const char *uri)
{
  GtkRoot *root;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), FALSE);

  if (!reel_source_link_can_open (uri))
    {
      g_debug ("Not opening a link that is not a web link");
      return FALSE;
    }

  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}
