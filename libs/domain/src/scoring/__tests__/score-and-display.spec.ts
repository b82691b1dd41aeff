import { figuresOf, given } from '../../__fixtures__/scenario';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { RuleSet } from '../../rules/rule-set';
import { bandLabel, formatCriterionRate, formatGroup, formatNumberVi, formatRank, formatRate, formatTotal } from '../display';
import { monthlyAverageReceived } from '../fallback-average';
import type { Figure } from '../figures';
import { figuresFromRecord, figuresToRecord } from '../figures-json';
import { poolFigures } from '../pool-figures';
import { roundHalfUp } from '../rounding';
import { type CriterionScore, scoreUnit } from '../score';

const full = (): Map<number, Figure> => new Map(QD766_2022.criteria.map((c) => [c.id, { numerator: 1, denominator: 1 }]));

describe('unit score', () => {
  it('sums unrounded points into groups and the total: 100 when every ratio reaches its target', () => {
    const score = scoreUnit(full(), QD766_2022, { level: 'province' });
    expect(score.groups.map((g) => [g.id, g.points, g.max])).toEqual([
      ['transparency', 18, 18], ['progress', 20, 20], ['online-service', 12, 12],
      ['online-payment', 10, 10], ['satisfaction', 18, 18], ['digitisation', 22, 22],
    ]);
    expect(score).toMatchObject({ total: 100, rawPoints: 100, applicableMax: 100, rescaled: false, ruleSetId: 'qd766-2022' });
    expect(bandLabel(score.total, QD766_2022)).toBe('Xuất sắc');
  });

  it('keeps no data, not applicable and zero distinct', () => {
    const figures = full();
    figures.set(3, { numerator: 0, denominator: 0 });
    figures.set(9, { numerator: 0, denominator: 0, notApplicable: true });
    figures.set(14, { numerator: 0, denominator: 5 });
    const byId = new Map(scoreUnit(figures, QD766_2022).criteria.map((c) => [c.id, c]));
    expect(byId.get(3)).toMatchObject({ status: 'no-data', points: 0, ratio: null });
    expect(byId.get(9)).toMatchObject({ status: 'not-applicable', points: null, ratio: null });
    expect(byId.get(14)).toMatchObject({ status: 'ok', points: 0, ratio: 0 });
    expect([3, 9, 14].map((id) => formatCriterionRate(byId.get(id) as CriterionScore, QD766_2022))).toEqual([
      'Chưa có dữ liệu', 'TTHC không có phí, lệ phí', '0,00%',
    ]);
  });

  it('rescales the total to 100 over the applicable maximum, or not, per rule set', () => {
    const figures = full();
    figures.set(1, { numerator: 0, denominator: 1 }); // 0 of 6
    const district = scoreUnit(figures, QD766_2022, { level: 'district' }); // criterion 2 N/A
    expect(district.rawPoints).toBe(90);
    expect(district.applicableMax).toBe(96);
    expect(district.total).toBeCloseTo(93.75, 10);
    expect(district.groups[0]).toMatchObject({ points: 8, applicableMax: 14, rate: 8 / 14 }); // 18 − 6 (criterion 1) − 4 (N/A)
    const noRescale: RuleSet = { ...QD766_2022, id: 'no-rescale', rescaleNotApplicable: false };
    expect(scoreUnit(figures, noRescale, { level: 'district' }).total).toBe(90);
  });

  it('judges the band on the total as displayed, so "90,00" is never "Tốt"', () => {
    expect(bandLabel(89.996, QD766_2022)).toBe('Xuất sắc');
    expect(bandLabel(89.994, QD766_2022)).toBe('Tốt');
    expect([80, 79.99, 70, 50, 49.99].map((t) => bandLabel(t, QD766_2022, 'en'))).toEqual(['Good', 'Fair', 'Fair', 'Average', 'Weak']);
  });

  it('scores an empty unit-month with the §4 defaults', () => {
    const score = scoreUnit(figuresOf(given(), '2025-03'), QD766_2022, { level: 'commune' });
    const statuses = Object.fromEntries(score.criteria.map((c) => [c.id, `${c.status}:${c.points}`]));
    expect(statuses).toMatchObject({
      // 15: full points for every unit, as the national portal's 2026 evaluation (DOMAIN.md §4).
      2: 'not-applicable:null', 4: 'no-data:0', 5: 'no-data:0', 9: 'not-applicable:null', 15: 'ok:2',
      19: 'ok:6', 20: 'ok:6', 21: 'ok:0',
    });
  });
});

describe('pooling', () => {
  it('adds numerators, denominators and fallbacks; N/A only when every unit is N/A; flags are the union', () => {
    const a = new Map<number, Figure>([[4, { numerator: 0, denominator: 0, fallbackDenominator: 10 }], [9, { numerator: 0, denominator: 0, notApplicable: true }], [8, { numerator: 1, denominator: 2, flags: ['x'] }]]);
    const b = new Map<number, Figure>([[4, { numerator: 3, denominator: 4, fallbackDenominator: 5 }], [9, { numerator: 1, denominator: 2 }], [8, { numerator: 0, denominator: 1, flags: ['y', 'x'] }]]);
    const c = new Map<number, Figure>([[9, { numerator: 0, denominator: 0, notApplicable: true }]]);
    expect(Object.fromEntries(poolFigures([a, b, c]))).toEqual({
      4: { numerator: 3, denominator: 4, fallbackDenominator: 15 },
      8: { numerator: 1, denominator: 3, flags: ['x', 'y'] },
      9: { numerator: 1, denominator: 2 },
    });
    expect(poolFigures([a, c]).get(9)).toEqual({ numerator: 0, denominator: 0, notApplicable: true });
  });

  it('round-trips figures through JSON', () => {
    const figures = figuresOf(given(), '2025-03');
    expect(figuresFromRecord(JSON.parse(JSON.stringify(figuresToRecord(figures))))).toEqual(figures);
  });

  it('computes last year\'s monthly average of received dossiers for criterion 4', () => {
    const month = (received: number) => new Map<number, Figure>([[4, { numerator: 0, denominator: received }]]);
    expect(monthlyAverageReceived([month(30), month(50), month(40)])).toBe(10);
    expect(monthlyAverageReceived(Array.from({ length: 12 }, () => month(24)))).toBe(24);
    expect(monthlyAverageReceived([])).toBeUndefined();
  });
});

describe('display', () => {
  it('rounds half up despite binary fractions and formats with a decimal comma', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(73.605, 2)).toBe(73.61);
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
    expect(formatNumberVi(73.605, 2)).toBe('73,61');
    expect(formatNumberVi(1234.5, 1)).toBe('1.234,5');
    expect(formatNumberVi(1234567, 0)).toBe('1.234.567');
    expect(formatTotal(73.6149, QD766_2022)).toBe('73,61');
    expect(formatRate(0.98255, QD766_2022)).toBe('98,26%');
    expect(formatRank(1, 10)).toBe('01/10');
    expect(formatRank(12, 63)).toBe('12/63');
  });

  it('prints a group as points/max with its rate from unrounded points ("15,8/22")', () => {
    const group = { id: 'digitisation' as const, points: 15.77, max: 22, applicableMax: 22, notApplicable: false, rate: 15.77 / 22 };
    expect(formatGroup(group, QD766_2022)).toEqual({ score: '15,8/22', rate: '71,68%' });
  });
});
