#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The export command line (DESIGN §4) without a display: --export,
--export-dir and their options, exit statuses 0/1/2, and that the files
open in other programs (rsvg-convert, pdftoppm).

Usage: test-chart-cli.py REELSCOPE   (the built binary). Prints TAP.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

REELSCOPE = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
SAMPLE = os.path.join(DATA, 'microdrama-sample.reelscope.json')
EDGE = os.path.join(DATA, 'charts-edge.reelscope.json')
INVALID = os.path.join(DATA, 'invalid-three-mistakes.reelscope.json')

tests = []


def test(function):
    tests.append(function)
    return function


class Skip(Exception):
    pass


def run(*args):
    """Runs reelscope with no display and no session bus."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    return subprocess.run([REELSCOPE, *args], env=env, capture_output=True, text=True, timeout=120)


def check(condition, message, result=None):
    if not condition:
        details = message
        if result is not None:
            details += (f'\n  exit status {result.returncode}'
                        f'\n  stdout: {result.stdout!r}'
                        f'\n  stderr: {result.stderr!r}')
        raise AssertionError(details)


def read_png(path):
    """Returns (width, height, colour type, {keyword: text}, first row)."""
    with open(path, 'rb') as f:
        data = f.read()
    check(data[:8] == b'\x89PNG\r\n\x1a\n', f'{path} is a PNG')
    offset, texts, idat = 8, {}, b''
    width = height = colour = None
    while offset < len(data):
        length, kind = struct.unpack('>I4s', data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        crc, = struct.unpack('>I', data[offset + 8 + length:offset + 12 + length])
        check(zlib.crc32(kind + body) == crc, f'{kind} chunk CRC')
        if kind == b'IHDR':
            width, height, _depth, colour = struct.unpack('>IIBB', body[:10])
        elif kind == b'tEXt':
            key, text = body.split(b'\0', 1)
            texts[key.decode('latin-1')] = text.decode('latin-1')
        elif kind == b'iTXt':
            key, rest = body.split(b'\0', 1)
            compressed, _method = rest[0], rest[1]
            _lang, _translated, text = rest[2:].split(b'\0', 2)
            if compressed:
                text = zlib.decompress(text)
            texts[key.decode('latin-1')] = text.decode('utf-8')
        elif kind == b'IDAT':
            idat += body
        offset += 12 + length
    channels = 4 if colour == 6 else 3
    raw = zlib.decompressobj().decompress(idat, 1 + width * channels)
    return width, height, colour, texts, raw[1:1 + width * channels]


def export(*args, name='chart.png', data=SAMPLE):
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    out = os.path.join(directory, name)
    result = run(f'--export={out}', *args, *([data] if data else []))
    return directory, out, result


@test
def png_defaults():
    directory, out, result = export()
    try:
        check(result.returncode == 0, 'exit status 0', result)
        check(result.stderr == '' and result.stdout == '', 'quiet on success', result)
        width, height, colour, texts, _row = read_png(out)
        check((width, height) == (1200, 800), f'1200x800, not {width}x{height}')
        check(colour == 2, 'RGB')
        for key in ('Title', 'Description', 'Source', 'Software', 'Creation Time'):
            check(texts.get(key), f'a {key} text chunk')
        check(texts['Title'] == 'Revenue by region, 2024', texts['Title'])
        check('North America $142M' in texts['Description'], texts['Description'])
        check('Antom (Ant International)' in texts['Source'], texts['Source'])
        check(texts['Software'].startswith('Reelscope '), texts['Software'])
        check(os.listdir(directory) == ['chart.png'], 'nothing but the file')
    finally:
        shutil.rmtree(directory)


@test
def png_sizes():
    for args, size in ((['--scale=2'], (2400, 1600)),
                       (['--width=333', '--height=201', '--scale=1.5'], (500, 302)),
                       (['--preset=16:9'], (1280, 720)),
                       (['--preset=1:1'], (1080, 1080)),
                       (['--preset=9:16', '--scale=2'], (2160, 3840)),
                       (['--preset=4:3', '--scale=1.25'], (1280, 960))):
        directory, out, result = export('--chart=growth', *args)
        try:
            check(result.returncode == 0, f'{args}: exit status 0', result)
            width, height, *_rest = read_png(out)
            check((width, height) == size, f'{args}: {size}, not {(width, height)}')
        finally:
            shutil.rmtree(directory)


@test
def png_theme_and_background():
    for args, colour, pixel in ((['--theme=dark'], 2, b'\x30\x30\x30'),
                                (['--theme=dark', '--background=white'], 2, b'\xff\xff\xff'),
                                (['--background=transparent'], 6, b'\0\0\0\0')):
        directory, out, result = export('--chart=share', *args)
        try:
            check(result.returncode == 0, f'{args}: exit status 0', result)
            _w, _h, got_colour, _texts, row = read_png(out)
            check(got_colour == colour, f'{args}: colour type {colour}, not {got_colour}')
            check(row[:len(pixel)] == pixel, f'{args}: top left pixel {row[:len(pixel)]!r}')
        finally:
            shutil.rmtree(directory)


@test
def every_kind_and_format():
    for kind in ('revenue', 'growth', 'share', 'trend'):
        for extension in ('png', 'svg', 'pdf', 'PNG'):
            # cairo 1.16 leaks when it puts a CJK (CID-keyed CFF) font in a
            # PDF, which fails a LeakSanitizer build: Latin names for PDF.
            data = SAMPLE if extension == 'pdf' else EDGE
            directory, out, result = export(f'--chart={kind}', name=f'c.{extension}', data=data)
            try:
                check(result.returncode == 0, f'{kind} {extension}: exit status 0', result)
                with open(out, 'rb') as f:
                    head = f.read(64)
                magic = {'png': b'\x89PNG', 'PNG': b'\x89PNG', 'svg': b'<?xml', 'pdf': b'%PDF-'}[extension]
                check(head.startswith(magic), f'{kind} {extension}: starts with {magic!r}')
            finally:
                shutil.rmtree(directory)


@test
def svg_opens():
    converter = shutil.which('rsvg-convert')
    if converter is None:
        raise Skip('rsvg-convert (librsvg2-bin) is not installed')
    directory, out, result = export('--chart=trend', name='c.svg', data=EDGE)
    try:
        check(result.returncode == 0, 'exit status 0', result)
        png = os.path.join(directory, 'c.png')
        converted = subprocess.run([converter, '-o', png, out], capture_output=True, text=True)
        check(converted.returncode == 0, f'rsvg-convert: {converted.stderr}')
        width, height, *_rest = read_png(png)
        check((width, height) == (1200, 800), f'rendered at 1200x800, not {width}x{height}')
    finally:
        shutil.rmtree(directory)


@test
def pdf_opens():
    converter = shutil.which('pdftoppm')
    if converter is None:
        raise Skip('pdftoppm (poppler-utils) is not installed')
    directory, out, result = export('--chart=growth', name='c.pdf', data=SAMPLE)
    try:
        check(result.returncode == 0, 'exit status 0', result)
        prefix = os.path.join(directory, 'page')
        converted = subprocess.run([converter, '-png', '-r', '96', '-singlefile', out, prefix],
                                   capture_output=True, text=True)
        check(converted.returncode == 0, f'pdftoppm: {converted.stderr}')
        width, height, *_rest = read_png(prefix + '.png')
        # 900 x 600 points at 96 dpi.
        check((width, height) == (1200, 800), f'rendered at 1200x800, not {width}x{height}')
    finally:
        shutil.rmtree(directory)


@test
def export_dir():
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        result = run(f'--export-dir={directory}', '--theme=dark', EDGE)
        check(result.returncode == 0, 'exit status 0', result)
        names = sorted(os.listdir(directory))
        expected = sorted([f'revenue-{year}.png' for year in range(2021, 2028)] +
                          ['growth-2025.png', 'share-2026.png', 'trend.png'])
        check(names == expected, f'every kind and every year of Revenue: {names}')
        check(result.stdout.splitlines() == [os.path.join(directory, name) for name in
                                             [f'revenue-{year}.png' for year in range(2021, 2028)] +
                                             ['growth-2025.png', 'share-2026.png', 'trend.png']],
              'lists what it wrote', result)
        for name in names:
            read_png(os.path.join(directory, name))
    finally:
        shutil.rmtree(directory)


@test
def bundled_dataset():
    directory, out, result = export('--chart=trend', data=None)
    try:
        check(result.returncode == 0, 'exit status 0', result)
        read_png(out)
    finally:
        shutil.rmtree(directory)


@test
def missing_directory():
    parent = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        for args in ([f'--export={parent}/missing/chart.png', SAMPLE],
                     [f'--export-dir={parent}/missing', SAMPLE]):
            result = run(*args)
            check(result.returncode == 1, f'{args}: exit status 1', result)
            check(result.stderr != '', f'{args}: says why', result)
            check(os.listdir(parent) == [], f'{args}: leaves nothing behind: {os.listdir(parent)}')
    finally:
        shutil.rmtree(parent)


@test
def bad_data():
    directory, out, result = export(data=INVALID)
    try:
        check(result.returncode == 1, 'exit status 1', result)
        check('invalid-three-mistakes.reelscope.json:' in result.stderr, 'names the file', result)
        check(os.listdir(directory) == [], 'writes nothing')
    finally:
        shutil.rmtree(directory)


@test
def usage_errors():
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    out = os.path.join(directory, 'chart.png')
    cases = [
        [f'--export={out}', '--chart=trend', '--year=2024'],
        [f'--export={out}', '--chart=pie'],
        [f'--export={out}', '--year=1800'],
        [f'--export={out}', '--year=soon'],
        [f'--export={out}', '--scale=0.5'],
        [f'--export={out}', '--scale=4.5'],
        [f'--export={out}', '--scale=big'],
        [f'--export={out}', '--width=100'],
        [f'--export={out}', '--height=100000'],
        [f'--export={out}', '--preset=16:10'],
        [f'--export={out}', '--preset=16:9', '--width=800'],
        [f'--export={out}', '--theme=blue'],
        [f'--export={out}', '--background=red'],
        [f'--export={os.path.join(directory, "chart.jpg")}'],
        [f'--export={os.path.join(directory, "chart")}'],
        [f'--export={out}', f'--export-dir={directory}'],
        [f'--export-dir={directory}', '--chart=growth'],
        [f'--export-dir={directory}', '--year=2024'],
        [f'--export={out}', SAMPLE],
        ['--chart=growth'],
        ['--theme=dark', SAMPLE],
        [f'--export={out}', f'--validate={SAMPLE}'],
    ]
    try:
        for args in cases:
            # Two FILEs for the one that names SAMPLE already.
            full = args + [SAMPLE] if args[-1] != SAMPLE else args + [EDGE]
            if args[0] in ('--chart=growth',):
                full = args
            result = run(*full)
            check(result.returncode == 2, f'{full}: exit status 2', result)
            check(result.stderr != '', f'{full}: says why on stderr', result)
            check(result.stdout == '', f'{full}: nothing on stdout', result)
            check(os.listdir(directory) == [], f'{full}: writes nothing')
    finally:
        shutil.rmtree(directory)


def main():
    print(f'1..{len(tests)}')
    failed = 0
    for number, function in enumerate(tests, 1):
        try:
            function()
        except Skip as skip:
            print(f'ok {number} {function.__name__} # SKIP {skip}')
        except Exception as error:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print(f'not ok {number} {function.__name__}')
            for line in str(error).splitlines():
                print(f'# {line}')
        else:
            print(f'ok {number} {function.__name__}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
