# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: makes sure the Debian packages in
# debian-packages.txt (or the ones named as arguments) are installed,
# installing them when run as root.

reel_ensure_packages () {
    local list missing pkg
    if [ $# -gt 0 ]; then
        list="$*"
    else
        list=$(grep -v '^#' "$(dirname "${BASH_SOURCE[0]}")/debian-packages.txt")
    fi
    missing=""
    for pkg in $list; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != "installed" ]; then
            missing="$missing $pkg"
        fi
    done
    [ -z "$missing" ] && return 0

    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing:$missing"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
    else
        echo "These Debian packages are missing. Install them with:" >&2
        echo "  sudo apt-get install -y --no-install-recommends$missing" >&2
        return 1
    fi
}
