#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test that needs a display: on the display there is, else on an Xvfb
# of its own when xvfb-run is installed, else as it is (and the test skips).
if [ -n "${DISPLAY}${WAYLAND_DISPLAY}" ] || ! command -v xvfb-run >/dev/null 2>&1; then
  exec "$@"
fi
exec xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' "$@"
