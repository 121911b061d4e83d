/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-export-dialog"

#include "config.h"

#include "reel-export-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "reel-chart-render.h"
#include "reel-export-request.h"

/* The Export dialog (DESIGN §4, §5): format, size (a preset or custom),
 * scale, theme and background, with a live readout of the image's size in
 * pixels and a small preview; then a file chooser, and the export written
 * on a worker thread. It exports what the window shows: the same kind,
 * year and selected region, laid out afresh at the export's size. Every
 * choice is remembered in GSettings. The command line's option model
 * (ReelExportRequest) is the dialog's, so both write the same files. */

#define SETTINGS_SCHEMA_ID "io.github.reelscope.Reelscope"

/* The rows of the Size list, in order; the last is a custom size. */
static const char * const size_names[] = { "16:9", "1:1", "9:16", "4:3", "custom" };
#define CUSTOM_SIZE (G_N_ELEMENTS (size_names) - 1)

struct _ReelExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwComboRow          *background_row;
  GtkWidget            *cancel_button;
  GtkWidget            *custom_row;
  GtkWidget            *export_button;
  AdwComboRow          *format_row;
  GtkSpinButton        *height_spin;
  GtkLabel             *pixel_size_label;
  AdwActionRow         *pixel_size_row;
  GtkDrawingArea       *preview;
  GtkSpinButton        *scale_spin;
  GtkWidget            *scale_row;
  AdwComboRow          *size_row;
  GtkSpinner           *spinner;
  AdwComboRow          *theme_row;
  AdwToastOverlay      *toast_overlay;
  GtkSpinButton        *width_spin;
  AdwWindowTitle       *window_title;

  GSettings            *settings;
  ReelDataset          *dataset;
  ReelExportRequest     request;
  ReelChartLayout      *preview_layout;
  gboolean              valid;        /* the size is one an export allows */
  gboolean              loading;      /* the controls are being set, not changed */

  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gboolean              exporting;
  AdwToast             *error_toast;  /* weak: the last error's, while it shows */
};

G_DEFINE_FINAL_TYPE (ReelExportDialog, reel_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CHART_KIND,
  PROP_YEAR,
  PROP_CURSOR,
  PROP_SELECTION,
  N_PROPS
};

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a worker thread needs: its own copy of the request. */
typedef struct {
  ReelExportRequest  request;
  ReelDataset       *dataset;
  GFile             *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  reel_export_request_clear (&job->request);
  g_clear_object (&job->dataset);
  g_clear_object (&job->file);
  g_free (job);
}

static guint
get_size_index (const ReelExportRequest *request)
{
  if (request->preset == NULL)
    return CUSTOM_SIZE;

  for (guint i = 0; i < CUSTOM_SIZE; i++)
    if (g_str_equal (size_names[i], request->preset->name))
      return i;

  return CUSTOM_SIZE;
}

/* "3200 × 2000 px" for a PNG; the logical size for SVG and PDF, which
 * scale without pixels. */
static char *
dup_pixel_size_text (const ReelExportRequest *request)
{
  int width, height;

  reel_export_request_get_pixel_size (request, &width, &height);

  if (request->format == REEL_CHART_FORMAT_PNG)
    /* TRANSLATORS: the size of the exported image, "3200 × 2000 px" */
    return g_strdup_printf (_("%d × %d px"), width, height);

  /* TRANSLATORS: the size of an exported SVG or PDF, "1280 × 720 px, scalable" */
  return g_strdup_printf (_("%d × %d px, scalable"), width, height);
}

/* The width and height show for a custom size, to edit; a preset's size
 * is in its name and in the readout. */
static void
update_size_controls (ReelExportDialog *self)
{
  gboolean custom = self->request.preset == NULL;
  gboolean loading = self->loading;

  self->loading = TRUE;
  gtk_spin_button_set_value (self->width_spin, self->request.width);
  gtk_spin_button_set_value (self->height_spin, self->request.height);
  self->loading = loading;

  gtk_widget_set_visible (self->custom_row, custom);
  gtk_widget_set_sensitive (self->scale_row, self->request.format == REEL_CHART_FORMAT_PNG);
}

/* The readout, whether Export may go on, and the preview: laid out here,
 * when a choice changes, and only drawn by the preview. */
static void
update (ReelExportDialog *self)
{
  g_autofree char *text = dup_pixel_size_text (&self->request);
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (self->pixel_size_label, text);

  self->valid = reel_chart_export_check_size (self->request.width, self->request.height,
                                              self->request.format == REEL_CHART_FORMAT_PNG
                                              ? self->request.scale : 1.0,
                                              &error);
  adw_action_row_set_subtitle (self->pixel_size_row, self->valid ? "" : error->message);
  if (self->valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->pixel_size_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->pixel_size_label), "error");
  gtk_widget_set_sensitive (self->export_button, self->valid && !self->exporting);

  g_clear_object (&self->preview_layout);
  if (self->dataset != NULL)
    {
      ReelExportRequest preview = self->request;

      /* The preview is drawn small: its layout needs no pixels to snap. */
      preview.format = REEL_CHART_FORMAT_SVG;
      self->preview_layout = reel_export_request_make_layout (&preview, self->dataset);
      adw_window_title_set_subtitle (self->window_title,
                                     reel_chart_layout_get_title (self->preview_layout));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
load_settings (ReelExportDialog *self)
{
  g_autofree char *size = g_settings_get_string (self->settings, "export-size");
  const ReelChartPreset *preset = reel_chart_preset_lookup (size);

  self->request.format = (ReelChartFormat) g_settings_get_enum (self->settings, "export-format");
  self->request.scale = g_settings_get_double (self->settings, "export-scale");
  self->request.variant = (ReelChartThemeVariant) g_settings_get_enum (self->settings, "export-theme");
  self->request.background = (ReelChartBackground) g_settings_get_enum (self->settings, "export-background");
  self->request.width = g_settings_get_int (self->settings, "export-width");
  self->request.height = g_settings_get_int (self->settings, "export-height");
  reel_export_request_set_preset (&self->request, preset);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->format_row, self->request.format);
  adw_combo_row_set_selected (self->size_row, get_size_index (&self->request));
  gtk_spin_button_set_value (self->scale_spin, self->request.scale);
  adw_combo_row_set_selected (self->theme_row, self->request.variant);
  adw_combo_row_set_selected (self->background_row, self->request.background);
  self->loading = FALSE;

  update_size_controls (self);
}

static void
set_exporting (ReelExportDialog *self,
               gboolean          exporting)
{
  self->exporting = exporting;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), exporting);
  gtk_spinner_set_spinning (self->spinner, exporting);
  gtk_widget_set_sensitive (self->cancel_button, !exporting);
  gtk_widget_set_sensitive (self->export_button, self->valid && !exporting);
}

static void
show_error (ReelExportDialog *self,
            const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  /* TRANSLATORS: a toast in the Export dialog; %s says why */
  g_autofree char *title = g_strdup_printf (_("Could not export: %s"), escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->error_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------ */
/* Exporting */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!reel_export_request_write (&job->request, job->dataset, job->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ReelExportDialog *self = REEL_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  set_exporting (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  folder = g_file_get_parent (job->file);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "export-folder", uri);
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

/* Writes @file in the format its name says, or with the chosen format's
 * extension added when the name has none. */
static void
start_export (ReelExportDialog *self,
              GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  ExportJob *job;
  ReelChartFormat format;

  g_assert (G_IS_FILE (file));

  if (self->exporting || !self->valid || self->dataset == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  reel_export_request_copy (&self->request, &job->request);
  job->dataset = g_object_ref (self->dataset);

  if (basename != NULL && reel_chart_format_from_filename (basename, &format))
    {
      job->request.format = format;
      job->file = g_object_ref (file);
    }
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *named = g_strdup_printf ("%s.%s", basename != NULL ? basename : "chart",
                                                reel_chart_enum_to_nick (REEL_TYPE_CHART_FORMAT,
                                                                         self->request.format));

      job->file = parent != NULL ? g_file_get_child (parent, named) : g_object_ref (file);
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

  set_exporting (self, TRUE);
}

static void
chooser_response_cb (ReelExportDialog     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "export.write", "s", uri);
    }
}

/* export.write: the chart into the file at the URI, as Export does once a
 * file is chosen. */
static void
reel_export_dialog_write_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  start_export (REEL_EXPORT_DIALOG (widget), file);
}

static void
add_format_filter (GtkFileChooser  *chooser,
                   ReelChartFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  switch (format)
    {
    case REEL_CHART_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_suffix (filter, "svg");
      break;
    case REEL_CHART_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;
    case REEL_CHART_FORMAT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
      break;
    }

  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_clicked_cb (ReelExportDialog *self,
                   GtkButton        *button)
{
  g_autofree char *name = NULL;
  g_autofree char *folder_uri = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *pictures;

  if (self->exporting || !self->valid)
    return;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_format_filter (GTK_FILE_CHOOSER (self->chooser), self->request.format);

  /* The folder of the last export, else Pictures. */
  folder_uri = g_settings_get_string (self->settings, "export-folder");
  if (folder_uri[0] != '\0')
    folder = g_file_new_for_uri (folder_uri);
  else if ((pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES)) != NULL)
    folder = g_file_new_for_path (pictures);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);

  name = reel_export_request_dup_file_name (&self->request, self->dataset);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */
/* The controls */

static void
format_changed_cb (ReelExportDialog *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected > REEL_CHART_FORMAT_PDF)
    return;

  self->request.format = (ReelChartFormat) selected;
  g_settings_set_enum (self->settings, "export-format", (int) selected);
  update_size_controls (self);
  update (self);
}

static void
size_changed_cb (ReelExportDialog *self,
                 GParamSpec       *pspec,
                 AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected >= G_N_ELEMENTS (size_names))
    return;

  if (selected == CUSTOM_SIZE)
    {
      reel_export_request_set_preset (&self->request, NULL);
      self->request.width = g_settings_get_int (self->settings, "export-width");
      self->request.height = g_settings_get_int (self->settings, "export-height");
    }
  else
    {
      reel_export_request_set_preset (&self->request, reel_chart_preset_lookup (size_names[selected]));
    }

  g_settings_set_string (self->settings, "export-size", size_names[selected]);
  update_size_controls (self);
  update (self);
}

static void
custom_size_changed_cb (ReelExportDialog *self,
                        GParamSpec       *pspec,
                        GtkSpinButton    *spin)
{
  if (self->loading || self->request.preset != NULL)
    return;

  self->request.width = gtk_spin_button_get_value_as_int (self->width_spin);
  self->request.height = gtk_spin_button_get_value_as_int (self->height_spin);

  g_settings_set_int (self->settings, "export-width", (int) self->request.width);
  g_settings_set_int (self->settings, "export-height", (int) self->request.height);
  update (self);
}

static void
scale_changed_cb (ReelExportDialog *self,
                  GParamSpec       *pspec,
                  GtkSpinButton    *spin)
{
  if (self->loading)
    return;

  self->request.scale = gtk_spin_button_get_value (spin);
  g_settings_set_double (self->settings, "export-scale", self->request.scale);
  update (self);
}

static void
theme_changed_cb (ReelExportDialog *self,
                  GParamSpec       *pspec,
                  AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected > REEL_CHART_THEME_DARK)
    return;

  self->request.variant = (ReelChartThemeVariant) selected;
  g_settings_set_enum (self->settings, "export-theme", (int) selected);
  update (self);
}

static void
background_changed_cb (ReelExportDialog *self,
                       GParamSpec       *pspec,
                       AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->loading || selected > REEL_CHART_BACKGROUND_TRANSPARENT)
    return;

  self->request.background = (ReelChartBackground) selected;
  g_settings_set_enum (self->settings, "export-background", (int) selected);
  update (self);
}

/* What an export shows, for the preview and its full-size view. */
typedef struct {
  ReelChartLayout       *layout;
  ReelChartBackground    background;
  ReelChartThemeVariant  variant;
} Exported;

/* @exported's chart at @scale from the origin: on a checkerboard where it
 * is transparent, as an image viewer shows one. */
static void
paint_exported (cairo_t        *cr,
                const Exported *exported,
                double          scale)
{
  double width = round (reel_chart_layout_get_width (exported->layout) * scale);
  double height = round (reel_chart_layout_get_height (exported->layout) * scale);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (exported->background == REEL_CHART_BACKGROUND_TRANSPARENT)
    {
      const double square = 8;
      /* A page of the theme's kind: dark text on light, light on dark. */
      double page = exported->variant == REEL_CHART_THEME_DARK ? 0.16 : 0.95;
      double check = exported->variant == REEL_CHART_THEME_DARK ? 0.24 : 0.8;

      cairo_set_source_rgb (cr, page, page, page);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, check, check, check);
      for (double sy = 0; sy < height; sy += square)
        for (double sx = ((int) (sy / square) % 2) * square; sx < width; sx += 2 * square)
          cairo_rectangle (cr, sx, sy, square, square);
      cairo_fill (cr);
    }

  cairo_scale (cr, scale, scale);
  reel_chart_render (exported->layout, NULL, cr);
  cairo_restore (cr);
}

static Exported
get_exported (ReelExportDialog *self)
{
  return (Exported) { self->preview_layout, self->request.background, self->request.variant };
}

/* The export, small: the layout made in update(), scaled to fit, with a
 * hairline around it. The colours here are the preview's frame, not the
 * chart's. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  ReelExportDialog *self = user_data;
  Exported exported = get_exported (self);
  double chart_width, chart_height, scale, x, y;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (exported.layout == NULL)
    return;

  chart_width = reel_chart_layout_get_width (exported.layout);
  chart_height = reel_chart_layout_get_height (exported.layout);
  scale = MIN ((width - 2) / chart_width, (height - 2) / chart_height);
  x = round ((width - chart_width * scale) / 2);
  y = round ((height - chart_height * scale) / 2);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  paint_exported (cr, &exported, scale);
  cairo_restore (cr);

  cairo_rectangle (cr, x - 0.5, y - 0.5, round (chart_width * scale) + 1, round (chart_height * scale) + 1);
  cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_full_size (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  paint_exported (cr, user_data, 1.0);
}

static void
exported_free (gpointer data)
{
  Exported *exported = data;

  g_object_unref (exported->layout);
  g_free (exported);
}

/* The export at its own size (one logical pixel a pixel of the screen),
 * in a window of its own that scrolls: the preview is too small to read
 * the chart's labels. */
static void
preview_clicked_cb (ReelExportDialog *self,
                    GtkButton        *button)
{
  Exported *exported;
  GtkWidget *window, *box, *header, *scrolled, *area;
  int width, height;

  if (self->preview_layout == NULL)
    return;

  exported = g_memdup2 (&(Exported) { g_object_ref (self->preview_layout), self->request.background,
                                      self->request.variant }, sizeof (Exported));
  width = (int) ceil (reel_chart_layout_get_width (exported->layout));
  height = (int) ceil (reel_chart_layout_get_height (exported->layout));

  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_full_size, exported, exported_free);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reel_chart_layout_get_title (exported->layout),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  reel_chart_layout_get_summary (exported->layout),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), area);
  gtk_widget_set_vexpand (scrolled, TRUE);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Preview at Full Size"),
                                                         reel_chart_layout_get_title (exported->layout)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);

  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), MIN (width, 1000), MIN (height + 48, 720));
  gtk_window_present (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */

static gboolean
reel_export_dialog_close_request (GtkWindow *window)
{
  ReelExportDialog *self = REEL_EXPORT_DIALOG (window);

  /* Not while writing: the export finishes (it is quick) and says how. */
  if (self->exporting)
    return TRUE;

  return GTK_WINDOW_CLASS (reel_export_dialog_parent_class)->close_request (window);
}

static void
reel_export_dialog_dispose (GObject *object)
{
  ReelExportDialog *self = REEL_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_layout);
  g_clear_weak_pointer (&self->error_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), REEL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (reel_export_dialog_parent_class)->dispose (object);
}

static void
reel_export_dialog_finalize (GObject *object)
{
  ReelExportDialog *self = REEL_EXPORT_DIALOG (object);

  reel_export_request_clear (&self->request);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reel_export_dialog_parent_class)->finalize (object);
}

static void
reel_export_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ReelExportDialog *self = REEL_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHART_KIND:
      g_value_set_enum (value, self->request.kind);
      break;

    case PROP_YEAR:
      g_value_set_uint (value, self->request.year);
      break;

    case PROP_CURSOR:
      g_value_set_uint (value, self->request.cursor);
      break;

    case PROP_SELECTION:
      g_value_set_boxed (value, self->request.selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_export_dialog_class_init (ReelExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = reel_export_dialog_dispose;
  object_class->finalize = reel_export_dialog_finalize;
  object_class->get_property = reel_export_dialog_get_property;
  window_class->close_request = reel_export_dialog_close_request;

  /**
   * ReelExportDialog:chart-kind:
   *
   * The chart the dialog exports: the window's when it opened.
   */
  properties[PROP_CHART_KIND] =
    g_param_spec_enum ("chart-kind", NULL, NULL,
                       REEL_TYPE_CHART_KIND, REEL_CHART_REVENUE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ReelExportDialog:year:
   *
   * The year of the chart exported, 0 for the kind's default (and the
   * trend, which shows every year).
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ReelExportDialog:cursor:
   *
   * Trend's time cursor in the chart exported, a month; 0 for the whole
   * chart (reel_export_dialog_set_cursor()).
   */
  properties[PROP_CURSOR] =
    g_param_spec_uint ("cursor", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ReelExportDialog:selection:
   *
   * The ids of the regions selected in the exported chart, as in the
   * window's, %NULL or empty for none.
   */
  properties[PROP_SELECTION] =
    g_param_spec_boxed ("selection", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ReelExportDialog::exported:
   * @file: the file written
   *
   * The chart was written; the dialog closes next.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, pixel_size_label);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, pixel_size_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ReelExportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, background_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, scale_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, theme_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.write", "s",
                                   reel_export_dialog_write_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reel_export_dialog_init (ReelExportDialog *self)
{
  reel_export_request_init (&self->request);

  /* Before the template: its signals fire while it is built. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

/**
 * reel_export_dialog_new:
 * @parent: the window whose chart to export
 * @dataset: its data
 * @kind: the chart it shows
 * @year: its year, 0 for the kind's default
 * @selection: (nullable) (array zero-terminated=1): its selected regions
 *
 * Returns: (transfer none): a modal dialog to present, owned by GTK's list
 *   of toplevels until it is destroyed
 */
ReelExportDialog *
reel_export_dialog_new (GtkWindow          *parent,
                        ReelDataset        *dataset,
                        ReelChartKind       kind,
                        guint               year,
                        const char * const *selection)
{
  ReelExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (kind < REEL_CHART_N_KINDS, NULL);

  self = g_object_new (REEL_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  reel_export_dialog_show_chart (self, dataset, kind, year, selection, REEL_CHART_METRIC_REVENUE, 0);

  return self;
}

/**
 * reel_export_dialog_show_chart:
 * @dataset: the window's data
 * @kind: the chart it shows
 * @year: its year, 0 for the kind's default
 * @selection: (nullable) (array zero-terminated=1): its selected regions
 * @metric: what a Map colours its regions by, or Platforms ranks apps by
 * @cursor: Trend's time cursor (reel_chart_layout_new_at_cursor()), 0 for none
 *
 * Sets the chart to export, in the format, size and look of the last
 * export, laid out once: for a new dialog, and for one that was closed
 * (hidden: a window made again costs a frame its templates and its
 * surface) and opens again.
 */
void
reel_export_dialog_show_chart (ReelExportDialog   *self,
                               ReelDataset        *dataset,
                               ReelChartKind       kind,
                               guint               year,
                               const char * const *selection,
                               ReelChartMetric     metric,
                               guint               cursor)
{
  g_return_if_fail (REEL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (REEL_IS_DATASET (dataset));
  g_return_if_fail (kind < REEL_CHART_N_KINDS);

  g_set_object (&self->dataset, dataset);
  self->request.kind = kind;
  self->request.year = kind == REEL_CHART_TREND ? 0 : year;
  g_strfreev (self->request.selection);
  self->request.selection = g_strdupv ((char **) selection);
  self->request.metric = metric;
  self->request.cursor = cursor;

  /* What went wrong last time is not this export's. */
  if (self->error_toast != NULL)
    adw_toast_dismiss (self->error_toast);

  load_settings (self);
  update (self);

  /* Enter exports; Escape closes. */
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

/* Where a Trend export's time cursor stands, as the window's chart shows
 * it (reel_chart_layout_new_at_cursor()); 0 for the whole chart. */
void
reel_export_dialog_set_cursor (ReelExportDialog *self,
                               guint             cursor)
{
  g_return_if_fail (REEL_IS_EXPORT_DIALOG (self));

  if (self->request.cursor == cursor)
    return;

  self->request.cursor = cursor;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

/* What a Map export colours its regions by, or a Platforms export ranks
 * the apps by, as the window's chart does. */
void
reel_export_dialog_set_metric (ReelExportDialog *self,
                               ReelChartMetric   metric)
{
  g_return_if_fail (REEL_IS_EXPORT_DIALOG (self));

  self->request.metric = metric;
  update (self);
}
