import fc from 'fast-check';
import { foldSubjects, local } from '../../__fixtures__/scenario';
import { interleave, shuffleInside, streams } from '../../__fixtures__/random-streams';
import type { DomainEvent } from '../../events';
import { QD766_2022 } from '../../rules/qd766-2022';
import { computeFigures } from '../../scoring/calculators';
import type { Figure } from '../../scoring/figures';
import { poolFigures } from '../../scoring/pool-figures';
import { parsePeriod } from '../../time/periods';
import { groupSubjects, projectionFor, type StoredSubject } from '../registry';

// ---- what the scoring service would compute per unit and period ----

const EVALUATIONS = [
  { period: '2025-02', asOf: '2025-06-01T00:00' },
  { period: '2025-03', asOf: '2025-03-17T12:00' }, // month-to-date
  { period: '2025-03', asOf: '2025-06-01T00:00' },
  { period: '2025-04', asOf: '2025-06-01T00:00' },
  { period: '2025-Q1', asOf: '2025-06-01T00:00' },
] as const;

function byUnit(stored: Iterable<{ kind: string; facts: unknown }>): Map<string, StoredSubject[]> {
  const units = new Map<string, StoredSubject[]>();
  for (const s of stored) {
    const unitCode = (s.facts as { unitCode: string }).unitCode;
    units.set(unitCode, [...(units.get(unitCode) ?? []), s]);
  }
  return units;
}

function figuresOfAll(stored: Iterable<{ kind: string; facts: unknown }>): Record<string, Record<string, Figure>> {
  const out: Record<string, Record<string, Figure>> = {};
  for (const [unitCode, subjects] of [...byUnit(stored)].sort(([a], [b]) => a.localeCompare(b))) {
    for (const { period, asOf } of EVALUATIONS) {
      const figures = computeFigures({ subjects: groupSubjects(subjects), period: parsePeriod(period), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 });
      out[`${unitCode} ${period} @${asOf}`] = Object.fromEntries(figures);
    }
  }
  return out;
}

/** Folds in memory, never serialising: the reference "full replay". */
function replay(events: readonly DomainEvent[]): Map<string, { kind: string; facts: unknown }> {
  const state = new Map<string, { kind: string; facts: unknown }>();
  for (const e of events) {
    const p = projectionFor(e);
    if (!p) continue;
    const id = `${p.kind}\u0000${p.keyOf(e)}`;
    state.set(id, { kind: p.kind, facts: p.evolve(state.get(id)?.facts, e) });
  }
  return state;
}

const normalised = (m: Map<string, { kind: string; facts: unknown }>) =>
  Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));

describe('folding is deterministic', () => {
  it('gives the same figures for any interleaving of independent streams', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), (all, picks) => {
        const canonical = figuresOfAll(replay(all.flat()).values());
        const shuffled = figuresOfAll(replay(interleave(all, picks)).values());
        expect(shuffled).toEqual(canonical);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same facts and figures whatever order the events were recorded in inside every stream', () => {
    // Dossier streams (criterion 5's clock and every dossier criterion), petition streams (rounds of
    // criteria 19–21), procedure streams (catalogue changes) and unit streams (competence, copies),
    // ISSUE 9: each stream's events shuffled, then the streams interleaved.
    const reorderable = (stream: readonly DomainEvent[]) => /^(dossier|petition|procedure|unit)\./.test(stream[0]?.type ?? '');
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), (all, inside, across) => {
        const canonical = replay(all.flat());
        const shuffled = shuffleInside(all.filter(reorderable), inside);
        const recorded = replay(interleave([...shuffled, ...all.filter((s) => !reorderable(s))], across));
        expect(normalised(recorded)).toEqual(normalised(canonical));
        expect(figuresOfAll(recorded.values())).toEqual(figuresOfAll(canonical.values()));
      }),
      { numRuns: 80 },
    );
  });

  it('folds incrementally — stored as JSON between batches — to the same facts and figures as a full replay', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (all, picks, batchSizes) => {
        const events = interleave(all, picks);
        const stored = new Map<string, { kind: string; facts: unknown }>();
        let at = 0;
        let b = 0;
        while (at < events.length) {
          const size = batchSizes[b++ % batchSizes.length];
          foldSubjects(events.slice(at, at + size), stored); // as the service does: load, evolve, save JSON
          figuresOfAll(stored.values()); // recomputed after every batch, and must not disturb anything
          at += size;
        }
        const full = replay(events);
        expect(normalised(stored)).toEqual(normalised(full));
        expect(figuresOfAll(stored.values())).toEqual(figuresOfAll(full.values()));
      }),
      { numRuns: 40 },
    );
  });

  it('pools additively: for criteria without a procedure join, pooled unit figures equal figures over all subjects', () => {
    const UNJOINED = [4, 5, 8, 11, 14, 15, 16, 18, 19, 20, 21];
    fc.assert(
      fc.property(streams, (all) => {
        const stored = [...replay(all.flat()).values()];
        for (const { period, asOf } of EVALUATIONS) {
          const input = (subjects: StoredSubject[]) => ({ subjects: groupSubjects(subjects), period: parsePeriod(period), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 });
          const pooled = poolFigures([...byUnit(stored).values()].map((s) => computeFigures(input(s))));
          const together = computeFigures(input(stored));
          for (const id of UNJOINED) expect([id, pooled.get(id)]).toEqual([id, together.get(id)]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
