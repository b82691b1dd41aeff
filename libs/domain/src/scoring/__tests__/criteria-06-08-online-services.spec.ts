import { dossier, figureOf, given, procedure } from '../../__fixtures__/scenario';
import { criterionRule } from '../../rules/check-rule-set';
import { QD766_2022 } from '../../rules/qd766-2022';
import { scoreCriterion } from '../score';

const rule = (id: number) => criterionRule(QD766_2022, id);
const due = '2025-03-31T17:00';

describe('criterion 6 — procedures offered online (target 80%)', () => {
  it('counts procedures under the unit with a partial or full online service at the end of the period', () => {
    const facts = given(
      procedure('Full').online('2025-01-02T08:00', 'full'),
      procedure('Partial').online('2025-01-02T08:00', 'partial'),
      procedure('None').online('2025-01-02T08:00', 'none'),
      procedure('Announced-only').announced('2025-01-02T08:00', 'QD-1', '2025-01-02', '2025-02-01'),
      procedure('Upgraded-in-April').online('2025-04-02T08:00', 'full'), // not yet under the unit in March
      procedure('Downgraded').online('2025-01-02T08:00', 'full'), procedure('Downgraded').online('2025-03-20T08:00', 'none'),
    );
    const f = figureOf(6, facts, '2025-03');
    expect(f).toEqual({ numerator: 2, denominator: 5 });
    // 2/5 = 40% against an 80% target: half the points.
    expect(scoreCriterion(rule(6), f).points).toBeCloseTo(1, 10);
    expect(scoreCriterion(rule(6), { numerator: 4, denominator: 5 }).points).toBe(2);
  });
});

describe('criterion 7 — online services actually used', () => {
  it('counts online services that received at least one online dossier in the period', () => {
    const facts = given(
      procedure('Used').online('2025-01-02T08:00', 'full'),
      procedure('Only-in-person').online('2025-01-02T08:00', 'partial'),
      procedure('Used-in-February').online('2025-01-02T08:00', 'full'),
      procedure('Offline-service').online('2025-01-02T08:00', 'none'),
      dossier('A').received('2025-03-03T08:00', due, { procedure: 'Used', channel: 'online' }),
      dossier('B').received('2025-03-03T08:00', due, { procedure: 'Only-in-person', channel: 'in-person' }),
      dossier('C').received('2025-02-27T08:00', due, { procedure: 'Used-in-February', channel: 'online' }),
      dossier('D').received('2025-03-03T08:00', due, { procedure: 'Offline-service', channel: 'online' }),
    );
    expect(figureOf(7, facts, '2025-03')).toEqual({ numerator: 1, denominator: 3 });
  });

  it('joins dossiers to procedures of the same unit only', () => {
    const facts = given(
      procedure('P', 'U1').online('2025-01-02T08:00', 'full'),
      dossier('X', 'U2').received('2025-03-03T08:00', due, { procedure: 'P', channel: 'online' }),
    );
    // The scoring service loads one unit's subjects at a time; U2's dossier is not U1's evidence.
    const u1Only = { ...facts, dossiers: facts.dossiers.filter((d) => d.unitCode === 'U1') };
    expect(figureOf(7, u1Only, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });
});

describe('criterion 8 — dossiers filed online (target 50%)', () => {
  it('counts online receptions; postal and a missing channel are not online', () => {
    const facts = given(
      dossier('Online').received('2025-03-03T08:00', due, { channel: 'online' }),
      dossier('Postal').received('2025-03-03T08:00', due, { channel: 'postal' }),
      dossier('Desk').received('2025-03-03T08:00', due),
      dossier('Submitted-online-received-at-desk').submitted('2025-03-02T20:00', 'P1', 'online'),
      dossier('Submitted-online-received-at-desk').received('2025-03-03T08:00', due, { channel: 'in-person' }),
    );
    const f = figureOf(8, facts, '2025-03');
    expect(f).toEqual({ numerator: 1, denominator: 4 });
    // 25% against a 50% target: half of 6 points.
    expect(scoreCriterion(rule(8), f).points).toBe(3);
  });
});
