#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark (not part of `meson test`): Reelscope against its peers, in one run, one table.
#
#  - builds a release build with the benchmark hooks in its own directory
#    (default _build-bench): -Dbuildtype=release -Db_ndebug=if-release -Dbench=true;
#  - generates 10k, 100k and 1M records as JSON and CSV with build-aux/gen-dataset --seed 1
#    (kept in BUILDDIR/bench-data, made again only when missing);
#  - measures, per size and format: file size, `reelscope --validate` (load + validate +
#    aggregate), end to end (load, aggregate, export the revenue chart as a 1600x1000 PNG, and
#    at 2x), peak RSS, redraw per chart kind (tests/bench-charts); and in the same run the peers:
#    json.load + matplotlib for JSON, pandas read_csv + groupby + matplotlib for CSV, and
#    `cat FILE > /dev/null` as the floor; then a small bar chart (40 records) exported at 1x and
#    2x by Reelscope, cairo's own PNG writer, gnuplot's pngcairo and matplotlib, and the size of
#    each PNG; then start-up to the first frame against tests/bench/minimal-window.c under Xvfb,
#    for the cairo and GL renderers;
#    and the window's frames and main-loop stalls while it loads the 1M-record files, from a
#    window that shows the bundled dataset and from an empty one, for both renderers;
#    and its frames while it plays through a chart's years at 1600x1000 (cairo renderer);
#  - prints the table and writes it to tests/bench/results.md with the machine it ran on.
#
#   build-aux/bench.sh [BUILDDIR]       RUNS=5 (medians of), REDRAW_RUNS=200, SKIP_STARTUP=1
#                                       FRAMES_RUNS=5, SKIP_FRAMES=1, ONLY_FRAMES=1 (only the frames
#                                       while a 1M-record file loads, into their section of results.md),
#                                       ONLY_EXPORT=1 (only the small chart's PNG export: times and
#                                       sizes, into its section and its target; no data to generate)
#                                       SKIP_PLAY=1, ONLY_PLAY=1 (only the frames while playing through
#                                       the years, into their section of results.md)
#                                       SKIP_INPUTS=1, ONLY_INPUTS=1 (only the interaction latency,
#                                       into its section of results.md)
#                                       ONLY_LOAD=1 (only the table of loads and end to end runs,
#                                       and the loading targets in their section of results.md)
#
# Runtime needs (Debian 12), beyond the build dependencies in build-aux/debian-packages.txt:
#   python3-matplotlib python3-pandas gnuplot-nox time xvfb xauth dbus
# (the peers and the start-up run use /usr/bin/python3, which has Debian's matplotlib and pandas).
# It takes about five minutes on two cores, most of it the peers on 1M records.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build-bench}

missing=()
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
[ -x /usr/bin/time ] || missing+=(time)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
command -v dbus-run-session >/dev/null || missing+=(dbus)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench.sh needs: apt-get install ${missing[*]}" >&2
    exit 1
fi

# The start-up and frame figures come from benchmark hooks that only a
# -Dbench=true build has.
if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release -Db_ndebug=if-release -Dbench=true >/dev/null
else
    meson configure "$build" -Dbench=true >/dev/null
fi
meson compile -C "$build" >/dev/null

data="$build/bench-data"
mkdir -p "$data"
[ "${ONLY_EXPORT:-}" = 1 ] || [ "${ONLY_PLAY:-}" = 1 ] || [ "${ONLY_INPUTS:-}" = 1 ] ||
for n in 10k:10000 100k:100000 1M:1000000; do
    label=${n%%:*} count=${n##*:}
    for format in json csv; do
        if [ ! -s "$data/$label.$format" ]; then
            echo "# generating $label records as $format" >&2
            /usr/bin/python3 build-aux/gen-dataset --records "$count" --seed 1 --format "$format" \
                --output "$data/$label.$format.tmp"
            mv "$data/$label.$format.tmp" "$data/$label.$format"
        fi
    done
done

exec /usr/bin/python3 tests/bench/run-bench.py "$build" "$data" tests/bench/results.md
