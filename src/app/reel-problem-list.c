/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-problem-list"

#include "config.h"

#include "reel-problem-list.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-problem.h"

/* The excerpt of a problem's line: this many characters of it at most. */
#define EXCERPT_WIDTH         72
#define EXCERPT_WIDTH_COMPACT 48
#define EXCERPT_PROBLEMS_MAX  50
#define EXCERPT_READ_MAX      (16 * 1024 * 1024)

struct _ReelProblemList
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkListBox *list_box;

  gboolean    compact;
};

G_DEFINE_FINAL_TYPE (ReelProblemList, reel_problem_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The message of a problem as the list shows it: warnings say so, as
 * `--validate` does. */
static char *
dup_problem_message (const ReelProblem *problem)
{
  g_assert (problem != NULL);

  if (problem->severity == REEL_PROBLEM_WARNING)
    return g_strdup_printf (_("warning: %s"), problem->message);

  return g_strdup (problem->message);
}

/* `LINE:COL  PATH  message`, leaving out what the problem does not have. */
static char *
dup_problem_line (const ReelProblem *problem)
{
  g_autofree char *message = dup_problem_message (problem);
  GString *line = g_string_new (NULL);

  if (problem->line > 0)
    g_string_append_printf (line, "%u:%u  ", problem->line, problem->column);
  if (problem->path[0] != '\0')
    g_string_append_printf (line, "%s  ", problem->path);
  g_string_append (line, message);

  return g_string_free (line, FALSE);
}

static GtkWidget *
create_problem_label (const char *text,
                      gboolean    code)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (code)
    gtk_widget_add_css_class (label, "monospace");

  return label;
}

/* Where the problem is, its position and path, into @header. */
static void
append_problem_place (GtkBox            *header,
                      const ReelProblem *problem,
                      gboolean           compact)
{
  GtkWidget *label;

  if (problem->line > 0)
    {
      g_autofree char *position = g_strdup_printf ("%u:%u", problem->line, problem->column);

      label = create_problem_label (position, TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      if (!compact)
        gtk_label_set_width_chars (GTK_LABEL (label), 7);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (header, label);
    }

  if (problem->path[0] != '\0')
    {
      label = create_problem_label (problem->path, TRUE);
      if (!compact)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (header, label);
    }
}

/* The lines of @file that @problems are on, by number, for their excerpts:
 * read synchronously, so at most EXCERPT_READ_MAX bytes of the file (a
 * problem past them shows without its line), and only the lines of the
 * first EXCERPT_PROBLEMS_MAX problems. */
static GHashTable *
read_problem_lines (GFile     *file,
                    GPtrArray *problems)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GHashTable *lines = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize n_read = 0;
  const char *start;
  guint number = 1;

  for (guint i = 0; i < MIN (problems->len, EXCERPT_PROBLEMS_MAX); i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);

      if (problem->line > 0)
        g_hash_table_add (wanted, GUINT_TO_POINTER (problem->line));
    }
  /* A FIFO would block, a device never end: only a file's lines show. */
  if (g_hash_table_size (wanted) == 0 ||
      g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR ||
      (stream = g_file_read (file, NULL, NULL)) == NULL)
    return lines;

  buffer = g_malloc (EXCERPT_READ_MAX + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, EXCERPT_READ_MAX, &n_read, NULL, NULL))
    return lines;
  buffer[n_read] = '\0';

  /* A line cut by the end of what was read is not shown: its excerpt
   * could be from before the column. */
  for (start = buffer; start < buffer + n_read; number++)
    {
      const char *end = memchr (start, '\n', buffer + n_read - start);

      if (end == NULL)
        break;
      if (g_hash_table_contains (wanted, GUINT_TO_POINTER (number)))
        {
          const char *text_end = end > start && end[-1] == '\r' ? end - 1 : end;

          g_hash_table_insert (lines, GUINT_TO_POINTER (number), g_strndup (start, text_end - start));
        }
      start = end + 1;
    }
  if (start < buffer + n_read && n_read < EXCERPT_READ_MAX &&
      g_hash_table_contains (wanted, GUINT_TO_POINTER (number)))
    g_hash_table_insert (lines, GUINT_TO_POINTER (number), g_strdup (start));

  return lines;
}

/* The line and the caret under it, a label each: one label would need a
 * line break, and a row's labels hold no control character. */
static GtkWidget *
create_excerpt (const char *excerpt)
{
  g_auto(GStrv) lines = g_strsplit (excerpt, "\n", 2);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *label = create_problem_label (lines[i], TRUE);

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (box, "reel-problem-excerpt");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}

/* A problem as a row: `LINE:COL  PATH  message` on one line, or the
 * position and path above the message where space is short (@compact);
 * below, the problem's line with a caret under its column. */
static GtkWidget *
create_problem_row (const ReelProblem *problem,
                    const char        *text,
                    gboolean           compact)
{
  g_autofree char *message = dup_problem_message (problem);
  g_autofree char *line = dup_problem_line (problem);
  g_autofree char *excerpt = reel_problem_dup_excerpt (text, problem->column,
                                                       compact ? EXCERPT_WIDTH_COMPACT : EXCERPT_WIDTH);
  GtkWidget *row, *outer, *box, *header, *label;

  box = gtk_box_new (compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                     compact ? 3 : 12);
  gtk_widget_set_margin_top (box, compact ? 9 : 12);
  gtk_widget_set_margin_bottom (box, compact ? 9 : 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  header = box;
  if (compact && (problem->line > 0 || problem->path[0] != '\0'))
    {
      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_add_css_class (header, "caption");
      gtk_box_append (GTK_BOX (box), header);
    }
  append_problem_place (GTK_BOX (header), problem, compact);

  label = create_problem_label (message, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (outer), box);
  if (excerpt != NULL)
    gtk_box_append (GTK_BOX (outer), create_excerpt (excerpt));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, line,
                                  -1);

  return row;
}

static void
reel_problem_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), REEL_TYPE_PROBLEM_LIST);

  G_OBJECT_CLASS (reel_problem_list_parent_class)->dispose (object);
}

static void
reel_problem_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ReelProblemList *self = REEL_PROBLEM_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_problem_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ReelProblemList *self = REEL_PROBLEM_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_problem_list_class_init (ReelProblemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reel_problem_list_dispose;
  object_class->get_property = reel_problem_list_get_property;
  object_class->set_property = reel_problem_list_set_property;

  /**
   * ReelProblemList:compact:
   *
   * Whether each row puts the position and path above the message (where
   * space is short) rather than beside it; set when the list is made.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reelscope/Reelscope/ui/reel-problem-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ReelProblemList, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
reel_problem_list_init (ReelProblemList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
reel_problem_list_new (gboolean compact)
{
  return g_object_new (REEL_TYPE_PROBLEM_LIST,
                       "compact", compact,
                       NULL);
}

/* Shows @problems (of ReelProblem), in their order, instead of those shown. */
void
reel_problem_list_set_problems (ReelProblemList *self,
                                GPtrArray       *problems,
                                GFile           *file)
{
  g_autoptr(GHashTable) lines = NULL;
  GtkWidget *child;

  g_return_if_fail (REEL_IS_PROBLEM_LIST (self));
  g_return_if_fail (problems != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (file != NULL)
    lines = read_problem_lines (file, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const ReelProblem *problem = g_ptr_array_index (problems, i);
      const char *text = lines != NULL ? g_hash_table_lookup (lines, GUINT_TO_POINTER (problem->line))
                                       : NULL;

      gtk_list_box_append (self->list_box, create_problem_row (problem, text, self->compact));
    }
}
