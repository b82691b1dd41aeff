import {
  type ActiveWindow, addSubject, type DomainEvent, emptyTallies, figuresFromTallies, figuresToRecord, groupSubjects, type Period, periodsContainingMonth,
  projectionFor, ruleSetInForce, scoreUnit, SUBJECT_PROJECTIONS, type SubjectProjection, TALLIED_KINDS,
} from '@idx/domain';
import type { FailedRecompute } from '../scoring/failed-recomputes';
import { type Parking, subjectId } from '../scoring/parked-subjects';
import { monthsOfWindow } from '../scoring/touched-periods';
import { overlaps, tallyable, type TallyRow } from '../scoring/unit-period-tallies';
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
  /** The tallies scoreRecords summed for periods that have begun (filled as it is iterated). */
  readonly tallyRows: TallyRow[] = [];
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

  /**
   * Every unit-period any subject reaches (up to the current month for open windows), scored from
   * tallies as the live projector scores a unit-period it sums whole (recompute-score's
   * recomputeChunk): each dossier's and petition's contribution added into the tallies of every
   * period its window overlaps, judged at `now`; procedures and units read whole as the catalogue.
   * The tallies of periods that have begun are kept (`tallyRows`), so the first live batch after
   * the rebuild moves them instead of summing whole unit-periods again.
   */
  *scoreRecords(subjects: readonly SubjectRecord[], now: number): Generator<ScoreRecord> {
    const byUnit = new Map<string, SubjectRecord[]>();
    for (const s of subjects) {
      const own = byUnit.get(s.unitCode);
      if (own) own.push(s);
      else byUnit.set(s.unitCode, [s]);
    }
    const periodsOfMonth = new Map<string, Period[]>();
    for (const [unitCode, own] of byUnit) {
      const periods = new Map<string, Period>();
      for (const s of own) {
        for (const month of monthsOfWindow(s.window, now)) {
          let containing = periodsOfMonth.get(month);
          if (!containing) periodsOfMonth.set(month, (containing = periodsContainingMonth(month)));
          for (const p of containing) periods.set(p.key, p);
        }
      }
      const sums = [...periods.values()].map((period) => ({
        period, ruleSet: ruleSetInForce(period.start), catalogue: [] as SubjectRecord[],
        row: { unitCode, period: period.key, tallies: emptyTallies(), subjects: 0, rebasedAt: now } as TallyRow, error: undefined as unknown,
      }));
      for (const s of own) {
        const tallied = TALLIED_KINDS.has(s.kind);
        for (const sum of sums) {
          if (sum.error !== undefined || !overlaps(s.window, sum.period)) continue;
          if (!tallied) {
            sum.catalogue.push(s);
            continue;
          }
          try {
            addSubject(sum.row.tallies, s, sum.period, now, sum.ruleSet, 1);
            sum.row.subjects += 1;
          } catch (error) {
            sum.error = error; // as live: the unit-period fails whole, its tallies are not kept
          }
        }
      }
      for (const { period, ruleSet, catalogue, row, error } of sums) {
        let record: ScoreRecord;
        try {
          if (error !== undefined) throw error;
          if (tallyable(period, now)) this.tallyRows.push(row);
          const figures = figuresFromTallies(row.tallies, groupSubjects(catalogue), period, now, ruleSet);
          const score = scoreUnit(figures, ruleSet);
          record = { unitCode, period, ruleSetId: ruleSet.id, figures: JSON.stringify(figuresToRecord(figures)), score: JSON.stringify(score), total: score.total };
        } catch (failure) {
          // As live: no row, the failure recorded (a rebuild has no last good figures to keep).
          this.failedRecomputes.push({ unitCode, period: period.key, error: failure instanceof Error ? failure.message : String(failure) });
          continue;
        }
        yield record;
      }
    }
  }
}
