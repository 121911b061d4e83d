/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REEL_TYPE_TIMELINE (reel_timeline_get_type ())

G_DECLARE_FINAL_TYPE (ReelTimeline, reel_timeline, REEL, TIMELINE, GObject)

/* The default pace of Play: a step every 1.3 s, time to read a chart. */
#define REEL_TIMELINE_DEFAULT_INTERVAL 1300

ReelTimeline *reel_timeline_new           (void);
void          reel_timeline_set_periods   (ReelTimeline *self,
                                           GArray       *periods,
                                           guint         period);
gboolean      reel_timeline_has_periods   (ReelTimeline *self,
                                           GArray       *periods);
guint         reel_timeline_get_n_periods (ReelTimeline *self);
guint         reel_timeline_get_period    (ReelTimeline *self);
void          reel_timeline_set_period    (ReelTimeline *self,
                                           guint         period);
gboolean      reel_timeline_can_step      (ReelTimeline *self,
                                           int           delta);
guint         reel_timeline_peek          (ReelTimeline *self,
                                           int           delta);
void          reel_timeline_step          (ReelTimeline *self,
                                           int           delta);
gboolean      reel_timeline_get_playing   (ReelTimeline *self);
void          reel_timeline_set_playing   (ReelTimeline *self,
                                           gboolean      playing);
guint         reel_timeline_get_interval  (ReelTimeline *self);
void          reel_timeline_set_interval  (ReelTimeline *self,
                                           guint         interval);

G_END_DECLS
