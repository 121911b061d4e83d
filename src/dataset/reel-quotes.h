/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-dataset.h"

G_BEGIN_DECLS

/* Which experts' quotes speak of a region (DESIGN §5), in the order every
 * surface shows them: for a region, the quotes that name it first, then
 * the general ones (no `regions`); for the world, the general quotes
 * first, then every other. The quotes kept are grouped by expert, in the
 * order of each expert's first quote. The commentary panel and the report
 * both show this list. */

typedef struct {
  const ReelExpert *expert;
  const ReelQuote  *quote;
} ReelQuoteRef;

GArray *reel_quotes_collect (ReelDataset *dataset,
                             const char  *region_id,
                             guint        limit,
                             guint       *n_quotes);

G_END_DECLS
