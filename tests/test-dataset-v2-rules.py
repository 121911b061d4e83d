#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rules a dataset of format version 2 keeps beyond what `--validate`
checks, on the real version 2 dataset (data/microdrama-exports
.reelscope.json, the dataset the app bundles): it loads without a single problem, every number carries its
source or says how the dataset derived it, the founding article's facts are
there, attributed, and its quotes are verbatim; no computed growth joins two
sources, no part of a year passes for the year, no source goes unused, and
every region, platform and series the app charts has figures (or the
description says why not). The checks it shares with any dataset the app
bundles, the founding article's facts among them, are in
tests/test-bundled-dataset.py, which runs on the same file.

Usage: test-dataset-v2-rules.py REELSCOPE DATASET ARTICLE
  REELSCOPE  the built binary (for `--validate`)
  DATASET    the dataset of version 2
  ARTICLE    the founding article as the project received it
             (tests/data/founding-article.txt)
Prints TAP.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import check, test  # noqa: E402
import taptest  # noqa: E402
from datasetrules import (LANGUAGES, Dataset, add_shared_tests, derived_with_inputs,  # noqa: E402
                          figure_lists, metric_of, period_of, place_figures, series, text_of,
                          version_2_figures)

REELSCOPE, DATASET, ARTICLE = sys.argv[1:4]

ID = re.compile(r'^[a-z0-9][a-z0-9-]*$')
METRICS = ('revenue', 'downloads', 'monthly-active-users', 'revenue-share', 'download-share',
           'revenue-per-download')
SHARES = ('revenue-share', 'download-share')
# Period spellings of format version 2 (DESIGN §3, "Periods").
PERIOD = re.compile(r'^(?P<year>\d{4})(?:-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<month>\d{2})'
                    r'(?:/(?P<last_year>\d{4})-(?P<last_month>\d{2}))?))?$')

DATA = Dataset(REELSCOPE, DATASET, ARTICLE, figures=lambda: version_2_figures(DATA.doc),
               sourced=lambda node: 'source' in node or derived_with_inputs(node))
DOC, SOURCES, REGIONS, ARTICLE_TEXT = DATA.doc, DATA.sources, DATA.regions, DATA.article_text
founding_source = DATA.founding_source
owners = DATA.owners
add_shared_tests(DATA)


def period_kind(period):
    """('year' | 'half' | 'quarter' | 'month' | 'span', first year, index) of a
    period; the index orders periods of one kind (e.g. 2025-Q1 -> 2025*4+0)."""
    match = PERIOD.match(period or '')
    if not match:
        return None
    year = int(match['year'])
    if match['last_year']:
        return 'span', year, None
    if match['month']:
        return 'month', year, year * 12 + int(match['month']) - 1
    if match['quarter']:
        return 'quarter', year, year * 4 + int(match['quarter'][1]) - 1
    if match['half']:
        return 'half', year, year * 2 + int(match['half'][1]) - 1
    return 'year', year, year


def scope_of(figure):
    return figure.get('country') or figure.get('region') or ''


def issuer(figure):
    """Who stands behind a figure: its source, or the derivation."""
    if 'derived' in figure:
        return 'derived: ' + str(figure['derived'].get('method'))
    return figure.get('source')


def estimates():
    """(path, object) of every figure and growth figure marked estimate
    (version 2: derived figures are estimates, and have no source)."""
    for path, figures in series(DOC):
        for i, figure in enumerate(figures):
            if figure.get('estimate'):
                yield f'{path}[{i}]', figure
    for kind, path, obj in DATA.cited():
        if kind == 'growth' and obj.get('estimate'):
            yield path, obj


def points(figures):
    """{(metric, period, scope): [figure, ...]} of one list."""
    found = {}
    for figure in figures:
        found.setdefault((metric_of(figure), period_of(figure), scope_of(figure)), []).append(figure)
    return found


# Words that make a figure part of a year: a run rate, a half, a quarter, a
# month or a span of months. A basis is what was measured, so any of them
# there counts; a note also explains, so only phrases that say the figure
# itself covers less than the year count.
PARTIAL_BASIS = re.compile(r'run rate|annuali[sz]ed|\bARR\b|\bH[12]\b|\bQ[1-4]\b|quarter|month|half|'
                           r'\b(January|February|March|April|May|June|July|August|September|October|'
                           r'November|December)\b', re.IGNORECASE)
PARTIAL_NOTE = re.compile(r'run rate|annuali[sz]ed|\bARR\b|(January|Jan)\s*[-–]\s*[A-Z][a-z]+|'
                          r'first (half|three quarters|quarter) (of|only)|per month|a month\b|only part of the year|'
                          r'^(H[12]|Q[1-4])\b', re.IGNORECASE)


def partial_year_figures(doc_lists):
    found = []
    for path, _, figures in doc_lists:
        for i, figure in enumerate(figures):
            kind = period_kind(period_of(figure))
            if not kind or kind[0] != 'year':
                continue
            basis = figure.get('basis') or ''
            note = text_of(figure.get('note')) or ''
            if PARTIAL_BASIS.search(basis) or PARTIAL_NOTE.search(note):
                found.append(f'{path}[{i}] ({period_of(figure)}): basis {basis!r}, note {note[:80]!r}')
    return found


@test
def periods_are_version_2_spellings():
    for path, _, figures in figure_lists(DOC):
        for i, figure in enumerate(figures):
            check(('year' in figure) != ('period' in figure), f'{path}[{i}]: one of year and period')
            kind = period_kind(period_of(figure))
            check(kind and 1990 <= kind[1] <= 2100, f'{path}[{i}]: period {period_of(figure)!r}')
            match = PERIOD.match(period_of(figure))
            if match['month']:
                check(1 <= int(match['month']) <= 12, f'{path}[{i}]: month')
            if match['last_year']:
                first = int(match['year']) * 12 + int(match['month'])
                last = int(match['last_year']) * 12 + int(match['last_month'])
                check(first < last <= first + 119 and 1 <= int(match['last_month']) <= 12,
                      f'{path}[{i}]: span {period_of(figure)!r}')
    for path, owner in list(owners()):
        for i, growth in enumerate(owner.get('growth', [])):
            check(('year' in growth) != ('period' in growth), f'{path}.growth[{i}]: one of year and period')
            if 'versus' in growth:
                check(period_kind(growth['versus']) and period_kind(growth.get('period')),
                      f'{path}.growth[{i}]: period {growth.get("period")!r} versus {growth["versus"]!r}')


@test
def no_partial_period_stored_as_a_year():
    # A run rate, January-September, a half, a quarter or a month is never a
    # year's figure (DESIGN §3): it is stored on the period it covers.
    found = partial_year_figures(figure_lists(DOC))
    check(not found, 'part of a year stored as the year:\n' + '\n'.join(found))
    caught = partial_year_figures([('t', 'p', [
        {'year': 2025, 'value': 1, 'source': 's', 'basis': 'annual recurring revenue (ARR) at the end of March'},
        {'period': '2024', 'value': 1, 'source': 's', 'basis': 'total revenue, January-September 2024'},
        {'period': '2025', 'value': 1, 'source': 's', 'note': 'An annualised run rate.'},
        {'period': '2025-03', 'value': 1, 'source': 's', 'basis': 'annualised run rate'},
    ])])
    check(len(caught) == 3, f'the rule does not catch its examples: {caught}')


def consecutive_primary_breaks(doc_lists):
    """The rule against computed growth across two sources: for every place
    and metric, two figures marked primary on consecutive periods of one
    kind (2024 and 2025, 2025-Q1 and 2025-Q2, 2025-04 and 2025-05) form a
    series the app may compute growth on, so they must share source and
    basis exactly, or the later one's note must start "Series break:"
    (then the app draws no change between them). A derived figure is never
    primary, and spans have no neighbours."""
    found = []
    for path, place, figures in doc_lists:
        primaries = {}
        for figure in figures:
            if not figure.get('primary'):
                continue
            kind = period_kind(period_of(figure))
            if kind and kind[0] != 'span':
                key = (metric_of(figure), scope_of(figure), kind[0])
                primaries.setdefault(key, {})[kind[2]] = figure
        for (metric, scope, kind), by_index in primaries.items():
            for index, later in sorted(by_index.items()):
                earlier = by_index.get(index - 1)
                if earlier is None:
                    continue
                same = (issuer(earlier), earlier.get('basis')) == (issuer(later), later.get('basis'))
                if not same and not (text_of(later.get('note')) or '').startswith('Series break:'):
                    found.append(f'{path} {metric} {scope}: {period_of(earlier)} {issuer(earlier)!r} / '
                                 f'{earlier.get("basis")!r} -> {period_of(later)} {issuer(later)!r} / '
                                 f'{later.get("basis")!r}')
    return found


@test
def no_computed_growth_across_two_sources():
    found = consecutive_primary_breaks(figure_lists(DOC))
    check(not found, 'primary figures change source or basis between consecutive periods:\n' + '\n'.join(found))
    mixed = [('t', 'north-america', [
        {'year': 2024, 'value': 819, 'source': 'mpa', 'basis': 'all revenue', 'primary': True},
        {'year': 2025, 'value': 1300, 'source': 'owl', 'basis': 'all revenue', 'primary': True},
        {'period': '2025-04', 'value': 1, 'source': 'd', 'basis': 'b', 'primary': True},
        {'period': '2025-05', 'value': 1, 'source': 'd', 'basis': 'b ', 'primary': True},
        {'period': '2025-07', 'value': 1, 'source': 'e', 'basis': 'b', 'primary': True},
        {'period': '2025-Q1', 'value': 1, 'source': 'd', 'basis': 'b', 'primary': True},
        {'period': '2025-Q2', 'value': 1, 'source': 'e', 'basis': 'b', 'primary': True,
         'note': 'Series break: another vendor.'},
    ])]
    caught = consecutive_primary_breaks(mixed)
    check(len(caught) == 2, f'the rule does not catch its examples: {caught}')


@test
def derived_figures_name_method_and_inputs():
    count = 0
    for path, _, figures in figure_lists(DOC):
        for i, figure in enumerate(figures):
            if 'derived' not in figure:
                check(figure.get('source') in SOURCES, f'{path}[{i}]: neither a source nor derived')
                continue
            count += 1
            derived = figure['derived']
            check('source' not in figure, f'{path}[{i}]: both source and derived')
            check((derived.get('method') or '').strip(), f'{path}[{i}]: derived without a method')
            inputs = derived.get('inputs') or []
            check(1 <= len(inputs) <= 16, f'{path}[{i}]: {len(inputs)} inputs')
            for j, item in enumerate(inputs):
                where = f'{path}[{i}].derived.inputs[{j}]'
                check(item.get('source') in SOURCES, f'{where}: source {item.get("source")!r} does not resolve')
                check(item.get('metric') in METRICS, f'{where}: metric {item.get("metric")!r}')
                check(period_kind(item.get('period')), f'{where}: period {item.get("period")!r}')
                check(isinstance(item.get('value'), (int, float)), f'{where}: value')
            check(figure.get('estimate') is True, f'{path}[{i}]: a derived figure is an estimate')
            check(not figure.get('primary'), f'{path}[{i}]: a derived figure is never primary')
            check((text_of(figure.get('note')) or '').strip(), f'{path}[{i}]: no note on the derivation')
            if derived.get('method') == 'share × total':
                shares = [item['value'] for item in inputs if item['metric'] in SHARES]
                totals = [item['value'] for item in inputs if item['metric'] == 'revenue']
                check(len(shares) == 1 and len(totals) == 1, f'{path}[{i}]: share × total needs one of each')
                product = shares[0] * totals[0]
                check(abs(figure['value'] - product) <= max(0.01 * product, 10_000),
                      f'{path}[{i}]: {figure["value"]} is not {shares[0]} × {totals[0]}')
    check(count, 'no derived figure at all (the share × total figures are gone)')


@test
def figures_are_unique_and_ids_are_plain():
    keys = set()
    for path, place, figures in figure_lists(DOC):
        for i, figure in enumerate(figures):
            key = (place, metric_of(figure), period_of(figure), issuer(figure), figure.get('basis'),
                   scope_of(figure))
            check(key not in keys, f'{path}[{i}]: a second figure for {key}')
            keys.add(key)
    ids = [source['id'] for source in DOC['sources']] + [region['id'] for region in DOC['regions']]
    ids += [platform['id'] for platform in DOC.get('platforms', [])] + [e['id'] for e in DOC.get('experts', [])]
    bad = [value for value in ids if not ID.match(value)]
    check(not bad, f'ids that are not [a-z0-9][a-z0-9-]*: {bad}')
    for region in DOC['regions']:
        for code in region.get('country-figures', {}):
            check(code in region['countries'], f'{region["id"]}: country-figures for {code}, not its country')
        for figure in region.get('figures', []) + region.get('revenue', []):
            if 'country' in figure:
                check(figure['country'] in region['countries'], f'{region["id"]}: figure for {figure["country"]}')
    shares = {}
    for path, place, figures in figure_lists(DOC):
        if not place.startswith('platform:'):
            for figure in figures:
                if metric_of(figure) in SHARES and 'source' in figure:
                    key = (metric_of(figure), figure['source'], period_of(figure))
                    shares[key] = shares.get(key, 0) + figure['value']
    over = {key: total for key, total in shares.items() if total > 1.05}
    check(not over, f'shares of one source and period above 1.05: {over}')


def revenue_years(region):
    """The years with a sourced or derived revenue figure, not a forecast, for
    any period within the year, on the region or one of its countries."""
    years = set()
    for figure in place_figures(DOC, region['id'], countries=True):
        kind = period_kind(period_of(figure))
        if metric_of(figure) == 'revenue' and not figure.get('forecast') and kind and kind[0] != 'span':
            years.add(kind[1])
    return years


@test
def revenue_coverage_by_region():
    # The Revenue chart for 2025 and 2024 (periods within the year count; the
    # app's default series for the year picks them).
    for year, least in ((2025, 6), (2024, 3)):
        covered = [region['id'] for region in DOC['regions'] if year in revenue_years(region)]
        check(len(covered) >= least, f'{year}: revenue for {len(covered)} regions ({covered}), want {least}')


@test
def regions_without_revenue_are_named_in_the_description():
    for region in DOC['regions']:
        if 2025 in revenue_years(region):
            continue
        for language in LANGUAGES:
            name = text_of(region['name'], language)
            description = text_of(DOC.get('description'), language) or ''
            check(name and name in description,
                  f'{region["id"]} has no 2025 revenue and the {language} description does not name it ({name!r})')
    # DataEye publishes Southeast Asia's revenue: no sentence may say nobody does.
    for sentence in re.split(r'(?<=[.!?])\s+', text_of(DOC['description'])):
        denies = re.search(r'\b(no|nobody|none)\b.*\bpublish', sentence, re.IGNORECASE)
        check(not (denies and 'Southeast Asia' in sentence),
              f'the description says nobody publishes Southeast Asian revenue: {sentence!r}')


@test
def platforms_have_figures():
    counts = {}
    for platform in DOC.get('platforms', []):
        periods = {period_of(figure) for figure in platform.get('figures', []) + platform.get('revenue', [])}
        counts[platform['id']] = len(periods)
    with_figures = [pid for pid, count in counts.items() if count]
    check(len(with_figures) >= 8, f'platforms with figures: {counts}')
    print('# platforms and their periods: ' + ', '.join(f'{pid} {count}' for pid, count in counts.items()))


def sub_year_series(place_prefixes):
    """{(metric, source, basis): {periods}} of the months and quarters of
    2024-2025 among the figures of the given places."""
    found = {}
    for _, place, figures in figure_lists(DOC):
        if place not in place_prefixes:
            continue
        for figure in figures:
            kind = period_kind(period_of(figure))
            if kind and kind[0] in ('month', 'quarter') and 2024 <= kind[1] <= 2025:
                key = (metric_of(figure), issuer(figure), figure.get('basis'))
                found.setdefault(key, set()).add(period_of(figure))
    return found


@test
def monthly_or_quarterly_series():
    # The world, the United States and Southeast Asia each have one series
    # (one metric, source and basis) over at least two months or quarters of
    # 2024-2025; Japan has months and quarters from several sources (no one
    # source publishes two of them), so it needs two periods in all.
    for label, places, one_series in (('world', {'global'}, True),
                                      ('United States', {'north-america/US'}, True),
                                      ('Southeast Asia', {'southeast-asia'}, True),
                                      ('Japan', {'east-asia/JP'}, False)):
        found = sub_year_series(places)
        periods = set().union(*found.values()) if found else set()
        check(len(periods) >= 2, f'{label}: months or quarters of 2024-2025: {sorted(periods)}')
        if one_series:
            longest = max((len(periods) for periods in found.values()), default=0)
            check(longest >= 2, f'{label}: no series of two or more months or quarters: {found}')


@test
def text_in_every_language():
    for member in ('title', 'description'):
        text = DOC.get(member)
        check(isinstance(text, dict), f'{member} is not translated')
        for language in LANGUAGES:
            check((text.get(language) or '').strip(), f'{member}: no {language}')
    check(text_of(DOC['global'].get('audience', {}).get('summary'), 'pt-BR'), 'global audience summary')
    # What the audience panel shows: trait labels and notes. (Figure notes
    # stay English, as in version 1; quotes stay in their original language.)
    for path, owner in owners():
        audience = owner.get('audience', {})
        texts = [(f'{path}.audience.traits[{i}].label', trait['label'])
                 for i, trait in enumerate(audience.get('traits', []))]
        texts += [(f'{path}.audience.notes[{i}].text', note['text'])
                  for i, note in enumerate(audience.get('notes', []))]
        for where, text in texts:
            check(isinstance(text, dict), f'{where} is not translated')
            for language in LANGUAGES:
                check((text.get(language) or '').strip(), f'{where}: no {language}')


if __name__ == '__main__':
    sys.exit(taptest.main())
