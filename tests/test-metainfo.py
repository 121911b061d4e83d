#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Flathub's rules for the metainfo that Debian 12's `appstreamcli validate`
(AppStream 0.16) does not check, one by one: a summary of at most 35
characters, a developer with an id and a name, screenshots and release
notes pinned to the release's tag rather than a moving branch, screenshots
that exist at the size they claim, branding colours for light and dark,
and a content rating.

Usage: test-metainfo.py METAINFO (the built, merged file)   Prints TAP.
"""

import os
import re
import struct
import sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import installtest  # noqa: E402

METAINFO = sys.argv[1]
SRCDIR = installtest.SRCDIR
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

tap = installtest.Tap()
component = ElementTree.parse(METAINFO).getroot()

with open(os.path.join(SRCDIR, 'meson.build'), encoding='utf-8') as f:
    version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
tag = 'v' + version

summary = next((element.text for element in component.findall('summary')
                if element.get(XML_LANG) is None), '')
tap.ok(0 < len(summary) <= 35 and not summary.endswith('.')
       and not summary.lower().startswith(('a ', 'an ', 'the ', 'reelscope')),
       'the summary has at most 35 characters, no final stop, and does not repeat the name',
       f'{summary!r}: {len(summary)} characters')

developer = component.find('developer')
tap.ok(developer is not None and re.fullmatch(r'[a-z0-9.-]+\.[a-z0-9-]+', developer.get('id', ''))
       and (developer.findtext('name') or '').strip(),
       'a developer with a reverse-DNS id and a name',
       ElementTree.tostring(developer, encoding='unicode') if developer is not None else 'none')

images = component.findall('screenshots/screenshot/image')
moving = [image.text for image in images
          if f'/{tag}/' not in (image.text or '') or not image.text.startswith('https://')]
tap.ok(images and not moving, f'every screenshot is pinned to the tag {tag}', moving)

wrong = []
for image in images:
    path = os.path.join(SRCDIR, image.text.split(f'/{tag}/', 1)[-1])
    try:
        with open(path, 'rb') as f:
            header = f.read(24)
        size = struct.unpack('>II', header[16:24]) if header[:8] == b'\x89PNG\r\n\x1a\n' else None
    except OSError:
        size = None
    if size != (int(image.get('width', 0)), int(image.get('height', 0))):
        wrong.append(f'{path}: {size}, claims {image.get("width")}x{image.get("height")}')
tap.ok(images and not wrong, 'every screenshot is a PNG in data/screenshots of the size it claims',
       wrong)
tap.ok(all((screenshot.findtext('caption') or '').strip()
           for screenshot in component.findall('screenshots/screenshot')),
       'every screenshot has a caption')

release = component.find(f'releases/release[@version="{version}"]')
details = release.find('url[@type="details"]') if release is not None else None
tap.ok(release is not None and re.fullmatch(r'\d{4}-\d{2}-\d{2}', release.get('date', ''))
       and release.find('description') is not None
       and details is not None and details.text.endswith('/' + tag),
       f'the release {version} has a date, notes and a details link to its tag', release)

colours = {color.get('scheme_preference'): color.text
           for color in component.findall('branding/color[@type="primary"]')}
tap.ok(set(colours) == {'light', 'dark'}
       and all(re.fullmatch(r'#[0-9a-fA-F]{6}', value or '') for value in colours.values()),
       'branding colours for the light and the dark style', colours)

rating = component.find('content_rating')
tap.ok(rating is not None and rating.get('type') == 'oars-1.1', 'an OARS 1.1 content rating')

tap.finish()
