import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { peerGroupOf } from '../peers';
import { REFERENCE_UNITS_2024 } from '../reference-units';
import { referenceUnitEvents, referenceUnitTree } from '../reference-unit-events';
import { childrenAt, descendantsAt, predecessorsOf, successorAt, successorChain, treeAt, unitAt } from '../unit-tree';

const tree = referenceUnitTree();
const levelsUnder = (code: string, at: string) => {
  const counts: Record<string, number> = {};
  for (const u of childrenAt(tree, code, at)) counts[u.level ?? '?'] = (counts[u.level ?? '?'] ?? 0) + 1;
  return counts;
};

describe('reference units', () => {
  it('holds every unit of shared/data/units-2024.csv, with the same names', () => {
    const csv = readFileSync(join(__dirname, '../data/units-2024.csv'), 'utf8');
    const rows = csv.trim().split('\n').slice(1).map((line) => {
      const m = /^([^,]+),([^,]+),(?:"([^"]+)"|(.+))$/.exec(line) as RegExpExecArray;
      return { province: m[1], level: m[2], name: m[3] ?? m[4] };
    });
    const ours = REFERENCE_UNITS_2024.filter((u) => u.code !== 'TB');
    expect(ours.map((u) => [u.level, u.name]).sort()).toEqual(rows.map((r) => [r.level, r.name]).sort());
    expect(new Set(REFERENCE_UNITS_2024.map((u) => u.code)).size).toBe(REFERENCE_UNITS_2024.length);
  });

  it('shows the 2024 structure: 16 departments and 10 districts in Hưng Yên, 18 and 9 in Thừa Thiên Huế', () => {
    expect(levelsUnder('HY', '2024-06-01')).toEqual({ department: 16, district: 10 });
    expect(levelsUnder('TTH', '2024-06-01')).toEqual({ department: 18, district: 9 });
    expect(unitAt(tree, 'TTH', '2024-06-01')?.name).toBe('UBND tỉnh Thừa Thiên Huế');
    expect(unitAt(tree, 'HY-VANLAM', '2024-06-01')).toMatchObject({ name: 'UBND huyện Văn Lâm', level: 'district', parentCode: 'HY' });
  });

  it('makes Thừa Thiên Huế the city of Huế on 1 January 2025, with two urban districts', () => {
    expect(unitAt(tree, 'TTH', '2025-01-01')?.name).toBe('UBND thành phố Huế');
    expect(unitAt(tree, 'TTH-TPHUE', '2025-01-01')).toBeUndefined();
    expect(childrenAt(tree, 'TTH', '2025-02-01').filter((u) => u.level === 'district').map((u) => u.name)).toContain('UBND quận Thuận Hóa');
    expect(unitAt(tree, 'TTH-PHONGDIEN', '2025-02-01')?.name).toBe('UBND thị xã Phong Điền');
  });

  it('merges departments on 1 March 2025 (11 in Hưng Yên, 13 in Huế)', () => {
    expect(levelsUnder('HY', '2025-03-01')).toEqual({ department: 11, district: 10 });
    expect(levelsUnder('TTH', '2025-03-01')).toEqual({ department: 13, district: 10 });
    expect(predecessorsOf(tree, 'HY-SNNMT')).toEqual(['HY-SNNPTNT', 'HY-STNMT']);
  });

  it('forms the new Hưng Yên from Hưng Yên and Thái Bình on 1 July 2025 and ends the district level', () => {
    const july = '2025-07-01';
    expect(treeAt(tree, july).filter((u) => u.level === 'province').map((u) => `${u.code}:${u.name}`)).toEqual([
      'HY25:UBND tỉnh Hưng Yên', 'TTH:UBND thành phố Huế',
    ]);
    expect(treeAt(tree, july).filter((u) => u.level === 'district')).toEqual([]);
    expect(levelsUnder('HY25', july)).toEqual({ department: 11 });
    expect(predecessorsOf(tree, 'HY25')).toEqual(['HY', 'TB']);
    expect(successorChain(tree, 'HY-SKHDT')).toEqual(['HY-STC', 'HY25-STC']);
    expect(successorAt(tree, 'HY-SKHDT', '2025-04-01')).toBe('HY-STC');
    expect(successorAt(tree, 'HY-SKHDT', '2025-08-01')).toBe('HY25-STC');
    expect(descendantsAt(tree, 'TTH', july)).toHaveLength(13);
  });

  it('puts units in their peer groups', () => {
    expect(peerGroupOf(tree, 'HY', '2024-06-01')).toBe('national/province');
    expect(peerGroupOf(tree, 'HY-STC', '2024-06-01')).toBe('HY/department');
    expect(peerGroupOf(tree, 'TTH-ALUOI', '2024-06-01')).toBe('TTH/district');
    expect(peerGroupOf(tree, 'HY-ANTHI', '2025-07-01')).toBeUndefined();
  });

  it('seeds with stable, unique event ids in effective order', () => {
    const events = referenceUnitEvents();
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(referenceUnitEvents().map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    const dates = events.map((e) => e.occurredAt);
    expect([...dates].sort()).toEqual(dates);
    expect(events.filter((e) => e.type === 'unit.certification-competence-set').map((e) => e.unitCode)).toContain('HY-VANLAM');
  });
});
