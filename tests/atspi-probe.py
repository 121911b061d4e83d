#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts a command that shows Reelscope windows, waits for them through
AT-SPI and prints what they show as JSON:

    [{"name": "window title", "nodes": [["role", "name"], ...]}, ...]

Run inside `dbus-run-session` on a display, with GTK_A11Y unset, so that
the app registers with the session's accessibility bus (TOOLCHAIN.md).

Usage: atspi-probe.py --output FILE --frames N [--title T]... [--quit APP_ID]
                      [--timeout S] -- COMMAND [ARG...]

The JSON goes to FILE: the session's services print to stdout.

Waits until the app has at least N windows and, for each --title, a window
of that title, and their contents stop changing; then quits the app
(app.quit through D-Bus when --quit is given, for an app that D-Bus
started) and stops COMMAND. Exits with 1 when the windows do not appear.
"""

import argparse
import json
import subprocess
import sys
import time

import pyatspi

MAX_NODES = 3000


def find_apps():
    desktop = pyatspi.Registry.getDesktop(0)
    apps = []
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is not None and 'reelscope' in (app.name or '').lower():
                apps.append(app)
        except Exception:
            pass
    return apps


def walk(node, nodes, depth=0):
    if node is None or len(nodes) >= MAX_NODES or depth > 60:
        return
    # Every node, shown or not: GTK 4.8 marks only the window as showing.
    try:
        nodes.append([node.getRoleName(), node.name or ''])
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), nodes, depth + 1)
    except Exception:
        pass


def snapshot():
    frames = []
    for app in find_apps():
        for i in range(app.childCount):
            try:
                frame = app.getChildAtIndex(i)
                if frame is None or frame.getRole() != pyatspi.ROLE_FRAME:
                    continue
                nodes = []
                walk(frame, nodes)
                frames.append({'name': frame.name or '', 'nodes': nodes[1:]})
            except Exception:
                pass
    frames.sort(key=lambda frame: frame['name'])
    return frames


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--output', required=True)
    parser.add_argument('--frames', type=int, default=1)
    parser.add_argument('--title', action='append', default=[])
    parser.add_argument('--quit')
    parser.add_argument('--timeout', type=float, default=60)
    parser.add_argument('command', nargs='+')
    options = parser.parse_args()

    process = subprocess.Popen(options.command, stdout=sys.stderr)
    deadline = time.monotonic() + options.timeout
    previous = None
    stable_since = None
    result = None

    while time.monotonic() < deadline:
        time.sleep(0.3)
        frames = snapshot()
        names = [frame['name'] for frame in frames]
        ready = (len(frames) >= options.frames
                 and all(title in names for title in options.title)
                 # The dataset is shown: the region list has its rows.
                 and all(any(role == 'list item' for role, _ in frame['nodes'])
                         for frame in frames))
        if not ready:
            previous = None
            continue
        if frames != previous:
            previous = frames
            stable_since = time.monotonic()
            continue
        if time.monotonic() - stable_since >= 1.0:
            result = frames
            break

    if result is None:
        print(f'atspi-probe: the windows did not appear; last seen: {json.dumps(snapshot())}',
              file=sys.stderr)

    if options.quit:
        subprocess.run(['gdbus', 'call', '--session', '--dest', options.quit,
                        '--object-path', '/' + options.quit.replace('.', '/'),
                        '--method', 'org.gtk.Actions.Activate', 'quit', '[]', '{}'],
                       stdout=subprocess.DEVNULL, stderr=sys.stderr, timeout=30)
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

    if result is None:
        return 1
    with open(options.output, 'w', encoding='utf-8') as output:
        json.dump(result, output, ensure_ascii=False)
    return 0


if __name__ == '__main__':
    sys.exit(main())
