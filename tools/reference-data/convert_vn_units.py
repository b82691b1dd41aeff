#!/usr/bin/env python3
"""Turns two public datasets of Vietnam's administrative units into the committed reference file
libs/domain/src/units/data/vn-units-2025.json (docs/units.md says how and why).

Inputs (wheels as downloaded by `pip download --no-deps`, read as zip files: nothing is installed):
  - vietnam-provinces 2025.10.1: the 34 provinces and 3,321 communes after 1 July 2025, GSO codes;
  - vietnam-provinces 0.6.0:     the 63 provinces, 696 districts and 10,051 communes before, GSO codes;
  - vietnam-address-converter 1.0.5: which old commune became which new one (its own codes, joined
    to the GSO codes by province + district + commune name).

Usage (system python3, standard library only):
  pip download --no-deps -d /tmp/vnp vietnam-provinces==2025.10.1 vietnam-provinces==0.6.0 vietnam-address-converter==1.0.5
  python3 tools/reference-data/convert_vn_units.py /tmp/vnp > libs/domain/src/units/data/vn-units-2025.json
"""
import glob
import json
import os
import re
import sys
import unicodedata
import zipfile
from collections import Counter

NEW_WHEEL = 'vietnam_provinces-2025.10.1-py3-none-any.whl'
OLD_WHEEL = 'vietnam_provinces-0.6.0-py3-none-any.whl'
MAP_WHEEL = 'vietnam_address_converter-1.0.5-py3-none-any.whl'

# Division words that prefix a name; names are compared without them (the datasets spell them differently).
PREFIXES = ['thanh pho', 'tinh', 'quan', 'huyen', 'thi xa', 'thi tran', 'phuong', 'xa', 'dac khu']


def fold(text):
    """Lower case, no diacritics (đ → d), single spaces, leading zeros of numbers dropped ("Phường 01" = "Phường 1")."""
    t = unicodedata.normalize('NFD', text.replace('đ', 'd').replace('Đ', 'D'))
    t = ''.join(c for c in t if unicodedata.category(c) != 'Mn').lower()
    t = re.sub(r"[^a-z0-9 ]+", ' ', t)
    t = re.sub(r'\b0+(\d)', r'\1', t)
    return ' '.join(t.split())


def bare(name):
    f = fold(name)
    for p in PREFIXES:
        if f.startswith(p + ' '):
            return f[len(p) + 1:]
    return f


def read_json(wheel, member):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read(member).decode('utf-8'))


def read_converter_data(wheel):
    with zipfile.ZipFile(wheel) as z:
        source = z.read('vietnam_address_converter/data.py').decode('utf-8')
    start = source.index("json.loads('") + len("json.loads('")
    end = source.rindex("')")
    # The module embeds its JSON as a Python string literal: unescape it the way Python would.
    literal = source[start:end].encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')
    return json.loads(literal)


def main(folder):
    new = read_json(os.path.join(folder, NEW_WHEEL), 'vietnam_provinces/data/nested-divisions.json')
    old = read_json(os.path.join(folder, OLD_WHEEL), 'vietnam_provinces/data/nested-divisions.json')
    conv = read_converter_data(os.path.join(folder, MAP_WHEEL))

    # GSO codes after the reform, by (province, commune) name.
    new_by_name = {}
    for p in new:
        for w in p['wards']:
            new_by_name[(bare(p['name']), bare(w['name']))] = w['code']
    new_province_by_name = {bare(p['name']): p['code'] for p in new}

    # GSO codes before the reform, by (province, district, commune) name and, as a fallback, (province, commune).
    old_full, old_loose = {}, {}
    for p in old:
        for d in p['districts']:
            for w in d['wards']:
                old_full[(bare(p['name']), bare(d['name']), bare(w['name']))] = w['code']
                old_loose.setdefault((bare(p['name']), bare(w['name'])), []).append(w['code'])

    successors = {}  # old GSO commune code → new GSO commune code (the first the dataset lists)
    province_votes = {}  # old GSO province code → Counter of new GSO province codes
    old_province_code = {bare(p['name']): p['code'] for p in old}
    unmatched_old, unmatched_new = 0, 0
    for row in conv['mapping']['rows']:
        o, n = row['old'], row['new']
        op, od, ow = bare(o['province_name']), bare(o['district_name']), bare(o['ward_name'])
        code = old_full.get((op, od, ow))
        if code is None:
            loose = old_loose.get((op, ow), [])
            code = loose[0] if len(loose) == 1 else None
        target = new_by_name.get((bare(n['province_name']), bare(n['ward_name'])))
        if code is None:
            unmatched_old += 1
            continue
        if target is None:
            unmatched_new += 1
            continue
        successors.setdefault(code, target)
        np = new_province_by_name.get(bare(n['province_name']))
        if op in old_province_code and np is not None:
            province_votes.setdefault(old_province_code[op], Counter())[np] += 1

    provinces_before = []
    for p in old:
        votes = province_votes.get(p['code'])
        provinces_before.append([p['code'], p['name'], votes.most_common(1)[0][0] if votes else None])
    districts_before = [[d['code'], d['name'], p['code']] for p in old for d in p['districts']]
    communes_before = [[w['code'], w['name'], d['code'], successors.get(w['code'])] for p in old for d in p['districts'] for w in d['wards']]
    # A province continues (the same unit on both sides) when it alone became the province of its name.
    merged_into = Counter(s for _, _, s in provinces_before if s is not None)
    provinces_after = []
    for p in new:
        sole = merged_into[p['code']] == 1 and any(c == p['code'] and s == p['code'] for c, _, s in provinces_before)
        provinces_after.append([p['code'], p['name'], sole])
    communes_after = [[w['code'], w['name'], p['code']] for p in new for w in p['wards']]

    out = {
        'source': {
            'provincesAndCommunesAfter': 'PyPI vietnam-provinces 2025.10.1 (data 2025-08-02; General Statistics Office list; no licence declared in the package)',
            'provincesDistrictsCommunesBefore': 'PyPI vietnam-provinces 0.6.0 (data 2025-01-04; General Statistics Office list; no licence declared in the package)',
            'successors': 'PyPI vietnam-address-converter 1.0.5 (mapping admin_mapping_old_to_new_10_25; Apache-2.0)',
            'generatedBy': 'tools/reference-data/convert_vn_units.py',
        },
        'columns': {
            'provincesBefore': ['gsoCode', 'name', 'successorGsoCode'],
            'districtsBefore': ['gsoCode', 'name', 'provinceGsoCode'],
            'communesBefore': ['gsoCode', 'name', 'districtGsoCode', 'successorGsoCode'],
            'provincesAfter': ['gsoCode', 'name', 'continuesUnchanged'],
            'communesAfter': ['gsoCode', 'name', 'provinceGsoCode'],
        },
        'unmatchedMappingRows': {'oldCommuneNotFound': unmatched_old, 'newCommuneNotFound': unmatched_new},
        'provincesBefore': provinces_before,
        'districtsBefore': districts_before,
        'communesBefore': communes_before,
        'provincesAfter': provinces_after,
        'communesAfter': communes_after,
    }
    # One row a line: compact, yet a diff shows which units changed.
    lines = ['{']
    keys = list(out.keys())
    for i, k in enumerate(keys):
        v = out[k]
        sep = ',' if i < len(keys) - 1 else ''
        if isinstance(v, list):
            rows = [json.dumps(r, ensure_ascii=False, separators=(',', ':')) for r in v]
            lines.append(f'"{k}":[\n' + ',\n'.join(rows) + f'\n]{sep}')
        else:
            lines.append(f'"{k}":{json.dumps(v, ensure_ascii=False, separators=(",", ":"))}{sep}')
    lines.append('}')
    sys.stdout.write('\n'.join(lines) + '\n')
    print(f'provinces before {len(provinces_before)}, districts {len(districts_before)}, communes {len(communes_before)} '
          f'({sum(1 for c in communes_before if c[3] is None)} without successor); provinces after {len(provinces_after)} '
          f'({sum(1 for p in provinces_after if p[2])} unchanged), communes {len(communes_after)}; mapping rows unmatched: '
          f'old {unmatched_old}, new {unmatched_new}', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/tmp/vnp')
