/**
 * A whole unit-month worked by hand: UBND huyện Văn Lâm (HY-VANLAM, a district of Hưng Yên),
 * March 2025, judged after the month (asOf 10 April 2025). Every figure below is derived in the
 * comments from the events; the test checks the code agrees, figure by figure, to the total.
 *
 * March 2025 has no public holiday; working days matter for criteria 1, 2 and 19 only.
 */
import { dossier, figuresOf, given, petition, procedure, unit } from '../../__fixtures__/scenario';
import { QD766_2022 } from '../../rules/qd766-2022';
import { formatGroup, formatTotal, bandLabel } from '../display';
import { type GroupScore, scoreUnit } from '../score';

const U = 'HY-VANLAM';
const ALL_PARTS = ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority', 'result', 'fees'] as const;

// Four procedures under the district's authority.
// P1 1.001612 building permit: QĐCB 312 of Mon 3 March, legal basis effective Mon 17 March.
// P2 2.000908 certified copies: QĐCB 350 of Fri 14 March, legal basis effective Wed 19 March.
// P3 1.003003 household business registration: announced in 2024, free of fees.
// P4 1.004227 business-facing, never published on the national database.
const p1 = procedure('1.001612', U);
const p2 = procedure('2.000908', U);
const p3 = procedure('1.003003', U);
const p4 = procedure('1.004227', U);
const catalogue = [
  p1.announced('2025-03-03T10:00', 'QD-312', '2025-03-03', '2025-03-17'),
  p1.published('2025-03-06T09:00', 'QD-312'), p1.content('2025-03-06T09:00', ALL_PARTS),
  p1.online('2025-03-06T09:00', 'full'), p1.fee('2025-03-06T09:00', true), p1.audience('2025-03-06T09:00', true),
  p2.announced('2025-03-14T10:00', 'QD-350', '2025-03-14', '2025-03-19'),
  p2.published('2025-03-24T09:00', 'QD-350'), p2.content('2025-03-24T09:00', ALL_PARTS.filter((p) => p !== 'time-limit')),
  p2.online('2025-03-24T09:00', 'partial'), p2.fee('2025-03-24T09:00', true), p2.audience('2025-03-24T09:00', true),
  p3.announced('2024-11-04T10:00', 'QD-2011', '2024-11-04', '2024-11-20'),
  p3.published('2024-11-08T09:00', 'QD-2011'), p3.content('2024-11-08T09:00', ALL_PARTS),
  p3.online('2024-11-08T09:00', 'none'), p3.fee('2024-11-08T09:00', false), p3.audience('2024-11-08T09:00', true),
  p4.online('2024-11-08T09:00', 'full'), p4.fee('2024-11-08T09:00', false), p4.audience('2024-11-08T09:00', false),
];

const d1 = dossier('H31.39-250303-0001', U);
const d2 = dossier('H31.39-250305-0002', U);
const d3 = dossier('H31.39-250310-0003', U);
const d4 = dossier('H31.39-250320-0004', U);
const d5 = dossier('H31.39-250325-0005', U);
const d6 = dossier('H31.39-250228-0006', U);
const d7 = dossier('H31.39-250312-0007', U);
const dossiers = [
  // D1 P1 online, due 10 March, processed 7 March: on time; synced, digitised, re-used, taken from the
  // citizen store, e-result, VNeID; fee 500 000 paid on the national portal; very satisfied.
  d1.received('2025-03-03T08:00', '2025-03-10T17:00', { procedure: '1.001612', channel: 'online' }),
  d1.synced('2025-03-03T08:01'), d1.populationData('2025-03-03T08:02', 'vneid'), d1.citizenStore('2025-03-03T08:03', 'taken-from'),
  d1.digitised('2025-03-03T08:30'), d1.reused('2025-03-03T08:30'), d1.step('2025-03-03T14:00'),
  d1.obligation('2025-03-03T15:00', 500_000), d1.paid('2025-03-03T16:00', 'national-portal'),
  d1.processed('2025-03-07T10:00'), d1.eResult('2025-03-07T10:05'), d1.rated('2025-03-08T09:00', 'very-satisfied'),
  // D2 P1 at the desk, due 12 March, processed 14 March: late; synced, digitised, e-result;
  // fee 500 000 paid offline; satisfied.
  d2.received('2025-03-05T08:00', '2025-03-12T17:00', { procedure: '1.001612' }),
  d2.synced('2025-03-05T08:01'), d2.digitised('2025-03-05T09:00'), d2.obligation('2025-03-05T10:00', 500_000),
  d2.paid('2025-03-05T11:00', 'offline'), d2.processed('2025-03-14T10:00'), d2.eResult('2025-03-14T10:05'),
  d2.rated('2025-03-15T09:00', 'satisfied'),
  // D3 P2 online, due 11 March, processed 11 March: on time; synced, digitised, re-used,
  // population DB, no e-result; fee 20 000 paid on the local gateway; unsatisfied.
  d3.received('2025-03-10T08:00', '2025-03-11T17:00', { procedure: '2.000908', channel: 'online' }),
  d3.synced('2025-03-10T08:01'), d3.populationData('2025-03-10T08:02', 'population-db'), d3.digitised('2025-03-10T08:30'),
  d3.reused('2025-03-10T08:30'), d3.obligation('2025-03-10T09:00', 20_000), d3.paid('2025-03-10T09:30', 'local-gateway'),
  d3.processed('2025-03-11T10:00'), d3.rated('2025-03-12T09:00', 'unsatisfied'),
  // D4 P2 by post, due 27 March; a supplement wait of 5 days (21 → 26 March) moves the due time to
  // 1 April 17:00; processed 31 March: on time. Synced late (2 April) — still counts for March.
  // Digitised, e-result, pushed to the citizen store; fee 20 000 never paid; petitioned (PAKN Q2).
  d4.received('2025-03-20T08:00', '2025-03-27T17:00', { procedure: '2.000908', channel: 'postal' }),
  d4.digitised('2025-03-20T09:00'), d4.obligation('2025-03-20T10:00', 20_000),
  d4.supplementRequested('2025-03-21T09:00'), d4.supplementSupplied('2025-03-26T09:00'),
  d4.processed('2025-03-31T15:00'), d4.eResult('2025-03-31T15:05'), d4.citizenStore('2025-03-31T15:06', 'pushed-to'),
  d4.synced('2025-04-02T08:00'), d4.petitioned('2025-03-24T10:00', 'PAKN-Q2'),
  // D5 P3 at the desk, due 8 April, still pending at the end of March: on time. Nothing else.
  d5.received('2025-03-25T08:00', '2025-04-08T17:00', { procedure: '1.003003' }),
  // D6 P4 online but received in February (due 5 March), processed 6 March: late. It counts in
  // criterion 5 (processed in March) and, completed in March with an e-result, in criterion 12 —
  // in no criterion that selects by reception.
  d6.received('2025-02-28T08:00', '2025-03-05T17:00', { procedure: '1.004227', channel: 'online' }),
  d6.step('2025-03-03T08:00'), d6.processed('2025-03-06T10:00'), d6.eResult('2025-03-06T10:05'),
  // D7 submitted online and refused at the desk: never received, counts nowhere.
  d7.submitted('2025-03-12T07:00', '1.001612', 'online'), d7.refused('2025-03-12T08:00'),
];

const petitions = [
  // Q1 received Mon 10 March, 10 working days → due end of Mon 24 March; answered 17 March: on time; very satisfied.
  petition('PAKN-Q1', U).received('2025-03-10T09:00', { days: 10 }), petition('PAKN-Q1', U).answered('2025-03-17T16:00'),
  petition('PAKN-Q1', U).rated('2025-03-18T08:00', 'very-satisfied'),
  // Q2 (about D4's supplement request) received Mon 24 March, 4 working days → due end of Fri 28 March;
  // answered only on 2 April, so at the end of March it is pending and overdue: late. Rated unsatisfied.
  petition('PAKN-Q2', U).received('2025-03-24T09:00', { days: 4 }), petition('PAKN-Q2', U).answered('2025-04-02T16:00'),
  petition('PAKN-Q2', U).rated('2025-04-03T08:00', 'unsatisfied'),
  // Q3 received Wed 26 March, rule-set default 10 working days → due 10 April (7 April is Hùng Kings' day);
  // pending at the end of March: on time.
  petition('PAKN-Q3', U).received('2025-03-26T09:00'),
  // Q4 outside the district's competence (forwarded): does not count.
  petition('PAKN-Q4', U).received('2025-03-14T09:00', { days: 10, within: false }),
];

const certification = [
  unit(U).registered('2022-01-01T00:00', 'UBND huyện Văn Lâm', 'district', 'HY', '2022-01-01'),
  unit(U).competent('2022-01-01T00:00', true, '2022-01-01'),
  unit(U).copies('2025-03-04T10:30', 3),
];

describe('worked example: UBND huyện Văn Lâm, March 2025', () => {
  const facts = given(...catalogue, ...dossiers, ...petitions, ...certification);
  const figures = figuresOf(facts, '2025-03', { asOf: '2025-04-10T00:00' });
  const score = scoreUnit(figures, QD766_2022, { level: 'district' });
  const points = (id: number) => score.criteria.find((c) => c.id === id)?.points;

  it('derives every figure as worked out by hand', () => {
    expect(Object.fromEntries(figures)).toEqual({
      // 1: QĐCBs dated in March: P1 (3 Mar ≤ 17 Mar − 5 wd = 10 Mar ✓), P2 (14 Mar > 19 Mar − 5 wd = 12 Mar ✗).
      1: { numerator: 1, denominator: 2 },
      // 2: publication deadlines in March: P1 due 10 Mar, published 6 Mar ✓; P2 due 21 Mar, published 24 Mar ✗.
      2: { numerator: 1, denominator: 2 },
      // 3: published at the end of March: P1 (complete), P2 (no time limit), P3 (complete); P4 unpublished.
      3: { numerator: 2, denominator: 3 },
      // 4: received in March D1–D5; synced D1, D2, D3, D4 (late sync counts).
      4: { numerator: 4, denominator: 5 },
      // 5: received by the end of March and not finished before it: D1–D6. On time: D1, D3, D4 (supplement
      //    wait), D5 (pending, not yet due). Late: D2, D6.
      5: { numerator: 4, denominator: 6 },
      // 6: procedures under the unit: 4; online (partial or full): P1, P2, P4.
      6: { numerator: 3, denominator: 4 },
      // 7: online services P1, P2, P4; with an online dossier received in March: P1 (D1), P2 (D3). P4's D6 came in February.
      7: { numerator: 2, denominator: 3 },
      // 8: received online: D1, D3 of 5 (D4 came by post).
      8: { numerator: 2, denominator: 5 },
      // 9: fee-bearing P1, P2; an online payment in March: P1 (D1 portal), P2 (D3 gateway).
      9: { numerator: 2, denominator: 2 },
      // 10: fee-bearing P1, P2; fee data on a dossier in March: both.
      10: { numerator: 2, denominator: 2 },
      // 11: non-zero fee, processing started in March: D1, D2, D3, D4; paid online: D1, D3.
      11: { numerator: 2, denominator: 4 },
      // 12: completed in March, document result: D1, D2, D3, D4, D6; e-result: D1, D2, D4, D6.
      12: { numerator: 4, denominator: 5 },
      // 13: received D1–D5; digitised and e-result where completed: D1 ✓, D2 ✓, D3 ✗ (no e-result), D4 ✓, D5 ✗.
      13: { numerator: 3, denominator: 5 },
      // 14: re-used: D1, D3.
      14: { numerator: 2, denominator: 5 },
      // 15: the district is competent and issued 3 e-certified copies on 4 March.
      15: { numerator: 1, denominator: 1 },
      // 16: citizen store: D1 (taken from), D4 (pushed to).
      16: { numerator: 2, denominator: 5 },
      // 17: citizen-facing P1, P2, P3; with a March dossier using population data: P1 (D1), P2 (D3).
      17: { numerator: 2, denominator: 3 },
      // 18: population data: D1, D3.
      18: { numerator: 2, denominator: 5 },
      // 19: in competence Q1, Q2, Q3; on time Q1, Q3.
      19: { numerator: 2, denominator: 3 },
      // 20: 3 − unsatisfied {Q2} − overdue {Q2} = 2.
      20: { numerator: 2, denominator: 3 },
      // 21: D1–D5 − unsatisfied {D3} − petitioned {D4} − overdue {D2} = D1, D5.
      21: { numerator: 2, denominator: 5 },
    });
  });

  it('scores each criterion as max × min(1, ratio / target)', () => {
    expect(points(1)).toBe(3); //                6 × 1/2
    expect(points(2)).toBeNull(); //             N/A at district level
    expect(points(3)).toBeCloseTo(4 / 3, 12); // 2 × 2/3
    expect(points(4)).toBeCloseTo(4.8, 12); //   6 × 4/5
    expect(points(5)).toBeCloseTo(40 / 3, 12); // 20 × 4/6
    expect(points(6)).toBeCloseTo(1.875, 12); // 2 × 0.75/0.8
    expect(points(7)).toBeCloseTo(8 / 3, 12); // 4 × 2/3
    expect(points(8)).toBeCloseTo(4.8, 12); //   6 × 0.4/0.5
    expect(points(9)).toBe(2); //                2 × min(1, 1/0.8)
    expect(points(10)).toBe(2);
    expect(points(11)).toBe(3); //               6 × 2/4
    expect(points(12)).toBeCloseTo(4.8, 12); //  6 × 4/5
    expect(points(13)).toBeCloseTo(2.4, 12); //  4 × 3/5
    expect(points(14)).toBeCloseTo(1, 12); //    2 × 0.4/0.8
    expect(points(15)).toBe(2);
    expect(points(16)).toBeCloseTo(1.6, 12); //  4 × 2/5
    expect(points(17)).toBeCloseTo(4 / 3, 12); // 2 × 2/3
    expect(points(18)).toBeCloseTo(0.8, 12); //  2 × 2/5
    expect(points(19)).toBe(4); //               6 × 2/3
    expect(points(20)).toBe(4);
    expect(points(21)).toBeCloseTo(8 / 3, 12); // 6 × 0.4/0.9
  });

  it('adds groups and the total from unrounded points, rescaled over the 96 applicable points', () => {
    const group = (id: string) => score.groups.find((g) => g.id === id) as GroupScore;
    // Transparency 3 + 4/3 + 4.8 = 9.1333 of 14 applicable (criterion 2 N/A).
    expect(group('transparency')).toMatchObject({ applicableMax: 14 });
    expect(group('transparency').points).toBeCloseTo(3 + 4 / 3 + 4.8, 12);
    expect(formatGroup(group('transparency'), QD766_2022)).toEqual({ score: '9,1/14', rate: '65,24%' });
    expect(group('progress').points).toBeCloseTo(40 / 3, 12); //                    13,3/20
    expect(group('online-service').points).toBeCloseTo(1.875 + 8 / 3 + 4.8, 12); // 9,3417/12
    expect(group('online-payment').points).toBe(7); //                               7/10
    expect(group('digitisation').points).toBeCloseTo(4.8 + 2.4 + 1 + 2 + 1.6 + 4 / 3 + 0.8, 12); // 13,9333/22
    expect(group('satisfaction').points).toBeCloseTo(4 + 4 + 8 / 3, 12); //          10,6667/18
    // Raw: 21 (whole points) + 19.2 (fifths) + 21.3333 (thirds) + 1.875 = 63.408333…
    expect(score.rawPoints).toBeCloseTo(63.408333333, 8);
    expect(score.applicableMax).toBe(96);
    // Rescaled: 63.408333 × 100 / 96 = 66.050347… → "66,05", band Trung bình (50 – < 70).
    expect(score.total).toBeCloseTo(66.050347222, 8);
    expect(formatTotal(score.total, QD766_2022)).toBe('66,05');
    expect(bandLabel(score.total, QD766_2022)).toBe('Trung bình');
    expect(score.ruleSetId).toBe('qd766-2022');
  });
});
