import {
  type ActiveWindow, computeFigures, type DomainEvent, figuresToRecord, groupSubjects, type Period, periodsContainingMonth, projectionFor,
  ruleSetInForce, scoreUnit, SUBJECT_PROJECTIONS, type SubjectProjection,
} from '@idx/domain';
import type { FailedRecompute } from '../scoring/failed-recomputes';
import { type Parking, subjectId } from '../scoring/parked-subjects';
import { monthsOfWindow } from '../scoring/touched-periods';
import { assertWindowScorable } from '../scoring/window-check';

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
  private readonly parkings = new Map<string, { kind: string; key: string; unitCode: string; error: string; events: Parking['events'][number][] }>();
  readonly failedRecomputes: FailedRecompute[] = [];
  events = 0;

  /**
   * `skipped`: event ids an auditor skipped (left out, as the live projection did); `now` bounds
   * open windows when checking that a subject's facts can be scored.
   */
  constructor(
    private readonly projections: readonly SubjectProjection[] = SUBJECT_PROJECTIONS,
    private readonly skipped: ReadonlySet<string> = new Set(),
    private readonly now: number = Date.now(),
  ) {}

  /** Folds one event; one the subject cannot take parks the subject, as in the live projection. */
  apply(event: DomainEvent, position: bigint, transactionId = 0n): void {
    this.events += 1;
    if (this.skipped.has(event.eventId)) return;
    const projection = projectionFor(event, this.projections);
    if (!projection) return;
    const key = projection.keyOf(event);
    const id = subjectId(projection.kind, key);
    const parking = this.parkings.get(id);
    if (parking) {
      parking.events.push({ event, transactionId, position });
      return;
    }
    const s = this.subjects.get(id);
    try {
      const facts = projection.evolve(s?.facts, event);
      projection.touchedBy?.(s?.facts, facts, event);
      projection.unitOf(facts);
      assertWindowScorable(projection.windowOf(facts), this.now);
      if (s) {
        s.facts = facts;
        s.position = position;
      } else {
        this.subjects.set(id, { projection, key, facts, position });
      }
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      this.parkings.set(id, { kind: projection.kind, key, unitCode: event.unitCode, error: message, events: [{ event, transactionId, position, error: message }] });
    }
  }

  /** Subjects the replay could not fold, with the events held behind them. */
  parked(): Parking[] {
    return [...this.parkings.values()];
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
    for (const s of subjects) {
      const own = byUnit.get(s.unitCode);
      if (own) own.push(s);
      else byUnit.set(s.unitCode, [s]);
    }
    for (const [unitCode, own] of byUnit) {
      const periods = new Map<string, Period>();
      for (const s of own) for (const month of monthsOfWindow(s.window, now)) for (const p of periodsContainingMonth(month)) periods.set(p.key, p);
      for (const period of periods.values()) {
        const inPeriod = own.filter((s) => s.window !== undefined && s.window.from < period.end && (s.window.to === undefined || s.window.to >= period.start));
        const ruleSet = ruleSetInForce(period.start);
        let record: ScoreRecord;
        try {
          const figures = computeFigures({ subjects: groupSubjects(inPeriod), period, asOf: now, ruleSet });
          const score = scoreUnit(figures, ruleSet);
          record = { unitCode, period, ruleSetId: ruleSet.id, figures: JSON.stringify(figuresToRecord(figures)), score: JSON.stringify(score), total: score.total };
        } catch (error) {
          // As live: no row, the failure recorded (a rebuild has no last good figures to keep).
          this.failedRecomputes.push({ unitCode, period: period.key, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        yield record;
      }
    }
  }
}
