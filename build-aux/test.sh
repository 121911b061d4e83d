#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Reelscope and runs every test: once in a
# normal build (warnings are errors) and once with AddressSanitizer and
# UndefinedBehaviorSanitizer; then the loader's and the export's tests
# under valgrind's memcheck, and each libFuzzer harness for 60 seconds
# (build-aux/fuzz.sh).
# Each test that starts the app or a display runs in a world of its own
# (tests/hermetic-session.sh: its own Xvfb, D-Bus session, accessibility
# bus and XDG_RUNTIME_DIR, no portals), so the suite needs no desktop and
# whatever the desktop runs does not change it.
#
# With REEL_TEST_PORTAL=1 (CI sets it) it also installs
# xdg-desktop-portal-gtk, as every GNOME desktop has, starts it in an outer
# D-Bus session on an outer display and runs the display tests again, in
# reverse order, inside that session.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-aux/packages.sh
reel_ensure_packages

passed=0
failed=0
skipped=0

count_subtests () {
    # Count subtests, not programs: the log has one line per TAP result.
    passed=$((passed + $(grep -cE '^ok [0-9]+' "$1" || true)))
    failed=$((failed + $(grep -cE '^not ok [0-9]+' "$1" || true)))
    skipped=$((skipped + $(grep -cE '^ok [0-9]+.*# SKIP' "$1" || true)))
}

run_suite () {
    local dir=$1 status=0
    shift
    [ -f "$dir/build.ninja" ] || meson setup "$dir" -Dwerror=true "$@"
    meson compile -C "$dir"
    meson test -C "$dir" --print-errorlogs --num-processes 2 || status=$?
    count_subtests "$dir/meson-logs/testlog.txt"
    return $status
}

# The display tests, last first, inside an outer session on an outer display
# where xdg-desktop-portal and its GTK back end run (build-aux/portal-session.sh).
run_display_tests_beside_portal () {
    local dir=$1 status=0
    local tests
    tests=$(meson test -C "$dir" --list --suite display 2>/dev/null | tac |
            sed 's/^.* \/ //')
    # shellcheck disable=SC2086
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
        ./build-aux/portal-session.sh meson test -C "$dir" --print-errorlogs --num-processes 2 \
        --logbase testlog-portal $tests || status=$?
    count_subtests "$dir/meson-logs/testlog-portal.txt"
    return $status
}

# The loader's and the export's tests, `reelscope --validate` on hostile
# files and `reelscope --export` under valgrind (suite memcheck, setup
# valgrind in tests/meson.build).
run_memcheck () {
    local dir=$1 status=0
    meson test -C "$dir" --setup=valgrind --suite memcheck --print-errorlogs --num-processes 2 ||
        status=$?
    count_subtests "$dir/meson-logs/testlog-valgrind.txt"
    return $status
}

run_suite _build
# The sanitizer build also builds the benchmark hooks (-Dbench=true), which
# a normal build leaves out, so that their test (frame-bench) runs too.
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_suite _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug \
    -Dbench=true
run_memcheck _build
if [ "${REEL_TEST_PORTAL:-}" = 1 ]; then
    reel_ensure_packages xdg-desktop-portal xdg-desktop-portal-gtk
    run_display_tests_beside_portal _build
fi

# Each harness for 60 seconds (./build-aux/fuzz.sh 1800 for 30 minutes each).
./build-aux/fuzz.sh 60

echo "tests: $((passed - skipped)) passed, $failed failed, $skipped skipped"
