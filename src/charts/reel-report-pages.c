/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-report-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-format.h"
#include "reel-headlines.h"
#include "reel-quotes.h"
#include "reel-report-private.h"
#include "reel-text-figure.h"
#include "reel-text-source.h"
#include "reel-world-geometry.h"

/* What the report says, in its order (DESIGN §4): the cover, the charts,
 * a section per region and the sources. Only words and their order here;
 * reel-report.c measures and places them. The dataset's text is plain
 * text: a block is laid out with pango_layout_set_text(), and the one
 * block of markup (a headline) escapes what it quotes.
 *
 * Hostile datasets stay bounded: each text is cut at MAX_TEXT characters
 * (and at MAX_LINES lines when laid out), each list at its own count with
 * an "and N more" line, and no more than REEL_REPORT_MAX_BLOCKS blocks
 * are made. */

#define MAX_TEXT            1200  /* characters of one block */
#define MAX_FIGURES           40  /* lines of a region's figures */
#define MAX_TRAITS            16
#define MAX_NOTES              8
#define MAX_QUOTES             8  /* of a region */
#define MAX_SUPPORTED         12  /* names in one line of what a source supports */
#define INDENT              12.0  /* points: a quote's, a figure's source */

typedef struct {
  ReelDataset             *dataset;
  const ReelReportOptions *options;
  GPtrArray               *blocks;
  gboolean                 complete;
} Builder;

/* What one source supports, by kind: the names of the regions, experts
 * and platforms whose figures, audience or quotes cite it. */
typedef enum {
  SUPPORTS_FIGURES,
  SUPPORTS_GROWTH,
  SUPPORTS_AUDIENCE,
  SUPPORTS_QUOTES,
  SUPPORTS_PLATFORMS,
  N_SUPPORTS
} SupportKind;

typedef struct {
  GPtrArray *names[N_SUPPORTS];   /* of const char *, each once */
  guint      n_names[N_SUPPORTS]; /* all of them, beyond MAX_SUPPORTED too */
} Supports;

void
reel_report_block_free (gpointer data)
{
  ReelReportBlock *block = data;

  g_free (block->text);
  g_free (block->uri);
  g_free (block->section);
  g_clear_object (&block->layout);
  g_clear_object (&block->chart_layout);
  g_free (block);
}

/* @text, cut at MAX_TEXT characters. Only the first bytes are looked at:
 * a string of the dataset may be a megabyte. */
static char *
cap_text (const char *text)
{
  g_autofree char *cut = NULL;

  if (strlen (text) <= MAX_TEXT ||
      g_utf8_strlen (text, MAX_TEXT * 4 + 4) <= MAX_TEXT)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, MAX_TEXT);
  return g_strconcat (cut, "…", NULL);
}

static ReelReportBlock *
add_block (Builder         *builder,
           ReelReportStyle  style,
           char            *text)
{
  ReelReportBlock *block;

  if (builder->blocks->len >= REEL_REPORT_MAX_BLOCKS)
    {
      builder->complete = FALSE;
      g_free (text);
      return NULL;
    }

  block = g_new0 (ReelReportBlock, 1);
  block->style = style;
  block->text = text;
  g_ptr_array_add (builder->blocks, block);

  return block;
}

/* A piece of the dataset's text, or of ours, in @style. */
static ReelReportBlock *
add_text (Builder         *builder,
          ReelReportStyle  style,
          const char      *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;

  return add_block (builder, style, cap_text (text));
}

static ReelReportBlock *
add_indented (Builder         *builder,
              ReelReportStyle  style,
              const char      *text)
{
  ReelReportBlock *block = add_text (builder, style, text);

  if (block != NULL)
    block->indent = INDENT;
  return block;
}

/* @block on the page of the block after it: a line and its source. */
static void
keep_with_next (ReelReportBlock *block)
{
  if (block != NULL)
    block->keep_with_next = TRUE;
}

/* A heading that starts a section, on a page of its own when @new_page:
 * the running header names it from there, and the outline lists it. */
static void
begin_section (Builder           *builder,
               const char        *title,
               ReelReportOutline  outline,
               gboolean           new_page)
{
  ReelReportBlock *block = add_text (builder, REEL_REPORT_STYLE_SECTION, title);

  if (block == NULL)
    return;
  block->new_page = new_page;
  block->section = g_strdup (block->text);
  block->outline = outline;
}

/* ---- The cover ---- */

/* "$2.28B  Revenue · +129% on 2024", the figure in bold: the one block
 * written as markup, so each part is escaped. */
static char *
dup_headline_markup (const ReelHeadline *item)
{
  g_autofree char *value = g_markup_escape_text (item->value, -1);
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *capped = cap_text (item->name);

  name = g_markup_escape_text (capped, -1);
  if (item->detail == NULL)
    return g_strdup_printf ("<span size=\"larger\" weight=\"bold\">%s</span>  %s", value, name);

  detail = g_markup_escape_text (item->detail, -1);
  return g_strdup_printf ("<span size=\"larger\" weight=\"bold\">%s</span>  %s%s%s", value, name,
                          reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS), detail);
}

static void
add_headlines (Builder *builder)
{
  g_autoptr(GArray) sections = reel_headlines_collect (builder->dataset);

  for (guint i = 0; i < sections->len; i++)
    {
      const ReelHeadlineSection *section = &g_array_index (sections, ReelHeadlineSection, i);

      add_text (builder, REEL_REPORT_STYLE_HEADING, section->heading);
      keep_with_next (add_text (builder, REEL_REPORT_STYLE_NOTE, section->note));
      for (guint j = 0; j < section->items->len; j++)
        {
          const ReelHeadline *item = &g_array_index (section->items, ReelHeadline, j);
          ReelReportBlock *block = add_block (builder, REEL_REPORT_STYLE_VALUE,
                                              dup_headline_markup (item));

          if (block != NULL)
            block->has_markup = TRUE;
          add_indented (builder, REEL_REPORT_STYLE_NOTE, item->sources);
        }
    }
}

/* The dataset's description, a paragraph a block: the first on the cover
 * under the title, the others after the headlines. */
static void
add_description (Builder         *builder,
                 ReelReportStyle  style,
                 gboolean         first)
{
  ReelText *description = reel_dataset_get_description (builder->dataset);
  g_auto(GStrv) paragraphs = NULL;

  if (description == NULL)
    return;

  paragraphs = g_strsplit (reel_text_get (description), "\n\n", 0);
  if (first)
    {
      add_text (builder, style, paragraphs[0]);
      return;
    }
  for (guint i = 1; paragraphs[0] != NULL && paragraphs[i] != NULL; i++)
    {
      if (i == 1)
        add_text (builder, REEL_REPORT_STYLE_HEADING, _("About the data"));
      add_text (builder, style, paragraphs[i]);
    }
}

static void
add_cover (Builder *builder)
{
  g_autofree char *title = reel_report_dup_dataset_title (builder->dataset);
  const char *updated = reel_dataset_get_updated (builder->dataset);
  ReelReportBlock *block = add_text (builder, REEL_REPORT_STYLE_TITLE, title);

  if (block != NULL)
    {
      block->outline = REEL_REPORT_OUTLINE_SECTION;
      block->section = g_strdup (_("Summary"));
    }
  add_description (builder, REEL_REPORT_STYLE_LEAD, TRUE);
  if (updated != NULL)
    {
      g_autofree char *date = reel_text_dup_published (updated);

      /* TRANSLATORS: on the report's cover: "Data updated 22 Nov 2025" */
      add_block (builder, REEL_REPORT_STYLE_NOTE, g_strdup_printf (_("Data updated %s"), date));
    }

  if (reel_headlines_any (builder->dataset))
    add_headlines (builder);
  add_description (builder, REEL_REPORT_STYLE_BODY, FALSE);
}

/* ---- The charts ---- */

/* The report's year where the chart has it, else the chart's own. */
static guint
chart_year (Builder       *builder,
            ReelChartKind  kind)
{
  g_autoptr(GArray) years = NULL;

  if (kind == REEL_CHART_TREND)
    return 0;

  years = reel_chart_layout_list_years (builder->dataset, kind);
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == builder->options->year)
      return builder->options->year;

  return reel_chart_layout_get_default_year (builder->dataset, kind);
}

/* Whether the report shows @kind: a chart with no figures would be a page
 * of "no data", and the map needs the app's world map. */
static gboolean
shows_chart (Builder       *builder,
             ReelChartKind  kind)
{
  if (kind == REEL_CHART_TREND)
    return reel_chart_layout_get_default_year (builder->dataset, REEL_CHART_REVENUE) != 0;
  if (reel_chart_layout_get_default_year (builder->dataset, kind) == 0)
    return FALSE;
  if (kind == REEL_CHART_MAP)
    return reel_world_geometry_get_default (NULL) != NULL;

  return TRUE;
}

static void
add_charts (Builder *builder)
{
  gboolean first = TRUE;

  begin_section (builder, _("Charts"), REEL_REPORT_OUTLINE_SECTION, TRUE);
  for (guint kind = 0; kind < REEL_CHART_N_KINDS; kind++)
    {
      ReelReportBlock *block;

      if (!shows_chart (builder, kind))
        continue;

      block = add_block (builder, REEL_REPORT_STYLE_BODY, NULL);
      if (block == NULL)
        return;
      block->has_chart = TRUE;
      block->chart = kind;
      block->year = chart_year (builder, kind);
      block->new_page = !first;
      block->outline = REEL_REPORT_OUTLINE_ENTRY;
      first = FALSE;
    }
}

/* ---- The regions ---- */

static void
add_figures (Builder          *builder,
             const ReelRegion *region)
{
  guint n_lines = 0;

  add_text (builder, REEL_REPORT_STYLE_HEADING, _("Figures"));

  for (guint i = 0; i < region->revenue->len; i++, n_lines++)
    if (n_lines < MAX_FIGURES)
      {
        const ReelFigure *figure = &g_array_index (region->revenue, ReelFigure, i);
        g_autofree char *line = reel_text_dup_figure_line (builder->dataset, figure, TRUE);

        add_indented (builder, REEL_REPORT_STYLE_DETAIL, line);
      }
  for (guint i = 0; i < region->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);
      g_autofree char *line = NULL;

      /* Each figure once: a yearly revenue figure is in `revenue` too. */
      if (reel_measure_is_yearly_revenue (measure) || n_lines++ >= MAX_FIGURES)
        continue;
      line = reel_text_dup_measure_line (builder->dataset, measure);
      add_indented (builder, REEL_REPORT_STYLE_DETAIL, line);
    }
  for (guint g = 0; g < 2; g++)
    {
      GArray *growths = g == 0 ? region->growth : region->period_growth;

      for (guint i = 0; i < growths->len; i++, n_lines++)
        if (n_lines < MAX_FIGURES)
          {
            g_autofree char *line = reel_text_dup_growth_line (builder->dataset,
                                                               &g_array_index (growths, ReelGrowth, i));

            add_indented (builder, REEL_REPORT_STYLE_DETAIL, line);
          }
    }

  if (n_lines == 0)
    add_text (builder, REEL_REPORT_STYLE_NOTE, _("No figures for this region"));
  if (n_lines > MAX_FIGURES)
    {
      guint n_more = n_lines - MAX_FIGURES;

      add_block (builder, REEL_REPORT_STYLE_NOTE,
                 g_strdup_printf (ngettext ("And %u more figure", "And %u more figures", n_more), n_more));
    }
}

/* "Antom (Ant International), 2025 · estimate" */
static char *
dup_citation (Builder         *builder,
              guint            source_index,
              ReelFigureFlags  flags)
{
  const ReelSource *source = reel_dataset_get_source (builder->dataset, source_index);
  g_autofree char *citation = source != NULL ? reel_text_dup_source_citation (source) : g_strdup ("");
  g_autofree char *qualities = reel_text_dup_figure_flags (flags & REEL_FIGURE_ESTIMATE);

  if (qualities == NULL || qualities[0] == '\0')
    return g_steal_pointer (&citation);

  return g_strconcat (citation, reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS), qualities, NULL);
}

static void
add_audience (Builder            *builder,
              const ReelAudience *audience)
{
  add_text (builder, REEL_REPORT_STYLE_HEADING, _("Audience"));
  if (audience == NULL ||
      ((audience->summary == NULL || reel_text_get (audience->summary)[0] == '\0') &&
       audience->traits->len == 0 && audience->notes->len == 0))
    {
      add_text (builder, REEL_REPORT_STYLE_NOTE, _("The dataset says nothing of this audience"));
      return;
    }

  if (audience->summary != NULL)
    add_text (builder, REEL_REPORT_STYLE_BODY, reel_text_get (audience->summary));

  for (guint i = 0; i < MIN (audience->traits->len, MAX_TRAITS); i++)
    {
      const ReelTrait *trait = &g_array_index (audience->traits, ReelTrait, i);
      g_autofree char *share = reel_format_share (trait->share, NULL);
      g_autofree char *qualified = reel_text_dup_qualified_words (trait->qualifier, share);
      g_autofree char *label = cap_text (reel_text_get (trait->label));
      g_autofree char *citation = dup_citation (builder, trait->source, trait->flags);

      /* TRANSLATORS: an audience trait in the report: "Women: at least 60%" */
      keep_with_next (add_block (builder, REEL_REPORT_STYLE_BODY,
                                 g_strdup_printf (_("%s: %s"), label, qualified)));
      add_indented (builder, REEL_REPORT_STYLE_NOTE, citation);
    }
  if (audience->traits->len > MAX_TRAITS)
    {
      guint n_more = audience->traits->len - MAX_TRAITS;

      add_block (builder, REEL_REPORT_STYLE_NOTE,
                 g_strdup_printf (ngettext ("And %u more trait", "And %u more traits", n_more), n_more));
    }

  for (guint i = 0; i < MIN (audience->notes->len, MAX_NOTES); i++)
    {
      const ReelNote *note = &g_array_index (audience->notes, ReelNote, i);
      g_autofree char *citation = dup_citation (builder, note->source, 0);

      keep_with_next (add_text (builder, REEL_REPORT_STYLE_BODY, reel_text_get (note->text)));
      add_indented (builder, REEL_REPORT_STYLE_NOTE, citation);
    }
  if (audience->notes->len > MAX_NOTES)
    {
      guint n_more = audience->notes->len - MAX_NOTES;

      add_block (builder, REEL_REPORT_STYLE_NOTE,
                 g_strdup_printf (ngettext ("And %u more note", "And %u more notes", n_more), n_more));
    }
}

/* The speaker once for each group of their quotes: "Name", then "role,
 * organisation". */
static void
add_speaker (Builder          *builder,
             const ReelExpert *expert)
{
  g_autofree char *credentials = reel_text_dup_expert_credentials (expert);

  add_text (builder, REEL_REPORT_STYLE_SUBHEADING, reel_text_get (expert->name));
  keep_with_next (add_text (builder, REEL_REPORT_STYLE_NOTE, credentials));
}

static void
add_quotes (Builder          *builder,
            const ReelRegion *region)
{
  guint n_quotes;
  g_autoptr(GArray) quotes = reel_quotes_collect (builder->dataset, region->id, MAX_QUOTES, &n_quotes);
  const ReelExpert *previous = NULL;

  add_text (builder, REEL_REPORT_STYLE_HEADING, _("Commentary"));
  if (n_quotes == 0)
    add_text (builder, REEL_REPORT_STYLE_NOTE, _("No commentary on this region"));

  for (guint i = 0; i < quotes->len; i++)
    {
      const ReelQuoteRef *ref = &g_array_index (quotes, ReelQuoteRef, i);
      g_autofree char *text = cap_text (reel_text_get (ref->quote->text));
      g_autofree char *citation = dup_citation (builder, ref->quote->source, 0);

      if (ref->expert != previous)
        add_speaker (builder, ref->expert);
      previous = ref->expert;
      /* TRANSLATORS: a quote in the report, in the language's quotation marks */
      add_block (builder, REEL_REPORT_STYLE_QUOTE, g_strdup_printf (_("“%s”"), text));
      add_indented (builder, REEL_REPORT_STYLE_NOTE, citation);
    }
  if (n_quotes > quotes->len)
    {
      guint n_more = n_quotes - quotes->len;

      add_block (builder, REEL_REPORT_STYLE_NOTE,
                 g_strdup_printf (ngettext ("And %u more quote", "And %u more quotes", n_more), n_more));
    }
}

static void
add_region (Builder          *builder,
            const ReelRegion *region,
            gboolean          new_page)
{
  begin_section (builder, reel_text_get_region_name (region), REEL_REPORT_OUTLINE_ENTRY, new_page);
  add_figures (builder, region);
  add_audience (builder, region->audience);
  add_quotes (builder, region);
}

static void
add_regions (Builder *builder)
{
  GPtrArray *regions = reel_dataset_get_regions (builder->dataset);

  begin_section (builder, _("Regions"), REEL_REPORT_OUTLINE_SECTION, TRUE);
  add_region (builder, reel_dataset_get_global (builder->dataset), FALSE);
  for (guint i = 0; i < regions->len && builder->complete; i++)
    add_region (builder, g_ptr_array_index (regions, i), TRUE);
}

/* ---- The sources ---- */

static void
supports_add (Supports    *supports,
              guint        n_sources,
              guint        source,
              SupportKind  kind,
              const char  *name)
{
  Supports *entry;

  if (source >= n_sources)
    return;

  entry = &supports[source];
  if (entry->names[kind] == NULL)
    entry->names[kind] = g_ptr_array_new ();
  /* The names come place by place: the last one is the only one to check. */
  if (entry->names[kind]->len > 0 &&
      g_ptr_array_index (entry->names[kind], entry->names[kind]->len - 1) == name)
    return;
  if (entry->names[kind]->len < MAX_SUPPORTED)
    g_ptr_array_add (entry->names[kind], (gpointer) name);
  entry->n_names[kind]++;
}

static void
supports_add_region (Supports         *supports,
                     guint             n_sources,
                     const ReelRegion *region)
{
  const char *name = reel_text_get_region_name (region);

  for (guint i = 0; i < region->revenue->len; i++)
    supports_add (supports, n_sources, g_array_index (region->revenue, ReelFigure, i).source,
                  SUPPORTS_FIGURES, name);
  for (guint i = 0; i < region->measures->len; i++)
    {
      const ReelMeasure *measure = &g_array_index (region->measures, ReelMeasure, i);

      supports_add (supports, n_sources, measure->source, SUPPORTS_FIGURES, name);
      for (guint j = 0; measure->derived != NULL && j < measure->derived->inputs->len; j++)
        supports_add (supports, n_sources,
                      g_array_index (measure->derived->inputs, ReelDerivedInput, j).source,
                      SUPPORTS_FIGURES, name);
    }
  for (guint i = 0; i < region->growth->len; i++)
    supports_add (supports, n_sources, g_array_index (region->growth, ReelGrowth, i).source,
                  SUPPORTS_GROWTH, name);
  for (guint i = 0; i < region->period_growth->len; i++)
    supports_add (supports, n_sources, g_array_index (region->period_growth, ReelGrowth, i).source,
                  SUPPORTS_GROWTH, name);
  if (region->audience == NULL)
    return;
  for (guint i = 0; i < region->audience->traits->len; i++)
    supports_add (supports, n_sources, g_array_index (region->audience->traits, ReelTrait, i).source,
                  SUPPORTS_AUDIENCE, name);
  for (guint i = 0; i < region->audience->notes->len; i++)
    supports_add (supports, n_sources, g_array_index (region->audience->notes, ReelNote, i).source,
                  SUPPORTS_AUDIENCE, name);
}

/* Which figures, audiences, quotes and platforms cite each source. */
static Supports *
collect_supports (ReelDataset *dataset,
                  guint        n_sources)
{
  Supports *supports = g_new0 (Supports, n_sources);
  GPtrArray *regions = reel_dataset_get_regions (dataset);
  GPtrArray *experts = reel_dataset_get_experts (dataset);
  GPtrArray *platforms = reel_dataset_get_platforms (dataset);

  supports_add_region (supports, n_sources, reel_dataset_get_global (dataset));
  for (guint i = 0; i < regions->len; i++)
    supports_add_region (supports, n_sources, g_ptr_array_index (regions, i));
  for (guint i = 0; i < experts->len; i++)
    {
      const ReelExpert *expert = g_ptr_array_index (experts, i);

      for (guint j = 0; j < expert->quotes->len; j++)
        supports_add (supports, n_sources, g_array_index (expert->quotes, ReelQuote, j).source,
                      SUPPORTS_QUOTES, reel_text_get (expert->name));
    }
  for (guint i = 0; i < platforms->len; i++)
    {
      const ReelPlatform *platform = g_ptr_array_index (platforms, i);

      for (guint j = 0; j < platform->revenue->len; j++)
        supports_add (supports, n_sources, g_array_index (platform->revenue, ReelFigure, j).source,
                      SUPPORTS_PLATFORMS, reel_text_get (platform->name));
      for (guint j = 0; j < platform->measures->len; j++)
        supports_add (supports, n_sources, g_array_index (platform->measures, ReelMeasure, j).source,
                      SUPPORTS_PLATFORMS, reel_text_get (platform->name));
    }

  return supports;
}

static void
supports_free (Supports *supports,
               guint     n_sources)
{
  for (guint i = 0; i < n_sources; i++)
    for (guint kind = 0; kind < N_SUPPORTS; kind++)
      g_clear_pointer (&supports[i].names[kind], g_ptr_array_unref);
  g_free (supports);
}

/* "Figures of: World, North America", one line of dup_supports_text(). */
static char *
dup_supports_line (SupportKind  kind,
                   const char  *names)
{
  switch (kind)
    {
    case SUPPORTS_FIGURES:
      /* TRANSLATORS: what a source supports, in the report: "Figures of: World, Europe" */
      return g_strdup_printf (_("Figures of: %s"), names);
    case SUPPORTS_GROWTH:
      /* TRANSLATORS: "Growth of: Europe, Latin America" */
      return g_strdup_printf (_("Growth of: %s"), names);
    case SUPPORTS_AUDIENCE:
      /* TRANSLATORS: "Audience of: North America" */
      return g_strdup_printf (_("Audience of: %s"), names);
    case SUPPORTS_QUOTES:
      /* TRANSLATORS: "Quotes of: Jane Doe" (the speakers) */
      return g_strdup_printf (_("Quotes of: %s"), names);
    case SUPPORTS_PLATFORMS:
    case N_SUPPORTS:
    default:
      /* TRANSLATORS: "Platforms: ReelShort, DramaBox" */
      return g_strdup_printf (_("Platforms: %s"), names);
    }
}

/* What a source supports, one line a kind. */
static char *
dup_supports_text (const Supports *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint kind = 0; kind < N_SUPPORTS; kind++)
    {
      g_autofree char *names = NULL;
      g_autofree char *line = NULL;

      if (entry->names[kind] == NULL)
        continue;
      names = reel_text_join (entry->names[kind], REEL_TEXT_SEPARATOR_NAMES);
      line = dup_supports_line (kind, names);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
      if (entry->n_names[kind] > entry->names[kind]->len)
        g_string_append (text, C_("a list cut short", ", …"));
    }
  if (text->len == 0)
    return g_strdup (_("No figure in this dataset cites it"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A source, kept on one page: its title, citation, note, what it
 * supports and its link. */
static void
add_source (Builder          *builder,
            const ReelSource *source,
            const Supports   *entry)
{
  g_autofree char *citation = reel_text_dup_source_citation (source);
  g_autofree char *supported = dup_supports_text (entry);
  guint first = builder->blocks->len;
  ReelReportBlock *block;

  add_text (builder, REEL_REPORT_STYLE_SUBHEADING, reel_text_get (source->title));
  add_text (builder, REEL_REPORT_STYLE_NOTE, citation);
  if (source->note != NULL)
    add_text (builder, REEL_REPORT_STYLE_NOTE, reel_text_get (source->note));
  add_indented (builder, REEL_REPORT_STYLE_DETAIL, supported);
  if (source->url != NULL)
    {
      block = add_text (builder, REEL_REPORT_STYLE_LINK, source->url);
      /* Only the web's schemes are links (DESIGN §3); others stay text. */
      if (block != NULL && reel_dataset_url_is_safe (source->url))
        block->uri = g_strdup (source->url);
    }

  for (guint i = first; i + 1 < builder->blocks->len; i++)
    keep_with_next (g_ptr_array_index (builder->blocks, i));
}

static void
add_sources (Builder *builder)
{
  GPtrArray *sources = reel_dataset_get_sources (builder->dataset);
  Supports *supports = collect_supports (builder->dataset, sources->len);

  begin_section (builder, _("Sources"), REEL_REPORT_OUTLINE_SECTION, TRUE);
  for (guint i = 0; i < sources->len && builder->complete; i++)
    add_source (builder, g_ptr_array_index (sources, i), &supports[i]);

  supports_free (supports, sources->len);
}

/**
 * reel_report_build_blocks:
 * @dataset: the dataset
 * @options: the report's year and selection
 * @complete: (out): FALSE when the report has more than
 *   REEL_REPORT_MAX_BLOCKS blocks and was cut short
 *
 * Returns: (transfer full): the report's blocks, of ReelReportBlock
 */
GPtrArray *
reel_report_build_blocks (ReelDataset             *dataset,
                          const ReelReportOptions *options,
                          gboolean                *complete)
{
  Builder builder = {
    .dataset = dataset,
    .options = options,
    .blocks = g_ptr_array_new_with_free_func (reel_report_block_free),
    .complete = TRUE,
  };

  add_cover (&builder);
  add_charts (&builder);
  add_regions (&builder);
  add_sources (&builder);

  *complete = builder.complete;
  return builder.blocks;
}
