#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled dataset (data/microdrama-exports.reelscope.json, format
version 2): it loads without a single problem, every number carries its
source or its derivation, the founding article's facts are there,
attributed, and its quotes are verbatim.

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
from datasetrules import (Dataset, add_shared_tests, derived_with_inputs,  # noqa: E402
                          metric_of, period_of, place_figures, series, text_of, version_2_figures)

REELSCOPE, DATASET, ARTICLE = sys.argv[1:4]

DATA = Dataset(REELSCOPE, DATASET, ARTICLE, figures=lambda: version_2_figures(DATA.doc),
               sourced=lambda node: 'source' in node or derived_with_inputs(node))
DOC, SOURCES, REGIONS, ARTICLE_TEXT = DATA.doc, DATA.sources, DATA.regions, DATA.article_text
founding_source = DATA.founding_source
add_shared_tests(DATA)


@test
def every_figure_cites_a_declared_source():
    check(len(SOURCES) == len(DOC['sources']), 'source ids are not unique')
    missing = [f'{kind} {path}: {obj.get("source")!r}' for kind, path, obj in DATA.cited()
               if obj.get('source') not in SOURCES]
    check(not missing, 'no declared source:\n' + '\n'.join(missing))
    counts = {}
    for kind, _, _ in DATA.cited():
        counts[kind] = counts.get(kind, 0) + 1
    for kind in ('figure', 'input', 'growth', 'trait', 'note', 'quote'):
        check(counts.get(kind, 0) > 0, f'no {kind} at all')


@test
def estimates_say_how_they_were_derived():
    # A derived figure is an estimate: it names its method and inputs, and
    # its note says where they come from.
    derived = [(path, figure) for path, figures in series(DOC) for figure in figures
               if 'derived' in figure]
    check(derived, 'no derived figure at all (the Sensor Tower and DataEye shares are gone)')
    bad = [path for path, figure in derived
           if not figure.get('estimate') or not (text_of(figure.get('note')) or '').strip()]
    check(not bad, 'derived figures not marked as estimates with a note:\n' + '\n'.join(bad))


@test
def values_are_plausible():
    for kind, path, obj in DATA.cited():
        if kind in ('figure', 'input'):
            check(obj['value'] >= 0 and math.isfinite(obj['value']), f'{path}: value {obj["value"]}')
            check(obj.get('qualifier') in (None, 'approx', 'at-least', 'at-most'), f'{path}: qualifier')
        elif kind == 'growth':
            check(math.isfinite(obj['percent']), f'{path}: percent')
        elif kind == 'trait':
            check(0 <= obj['share'] <= 1, f'{path}: share')


@test
def north_america_2024_from_the_founding_article():
    # The region's own figure: it covers North America, not one country.
    matches = [figure for figure in place_figures(DOC, 'north-america')
               if metric_of(figure) == 'revenue' and period_of(figure) == '2024'
               and figure['value'] == 142_000_000]
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
    # The US-only figures stand in the region's country-figures.
    values = {figure['value'] for figure in place_figures(DOC, 'north-america', countries=True)
              if metric_of(figure) == 'revenue' and period_of(figure) == '2024'}
    for value in (142_000_000, 300_000_000, 819_000_000):
        check(value in values, f'North America 2024 lacks {value}')


@test
def viewership_growth_from_the_founding_article():
    # The article's "viewership jumped 69 percent" is download growth in the
    # first quarter of 2025 on the fourth of 2024, cited to the article.
    for region_id, percent, phrase in (('latin-america', 69, '69 percent in Latin America'),
                                       ('southeast-asia', 61, '61 percent in Southeast Asia')):
        matches = [growth for growth in REGIONS[region_id].get('growth', [])
                   if growth['metric'] == 'downloads' and growth['percent'] == percent
                   and growth.get('period') == '2025-Q1' and growth.get('versus') == '2024-Q4'
                   and founding_source(growth['source'])]
        check(len(matches) == 1, f'{region_id}: +{percent}% Q1 2025 downloads: {matches}')
        check(phrase in ARTICLE_TEXT, f'the article copy lacks {phrase!r}')


@test
def primaries_compare_like_with_like():
    # At most one primary per point, never a derived one.
    for path, figures in series(DOC):
        found = {}
        for figure in figures:
            key = (metric_of(figure), period_of(figure), figure.get('country') or figure.get('region'))
            found.setdefault(key, []).append(figure)
        for point, group in found.items():
            explicit = [figure for figure in group if figure.get('primary')]
            check(len(explicit) <= 1, f'{path} {point}: {len(explicit)} primaries')
            check(not any('derived' in figure for figure in explicit), f'{path} {point}: a derived primary')


if __name__ == '__main__':
    sys.exit(taptest.main())
