import { dossier, figuresOf, given, instant, petition, procedure, unit } from '../../__fixtures__/scenario';
import { QD766_2022 } from '../../rules/qd766-2022';
import { parsePeriod } from '../../time/periods';
import { explainedOf, judgeCriterionSubjects } from '../explain-criterion';

const U = 'HY-VANLAM';
const p1 = procedure('1.001612', U);
const p2 = procedure('2.000908', U);
const a = dossier('A', U);
const b = dossier('B', U);
const c = dossier('C', U);
const late = dossier('LATE-7', U);
const q = petition('Q1', U);

const facts = given(
  unit(U).registered('2024-01-01T00:00', 'UBND huyện Văn Lâm', 'district', 'HY', '2024-01-01'),
  unit(U).competent('2024-01-01T00:00', true),
  p1.announced('2025-03-03T10:00', 'QD-1', '2025-03-03', '2025-03-17'), p1.published('2025-03-05T09:00', 'QD-1'),
  p1.online('2025-03-05T09:00', 'full'), p1.fee('2025-03-05T09:00', true), p1.audience('2025-03-05T09:00', true),
  p2.announced('2025-03-14T10:00', 'QD-2', '2025-03-14', '2025-03-17'), p2.online('2025-03-14T10:00', 'none'),
  a.received('2025-03-03T08:00', '2025-03-10T17:00', { procedure: '1.001612', channel: 'online' }), a.synced('2025-03-03T08:01'),
  a.obligation('2025-03-03T09:00', 100_000), a.paid('2025-03-03T10:00', 'national-portal'), a.processed('2025-03-05T10:00'),
  a.digitised('2025-03-03T08:30'), a.rated('2025-03-06T08:00', 'satisfied'),
  b.received('2025-03-04T08:00', '2025-03-11T17:00', { procedure: '1.001612' }), b.obligation('2025-03-04T09:00', 100_000),
  b.paid('2025-03-04T10:00', 'offline'), b.processed('2025-03-11T16:00'),
  c.received('2025-03-05T08:00', '2025-03-12T17:00', { procedure: '2.000908' }),
  late.received('2025-03-06T08:00', '2025-03-13T17:00', { procedure: '2.000908' }), late.processed('2025-03-15T20:00'),
  q.received('2025-03-10T08:00', { days: 10 }), q.answered('2025-03-12T08:00'),
);

const period = parsePeriod('2025-03');
const input = { subjects: facts, period, asOf: instant('2025-04-10T00:00'), ruleSet: QD766_2022 };
/** What explain lists for a criterion, in the input's order (score-queries orders it: compareRows). */
const explained = (criterion: number) => judgeCriterionSubjects(criterion, input).map(explainedOf);

describe('explaining a criterion', () => {
  it('tells of each dossier that costs points how late it is and why (criterion 5)', () => {
    const items = explained(5);
    const of = (code: string) => items.find((i) => i.code === code);
    // C is still pending, due 12 March 17:00: at the end of March (1 April 00:00) it is 19 days 7 hours overdue.
    expect(of('C')).toMatchObject({ costsPoints: true, lateByMs: 19 * 86_400_000 + 7 * 3_600_000 });
    expect(of('C')?.reason?.en).toBe('Still pending, 19 days 7 hours overdue');
    // LATE-7: due 13 March 17:00, finished 15 March 20:00 → 2 days 3 hours late.
    expect(of('LATE-7')).toMatchObject({ costsPoints: true, inDenominator: true, inNumerator: false, streamId: `dossier-${U}-LATE-7` });
    expect(of('LATE-7')?.lateByMs).toBe(2 * 86_400_000 + 3 * 3_600_000);
    expect(of('LATE-7')?.reason?.vi).toBe('Hoàn thành trễ hạn 2 ngày 3 giờ');
    expect(items.filter((i) => !i.costsPoints).map((i) => i.code).sort()).toEqual(['A', 'B']);
  });

  it('agrees with the figure for every one of the 21 criteria: what it lists is what the figure counts', () => {
    const figures = figuresOf(facts, '2025-03', { asOf: '2025-04-10T00:00' });
    for (let criterion = 1; criterion <= 21; criterion++) {
      const items = explained(criterion);
      const figure = figures.get(criterion);
      expect({ criterion, numerator: items.filter((i) => i.inNumerator).length, denominator: items.filter((i) => i.inDenominator).length })
        .toEqual({ criterion, numerator: figure?.numerator, denominator: figure?.denominator });
      for (const item of items) expect(item.costsPoints).toBe(item.inDenominator && !item.inNumerator);
    }
  });

  it('rejects a criterion that does not exist', () => {
    expect(() => judgeCriterionSubjects(22, input)).toThrow('criterion 22 is not one of 1–21');
  });
});
