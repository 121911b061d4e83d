/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-records-reader"

#include "config.h"

#include "reel-records-reader.h"

#include <glib/gi18n.h>
#include <string.h>

#include "reel-blocks.h"
#include "reel-dataset.h"
#include "reel-rules.h"

typedef enum {
  FIELD_REGION,
  FIELD_PERIOD,
  FIELD_REVENUE,
  FIELD_COUNTRY,
  FIELD_PLATFORM,
  FIELD_METRIC,
  FIELD_VALUE,      /* the general name of `revenue`: exactly one of the two */
  N_FIELDS,
  FIELD_UNKNOWN = N_FIELDS,
} Field;

static const char * const field_names[N_FIELDS] = {
  "region", "period", "revenue", "country", "platform", "metric", "value",
};

/* Seven member names per record: compared by length, then as constants,
 * which the compiler turns into a load and a comparison or two. */
static Field
lookup_field (const char *name,
              gsize       length)
{
  switch (length)
    {
    case 5:
      if (memcmp (name, "value", 5) == 0)
        return FIELD_VALUE;
      break;
    case 6:
      if (memcmp (name, "region", 6) == 0)
        return FIELD_REGION;
      if (memcmp (name, "period", 6) == 0)
        return FIELD_PERIOD;
      if (memcmp (name, "metric", 6) == 0)
        return FIELD_METRIC;
      break;
    case 7:
      if (memcmp (name, "revenue", 7) == 0)
        return FIELD_REVENUE;
      if (memcmp (name, "country", 7) == 0)
        return FIELD_COUNTRY;
      break;
    case 8:
      if (memcmp (name, "platform", 8) == 0)
        return FIELD_PLATFORM;
      break;
    default:
      break;
    }

  return FIELD_UNKNOWN;
}

typedef struct {
  gboolean present;
  guint    line;
  guint    column;
} Seen;

/* An unknown member warned about: a block's warnings are warned again
 * where the blocks are merged, unless a block before had the name. */
typedef struct {
  const char *name;     /* in unknown */
  guint64     index;
  guint       line;
  guint       column;
} Warning;

struct _ReelRecordsReader {
  ReelRecordTable *table;
  ReelJsonTree    *tree;            /* nullable: the rest of the file, for its version */
  guint            version;         /* of the file, known when `records` starts */
  GPtrArray       *problems;
  guint            n_errors;

  guint64          index;           /* of the record being read */
  guint            line;            /* where it starts */
  guint            column;
  gboolean         broken;          /* a problem was reported for it */
  Field            field;           /* the member whose value comes next */
  Field            object_fields[REEL_JSON_FLAT_MEMBERS_MAX];   /* of the last record read whole */
  guint            skip_depth;      /* > 0 while skipping a nested value */

  Seen             seen[N_FIELDS];
  guint            region;
  guint            platform;
  guint            year;
  guint            month;           /* 0 when the period is not one month */
  ReelPeriod       period;
  ReelMetric       metric;
  double           revenue;

  /* Sums are made per block of the file (REEL_RECORD_BLOCK_SIZE): the
   * first block's straight into the table, the next ones in block mode. */
  guint64          elements_start;  /* the offset after "[" */
  guint64          next_block;      /* where the next block starts; 0 reading one block */

  GHashTable      *unknown;         /* member names already warned about */
  GArray          *warnings;        /* of Warning: the same, in order, where */
  GArray          *region_first;    /* interned region → first record index */
  GArray          *platform_first;
};

/* @tree is the tree the rest of the file goes to: when `records` starts,
 * the `version` it holds decides which periods and metrics records may
 * have (version 1: revenue months only, also when `version` comes later). */
ReelRecordsReader *
reel_records_reader_new (ReelRecordTable *table,
                         ReelJsonTree    *tree,
                         GPtrArray       *problems)
{
  ReelRecordsReader *self = g_new0 (ReelRecordsReader, 1);

  self->table = table;
  self->tree = tree;
  self->version = 1;
  self->problems = g_ptr_array_ref (problems);
  self->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->warnings = g_array_new (FALSE, FALSE, sizeof (Warning));
  self->region_first = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->platform_first = g_array_new (FALSE, FALSE, sizeof (guint64));
  return self;
}

static void note_first   (GArray            *first,
                          guint              id,
                          guint64            index);
static void warn_unknown (ReelRecordsReader *self,
                          const char        *name,
                          guint              line,
                          guint              column);

/* A reader of one block of the records of the file that @parent reads,
 * on another thread, into a table of its own; see
 * reel_records_reader_merge_block(). */
ReelRecordsReader *
reel_records_reader_new_for_block (const ReelRecordsReader *parent,
                                   ReelRecordTable         *table,
                                   GPtrArray               *problems)
{
  ReelRecordsReader *self = reel_records_reader_new (table, NULL, problems);

  self->version = parent->version;
  return self;
}

static void
merge_first (GArray       *first,
             const GArray *block_first,
             const GArray *map,
             guint64       base_index)
{
  for (guint i = 0; i < map->len; i++)
    note_first (first, g_array_index (map, guint, i),
                base_index + g_array_index (block_first, guint64, i));
}

static void
merge_warnings (ReelRecordsReader       *self,
                const ReelRecordsReader *block,
                guint                    base_line,
                guint                    base_column)
{
  guint64 index = self->index;

  for (guint i = 0; i < block->warnings->len; i++)
    {
      const Warning *warning = &g_array_index (block->warnings, Warning, i);
      guint line = warning->line, column = warning->column;

      reel_position_rebase (&line, &column, base_line, base_column);
      self->index = index + warning->index;
      warn_unknown (self, warning->name, line, column);
    }
  self->index = index;
}

/* Adds what @block read (the records after those this reader has) to this
 * reader and its table; @base_line and @base_column are where the block
 * starts in the file. FALSE when reading them here would have reported a
 * problem that the block could not see (see reel_record_table_merge()). */
gboolean
reel_records_reader_merge_block (ReelRecordsReader       *self,
                                 const ReelRecordsReader *block,
                                 guint                    base_line,
                                 guint                    base_column)
{
  g_autoptr(GArray) region_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) platform_map = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->index + block->index > REEL_DATASET_MAX_RECORDS ||
      !reel_record_table_merge (self->table, block->table, base_line, base_column,
                                region_map, platform_map))
    return FALSE;

  merge_first (self->region_first, block->region_first, region_map, self->index);
  merge_first (self->platform_first, block->platform_first, platform_map, self->index);
  merge_warnings (self, block, base_line, base_column);
  self->index += block->index;
  return TRUE;
}

void
reel_records_reader_free (ReelRecordsReader *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->unknown);
  g_array_unref (self->warnings);
  g_array_unref (self->region_first);
  g_array_unref (self->platform_first);
  g_free (self);
}

/* `records[3].region`; an unknown member with a dot or a bracket (or a
 * control character) in its name is written `records[3]["a.b"]`, as the
 * builder writes paths. */
static char *
record_path (guint64     index,
             const char *member)
{
  GString *path = g_string_new (NULL);

  g_string_printf (path, "records[%" G_GUINT64_FORMAT "]", index);
  if (member != NULL)
    reel_json_path_append_key (path, member);
  return g_string_free (path, FALSE);
}

/* Adds a problem; past REEL_PROBLEMS_MAX errors the rest of the file would
 * only repeat them, so reading stops. */
static gboolean
report (ReelRecordsReader    *self,
        ReelProblemSeverity   severity,
        const char           *member,
        guint                 line,
        guint                 column,
        char                 *message,
        GError              **error)
{
  g_autofree char *owned = message;
  g_autofree char *path = record_path (self->index, member);

  g_ptr_array_add (self->problems, reel_problem_new (severity, path, line, column, owned));
  if (severity == REEL_PROBLEM_WARNING)
    return TRUE;

  self->broken = TRUE;
  if (++self->n_errors < REEL_PROBLEMS_MAX)
    return TRUE;

  g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_INVALID,
               _("More than %u problems in the records; stopped reading"), REEL_PROBLEMS_MAX);
  return FALSE;
}

static gboolean
wrong_type (ReelRecordsReader    *self,
            const ReelJsonEvent  *event,
            GError              **error)
{
  gboolean number = self->field == FIELD_REVENUE || self->field == FIELD_VALUE;
  const char *expected = number ? _("a number") : _("a string");

  return report (self, REEL_PROBLEM_ERROR, field_names[self->field], event->line, event->column,
                 g_strdup_printf (_("must be %s"), expected), error);
}

static void
note_first (GArray  *first,
            guint    id,
            guint64  index)
{
  if (id == first->len)
    g_array_append_val (first, index);
}

/* A month ("YYYY-MM") the quick way, as version 1 reads it; any other
 * spelling of version 2 by reel_period_parse(), which allocates only its
 * message. */
static char *
read_period (ReelRecordsReader   *self,
             const ReelJsonEvent *event)
{
  char *message;

  if (self->version < 2 || (event->length == 7 && event->string[4] == '-' &&
                            g_ascii_isdigit (event->string[5])))
    {
      message = reel_rules_check_period (event->string, event->length, &self->year, &self->month);
      self->period.first = self->period.last = self->year * 12 + self->month - 1;
      self->period.kind = REEL_PERIOD_MONTH;
      return message;
    }

  self->month = 0;
  return reel_period_parse (event->string, &self->period);
}

static gboolean
read_string_field (ReelRecordsReader    *self,
                   const ReelJsonEvent  *event,
                   GError              **error)
{
  const char *member = field_names[self->field];
  g_autofree char *message = NULL;

  switch ((guint) self->field)
    {
    case FIELD_REGION:
      /* An id already in the table was checked when it went in. */
      self->region = reel_record_table_lookup_region (self->table, event->string, event->length);
      if (self->region != REEL_RECORD_NO_ID)
        break;
      message = reel_rules_check_id (event->string, event->length);
      if (message != NULL)
        break;
      self->region = reel_record_table_intern_region (self->table, event->string,
                                                      event->line, event->column);
      if (self->region == REEL_RECORD_NO_ID)
        message = g_strdup_printf (_("more than %u different regions in the records"),
                                   (guint) REEL_RECORD_MAX_IDS);
      note_first (self->region_first, self->region, self->index);
      break;

    case FIELD_PLATFORM:
      self->platform = reel_record_table_lookup_platform (self->table, event->string, event->length);
      if (self->platform != REEL_RECORD_NO_ID)
        break;
      message = reel_rules_check_id (event->string, event->length);
      if (message != NULL)
        break;
      self->platform = reel_record_table_intern_platform (self->table, event->string,
                                                          event->line, event->column);
      if (self->platform == REEL_RECORD_NO_ID)
        message = g_strdup_printf (_("more than %u different platforms in the records"),
                                   (guint) REEL_RECORD_MAX_IDS);
      note_first (self->platform_first, self->platform, self->index);
      break;

    case FIELD_PERIOD:
      message = read_period (self, event);
      break;

    case FIELD_METRIC:
      if (reel_metric_from_string (event->string, &self->metric))
        break;
      message = g_strdup_printf (_("“%s” is not a metric: use revenue, downloads, "
                                   "monthly-active-users, revenue-share, download-share "
                                   "or revenue-per-download"),
                                 event->string);
      break;

    case FIELD_COUNTRY:
      message = reel_rules_check_country (event->string, event->length);
      break;

    default:
      g_assert_not_reached ();
    }

  if (message != NULL)
    return report (self, REEL_PROBLEM_ERROR, member, event->line, event->column,
                   g_steal_pointer (&message), error);

  return TRUE;
}

static gboolean
read_value (ReelRecordsReader    *self,
            const ReelJsonEvent  *event,
            GError              **error)
{
  Field field = self->field;

  if (field == FIELD_UNKNOWN)
    return TRUE;

  self->seen[field].present = TRUE;
  self->seen[field].line = event->line;
  self->seen[field].column = event->column;

  if (field == FIELD_REVENUE || field == FIELD_VALUE)
    {
      if (event->type != REEL_JSON_NUMBER)
        return wrong_type (self, event, error);
      if (self->seen[FIELD_REVENUE].present && self->seen[FIELD_VALUE].present)
        return report (self, REEL_PROBLEM_ERROR, field_names[field], event->line, event->column,
                       g_strdup (_("a record has “revenue” or “value”, not both")), error);
      if (event->number < 0 && field == FIELD_VALUE)
        return report (self, REEL_PROBLEM_ERROR, "value", event->line, event->column,
                       g_strdup (_("must be 0 or more")), error);
      if (event->number < 0)
        return report (self, REEL_PROBLEM_ERROR, "revenue", event->line, event->column,
                       g_strdup_printf (_("%s is negative: revenue is 0 or more"), event->string),
                       error);
      self->revenue = event->number;
      return TRUE;
    }

  if (event->type != REEL_JSON_STRING)
    return wrong_type (self, event, error);

  return read_string_field (self, event, error);
}

/* Closes the block before a record that starts in a later one. */
static void
follow_blocks (ReelRecordsReader *self,
               ReelJsonScanner   *scanner)
{
  guint64 offset = reel_json_scanner_get_offset (scanner);
  guint64 block_size = reel_blocks_get_block_size ();

  if (offset < self->next_block)
    return;

  if (self->next_block == self->elements_start + block_size)
    reel_record_table_use_blocks (self->table);
  else
    reel_record_table_close_block (self->table);
  self->next_block = offset - (offset - self->elements_start) % block_size + block_size;
}

static gboolean
start_record (ReelRecordsReader    *self,
              ReelJsonScanner      *scanner,
              const ReelJsonEvent  *event,
              GError              **error)
{
  if (self->next_block != 0)
    follow_blocks (self, scanner);

  /* Field by field: a memset() of the few bytes costs more, a string
   * instruction's start-up, at a million records. */
  for (guint i = 0; i < N_FIELDS; i++)
    self->seen[i].present = FALSE;
  self->broken = FALSE;
  self->platform = REEL_RECORD_NO_ID;
  self->metric = REEL_METRIC_REVENUE;
  self->month = 0;
  self->line = event->line;
  self->column = event->column;

  if (self->index >= REEL_DATASET_MAX_RECORDS)
    {
      report (self, REEL_PROBLEM_ERROR, NULL, event->line, event->column,
              g_strdup_printf (_("more than %u records"), (guint) REEL_DATASET_MAX_RECORDS), NULL);
      g_set_error (error, REEL_DATASET_ERROR, REEL_DATASET_ERROR_TOO_LARGE,
                   _("More than %u records"), (guint) REEL_DATASET_MAX_RECORDS);
      return FALSE;
    }

  return TRUE;
}

/* Adds a record that is not a month of revenue to its series, after the
 * checks that need both its metric and its value. */
static gboolean
add_measure (ReelRecordsReader  *self,
             GError            **error)
{
  Field number = self->seen[FIELD_VALUE].present ? FIELD_VALUE : FIELD_REVENUE;
  const Seen *seen = &self->seen[number];
  gboolean share = reel_metric_get_unit (self->metric) == REEL_UNIT_SHARE;

  if (share && self->revenue > 1)
    return report (self, REEL_PROBLEM_ERROR, field_names[number], seen->line, seen->column,
                   g_strdup (_("must be a share from 0 to 1")), error);

  switch (reel_record_table_add_measure (self->table, self->region, self->platform,
                                         self->metric, &self->period, self->revenue))
    {
    case REEL_RECORD_TOO_MANY_SERIES:
      return report (self, REEL_PROBLEM_ERROR, NULL, self->line, self->column,
                     g_strdup_printf (_("more than %u different series of places, metrics "
                                        "and periods in the records"),
                                      (guint) REEL_RECORD_MAX_SERIES), error);
    case REEL_RECORD_SHARE_TWICE:
      return report (self, REEL_PROBLEM_ERROR, field_names[number], seen->line, seen->column,
                     g_strdup (_("a second share of the same place, metric and period: "
                                 "shares are not summed")), error);
    case REEL_RECORD_ADDED:
    default:
      return TRUE;
    }
}

static gboolean
end_record (ReelRecordsReader  *self,
            GError            **error)
{
  gboolean has_number = self->seen[FIELD_REVENUE].present || self->seen[FIELD_VALUE].present;

  for (guint i = FIELD_REGION; i <= FIELD_REVENUE; i++)
    if (!self->seen[i].present && (i != FIELD_REVENUE || !has_number) &&
        !report (self, REEL_PROBLEM_ERROR, NULL, self->line, self->column,
                 g_strdup_printf (_("the record has no “%s”"), field_names[i]), error))
      return FALSE;

  if (!self->broken)
    {
      if (self->metric == REEL_METRIC_REVENUE && self->month != 0)
        reel_record_table_add (self->table, self->region, self->platform,
                               self->year, self->month, self->revenue);
      else if (!add_measure (self, error))
        return FALSE;
    }

  self->index++;
  return TRUE;
}

/* The version of the file, from the `version` read before `records`. */
static void
find_version (ReelRecordsReader *self)
{
  JsonNode *root = self->tree != NULL ? reel_json_tree_get_root (self->tree) : NULL;
  JsonNode *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  version = json_object_get_member (json_node_get_object (root), "version");
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
      json_node_get_value_type (version) == G_TYPE_INT64 && json_node_get_int (version) >= 2)
    self->version = 2;
}

/* Warns of an unknown member once per name, not once per record: a million
 * warnings help no one. Nor do a million names (each record may have
 * others): past REEL_PROBLEMS_MAX of them, the rest are ignored without a
 * word, so that neither the names nor the warnings grow without bound. */
static void
warn_unknown (ReelRecordsReader *self,
              const char        *name,
              guint              line,
              guint              column)
{
  Warning warning = { NULL, self->index, line, column };

  if (g_hash_table_size (self->unknown) >= REEL_PROBLEMS_MAX ||
      g_hash_table_contains (self->unknown, name))
    return;

  warning.name = g_strdup (name);
  g_hash_table_add (self->unknown, (char *) warning.name);
  g_array_append_val (self->warnings, warning);
  report (self, REEL_PROBLEM_WARNING, name, line, column,
          g_strdup (_("unknown member of a record, ignored")), NULL);
}

static void
read_key (ReelRecordsReader   *self,
          const ReelJsonEvent *event)
{
  self->field = lookup_field (event->string, event->length);
  /* Version 1 records have revenue months only: other members are unknown. */
  if (self->version < 2 && (self->field == FIELD_METRIC || self->field == FIELD_VALUE))
    self->field = FIELD_UNKNOWN;

  if (self->field == FIELD_UNKNOWN)
    warn_unknown (self, event->string, event->line, event->column);
}

/* A ReelJsonObjectHandler for the records that the scanner reads whole:
 * what their events would do, in one call. */
gboolean
reel_records_reader_handle_object (ReelJsonScanner       *scanner,
                                   const ReelJsonObject  *object,
                                   gpointer               user_data,
                                   GError               **error)
{
  ReelRecordsReader *self = user_data;

  g_assert (self->skip_depth == 0);

  if (!start_record (self, scanner, &object->start, error))
    return FALSE;

  for (guint i = 0; i < object->n_members; i++)
    {
      /* The names of the last record again: their fields are known. */
      if (object->same_names)
        self->field = self->object_fields[i];
      else
        read_key (self, &object->members[i].key);
      self->object_fields[i] = self->field;
      if (!read_value (self, &object->members[i].value, error))
        return FALSE;
    }

  return end_record (self, error);
}

/* A ReelJsonHandler for the events of the `records` array, from its
 * ARRAY_START at depth 1 to its ARRAY_END. */
gboolean
reel_records_reader_handle_event (ReelJsonScanner      *scanner,
                                  const ReelJsonEvent  *event,
                                  gpointer              user_data,
                                  GError              **error)
{
  ReelRecordsReader *self = user_data;
  gboolean opens = event->type == REEL_JSON_OBJECT_START || event->type == REEL_JSON_ARRAY_START;
  gboolean closes = event->type == REEL_JSON_OBJECT_END || event->type == REEL_JSON_ARRAY_END;

  /* A value nested where a record member should be: reported once, skipped. */
  if (self->skip_depth > 0)
    {
      if (closes && event->depth == self->skip_depth)
        self->skip_depth = 0;
      return TRUE;
    }

  if (event->depth == 1)
    {
      if (event->type == REEL_JSON_ARRAY_START)
        {
          find_version (self);
          reel_json_scanner_read_objects (scanner, reel_records_reader_handle_object, self);
          self->elements_start = reel_json_scanner_get_offset (scanner) + 1;
          self->next_block = self->elements_start + reel_blocks_get_block_size ();
        }
      else if (event->type == REEL_JSON_ARRAY_END)
        {
          reel_record_table_close_block (self->table);
        }
      return TRUE;    /* the array itself */
    }

  if (event->depth == 2)
    {
      if (event->type == REEL_JSON_OBJECT_START)
        return start_record (self, scanner, event, error);
      if (event->type == REEL_JSON_OBJECT_END)
        return end_record (self, error);

      if (opens)
        self->skip_depth = 2;
      if (!report (self, REEL_PROBLEM_ERROR, NULL, event->line, event->column,
                   g_strdup (_("a record must be an object")), error))
        return FALSE;
      if (!opens)
        self->index++;
      return TRUE;
    }

  if (event->type == REEL_JSON_KEY)
    {
      read_key (self, event);
      return TRUE;
    }

  if (opens)
    {
      self->skip_depth = 3;
      if (self->field != FIELD_UNKNOWN)
        return wrong_type (self, event, error);
      return TRUE;
    }

  return read_value (self, event, error);
}

/* Reports every region or platform id of the records that names nothing,
 * where it was first used. */
void
reel_records_reader_check_ids (ReelRecordsReader *self,
                               GHashTable        *regions,
                               GHashTable        *platforms)
{
  guint n_regions = reel_record_table_get_n_regions (self->table);
  guint n_platforms = reel_record_table_get_n_platforms (self->table);
  guint line, column;

  for (guint i = 0; i < n_regions; i++)
    {
      const char *id = reel_record_table_get_region_id (self->table, i, &line, &column);

      if (!g_hash_table_contains (regions, id))
        {
          self->index = g_array_index (self->region_first, guint64, i);
          report (self, REEL_PROBLEM_ERROR, "region", line, column,
                  g_strdup_printf (_("“%s” is not the id of a region"), id), NULL);
        }
    }

  for (guint i = 0; i < n_platforms; i++)
    {
      const char *id = reel_record_table_get_platform_id (self->table, i, &line, &column);

      if (!g_hash_table_contains (platforms, id))
        {
          self->index = g_array_index (self->platform_first, guint64, i);
          report (self, REEL_PROBLEM_ERROR, "platform", line, column,
                  g_strdup_printf (_("“%s” is not the id of a platform"), id), NULL);
        }
    }
}

guint
reel_records_reader_get_n_errors (ReelRecordsReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_errors;
}
