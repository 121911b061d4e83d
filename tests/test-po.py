#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translations are complete for the sources as they are now.

Regenerates the template from po/POTFILES.in with xgettext (the arguments
of meson's i18n 'glib' preset) into a temporary directory, merges each
po/LANG.po of po/LINGUAS with it and fails on a string without a
translation, a fuzzy one, or one msgfmt --check rejects. Also fails when a
source file marks strings but POTFILES.in does not list it, so a string in
a new file cannot be missed.

Also fails when two labels of one window share an access key in a language,
English included: the labels with use-underline of the export dialog, and
of the main window's header bar (MNEMONIC_SCOPES).

Usage: test-po.py   Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

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

# Where mnemonics are active together: a .ui file and the id of the object
# whose labels share one window's access keys (None: the whole template).
MNEMONIC_SCOPES = [
    ('the export dialog', 'ui/reel-export-dialog.ui', None),
    ("the window's header bar", 'ui/reel-window.ui', 'header_bar'),
    # What a dataset shows at once: the header bar, the Chart/Table and
    # Region/Sources switches.
    ('the window with a dataset', 'ui/reel-window.ui', ('header_bar', 'sidebar_flap')),
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


def po_string(lines):
    """The text of a PO string spread over quoted lines, unescaped."""
    escaped = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', lines))
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)),
                  escaped)


def translations(po_text):
    """{(msgctxt or None, msgid): msgstr} of a PO file's translated entries."""
    found = {}
    for block in re.split(r'\n\n+', po_text):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.MULTILINE)
        ctxt = re.search(r'^msgctxt ((?:".*"\n?)+)', block, re.MULTILINE)
        if msgid is None or msgstr is None:
            continue
        key = (po_string(ctxt.group(1)) if ctxt else None, po_string(msgid.group(1)))
        if key[1] and po_string(msgstr.group(1)):
            found[key] = po_string(msgstr.group(1))
    return found


def mnemonic_labels(ui_path, scope_id):
    """(context, msgid) of each translatable label or title with use-underline
    under the object scope_id (or each of a tuple of them) of a .ui file (the
    whole file for None)."""
    root = ET.parse(os.path.join(SRCDIR, ui_path)).getroot()
    if scope_id is None:
        roots = [root]
    else:
        ids = scope_id if isinstance(scope_id, tuple) else (scope_id,)
        roots = [next(o for o in root.iter('object') if o.get('id') == i) for i in ids]
    labels = []
    for obj in (o for r in roots for o in r.iter('object')):
        props = obj.findall('property')
        if not any(p.get('name') == 'use-underline' and (p.text or '').strip().lower()
                   in ('true', 'yes', '1') for p in props):
            continue
        for p in props:
            if (p.get('name') in ('label', 'title')
                    and p.get('translatable') in ('yes', 'true', '1')):
                labels.append((p.get('context'), p.text or ''))
    return labels


def access_key(text):
    """The letter after the first single underscore, case-folded; None if none."""
    match = re.search(r'(?<!_)_([^_])', text.replace('__', ''))
    return match.group(1).casefold() if match else None


def shared_access_keys(labels, translate):
    """What labels share an access key once translated, and which lose theirs."""
    by_key = {}
    missing = []
    for ctxt, msgid in labels:
        shown = translate(ctxt, msgid)
        key = access_key(shown)
        if key is None:
            missing.append(f'{msgid!r} → {shown!r} has no access key')
        else:
            by_key.setdefault(key, []).append(f'{msgid!r} → {shown!r}')
    shared = [f'{key!r}: ' + ', '.join(shown) for key, shown in by_key.items() if len(shown) > 1]
    return shared + missing


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
        pot_text = f.read()
    template = entries(pot_text)
    tap.diag(f'{len(template)} strings in the sources')

    # A separator (", ") marked in several places serves several purposes,
    # which languages write differently (zh_CN: "、" between list items,
    # "，" between clauses): each needs a msgctxt naming its purpose.
    shared = []
    for block in re.split(r'\n\n+', pot_text):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.MULTILINE)
        msgid = po_string(match.group(1)) if match else ''
        places = ' '.join(re.findall(r'^#: (.*)', block, re.MULTILINE)).split()
        if (msgid and re.fullmatch(r'[\W_]+', msgid) and len(places) > 1
                and not re.search(r'^msgctxt ', block, re.MULTILINE)):
            shared.append(f'{msgid!r} without a msgctxt at ' + ', '.join(places))
    tap.ok(not shared, 'each separator marked in several places has a msgctxt', '\n'.join(shared))

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
        obsolete = entries(run('msgattrib', '--only-obsolete', merged).stdout.replace('#~ ', ''))
        tap.ok(not obsolete, f'{lang}: no translation of a string the sources no longer have',
               '\n'.join(f'obsolete: {msgid!r}' for msgid in obsolete))

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

# Access keys: within one window, each mnemonic label its own letter, in
# English and in each translation (an untranslated label shows its msgid).
for scope, ui_path, scope_id in MNEMONIC_SCOPES:
    labels = mnemonic_labels(ui_path, scope_id)
    tap.ok(len(labels) >= 2, f'{ui_path}: {scope} has labels with access keys', labels)
    tap.ok(not shared_access_keys(labels, lambda ctxt, msgid: msgid),
           f'en: no two labels of {scope} share an access key',
           '\n'.join(shared_access_keys(labels, lambda ctxt, msgid: msgid)))
    for lang in REQUIRED_LANGUAGES:
        po = os.path.join(PODIR, lang + '.po')
        if not os.path.exists(po):
            continue
        with open(po, encoding='utf-8') as f:
            translated = translations(f.read())

        def translate(ctxt, msgid, translated=translated):
            return translated.get((ctxt, msgid), msgid)

        problems = shared_access_keys(labels, translate)
        tap.ok(not problems, f'{lang}: no two labels of {scope} share an access key',
               '\n'.join(problems))

tap.finish()
