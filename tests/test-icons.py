#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app icons render at every size GNOME shows them, and the symbolic
icon is a 16x16 single-colour icon GTK can recolour. Prints TAP.
"""

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

tap = installtest.Tap()
APP_ID = installtest.app_id()
ICONS = os.path.join(installtest.SRCDIR, 'data', 'icons', 'hicolor')
SCALABLE = os.path.join(ICONS, 'scalable', 'apps', APP_ID + '.svg')
SYMBOLIC = os.path.join(ICONS, 'symbolic', 'apps', APP_ID + '-symbolic.svg')
SVG = '{http://www.w3.org/2000/svg}'

with tempfile.TemporaryDirectory() as tmpdir:
    for icon in (SCALABLE, SYMBOLIC):
        for size in (16, 32, 64, 128):
            png = os.path.join(tmpdir, f'{size}.png')
            result = installtest.run(['rsvg-convert', '-w', str(size), '-h', str(size),
                                      '-o', png, icon])
            with open(png, 'rb') if os.path.exists(png) else open(os.devnull, 'rb') as f:
                header = f.read(24)
            width = int.from_bytes(header[16:20], 'big') if len(header) == 24 else 0
            tap.ok(result.returncode == 0 and not result.stderr and width == size,
                   f'{os.path.basename(icon)} renders at {size} px', result)

root = ElementTree.parse(SCALABLE).getroot()
tap.ok(root.get('viewBox') == '0 0 128 128', 'the app icon is drawn on the 128 px grid',
       root.get('viewBox'))

root = ElementTree.parse(SYMBOLIC).getroot()
colours = set()
for element in root.iter():
    for attribute in ('fill', 'stroke'):
        value = element.get(attribute)
        if value and value != 'none':
            colours.add(value.lower())
    colours |= {colour.lower() for colour in
                re.findall(r'(?:fill|stroke|color)\s*:\s*(#[0-9a-fA-F]+)', element.get('style', ''))}
shapes = [element.tag for element in root.iter() if element.tag != SVG + 'svg']
tap.ok(root.get('viewBox') == '0 0 16 16' and root.get('width') == '16'
       and root.get('height') == '16', 'the symbolic icon is 16x16', root.attrib)
tap.ok(colours == {'#2e3436'} and all(tag == SVG + 'path' for tag in shapes),
       'the symbolic icon is #2e3436 paths only', f'colours {colours}, elements {shapes}')

tap.finish()
