#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures Reelscope against its peers and writes one table (build-aux/bench.sh runs it).

Every figure is a whole process, timed from fork to exit (the median of several runs), with
its peak RSS from `/usr/bin/time -f %M`. Reelscope and each peer get the same files in the
same run, one after the other, so that a busy machine slows both alike; the load average is
in the report.

    run-bench.py BUILDDIR DATADIR OUTPUT.md

Environment: RUNS (runs per figure, default 7; on 1M records at most 5),
REDRAW_RUNS (bench-charts runs per chart kind, default 200), SKIP_STARTUP=1,
FRAMES_RUNS (runs per case of "Frames while loading" and of "Frames while playing", default 5),
SKIP_FRAMES=1, ONLY_FRAMES=1 (measure only the frames while loading and replace that section of
OUTPUT.md, leaving the rest of it as it was), SKIP_PLAY=1, ONLY_PLAY=1 (likewise the frames
while the window plays through a chart's years), SKIP_INPUTS=1, ONLY_INPUTS=1 (likewise the
interaction latency), ONLY_EXPORT=1 (likewise the export of the small chart: its section, and its
row of the targets), ONLY_LOAD=1 (only the table of loads and end to end runs, at the top of
OUTPUT.md, and the loading targets of issue 20 in their section).
"""

import calendar
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

BUILD, DATA, OUTPUT = sys.argv[1:4]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNS = int(os.environ.get('RUNS', '7'))
REDRAW_RUNS = int(os.environ.get('REDRAW_RUNS', '200'))
FRAMES_RUNS = int(os.environ.get('FRAMES_RUNS', '5'))
PYTHON = '/usr/bin/python3'      # the one with Debian's matplotlib and pandas
REELSCOPE = os.path.join(BUILD, 'src', 'reelscope')
BENCH_CHARTS = os.path.join(BUILD, 'tests', 'bench-charts')
SMALL = os.path.join(ROOT, 'tests', 'data', 'synthetic-40.reelscope.json')
WORK = tempfile.mkdtemp(prefix='reelscope-bench-')

# Charts are 1600 x 1000 logical pixels: 1x is 1600 x 1000 PNG pixels, 2x 3200 x 2000.
SIZE = ['--width=1600', '--height=1000']

ENV = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
for variable in ('DISPLAY', 'WAYLAND_DISPLAY'):
    ENV.pop(variable, None)


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def run_once(argv, stdout=subprocess.DEVNULL, env=None):
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one run of argv."""
    with tempfile.NamedTemporaryFile('r', dir=WORK, suffix='.time') as rss:
        start = time.perf_counter()
        process = subprocess.Popen(['/usr/bin/time', '-f', '%M', '-o', rss.name] + argv,
                                   stdout=stdout, stderr=subprocess.DEVNULL, env=env or ENV)
        # wait4() of /usr/bin/time counts the program it waited for too.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, argv)
        return seconds, int(rss.read().split()[-1]), usage.ru_utime + usage.ru_stime


CPU = {}     # the median CPU seconds of each command measured, by its argv


def measure_together(commands, runs=None, stdout=subprocess.DEVNULL):
    """(median wall seconds, max peak RSS KiB) of each command over runs, after one warm-up
    run each; their runs interleaved (A B C A B C ...), so that a machine that gets busier or
    quieter meanwhile affects them alike. The median CPU time goes to CPU[argv]."""
    runs = runs or RUNS
    for argv in commands:
        run_once(argv, stdout)
    times = [[] for _ in commands]
    rss = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for _ in range(runs):
        for i, argv in enumerate(commands):
            seconds, kib, cpu_seconds = run_once(argv, stdout)
            times[i].append(seconds)
            rss[i].append(kib)
            cpu[i].append(cpu_seconds)
    for argv, c in zip(commands, cpu):
        CPU[tuple(argv)] = statistics.median(c)
    return [(statistics.median(t), max(r)) for t, r in zip(times, rss)]


def with_cpu(seconds, argv):
    """A wall time with the command's CPU time beside it."""
    return '%s (%s CPU)' % (ms(seconds), ms(CPU[tuple(argv)]))


# The peers -------------------------------------------------------------------------------

MPL_JSON = r'''
import json, sys
path, out, dpi, plot = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == 'plot'
with open(path, encoding='utf-8') as f:
    data = json.load(f)
sums = {}
for r in data['records']:
    key = (r['region'], int(r['period'][:4]))
    sums[key] = sums.get(key, 0.0) + r['revenue']
year = max(y for _, y in sums)
names = {region['id']: region['name'] for region in data['regions']}
bars = sorted(((v, names[r]) for (r, y), v in sums.items() if y == year), reverse=True)
if plot:
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    ax.barh([n for _, n in bars][::-1], [v for v, _ in bars][::-1], color='#0072B2', height=0.45)
    for y, (v, _) in enumerate(bars[::-1]):
        ax.text(v, y, ' $%.3gM' % (v / 1e6), va='center', fontweight='bold')
    ax.set_title('Revenue by region, %d' % year, loc='left', fontweight='bold')
    ax.grid(axis='x', alpha=0.3)
    fig.text(0.01, 0.01, 'Source: records in this dataset.')
    fig.savefig(out, dpi=dpi)
'''

PANDAS_CSV = r'''
import sys
import pandas as pd
path, out, dpi, plot = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == 'plot'
df = pd.read_csv(path)
df['year'] = df['period'].str[:4].astype(int)
year = df['year'].max()
sums = df[df['year'] == year].groupby('region')['revenue'].sum().sort_values()
if plot:
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    ax.barh(sums.index, sums.values, color='#0072B2', height=0.45)
    for y, v in enumerate(sums.values):
        ax.text(v, y, ' $%.3gM' % (v / 1e6), va='center', fontweight='bold')
    ax.set_title('Revenue by region, %d' % year, loc='left', fontweight='bold')
    ax.grid(axis='x', alpha=0.3)
    fig.text(0.01, 0.01, 'Source: records in this dataset.')
    fig.savefig(out, dpi=dpi)
'''

MPL_SMALL = r'''
import sys
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
out, dpi = sys.argv[1], int(sys.argv[2])
bars = [(float(v), n) for n, v in (line.rsplit('\t', 1) for line in open(sys.argv[3], encoding='utf-8').read().splitlines())]
fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
ax.barh([n for _, n in bars][::-1], [v for v, _ in bars][::-1], color='#0072B2', height=0.45)
for y, (v, _) in enumerate(bars[::-1]):
    ax.text(v, y, ' $%.3gK' % (v / 1e3), va='center', fontweight='bold')
ax.set_title('Revenue by region, 2025', loc='left', fontweight='bold')
ax.grid(axis='x', alpha=0.3)
fig.text(0.01, 0.01, 'Source: records in this dataset.')
fig.savefig(out, dpi=dpi)
'''


def small_chart_data():
    """The revenue chart's bars for the small dataset: records summed per region for the
    latest year, as Reelscope sums them; written as NAME<TAB>VALUE for the peers."""
    with open(SMALL, encoding='utf-8') as f:
        data = json.load(f)
    sums = {}
    for r in data['records']:
        key = (r['region'], int(r['period'][:4]))
        sums[key] = sums.get(key, 0.0) + r['revenue']
    year = max(y for _, y in sums)
    names = {region['id']: region['name'] for region in data['regions']}
    bars = sorted(((v, names[r]) for (r, y), v in sums.items() if y == year), reverse=True)
    path = os.path.join(WORK, 'small.tsv')
    with open(path, 'w', encoding='utf-8') as f:
        for value, name in bars:
            f.write('%s\t%.2f\n' % (name, value))
    return path, year


def gnuplot_script(tsv, year, scale, out):
    width, height = 1600 * scale, 1000 * scale
    return ('set terminal pngcairo size %d,%d font "Cantarell,%d"\n' % (width, height, 11 * scale) +
            'set output "%s"\n' % out +
            'set datafile separator "\\t"\n'
            'set title "Revenue by region, %d" left\n' % year +
            'set style fill solid 1.0 noborder\n'
            'set grid xtics\n'
            'set xrange [0:*]\n'
            'unset key\n'
            'set yrange [-0.5:*] reverse\n'
            'plot "%s" using ($2/2):0:($2/2):(0.225):yticlabels(1) with boxxyerrorbars lc rgb "#0072B2", '
            '"" using 2:0:(sprintf(" $%%.3gK", $2/1000)) with labels left\n' % tsv)


# Reelscope's own figures ----------------------------------------------------------------

def redraw(path):
    """Median redraw per chart kind (ms), from tests/bench-charts at 1600 x 1000."""
    out = subprocess.run([BENCH_CHARTS, path, str(REDRAW_RUNS)], check=True, capture_output=True,
                         text=True, env=ENV).stdout
    medians = {}
    for line in out.splitlines():
        m = re.match(r'(\w+)\s+median\s+([\d.]+) ms', line)
        if m:
            medians[m.group(1)] = float(m.group(2))
    return [medians[k] for k in ('revenue', 'growth', 'share', 'trend')]


def build_minimal_windows():
    """tests/bench/minimal-window.c as a GTK 4 and as a libadwaita application: their paths."""
    source = os.path.join(ROOT, 'tests', 'bench', 'minimal-window.c')
    minimal = os.path.join(WORK, 'minimal-window')
    minimal_adw = os.path.join(WORK, 'minimal-adw-window')
    for output, defines, package in ((minimal, [], 'gtk4'), (minimal_adw, ['-DWITH_ADWAITA'], 'libadwaita-1')):
        flags = subprocess.run(['pkg-config', '--cflags', '--libs', package], check=True, capture_output=True,
                               text=True).stdout.split()
        subprocess.run(['cc', '-O2'] + defines + [source, '-o', output] + flags, check=True)
    return minimal, minimal_adw


def startup():
    """First frame of Reelscope (bundled dataset) and of a minimal GTK 4 window, under one
    Xvfb and D-Bus session, per renderer."""
    minimal, minimal_adw = build_minimal_windows()
    helper = os.path.join(WORK, 'first-frame.py')
    with open(helper, 'w') as f:
        f.write(FIRST_FRAME)
    out = subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -nolisten tcp',
                          'dbus-run-session', '--', PYTHON, helper, minimal, minimal_adw, REELSCOPE,
                          os.path.join(BUILD, 'data'), str(max(RUNS, 9))],
                         check=True, capture_output=True, text=True, env=ENV).stdout
    return json.loads(out.strip().splitlines()[-1])


FIRST_FRAME = r'''
import json, os, statistics, subprocess, sys, time
minimal, minimal_adw, reelscope, schemas, runs = sys.argv[1:5] + [int(sys.argv[5])]

def first_frame(argv, env):
    start = time.monotonic()
    p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.communicate()[0].decode()
    for line in out.splitlines():
        if line.startswith('first-frame '):
            return int(line.split()[1]) / 1e6 - start
    raise SystemExit('%s painted no frame' % argv[0])

results = {}
for renderer in ('cairo', 'gl'):
    env = dict(os.environ, GSK_RENDERER=renderer, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=schemas,
               XDG_CONFIG_HOME=os.path.join(os.environ.get('TMPDIR', '/tmp'), 'reelscope-bench-config'))
    programs = {
        'minimal': ([minimal], {}),
        'adwaita': ([minimal_adw], {}),
        'first': ([reelscope], {'REELSCOPE_EXIT_AFTER_FIRST_FRAME': '1'}),
        'dataset': ([reelscope], {'REELSCOPE_EXIT_AFTER_FIRST_FRAME': 'dataset'}),
        'complete': ([reelscope], {'REELSCOPE_EXIT_AFTER_FIRST_FRAME': 'complete'}),
    }
    times = {name: [] for name in programs}
    # Interleaved, after a warm-up round that starts the accessibility bus.
    for i in range(runs + 1):
        for name, (argv, extra) in programs.items():
            t = first_frame(argv, dict(env, **extra))
            if i > 0:
                times[name].append(t)
    results[renderer] = {name: statistics.median(t) for name, t in times.items()}
print(json.dumps(results))
'''


def frames_while_loading():
    """The window's frames while it loads the 1M-record files, per renderer, file and starting
    state (REELSCOPE_BENCH_FRAMES_WHILE_LOADING, src/app/reel-frame-bench.c), under one Xvfb
    and D-Bus session: {(renderer, fmt, from): [one dict of figures per run]}, and the floor, a
    minimal GTK 4 window whose spinner turns: {(renderer, 'floor', ''): [frame times in µs]}."""
    minimal, _ = build_minimal_windows()
    helper = os.path.join(WORK, 'frames.py')
    with open(helper, 'w') as f:
        f.write(FRAMES)
    files = [os.path.abspath(os.path.join(DATA, '1M.%s' % fmt)) for fmt in ('json', 'csv')]
    out = subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -nolisten tcp',
                          'dbus-run-session', '--', PYTHON, helper, REELSCOPE, minimal, os.path.join(BUILD, 'data'),
                          str(FRAMES_RUNS)] + files,
                         check=True, capture_output=True, text=True, env=ENV).stdout
    results = {}
    for key, runs in json.loads(out.strip().splitlines()[-1]):
        results[tuple(key)] = runs
    return results


FRAMES = r'''
import json, os, subprocess, sys
reelscope, minimal, schemas, runs, files = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]

def frames(argv, env):
    p = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=600)
    for line in p.stdout.decode().splitlines():
        if line.startswith('frames-while-loading '):
            return json.loads(line.split(' ', 1)[1])
    raise SystemExit('%s: no figures (exit status %d)' % (' '.join(argv), p.returncode))

results = {}
for renderer in ('cairo', 'gl'):
    env = dict(os.environ, GSK_RENDERER=renderer, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=schemas,
               XDG_CONFIG_HOME=os.path.join(os.environ.get('TMPDIR', '/tmp'), 'reelscope-bench-config'))
    # A window that shows the bundled dataset opens the file (`reelscope`), and an empty window
    # opens it (`reelscope FILE`); interleaved, after a warm-up round.
    cases = [(path, start) for path in files for start in ('dataset', 'empty')]
    for i in range(runs + 1):
        for path, start in cases:
            argv = [reelscope] + ([path] if start == 'empty' else [])
            figures = frames(argv, dict(env, REELSCOPE_BENCH_FRAMES_WHILE_LOADING=path))
            assert figures['from'] == start, figures
            if i > 0:
                key = (renderer, os.path.splitext(path)[1][1:], start)
                results.setdefault(key, []).append(figures)
        # The floor: 60 frames of a minimal GTK 4 window, the same size, whose spinner turns.
        out = subprocess.run([minimal], env=dict(env, MINIMAL_FRAMES='60'), stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, timeout=120).stdout.decode()
        times = [int(t) for line in out.splitlines() if line.startswith('frames ') for t in line.split()[1:]]
        if i > 0:
            results.setdefault((renderer, 'floor', ''), []).extend(times)
print(json.dumps(list(results.items())))
'''


def frames_section(frames):
    """The "Frames while loading" section of the report, as lines."""
    lines = ['## Frames while loading', '',
             'Issue 4: frames stay under 16 ms while a 1M-record file loads. The window loads `1M.json` or '
             '`1M.csv` (the files above) on its worker thread, either from a window that shows the bundled '
             'dataset (as Open or a drop would) or from an empty window (`reelscope FILE`); measured from the '
             'start of the load (in the empty window, from the end of its first frame, which "Start-up" '
             'times) to the end of the first frame that shows the new dataset whole, the region panels '
             '(which follow the chart by a frame) included, by '
             '`REELSCOPE_BENCH_FRAMES_WHILE_LOADING=FILE` (a benchmark hook in `src/app/reel-frame-bench.c`). '
             'A frame\'s time runs from the frame clock\'s `before-paint` to its `after-paint` (update, layout, '
             'paint); the longest stall is how late a 1 ms `G_PRIORITY_HIGH` timeout ran, which also counts '
             'work outside frames (the dataset swap runs in the load\'s callback). Medians over %d runs of '
             'each figure (the worst run in brackets); Xvfb at 1280×800, a private D-Bus session, one renderer '
             'at a time. CPU: the main thread\'s CPU time in its longest frame; a frame much longer than its '
             'CPU time waited for a core (the loader\'s thread and other processes share them). The floor is '
             '`tests/bench/minimal-window.c` with `MINIMAL_FRAMES=60`: a GTK 4 window of the same size that '
             'shows a turning spinner, 60 frames a run, the same runs.' % FRAMES_RUNS,
             '',
             '| Renderer | File | From | Frames | Frame time: median / p95 / p99 | Longest frame (worst) | '
             'CPU of the longest frame | Longest stall (worst) | Shown after |',
             '|---|---|---|---|---|---|---|---|---|']
    med = lambda runs, key: statistics.median(r[key] for r in runs) / 1e6
    worst = lambda runs, key: max(r[key] for r in runs) / 1e6
    over = []
    floors = {renderer: sorted(runs) for (renderer, fmt, _), runs in frames.items() if fmt == 'floor'}
    frames = {key: runs for key, runs in frames.items() if key[1] != 'floor'}
    for renderer, times in sorted(floors.items()):
        pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] / 1e6
        lines.append('| %s | floor: a minimal GTK 4 window, its spinner turning | – | %d | %s / %s / %s | %s | – | – | – |' % (
            renderer, len(times), ms(pick(0.5)), ms(pick(0.95)), ms(pick(0.99)), ms(times[-1] / 1e6)))
    for (renderer, fmt, start), runs in sorted(frames.items(), key=lambda kv: (kv[0][0] != 'cairo', kv[0][1] != 'json',
                                                                             kv[0][2] != 'dataset')):
        where = 'bundled dataset shown' if start == 'dataset' else 'empty window'
        if all(r['frames'] == 0 for r in runs):
            # The file loaded while the empty window made its first frame (GL's takes longer than the
            # load here): no frame came between the load's start and the dataset shown.
            lines.append('| %s | 1M %s | %s | 0 | loaded before the window\'s first frame ended: no frame '
                         'waited for it | – | – | – | – |' % (renderer, fmt.upper(), where))
            continue
        cpu = statistics.median(max(r['long_frames'], key=lambda f: f[1])[5] if r['long_frames'] else r['cpu_max']
                                for r in runs) / 1e6
        lines.append('| %s | 1M %s | %s | %d | %s / %s / %s | %s (%s) | %s | %s (%s) | %s |' % (
            renderer, fmt.upper(), where, statistics.median(r['frames'] for r in runs), ms(med(runs, 'median')), ms(med(runs, 'p95')),
            ms(med(runs, 'p99')), ms(med(runs, 'max')), ms(worst(runs, 'max')), ms(cpu),
            ms(med(runs, 'stall')), ms(worst(runs, 'stall')), ms(med(runs, 'shown'))))
        over.append((max(med(runs, 'max'), med(runs, 'stall')), renderer))
    for renderer in sorted({r for _, r in over}):
        longest = max(t for t, r in over if r == renderer)
        floor = floors.get(renderer)
        lines += ['', '%s: the longest frame or stall (median of the runs) is %s: the target is %s.%s' % (
            renderer, ms(longest), 'met' if longest < 0.016 else '**missed**',
            ' The floor\'s median frame takes %s here.' % ms(floor[len(floor) // 2] / 1e6) if floor else '')]
    return lines


# The chart kinds whose periods Play steps through in "Frames while playing": those of the
# bundled dataset with more than one year, and Trend's time cursor through its months.
PLAY_KINDS = ['revenue', 'share', 'growth', 'platforms', 'trend']


def frames_while_playing():
    """The window's frames while it plays through the years of each of PLAY_KINDS at 1600 x 1000
    with the cairo renderer (REELSCOPE_BENCH_FRAMES_WHILE_PLAYING, src/app/reel-frame-bench-play.c),
    under one Xvfb and D-Bus session: {kind: [one dict of figures per run]}; a kind with fewer than
    two years is left out."""
    helper = os.path.join(WORK, 'play.py')
    with open(helper, 'w') as f:
        f.write(PLAY)
    out = subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1920x1200x24 -nolisten tcp',
                          'dbus-run-session', '--', PYTHON, helper, REELSCOPE, os.path.join(BUILD, 'data'),
                          str(FRAMES_RUNS)] + PLAY_KINDS,
                         check=True, capture_output=True, text=True, env=ENV).stdout
    return json.loads(out.strip().splitlines()[-1])


PLAY = r'''
import json, os, subprocess, sys
reelscope, schemas, runs, kinds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
env = dict(os.environ, GSK_RENDERER='cairo', GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=schemas,
           XDG_CONFIG_HOME=os.path.join(os.environ.get('TMPDIR', '/tmp'), 'reelscope-bench-config'))
results = {}
# Interleaved, after a warm-up round.
for i in range(runs + 1):
    for kind in kinds:
        p = subprocess.run([reelscope], env=dict(env, REELSCOPE_BENCH_FRAMES_WHILE_PLAYING=kind),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        lines = [l for l in p.stdout.decode().splitlines() if l.startswith('frames-while-playing ')]
        if not lines:
            if 'fewer than two years' in p.stderr.decode():
                continue
            raise SystemExit('%s: no figures (exit status %d)' % (kind, p.returncode))
        if i > 0:
            results.setdefault(kind, []).append(json.loads(lines[0].split(' ', 1)[1]))
print(json.dumps(results))
'''


def period_name(month):
    """A month as the app counts them (year × 12 + month − 1): "Apr 2025"."""
    return '%s %d' % (calendar.month_abbr[month % 12 + 1], month // 12)


def play_section(play):
    """The "Frames while playing" section of the report, as lines."""
    lines = ['## Frames while playing', '',
             'Issue 17: the longest frame stays under 16 ms over a full play-through at 1600×1000 with the '
             'cairo renderer. The window (1600×1000, Xvfb at 1920×1200, a private D-Bus session, '
             '`GSK_RENDERER=cairo`) shows the bundled dataset, switches to the chart at its first year, lets it '
             'settle, presses Play and records every frame until the last year has moved in, by '
             '`REELSCOPE_BENCH_FRAMES_WHILE_PLAYING=KIND` (a benchmark hook in '
             '`src/app/reel-frame-bench-play.c`). Play steps a year every 1.3 s; each step lays the chart out '
             'once for its new year and then moves the bars over 320 ms, a frame each tick, drawing both '
             'layouts. On Trend, Play moves its time cursor from the whole chart through the months, and each '
             'step sweeps the cursor over 320 ms, drawing both layouts under a clip. A frame\'s time runs from the frame clock\'s `before-paint` to its `after-paint` '
             '(update, layout, paint); beside the longest, the main thread\'s CPU time in it: a frame much '
             'longer than its CPU time waited for a core (Xvfb and other processes share them). Medians over '
             '%d runs (the worst run in brackets).' % FRAMES_RUNS,
             '',
             '| Chart | Periods | Frames | Frame time: median / p95 | Longest frame (worst) | '
             'CPU of the longest frame | Most CPU in a frame | Frames over 16 ms |',
             '|---|---|---|---|---|---|---|---|']
    longest = 0
    for kind, runs in play.items():
        med = lambda key: statistics.median(r[key] for r in runs) / 1e6
        worst = max(r['max'] for r in runs) / 1e6
        years = runs[0]['years']
        name = period_name if runs[0].get('by_month') else str
        lines.append('| %s | %s–%s (%d) | %d | %s / %s | %s (%s) | %s | %s | %d |' % (
            kind.capitalize(), name(years[0]), name(years[-1]), len(years),
            statistics.median(r['frames'] for r in runs),
            ms(med('median')), ms(med('p95')), ms(med('max')), ms(worst), ms(med('cpu_of_max')),
            ms(statistics.median(max(r['cpu']) for r in runs) / 1e6), max(r['over_16ms'] for r in runs)))
        longest = max(longest, med('max'))
    lines += ['', 'The longest frame (median of the runs) is %s: the target is %s (load average %s when the '
              'runs ended).' % (ms(longest), 'met' if longest < 0.016 else '**missed**',
                                ' '.join(open('/proc/loadavg').read().split()[:3]))]
    return lines


# The inputs of "Interaction latency", in the order the hook makes them, and what each is.
INPUTS = [('region-list', 'a region picked in the list'),
          ('region-chart', 'a region picked on the chart'),
          ('chart-kind', 'the chart kind switched (each kind in turn)'),
          ('period', 'the period stepped (Revenue, back and forth)'),
          ('chart-table', 'Chart and Table switched'),
          ('export-dialog', 'the export dialog opened (to its first frame)')]


def interactions():
    """The time from each input a user makes to the end of the frame that shows it, at 1600 x 1000
    with the cairo renderer (REELSCOPE_BENCH_INTERACTIONS, src/app/reel-frame-bench-input.c),
    under one Xvfb and D-Bus session: [one dict of figures per run]."""
    helper = os.path.join(WORK, 'inputs.py')
    with open(helper, 'w') as f:
        f.write(INPUTS_RUN)
    out = subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1920x1200x24 -nolisten tcp',
                          'dbus-run-session', '--', PYTHON, helper, REELSCOPE, os.path.join(BUILD, 'data'),
                          str(FRAMES_RUNS)],
                         check=True, capture_output=True, text=True, env=ENV).stdout
    return json.loads(out.strip().splitlines()[-1])


INPUTS_RUN = r'''
import json, os, subprocess, sys
reelscope, schemas, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
env = dict(os.environ, GSK_RENDERER='cairo', GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=schemas,
           REELSCOPE_BENCH_INTERACTIONS='1',
           XDG_CONFIG_HOME=os.path.join(os.environ.get('TMPDIR', '/tmp'), 'reelscope-bench-config'))
results = []
for i in range(runs):
    p = subprocess.run([reelscope], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    lines = [l for l in p.stdout.decode().splitlines() if l.startswith('interactions ')]
    if not lines:
        raise SystemExit('no figures (exit status %d): %s' % (p.returncode, p.stderr.decode()[-500:]))
    results.append(json.loads(lines[0].split(' ', 1)[1]))
print(json.dumps(results))
'''


def interactions_section(runs):
    """The "Interaction latency" section of the report, as lines."""
    lines = ['## Interaction latency', '',
             'Issue 20: each input a user makes shows its result within a frame: median under 8 ms and '
             'longest under 16 ms when repeated, the first time under 16 ms. The window (1600×1000, Xvfb at '
             '1920×1200, a private D-Bus session, `GSK_RENDERER=cairo`) shows the bundled dataset\'s Revenue '
             'chart and takes each input nine times, 600 ms apart, as its widget or action makes it, by '
             '`REELSCOPE_BENCH_INTERACTIONS=1` (a benchmark hook in `src/app/reel-frame-bench-input.c`); '
             'timed from the input to the end of the first frame that shows it (the window\'s next '
             '`after-paint`; for Chart and Table, the first after which the page asked for shows, not '
             'fading in; or the dialog\'s first), the main thread\'s CPU time over the same span beside '
             'it. The first of the nine is the first time; "repeated" is the other eight. Each figure is '
             'the median over %d runs of the app.' % FRAMES_RUNS,
             '',
             '| Input | First time (CPU) | Repeated: median (CPU) | Repeated: longest (CPU) |',
             '|---|---|---|---|']
    met = True
    for name, what in INPUTS:
        first = statistics.median(r[name]['times'][0] for r in runs) / 1e6
        first_cpu = statistics.median(r[name]['cpu'][0] for r in runs) / 1e6
        median = statistics.median(statistics.median(r[name]['times'][1:]) for r in runs) / 1e6
        median_cpu = statistics.median(statistics.median(r[name]['cpu'][1:]) for r in runs) / 1e6
        longest = statistics.median(max(r[name]['times'][1:]) for r in runs) / 1e6
        longest_cpu = statistics.median(max(r[name]['cpu'][1:]) for r in runs) / 1e6
        met = met and first < 0.016 and median < 0.008 and longest < 0.016
        lines.append('| %s | %s (%s) | %s (%s) | %s (%s) |' % (
            what[0].upper() + what[1:], ms(first), ms(first_cpu), ms(median), ms(median_cpu),
            ms(longest), ms(longest_cpu)))
    floor = statistics.median(statistics.median(r['window-draw']['times'][1:]) for r in runs) / 1e6
    floor_cpu = statistics.median(statistics.median(r['window-draw']['cpu'][1:]) for r in runs) / 1e6
    lines += ['', 'The floor in the same runs: the window\'s nodes as they are, drawn whole by GTK into a new '
              'surface of the window\'s size (what the cairo renderer does for a frame whose change spans the '
              'window, as a region picked does: the list, the chart and the panels), with no layout, no '
              'snapshot and no upload to the display: median %s (CPU %s).' % (ms(floor), ms(floor_cpu))]
    lines += ['', 'The targets are %s (load average %s when the runs ended).' % (
        'met' if met else '**missed**', ' '.join(open('/proc/loadavg').read().split()[:3]))]
    return lines


def replace_section(path, lines):
    """Puts lines (a `## ` section) into the report at path in place of the section of that title,
    or before "## Targets" when it has none."""
    try:
        with open(path, encoding='utf-8') as f:
            old = f.read().rstrip('\n').split('\n')
    except FileNotFoundError:
        old = ['# Reelscope benchmark']
    heads = [i for i, line in enumerate(old) if line.startswith('## ')]
    mine = [i for i in heads if old[i] == lines[0]]
    if mine:
        start = mine[0]
        end = next((i for i in heads if i > start), len(old))
    else:
        start = end = next((i for i in heads if old[i].startswith('## Targets')), len(old))
        lines = lines + ['']
    if end < len(old) and lines[-1] != '':
        lines = lines + ['']
    text = '\n'.join(old[:start] + lines + old[end:]) + '\n'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    print('\n'.join(lines))


def replace_head(path, lines):
    """Puts lines (the title and the table of loads) into the report at path in place of all
    that comes before its first `## ` section."""
    with open(path, encoding='utf-8') as f:
        old = f.read().rstrip('\n').split('\n')
    first = next((i for i, line in enumerate(old) if line.startswith('## ')), len(old))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines + [''] + old[first:]) + '\n')
    print('\n'.join(lines))


def loading_section(summary):
    """The loading targets of issue 20, from the 1M rows of the table."""
    j, c = summary[('1M', 'json')], summary[('1M', 'csv')]
    check = lambda ok: 'met' if ok else '**missed**'
    targets = [
        ('JSON 1M end to end ≥ 10× faster than json.load + matplotlib, peak RSS < 64 MB',
         '%s (CPU %s), %s' % (ratio(j['peer1'], j['ours']['e2e1']), ratio(j['cpu'][4], j['cpu'][1]),
                              mib(j['ours']['rss'])),
         j['peer1'] >= 10 * j['ours']['e2e1'] and j['ours']['rss'] < 64 * 1024),
        ('CSV 1M end to end ≥ 10× faster than pandas + matplotlib, peak RSS < 64 MB',
         '%s (CPU %s), %s' % (ratio(c['peer1'], c['ours']['e2e1']), ratio(c['cpu'][4], c['cpu'][1]),
                              mib(c['ours']['rss'])),
         c['peer1'] >= 10 * c['ours']['e2e1'] and c['ours']['rss'] < 64 * 1024),
        ('JSON 1M load + validate + aggregate within 5× of `cat` on the same file',
         '%s vs %s: %.1f×' % (ms(j['validate']), ms(j['cat']), j['validate'] / j['cat']),
         j['validate'] <= 5 * j['cat']),
    ]
    lines = ['## Loading (issue 20)', '',
             'From the 1M rows of the table above (`ONLY_LOAD=1 build-aux/bench.sh` measures only that '
             'table and this section). The records of a file of more than two blocks (4 MiB of them) are '
             'read on every core, JSON and CSV alike.', '',
             '| Target | Measured | |', '|---|---|---|']
    for name, value, ok in targets:
        lines.append('| %s | %s | %s |' % (name, value, check(ok)))
    return lines


# The table ------------------------------------------------------------------------------

def ms(seconds):
    if seconds is None:
        return '–'
    return '%.0f ms' % (seconds * 1000) if seconds >= 0.1 else '%.1f ms' % (seconds * 1000)


def mib(kib):
    return '–' if kib is None else '%.0f MB' % (kib / 1024)


def size(path):
    n = os.path.getsize(path)
    return '%.1f MB' % (n / 1e6) if n >= 1e6 else '%.0f KB' % (n / 1e3)


def ratio(peer, ours):
    if peer is None or ours is None:
        return ''
    return '%.1f×' % (peer / ours)


def version(argv, pattern=r'([\d.]+)'):
    try:
        out = subprocess.run(argv, capture_output=True, text=True).stdout
        m = re.search(pattern, out)
        return m.group(1) if m else out.strip()
    except OSError:
        return 'not installed'


def machine():
    cpu = 'unknown'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    with open('/proc/meminfo') as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    pkg = lambda name: version(['pkg-config', '--modversion', name])
    py = lambda code: version([PYTHON, '-c', code], r'(\S+)')
    return {
        'date': time.strftime('%Y-%m-%d %H:%M %Z'),
        'cpus': os.cpu_count(),
        'cpu': cpu,
        'memory': '%.1f GiB' % mem,
        'kernel': platform.release(),
        'load': open('/proc/loadavg').read().split()[:3],
        'versions': 'Reelscope %s (release build), GCC %s, GLib %s, GTK %s, libadwaita %s, cairo %s, pango %s, '
                    'libpng %s, zlib %s; Python %s, matplotlib %s, pandas %s, gnuplot %s' % (
                        version([REELSCOPE, '--version']), version(['cc', '-dumpfullversion']), pkg('glib-2.0'),
                        pkg('gtk4'), pkg('libadwaita-1'), pkg('cairo'), pkg('pango'), pkg('libpng'), pkg('zlib'),
                        py('import platform; print(platform.python_version())'),
                        py('import matplotlib; print(matplotlib.__version__)'),
                        py('import pandas; print(pandas.__version__)'), version(['gnuplot', '--version'])),
    }


def measured(skip, what, measure):
    """measure()'s figures; None when the environment variable `skip` is 1, or when it fails (logged)."""
    if os.environ.get(skip) == '1':
        return None
    log('# %s' % what)
    try:
        return measure()
    except (subprocess.CalledProcessError, OSError) as e:
        log('%s not measured: %s' % (what, e))
        return None


def main():
    if os.environ.get('ONLY_INPUTS') == '1':
        log('# interaction latency')
        replace_section(OUTPUT, interactions_section(interactions()))
        return
    if os.environ.get('ONLY_PLAY') == '1':
        log('# frames while playing')
        replace_section(OUTPUT, play_section(frames_while_playing()))
        return
    if os.environ.get('ONLY_FRAMES') == '1':
        log('# frames while loading')
        replace_section(OUTPUT, frames_section(frames_while_loading()))
        return
    if os.environ.get('ONLY_EXPORT') == '1':
        mpl_small = os.path.join(WORK, 'mpl_small.py')
        with open(mpl_small, 'w') as f:
            f.write(MPL_SMALL)
        small, small_lines = export_section(mpl_small, note=True)
        replace_section(OUTPUT, small_lines)
        replace_target(OUTPUT, export_target(small))
        return

    info = machine()
    mpl_small = os.path.join(WORK, 'mpl_small.py')
    with open(mpl_small, 'w') as f:
        f.write(MPL_SMALL)
    rows, summary = load_rows()
    if os.environ.get('ONLY_LOAD') == '1':
        info['load_after'] = open('/proc/loadavg').read().split()[:3]
        replace_head(OUTPUT, table_lines(info, rows))
        replace_section(OUTPUT, loading_section(summary))
        return

    small, small_lines = export_section(mpl_small)

    starts = measured('SKIP_STARTUP', 'start-up', startup)
    frames = measured('SKIP_FRAMES', 'frames while loading', frames_while_loading)
    play = measured('SKIP_PLAY', 'frames while playing', frames_while_playing)
    inputs = measured('SKIP_INPUTS', 'interaction latency', interactions)

    info['load_after'] = open('/proc/loadavg').read().split()[:3]
    write(info, rows, summary, small, small_lines, starts, frames)
    replace_section(OUTPUT, loading_section(summary))
    if play is not None:
        replace_section(OUTPUT, play_section(play))
    if inputs is not None:
        replace_section(OUTPUT, interactions_section(inputs))


def load_rows():
    """The rows of the table (each size and format: Reelscope, its peer, `cat`), and the figures
    the targets are judged on, by (size, format)."""
    rows = []
    summary = {}
    out_png = os.path.join(WORK, 'out.png')
    mpl_json = os.path.join(WORK, 'mpl_json.py')
    pandas_csv = os.path.join(WORK, 'pandas_csv.py')
    for path, text in ((mpl_json, MPL_JSON), (pandas_csv, PANDAS_CSV)):
        with open(path, 'w') as f:
            f.write(text)

    for label in ('10k', '100k', '1M'):
        for fmt in ('json', 'csv'):
            path = os.path.join(DATA, '%s.%s' % (label, fmt))
            runs = min(RUNS, 5) if label == '1M' else RUNS
            log('# %s %s' % (label, fmt.upper()))

            if fmt == 'json':
                peer_name, script = 'json.load + matplotlib', mpl_json
            else:
                peer_name, script = 'pandas + matplotlib', pandas_csv
            # Ours and the peer's, interleaved; the peers are slow on 1M records: fewer runs.
            commands = [
                [REELSCOPE, '--validate', path],
                [REELSCOPE, '--export=' + out_png] + SIZE + [path],
                [REELSCOPE, '--export=' + out_png] + SIZE + ['--scale=2', path],
                [PYTHON, script, path, out_png, '100', 'no'],
                [PYTHON, script, path, out_png, '100', 'plot'],
                [PYTHON, script, path, out_png, '200', 'plot'],
                ['sh', '-c', 'cat "$0" > /dev/null', path]]
            ((validate, validate_rss), (e2e1, rss1), (e2e2, rss2), (load, load_rss), (p1, p_rss1),
             (p2, p_rss2), (cat, _)) = measure_together(commands, runs)
            cpu = [CPU[tuple(argv)] for argv in commands]
            draws = redraw(path)
            ours = {'e2e1': e2e1, 'e2e2': e2e2, 'rss': max(validate_rss, rss1, rss2)}
            rows.append([label, fmt.upper(), size(path), 'Reelscope', with_cpu(validate, commands[0]),
                         with_cpu(e2e1, commands[1]), with_cpu(e2e2, commands[2]),
                         '%s / %s' % (mib(validate_rss), mib(max(rss1, rss2))),
                         ' / '.join('%.2f' % d for d in draws) + ' ms', ''])

            peer_rss = max(load_rss, p_rss1, p_rss2)
            rows.append(['', '', '', peer_name, with_cpu(load, commands[3]), with_cpu(p1, commands[4]),
                         with_cpu(p2, commands[5]),
                         '%s / %s' % (mib(load_rss), mib(max(p_rss1, p_rss2))), '',
                         '%s, %s (CPU %s, %s); RSS %s' % (ratio(p1, e2e1), ratio(p2, e2e2), ratio(cpu[4], cpu[1]),
                                                          ratio(cpu[5], cpu[2]), ratio(peer_rss, ours['rss']))])

            rows.append(['', '', '', '`cat FILE > /dev/null` (floor)', ms(cat), '', '', '', '', ''])
            summary[(label, fmt)] = {'ours': ours, 'peer1': p1, 'peer2': p2, 'peer_rss': peer_rss, 'cpu': cpu,
                                     'validate_rss': validate_rss,
                                     'validate': validate, 'cat': cat, 'draws': draws}
    return rows, summary


def export_section(mpl_small, note=False):
    """The revenue chart of 40 records as a PNG at 1x and 2x: Reelscope, cairo's own PNG writer
    on the same drawing, gnuplot and matplotlib, their times and their files' sizes. Returns the
    figures the export target needs, and the section's lines; with note, the section says when
    and under what load it ran (ONLY_EXPORT=1, apart from the rest of the report)."""
    log('# small chart')
    load_before = open('/proc/loadavg').read().split()[:3]
    tsv, year = small_chart_data()
    out = {name: [os.path.join(WORK, '%s-%dx.png' % (name, scale)) for scale in (1, 2)]
           for name in ('reelscope', 'cairo', 'gnuplot', 'matplotlib')}
    scripts = [os.path.join(WORK, 'chart%d.gp' % scale) for scale in (1, 2)]
    for path, scale, png in zip(scripts, (1, 2), out['gnuplot']):
        with open(path, 'w') as f:
            f.write(gnuplot_script(tsv, year, scale, png))
    programs = [
        ('Reelscope `--export`', [[REELSCOPE, '--export=' + out['reelscope'][0]] + SIZE + [SMALL],
                                  [REELSCOPE, '--export=' + out['reelscope'][1]] + SIZE + ['--scale=2', SMALL]]),
        ('cairo `cairo_surface_write_to_png()`, the same drawing',
         [[BENCH_CHARTS, '--cairo-png', SMALL, out['cairo'][scale - 1], str(scale)] for scale in (1, 2)]),
        ('gnuplot pngcairo', [['gnuplot', script] for script in scripts]),
        ('matplotlib (Agg) savefig',
         [[PYTHON, mpl_small, out['matplotlib'][scale - 1], str(100 * scale), tsv] for scale in (1, 2)]),
    ]
    commands = [argv for _, pair in programs for argv in pair]
    results = measure_together(commands, RUNS * 2)
    cpu = [CPU[tuple(argv)] for argv in commands]
    files = [path for name in ('reelscope', 'cairo', 'gnuplot', 'matplotlib') for path in out[name]]
    sizes = [os.path.getsize(path) for path in files]
    (r1, _), (r2, _) = results[0], results[1]

    lines = ['## Export', '',
             'The revenue chart of %s (`tests/data/synthetic-40.reelscope.json`, %s) at 1600×1000 and '
             '3200×2000, whole processes as above, medians of %d runs: Reelscope\'s `--export`; the same '
             'drawing written by cairo\'s own `cairo_surface_write_to_png()` (`tests/bench-charts '
             '--cairo-png`); gnuplot\'s pngcairo terminal and matplotlib, each drawing the same bars its '
             'way. Each PNG\'s size in bytes is beside its time. Redraw is `tests/bench-charts` on the '
             'same file.' % ('40 records', size(SMALL), RUNS * 2)]
    if note:
        lines += ['', 'Measured apart from the rest of this report (`ONLY_EXPORT=1 build-aux/bench.sh`) on %s, '
                      'the machine above; load average %s before and %s after.' % (
                          time.strftime('%Y-%m-%d %H:%M %Z'), ' '.join(load_before),
                          ' '.join(open('/proc/loadavg').read().split()[:3]))]
    lines += ['', '| Program | PNG 1600×1000 | Size | PNG 3200×2000 (2x) | Size | Peak RSS | '
                  'Redraw at 1600×1000: revenue / growth / share / trend (median) | Program ÷ Reelscope (1x, 2x) |',
              '|---|---|---|---|---|---|---|---|']
    for i, (name, _) in enumerate(programs):
        (t1, rss1), (t2, rss2) = results[2 * i], results[2 * i + 1]
        lines.append('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            name, with_cpu(t1, commands[2 * i]), '{:,}'.format(sizes[2 * i]),
            with_cpu(t2, commands[2 * i + 1]), '{:,}'.format(sizes[2 * i + 1]), mib(max(rss1, rss2)),
            ' / '.join('%.2f' % d for d in redraw(SMALL)) + ' ms' if i == 0 else '',
            '' if i == 0 else '%s, %s (CPU %s, %s)' % (ratio(t1, r1), ratio(t2, r2), ratio(cpu[2 * i], cpu[0]),
                                                      ratio(cpu[2 * i + 1], cpu[1]))))
    small = (r2, results[5][0], results[7][0], (cpu[1], cpu[5], cpu[7]))
    return small, lines


def export_target(small):
    r2, g2, m2, (rc, gc, mc) = small
    return ('Export 3200×2000 ≥ 2× faster than gnuplot pngcairo and ≥ 5× faster than matplotlib',
            '%s, %s (CPU %s, %s)' % (ratio(g2, r2), ratio(m2, r2), ratio(gc, rc), ratio(mc, rc)),
            g2 >= 2 * r2 and m2 >= 5 * r2)


def replace_target(path, target):
    """Puts target's row into the report's table of targets in place of the row of that name."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    name, value, ok = target
    lines = ['| %s | %s | %s |' % (name, value, 'met' if ok else '**missed**') if line.startswith('| %s |' % name)
             else line for line in lines]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


def table_lines(info, rows):
    """The report's title, what it measured on which machine, and the table of loads."""
    header = ['Data', 'Format', 'File', 'Program', 'Load + validate + aggregate',
              'End to end, PNG 1600×1000', 'End to end, PNG 3200×2000 (2x)',
              'Peak RSS: load / end to end',
              'Redraw at 1600×1000: revenue / growth / share / trend (median)', 'Peer ÷ Reelscope (1x, 2x; RSS)']
    lines = ['# Reelscope benchmark', '',
             'Written by `build-aux/bench.sh` on %s. Machine: %d CPUs (%s), %s RAM, Linux %s; load average '
             '%s before and %s after the run (other work shared the machine). %s.' % (
                 info['date'], info['cpus'], info['cpu'], info['memory'], info['kernel'],
                 ' '.join(info['load']), ' '.join(info['load_after']), info['versions']),
             '',
             'Whole processes, medians of %d runs (5 on 1M records) after a warm-up run, Reelscope\'s and the '
             'peers\' runs interleaved so that a busier or quieter moment affects both. Times are wall-clock, '
             'with the CPU time (user + system, from `wait4()`) beside them: on a shared machine the CPU time '
             'says more about the work. Targets are judged on wall-clock time. Peak RSS from '
             '`/usr/bin/time -f %%M`, the largest of the runs. "End to end" loads the file, aggregates the records '
             'and writes the revenue chart as a PNG (`reelscope --export=OUT.png --width=1600 --height=1000 '
             '[--scale=2] FILE`); the peers do the same work their way (parse, sum per region for the latest '
             'year, bar chart, `savefig`). Their "load" column parses and sums without plotting. Files from '
             '`build-aux/gen-dataset --seed 1`. Redraw is `tests/bench-charts` (layout + render into an image '
             'surface, %d runs per kind).' % (RUNS, REDRAW_RUNS),
             '',
             '| ' + ' | '.join(header) + ' |',
             '|' + '---|' * len(header)]
    for row in rows:
        lines.append('| ' + ' | '.join(row) + ' |')
    return lines


def write(info, rows, summary, small, small_lines, starts, frames=None):
    lines = table_lines(info, rows)
    lines += [''] + small_lines

    if starts is not None:
        lines += ['', '## Start-up', '',
                  'Time from starting the process to the end of its first painted frame (the frame clock\'s '
                  '`after-paint`), median of the runs, Xvfb and a private D-Bus session, one renderer at a time. '
                  'Reelscope opens the bundled dataset (`REELSCOPE_EXIT_AFTER_FIRST_FRAME=1`, `=dataset` for '
                  'the first frame that shows it in the chart and the region list, `=complete` for the first '
                  'with the region panels filled too, a frame later); the floor is `tests/bench/minimal-window.c`, a GTK 4 '
                  'application whose window holds one label, and the same as an AdwApplication (libadwaita\'s '
                  'own share). Ratios are to the minimal GTK 4 window.', '',
                  '| Renderer | Minimal GTK 4 window | Minimal libadwaita window | Reelscope, first frame | '
                  'Reelscope, first frame with the dataset | Reelscope, with the region panels |',
                  '|---|---|---|---|---|---|']
        for renderer, t in starts.items():
            lines.append('| %s | %s | %s (%s) | %s (%s) | %s (%s) | %s (%s) |' % (
                renderer, ms(t['minimal']), ms(t['adwaita']), ratio(t['adwaita'], t['minimal']),
                ms(t['first']), ratio(t['first'], t['minimal']),
                ms(t['dataset']), ratio(t['dataset'], t['minimal']),
                ms(t['complete']), ratio(t['complete'], t['minimal'])))

    if frames is not None:
        lines += [''] + frames_section(frames)

    # The targets of issue 7, from the figures above.
    j, c = summary[('1M', 'json')], summary[('1M', 'csv')]
    draws = summary[('10k', 'json')]['draws'] + summary[('1M', 'json')]['draws']
    check = lambda ok: 'met' if ok else '**missed**'
    targets = [
        ('JSON 1M end to end ≥ 4× faster than json.load + matplotlib, peak RSS < 100 MB',
         '%s (CPU %s), %s' % (ratio(j['peer1'], j['ours']['e2e1']), ratio(j['cpu'][4], j['cpu'][1]),
                              mib(j['ours']['rss'])),
         j['peer1'] >= 4 * j['ours']['e2e1'] and j['ours']['rss'] < 100 * 1024),
        ('CSV 1M end to end ≥ 5× faster than pandas + matplotlib, peak RSS < 100 MB',
         '%s (CPU %s), %s' % (ratio(c['peer1'], c['ours']['e2e1']), ratio(c['cpu'][4], c['cpu'][1]),
                              mib(c['ours']['rss'])),
         c['peer1'] >= 5 * c['ours']['e2e1'] and c['ours']['rss'] < 100 * 1024),
        export_target(small),
        ('Redraw of every kind < 2 ms median at 10k and 1M records', 'at most %.2f ms' % max(draws),
         max(draws) < 2),
        ('Peak RSS of loading does not grow with the file (1M vs 100k records)',
         'JSON %s vs %s, CSV %s vs %s' % (mib(j['validate_rss']), mib(summary[('100k', 'json')]['validate_rss']),
                                          mib(c['validate_rss']), mib(summary[('100k', 'csv')]['validate_rss'])),
         j['validate_rss'] < summary[('100k', 'json')]['validate_rss'] * 1.25 + 4096 and
         c['validate_rss'] < summary[('100k', 'csv')]['validate_rss'] * 1.25 + 4096),
    ]
    if starts is not None:
        worst = max(t['dataset'] / t['minimal'] for t in starts.values())
        targets.append(('Start-up to the first frame with the bundled dataset within 1.3× of a minimal GTK 4 '
                        'window (both renderers)',
                        'at most %.2f×' % worst, worst <= 1.3))
    lines += ['', '## Targets (issue 7)', '', '| Target | Measured | |', '|---|---|---|']
    for name, value, ok in targets:
        lines.append('| %s | %s | %s |' % (name, value, check(ok)))

    text = '\n'.join(lines) + '\n'
    with open(OUTPUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    try:
        main()
    finally:
        subprocess.run(['rm', '-rf', WORK])
