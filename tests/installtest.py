# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers of the tests that run an installed Reelscope: a build of the
source tree configured for a prefix of its own and installed there, TAP
output, and a private D-Bus session with the accessibility bus.

The installed tree is built by a nested meson build inside the test build
dir (G_TEST_BUILDDIR/install/NAME-build), configured once with -Dtests=false
and installed afresh by every test that uses it: `meson install` rebuilds
what changed, so the tree always matches the sources. Tests that share a
tree are registered with is_parallel: false.
"""

import json
import os
import shutil
import subprocess
import sys
import time

SRCDIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_SRCDIR = os.path.join(SRCDIR, 'tests')
SYSTEM_PYTHON = '/usr/bin/python3'
LANGUAGES = ('zh_CN', 'es', 'pt_BR')


class Tap:
    """Numbered TAP lines; a failed check is `not ok` with its details."""

    def __init__(self):
        self.number = 0
        self.failed = 0

    def ok(self, condition, description, details=''):
        if isinstance(details, subprocess.CompletedProcess):
            details = (f'{" ".join(details.args)}\nexit status {details.returncode}\n'
                       f'stdout: {details.stdout}\nstderr: {details.stderr}')
        self.number += 1
        if condition:
            print(f'ok {self.number} {description}')
        else:
            self.failed += 1
            print(f'not ok {self.number} {description}')
            for line in str(details).splitlines():
                print(f'# {line}')
        sys.stdout.flush()
        return condition

    def skip(self, description, reason):
        self.number += 1
        print(f'ok {self.number} {description} # SKIP {reason}')
        sys.stdout.flush()

    def diag(self, text):
        for line in str(text).splitlines():
            print(f'# {line}')
        sys.stdout.flush()

    def bail_out(self, reason):
        print(f'Bail out! {reason}')
        sys.exit(1)

    def finish(self):
        print(f'1..{self.number}')
        sys.exit(1 if self.failed else 0)


def tests_builddir():
    return os.environ.get('G_TEST_BUILDDIR') or os.path.join(os.getcwd(), 'tests')


def clean_env():
    """The environment of a nested build or of the installed app: nothing
    of the enclosing test run that would change how they behave."""
    env = dict(os.environ)
    for name in list(env):
        if name.startswith(('MESON', 'G_TEST_', 'GSETTINGS_', 'GTK_', 'GDK_', 'GSK_', 'ADW_')):
            del env[name]
    for name in ('LSAN_OPTIONS', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'MALLOC_CHECK_',
                 'MALLOC_PERTURB_', 'NO_AT_BRIDGE', 'G_DEBUG', 'G_MESSAGES_DEBUG'):
        env.pop(name, None)
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    return env


def run(args, env=None, timeout=600, **kwargs):
    return subprocess.run(args, env=env or clean_env(), capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def install(name, prefix=None, destdir=None):
    """Configures (once) and installs the source tree.

    Returns (prefix, root, builddir, log): the configured prefix, the
    directory that holds it on disk (DESTDIR + prefix, or the prefix), the
    nested build dir and the commands' output; raises RuntimeError on
    failure."""
    base = os.path.join(tests_builddir(), 'install')
    builddir = os.path.join(base, name + '-build')
    if prefix is None:
        prefix = os.path.join(base, name + '-prefix')
    log = []

    os.makedirs(base, exist_ok=True)
    if not os.path.exists(os.path.join(builddir, 'build.ninja')):
        shutil.rmtree(builddir, ignore_errors=True)
        setup = run(['meson', 'setup', builddir, SRCDIR, '--prefix=' + prefix,
                     '-Dtests=false', '-Dwerror=false'])
        log.append(setup.stdout + setup.stderr)
        if setup.returncode != 0:
            raise RuntimeError('meson setup failed:\n' + '\n'.join(log))

    root = prefix if destdir is None else destdir + prefix
    shutil.rmtree(root if destdir is None else destdir, ignore_errors=True)
    args = ['meson', 'install', '-C', builddir, '--quiet']
    if destdir is not None:
        args += ['--destdir', destdir]
    result = run(args)
    log.append(result.stdout + result.stderr)
    if result.returncode != 0:
        raise RuntimeError('meson install failed:\n' + '\n'.join(log))

    return prefix, root, builddir, '\n'.join(log)


def app_id():
    """The id the sources use when not built with -Ddevelopment."""
    with open(os.path.join(SRCDIR, 'meson.build'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('app_id = '):
                return line.split("'")[1]
    raise RuntimeError('no app_id in meson.build')


def app_env(prefix, **extra):
    """How a session with PREFIX among its XDG_DATA_DIRS (and PREFIX/bin on
    its PATH) runs the app:
    schemas, icons, the desktop file, the D-Bus service and MIME types all
    come from there. Settings stay in memory."""
    env = clean_env()
    env['XDG_DATA_DIRS'] = os.path.join(prefix, 'share') + ':/usr/local/share:/usr/share'
    # GLib ignores a desktop file whose Exec= program is not on PATH.
    env['PATH'] = os.path.join(prefix, 'bin') + ':' + env.get('PATH', '/usr/bin:/bin')
    env['GSETTINGS_BACKEND'] = 'memory'
    env['GSK_RENDERER'] = 'cairo'
    env['GDK_DEBUG'] = 'gl-disable'
    env.pop('WAYLAND_DISPLAY', None)
    env.update(extra)
    return env


def private_dirs(tmpdir, env):
    """A home of its own: nothing read from or written to the user's."""
    for name, sub in (('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                      ('XDG_CACHE_HOME', 'cache'), ('XDG_RUNTIME_DIR', 'runtime')):
        path = os.path.join(tmpdir, sub)
        os.makedirs(path, mode=0o700, exist_ok=True)
        env[name] = path
    # GNOME's font, as in build-aux/screenshot.sh, without a settings daemon.
    os.makedirs(os.path.join(env['XDG_CONFIG_HOME'], 'gtk-4.0'), exist_ok=True)
    with open(os.path.join(env['XDG_CONFIG_HOME'], 'gtk-4.0', 'settings.ini'), 'w') as f:
        f.write('[Settings]\ngtk-font-name=Cantarell 11\n')
    return env


def have_display():
    return bool(os.environ.get('DISPLAY')) and shutil.which('dbus-run-session') is not None


def probe_windows(command, env, frames, titles=None, quit_app_id=None, timeout=60):
    """Runs COMMAND in a private D-Bus session (with the accessibility bus)
    and returns what tests/atspi-probe.py saw of the app's windows: a list
    of {"name": title, "nodes": [[role, name], ...]}. Raises RuntimeError
    when the windows did not appear."""
    output = os.path.join(env['XDG_RUNTIME_DIR'], 'atspi-probe.json')
    args = ['dbus-run-session', '--', SYSTEM_PYTHON, os.path.join(TESTS_SRCDIR, 'atspi-probe.py'),
            '--output', output, '--frames', str(frames), '--timeout', str(timeout)]
    for title in titles or []:
        args += ['--title', title]
    if quit_app_id:
        args += ['--quit', quit_app_id]
    args += ['--', *command]
    result = run(args, env=env, timeout=timeout + 60)
    if result.returncode != 0:
        raise RuntimeError(f'atspi-probe.py exited with {result.returncode}\n'
                           f'stdout: {result.stdout}\nstderr: {result.stderr}')
    with open(output, encoding='utf-8') as f:
        return json.load(f)


def dataset_title(path, language='en'):
    with open(path, encoding='utf-8') as f:
        title = json.load(f).get('title')
    if isinstance(title, dict):
        return title.get(language) or title.get('en') or next(iter(title.values()))
    return title
