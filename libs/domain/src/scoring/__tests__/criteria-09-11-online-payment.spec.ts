import { dossier, figureOf, figuresOf, given, procedure } from '../../__fixtures__/scenario';
import { criterionRule } from '../../rules/check-rule-set';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { RuleSet } from '../../rules/rule-set';
import { formatCriterionRate, formatGroup } from '../display';
import { poolFigures } from '../pool-figures';
import type { Figure } from '../figures';
import { type GroupScore, scoreCriterion, scoreUnit } from '../score';

const due = '2025-03-31T17:00';
const feeProcedure = (code: string) => procedure(code).fee('2025-01-02T08:00', true);

describe('criterion 9 — fee procedures with an online payment (target 80%)', () => {
  it('counts fee-bearing procedures with an online payment in the period, on the portal or the local gateway', () => {
    const facts = given(
      feeProcedure('Portal'), feeProcedure('Gateway'), feeProcedure('Offline'), feeProcedure('Paid-in-April'),
      procedure('Free').fee('2025-01-02T08:00', false),
      dossier('A').received('2025-03-03T08:00', due, { procedure: 'Portal' }), dossier('A').paid('2025-03-03T09:00', 'national-portal'),
      dossier('B').received('2025-03-03T08:00', due, { procedure: 'Gateway' }), dossier('B').paid('2025-03-04T09:00', 'local-gateway'),
      dossier('C').received('2025-03-03T08:00', due, { procedure: 'Offline' }), dossier('C').paid('2025-03-04T09:00', 'offline'),
      dossier('D').received('2025-03-28T08:00', due, { procedure: 'Paid-in-April' }), dossier('D').paid('2025-04-01T09:00', 'national-portal'),
    );
    const f = figureOf(9, facts, '2025-03');
    expect(f).toEqual({ numerator: 2, denominator: 4 });
    expect(scoreCriterion(criterionRule(QD766_2022, 9), f).points).toBeCloseTo(1.25, 10); // 2 × 0.5 / 0.8
    expect(figureOf(9, facts, '2025-04')).toEqual({ numerator: 1, denominator: 4 });
  });
});

describe('criterion 10 — fee procedures integrated for online payment (target 80%)', () => {
  const facts = given(
    feeProcedure('With-fee-data'), feeProcedure('Declared-only'), feeProcedure('Nothing'),
    procedure('Declared-only').integrated('2025-01-02T08:00'),
    dossier('A').received('2025-03-03T08:00', due, { procedure: 'With-fee-data' }), dossier('A').obligation('2025-03-03T10:00', 50_000),
  );

  it('by default counts procedures whose dossiers carried fee data in the period', () => {
    expect(figureOf(10, facts, '2025-03')).toEqual({ numerator: 1, denominator: 3 });
    expect(figureOf(10, facts, '2025-04')).toEqual({ numerator: 0, denominator: 3 });
  });

  it('can count the catalogue declaration instead, or either, per rule set', () => {
    const ruleSet = (evidence: RuleSet['procedure']['paymentIntegrationEvidence']): RuleSet =>
      ({ ...QD766_2022, id: `c10-${evidence}`, procedure: { ...QD766_2022.procedure, paymentIntegrationEvidence: evidence } });
    expect(figureOf(10, facts, '2025-03', { ruleSet: ruleSet('declared') })).toEqual({ numerator: 1, denominator: 3 });
    expect(figureOf(10, facts, '2025-03', { ruleSet: ruleSet('either') })).toEqual({ numerator: 2, denominator: 3 });
  });
});

describe('criterion 11 — dossiers paid online', () => {
  it('counts dossiers with a non-zero fee whose processing started in the period, paid on the portal or the gateway', () => {
    const facts = given(
      feeProcedure('P1'),
      dossier('Portal').received('2025-03-03T08:00', due), dossier('Portal').obligation('2025-03-03T09:00', 50_000),
      dossier('Portal').paid('2025-03-03T10:00', 'national-portal'),
      dossier('Gateway').received('2025-03-03T08:00', due), dossier('Gateway').obligation('2025-03-03T09:00', 20_000),
      dossier('Gateway').paid('2025-03-05T10:00', 'local-gateway'),
      dossier('Cash').received('2025-03-03T08:00', due), dossier('Cash').obligation('2025-03-03T09:00', 20_000),
      dossier('Cash').paid('2025-03-03T10:00', 'offline'),
      dossier('Free').received('2025-03-03T08:00', due), dossier('Free').obligation('2025-03-03T09:00', 0),
      // Received in February, processing started in March: it belongs to March.
      dossier('Started-in-March').received('2025-02-28T16:00', due), dossier('Started-in-March').step('2025-03-03T08:00'),
      dossier('Started-in-March').obligation('2025-03-03T09:00', 100_000),
    );
    expect(figureOf(11, facts, '2025-03')).toEqual({ numerator: 2, denominator: 4 });
    expect(figureOf(11, facts, '2025-02')).toMatchObject({ numerator: 0, denominator: 0 });
  });

  it('adds obligations, and a repeated obligation id replaces the earlier amount', () => {
    const facts = given(
      feeProcedure('P1'),
      dossier('A').received('2025-03-03T08:00', due), dossier('A').obligation('2025-03-03T09:00', 10_000, 'fee'),
      dossier('A').obligation('2025-03-03T09:30', 0, 'fee'), // corrected: no fee after all
      dossier('B').received('2025-03-03T08:00', due), dossier('B').obligation('2025-03-03T09:00', 0, 'fee'),
      dossier('B').obligation('2025-03-03T09:30', 5_000, 'tax'),
    );
    expect(figureOf(11, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });
});

describe('payment criteria are N/A for a unit without fee-bearing procedures', () => {
  const free = given(
    procedure('Free').fee('2025-01-02T08:00', false),
    dossier('A').received('2025-03-03T08:00', due, { procedure: 'Free' }),
  );

  it('marks 9, 10 and 11 not applicable — never 0 — and prints "TTHC không có phí, lệ phí"', () => {
    const figures = figuresOf(free, '2025-03');
    for (const id of [9, 10, 11]) expect(figures.get(id)).toEqual({ numerator: 0, denominator: 0, notApplicable: true });
    const score = scoreUnit(figures, QD766_2022, { level: 'commune' });
    const payment = score.criteria.filter((c) => c.group === 'online-payment');
    expect(payment.map((c) => [c.status, c.points])).toEqual([['not-applicable', null], ['not-applicable', null], ['not-applicable', null]]);
    expect(formatCriterionRate(payment[0], QD766_2022)).toBe('TTHC không có phí, lệ phí');
    const group = score.groups.find((g) => g.id === 'online-payment') as GroupScore;
    expect(group).toMatchObject({ notApplicable: true, applicableMax: 0, points: 0, rate: null });
    expect(formatGroup(group, QD766_2022)).toEqual({ score: 'N/A', rate: 'N/A' });
    // Out of 100 − 10 (payment) − 4 (criterion 2 at commune level) = 86 applicable points, rescaled to
    // 100. Criterion 15 applies to every unit under qd766-2022 (the portal's full points, DOMAIN.md §4).
    expect(score.applicableMax).toBe(86);
    expect(score.rescaled).toBe(true);
    expect(score.total).toBeCloseTo((score.rawPoints * 100) / 86, 10);
  });

  it('treats a dossier carrying a fee as evidence of fees even when the catalogue is silent', () => {
    const facts = given(dossier('A').received('2025-03-03T08:00', due), dossier('A').obligation('2025-03-03T09:00', 10_000));
    const figures = figuresOf(facts, '2025-03');
    expect(figures.get(9)).toEqual({ numerator: 0, denominator: 0 });
    expect(figures.get(11)).toEqual({ numerator: 0, denominator: 1 });
    expect(scoreCriterion(criterionRule(QD766_2022, 9), figures.get(9) as Figure)).toMatchObject({ status: 'no-data' });
  });

  it('survives pooling only when every pooled unit is N/A', () => {
    const freeFigures = figuresOf(free, '2025-03');
    const feeFigures = figuresOf(
      given(feeProcedure('P1'), dossier('B').received('2025-03-03T08:00', due), dossier('B').obligation('2025-03-03T09:00', 1), dossier('B').paid('2025-03-03T10:00', 'local-gateway')),
      '2025-03',
    );
    expect(poolFigures([freeFigures, freeFigures]).get(11)).toEqual({ numerator: 0, denominator: 0, notApplicable: true });
    expect(poolFigures([freeFigures, feeFigures]).get(11)).toEqual({ numerator: 1, denominator: 1 });
  });
});
