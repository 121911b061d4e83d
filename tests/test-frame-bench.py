#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The benchmark hooks REELSCOPE_BENCH_FRAMES_WHILE_LOADING (src/app/reel-frame-bench.c),
REELSCOPE_BENCH_FRAMES_WHILE_PLAYING (src/app/reel-frame-bench-play.c) and
REELSCOPE_BENCH_INTERACTIONS (src/app/reel-frame-bench-input.c) print figures that make sense:
the first from a window that shows the bundled dataset and from an empty one, the second for a
play-through of the Revenue chart's years, the third for each input a user makes. Their
timings are build-aux/bench.sh's business: nothing here is timed.

Usage: test-frame-bench.py REELSCOPE   (the built binary), on a display. Prints TAP.
"""

import json
import os
import subprocess
import sys

REELSCOPE = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
FILES = [os.path.join(DATA, 'synthetic-40.reelscope.json'), os.path.join(DATA, 'synthetic-40.csv')]


def figures(path, start):
    argv = [REELSCOPE] + ([path] if start == 'empty' else [])
    # Warnings are the widget tests' business (G_DEBUG=fatal-warnings there): here, the figures.
    env = dict(os.environ, REELSCOPE_BENCH_FRAMES_WHILE_LOADING=path, G_DEBUG='gc-friendly')
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=True).stdout
    lines = [line for line in out.splitlines() if line.startswith('frames-while-loading ')]
    assert len(lines) == 1, out
    return json.loads(lines[0].split(' ', 1)[1])


def check(path, start):
    f = figures(path, start)
    assert f['from'] == start, f
    # A small file may be there before an empty window's first frame: no frames to count.
    assert f['frames'] >= (1 if start == 'dataset' else 0), f
    assert 0 <= f['median'] <= f['p95'] <= f['p99'] <= f['max'], f
    assert 0 <= f['cpu_median'] <= f['cpu_max'], f
    assert f['interval_median'] <= f['interval_max'], f
    assert f['stall'] >= 0 and 0 <= f['loaded'] <= f['shown'], f
    for frame in f['long_frames']:
        at, length, update, layout, paint, cpu = frame
        assert length >= 8000 and min(update, layout, paint, cpu) >= 0, frame
        assert update + layout + paint <= length, frame


def check_play(kind):
    env = dict(os.environ, REELSCOPE_BENCH_FRAMES_WHILE_PLAYING=kind, G_DEBUG='gc-friendly')
    out = subprocess.run([REELSCOPE], env=env, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    lines = [line for line in out.splitlines() if line.startswith('frames-while-playing ')]
    assert len(lines) == 1, out
    f = json.loads(lines[0].split(' ', 1)[1])
    assert f['kind'] == kind, f
    years = f['years']
    assert len(years) >= 2 and years == sorted(set(years)), f
    # Every frame listed in order; at least one a year moved in.
    assert f['frames'] == len(f['durations']) == len(f['cpu']) >= len(years) - 1, f
    assert min(f['cpu']) >= 0 and f['cpu_of_max'] in f['cpu'], f
    assert 0 < f['median'] <= f['p95'] <= f['max'] == max(f['durations']), f
    assert f['over_16ms'] == sum(1 for d in f['durations'] if d > 16000), f
    # Play steps at its pace: a year every 1.3 s.
    assert f['played'] >= 1000000 * (len(years) - 1), f


INPUTS = ['region-list', 'region-chart', 'chart-kind', 'period', 'chart-table', 'export-dialog']
# The floor beside them: the window's nodes drawn whole, nine times.
FLOOR = 'window-draw'


def check_inputs():
    env = dict(os.environ, REELSCOPE_BENCH_INTERACTIONS='1', G_DEBUG='gc-friendly')
    out = subprocess.run([REELSCOPE], env=env, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    lines = [line for line in out.splitlines() if line.startswith('interactions ')]
    assert len(lines) == 1, out
    f = json.loads(lines[0].split(' ', 1)[1])
    assert list(f) == INPUTS + [FLOOR], f
    for name, input in f.items():
        # Each input made nine times, each shown by a frame after it was made; the main
        # thread cannot have run for longer than the wall-clock span by much (one core).
        assert len(input['times']) == len(input['cpu']) == 9, (name, input)
        assert min(input['times']) > 0 and min(input['cpu']) >= 0, (name, input)
        assert all(c <= t + 2000 for t, c in zip(input['times'], input['cpu'])), (name, input)


def main():
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('1..0 # SKIP no display')
        return
    cases = [(path, start) for path in FILES for start in ('dataset', 'empty')]
    cases.append(('revenue', 'play'))
    cases.append(('inputs', 'inputs'))
    print('1..%d' % len(cases))
    for i, (path, start) in enumerate(cases, 1):
        name = '%s from %s window' % (os.path.basename(path), start)
        try:
            if start == 'play':
                name = 'play through the years of %s' % path
                check_play(path)
            elif start == 'inputs':
                name = 'each input shown by a frame'
                check_inputs()
            else:
                check(path, start)
            print('ok %d %s' % (i, name))
        except (AssertionError, subprocess.SubprocessError, ValueError) as e:
            print('not ok %d %s' % (i, name))
            for line in str(e).splitlines():
                print('# %s' % line)
        sys.stdout.flush()


if __name__ == '__main__':
    main()
