#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the window through AT-SPI, as a user drives it.

Starts the built reelscope on the bundled dataset for each test, finds it on
the accessibility bus by name, and works it with clicks (AT-SPI actions),
selections and key presses (synthesized by the registry through XTest):
every chart kind from the header's switcher, a region from the list, the
chart's marks with the keyboard, the years stepped and played through, an export through the Export dialog and
GTK's own file chooser, a malformed file through the Open dialog, the help
through F1 and the main menu, and a walk of the whole tree for controls
without an accessible name.

Run in a world of its own (tests/meson.build: hermetic-session.sh gives it
an Xvfb, a D-Bus session whose accessibility bus the app registers with, and
a private XDG_RUNTIME_DIR); the app runs without GTK_A11Y:

    hermetic-session.sh test-e2e-atspi.py REELSCOPE BUNDLED_DATASET

Prints TAP. Settings stay in memory; the other XDG folders are in the build
dir. Without a display or a session bus every test is skipped.
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import traceback

REELSCOPE = os.path.abspath(sys.argv[1])
BUNDLED = os.path.abspath(sys.argv[2])
BUILDDIR = os.path.dirname(os.path.dirname(REELSCOPE))
with open(os.path.join(BUILDDIR, 'config.h'), encoding='utf-8') as _config:
    APP_ID = re.search(r'#define APP_ID "([^"]+)"', _config.read()).group(1)
WORKDIR = os.path.join(os.environ.get('G_TEST_BUILDDIR', os.path.join(BUILDDIR, 'tests')), 'e2e-atspi')

# Keysyms (X11 keysymdef.h).
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_LEFT = 0xff51
KEY_ESCAPE = 0xff1b
KEY_RIGHT = 0xff53
KEY_SPACE = 0x0020
KEY_DOWN = 0xff54
KEY_HOME = 0xff50
KEY_SLASH = 0x002f
KEY_F1 = 0xffbe

TIMEOUT = 20.0

tests = []


def test(function):
    tests.append(function)
    return function


class Skip(Exception):
    pass


try:
    import pyatspi
    from gi.repository import Atspi, GLib
except ImportError:  # pragma: no cover
    pyatspi = None


def pump():
    """Lets libatspi read the bus: its cache of the desktop's children and
    of each node's states follows the events it receives there."""
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass


def settle(seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pump()
        time.sleep(0.05)


# ---------------------------------------------------------------------------
# The tree

def children(node):
    try:
        return [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception:
        return []


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def name(node):
    try:
        return node.name or ''
    except Exception:
        return ''


def description(node):
    try:
        return node.description or ''
    except Exception:
        return ''


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def walk(node, depth=0):
    """Every node under @node (itself included), depth first."""
    yield node, depth
    if depth > 80:
        return
    for child in children(node):
        yield from walk(child, depth + 1)


def find_all(node, predicate):
    return [n for n, _ in walk(node) if predicate(n)]


def first(node, predicate, reverse=False, depth=0):
    """The first node that matches, in tree order (or from the end): each
    node is a few calls on the bus, so the walk stops there."""
    if predicate(node):
        return node
    if depth > 80:
        return None
    kids = children(node)
    for child in (reversed(kids) if reverse else kids):
        found = first(child, predicate, reverse, depth + 1)
        if found is not None:
            return found
    return None


def find(node, predicate, what, timeout=TIMEOUT, reverse=False):
    """The first node that matches, waiting for it to appear."""
    deadline = time.monotonic() + timeout
    while True:
        pump()
        found = first(node, predicate, reverse)
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f'no {what} appeared')
        settle(0.2)


def wait_for(condition, what, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        pump()
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f'timed out waiting for {what}')
        settle(0.2)


def text_of(node):
    """A label's text. GTK 4.8 answers getText(0, -1) with '': ask for the
    characters it says it has, else take the accessible name."""
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return name(node)


def click(node):
    """Its first action ("click"); GTK ignores a second click on a button
    within 250 ms."""
    action = node.queryAction()
    action.doAction(0)
    settle(0.35)


def press(keysym, times=1):
    for _ in range(times):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        settle(0.15)


def button_named(node, label):
    """A button of the app: GTK 4.8 names a button with a mnemonic by its
    raw label and then its text ("_Export Export")."""
    def match(n):
        return (role(n) in ('push button', 'toggle button')
                and (name(n) == label or name(n).endswith(' ' + label)))
    return match


# ---------------------------------------------------------------------------
# The app

class App:
    """reelscope [ARGS] with settings in memory and XDG folders of its own;
    the main frame once the dataset shows."""

    def __init__(self, *args, overview=False, problems=False):
        self.args = list(args)
        self.overview = overview
        self.problems = problems
        self.process = None
        self.app = None

    def __enter__(self):
        home = os.path.join(WORKDIR, 'home')
        env = dict(os.environ)
        for variable in ('GTK_A11Y', 'NO_AT_BRIDGE', 'GSETTINGS_BACKEND', 'G_DEBUG'):
            env.pop(variable, None)
        env.update({
            'GSETTINGS_SCHEMA_DIR': os.path.join(BUILDDIR, 'data'),
            'GSETTINGS_BACKEND': 'memory',
            'GSK_RENDERER': 'cairo',
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': '',
            'HOME': home,
            'XDG_CONFIG_HOME': os.path.join(home, '.config'),
            'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
            'XDG_CACHE_HOME': os.path.join(home, '.cache'),
        })
        for variable in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME'):
            os.makedirs(env[variable], mode=0o700, exist_ok=True)
        if os.environ.get('E2E_DEBUG'):
            env['G_MESSAGES_DEBUG'] = os.environ['E2E_DEBUG']
        # Its messages go to a file: a pipe nobody reads could fill up.
        self.log = tempfile.TemporaryFile(dir=WORKDIR)
        self.process = subprocess.Popen([REELSCOPE, *self.args], env=env,
                                        stdout=subprocess.DEVNULL,
                                        stderr=None if os.environ.get('E2E_DEBUG') else self.log)
        self.app = wait_for(self._find_app, 'the app on the accessibility bus', timeout=40)
        if self.problems:
            # A file that does not open: the window says why, no switcher.
            self.frame = wait_for(lambda: next((f for f in children(self.app) if role(f) == 'frame'), None),
                                  'the window')
            settle(0.3)
            return self
        self.frame = wait_for(self._find_frame, 'the window')
        # The dataset is shown: it opens on the overview's headlines; a
        # user goes on to the charts with the switcher.
        wait_for(lambda: headlines(self.frame), 'the headlines of the overview')
        if not self.overview:
            click(find(switcher(self.frame), button_named(self.frame, 'Revenue'), 'the Revenue button'))
            wait_for(lambda: marks(self.frame), 'the marks of the chart')
        settle(0.3)
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.seek(0)
        self.stderr = self.log.read().decode('utf-8', 'replace')
        self.log.close()
        if exc[0] is not None and self.stderr:
            for line in self.stderr.splitlines()[-20:]:
                emit(f'# app: {line}')
        # Wait for it to leave the bus, so the next one is the only one.
        wait_for(lambda: self._find_app() is None, 'the app to quit')
        return False

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app is not None and name(app) == 'reelscope':
                try:
                    if app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    return app
        return None

    def _find_frame(self):
        for frame in children(self.app):
            if role(frame) == 'frame' and first(frame, is_switcher) is not None:
                return frame
        return None

    def frames(self):
        return children(self.app)

    def other_window(self, title, contains=None):
        """A window of the app titled @title (GTK 4.8 gives a modal window
        the role of a frame, a dialog or a filler), holding a node that
        matches @contains."""
        def found():
            for frame in self.frames():
                if (frame is not None and frame != self.frame and name(frame) == title
                        and role(frame) in ('frame', 'dialog', 'filler', 'file chooser', 'alert')
                        and (contains is None or first(frame, contains) is not None)):
                    return frame
            return None
        return wait_for(found, f'the window “{title}”')


def is_switcher(node):
    """The header's switcher of the overview and the charts."""
    return (role(node) == 'panel' and name(node) == 'Chart'
            and first(node, button_named(node, 'Trend')) is not None)


def switcher(frame):
    return find(frame, is_switcher, 'the chart switcher')


def headlines(frame):
    """The overview's figures: buttons whose names carry their sources."""
    return find_all(frame, lambda n: role(n) == 'push button' and '. Sources: ' in name(n))


def is_chart(node):
    """The chart view: a panel named by the chart's title and described by
    its summary, whose children are the marks."""
    return (node is not None and role(node) == 'panel' and description(node) != ''
            and description(node).startswith(name(node) + '.'))


def chart(frame):
    return find(frame, is_chart, 'the chart')


def marks(frame):
    return [n for n in children(chart(frame)) if role(n) == 'push button']


def focused_chart_mark(frame):
    return next((m for m in marks(frame) if has_state(m, pyatspi.STATE_FOCUSED)), None)


def tab_into_chart(frame):
    """Tab until a mark of the chart has the focus; that mark."""
    for _ in range(60):
        pump()
        if focused_chart_mark(frame) is not None:
            break
        press(KEY_TAB)
    return wait_for(lambda: focused_chart_mark(frame), 'a mark to have the focus', timeout=3)


def toast_text(frame, prefix):
    """The text of a toast of the window starting with @prefix: toasts are
    the last children of the window's toast overlay."""
    node = first(frame, lambda n: role(n) == 'label' and name(n).startswith(prefix), reverse=True)
    return name(node) if node is not None else None


def labels(node):
    return [text_of(n) for n in find_all(node, lambda n: role(n) == 'label')]


def bundled():
    with open(BUNDLED, encoding='utf-8') as f:
        return json.load(f)


def english(text):
    return text if isinstance(text, str) else text.get('en', next(iter(text.values())))


# ---------------------------------------------------------------------------
# Tests

KIND_TITLES = {
    'Revenue': 'Revenue by region',
    'Growth': 'Growth by region',
    'Share': 'Share of world revenue',
    # The bundled dataset's trend is the world's revenue by month.
    'Trend': 'World revenue by month',
}


@test
def chart_kinds():
    """Every chart kind from the header's switcher: the chart is named by
    its title and described by its summary; every mark has a label."""
    with App() as app:
        kinds = switcher(app.frame)
        seen = []
        for kind in ('Growth', 'Share', 'Trend', 'Revenue'):
            button = find(kinds, button_named(kinds, kind), f'the {kind} button')
            # Named by its text alone, not "_Growth Growth" (the mnemonic
            # label read out with its underscore, then the text).
            assert name(button) == kind, name(button)
            click(button)
            title = wait_for(lambda: name(chart(app.frame)).startswith(KIND_TITLES[kind])
                             and name(chart(app.frame)), f'the {kind} chart')
            node = chart(app.frame)
            summary = description(node)
            assert summary.startswith(title + '. '), (title, summary[:80])
            assert 'Source:' in summary or 'Sources:' in summary, summary
            found = marks(app.frame)
            assert found, f'{title}: no marks'
            for mark in found:
                assert name(mark).strip(), f'{title}: a mark without a label'
            seen.append((title, len(found)))
        emit(f'# {seen}')
        # The header's toggle of the kind shown is the checked one.
        revenue = find(kinds, button_named(kinds, 'Revenue'), 'the Revenue button')
        assert has_state(revenue, pyatspi.STATE_CHECKED) or has_state(revenue, pyatspi.STATE_PRESSED)


@test
def platforms():
    """Platforms from the header's switcher: the apps ranked by revenue, the
    leading one read out with its company, value and source; Enter on an
    app's mark shows the app in the right pane, its company read there, and
    leaves the region chosen in the list as it was; Escape brings the
    region's panels back."""
    with App() as app:
        kinds = switcher(app.frame)
        button = find(kinds, button_named(kinds, 'Platforms'), 'the Platforms button')
        assert name(button) == 'Platforms', name(button)
        click(button)
        wait_for(lambda: name(chart(app.frame)) == 'Platforms by revenue, 2025', 'the Platforms chart')
        found = wait_for(lambda: marks(app.frame), 'the apps\' marks')
        leading = name(found[0])
        emit(f'# {len(found)} apps; first {leading!r}')
        assert leading.startswith('ReelShort · Crazy Maple Studio'), leading
        assert '1.2 billion US dollars' in leading, leading
        assert 'Appfigures' in leading, leading
        assert description(chart(app.frame)).startswith('Platforms by revenue, 2025. ReelShort')

        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')

        def focused_mark():
            return next((m for m in marks(app.frame) if has_state(m, pyatspi.STATE_FOCUSED)), None)

        def selected():
            return [name(i) for i in children(regions) if has_state(i, pyatspi.STATE_SELECTED)]

        for _ in range(60):
            pump()
            if focused_mark() is not None:
                break
            press(KEY_TAB)
        wait_for(focused_mark, 'a mark to have the focus', timeout=3)
        before = selected()
        assert before, 'no region selected'
        focused = name(focused_mark())
        assert focused.startswith('ReelShort'), focused
        press(KEY_RETURN)
        settle(0.5)
        assert selected() == before, (selected(), before)

        def company():
            return first(app.frame, lambda n: role(n) == 'label' and has_state(n, pyatspi.STATE_VISIBLE)
                         and text_of(n).startswith('Crazy Maple Studio'))
        label = wait_for(company, "the app's company in the side panel")
        emit(f'# side panel: {text_of(label)!r}')
        assert text_of(label) == 'Crazy Maple Studio (49% held by COL Group) · launched 2022', text_of(label)
        find(app.frame, lambda n: role(n) == 'panel' and name(n) == 'ReelShort', 'the app\'s panel')
        press(KEY_ESCAPE)
        wait_for(lambda: company() is None, 'the region\'s panels again')
        assert first(app.frame, lambda n: role(n) == 'panel' and name(n) == 'ReelShort') is None


@test
def overview():
    """The window opens on the overview: each headline's accessible name
    carries its value and its source; one leads to its chart with its
    region selected, and Overview in the switcher comes back."""
    with App(overview=True) as app:
        found = headlines(app.frame)
        names = [name(n) for n in found]
        emit(f'# {len(names)} headlines; first {names[0][:120]!r}')
        assert names[0].startswith('Revenue, $2.28B, +129% on 2024, same source. Sources: '), names[0]
        assert 'DataEye' in names[0], names[0]
        market = next(n for n in found if name(n).startswith('North America'))
        assert '41%' in name(market) and 'DataEye' in name(market), name(market)
        growth = next(n for n in found if name(n).startswith('Latin America & Caribbean, +69%'))
        assert 'Sensor Tower' in name(growth), name(growth)
        # The regions without a revenue figure, in one line.
        assert ('No revenue figure for 2025: Latin America & Caribbean, Sub-Saharan Africa'
                in labels(app.frame))

        click(market)
        wait_for(lambda: marks(app.frame), 'the marks of the chart')
        assert name(chart(app.frame)).startswith(KIND_TITLES['Share']), name(chart(app.frame))
        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')
        selected = [name(n) for n in children(regions)
                    if role(n) == 'list item' and has_state(n, pyatspi.STATE_SELECTED)]
        assert selected and selected[0].startswith('North America'), selected

        kinds = switcher(app.frame)
        click(find(kinds, button_named(kinds, 'Overview'), 'the Overview button'))
        wait_for(lambda: headlines(app.frame), 'the headlines again')


@test
def region_selection():
    """A region chosen in the list: the audience panel shows its summary,
    the commentary its own quote first."""
    data = bundled()
    region = next(r for r in data['regions'] if r['id'] == 'south-asia')
    region_name = english(region['name'])
    summary = english(region['audience']['summary'])
    quote = next(english(q['text']) for e in data['experts'] for q in e.get('quotes', [])
                 if 'south-asia' in q.get('regions', []))

    with App() as app:
        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')
        items = [n for n in children(regions) if role(n) == 'list item']
        index = next(i for i, item in enumerate(items) if name(item).startswith(region_name + ','))
        regions.querySelection().selectChild(index)

        wait_for(lambda: has_state(items[index], pyatspi.STATE_SELECTED), 'the row to be selected')
        audience = find(app.frame, lambda n: role(n) == 'panel' and name(n) == 'Audience', 'the audience card')
        wait_for(lambda: summary in labels(audience), 'the region’s audience summary')
        commentary = find(app.frame, lambda n: role(n) == 'panel' and name(n) == 'Commentary',
                          'the commentary card')
        quotes = wait_for(lambda: [t for t in labels(commentary) if t.startswith('“')], 'the quotes')
        assert quote in quotes[0], (quote, quotes[0])
        # The right pane's header and the chart follow the same selection.
        assert region_name in labels(app.frame)


def mouse_click(node, control=False):
    """A click of the primary button in the middle of @node, with Ctrl
    held when @control (locked through XTest for the click)."""
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = extents.x + extents.width // 2, extents.y + extents.height // 2
    control_mask = 1 << int(Atspi.ModifierType.CONTROL)
    if control:
        pyatspi.Registry.generateKeyboardEvent(control_mask, None, pyatspi.KEY_LOCKMODIFIERS)
        settle(0.1)
    pyatspi.Registry.generateMouseEvent(x, y, 'b1c')
    settle(0.3)
    if control:
        pyatspi.Registry.generateKeyboardEvent(control_mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
        settle(0.1)


@test
def compare_regions():
    """Three regions selected in the list, a click then two Ctrl+clicks:
    the rows say they are selected, and Trend compares exactly those with
    the world (its summary as its subtitle says, its lines); a click on World
    selects the world alone again."""
    data = bundled()
    names = {r['id']: english(r['name']) for r in data['regions']}
    chosen = [names['north-america'], names['europe'], names['southeast-asia']]

    with App() as app:
        kinds = switcher(app.frame)
        click(find(kinds, button_named(kinds, 'Trend'), 'the Trend button'))
        wait_for(lambda: name(chart(app.frame)).startswith(KIND_TITLES['Trend']), 'the trend chart')
        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')
        items = [n for n in children(regions) if role(n) == 'list item']

        def item(region):
            return next(i for i in items if name(i).startswith(region + ','))

        def selected():
            return [name(i).split(',')[0] for i in items if has_state(i, pyatspi.STATE_SELECTED)]

        mouse_click(item(chosen[0]))
        wait_for(lambda: selected() == chosen[:1], f'{chosen[0]} selected alone')
        mouse_click(item(chosen[1]), control=True)
        mouse_click(item(chosen[2]), control=True)
        wait_for(lambda: selected() == chosen, f'{chosen} selected')

        title = wait_for(lambda: name(chart(app.frame)).startswith('Revenue by month')
                         and name(chart(app.frame)), 'the comparison')
        summary = description(chart(app.frame))
        assert summary.startswith(f'{title}. {chosen[0]}, {chosen[1]} and {chosen[2]}, with the world. '), summary
        lines = {name(m).split(',')[0] for m in marks(app.frame)}
        emit(f'# {title!r}: lines {sorted(lines)}; {summary[:200]!r}')
        # North America has a yearly figure only: no line of months, and
        # the chart says so.
        assert lines == {chosen[1], chosen[2], 'World'}, lines
        assert f'No monthly revenue figures: {chosen[0]}.' in summary, summary
        for other in set(names.values()) - set(chosen):
            assert other not in summary, (other, summary)
        assert all(has_state(m, pyatspi.STATE_SELECTED) for m in marks(app.frame)
                   if name(m).split(',')[0] in chosen)

        mouse_click(next(i for i in items if name(i).startswith('World,')))
        wait_for(lambda: selected() == ['World'], 'the world selected alone')
        wait_for(lambda: name(chart(app.frame)).startswith(KIND_TITLES['Trend']), 'the world’s trend')


def install_help_handler(log):
    """A handler of help: URIs in the app's XDG folders that writes the URI
    it is given to LOG, in place of Yelp."""
    data_home = os.path.join(WORKDIR, 'home', '.local', 'share', 'applications')
    config_home = os.path.join(WORKDIR, 'home', '.config')
    os.makedirs(data_home, exist_ok=True)
    os.makedirs(config_home, exist_ok=True)
    with open(os.path.join(data_home, 'reel-test-help.desktop'), 'w', encoding='utf-8') as f:
        f.write('[Desktop Entry]\nType=Application\nName=Help\n'
                f'Exec=sh -c \'echo "$1" >> {log}\' sh %u\n'
                'MimeType=x-scheme-handler/help;\n')
    with open(os.path.join(config_home, 'mimeapps.list'), 'w', encoding='utf-8') as f:
        f.write('[Default Applications]\nx-scheme-handler/help=reel-test-help.desktop\n')


def opened_uris(log):
    if not os.path.exists(log):
        return []
    with open(log, encoding='utf-8') as f:
        return f.read().split()


@test
def help_opens():
    """F1 and the primary menu's Help open the app's Mallard pages,
    help:APP_ID, with the desktop's handler of help: URIs."""
    log = os.path.join(WORKDIR, 'help-uris')
    install_help_handler(log)
    expected = 'help:' + APP_ID

    with App(overview=True) as app:
        press(KEY_F1)
        wait_for(lambda: opened_uris(log) == [expected], f'{expected} opened by F1')

        menu_button = find(app.frame, lambda n: name(n) == 'Main menu', 'the main menu button')
        # GTK 4.8 gives the action to the menu button's own button inside it.
        click(children(menu_button)[0])
        item = find(app.app, lambda n: role(n) == 'menu item' and name(n) == 'Help',
                    'the Help menu item')
        click(item)
        wait_for(lambda: opened_uris(log) == [expected] * 2, f'{expected} opened by the menu')


@test
def report_menu_items():
    """The primary menu offers Export Report… and Print…, named as shown,
    from the overview too (the report covers every chart)."""
    with App(overview=True) as app:
        menu_button = find(app.frame, lambda n: name(n) == 'Main menu', 'the main menu button')
        click(children(menu_button)[0])
        for label in ('Export Report…', 'Print…'):
            item = find(app.app, lambda n, label=label: role(n) == 'menu item' and name(n) == label,
                        f'the {label} menu item')
            assert has_state(item, pyatspi.STATE_SENSITIVE), f'{label} is enabled'


@test
def chart_keyboard():
    """Tab into the chart, the arrows move through its marks (push buttons
    under the chart), Enter selects the focused mark's region."""
    with App() as app:
        kinds = switcher(app.frame)
        click(find(kinds, button_named(kinds, 'Trend'), 'the Trend button'))
        wait_for(lambda: name(chart(app.frame)).startswith(KIND_TITLES['Trend']), 'the trend chart')
        expected = [name(m) for m in marks(app.frame)]
        assert len(expected) >= 4, expected
        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')

        def focused_mark():
            return focused_chart_mark(app.frame)

        mark = tab_into_chart(app.frame)
        # Tabbing through the region list selected its rows in turn: the
        # chart is entered at the selected region's mark, or at its first
        # mark when that region has none.
        selected = [name(i) for i in children(regions) if has_state(i, pyatspi.STATE_SELECTED)]
        emit(f'# entered at {name(mark)!r}, selected {selected}')
        assert selected, 'no region selected'
        region = selected[0].split(',')[0]
        entry = next((m for m in expected if m.split(',')[0] == region), expected[0])
        assert name(mark) == entry, (name(mark), selected, entry)

        # Home goes to the first mark, Right to the next ones in turn.
        press(KEY_HOME)
        wait_for(lambda: focused_mark() is not None and name(focused_mark()) == expected[0], 'the first mark')
        for step in range(1, 4):
            press(KEY_RIGHT)
            wait_for(lambda: focused_mark() is not None and name(focused_mark()) == expected[step],
                     f'the focus on mark {step}')
        emit(f'# moved to {name(focused_mark())!r}')

        # Down goes to another line (and stays where there is one line
        # only: the bundled dataset's trend is the world's months); Enter
        # selects the focused mark's region.
        lines = {m.split(',')[0] for m in expected}
        before = name(focused_mark())
        press(KEY_DOWN)
        if len(lines) > 1:
            wait_for(lambda: focused_mark() is not None and name(focused_mark()) != before,
                     'another line')
        else:
            settle(0.5)
            assert focused_mark() is not None and name(focused_mark()) == before, name(focused_mark())
        target = name(focused_mark())
        region = target.split(',')[0]
        press(KEY_RETURN)
        wait_for(lambda: any(has_state(i, pyatspi.STATE_SELECTED) and name(i).startswith(region + ',')
                             for i in children(regions)), f'{region} selected in the list')
        # The chart keeps the focus, on the same mark.
        wait_for(lambda: focused_mark() is not None and name(focused_mark()) == target, 'the focus kept')



def chart_year(frame):
    """The year in the chart's name ("Revenue by region, 2024"), or None."""
    found = re.search(r', (\d{4})$', name(chart(frame)))
    return int(found.group(1)) if found else None


def play_through(frame, play, period_of):
    """Presses Play and reads the chart's description at each period (period_of(frame)) until
    it turns back into Play: ({period: description}, in the order shown; the seconds it took)."""
    click(play)
    assert name(play) == 'Pause', name(play)
    summaries = {}
    start = time.monotonic()
    while name(play) == 'Pause' and time.monotonic() - start < 60:
        summaries.setdefault(period_of(frame), description(chart(frame)))
        settle(0.1)
    elapsed = time.monotonic() - start
    # The last period shows as Play stops: read it once the chart has it.
    settle(0.5)
    summaries.setdefault(period_of(frame), description(chart(frame)))
    return summaries, elapsed


@test
def timeline():
    """The period control: Previous year steps back to the first year with
    figures, Play steps through every year to the last at a readable pace
    and turns back into Play there, and the chart's summary names each year
    in turn; on the chart, Left steps back and Space plays and pauses."""
    with App() as app:
        previous = find(app.frame, button_named(app.frame, 'Previous year'), 'the Previous year button')
        play = find(app.frame, button_named(app.frame, 'Play'), 'the Play button')
        stepped = [chart_year(app.frame)]
        while has_state(previous, pyatspi.STATE_SENSITIVE):
            click(previous)
            wait_for(lambda: chart_year(app.frame) not in (None, stepped[-1]), 'the previous year')
            stepped.append(chart_year(app.frame))
            assert len(stepped) < 40, stepped
        emit(f'# stepped back through {stepped}')
        assert stepped == sorted(stepped, reverse=True) and len(stepped) >= 2, stepped
        first_year = stepped[-1]

        # Play: every year from the first one, each read out.
        summaries, elapsed = play_through(app.frame, play, chart_year)
        played = sorted(summaries)
        emit(f'# played {played} in {elapsed:.1f} s')
        assert name(play) == 'Play', name(play)
        # The years from the first to the one it started at, each shown.
        assert played[0] == first_year and set(stepped) <= set(played), (played, stepped)
        for year, summary in summaries.items():
            assert summary.startswith(f'Revenue by region, {year}. '), summary[:60]
        assert len(set(summaries.values())) == len(summaries), 'a summary did not change'
        # A readable pace: about a second or more a year.
        assert elapsed > 0.9 * (len(played) - 1), elapsed
        last_year = played[-1]
        assert chart_year(app.frame) == last_year

        # The keys on the chart: Left steps back, Space plays and pauses.
        tab_into_chart(app.frame)
        press(KEY_LEFT)
        wait_for(lambda: chart_year(app.frame) == played[-2], 'Left to step back')
        press(KEY_SPACE)
        wait_for(lambda: name(play) == 'Pause', 'Space to play')
        press(KEY_SPACE)
        wait_for(lambda: name(play) == 'Play', 'Space to pause')
        assert chart_year(app.frame) in (played[-2], last_year), chart_year(app.frame)


def trend_cursor(frame):
    """The period Trend's summary is at ("Aug 2025"), or None for the whole chart."""
    found = re.search(r'\. Up to ([^.]+)\. ', description(chart(frame)))
    return found.group(1) if found else None


@test
def timeline_trend():
    """On Trend the period control moves a time cursor by the world's months:
    Next month steps from the whole chart to the first month, Play steps
    month by month to the last at a readable pace, and the summary names
    each month with the world's value at it; Left steps back, and Space on
    the chart plays and pauses."""
    with App() as app:
        kinds = switcher(app.frame)
        click(find(kinds, button_named(kinds, 'Trend'), 'the Trend button'))
        wait_for(lambda: name(chart(app.frame)).startswith(KIND_TITLES['Trend']), 'the trend chart')
        assert trend_cursor(app.frame) is None, description(chart(app.frame))[:80]
        following = find(app.frame, button_named(app.frame, 'Next month'), 'the Next month button')
        play = find(app.frame, button_named(app.frame, 'Play'), 'the Play button')

        click(following)
        wait_for(lambda: trend_cursor(app.frame) is not None, 'the first month')
        first_month = trend_cursor(app.frame)
        click(following)
        wait_for(lambda: trend_cursor(app.frame) not in (None, first_month), 'the next month')
        emit(f'# stepped from {first_month} to {trend_cursor(app.frame)}')

        # Play: every month from the one shown to the last, each read out.
        summaries, elapsed = play_through(app.frame, play, trend_cursor)
        played = list(summaries)
        emit(f'# played {played} in {elapsed:.1f} s')
        assert name(play) == 'Play', name(play)
        assert len(played) >= 4, played
        for month, summary in summaries.items():
            assert re.fullmatch(r'[A-Z][a-z]{2} 2025', month), month
            assert re.search(rf'Up to {month}\. World: ≈?\$[0-9.]+M in {month}', summary), summary[:120]
        assert len(set(summaries.values())) == len(summaries), 'a summary did not change'
        assert elapsed > 0.9 * (len(played) - 1), elapsed

        # Left steps back a month (on the chart it moves between the points).
        press(KEY_LEFT)
        wait_for(lambda: trend_cursor(app.frame) == played[-2], 'Left to step back')
        tab_into_chart(app.frame)
        press(KEY_SPACE)
        wait_for(lambda: name(play) == 'Pause', 'Space on the chart to play')
        press(KEY_SPACE)
        wait_for(lambda: name(play) == 'Play', 'Space on the chart to pause')


def is_format_row(node):
    return role(node) == 'combo box' and name(node) == 'Format'


def is_name_entry(node):
    return role(node) == 'text' and name(node) == 'Name:'


def read_png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    assert head[:8] == b'\x89PNG\r\n\x1a\n', head[:8]
    assert head[12:16] == b'IHDR'
    return struct.unpack('>II', head[16:24])


@test
def export_png():
    """Export through the dialog and GTK's file chooser: the readout's size
    is the PNG's; the window says where it went."""
    out = os.path.join(WORKDIR, 'exported.png')
    if os.path.exists(out):
        os.unlink(out)

    with App() as app:
        title = name(chart(app.frame))
        click(find(app.frame, button_named(app.frame, 'Export'), 'the Export button'))
        dialog = app.other_window('Export Chart', is_format_row)
        # The dialog exports what the window shows.
        assert title in labels(dialog), (title, labels(dialog)[:6])
        readout = wait_for(lambda: next((t for t in labels(dialog) if t.endswith(' px')), None),
                           'the pixel size readout')
        width, height = (int(v) for v in readout[:-3].split(' × '))
        emit(f'# readout {readout!r}')

        click(find(dialog, button_named(dialog, 'Export…'), 'the Export… button'))
        chooser = app.other_window('Export Chart', is_name_entry)
        entry = find(chooser, is_name_entry, 'the Name entry')
        suggested = text_of(entry)
        assert suggested.endswith('.png') and suggested.startswith('revenue-'), suggested
        entry.queryEditableText().setTextContents(out)
        settle(0.3)
        click(find(chooser, button_named(chooser, 'Export'), 'the file chooser’s Export button'))

        toast = wait_for(lambda: toast_text(app.frame, 'Exported '), 'the “Exported” toast')
        assert toast == 'Exported exported.png', toast
        find(app.frame, button_named(app.frame, 'Open'), 'the toast’s Open button', reverse=True)
        emit(f'# toast {toast!r}')

    assert read_png_size(out) == (width, height), (read_png_size(out), width, height)


@test
def export_cancelled():
    """Export, then Cancel in GTK's file chooser on the name of a file that
    is there, then Cancel in the Export dialog (issue 8): the file keeps its
    bytes, nothing is written beside it, and the window says nothing was
    exported."""
    directory = os.path.join(WORKDIR, 'cancelled')
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    out = os.path.join(directory, 'kept.png')
    old = bytes(range(256)) * 16
    with open(out, 'wb') as f:
        f.write(old)

    with App() as app:
        click(find(app.frame, button_named(app.frame, 'Export'), 'the Export button'))
        dialog = app.other_window('Export Chart', is_format_row)
        click(find(dialog, button_named(dialog, 'Export…'), 'the Export… button'))
        chooser = app.other_window('Export Chart', is_name_entry)
        entry = find(chooser, is_name_entry, 'the Name entry')
        entry.queryEditableText().setTextContents(out)
        settle(0.3)
        click(find(chooser, button_named(chooser, 'Cancel'), 'the file chooser’s Cancel button'))
        wait_for(lambda: not any(frame is not None and first(frame, is_name_entry) is not None
                                 for frame in app.frames()), 'the file chooser to close')
        # The Export dialog stays, for another choice; its own Cancel.
        dialog = app.other_window('Export Chart', is_format_row)
        click(find(dialog, button_named(dialog, 'Cancel'), 'the Export dialog’s Cancel button'))
        wait_for(lambda: not any(frame is not None and first(frame, is_format_row) is not None
                                 for frame in app.frames()), 'the Export dialog to close')
        settle(0.5)
        assert toast_text(app.frame, 'Exported ') is None, toast_text(app.frame, 'Exported ')
        failed = toast_text(app.frame, 'Could not export')
        assert failed is None, failed

    with open(out, 'rb') as f:
        assert f.read() == old, 'the file was changed'
    assert os.listdir(directory) == ['kept.png'], os.listdir(directory)


MALFORMED = """{
  "format": "reelscope-dataset",
  "version": 1,
  "regions": [{"id": "europe", "name": "Europe"},]
}
"""


@test
def malformed_file():
    """A malformed file opened through the Open dialog: a toast says why,
    Details lists the problems, and the data shown before stays."""
    bad = os.path.join(WORKDIR, 'malformed.reelscope.json')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write(MALFORMED)

    with App() as app:
        title = name(chart(app.frame))
        n_marks = len(marks(app.frame))
        click(find(app.frame, button_named(app.frame, 'Open'), 'the Open button'))
        chooser = app.other_window('Open a Dataset')

        # Typing a path opens the chooser's location entry.
        press(KEY_SLASH)
        location = find(chooser, lambda n: role(n) == 'text' and has_state(n, pyatspi.STATE_FOCUSED),
                        'the location entry')
        location.queryEditableText().setTextContents(bad)
        settle(0.3)
        press(KEY_RETURN)

        toast = wait_for(lambda: toast_text(app.frame, 'Could not open malformed.reelscope.json: '),
                         'the error toast')
        emit(f'# toast {toast!r}')
        assert 'trailing comma' in toast.lower() or 'comma' in toast.lower(), toast

        # What was shown is still shown.
        assert name(chart(app.frame)) == title
        assert len(marks(app.frame)) == n_marks

        click(find(app.frame, button_named(app.frame, 'Details'), 'the toast’s Details button', reverse=True))
        details = app.other_window('Could Not Open “malformed.reelscope.json”')
        problems = find(details, lambda n: role(n) == 'list' and name(n) == 'Problems', 'the problems')
        rows = [name(n) for n in children(problems) if role(n) == 'list item']
        emit(f'# problems {rows}')
        assert rows and rows[0].startswith('4:'), rows


@test
def error_state():
    """A file that does not open on its own: the page says what happened,
    shows the line with a caret under the column, and the bundled dataset
    is a click away; a missing file says so in words."""
    bad = os.path.join(WORKDIR, 'first-malformed.reelscope.json')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write(MALFORMED)

    with App(bad, problems=True) as app:
        texts = wait_for(lambda: 'Could Not Open the Dataset' in labels(app.frame) and labels(app.frame),
                         'the problems page')
        line = '  "regions": [{"id": "europe", "name": "Europe"},]'
        assert line in texts, texts
        caret = texts[texts.index(line) + 1]
        assert caret == ' ' * 49 + '^', repr(caret)
        problems = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Problems', 'the problems')
        rows = [name(n) for n in children(problems) if role(n) == 'list item']
        assert rows and rows[0].startswith('4:50'), rows
        click(find(app.frame, button_named(app.frame, 'Open the Bundled Dataset'), 'the bundled button'))
        wait_for(lambda: headlines(app.frame), 'the overview of the bundled dataset')

    with App(os.path.join(WORKDIR, 'gone.reelscope.json'), problems=True) as app:
        texts = wait_for(lambda: 'File Not Found' in labels(app.frame) and labels(app.frame),
                         'the page of a missing file')
        assert any('gone.reelscope.json' in t and 'moved, renamed or deleted' in t for t in texts), texts


# Roles of the controls a user operates.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'entry', 'text', 'password text',
    'spin button', 'combo box', 'list item', 'menu item', 'check menu item', 'radio menu item',
    'page tab', 'slider', 'link', 'switch',
}

# GTK's own composites: what is inside them is GTK's to name (a drop-down's
# button, a combo row's popover list, a column view's rows, the file
# chooser). Their own name is checked.
COMPOSITE_ROLES = {'combo box', 'spin button', 'tree table', 'scroll bar'}


def is_gtk_type_name(text):
    """GTK 4.8 falls back to the widget's type name ("GtkToggleButton",
    "ReelSourceLink") for a node without a name."""
    return re.fullmatch(r'(Gtk|Adw|Reel)([A-Z][a-z0-9]+)+', text) is not None


def unnamed_controls(node, path=()):
    found = []
    node_role, node_name = role(node), name(node)
    if node_name in ('GtkFileChooserWidget',):
        return found
    here = path + (f'{node_role}:{node_name[:30]}',)
    if node_role in CONTROL_ROLES and (not node_name.strip() or is_gtk_type_name(node_name)):
        found.append(' > '.join(here[-4:]))
    if node_role in COMPOSITE_ROLES:
        return found
    for child in children(node):
        found.extend(unnamed_controls(child, here))
    return found


@test
def accessible_names():
    """No control the app makes goes without an accessible name: the
    window with every quote shown, its Sources page, the Export dialog,
    and the window with another region and the table up."""
    with App() as app:
        regions = find(app.frame, lambda n: role(n) == 'list' and name(n) == 'Regions', 'the region list')
        regions.querySelection().selectChild(1)
        settle(0.5)
        # At the default width the right pane shows over the chart on demand.
        click(find(app.frame, button_named(app.frame, 'Show audience and commentary'),
                   'the right pane’s toggle'))
        settle(0.5)
        # Every quote, and the Sources page (each is filled when shown).
        more = find_all(app.frame, lambda n: role(n) == 'push button' and 'More Quote' in name(n))
        if more:
            click(more[0])
        problems = unnamed_controls(app.frame)
        n_controls = len(find_all(app.frame, lambda n: role(n) in CONTROL_ROLES))
        click(find(app.frame, button_named(app.frame, 'Sources'), 'the Sources button'))
        problems += unnamed_controls(app.frame)
        n_controls += len(find_all(app.frame, lambda n: role(n) == 'push button' and name(n).startswith('Source: ')))
        click(find(app.frame, button_named(app.frame, 'Region'), 'the Region button'))

        view = find(app.frame, lambda n: role(n) == 'panel' and name(n) == 'View', 'the Chart/Table switch')
        assert sorted(name(n) for n in children(view)) == ['Chart', 'Table'], \
            [name(n) for n in children(view)]
        click(find(view, button_named(view, 'Table'), 'the Table button'))
        problems += unnamed_controls(app.frame)

        click(find(app.frame, button_named(app.frame, 'Export'), 'the Export button'))
        dialog = app.other_window('Export Chart', is_format_row)
        problems += unnamed_controls(dialog)
        n_controls += len(find_all(dialog, lambda n: role(n) in CONTROL_ROLES))

        emit(f'# {n_controls} controls')
        assert n_controls > 60, n_controls
        assert not problems, 'controls without an accessible name:\n  ' + '\n  '.join(sorted(set(problems)))


# ---------------------------------------------------------------------------

def emit(line):
    """A line of TAP."""
    sys.stdout.write(line + '\n')
    sys.stdout.flush()


def main():
    emit(f'1..{len(tests)}')
    skip = None
    if pyatspi is None:
        skip = 'no pyatspi'
    elif not (os.environ.get('DISPLAY') or os.environ.get('WAYLAND_DISPLAY')):
        skip = 'no display'
    elif not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip = 'no D-Bus session'

    shutil.rmtree(WORKDIR, ignore_errors=True)
    os.makedirs(WORKDIR, exist_ok=True)

    if not skip:
        # The registry first: an app that starts before it is running may
        # never show up on the desktop.
        try:
            pyatspi.Registry.getDesktop(0).childCount
            settle(1.0)
        except Exception as e:
            skip = f'no accessibility bus ({e})'

    failed = 0
    for number, function in enumerate(tests, 1):
        label = function.__name__.replace('_', '-')
        if skip:
            emit(f'ok {number} {label} # SKIP {skip}')
            continue
        try:
            start = time.monotonic()
            function()
            emit(f'# {label}: {time.monotonic() - start:.1f} s')
            emit(f'ok {number} {label}')
        except Skip as e:
            emit(f'ok {number} {label} # SKIP {e}')
        except Exception:
            failed += 1
            emit(f'not ok {number} {label}')
            for line in traceback.format_exc().splitlines():
                emit(f'# {line}')

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
