#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening files from a file manager: the installed MIME type and desktop
file, and `gio launch` of the installed desktop file with two files, which
D-Bus-activates the app (DBusActivatable=true, the installed D-Bus
service) and opens one window per file. Prints TAP; the launch skips
without a display.
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

tap = installtest.Tap()
APP_ID = installtest.app_id()
DATA = os.path.join(installtest.TESTS_SRCDIR, 'data')

try:
    prefix, root, builddir, log = installtest.install('prefix')
except RuntimeError as error:
    tap.bail_out(error)
desktop_file = os.path.join(prefix, 'share', 'applications', APP_ID + '.desktop')

with tempfile.TemporaryDirectory() as tmpdir:
    env = installtest.private_dirs(tmpdir, installtest.app_env(prefix))

    # Two datasets with different titles, named as users name them.
    files = []
    for source, name in (('microdrama-sample.reelscope.json', 'sample.reelscope.json'),
                         ('synthetic-40.reelscope.json', 'synthetic.reelscope.json')):
        path = os.path.join(tmpdir, name)
        shutil.copyfile(os.path.join(DATA, source), path)
        files.append(path)
    titles = [installtest.dataset_title(path) for path in files]
    csv = os.path.join(tmpdir, 'records.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('region,period,revenue\nna,2024-01,100\n')

    result = installtest.run(['gio', 'info', '--attributes=standard::content-type', files[0]],
                             env=env)
    tap.ok(result.returncode == 0
           and 'standard::content-type: application/x-reelscope-dataset' in result.stdout,
           '*.reelscope.json is application/x-reelscope-dataset', result)

    # What a file manager offers for each type: update-desktop-database's
    # cache lists the app for every type of its MimeType= line. It claims
    # its own type and CSV records, not every JSON file: most of those it
    # refuses ("format" is missing).
    for mime_type in ('application/x-reelscope-dataset', 'text/csv'):
        result = installtest.run(['gio', 'mime', mime_type], env=env)
        tap.ok(result.returncode == 0 and APP_ID + '.desktop' in result.stdout,
               f'the installed desktop file is registered for {mime_type}', result)
    result = installtest.run(['gio', 'mime', 'application/json'], env=env)
    tap.ok(result.returncode == 0 and APP_ID + '.desktop' not in result.stdout,
           'the installed desktop file is not registered for every JSON file', result)

    if not installtest.have_display():
        tap.skip('gio launch opens one window per file', 'no display')
        tap.skip('gio launch opens a CSV file', 'no display')
    else:
        try:
            frames = installtest.probe_windows(['gio', 'launch', desktop_file, *files], env,
                                               frames=2, titles=titles, quit_app_id=APP_ID)
            # Each window shows its file's name under the title.
            shown = {frame['name']: sorted({name for role, name in frame['nodes']
                                            if role == 'label' and name.endswith('.reelscope.json')})
                     for frame in frames}
            expected = {title: [os.path.basename(path)] for title, path in zip(titles, files)}
            tap.ok(len(frames) == 2 and shown == expected,
                   'gio launch opens one window per file', f'shown: {shown}, expected: {expected}')
        except RuntimeError as error:
            tap.ok(False, 'gio launch opens one window per file', error)

        # A CSV file has no title: the window is named after the file.
        try:
            frames = installtest.probe_windows(['gio', 'launch', desktop_file, csv], env,
                                               frames=1, titles=['records.csv'],
                                               quit_app_id=APP_ID)
            tap.ok([frame['name'] for frame in frames] == ['records.csv'],
                   'gio launch opens a CSV file', [frame['name'] for frame in frames])
        except RuntimeError as error:
            tap.ok(False, 'gio launch opens a CSV file', error)

tap.finish()
