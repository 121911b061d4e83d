#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of the charts (not part of `meson test`):
#  - redraw: layout + render into a 1600x1000 image surface, the median per
#    chart kind, with the sample dataset and 10k and 1M generated records
#    (the target is under 2 ms);
#  - PNG encoding of the export as built (zlib level and filter);
#  - `reelscope --export` end to end at 1x and 2x: start, load, layout,
#    render, encode, write;
#  - matplotlib (Agg) drawing comparable charts in the same run, for scale.
# Fonts are pinned as in the tests. Medians, not means: a busy machine adds
# long tails, which the p90 column shows.
#
#   build-aux/bench-charts.sh [BUILDDIR]      (default _build; RUNS=200)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}
runs=${RUNS:-200}

[ -f "$build/build.ninja" ] || meson setup "$build" -Dbuildtype=release
meson compile -C "$build" tests/bench-charts src/reelscope >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FONTCONFIG_FILE="$PWD/tests/fonts/fonts.conf" XDG_CACHE_HOME="$work/cache" LC_ALL=C.UTF-8 LANGUAGE=
# The map's countries, from the source tree.
export REELSCOPE_DATA_DIR="$PWD/data"
unset DISPLAY WAYLAND_DISPLAY

sample=tests/data/microdrama-sample.reelscope.json
echo "# generating 10k and 1M records (build-aux/gen-dataset, seed 1)"
/usr/bin/python3 build-aux/gen-dataset --records 10000 --seed 1 --output "$work/10k.json"
/usr/bin/python3 build-aux/gen-dataset --records 1000000 --seed 1 --output "$work/1m.json"

echo
echo "## Redraw: layout + render, 1600x1000 at 1x, $runs runs (ms)"
# The bundled dataset too: its regions name their countries, which the map fills.
for data in "$sample" data/microdrama-exports.reelscope.json "$work/10k.json" "$work/1m.json"; do
    "$build/tests/bench-charts" "$data" "$runs"
done

echo
echo "## The same at 2x (3200x2000 device pixels)"
"$build/tests/bench-charts" "$work/10k.json" "$runs" 1600 1000 2

echo
echo "## PNG export of 1200x800 charts (encoding included)"
"$build/tests/bench-charts" --png-levels "$sample"

echo
echo "## reelscope --export, end to end, median of 9 runs (ms)"
/usr/bin/python3 - "$build/src/reelscope" "$sample" "$work/10k.json" "$work/1m.json" "$work" <<'PY'
import statistics, subprocess, sys, time
reelscope, sample, tenk, onem, work = sys.argv[1:]
for label, data, repeat in (('sample', sample, 9), ('10k', tenk, 9), ('1M', onem, 3)):
    for scale in ('1', '2'):
        for kind in ('revenue', 'trend'):
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                subprocess.run([reelscope, f'--export={work}/out.png', f'--chart={kind}', f'--scale={scale}',
                                data], check=True)
                times.append((time.perf_counter() - start) * 1000)
            print(f'{label:7} {kind:8} {scale}x  median {statistics.median(times):8.1f} ms  '
                  f'min {min(times):8.1f}')
PY

echo
echo "## matplotlib (Agg), comparable charts at 1600x1000"
/usr/bin/python3 - "$work" <<'PY' || echo "matplotlib is not installed: apt-get install python3-matplotlib"
import statistics, sys, time
start = time.perf_counter()
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
print(f'import matplotlib: {(time.perf_counter() - start) * 1000:.0f} ms')
work = sys.argv[1]
names = ['North America', 'Europe', 'East Asia', 'Latin America', 'Southeast Asia',
         'Middle East & North Africa', 'South Asia', 'Sub-Saharan Africa']
values = [17.3, 5.93, 5.17, 4.9, 3.91, 2.32, 1.14, 0.544]
colours = ['#0072B2', '#009E73', '#8A8A8A', '#E69F00', '#F0E442', '#CC79A7', '#D55E00', '#56B4E9']

def bars():
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    ax.barh(names[::-1], values[::-1], color=colours[::-1], height=0.45)
    for y, v in enumerate(values[::-1]):
        ax.text(v + 0.2, y, f'${v}M', va='center', fontweight='bold')
    ax.set_title('Revenue by region, 2025', loc='left', fontweight='bold')
    ax.grid(axis='x', alpha=0.3)
    fig.text(0.01, 0.01, 'Source: Raw records in this dataset.')
    return fig

def lines():
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    years = [2022, 2023, 2024, 2025]
    for i, (name, v) in enumerate(zip(names, values)):
        series = [v / 1.8 ** (3 - k) for k in range(4)]
        ax.plot(years, series, marker='o', color=colours[i])
        ax.text(2025.05, series[-1], f'{name} ${v}M', va='center')
    ax.set_title('Revenue by region, 2022-2025', loc='left', fontweight='bold')
    ax.grid(axis='y', alpha=0.3)
    return fig

for label, make in (('bars', bars), ('lines', lines)):
    times = []
    for _ in range(30):
        start = time.perf_counter()
        fig = make()
        fig.canvas.draw()
        times.append((time.perf_counter() - start) * 1000)
        plt.close(fig)
    print(f'{label:6} build + draw: median {statistics.median(times):7.2f} ms')
    fig = make()
    times = []
    for _ in range(30):
        start = time.perf_counter()
        fig.canvas.draw()
        times.append((time.perf_counter() - start) * 1000)
    print(f'{label:6} redraw only:  median {statistics.median(times):7.2f} ms')
    for dpi, scale in ((100, '1x'), (200, '2x')):
        times = []
        for _ in range(9):
            start = time.perf_counter()
            fig.savefig(f'{work}/mpl.png', dpi=dpi)
            times.append((time.perf_counter() - start) * 1000)
        print(f'{label:6} savefig {scale}:   median {statistics.median(times):7.2f} ms')
    plt.close(fig)
PY
echo
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
