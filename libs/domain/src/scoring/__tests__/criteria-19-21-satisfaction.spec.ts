import { dossier, figureOf, figuresOf, given, petition } from '../../__fixtures__/scenario';
import { criterionRule } from '../../rules/check-rule-set';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { Figure } from '../figures';
import { scoreCriterion, scoreUnit } from '../score';

const rule = (id: number) => criterionRule(QD766_2022, id);

describe('criterion 19 — petitions handled on time (working-day deadlines)', () => {
  it('counts answered by the deadline and pending not yet due as on time; outside competence does not count', () => {
    // Friday 4 April 2025 + 1 working day: Monday 7 April is Hùng Kings' day, so the deadline is Tuesday 8 April.
    const facts = given(
      petition('On-time').received('2025-04-04T09:00', { days: 1 }), petition('On-time').answered('2025-04-08T16:00'),
      petition('Late').received('2025-04-04T09:00', { days: 1 }), petition('Late').answered('2025-04-09T08:00'),
      petition('Pending').received('2025-04-28T09:00', { due: '2025-05-20T17:00' }),
      petition('Forwarded').received('2025-04-04T09:00', { days: 1, within: false }),
    );
    expect(figureOf(19, facts, '2025-04')).toEqual({ numerator: 2, denominator: 3 });
    // Month-to-date on 8 April the late one is still pending and not yet due.
    expect(figureOf(19, facts, '2025-04', { asOf: '2025-04-08T20:00' })).toEqual({ numerator: 2, denominator: 2 });
  });

  it('counts a make-up Saturday as a working day', () => {
    // Thursday 24 April 2025 + 2 working days: Friday 25, Saturday 26 April (worked for 2 May).
    const facts = given(petition('A').received('2025-04-24T09:00', { days: 2 }), petition('A').answered('2025-04-28T08:00'));
    expect(figureOf(19, facts, '2025-04')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('judges a petition still pending at the end of the period at that end', () => {
    // Received 28 April, due 5 May: at the end of April it is pending and not yet due, whatever May brings.
    const facts = given(petition('A').received('2025-04-28T09:00', { due: '2025-05-05T17:00' }), petition('A').answered('2025-05-09T08:00'));
    expect(figureOf(19, facts, '2025-04')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('uses the rule set default (10 working days) when the petition has no deadline', () => {
    // Tuesday 1 April 2025 + 10 working days, skipping Hùng Kings' day (Monday 7 April): Wednesday 16 April.
    const onTime = given(petition('A').received('2025-04-01T09:00'), petition('A').answered('2025-04-16T16:00'));
    const late = given(petition('A').received('2025-04-01T09:00'), petition('A').answered('2025-04-17T08:00'));
    expect(figureOf(19, onTime, '2025-04')).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(19, late, '2025-04')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('judges every round of a reopened petition', () => {
    const facts = given(
      petition('A').received('2025-03-03T09:00', { days: 5 }), petition('A').answered('2025-03-05T09:00'),
      petition('A').reopened('2025-03-06T09:00'), petition('A').answered('2025-03-20T09:00'), // 5 working days → 13 March
    );
    expect(figureOf(19, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('gives full points to a unit without petitions, and says why', () => {
    const figures = figuresOf(given(), '2025-03');
    for (const id of [19, 20]) {
      expect(figures.get(id)).toEqual({ numerator: 0, denominator: 0 });
      expect(scoreCriterion(rule(id), figures.get(id) as Figure)).toMatchObject({ status: 'ok', points: 6, ratio: null, flags: ['empty-full-points'] });
    }
  });
});

describe('criterion 20 — satisfaction with petition handling', () => {
  it('is (petitions − rated unsatisfactory − overdue) / petitions, each petition subtracted once', () => {
    const facts = given(
      petition('Happy').received('2025-03-03T09:00', { days: 5 }), petition('Happy').answered('2025-03-04T09:00'), petition('Happy').rated('2025-03-05T09:00', 'satisfied'),
      petition('Unhappy').received('2025-03-03T09:00', { days: 5 }), petition('Unhappy').answered('2025-03-04T09:00'), petition('Unhappy').rated('2025-03-05T09:00', 'unsatisfied'),
      petition('Both').received('2025-03-03T09:00', { days: 1 }), petition('Both').answered('2025-03-10T09:00'), petition('Both').rated('2025-03-11T09:00', 'unsatisfied'),
      petition('Unrated').received('2025-03-03T09:00', { days: 5 }), petition('Unrated').answered('2025-03-04T09:00'),
      petition('Changed-mind').received('2025-03-03T09:00', { days: 5 }), petition('Changed-mind').answered('2025-03-04T09:00'),
      petition('Changed-mind').rated('2025-03-05T09:00', 'unsatisfied'), petition('Changed-mind').rated('2025-03-06T09:00', 'very-satisfied'),
    );
    expect(figureOf(20, facts, '2025-03')).toEqual({ numerator: 3, denominator: 5 });
  });
});

describe('criterion 21 — satisfaction with dossier handling (target 90%)', () => {
  const received = (code: string) => dossier(code).received('2025-03-03T08:00', '2025-03-10T17:00');

  it('is (dossiers − unsatisfactory or petitioned − overdue) / dossiers, each dossier subtracted once', () => {
    const facts = given(
      received('Fine'), dossier('Fine').processed('2025-03-05T08:00'), dossier('Fine').rated('2025-03-06T08:00', 'very-satisfied'),
      received('Unhappy'), dossier('Unhappy').processed('2025-03-05T08:00'), dossier('Unhappy').rated('2025-03-06T08:00', 'unsatisfied'),
      received('Petitioned'), dossier('Petitioned').processed('2025-03-05T08:00'), dossier('Petitioned').petitioned('2025-03-07T08:00', 'PAKN-1'),
      received('Overdue'), dossier('Overdue').processed('2025-03-12T08:00'),
      received('All-three'), dossier('All-three').processed('2025-03-12T08:00'), dossier('All-three').rated('2025-03-13T08:00', 'unsatisfied'),
      dossier('All-three').petitioned('2025-03-13T09:00', 'PAKN-2'),
      received('Pending-on-time'),
    );
    const f = figureOf(21, facts, '2025-03', { asOf: '2025-03-09T12:00' });
    // At 9 March nothing is overdue yet: only the unhappy, petitioned and all-three dossiers fail.
    expect(f).toEqual({ numerator: 3, denominator: 6 });
    const final = figureOf(21, facts, '2025-03');
    // After the month, "Pending-on-time" is overdue too; "Overdue" fails on time.
    expect(final).toEqual({ numerator: 1, denominator: 6 });
    expect(scoreCriterion(rule(21), { numerator: 9, denominator: 10 }).points).toBe(6);
  });

  it('scores 0 — not "no data" — for a unit without dossiers', () => {
    const score = scoreUnit(figuresOf(given(), '2025-03'), QD766_2022);
    expect(score.criteria.find((c) => c.id === 21)).toMatchObject({ status: 'ok', points: 0, ratio: null, flags: ['empty-zero'] });
  });
});
