#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Reelscope and opens it on the bundled dataset.
# Usage: ./build-aux/run.sh [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
source build-aux/packages.sh
reel_ensure_packages

[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

# Run from the build tree: the settings schema is compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
export REELSCOPE_DATA_DIR="$PWD/data"
exec ./_build/src/reelscope "$@"
