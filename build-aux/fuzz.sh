#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses of tests/fuzz with clang-14 (AddressSanitizer
# and UndefinedBehaviorSanitizer) and runs each for SECONDS (default 60):
#
#   ./build-aux/fuzz.sh          # what CI runs (from test.sh): 60 s each
#   ./build-aux/fuzz.sh 1800     # 30 minutes each, before a release
#
# Each harness starts from its seed corpus (tests/fuzz/corpus-*, fixtures,
# JSONTestSuite) plus what earlier runs in the same build dir found
# (BUILDDIR/fuzz/corpus-*). A crash, a leak, a hang or a failed check is
# saved in BUILDDIR/fuzz/artifacts/ and makes the script fail; reproduce it
# with `BUILDDIR/tests/fuzz/fuzz-NAME FILE`, then add it to tests/data/hostile/
# or to a test. The build dir is _build-fuzz, or $REEL_FUZZ_BUILDDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-aux/packages.sh
reel_ensure_packages

seconds=${1:-60}
builddir=${REEL_FUZZ_BUILDDIR:-_build-fuzz}
harnesses=(json-scanner dataset-loader csv-reader)

if [ ! -f "$builddir/build.ninja" ]; then
    CC=clang-14 meson setup "$builddir" -Dfuzzing=true -Dtests=false \
        -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
fi
# Only the harnesses: they link the dataset layer alone, not charts or GTK.
ninja -C "$builddir" "${harnesses[@]/#/tests/fuzz/fuzz-}"

seeds () {
    case $1 in
        json-scanner) echo tests/fuzz/corpus-json-scanner tests/data/JSONTestSuite/test_parsing ;;
        dataset-loader) echo tests/fuzz/corpus-dataset-loader tests/data ;;
        csv-reader) echo tests/fuzz/corpus-csv-reader tests/data/hostile ;;
    esac
}

options () {
    case $1 in
        json-scanner) echo -dict=tests/fuzz/json.dict -max_len=16384 ;;
        dataset-loader) echo -dict=tests/fuzz/json.dict -max_len=65536 ;;
        csv-reader) echo -dict=tests/fuzz/csv.dict -max_len=16384 ;;
    esac
}

# json-glib's nodes come from GSlice, whose caches hide leaks from LeakSanitizer.
export G_SLICE=always-malloc
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1

failed=()
summary=()
mkdir -p "$builddir/fuzz/artifacts"
for name in "${harnesses[@]}"; do
    corpus=$builddir/fuzz/corpus-$name
    log=$builddir/fuzz/$name.log
    mkdir -p "$corpus"
    echo "fuzz-$name: $seconds s (log: $log)"
    # shellcheck disable=SC2046 # word splitting of the option and seed lists is wanted
    if ! "$builddir/tests/fuzz/fuzz-$name" $(options "$name") \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$builddir/fuzz/artifacts/$name-" \
            "$corpus" $(seeds "$name") > "$log" 2>&1; then
        failed+=("$name")
        grep -E 'FUZZ FAILURE|ERROR: |SUMMARY: |Test unit written' "$log" | sed 's/^/    /' || true
    fi
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    cov=$(sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/cov \1, features \2, corpus \3/p' <<< "$last")
    summary+=("fuzz-$name: ${runs:-?} runs, ${execs:-?} exec/s, ${cov:-?}, peak RSS ${rss:-?} MB")
done

printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found problems in: ${failed[*]} (see $builddir/fuzz/artifacts/)" >&2
    exit 1
fi
