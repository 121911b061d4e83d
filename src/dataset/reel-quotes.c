/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-quotes"

#include "config.h"

#include "reel-quotes.h"

typedef enum {
  QUOTE_OF_REGION,   /* names the region */
  QUOTE_GENERAL,     /* names no region */
  QUOTE_OTHER,       /* names other regions only */
} QuoteScope;

static QuoteScope
get_scope (const ReelQuote *quote,
           const char      *region_id)
{
  if (quote->regions == NULL || quote->regions[0] == NULL)
    return QUOTE_GENERAL;
  if (region_id != NULL && g_strv_contains ((const char * const *) quote->regions, region_id))
    return QUOTE_OF_REGION;

  return QUOTE_OTHER;
}

/* Adds the quotes of @scope to @kept while it has fewer than @limit;
 * returns @n_before plus how many quotes of @scope there are, kept or
 * not. */
static guint
append_quotes (ReelDataset *dataset,
               const char  *region_id,
               GArray      *kept,
               QuoteScope   scope,
               guint        n_before,
               guint        limit)
{
  GPtrArray *experts = reel_dataset_get_experts (dataset);
  guint n = n_before;

  for (guint i = 0; i < experts->len; i++)
    {
      const ReelExpert *expert = g_ptr_array_index (experts, i);

      for (guint j = 0; j < expert->quotes->len; j++)
        {
          const ReelQuote *quote = &g_array_index (expert->quotes, ReelQuote, j);

          if (get_scope (quote, region_id) != scope)
            continue;

          if (n < limit)
            g_array_append_val (kept, ((ReelQuoteRef) { expert, quote }));
          n++;
        }
    }

  return n;
}

/* @kept with each expert's quotes together, the experts in the order of
 * their first quote there. */
static GArray *
group_by_expert (GArray *kept)
{
  GArray *grouped = g_array_sized_new (FALSE, FALSE, sizeof (ReelQuoteRef), kept->len);

  for (guint i = 0; i < kept->len; i++)
    {
      const ReelExpert *expert = g_array_index (kept, ReelQuoteRef, i).expert;
      gboolean placed = FALSE;

      for (guint j = 0; j < grouped->len && !placed; j++)
        placed = g_array_index (grouped, ReelQuoteRef, j).expert == expert;
      if (placed)
        continue;

      for (guint j = i; j < kept->len; j++)
        if (g_array_index (kept, ReelQuoteRef, j).expert == expert)
          g_array_append_val (grouped, g_array_index (kept, ReelQuoteRef, j));
    }

  return grouped;
}

/**
 * reel_quotes_collect:
 * @dataset: the dataset
 * @region_id: (nullable): the region, or NULL for the world
 * @limit: how many quotes to keep at most (G_MAXUINT for all)
 * @n_quotes: (out): how many quotes speak of it, kept or not
 *
 * Returns: (transfer full): a GArray of ReelQuoteRef, at most @limit,
 * pointing into @dataset.
 */
GArray *
reel_quotes_collect (ReelDataset *dataset,
                     const char  *region_id,
                     guint        limit,
                     guint       *n_quotes)
{
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (ReelQuoteRef));
  guint n = 0;

  g_return_val_if_fail (REEL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (n_quotes != NULL, NULL);

  if (region_id != NULL)
    {
      n = append_quotes (dataset, region_id, kept, QUOTE_OF_REGION, n, limit);
      n = append_quotes (dataset, region_id, kept, QUOTE_GENERAL, n, limit);
    }
  else
    {
      n = append_quotes (dataset, region_id, kept, QUOTE_GENERAL, n, limit);
      n = append_quotes (dataset, region_id, kept, QUOTE_OTHER, n, limit);
    }
  *n_quotes = n;

  return group_by_expert (kept);
}
