/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-text-figure"

#include "config.h"

#include "reel-text-figure.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unicode/uloc.h>

#include "reel-format.h"

/**
 * reel_text_get_separator:
 * @separator: which
 *
 * Each separator is translated once, here: Chinese has punctuation of its
 * own, and the chart and the panels must agree on it.
 *
 * Returns: (transfer none): the separator, with its spaces
 */
const char *
reel_text_get_separator (ReelTextSeparator separator)
{
  switch (separator)
    {
    case REEL_TEXT_SEPARATOR_DETAILS:
      /* TRANSLATORS: between the details of a figure or a chart mark:
       * "North America, 2024, $142M" */
      return C_("details of a figure", ", ");
    case REEL_TEXT_SEPARATOR_ITEMS:
      /* TRANSLATORS: between the items of a chart's summary:
       * "North America: $142M; Europe: $80M" */
      return C_("items of a summary", "; ");
    case REEL_TEXT_SEPARATOR_SUBTITLE:
      /* TRANSLATORS: between the parts of a chart's subtitle */
      return _(" · ");
    case REEL_TEXT_SEPARATOR_NAMES:
      /* TRANSLATORS: between names in a list, "Europe, South Asia" */
      return C_("list of region names", ", ");
    case REEL_TEXT_SEPARATOR_YEARS:
      /* TRANSLATORS: between years in a list, "2023, 2024" */
      return C_("list of years", ", ");
    case REEL_TEXT_SEPARATOR_PARTS:
    default:
      /* TRANSLATORS: between the parts of a line: "$1.3B · Business Insider · estimate" */
      return C_("parts of a line", " · ");
    }
}

/**
 * reel_text_dup_qualified_sign:
 * @qualifier: what a source says of the value
 * @value: a formatted value, "$300M"
 *
 * The value with its qualifier as a sign, as the chart's own labels give
 * it: "≈$300M", "≥$1.2B".
 *
 * Returns: (transfer full): the text
 */
char *
reel_text_dup_qualified_sign (ReelQualifier  qualifier,
                              const char    *value)
{
  switch (qualifier)
    {
    case REEL_QUALIFIER_APPROX:
      /* TRANSLATORS: a chart value that a source gives as approximate, "≈$300M" */
      return g_strdup_printf (_("≈%s"), value);
    case REEL_QUALIFIER_AT_LEAST:
      /* TRANSLATORS: a chart value that is a lower bound, "≥$300M" */
      return g_strdup_printf (_("≥%s"), value);
    case REEL_QUALIFIER_AT_MOST:
      /* TRANSLATORS: a chart value that is an upper bound, "≤$284M" */
      return g_strdup_printf (_("≤%s"), value);
    case REEL_QUALIFIER_NONE:
    default:
      return g_strdup (value);
    }
}

/**
 * reel_text_dup_qualified_words:
 * @qualifier: what a source says of the value
 * @value: a formatted value, "60%" or "300 million US dollars"
 *
 * The value with its qualifier in words, as screen readers, tooltips and
 * the panels give it: "about 60%", "at least $300M".
 *
 * Returns: (transfer full): the text
 */
char *
reel_text_dup_qualified_words (ReelQualifier  qualifier,
                               const char    *value)
{
  switch (qualifier)
    {
    case REEL_QUALIFIER_APPROX:
      /* TRANSLATORS: an approximate figure: "about 60%", "about 300 million US dollars" */
      return g_strdup_printf (_("about %s"), value);
    case REEL_QUALIFIER_AT_LEAST:
      /* TRANSLATORS: a lower bound: "at least 60%" */
      return g_strdup_printf (_("at least %s"), value);
    case REEL_QUALIFIER_AT_MOST:
      /* TRANSLATORS: an upper bound: "at most 60%" */
      return g_strdup_printf (_("at most %s"), value);
    case REEL_QUALIFIER_NONE:
    default:
      return g_strdup (value);
    }
}

/**
 * reel_text_dup_metric_name:
 * @metric: (nullable): a growth metric's id in a dataset ("viewership")
 *
 * The name a growth metric is shown by, wherever it is shown. The common
 * ids have translated names; any other is made readable ("paid-users" →
 * "Paid users").
 *
 * Returns: (transfer full): the name, "" for %NULL
 */
char *
reel_text_dup_metric_name (const char *metric)
{
  static const struct {
    const char *id;
    const char *name;
  } metrics[] = {
    { "viewership", N_("Viewership") },
    { "downloads", N_("Downloads") },
    { "revenue", N_("Revenue") },
    { "users", N_("Users") },
    { "subscribers", N_("Subscribers") },
    { "installs", N_("Installs") },
    { "watch-time", N_("Watch time") },
  };
  char *name;

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (g_strcmp0 (metric, metrics[i].id) == 0)
      return g_strdup (_(metrics[i].name));

  name = g_strdup (metric != NULL ? metric : "");
  g_strdelimit (name, "-_", ' ');
  if (name[0] != '\0')
    name[0] = g_ascii_toupper (name[0]);
  return name;
}

const char *
reel_text_get_region_name (const ReelRegion *region)
{
  /* The world has no id; its name in a dataset is rarely set. */
  if (region->id == NULL)
    return _("World");
  return reel_text_get (region->name);
}

/* A source by its publisher, or its title when it has none. */
const char *
reel_text_get_source_name (ReelDataset *dataset,
                           guint        index)
{
  const ReelSource *source = reel_dataset_get_source (dataset, index);

  if (source == NULL)
    return "?";
  if (source->publisher != NULL)
    return reel_text_get (source->publisher);
  return reel_text_get (source->title);
}

/* @items (of const char *) joined by @separator. */
char *
reel_text_join (GPtrArray         *items,
                ReelTextSeparator  separator)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (joined, reel_text_get_separator (separator));
      g_string_append (joined, g_ptr_array_index (items, i));
    }

  return g_string_free (joined, FALSE);
}

static void
append_part (GString    *line,
             const char *part)
{
  g_string_append_printf (line, "%s%s", reel_text_get_separator (REEL_TEXT_SEPARATOR_PARTS), part);
}

static void
append_detail (GString    *line,
               const char *detail)
{
  g_string_append_printf (line, "%s%s", reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS),
                          detail);
}

/* What a line says of a figure's source: "iChongqing, as cited" then its
 * basis after a comma. */
static void
append_source (GString     *line,
               ReelDataset *dataset,
               guint        source,
               const char  *basis)
{
  append_part (line, reel_text_get_source_name (dataset, source));
  if (basis != NULL)
    append_detail (line, basis);
}

/**
 * reel_text_dup_figure_line:
 * @dataset: where @figure comes from
 * @figure: a money figure
 * @with_year: whether the line starts with the figure's year
 *
 * One line of a tooltip: "$142M · iChongqing (Bridging News), as cited
 * (Global Times) · primary".
 *
 * Returns: (transfer full): the line
 */
char *
reel_text_dup_figure_line (ReelDataset      *dataset,
                           const ReelFigure *figure,
                           gboolean          with_year)
{
  g_autofree char *money = reel_format_money_compact (figure->value,
                                                      reel_dataset_get_currency (dataset), NULL);
  g_autofree char *value = reel_text_dup_qualified_sign (figure->qualifier, money);
  GString *line = g_string_new (NULL);

  if (with_year)
    g_string_append_printf (line, "%u: ", figure->year);
  g_string_append (line, value);
  append_source (line, dataset, figure->source, figure->basis);
  if (figure->flags & REEL_FIGURE_ESTIMATE)
    append_part (line, _("estimate"));
  if (figure->flags & REEL_FIGURE_FORECAST)
    append_part (line, _("forecast"));
  if (figure->flags & REEL_FIGURE_PARTIAL)
    append_part (line, _("partial year"));
  if (figure->flags & REEL_FIGURE_PRIMARY)
    append_part (line, _("primary"));

  return g_string_free (line, FALSE);
}

/**
 * reel_text_dup_period:
 * @period: a figure's period
 * @long_month: whether a month is written out, "October 2025", rather
 *   than "Oct 2025"
 *
 * A period as a chart's bar or subtitle names it: "2025", "H1 2025",
 * "Q3 2025", "Oct 2025", "Jan–Sep 2024". Month names come from the
 * user's locale.
 *
 * Returns: (transfer full): the period in words
 */
char *
reel_text_dup_period (const ReelPeriod *period,
                      gboolean          long_month)
{
  guint year = period->first / 12;
  guint month = period->first % 12 + 1;
  g_autoptr(GDateTime) first = g_date_time_new_utc ((int) year, (int) month, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_utc ((int) (period->last / 12),
                                                   (int) (period->last % 12 + 1), 1, 0, 0, 0);
  g_autofree char *first_month = NULL;
  g_autofree char *last_month = NULL;

  switch (period->kind)
    {
    case REEL_PERIOD_YEAR:
      return g_strdup_printf ("%u", year);
    case REEL_PERIOD_HALF:
      /* TRANSLATORS: a half year, "H1 2025" */
      return g_strdup_printf (_("H%u %u"), (month - 1) / 6 + 1, year);
    case REEL_PERIOD_QUARTER:
      /* TRANSLATORS: a quarter, "Q3 2025" */
      return g_strdup_printf (_("Q%u %u"), (month - 1) / 3 + 1, year);
    case REEL_PERIOD_MONTH:
      return g_date_time_format (first, long_month ? "%B %Y" : "%b %Y");
    case REEL_PERIOD_SPAN:
    default:
      first_month = g_date_time_format (first, period->first / 12 == period->last / 12 ? "%b"
                                                                                    : "%b %Y");
      last_month = g_date_time_format (last, "%b %Y");
      return g_strdup_printf ("%s–%s", first_month, last_month);
    }
}

/* The countries the bundled dataset gives figures for; another is named
 * by its code. */
static const struct {
  const char *code;
  const char *name;
} country_names[] = {
  { "US", N_("United States") },
  { "ID", N_("Indonesia") },
  { "TH", N_("Thailand") },
  { "JP", N_("Japan") },
  { "KR", N_("South Korea") },
  { "IN", N_("India") },
  { "SA", N_("Saudi Arabia") },
};

/* ICU's name of the country @code in the language of the user's
 * messages, or NULL. The names live as long as the program: a couple of
 * hundred codes at most. */
static const char *
get_icu_country_name (const char *code)
{
  const char *language = g_get_language_names ()[0];
  g_autofree char *country = g_strconcat ("_", code, NULL);
  g_autofree char *display = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UChar name[128];
  int32_t length;

  if (g_strcmp0 (language, "C") == 0 || g_strcmp0 (language, "POSIX") == 0)
    language = "en";
  display = g_strndup (language, strcspn (language, ".@"));
  length = uloc_getDisplayCountry (country, display, name, G_N_ELEMENTS (name), &status);
  /* ICU gives the code back for a country it does not know */
  if (U_FAILURE (status) || length <= 0 || length >= (int32_t) G_N_ELEMENTS (name))
    return NULL;
  g_clear_pointer (&display, g_free);
  display = g_utf16_to_utf8 (name, length, NULL, NULL, NULL);
  if (display == NULL || strcmp (display, code) == 0)
    return NULL;
  return g_intern_string (display);
}

/* A country's name from its ISO 3166 alpha-2 code: "United States"; the
 * names charts have always given, else ICU's, else the code. */
const char *
reel_text_get_country_name (const char *code)
{
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (country_names); i++)
    if (g_strcmp0 (code, country_names[i].code) == 0)
      return _(country_names[i].name);
  if (code == NULL || strlen (code) != 2)
    return code;
  name = get_icu_country_name (code);
  return name != NULL ? name : code;
}

/* "derived: share × total of 41% (DataEye, Oct 2025), $194M (DataEye, Oct 2025)" */
char *
reel_text_dup_derivation (ReelDataset          *dataset,
                          const ReelDerivation *derived)
{
  const char *currency = reel_dataset_get_currency (dataset);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < derived->inputs->len; i++)
    {
      const ReelDerivedInput *input = &g_array_index (derived->inputs, ReelDerivedInput, i);
      g_autofree char *period = reel_text_dup_period (&input->period, FALSE);
      g_autofree char *value = NULL;

      if (reel_metric_get_unit (input->metric) == REEL_UNIT_SHARE)
        value = reel_format_share (input->value, NULL);
      else
        value = reel_format_money_compact (input->value, currency, NULL);
      g_ptr_array_add (inputs, g_strdup_printf ("%s (%s%s%s)", value,
                                                reel_text_get_source_name (dataset, input->source),
                                                reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS),
                                                period));
    }
  joined = reel_text_join (inputs, REEL_TEXT_SEPARATOR_ITEMS);
  /* TRANSLATORS: how the dataset computed a figure: "derived: share × total of 41% (DataEye, Oct 2025); $194M (DataEye, Oct 2025)" */
  return g_strdup_printf (_("derived: %s of %s"), reel_text_get (derived->method), joined);
}

/* A figure's number in its metric's unit: "$142M", "2.3B", "41%". */
static char *
dup_measure_number (ReelDataset       *dataset,
                    const ReelMeasure *measure)
{
  switch (reel_metric_get_unit (measure->metric))
    {
    case REEL_UNIT_COUNT:
      return reel_format_number_compact (measure->value, NULL);
    case REEL_UNIT_SHARE:
      return reel_format_share (measure->value, NULL);
    case REEL_UNIT_MONEY:
    default:
      return reel_format_money_compact (measure->value, reel_dataset_get_currency (dataset), NULL);
    }
}

/* A figure's value in its metric's unit with its qualifier: "≈$142M". */
char *
reel_text_dup_measure_value (ReelDataset       *dataset,
                             const ReelMeasure *measure)
{
  g_autofree char *number = dup_measure_number (dataset, measure);

  return reel_text_dup_qualified_sign (measure->qualifier, number);
}

/**
 * reel_text_dup_measure_line:
 * @dataset: where @measure comes from
 * @measure: a figure of format version 2, in its metric's unit
 *
 * One line of a tooltip: "Oct 2025: ≈$79M · derived: share × total of
 * 41% (DataEye, Oct 2025); $194M (DataEye, Oct 2025) · estimate".
 *
 * Returns: (transfer full): the line
 */
char *
reel_text_dup_measure_line (ReelDataset       *dataset,
                            const ReelMeasure *measure)
{
  g_autofree char *period = reel_text_dup_period (&measure->period, FALSE);
  g_autofree char *value = reel_text_dup_measure_value (dataset, measure);
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "%s: %s", period, value);
  if (measure->derived != NULL)
    {
      g_autofree char *derivation = reel_text_dup_derivation (dataset, measure->derived);

      append_part (line, derivation);
      if (measure->basis != NULL)
        append_detail (line, measure->basis);
    }
  else
    {
      append_source (line, dataset, measure->source, measure->basis);
    }
  if ((measure->flags & REEL_FIGURE_ESTIMATE) != 0 || measure->derived != NULL)
    append_part (line, _("estimate"));
  if (measure->flags & REEL_FIGURE_FORECAST)
    append_part (line, _("forecast"));

  return g_string_free (line, FALSE);
}

/* What a growth on another period than the year before compares: "Q1
 * 2025 vs Q4 2024"; NULL for a year on the year before. */
char *
reel_text_dup_growth_periods (const ReelGrowth *growth)
{
  g_autofree char *period = NULL;
  g_autofree char *versus = NULL;

  if (reel_period_is_whole_year (&growth->period) && reel_period_is_whole_year (&growth->versus) &&
      growth->versus.first + 12 == growth->period.first)
    return NULL;

  period = reel_text_dup_period (&growth->period, FALSE);
  versus = reel_text_dup_period (&growth->versus, FALSE);
  /* TRANSLATORS: the periods a growth figure compares: "Q1 2025 vs Q4 2024" */
  return g_strdup_printf (_("%s vs %s"), period, versus);
}

/* One line of a tooltip for a reported growth figure: "+58% · Sensor
 * Tower, downloads · estimate". */
char *
reel_text_dup_growth_line (ReelDataset      *dataset,
                           const ReelGrowth *growth)
{
  g_autofree char *percent = reel_format_percent (growth->percent, NULL);
  g_autofree char *value = reel_text_dup_qualified_sign (growth->qualifier, percent);
  GString *line = g_string_new (value);

  append_source (line, dataset, growth->source, growth->basis);
  if (growth->flags & REEL_FIGURE_ESTIMATE)
    append_part (line, _("estimate"));

  return g_string_free (line, FALSE);
}

/**
 * reel_text_dup_mark_label:
 * @dataset: where the mark's figures come from
 * @mark: what the label says
 *
 * A chart mark's accessible label: "North America, 2024, 142 million US
 * dollars, primary source iChongqing (Bridging News), 2 other sources"
 * (DESIGN §5).
 *
 * Returns: (transfer full): the label
 */
char *
reel_text_dup_mark_label (ReelDataset        *dataset,
                          const ReelTextMark *mark)
{
  GString *label = g_string_new (mark->name);
  const char *source_name = mark->has_source ? reel_text_get_source_name (dataset, mark->source)
                                             : NULL;

  if (mark->what != NULL)
    append_detail (label, mark->what);
  if (mark->year > 0)
    {
      g_autofree char *year = g_strdup_printf ("%u", mark->year);

      append_detail (label, year);
    }
  append_detail (label, mark->value);

  if (mark->flags & REEL_FIGURE_ESTIMATE)
    append_detail (label, _("estimate"));
  if (mark->flags & REEL_FIGURE_FORECAST)
    append_detail (label, _("forecast"));
  if (mark->flags & REEL_FIGURE_PARTIAL)
    append_detail (label, _("partial year"));
  if (mark->cut)
    append_detail (label, _("cut short to fit the axis"));

  if (mark->has_source)
    {
      g_string_append (label, reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS));
      if (mark->n_sources > 1)
        g_string_append_printf (label, _("primary source %s"), source_name);
      else
        g_string_append_printf (label, _("source %s"), source_name);
    }
  if (mark->n_sources > 1)
    {
      guint n_others = mark->n_sources - 1;

      g_string_append (label, reel_text_get_separator (REEL_TEXT_SEPARATOR_DETAILS));
      g_string_append_printf (label, ngettext ("%u other source", "%u other sources", n_others),
                              n_others);
    }

  return g_string_free (label, FALSE);
}

/* "Antom (Ant International), 2025; Sensor Tower" */
static char *
dup_source_list (ReelDataset *dataset,
                 GArray      *sources)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sources->len; i++)
    {
      guint index = g_array_index (sources, guint, i);
      const ReelSource *source = reel_dataset_get_source (dataset, index);

      if (source->published != NULL)
        /* TRANSLATORS: a source and when it was published, "Antom (Ant International), 2025" */
        g_ptr_array_add (names,
                         g_strdup_printf (_("%s, %s"), reel_text_get_source_name (dataset, index),
                                          source->published));
      else
        g_ptr_array_add (names, g_strdup (reel_text_get_source_name (dataset, index)));
    }
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: between the sources in a chart's source line */
  return g_strjoinv (_("; "), (char **) names->pdata);
}

/**
 * reel_text_dup_sources_line:
 * @dataset: the data
 * @sources: (element-type guint): indices of the sources of what is shown,
 *   in the order they first appear
 *
 * A chart's source line: "Sources: Antom, 2025; Sensor Tower. Data:
 * Chinese micro-dramas abroad, updated 2025-11-22."
 *
 * Returns: (transfer full): the line, "" when there is nothing to cite
 */
char *
reel_text_dup_sources_line (ReelDataset *dataset,
                            GArray      *sources)
{
  GString *text = g_string_new (NULL);
  const char *updated = reel_dataset_get_updated (dataset);
  ReelText *title = reel_dataset_get_title (dataset);

  if (sources->len > 0)
    {
      g_autofree char *joined = dup_source_list (dataset, sources);

      g_string_append_printf (text, ngettext ("Source: %s.", "Sources: %s.", sources->len), joined);
    }

  if (title != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (updated != NULL)
        /* TRANSLATORS: the dataset a chart comes from, "Data: Chinese micro-dramas
         * abroad, updated 2025-11-22." */
        g_string_append_printf (text, _("Data: %s, updated %s."), reel_text_get (title), updated);
      else
        g_string_append_printf (text, _("Data: %s."), reel_text_get (title));
    }

  return g_string_free (text, FALSE);
}

/* A figure's flags in words, "primary, estimate", as the table shows them. */
char *
reel_text_dup_figure_flags (ReelFigureFlags flags)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if ((flags & REEL_FIGURE_PRIMARY) != 0)
    g_strv_builder_add (words, C_("figure flag", "primary"));
  if ((flags & REEL_FIGURE_ESTIMATE) != 0)
    g_strv_builder_add (words, C_("figure flag", "estimate"));
  if ((flags & REEL_FIGURE_FORECAST) != 0)
    g_strv_builder_add (words, C_("figure flag", "forecast"));
  if ((flags & REEL_FIGURE_PARTIAL) != 0)
    g_strv_builder_add (words, C_("figure flag", "partial"));

  strv = g_strv_builder_end (words);
  /* TRANSLATORS: separates the flags of a figure: "primary, estimate" */
  return g_strjoinv (C_("list of figure flags", ", "), strv);
}
