#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line (DESIGN §4) without a display: --version and --validate,
and the one form of what it prints on stderr: `reelscope: ` before every line.

Usage: test-cli.py REELSCOPE   (the built binary). Prints TAP.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import check, test  # noqa: E402
import taptest  # noqa: E402

REELSCOPE = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
SAMPLE = os.path.join(DATA, 'microdrama-sample.reelscope.json')
THREE_MISTAKES = os.path.join(DATA, 'invalid-three-mistakes.reelscope.json')

# `reelscope: FILE:LINE:COL: PATH: message`
PROBLEM = re.compile(r'^reelscope: (?P<file>.+?):(?P<line>\d+):(?P<column>\d+): '
                     r'(?P<path>[^ ]+): (?P<message>.+)$')

def run(*args, stdin=None):
    """Runs reelscope with no display and no session bus: the command line
    must not need either. @stdin: text for its standard input."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    return subprocess.run([REELSCOPE, *args], env=env, capture_output=True, text=True, timeout=60,
                          input=stdin if stdin is not None else '')


def check_prefixed(result):
    """Every line on stderr starts with `reelscope: `."""
    lines = result.stderr.splitlines()
    check(lines != [], 'says something on stderr', result)
    check(all(line.startswith('reelscope: ') for line in lines), 'each stderr line starts with "reelscope: "',
          result)


@test
def version():
    result = run('--version')
    check(result.returncode == 0, 'exit status 0', result)
    check(result.stdout == 'reelscope 0.2.0\n', 'prints the version', result)
    check(result.stderr == '', 'nothing on stderr', result)


@test
def validate_sample():
    result = run('--validate', SAMPLE)
    check(result.returncode == 0, 'exit status 0', result)
    # Figures: global revenue 2, North America revenue 3, Latin America and
    # Southeast Asia growth 1 each, ReelShort and DramaBox revenue 2 each.
    # Years: the revenue figures span 2023 (platforms) to 2024.
    check(result.stdout == f'{SAMPLE}: valid: 6 regions, 4 sources, 11 figures, 0 records '
                           '(2023–2024)\n',
          'prints the summary line', result)
    check(result.stderr == '', 'nothing on stderr', result)


@test
def validate_three_mistakes():
    result = run('--validate', THREE_MISTAKES)
    check(result.returncode == 1, 'exit status 1', result)
    check(result.stdout == '', 'no summary', result)
    lines = result.stderr.splitlines()
    check(len(lines) == 3, 'exactly three problems', result)
    # Positions of the offending values in the fixture, counted by hand:
    # line 9  `    {"id": "North America", ...`      the string starts at column 12;
    # line 14 `        {"year": 2024.0, ...`           the number starts at column 18;
    # line 15 `        {"year": 2023, "value": -5, ...` the minus sign is at column 33.
    expected = [
        (9, 12, 'regions[0].id'),
        (14, 18, 'regions[1].revenue[0].year'),
        (15, 33, 'regions[1].revenue[1].value'),
    ]
    for line, (want_line, want_column, want_path) in zip(lines, expected):
        match = PROBLEM.match(line)
        check(match is not None, f'FILE:LINE:COL: PATH: message: {line!r}')
        check(match['file'] == THREE_MISTAKES, f'names the file: {line!r}')
        check((int(match['line']), int(match['column'])) == (want_line, want_column),
              f'at {want_line}:{want_column}: {line!r}')
        check(match['path'] == want_path, f'path {want_path}: {line!r}')
        check(not match['message'].startswith('warning: '), f'an error, not a warning: {line!r}')
    check('North America' in lines[0], 'quotes the bad id', result)


@test
def validate_warning():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'warning.reelscope.json')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('{\n'
                    '  "format": "reelscope-dataset",\n'
                    '  "version": 1,\n'
                    '  "regions": [{"id": "europe", "name": "Europe", "revnue": []}]\n'
                    '}\n')
        result = run('--validate', path)
    check(result.returncode == 0, 'exit status 0: warnings are allowed', result)
    check(result.stdout == f'{path}: valid: 1 region, 0 sources, 0 figures, 0 records\n',
          'summary', result)
    lines = result.stderr.splitlines()
    check(len(lines) == 1, 'one warning', result)
    match = PROBLEM.match(lines[0])
    check(match is not None and match['file'] == path and match['line'] == '4',
          'FILE:4:COL: ...', result)
    check(match['path'].startswith('regions[0]'), 'the path names the region', result)
    check(match['message'].startswith('warning: '), '"warning: " after the path', result)
    check('revenue' in match['message'], 'suggests the known member', result)


@test
def validate_many_problems():
    regions = [{'id': 'europe', 'name': 'Europe'}]
    regions += [{'id': f'Bad {i}', 'name': 'Nowhere'} for i in range(150)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'many.reelscope.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump({'format': 'reelscope-dataset', 'version': 1, 'regions': regions},
                      f, indent=1)
        result = run('--validate', path)
    check(result.returncode == 1, 'exit status 1', result)
    lines = result.stderr.splitlines()
    check(len(lines) == 101, 'the first 100 problems and a count', result)
    check(all(PROBLEM.match(line) for line in lines[:100]),
          'each FILE:LINE:COL: PATH: message', result)
    check(lines[0].startswith(f'reelscope: {path}:') and 'regions[1].id' in lines[0], 'in file order', result)
    check(lines[99].find('regions[100].id') >= 0, 'the 100th problem', result)
    check(lines[100] == 'reelscope: and 50 more problems', 'and N more problems', result)


@test
def validate_csv_problems():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'records.csv')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('region,period,revenue\nnorth-america,2024-01,100\neurope,2024-02,-1\n')
        result = run('--validate', path)
    check(result.returncode == 1, 'exit status 1', result)
    # FILE:LINE:COL: column: message (record N)
    check(re.fullmatch('reelscope: ' + re.escape(path) + r':3:16: revenue: .+ \(record 2\)\n', result.stderr) is not None,
          'line 3, column 16, the revenue column, record 2', result)


@test
def validate_missing_file():
    missing = os.path.join(DATA, 'no-such-file.reelscope.json')
    result = run('--validate', missing)
    check(result.returncode == 1, 'exit status 1', result)
    check(result.stdout == '', 'no summary', result)
    # Once, and without GLib's "Error when getting information for file “…”".
    check(result.stderr == f'reelscope: {missing}: No such file or directory\n',
          'reelscope: FILE: errno text', result)
    check(result.stderr.count(missing) == 1, 'names the file once', result)


@test
def validate_without_file():
    result = run('--validate')
    check(result.returncode == 2, 'usage error: exit status 2', result)
    check(result.stdout == '', 'nothing on stdout', result)
    check(result.stderr.splitlines()[0] == 'reelscope: Missing argument for --validate', 'says what is wrong',
          result)
    check_prefixed(result)


@test
def validate_two_files():
    result = run('--validate', SAMPLE, THREE_MISTAKES)
    check(result.returncode == 2, 'usage error: exit status 2', result)
    check(result.stdout == '', 'nothing validated', result)
    check(result.stderr.splitlines()[0] == 'reelscope: --validate checks exactly one FILE', 'says what is wrong',
          result)
    check_prefixed(result)


@test
def unknown_option():
    result = run('--no-such-option')
    check(result.returncode == 2, 'usage error: exit status 2', result)
    check(result.stderr.splitlines()[0] == 'reelscope: Unknown option --no-such-option', 'names the option',
          result)
    check_prefixed(result)


@test
def validate_stdin_json():
    with open(SAMPLE, encoding='utf-8') as f:
        result = run('--validate', '-', stdin=f.read())
    check(result.returncode == 0, 'exit status 0', result)
    check(result.stdout == '<stdin>: valid: 6 regions, 4 sources, 11 figures, 0 records (2023–2024)\n',
          'the summary names <stdin>', result)
    check(result.stderr == '', 'nothing on stderr', result)


@test
def validate_stdin_problems():
    with open(THREE_MISTAKES, encoding='utf-8') as f:
        result = run('--validate', '-', stdin=f.read())
    check(result.returncode == 1, 'exit status 1', result)
    lines = result.stderr.splitlines()
    check(len(lines) == 3, 'exactly three problems', result)
    check(lines[0].startswith('reelscope: <stdin>:9:12: regions[0].id: '), 'reelscope: <stdin>:LINE:COL: PATH',
          result)


@test
def validate_stdin_csv():
    """Standard input has no name: what is not `{` after spaces is CSV."""
    result = run('--validate', '-', stdin='region,period,revenue\nnorth-america,2024-01,100\neurope,2024-02,-1\n')
    check(result.returncode == 1, 'exit status 1', result)
    check(re.fullmatch(r'reelscope: <stdin>:3:16: revenue: .+ \(record 2\)\n', result.stderr) is not None,
          'read as CSV: line 3, column 16, the revenue column', result)
    result = run('--validate', '-', stdin='region,period,revenue\nnorth-america,2024-01,100\n')
    check(result.returncode == 0 and result.stdout.startswith('<stdin>: valid: 1 region, '),
          'valid CSV records', result)


@test
def validate_stdin_empty():
    result = run('--validate', '-', stdin='')
    check(result.returncode == 1, 'exit status 1', result)
    check(result.stderr.startswith('reelscope: <stdin>:'), 'names <stdin>', result)
    check_prefixed(result)


@test
def validate_folder_and_unreadable():
    """I/O errors by their errno text: the path once, and GLib's wording never."""
    with tempfile.TemporaryDirectory() as tmp:
        result = run('--validate', tmp)
        check(result.returncode == 1 and result.stderr == f'reelscope: {tmp}: Is a directory\n', 'a folder',
              result)
        below_file = os.path.join(SAMPLE, 'x.json')
        result = run('--validate', below_file)
        check(result.returncode == 1 and result.stderr == f'reelscope: {below_file}: Not a directory\n',
              'below a file', result)
        if os.geteuid() != 0:
            locked = os.path.join(tmp, 'locked.json')
            with open(locked, 'w', encoding='utf-8') as f:
                f.write('{}')
            os.chmod(locked, 0)
            result = run('--validate', locked)
            check(result.returncode == 1 and result.stderr == f'reelscope: {locked}: Permission denied\n',
                  'unreadable', result)


if __name__ == '__main__':
    sys.exit(taptest.main())
