import type { DomainEvent } from '../events';
import { computeFigures, type Figure } from '../scoring';
import type { RuleSet } from '../rules/rule-set';
import type { Period } from '../time/periods';
import { groupSubjects, projectionFor, SUBJECT_PROJECTIONS, type StoredSubject } from './registry';
import type { ActiveWindow, SubjectProjection } from './subject-projection';

export interface FoldedSubject extends StoredSubject {
  readonly key: string;
  readonly unitCode: string;
  readonly window: ActiveWindow | undefined;
}

/** Folds raw events (in store order) into subjects, as the scoring projection does: for replays and audits. */
export function foldEvents(events: Iterable<DomainEvent>, projections: readonly SubjectProjection[] = SUBJECT_PROJECTIONS): FoldedSubject[] {
  const state = new Map<string, { projection: SubjectProjection; key: string; facts: unknown }>();
  for (const event of events) {
    const projection = projectionFor(event, projections);
    if (!projection) continue;
    const key = projection.keyOf(event);
    const id = `${projection.kind}\u0000${key}`;
    state.set(id, { projection, key, facts: projection.evolve(state.get(id)?.facts, event) });
  }
  return [...state.values()].map((s) => ({
    kind: s.projection.kind, key: s.key, facts: s.facts, unitCode: s.projection.unitOf(s.facts), window: s.projection.windowOf(s.facts),
  }));
}

const overlaps = (w: ActiveWindow | undefined, period: Period): boolean => w !== undefined && w.from < period.end && (w.to === undefined || w.to >= period.start);

/**
 * Each unit's own figures for a period from folded subjects, for the units that have a subject in
 * the period — the same rows the scoring projection stores.
 */
export function ownFiguresByUnit(subjects: readonly FoldedSubject[], period: Period, asOf: number, ruleSet: RuleSet): Map<string, Map<number, Figure>> {
  const byUnit = new Map<string, FoldedSubject[]>();
  for (const s of subjects) if (overlaps(s.window, period)) byUnit.set(s.unitCode, [...(byUnit.get(s.unitCode) ?? []), s]);
  return new Map([...byUnit].map(([unit, own]) => [unit, computeFigures({ subjects: groupSubjects(own), period, asOf, ruleSet })]));
}
