/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the libFuzzer harnesses (build-aux/fuzz.sh): a stream that hands
 * out the input a few bytes per read, so that tokens, escapes, UTF-8
 * sequences, CRLFs and the byte-order mark straddle reads; and checks that
 * every problem is something a person can be shown. */

#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reel-problem.h"

#define FUZZ_TYPE_TRICKLE_STREAM (fuzz_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, FUZZ, TRICKLE_STREAM, GInputStream)

struct _FuzzTrickleStream {
  GInputStream  parent_instance;
  const guint8 *data;
  gsize         len;
  gsize         pos;
  gsize         chunk;
};

G_DEFINE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
fuzz_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  FuzzTrickleStream *self = FUZZ_TRICKLE_STREAM (stream);
  gsize n = MIN (MIN (count, self->chunk), self->len - self->pos);

  memcpy (buffer, self->data + self->pos, n);
  self->pos += n;
  return n;
}

static void
fuzz_trickle_stream_class_init (FuzzTrickleStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = fuzz_trickle_stream_read;
}

static void
fuzz_trickle_stream_init (FuzzTrickleStream *self)
{
}

/* @data must outlive the stream. */
static inline GInputStream *
fuzz_trickle_stream_new (const guint8 *data,
                         gsize         len,
                         gsize         chunk)
{
  FuzzTrickleStream *self = g_object_new (FUZZ_TYPE_TRICKLE_STREAM, NULL);

  self->data = data;
  self->len = len;
  self->chunk = MAX (chunk, 1);
  return G_INPUT_STREAM (self);
}

/* A chunk size that depends on the input, so that a given input always
 * reads the same way (a crash reproduces): 1 to 7 bytes for small inputs,
 * up to 509 for large ones, which would otherwise take thousands of reads. */
static inline gsize
fuzz_chunk_size (const guint8 *data,
                 gsize         len)
{
  guint h = 0;

  for (gsize i = 0; i < len; i++)
    h = h * 31 + data[i];
  return 1 + h % (len <= 1024 ? 7 : 509);
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "FUZZ FAILURE: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, "\n");
  va_end (args);
  abort ();
}

/* Text that --validate prints and the window shows: valid UTF-8 without
 * control characters (a terminal would obey them). */
static inline void
fuzz_check_text (const char *what,
                 const char *text)
{
  const char *end = NULL;

  if (text == NULL)
    fuzz_fail ("%s is NULL", what);
  if (!g_utf8_validate (text, -1, &end))
    fuzz_fail ("%s is not valid UTF-8 at byte %td: %s", what, end - text, text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      fuzz_fail ("%s has control character U+%04X: %s", what, g_utf8_get_char (p), text);
}

/* The last position a problem can name: one past the last character of the
 * input (where "the end of the file" is). */
static inline gboolean
fuzz_position_is_in (const guint8 *data,
                     gsize         len,
                     guint         line,
                     guint         column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < len; i++)
    {
      if (l == line && c == column)
        return TRUE;
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if ((data[i] & 0xC0) != 0x80)
        {
          c++;
        }
    }

  return l == line && c >= column;
}

static inline void
fuzz_check_problem (const ReelProblem *problem)
{
  g_autofree char *text = reel_problem_to_string (problem, "input");

  fuzz_check_text ("a problem's path", problem->path);
  fuzz_check_text ("a problem's message", problem->message);
  fuzz_check_text ("a problem", text);
  if (problem->message[0] == '\0')
    fuzz_fail ("a problem without a message at %u:%u", problem->line, problem->column);
}

static inline gboolean
fuzz_problems_equal (const ReelProblem *a,
                     const ReelProblem *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->severity == b->severity && a->line == b->line && a->column == b->column &&
         strcmp (a->path, b->path) == 0 && strcmp (a->message, b->message) == 0;
}

/* Criticals and warnings are bugs: make them crash, so the fuzzer keeps the input. */
static inline void
fuzz_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
}
