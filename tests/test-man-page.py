#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The manual page reelscope(1): groff renders it without a warning, and it
documents exactly the long options that `reelscope --help-all` lists.

Usage: test-man-page.py REELSCOPE MAN-PAGE. Prints TAP.
"""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import Skip, check, test  # noqa: E402
import taptest  # noqa: E402

REELSCOPE, MAN_PAGE = sys.argv[1:3]

# A long option as roff spells it, `\-\-export\-dir`, and as --help-all does.
ROFF_OPTION = re.compile(r'\\-\\-([a-z]+(?:\\-[a-z]+)*)')
HELP_OPTION = re.compile(r'^\s+(?:-\w, )?--([a-z-]+)', re.MULTILINE)


def english():
    env = dict(os.environ)
    env.update({'LC_ALL': 'C.UTF-8', 'LANGUAGE': '', 'DBUS_SESSION_BUS_ADDRESS': 'unix:path=/nonexistent/bus'})
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    return env


@test
def renders_without_warnings():
    if shutil.which('groff') is None:
        raise Skip('no groff (groff-base) to render the page')
    result = subprocess.run(['groff', '-man', '-ww', '-z', MAN_PAGE], env=english(),
                            capture_output=True, text=True, timeout=60)
    check(result.returncode == 0, 'groff exits 0', result)
    check(result.stderr == '', 'no warning', result)


@test
def documents_every_option():
    result = subprocess.run([REELSCOPE, '--help-all'], env=english(), capture_output=True, text=True,
                            timeout=60)
    check(result.returncode == 0, '--help-all exits 0', result)
    in_help = set(HELP_OPTION.findall(result.stdout))
    check('export' in in_help and 'help-all' in in_help, f'--help-all lists options: {sorted(in_help)}')
    with open(MAN_PAGE, encoding='utf-8') as f:
        page = f.read()
    # Those the page describes: each option of the OPTIONS section is a
    # tagged paragraph (.TP) whose tag starts with it.
    options = page.split('\n.SH OPTIONS\n', 1)[1].split('\n.SH ', 1)[0]
    tags = re.findall(r'^\.TP\n(.*)$', options, re.MULTILINE)
    in_page = {ROFF_OPTION.search(tag)[1].replace('\\-', '-') for tag in tags if ROFF_OPTION.search(tag)}
    check(in_help - in_page == set(), f'in --help-all, not in the page: {sorted(in_help - in_page)}')
    check(in_page - in_help == set(), f'in the page, not in --help-all: {sorted(in_page - in_help)}')
    mentioned = {match.replace('\\-', '-') for match in ROFF_OPTION.findall(page)}
    check(mentioned <= in_help, f'the page mentions no other option: {sorted(mentioned - in_help)}')


if __name__ == '__main__':
    sys.exit(taptest.main())
