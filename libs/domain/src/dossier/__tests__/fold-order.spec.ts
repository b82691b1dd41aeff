import { dossier, figureOf, given } from '../../__fixtures__/scenario';
import type { DomainEvent } from '../../events';
import { QD766_2022 as QD766 } from '../../rules/qd766-2022';

/**
 * Criterion 5 reads the dossier's clock from facts folded in whatever order the one-stop system
 * recorded the events (ISSUE 9). Expected figures are worked out by hand from DOMAIN.md §3.
 */
describe('criterion 5 does not depend on the order events were recorded inside a dossier stream', () => {
  // Received Monday 3 March 08:00, due Monday 10 March 17:00; a supplement wait of 3 days.
  const a = dossier('A');
  const received = a.received('2025-03-03T08:00', '2025-03-10T17:00');
  const requested = a.supplementRequested('2025-03-04T08:00');
  const supplied = a.supplementSupplied('2025-03-07T08:00');
  // Due moves by the 3-day wait to 13 March 17:00: finishing 12 March is on time.
  const processed = a.processed('2025-03-12T08:00');

  const orders: Array<[string, DomainEvent[]]> = [
    ['recorded as it happened', [received, requested, supplied, processed]],
    ['supplement recorded before its request', [received, supplied, requested, processed]],
    ['everything recorded backwards', [processed, supplied, requested, received]],
  ];

  it.each(orders)('a supplement wait moves the due time (%s)', (_name, events) => {
    expect(figureOf(5, given(...events), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a supplement recorded before its request does not stop the clock for good', () => {
    // Pending at the end of March: without the fix the clock stopped on 4 March and never restarted,
    // so a dossier due 13 March looked on time on 31 March. It is overdue.
    const b = dossier('B');
    const facts = given(b.received('2025-03-03T08:00', '2025-03-10T17:00'), b.supplementSupplied('2025-03-07T08:00'), b.supplementRequested('2025-03-04T08:00'));
    expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 0, denominator: 1 });
  });

  it('a reception recorded late does not reset the due time a supplement brought', () => {
    // The new due time (20 March) came with the supplement; a `received` recorded afterwards with
    // its original due time (10 March) must not bring it back: processed 19 March is on time.
    const c = dossier('C');
    const events = [
      c.received('2025-03-03T08:00', '2025-03-10T17:00'),
      c.supplementRequested('2025-03-04T08:00'), c.supplementSupplied('2025-03-05T08:00', '2025-03-20T17:00'),
      c.processed('2025-03-19T08:00'),
    ];
    const resent = c.received('2025-03-03T08:00', '2025-03-10T17:00');
    expect(figureOf(5, given(...events, resent), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(5, given(resent, ...events.slice(1), events[0]), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a corrected reception (the latest business time) stands whichever was recorded first', () => {
    // The source corrects C2's reception from 3 March to 18 March (due 25 March); processed 24 March:
    // on time, received in March either way; the earlier record does not come back if recorded last.
    const c = dossier('C2');
    const first = c.received('2025-03-03T08:00', '2025-03-10T17:00');
    const corrected = c.received('2025-03-18T08:00', '2025-03-25T17:00');
    const processed = c.processed('2025-03-24T08:00');
    for (const events of [[first, corrected, processed], [corrected, processed, first]]) {
      const facts = given(...events);
      expect(facts.dossiers[0].receivedAt).toBe(Date.parse('2025-03-18T08:00:00+07:00'));
      expect(figureOf(5, facts, '2025-03')).toEqual({ numerator: 1, denominator: 1 });
    }
  });

  it('counts only the supplement requests made by the evaluation instant', () => {
    // Rule set qd766-2022: more than one request makes a dossier late. The second request comes
    // on 20 March; judged on 15 March the dossier had one request and was not yet due (13 March 17:00
    // after the 4–7 March wait is past — so use a later due time to isolate the count).
    const d = dossier('D');
    const facts = given(
      d.received('2025-03-03T08:00', '2025-03-28T17:00'),
      d.supplementRequested('2025-03-04T08:00'), d.supplementSupplied('2025-03-05T08:00'),
      d.supplementRequested('2025-03-20T08:00'), d.supplementSupplied('2025-03-21T08:00'),
    );
    expect(figureOf(5, facts, '2025-03', { asOf: '2025-03-15T00:00' })).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(5, facts, '2025-03', { asOf: '2025-03-25T00:00' })).toEqual({ numerator: 0, denominator: 1 });
  });

  it('a new due time sent with the latest supplement stands, whatever order the supplements were recorded in', () => {
    const e = dossier('E');
    const r1 = e.supplementRequested('2025-03-04T08:00');
    const s1 = e.supplementSupplied('2025-03-05T08:00', '2025-03-12T17:00');
    const r2 = e.supplementRequested('2025-03-06T08:00');
    const s2 = e.supplementSupplied('2025-03-07T08:00', '2025-03-18T17:00');
    const start = e.received('2025-03-03T08:00', '2025-03-10T17:00');
    const end = e.processed('2025-03-17T08:00');
    // Two requests exceed the default of one, so use a rule set allowing two.
    const lenient = { ruleSet: { ...QD766, dossier: { ...QD766.dossier, maxSupplementRequestsOnTime: 2 } } };
    expect(figureOf(5, given(start, r1, s1, r2, s2, end), '2025-03', lenient)).toEqual({ numerator: 1, denominator: 1 });
    expect(figureOf(5, given(end, s2, start, r2, s1, r1), '2025-03', lenient)).toEqual({ numerator: 1, denominator: 1 });
  });
});
