import { evolveDossier, type DossierFacts, type DossierLifecycleEvent } from '../../index';
import { parsePeriod } from '../../time/periods';
import { QD766_2022 } from '../../rules/qd766-2022';
import { criterion05OnTime } from '../criterion-05-on-time';
import { scoreCriterion } from '../score';

let n = 0;
const ev = (type: DossierLifecycleEvent['type'], dossier: string, occurredAt: string, data: object = {}): DossierLifecycleEvent =>
  ({ eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type, schemaVersion: 1, occurredAt: `${occurredAt}+07:00`,
    sourceSystem: 't', unitCode: 'U1', dossierCode: dossier, data }) as DossierLifecycleEvent;

function given(...events: DossierLifecycleEvent[]): DossierFacts[] {
  const byDossier = new Map<string, DossierFacts>();
  for (const e of events) byDossier.set(e.dossierCode, evolveDossier(byDossier.get(e.dossierCode), e));
  return [...byDossier.values()];
}

const march = parsePeriod('2025-03');
const afterMarch = Date.parse('2025-04-15T00:00:00+07:00');
const received = (d: string, at: string, due: string, channel = 'in-person') =>
  ev('dossier.received', d, at, { procedureCode: 'P', channel, dueAt: `${due}+07:00` });

function then(dossiers: DossierFacts[], asOf = afterMarch) {
  return criterion05OnTime.compute({ subjects: { dossiers }, period: march, asOf, ruleSet: QD766_2022 });
}

describe('criterion 5 — dossiers processed on time', () => {
  it('counts a dossier finished before its due time as on time, one finished after as late', () => {
    const facts = given(
      received('A', '2025-03-03T08:00:00', '2025-03-10T17:00:00'), ev('dossier.processed', 'A', '2025-03-07T10:00:00'),
      received('B', '2025-03-03T08:00:00', '2025-03-10T17:00:00'), ev('dossier.processed', 'B', '2025-03-11T09:00:00'),
    );
    expect(then(facts)).toEqual({ numerator: 1, denominator: 2 });
  });

  it('stops the clock during a supplement wait: the due time moves by the wait', () => {
    // Due 10 March 17:00; 3 days of waiting for the citizen (4 → 7 March) move it to 13 March 17:00.
    const facts = given(
      received('A', '2025-03-03T08:00:00', '2025-03-10T17:00:00'),
      ev('dossier.supplement-requested', 'A', '2025-03-04T08:00:00'),
      ev('dossier.supplement-supplied', 'A', '2025-03-07T08:00:00'),
      ev('dossier.processed', 'A', '2025-03-12T16:00:00'),
    );
    expect(then(facts)).toEqual({ numerator: 1, denominator: 1 });
  });

  it('makes a dossier with more than one supplement request late (qd766-2022 default)', () => {
    const facts = given(
      received('A', '2025-03-03T08:00:00', '2025-03-20T17:00:00'),
      ev('dossier.supplement-requested', 'A', '2025-03-04T08:00:00'), ev('dossier.supplement-supplied', 'A', '2025-03-05T08:00:00'),
      ev('dossier.supplement-requested', 'A', '2025-03-06T08:00:00'), ev('dossier.supplement-supplied', 'A', '2025-03-07T08:00:00'),
      ev('dossier.processed', 'A', '2025-03-08T08:00:00'),
    );
    expect(then(facts)).toEqual({ numerator: 0, denominator: 1 });
  });

  it('judges dossiers pending at the end of the month: on time if not yet due, late if overdue', () => {
    const facts = given(
      received('NotDue', '2025-03-25T08:00:00', '2025-04-05T17:00:00'),
      received('Overdue', '2025-03-10T08:00:00', '2025-03-20T17:00:00'),
    );
    expect(then(facts)).toEqual({ numerator: 1, denominator: 2 });
  });

  it('leaves out dossiers finished before the month and ones received after it', () => {
    const facts = given(
      received('Feb', '2025-02-03T08:00:00', '2025-02-10T17:00:00'), ev('dossier.processed', 'Feb', '2025-02-07T10:00:00'),
      received('Apr', '2025-04-01T08:00:00', '2025-04-10T17:00:00'),
      received('Carried', '2025-02-20T08:00:00', '2025-03-05T17:00:00'), ev('dossier.processed', 'Carried', '2025-03-04T10:00:00'),
    );
    expect(then(facts)).toEqual({ numerator: 1, denominator: 1 });
  });

  it('uses local midnight (UTC+7) as the month boundary', () => {
    // 31 March 23:30 local is still March, although it is 16:30 UTC.
    const facts = given(received('Late-night', '2025-03-31T23:30:00', '2025-04-07T17:00:00'));
    expect(then(facts)).toEqual({ numerator: 1, denominator: 1 });
    const april = given(received('April-fool', '2025-04-01T00:00:00', '2025-04-07T17:00:00'));
    expect(then(april)).toEqual({ numerator: 0, denominator: 0 });
  });

  it('turns 3 of 4 on time into 15 of 20 points, and an empty month into no data', () => {
    expect(scoreCriterion(QD766_2022.criteria[4], { numerator: 3, denominator: 4 })).toMatchObject({ ratio: 0.75, points: 15, status: 'ok' });
    expect(scoreCriterion(QD766_2022.criteria[4], { numerator: 0, denominator: 0 })).toMatchObject({ ratio: null, points: 0, status: 'no-data' });
  });
});
