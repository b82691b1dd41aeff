import { dossier, figuresOf, given } from '../../__fixtures__/scenario';
import { averageOf } from '../../ranking/averages';
import { rankableRowOf } from '../../ranking/rankable-row';
import { rankUnits } from '../../ranking/rank-units';
import { CRITERION_IDS } from '../../scoring/calculators';
import { bandLabel, formatGroup, formatTotal } from '../../scoring/display';
import { scoreUnit } from '../../scoring/score';
import { parsePeriod } from '../../time/periods';
import { ruleSetProblems } from '../check-rule-set';
import { QD766_2022 } from '../qd766-2022';
import { ruleSetForPeriod } from '../registry';
import type { RuleSet } from '../rule-set';

/**
 * A revision with other groups, weights, targets and bands, written as data only — no code names
 * its groups or criteria — and scored end to end: events → folded facts → figures → points,
 * groups, total, band, display and ranks. Expected values are worked out by hand below.
 */
const REVISION: RuleSet = {
  ...QD766_2022,
  id: 'test-4-groups-2025',
  effectiveFrom: '2025-06-01',
  groups: [
    { id: 'tiep-nhan', nameVi: 'Tiếp nhận, đồng bộ', nameEn: 'Reception and sync', max: 30 },
    { id: 'giai-quyet', nameVi: 'Giải quyết', nameEn: 'Handling', max: 40 },
    { id: 'so-hoa', nameVi: 'Số hóa', nameEn: 'Digitisation', max: 20 },
    { id: 'hai-long', nameVi: 'Hài lòng', nameEn: 'Satisfaction', max: 10 },
  ],
  criteria: [
    { id: 4, group: 'tiep-nhan', nameVi: 'Hồ sơ đồng bộ', nameEn: 'Synced', max: 15, target: 1, whenEmpty: 'no-data' },
    { id: 8, group: 'tiep-nhan', nameVi: 'Nộp trực tuyến', nameEn: 'Filed online', max: 15, target: 0.5, whenEmpty: 'no-data' },
    { id: 5, group: 'giai-quyet', nameVi: 'Đúng hạn', nameEn: 'On time', max: 30, target: 0.9, whenEmpty: 'no-data' },
    { id: 21, group: 'giai-quyet', nameVi: 'Hài lòng TTHC', nameEn: 'Dossier satisfaction', max: 10, target: 0.8, whenEmpty: 'zero' },
    { id: 12, group: 'so-hoa', nameVi: 'Kết quả điện tử', nameEn: 'E-results', max: 8, target: 1, whenEmpty: 'no-data' },
    { id: 13, group: 'so-hoa', nameVi: 'Số hóa', nameEn: 'Digitised', max: 12, target: 0.75, whenEmpty: 'no-data' },
    { id: 19, group: 'hai-long', nameVi: 'PAKN đúng hạn', nameEn: 'Petitions on time', max: 5, target: 1, whenEmpty: 'full-points' },
    { id: 20, group: 'hai-long', nameVi: 'Hài lòng PAKN', nameEn: 'Petition satisfaction', max: 5, target: 1, whenEmpty: 'full-points' },
  ],
  bands: [
    { labelVi: 'Tốt', labelEn: 'Good', min: 75 },
    { labelVi: 'Đạt', labelEn: 'Pass', min: 50 },
    { labelVi: 'Chưa đạt', labelEn: 'Fail', min: Number.NEGATIVE_INFINITY },
  ],
};

// June 2025 at commune U1 (A–D) and commune U2 (E).
const a = dossier('A', 'U1');
const b = dossier('B', 'U1');
const c = dossier('C', 'U1');
const d = dossier('D', 'U1');
const e = dossier('E', 'U2');
const events = [
  // A online, due 6 June, processed 5 June with an e-result: on time; synced, digitised.
  a.received('2025-06-02T08:00', '2025-06-06T17:00', { channel: 'online' }), a.synced('2025-06-02T08:05'), a.digitised('2025-06-02T09:00'),
  a.processed('2025-06-05T10:00'), a.eResult('2025-06-05T10:05'),
  // B in person, due 4 June, processed 9 June: late; synced, digitised, no e-result.
  b.received('2025-06-02T08:00', '2025-06-04T17:00'), b.synced('2025-06-02T08:05'), b.digitised('2025-06-02T09:00'), b.processed('2025-06-09T10:00'),
  // C online, due 30 June, processed 27 June: on time; neither synced nor digitised, no e-result.
  c.received('2025-06-03T08:00', '2025-06-30T17:00', { channel: 'online' }), c.processed('2025-06-27T10:00'),
  // D in person, due 12 June, still pending at the end of June: overdue; synced, digitised.
  d.received('2025-06-10T08:00', '2025-06-12T17:00'), d.synced('2025-06-10T08:05'), d.digitised('2025-06-10T09:00'),
  // E at U2: online, on time, synced, digitised, e-result.
  e.received('2025-06-02T08:00', '2025-06-06T17:00', { channel: 'online' }), e.synced('2025-06-02T08:05'), e.digitised('2025-06-02T09:00'),
  e.processed('2025-06-03T10:00'), e.eResult('2025-06-03T10:05'),
];

describe('a rule set with other groups, weights and targets is a data change only', () => {
  const period = parsePeriod('2025-06');
  const facts = given(...events);
  const u1 = { ...facts, dossiers: facts.dossiers.filter((x) => x.unitCode === 'U1') };
  const u2 = { ...facts, dossiers: facts.dossiers.filter((x) => x.unitCode === 'U2') };
  const scoreOf = (subjects: typeof facts) => scoreUnit(figuresOf(subjects, '2025-06', { ruleSet: REVISION }), REVISION, { level: 'commune' });

  it('is consistent data, and is the one in force from its effective date once registered', () => {
    expect(ruleSetProblems(REVISION, { calculatorIds: CRITERION_IDS })).toEqual([]);
    expect(ruleSetForPeriod(period, [QD766_2022, REVISION]).id).toBe('test-4-groups-2025');
    expect(ruleSetForPeriod(parsePeriod('2025-05'), [QD766_2022, REVISION]).id).toBe('qd766-2022');
  });

  it('computes only its criteria and scores them with its weights and targets', () => {
    const figures = figuresOf(u1, '2025-06', { ruleSet: REVISION });
    expect(Object.fromEntries(figures)).toEqual({
      4: { numerator: 3, denominator: 4 }, //   synced A, B, D of A–D
      5: { numerator: 2, denominator: 4 }, //   on time A, C; late B, D (overdue)
      8: { numerator: 2, denominator: 4 }, //   online A, C
      12: { numerator: 1, denominator: 3 }, //  completed A, B, C; e-result A
      13: { numerator: 2, denominator: 4 }, //  digitised A (with e-result), D (pending); B completed without e-result
      19: { numerator: 0, denominator: 0 }, //  no petitions
      20: { numerator: 0, denominator: 0 },
      21: { numerator: 2, denominator: 4 }, //  A, C (B and D overdue)
    });
    const score = scoreOf(u1);
    const points = Object.fromEntries(score.criteria.map((x) => [x.id, x.points]));
    expect(points[4]).toBeCloseTo(11.25, 12); //       15 × 0.75
    expect(points[8]).toBe(15); //                     15 × min(1, 0.5 / 0.5)
    expect(points[5]).toBeCloseTo(50 / 3, 12); //      30 × 0.5 / 0.9
    expect(points[21]).toBeCloseTo(6.25, 12); //       10 × 0.5 / 0.8
    expect(points[12]).toBeCloseTo(8 / 3, 12); //      8 × 1/3
    expect(points[13]).toBeCloseTo(8, 12); //          12 × 0.5 / 0.75
    expect([points[19], points[20]]).toEqual([5, 5]); // no petitions: full points
    expect(score.groups.map((g) => [g.id, g.max])).toEqual([['tiep-nhan', 30], ['giai-quyet', 40], ['so-hoa', 20], ['hai-long', 10]]);
    // 26.25 + 22.9167 + 10.6667 + 10 = 69.8333, out of 100 with nothing N/A.
    expect(score.total).toBeCloseTo(26.25 + 50 / 3 + 6.25 + 8 / 3 + 8 + 10, 12);
    expect(score).toMatchObject({ ruleSetId: 'test-4-groups-2025', rescaled: false, applicableMax: 100 });
    expect(formatTotal(score.total, REVISION)).toBe('69,83');
    expect(bandLabel(score.total, REVISION)).toBe('Đạt');
    expect(formatGroup(score.groups[0], REVISION)).toEqual({ score: '26,3/30', rate: '87,50%' });
  });

  it('ranks and averages by its own groups', () => {
    const rows = [rankableRowOf('U1', scoreOf(u1)), rankableRowOf('U2', scoreOf(u2))];
    // U2: every ratio reaches its target (E is on time, synced, online, digitised with an e-result): 100.
    expect(rows[1].total).toBeCloseTo(100, 12);
    expect(rankUnits(rows, 'giai-quyet').map((r) => [r.unitCode, r.rank])).toEqual([['U2', 1], ['U1', 2]]);
    expect(averageOf(rows).groups['tiep-nhan']).toBeCloseTo((26.25 + 30) / 2, 12);
  });
});
