/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "reel-window.h"

G_BEGIN_DECLS

void   reel_frame_bench_watch               (ReelWindow *window);
gint64 reel_frame_bench_get_thread_cpu_time (void);
int    reel_frame_bench_compare_times       (gconstpointer  a,
                                             gconstpointer  b);

/* reel-frame-bench-play.c */
void   reel_frame_bench_watch_play          (ReelWindow *window);

/* reel-frame-bench-input.c */
void   reel_frame_bench_watch_inputs        (ReelWindow *window);

G_END_DECLS
