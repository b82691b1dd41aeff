import { dossier, figureOf, given } from '../../__fixtures__/scenario';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { RuleSet } from '../../rules/rule-set';

describe('criterion 5 — the configurable edge rules of DOMAIN.md §3', () => {
  const received = (code: string) => dossier(code).received('2025-03-03T08:00', '2025-03-10T17:00');

  it('counts withdrawn and stopped dossiers only if they were received', () => {
    const facts = given(
      received('Withdrawn'), dossier('Withdrawn').withdrawn('2025-03-04T08:00'),
      received('Stopped-late'), dossier('Stopped-late').stopped('2025-03-12T08:00'),
      dossier('Never-received').submitted('2025-03-03T07:00'), dossier('Never-received').withdrawn('2025-03-03T09:00'),
      dossier('Refused').submitted('2025-03-03T07:00'), dossier('Refused').refused('2025-03-03T09:00'),
    );
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 1, denominator: 2 });
  });

  it('takes the result-returned time as the end when no processed time came', () => {
    const facts = given(received('A'), dossier('A').returned('2025-03-11T08:00'));
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('uses the new due time the one-stop system sends after a supplement', () => {
    const facts = given(
      received('A'), dossier('A').supplementRequested('2025-03-04T08:00'),
      dossier('A').supplementSupplied('2025-03-05T08:00', '2025-03-20T17:00'), dossier('A').processed('2025-03-19T08:00'),
    );
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('treats a processing record without handler name or title as late only where the rule set says so', () => {
    const facts = given(received('A'), dossier('A').step('2025-03-03T09:00', { name: 'Trần Thị Bình' }), dossier('A').processed('2025-03-05T08:00'));
    const strict: RuleSet = { ...QD766_2022, id: 'strict-handler', dossier: { ...QD766_2022.dossier, missingHandlerIsLate: true } };
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(5, facts, '2025-03', { ruleSet: strict })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('allows more supplement requests where a rule set says so', () => {
    const facts = given(
      received('A'),
      dossier('A').supplementRequested('2025-03-04T08:00'), dossier('A').supplementSupplied('2025-03-04T10:00'),
      dossier('A').supplementRequested('2025-03-05T08:00'), dossier('A').supplementSupplied('2025-03-05T10:00'),
      dossier('A').processed('2025-03-06T08:00'),
    );
    const lenient: RuleSet = { ...QD766_2022, id: 'two-supplements', dossier: { ...QD766_2022.dossier, maxSupplementRequestsOnTime: 2 } };
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
    expect(figureOf(5, facts, '2025-03', { ruleSet: lenient })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('judges a pending dossier month-to-date at asOf, and at the month end once the month is over', () => {
    const facts = given(received('A'));
    expect(figureOf(5, facts, '2025-03', { asOf: '2025-03-08T12:00' })).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(5, facts, '2025-03', { asOf: '2025-03-11T12:00' })).toEqual({ numerator: 0, denominator: 1 });
  });
});
