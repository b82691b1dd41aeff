import { parsePeriod, periodsContainingMonth } from '../../time/periods';
import { poolMembersDuring, poolOwnersDuring, poolOwnersIndex } from '../pool-members-during';
import { referenceUnitTree } from '../reference-unit-events';
import { poolMembersAt } from '../unit-tree';

/**
 * Expected members are read off the reference data by hand (reference-units.ts): Sở Kế hoạch và Đầu
 * tư (HY-SKHDT) merged into Sở Tài chính (HY-STC) on 1 March 2025; Nông nghiệp và PTNT and Tài
 * nguyên và Môi trường formed the new HY-SNNMT that day; Hưng Yên (HY) and Thái Bình (TB) formed
 * HY25 on 1 July 2025, HY's departments passing to HY25-* and its districts dissolved.
 */
describe('pooling for a period uses the units that existed during it', () => {
  const tree = referenceUnitTree();
  const q1 = parsePeriod('2025-Q1');

  it('keeps a department merged on 1 March in its province\'s Q1 (the end-of-period tree loses it)', () => {
    const atEnd = poolMembersAt(tree, 'HY', q1.end - 1);
    expect(atEnd).not.toContain('HY-SKHDT');
    const during = poolMembersDuring(tree, 'HY', q1);
    expect(during).toEqual(expect.arrayContaining(['HY', 'HY-SKHDT', 'HY-SNNPTNT', 'HY-STNMT', 'HY-SNNMT', 'HY-STC', 'HY-TPHY']));
    expect(during[0]).toBe('HY');
    expect(new Set(during).size).toBe(during.length);
    // Only Hưng Yên's own units: nothing of Huế or Thái Bình, and nothing created later (HY25-*).
    expect(during.every((c) => c === 'HY' || c.startsWith('HY-'))).toBe(true);
  });

  it('gives a department formed on 1 March the January and February of the departments it replaced', () => {
    expect([...poolMembersDuring(tree, 'HY-SNNMT', q1)].sort()).toEqual(['HY-SNNMT', 'HY-SNNPTNT', 'HY-STNMT']);
    // Sở Tài chính existed all quarter: scored on its own dossiers; SKHDT's stay with SKHDT and HY.
    expect(poolMembersDuring(tree, 'HY-STC', q1)).toEqual(['HY-STC']);
    // The merged department itself: its own two months.
    expect(poolMembersDuring(tree, 'HY-SKHDT', q1)).toEqual(['HY-SKHDT']);
    // In April it is gone: it pools nothing into anyone.
    expect(poolMembersDuring(tree, 'HY', parsePeriod('2025-04'))).not.toContain('HY-SKHDT');
  });

  it('pools HY25\'s year 2025 over the pre-reform units\' first half through successor links', () => {
    const year = poolMembersDuring(tree, 'HY25', parsePeriod('2025'));
    expect(year).toEqual(expect.arrayContaining(['HY25', 'HY25-STC', 'HY', 'TB', 'HY-STC', 'HY-SKHDT', 'HY-TPHY', 'HY-SNNMT']));
    expect(year).not.toContain('TTH');
    expect(year.some((c) => c.startsWith('TTH'))).toBe(false);
    // The second half alone is the new structure only.
    const h2 = poolMembersDuring(tree, 'HY25', parsePeriod('2025-H2'));
    expect(h2.every((c) => c.startsWith('HY25'))).toBe(true);
    // Before it existed, HY25 carries nothing (history in the structure of its time).
    expect(poolMembersDuring(tree, 'HY25', parsePeriod('2025-H1'))).toEqual(['HY25']);
    // A department formed on 1 July carries its predecessor's first half in the year.
    expect([...poolMembersDuring(tree, 'HY25-STC', parsePeriod('2025'))].sort()).toEqual(['HY-STC', 'HY25-STC']);
  });

  it('answers, for a member, exactly the units whose pool holds it', () => {
    const year = parsePeriod('2025');
    expect(poolOwnersDuring(tree, 'HY-SKHDT', q1).sort()).toEqual(['HY', 'HY-SKHDT']);
    expect(poolOwnersDuring(tree, 'HY-SNNPTNT', q1).sort()).toEqual(['HY', 'HY-SNNMT', 'HY-SNNPTNT']);
    expect(poolOwnersDuring(tree, 'HY-STC', year).sort()).toEqual(['HY', 'HY-STC', 'HY25', 'HY25-STC']);
    expect(poolOwnersDuring(tree, 'TB', year).sort()).toEqual(['HY25', 'TB']);
    for (const owner of poolOwnersDuring(tree, 'HY-TPHY', year)) expect(poolMembersDuring(tree, owner, year)).toContain('HY-TPHY');
    const index = poolOwnersIndex(tree, year);
    for (const member of ['HY-STC', 'TB', 'HY-SKHDT', 'HY25-SYT']) expect([...(index.get(member) ?? [])].sort()).toEqual(poolOwnersDuring(tree, member, year).sort());
  });

  it('answers nothing for an unknown unit and does not loop on a successor cycle', () => {
    expect(poolMembersDuring(tree, 'NOPE', q1)).toEqual([]);
    const cyclic = {
      A: { kind: 'unit', unitCode: 'A', firstSeenAt: 0, names: [], validFrom: 10, successorCode: 'B', endedAt: 20 },
      B: { kind: 'unit', unitCode: 'B', firstSeenAt: 0, names: [], validFrom: 15, successorCode: 'A', parentCode: 'A' },
    } as const;
    expect([...poolMembersDuring(cyclic, 'B', { start: 0, end: 30 })].sort()).toEqual(['A', 'B']);
  });

  it('answers a span what a fresh walk answers, however many spans it answered before (the answers kept by span)', () => {
    // Every month, quarter, half and year 2024–2027, then spans cut at the units' own starts and ends
    // (the instants where the answer changes) and one instant either side, in a shuffled order.
    const instants = [...new Set(Object.values(tree).flatMap((u) => [u.validFrom ?? u.firstSeenAt, ...(u.endedAt === undefined ? [] : [u.endedAt])]))];
    const near = instants.flatMap((t) => [t - 1, t, t + 1]);
    const spans = [
      ...[2024, 2025, 2026, 2027].flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`).flatMap((month) => periodsContainingMonth(month))),
      ...near.flatMap((a, i) => [{ start: a, end: near[(i * 7 + 3) % near.length] }, { start: a, end: a + 86_400_000 }, { start: a - 86_400_000, end: a }]),
      { start: Number.NaN, end: 0 },
    ];
    let seed = 11;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const shuffled = spans.map((span) => ({ span, order: random() })).sort((a, b) => a.order - b.order).map((x) => x.span);
    const codes = Object.keys(tree);
    for (const span of shuffled) {
      const fresh = { ...tree }; // another tree object: nothing kept for it yet
      for (const code of codes) expect(poolMembersDuring(tree, code, span)).toEqual(poolMembersDuring(fresh, code, span));
      expect(poolOwnersIndex(tree, span)).toEqual(poolOwnersIndex({ ...tree }, span));
    }
    expect(shuffled.length).toBeGreaterThan(100);
  });
});
