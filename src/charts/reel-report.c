/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-report"

#include "config.h"

#include "reel-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <string.h>

#include "reel-chart-export.h"
#include "reel-chart-render.h"
#include "reel-report-private.h"

/* Pages in points (1/72 inch). The margins suit A4 and US Letter alike:
 * printers keep about 12 points clear at each edge, and the running header
 * and the page number sit between that and the text. */
#define MARGIN_TOP         64.0
#define MARGIN_BOTTOM      60.0
#define MARGIN_SIDE        56.0
#define HEADER_Y           30.0   /* top of the running header */
#define FOOTER_GAP         30.0   /* from the bottom edge to the page number's baseline */
#define COVER_DROP          0.10  /* of the page's height: the cover's title sits lower */
#define MAX_LINES          24     /* of one block of text */

/* Charts are laid out at this width in their own pixels and scaled onto
 * the page: their type (14 px labels) prints at about 9 points. */
#define CHART_WIDTH       760.0
#define CHART_ASPECT        0.8   /* height per width */

typedef enum {
  INK_FOREGROUND,
  INK_DIM,
} Ink;

typedef struct {
  double      size;           /* points */
  PangoWeight weight;
  PangoStyle  style;
  double      space_before;   /* points, unless first on its page */
  Ink         ink;
  gboolean    keep_with_next;
} StyleInfo;

static const StyleInfo styles[REEL_REPORT_N_STYLES] = {
  [REEL_REPORT_STYLE_TITLE]      = { 26.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL,  0.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_LEAD]       = { 12.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 10.0, INK_DIM,        FALSE },
  [REEL_REPORT_STYLE_SECTION]    = { 18.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 22.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_HEADING]    = { 12.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL, 16.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_SUBHEADING] = { 10.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL,  9.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_VALUE]      = { 10.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,  7.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_BODY]       = {  9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,  3.0, INK_FOREGROUND, FALSE },
  [REEL_REPORT_STYLE_DETAIL]     = {  8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,  2.0, INK_FOREGROUND, FALSE },
  [REEL_REPORT_STYLE_QUOTE]      = {  9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC,  5.0, INK_FOREGROUND, TRUE },
  [REEL_REPORT_STYLE_NOTE]       = {  8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,  2.0, INK_DIM,        FALSE },
  [REEL_REPORT_STYLE_LINK]       = {  8.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,  1.0, INK_FOREGROUND, FALSE },
};

typedef struct {
  guint       first_block;
  guint       n_blocks;
  const char *section;        /* the running header; NULL on the cover */
} Page;

struct _ReelReport
{
  GObject            parent_instance;

  ReelDataset       *dataset;
  guint              year;
  char             **selection;
  ReelReportPaper    paper;
  ReelChartTheme    *theme;
  char              *title;

  /* From reel_report_paginate(). */
  PangoContext      *context;
  GPtrArray         *blocks;  /* of ReelReportBlock */
  GArray            *pages;   /* of Page */
  double             page_width;
  double             page_height;
};

G_DEFINE_FINAL_TYPE (ReelReport, reel_report, G_TYPE_OBJECT)

/* ---- Paper ---- */

/* Where the C library says nothing, the territory of the locale: the
 * countries that use US Letter (those of CLDR's paperSize "US-Letter"). */
static ReelReportPaper
paper_from_territory (void)
{
  static const char *const letter_territories[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "PA", "PR", "SV", "VE", "BZ", NULL
  };
  const char *names[] = { g_getenv ("LC_ALL"), g_getenv ("LC_PAPER"), g_getenv ("LANG") };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *underscore;

      if (names[i] == NULL || names[i][0] == '\0')
        continue;
      underscore = strchr (names[i], '_');
      if (underscore == NULL)
        return REEL_REPORT_PAPER_A4;
      for (guint j = 0; letter_territories[j] != NULL; j++)
        if (strncmp (underscore + 1, letter_territories[j], 2) == 0)
          return REEL_REPORT_PAPER_LETTER;
      return REEL_REPORT_PAPER_A4;
    }

  return REEL_REPORT_PAPER_A4;
}

/**
 * reel_report_paper_from_locale:
 *
 * The paper of the user's locale: LC_PAPER's width where the C library
 * knows it (glibc: 216 mm is US Letter), else the locale's territory.
 */
ReelReportPaper
reel_report_paper_from_locale (void)
{
#ifdef __GLIBC__
  int width_mm = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

  if (width_mm == 216)
    return REEL_REPORT_PAPER_LETTER;
  if (width_mm == 210)
    return REEL_REPORT_PAPER_A4;
#endif

  return paper_from_territory ();
}

void
reel_report_paper_get_size (ReelReportPaper  paper,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  *width = paper == REEL_REPORT_PAPER_LETTER ? REEL_REPORT_LETTER_WIDTH : REEL_REPORT_A4_WIDTH;
  *height = paper == REEL_REPORT_PAPER_LETTER ? REEL_REPORT_LETTER_HEIGHT : REEL_REPORT_A4_HEIGHT;
}

void
reel_report_options_init (ReelReportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (ReelReportOptions) {
    .year = 0,
    .selection = NULL,
    .paper = reel_report_paper_from_locale (),
  };
}

/**
 * reel_report_dup_dataset_title:
 *
 * What the report is called: the dataset's title, else its file's name.
 */
char *
reel_report_dup_dataset_title (ReelDataset *dataset)
{
  ReelText *title = reel_dataset_get_title (dataset);
  GFile *file = reel_dataset_get_file (dataset);
  g_autofree char *name = NULL;

  if (title != NULL && reel_text_get (title)[0] != '\0')
    name = g_strdup (reel_text_get (title));
  else if (file != NULL)
    name = g_file_get_basename (file);
  else
    name = g_strdup (_("Untitled dataset"));

  /* A title is a label: at most REEL_DATASET_MAX_LABEL characters. */
  if (g_utf8_strlen (name, -1) > 200)
    {
      g_autofree char *cut = g_utf8_substring (name, 0, 200);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&name);
}

/* ---- Measuring ---- */

static PangoFontDescription *
make_font (ReelReport      *self,
           ReelReportStyle  style)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, self->theme->font_family);
  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].style);

  return font;
}

/* A layout of @text in @style, wrapped at @width points. */
static PangoLayout *
make_layout (ReelReport      *self,
             ReelReportStyle  style,
             const char      *text,
             gboolean         is_markup,
             double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = make_font (self, style);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -MAX_LINES);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (is_markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  if (style == REEL_REPORT_STYLE_LINK)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
content_width (ReelReport *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

/* A chart, laid out at CHART_WIDTH and scaled to the text's width. Its
 * title, labels and source line are text in the PDF as on screen. */
static void
measure_chart (ReelReport      *self,
               ReelReportBlock *block)
{
  block->chart_layout = reel_chart_layout_new (self->dataset, block->chart, block->year,
                                               (const char * const *) self->selection, self->theme,
                                               CHART_WIDTH, CHART_WIDTH * CHART_ASPECT, 1.0);
  block->chart_scale = content_width (self) / CHART_WIDTH;
  block->height = CHART_WIDTH * CHART_ASPECT * block->chart_scale;
}

static void
measure (ReelReport      *self,
         ReelReportBlock *block)
{
  if (block->layout != NULL || block->chart_layout != NULL)
    return;

  if (block->has_chart)
    {
      measure_chart (self, block);
      return;
    }

  block->layout = make_layout (self, block->style, block->text, block->has_markup,
                               content_width (self) - block->indent);
  block->height = layout_height (block->layout);
}

/* ---- Pagination ---- */

static void
clear_pagination (ReelReport *self)
{
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->context);
}

static gboolean
too_many_pages (GError **error)
{
  g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_SIZE,
               ngettext ("The report would be longer than %u page: the dataset has too much to print",
                         "The report would be longer than %u pages: the dataset has too much to print",
                         REEL_REPORT_MAX_PAGES),
               REEL_REPORT_MAX_PAGES);
  return FALSE;
}

static gboolean
keeps_with_next (const ReelReportBlock *block)
{
  return block->keep_with_next || (styles[block->style].keep_with_next && !block->has_chart);
}

/* How much room @block needs where it follows other blocks: the blocks
 * kept with it (a heading, a source's lines) go along whole, and the
 * first lines of what follows them (a heading never ends a page). */
static double
room_needed (ReelReport *self,
             guint       index,
             double      space)
{
  ReelReportBlock *block = g_ptr_array_index (self->blocks, index);
  double room = space + block->height;

  for (guint i = index; keeps_with_next (block) && i + 1 < self->blocks->len; i++)
    {
      ReelReportBlock *next = g_ptr_array_index (self->blocks, i + 1);

      if (next->new_page)
        break;
      measure (self, next);
      room += styles[next->style].space_before;
      room += keeps_with_next (next) ? next->height : MIN (next->height, 3 * styles[next->style].size);
      block = next;
    }

  return room;
}

static gboolean
place_blocks (ReelReport  *self,
              GError     **error)
{
  double top = MARGIN_TOP, bottom = self->page_height - MARGIN_BOTTOM;
  double y = top;
  Page page = { 0 };
  const char *section = NULL;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      ReelReportBlock *block = g_ptr_array_index (self->blocks, i);
      gboolean first_on_page = page.n_blocks == 0;
      double space = first_on_page ? 0 : styles[block->style].space_before;

      measure (self, block);
      if (!first_on_page && (block->new_page || y + room_needed (self, i, space) > bottom))
        {
          g_array_append_val (self->pages, page);
          if (self->pages->len >= REEL_REPORT_MAX_PAGES)
            return too_many_pages (error);
          page = (Page) { .first_block = i, .n_blocks = 0 };
          y = top;
          space = 0;
        }
      if (block->section != NULL)
        section = block->section;
      if (page.n_blocks == 0)
        page.section = self->pages->len == 0 ? NULL : section;
      if (block->style == REEL_REPORT_STYLE_TITLE && self->pages->len == 0)
        space = self->page_height * COVER_DROP;

      block->page = self->pages->len;
      block->y = y + space;
      y = block->y + block->height;
      page.n_blocks++;
    }
  if (page.n_blocks > 0)
    g_array_append_val (self->pages, page);

  return TRUE;
}

/**
 * reel_report_paginate:
 * @self: the report
 * @page_width: in points
 * @page_height: in points
 * @context: the Pango context to measure text with, at 72 dots per inch
 *   (reel_report_create_pdf_context(), or a print context's)
 * @error: a REEL_CHART_ERROR when the report would be too long
 *
 * Lays the report out for pages of this size. The report keeps @context
 * and draws with it: draw on the thread that paginated.
 */
gboolean
reel_report_paginate (ReelReport    *self,
                      double         page_width,
                      double         page_height,
                      PangoContext  *context,
                      GError       **error)
{
  ReelReportOptions options = { .year = 0 };
  gboolean complete;

  g_return_val_if_fail (REEL_IS_REPORT (self), FALSE);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_pagination (self);
  /* Too small a page would fit no chart and no line of text. */
  self->page_width = MAX (page_width, 4 * MARGIN_SIDE);
  self->page_height = MAX (page_height, 2 * (MARGIN_TOP + MARGIN_BOTTOM));
  self->context = g_object_ref (context);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));

  options.year = self->year;
  options.selection = (const char * const *) self->selection;
  options.paper = self->paper;
  self->blocks = reel_report_build_blocks (self->dataset, &options, &complete);

  if (!complete || !place_blocks (self, error))
    {
      if (error != NULL && *error == NULL)
        too_many_pages (error);
      clear_pagination (self);
      return FALSE;
    }

  return TRUE;
}

guint
reel_report_get_n_pages (ReelReport *self)
{
  g_return_val_if_fail (REEL_IS_REPORT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/**
 * reel_report_find_chart_page:
 * @self: a paginated report
 * @kind: a chart kind
 *
 * Returns: the page (from 0) that shows @kind, or -1 when the report has
 *   no page of it
 */
int
reel_report_find_chart_page (ReelReport    *self,
                             ReelChartKind  kind)
{
  g_return_val_if_fail (REEL_IS_REPORT (self), -1);

  for (guint i = 0; self->blocks != NULL && i < self->blocks->len; i++)
    {
      const ReelReportBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->has_chart && block->chart == kind && block->page < reel_report_get_n_pages (self))
        return (int) block->page;
    }

  return -1;
}

/* ---- Drawing ---- */

static void
set_ink (ReelReport *self,
         cairo_t    *cr,
         Ink         ink)
{
  const ReelChartColor *color = ink == INK_DIM ? &self->theme->dim : &self->theme->foreground;

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* One line of the page's furniture, its top at @y, aligned in @width. */
static void
draw_line (ReelReport      *self,
           cairo_t         *cr,
           const char      *text,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (self, REEL_REPORT_STYLE_NOTE, text, FALSE, width);

  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_auto_dir (layout, FALSE);
  set_ink (self, cr, INK_DIM);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_furniture (ReelReport *self,
                cairo_t    *cr,
                guint       index)
{
  const Page *page = &g_array_index (self->pages, Page, index);
  double width = content_width (self);
  g_autofree char *number = NULL;

  if (page->section != NULL)
    {
      const ReelChartColor *rule = &self->theme->grid;

      draw_line (self, cr, self->title, MARGIN_SIDE, HEADER_Y, width * 0.6, PANGO_ALIGN_LEFT);
      draw_line (self, cr, page->section, MARGIN_SIDE + width * 0.6, HEADER_Y, width * 0.4,
                 PANGO_ALIGN_RIGHT);
      cairo_set_source_rgba (cr, rule->red, rule->green, rule->blue, rule->alpha);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_SIDE, HEADER_Y + 14.5);
      cairo_line_to (cr, MARGIN_SIDE + width, HEADER_Y + 14.5);
      cairo_stroke (cr);
    }

  /* TRANSLATORS: at the foot of each page of the report */
  number = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  draw_line (self, cr, number, MARGIN_SIDE, self->page_height - FOOTER_GAP - 8.0, width, PANGO_ALIGN_CENTER);
}

/* A URI as a cairo tag attribute: quoted, with its quotes and backslashes
 * escaped. */
static char *
dup_link_attributes (const char *uri)
{
  GString *attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');

  return g_string_free (attributes, FALSE);
}

static void
draw_block (ReelReport      *self,
            cairo_t         *cr,
            ReelReportBlock *block)
{
  double x = MARGIN_SIDE + block->indent, y = block->y;

  if (block->has_chart)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, block->chart_scale, block->chart_scale);
      reel_chart_render (block->chart_layout, self->theme, cr);
      cairo_restore (cr);
      return;
    }

  set_ink (self, cr, styles[block->style].ink);
  if (block->uri != NULL)
    {
      g_autofree char *attributes = dup_link_attributes (block->uri);

      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, block->layout);
  if (block->uri != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/**
 * reel_report_draw_page:
 * @self: a paginated report
 * @cr: a cairo context whose units are points, the page's top left at 0, 0
 * @page: from 0
 */
void
reel_report_draw_page (ReelReport *self,
                       cairo_t    *cr,
                       guint       page)
{
  const Page *info;

  g_return_if_fail (REEL_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < reel_report_get_n_pages (self));

  info = &g_array_index (self->pages, Page, page);
  cairo_save (cr);
  draw_furniture (self, cr, page);
  for (guint i = 0; i < info->n_blocks; i++)
    draw_block (self, cr, g_ptr_array_index (self->blocks, info->first_block + i));
  cairo_restore (cr);
}

/* ---- PDF ---- */

/**
 * reel_report_create_pdf_context:
 *
 * A Pango context for a PDF in points: 72 dots per inch, metrics and
 * outlines unhinted. It uses the calling thread's font map, so a worker
 * thread measures with its own.
 */
PangoContext *
reel_report_create_pdf_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* The bookmarks of @page's blocks: sections at the top level, the charts
 * and regions under the section before them. */
static void
add_outline (ReelReport      *self,
             cairo_surface_t *surface,
             guint            page,
             int             *section_id)
{
  const Page *info = &g_array_index (self->pages, Page, page);

  for (guint i = 0; i < info->n_blocks; i++)
    {
      ReelReportBlock *block = g_ptr_array_index (self->blocks, info->first_block + i);
      const char *name = block->has_chart ? reel_chart_layout_get_title (block->chart_layout) : block->text;
      g_autofree char *target = NULL;
      int id;

      if (block->outline == REEL_REPORT_OUTLINE_NONE)
        continue;

      target = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1, MARGIN_SIDE, block->y);
      id = cairo_pdf_surface_add_outline (surface,
                                          block->outline == REEL_REPORT_OUTLINE_SECTION
                                            ? CAIRO_PDF_OUTLINE_ROOT : *section_id,
                                          name, target, CAIRO_PDF_OUTLINE_FLAG_OPEN);
      if (block->outline == REEL_REPORT_OUTLINE_SECTION)
        *section_id = id;
    }
}

static gboolean
draw_pdf_pages (ReelReport         *self,
                cairo_surface_t    *surface,
                GCancellable       *cancellable,
                ReelReportProgress  progress,
                gpointer            user_data,
                GError            **error)
{
  cairo_t *cr = cairo_create (surface);
  int section_id = CAIRO_PDF_OUTLINE_ROOT;
  guint n_pages = reel_report_get_n_pages (self);
  gboolean ok = TRUE;

  for (guint page = 0; page < n_pages && ok; page++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        {
          reel_report_draw_page (self, cr, page);
          add_outline (self, surface, page, &section_id);
          cairo_show_page (cr);
          if (progress != NULL)
            progress (page + 1, n_pages, user_data);
        }
    }
  if (ok && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED, _("The report could not be drawn: %s"),
                   cairo_status_to_string (cairo_status (cr)));
      ok = FALSE;
    }
  cairo_destroy (cr);

  return ok;
}

/**
 * reel_report_to_pdf_bytes:
 * @self: the report
 * @cancellable: (nullable): checked between pages
 * @progress: (nullable): told of each page
 * @user_data: for @progress
 * @error: a REEL_CHART_ERROR, or G_IO_ERROR_CANCELLED
 *
 * Lays the report out on its paper and draws it as a PDF, with its
 * bookmarks, links and document information.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
reel_report_to_pdf_bytes (ReelReport          *self,
                          GCancellable        *cancellable,
                          ReelReportProgress   progress,
                          gpointer             user_data,
                          GError             **error)
{
  PangoContext *context;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  double width, height;
  gboolean ok;

  g_return_val_if_fail (REEL_IS_REPORT (self), NULL);

  reel_report_paper_get_size (self->paper, &width, &height);
  context = reel_report_create_pdf_context ();
  ok = reel_report_paginate (self, width, height, context, error);
  g_object_unref (context);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (0, reel_report_get_n_pages (self), user_data);

  surface = reel_chart_export_new_pdf_surface (out, width, height);
  reel_chart_export_set_pdf_metadata (surface, self->title, _("Micro-drama export report"), "Reelscope");
  ok = draw_pdf_pages (self, surface, cancellable, progress, user_data, error);

  /* Finishing writes the rest of the document through the stream. */
  cairo_surface_finish (surface);
  if (ok && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, REEL_CHART_ERROR, REEL_CHART_ERROR_FAILED, _("The report could not be drawn: %s"),
                   cairo_status_to_string (cairo_surface_status (surface)));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * reel_report_write_pdf:
 * @self: the report
 * @filename: where to write
 * @cancellable: (nullable): checked between pages; a cancelled report
 *   leaves no file
 * @progress: (nullable): told of each page
 * @user_data: for @progress
 * @error: a REEL_CHART_ERROR, G_IO_ERROR_CANCELLED or a G_FILE_ERROR
 *
 * Writes the report as a PDF, atomically as every export
 * (reel_chart_export_write_bytes()).
 */
gboolean
reel_report_write_pdf (ReelReport          *self,
                       const char          *filename,
                       GCancellable        *cancellable,
                       ReelReportProgress   progress,
                       gpointer             user_data,
                       GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (REEL_IS_REPORT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (!reel_chart_export_check_file (filename, error))
    return FALSE;

  bytes = reel_report_to_pdf_bytes (self, cancellable, progress, user_data, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return reel_chart_export_write_bytes (filename, bytes, error);
}

/* ---- The object ---- */

static void
reel_report_finalize (GObject *object)
{
  ReelReport *self = (ReelReport *)object;

  clear_pagination (self);
  g_clear_object (&self->dataset);
  g_strfreev (self->selection);
  g_free (self->title);
  reel_chart_theme_free (self->theme);

  G_OBJECT_CLASS (reel_report_parent_class)->finalize (object);
}

static void
reel_report_class_init (ReelReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reel_report_finalize;
}

static void
reel_report_init (ReelReport *self)
{
}

/**
 * reel_report_new:
 * @dataset: the dataset, which the report only reads
 * @options: its year, selection and paper
 *
 * Returns: (transfer full): a report, to paginate
 */
ReelReport *
reel_report_new (ReelDataset             *dataset,
                 const ReelReportOptions *options)
{
  ReelReport *self;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (REEL_TYPE_REPORT, NULL);
  self->dataset = g_object_ref (dataset);
  self->year = options->year;
  self->selection = g_strdupv ((char **) options->selection);
  self->paper = options->paper;
  self->title = reel_report_dup_dataset_title (dataset);

  /* Printed on white, in the light theme's ink; the charts sit flush with
   * the text's margins. */
  self->theme = reel_chart_theme_new (REEL_CHART_THEME_LIGHT);
  reel_chart_theme_set_background (self->theme, REEL_CHART_BACKGROUND_TRANSPARENT);
  reel_chart_theme_set_padding (self->theme, 0, 0, 0, 0);

  return self;
}

/**
 * reel_report_dup_title:
 *
 * Returns: (transfer full): the report's title, the dataset's
 */
char *
reel_report_dup_title (ReelReport *self)
{
  g_return_val_if_fail (REEL_IS_REPORT (self), NULL);

  return g_strdup (self->title);
}
