/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-record-table"

#include "config.h"

#include "reel-record-table.h"

#include <string.h>

#include "reel-problem.h"

/* One interned id with the position where it first appeared, so that an id
 * that resolves to nothing can be reported where the reader saw it. Its sums
 * cover only the years it has records for: [first_year, first_year + n_years). */
typedef struct {
  char          *id;
  gsize          length;
  guint          line;
  guint          column;
  guint          first_year;
  guint          n_years;
  ReelRecordSum *sums;
} Entry;

/* Slots of the quick index, a power of two. */
#define QUICK_SLOTS 64

typedef struct {
  GHashTable *index;    /* id → position + 1 in entries */
  GArray     *entries;  /* of Entry */
  guint       quick[QUICK_SLOTS];   /* position + 1 by quick_hash(), the last id there */
} Ids;

/* Up to this many ids (a dataset has a handful of regions and platforms),
 * comparing lengths and bytes beats hashing the whole id. */
#define LINEAR_IDS_MAX 16

struct _ReelRecordTable {
  Ids         regions;
  Ids         platforms;
  GArray     *series;         /* of ReelRecordSeries, in the order they appeared */
  GHashTable *series_index;   /* ReelRecordSeries key (value 0) → position + 1 */
  guint64     n_records;
  guint   first_year;
  guint   last_year;
  gboolean    blocks;         /* sums go to the open block's pending sums */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  g_free (entry->sums);
}

static void
ids_init (Ids *ids)
{
  ids->index = g_hash_table_new (g_str_hash, g_str_equal);
  ids->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (ids->entries, entry_clear);
}

static void
ids_clear (Ids *ids)
{
  g_clear_pointer (&ids->index, g_hash_table_unref);
  g_clear_pointer (&ids->entries, g_array_unref);
}

static inline gboolean
same_word (const char *a,
           const char *b)
{
  guint64 x, y;

  memcpy (&x, a, sizeof x);
  memcpy (&y, b, sizeof y);
  return x == y;
}

/* memcmp () == 0 for short ids, without the call: words, the last one
 * overlapping the one before (an id of 8 to 16 bytes is two), then bytes
 * for the shortest. */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       n)
{
  if (n >= sizeof (guint64))
    {
      for (gsize i = 0; i + sizeof (guint64) < n; i += sizeof (guint64))
        if (!same_word (a + i, b + i))
          return FALSE;
      return same_word (a + n - sizeof (guint64), b + n - sizeof (guint64));
    }

  for (; n > 0; a++, b++, n--)
    if (*a != *b)
      return FALSE;

  return TRUE;
}

static inline gboolean
entry_is (const Entry *entry,
          const char  *id,
          gsize        length)
{
  return entry->length == length && same_bytes (entry->id, id, length);
}

/* A slot of the quick index from the length and the first eight bytes,
 * which tell apart the ids of a dataset; a clash only costs a slower look. */
static inline guint
quick_hash (const char *id,
            gsize       length)
{
  guint64 head = 0;

  if (length >= sizeof head)
    memcpy (&head, id, sizeof head);
  else
    for (gsize i = 0; i < length; i++)
      head = head << 8 | (guchar) id[i];
  return (guint) (((head ^ length) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58) & (QUICK_SLOTS - 1);
}

/* The id's index, or REEL_RECORD_NO_ID; @id is NUL-terminated. */
static guint
ids_lookup (Ids        *ids,
            const char *id,
            gsize       length)
{
  const Entry *entries = (const Entry *) ids->entries->data;
  guint n = ids->entries->len;
  guint slot = quick_hash (id, length), quick = ids->quick[slot];
  guint i = REEL_RECORD_NO_ID;
  gpointer found;

  if (quick != 0 && entry_is (&entries[quick - 1], id, length))
    return quick - 1;

  if (n <= LINEAR_IDS_MAX)
    {
      for (i = 0; i < n && !entry_is (&entries[i], id, length); i++)
        ;
      if (i == n)
        return REEL_RECORD_NO_ID;
    }
  else if ((found = g_hash_table_lookup (ids->index, id)) != NULL &&
           entries[GPOINTER_TO_UINT (found) - 1].length == length)
    {
      /* The length too: a CSV field may hold a NUL, which would end the
       * key early. */
      i = GPOINTER_TO_UINT (found) - 1;
    }
  else
    {
      return REEL_RECORD_NO_ID;
    }

  ids->quick[slot] = i + 1;
  return i;
}

static guint
ids_intern (Ids        *ids,
            const char *id,
            gsize       length,
            guint       line,
            guint       column)
{
  Entry entry = { 0 };
  guint i;

  g_assert (id != NULL);

  if ((i = ids_lookup (ids, id, length)) != REEL_RECORD_NO_ID)
    return i;

  if (ids->entries->len >= REEL_RECORD_MAX_IDS)
    return REEL_RECORD_NO_ID;

  entry.id = g_strndup (id, length);
  entry.length = length;
  entry.line = line;
  entry.column = column;
  g_array_append_val (ids->entries, entry);
  g_hash_table_insert (ids->index, entry.id, GUINT_TO_POINTER (ids->entries->len));
  ids->quick[quick_hash (id, length)] = ids->entries->len;

  return ids->entries->len - 1;
}

/* Grows the entry's year window to include @year; the window only ever
 * widens, and most sets of records span a handful of years. */
static ReelRecordSum *
entry_sum (Entry *entry,
           guint  year)
{
  if (entry->n_years == 0)
    {
      entry->first_year = year;
      entry->n_years = 1;
      entry->sums = g_new0 (ReelRecordSum, 1);
    }
  else if (year < entry->first_year || year >= entry->first_year + entry->n_years)
    {
      guint first = MIN (year, entry->first_year);
      guint end = MAX (year + 1, entry->first_year + entry->n_years);
      ReelRecordSum *sums = g_new0 (ReelRecordSum, end - first);

      memcpy (sums + (entry->first_year - first), entry->sums,
              entry->n_years * sizeof (ReelRecordSum));
      g_free (entry->sums);
      entry->sums = sums;
      entry->first_year = first;
      entry->n_years = end - first;
    }

  return &entry->sums[year - entry->first_year];
}

static const ReelRecordSum *
ids_get_sum (const Ids *ids,
             guint      i,
             guint      year)
{
  const Entry *entry;

  g_return_val_if_fail (i < ids->entries->len, NULL);

  entry = &g_array_index (ids->entries, Entry, i);
  if (year < entry->first_year || year >= entry->first_year + entry->n_years)
    return NULL;
  if (entry->sums[year - entry->first_year].months == 0)
    return NULL;

  return &entry->sums[year - entry->first_year];
}

static const char *
ids_get_id (const Ids *ids,
            guint      i,
            guint     *line,
            guint     *column)
{
  const Entry *entry;

  g_return_val_if_fail (i < ids->entries->len, NULL);

  entry = &g_array_index (ids->entries, Entry, i);
  if (line != NULL)
    *line = entry->line;
  if (column != NULL)
    *column = entry->column;

  return entry->id;
}

static guint
series_hash (gconstpointer data)
{
  const ReelRecordSeries *key = data;

  return ((key->region * 31u + key->platform) * 31u + key->metric) * 31u +
         key->period.first * 131u + key->period.last * 7u + key->period.kind;
}

static gboolean
series_equal (gconstpointer a,
              gconstpointer b)
{
  const ReelRecordSeries *x = a, *y = b;

  return x->region == y->region && x->platform == y->platform && x->metric == y->metric &&
         reel_period_equal (&x->period, &y->period);
}

ReelRecordTable *
reel_record_table_new (void)
{
  ReelRecordTable *table = g_new0 (ReelRecordTable, 1);

  ids_init (&table->regions);
  ids_init (&table->platforms);
  table->series = g_array_new (FALSE, FALSE, sizeof (ReelRecordSeries));
  table->series_index = g_hash_table_new_full (series_hash, series_equal, g_free, NULL);
  table->first_year = G_MAXUINT;

  return table;
}

void
reel_record_table_free (ReelRecordTable *table)
{
  if (table == NULL)
    return;

  ids_clear (&table->regions);
  ids_clear (&table->platforms);
  g_array_unref (table->series);
  g_hash_table_unref (table->series_index);
  g_free (table);
}

guint
reel_record_table_intern_region (ReelRecordTable *table,
                                 const char      *id,
                                 guint            line,
                                 guint            column)
{
  g_return_val_if_fail (table != NULL, REEL_RECORD_NO_ID);
  g_return_val_if_fail (id != NULL, REEL_RECORD_NO_ID);

  return ids_intern (&table->regions, id, strlen (id), line, column);
}

guint
reel_record_table_intern_platform (ReelRecordTable *table,
                                   const char      *id,
                                   guint            line,
                                   guint            column)
{
  g_return_val_if_fail (table != NULL, REEL_RECORD_NO_ID);
  g_return_val_if_fail (id != NULL, REEL_RECORD_NO_ID);

  return ids_intern (&table->platforms, id, strlen (id), line, column);
}

/* The index of a region id interned before, or REEL_RECORD_NO_ID. @id
 * must be NUL-terminated, @length its length. A reader looks an id up
 * before checking it: an id that is in the table was checked when it went
 * in, so most records skip the check. */
guint
reel_record_table_lookup_region (ReelRecordTable *table,
                                 const char      *id,
                                 gsize            length)
{
  g_return_val_if_fail (table != NULL, REEL_RECORD_NO_ID);
  g_return_val_if_fail (id != NULL, REEL_RECORD_NO_ID);

  return ids_lookup (&table->regions, id, length);
}

guint
reel_record_table_lookup_platform (ReelRecordTable *table,
                                   const char      *id,
                                   gsize            length)
{
  g_return_val_if_fail (table != NULL, REEL_RECORD_NO_ID);
  g_return_val_if_fail (id != NULL, REEL_RECORD_NO_ID);

  return ids_lookup (&table->platforms, id, length);
}

/* @year and @month must have been checked by the reader (the reader knows
 * where they came from and reports them); @platform may be REEL_RECORD_NO_ID. */
void
reel_record_table_add (ReelRecordTable *table,
                       guint            region,
                       guint            platform,
                       guint            year,
                       guint            month,
                       double           revenue)
{
  ReelRecordSum *sum;

  g_return_if_fail (table != NULL);
  g_return_if_fail (region < table->regions.entries->len);
  g_return_if_fail (platform == REEL_RECORD_NO_ID || platform < table->platforms.entries->len);
  g_return_if_fail (year >= REEL_RECORD_YEAR_MIN && year <= REEL_RECORD_YEAR_MAX);
  g_return_if_fail (month >= 1 && month <= 12);

  sum = entry_sum (&g_array_index (table->regions.entries, Entry, region), year);
  *(table->blocks ? &sum->pending : &sum->revenue) += revenue;
  sum->months |= 1u << (month - 1);

  if (platform != REEL_RECORD_NO_ID)
    {
      sum = entry_sum (&g_array_index (table->platforms.entries, Entry, platform), year);
      *(table->blocks ? &sum->pending : &sum->revenue) += revenue;
      sum->months |= 1u << (month - 1);
    }

  table->first_year = MIN (table->first_year, year);
  table->last_year = MAX (table->last_year, year);
  table->n_records++;
}

static ReelRecordResult
add_to_series (ReelRecordTable  *table,
               guint             region,
               guint             platform,
               ReelMetric        metric,
               const ReelPeriod *period,
               double            value)
{
  ReelRecordSeries key = { region, platform, metric, *period, 0 };
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (table->series_index, &key));

  if (position != 0)
    {
      ReelRecordSeries *series = &g_array_index (table->series, ReelRecordSeries, position - 1);

      if (reel_metric_get_unit (metric) == REEL_UNIT_SHARE)
        return REEL_RECORD_SHARE_TWICE;
      *(table->blocks ? &series->pending : &series->value) += value;
      return REEL_RECORD_ADDED;
    }

  if (table->series->len >= REEL_RECORD_MAX_SERIES)
    return REEL_RECORD_TOO_MANY_SERIES;

  *(table->blocks ? &key.pending : &key.value) = value;
  g_array_append_val (table->series, key);
  key.value = key.pending = 0;
  g_hash_table_insert (table->series_index, g_memdup2 (&key, sizeof key),
                       GUINT_TO_POINTER (table->series->len));
  return REEL_RECORD_ADDED;
}

/* Adds a record that is not a month of revenue; its value must have been
 * checked by the reader. Counts and money add to the region's series and,
 * with a platform, to the platform's in that region; a share is one
 * place's alone: the platform's in the region when there is one, else the
 * region's.
 * A record that fails is an error, which fails the whole load, so a count
 * that reached the region's series but not the platform's is never seen. */
ReelRecordResult
reel_record_table_add_measure (ReelRecordTable  *table,
                               guint             region,
                               guint             platform,
                               ReelMetric        metric,
                               const ReelPeriod *period,
                               double            value)
{
  ReelRecordResult result;

  g_return_val_if_fail (table != NULL, REEL_RECORD_TOO_MANY_SERIES);
  g_return_val_if_fail (region < table->regions.entries->len, REEL_RECORD_TOO_MANY_SERIES);
  g_return_val_if_fail (platform == REEL_RECORD_NO_ID || platform < table->platforms.entries->len,
                        REEL_RECORD_TOO_MANY_SERIES);
  g_return_val_if_fail (period != NULL, REEL_RECORD_TOO_MANY_SERIES);

  if (reel_metric_get_unit (metric) == REEL_UNIT_SHARE)
    result = add_to_series (table, region, platform, metric, period, value);
  else if ((result = add_to_series (table, region, REEL_RECORD_NO_ID, metric, period, value)) ==
           REEL_RECORD_ADDED && platform != REEL_RECORD_NO_ID)
    result = add_to_series (table, region, platform, metric, period, value);

  if (result == REEL_RECORD_ADDED)
    table->n_records++;
  return result;
}

/* From now on, sums go to the open block until reel_record_table_close_block()
 * adds them to the totals (see REEL_RECORD_BLOCK_SIZE). */
void
reel_record_table_use_blocks (ReelRecordTable *table)
{
  g_return_if_fail (table != NULL);

  table->blocks = TRUE;
}

static void
ids_close_block (Ids *ids)
{
  for (guint i = 0; i < ids->entries->len; i++)
    {
      Entry *entry = &g_array_index (ids->entries, Entry, i);

      for (guint y = 0; y < entry->n_years; y++)
        {
          entry->sums[y].revenue += entry->sums[y].pending;
          entry->sums[y].pending = 0;
        }
    }
}

/* Adds the open block's sums to the totals: a block sum is made from 0 in
 * file order, and added to the total as one number, as a merge of a table
 * that held only that block adds it. */
void
reel_record_table_close_block (ReelRecordTable *table)
{
  g_return_if_fail (table != NULL);

  ids_close_block (&table->regions);
  ids_close_block (&table->platforms);
  for (guint i = 0; i < table->series->len; i++)
    {
      ReelRecordSeries *series = &g_array_index (table->series, ReelRecordSeries, i);

      series->value += series->pending;
      series->pending = 0;
    }
}

/* Interns the block's ids in the table, in the block's order, at their
 * positions in the file, and adds their sums; @map gets the table's index
 * of each. */
static gboolean
ids_merge (Ids       *ids,
           const Ids *block,
           guint      base_line,
           guint      base_column,
           GArray    *map)
{
  g_array_set_size (map, 0);
  for (guint i = 0; i < block->entries->len; i++)
    {
      const Entry *from = &g_array_index (block->entries, Entry, i);
      guint line = from->line, column = from->column, to;
      Entry *entry;

      reel_position_rebase (&line, &column, base_line, base_column);
      to = ids_intern (ids, from->id, from->length, line, column);
      if (to == REEL_RECORD_NO_ID)
        return FALSE;
      g_array_append_val (map, to);

      entry = &g_array_index (ids->entries, Entry, to);
      for (guint y = 0; y < from->n_years; y++)
        {
          const ReelRecordSum *sum = &from->sums[y];
          ReelRecordSum *into;

          if (sum->months == 0)
            continue;
          into = entry_sum (entry, from->first_year + y);
          into->revenue += sum->revenue;
          into->months |= sum->months;
        }
    }

  return TRUE;
}

static guint
map_id (GArray *map,
        guint   id)
{
  return id == REEL_RECORD_NO_ID ? id : g_array_index (map, guint, id);
}

/* Adds a table that holds one block of records (read from its start, not
 * in block mode) to this one, which holds the blocks before it: the result
 * is what reading both blocks into this table would have made. Positions in
 * @block count from line 1, column 1 at its start, which is at @base_line,
 * @base_column of the file. @region_map and @platform_map (of guint) get the
 * index in this table of each of the block's ids. Returns FALSE where
 * reading the blocks in one table would have failed a record: more ids or
 * series than the limits, or a share given twice; this table is then
 * incomplete. */
gboolean
reel_record_table_merge (ReelRecordTable       *table,
                         const ReelRecordTable *block,
                         guint                  base_line,
                         guint                  base_column,
                         GArray                *region_map,
                         GArray                *platform_map)
{
  g_return_val_if_fail (table != NULL && !table->blocks, FALSE);
  g_return_val_if_fail (block != NULL && !block->blocks, FALSE);

  if (!ids_merge (&table->regions, &block->regions, base_line, base_column, region_map) ||
      !ids_merge (&table->platforms, &block->platforms, base_line, base_column, platform_map))
    return FALSE;

  for (guint i = 0; i < block->series->len; i++)
    {
      const ReelRecordSeries *from = &g_array_index (block->series, ReelRecordSeries, i);
      ReelPeriod period = from->period;

      if (add_to_series (table, map_id (region_map, from->region),
                         map_id (platform_map, from->platform), from->metric, &period,
                         from->value) != REEL_RECORD_ADDED)
        return FALSE;
    }

  table->first_year = MIN (table->first_year, block->first_year);
  table->last_year = MAX (table->last_year, block->last_year);
  table->n_records += block->n_records;
  return TRUE;
}

guint
reel_record_table_get_n_series (const ReelRecordTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->series->len;
}

const ReelRecordSeries *
reel_record_table_get_series (const ReelRecordTable *table,
                              guint                  index)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->series->len, NULL);

  return &g_array_index (table->series, ReelRecordSeries, index);
}

guint64
reel_record_table_get_n_records (const ReelRecordTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_records;
}

guint
reel_record_table_get_n_regions (const ReelRecordTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->regions.entries->len;
}

guint
reel_record_table_get_n_platforms (const ReelRecordTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->platforms.entries->len;
}

const char *
reel_record_table_get_region_id (const ReelRecordTable *table,
                                 guint                  region,
                                 guint                 *line,
                                 guint                 *column)
{
  g_return_val_if_fail (table != NULL, NULL);

  return ids_get_id (&table->regions, region, line, column);
}

const char *
reel_record_table_get_platform_id (const ReelRecordTable *table,
                                   guint                  platform,
                                   guint                 *line,
                                   guint                 *column)
{
  g_return_val_if_fail (table != NULL, NULL);

  return ids_get_id (&table->platforms, platform, line, column);
}

/* Returns NULL when the region had no record in @year. */
const ReelRecordSum *
reel_record_table_get_region_sum (const ReelRecordTable *table,
                                  guint                  region,
                                  guint                  year)
{
  g_return_val_if_fail (table != NULL, NULL);

  return ids_get_sum (&table->regions, region, year);
}

const ReelRecordSum *
reel_record_table_get_platform_sum (const ReelRecordTable *table,
                                    guint                  platform,
                                    guint                  year)
{
  g_return_val_if_fail (table != NULL, NULL);

  return ids_get_sum (&table->platforms, platform, year);
}

gboolean
reel_record_table_get_year_range (const ReelRecordTable *table,
                                  guint                 *first,
                                  guint                 *last)
{
  g_return_val_if_fail (table != NULL, FALSE);

  /* Years of revenue months only: other records are measures of their own periods. */
  if (table->first_year > table->last_year)
    return FALSE;

  *first = table->first_year;
  *last = table->last_year;
  return TRUE;
}
