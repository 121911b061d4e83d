/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-json-scanner.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

G_BEGIN_DECLS

/* The scanner's state, shared by reel-json-scanner.c (documents) and
 * reel-json-elements.c (a stretch of an array's elements, for reading a
 * large array on several threads). */

/* An object's keys are compared one by one while there are few of them (a
 * record has five); past this many they go into a hash set. */
#define LINEAR_KEYS_MAX 16

/* The text around the values of the last flat object read whole, to read
 * the next one by (reel-json-elements.c): segment i runs from where value
 * i - 1 ends (the object's "{" for the first) to where value i starts (past
 * a string's opening quote), and the last one to the "}". */
#define FLAT_SHAPE_MAX 256

typedef struct {
  guint   n_members;                              /* 0: none */
  guint16 segments[REEL_JSON_FLAT_MEMBERS_MAX + 2]; /* where each starts in text, and the end */
  guint8  key_offsets[REEL_JSON_FLAT_MEMBERS_MAX];  /* of each name in its segment */
  guint8  key_lengths[REEL_JSON_FLAT_MEMBERS_MAX];
  guint8  text[FLAT_SHAPE_MAX];
} FlatShape;

typedef struct {
  gboolean    is_object;
  guint       index;        /* arrays: the element being read */
  GString    *keys;         /* objects: every key so far, each followed by a NUL */
  gsize       last_key;     /* objects: offset of the current key in keys */
  guint       n_keys;
  gsize       key_lengths[LINEAR_KEYS_MAX];   /* of the first keys, to compare lengths first */
  gboolean    in_key;       /* objects: not inside a member (between members) */
  GHashTable *key_set;      /* objects with more than LINEAR_KEYS_MAX keys */
} Frame;

struct _ReelJsonScanner {
  ReelReadBuffer   buffer;
  const guint8    *pos;
  const guint8    *end;
  guint            line;

  /* Columns are not counted byte by byte but worked out when a position is
   * needed: the column at the cursor is col_base + (pos - line_start) -
   * n_cont, where line_start is where the current line starts in the
   * buffer (or the buffer's start, for a line that began in an earlier
   * fill), col_base is the column there, and n_cont counts the UTF-8
   * continuation bytes read since, which do not start a character. Only
   * strings hold such bytes, and only whitespace holds line ends. */
  const guint8    *line_start;
  guint            col_base;
  guint            n_cont;

  ReelJsonHandler  handler;
  gpointer         handler_data;

  /* Set while an ARRAY_START is handled: the array's elements that are
   * flat objects go to this handler whole (reel_json_scanner_read_objects()). */
  ReelJsonObjectHandler objects;
  gpointer              objects_data;
  FlatShape             shape;

  Frame            frames[REEL_JSON_MAX_DEPTH];
  guint            n_frames;

  GString         *text;      /* the current string or number literal, when copied */
  const char      *str;       /* the string just read: in the buffer or in text, NUL-terminated */
  gsize            str_len;

  GError          *error;     /* the first failure: I/O, syntax or the handler's */
  ReelProblem     *problem;   /* the syntax failure, positioned */

  /* Set while an ARRAY_START is handled: the array's elements were read
   * elsewhere, and reading goes on at its closing bracket. */
  gboolean         skip_pending;
  guint64          skip_offset;
  guint            skip_line;
  guint            skip_column;
};

/* The column at the cursor, 1-based, in Unicode characters. */
static inline guint
cursor_column (ReelJsonScanner *self)
{
  return self->col_base + (guint) (self->pos - self->line_start) - self->n_cont;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each byte of @v (eight bytes of a string, in memory
 * order) that ends a run of plain string bytes: a quote, a backslash, a
 * control character or anything beyond ASCII. The subtractions borrow from
 * byte to byte, so a byte after (above) a stop may be marked too; the
 * first mark is always exact, and that is the one the scan uses. */
static inline guint64
stop_mask (guint64 v)
{
  guint64 quote = v ^ (ONES * '"'), backslash = v ^ (ONES * '\\');

  return (v                                      /* beyond ASCII */
          | ((v - ONES * 0x20) & ~v)             /* below 0x20 */
          | ((quote - ONES) & ~quote)            /* a zero byte: a quote */
          | ((backslash - ONES) & ~backslash))   /* a backslash */
         & HIGHS;
}

/* Bytes that end a run of plain string bytes, as stop_mask() marks them. */
static const guint8 string_stops[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,   /* control characters */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  ['"'] = 1, ['\\'] = 1,
  [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,    /* beyond ASCII */
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Whether reel_json_find_string_stop() uses SSE2 where the compiler targets it (it is
 * part of x86-64); the tests turn it off to check the portable way. */
G_GNUC_INTERNAL extern gboolean reel_json_use_simd;

/* The first byte in [p, end) that ends a run of plain string bytes, or
 * @end: sixteen bytes at a time with SSE2, else eight at a time, as
 * memchr() does; then one by one. */
static inline const guint8 *
reel_json_find_string_stop (const guint8 *p,
                            const guint8 *end)
{
#ifdef __SSE2__
  if (G_LIKELY (reel_json_use_simd))
    {
      const __m128i quote = _mm_set1_epi8 ('"'), backslash = _mm_set1_epi8 ('\\');
      const __m128i space = _mm_set1_epi8 (0x20);

      while (end - p >= 16)
        {
          __m128i v = _mm_loadu_si128 ((const __m128i *) p);
          /* Compared as signed bytes, beyond ASCII is below 0x20 too. */
          __m128i stops = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote),
                                                      _mm_cmpeq_epi8 (v, backslash)),
                                        _mm_cmplt_epi8 (v, space));
          int mask = _mm_movemask_epi8 (stops);

          if (mask != 0)
            return p + __builtin_ctz ((guint) mask);
          p += 16;
        }
    }
#endif

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
  while (end - p >= 8)
    {
      guint64 v, mask;

      memcpy (&v, p, sizeof v);
      mask = stop_mask (v);
      if (mask != 0)
        return p + (__builtin_ctzll (mask) >> 3);
      p += 8;
    }
#endif

  while (p < end && !string_stops[*p])
    p++;

  return p;
}

static inline gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

/* The outcome of reel_json_scanner_read_flat_object(). */
typedef enum {
  FLAT_READ,          /* read and handled */
  FLAT_FAILED,        /* read; the handler failed */
  FLAT_NOT,           /* not a flat object on one line in the buffer: nothing is consumed */
} FlatResult;

G_GNUC_INTERNAL gboolean   reel_json_parse_number_fast        (const guint8           *p,
                                                               const guint8           *end,
                                                               ReelJsonEvent          *event,
                                                               const guint8          **number_end);
G_GNUC_INTERNAL FlatResult reel_json_scanner_read_flat_object (ReelJsonScanner        *self,
                                                               guint                   depth,
                                                               ReelJsonObjectHandler   handler,
                                                               gpointer                user_data);
G_GNUC_INTERNAL int      reel_json_scanner_skip_whitespace  (ReelJsonScanner *self);
G_GNUC_INTERNAL gboolean reel_json_scanner_read_value       (ReelJsonScanner *self,
                                                             guint            depth);
G_GNUC_INTERNAL Frame   *reel_json_scanner_push_frame       (ReelJsonScanner *self,
                                                             gboolean         is_object);
G_GNUC_INTERNAL gboolean reel_json_scanner_add_key          (Frame           *frame,
                                                             const char      *key,
                                                             gsize            length);
G_GNUC_INTERNAL gboolean reel_json_scanner_fail_unexpected  (ReelJsonScanner *self,
                                                             const char      *expected);
G_GNUC_INTERNAL gboolean reel_json_scanner_jump             (ReelJsonScanner *self);

G_END_DECLS
