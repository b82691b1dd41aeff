import fc from 'fast-check';
import { foldSubjects, local } from '../../__fixtures__/scenario';
import { streams } from '../../__fixtures__/random-streams';
import { groupSubjects, type StoredSubject } from '../../projection/registry';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { RuleSet } from '../../rules/rule-set';
import { parsePeriod, type Period } from '../../time/periods';
import { computeFigures } from '../calculators';
import { addSubject, emptyTallies, figuresFromTallies, subjectContribution, TALLIED_KINDS, type Tallies, TallySums } from '../tallies';

/*
 * A rebuild makes one subject's contribution once (subjectContribution) and adds it to every period
 * it is counted in, in turn; the contribution keeps what does not depend on the period and the
 * on-time answers of the instants it was judged at. Here that reused contribution must move every
 * period's tallies exactly as a contribution made afresh for that period alone (addSubject), over
 * random histories, whatever the order of the periods, the instant they are judged at (periods
 * ended or not, open dossiers judged at the clock), the rule set of each period (the judgement kept
 * must not cross rule sets) and the sign — into Tallies, and into the running sums a rebuild keeps
 * (TallySums), written out as the same Tallies. Periods that end at the same instant (June, Q2 and H1;
 * December, Q4, H2 and the year) share their on-time answers. Then the figures of the tallies it
 * built must equal computeFigures over the same subjects (verified independently: the golden cases
 * and the hand-derived criterion specs), so the reuse cannot hide a change of meaning.
 */

const PERIODS: readonly Period[] = [
  ...Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`),
  '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025-H1', '2025-H2', '2025', '2024-12', '2024-Q4', '2024', '2026-01',
].map(parsePeriod);

// Instants the periods are judged at: within the history (open dossiers judged at the clock, most
// periods not ended), at a shared end (June, Q2, H1 end at 2025-07-01), and after every period.
const INSTANTS = ['2025-02-10T12:00', '2025-03-17T12:00', '2025-04-30T23:59', '2025-07-01T00:00', '2026-03-01T00:00'].map((t) => Date.parse(local(t)));

// Another rule set: stricter on-time rules and petition deadlines, so an answer kept from one rule set would show in the other.
const STRICT: RuleSet = {
  ...QD766_2022,
  dossier: { maxSupplementRequestsOnTime: 0, missingHandlerIsLate: true },
  deadlines: { ...QD766_2022.deadlines, petitionDefaultWorkingDays: 2 },
  procedure: { ...QD766_2022.procedure, paymentIntegrationEvidence: 'either' },
};

const plain = (m: Map<number, unknown>) => JSON.parse(JSON.stringify(Object.fromEntries(m)));

describe('a subject contribution made once for all its periods', () => {
  it('moves each period exactly as one made for that period alone, and its tallies give computeFigures', () => {
    fc.assert(
      fc.property(
        streams,
        fc.array(fc.nat(PERIODS.length - 1), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...INSTANTS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        (all, order, asOf, strictness) => {
          const stored = new Map<string, StoredSubject>();
          foldSubjects(all.flat(), stored);
          const subjects = [...stored.values()];
          // Periods in a random order, some more than once; each period's rule set chosen at random.
          const periods = [...order.map((i) => PERIODS[i]), ...PERIODS];
          const ruleSetOf = new Map(PERIODS.map((p, i) => [p.key, strictness[i % strictness.length] ? STRICT : QD766_2022]));
          const reused = new Map<string, Tallies>();
          const fresh = new Map<string, Tallies>();
          const running = new Map<string, TallySums>();
          const sumsOf = (unit: string, period: Period): TallySums => {
            const k = `${unit} ${period.key}`;
            if (!running.has(k)) running.set(k, new TallySums());
            return running.get(k) as TallySums;
          };
          const tallyOf = (into: Map<string, Tallies>, unit: string, period: Period): Tallies => {
            const k = `${unit} ${period.key}`;
            if (!into.has(k)) into.set(k, emptyTallies());
            return into.get(k) as Tallies;
          };
          for (const s of subjects) {
            if (!TALLIED_KINDS.has(s.kind)) continue;
            const unit = (s.facts as { unitCode: string }).unitCode;
            const contribution = subjectContribution(s);
            // The first pass adds; a repeated period takes the subject out and puts it back.
            const seen = new Set<string>();
            for (const period of periods) {
              const ruleSet = ruleSetOf.get(period.key) as RuleSet;
              if (seen.has(period.key)) {
                contribution.addTo(tallyOf(reused, unit, period), period, asOf, ruleSet, -1);
                addSubject(tallyOf(fresh, unit, period), s, period, asOf, ruleSet, -1);
                contribution.addToSums(sumsOf(unit, period), period, asOf, ruleSet, -1);
              }
              seen.add(period.key);
              contribution.addTo(tallyOf(reused, unit, period), period, asOf, ruleSet, 1);
              addSubject(tallyOf(fresh, unit, period), s, period, asOf, ruleSet, 1);
              contribution.addToSums(sumsOf(unit, period), period, asOf, ruleSet, 1);
            }
          }
          expect(reused).toEqual(fresh);
          expect(new Map([...running].map(([k, sums]) => [k, sums.tallies()]))).toEqual(fresh);
          for (const unit of new Set(subjects.map((s) => (s.facts as { unitCode: string }).unitCode))) {
            const own = subjects.filter((s) => (s.facts as { unitCode: string }).unitCode === unit);
            const g = groupSubjects(own);
            for (const period of PERIODS) {
              const ruleSet = ruleSetOf.get(period.key) as RuleSet;
              const tallies = reused.get(`${unit} ${period.key}`) ?? emptyTallies();
              expect([unit, period.key, plain(figuresFromTallies(tallies, { procedures: g.procedures, units: g.units }, period, asOf, ruleSet))])
                .toEqual([unit, period.key, plain(computeFigures({ subjects: g, period, asOf, ruleSet }))]);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('that throws in one period changes nothing there, and throws again in the next', () => {
    // Facts no fold writes (no supplement waits at all): the on-time rule cannot read them.
    const broken = { kind: 'dossier', facts: { kind: 'dossier', dossierCode: 'X', unitCode: 'U1', channel: 'online', receivedAt: Date.parse(local('2025-03-03T08:00')), dueAt: Date.parse(local('2025-03-06T08:00')), supplementRequests: 0 } };
    const contribution = subjectContribution(broken);
    const tallies = emptyTallies();
    const asOf = Date.parse(local('2025-06-01T00:00'));
    for (const key of ['2025-03', '2025-Q1']) {
      expect(() => contribution.addTo(tallies, parsePeriod(key), asOf, QD766_2022, 1)).toThrow(TypeError);
      expect(tallies).toEqual(emptyTallies());
    }
    // A period it is not judged on time in (received after it) takes nothing and does not throw.
    contribution.addTo(tallies, parsePeriod('2025-02'), asOf, QD766_2022, 1);
    expect(tallies).toEqual(emptyTallies());
  });
});
