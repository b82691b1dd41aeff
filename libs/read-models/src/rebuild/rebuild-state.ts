import {
  type ActiveWindow, computeFigures, type DomainEvent, figuresToRecord, groupSubjects, type Period, periodsContainingMonth, projectionFor,
  ruleSetInForce, scoreUnit, SUBJECT_PROJECTIONS, type SubjectProjection,
} from '@idx/domain';
import { monthsOfWindow } from '../scoring/touched-periods';

interface Subject {
  readonly projection: SubjectProjection;
  readonly key: string;
  facts: unknown;
  position: bigint;
}

export interface SubjectRecord {
  readonly kind: string;
  readonly key: string;
  readonly unitCode: string;
  readonly window: ActiveWindow | undefined;
  readonly facts: unknown;
  readonly lastPosition: bigint;
}

export interface ScoreRecord {
  readonly unitCode: string;
  readonly period: Period;
  readonly ruleSetId: string;
  readonly figures: string;
  readonly score: string;
  readonly total: number;
}

/**
 * A rebuild's working state: every subject folded in memory from the events (bounded by the number
 * of subjects, not of events), then each unit's figures for every period its subjects reach —
 * the same fold and calculators as the live projection, so the result equals it.
 */
export class RebuildState {
  private readonly subjects = new Map<string, Subject>();
  events = 0;

  constructor(private readonly projections: readonly SubjectProjection[] = SUBJECT_PROJECTIONS) {}

  apply(event: DomainEvent, position: bigint): void {
    this.events += 1;
    const projection = projectionFor(event, this.projections);
    if (!projection) return;
    const key = projection.keyOf(event);
    const id = `${projection.kind}\u0000${key}`;
    const s = this.subjects.get(id);
    if (s) {
      s.facts = projection.evolve(s.facts, event);
      s.position = position;
    } else {
      this.subjects.set(id, { projection, key, facts: projection.evolve(undefined, event), position });
    }
  }

  get subjectCount(): number {
    return this.subjects.size;
  }

  subjectRecords(): SubjectRecord[] {
    return [...this.subjects.values()].map((s) => ({
      kind: s.projection.kind, key: s.key, unitCode: s.projection.unitOf(s.facts), window: s.projection.windowOf(s.facts), facts: s.facts, lastPosition: s.position,
    }));
  }

  /** Every unit-period any subject reaches (up to the current month for open windows), scored. */
  *scoreRecords(subjects: readonly SubjectRecord[], now: number): Generator<ScoreRecord> {
    const byUnit = new Map<string, SubjectRecord[]>();
    for (const s of subjects) byUnit.set(s.unitCode, [...(byUnit.get(s.unitCode) ?? []), s]);
    for (const [unitCode, own] of byUnit) {
      const periods = new Map<string, Period>();
      for (const s of own) for (const month of monthsOfWindow(s.window, now)) for (const p of periodsContainingMonth(month)) periods.set(p.key, p);
      for (const period of periods.values()) {
        const inPeriod = own.filter((s) => s.window !== undefined && s.window.from < period.end && (s.window.to === undefined || s.window.to >= period.start));
        const ruleSet = ruleSetInForce(period.start);
        const figures = computeFigures({ subjects: groupSubjects(inPeriod), period, asOf: now, ruleSet });
        const score = scoreUnit(figures, ruleSet);
        yield { unitCode, period, ruleSetId: ruleSet.id, figures: JSON.stringify(figuresToRecord(figures)), score: JSON.stringify(score), total: score.total };
      }
    }
  }
}
