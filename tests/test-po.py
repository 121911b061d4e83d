#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translations are complete for the sources as they are now.

Regenerates the template from po/POTFILES.in with xgettext (the arguments
of meson's i18n 'glib' preset) into a temporary directory, merges each
po/LANG.po of po/LINGUAS with it and fails on a string without a
translation, a fuzzy one, or one msgfmt --check rejects. Also fails when a
source file marks strings but POTFILES.in does not list it, so a string in
a new file cannot be missed.

Usage: test-po.py   Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

SRCDIR = installtest.SRCDIR
PODIR = os.path.join(SRCDIR, 'po')
REQUIRED_LANGUAGES = installtest.LANGUAGES
NPLURALS = {'zh_CN': 1, 'es': 2, 'pt_BR': 2}

# mesonbuild/modules/i18n.py, PRESET_ARGS['glib'], plus what
# `meson --internal gettext pot` adds (-k_, -D SRCDIR, -f POTFILES.in).
XGETTEXT_GLIB = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

C_MARKER = re.compile(r'(?<![\w])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)'
                      r'\s*\(\s*(?:"|[A-Za-z_])')
UI_MARKER = re.compile(r'translatable\s*=\s*"(yes|true|1)"')

tap = installtest.Tap()


def run(*args):
    return installtest.run(list(args))


def entries(po_text):
    """The msgids of a PO file's entries, without the header."""
    ids = []
    for block in re.split(r'\n\n+', po_text):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        if match is None:
            continue
        msgid = ''.join(re.findall(r'"(.*)"', match.group(1)))
        ctxt = re.search(r'^msgctxt "(.*)"', block, re.MULTILINE)
        if msgid:
            ids.append((ctxt.group(1) + '\u0004' if ctxt else '') + msgid)
    return ids


def marked_files():
    """Source files that mark strings for translation."""
    found = []
    for top in ('src', 'ui', 'data'):
        for path, dirs, files in os.walk(os.path.join(SRCDIR, top)):
            dirs[:] = sorted(d for d in dirs if not d.startswith('.'))
            for name in sorted(files):
                full = os.path.join(path, name)
                relative = os.path.relpath(full, SRCDIR)
                try:
                    with open(full, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                if name.endswith(('.c', '.h')):
                    # Comments may mention _(); strip them first.
                    text = re.sub(r'/\*.*?\*/', '', text, flags=re.DOTALL)
                    text = re.sub(r'//[^\n]*', '', text)
                    if C_MARKER.search(text):
                        found.append(relative)
                elif name.endswith('.ui'):
                    if UI_MARKER.search(text):
                        found.append(relative)
                elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.mime.xml.in')):
                    found.append(relative)
                elif name.endswith('.gschema.xml') and 'gettext-domain' in text:
                    found.append(relative)
    return found


with open(os.path.join(PODIR, 'LINGUAS'), encoding='utf-8') as f:
    linguas = [word for line in f for word in line.split('#', 1)[0].split()]
tap.ok(all(lang in linguas for lang in REQUIRED_LANGUAGES)
       and all(os.path.exists(os.path.join(PODIR, lang + '.po')) for lang in linguas),
       'po/LINGUAS lists zh_CN, es and pt_BR, each with a .po file', linguas)

with open(os.path.join(PODIR, 'POTFILES.in'), encoding='utf-8') as f:
    potfiles = [line.strip() for line in f if line.strip() and not line.startswith('#')]
not_there = [path for path in potfiles if not os.path.exists(os.path.join(SRCDIR, path))]
unlisted = [path for path in marked_files() if path not in potfiles]
tap.ok(not not_there, 'every file of POTFILES.in exists', not_there)
tap.ok(not unlisted, 'POTFILES.in lists every file that marks strings',
       'add to po/POTFILES.in: ' + ', '.join(unlisted))
tap.ok(potfiles == sorted(potfiles), 'POTFILES.in is sorted')

with tempfile.TemporaryDirectory() as tmpdir:
    pot = os.path.join(tmpdir, 'reelscope.pot')
    # Unlisted files too: a string there must not slip through.
    listed = os.path.join(tmpdir, 'POTFILES')
    with open(listed, 'w', encoding='utf-8') as f:
        f.write('\n'.join([path for path in potfiles if path not in not_there] + unlisted) + '\n')
    result = run('xgettext', '--package-name=reelscope', '-f', listed, '-D', SRCDIR,
                 '-k_', '-o', pot, *XGETTEXT_GLIB)
    if not tap.ok(result.returncode == 0 and os.path.exists(pot),
                  'xgettext extracts the strings of the current sources', result):
        tap.finish()
    with open(pot, encoding='utf-8') as f:
        template = entries(f.read())
    tap.diag(f'{len(template)} strings in the sources')

    for lang in REQUIRED_LANGUAGES:
        po = os.path.join(PODIR, lang + '.po')
        if not os.path.exists(po):
            tap.ok(False, f'{lang}: po/{lang}.po exists')
            continue

        result = run('msgfmt', '--check', '--statistics', '-o', os.devnull, po)
        tap.ok(result.returncode == 0, f'{lang}: msgfmt --check passes', result)
        tap.diag(f'{lang}: {result.stderr.strip()}')

        with open(po, encoding='utf-8') as f:
            po_text = f.read()
        fuzzy = run('msgattrib', '--only-fuzzy', '--no-obsolete', po).stdout
        tap.ok(not entries(fuzzy) and '#, fuzzy' not in po_text.split('\nmsgid', 2)[1],
               f'{lang}: no fuzzy entries and a finished header', entries(fuzzy))

        match = re.search(r'"Plural-Forms: nplurals=(\d+);', po_text)
        tap.ok(match is not None and int(match.group(1)) == NPLURALS[lang],
               f'{lang}: Plural-Forms has nplurals={NPLURALS[lang]}',
               match.group(0) if match else 'no Plural-Forms')

        merged = os.path.join(tmpdir, lang + '.po')
        result = run('msgmerge', '--quiet', '--previous', '-o', merged, po, pot)
        if not tap.ok(result.returncode == 0, f'{lang}: msgmerge with the current sources',
                      result):
            continue
        untranslated = entries(run('msgattrib', '--untranslated', '--no-obsolete',
                                   merged).stdout)
        fuzzy = entries(run('msgattrib', '--only-fuzzy', '--no-obsolete', merged).stdout)
        tap.ok(not untranslated and not fuzzy,
               f'{lang}: every string of the sources is translated',
               '\n'.join([f'untranslated: {msgid!r}' for msgid in untranslated]
                         + [f'fuzzy (changed in the sources): {msgid!r}' for msgid in fuzzy]))
        result = run('msgfmt', '--check', '-o', os.devnull, merged)
        tap.ok(result.returncode == 0,
               f'{lang}: the translations keep the format of the current strings', result)

        # Desktop Keywords: a list ended by semicolons in every language.
        merged_text = open(merged, encoding='utf-8').read()
        bad = []
        for block in re.split(r'\n\n+', merged_text):
            msgid = ''.join(re.findall(r'"(.*)"', (re.search(r'^msgid ((?:".*"\n?)+)', block,
                                                             re.MULTILINE) or [None, ''])[1]))
            msgstr = ''.join(re.findall(r'"(.*)"', (re.search(r'^msgstr ((?:".*"\n?)+)', block,
                                                              re.MULTILINE) or [None, ''])[1]))
            if msgid.endswith(';') and msgstr and not msgstr.endswith(';'):
                bad.append(msgstr)
        tap.ok(not bad, f'{lang}: keyword lists end with a semicolon', bad)

        extra = sorted(set(entries(po_text)) - set(template))
        if extra:
            tap.diag(f'{lang}: {len(extra)} translations of strings no longer in the sources')

tap.finish()
