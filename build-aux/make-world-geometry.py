#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts Natural Earth's 1:110m admin-0 countries, as world-atlas ships
them (countries-110m.json, TopoJSON), into data/world-110m.reelgeo: the
countries of the Map chart, projected once to Equal Earth. The sovereign
states too small for 1:110m (Singapore, Malta, Bahrain...) come from the
1:50m file, so that every country a dataset may name has a shape.

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    build-aux/make-world-geometry.py package/countries-110m.json \
        package/countries-50m.json data/world-110m.reelgeo

Run once, when the source changes; the output is committed (data/
WORLD-GEOMETRY.md says where it comes from and under which terms). The app
reads it with src/charts/reel-world-geometry.c. Standard library only.

Why projected here rather than stored as longitude and latitude: the app
draws one projection only, so projecting once leaves the app an integer
decode and a scale; integers of 16 bits are half the size of two floats
and finer than a device pixel at any size the charts are drawn (1/12,000
of the Earth's radius is 0.04 px across a 1,600 px map).

File format (little-endian):
    magic       8 bytes  b"REELGEO1"
    quantum     u32      units per unit of Equal Earth's plane (radius 1)
    n_countries u16
    per country, in code order:
        code        2 bytes ASCII, ISO 3166-1 alpha-2 (XK for Kosovo)
        n_polygons  u16
        per polygon: n_rings u16, then per ring (the outer first, then
                     its holes): n_points u16, then n_points × (x, y) as
                     i16, y pointing north
"""

import json
import math
import struct
import sys

MAGIC = b"REELGEO1"
QUANTUM = 12000

# ISO 3166-1 numeric to alpha-2, for the 174 features of countries-110m that
# have a numeric id.
NUMERIC_TO_ALPHA2 = {
    '004': 'AF', '008': 'AL', '010': 'AQ', '012': 'DZ', '024': 'AO', '031': 'AZ',
    '032': 'AR', '036': 'AU', '040': 'AT', '044': 'BS', '050': 'BD', '051': 'AM',
    '056': 'BE', '064': 'BT', '068': 'BO', '070': 'BA', '072': 'BW', '076': 'BR',
    '084': 'BZ', '090': 'SB', '096': 'BN', '100': 'BG', '104': 'MM', '108': 'BI',
    '112': 'BY', '116': 'KH', '120': 'CM', '124': 'CA', '140': 'CF', '144': 'LK',
    '148': 'TD', '152': 'CL', '156': 'CN', '158': 'TW', '170': 'CO', '178': 'CG',
    '180': 'CD', '188': 'CR', '191': 'HR', '192': 'CU', '196': 'CY', '203': 'CZ',
    '204': 'BJ', '208': 'DK', '214': 'DO', '218': 'EC', '222': 'SV', '226': 'GQ',
    '231': 'ET', '232': 'ER', '233': 'EE', '238': 'FK', '242': 'FJ', '246': 'FI',
    '250': 'FR', '260': 'TF', '262': 'DJ', '266': 'GA', '268': 'GE', '270': 'GM',
    '275': 'PS', '276': 'DE', '288': 'GH', '300': 'GR', '304': 'GL', '320': 'GT',
    '324': 'GN', '328': 'GY', '332': 'HT', '340': 'HN', '348': 'HU', '352': 'IS',
    '356': 'IN', '360': 'ID', '364': 'IR', '368': 'IQ', '372': 'IE', '376': 'IL',
    '380': 'IT', '384': 'CI', '388': 'JM', '392': 'JP', '398': 'KZ', '400': 'JO',
    '404': 'KE', '408': 'KP', '410': 'KR', '414': 'KW', '417': 'KG', '418': 'LA',
    '422': 'LB', '426': 'LS', '428': 'LV', '430': 'LR', '434': 'LY', '440': 'LT',
    '442': 'LU', '450': 'MG', '454': 'MW', '458': 'MY', '466': 'ML', '478': 'MR',
    '484': 'MX', '496': 'MN', '498': 'MD', '499': 'ME', '504': 'MA', '508': 'MZ',
    '512': 'OM', '516': 'NA', '524': 'NP', '528': 'NL', '540': 'NC', '548': 'VU',
    '554': 'NZ', '558': 'NI', '562': 'NE', '566': 'NG', '578': 'NO', '586': 'PK',
    '591': 'PA', '598': 'PG', '600': 'PY', '604': 'PE', '608': 'PH', '616': 'PL',
    '620': 'PT', '624': 'GW', '626': 'TL', '630': 'PR', '634': 'QA', '642': 'RO',
    '643': 'RU', '646': 'RW', '682': 'SA', '686': 'SN', '688': 'RS', '694': 'SL',
    '703': 'SK', '704': 'VN', '705': 'SI', '706': 'SO', '710': 'ZA', '716': 'ZW',
    '724': 'ES', '728': 'SS', '729': 'SD', '732': 'EH', '740': 'SR', '748': 'SZ',
    '752': 'SE', '756': 'CH', '760': 'SY', '762': 'TJ', '764': 'TH', '768': 'TG',
    '780': 'TT', '784': 'AE', '788': 'TN', '792': 'TR', '795': 'TM', '800': 'UG',
    '804': 'UA', '807': 'MK', '818': 'EG', '826': 'GB', '834': 'TZ', '840': 'US',
    '854': 'BF', '858': 'UY', '860': 'UZ', '862': 'VE', '887': 'YE', '894': 'ZM',
}

# Sovereign states (and Hong Kong and Macao, which ISO 3166-1 lists and
# datasets count apart) that 1:110m leaves out, taken from 1:50m.
SMALL_STATES = {
    '020': 'AD', '028': 'AG', '048': 'BH', '052': 'BB', '132': 'CV', '174': 'KM',
    '212': 'DM', '296': 'KI', '308': 'GD', '336': 'VA', '344': 'HK', '438': 'LI',
    '446': 'MO', '462': 'MV', '470': 'MT', '480': 'MU', '492': 'MC', '520': 'NR',
    '583': 'FM', '584': 'MH', '585': 'PW', '659': 'KN', '662': 'LC', '670': 'VC',
    '674': 'SM', '678': 'ST', '690': 'SC', '702': 'SG', '776': 'TO', '882': 'WS',
}

# The features without a numeric id, each placed deliberately:
# - Kosovo has no ISO 3166-1 code; XK is the user-assigned code the European
#   Commission, CLDR and most data publishers use, so a dataset can name it.
# - Northern Cyprus is recognised by Turkey alone: drawn as part of Cyprus,
#   as ISO 3166-1 and the UN count it.
# - Somaliland, likewise, is drawn as part of Somalia.
# Western Sahara keeps its own code (EH), as ISO 3166-1 has it: its status
# is disputed, and a dataset decides whether a region includes it.
NAMED_FEATURES = {
    'Kosovo': 'XK',
    'N. Cyprus': 'CY',
    'Somaliland': 'SO',
}

# France's feature includes French Guiana; a dataset counts it with South
# America's markets (GF) rather than with Europe, so its polygons west of
# this longitude are split off.
FRENCH_GUIANA_WEST_OF = -30.0


def decode_arcs(topology):
    """Absolute longitude/latitude of every arc (delta-encoded, quantized)."""
    (sx, sy), (tx, ty) = topology['transform']['scale'], topology['transform']['translate']
    arcs = []
    for arc in topology['arcs']:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    """A ring from its arcs; ~i is arc i reversed; shared ends dropped."""
    ring = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def polygons_of(geometry, arcs):
    if geometry['type'] == 'Polygon':
        polygons = [geometry['arcs']]
    elif geometry['type'] == 'MultiPolygon':
        polygons = geometry['arcs']
    else:
        raise ValueError(f"unexpected geometry {geometry['type']}")
    return [[ring_points(arcs, ring) for ring in polygon] for polygon in polygons]


def unwrap(ring):
    """Longitudes made continuous: a step of more than 180° crosses the
    antimeridian. Returns the ring and how many turns it winds (±1 for a
    ring around a pole, such as Antarctica's)."""
    out = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in zip(ring, ring[1:]):
        step = lon - lon0
        if step > 180:
            shift -= 360
        elif step < -180:
            shift += 360
        out.append((lon + shift, lat))
    return out, round(shift / 360)


def close_around_pole(ring):
    """A ring around a pole, unwrapped, is open by 360°: close it along the
    pole, so that clipping sees a polygon."""
    pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
    (lon_end, _), (lon_start, _) = ring[-1], ring[0]
    return ring + [(lon_end, pole), (lon_start, pole)]


def clip(ring, edge, east):
    """Sutherland-Hodgman against the meridian @edge: keeps the side east
    of it when @east, else the west."""
    def keep(lon):
        return lon >= edge if east else lon <= edge

    out = []
    for i, current in enumerate(ring):
        previous = ring[i - 1]
        if keep(current[0]) != keep(previous[0]):
            t = (edge - previous[0]) / (current[0] - previous[0])
            out.append((edge, previous[1] + t * (current[1] - previous[1])))
        if keep(current[0]):
            out.append(current)
    return out


def split_at_antimeridian(ring):
    """The ring as one or more rings within -180..180, none crossing."""
    unwrapped, turns = unwrap(ring)
    if turns == 0 and all(-180 <= lon <= 180 for lon, _ in unwrapped):
        return [ring]
    if turns != 0:
        unwrapped = close_around_pole(unwrapped)
    pieces = []
    for offset in (-360.0, 0.0, 360.0):
        piece = clip(clip(unwrapped, -180 + offset, True), 180 + offset, False)
        # a piece along the meridian itself has no area
        if len(piece) >= 3 and max(lon for lon, _ in piece) > min(lon for lon, _ in piece):
            pieces.append([(lon - offset, lat) for lon, lat in piece])
    return pieces


A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    """Šavrič, Patterson and Jenny (2018), on a sphere of radius 1."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (2 * math.sqrt(3) * lam * math.cos(theta)
         / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1)))
    y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1)
    return x, y


def quantize(ring):
    """Projected and rounded; points that round onto the one before dropped."""
    out = []
    for lon, lat in ring:
        x, y = equal_earth(max(-180.0, min(180.0, lon)), lat)
        point = (round(x * QUANTUM), round(y * QUANTUM))
        if not out or point != out[-1]:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def split_polygon(polygon):
    """A polygon whose outer ring crosses the antimeridian becomes one
    polygon per piece; holes never cross it at this scale (asserted)."""
    outer, holes = polygon[0], polygon[1:]
    for hole in holes:
        assert len(split_at_antimeridian(hole)) == 1, 'a hole crosses the antimeridian'
    pieces = split_at_antimeridian(outer)
    if len(pieces) == 1:
        return [[pieces[0]] + holes]
    assert not holes, 'a polygon with holes crosses the antimeridian'
    return [[piece] for piece in pieces]


def countries_of(topology, codes, named):
    """Polygons by code of the features whose numeric id is in @codes, or
    whose name is in @named; the others are refused when @named is given
    (the 1:110m file must be mapped in full) and skipped otherwise."""
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology['objects']['countries']['geometries']:
        name = geometry['properties']['name']
        code = codes.get(geometry.get('id')) or (named or {}).get(name)
        if code is None and named is None:
            continue
        if code is None:
            raise SystemExit(f'make-world-geometry: no code for {name!r} ({geometry.get("id")})')
        for polygon in polygons_of(geometry, arcs):
            part = code
            if code == 'FR' and max(lon for lon, _ in polygon[0]) < FRENCH_GUIANA_WEST_OF:
                part = 'GF'
            countries.setdefault(part, []).extend(split_polygon(polygon))
    return countries


def encode(countries):
    out = bytearray(MAGIC)
    out += struct.pack('<IH', QUANTUM, len(countries))
    for code in sorted(countries):
        polygons = []
        for polygon in countries[code]:
            rings = [quantize(ring) for ring in polygon]
            rings = [ring for ring in rings if len(ring) >= 3]
            if rings and rings[0]:
                polygons.append(rings)
        out += code.encode('ascii') + struct.pack('<H', len(polygons))
        for rings in polygons:
            out += struct.pack('<H', len(rings))
            for ring in rings:
                out += struct.pack('<H', len(ring))
                for x, y in ring:
                    out += struct.pack('<hh', x, y)
    return bytes(out)


def main():
    if len(sys.argv) != 4:
        raise SystemExit('usage: make-world-geometry.py countries-110m.json countries-50m.json OUTPUT')
    with open(sys.argv[1], encoding='utf-8') as source:
        countries = countries_of(json.load(source), NUMERIC_TO_ALPHA2, NAMED_FEATURES)
    with open(sys.argv[2], encoding='utf-8') as source:
        small = countries_of(json.load(source), SMALL_STATES, None)
    assert not set(small) & set(countries), 'a small state is in 1:110m after all'
    countries.update(small)
    data = encode(countries)
    with open(sys.argv[3], 'wb') as output:
        output.write(data)
    print(f'{sys.argv[3]}: {len(data)} bytes, {len(countries)} countries', file=sys.stderr)


if __name__ == '__main__':
    main()
