#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks data/reelscope-dataset.schema.json: the schema itself is valid
# draft 2020-12, every dataset named on the command line validates (format
# versions 1 and 2), and a list of broken documents of each version is
# rejected (so a too lax schema fails).
#
# Usage: test-schema.py SCHEMA [VALID-DATASET...]
# Output: TAP. Needs python3-jsonschema 4.x (Debian), hence /usr/bin/python3.

import copy
import json
import os
import sys

from jsonschema import Draft202012Validator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

TAP = installtest.Tap()


def check(ok, name, diag=''):
    TAP.ok(bool(ok), f'- {name}', diag or '')


def load_json(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


# A small valid document; each invalid case below breaks it in one place.
BASE = {
    'format': 'reelscope-dataset',
    'version': 1,
    'title': {'en': 'Test', 'zh-CN': '测试'},
    'currency': 'USD',
    'updated': '2025-11',
    'sources': [{'id': 'src-1', 'title': 'A source', 'url': 'https://example.org/', 'published': '2025'}],
    'global': {'revenue': [{'year': 2024, 'value': 1000, 'source': 'src-1', 'primary': True}]},
    'regions': [{
        'id': 'north-america',
        'name': {'en': 'North America', 'pt-BR': 'América do Norte'},
        'countries': ['US', 'CA'],
        'revenue': [{'year': 2024, 'value': 500, 'source': 'src-1', 'qualifier': 'approx'}],
        'growth': [{'metric': 'viewership', 'year': 2025, 'percent': -3.5, 'source': 'src-1'}],
        'audience': {'summary': 'Mostly women',
                     'traits': [{'label': 'Women', 'share': 0.7, 'source': 'src-1'}],
                     'notes': [{'text': 'A note.', 'source': 'src-1'}]},
    }],
    'experts': [{'id': 'expert-1', 'name': 'An Expert',
                 'quotes': [{'text': 'A quote.', 'source': 'src-1', 'regions': ['north-america'], 'topics': ['x']}]}],
    'platforms': [{'id': 'app-1', 'name': 'App', 'launched': 2022,
                   'revenue': [{'year': 2023, 'value': 10, 'source': 'src-1'}]}],
    'records': [{'region': 'north-america', 'period': '2024-01', 'revenue': 12.5,
                 'country': 'US', 'platform': 'app-1'}],
}


def mutated(fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    return doc


def set_path(path, value):
    def fn(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return fn


def del_path(path):
    def fn(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return fn


INVALID = [
    ('missing format', del_path(['format'])),
    ('version 3', set_path(['version'], 3)),
    ('version 1 with a figures list', set_path(['regions', 0, 'figures'], [])),
    ('region id with uppercase', set_path(['regions', 0, 'id'], 'North-America')),
    ('trait share 1.5', set_path(['regions', 0, 'audience', 'traits', 0, 'share'], 1.5)),
    ('figure year 2024.5', set_path(['regions', 0, 'revenue', 0, 'year'], 2024.5)),
    ('figure year 1980', set_path(['global', 'revenue', 0, 'year'], 1980)),
    ('negative money', set_path(['regions', 0, 'revenue', 0, 'value'], -1)),
    ('record period 2024-13', set_path(['records', 0, 'period'], '2024-13')),
    ('bad qualifier', set_path(['regions', 0, 'revenue', 0, 'qualifier'], 'roughly')),
    ('region without name', del_path(['regions', 0, 'name'])),
    ('empty regions list', set_path(['regions'], [])),
]


# A small valid version 2 document (periods, metrics, figures lists, country
# figures, platform figures, derived figures, growth against a period); each
# invalid case below breaks it in one place.
BASE_V2 = copy.deepcopy(BASE)
BASE_V2['version'] = 2
BASE_V2['regions'][0]['figures'] = [
    {'metric': 'revenue-share', 'period': '2025-10', 'value': 0.41, 'source': 'src-1'},
    {'metric': 'revenue', 'period': '2025-10', 'value': 79e6, 'estimate': True, 'basis': 'in-app',
     'derived': {'method': 'share × total',
                 'inputs': [{'source': 'src-1', 'metric': 'revenue-share', 'period': '2025-10', 'value': 0.41},
                            {'source': 'src-1', 'metric': 'revenue', 'period': '2025-10', 'value': 193.6e6}]}},
]
BASE_V2['regions'][0]['country-figures'] = {
    'US': [{'metric': 'revenue', 'period': '2024-01/2024-09', 'value': 25.95e6, 'source': 'src-1'}]}
BASE_V2['regions'][0]['growth'].append(
    {'metric': 'downloads', 'period': '2025-Q1', 'versus': '2024-Q4', 'percent': 69, 'source': 'src-1'})
BASE_V2['global']['figures'] = [{'metric': 'downloads', 'period': '2025-H1', 'value': 665e6, 'source': 'src-1'}]
BASE_V2['platforms'][0]['figures'] = [
    {'metric': 'revenue', 'period': '2025-03', 'value': 120e6, 'source': 'src-1', 'basis': 'annualised run rate',
     'country': 'US'}]
BASE_V2['platforms'][0]['countries'] = ['US']
BASE_V2['records'][0]['period'] = '2025-Q1'
BASE_V2['records'][0]['metric'] = 'downloads'


def mutated_v2(fn):
    doc = copy.deepcopy(BASE_V2)
    fn(doc)
    return doc


INVALID_V2 = [
    ('figure without metric', del_path(['regions', 0, 'figures', 0, 'metric'])),
    ('unknown metric', set_path(['regions', 0, 'figures', 0, 'metric'], 'viewers')),
    ('share 1.5', set_path(['regions', 0, 'figures', 0, 'value'], 1.5)),
    ('period 2025-Q5', set_path(['global', 'figures', 0, 'period'], '2025-Q5')),
    ('period 2025-13', set_path(['global', 'figures', 0, 'period'], '2025-13')),
    ('period and year', set_path(['global', 'figures', 0, 'year'], 2025)),
    ('source and derived', set_path(['regions', 0, 'figures', 1, 'source'], 'src-1')),
    ('neither source nor derived', del_path(['regions', 0, 'figures', 1, 'derived'])),
    ('derived without inputs', set_path(['regions', 0, 'figures', 1, 'derived', 'inputs'], [])),
    ('derived input without source', del_path(['regions', 0, 'figures', 1, 'derived', 'inputs', 0, 'source'])),
    ('country-figures key us', set_path(['regions', 0, 'country-figures', 'us'], [])),
    ('growth versus 2024-Q0', set_path(['regions', 0, 'growth', 1, 'versus'], '2024-Q0')),
    ('downloads in a revenue list', set_path(['regions', 0, 'revenue', 0, 'metric'], 'downloads')),
]


def main(argv):
    if len(argv) < 2:
        print('usage: test-schema.py SCHEMA [VALID-DATASET...]', file=sys.stderr)
        return 2

    schema = None
    try:
        schema = load_json(argv[1])
        Draft202012Validator.check_schema(schema)
        check(True, 'schema is valid JSON Schema draft 2020-12')
    except Exception as e:  # noqa: BLE001 - any failure is a test failure
        check(False, 'schema is valid JSON Schema draft 2020-12', str(e))
        schema = None

    validator = Draft202012Validator(schema) if schema is not None else None

    def errors_of(doc):
        return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))

    if validator is None:
        check(False, 'built-in valid document validates', 'no usable schema')
    else:
        errs = errors_of(BASE)
        check(not errs, 'built-in valid document validates',
              '\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in errs))

        errs = errors_of(BASE_V2)
        check(not errs, 'built-in valid version 2 document validates',
              '\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in errs))

    for path in argv[2:]:
        name = f'valid fixture {os.path.basename(path)} validates'
        if validator is None:
            check(False, name, 'no usable schema')
            continue
        try:
            doc = load_json(path)
        except Exception as e:  # noqa: BLE001
            check(False, name, f'cannot read {path}: {e}')
            continue
        errs = errors_of(doc)
        check(not errs, name,
              '\n'.join(f'{list(e.absolute_path)}: {e.message}' for e in errs[:20]))

    for label, fn in INVALID:
        name = f'invalid document rejected: {label}'
        if validator is None:
            check(False, name, 'no usable schema')
            continue
        doc = mutated(fn)
        check(not validator.is_valid(doc), name, 'the schema accepted it')

    for label, fn in INVALID_V2:
        name = f'invalid version 2 document rejected: {label}'
        if validator is None:
            check(False, name, 'no usable schema')
            continue
        check(not validator.is_valid(mutated_v2(fn)), name, 'the schema accepted it')

    TAP.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
