# SPDX-License-Identifier: GPL-3.0-or-later
"""The rules the bundled dataset (tests/test-bundled-dataset.py, format
version 2) and any dataset of version 2 (tests/test-dataset-v2-rules.py)
both keep: read strictly, `--validate` finds no problem, every source cited
and described, every number sourced, the founding article's experts and
facts quoted verbatim and attributed, the eight regions in four languages,
and plain text. What differs between the versions (which lists hold
figures, what counts as sourced) is given by each script.
"""

import json
import os
import re
import subprocess

from taptest import check, test

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


def text_of(text, language='en'):
    """A text member: a string, or an object of language tags."""
    if isinstance(text, dict):
        return text.get(language)
    return text


def strings(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def unsourced_numbers(node, sourced, path=()):
    """The paths of numbers that sit in no object @sourced says has its
    source. The exceptions, each explicit: the format `version`, and a
    platform's `launched` year. (Years, values, percents and trait shares
    all sit in the figure, growth figure or trait that names their source.)"""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            child = path + (key,)
            if isinstance(value, (dict, list)):
                found += unsourced_numbers(value, sourced, child)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if child == ('version',):
                    continue
                if len(child) == 3 and child[0] == 'platforms' and child[2] == 'launched':
                    continue
                if not sourced(node):
                    found.append(child)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            child = path + (i,)
            if isinstance(value, (dict, list)):
                found += unsourced_numbers(value, sourced, child)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                found.append(child)
    return found


class Dataset:
    """A dataset read strictly (no duplicate key, no NaN), the founding
    article, and what differs between the versions: figures() yields
    (kind, path, object) of the figures (or their inputs) that must cite a
    source, sourced(object) whether an object holding numbers names their
    source."""

    def __init__(self, reelscope, path, article, figures, sourced=lambda node: 'source' in node):
        self.reelscope = reelscope
        self.path = path
        self.figures = figures
        self.sourced = sourced
        with open(path, encoding='utf-8') as f:
            self.doc = json.load(f, object_pairs_hook=reject_duplicates, parse_constant=reject_constant)
        with open(article, encoding='utf-8') as f:
            self.article_text = f.read()
        self.sources = {source['id']: source for source in self.doc.get('sources', [])}
        self.regions = {region['id']: region for region in self.doc['regions']}

    def owners(self):
        """(path, region-like) of the world and each region."""
        yield 'global', self.doc.get('global', {})
        for region in self.doc['regions']:
            yield f'regions[{region["id"]}]', region

    def cited(self):
        """(kind, path, object) of everything that must cite a source:
        figures, growth figures, traits, notes and quotes."""
        yield from self.figures()
        for path, owner in self.owners():
            for i, growth in enumerate(owner.get('growth', [])):
                yield 'growth', f'{path}.growth[{i}]', growth
            audience = owner.get('audience', {})
            for i, trait in enumerate(audience.get('traits', [])):
                yield 'trait', f'{path}.audience.traits[{i}]', trait
            for i, note in enumerate(audience.get('notes', [])):
                yield 'note', f'{path}.audience.notes[{i}]', note
        for expert in self.doc.get('experts', []):
            for i, quote in enumerate(expert.get('quotes', [])):
                yield 'quote', f'experts[{expert["id"]}].quotes[{i}]', quote

    def unsourced_numbers(self, node):
        return unsourced_numbers(node, self.sourced)

    def run_reelscope(self, *args):
        env = dict(os.environ)
        for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
        env['LC_ALL'] = 'C.UTF-8'
        env['LANGUAGE'] = ''
        return subprocess.run([self.reelscope, *args], env=env, capture_output=True, text=True,
                              timeout=60)

    def founding_source(self, source_id):
        source = self.sources.get(source_id, {})
        return source.get('url') == FOUNDING_URL and 'iChongqing' in text_of(source.get('publisher', ''))


def figure_lists(doc):
    """(path, place, figures) of every list of figures: version 1's `revenue`
    lists (their figures are revenue) and version 2's `figures` lists, on the
    world, each region, each country of a region (`country-figures`) and each
    platform. The place names what a figure covers: "global", a region id,
    "region-id/CC" for a country, or "platform:id"."""
    places = [('global', 'global', doc.get('global', {}))]
    for region in doc['regions']:
        places.append((f'regions[{region["id"]}]', region['id'], region))
        for code, figures in region.get('country-figures', {}).items():
            places.append((f'regions[{region["id"]}].country-figures[{code}]', f'{region["id"]}/{code}',
                           {'figures': figures}))
    for platform in doc.get('platforms', []):
        places.append((f'platforms[{platform["id"]}]', f'platform:{platform["id"]}', platform))
    for path, place, owner in places:
        for member in ('revenue', 'figures'):
            if member in owner:
                yield f'{path}.{member}', place, owner[member]


def series(doc):
    """(path, figures) of every list of figures."""
    for path, _, figures in figure_lists(doc):
        yield path, figures


def metric_of(figure):
    return figure.get('metric', 'revenue')


def period_of(figure):
    """A figure's period as text: version 1's `year` is the whole year."""
    return str(figure['year']) if 'year' in figure else figure.get('period')


def place_figures(doc, region_id, countries=False):
    """A region's figures (both lists), and with `countries` its countries'."""
    found = []
    for _, place, figures in figure_lists(doc):
        if place == region_id or (countries and place.startswith(region_id + '/')):
            found += figures
    return found


def version_2_figures(doc):
    """(kind, path, object) of every figure, or for a derived figure each of its
    inputs: what must cite a source in the lists of figures."""
    for path, figures in series(doc):
        for i, figure in enumerate(figures):
            if 'derived' in figure:
                for j, item in enumerate(figure['derived'].get('inputs', [])):
                    yield 'input', f'{path}[{i}].derived.inputs[{j}]', item
            else:
                yield 'figure', f'{path}[{i}]', figure


def derived_with_inputs(node):
    derived = node.get('derived')
    return (isinstance(derived, dict) and isinstance(derived.get('inputs'), list) and derived['inputs']
            and all(isinstance(item, dict) and 'source' in item for item in derived['inputs']))


def add_shared_tests(dataset):
    """Registers the tests both versions pass, on @dataset."""

    @test
    def validates_without_any_problem():
        result = dataset.run_reelscope('--validate', dataset.path)
        check(result.returncode == 0, f'exit status {result.returncode}; stderr: {result.stderr!r}')
        check(result.stderr == '', f'problems or warnings on stderr:\n{result.stderr}')
        check(': valid: 8 regions,' in result.stdout, f'summary line: {result.stdout!r}')

    @test
    def every_source_is_cited_and_described():
        used = {obj['source'] for _, _, obj in dataset.cited()}
        unused = sorted(set(dataset.sources) - used)
        check(not unused, f'declared but never cited: {unused}')
        for source_id, source in dataset.sources.items():
            check(text_of(source.get('title')), f'{source_id}: no title')
            check(text_of(source.get('publisher')), f'{source_id}: no publisher')
            check(re.match(r'^https?://', source.get('url', '')), f'{source_id}: no http(s) url')
            if 'published' in source:
                check(DATE.match(source['published']), f'{source_id}: published {source["published"]!r}')

    @test
    def every_number_sits_in_a_sourced_object():
        found = dataset.unsourced_numbers(dataset.doc)
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
            found = dataset.unsourced_numbers(doc)
            check(expected in found, f'not caught: {expected} in {doc} (found {found})')
        check(dataset.unsourced_numbers({'version': 1, 'platforms': [{'launched': 2022}]}) == [],
              'version and launched are the only exceptions')

    @test
    def the_three_experts_are_quoted_verbatim():
        experts = {text_of(expert['name']): expert for expert in dataset.doc.get('experts', [])}
        for name in EXPERTS:
            check(name in experts, f'{name} missing')
            check(name in dataset.article_text, f'{name} is not in the article copy')
            quotes = experts[name].get('quotes', [])
            check(quotes, f'{name} has no quote')
            for quote in quotes:
                text = text_of(quote['text'])
                check(dataset.founding_source(quote['source']), f'{name}: {text!r} not cited to the iChongqing article')
                check(text in dataset.article_text, f'{name}: not verbatim in the article: {text!r}')
                for region_id in quote.get('regions', []):
                    check(region_id in dataset.regions, f'{name}: unknown region {region_id}')

    @test
    def founding_article_text_is_verbatim_wherever_quoted():
        # Quotes from the founding article are verbatim, whoever says them.
        for kind, path, obj in dataset.cited():
            if kind == 'quote' and dataset.founding_source(obj['source']):
                check(text_of(obj['text']) in dataset.article_text, f'{path}: not verbatim')

    @test
    def middle_east_contradiction_keeps_both_sides():
        audience = dataset.regions['middle-east-north-africa'].get('audience', {})
        notes = audience.get('notes', [])
        women = [note for note in notes if 'affluent women' in text_of(note['text'])]
        check(women and all(dataset.founding_source(note['source']) for note in women),
              'the founding article\'s "affluent women" note is missing or not attributed to it')
        men = [trait for trait in audience.get('traits', []) if text_of(trait['label']) == 'Men']
        check(len(men) == 1 and men[0]['share'] >= 0.6 and men[0].get('qualifier') == 'at-least',
              f'Antom\'s "more than 60% men" trait: {men}')
        publisher = text_of(dataset.sources[men[0]['source']]['publisher'])
        check(not dataset.founding_source(men[0]['source']) and 'Antom' in publisher,
              'the "men" trait is not attributed to Antom')

    @test
    def eight_regions_with_four_languages():
        check([region['id'] for region in dataset.doc['regions']] == REGION_IDS,
              f'region ids: {[region["id"] for region in dataset.doc["regions"]]}')
        for region in dataset.doc['regions']:
            for member in ('name', 'summary'):
                text = region['name'] if member == 'name' else region.get('audience', {}).get('summary')
                check(isinstance(text, dict), f'{region["id"]}: {member} is not translated')
                for language in LANGUAGES:
                    check((text.get(language) or '').strip(), f'{region["id"]}: no {member} in {language}')
        check(text_of(dataset.regions['east-asia']['name']) == 'East Asia outside mainland China', 'east-asia name')

    @test
    def regions_do_not_share_countries():
        seen = {}
        for region in dataset.doc['regions']:
            countries = region.get('countries', [])
            check(countries, f'{region["id"]}: no countries')
            for code in countries:
                check(re.match(r'^[A-Z]{2}$', code), f'{region["id"]}: bad code {code!r}')
                check(code not in seen, f'{code} is in both {seen.get(code)} and {region["id"]}')
                seen[code] = region['id']
        check(set(dataset.regions['north-america']['countries']) == {'US', 'CA'}, 'North America is US and CA')
        check(set(dataset.regions['east-asia']['countries']) == {'JP', 'KR', 'TW', 'HK', 'MO'},
              'East Asia outside mainland China is JP, KR, TW, HK and MO')
        check('CN' not in seen, 'mainland China is in a region')

    @test
    def text_is_plain():
        for path, value in strings(dataset.doc):
            if path[-1] == 'url':
                continue
            check('<' not in value and '>' not in value, f'{path}: markup? {value!r}')
            check(not re.search(r'&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);', value), f'{path}: entity? {value!r}')
