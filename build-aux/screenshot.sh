#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes a screenshot of the main window: the built app on the bundled
# dataset (or on FILE), in an Xvfb of its own (1920x1200x24, no window
# manager, so the window sits at 0,0), cropped to the window.
#
#   build-aux/screenshot.sh [BUILDDIR [OUTPUT [FILE]]]
#
# BUILDDIR defaults to ./build, OUTPUT to data/screenshots/main-window.png.
# For the dark style: ADW_DEBUG_COLOR_SCHEME=prefer-dark build-aux/screenshot.sh ...
# To start from other settings (window size, chart kind, year, selected
# region), give them one `key=value` a line, values in GVariant text:
#   SCREENSHOT_SETTINGS="window-width=700
#   selected-region='north-america'" build-aux/screenshot.sh ...
# The installed app instead of the built one: REELSCOPE_PREFIX=PREFIX (BUILDDIR
# is then ignored; pass "" for it). In another language:
# LANGUAGE=zh_CN LANG=zh_CN.UTF-8 build-aux/screenshot.sh ...
# Needs Xvfb, xwininfo (x11-utils) and import (imagemagick).
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${REELSCOPE_PREFIX:-}" ]; then
  prefix=$(cd "$REELSCOPE_PREFIX" && pwd)
  app=$prefix/bin/reelscope
  schemadir=$prefix/share/glib-2.0/schemas
  datadir=   # the installed map, in its PKGDATADIR
  export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
else
  builddir=$(cd "${1:-$srcdir/build}" && pwd)
  app=$builddir/src/reelscope
  schemadir=$builddir/data
  datadir=$srcdir/data
fi
output=${2:-$srcdir/data/screenshots/main-window.png}
shift $(($# < 2 ? $# : 2))

if [ ! -x "$app" ]; then
  echo "$0: no $app: build first" >&2
  exit 1
fi

for tool in Xvfb xwininfo import; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool is not installed" >&2
    exit 1
  fi
done

# A display nobody uses.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
  display=$((display + 1))
done

tmpdir=$(mktemp -d)
xvfb_pid=
app_pid=

stop () {
  if [ -n "$1" ]; then
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}

cleanup () {
  stop "$app_pid"
  stop "$xvfb_pid"
  # GTK may have started the document portal, which mounts itself there.
  if [ -d "$tmpdir/runtime/doc" ] && command -v fusermount >/dev/null 2>&1; then
    fusermount -u -z "$tmpdir/runtime/doc" 2>/dev/null || true
  fi
  rm -rf "$tmpdir"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

Xvfb ":$display" -screen 0 1920x1200x24 -nolisten tcp >"$tmpdir/xvfb.log" 2>&1 &
xvfb_pid=$!

export DISPLAY=":$display"
i=0
until xwininfo -root >/dev/null 2>&1; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then echo "$0: Xvfb did not start" >&2; cat "$tmpdir/xvfb.log" >&2; exit 1; fi
  sleep 0.1
done

# Settings in memory: the screenshot neither reads nor changes the user's.
# Without a settings daemon GTK would draw in "Sans 10" with minimize and
# maximize buttons: use GNOME's font and its window buttons.
mkdir -m 700 "$tmpdir/runtime"
mkdir -p "$tmpdir/config/gtk-4.0"
printf '[Settings]\ngtk-font-name=Cantarell 11\ngtk-decoration-layout=appmenu:close\n' >"$tmpdir/config/gtk-4.0/settings.ini"
backend=memory
if [ -n "${SCREENSHOT_SETTINGS:-}" ]; then
  # A keyfile of the run's own, in the temporary folder.
  mkdir -p "$tmpdir/config/glib-2.0/settings"
  { echo '[io/github/reelscope/Reelscope]'; printf '%s\n' "$SCREENSHOT_SETTINGS"; } \
    >"$tmpdir/config/glib-2.0/settings/keyfile"
  backend=keyfile
fi
env -u WAYLAND_DISPLAY \
    GSETTINGS_SCHEMA_DIR="$schemadir" \
    GSETTINGS_BACKEND=$backend \
    REELSCOPE_DATA_DIR="$datadir" \
    GSK_RENDERER=cairo \
    GTK_A11Y=none \
    NO_AT_BRIDGE=1 \
    XDG_RUNTIME_DIR="$tmpdir/runtime" \
    XDG_CONFIG_HOME="$tmpdir/config" \
    "$app" "$@" >"$tmpdir/app.log" 2>&1 &
app_pid=$!

# The geometry of the app's window on screen: `0x200004 "Title":
# ("reelscope" "reelscope") 1100x720+0+0  +0+0` (GTK's client leader is a
# 1x1 window off screen; a dialog made ahead is there too, unmapped).
shown_geometry() {
  xwininfo -root -children 2>/dev/null | grep '("reelscope"' | while read -r id _; do
    if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
      xwininfo -root -children 2>/dev/null | grep "^ *$id " \
        | grep -o ' [0-9][0-9]\+x[0-9][0-9]\++0+0 ' | tr -d ' '
    fi
  done | head -n 1
}

i=0
while :; do
  geometry=$(shown_geometry || true)
  if [ -n "$geometry" ]; then
    break
  fi
  i=$((i + 1))
  if [ $i -gt 150 ] || ! kill -0 "$app_pid" 2>/dev/null; then
    echo "$0: the window did not appear" >&2
    cat "$tmpdir/app.log" >&2
    exit 1
  fi
  sleep 0.1
done
# Let the file load and the frames after it draw.
sleep 2
geometry=$(shown_geometry || true)

mkdir -p "$(dirname "$output")"
import -window root -crop "$geometry" +repage "$output"
echo "$output ($geometry)"
