import { referenceUnitTree } from '../../units/reference-unit-events';
import { averageOf } from '../averages';
import { peerAverages, rankWithinPeers } from '../peer-ranking';
import { rankableRowOf } from '../rankable-row';
import { type RankableRow, rankUnits } from '../rank-units';
import { scoreUnit } from '../../scoring/score';
import { QD766_2022 } from '../../rules/qd766-2022';
import { formatTotal } from '../../scoring/display';

const row = (unitCode: string, total: number, groups: RankableRow['groups'] = {}): RankableRow => ({ unitCode, total, groups });

describe('ranking', () => {
  it('shares ranks between ties and skips the next ones (1, 2, 2, 4)', () => {
    const ranked = rankUnits([row('D', 70), row('A', 90), row('C', 80), row('B', 80)]);
    expect(ranked.map((r) => [r.unitCode, r.rank, r.of])).toEqual([['A', 1, 4], ['B', 2, 4], ['C', 2, 4], ['D', 4, 4]]);
  });

  it('ignores floating-point noise by default and can tie at display precision', () => {
    const rows = [row('A', 0.1 + 0.2), row('B', 0.3), row('C', 73.6149), row('D', 73.6051)];
    expect(rankUnits(rows).map((r) => r.rank)).toEqual([1, 2, 3, 3]);
    expect(rankUnits(rows, 'total', { decimals: 2 }).map((r) => [r.unitCode, r.rank])).toEqual([['C', 1], ['D', 1], ['A', 3], ['B', 3]]);
  });

  it('ties exactly the figures the display shows: 73.615 shows as 73,62 (half-up), so it shares a rank with 73.62', () => {
    // Math.round(73.615 * 100) is 7361 (binary noise), which used to rank it below a unit shown with the same 73,62.
    const ranked = rankUnits([row('A', 73.615), row('B', 73.62), row('C', 73.6149)], 'total', { decimals: 2 });
    expect(ranked.map((r) => [r.unitCode, r.rank])).toEqual([['A', 1], ['B', 1], ['C', 3]]);
    expect(formatTotal(73.615, QD766_2022)).toBe('73,62');
  });

  it('ranks by a group; units for which the group is N/A get no rank', () => {
    const rows = [row('A', 90, { 'online-payment': 8 }), row('B', 80, { 'online-payment': 10 }), row('C', 85, {})];
    expect(rankUnits(rows, 'online-payment').map((r) => [r.unitCode, r.rank, r.of])).toEqual([['B', 1, 2], ['A', 2, 2], ['C', null, 2]]);
  });

  it('averages unweighted over the ranked units, per group over units where it applies', () => {
    const avg = averageOf([row('A', 90, { progress: 20, 'online-payment': 8 }), row('B', 70, { progress: 10 })]);
    expect(avg).toEqual({ total: 80, groups: { progress: 15, 'online-payment': 8 }, count: 2 });
    expect(averageOf([])).toEqual({ total: null, groups: {}, count: 0 });
  });

  it('turns a unit score into a ranking row, leaving out wholly N/A groups', () => {
    const figures = new Map(QD766_2022.criteria.map((c) => [c.id, { numerator: 1, denominator: 1, ...(c.group === 'online-payment' ? { notApplicable: true } : {}) }]));
    const r = rankableRowOf('HY-STC', scoreUnit(figures, QD766_2022, { level: 'department' }));
    expect(Object.keys(r.groups)).not.toContain('online-payment');
    expect(r.total).toBeCloseTo(100, 10);
  });

  it('ranks departments among departments and districts among districts inside each province', () => {
    const tree = referenceUnitTree();
    const rows = [
      row('HY', 80), row('TTH', 85),
      row('HY-STC', 90), row('HY-SYT', 95), row('HY-STP', 90),
      row('HY-VANLAM', 70), row('HY-MYHAO', 75),
      row('TTH-ALUOI', 60),
    ];
    const ranked = rankWithinPeers(rows, tree, '2024-06-01');
    const view = Object.fromEntries(ranked.map((r) => [r.unitCode, `${r.peerGroup} ${r.rank}/${r.of}`]));
    expect(view).toEqual({
      HY: 'national/province 2/2', TTH: 'national/province 1/2',
      'HY-SYT': 'HY/department 1/3', 'HY-STC': 'HY/department 2/3', 'HY-STP': 'HY/department 2/3',
      'HY-MYHAO': 'HY/district 1/2', 'HY-VANLAM': 'HY/district 2/2',
      'TTH-ALUOI': 'TTH/district 1/1',
    });
    expect(peerAverages(rows, tree, '2024-06-01').get('national/province')?.total).toBe(82.5);
  });
});
