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

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import check, test  # noqa: E402
import taptest  # noqa: E402
from datasetrules import Dataset, add_shared_tests, text_of  # noqa: E402

REELSCOPE, DATASET, ARTICLE = sys.argv[1:4]

DATA = Dataset(REELSCOPE, DATASET, ARTICLE, figures=lambda: cited_figures())
DOC, SOURCES, REGIONS, ARTICLE_TEXT = DATA.doc, DATA.sources, DATA.regions, DATA.article_text
founding_source = DATA.founding_source
owners = DATA.owners
add_shared_tests(DATA)


def series():
    """(path, figures) of every list of revenue figures."""
    yield 'global.revenue', DOC.get('global', {}).get('revenue', [])
    for region in DOC['regions']:
        yield f'regions[{region["id"]}].revenue', region.get('revenue', [])
    for platform in DOC.get('platforms', []):
        yield f'platforms[{platform["id"]}].revenue', platform.get('revenue', [])


def cited_figures():
    """(kind, path, object) of every revenue figure."""
    for path, figures in series():
        for i, figure in enumerate(figures):
            yield 'figure', f'{path}[{i}]', figure


@test
def every_figure_cites_a_declared_source():
    check(len(SOURCES) == len(DOC['sources']), 'source ids are not unique')
    missing = [f'{kind} {path}: {obj.get("source")!r}' for kind, path, obj in DATA.cited()
               if obj.get('source') not in SOURCES]
    check(not missing, 'no declared source:\n' + '\n'.join(missing))
    counts = {}
    for kind, _, _ in DATA.cited():
        counts[kind] = counts.get(kind, 0) + 1
    for kind in ('figure', 'growth', 'trait', 'note', 'quote'):
        check(counts.get(kind, 0) > 0, f'no {kind} at all')


@test
def estimates_say_how_they_were_derived():
    bad = [path for kind, path, obj in DATA.cited()
           if obj.get('estimate') and not (text_of(obj.get('note')) or '').strip()]
    check(not bad, 'estimates without a note:\n' + '\n'.join(bad))
    derived = [path for kind, path, obj in DATA.cited() if obj.get('estimate')]
    check(derived, 'no estimate at all (the derived bounds are gone)')


@test
def values_are_plausible():
    for kind, path, obj in DATA.cited():
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


if __name__ == '__main__':
    sys.exit(taptest.main())
