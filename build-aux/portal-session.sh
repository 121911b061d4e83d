#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs COMMAND in a D-Bus session where xdg-desktop-portal and its GTK back
# end are running, as on a GNOME desktop: build-aux/test.sh runs the display
# tests this way (REEL_TEST_PORTAL=1) to show that they keep to worlds of
# their own. Run inside dbus-run-session on a display.
# Usage: portal-session.sh COMMAND [ARG...]
set -euo pipefail

# Reading a setting activates the portal, which starts its GTK back end.
gdbus call --session --dest org.freedesktop.portal.Desktop \
    --object-path /org/freedesktop/portal/desktop \
    --method org.freedesktop.portal.Settings.Read org.freedesktop.appearance color-scheme \
    >/dev/null
for _ in $(seq 100); do
    owner=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
                --method org.freedesktop.DBus.NameHasOwner org.freedesktop.impl.portal.desktop.gtk)
    [ "$owner" = "(true,)" ] && break
    sleep 0.1
done
if [ "$owner" != "(true,)" ]; then
    echo "portal-session.sh: xdg-desktop-portal-gtk did not start" >&2
    exit 1
fi
echo "portal-session.sh: xdg-desktop-portal-gtk runs on $DBUS_SESSION_BUS_ADDRESS" >&2
exec "$@"
