/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "reel-timeline"

#include "config.h"

#include "reel-timeline.h"

#include <string.h>

/* Where the window is in time, and Play (DESIGN §2, Periods): the periods
 * the chart shown has figures for, in order, the one shown, and whether
 * they are being played through. One place for this state, so that the
 * step buttons, the keys and Play cannot disagree; the window turns the
 * period into its year. No display code: it only counts and keeps time.
 *
 * Play steps one period every ReelTimeline:interval milliseconds and
 * stops at the last; Play on the last period starts again from the first,
 * as a video player does. A step by hand pauses, so that the user's step
 * is not overtaken by the next tick. */

struct _ReelTimeline
{
  GObject  parent_instance;

  GArray  *periods;       /* of guint, sorted */
  guint    position;      /* index into periods, G_MAXUINT for none */
  gboolean playing;
  guint    interval;      /* milliseconds between steps of Play */
  guint    play_source;
};

G_DEFINE_FINAL_TYPE (ReelTimeline, reel_timeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_N_PERIODS,
  PROP_PLAYING,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define NO_POSITION G_MAXUINT

static guint
find_position (ReelTimeline *self,
               guint         period)
{
  for (guint i = 0; i < self->periods->len; i++)
    if (g_array_index (self->periods, guint, i) == period)
      return i;

  return NO_POSITION;
}

static void
set_position (ReelTimeline *self,
              guint         position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

static gboolean
is_at_last (ReelTimeline *self)
{
  return self->position != NO_POSITION && self->position + 1 >= self->periods->len;
}

static gboolean
play_tick_cb (gpointer user_data)
{
  ReelTimeline *self = REEL_TIMELINE (user_data);

  set_position (self, self->position + 1);
  if (!is_at_last (self))
    return G_SOURCE_CONTINUE;

  /* The source goes when this returns. */
  self->play_source = 0;
  reel_timeline_set_playing (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
start_ticks (ReelTimeline *self)
{
  g_clear_handle_id (&self->play_source, g_source_remove);
  self->play_source = g_timeout_add (self->interval, play_tick_cb, self);
}

static void
reel_timeline_dispose (GObject *object)
{
  ReelTimeline *self = REEL_TIMELINE (object);

  g_clear_handle_id (&self->play_source, g_source_remove);

  G_OBJECT_CLASS (reel_timeline_parent_class)->dispose (object);
}

static void
reel_timeline_finalize (GObject *object)
{
  ReelTimeline *self = REEL_TIMELINE (object);

  g_clear_pointer (&self->periods, g_array_unref);

  G_OBJECT_CLASS (reel_timeline_parent_class)->finalize (object);
}

static void
reel_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReelTimeline *self = REEL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_uint (value, reel_timeline_get_period (self));
      break;

    case PROP_N_PERIODS:
      g_value_set_uint (value, self->periods->len);
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ReelTimeline *self = REEL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      reel_timeline_set_period (self, g_value_get_uint (value));
      break;

    case PROP_PLAYING:
      reel_timeline_set_playing (self, g_value_get_boolean (value));
      break;

    case PROP_INTERVAL:
      reel_timeline_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reel_timeline_class_init (ReelTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reel_timeline_dispose;
  object_class->finalize = reel_timeline_finalize;
  object_class->get_property = reel_timeline_get_property;
  object_class->set_property = reel_timeline_set_property;

  /**
   * ReelTimeline:period:
   *
   * The period shown (a year), 0 for none. Setting a period the timeline
   * does not have is ignored.
   */
  properties[PROP_PERIOD] =
    g_param_spec_uint ("period", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_PERIODS] =
    g_param_spec_uint ("n-periods", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * ReelTimeline:playing:
   *
   * Whether Play steps through the periods; it turns %FALSE at the last.
   */
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ReelTimeline:interval:
   *
   * The milliseconds Play shows each period for.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       1, G_MAXUINT, REEL_TIMELINE_DEFAULT_INTERVAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reel_timeline_init (ReelTimeline *self)
{
  self->periods = g_array_new (FALSE, FALSE, sizeof (guint));
  self->position = NO_POSITION;
  self->interval = REEL_TIMELINE_DEFAULT_INTERVAL;
}

ReelTimeline *
reel_timeline_new (void)
{
  return g_object_new (REEL_TYPE_TIMELINE, NULL);
}

/**
 * reel_timeline_set_periods:
 * @periods: (element-type guint): the periods, sorted; copied
 * @period: the one shown, or one of none
 *
 * Another chart's periods: Play stops.
 */
void
reel_timeline_set_periods (ReelTimeline *self,
                           GArray       *periods,
                           guint         period)
{
  guint n_before;

  g_return_if_fail (REEL_IS_TIMELINE (self));
  g_return_if_fail (periods != NULL && g_array_get_element_size (periods) == sizeof (guint));

  g_object_freeze_notify (G_OBJECT (self));
  reel_timeline_set_playing (self, FALSE);

  n_before = self->periods->len;
  g_array_set_size (self->periods, 0);
  g_array_append_vals (self->periods, periods->data, periods->len);
  /* The same index may be another period now. */
  self->position = NO_POSITION;
  set_position (self, find_position (self, period));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  if (n_before != self->periods->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PERIODS]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Whether @periods are those the timeline steps through already. */
gboolean
reel_timeline_has_periods (ReelTimeline *self,
                           GArray       *periods)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (periods != NULL, FALSE);

  /* An empty GArray may have no data at all, which memcmp() may not see. */
  return periods->len == self->periods->len &&
         (periods->len == 0 ||
          memcmp (periods->data, self->periods->data, periods->len * sizeof (guint)) == 0);
}

guint
reel_timeline_get_n_periods (ReelTimeline *self)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), 0);

  return self->periods->len;
}

guint
reel_timeline_get_period (ReelTimeline *self)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), 0);

  if (self->position == NO_POSITION)
    return 0;

  return g_array_index (self->periods, guint, self->position);
}

/* Goes to @period (chosen elsewhere, from the year menu); Play goes on
 * from there. */
void
reel_timeline_set_period (ReelTimeline *self,
                          guint         period)
{
  guint position;

  g_return_if_fail (REEL_IS_TIMELINE (self));

  position = find_position (self, period);
  if (position != NO_POSITION)
    set_position (self, position);
}

/* Whether a step by @delta periods moves: not past either end. */
gboolean
reel_timeline_can_step (ReelTimeline *self,
                        int           delta)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), FALSE);

  if (self->periods->len == 0 || delta == 0)
    return FALSE;
  if (self->position == NO_POSITION)
    return TRUE;
  if (delta < 0)
    return self->position >= (guint) -delta;

  return self->position + (guint) delta < self->periods->len;
}

/* The period @delta steps from the one shown, 0 past either end or with
 * none shown. */
guint
reel_timeline_peek (ReelTimeline *self,
                    int           delta)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), 0);

  if (self->position == NO_POSITION || !reel_timeline_can_step (self, delta))
    return 0;

  return g_array_index (self->periods, guint, (guint) ((gint64) self->position + delta));
}

/* A step by hand (a button, an arrow key): @delta periods on, clamped to
 * the ends; from no period, the first (or the last, going back). Pauses. */
void
reel_timeline_step (ReelTimeline *self,
                    int           delta)
{
  guint last;
  gint64 target;

  g_return_if_fail (REEL_IS_TIMELINE (self));

  reel_timeline_set_playing (self, FALSE);
  if (self->periods->len == 0)
    return;

  last = self->periods->len - 1;
  if (self->position == NO_POSITION)
    target = delta < 0 ? last : 0;
  else
    target = CLAMP ((gint64) self->position + delta, 0, (gint64) last);

  set_position (self, (guint) target);
}

gboolean
reel_timeline_get_playing (ReelTimeline *self)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), FALSE);

  return self->playing;
}

/* Play from the period shown (from the first when that is the last or
 * none); with fewer than two periods there is nothing to play. */
void
reel_timeline_set_playing (ReelTimeline *self,
                           gboolean      playing)
{
  g_return_if_fail (REEL_IS_TIMELINE (self));

  playing = !!playing && self->periods->len >= 2;
  if (self->playing == playing)
    return;

  self->playing = playing;
  if (playing)
    {
      if (self->position == NO_POSITION || is_at_last (self))
        set_position (self, 0);
      start_ticks (self);
    }
  else
    {
      g_clear_handle_id (&self->play_source, g_source_remove);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

guint
reel_timeline_get_interval (ReelTimeline *self)
{
  g_return_val_if_fail (REEL_IS_TIMELINE (self), REEL_TIMELINE_DEFAULT_INTERVAL);

  return self->interval;
}

void
reel_timeline_set_interval (ReelTimeline *self,
                            guint         interval)
{
  g_return_if_fail (REEL_IS_TIMELINE (self));
  g_return_if_fail (interval > 0);

  if (self->interval == interval)
    return;

  self->interval = interval;
  if (self->playing)
    start_ticks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}
