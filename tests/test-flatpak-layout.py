#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The install layout the Flatpak gets: `meson setup --prefix=/app` and
`meson install --destdir`, as flatpak-builder does. Checks that every file
is where the app and Flatpak look for it and that every file Flatpak
exports to the host is named after the app id (Flatpak exports no others).
Prints TAP.
"""

import configparser
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

tap = installtest.Tap()
APP_ID = installtest.app_id()
destdir = os.path.join(installtest.tests_builddir(), 'install', 'flatpak-destdir')

try:
    prefix, root, builddir, log = installtest.install('flatpak', prefix='/app', destdir=destdir)
except RuntimeError as error:
    tap.ok(False, 'meson setup --prefix=/app and meson install --destdir', error)
    tap.finish()
tap.ok(prefix == '/app' and os.path.isdir(root),
       'meson setup --prefix=/app and meson install --destdir')

installed = sorted(os.path.relpath(os.path.join(path, name), root)
                   for path, dirs, files in os.walk(root) for name in files)
tap.diag('installed:\n  ' + '\n  '.join(installed))
outside = [path for path in os.listdir(destdir) if path != 'app']
tap.ok(not outside, 'nothing is installed outside /app', outside)

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
] + [f'share/locale/{lang}/LC_MESSAGES/reelscope.mo' for lang in installtest.LANGUAGES]
missing = [path for path in expected if path not in installed]
tap.ok(not missing, 'the binary, data, desktop files, icons and translations are in /app',
       'missing: ' + ', '.join(missing))

# Flatpak exports these directories to the host, and in them only files
# named after the app id (the rest stays inside the sandbox, unseen).
exported_dirs = ('share/applications/', 'share/metainfo/', 'share/dbus-1/services/',
                 'share/mime/packages/', 'share/icons/', 'share/appdata/')
exported = [path for path in installed if path.startswith(exported_dirs)]
stray = [path for path in exported
         if not os.path.basename(path).startswith(APP_ID + '.')
         and not os.path.basename(path).startswith(APP_ID + '-symbolic.')]
tap.ok(exported and not stray, 'every exported file is named after the app id', stray)

# gnome.post_install() skips with DESTDIR: flatpak-builder compiles the
# schemas and caches itself; a cache in the tree would be stale.
caches = [path for path in installed
          if path.endswith(('gschemas.compiled', 'icon-theme.cache', 'mime.cache',
                            'mimeinfo.cache'))]
tap.ok(not caches, 'no caches are installed with DESTDIR', caches)

service = configparser.ConfigParser(interpolation=None)
service.read(os.path.join(root, 'share', 'dbus-1', 'services', APP_ID + '.service'))
tap.ok(service.get('D-BUS Service', 'Exec', fallback='').split()[:1] == ['/app/bin/reelscope'],
       'the D-Bus service runs /app/bin/reelscope',
       dict(service['D-BUS Service']) if service.has_section('D-BUS Service') else 'no section')

with open(os.path.join(builddir, 'config.h'), encoding='utf-8') as f:
    config = f.read()
tap.ok('#define LOCALEDIR "/app/share/locale"' in config
       and '#define PKGDATADIR "/app/share/reelscope"' in config
       and f'#define APP_ID "{APP_ID}"' in config,
       'the binary looks for translations and the dataset in /app/share', config)

tap.finish()
