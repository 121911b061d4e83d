#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The export command line (DESIGN §4) without a display: --export,
--export-dir and their options, exit statuses 0/1/2, and that the files
open in other programs (rsvg-convert, pdftoppm).

Usage: test-chart-cli.py REELSCOPE   (the built binary). Prints TAP.
"""

import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from xml.etree import ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taptest import Skip, check, test  # noqa: E402
import taptest  # noqa: E402

REELSCOPE = sys.argv[1]
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
SAMPLE = os.path.join(DATA, 'microdrama-sample.reelscope.json')
EDGE = os.path.join(DATA, 'charts-edge.reelscope.json')
INVALID = os.path.join(DATA, 'invalid-three-mistakes.reelscope.json')

def environment():
    """No display and no session bus, and messages in English."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
        env.pop(name, None)
    env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/bus'
    env['LC_ALL'] = 'C.UTF-8'
    env['LANGUAGE'] = ''
    return env


def run(*args):
    """Runs reelscope with no display and no session bus."""
    return subprocess.run([REELSCOPE, *args], env=environment(), capture_output=True, text=True, timeout=120)


def run_binary(*args, stdin=b'', stdout=subprocess.PIPE):
    """Runs reelscope with bytes for its standard input; stdout is bytes."""
    return subprocess.run([REELSCOPE, *args], env=environment(), input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120)


def check_stderr_form(stderr, context):
    """Every line on stderr starts with `reelscope: `, and none names a
    temporary file (NAME.XXXXXX beside the export)."""
    for line in stderr.splitlines():
        check(line.startswith('reelscope: '), f'{context}: "reelscope: " before {line!r}')
        check(re.search(r'\.(png|svg|pdf)\.[A-Za-z0-9]{6}', line) is None,
              f'{context}: no temporary name in {line!r}')


def read_png(path):
    """Returns (width, height, alpha, {keyword: text}, first row): alpha whether the image has
    an alpha channel or a palette's tRNS; the first row as RGB or RGBA bytes."""
    with open(path, 'rb') as f:
        data = f.read()
    check(data[:8] == b'\x89PNG\r\n\x1a\n', f'{path} is a PNG')
    offset, texts, idat = 8, {}, b''
    width = height = colour = None
    palette = opacities = b''
    while offset < len(data):
        length, kind = struct.unpack('>I4s', data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        crc, = struct.unpack('>I', data[offset + 8 + length:offset + 12 + length])
        check(zlib.crc32(kind + body) == crc, f'{kind} chunk CRC')
        if kind == b'IHDR':
            width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            check(depth == 8, f'{path}: 8 bits a sample, not {depth}')
        elif kind == b'PLTE':
            palette = body
        elif kind == b'tRNS':
            opacities = body
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
    alpha = colour in (4, 6) or opacities != b''
    return width, height, alpha, texts, first_row(colour, width, idat, palette, opacities)


def first_row(colour, width, idat, palette, opacities):
    """The first row's pixels, its filter undone and its palette looked up."""
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = zlib.decompressobj().decompress(idat, 1 + width * channels)
    kind, row = raw[0], bytearray(raw[1:1 + width * channels])
    # Above the first row, the filters see zeros: None and Up leave it as it is; Sub, Average and
    # Paeth add all, half and all of the byte on the left.
    if kind in (1, 3, 4):
        for i in range(channels, len(row)):
            left = row[i - channels]
            row[i] = (row[i] + (left // 2 if kind == 3 else left)) & 0xff
    if colour != 3:
        return bytes(row)
    pixels = bytearray()
    for index in row:
        pixels += palette[3 * index:3 * index + 3]
        if opacities:
            pixels.append(opacities[index] if index < len(opacities) else 0xff)
    return bytes(pixels)


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
        width, height, alpha, texts, _row = read_png(out)
        check((width, height) == (1200, 800), f'1200x800, not {width}x{height}')
        check(not alpha, 'opaque: no alpha')
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
    for args, alpha, pixel in ((['--theme=dark'], False, b'\x35\x35\x35'),
                               (['--theme=dark', '--background=white'], False, b'\xff\xff\xff'),
                               (['--background=transparent'], True, b'\0\0\0\0')):
        directory, out, result = export('--chart=share', *args)
        try:
            check(result.returncode == 0, f'{args}: exit status 0', result)
            _w, _h, got_alpha, _texts, row = read_png(out)
            check(got_alpha == alpha, f'{args}: alpha {alpha}, not {got_alpha}')
            check(row[:len(pixel)] == pixel, f'{args}: top left pixel {row[:len(pixel)]!r}')
        finally:
            shutil.rmtree(directory)


@test
def every_kind_and_format():
    for kind in ('revenue', 'growth', 'share', 'trend', 'map', 'platforms'):
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
def map_metrics():
    """--metric picks what the map colours by, and the export says so in its
    title; its description credits the map's source."""
    titles = {'revenue': 'Revenue by region', 'share': 'Share of world revenue',
              'downloads': 'Downloads by region', 'growth': 'Growth by region'}
    for metric, title in titles.items():
        directory, out, result = export('--chart=map', f'--metric={metric}', data=None)
        try:
            check(result.returncode == 0, f'{metric}: exit status 0', result)
            _w, _h, _alpha, texts, _row = read_png(out)
            check(texts.get('Title', '').startswith(title), f'{metric}: title {texts.get("Title")!r}')
            check('Natural Earth' in texts.get('Description', ''), f'{metric}: the map is credited')
        finally:
            shutil.rmtree(directory)


@test
def platforms_metrics():
    """--metric=downloads ranks the apps by their downloads, as the title and
    the description say; the map's own metrics are not the platforms'."""
    directory, out, result = export('--chart=platforms', '--metric=downloads', data=None)
    try:
        check(result.returncode == 0, 'exit status 0', result)
        _w, _h, _alpha, texts, _row = read_png(out)
        check(texts.get('Title') == 'Platforms by downloads, 2025', f'title {texts.get("Title")!r}')
        check('GoodShort' in texts.get('Description', '') and
              '$' not in texts.get('Description', '').split('.')[0],
              f'counts, not money: {texts.get("Description")!r}')
    finally:
        shutil.rmtree(directory)
    directory, out, result = export('--chart=platforms', '--metric=share', data=None)
    try:
        check(result.returncode == 2, 'share is not a platforms metric: exit status 2', result)
        check('Platforms rank by revenue, downloads or users' in result.stderr, result.stderr)
        check(os.listdir(directory) == [], 'writes nothing')
    finally:
        shutil.rmtree(directory)


@test
def map_without_geometry():
    """A map whose geometry file is missing is refused with its reason, in
    every way a map is exported, and leaves no file behind."""
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    env = environment()
    env['REELSCOPE_DATA_DIR'] = os.path.join(directory, 'no-data')
    try:
        out = os.path.join(directory, 'map.png')
        for args in ([f'--export={out}', '--chart=map'], ['--export=-', '--format=png', '--chart=map']):
            result = subprocess.run([REELSCOPE, *args, SAMPLE], env=env, capture_output=True, timeout=120)
            stderr = result.stderr.decode()
            check(result.returncode == 1, f'{args}: exit status 1, not {result.returncode}')
            check('The world map cannot be drawn' in stderr and 'world-110m.reelgeo' in stderr,
                  f'{args}: says why: {stderr!r}')
            check(result.stdout == b'', f'{args}: nothing on standard output')
            check_stderr_form(stderr, str(args))
        check(os.listdir(directory) == [], f'no file left: {os.listdir(directory)}')
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
                          ['growth-2025.png', 'share-2026.png', 'trend.png', 'map-2026.png'])
        check(names == expected, f'every kind and every year of Revenue: {names}')
        check(result.stdout.splitlines() == [os.path.join(directory, name) for name in
                                             [f'revenue-{year}.png' for year in range(2021, 2028)] +
                                             ['growth-2025.png', 'share-2026.png', 'trend.png',
                                              'map-2026.png']],
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
def platforms():
    """--chart=platforms ranks the bundled dataset's apps for its latest year
    in every format; the description names each app with its company, its
    value and its source, and --export-dir writes the ranking."""
    for extension in ('png', 'svg', 'pdf'):
        directory, out, result = export('--chart=platforms', name=f'c.{extension}', data=None)
        try:
            check(result.returncode == 0, f'{extension}: exit status 0', result)
            with open(out, 'rb') as f:
                head = f.read(64)
            magic = {'png': b'\x89PNG', 'svg': b'<?xml', 'pdf': b'%PDF-'}[extension]
            check(head.startswith(magic), f'{extension}: starts with {magic!r}')
            if extension != 'png':
                continue
            _w, _h, _alpha, texts, _row = read_png(out)
            description = texts.get('Description', '')
            check(texts.get('Title') == 'Platforms by revenue, 2025', f'title {texts.get("Title")!r}')
            check(description.startswith('Platforms by revenue, 2025. ReelShort · Crazy Maple Studio'),
                  f'the leading app first, with its company: {description[:120]!r}')
            check('TechCrunch' in description, 'the leading app\'s source is named')
        finally:
            shutil.rmtree(directory)

    directory = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        result = run(f'--export-dir={directory}', SAMPLE)
        check(result.returncode == 0, 'export-dir: exit status 0', result)
        names = sorted(os.listdir(directory))
        check(any(name.startswith('platforms-') for name in names),
              f'export-dir writes the platforms of a dataset that has them: {names}')
    finally:
        shutil.rmtree(directory)


@test
def compare_regions():
    """--region, repeated or with commas, selects regions as the window's
    list does: Trend then draws exactly those with the world and says so
    first; an id the dataset does not have is an error naming its ids."""
    directory, out, result = export('--chart=trend', '--region=north-america,europe',
                                    '--region', 'southeast-asia', '--region=europe', data=EDGE)
    try:
        check(result.returncode == 0, 'exit status 0', result)
        _w, _h, _alpha, texts, _row = read_png(out)
        description = texts.get('Description', '')
        title = texts.get('Title', '')
        check(description.startswith(f'{title}. North America, Europe and Southeast Asia, with the world. '),
              f'the comparison first: {description[:160]!r}')
        series = [part.split(':')[0] for part in
                  description[len(title) + 2:].split('. ')[1].split('; ')]
        check(series == ['North America', 'Europe', 'Southeast Asia', 'World'], f'the lines: {series}')
        check('Latin America' not in description, 'no other region')
    finally:
        shutil.rmtree(directory)

    # The same three regions on the bundled dataset, by month; in SVG and
    # PDF as in PNG.
    for extension in ('png', 'svg', 'pdf'):
        directory, out, result = export('--chart=trend', '--region=north-america,europe,southeast-asia',
                                        name=f'c.{extension}', data=None)
        try:
            check(result.returncode == 0, f'{extension}: exit status 0', result)
            if extension == 'png':
                _w, _h, _alpha, texts, _row = read_png(out)
                check(texts.get('Title') == 'Revenue by month, 2025', f'title {texts.get("Title")!r}')
                check('No monthly revenue figures: North America.' in texts.get('Description', ''),
                      'North America has no month of its own')
        finally:
            shutil.rmtree(directory)

    directory, out, result = export('--chart=trend', '--region=europe,atlantis', data=EDGE)
    try:
        check(result.returncode == 1, 'an unknown region: exit status 1', result)
        check(result.stderr.startswith('reelscope: No region “atlantis” in this dataset; its regions: '
                                       'north-america, latin-america, '), result.stderr)
        check(os.listdir(directory) == [], 'writes nothing')
    finally:
        shutil.rmtree(directory)


@test
def missing_directory():
    parent = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        for args, named in (([f'--export={parent}/missing/chart.png', SAMPLE], f'{parent}/missing/chart.png'),
                            ([f'--export-dir={parent}/missing', SAMPLE], f'{parent}/missing')):
            result = run(*args)
            check(result.returncode == 1, f'{args}: exit status 1', result)
            # Once, and not GLib's "Failed to create file “…/chart.png.J5LYZ3”".
            check(result.stderr == f'reelscope: {named}: No such file or directory\n',
                  f'{args}: reelscope: OUT: errno text', result)
            check(os.listdir(parent) == [], f'{args}: leaves nothing behind: {os.listdir(parent)}')
    finally:
        shutil.rmtree(parent)


# Atomic writes (issue 8): whatever fails, a file that was there before is
# byte for byte what it was, and no temporary file (NAME.XXXXXX, or the
# staging directory of --export-dir) is left behind.

OLD = bytes(range(256)) * 16   # 4 KiB that no export could produce
NOBODY = 65534


def snapshot(directory):
    """{name: bytes} of the regular files in directory, and the names of
    everything else in it."""
    files, others = {}, []
    for entry in sorted(os.listdir(directory)):
        path = os.path.join(directory, entry)
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, 'rb') as f:
                files[entry] = f.read()
        else:
            others.append(entry)
    return files, others


def unprivileged_runner():
    """A command prefix that runs as the unprivileged user nobody (65534),
    or [] when this process is not root anyway. The tests run as root in
    the container and in CI, and root writes into a read-only directory
    whatever its mode, which would prove nothing."""
    if os.geteuid() != 0:
        return []
    if shutil.which('setpriv'):
        return ['setpriv', f'--reuid={NOBODY}', f'--regid={NOBODY}', '--clear-groups']
    if shutil.which('runuser'):
        return ['runuser', '-u', 'nobody', '--']
    raise Skip('running as root without setpriv or runuser (util-linux) to drop privileges')


class Unprivileged:
    """A world-readable scratch directory, and what reelscope needs to run
    as nobody: the binary, the dataset, the fonts configuration and the
    LeakSanitizer suppressions are copied in when nobody cannot read them
    where they are (a build dir under a private home, say)."""

    def __init__(self):
        self.prefix = unprivileged_runner()
        self.root = tempfile.mkdtemp(prefix='reel-cli-nobody-')
        os.chmod(self.root, 0o755)
        self.env = dict(os.environ)
        for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
            self.env.pop(name, None)
        self.env.update({'DBUS_SESSION_BUS_ADDRESS': 'unix:path=/nonexistent/bus',
                         'LC_ALL': 'C.UTF-8', 'LANGUAGE': '', 'HOME': self.root,
                         'XDG_CACHE_HOME': os.path.join(self.root, 'cache')})
        os.mkdir(self.env['XDG_CACHE_HOME'])
        if self.prefix:
            os.chown(self.env['XDG_CACHE_HOME'], NOBODY, NOBODY)
        self.reelscope = self.reachable(REELSCOPE, executable=True)
        self.sample = self.reachable(SAMPLE)
        if 'FONTCONFIG_FILE' in self.env:
            self.env['FONTCONFIG_FILE'] = self.reachable(self.env['FONTCONFIG_FILE'])
        lsan = self.env.get('LSAN_OPTIONS', '')
        if 'suppressions=' in lsan:
            options = dict(option.split('=', 1) for option in lsan.split(',') if '=' in option)
            options['suppressions'] = self.reachable(options['suppressions'])
            self.env['LSAN_OPTIONS'] = ','.join(f'{k}={v}' for k, v in options.items())

    def reachable(self, path, executable=False):
        if not self.prefix:
            return path
        flag = '-x' if executable else '-r'
        if subprocess.run([*self.prefix, 'test', flag, path]).returncode == 0:
            return path
        copy = os.path.join(self.root, os.path.basename(path))
        shutil.copy(path, copy)
        os.chmod(copy, 0o755 if executable else 0o644)
        return copy

    def directory(self, mode):
        """A directory of nobody's, with mode."""
        path = tempfile.mkdtemp(prefix='out-', dir=self.root)
        if self.prefix:
            os.chown(path, NOBODY, NOBODY)
        os.chmod(path, mode)
        return path

    def put(self, path, data, mode):
        """A file of nobody's, with mode."""
        with open(path, 'wb') as f:
            f.write(data)
        if self.prefix:
            os.chown(path, NOBODY, NOBODY)
        os.chmod(path, mode)

    def run(self, *args):
        return subprocess.run([*self.prefix, self.reelscope, *args], env=self.env,
                              capture_output=True, text=True, timeout=120)

    def close(self):
        for parent, directories, _files in os.walk(self.root):
            for name in directories:
                os.chmod(os.path.join(parent, name), 0o755)
        shutil.rmtree(self.root)


def check_refused(result, args, named, reason, directory, before):
    """An export refused: exit status 1, a message that names the file
    and says why, nothing listed as written, the directory as it was."""
    check(result.returncode == 1, f'{args}: exit status 1', result)
    check(result.stderr.startswith(f'reelscope: {named}: ') and reason in result.stderr,
          f'{args}: names the file and says "{reason}"', result)
    check(result.stderr.count(named) == 1, f'{args}: names the file once', result)
    check_stderr_form(result.stderr, args)
    check(result.stdout == '', f'{args}: lists nothing as written', result)
    check(snapshot(directory) == before,
          f'{args}: the directory as it was: {os.listdir(directory)}')


@test
def read_only_directory():
    """As a user who may not write the directory: exit status 1, a message
    that names the file and says why, the existing files byte-identical,
    nothing added; for --export-dir too."""
    user = Unprivileged()
    try:
        directory = user.directory(0o755)
        out = os.path.join(directory, 'chart.png')
        user.put(out, OLD, 0o644)
        user.put(os.path.join(directory, 'trend.png'), OLD, 0o644)
        os.chmod(directory, 0o555)
        before = snapshot(directory)
        for args, named in (([f'--export={out}', user.sample], out),
                            ([f'--export={out}', '--chart=trend', '--scale=2', user.sample], out),
                            ([f'--export-dir={directory}', user.sample], directory)):
            check_refused(user.run(*args), args, named, 'Permission denied', directory, before)
    finally:
        user.close()


@test
def read_only_file():
    """A read-only file, in a directory the user may write, is refused: exit
    status 1, a message naming the file and saying it is read-only, the
    file byte-identical, nothing added; for --export-dir too, before any
    chart is put in place. The rename that puts an export in place would
    succeed (on POSIX, replacing a name is the directory's permission, not
    the file's), but a read-only mode is the user saying "keep this", and
    GIO's g_file_replace(), through which GNOME apps save and through which
    an export to a file that is not local is written, refuses such a file
    too: one rule whatever the file. Once made writable it is replaced."""
    user = Unprivileged()
    try:
        directory = user.directory(0o755)
        out = os.path.join(directory, 'chart.png')
        kept = os.path.join(directory, 'revenue-2021.png')
        user.put(out, OLD, 0o444)
        user.put(kept, OLD, 0o444)
        before = snapshot(directory)
        for args, named in (([f'--export={out}', user.sample], out),
                            ([f'--export-dir={directory}', user.reachable(EDGE)], kept)):
            check_refused(user.run(*args), args, named, 'is read-only', directory, before)

        os.chmod(out, 0o644)
        result = user.run(f'--export={out}', user.sample)
        check(result.returncode == 0 and result.stderr == '', 'writable: exit 0, quiet', result)
        files, others = snapshot(directory)
        check(sorted(files) == ['chart.png', 'revenue-2021.png'] and others == [],
              f'no temporary file: {os.listdir(directory)}')
        check(files['chart.png'][:8] == b'\x89PNG\r\n\x1a\n', 'the new chart replaced the old file')
    finally:
        user.close()


def private_mount_namespace():
    """unshare(1) arguments for a mount namespace of our own, where a tmpfs
    can be mounted and goes away with the namespace: as root directly,
    otherwise in a user namespace where we are root."""
    if shutil.which('unshare') is None:
        raise Skip('no unshare (util-linux) to mount a small tmpfs')
    if os.geteuid() == 0:
        return ['unshare', '--mount', '--propagation', 'private']
    return ['unshare', '--user', '--map-root-user', '--mount']


# In the namespace: a tmpfs on $1, the old file copied in twice, then the
# command; its exit status and what the tmpfs holds afterwards go to
# stdout (the tmpfs is full), its stderr to $3.
FULL_SCRIPT = r'''
set -u
dir=$1 old=$2 err=$3 size=$4
shift 4
mount -t tmpfs -o "size=$size,mode=0755" reel-full "$dir" || exit 77
cp "$old" "$dir/chart.png" && cp "$old" "$dir/revenue-2021.png" || exit 3
"$@" 2>"$err"
echo "status $?"
for name in $(ls -A "$dir"); do
    echo "entry $name"
done
cmp -s "$old" "$dir/chart.png" && echo "chart.png same"
cmp -s "$old" "$dir/revenue-2021.png" && echo "revenue-2021.png same"
df -k "$dir" | tail -n 1
'''


def run_on_tmpfs(size, *args):
    """Runs reelscope ARGS on a tmpfs of SIZE, {dir} in ARGS, in a private
    mount namespace; returns (the mount point, FULL_SCRIPT's stdout lines,
    reelscope's stderr). Skips where no tmpfs may be mounted (a container
    without CAP_SYS_ADMIN nor user namespaces)."""
    prefix = private_mount_namespace()
    scratch = tempfile.mkdtemp(prefix='reel-cli-full-')
    try:
        mount_point = os.path.join(scratch, 'full')
        os.mkdir(mount_point)
        old = os.path.join(scratch, 'old')
        with open(old, 'wb') as f:
            f.write(OLD)
        err = os.path.join(scratch, 'stderr')
        env = dict(os.environ)
        for name in ('DISPLAY', 'WAYLAND_DISPLAY'):
            env.pop(name, None)
        env.update({'DBUS_SESSION_BUS_ADDRESS': 'unix:path=/nonexistent/bus', 'LC_ALL': 'C.UTF-8',
                    'LANGUAGE': ''})
        command = [REELSCOPE, *(arg.format(dir=mount_point) for arg in args)]
        result = subprocess.run([*prefix, 'sh', '-c', FULL_SCRIPT, 'sh', mount_point, old, err,
                                 size, *command],
                                env=env, capture_output=True, text=True, timeout=120)
        unshare_failed = result.returncode != 0 and result.stderr.startswith('unshare:')
        if result.returncode == 77 or unshare_failed:
            raise Skip(f'cannot mount a tmpfs here: {result.stderr.strip()}')
        check(result.returncode == 0, f'{args}: the script ran', result)
        with open(err, encoding='utf-8') as f:
            stderr = f.read()
        return mount_point, result.stdout.splitlines(), stderr
    finally:
        shutil.rmtree(scratch)


@test
def full_filesystem():
    """A real ENOSPC: the export onto a 64 KiB tmpfs that has room for the
    old files but not the new one (a PNG at scale 4 is over 100 KiB, an SVG
    of EDGE's CJK glyphs too): exit status 1, a message naming the file and
    the cause, the old files byte-identical, no temporary file, and the
    space given back. test-chart-export covers the same write error
    without privileges (RLIMIT_FSIZE)."""
    for args, name in ((['--export={dir}/chart.png', '--scale=4', SAMPLE], 'chart.png'),
                       (['--export={dir}/chart.svg', EDGE], 'chart.svg'),
                       (['--export-dir={dir}', '--scale=4', EDGE], 'revenue-2021.png')):
        mount_point, lines, stderr = run_on_tmpfs('64k', *args)
        details = f'{args}: stdout {lines!r}, stderr {stderr!r}'
        check('status 1' in lines, f'exit status 1; {details}')
        check(stderr == f'reelscope: {os.path.join(mount_point, name)}: No space left on device\n',
              f'names the file, once, and the cause; {details}')
        check('No space left on device' in stderr, f'says the disk is full; {details}')
        entries = sorted(line[6:] for line in lines if line.startswith('entry '))
        check(entries == ['chart.png', 'revenue-2021.png'], f'no temporary file; {details}')
        check('chart.png same' in lines and 'revenue-2021.png same' in lines,
              f'old files untouched; {details}')
        used_kib = int(lines[-1].split()[2])
        check(used_kib <= 12, f'the space given back ({used_kib} KiB used); {details}')


@test
def export_dir_keeps_old_files():
    """--export-dir that fails part-way (the disk fills after a few charts)
    leaves the directory as it was: an older chart of the same name is
    neither replaced nor deleted, and stdout lists nothing. Before the
    charts went through a staging directory, those written before the
    failure were unlinked again, and with them the user's files that they
    had replaced."""
    # Room for the two old files and a few charts of EDGE, not all ten.
    mount_point, lines, stderr = run_on_tmpfs('300k', '--export-dir={dir}', EDGE)
    details = f'stdout {lines!r}, stderr {stderr!r}'
    check('status 1' in lines, f'exit status 1; {details}')
    check('No space left on device' in stderr, f'says the disk is full; {details}')
    check(not any(line.startswith(mount_point) for line in lines),
          f'lists nothing as written; {details}')
    entries = sorted(line[6:] for line in lines if line.startswith('entry '))
    check(entries == ['chart.png', 'revenue-2021.png'],
          f'nothing added, nothing removed; {details}')
    check('revenue-2021.png same' in lines, f'the older chart of the same name kept; {details}')


@test
def bad_data():
    directory, out, result = export(data=INVALID)
    try:
        check(result.returncode == 1, 'exit status 1', result)
        check(result.stderr.startswith(f'reelscope: {INVALID}:9:12: regions[0].id: '),
              'reelscope: FILE:LINE:COL: PATH: message', result)
        check_stderr_form(result.stderr, 'bad data')
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
        [f'--export={out}', '--metric=growth'],
        [f'--export={out}', '--chart=map', '--metric=profit'],
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
        [f'--export={out}', '--format=gif'],
        [f'--export={out}', '--format=svg'],
        [f'--export={os.path.join(directory, "chart.svg")}', '--format=pdf'],
        ['--export=-'],
        [f'--export-dir={directory}', '--format=png'],
        ['--format=png'],
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
            check_stderr_form(result.stderr, full)
            check(result.stdout == '', f'{full}: nothing on stdout', result)
            check(os.listdir(directory) == [], f'{full}: writes nothing')
    finally:
        shutil.rmtree(directory)


@test
def year_without_data():
    """A --year with no figures for the chart is an error that names the
    years there are, not an empty chart."""
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        for args, data, message in (
                (['--year=1999'], SAMPLE, 'No revenue figures for 1999; years with data: 2024'),
                (['--chart=share', '--year=2030'], SAMPLE, 'No share figures for 2030; years with data: 2024'),
                # not 2023: its revenue and 2022's come from two sources
                (['--chart=growth', '--year=1999'], EDGE,
                 'No growth figures for 1999; years with data: 2022, 2024, 2025')):
            out = os.path.join(directory, 'chart.png')
            result = run(f'--export={out}', *args, data)
            check(result.returncode == 1, f'{args}: exit status 1', result)
            check(result.stderr == f'reelscope: {message}\n', f'{args}: {message}', result)
            check(os.listdir(directory) == [], f'{args}: writes nothing')
        result = run(f'--export={directory}/chart.png', '--year=2024', SAMPLE)
        check(result.returncode == 0 and result.stderr == '', 'a year with data: exit 0', result)
    finally:
        shutil.rmtree(directory)


@test
def format_without_extension():
    """--format names the format of an OUT without .png, .svg or .pdf."""
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        for fmt, magic in (('png', b'\x89PNG\r\n\x1a\n'), ('svg', b'<?xml'), ('pdf', b'%PDF-')):
            out = os.path.join(directory, f'chart-{fmt}')
            result = run(f'--export={out}', f'--format={fmt}', SAMPLE)
            check(result.returncode == 0 and result.stderr == '', f'--format={fmt}: exit status 0', result)
            with open(out, 'rb') as f:
                check(f.read().startswith(magic), f'--format={fmt}: a {fmt.upper()} file')
        result = run(f'--export={directory}/chart.pdf', '--format=pdf', SAMPLE)
        check(result.returncode == 0, 'a name and a --format that agree', result)
    finally:
        shutil.rmtree(directory)


@test
def stdin_and_stdout():
    """`-` as FILE reads the dataset from standard input; --export=- with
    --format writes the chart to standard output, the same bytes as a file."""
    directory = tempfile.mkdtemp(prefix='reel-cli-')
    try:
        out = os.path.join(directory, 'chart.svg')
        result = run(f'--export={out}', SAMPLE)
        check(result.returncode == 0, 'the SVG written to a file', result)
        with open(out, 'rb') as f:
            from_file = f.read()
        with open(SAMPLE, 'rb') as f:
            sample = f.read()

        result = run_binary('--export=-', '--format=svg', SAMPLE)
        check(result.returncode == 0 and result.stderr == b'', '--export=- --format=svg: exit 0, quiet', result)
        check(result.stdout == from_file, 'the SVG on stdout is the file\'s')
        ElementTree.fromstring(result.stdout)

        piped = os.path.join(directory, 'piped.svg')
        result = run_binary(f'--export={piped}', '-', stdin=sample)
        check(result.returncode == 0 and result.stderr == b'', '--export=OUT -: exit 0, quiet', result)
        with open(piped, 'rb') as f:
            check(f.read() == from_file, 'the dataset read from stdin draws the same chart')

        result = run_binary('--export=-', '--format=png', '-', stdin=sample)
        check(result.returncode == 0, 'stdin to stdout as PNG', result)
        png = os.path.join(directory, 'stdout.png')
        with open(png, 'wb') as f:
            f.write(result.stdout)
        width, height, _alpha, _texts, _row = read_png(png)
        check((width, height) == (1200, 800), f'a 1200x800 PNG, not {width}x{height}')

        result = run_binary(f'--export={piped}', '-', stdin=b'{"format": "reelscope-dataset"')
        check(result.returncode == 1, 'bad data on stdin: exit status 1', result)
        check(result.stderr.decode().startswith('reelscope: <stdin>:1:'), 'named <stdin>', result)
    finally:
        shutil.rmtree(directory)


@test
def binary_to_terminal():
    """A PNG or PDF is not written to a terminal (an SVG is text, and is)."""
    leader, follower = pty.openpty()
    try:
        for fmt in ('png', 'pdf'):
            result = run_binary('--export=-', f'--format={fmt}', SAMPLE, stdout=follower)
            check(result.returncode == 2, f'{fmt} to a terminal: exit status 2', result)
            check(result.stderr.decode().startswith('reelscope: Standard output is a terminal'),
                  f'{fmt}: says why', result)
            check(not select.select([leader], [], [], 0.1)[0], f'{fmt}: nothing written to the terminal')
    finally:
        os.close(leader)
        os.close(follower)


if __name__ == '__main__':
    sys.exit(taptest.main())
