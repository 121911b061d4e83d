#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What can be checked of the Flatpak manifests offline (no runtime can be
downloaded here, nor flatpak-builder-lint installed: its rules are checked
one by one). Two manifests:

- the release manifest, as Flathub builds it: the app from a pinned git
  source (tag and commit), every archive with its sha256, every source with
  x-checker-data, no `dir` source, a maintained GNOME runtime, the core
  tests run in the build;
- the development manifest (`.Devel`), which builds this checkout.

For both: flatpak-builder reads it without a warning, its app id is the id
of the desktop file, metainfo, settings schema and GApplication, its meson
options exist, it asks for no permission beyond the list (file access only
through portals), and every library the app links is in the GNOME runtime
or has a module.

Usage: test-flatpak-manifest.py RELEASE_MANIFEST DEVEL_MANIFEST CONFIG_H
Prints TAP.
"""

import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

RELEASE_MANIFEST, DEVEL_MANIFEST, CONFIG_H = sys.argv[1:4]
SRCDIR = installtest.SRCDIR
ALLOWED_FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
# GNOME 51 (September 2026) is the current runtime; Flathub maintains the
# two latest, so 50 is the oldest one a manifest may name.
OLDEST_MAINTAINED_RUNTIME = 50

# pkg-config names the GNOME runtime provides (with the freedesktop
# runtime under it). A dependency outside this list needs a module.
RUNTIME_PACKAGES = {
    'glib-2.0', 'gobject-2.0', 'gio-2.0', 'gio-unix-2.0', 'gmodule-2.0', 'gthread-2.0',
    'gtk4', 'libadwaita-1', 'json-glib-1.0', 'icu-uc', 'icu-i18n', 'icu-io',
    'cairo', 'cairo-png', 'cairo-pdf', 'cairo-svg', 'cairo-ps', 'cairo-gobject',
    'pango', 'pangocairo', 'pangoft2', 'harfbuzz', 'fontconfig', 'freetype2',
    'libpng', 'libpng16', 'zlib', 'libxml-2.0', 'gdk-pixbuf-2.0', 'graphene-gobject-1.0',
}
# Only the test suite, which needs a module of its own in the Flatpak.
TEST_ONLY_PACKAGES = {'glib-testing-0': 'libglib-testing'}

tap = installtest.Tap()

with open(os.path.join(SRCDIR, 'meson_options.txt'), encoding='utf-8') as f:
    OPTIONS = set(re.findall(r"^\s*option\s*\(\s*'([^']+)'", f.read(), re.MULTILINE))


def read_manifest(path, label):
    env = installtest.clean_env()
    env['G_DEBUG'] = 'fatal-warnings'
    result = installtest.run(['flatpak-builder', '--show-manifest', path], env=env)
    manifest = None
    if result.returncode == 0:
        try:
            manifest = json.loads(result.stdout)
        except ValueError as error:
            result = f'{error}\n{result.stdout}'
    if not tap.ok(manifest is not None,
                  f'{label}: G_DEBUG=fatal-warnings flatpak-builder --show-manifest', result):
        tap.finish()
    return manifest


def sources_of(module):
    return [source for source in module.get('sources', []) if isinstance(source, dict)]


def check_common(manifest, label, development):
    """What both manifests must say alike."""
    modules = [module for module in manifest.get('modules', []) if isinstance(module, dict)]
    app_module = modules[-1] if modules else {}
    config_opts = app_module.get('config-opts', [])
    app_id = manifest.get('id') or manifest.get('app-id')
    expected_id = installtest.app_id() + ('.Devel' if development else '')
    tap.ok(app_id == expected_id and ('-Ddevelopment=true' in config_opts) == development,
           f'{label}: the app id is the one meson.build gives the build', f'{app_id} != {expected_id}')

    runtime_version = str(manifest.get('runtime-version', ''))
    tap.ok(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk'
           and runtime_version.isdigit() and int(runtime_version) >= OLDEST_MAINTAINED_RUNTIME,
           f'{label}: a maintained org.gnome.Platform ({OLDEST_MAINTAINED_RUNTIME} or newer) '
           'with org.gnome.Sdk',
           {key: manifest.get(key) for key in ('runtime', 'runtime-version', 'sdk')})
    tap.ok(manifest.get('command') == 'reelscope', f'{label}: command is reelscope',
           manifest.get('command'))
    tap.ok(app_module.get('name') == 'reelscope' and app_module.get('buildsystem') == 'meson',
           f'{label}: the last module builds Reelscope with meson', app_module)

    unknown = [opt for opt in config_opts
               if not re.fullmatch(r'-D([a-z0-9_-]+)=\S+', opt)
               or re.fullmatch(r'-D([a-z0-9_-]+)=\S+', opt).group(1) not in OPTIONS]
    tap.ok('-Dtests=true' in config_opts and not unknown,
           f'{label}: config-opts build the tests and are options of meson_options.txt',
           f'config-opts {config_opts}; not in meson_options.txt: {unknown}')
    tap.ok(app_module.get('run-tests') is True and app_module.get('test-rule') == ''
           and any('--suite core' in command for command in app_module.get('test-commands', [])),
           f'{label}: the build runs the core tests (the others need a display, Debian 12\'s '
           'fonts and renderers for their golden images, or tools the SDK lacks)', app_module)

    finish_args = manifest.get('finish-args', [])
    tap.ok(sorted(finish_args) == sorted(ALLOWED_FINISH_ARGS),
           f'{label}: finish-args are ' + ' '.join(ALLOWED_FINISH_ARGS) +
           ' and nothing more: files only through portals',
           f'extra: {sorted(set(finish_args) - set(ALLOWED_FINISH_ARGS))}, '
           f'missing: {sorted(set(ALLOWED_FINISH_ARGS) - set(finish_args))}')

    # Every dependency() of the build is in the runtime or built by a module
    # of the manifest (the test suite's too, since the build runs it).
    module_names = {module.get('name') for module in modules[:-1]}
    needed = set()
    for path in glob.glob(os.path.join(SRCDIR, '**', 'meson.build'), recursive=True):
        relative = os.path.relpath(path, SRCDIR)
        if relative.startswith(('build', '_build', '.flatpak-builder', '_flatpak')):
            continue
        with open(path, encoding='utf-8') as f:
            needed |= set(re.findall(r"\bdependency\s*\(\s*'([^']+)'", f.read()))
    missing = sorted(name for name in needed - RUNTIME_PACKAGES
                     if TEST_ONLY_PACKAGES.get(name) not in module_names)
    tap.ok(not missing, f'{label}: every library the build links is in the runtime or has a module',
           f'dependencies: {sorted(needed)}; without a module: {missing}')
    return modules, app_module


def check_release(manifest):
    """Flathub's rules for the sources (flatpak-builder-lint's
    module-*-source-* checks and the external data checker)."""
    modules, app_module = check_common(manifest, 'release', development=False)
    sources = [(module.get('name'), source) for module in modules for source in sources_of(module)]

    local = [name for name, source in sources if source.get('type') in ('dir', 'file')
             and 'url' not in source]
    tap.ok(sources and not local, 'release: no module builds from a local dir or file', local)

    unpinned = []
    for name, source in sources:
        kind = source.get('type')
        if kind == 'git':
            if not (source.get('url', '').startswith('https://')
                    and re.fullmatch(r'[0-9a-f]{40}', source.get('commit', ''))
                    and source.get('tag') and 'branch' not in source):
                unpinned.append(name)
        elif kind in ('archive', 'file'):
            if not (source.get('url', '').startswith('https://')
                    and re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', ''))):
                unpinned.append(name)
        else:
            unpinned.append(name)
    tap.ok(not unpinned, 'release: every source is pinned: git by https URL, tag and commit; '
           'archives by https URL and sha256', unpinned)

    # The newest release that has been tagged: one the metainfo lists, this
    # version once its tag exists (x-checker-data then moves the manifest).
    app_sources = sources_of(app_module)
    releases = ['v' + version for version in metainfo_releases()]
    tap.ok(len(app_sources) == 1 and app_sources[0].get('type') == 'git'
           and app_sources[0].get('tag') in releases,
           'release: the app is built from the tag of a release the metainfo lists',
           f'{app_sources}; releases: {releases}')

    unchecked = [name for name, source in sources
                 if not isinstance(source.get('x-checker-data'), dict)
                 or not source['x-checker-data'].get('type')]
    tap.ok(not unchecked, 'release: every source has x-checker-data', unchecked)


def check_devel(manifest):
    modules, app_module = check_common(manifest, 'development', development=True)
    sources = sources_of(app_module)
    source_dir = None
    if len(sources) == 1 and sources[0].get('type') == 'dir':
        source_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(DEVEL_MANIFEST)),
                                                   sources[0].get('path', '')))
    tap.ok(source_dir == os.path.normpath(SRCDIR), 'development: the app is built from this checkout',
           sources)
    release = json.load(open(RELEASE_MANIFEST, encoding='utf-8'))
    tap.ok(modules[:-1] == release['modules'][:-1] and
           {key: value for key, value in manifest.items() if key not in ('id', 'app-id', 'modules')} ==
           {key: value for key, value in release.items() if key not in ('id', 'app-id', 'modules')},
           'development: the same runtime, permissions and modules as the release', manifest)


def metainfo_releases():
    metainfo = ElementTree.parse(os.path.join(SRCDIR, 'data', installtest.app_id() + '.metainfo.xml.in'))
    return [release.get('version') for release in metainfo.getroot().iter('release')]


check_release(read_manifest(RELEASE_MANIFEST, 'release'))
check_devel(read_manifest(DEVEL_MANIFEST, 'development'))

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

tap.finish()
