#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The installed app speaks zh_CN, es and pt_BR: with LANGUAGE set, its
--help and --validate output and its window's labels (read through AT-SPI)
are the installed catalogue's translations, and the installed desktop file,
metainfo and MIME type carry them. Prints TAP; the window checks skip
without a display.
"""

import configparser
import gettext
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

tap = installtest.Tap()
APP_ID = installtest.app_id()
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'

try:
    prefix, root, builddir, log = installtest.install('prefix')
except RuntimeError as error:
    tap.bail_out(error)
share = os.path.join(prefix, 'share')
reelscope = os.path.join(prefix, 'bin', 'reelscope')
dataset = os.path.join(share, 'reelscope', 'microdrama-exports.reelscope.json')

desktop = configparser.ConfigParser(interpolation=None)
desktop.optionxform = str
desktop.read(os.path.join(share, 'applications', APP_ID + '.desktop'), encoding='utf-8')
entry = desktop['Desktop Entry']
metainfo = ElementTree.parse(os.path.join(share, 'metainfo', APP_ID + '.metainfo.xml')).getroot()
mime = ElementTree.parse(os.path.join(share, 'mime', 'packages', APP_ID + '.xml')).getroot()


def translated(catalog, message):
    text = catalog.gettext(message)
    return text if text != message else None


def label(text):
    """A mnemonic label as AT-SPI names it: without the underscore."""
    return text.replace('_', '')


for lang in installtest.LANGUAGES:
    try:
        catalog = gettext.translation('reelscope', os.path.join(share, 'locale'), [lang])
    except OSError as error:
        tap.ok(False, f'{lang}: the catalogue is installed', error)
        continue

    env = installtest.app_env(prefix, LANGUAGE=lang, LANG='C.UTF-8', LC_ALL='C.UTF-8')

    # --help: the options' descriptions and the summary.
    result = installtest.run([reelscope, '--help'], env=env)
    expected = [translated(catalog, 'Show the version and exit'),
                translated(catalog, 'Check a dataset or a CSV file of records and report every '
                                    'problem')]
    tap.ok(result.returncode == 0 and None not in expected
           and all(text in result.stdout for text in expected),
           f'{lang}: reelscope --help is translated', f'expected {expected}\n{result.stdout}')

    # --validate: the summary line, with translated plurals.
    result = installtest.run([reelscope, '--validate', dataset], env=env)
    regions = re.search(r'valid: (\d+) ', installtest.run(
        [reelscope, '--validate', dataset], env=installtest.app_env(prefix)).stdout)
    n = int(regions.group(1)) if regions else 0
    region_text = catalog.ngettext('%u region', '%u regions', n).replace('%u', str(n))
    tap.ok(result.returncode == 0 and region_text in result.stdout
           and region_text != ('%u region' if n == 1 else '%u regions').replace('%u', str(n)),
           f'{lang}: reelscope --validate prints a translated summary',
           f'expected {region_text!r}\n{result.stdout}')

    # The installed desktop file, metainfo and MIME type, merged by i18n.merge_file.
    tap.ok(entry.get(f'Comment[{lang}]') == translated(catalog, entry['Comment'])
           and entry.get(f'Keywords[{lang}]') == translated(catalog, entry['Keywords']),
           f'{lang}: the desktop file\'s Comment and Keywords are translated',
           {key: value for key, value in entry.items() if lang in key})
    summaries = {element.get(XML_LANG): element.text for element in metainfo.findall('summary')}
    tap.ok(summaries.get(lang) == translated(catalog, summaries.get(None)),
           f'{lang}: the metainfo summary is translated', summaries)
    comments = {element.get(XML_LANG): element.text
                for element in mime.iter(MIME_NS + 'comment')}
    tap.ok(comments.get(lang) == translated(catalog, comments.get(None)),
           f'{lang}: the MIME type\'s comment is translated', comments)

    # The window: labels read through AT-SPI from the running app.
    if not installtest.have_display():
        tap.skip(f'{lang}: the window shows translated labels', 'no display')
        continue
    with tempfile.TemporaryDirectory() as tmpdir:
        installtest.private_dirs(tmpdir, env)
        try:
            frames = installtest.probe_windows([reelscope, dataset], env, frames=1)
        except RuntimeError as error:
            tap.ok(False, f'{lang}: the window shows translated labels', error)
            continue
        names = [name for frame in frames for role, name in frame['nodes']]
        expected = {
            'World': translated(catalog, 'World'),
            'Regions': translated(catalog, 'Regions'),
            '_Open': translated(catalog, '_Open'),
        }
        missing = [text for text in expected.values()
                   if text is None or not any(label(text) in name for name in names)]
        tap.ok(not missing, f'{lang}: the window shows translated labels',
               f'expected {expected}; not found: {missing}\nseen: {names[:200]}')

tap.finish()
