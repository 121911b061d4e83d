#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled dataset (data/microdrama-exports.reelscope.json): it loads
without a single problem, every number carries its source, the founding
article's facts are there, attributed, and its quotes are verbatim.

Usage: test-bundled-dataset.py REELSCOPE DATASET ARTICLE
  REELSCOPE  the built binary (for `--validate`)
  DATASET    the bundled dataset
  ARTICLE    the founding article as the project received it
             (tests/data/founding-article.txt)
Prints TAP.
"""

import json
import math
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import check, test  # noqa: E402
import taptest  # noqa: E402

REELSCOPE, DATASET, ARTICLE = sys.argv[1:4]

REGION_IDS = [
    'north-america', 'latin-america', 'europe', 'middle-east-north-africa',
    'sub-saharan-africa', 'south-asia', 'southeast-asia', 'east-asia',
]
LANGUAGES = ['en', 'zh-CN', 'es', 'pt-BR']
FOUNDING_URL = 'https://www.ichongqing.info/?p=156513'
EXPERTS = ['Mu Ling', 'Andrew Moses Miti', 'Rida Saifee']
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')

def reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f'duplicate keys: {duplicates}')
    return dict(pairs)


def reject_constant(name):
    raise ValueError(f'{name} is not JSON')


with open(DATASET, encoding='utf-8') as f:
    DOC = json.load(f, object_pairs_hook=reject_duplicates, parse_constant=reject_constant)
with open(ARTICLE, encoding='utf-8') as f:
    ARTICLE_TEXT = f.read()

SOURCES = {source['id']: source for source in DOC.get('sources', [])}
REGIONS = {region['id']: region for region in DOC['regions']}


def text_of(text, language='en'):
    """A text member: a string, or an object of language tags."""
    if isinstance(text, dict):
        return text.get(language)
    return text


def series():
    """(path, figures) of every list of revenue figures."""
    yield 'global.revenue', DOC.get('global', {}).get('revenue', [])
    for region in DOC['regions']:
        yield f'regions[{region["id"]}].revenue', region.get('revenue', [])
    for platform in DOC.get('platforms', []):
        yield f'platforms[{platform["id"]}].revenue', platform.get('revenue', [])


def owners():
    """(path, region-like) of the world and each region."""
    yield 'global', DOC.get('global', {})
    for region in DOC['regions']:
        yield f'regions[{region["id"]}]', region


def cited():
    """(kind, path, object) of everything that must cite a source: revenue
    figures, growth figures, traits, notes and quotes."""
    for path, figures in series():
        for i, figure in enumerate(figures):
            yield 'figure', f'{path}[{i}]', figure
    for path, owner in owners():
        for i, growth in enumerate(owner.get('growth', [])):
            yield 'growth', f'{path}.growth[{i}]', growth
        audience = owner.get('audience', {})
        for i, trait in enumerate(audience.get('traits', [])):
            yield 'trait', f'{path}.audience.traits[{i}]', trait
        for i, note in enumerate(audience.get('notes', [])):
            yield 'note', f'{path}.audience.notes[{i}]', note
    for expert in DOC.get('experts', []):
        for i, quote in enumerate(expert.get('quotes', [])):
            yield 'quote', f'experts[{expert["id"]}].quotes[{i}]', quote


def run_reelscope(*args):
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    return subprocess.run([REELSCOPE, *args], env=env, capture_output=True, text=True, timeout=60)


def unsourced_numbers(node, path=()):
    """The paths of numbers that sit in no object with a `source`. The
    exceptions, each explicit: the format `version`, and a platform's
    `launched` year. (Years, values, percents and trait shares all sit in
    the figure, growth figure or trait that names their source.)"""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            child = path + (key,)
            if isinstance(value, (dict, list)):
                found += unsourced_numbers(value, child)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if child == ('version',):
                    continue
                if len(child) == 3 and child[0] == 'platforms' and child[2] == 'launched':
                    continue
                if 'source' not in node:
                    found.append(child)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            child = path + (i,)
            if isinstance(value, (dict, list)):
                found += unsourced_numbers(value, child)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                found.append(child)
    return found


def strings(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def founding_source(source_id):
    source = SOURCES.get(source_id, {})
    return source.get('url') == FOUNDING_URL and 'iChongqing' in text_of(source.get('publisher', ''))


@test
def validates_without_any_problem():
    result = run_reelscope('--validate', DATASET)
    check(result.returncode == 0, f'exit status {result.returncode}; stderr: {result.stderr!r}')
    check(result.stderr == '', f'problems or warnings on stderr:\n{result.stderr}')
    check(': valid: 8 regions,' in result.stdout, f'summary line: {result.stdout!r}')


@test
def every_figure_cites_a_declared_source():
    check(len(SOURCES) == len(DOC['sources']), 'source ids are not unique')
    missing = [f'{kind} {path}: {obj.get("source")!r}' for kind, path, obj in cited()
               if obj.get('source') not in SOURCES]
    check(not missing, 'no declared source:\n' + '\n'.join(missing))
    counts = {}
    for kind, _, _ in cited():
        counts[kind] = counts.get(kind, 0) + 1
    for kind in ('figure', 'growth', 'trait', 'note', 'quote'):
        check(counts.get(kind, 0) > 0, f'no {kind} at all')


@test
def every_source_is_cited_and_described():
    used = {obj['source'] for _, _, obj in cited()}
    unused = sorted(set(SOURCES) - used)
    check(not unused, f'declared but never cited: {unused}')
    for source_id, source in SOURCES.items():
        check(text_of(source.get('title')), f'{source_id}: no title')
        check(text_of(source.get('publisher')), f'{source_id}: no publisher')
        check(re.match(r'^https?://', source.get('url', '')), f'{source_id}: no http(s) url')
        if 'published' in source:
            check(DATE.match(source['published']), f'{source_id}: published {source["published"]!r}')


@test
def every_number_sits_in_a_sourced_object():
    found = unsourced_numbers(DOC)
    check(not found, 'numbers without a source:\n' + '\n'.join(map(str, found)))


@test
def an_unsourced_number_would_be_caught():
    # The walk above must see what a careless edit would add.
    cases = [
        ({'regions': [{'id': 'x', 'population': 5}]}, ('regions', 0, 'population')),
        ({'global': {'revenue': [{'year': 2024, 'value': 1}]}}, ('global', 'revenue', 0, 'year')),
        ({'regions': [{'audience': {'traits': [{'label': 'Women', 'share': 0.5}]}}]},
         ('regions', 0, 'audience', 'traits', 0, 'share')),
        ({'platforms': [{'id': 'p', 'launched': 2022, 'users': [3]}]}, ('platforms', 0, 'users', 0)),
        ({'global': {'audience': {'summary': {'en': 'x'}, 'size': 2.5}}}, ('global', 'audience', 'size')),
    ]
    for doc, expected in cases:
        found = unsourced_numbers(doc)
        check(expected in found, f'not caught: {expected} in {doc} (found {found})')
    check(unsourced_numbers({'version': 1, 'platforms': [{'launched': 2022}]}) == [],
          'version and launched are the only exceptions')


@test
def estimates_say_how_they_were_derived():
    bad = [path for kind, path, obj in cited()
           if obj.get('estimate') and not (text_of(obj.get('note')) or '').strip()]
    check(not bad, 'estimates without a note:\n' + '\n'.join(bad))
    derived = [path for kind, path, obj in cited() if obj.get('estimate')]
    check(derived, 'no estimate at all (the derived bounds are gone)')


@test
def values_are_plausible():
    for kind, path, obj in cited():
        if kind == 'figure':
            check(obj['value'] >= 0 and math.isfinite(obj['value']), f'{path}: value {obj["value"]}')
            check(obj.get('qualifier') in (None, 'approx', 'at-least', 'at-most'), f'{path}: qualifier')
        elif kind == 'growth':
            check(math.isfinite(obj['percent']), f'{path}: percent')
        elif kind == 'trait':
            check(0 <= obj['share'] <= 1, f'{path}: share')


@test
def north_america_2024_from_the_founding_article():
    matches = [figure for figure in REGIONS['north-america'].get('revenue', [])
               if figure['year'] == 2024 and figure['value'] == 142_000_000]
    check(len(matches) == 1, f'North America 2024 $142M: {matches}')
    source = SOURCES[matches[0]['source']]
    check(founding_source(matches[0]['source']), f'not the iChongqing article: {source}')
    attribution = text_of(source['publisher']) + ' ' + text_of(source['title'])
    check('iChongqing' in attribution and 'Global Times' in attribution,
          f'not attributed as "iChongqing, citing Global Times": {attribution!r}')
    check('142 million U.S. dollars in 2024' in ARTICLE_TEXT and 'according to the Global Times' in ARTICLE_TEXT,
          'the article copy does not say so')


@test
def other_north_america_2024_figures_are_kept():
    values = {figure['value'] for figure in REGIONS['north-america']['revenue'] if figure['year'] == 2024}
    for value in (142_000_000, 300_000_000, 819_000_000):
        check(value in values, f'North America 2024 lacks {value}')


@test
def viewership_growth_from_the_founding_article():
    for region_id, percent, phrase in (('latin-america', 69, '69 percent in Latin America'),
                                       ('southeast-asia', 61, '61 percent in Southeast Asia')):
        matches = [growth for growth in REGIONS[region_id].get('growth', [])
                   if growth['metric'] == 'viewership' and growth['percent'] == percent]
        check(len(matches) == 1, f'{region_id}: viewership +{percent}%: {matches}')
        check(founding_source(matches[0]['source']), f'{region_id}: +{percent}% not from the iChongqing article')
        check(phrase in ARTICLE_TEXT, f'the article copy lacks {phrase!r}')


@test
def the_three_experts_are_quoted_verbatim():
    experts = {text_of(expert['name']): expert for expert in DOC.get('experts', [])}
    for name in EXPERTS:
        check(name in experts, f'{name} missing')
        check(name in ARTICLE_TEXT, f'{name} is not in the article copy')
        quotes = experts[name].get('quotes', [])
        check(quotes, f'{name} has no quote')
        for quote in quotes:
            text = text_of(quote['text'])
            check(founding_source(quote['source']), f'{name}: {text!r} not cited to the iChongqing article')
            check(text in ARTICLE_TEXT, f'{name}: not verbatim in the article: {text!r}')
            for region_id in quote.get('regions', []):
                check(region_id in REGIONS, f'{name}: unknown region {region_id}')


@test
def founding_article_text_is_verbatim_wherever_quoted():
    # Quotes from the founding article are verbatim, whoever says them.
    for kind, path, obj in cited():
        if kind == 'quote' and founding_source(obj['source']):
            check(text_of(obj['text']) in ARTICLE_TEXT, f'{path}: not verbatim')


@test
def middle_east_contradiction_keeps_both_sides():
    audience = REGIONS['middle-east-north-africa'].get('audience', {})
    notes = audience.get('notes', [])
    women = [note for note in notes if 'affluent women' in text_of(note['text'])]
    check(women and all(founding_source(note['source']) for note in women),
          'the founding article\'s "affluent women" note is missing or not attributed to it')
    men = [trait for trait in audience.get('traits', []) if text_of(trait['label']) == 'Men']
    check(len(men) == 1 and men[0]['share'] >= 0.6 and men[0].get('qualifier') == 'at-least',
          f'Antom\'s "more than 60% men" trait: {men}')
    check(not founding_source(men[0]['source']) and 'Antom' in text_of(SOURCES[men[0]['source']]['publisher']),
          'the "men" trait is not attributed to Antom')


@test
def eight_regions_with_four_languages():
    check([region['id'] for region in DOC['regions']] == REGION_IDS,
          f'region ids: {[region["id"] for region in DOC["regions"]]}')
    for region in DOC['regions']:
        for member in ('name', 'summary'):
            text = region['name'] if member == 'name' else region.get('audience', {}).get('summary')
            check(isinstance(text, dict), f'{region["id"]}: {member} is not translated')
            for language in LANGUAGES:
                check((text.get(language) or '').strip(), f'{region["id"]}: no {member} in {language}')
    check(text_of(REGIONS['east-asia']['name']) == 'East Asia outside mainland China', 'east-asia name')


@test
def regions_do_not_share_countries():
    seen = {}
    for region in DOC['regions']:
        countries = region.get('countries', [])
        check(countries, f'{region["id"]}: no countries')
        for code in countries:
            check(re.match(r'^[A-Z]{2}$', code), f'{region["id"]}: bad code {code!r}')
            check(code not in seen, f'{code} is in both {seen.get(code)} and {region["id"]}')
            seen[code] = region['id']
    check(set(REGIONS['north-america']['countries']) == {'US', 'CA'}, 'North America is US and CA')
    check(set(REGIONS['east-asia']['countries']) == {'JP', 'KR', 'TW', 'HK', 'MO'},
          'East Asia outside mainland China is JP, KR, TW, HK and MO')
    check('CN' not in seen, 'mainland China is in a region')


@test
def primaries_compare_like_with_like():
    for path, figures in series():
        years = sorted({figure['year'] for figure in figures})
        bases = set()
        for year in years:
            points = [figure for figure in figures if figure['year'] == year]
            explicit = [figure for figure in points if figure.get('primary')]
            check(len(explicit) <= 1, f'{path} {year}: {len(explicit)} primaries')
            if len(points) > 1:
                check(explicit, f'{path} {year}: several figures but none marked primary')
            primary = explicit[0] if explicit else points[0]
            bases.add(primary.get('basis'))
            keys = [(figure['source'], figure.get('basis')) for figure in points]
            check(len(keys) == len(set(keys)), f'{path} {year}: two figures with the same source and basis')
        check(len(bases) <= 1, f'{path}: primary figures on several bases: {sorted(map(str, bases))}')


@test
def text_is_plain():
    for path, value in strings(DOC):
        if path[-1] == 'url':
            continue
        check('<' not in value and '>' not in value, f'{path}: markup? {value!r}')
        check(not re.search(r'&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);', value), f'{path}: entity? {value!r}')


if __name__ == '__main__':
    sys.exit(taptest.main())
