import { type DomainEvent, projectionFor, SUBJECT_PROJECTIONS, type SubjectProjection, TALLIED_KINDS } from '@idx/domain';
import type { FailedRecompute } from '../scoring/failed-recomputes';
import { type Parking, subjectId } from '../scoring/parked-subjects';
import type { TallyRow } from '../scoring/unit-period-tallies';
import { assertWindowScorable } from '../scoring/window-check';
import { RunningTallies, type ScoreRecord, type SubjectRecord } from './running-tallies';
import { SpilledFilter } from './spilled-filter';

export type { ScoreRecord, SubjectRecord } from './running-tallies';

/** The subject one event folds into: its projection, key and id (kind and key). */
export interface Target {
  readonly projection: SubjectProjection;
  readonly key: string;
  readonly id: string;
}

interface Subject {
  readonly projection: SubjectProjection;
  readonly key: string;
  facts: unknown;
  position: bigint;
}

/** A spilled subject as read back: its kind, key, facts and the position of its last event. */
export interface SpilledSubject {
  readonly kind: string;
  readonly key: string;
  readonly facts: unknown;
  readonly lastPosition: bigint;
}

export interface RebuildStateOptions {
  /**
   * At most this many dossiers and petitions held in memory (default: all). Beyond it the least
   * recently folded leave (`spill`): their contribution goes into the running tallies and the caller
   * writes them out; a later event of one needs it given back first (`spilledAmong`, `reload`).
   */
  readonly resident?: number;
}

/**
 * A rebuild's working state: subjects folded from the events by the live projection's own fold and
 * calculators, so the result equals it. Procedures and units (the catalogue, small) stay in memory;
 * dossiers and petitions too up to `resident`, the rest spilled — so memory is bounded by that
 * bound and by units × periods (the running tallies), not by the number of events or subjects.
 */
export class RebuildState {
  /** Resident dossiers and petitions, least recently folded first when bounded (an event moves its subject to the end). */
  private readonly tallied = new Map<string, Subject>();
  private readonly catalogue = new Map<string, Subject>();
  private readonly parkings = new Map<string, { kind: string; key: string; unitCode: string; error: string; events: Parking['events'][number][] }>();
  private readonly projectionsByKind: ReadonlyMap<string, SubjectProjection>;
  private readonly resident: number;
  private readonly tallies: RunningTallies;
  /** Made at the first spill (a rebuild that never spills carries none). */
  private spilledIds: SpilledFilter | undefined;
  events = 0;
  /** Distinct subjects folded (resident or spilled). */
  subjectCount = 0;
  /** Subjects written out by `spill` so far, and given back by `reload`. */
  spilled = 0;
  reloaded = 0;

  /**
   * `skipped`: event ids an auditor skipped (left out, as the live projection did); `now`: the
   * instant every contribution is judged at, and which bounds open windows when checking that a
   * subject's facts can be scored.
   */
  constructor(
    private readonly projections: readonly SubjectProjection[] = SUBJECT_PROJECTIONS,
    private readonly skipped: ReadonlySet<string> = new Set(),
    private readonly now: number = Date.now(),
    options: RebuildStateOptions = {},
  ) {
    this.projectionsByKind = new Map(projections.map((p) => [p.kind, p]));
    this.resident = options.resident ?? Number.POSITIVE_INFINITY;
    if (!(this.resident >= 1)) throw new RangeError(`resident must be at least 1 (got ${options.resident})`);
    this.tallies = new RunningTallies(now);
  }

  /** The subject an event folds into (undefined: skipped by an auditor, or no projection folds it). */
  targetOf(event: DomainEvent): Target | undefined {
    if (this.skipped.has(event.eventId)) return undefined;
    const projection = projectionFor(event, this.projections);
    if (!projection) return undefined;
    const key = projection.keyOf(event);
    return { projection, key, id: subjectId(projection.kind, key) };
  }

  /**
   * Folds one event; one the subject cannot take parks the subject, as in the live projection.
   * `target`: the event's `targetOf`, when the caller has it already.
   */
  apply(event: DomainEvent, position: bigint, transactionId = 0n, target: Target | undefined = this.targetOf(event)): void {
    this.events += 1;
    if (!target) return;
    const { projection, key, id } = target;
    const parking = this.parkings.get(id);
    if (parking) {
      parking.events.push({ event, transactionId, position });
      return;
    }
    const held = TALLIED_KINDS.has(projection.kind) ? this.tallied : this.catalogue;
    const s = held.get(id);
    try {
      const facts = projection.evolve(s?.facts, event);
      projection.touchedBy?.(s?.facts, facts, event);
      projection.unitOf(facts);
      assertWindowScorable(projection.windowOf(facts), this.now);
      if (s) {
        s.facts = facts;
        s.position = position;
        if (held === this.tallied && this.resident !== Number.POSITIVE_INFINITY) {
          held.delete(id); // most recently folded last: spilled last
          held.set(id, s);
        }
      } else {
        held.set(id, { projection, key, facts, position });
        this.subjectCount += 1;
      }
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      this.parkings.set(id, { kind: projection.kind, key, unitCode: event.unitCode, error: message, events: [{ event, transactionId, position, error: message }] });
    }
  }

  /**
   * The dossiers and petitions these events would fold (their `targetOf`) that are neither in memory
   * nor parked and may have been spilled: those among them that were must be given back (`reload`)
   * before the events are applied. Empty while nothing was spilled; rarely one never spilled (SpilledFilter).
   */
  spilledAmong(targets: readonly (Target | undefined)[]): { kind: string; key: string }[] {
    const filter = this.spilledIds;
    if (!filter) return [];
    const out = new Map<string, { kind: string; key: string }>();
    for (const target of targets) {
      if (!target || !TALLIED_KINDS.has(target.projection.kind)) continue;
      const { id } = target;
      if (!this.tallied.has(id) && !this.parkings.has(id) && filter.mayHave(id)) out.set(id, { kind: target.projection.kind, key: target.key });
    }
    return [...out.values()];
  }

  /** Spilled subjects back in memory (the caller removed them from where they were written): their contribution taken out of the tallies. */
  reload(subjects: readonly SpilledSubject[]): void {
    for (const r of subjects) {
      const projection = this.projectionsByKind.get(r.kind);
      if (!projection) throw new Error(`no projection folds subjects of kind "${r.kind}"`);
      const s: Subject = { projection, key: r.key, facts: r.facts, position: r.lastPosition };
      this.tallies.add(this.recordOf(s), -1);
      this.tallied.set(subjectId(r.kind, r.key), s);
    }
    this.reloaded += subjects.length;
  }

  /** The least recently folded dossiers and petitions beyond the bound, out of memory with their contribution added: the caller writes them. */
  spill(): SubjectRecord[] {
    const out: SubjectRecord[] = [];
    for (const [id, s] of this.tallied) {
      if (this.tallied.size <= this.resident) break;
      const record = this.recordOf(s);
      this.tallies.add(record, 1);
      this.tallied.delete(id);
      (this.spilledIds ??= new SpilledFilter()).add(id);
      out.push(record);
    }
    this.spilled += out.length;
    return out;
  }

  /**
   * The end of the fold: every subject still in memory, to be written — the dossiers and petitions
   * added to the tallies, the catalogue given to them. `scores` follows (once every spilled subject
   * overlapping a period not yet begun was given to `addToLater`).
   */
  finish(): SubjectRecord[] {
    const out: SubjectRecord[] = [];
    for (const s of this.tallied.values()) {
      const record = this.recordOf(s);
      this.tallies.add(record, 1);
      out.push(record);
    }
    this.tallied.clear();
    for (const s of this.catalogue.values()) {
      const record = this.recordOf(s);
      this.tallies.addCatalogue(record);
      out.push(record);
    }
    return out;
  }

  /** Units and span of the periods not yet begun that will be scored (after `finish`). */
  laterPeriods(): ReturnType<RunningTallies['laterPeriods']> {
    return this.tallies.laterPeriods();
  }

  /** A spilled or written dossier or petition, in its final state, into the periods not yet begun it overlaps. */
  addToLater(subject: SpilledSubject): void {
    const projection = this.projectionsByKind.get(subject.kind);
    if (!projection || !TALLIED_KINDS.has(subject.kind)) return;
    this.tallies.addToLater(this.recordOf({ projection, key: subject.key, facts: subject.facts, position: subject.lastPosition }));
  }

  /** Every unit-period any subject reaches, scored (after `finish` and `addToLater`). */
  scores(): Generator<ScoreRecord> {
    return this.tallies.scores();
  }

  /** Unit-periods whose scoring failed (filled as `scores` is iterated). */
  get failedRecomputes(): FailedRecompute[] {
    return this.tallies.failedRecomputes;
  }

  /** The tallies `scores` summed for periods that have begun (filled as it is iterated). */
  get tallyRows(): TallyRow[] {
    return this.tallies.tallyRows;
  }

  /** Subjects the replay could not fold, with the events held behind them. */
  parked(): Parking[] {
    return [...this.parkings.values()];
  }

  /** The subjects in memory (all of them when unbounded). */
  subjectRecords(): SubjectRecord[] {
    return [...this.catalogue.values(), ...this.tallied.values()].map((s) => this.recordOf(s));
  }

  private recordOf(s: Subject): SubjectRecord {
    return { kind: s.projection.kind, key: s.key, unitCode: s.projection.unitOf(s.facts), window: s.projection.windowOf(s.facts), facts: s.facts, lastPosition: s.position };
  }
}
