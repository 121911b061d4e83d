/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-report-print"

#include "config.h"

#include "reel-report-print.h"

#include <errno.h>

#define SETTINGS_GROUP   "Print Settings"
#define PAGE_SETUP_GROUP "Page Setup"

struct _ReelReportPrint
{
  GtkPrintOperation  parent_instance;

  ReelReport        *report;
  GError            *error;    /* why the report could not be laid out */
};

G_DEFINE_FINAL_TYPE (ReelReportPrint, reel_report_print, GTK_TYPE_PRINT_OPERATION)

static char *
dup_settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "reelscope", "print.ini", NULL);
}

/* The last print's settings and page setup, or GTK's defaults on the
 * report's paper. */
static void
load_settings (ReelReportPrint         *self,
               const ReelReportOptions *options)
{
  g_autofree char *path = dup_settings_path ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    {
      settings = gtk_print_settings_new_from_key_file (key_file, SETTINGS_GROUP, NULL);
      page_setup = gtk_page_setup_new_from_key_file (key_file, PAGE_SETUP_GROUP, NULL);
    }
  if (page_setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper =
        gtk_paper_size_new (options->paper == REEL_REPORT_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                         : GTK_PAPER_NAME_A4);

      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
    }

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

/**
 * reel_report_print_save_settings:
 *
 * Remembers the settings and the page setup of a print that was applied,
 * for the next one.
 */
void
reel_report_print_save_settings (ReelReportPrint *self)
{
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;
  g_autofree char *path = dup_settings_path ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (REEL_IS_REPORT_PRINT (self));

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, key_file, SETTINGS_GROUP);
  if (page_setup != NULL)
    gtk_page_setup_to_key_file (page_setup, key_file, PAGE_SETUP_GROUP);

  if (g_mkdir_with_parents (directory, 0700) != 0 || !g_key_file_save_to_file (key_file, path, &error))
    g_warning ("Could not remember the print settings in %s: %s", path,
               error != NULL ? error->message : g_strerror (errno));
}

/**
 * reel_report_print_set_chart:
 * @self: the print
 * @kind: the chart the window shows
 *
 * Makes @kind's page the dialog's current page, as laid out on the default
 * page setup's paper (the pages of another paper follow the same order:
 * the cover, then a page per chart).
 */
void
reel_report_print_set_chart (ReelReportPrint *self,
                             ReelChartKind    kind)
{
  GtkPageSetup *page_setup;
  PangoContext *context;
  int page = -1;

  g_return_if_fail (REEL_IS_REPORT_PRINT (self));

  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  context = reel_report_create_pdf_context ();
  if (reel_report_paginate (self->report, gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS),
                            gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS), context, NULL))
    page = reel_report_find_chart_page (self->report, kind);
  g_object_unref (context);

  gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (self), page);
}

const GError *
reel_report_print_get_error (ReelReportPrint *self)
{
  g_return_val_if_fail (REEL_IS_REPORT_PRINT (self), NULL);

  return self->error;
}

/* The pages for this printer's paper, its whole sheet in points: the
 * report keeps its own margins. */
static void
reel_report_print_begin_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  ReelReportPrint *self = REEL_REPORT_PRINT (operation);
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);
  gboolean laid_out;

  /* Glyphs where the PDF export puts them: the same lines break alike. */
  pango_context_set_round_glyph_positions (pango_context, FALSE);
  g_clear_error (&self->error);
  laid_out = reel_report_paginate (self->report, gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context), pango_context, &self->error);
  g_object_unref (pango_context);
  if (!laid_out)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) reel_report_get_n_pages (self->report));
}

static void
reel_report_print_draw_page (GtkPrintOperation *operation,
                             GtkPrintContext   *context,
                             int                page_nr)
{
  ReelReportPrint *self = REEL_REPORT_PRINT (operation);

  if (page_nr >= 0 && (guint) page_nr < reel_report_get_n_pages (self->report))
    reel_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
reel_report_print_finalize (GObject *object)
{
  ReelReportPrint *self = (ReelReportPrint *)object;

  g_clear_object (&self->report);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (reel_report_print_parent_class)->finalize (object);
}

static void
reel_report_print_class_init (ReelReportPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = reel_report_print_finalize;
  operation_class->begin_print = reel_report_print_begin_print;
  operation_class->draw_page = reel_report_print_draw_page;
}

static void
reel_report_print_init (ReelReportPrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Points on the whole sheet, as the PDF's pages are. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
}

/**
 * reel_report_print_new:
 * @dataset: the dataset shown
 * @options: the report's year and selection; its paper is the default
 *   page setup's when no print was remembered
 *
 * Returns: (transfer full): a print operation, to run
 */
ReelReportPrint *
reel_report_print_new (ReelDataset             *dataset,
                       const ReelReportOptions *options)
{
  ReelReportPrint *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (REEL_TYPE_REPORT_PRINT, NULL);
  self->report = reel_report_new (dataset, options);
  title = reel_report_dup_title (self->report);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  load_settings (self, options);

  return self;
}
