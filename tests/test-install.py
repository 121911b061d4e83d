#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install` to a prefix of its own, and the installed app there:
it finds its resources, settings schema, icons, translations and the
bundled dataset. Prints TAP; the window check skips without a display.
"""

import configparser
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

tap = installtest.Tap()
APP_ID = installtest.app_id()

try:
    prefix, root, builddir, log = installtest.install('prefix')
except RuntimeError as error:
    tap.ok(False, 'meson install to a temporary prefix', error)
    tap.finish()
tap.ok(True, 'meson install to a temporary prefix')

share = os.path.join(prefix, 'share')
reelscope = os.path.join(prefix, 'bin', 'reelscope')
dataset = os.path.join(share, 'reelscope', 'microdrama-exports.reelscope.json')

expected = [
    'bin/reelscope',
    f'share/applications/{APP_ID}.desktop',
    f'share/metainfo/{APP_ID}.metainfo.xml',
    f'share/dbus-1/services/{APP_ID}.service',
    f'share/mime/packages/{APP_ID}.xml',
    f'share/icons/hicolor/scalable/apps/{APP_ID}.svg',
    f'share/icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg',
    f'share/glib-2.0/schemas/{APP_ID}.gschema.xml',
    'share/reelscope/microdrama-exports.reelscope.json',
    # gnome.post_install() ran: compiled schemas, icon and MIME caches.
    'share/glib-2.0/schemas/gschemas.compiled',
    'share/icons/hicolor/icon-theme.cache',
    'share/mime/mime.cache',
    'share/applications/mimeinfo.cache',
] + [f'share/locale/{lang}/LC_MESSAGES/reelscope.mo' for lang in installtest.LANGUAGES]
expected += [f'share/help/{lang}/{APP_ID}/index.page' for lang in ('C',) + installtest.LANGUAGES]
missing = [path for path in expected if not os.path.isfile(os.path.join(prefix, path))]
tap.ok(not missing, 'the prefix holds the binary, data, desktop files, icons, translations and help',
       'missing: ' + ', '.join(missing))

service = configparser.ConfigParser(interpolation=None)
service.read(os.path.join(share, 'dbus-1', 'services', APP_ID + '.service'))
tap.ok(service.get('D-BUS Service', 'Name', fallback=None) == APP_ID
       and service.get('D-BUS Service', 'Exec', fallback='').split()[0] == reelscope,
       'the D-Bus service starts the installed binary under the app id',
       dict(service['D-BUS Service']) if service.has_section('D-BUS Service') else 'no section')

env = installtest.app_env(prefix)
result = installtest.run([reelscope, '--version'], env=env)
tap.ok(result.returncode == 0 and result.stdout == 'reelscope 0.2.0\n',
       'the installed reelscope --version', result)

result = installtest.run([reelscope, '--validate', dataset], env=env)
tap.ok(result.returncode == 0 and result.stdout.startswith(dataset + ': valid: '),
       'the installed reelscope --validate on the installed dataset', result)

# The compiled-in paths point into the prefix (config.h of the nested build).
with open(os.path.join(builddir, 'config.h'), encoding='utf-8') as f:
    config = f.read()
tap.ok(f'#define LOCALEDIR "{share}/locale"' in config
       and f'#define PKGDATADIR "{share}/reelscope"' in config,
       'LOCALEDIR and PKGDATADIR are the prefix\'s', config)

# GTK finds the app icon (scalable and symbolic) through XDG_DATA_DIRS, as
# the installed app, GNOME Shell and the About window look it up.
icon_check = '''
import sys, gi
gi.require_version("Gtk", "4.0")
from gi.repository import Gtk
theme = Gtk.IconTheme.new()
sys.exit(0 if all(theme.has_icon(name) for name in sys.argv[1:]) else 1)
'''
result = installtest.run([installtest.SYSTEM_PYTHON, '-c', icon_check,
                          APP_ID, APP_ID + '-symbolic'], env=env)
tap.ok(result.returncode == 0, 'GTK finds the installed icons by the app id', result)

if not installtest.have_display():
    tap.skip('the installed app opens the installed dataset in a window', 'no display')
else:
    with tempfile.TemporaryDirectory() as tmpdir:
        env = installtest.private_dirs(tmpdir, installtest.app_env(prefix))
        title = installtest.dataset_title(dataset)
        try:
            frames = installtest.probe_windows([reelscope], env, frames=1, titles=[title])
            names = [frame['name'] for frame in frames]
            labels = [name for frame in frames for role, name in frame['nodes']]
            tap.ok(names == [title] and os.path.basename(dataset) in labels,
                   'the installed app opens the installed dataset in a window',
                   f'windows: {names}')
        except RuntimeError as error:
            tap.ok(False, 'the installed app opens the installed dataset in a window', error)

        # Then a file of the user's: it enters GTK's recent files, which the
        # bundled dataset, opened without being asked for, never does.
        mine = os.path.join(tmpdir, 'mine.reelscope.json')
        shutil.copyfile(dataset, mine)
        recent = os.path.join(env['XDG_DATA_HOME'], 'recently-used.xbel')
        try:
            installtest.probe_windows([reelscope, mine], env, frames=1)
            with open(recent, encoding='utf-8') as f:
                listed = f.read()
        except (RuntimeError, OSError) as error:
            listed = str(error)
        bundled_uri = pathlib.Path(dataset).as_uri()
        tap.ok(pathlib.Path(mine).as_uri() in listed and bundled_uri not in listed,
               'a file the user opens enters Recent files, the bundled dataset never',
               listed)

tap.finish()
