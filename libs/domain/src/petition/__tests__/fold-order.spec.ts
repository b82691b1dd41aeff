import { figureOf, given, petition } from '../../__fixtures__/scenario';

/** Criterion 19 reads a petition's rounds in business-time order, whatever order they were recorded in (ISSUE 9). */
describe('petition rounds do not depend on the order events were recorded in', () => {
  // Received Mon 3 March 2025 with 5 working days → due at the end of Mon 10 March; answered 5 March.
  // Reopened 6 March (the same 5-day allowance → due at the end of Thu 13 March); answered 12 March. On time.
  const q = petition('Q', 'U1');
  const received = q.received('2025-03-03T09:00', { days: 5 });
  const firstAnswer = q.answered('2025-03-05T16:00');
  const reopened = q.reopened('2025-03-06T09:00');
  const secondAnswer = q.answered('2025-03-12T16:00');

  it.each([
    ['as it happened', [received, firstAnswer, reopened, secondAnswer]],
    ['the second answer recorded before the reopening', [received, secondAnswer, reopened, firstAnswer]],
    ['backwards', [secondAnswer, reopened, firstAnswer, received]],
  ])('is on time (%s)', (_name, events) => {
    expect(figureOf(19, given(...events), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
  });

  it('a re-sent receipt with other data does not replace the first', () => {
    const resent = q.received('2025-03-04T09:00', { days: 1, within: false });
    expect(figureOf(19, given(received, resent, firstAnswer), '2025-03')).toEqual({ numerator: 1, denominator: 1 });
  });
});
