#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile input through `reelscope --validate` (DESIGN §3).

Usage: test-hostile.py REELSCOPE   (the built binary). Prints TAP.

Every run must end by itself within a bounded time and memory (peak RSS of
the child, from wait4), print nothing a terminal would obey, and either
refuse the file with exit status 1 and the exact problem (line:column, path
and message), or accept it with exit status 0 and exactly the warnings
expected. The files are in tests/data/hostile/ (each has a case below; the
fuzzers' regressions are there too), generated from a dataset that has
every member of the format (wrong types for each member, broken rules), or
made here (limits, sparse files, a FIFO, a folder, /dev/zero).

The same loader is checked value by value in test-hostile.c; the window's
side is test-window-hostile.c.
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import check, test  # noqa: E402
import taptest  # noqa: E402

REELSCOPE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, 'data', 'hostile')
SAMPLE = os.path.join(HERE, 'data', 'microdrama-sample.reelscope.json')

# Sanitizer builds run slower and map gigabytes of shadow memory.
SANITIZED = os.environ.get('REEL_TEST_SANITIZED', 'none') not in ('', 'none')
TIMEOUT = 120 if SANITIZED else 30        # seconds before the child is killed
MAX_SECONDS = 60 if SANITIZED else 10     # what a run may take
MAX_RSS_MIB = 1536 if SANITIZED else 256  # peak resident memory of a run

MUST_BE = ('must be ', 'this is a version', 'a record must be an object')

class Result:
    def __init__(self, path, status, stdout, stderr, seconds, rss_kib):
        self.path = path
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.rss_mib = rss_kib / 1024

    def __str__(self):
        return (f'{self.path}: exit status {self.status}, {self.seconds:.2f} s, '
                f'{self.rss_mib:.0f} MiB\n  stdout: {self.stdout!r}\n  stderr: {self.stderr!r}')

    def problems(self):
        """(line, column, rest) of each problem, in order:
        `reelscope: FILE:L:C: rest`, or (0, 0, rest) for `reelscope: FILE: rest`."""
        found = []
        prefix = f'reelscope: {self.path}:'
        for line in self.stderr.splitlines():
            check(line.startswith(prefix), f'each problem starts with reelscope: FILE: {line!r}', self)
            match = re.match(r'(\d+):(\d+): (.*)$', line[len(prefix):])
            if match:
                found.append((int(match[1]), int(match[2]), match[3]))
            else:
                check(line[len(prefix)] == ' ', f'FILE: message: {line!r}', self)
                found.append((0, 0, line[len(prefix) + 1:]))
        return found


def validate(path):
    """Runs `reelscope --validate PATH` and checks that it was well behaved:
    bounded time and memory, no sanitizer report, nothing but printable
    text and line ends in its output."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen([REELSCOPE, '--validate', path], stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=err, env=env)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() - start > TIMEOUT:
                child.kill()
                os.wait4(child.pid, 0)
                child.returncode = -9
                raise AssertionError(f'{path}: still running after {TIMEOUT} s')
            time.sleep(0.005)
        seconds = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Result(path, child.returncode, out.read().decode('utf-8'),
                        err.read().decode('utf-8'), seconds, usage.ru_maxrss)

    check(result.seconds < MAX_SECONDS, f'done within {MAX_SECONDS} s', result)
    check(result.rss_mib < MAX_RSS_MIB, f'peak RSS below {MAX_RSS_MIB} MiB', result)
    for marker in ('AddressSanitizer', 'LeakSanitizer', 'runtime error:', 'CRITICAL', 'WARNING **'):
        check(marker not in result.stderr, f'no {marker} report', result)
    check(result.status in (0, 1), 'exit status 0 or 1, not a crash', result)
    for text in (result.stdout, result.stderr):
        bad = [c for c in text if (ord(c) < 0x20 and c != '\n') or 0x7f <= ord(c) < 0xa0]
        check(not bad, f'no control characters in the output: {bad!r}', result)
    return result


def expect_refused(path, line, column, where, message, exact=True):
    """Exit status 1 and, first, the problem at LINE:COLUMN (0:0 for one about
    the whole file) in WHERE (a JSON path, a CSV column, or '') saying
    MESSAGE. `exact=False` takes MESSAGE as the start of the message."""
    result = validate(path)
    check(result.status == 1, 'exit status 1', result)
    check(result.stdout == '', 'no summary on stdout', result)
    problems = result.problems()
    check(problems, 'at least one problem', result)
    got_line, got_column, rest = problems[0]
    check((got_line, got_column) == (line, column),
          f'the first problem at {line}:{column}, not {got_line}:{got_column}', result)
    if where:
        check(rest.startswith(where + ': '), f'in {where}', result)
        rest = rest[len(where) + 2:]
    check(not rest.startswith('warning: '), 'an error, not a warning', result)
    check(rest == message if exact else rest.startswith(message), f'says {message!r}', result)
    return result


def expect_accepted(path, warnings=()):
    """Exit status 0 with exactly WARNINGS, each (line, column, path, message)."""
    result = validate(path)
    check(result.status == 0, 'exit status 0', result)
    check(result.stdout.startswith(f'{path}: valid: '), 'the summary', result)
    problems = result.problems()
    check(len(problems) == len(warnings), f'{len(warnings)} warnings', result)
    for (line, column, rest), (want_line, want_column, where, message) in zip(problems, warnings):
        check((line, column) == (want_line, want_column), f'a warning at {want_line}:{want_column}',
              result)
        check(rest == f'{where}: warning: {message}', f'{where}: warning: {message}', result)
    return result


def hostile(name):
    return os.path.join(HOSTILE, name)


# Files in tests/data/hostile/ that must be refused: name → (line, column,
# path, message) of the first problem, or a list of every problem. Those
# that must be accepted are in ACCEPTED, with their warnings.
REFUSED = {
    # Strict JSON (RFC 8259) where json-glib 1.6 is lenient.
    'comment-line.json': (1, 1, '', 'JSON does not allow comments'),
    'comment-block.json': (3, 13, 'version', 'JSON does not allow comments'),
    'comment-between-members.json': (2, 43, '', 'expected a member name in double quotes, found “/”'),
    'duplicate-key.json': (4, 2, 'version', 'duplicate member “version” in the same object'),
    'duplicate-key-nested.json': (3, 41, 'regions[0].name', 'duplicate member “name” in the same object'),
    'trailing-data.json': (5, 1, '', 'unexpected data after the end of the document'),
    'trailing-comma.json': (3, 70, 'regions[2]',
                            'expected a value (a trailing comma is not allowed), found “]”'),
    'two-documents.json': (1, 87, '', 'unexpected data after the end of the document'),
    'nul-escape.json': (3, 49, 'regions[0].name', 'text may not contain U+0000'),
    'nul-byte.json': (3, 42, 'regions[0].name', 'a control character (U+0000) must be escaped in a string'),
    'nul-byte-outside.json': (4, 1, '', 'expected “,” or “}”, found U+0000'),
    'raw-newline-in-string.json': (3, 42, 'regions[0].name',
                                   'a control character (U+000A) must be escaped in a string'),
    'invalid-utf8.json': (3, 42, 'regions[0].name', 'invalid UTF-8 (byte 0xFF)'),
    'invalid-utf8-latin1.json': (3, 38, 'regions[0].name', 'invalid UTF-8 (byte 0xE9)'),
    'invalid-utf8-overlong.json': (3, 36, 'regions[0].name', 'invalid UTF-8 (byte 0xC0)'),
    'invalid-utf8-surrogate.json': (3, 36, 'regions[0].name', 'invalid UTF-8 (byte 0xED)'),
    'invalid-utf8-truncated.json': (3, 36, 'regions[0].name', 'invalid UTF-8 (byte 0xE4)'),
    'utf16.json': (1, 1, '', 'expected a value, found byte 0xFF'),
    'lone-surrogate.json': (3, 36, 'regions[0].name',
                            '\\uD83D must be followed by the second half of its surrogate pair'),
    'bad-escape.json': (3, 36, 'regions[0].name', '“\\x” is not a JSON escape'),
    'single-quotes.json': (3, 35, 'regions[0].name', 'expected a value, found “\'”'),
    'nan.json': (4, 42, 'regions[0].revenue[0].value', 'NaN and Infinity are not JSON numbers'),
    'infinity.json': (4, 42, 'regions[0].revenue[0].value', 'NaN and Infinity are not JSON numbers'),
    'minus-infinity.json': (4, 42, 'regions[0].revenue[0].value', 'expected a digit in the number, found “I”'),
    'number-1e400.json': (4, 42, 'regions[0].revenue[0].value', 'the number 1e400 is too large'),
    'number-leading-zero.json': (4, 42, 'regions[0].revenue[0].value', 'a number may not start with 0'),
    'number-hex.json': (4, 43, 'regions[0].revenue[0]', 'expected “,” or “}”, found “x”'),
    'empty.json': (1, 1, '', 'the file is empty'),
    'whitespace-only.json': (3, 2, '', 'the file has no JSON value'),
    'bom-only.json': (1, 1, '', 'the file is empty'),
    'not-an-object.json': (1, 1, '', 'a dataset is a JSON object, not a list'),
    'version-3.json': (1, 44, 'version', 'this is a version this build cannot read; it reads versions 1 to 2'),
    'version-float.json': (1, 44, 'version', 'this is a version this build cannot read; it reads versions 1 to 2'),
    'version-wraps.json': (1, 44, 'version', 'this is a version this build cannot read; it reads versions 1 to 2'),
    'not-reelscope.json': (1, 12, 'format', 'must be “reelscope-dataset”: this is not a Reelscope dataset'),
    # Integers that wrap in 32 or 64 bits are refused, never wrapped.
    'year-wraps-32.json': (4, 12, 'regions[0].revenue[0].year', 'must be a whole year from 1990 to 2100'),
    'year-wraps-64.json': (4, 12, 'regions[0].revenue[0].year', 'must be a whole year from 1990 to 2100'),
    'launched-wraps-32.json': (4, 62, 'platforms[0].launched', 'must be a whole year from 1990 to 2100'),
    'value-wraps-64.json': (4, 42, 'regions[0].revenue[0].value', 'must be 0 or more'),
    # Regression: a quote's dangling region was reported at the index it had
    # among the valid ids. (A list: every problem, in order.)
    'quote-regions-index.json': [(6, 18, 'experts[0].quotes[0].regions[0]', 'must be a string, not a number'),
                                 (6, 27, 'experts[0].quotes[0].regions[2]', '“mars” is not the id of a region')],
    # Regression (fuzz-dataset-loader): column names went into problems with their
    # control characters, which --validate printed to the terminal.
    'fuzz-csv-control-in-column.csv': (2, 18, 'no\ufffd[2Jte', 'the text is not valid UTF-8: save the file as UTF-8 '
                                                             '(record 1)'),
    # Regression (fuzz-dataset-loader): a header without records made a
    # dataset without regions.
    'fuzz-csv-header-only.csv': (0, 0, '', 'the file has no records: add rows of region, period and revenue '
                                           'below the header'),
    # CSV records: problems at the line:column of the file where the field
    # starts, and the number of the record they are in.
    'csv-empty.csv': (0, 0, '', 'the file is empty: the first row must name the columns region, period and revenue'),
    'csv-header-only.csv': (0, 0, '', 'the file has no records: add rows of region, period and revenue below the header'),
    'csv-bad-header.csv': (1, 1, '', 'the first row must name the column period'),
    'csv-no-header.csv': (1, 1, '', 'the first row must name the columns region, period, revenue'),
    'csv-header-case.csv': (1, 1, 'Region', 'write the column name as “region”, lowercase without spaces'),
    'csv-duplicate-column.csv': (1, 23, 'region', 'the column “region” appears more than once: keep one'),
    'csv-semicolon.csv': (1, 1, '', 'the separator must be a comma, not a semicolon'),
    'csv-tab.csv': (1, 1, '', 'the separator must be a comma, not a tab'),
    'csv-decimal-comma.csv': (2, 16, 'revenue', '“12,5” was split at the comma: use . as the decimal point (record 1)'),
    'csv-decimal-comma-quoted.csv': (2, 16, 'revenue',
                                     '“12,5” is not a number: use . as the decimal point, without '
                                     'thousands separators (record 1)'),
    # Syntax faults: at the opening quote that is not closed, or the byte that breaks the syntax.
    'csv-unterminated-quote.csv': (2, 8, 'period', 'a quoted field is not closed: add the closing quote (") '
                                                   '(record 1)'),
    'csv-quote-in-field.csv': (2, 10, 'period', 'a quote inside an unquoted field: put the whole field in '
                                                'quotes and double the quote ("") (record 1)'),
    'csv-bad-period.csv': (2, 8, 'period', '“2024-13” is not a period: the month must be 01 to 12 (record 1)'),
    'csv-period-format.csv': (2, 8, 'period', '“2024/01” is not a period: use YYYY-MM (record 1)'),
    'csv-negative-revenue.csv': (2, 16, 'revenue', '“-5” is negative: revenue must be 0 or more (record 1)'),
    'csv-nan-revenue.csv': (2, 16, 'revenue', '“NaN” is not a finite number (record 1)'),
    'csv-huge-revenue.csv': (2, 16, 'revenue', '“1e400” is too large for a number (record 1)'),
    'csv-invalid-utf8.csv': (2, 1, 'region', 'the text is not valid UTF-8: save the file as UTF-8 (record 1)'),
    'csv-lone-cr.csv': (1, 22, '', 'a line ends with a lone carriage return: use LF or CRLF line ends'),
    # Where the first missing field would be: the line end.
    'csv-wrong-field-count.csv': (2, 15, '', '2 fields in this row, but the header has 3 (record 1)'),
    'csv-bad-region.csv': (2, 1, 'region', '“North America” is not an id: use lowercase letters, digits and '
                                           'hyphens, not starting with a hyphen (record 1)'),
    # A quoted line break is a line of the file, not a record.
    'csv-multi-line-field.csv': (4, 8, 'period', '“2024-1” is not a period: use YYYY-MM (record 2)'),
    # Columns count characters, not bytes.
    'csv-multi-byte.csv': (2, 16, 'period', '“2024-13” is not a period: the month must be 01 to 12 (record 1)'),
    # A BOM is not a character, CRLF is one line end, an empty row is no record.
    # With a metric column: a metric, any period, a share once per place and period.
    'csv-metric-unknown.csv': (2, 13, 'metric', '“views” is not a metric: use revenue, downloads, '
                                                'monthly-active-users, revenue-share, download-share or '
                                                'revenue-per-download (record 1)'),
    'csv-metric-period.csv': (2, 8, 'period', '“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM '
                                              'or YYYY-MM/YYYY-MM (record 1)'),
    'csv-share-twice.csv': (3, 28, 'value', 'a second share of the same place, metric and period: shares are '
                                            'not summed (record 2)'),
    'csv-bom-crlf-problem.csv': [(4, 1, '', 'the row is empty: remove it'),
                                 (5, 16, 'revenue', '“x” is not a number: use digits and . as the decimal point '
                                                    '(record 2)')],
}

URL_WARNING = 'only http and https links are opened; this one will not be'
ACCEPTED = {
    'bom.json': [],
    'csv-bom-crlf.csv': [],
    'csv-metric.csv': [],
    'markup-and-controls.json': [],
    'unsafe-urls.json': [(3, 36, 'sources[0].url', URL_WARNING),
                         (4, 36, 'sources[1].url', URL_WARNING),
                         (5, 36, 'sources[2].url', URL_WARNING)],
    # Regression: unknown members of records were written into paths as
    # they were (escape sequences and all), without the ["a.b"] form.
    'record-member-path.json': [
        (4, 55, 'records[0]["a.b"]', 'unknown member of a record, ignored'),
        (4, 65, 'records[0]["\\033[2J"]', 'unknown member of a record, ignored')],
}


@test
def every_hostile_file_has_a_case():
    names = sorted(os.listdir(HOSTILE))
    missing = [name for name in names if name not in REFUSED and name not in ACCEPTED]
    check(not missing, f'a case for each file in tests/data/hostile: {missing}')
    gone = [name for name in list(REFUSED) + list(ACCEPTED) if name not in names]
    check(not gone, f'a file for each case: {gone}')


@test
def hostile_files_refused():
    failures = []
    for name, expected in sorted(REFUSED.items()):
        try:
            if isinstance(expected, list):
                result = expect_refused(hostile(name), *expected[0])
                problems = [(line, column, f'{where}: {message}' if where else message)
                            for line, column, where, message in expected]
                check(result.problems() == problems, f'exactly {problems}', result)
            else:
                expect_refused(hostile(name), *expected)
        except AssertionError as error:
            failures.append(f'{name}: {error}')
    check(not failures, '\n'.join(failures))


@test
def hostile_files_accepted():
    failures = []
    for name, warnings in sorted(ACCEPTED.items()):
        try:
            expect_accepted(hostile(name), warnings)
        except AssertionError as error:
            failures.append(f'{name}: {error}')
    check(not failures, '\n'.join(failures))


# A dataset with every member of the format, written out with the line and
# column of each value (and member name) kept, keyed by its JSON path.

class Raw:
    """A number written as it is (2024.0, 1e400, 18446744073709553640)."""

    def __init__(self, text):
        self.text = text


def path_key(path, key):
    if re.fullmatch(r'[A-Za-z_][A-Za-z0-9_-]*', key):
        return f'{path}.{key}' if path else key
    return f'{path}[{json.dumps(key)}]'


class Writer:
    def __init__(self):
        self.parts = []
        self.line = 1
        self.column = 1
        self.values = {}
        self.keys = {}

    def write(self, text):
        self.parts.append(text)
        lines = text.split('\n')
        if len(lines) > 1:
            self.line += len(lines) - 1
            self.column = 1
        self.column += len(lines[-1])

    def value(self, value, path='', indent=0):
        self.values[path] = (self.line, self.column)
        pad = '\n' + '  ' * (indent + 1)
        if isinstance(value, dict):
            self.write('{')
            for i, (key, member) in enumerate(value.items()):
                self.write(pad)
                self.keys[path_key(path, key)] = (self.line, self.column)
                self.write(json.dumps(key, ensure_ascii=False) + ': ')
                self.value(member, path_key(path, key), indent + 1)
                if i + 1 < len(value):
                    self.write(',')
            self.write('\n' + '  ' * indent + '}' if value else '}')
        elif isinstance(value, list):
            inline = all(not isinstance(v, (dict, list)) for v in value)
            self.write('[')
            for i, element in enumerate(value):
                if i > 0:
                    self.write(', ' if inline else ',')
                if not inline:
                    self.write(pad)
                self.value(element, f'{path}[{i}]', indent + 1)
            self.write(']' if inline or not value else '\n' + '  ' * indent + ']')
        elif isinstance(value, Raw):
            self.write(value.text)
        else:
            self.write(json.dumps(value, ensure_ascii=False))

    def text(self):
        return ''.join(self.parts) + '\n'


def base_dataset():
    """Every member of format version 1, each referenced thing defined
    before the first reference to it."""
    return {
        'format': 'reelscope-dataset',
        'version': 1,
        'title': {'en': 'Micro-dramas', 'zh-CN': '微短剧'},
        'description': 'Every member of the format.',
        'currency': 'USD',
        'updated': '2025-02',
        'sources': [
            {'id': 's', 'title': 'Source S', 'publisher': 'P', 'url': 'https://example.org/s',
             'published': '2024-12-31', 'note': 'N'},
            {'id': 't', 'title': {'en': 'Source T'}},
        ],
        'regions': [
            {'id': 'na', 'name': {'en': 'North America', 'es': 'América del Norte'},
             'countries': ['US', 'CA'],
             'revenue': [
                 {'year': 2023, 'value': 1.5, 'source': 's', 'basis': 'b', 'estimate': True,
                  'forecast': False, 'qualifier': 'approx', 'primary': True, 'note': 'derived'},
                 {'year': 2023, 'value': 2, 'source': 't'},
                 {'year': 2024, 'value': 3, 'source': 's'},
             ],
             'growth': [{'metric': 'viewership', 'year': 2024, 'percent': -3.5, 'source': 't',
                         'basis': 'b', 'estimate': False, 'qualifier': 'at-most', 'note': 'n'}],
             'audience': {'summary': 'Young', 'traits': [
                 {'label': 'Women', 'share': 0.6, 'source': 's', 'estimate': True,
                  'qualifier': 'at-least', 'note': 'survey'}],
                 'notes': [{'text': 'Evenings', 'source': 't'}]}},
            {'id': 'eu', 'name': 'Europe'},
        ],
        'global': {'revenue': [{'year': 2024, 'value': 10, 'source': 's'}],
                   'growth': [{'metric': 'revenue', 'year': 2024, 'percent': 5, 'source': 's'}],
                   'audience': {'summary': 'Everyone'}},
        'platforms': [{'id': 'rs', 'name': 'ReelShort', 'company': 'Crazy Maple', 'launched': 2022,
                       'revenue': [{'year': 2024, 'value': 5, 'source': 's'}]}],
        'experts': [{'id': 'e', 'name': 'E', 'role': 'R', 'organization': 'O', 'country': 'C',
                     'quotes': [{'text': 'Q', 'source': 's', 'regions': ['na', 'eu'],
                                 'topics': ['growth']},
                                {'text': 'General', 'source': 't'}]}],
        'records': [{'region': 'na', 'period': '2024-01', 'revenue': 1, 'country': 'US',
                     'platform': 'rs'},
                    {'region': 'eu', 'period': '2023-12', 'revenue': 0}],
    }


def base_dataset_v2():
    """Every member format version 2 adds, each source used."""
    document = base_dataset()
    document['version'] = 2
    derived = {'method': 'share × total', 'inputs': [
        {'source': 's', 'metric': 'revenue-share', 'period': '2024', 'value': 0.5, 'scope': 'NA'},
        {'source': 't', 'metric': 'revenue', 'period': '2024', 'value': 20}]}
    na = document['regions'][0]
    na['figures'] = [
        {'metric': 'revenue', 'period': '2024-01/2024-09', 'value': 2, 'source': 's', 'basis': 'b',
         'estimate': True, 'forecast': False, 'qualifier': 'approx', 'primary': True, 'note': 'n'},
        {'metric': 'downloads', 'period': '2025-Q1', 'value': 7, 'source': 't', 'country': 'US'},
        {'metric': 'revenue-share', 'year': 2024, 'value': 0.4, 'derived': derived},
    ]
    na['country-figures'] = {'US': [{'metric': 'monthly-active-users', 'period': '2025-05', 'value': 9,
                                     'source': 's'}]}
    na['growth'].append({'metric': 'downloads', 'period': '2025-H1', 'versus': '2024-H2', 'percent': 69,
                         'source': 's', 'basis': 'b', 'estimate': False, 'qualifier': 'at-least',
                         'note': 'n'})
    document['global']['figures'] = [{'metric': 'revenue-per-download', 'period': '2025', 'value': 0.42,
                                      'source': 't'}]
    document['platforms'][0]['countries'] = ['US']
    document['platforms'][0]['figures'] = [
        {'metric': 'download-share', 'period': '2025-Q2', 'value': 0.3, 'source': 's', 'region': 'na'},
        {'metric': 'revenue', 'period': '2025-04', 'value': 1, 'source': 't', 'country': 'US'},
    ]
    return document


def every_path(value, path=''):
    """The path of every value but the root, parents first."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield path_key(path, key)
            yield from every_path(member, path_key(path, key))
    elif isinstance(value, list):
        for i, element in enumerate(value):
            yield f'{path}[{i}]'
            yield from every_path(element, f'{path}[{i}]')


def get_parent(document, path):
    """The container holding PATH's value and its key or index in it."""
    parts = re.findall(r'\[(\d+)\]|\.?([A-Za-z_][A-Za-z0-9_-]*)', path)
    node = document
    for index, key in parts[:-1]:
        node = node[int(index)] if index else node[key]
    index, key = parts[-1]
    return node, int(index) if index else key


def write_dataset(directory, name, document):
    writer = Writer()
    writer.value(document)
    path = os.path.join(directory, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(writer.text())
    return path, writer


def wrong_type(value):
    if isinstance(value, dict):
        return []
    if isinstance(value, list):
        return {}
    if isinstance(value, bool):
        return 'yes'
    if isinstance(value, (int, float)):
        return str(value)
    return 7


@test
def base_dataset_valid():
    for base in (base_dataset, base_dataset_v2):
        with tempfile.TemporaryDirectory() as tmp:
            path, _ = write_dataset(tmp, 'base.json', base())
            result = validate(path)
        check(result.status == 0 and result.stderr == '',
              f'{base.__name__}: the base dataset is valid, without warnings', result)


def check_wrong_types(base):
    """Each value of the dataset in turn has the wrong type: refused there."""
    failures = []
    paths = list(every_path(base()))
    with tempfile.TemporaryDirectory() as tmp:
        for number, path in enumerate(paths):
            document = base()
            parent, key = get_parent(document, path)
            parent[key] = wrong_type(parent[key])
            file, writer = write_dataset(tmp, f'wrong-{number}.json', document)
            line, column = writer.values[path]
            try:
                result = validate(file)
                check(result.status == 1, 'exit status 1', result)
                # (An estimate whose note has the wrong type is also warned about.)
                first = [p for p in result.problems() if ': warning: ' not in p[2]][0]
                check(first[:2] == (line, column), f'the first error at {line}:{column}', result)
                check(first[2].startswith(path + ': '), f'in {path}', result)
                check(first[2][len(path) + 2:].startswith(MUST_BE), 'says what it must be', result)
            except AssertionError as error:
                failures.append(f'{path}: {error}')
    check(len(paths) > 120, f'every member: {len(paths)} paths')
    check(not failures, '\n'.join(failures))


@test
def wrong_type_for_every_member():
    check_wrong_types(base_dataset)


@test
def wrong_type_for_every_member_v2():
    check_wrong_types(base_dataset_v2)


# Broken rules: (name, path to change, new value, path of the problem
# (None: PATH), message, at the member name instead of the value).
RULES = [
    ('year-low', 'regions[0].revenue[2].year', 1989, None, 'must be a whole year from 1990 to 2100'),
    ('year-high', 'regions[0].revenue[2].year', 2101, None, 'must be a whole year from 1990 to 2100'),
    ('year-fraction', 'regions[0].revenue[2].year', Raw('2024.0'), None, 'must be a whole year from 1990 to 2100'),
    ('year-exponent', 'regions[0].revenue[2].year', Raw('2.024e3'), None, 'must be a whole year from 1990 to 2100'),
    ('year-wraps-32', 'global.revenue[0].year', Raw('4294969320'), None, 'must be a whole year from 1990 to 2100'),
    ('year-wraps-64', 'global.revenue[0].year', Raw('18446744073709553640'), None,
     'must be a whole year from 1990 to 2100'),
    ('launched-high', 'platforms[0].launched', 2101, None, 'must be a whole year from 1990 to 2100'),
    ('value-negative', 'regions[0].revenue[2].value', -1, None, 'must be 0 or more'),
    ('value-wraps', 'regions[0].revenue[2].value', Raw('-18446744073709551615'), None, 'must be 0 or more'),
    ('value-huge', 'regions[0].revenue[2].value', Raw('1e400'), None, 'the number 1e400 is too large'),
    ('value-minus-huge', 'regions[0].revenue[2].value', Raw('-1e400'), None, 'the number -1e400 is too large'),
    ('percent-nan', 'global.growth[0].percent', Raw('NaN'), None, 'NaN and Infinity are not JSON numbers'),
    ('share-high', 'regions[0].audience.traits[0].share', 1.0000001, None, 'must be a share from 0 to 1'),
    ('share-negative', 'regions[0].audience.traits[0].share', -0.1, None, 'must be a share from 0 to 1'),
    ('share-huge', 'regions[0].audience.traits[0].share', Raw('4294967296.5'), None, 'must be a share from 0 to 1'),
    ('id-space', 'regions[1].id', 'North America', None,
     '“North America” is not an id: use lowercase letters, digits and hyphens, not starting with a hyphen'),
    ('id-hyphen', 'regions[1].id', '-eu', None,
     '“-eu” is not an id: use lowercase letters, digits and hyphens, not starting with a hyphen'),
    ('id-uppercase', 'platforms[0].id', 'RS', None,
     '“RS” is not an id: use lowercase letters, digits and hyphens, not starting with a hyphen'),
    ('id-empty', 'sources[1].id', '', None, 'the id is empty'),
    ('id-long', 'experts[0].id', 'e' * 65, None, 'the id is longer than 64 characters'),
    ('id-control', 'regions[1].id', 'e\u001bu', None,
     '“e\ufffdu” is not an id: use lowercase letters, digits and hyphens, not starting with a hyphen'),
    ('id-duplicate', 'regions[1].id', 'na', None, 'another entry of “regions” has the id “na”'),
    ('source-reserved', 'sources[1].id', 'records', None, '“records” is reserved for the figures summed from records'),
    ('two-primaries', 'regions[0].revenue[1].primary', True, 'regions[0].revenue[1]',
     'another figure for 2023 is already primary'),
    ('same-point-twice', 'regions[0].revenue[1]', {'year': 2023, 'value': 2, 'source': 's', 'basis': 'b'},
     None, 'another figure for 2023 has the same source and basis'),
    ('same-growth-twice', 'global.growth[0]', {'metric': 'revenue', 'year': 2024, 'percent': 5, 'source': 's'},
     None, None),
    ('dangling-source', 'regions[0].revenue[2].source', 'nope', None, '“nope” is not the id of a source'),
    ('dangling-trait-source', 'regions[0].audience.traits[0].source', 'nope', None, '“nope” is not the id of a source'),
    ('dangling-quote-region', 'experts[0].quotes[0].regions[1]', 'mars', None, '“mars” is not the id of a region'),
    ('dangling-record-region', 'records[1].region', 'mars', None, '“mars” is not the id of a region'),
    ('dangling-record-platform', 'records[0].platform', 'nope', None, '“nope” is not the id of a platform'),
    ('record-period', 'records[0].period', '2024-13', None, '“2024-13” is not a period: the month must be 01 to 12'),
    ('record-period-year', 'records[0].period', '1989-12', None, '“1989-12”: the year must be 1990 to 2100'),
    ('record-revenue', 'records[0].revenue', -1, None, '-1 is negative: revenue is 0 or more'),
    # Version 1 records are revenue months only.
    ('record-period-v1', 'records[1].period', '2023', None, '“2023” is not a period: use YYYY-MM'),
    ('record-country', 'records[0].country', 'usa', None,
     '“usa” is not a country code: use two capital letters (ISO 3166, e.g. US)'),
    ('country', 'regions[0].countries[1]', 'Canada', None,
     '“Canada” is not a country code: use two capital letters (ISO 3166, e.g. US)'),
    ('currency', 'currency', 'usd', None, '“usd” is not a currency code: use ISO 4217, such as USD'),
    ('date', 'updated', '2025-02-30', None, '“2025-02-30” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD'),
    ('qualifier', 'regions[0].revenue[0].qualifier', 'about', None, 'must be “approx”, “at-least” or “at-most”'),
    ('language-tag', 'title', {'English': 'x'}, 'title.English', '“English” is not a language tag such as en, zh-CN or pt-BR'),
    ('text-empty-object', 'description', {}, None,
     'must be text: a string, or an object of languages such as {"en": "…", "es": "…"}'),
    ('version', 'version', 3, None, 'this is a version this build cannot read; it reads versions 1 to 2'),
    ('format', 'format', 'reelscope', None, 'must be “reelscope-dataset”: this is not a Reelscope dataset'),
    ('regions-empty', 'regions', [], None, 'a dataset needs at least one region'),
]


# Broken rules of format version 2, on base_dataset_v2().
RULES_V2 = [
    ('period-quarter', 'regions[0].figures[1].period', '2025-Q5', None,
     '“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM'),
    ('period-month', 'platforms[0].figures[1].period', '2025-13', None,
     '“2025-13” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM'),
    ('period-year', 'global.figures[0].period', '2101', None, '“2101”: the year must be 1990 to 2100'),
    ('period-control', 'global.figures[0].period', '2025\u001b[2J', None,
     '“2025\ufffd[2J” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM'),
    ('span-backwards', 'regions[0].figures[0].period', '2024-09/2024-01', None,
     '“2024-09/2024-01”: a span runs from its first month to a later one, 120 months at most'),
    ('span-oversized', 'regions[0].figures[0].period', '1990-01/2100-12', None,
     '“1990-01/2100-12”: a span runs from its first month to a later one, 120 months at most'),
    ('input-period', 'regions[0].figures[2].derived.inputs[1].period', '2024-H3', None,
     '“2024-H3” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM'),
    ('versus-later', 'regions[0].growth[1].versus', '2025-H2', None, 'a growth compares with an earlier period'),
    ('metric-unknown', 'regions[0].figures[1].metric', 'views', None,
     '“views” is not a metric: use revenue, downloads, monthly-active-users, revenue-share, download-share '
     'or revenue-per-download'),
    ('input-metric-unknown', 'regions[0].figures[2].derived.inputs[0].metric', 'revenue-shares', None,
     '“revenue-shares” is not a metric: use revenue, downloads, monthly-active-users, revenue-share, '
     'download-share or revenue-per-download'),
    ('share-over-one', 'platforms[0].figures[0].value', 1.5, None, 'must be a share from 0 to 1'),
    ('input-share-over-one', 'regions[0].figures[2].derived.inputs[0].value', 2, None,
     'must be a share from 0 to 1'),
    ('downloads-negative', 'regions[0].figures[1].value', -1, None, 'must be 0 or more'),
    ('record-metric', 'records[1].metric', 'views', None,
     '“views” is not a metric: use revenue, downloads, monthly-active-users, revenue-share, download-share '
     'or revenue-per-download'),
    ('record-period-quarter', 'records[1].period', '2025-Q5', None,
     '“2025-Q5” is not a period: use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM/YYYY-MM'),
    ('record-revenue-and-value', 'records[1].value', 2, None, 'a record has “revenue” or “value”, not both'),
    ('inputs-empty', 'regions[0].figures[2].derived.inputs', [], None, 'a derived figure has 1 to 16 inputs'),
    ('inputs-17', 'regions[0].figures[2].derived.inputs',
     [{'source': 's', 'metric': 'revenue', 'period': '2024', 'value': 1}] * 17, None,
     'a derived figure has 1 to 16 inputs'),
    ('input-source', 'regions[0].figures[2].derived.inputs[1].source', 'nope', None,
     '“nope” is not the id of a source'),
    ('country-unlisted', 'regions[0].figures[1].country', 'JP', None, '“JP” is not one of the region\'s countries'),
    ('country-syntax', 'platforms[0].figures[1].country', 'usa', None,
     '“usa” is not a country code: use two capital letters (ISO 3166, e.g. US)'),
    ('platform-region', 'platforms[0].figures[0].region', 'mars', None, '“mars” is not the id of a region'),
    ('same-figure-twice', 'regions[0].country-figures.US[0].period', '2025-05', None, None),
    ('version-float', 'version', 2.0, None, 'this is a version this build cannot read; it reads versions 1 to 2'),
]


def check_broken_rules(rules, base):
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, value, where, message in rules:
            document = base()
            parent, key = get_parent(document, path)
            if name == 'same-figure-twice':
                figures = document['regions'][0]['country-figures']['US']
                figures.append(dict(figures[0]))
                where, message = ('regions[0].country-figures.US[1]',
                                  'another monthly-active-users figure for 2025-05 has the same source, '
                                  'basis and scope')
            elif name == 'same-growth-twice':
                parent, key = get_parent(document, 'global.growth')
                document['global']['growth'].append(dict(value))
                where, message = 'global.growth[1]', 'another revenue figure for 2024 has the same source and basis'
            elif name == 'language-tag':
                document['title'] = value
            else:
                parent[key] = value
            file, writer = write_dataset(tmp, f'{name}.json', document)
            where = where or path
            line, column = writer.keys[where] if name == 'language-tag' else writer.values[where]
            try:
                expect_refused(file, line, column, where, message)
            except AssertionError as error:
                failures.append(f'{name}: {error}')
    check(not failures, '\n'.join(failures))


@test
def broken_rules():
    check_broken_rules(RULES, base_dataset)


@test
def broken_rules_v2():
    check_broken_rules(RULES_V2, base_dataset_v2)


@test
def unused_source_v2():
    """A source nothing uses is a warning in version 2; version 1 says nothing."""
    document = base_dataset_v2()
    document['sources'].append({'id': 'u', 'title': 'Unused'})
    with tempfile.TemporaryDirectory() as tmp:
        file, writer = write_dataset(tmp, 'unused.json', document)
        expect_accepted(file, [writer.values['sources[2]'] + ('sources[2]',
                                                              'nothing in the dataset uses this source')])
        document = base_dataset()
        document['sources'].append({'id': 'u', 'title': 'Unused'})
        file, _ = write_dataset(tmp, 'unused-v1.json', document)
        expect_accepted(file)


@test
def warnings_only():
    """An estimate without a note and an unknown member are warnings: exit 0."""
    document = base_dataset()
    del document['regions'][0]['revenue'][0]['note']
    document['regions'][0]['revnue'] = []
    with tempfile.TemporaryDirectory() as tmp:
        file, writer = write_dataset(tmp, 'warnings.json', document)
        expect_accepted(file, [
            writer.values['regions[0].revenue[0]'] + ('regions[0].revenue[0]',
                                                     'an estimate should have a “note” saying how it was derived'),
            writer.keys['regions[0].revnue'] + ('regions[0].revnue', 'unknown member, did you mean “revenue”?'),
        ])


@test
def limits_exceeded_by_one():
    """Each limit of DESIGN §3 that a file can reach: at the limit accepted,
    one over refused where it is. (Records: test-limits.c; 50,000,001 do not
    fit in 1 GiB of JSON.)"""
    head = '{"format": "reelscope-dataset", "version": 1, '
    region = '"regions": [{"id": "na", "name": "NA"}]'
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, text):
            path = os.path.join(tmp, name)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            return path

        def column(text, needle):
            return text.index(needle) + 1

        # A string of 1 MiB, then 1 MiB + 1 byte.
        expect_accepted(write('string.json', head + '"description": "' + 'x' * (1 << 20) + '", ' + region + '}'))
        text = head + '"description": "' + 'x' * ((1 << 20) + 1) + '", ' + region + '}'
        expect_refused(write('string-over.json', text), 1, column(text, '"xxx'), 'description',
                       'the string is longer than the limit of 1048576 bytes')
        # A name of 1,024 characters, then 1,025 (characters, not bytes).
        expect_accepted(write('name.json', head + '"regions": [{"id": "na", "name": "' + 'é' * 1024 + '"}]}'))
        text = head + '"regions": [{"id": "na", "name": "' + 'é' * 1025 + '"}]}'
        expect_refused(write('name-over.json', text), 1, column(text, '"é'), 'regions[0].name',
                       'is longer than 1024 characters')
        # A list of 100,000 entries, then 100,001.
        countries = ', '.join(['"US"'] * 100000)
        expect_accepted(write('list.json', head + '"regions": [{"id": "na", "name": "NA", "countries": [' + countries + ']}]}'))
        text = head + '"regions": [{"id": "na", "name": "NA", "countries": [' + countries + ', "US"]}]}'
        expect_refused(write('list-over.json', text), 1, column(text, '["US'), 'regions[0].countries',
                       'has more than 100000 entries')
        # Any list, also one the format does not read (it took 3.4 GB to warn
        # about an unknown member of 25 million zeros).
        text = head + region + ', "x": [' + ','.join(['0'] * 100001) + ']}'
        expect_refused(write('unknown-list-over.json', text), 1, column(text, '[0,'), 'x',
                       'has more than 100000 entries')
        # A million values besides the records (held as a tree), then one
        # more: the dataset's 7, "x", its 10 lists and 999,982 zeros.
        lists = ['[' + ','.join(['0'] * 99999) + ']'] * 9 + ['[' + ','.join(['0'] * 99991)]
        text = head + region + ', "x": [' + ','.join(lists) + ']]}'
        expect_accepted(write('values.json', text), [(1, column(text, '"x"'), 'x', 'unknown member, ignored')])
        text = text[:-3] + ',0]]}'
        expect_refused(write('values-over.json', text), 1, len(text) - 3, 'x[9][99991]',
                       'more than 1000000 values besides the records: put bulk data in “records”')
        # A dataset lists at most 100,000 regions: a CSV file that names one
        # more is refused where it does (it took hours: each id was looked up
        # in a list).
        rows = ''.join(f'r{i},2024-01,1\n' for i in range(100000))
        expect_accepted(write('regions.csv', 'region,period,revenue\n' + rows))
        expect_refused(write('regions-over.csv', 'region,period,revenue\n' + rows + 'one-more,2024-01,1\n'),
                       100002, 1, 'region', 'more than 100000 different regions: split the file (record 100001)')
        # One line of 1 MB and 150,000 fields, the last broken: placed at its
        # column in characters, and in time (columns are never recounted).
        line = 'europe,2024-01,1' + ',短剧' * 150000 + ',"x"y\n'
        expect_refused(write('long-line.csv', 'region,period,revenue\n' + line), 2, 16 + 150000 * 3 + 5, '',
                       'text after the closing quote: put the whole field in quotes and double any quote '
                       'inside ("") (record 1)')
        # 64 levels of nesting (the dataset object is the first), then 65.
        deep = head + region + ', "deep": '
        text = deep + '[' * 63 + ']' * 63 + '}'
        expect_accepted(write('depth.json', text), [(1, column(text, '"deep"'), 'deep', 'unknown member, ignored')])
        text = deep + '[' * 64 + ']' * 64 + '}'
        expect_refused(write('depth-over.json', text), 1, column(text, '[]'), 'deep' + '[0]' * 63,
                       'nesting is deeper than the limit of 64 levels')
        # 100,000 levels: json-glib would overflow its stack; refused at 65.
        expect_refused(write('depth-100000.json', '[' * 100000),
                       1, 65, '[0]' * 64, 'nesting is deeper than the limit of 64 levels')
        # 1 GiB is read (and refused at once for what it holds); 1 GiB + 1
        # byte is refused for its size. Sparse: no disk is used.
        huge = write('huge.json', '')
        os.truncate(huge, 1 << 30)
        expect_refused(huge, 1, 1, '', 'expected a value, found U+0000')
        os.truncate(huge, (1 << 30) + 1)
        result = validate(huge)
        check(result.status == 1 and result.stderr == f'reelscope: {huge}: The file is 1.1\u00a0GB, more than the limit '
                                                      'of 1.0\u00a0GiB\n', 'refused for its size', result)


@test
def not_regular_files():
    """A folder, a FIFO (which would block a reader for ever) and a device
    (which never ends) are refused before a byte is read."""
    with tempfile.TemporaryDirectory() as tmp:
        result = validate(tmp)
        check(result.status == 1 and result.stderr == f'reelscope: {tmp}: Is a directory\n',
              'a folder', result)
        fifo = os.path.join(tmp, 'fifo.reelscope.json')
        os.mkfifo(fifo)
        result = validate(fifo)
        check(result.status == 1 and result.stderr == f'reelscope: {fifo}: This is not a regular file\n', 'a FIFO', result)
    for device in ('/dev/zero', '/dev/urandom', '/dev/null'):
        result = validate(device)
        check(result.status == 1 and result.stderr == f'reelscope: {device}: This is not a regular file\n', device, result)


@test
def malformed_at_many_positions():
    """The sample dataset cut short or with a stray byte: refused, at or
    before the damage. (test-hostile.c tries every position.)"""
    with open(SAMPLE, encoding='utf-8') as f:
        sample = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        for cut in range(1, len(sample) - 2, len(sample) // 12):
            path = os.path.join(tmp, f'cut-{cut}.json')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(sample[:cut])
            line = sample[:cut].count('\n') + 1
            column = cut - (sample[:cut].rfind('\n') + 1) + 1
            result = validate(path)
            check(result.status == 1, 'refused', result)
            first = result.problems()[0]
            check(first[:2] <= (line, column), f'at or before {line}:{column}', result)
        for at in range(sample.index('"regions"'), len(sample), len(sample) // 10):
            # The first structural character at or after AT, outside strings.
            quote = False
            for i, c in enumerate(sample):
                if c == '"' and sample[i - 1] != '\\':
                    quote = not quote
                if i >= at and not quote and c in '{}[],:':
                    break
            path = os.path.join(tmp, f'stray-{i}.json')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(sample[:i] + '#' + sample[i:])
            line = sample[:i].count('\n') + 1
            column = i - (sample[:i].rfind('\n') + 1) + 1
            result = validate(path)
            check(result.status == 1, 'refused', result)
            first = result.problems()[0]
            check(first[:2] == (line, column) and first[2].endswith('found “#”'), f'at {line}:{column}', result)


if __name__ == '__main__':
    sys.exit(taptest.main())
