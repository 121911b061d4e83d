/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <math.h>

#include "reel-chart-navigation.h"
#include "reel-chart-pen.h"
#include "reel-chart-render.h"
#include "reel-chart-theme.h"
#include "reel-gtk-test.h"

typedef struct {
  ReelDataset   *dataset;
  ReelChartView *view;
  GtkWidget     *before;    /* a button ahead of the chart in the focus chain */
  GtkWindow     *window;
  guint          n_layouts;   /* made by the view since the fixture was set up */
} Fixture;

static void
set_size (Fixture *fixture,
          int      width,
          int      height)
{
  gtk_widget_set_size_request (GTK_WIDGET (fixture->view), width, height);
}

static gboolean
is_laid_out (gpointer data)
{
  Fixture *fixture = data;
  ReelChartLayout *layout = reel_chart_view_get_layout (fixture->view);
  int width, height;

  gtk_widget_get_size_request (GTK_WIDGET (fixture->view), &width, &height);

  return reel_gtk_test_chart_is_current (fixture->view) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->view)) == width &&
         reel_chart_layout_get_width (layout) == width &&
         reel_chart_layout_get_height (layout) == height;
}

/* Runs frames until the view has its size and a layout for it. */
static void
wait_for_layout (Fixture *fixture)
{
  g_assert_true (reel_gtk_test_wait (is_laid_out, fixture, 5000));
  reel_gtk_test_flush ();
}

static void
layout_cb (ReelChartView *view,
           GParamSpec    *pspec,
           Fixture       *fixture)
{
  if (reel_chart_view_get_layout (view) != NULL)
    fixture->n_layouts++;
}

/* Whether the view shows a tooltip at (@x, @y), as GTK asks it when the
 * pointer rests there. */
static gboolean
query_tooltip (ReelChartView *view,
               double         x,
               double         y)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (view, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
  return shown;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->dataset = reel_dataset_test_load (data != NULL ? data : "microdrama-sample.reelscope.json");
  fixture->view = REEL_CHART_VIEW (reel_chart_view_new ());
  fixture->before = gtk_button_new_with_label ("Before");
  g_signal_connect (fixture->view, "notify::layout", G_CALLBACK (layout_cb), fixture);

  /* The view gets exactly the size it asks for. */
  gtk_widget_set_halign (GTK_WIDGET (fixture->view), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (fixture->view), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), fixture->before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));

  reel_chart_view_set_dataset (fixture->view, fixture->dataset);
  reel_chart_view_set_year (fixture->view,
                            reel_chart_layout_get_default_year (fixture->dataset, REEL_CHART_REVENUE));
  set_size (fixture, 640, 480);

  fixture->window = reel_gtk_test_window_new (box);
  gtk_window_set_default_size (fixture->window, 800, 640);
  wait_for_layout (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  reel_gtk_test_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->dataset);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static int
find_mark_of_region (ReelChartLayout *layout,
                     const char      *region_id)
{
  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    if (g_strcmp0 (reel_chart_layout_get_mark (layout, i)->region_id, region_id) == 0)
      return (int) i;

  return -1;
}

/* The layout is made when the size, the data, the kind, the year or the
 * selection changes, and not when the chart is only drawn again. */
static void
test_chart_view_layout_on_change (Fixture       *fixture,
                                  gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  guint n = fixture->n_layouts;
  ReelChartLayout *layout = reel_chart_view_get_layout (view);

  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpfloat (reel_chart_layout_get_width (layout), ==, 640);
  g_assert_cmpfloat (reel_chart_layout_get_height (layout), ==, 480);
  g_assert_cmpfloat (reel_chart_layout_get_scale (layout), ==,
                     gtk_widget_get_scale_factor (GTK_WIDGET (view)));
  g_assert_cmpuint (reel_chart_layout_get_year (layout), ==, 2024);

  /* Redraws, and an allocation of the same size, reuse the layout. */
  for (int i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (view));
      gtk_widget_queue_allocate (GTK_WIDGET (view));
      reel_gtk_test_flush ();
      g_usleep (20000);
      reel_gtk_test_flush ();
    }
  g_assert_cmpuint (fixture->n_layouts, ==, n);
  g_assert_true (reel_chart_view_get_layout (view) == layout);

  /* A new size: one new layout, for that size. */
  set_size (fixture, 520, 400);
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 1);

  /* Each input: one new layout; the same value again: none. */
  reel_chart_view_set_year (view, 2023);
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 2);
  g_assert_cmpuint (reel_chart_layout_get_year (reel_chart_view_get_layout (view)), ==, 2023);
  reel_chart_view_set_year (view, 2023);
  reel_gtk_test_flush ();
  g_assert_cmpuint (fixture->n_layouts, ==, n + 2);

  reel_chart_view_set_chart_kind (view, REEL_CHART_SHARE);
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 3);
  g_assert_cmpint (reel_chart_layout_get_kind (reel_chart_view_get_layout (view)), ==, REEL_CHART_SHARE);

  reel_chart_view_set_selected_region (view, "north-america");
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 4);
  g_assert_cmpstrv (reel_chart_layout_get_selection (reel_chart_view_get_layout (view)),
                    ((const char * const[]) { "north-america", NULL }));
  reel_chart_view_set_selected_region (view, "north-america");
  reel_gtk_test_flush ();
  g_assert_cmpuint (fixture->n_layouts, ==, n + 4);

  /* Several changes before a frame: one layout. */
  reel_chart_view_set_chart_kind (view, REEL_CHART_REVENUE);
  reel_chart_view_set_year (view, 2024);
  reel_chart_view_set_selected_region (view, NULL);
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 5);

  /* Without data, no layout and no marks. */
  reel_chart_view_set_dataset (view, NULL);
  reel_gtk_test_flush ();
  g_usleep (20000);
  reel_gtk_test_flush ();
  g_assert_null (reel_chart_view_get_layout (view));
  g_assert_cmpuint (reel_gtk_test_chart_n_mark_widgets (view), ==, 0);
}

/* One focusable BUTTON child per mark, with the layout's label, on the
 * mark; the view is a GROUP named by the title, described by the summary. */
static void
test_chart_view_mark_widgets (Fixture       *fixture,
                              gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  ReelChartKind kinds[] = { REEL_CHART_REVENUE, REEL_CHART_GROWTH, REEL_CHART_SHARE, REEL_CHART_TREND };
  guint n_charted = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      ReelChartLayout *layout;
      guint n_marks;
      const char *problem;

      reel_chart_view_set_chart_kind (view, kinds[k]);
      reel_chart_view_set_year (view, reel_chart_layout_get_default_year (fixture->dataset, kinds[k]));
      wait_for_layout (fixture);
      layout = reel_chart_view_get_layout (view);
      n_marks = reel_chart_layout_get_n_marks (layout);

      g_test_message ("%s: %u marks", reel_chart_layout_get_title (layout), n_marks);
      n_charted += n_marks > 0;
      g_assert_cmpuint (reel_gtk_test_chart_n_mark_widgets (view), ==, n_marks);

      g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_GROUP));
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    reel_chart_layout_get_title (layout));
      g_assert_null (problem);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    reel_chart_layout_get_summary (layout));
      g_assert_null (problem);

      for (guint i = 0; i < n_marks; i++)
        {
          const ReelChartMark *mark = reel_chart_layout_get_mark (layout, i);
          GtkWidget *child = reel_gtk_test_chart_mark_widget (view, i);
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_get_parent (child) == GTK_WIDGET (view));
          g_assert_true (gtk_widget_get_focusable (child));
          g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_BUTTON));
          problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        mark->label);
          g_assert_null (problem);

          /* Placed on the mark: its area, to the pixel. */
          g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (view), &bounds));
          g_assert_cmpfloat (fabs (bounds.origin.x - floor (mark->area.x)), <, 1);
          g_assert_cmpfloat (fabs (bounds.origin.y - floor (mark->area.y)), <, 1);
          g_assert_cmpfloat (bounds.size.width, >=, mark->area.width - 1);
          g_assert_cmpfloat (bounds.size.height, >=, mark->area.height - 1);
          g_assert_true (graphene_rect_contains_point (&bounds,
                                                       &GRAPHENE_POINT_INIT (mark->rect.x + mark->rect.width / 2,
                                                                             mark->rect.y + mark->rect.height / 2)));
        }
    }

  /* Revenue, Share and Trend at least have marks in both datasets. */
  g_assert_cmpuint (n_charted, >=, 3);
}

/* A click on a mark selects its region, a click elsewhere leaves the
 * selection, and the tooltip there lists the mark's figures. */
static void
test_chart_view_hit_test (Fixture       *fixture,
                          gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  ReelChartLayout *layout = reel_chart_view_get_layout (view);
  int index = find_mark_of_region (layout, "north-america");
  const ReelChartMark *mark;
  g_auto(GStrv) lines = NULL;
  double x, y;

  g_assert_cmpint (index, >=, 0);
  mark = reel_chart_layout_get_mark (layout, (guint) index);
  x = mark->rect.x + mark->rect.width / 2;
  y = mark->rect.y + mark->rect.height / 2;
  g_assert_true (reel_chart_layout_hit_test (layout, x, y) == mark);

  g_assert_true (query_tooltip (view, x, y));
  g_assert_true (g_str_has_prefix (mark->tooltip, "North America · 2024\n"));
  /* Then every figure of the point, with its source, one a line. */
  lines = g_strsplit (mark->tooltip, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + mark->figures->len);

  gt_signal_logger_connect (logger, view, "notify::selected-region");
  reel_gtk_test_chart_click (view, x, y);
  gt_signal_logger_assert_notify_emission_pop (logger, view, "selected-region");
  g_assert_cmpstr (reel_chart_view_get_selected_region (view), ==, "north-america");

  /* The keyboard goes on from there. */
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, index);

  /* Nothing there: the title, the corner. */
  reel_gtk_test_chart_click (view, 2, 2);
  g_assert_false (query_tooltip (view, 2, 2));
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (reel_chart_view_get_selected_region (view), ==, "north-america");

  /* The layout that follows highlights it. */
  wait_for_layout (fixture);
  layout = reel_chart_view_get_layout (view);
  index = find_mark_of_region (layout, "north-america");
  g_assert_true (reel_chart_layout_get_mark (layout, (guint) index)->flags & REEL_CHART_MARK_SELECTED);

  gt_signal_logger_free (g_steal_pointer (&logger));
}

/* With the focus on mark @index: Ctrl+Space (%REEL_SELECT_TOGGLE) or
 * Shift+Space (%REEL_SELECT_EXTEND). */
static void
select_with (ReelChartView  *view,
             int             index,
             ReelSelectMode  mode)
{
  g_assert_cmpint (index, >=, 0);
  gtk_widget_grab_focus (reel_gtk_test_chart_mark_widget (view, (guint) index));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, index);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.select-with", "i",
                                             (int) mode));
}

/* Whether the marks of @region_id tell assistive technologies that they
 * are selected, or not. */
static void
assert_marks_selected (ReelChartView *view,
                       const char    *region_id,
                       gboolean       selected)
{
  ReelChartLayout *layout = reel_chart_view_get_layout (view);
  guint n_found = 0;

  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    if (g_strcmp0 (reel_chart_layout_get_mark (layout, i)->region_id, region_id) == 0)
      {
        GtkWidget *widget = reel_gtk_test_chart_mark_widget (view, i);
        ReelChartMarkFlags flags = reel_chart_layout_get_mark (layout, i)->flags;

        gtk_test_accessible_assert_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_SELECTED,
                                          selected);
        g_assert_cmpint (!!(flags & REEL_CHART_MARK_SELECTED), ==, selected);
        n_found++;
      }
  g_assert_cmpuint (n_found, >, 0);
}

/* The regions of the marks, each once, in mark order: "europe,east-asia"
 * (the world's marks left out). */
static char *
dup_mark_regions (ReelChartLayout *layout)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  for (guint i = 0; i < reel_chart_layout_get_n_marks (layout); i++)
    {
      const char *region_id = reel_chart_layout_get_mark (layout, i)->region_id;

      if (region_id != NULL &&
          !g_ptr_array_find_with_equal_func (regions, region_id, g_str_equal, NULL))
        g_ptr_array_add (regions, (gpointer) region_id);
    }
  g_ptr_array_add (regions, NULL);
  return g_strjoinv (",", (char **) regions->pdata);
}

/* A click selects one region; Ctrl+Space adds one or takes it out, the
 * one added first (its panels shown); Shift+Space selects the regions from
 * the first selected to the focused one in mark order; Escape selects the
 * world. The marks say which are selected, and Trend then draws just the
 * selected regions with the world. */
static void
test_chart_view_multi_selection (Fixture       *fixture,
                                 gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  ReelChartLayout *layout = reel_chart_view_get_layout (view);
  int europe = find_mark_of_region (layout, "europe");
  const ReelChartMark *mark = reel_chart_layout_get_mark (layout, (guint) europe);
  g_autofree char *order = dup_mark_regions (layout);
  g_auto(GStrv) ids = g_strsplit (order, ",", -1);
  g_autofree char *lines = NULL;
  guint n_regions = g_strv_length (ids);
  guint from = 0;

  reel_gtk_test_chart_click (view, mark->rect.x + mark->rect.width / 2,
                             mark->rect.y + mark->rect.height / 2);
  g_assert_cmpstrv (reel_chart_view_get_selected_regions (view),
                    ((const char * const[]) { "europe", NULL }));

  select_with (view, find_mark_of_region (layout, "east-asia"), REEL_SELECT_TOGGLE);
  g_assert_cmpstrv (reel_chart_view_get_selected_regions (view),
                    ((const char * const[]) { "east-asia", "europe", NULL }));
  g_assert_cmpstr (reel_chart_view_get_selected_region (view), ==, "east-asia");
  wait_for_layout (fixture);
  layout = reel_chart_view_get_layout (view);
  assert_marks_selected (view, "east-asia", TRUE);
  assert_marks_selected (view, "europe", TRUE);

  /* Out again: the other one comes first. */
  select_with (view, find_mark_of_region (layout, "east-asia"), REEL_SELECT_TOGGLE);
  g_assert_cmpstrv (reel_chart_view_get_selected_regions (view),
                    ((const char * const[]) { "europe", NULL }));
  wait_for_layout (fixture);
  layout = reel_chart_view_get_layout (view);
  assert_marks_selected (view, "east-asia", FALSE);

  /* A range, from Europe (the first selected) to the last region's mark. */
  while (g_strcmp0 (ids[from], "europe") != 0)
    from++;
  g_assert_cmpuint (from + 2, <, n_regions);
  select_with (view, find_mark_of_region (layout, ids[n_regions - 1]), REEL_SELECT_EXTEND);
  g_assert_cmpstrv (reel_chart_view_get_selected_regions (view), (const char * const *) ids + from);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.select-world", NULL));
  g_assert_null (reel_chart_view_get_selected_region (view));

  /* Trend compares two regions with the world, alone. */
  reel_chart_view_set_selected_regions (view,
                                        (const char * const[]) { "europe", "east-asia", NULL });
  reel_chart_view_set_chart_kind (view, REEL_CHART_TREND);
  wait_for_layout (fixture);
  layout = reel_chart_view_get_layout (view);
  lines = dup_mark_regions (layout);
  g_assert_cmpstr (lines, ==, "europe,east-asia");
  g_assert_cmpint (find_mark_of_region (layout, NULL), >=, 0);
  g_assert_true (g_str_has_prefix (reel_chart_layout_get_subtitle (layout),
                                   "Europe and East Asia, with the world"));
}

static gboolean
focus_in_view (Fixture *fixture)
{
  return reel_gtk_test_chart_focused_mark (fixture->view) >= 0;
}

/* Tab enters the chart at one mark and leaves it; the arrows move between
 * marks; Enter selects. */
static void
test_chart_view_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  ReelChartLayout *layout = reel_chart_view_get_layout (view);
  guint n_marks = reel_chart_layout_get_n_marks (layout);
  const ReelChartMark *mark;

  g_assert_cmpuint (n_marks, >=, 3);

  gtk_widget_grab_focus (fixture->before);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_in_view (fixture));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 0);

  /* Down and Right go to the next mark, Up and Left back, Home and End to the ends. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i",
                                               REEL_CHART_MOVE_DOWN));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 1);
  g_assert_true (gtk_widget_has_focus (reel_gtk_test_chart_mark_widget (view, 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i",
                                               REEL_CHART_MOVE_RIGHT));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i",
                                               REEL_CHART_MOVE_UP));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_LAST);
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, (int) n_marks - 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_RIGHT);
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, (int) n_marks - 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_FIRST);
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_DOWN);

  /* Enter selects the focused mark's region. */
  mark = reel_chart_layout_get_mark (layout, 1);
  g_assert_nonnull (mark->region_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.select", NULL));
  g_assert_cmpstr (reel_chart_view_get_selected_region (view), ==, mark->region_id);

  /* The new layout (the selection changed) keeps the focus where it was. */
  wait_for_layout (fixture);
  g_assert_true (reel_chart_view_get_layout (view) != layout);
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 1);

  /* The arrow keys of the window's focus chain move inside too. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_DOWN));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 2);

  /* Tab leaves the chart, Shift+Tab comes back to the same mark. */
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  g_assert_false (focus_in_view (fixture));
  gtk_widget_grab_focus (fixture->before);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, 2);
}

/* On Trend, Up and Down go to the nearest point of the next line. */
static void
test_chart_view_keyboard_trend (Fixture       *fixture,
                                gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  ReelChartLayout *layout;
  const ReelChartMark *from, *to;
  int focused;

  reel_chart_view_set_chart_kind (view, REEL_CHART_TREND);
  wait_for_layout (fixture);
  layout = reel_chart_view_get_layout (view);

  gtk_widget_grab_focus (fixture->before);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_RIGHT);
  focused = reel_gtk_test_chart_focused_mark (view);
  from = reel_chart_layout_get_mark (layout, (guint) focused);

  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_DOWN);
  to = reel_chart_layout_get_mark (layout, (guint) reel_gtk_test_chart_focused_mark (view));
  g_assert_cmpint (to->region, !=, from->region);
  g_assert_cmpuint (to->year, ==, from->year);

  gtk_widget_activate_action (GTK_WIDGET (view), "chart.move-focus", "i", REEL_CHART_MOVE_UP);
  g_assert_cmpint (reel_gtk_test_chart_focused_mark (view), ==, focused);
}

/* The dark style lays the chart out again in the dark theme. */
static void
test_chart_view_dark (Fixture       *fixture,
                      gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  guint n = fixture->n_layouts;

  g_assert_false (reel_chart_view_get_dark (view));
  g_assert_cmpint (reel_chart_layout_get_theme (reel_chart_view_get_layout (view))->variant, ==,
                   REEL_CHART_THEME_LIGHT);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  g_assert_true (reel_chart_view_get_dark (view));
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 1);
  g_assert_cmpint (reel_chart_layout_get_theme (reel_chart_view_get_layout (view))->variant, ==,
                   REEL_CHART_THEME_DARK);
  /* The style's translucent card over the window, as the window shows it
   * and the fixed dark theme copies it (test_chart_view_card_background). */
  {
    g_autoptr(ReelChartTheme) fixed = reel_chart_theme_new (REEL_CHART_THEME_DARK);
    const ReelChartTheme *theme = reel_chart_layout_get_theme (reel_chart_view_get_layout (view));

    g_assert_cmpfloat_with_epsilon (theme->background.red, fixed->background.red, 1.0 / 255);
    g_assert_cmpfloat (theme->background.alpha, ==, 1.0);
    g_assert_cmpfloat (theme->foreground.red, ==, 1.0);
  }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (reel_chart_view_get_dark (view));
  wait_for_layout (fixture);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 2);
}

static void
assert_rgb (const ReelChartColor *color,
            guint32               rgb)
{
  g_assert_cmpint ((int) round (color->red * 255), ==, (rgb >> 16) & 0xff);
  g_assert_cmpint ((int) round (color->green * 255), ==, (rgb >> 8) & 0xff);
  g_assert_cmpint ((int) round (color->blue * 255), ==, rgb & 0xff);
}

typedef struct {
  Fixture *fixture;
  guint    n_layouts;
} LayoutCount;

static gboolean
has_new_layout (gpointer data)
{
  const LayoutCount *count = data;

  return count->fixture->n_layouts > count->n_layouts;
}

/* Runs frames until the view has made a layout since it had @n, then
 * until that one is current. */
static void
wait_for_new_layout (Fixture *fixture,
                     guint    n)
{
  LayoutCount count = { fixture, n };

  g_assert_true (reel_gtk_test_wait (has_new_layout, &count, 5000));
  wait_for_layout (fixture);
}

/* The chart takes its text, background and accent from the style, not
 * from copied constants: a stylesheet that changes them (a newer
 * libadwaita, high contrast, an accent colour) lays the chart out in
 * them, and the lines and dimmed text derive from them. */
static void
test_chart_view_style_colors (Fixture       *fixture,
                              gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (view));
  const ReelChartTheme *theme = reel_chart_layout_get_theme (reel_chart_view_get_layout (view));
  guint n = fixture->n_layouts;

  /* libadwaita 1.2's own, which the fixed light theme copies. */
  assert_rgb (&theme->foreground, 0x000000);
  g_assert_cmpfloat_with_epsilon (theme->foreground.alpha, 0.8, 0.01);
  assert_rgb (&theme->background, 0xffffff);
  assert_rgb (&theme->selection, 0x1c71d8);

  gtk_css_provider_load_from_data (provider,
                                   "@define-color card_bg_color #fdf6e3;"
                                   "@define-color accent_color #c01c28;"
                                   "chartview { color: #102030; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  wait_for_new_layout (fixture, n);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 1);
  theme = reel_chart_layout_get_theme (reel_chart_view_get_layout (view));
  assert_rgb (&theme->foreground, 0x102030);
  g_assert_cmpfloat (theme->foreground.alpha, ==, 1.0);
  assert_rgb (&theme->dim, 0x102030);
  g_assert_cmpfloat (theme->dim.alpha, <, 1.0);
  assert_rgb (&theme->grid, 0x102030);
  assert_rgb (&theme->background, 0xfdf6e3);
  assert_rgb (&theme->selection, 0xc01c28);
  g_assert_cmpint (theme->variant, ==, REEL_CHART_THEME_LIGHT);

  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
  wait_for_new_layout (fixture, n + 1);
  g_assert_cmpuint (fixture->n_layouts, ==, n + 2);
  theme = reel_chart_layout_get_theme (reel_chart_view_get_layout (view));
  assert_rgb (&theme->background, 0xffffff);
}

static gboolean
paintable_has_node (gpointer data)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (GDK_PAINTABLE (data), snapshot,
                          gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (data)),
                          gdk_paintable_get_intrinsic_height (GDK_PAINTABLE (data)));
  node = gtk_snapshot_free_to_node (snapshot);

  return node != NULL;
}

/* The colour the window shows at the centre of a .card on the window's
 * background, as ui/reel-window.ui puts the chart in one: libadwaita's
 * card_bg_color (translucent in dark) over window_bg_color. */
static guint32
render_card_color (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWindow *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  graphene_rect_t bounds;
  GtkSnapshot *snapshot;
  int width, height, x, y;
  guint32 pixel;

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_size_request (card, 120, 120);
  gtk_box_append (GTK_BOX (box), card);
  window = reel_gtk_test_window_new (box);
  gtk_window_set_default_size (window, 200, 200);
  reel_gtk_test_flush ();

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (window), &bounds));
  x = (int) (bounds.origin.x + bounds.size.width / 2);
  y = (int) (bounds.origin.y + bounds.size.height / 2);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* What the window drew in its last frame, once it has drawn one. */
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_assert_true (reel_gtk_test_wait (paintable_has_node, paintable, 5000));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  /* CAIRO_FORMAT_ARGB32 in native byte order: 0xAARRGGBB. */
  memcpy (&pixel, pixels + ((gsize) y * width + x) * 4, 4);

  reel_gtk_test_window_destroy (window);
  return pixel;
}

static void
assert_color_near (guint32               pixel,
                   const ReelChartColor *color)
{
  const double channels[] = { color->red, color->green, color->blue };

  g_assert_cmpfloat (color->alpha, ==, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      int shown = (pixel >> (16 - 8 * i)) & 0xff;
      int chart = (int) round (channels[i] * 255);

      /* Renderers may round the blend of a translucent card either way. */
      if (ABS (shown - chart) > 1)
        g_test_message ("the window shows #%06x around the chart, whose background is "
                        "#%02x%02x%02x", pixel & 0xffffff, (int) round (color->red * 255),
                        (int) round (color->green * 255), (int) round (color->blue * 255));
      g_assert_cmpint (ABS (shown - chart), <=, 1);
    }
}

/* In both styles the chart's background is the card's colour as the window
 * shows it, so that no edge shows where the chart meets its card (and the
 * Table view, which is transparent on the card, matches the Chart view). */
static void
test_chart_view_card_background (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  const struct {
    AdwColorScheme        scheme;
    ReelChartThemeVariant variant;
  } cases[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, REEL_CHART_THEME_LIGHT },
    { ADW_COLOR_SCHEME_FORCE_DARK, REEL_CHART_THEME_DARK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ReelChartTheme) theme = reel_chart_theme_new (cases[i].variant);

      adw_style_manager_set_color_scheme (style_manager, cases[i].scheme);
      assert_color_near (render_card_color (), &theme->background);

    }

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The title keeps clear of a control over the top right corner. */
static void
test_chart_view_header_inset (Fixture       *fixture,
                              gconstpointer  data)
{
  ReelChartView *view = fixture->view;

  reel_chart_view_set_header_inset (view, 200);
  wait_for_layout (fixture);
  g_assert_cmpfloat (reel_chart_layout_get_theme (reel_chart_view_get_layout (view))->header_inset, ==,
                     200 - reel_chart_layout_get_theme (reel_chart_view_get_layout (view))->padding_right);
}

/* The alpha of @texture's pixel at @x, @y. */
static guint
texture_alpha_at (GdkTexture *texture,
                  int         x,
                  int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, width * 4);
  return pixels[y * width + x] >> 24;
}

/* The view rounds its background's corners as its card does (which then
 * need not clip it), and Copy Image stays square. */
static void
test_chart_view_corners (Fixture       *fixture,
                         gconstpointer  data)
{
  ReelChartLayout *layout = reel_chart_view_get_layout (fixture->view);
  const ReelChartTheme *theme = reel_chart_layout_get_theme (layout);
  int width = (int) reel_chart_layout_get_width (layout), height = (int) reel_chart_layout_get_height (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(GdkTexture) texture = reel_chart_view_create_texture (fixture->view);
  guint32 *pixels;
  int stride;
  cairo_t *cr;

  g_assert_cmpfloat (theme->corner_radius, ==, 12);
  g_assert_cmpfloat (theme->background.alpha, ==, 1);

  cr = cairo_create (surface);
  reel_chart_render (layout, NULL, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  /* each corner left to the card, the edges between them painted */
  g_assert_cmpuint (pixels[0] >> 24, ==, 0);
  g_assert_cmpuint (pixels[width - 1] >> 24, ==, 0);
  g_assert_cmpuint (pixels[(height - 1) * stride] >> 24, ==, 0);
  g_assert_cmpuint (pixels[(height - 1) * stride + width - 1] >> 24, ==, 0);
  g_assert_cmpuint (pixels[width / 2] >> 24, ==, 255);
  g_assert_cmpuint (pixels[(height / 2) * stride] >> 24, ==, 255);
  g_assert_cmpuint (pixels[(height - 1) * stride + width / 2] >> 24, ==, 255);
  cairo_surface_destroy (surface);

  g_assert_nonnull (texture);
  g_assert_cmpuint (texture_alpha_at (texture, 0, 0), ==, 255);
  g_assert_cmpuint (texture_alpha_at (texture, gdk_texture_get_width (texture) - 1,
                                      gdk_texture_get_height (texture) - 1), ==, 255);
}

static void
copied_cb (ReelChartView *view,
           guint         *n_copied)
{
  (*n_copied)++;
}

/* Copy Image: the chart at the view's size and scale, on the clipboard. */
static void
test_chart_view_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  ReelChartView *view = fixture->view;
  g_autoptr(GdkTexture) texture = reel_chart_view_create_texture (view);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  guint n_copied = 0;

  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 640 * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 480 * scale);

  g_signal_connect (view, "copied", G_CALLBACK (copied_cb), &n_copied);
  g_assert_true (reel_chart_view_copy_image (view));
  g_assert_cmpuint (n_copied, ==, 1);
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  /* Ctrl+C on a focused mark does the same. */
  gtk_widget_grab_focus (fixture->before);
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "chart.copy", NULL));
  g_assert_cmpuint (n_copied, ==, 2);
  g_signal_handlers_disconnect_by_func (view, copied_cb, &n_copied);

  /* Nothing to copy without data. */
  reel_chart_view_set_dataset (view, NULL);
  reel_gtk_test_flush ();
  g_usleep (20000);
  reel_gtk_test_flush ();
  g_assert_false (reel_chart_view_copy_image (view));
}

/* Warmed up, the view has laid the other kinds, the years on either side
 * and the chart with a region selected out while nothing else happened:
 * picking the region, stepping the year or switching the kind then
 * measures no text anew. */
static void
test_chart_view_warm_up (Fixture       *fixture,
                         gconstpointer  data)
{
  guint year = reel_chart_layout_get_default_year (fixture->dataset, REEL_CHART_REVENUE);
  const ReelRegion *first = g_ptr_array_index (reel_dataset_get_regions (fixture->dataset), 0);
  const char *picked[] = { first->id, NULL };
  const char *none[] = { NULL };
  guint n_kept;

  reel_chart_view_warm_up (fixture->view);
  reel_gtk_test_flush ();
  n_kept = reel_chart_pen_count_kept_texts ();
  g_assert_cmpuint (n_kept, >, 0);

  reel_chart_view_set_selected_regions (fixture->view, picked);
  wait_for_layout (fixture);
  g_assert_cmpstr (reel_chart_layout_get_selection (reel_chart_view_get_layout (fixture->view))[0], ==,
                   first->id);
  g_assert_cmpuint (reel_chart_pen_count_kept_texts (), ==, n_kept);
  reel_chart_view_set_selected_regions (fixture->view, none);
  wait_for_layout (fixture);

  reel_chart_view_set_year (fixture->view, year - 1);
  wait_for_layout (fixture);
  g_assert_cmpuint (reel_chart_layout_get_year (reel_chart_view_get_layout (fixture->view)), ==,
                    year - 1);
  g_assert_cmpuint (reel_chart_pen_count_kept_texts (), ==, n_kept);

  reel_chart_view_set_chart_kind (fixture->view, REEL_CHART_GROWTH);
  reel_chart_view_set_year (fixture->view,
                            reel_chart_layout_get_default_year (fixture->dataset, REEL_CHART_GROWTH));
  wait_for_layout (fixture);
  g_assert_cmpint (reel_chart_layout_get_kind (reel_chart_view_get_layout (fixture->view)), ==,
                   REEL_CHART_GROWTH);
  g_assert_cmpuint (reel_chart_pen_count_kept_texts (), ==, n_kept);
}

int
main (int   argc,
      char *argv[])
{
  int status = reel_gtk_test_init (&argc, &argv);

  if (status >= 0)
    return status;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  /* Eight regions with revenue in every year, from records. */
#define ADD_DENSE(path, func) \
  g_test_add (path, Fixture, "synthetic-40.reelscope.json", fixture_set_up, func, fixture_tear_down)
  ADD ("/chart-view/layout-on-change", test_chart_view_layout_on_change);
  ADD ("/chart-view/warm-up", test_chart_view_warm_up);
  ADD ("/chart-view/mark-widgets", test_chart_view_mark_widgets);
  ADD_DENSE ("/chart-view/mark-widgets-dense", test_chart_view_mark_widgets);
  ADD ("/chart-view/hit-test", test_chart_view_hit_test);
  ADD_DENSE ("/chart-view/multi-selection", test_chart_view_multi_selection);
  ADD_DENSE ("/chart-view/keyboard", test_chart_view_keyboard);
  ADD_DENSE ("/chart-view/keyboard-trend", test_chart_view_keyboard_trend);
  ADD ("/chart-view/dark", test_chart_view_dark);
  ADD ("/chart-view/style-colors", test_chart_view_style_colors);
  g_test_add_func ("/chart-view/card-background", test_chart_view_card_background);
  ADD ("/chart-view/header-inset", test_chart_view_header_inset);
  ADD ("/chart-view/copy", test_chart_view_copy);
  ADD ("/chart-view/corners", test_chart_view_corners);
#undef ADD
#undef ADD_DENSE

  return g_test_run ();
}
