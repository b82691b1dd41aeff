import fc from 'fast-check';
import { foldSubjects, local } from '../../__fixtures__/scenario';
import { interleave, streams } from '../../__fixtures__/random-streams';
import { groupSubjects, type StoredSubject } from '../../projection/registry';
import { QD766_2022 } from '../../rules/qd766-2022';
import type { RuleSet } from '../../rules/rule-set';
import { parsePeriod } from '../../time/periods';
import { computeFigures } from '../calculators';
import { addSubject, emptyTallies, figuresFromTallies, TALLIED_KINDS, type Tallies } from '../tallies';

/*
 * The tallies against the full recompute. The expected figures come from computeFigures over every
 * subject — the code path the tallies replace. That is acceptable here only because computeFigures
 * is verified independently of this code: by the published golden cases (the national portal's
 * per-unit figures, the provinces' letters) and the hand-derived criterion specs.
 */

const EVALUATIONS = [
  { period: '2025-02', asOf: '2025-06-01T00:00' },
  { period: '2025-03', asOf: '2025-03-17T12:00' }, // month-to-date: pending dossiers judged at asOf
  { period: '2025-03', asOf: '2025-06-01T00:00' },
  { period: '2025-04', asOf: '2025-04-02T08:00' },
  { period: '2025-Q1', asOf: '2025-06-01T00:00' },
  { period: '2025-H1', asOf: '2025-04-20T00:00' },
] as const;

const EITHER: RuleSet = { ...QD766_2022, procedure: { ...QD766_2022.procedure, paymentIntegrationEvidence: 'either' } };

function byUnit(stored: Iterable<StoredSubject>): Map<string, StoredSubject[]> {
  const units = new Map<string, StoredSubject[]>();
  for (const s of stored) {
    const unitCode = (s.facts as { unitCode: string }).unitCode;
    units.set(unitCode, [...(units.get(unitCode) ?? []), s]);
  }
  return units;
}

const catalogueOf = (subjects: readonly StoredSubject[]) => {
  const g = groupSubjects(subjects);
  return { procedures: g.procedures, units: g.units };
};

const plain = (m: Map<number, unknown>) => JSON.parse(JSON.stringify(Object.fromEntries(m)));

describe('tallies', () => {
  it('give, with the catalogue, the same figures as computeFigures over every subject (any unit, period, instant, rule set)', () => {
    fc.assert(
      fc.property(streams, (all) => {
        const stored = new Map<string, StoredSubject>();
        foldSubjects(all.flat(), stored);
        for (const [unit, subjects] of byUnit(stored.values())) {
          for (const ruleSet of [QD766_2022, EITHER]) {
            for (const { period: key, asOf } of EVALUATIONS) {
              const period = parsePeriod(key);
              const at = Date.parse(local(asOf));
              const tallies = emptyTallies();
              for (const s of subjects) addSubject(tallies, s, period, at, ruleSet, 1);
              const expected = computeFigures({ subjects: groupSubjects(subjects), period, asOf: at, ruleSet });
              expect([unit, key, asOf, plain(figuresFromTallies(tallies, catalogueOf(subjects), period, at, ruleSet))])
                .toEqual([unit, key, asOf, plain(expected)]);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('moved by each changed subject (old contribution out, new in) after every batch, equal the tallies of a full recompute', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }), (all, picks, sizes) => {
        const events = interleave(all, picks);
        const stored = new Map<string, StoredSubject>();
        // One tally per unit and evaluation, kept incrementally as the projector keeps its rows.
        const kept = new Map<string, Tallies>();
        const tallyOf = (unit: string, i: number): Tallies => {
          const k = `${unit} ${i}`;
          const t = kept.get(k) ?? emptyTallies();
          kept.set(k, t);
          return t;
        };
        let at = 0;
        let b = 0;
        while (at < events.length) {
          const batch = events.slice(at, at + sizes[b++ % sizes.length]);
          const before = new Map(stored);
          foldSubjects(batch, stored);
          for (const [id, now] of stored) {
            const old = before.get(id);
            if (old === now || !TALLIED_KINDS.has(now.kind)) continue;
            EVALUATIONS.forEach(({ period, asOf }, i) => {
              const p = parsePeriod(period);
              const t = Date.parse(local(asOf));
              if (old) addSubject(tallyOf((old.facts as { unitCode: string }).unitCode, i), old, p, t, QD766_2022, -1);
              addSubject(tallyOf((now.facts as { unitCode: string }).unitCode, i), now, p, t, QD766_2022, 1);
            });
          }
          at += batch.length;
          for (const [unit, subjects] of byUnit(stored.values())) {
            EVALUATIONS.forEach(({ period, asOf }, i) => {
              const p = parsePeriod(period);
              const t = Date.parse(local(asOf));
              const full = emptyTallies();
              for (const s of subjects) addSubject(full, s, p, t, QD766_2022, 1);
              expect([unit, period, asOf, tallyOf(unit, i)]).toEqual([unit, period, asOf, full]);
              expect(plain(figuresFromTallies(tallyOf(unit, i), catalogueOf(subjects), p, t, QD766_2022)))
                .toEqual(plain(computeFigures({ subjects: groupSubjects(subjects), period: p, asOf: t, ruleSet: QD766_2022 })));
            });
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
