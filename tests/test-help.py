#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Mallard help: every page, in English and in each translation, is
valid Mallard (yelp-check validate, which is shown to refuse a broken
page); each help/LANG/LANG.po is fully translated and no English text is
left in a translated page; and `meson install` puts the pages where
`help:APP_ID` finds them, DATADIR/help/LANG/APP_ID/.

Usage: test-help.py BUILDROOT DATADIR APP_ID PAGE...   Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

HELPDIR = os.path.join(installtest.SRCDIR, 'help')
build_root, datadir, app_id, pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
tap = installtest.Tap()


def validate(path):
    """yelp-check validate in the page's folder, where its XIncludes resolve."""
    return installtest.run(['yelp-check', 'validate', os.path.basename(path)],
                           cwd=os.path.dirname(path))


def read_linguas():
    with open(os.path.join(HELPDIR, 'LINGUAS'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def translated_messages(po_path):
    """(msgid, msgstr) of every message with a translation that differs."""
    result = installtest.run(['msgcat', '--no-wrap', po_path])
    pairs = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', result.stdout, re.MULTILINE)
    return [(msgid.replace('\\"', '"'), msgstr) for msgid, msgstr in pairs
            if msgid and msgid != msgstr]


languages = read_linguas()
tap.ok(sorted(languages) == sorted(installtest.LANGUAGES),
       'help/LINGUAS lists the languages of the app', languages)

# English pages, then the ones meson built from each language's .po.
for lang in ['C'] + languages:
    folder = os.path.join(HELPDIR, 'C') if lang == 'C' else os.path.join(build_root, 'help', lang)
    for page in pages:
        path = os.path.join(folder, page)
        result = validate(path) if os.path.exists(path) else f'{path} was not built'
        tap.ok(not isinstance(result, str) and result.returncode == 0,
               f'{lang}/{page} is valid Mallard', result)

with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(HELPDIR, 'C', pages[0]), encoding='utf-8') as f:
        broken = f.read().replace('<title>', '<title><bogus/>', 1)
    with open(os.path.join(tmp, 'broken.page'), 'w', encoding='utf-8') as f:
        f.write(broken)
    result = validate(os.path.join(tmp, 'broken.page'))
    tap.ok(result.returncode != 0, 'yelp-check validate refuses a page with an unknown element',
           result)

for lang in languages:
    po_path = os.path.join(HELPDIR, lang, lang + '.po')
    result = installtest.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po_path])
    tap.ok(result.returncode == 0 and 'untranslated' not in result.stderr
           and 'fuzzy' not in result.stderr and 'translated message' in result.stderr,
           f'help/{lang}/{lang}.po is complete: {result.stderr.strip()}', result)

    # itstool keeps the English of a message whose translation breaks its
    # markup, so a complete .po alone does not prove translated pages.
    built = ''
    for page in pages:
        path = os.path.join(build_root, 'help', lang, page)
        if os.path.exists(path):
            with open(path, encoding='utf-8') as f:
                built += f.read()
    left = [msgid for msgid, msgstr in translated_messages(po_path)
            if len(msgid) > 24 and msgid in built]
    tap.ok(built and not left, f'the {lang} pages hold no English message', left)

with tempfile.TemporaryDirectory() as destdir:
    result = installtest.run(['meson', 'install', '-C', build_root, '--no-rebuild', '--quiet',
                              '--tags', 'doc', '--destdir', destdir])
    tap.ok(result.returncode == 0, 'meson install --tags doc to a DESTDIR', result)
    for lang in ['C'] + languages:
        folder = os.path.join(destdir + datadir, 'help', lang, app_id)
        missing = [page for page in pages if not os.path.isfile(os.path.join(folder, page))]
        tap.ok(not missing, f'{lang}: every page is installed in {folder[len(destdir):]}',
               f'missing: {missing}')
        if lang == 'C':
            continue
        with open(os.path.join(folder, 'index.page'), encoding='utf-8') as f:
            index = f.read()
        with open(os.path.join(HELPDIR, 'C', 'index.page'), encoding='utf-8') as f:
            english = f.read()
        tap.ok(index != english, f'{lang}: the installed index.page is the translated one')

tap.finish()
