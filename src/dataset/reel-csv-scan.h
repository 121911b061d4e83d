/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

G_BEGIN_DECLS

/* The CSV reader's scan of unquoted fields, inline in its loop. */

/* Whether find_unquoted_stop() uses SSE2 where the compiler targets it (it
 * is part of x86-64); reel_csv_reader_set_simd() turns it off for the tests,
 * to check the portable way. */
extern gboolean reel_csv_use_simd;

/* Classes of bytes in an unquoted field: BYTE_CONT does not start a
 * character (and adds 1 to the count of those); BYTE_STOP ends the field
 * (or breaks it, for `"`). */
enum {
  BYTE_START = 0,
  BYTE_CONT = 1,
  BYTE_STOP,
};

#define CONT4(b) [b] = BYTE_CONT, [b + 1] = BYTE_CONT, [b + 2] = BYTE_CONT, [b + 3] = BYTE_CONT
#define CONT16(b) CONT4 (b), CONT4 (b + 4), CONT4 (b + 8), CONT4 (b + 12)

static const guint8 unquoted_class[256] = {
  ['\n'] = BYTE_STOP, ['\r'] = BYTE_STOP, [','] = BYTE_STOP, ['"'] = BYTE_STOP,
  CONT16 (0x80), CONT16 (0x90), CONT16 (0xA0), CONT16 (0xB0),
};

/* The first byte in [p, end) that ends an unquoted field (or @end); adds
 * the continuation bytes before it to @n_cont. Sixteen bytes at a time with
 * SSE2, then one by one. */
static inline const guint8 *
find_unquoted_stop (const guint8 *p,
                    const guint8 *end,
                    guint        *n_cont)
{
  guint8 byte_class;

#ifdef __SSE2__
  if (G_LIKELY (reel_csv_use_simd))
    {
      const __m128i lf = _mm_set1_epi8 ('\n'), cr = _mm_set1_epi8 ('\r');
      const __m128i comma = _mm_set1_epi8 (','), quote = _mm_set1_epi8 ('"');
      /* 0x80 to 0xBF, as signed bytes: below -64. */
      const __m128i cont_end = _mm_set1_epi8 (-64);

      while (end - p >= 16)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) p);
          __m128i stops = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, lf), _mm_cmpeq_epi8 (v, cr)),
                                        _mm_or_si128 (_mm_cmpeq_epi8 (v, comma),
                                                      _mm_cmpeq_epi8 (v, quote)));
          guint stop_mask = (guint) _mm_movemask_epi8 (stops);
          guint cont_mask = (guint) _mm_movemask_epi8 (_mm_cmplt_epi8 (v, cont_end));

          /* Without POPCNT (not in baseline x86-64) a count is a call:
           * only text beyond ASCII pays it. */
          if (stop_mask != 0)
            {
              guint n = (guint) __builtin_ctz (stop_mask);

              cont_mask &= (1u << n) - 1;
              if (cont_mask != 0)
                *n_cont += (guint) __builtin_popcount (cont_mask);
              return p + n;
            }
          if (cont_mask != 0)
            *n_cont += (guint) __builtin_popcount (cont_mask);
          p += 16;
        }
    }
#endif

  for (; p < end && (byte_class = unquoted_class[*p]) != BYTE_STOP; p++)
    *n_cont += byte_class;

  return p;
}

G_END_DECLS
