import { type ActiveWindow, type DomainEvent, type Period, projectionFor, ruleSetInForce, SUBJECT_PROJECTIONS, type SubjectProjection } from '@idx/domain';
import type { HistoryEvent } from '@idx/event-store';
import { type FailedRecompute, scoreRow, type ScoreRow } from '@idx/scoring-projection';

/** A subject as the projection stores it in subject_facts: facts through JSON, with its unit and window. */
interface ReplayedSubject {
  readonly kind: string;
  readonly unitCode: string;
  readonly window: ActiveWindow | undefined;
  readonly facts: unknown;
}

export interface ReplayedRows {
  /** Each unit's row as the projector would write it from these events, or the error it would record. */
  readonly rows: ReadonlyMap<string, ScoreRow | FailedRecompute>;
  /** Subjects an event could not be folded into: the projector parks them from that event on. */
  readonly heldSubjects: number;
}

/**
 * Folds events into subjects the way the scoring projector does (ScoringProjector.foldSubjects):
 * same projections, same order, a subject whose event throws is held from that event on, facts
 * pass through JSON as they do through the json column.
 */
function foldLikeProjector(events: readonly DomainEvent[], projections: readonly SubjectProjection[]): { subjects: ReplayedSubject[]; held: number } {
  const state = new Map<string, { projection: SubjectProjection; facts: unknown }>();
  const held = new Set<string>();
  for (const event of events) {
    const projection = projectionFor(event, projections);
    if (!projection) continue;
    const id = `${projection.kind}\u0000${projection.keyOf(event)}`;
    if (held.has(id)) continue;
    try {
      const facts = projection.evolve(state.get(id)?.facts, event);
      projection.unitOf(facts);
      projection.windowOf(facts);
      state.set(id, { projection, facts });
    } catch {
      held.add(id);
    }
  }
  const subjects = [...state.values()].map(({ projection, facts }) => {
    const stored = JSON.parse(JSON.stringify(facts)) as unknown;
    return { kind: projection.kind, unitCode: projection.unitOf(facts), window: projection.windowOf(facts), facts: stored };
  });
  return { subjects, held: held.size };
}

/** The subject_facts predicate of subjectsOfUnits: started before the period's end, not ended before its start. */
const countsIn = (w: ActiveWindow | undefined, period: Period): boolean => w !== undefined && w.from < period.end && (w.to === undefined || w.to >= period.start);

/**
 * The unit_period_scores rows the projector would hold for these units and period after applying
 * exactly these events, computed by the projector's own row function (scoreRow) at `now`.
 * A unit with no subject in the period has no row, as the projector deletes it.
 */
export function replayRows(
  history: readonly HistoryEvent[], unitCodes: readonly string[], period: Period, now: number, projections: readonly SubjectProjection[] = SUBJECT_PROJECTIONS,
): ReplayedRows {
  const { subjects, held } = foldLikeProjector(history.map((e) => e.event), projections);
  const wanted = new Set(unitCodes);
  const byUnit = new Map<string, { kind: string; facts: unknown }[]>();
  for (const s of subjects) {
    if (!wanted.has(s.unitCode) || !countsIn(s.window, period)) continue;
    byUnit.set(s.unitCode, [...(byUnit.get(s.unitCode) ?? []), { kind: s.kind, facts: s.facts }]);
  }
  const ruleSet = ruleSetInForce(period.start);
  return { rows: new Map([...byUnit].map(([unit, own]) => [unit, scoreRow(unit, own, period, now, ruleSet)])), heldSubjects: held };
}
