/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-platform-panel"

#include "config.h"

#include "reel-platform-panel.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-commentary-panel.h"
#include "reel-format.h"
#include "reel-paragraph.h"
#include "reel-source-link.h"
#include "reel-text-figure.h"
#include "reel-widget-util.h"

/* The app selected on the Platforms chart, in the right pane where the
 * region's panels are otherwise: its name, company and launch; its
 * figures by metric, latest first, each with its source and marks; the
 * markets the data names for it (`countries`); and the experts' quotes
 * that name it. Everything from the dataset is plain text. Closing it
 * (platform.close) clears the platform, and the window shows the region's
 * panels again. */

#define RESOURCE_PATH "/io/github/reelscope/Reelscope/ui/"

struct _ReelPlatformPanel
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkBox      *figures_box;
  GtkLabel    *markets_label;
  GtkBox      *quotes_box;
  GtkLabel    *quotes_empty_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *title_label;

  ReelDataset *dataset;
  char        *platform;
};

G_DEFINE_FINAL_TYPE (ReelPlatformPanel, reel_platform_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_PLATFORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_metric_heading (ReelMetric metric)
{
  switch (metric)
    {
    case REEL_METRIC_DOWNLOADS:
      return C_("map metric", "Downloads");
    case REEL_METRIC_MONTHLY_ACTIVE_USERS:
      return C_("map metric", "Monthly active users");
    case REEL_METRIC_REVENUE_SHARE:
      return C_("map metric", "Share of revenue");
    case REEL_METRIC_DOWNLOAD_SHARE:
      return C_("platform metric", "Share of downloads");
    case REEL_METRIC_REVENUE_PER_DOWNLOAD:
      return C_("platform metric", "Revenue per download");
    case REEL_METRIC_REVENUE:
    default:
      return C_("map metric", "Revenue");
    }
}

static const ReelPlatform *
find_platform (ReelPlatformPanel *self)
{
  GPtrArray *platforms;

  if (self->dataset == NULL || self->platform == NULL)
    return NULL;
  platforms = reel_dataset_get_platforms (self->dataset);
  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);

      if (g_strcmp0 (platform->id, self->platform) == 0)
        return platform;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Figures */

/* What a row of the figures says: "2025: $1.2B", then what was
 * measured, where when not worldwide, and the marks, and the source's
 * link (or for a derived figure how it was derived). */
typedef struct {
  char       *value;
  const char *basis;          /* nullable */
  char       *place;          /* nullable */
  char       *flags;          /* "" for none */
  guint       source;         /* G_MAXUINT for a derived figure */
  char       *derivation;     /* nullable */
} Row;

static void
row_clear (Row *row)
{
  g_free (row->value);
  g_free (row->place);
  g_free (row->flags);
  g_free (row->derivation);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static GtkWidget *
create_figure_row (ReelPlatformPanel *self,
                   const Row         *row)
{
  const ReelSource *source = row->source != G_MAXUINT
                               ? reel_dataset_get_source (self->dataset, row->source) : NULL;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *detail = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_box_append (GTK_BOX (box), reel_paragraph_new (row->value, "heading"));
  if (row->basis != NULL)
    g_ptr_array_add (details, g_strdup (row->basis));
  if (row->place != NULL)
    /* TRANSLATORS: an app's figure that covers one region or country: "in Southeast Asia" */
    g_ptr_array_add (details, g_strdup_printf (_("in %s"), row->place));
  if (row->flags[0] != '\0')
    g_ptr_array_add (details, g_strdup (row->flags));
  if (row->derivation != NULL)
    g_ptr_array_add (details, g_strdup (row->derivation));
  if (details->len > 0)
    {
      detail = reel_text_join (details, REEL_TEXT_SEPARATOR_PARTS);
      label = reel_paragraph_new (detail, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (source != NULL)
    {
      GtkWidget *link = reel_source_link_new_for_source (source);

      gtk_widget_add_css_class (link, "caption");
      gtk_box_append (GTK_BOX (box), link);
    }
  return box;
}

static int
compare_years_latest_first (gconstpointer a,
                            gconstpointer b)
{
  const ReelFigure *figure_a = *(const ReelFigure * const *) a;
  const ReelFigure *figure_b = *(const ReelFigure * const *) b;

  return (int) figure_b->year - (int) figure_a->year;
}

static int
compare_latest_first (gconstpointer a,
                      gconstpointer b)
{
  const ReelMeasure *measure_a = *(const ReelMeasure * const *) a;
  const ReelMeasure *measure_b = *(const ReelMeasure * const *) b;

  if (measure_a->period.last != measure_b->period.last)
    return measure_a->period.last > measure_b->period.last ? -1 : 1;
  return (int) measure_b->period.first - (int) measure_a->period.first;
}

/* The place of a platform's figure for part of the world, or NULL. */
static char *
dup_place (ReelPlatformPanel *self,
           const ReelMeasure *measure)
{
  if (measure->country != NULL)
    return g_strdup (reel_text_get_country_name (measure->country));
  if (measure->region != NULL)
    return reel_dup_region_name (self->dataset, measure->region);
  return NULL;
}

static GtkWidget *
create_figure (ReelPlatformPanel *self,
               const ReelFigure  *figure)
{
  g_autofree char *money = reel_format_money_compact (figure->value,
                                                      reel_dataset_get_currency (self->dataset),
                                                      NULL);
  g_autofree char *value = reel_text_dup_qualified_sign (figure->qualifier, money);
  g_auto(Row) row = {
    .value = g_strdup_printf ("%u: %s", figure->year, value),
    .basis = figure->basis,
    .flags = reel_text_dup_figure_flags (figure->flags & ~REEL_FIGURE_PRIMARY),
    .source = figure->source,
  };

  return create_figure_row (self, &row);
}

static GtkWidget *
create_measure (ReelPlatformPanel *self,
                const ReelMeasure *measure)
{
  g_autofree char *period = reel_text_dup_period (&measure->period, FALSE);
  g_autofree char *value = reel_text_dup_measure_value (self->dataset, measure);
  /* Which figure a chart shows is the chart's to say */
  ReelFigureFlags flags = (measure->flags & ~REEL_FIGURE_PRIMARY) |
                          (measure->derived != NULL ? REEL_FIGURE_ESTIMATE : 0);
  g_auto(Row) row = {
    .value = g_strdup_printf ("%s: %s", period, value),
    .basis = measure->basis,
    .place = dup_place (self, measure),
    .flags = reel_text_dup_figure_flags (flags),
    .source = measure->derived != NULL ? G_MAXUINT : measure->source,
  };

  if (measure->derived != NULL)
    row.derivation = reel_text_dup_derivation (self->dataset, measure->derived);
  return create_figure_row (self, &row);
}

/* The figures of @metric: whole years' revenue first (the `revenue`
 * list, where the dataset puts them), latest first, then the others
 * latest first; returns how many. */
static guint
append_metric (ReelPlatformPanel  *self,
               const ReelPlatform *platform,
               ReelMetric          metric)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autoptr(GPtrArray) measures = g_ptr_array_new ();
  guint n_rows = 0;
  GtkWidget *heading = reel_paragraph_new (get_metric_heading (metric), "heading");

  gtk_box_append (self->figures_box, heading);
  for (guint i = 0; metric == REEL_METRIC_REVENUE && i < platform->revenue->len; i++)
    g_ptr_array_add (figures, &g_array_index (platform->revenue, ReelFigure, i));
  g_ptr_array_sort (figures, compare_years_latest_first);
  for (guint i = 0; i < figures->len; i++, n_rows++)
    {
      gtk_box_append (self->figures_box, create_figure (self, g_ptr_array_index (figures, i)));
    }

  for (guint i = 0; platform->measures != NULL && i < platform->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (platform->measures, ReelMeasure, i);

      if (measure->metric == metric && !reel_measure_is_yearly_revenue (measure))
        g_ptr_array_add (measures, (gpointer) measure);
    }
  g_ptr_array_sort (measures, compare_latest_first);
  for (guint i = 0; i < measures->len; i++, n_rows++)
    {
      gtk_box_append (self->figures_box, create_measure (self, g_ptr_array_index (measures, i)));
    }

  if (n_rows == 0)
    gtk_box_remove (self->figures_box, heading);
  return n_rows;
}

static void
show_figures (ReelPlatformPanel  *self,
              const ReelPlatform *platform)
{
  guint n_rows = 0;

  reel_box_remove_all (self->figures_box);
  /* In the order of the format's table: revenue, downloads, users, … */
  for (ReelMetric metric = REEL_METRIC_REVENUE;
       platform != NULL && metric <= REEL_METRIC_REVENUE_PER_DOWNLOAD; metric++)
    n_rows += append_metric (self, platform, metric);
  if (platform != NULL && n_rows == 0)
    gtk_box_append (self->figures_box,
                    reel_paragraph_new (_("No figures for this app"), "dim-label"));
}

/* ------------------------------------------------------------------ */
/* Markets and quotes */

static void
show_markets (ReelPlatformPanel  *self,
              const ReelPlatform *platform)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; platform != NULL && platform->countries != NULL &&
                    platform->countries[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) reel_text_get_country_name (platform->countries[i]));

  if (names->len > 0)
    text = reel_text_join (names, REEL_TEXT_SEPARATOR_NAMES);
  else if (platform != NULL)
    /* TRANSLATORS: an app's markets when the dataset names none; %s is the app */
    text = g_strdup_printf (_("The data names no markets for %s"), reel_text_get (platform->name));
  reel_label_set_plain_text (self->markets_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->markets_label), "dim-label");
  if (names->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->markets_label), "dim-label");
}

/* Whether @text names @name as a word of its own, case aside: "ReelShort"
 * in "ReelShort's revenue", not "Short" in "ReelShort". */
static gboolean
names (const char *text,
       const char *name)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_name = g_utf8_casefold (name, -1);
  gsize length = strlen (folded_name);

  if (length == 0)
    return FALSE;
  for (const char *found = strstr (folded_text, folded_name); found != NULL;
       found = strstr (found + 1, folded_name))
    {
      gboolean starts = found == folded_text ||
                        !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found)));
      gboolean ends = found[length] == '\0' || !g_unichar_isalnum (g_utf8_get_char (found + length));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static gboolean
quote_names (const ReelQuote *quote,
             const char      *name)
{
  if (names (reel_text_get (quote->text), name))
    return TRUE;
  for (guint i = 0; quote->topics != NULL && quote->topics[i] != NULL; i++)
    if (names (quote->topics[i], name))
      return TRUE;
  return FALSE;
}

/* The quotes whose text or topics name the app. */
static void
show_quotes (ReelPlatformPanel  *self,
             const ReelPlatform *platform)
{
  GPtrArray *experts = self->dataset != NULL ? reel_dataset_get_experts (self->dataset) : NULL;
  const char *name = platform != NULL ? reel_text_get (platform->name) : NULL;
  g_autofree char *empty = NULL;
  guint n_quotes = 0;

  reel_box_remove_all (self->quotes_box);
  for (guint i = 0; name != NULL && i < experts->len; i++)
    {
      const ReelExpert *expert = g_ptr_array_index (experts, i);

      for (guint j = 0; j < expert->quotes->len; j++)
        {
          const ReelQuote *quote = &g_array_index (expert->quotes, ReelQuote, j);

          if (!quote_names (quote, name))
            continue;
          gtk_box_append (self->quotes_box,
                          reel_commentary_quote_new (self->dataset, expert, quote, n_quotes > 0));
          n_quotes++;
        }
    }

  if (name != NULL)
    /* TRANSLATORS: the platform panel's commentary without a quote that names the app */
    empty = g_strdup_printf (_("No quotes mention %s"), name);
  reel_label_set_plain_text (self->quotes_empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n_quotes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_empty_label), n_quotes == 0);
}

/* "Crazy Maple Studio · launched 2022", or NULL when the data says neither. */
static char *
dup_subtitle (const ReelPlatform *platform)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (platform->company != NULL)
    g_ptr_array_add (parts, g_strdup (reel_text_get (platform->company)));
  if (platform->launched != 0)
    /* TRANSLATORS: when an app was launched, under its name: "launched 2022" */
    g_ptr_array_add (parts, g_strdup_printf (_("launched %u"), platform->launched));
  if (parts->len == 0)
    return NULL;
  return reel_text_join (parts, REEL_TEXT_SEPARATOR_PARTS);
}

static void
update (ReelPlatformPanel *self)
{
  const ReelPlatform *platform = find_platform (self);
  g_autofree char *subtitle = platform != NULL ? dup_subtitle (platform) : NULL;

  reel_label_set_plain_text (self->title_label,
                             platform != NULL ? reel_text_get (platform->name) : NULL);
  reel_label_set_plain_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  show_figures (self, platform);
  show_markets (self, platform);
  show_quotes (self, platform);
}

/* ------------------------------------------------------------------ */
/* GObject */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  reel_platform_panel_set_platform (REEL_PLATFORM_PANEL (widget), NULL);
}

static void
reel_platform_panel_dispose (GObject *object)
{
  ReelPlatformPanel *self = (ReelPlatformPanel *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_PLATFORM_PANEL);
  /* The grid the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (reel_platform_panel_parent_class)->dispose (object);
}

static void
reel_platform_panel_finalize (GObject *object)
{
  ReelPlatformPanel *self = (ReelPlatformPanel *)object;

  g_free (self->platform);

  G_OBJECT_CLASS (reel_platform_panel_parent_class)->finalize (object);
}

static void
reel_platform_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReelPlatformPanel *self = REEL_PLATFORM_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_platform_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ReelPlatformPanel *self = REEL_PLATFORM_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      reel_platform_panel_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_PLATFORM:
      reel_platform_panel_set_platform (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_platform_panel_class_init (ReelPlatformPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_platform_panel_dispose;
  object_class->finalize = reel_platform_panel_finalize;
  object_class->get_property = reel_platform_panel_get_property;
  object_class->set_property = reel_platform_panel_set_property;

  /**
   * ReelPlatformPanel:dataset:
   *
   * The dataset whose platform is shown.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         REEL_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelPlatformPanel:platform:
   *
   * The id of the platform shown, %NULL for none (closed).
   */
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "platform.close", NULL, close_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "reel-platform-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, figures_box);
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, markets_label);
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, quotes_empty_label);
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ReelPlatformPanel, title_label);

  gtk_widget_class_set_css_name (widget_class, "reelplatformpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
reel_platform_panel_init (ReelPlatformPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
reel_platform_panel_new (void)
{
  return g_object_new (REEL_TYPE_PLATFORM_PANEL, NULL);
}

ReelDataset *
reel_platform_panel_get_dataset (ReelPlatformPanel *self)
{
  g_return_val_if_fail (REEL_IS_PLATFORM_PANEL (self), NULL);

  return self->dataset;
}

void
reel_platform_panel_set_dataset (ReelPlatformPanel *self,
                                 ReelDataset       *dataset)
{
  g_return_if_fail (REEL_IS_PLATFORM_PANEL (self));
  g_return_if_fail (dataset == NULL || REEL_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

const char *
reel_platform_panel_get_platform (ReelPlatformPanel *self)
{
  g_return_val_if_fail (REEL_IS_PLATFORM_PANEL (self), NULL);

  return self->platform;
}

void
reel_platform_panel_set_platform (ReelPlatformPanel *self,
                                  const char        *platform_id)
{
  g_return_if_fail (REEL_IS_PLATFORM_PANEL (self));

  if (g_strcmp0 (self->platform, platform_id) == 0)
    return;

  g_free (self->platform);
  self->platform = g_strdup (platform_id);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
}
