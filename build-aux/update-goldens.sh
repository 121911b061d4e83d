#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rewrites the golden images of the chart tests (tests/charts/*.png) from
# what the renderer draws now. Run it on purpose, after a change meant to
# alter the charts; then look at every image that changed (git status,
# git difftool, or open them) before committing them. The tests never
# write goldens by themselves: a missing or different golden fails.
#
#   build-aux/update-goldens.sh [BUILDDIR]     (default _build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-_build}

[ -f "$build/build.ninja" ] || meson setup "$build"
mkdir -p tests/charts
meson compile -C "$build"
REEL_UPDATE_GOLDENS=1 meson test -C "$build" --suite charts test-chart-render --print-errorlogs
# Then check that they pass as goldens.
meson test -C "$build" --suite charts test-chart-render --print-errorlogs

git status --short -- tests/charts || true
echo "Look at each changed image in tests/charts before committing it."
