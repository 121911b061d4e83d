#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test that starts the app or a display in a world of its own, so
# that it passes whatever else runs on the machine, on the display or on
# the session bus that started `meson test` (a GNOME desktop's portals, an
# accessibility bus of another session, another test):
#
# - a private XDG_RUNTIME_DIR, made here and removed afterwards: the
#   accessibility bus launcher puts its socket there, not in a place that
#   every session on the same display number shares;
# - an Xvfb of its own (when Xvfb is installed), found through -displayfd
#   so that tests run side by side never pick the same display: the
#   accessibility bus launcher publishes its address on the display's root
#   window (AT_SPI_BUS), where GTK looks first;
# - a D-Bus session bus of its own (dbus-run-session) that can start the
#   accessibility bus and its registry, and nothing else of the desktop:
#   no portal (GTK 4.8 registers its file transfer portal at start-up,
#   which starts the document portal and mounts it in XDG_RUNTIME_DIR;
#   reading the colour scheme starts xdg-desktop-portal and its GTK back
#   end), no dconf, no gvfs;
# - libadwaita told not to use portals as well (ADW_DISABLE_PORTAL; GTK 4.8
#   does not know GDK_DEBUG=no-portals and says so on every start, so the
#   bus without portals is what keeps GTK from them).
#
# Without Xvfb the test runs on the display there is, and without any
# display it runs as it is (and skips).
#
# Usage: hermetic-session.sh COMMAND [ARG...]
set -u

world=$(mktemp -d "${TMPDIR:-/tmp}/reelscope-test-XXXXXX") || exit 99
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$world"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -m 700 "$world/runtime"
export XDG_RUNTIME_DIR="$world/runtime"
unset DBUS_SESSION_BUS_ADDRESS DBUS_STARTER_ADDRESS DBUS_STARTER_BUS_TYPE AT_SPI_BUS_ADDRESS \
      WAYLAND_DISPLAY
export ADW_DISABLE_PORTAL=1

if command -v Xvfb >/dev/null 2>&1; then
  # Xvfb writes its display number to fd 3 once it accepts clients.
  Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp -noreset \
       3>"$world/display" 2>"$world/xvfb.log" &
  xvfb_pid=$!
  tries=0
  until [ -s "$world/display" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
      echo "hermetic-session.sh: Xvfb did not start:" >&2
      cat "$world/xvfb.log" >&2
      exit 99
    fi
    sleep 0.05
  done
  DISPLAY=":$(cat "$world/display")"
  export DISPLAY
  unset XAUTHORITY
fi

if ! command -v dbus-run-session >/dev/null 2>&1; then
  "$@"
  exit $?
fi

# The session bus's services: the accessibility bus alone.
mkdir "$world/services"
for dir in $(echo "${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" | tr ':' ' '); do
  if [ -f "$dir/dbus-1/services/org.a11y.Bus.service" ]; then
    ln -s "$dir/dbus-1/services/org.a11y.Bus.service" "$world/services/"
    break
  fi
done
cat >"$world/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$world</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$world/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# The bus and the services it starts print to what was stdout when the
# session started: point that at stderr and give the test the real stdout
# (fd 4), so its TAP stays clean.
exec 4>&1
dbus-run-session --config-file="$world/session.conf" -- sh -c 'exec "$@" >&4 4>&-' sh "$@" >&2
