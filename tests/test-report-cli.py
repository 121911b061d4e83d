#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`reelscope --report=OUT.pdf [FILE]` (DESIGN §4) without a display, read
back with poppler: page count and size, document information, the text of
the cover, every region and the sources, every source URL as a link, the
outline, Chinese text under LANGUAGE=zh_CN; hostile datasets give a bounded
report or a refusal that leaves no file; usage errors exit with 2.

Usage: test-report-cli.py REELSCOPE BUNDLED_DATASET   Prints TAP.
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
BUNDLED = sys.argv[2]
MAX_PAGES = 200   # REEL_REPORT_MAX_PAGES


def environment(**extra):
    """No display and no session bus; English unless @extra says."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    env.update(extra)
    return env


def run(*args, **extra):
    return subprocess.run([REELSCOPE, *args], env=environment(**extra), capture_output=True, text=True,
                          timeout=300)


def pdfinfo(path):
    result = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True)
    return dict(re.match(r'([^:]+):\s*(.*)', line).groups() for line in result.stdout.splitlines()
                if ':' in line)


def pdftext(path):
    """The text of every page, with runs of white space as one space: lines
    wrap where the page is full, not where the words are."""
    result = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True, check=True)
    return ' '.join(result.stdout.decode('utf-8').split())


def words(text):
    return ' '.join(text.split())


def link_urls(path):
    """The URIs of the link annotations (pdfinfo -url, poppler 22.02+)."""
    result = subprocess.run(['pdfinfo', '-url', path], capture_output=True, text=True, check=True)
    return {line.split(None, 2)[2] for line in result.stdout.splitlines()[1:]
            if len(line.split(None, 2)) == 3 and line.split(None, 2)[1] == 'Annotation'}


def decode_pdf_string(raw):
    """A PDF string object, literal (...) or hex <...>, as text: UTF-16BE
    with its byte-order mark, or PDFDocEncoding (taken as Latin-1)."""
    if raw.startswith(b'<'):
        data = bytes.fromhex(raw[1:-1].decode('ascii'))
    else:
        data, body, i = bytearray(), raw[1:-1], 0
        escapes = {ord('n'): 10, ord('r'): 13, ord('t'): 9, ord('b'): 8, ord('f'): 12}
        while i < len(body):
            c = body[i]
            if c == 0x5C and i + 1 < len(body):
                nxt = body[i + 1]
                octal = re.match(rb'[0-7]{1,3}', body[i + 1:i + 4])
                if octal:
                    data.append(int(octal.group(0), 8) & 0xFF)
                    i += 1 + len(octal.group(0))
                    continue
                data.append(escapes.get(nxt, nxt))
                i += 2
                continue
            data.append(c)
            i += 1
        data = bytes(data)
    if data.startswith(b'\xfe\xff'):
        return data[2:].decode('utf-16-be')
    return data.decode('latin-1')


def outline_titles(path):
    """The /Title of every outline item. cairo writes the outline's objects
    uncompressed; the document information's /Title is the first one, and
    is left out."""
    with open(path, 'rb') as f:
        data = f.read()
    check(b'/Outlines' in data, f'{path}: the catalog has an outline')
    items = re.findall(rb'/Parent\s+\d+\s+0\s+R\s*/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)', data)
    if not items:
        items = re.findall(rb'/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)\s*/Parent', data)
    return [decode_pdf_string(item) for item in items]


def text_of(value, language='en'):
    if isinstance(value, dict):
        return value.get(language) or value.get('en') or next(iter(value.values()))
    return value


def bundled():
    with open(BUNDLED, encoding='utf-8') as f:
        return json.load(f)


def write_report(directory, *args, **extra):
    out = os.path.join(directory, 'report.pdf')
    result = run(f'--report={out}', *args, **extra)
    check(result.returncode == 0, f'--report {args}: exit status 0', result)
    check(result.stderr == '', f'--report {args}: nothing on stderr', result)
    check(os.listdir(directory) == ['report.pdf'], f'only the report in the directory: {os.listdir(directory)}')
    return out


@test
def bundled_report_pages_and_information():
    """The bundled dataset's report: more pages than a cover and the charts,
    within the limit, on A4 in the C locale and on US Letter when asked;
    its title is the dataset's, its author Reelscope."""
    dataset = bundled()
    with tempfile.TemporaryDirectory() as directory:
        out = write_report(directory, BUNDLED)
        info = pdfinfo(out)
        pages = int(info['Pages'])
        check(len(dataset['regions']) + 8 <= pages <= MAX_PAGES, f'page count {pages}')
        check(info['Title'] == text_of(dataset['title']), f'title {info["Title"]!r}')
        check(info['Author'] == 'Reelscope', f'author {info["Author"]!r}')
        check(info['Creator'].startswith('Reelscope '), f'creator {info["Creator"]!r}')
        check(info['Page size'].startswith('595.276 x 841.89'), f'A4: {info["Page size"]}')
        os.unlink(out)

        out = write_report(directory, '--paper=letter', BUNDLED)
        check(pdfinfo(out)['Page size'].startswith('612 x 792'), 'US Letter with --paper=letter')
        os.unlink(out)

        out = write_report(directory, BUNDLED, LC_ALL='', LC_PAPER='', LANG='en_US.UTF-8')
        check(pdfinfo(out)['Page size'].startswith('612 x 792'), 'US Letter in en_US')


@test
def bundled_report_text():
    """The cover's title, the headline heading, every region's section, a
    quote, and the sources section with every source's title are text."""
    dataset = bundled()
    with tempfile.TemporaryDirectory() as directory:
        text = pdftext(write_report(directory, BUNDLED))
    check(words(text_of(dataset['title'])) in text, 'the cover has the title')
    check('Page 1 of ' in text, 'pages are numbered')
    for heading in ('Charts', 'Regions', 'World', 'Figures', 'Audience', 'Commentary', 'Sources'):
        check(heading in text, f'a section or heading {heading!r}')
    for region in dataset['regions']:
        check(words(text_of(region['name'])) in text, f'a section for {text_of(region["name"])!r}')
    for source in dataset['sources']:
        check(words(text_of(source['title'])) in text, f'the source {source["id"]} is listed')
    quote = dataset['experts'][0]['quotes'][0]['text']
    check(words(text_of(quote)) in text, 'an expert quote is there')


@test
def every_source_url_is_a_link():
    """Every http(s) source URL is a link annotation, and nothing else is."""
    dataset = bundled()
    urls = {s['url'] for s in dataset['sources'] if s.get('url', '').startswith(('http://', 'https://'))}
    check(len(urls) > 10, f'the bundled dataset has source URLs: {len(urls)}')
    with tempfile.TemporaryDirectory() as directory:
        links = link_urls(write_report(directory, BUNDLED))
    check(urls <= links, f'every source URL is a link; missing {sorted(urls - links)[:5]}')
    check(links <= urls, f'no other links: {sorted(links - urls)[:5]}')


@test
def outline_lists_sections_and_regions():
    """The outline has the cover, Charts, each chart, Regions, each region
    and Sources, in that order."""
    dataset = bundled()
    with tempfile.TemporaryDirectory() as directory:
        titles = outline_titles(write_report(directory, BUNDLED))
    names = [words(text_of(region['name'])) for region in dataset['regions']]
    expected = [words(text_of(dataset['title'])), 'Charts', 'Regions', 'World', *names, 'Sources']
    positions = [titles.index(title) if title in titles else -1 for title in expected]
    check(-1 not in positions, f'outline entries {expected} in {titles}')
    check(positions == sorted(positions), f'in order: {titles}')
    charts = titles[titles.index('Charts') + 1:titles.index('Regions')]
    check(len(charts) >= 5, f'an entry for each chart: {charts}')


@test
def chinese_text_is_extractable():
    """Under LANGUAGE=zh_CN the regions' Chinese names are the report's
    text, extractable from the PDF."""
    dataset = bundled()
    names = [region['name']['zh-CN'] for region in dataset['regions']
             if isinstance(region['name'], dict) and 'zh-CN' in region['name']]
    check(len(names) >= 5, f'the bundled dataset names regions in Chinese: {names}')
    with tempfile.TemporaryDirectory() as directory:
        out = write_report(directory, BUNDLED, LANGUAGE='zh_CN', LANG='zh_CN.UTF-8', LC_ALL='')
        text = pdftext(out)
        titles = outline_titles(out)
    for name in names:
        check(words(name) in text, f'{name} in the text')
        check(words(name) in titles, f'{name} in the outline')


def hostile_dataset(n_sources, n_quotes, huge):
    """A valid dataset with @n_sources sources, @n_quotes quotes of 5,000
    characters on one region, and other texts of @huge characters."""
    big = 'W' * huge
    quote = 'Q' * 5000
    sources = [{'id': f's{i}', 'title': f'Source {i} ' + big[:huge // 4], 'publisher': big[:2000],
                'url': f'https://example.com/{i}', 'note': big} for i in range(n_sources)]
    return {
        'format': 'reelscope-dataset', 'version': 1, 'title': 'Hostile ' + big[:5000],
        'description': big,
        'sources': sources,
        'regions': [{'id': 'r1', 'name': 'Region one', 'revenue': [
                        {'year': 2020 + i, 'value': 1000 * (i + 1), 'source': 's0', 'note': big}
                        for i in range(5)],
                     'audience': {'summary': big, 'traits': [
                         {'label': big[:1000], 'share': 0.5, 'source': 's0'} for _ in range(500)]}},
                    {'id': 'r2', 'name': 'Region two'}],
        'experts': [{'id': f'e{i}', 'name': f'Expert {i}', 'role': big[:1000], 'quotes': [
            {'text': quote, 'source': 's0', 'regions': ['r1']}]} for i in range(n_quotes)],
    }


def check_bounded_or_refused(result, out, context):
    """A report within the page limit and of a bounded size, or a refusal
    with a message and no file."""
    directory = os.path.dirname(out)
    if result.returncode == 0:
        pages = int(pdfinfo(out)['Pages'])
        check(pages <= MAX_PAGES, f'{context}: {pages} pages')
        check(os.path.getsize(out) < 20 * 1024 * 1024, f'{context}: {os.path.getsize(out)} bytes')
        return pages
    check(result.returncode == 1, f'{context}: exit status 1', result)
    check(result.stderr.startswith(f'reelscope: {out}: '), f'{context}: a message naming the file', result)
    check(os.listdir(directory) == [], f'{context}: no file left: {os.listdir(directory)}')
    return None


@test
def hostile_datasets_are_bounded():
    """Huge texts and thousands of quotes give a bounded report that says
    how many quotes it left out; thousands of sources, more than the pages
    hold, a clear refusal and no file."""
    with tempfile.TemporaryDirectory() as directory:
        dataset = os.path.join(directory, 'hostile.json')
        reports = os.path.join(directory, 'out')
        os.mkdir(reports)
        out = os.path.join(reports, 'report.pdf')

        with open(dataset, 'w', encoding='utf-8') as f:
            json.dump(hostile_dataset(20, 3000, (1 << 20) - 16), f)
        result = run(f'--report={out}', dataset)
        check(result.returncode == 0, 'huge texts, 3000 quotes: written', result)
        pages = check_bounded_or_refused(result, out, 'huge texts')
        check(pages is not None and pages <= 80, f'huge texts: a short report ({pages} pages)')
        text = pdftext(out)
        check('And 2992 more quotes' in text, 'says how many quotes it left out')
        check('And 484 more traits' in text, 'says how many traits it left out')
        os.unlink(out)

        with open(dataset, 'w', encoding='utf-8') as f:
            json.dump(hostile_dataset(6000, 10, 1000), f)
        result = run(f'--report={out}', dataset)
        check(result.returncode == 1, 'thousands of sources: refused', result)
        check('longer than 200 pages' in result.stderr, 'says why', result)
        check_bounded_or_refused(result, out, 'thousands of sources')


@test
def unwritable_destination_leaves_nothing():
    """A destination in a missing directory, under a file, or that is a
    directory: exit status 1, a message, and no file or temporary file."""
    with tempfile.TemporaryDirectory() as directory:
        plain = os.path.join(directory, 'plain')
        with open(plain, 'w') as f:
            f.write('x')
        folder = os.path.join(directory, 'folder.pdf')
        os.mkdir(folder)
        for out in (os.path.join(directory, 'missing', 'r.pdf'), os.path.join(plain, 'r.pdf'), folder):
            result = run(f'--report={out}', BUNDLED)
            check(result.returncode == 1, f'{out}: exit status 1', result)
            check(result.stderr.startswith(f'reelscope: {out}: '), f'{out}: names the file', result)
            check(re.search(r'\.pdf\.[A-Za-z0-9]{6}', result.stderr) is None, 'no temporary name', result)
            check(sorted(os.listdir(directory)) == ['folder.pdf', 'plain'],
                  f'{out}: nothing left: {os.listdir(directory)}')
        check(os.listdir(folder) == [], 'nothing written into the directory')


@test
def usage_errors():
    """Options a report does not take, an unknown paper, a name of another
    format, no name: exit status 2 and a message."""
    with tempfile.TemporaryDirectory() as directory:
        out = os.path.join(directory, 'r.pdf')
        for args, message in (([f'--report={out}', '--paper=a5'], 'Unknown --paper “a5”'),
                              ([f'--report={out}', '--chart=trend'], '--report takes --paper and --year'),
                              ([f'--report={os.path.join(directory, "r.png")}'], 'name it .pdf'),
                              (['--report=-'], 'give its name'),
                              (['--paper=a4'], '--paper goes with --report'),
                              ([f'--report={out}', BUNDLED, BUNDLED], 'one FILE')):
            result = run(*args)
            check(result.returncode == 2, f'{args}: exit status 2', result)
            check(message in result.stderr, f'{args}: says {message!r}', result)
        check(os.listdir(directory) == [], f'nothing written: {os.listdir(directory)}')


sys.exit(taptest.main())
