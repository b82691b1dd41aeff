import { dossier, figureOf, given, procedure } from '../../__fixtures__/scenario';
import { QD766_2022 } from '../../rules/qd766-2022';
import { criterionRule } from '../../rules/check-rule-set';
import { scoreCriterion, scoreUnit } from '../score';
import { poolFigures } from '../pool-figures';
import { computeFigures } from '../calculators';
import { parsePeriod } from '../../time/periods';

const FULL = ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority'] as const;

describe('criterion 1 — procedures announced on time (QĐCB ≥ 5 working days before the legal basis)', () => {
  it('counts each procedure in a QĐCB dated in the period; on time when dated by effective date − 5 working days', () => {
    // Legal basis effective Monday 17 March 2025: 5 working days earlier is Monday 10 March.
    const facts = given(
      procedure('P1').announced('2025-03-10T15:00', 'QD-1', '2025-03-10', '2025-03-17'),
      procedure('P2').announced('2025-03-11T15:00', 'QD-2', '2025-03-11', '2025-03-17'),
      procedure('P3').announced('2025-02-27T15:00', 'QD-0', '2025-02-27', '2025-03-17'), // dated in February
    );
    expect(figureOf(1, facts, '2025-03')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('skips holidays and counts make-up Saturdays as working days', () => {
    // Effective Wed 7 May 2025. Back 5 working days: 6 May, 5 May, (2 May bridged, 1 May, 30 Apr off),
    // 29 Apr, 28 Apr, then Saturday 26 Apr — a make-up working day. So 26 April is the last day on time.
    const facts = given(
      procedure('A').announced('2025-04-26T09:00', 'QD-A', '2025-04-26', '2025-05-07'),
      procedure('B').announced('2025-04-28T09:00', 'QD-B', '2025-04-28', '2025-05-07'),
    );
    expect(figureOf(1, facts, '2025-04')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('counts a procedure announced twice in the period twice, and a corrected QĐCB once', () => {
    const facts = given(
      procedure('P1').announced('2025-03-03T09:00', 'QD-1', '2025-03-03', '2025-04-01'),
      procedure('P1').announced('2025-03-04T09:00', 'QD-1', '2025-03-04', '2025-04-01'), // same decision, corrected date
      procedure('P1').announced('2025-03-20T09:00', 'QD-9', '2025-03-20', '2025-03-21'),
    );
    expect(figureOf(1, facts, '2025-03')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('has no data when nothing was announced', () => {
    const f = figureOf(1, given(), '2025-03');
    expect(scoreCriterion(criterionRule(QD766_2022, 1), f)).toMatchObject({ status: 'no-data', points: 0, ratio: null });
  });
});

describe('criterion 2 — published on the national database on time (province level only)', () => {
  const announced = (code: string, date: string) => procedure(code).announced(`${date}T09:00`, `QD-${code}`, date, '2025-06-01');

  it('is due QĐCB date + 5 working days; published by the end of that day is on time', () => {
    // QĐCB Monday 3 March → due Monday 10 March.
    const facts = given(
      announced('A', '2025-03-03'), procedure('A').published('2025-03-10T16:59'),
      announced('B', '2025-03-03'), procedure('B').published('2025-03-11T08:00'),
    );
    expect(figureOf(2, facts, '2025-03')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('selects by the deadline: a QĐCB of 27 March is due 3 April and counts in April', () => {
    const facts = given(announced('A', '2025-03-27'), procedure('A').published('2025-04-02T10:00'));
    expect(figureOf(2, facts, '2025-03')).toEqual({ numerator: 0, denominator: 0 });
    expect(figureOf(2, facts, '2025-04')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('judges an unpublished procedure as pending: on time until its deadline passes', () => {
    const facts = given(announced('A', '2025-03-03'));
    expect(figureOf(2, facts, '2025-03', { asOf: '2025-03-08T12:00' })).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(2, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('matches a publication to its QĐCB by decision code', () => {
    const facts = given(
      announced('A', '2025-03-03'),
      procedure('A').published('2025-03-04T08:00', 'QD-OLD'), // answers another decision
      procedure('A').published('2025-03-12T08:00', 'QD-A'),
    );
    expect(figureOf(2, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('is N/A below province level, yet its counts pool into the province', () => {
    const district = computeFigures({
      subjects: given(announced('A', '2025-03-03'), procedure('A').published('2025-03-05T08:00')),
      period: parsePeriod('2025-03'), asOf: Date.now(), ruleSet: QD766_2022,
    });
    expect(scoreUnit(district, QD766_2022, { level: 'district' }).criteria[1]).toMatchObject({
      id: 2, status: 'not-applicable', points: null, flags: ['not-applicable-level'],
    });
    const province = poolFigures([district, new Map([[2, { numerator: 0, denominator: 1 }]])]);
    expect(scoreUnit(province, QD766_2022, { level: 'province' }).criteria[1]).toMatchObject({
      id: 2, status: 'ok', numerator: 1, denominator: 2, points: 2,
    });
  });
});

describe('criterion 3 — published procedures with all 7 mandatory parts (point in time)', () => {
  it('counts, at the end of the period, published procedures and those showing every mandatory part', () => {
    const facts = given(
      procedure('Full').published('2025-01-05T08:00'), procedure('Full').content('2025-01-05T08:00', [...FULL, 'fees']),
      procedure('Partial').published('2025-01-05T08:00'), procedure('Partial').content('2025-01-05T08:00', FULL.filter((p) => p !== 'time-limit')),
      procedure('Unpublished').content('2025-01-05T08:00', FULL),
      procedure('Gone').published('2025-01-05T08:00'), procedure('Gone').content('2025-01-05T08:00', FULL), procedure('Gone').abolished('2025-03-15T08:00'),
      procedure('Fixed-later').published('2025-01-05T08:00'), procedure('Fixed-later').content('2025-04-02T08:00', FULL),
    );
    expect(figureOf(3, facts, '2025-03')).toEqual({ numerator: 1, denominator: 3 });
    expect(figureOf(3, facts, '2025-04')).toEqual({ numerator: 2, denominator: 3 });
    expect(figureOf(3, facts, '2025-02')).toEqual({ numerator: 2, denominator: 4 });
  });
});

describe('criterion 4 — dossiers synced to the national portal', () => {
  const received = (code: string, at: string) => dossier(code).received(at, '2025-03-31T17:00');

  it('counts received dossiers synced, whenever the sync came (a late sync mends its month)', () => {
    const facts = given(
      received('A', '2025-03-03T08:00'), dossier('A').synced('2025-03-03T08:01'),
      received('B', '2025-03-04T08:00'), dossier('B').synced('2025-04-02T08:00'),
      received('C', '2025-03-05T08:00'),
    );
    expect(figureOf(4, facts, '2025-03')).toEqual({ numerator: 2, denominator: 3 });
  });

  it('falls back to last year\'s monthly average when nothing was received: 0 points, status ok, flagged', () => {
    const f = figureOf(4, given(), '2025-03', { average: 40 });
    expect(f).toEqual({ numerator: 0, denominator: 0, fallbackDenominator: 40 });
    expect(scoreCriterion(criterionRule(QD766_2022, 4), f)).toMatchObject({
      status: 'ok', ratio: 0, points: 0, flags: ['fallback-denominator'],
    });
  });

  it('with nothing received, scores the dossiers synced in the period against the average (DOMAIN.md §4)', () => {
    // April: nothing received; three February dossiers synced in April, one in May. Last year's
    // monthly average 4 → ratio 3/4, 6 × 0.75 = 4.5 points. Without the fallback numerator the
    // ratio would be 0/4 and the fallback could never award a point.
    const facts = given(
      ...['A', 'B', 'C', 'D'].map((c) => received(c, '2025-02-03T08:00')),
      dossier('A').synced('2025-04-01T08:00'), dossier('B').synced('2025-04-15T08:00'), dossier('C').synced('2025-04-30T23:00'),
      dossier('D').synced('2025-05-02T08:00'),
    );
    const f = figureOf(4, facts, '2025-04', { average: 4 });
    expect(f).toEqual({ numerator: 0, denominator: 0, fallbackNumerator: 3, fallbackDenominator: 4 });
    expect(scoreCriterion(criterionRule(QD766_2022, 4), f)).toMatchObject({ status: 'ok', ratio: 0.75, points: 4.5, flags: ['fallback-denominator'] });
    // Pooled with a unit that received dossiers, the ordinary ratio decides and the fallback is dropped.
    const busy = figureOf(4, given(received('E', '2025-04-02T08:00')), '2025-04', { average: 4 });
    expect(poolFigures([new Map([[4, f]]), new Map([[4, busy]])]).get(4)).toEqual({ numerator: 0, denominator: 1, fallbackDenominator: 8 });
  });

  it('without a known average scores 0 with a data-quality flag, never as plain zero', () => {
    const f = figureOf(4, given(), '2025-03');
    expect(scoreCriterion(criterionRule(QD766_2022, 4), f)).toMatchObject({
      status: 'no-data', ratio: null, points: 0, flags: ['no-fallback-average'],
    });
  });

  it('scales the fallback to the period and ignores it when dossiers were received', () => {
    expect(figureOf(4, given(), '2025-Q1', { average: 40 }).fallbackDenominator).toBe(120);
    const f = figureOf(4, given(received('A', '2025-03-03T08:00'), dossier('A').synced('2025-03-03T09:00')), '2025-03', { average: 40 });
    expect(scoreCriterion(criterionRule(QD766_2022, 4), f)).toMatchObject({ status: 'ok', ratio: 1, points: 6, flags: [] });
  });
});
