#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What can be checked of the Flatpak manifest offline (no runtime can be
downloaded here): flatpak-builder reads it without a warning, its app id is
the id of the desktop file, metainfo, settings schema and GApplication,
its meson options exist, it asks for no permission beyond the list, and
every library the app links is in the GNOME runtime or has a module.

Usage: test-flatpak-manifest.py MANIFEST CONFIG_H   (CONFIG_H: the build's)
Prints TAP.
"""

import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

MANIFEST, CONFIG_H = sys.argv[1:3]
SRCDIR = installtest.SRCDIR
ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']

# pkg-config names the GNOME 49 runtime provides (with the freedesktop
# runtime under it). A dependency outside this list needs a module.
RUNTIME_PACKAGES = {
    'glib-2.0', 'gobject-2.0', 'gio-2.0', 'gio-unix-2.0', 'gmodule-2.0', 'gthread-2.0',
    'gtk4', 'libadwaita-1', 'json-glib-1.0', 'icu-uc', 'icu-i18n', 'icu-io',
    'cairo', 'cairo-png', 'cairo-pdf', 'cairo-svg', 'cairo-ps', 'cairo-gobject',
    'pango', 'pangocairo', 'pangoft2', 'harfbuzz', 'fontconfig', 'freetype2',
    'libpng', 'libpng16', 'zlib', 'libxml-2.0', 'gdk-pixbuf-2.0', 'graphene-gobject-1.0',
}
# Only the test suite, which the manifest turns off (-Dtests=false).
TEST_ONLY_PACKAGES = {'glib-testing-0'}

tap = installtest.Tap()

env = installtest.clean_env()
env['G_DEBUG'] = 'fatal-warnings'
result = installtest.run(['flatpak-builder', '--show-manifest', MANIFEST], env=env)
manifest = None
if result.returncode == 0:
    try:
        manifest = json.loads(result.stdout)
    except ValueError as error:
        result = f'{error}\n{result.stdout}'
if not tap.ok(manifest is not None,
              'G_DEBUG=fatal-warnings flatpak-builder --show-manifest', result):
    tap.finish()

with open(os.path.join(SRCDIR, 'meson_options.txt'), encoding='utf-8') as f:
    options = set(re.findall(r"^\s*option\s*\(\s*'([^']+)'", f.read(), re.MULTILINE))

modules = [module for module in manifest.get('modules', []) if isinstance(module, dict)]
app_module = modules[-1] if modules else {}
config_opts = app_module.get('config-opts', [])
development = '-Ddevelopment=true' in config_opts
app_id = manifest.get('id') or manifest.get('app-id')
expected_id = installtest.app_id() + ('.Devel' if development else '')

tap.ok(app_id == expected_id, 'the app id is the one meson.build gives the build',
       f'{app_id} != {expected_id}')

# The ids the sources use: templates named after the id, the schema id, and
# the GApplication id (config.h's APP_ID, passed as application-id).
base_id = installtest.app_id()
desktop_in = os.path.join(SRCDIR, 'data', base_id + '.desktop.in')
metainfo_in = os.path.join(SRCDIR, 'data', base_id + '.metainfo.xml.in')
schema = ElementTree.parse(os.path.join(SRCDIR, 'data', base_id + '.gschema.xml'))
schema_ids = [element.get('id') for element in schema.getroot().iter('schema')]
with open(os.path.join(SRCDIR, 'src', 'app', 'reel-application.c'), encoding='utf-8') as f:
    application_c = f.read()
window_sources = ''.join(open(path, encoding='utf-8').read()
                         for path in glob.glob(os.path.join(SRCDIR, 'src', '*', '*.c')))
schema_refs = set(re.findall(r'#define SETTINGS_SCHEMA_ID\s+"([^"]+)"', window_sources))
tap.ok(os.path.exists(desktop_in) and os.path.exists(metainfo_in),
       'the desktop file and metainfo templates are named after the app id')
tap.ok(schema_ids == [base_id] and schema_refs <= {base_id},
       'the settings schema id is the app id', f'schema {schema_ids}, used {schema_refs}')
tap.ok('"application-id", APP_ID' in application_c,
       'the GApplication id is config.h\'s APP_ID')

# The build this test belongs to: its generated files carry its id.
with open(CONFIG_H, encoding='utf-8') as f:
    config = f.read()
build_id = re.search(r'#define APP_ID "([^"]+)"', config).group(1)
build_data = os.path.join(os.path.dirname(CONFIG_H), 'data')
desktop = os.path.join(build_data, build_id + '.desktop')
metainfo = os.path.join(build_data, build_id + '.metainfo.xml')
ok = os.path.exists(desktop) and os.path.exists(metainfo)
if ok:
    component = ElementTree.parse(metainfo).getroot()
    launchable = component.find('launchable')
    with open(desktop, encoding='utf-8') as f:
        desktop_text = f.read()
    ok = (component.findtext('id') == build_id
          and launchable is not None and launchable.text == build_id + '.desktop'
          and f'\nIcon={build_id}\n' in desktop_text)
tap.ok(ok and build_id.removesuffix('.Devel') == base_id,
       f'the build\'s GApplication id, desktop file, metainfo and icon agree ({build_id})')

tap.ok(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk'
       and str(manifest.get('runtime-version', '')).isdigit()
       and int(manifest['runtime-version']) >= 49,
       'runtime org.gnome.Platform 49 or newer with org.gnome.Sdk',
       {key: manifest.get(key) for key in ('runtime', 'runtime-version', 'sdk')})
tap.ok(manifest.get('command') == 'reelscope', 'command is reelscope', manifest.get('command'))

sources = app_module.get('sources', [])
source_dir = None
if len(sources) == 1 and sources[0].get('type') == 'dir':
    source_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(MANIFEST)),
                                               sources[0].get('path', '')))
tap.ok(app_module.get('name') == 'reelscope' and app_module.get('buildsystem') == 'meson'
       and source_dir == os.path.normpath(SRCDIR),
       'the last module builds this source tree with meson', app_module)

unknown = [opt for opt in config_opts
           if not re.fullmatch(r'-D([a-z0-9_-]+)=\S+', opt)
           or re.fullmatch(r'-D([a-z0-9_-]+)=\S+', opt).group(1) not in options]
tap.ok('-Dtests=false' in config_opts and not unknown,
       'config-opts are -Dtests=false and options of meson_options.txt',
       f'config-opts {config_opts}; not in meson_options.txt: {unknown}')

finish_args = manifest.get('finish-args', [])
tap.ok(sorted(finish_args) == sorted(ALLOWED_FINISH_ARGS),
       'finish-args are ' + ' '.join(ALLOWED_FINISH_ARGS) + ' and nothing more',
       f'extra: {sorted(set(finish_args) - set(ALLOWED_FINISH_ARGS))}, '
       f'missing: {sorted(set(ALLOWED_FINISH_ARGS) - set(finish_args))}')

# Every dependency() of the build outside tests/ is in the runtime or built
# by a module of the manifest.
module_names = {module.get('name') for module in modules[:-1]}
needed = set()
for path in glob.glob(os.path.join(SRCDIR, '**', 'meson.build'), recursive=True):
    relative = os.path.relpath(path, SRCDIR)
    if relative.startswith(('tests' + os.sep, 'build', '_build', '.flatpak-builder', '_flatpak')):
        continue
    with open(path, encoding='utf-8') as f:
        needed |= set(re.findall(r"\bdependency\s*\(\s*'([^']+)'", f.read()))
missing = sorted(name for name in needed - RUNTIME_PACKAGES - TEST_ONLY_PACKAGES
                 if name not in module_names)
tap.ok(not missing, 'every library the app links is in the runtime or has a module',
       f'dependencies: {sorted(needed)}; without a module: {missing}')

tap.finish()
