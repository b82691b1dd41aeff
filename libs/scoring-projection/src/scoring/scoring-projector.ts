import { type Checkpoint, type ReadBatch, START } from '@idx/event-store';
import { type ActiveWindow, type DomainEvent, monthKeyOf, periodsContainingMonth, projectionFor, SUBJECT_PROJECTIONS, type SubjectProjection } from '@idx/domain';
import { poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import { inSqlTransaction, type SqlTx } from './sql-transaction';
import { type RecomputeOptions, recomputeUnitPeriods, type ScoreChange } from './recompute-score';
import { takePending, takePendingChunk, type UnitPeriodKey } from './pending-recomputes';
import { HOLD_PROJECTION_LOCK_SHARED, holdProjectionLockShared } from './projection-lock';
import { COMMIT_WITHOUT_FLUSH_WAIT } from './commit-without-flush-wait';
import { noteRetryFailed, openParkings, type ParkedEvent, type Parking, prismaRunner, removeParking, saveParkings, subjectId, takeParking } from './parked-subjects';
import { notifyScoreChanges, saveCheckpointAndNotify } from './score-notifications';
import { loadSubjectsProbingParked, type SubjectRow } from './subject-rows';
import { type BatchWrites, saveBatchWrites } from './batch-writes';
import { monthsOfWindow, periodsOfMonths } from './touched-periods';
import { UnitTreeCache } from './unit-tree-cache';
import { type SubjectChange, type TallyLookup, tallyDeltas } from './unit-period-tallies';
import { assertWindowScorable } from './window-check';
import { ownsUnit, partitionName, SINGLE_PARTITION, type UnitPartition } from './unit-partition';

/**
 * One transaction of the projector, holding the projection lock shared (a rebuild's switch takes
 * it exclusively) and committing without waiting for the WAL flush (commit-without-flush-wait.ts):
 * on the read models' own pg pool when there is one (a client of createReadModelClient: always,
 * outside tests of other clients), else Prisma's.
 */
export function projectorTransaction<T>(prisma: ReadModelClient, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return checkpointedTransaction(prisma, undefined, (tx) => work(tx));
}

/**
 * As projectorTransaction; with `name`, the projection's stored checkpoint is read and locked with
 * the BEGIN (one round trip less per batch) and given to `work` (undefined without a name).
 */
function checkpointedTransaction<T>(prisma: ReadModelClient, name: string | undefined, work: (tx: SqlTx, stored: Checkpoint | undefined) => Promise<T>): Promise<T> {
  const pool = poolOfReadModels(prisma);
  const begin = `${COMMIT_WITHOUT_FLUSH_WAIT}; ${HOLD_PROJECTION_LOCK_SHARED}`;
  if (pool) {
    // A simple query takes no parameters: the name goes in as a literal (quotes doubled; standard_conforming_strings is on since PostgreSQL 9.1).
    if (name === undefined) return inSqlTransaction(pool, (tx) => work(tx, undefined), { begin });
    return inSqlTransaction(pool, (tx, begun) => work(tx, checkpointOf(begun)), { begin: `${begin}; ${checkpointSql(`'${name.replaceAll("'", "''")}'`)}` });
  }
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(COMMIT_WITHOUT_FLUSH_WAIT);
    await holdProjectionLockShared(tx);
    return work(tx, name === undefined ? undefined : await storedCheckpoint(tx, name));
  }, { timeout: 300_000, maxWait: 60_000 });
}

/** The statement reading the stored checkpoint of the projection named by `name` (a parameter or a literal), locked for the transaction. */
const checkpointSql = (name: string): string => `SELECT transaction_id, position FROM projection_checkpoints WHERE name = ${name} FOR UPDATE`;

/** The checkpoint of checkpointSql's rows (START when the projection has none yet); int8 as BigInt or as text alike. */
const checkpointOf = (rows: readonly Record<string, unknown>[]): Checkpoint =>
  rows[0] ? { transactionId: BigInt(rows[0]['transaction_id'] as bigint | string), position: BigInt(rows[0]['position'] as bigint | string) } : START;

/** The stored checkpoint, locked for this transaction (START when the projection has none yet). */
async function storedCheckpoint(tx: SqlTx, name: string): Promise<Checkpoint> {
  return checkpointOf(await tx.$queryRawUnsafe<Record<string, unknown>[]>(checkpointSql('$1'), name));
}

interface FoldInput {
  readonly event: DomainEvent;
  readonly transactionId: bigint;
  readonly position: bigint;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** What an auditor's retry of a parked subject did. */
export type RetryOutcome =
  | { readonly status: 'applied'; readonly events: number; readonly changes: readonly ScoreChange[] }
  | { readonly status: 'still-failing'; readonly error: string }
  | { readonly status: 'not-found' };

class RetryFailed extends Error {}

const isMonthKey = (key: string): boolean => /^\d{4}-\d{2}$/.test(key);

function isAfter(e: { transactionId: bigint; globalPosition: bigint }, cp: Checkpoint): boolean {
  return e.transactionId > cp.transactionId || (e.transactionId === cp.transactionId && e.globalPosition > cp.position);
}

/** The part of a window from `from` on (the whole window when `from` is -∞). */
function clip(window: ActiveWindow | undefined, from: number): ActiveWindow | undefined {
  if (!window || !Number.isFinite(from) || from <= window.from) return window;
  if (window.to !== undefined && window.to < from) return undefined;
  return { from, ...(window.to === undefined ? {} : { to: window.to }) };
}

export interface ScoringProjectorOptions {
  readonly name?: string;
  readonly partition?: UnitPartition;
  readonly clock?: () => number;
  readonly projections?: readonly SubjectProjection[];
  /** About how many subjects a recompute holds at once (recompute-score.ts); the default suits production. */
  readonly recomputeSubjectBudget?: number;
  /** Units re-judged per transaction by refreshOpenPeriods (REFRESH_UNITS_PER_TRANSACTION by default). */
  readonly refreshUnitsPerTransaction?: number;
}

/**
 * The open periods' refresh re-sums every unit's subjects: taken this many units per transaction,
 * a live batch that touches a unit being refreshed waits for one chunk, not for every unit.
 */
export const REFRESH_UNITS_PER_TRANSACTION = 25;

/**
 * The scoring projection (DESIGN.md §4): folds each batch of events into subject facts, recomputes
 * the figures of every unit-period they touch, and writes both with the checkpoint in one
 * transaction, so a crash replays the batch exactly once in effect.
 */
export class ScoringProjector {
  readonly name: string;
  private readonly partition: UnitPartition;
  private readonly clock: () => number;
  private readonly projections: readonly SubjectProjection[];
  /** The unit tree, reused by every recompute while the units stay the same. */
  private readonly trees = new UnitTreeCache();
  private readonly recomputeOptions: RecomputeOptions;
  /**
   * Whether months may be owed (pending_recomputes): true at start (a previous run or a twin may
   * have left some) and after a deferred batch; false once a batch or flush took them. Spares a
   * caught-up projector an empty transaction after every batch.
   */
  private monthsMayBeOwed = true;
  private readonly refreshUnits: number;

  constructor(private readonly prisma: ReadModelClient, options: ScoringProjectorOptions = {}) {
    this.partition = options.partition ?? SINGLE_PARTITION;
    this.name = partitionName(options.name ?? 'scoring', this.partition);
    this.clock = options.clock ?? Date.now;
    this.projections = options.projections ?? SUBJECT_PROJECTIONS;
    this.refreshUnits = options.refreshUnitsPerTransaction ?? REFRESH_UNITS_PER_TRANSACTION;
    this.recomputeOptions = { trees: this.trees, ...(options.recomputeSubjectBudget === undefined ? {} : { subjectBudget: options.recomputeSubjectBudget }) };
  }

  private transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return projectorTransaction(this.prisma, work);
  }

  async checkpoint(): Promise<Checkpoint> {
    const row = await this.prisma.projectionCheckpoint.findUnique({ where: { name: this.name } });
    return row ? { transactionId: row.transactionId, position: row.position } : START;
  }

  /**
   * Applies one batch; answers the unit-periods whose figures changed. With `deferRecompute` (the
   * reader is behind and more batches follow) the touched unit-periods are only noted, in the same
   * transaction, and recomputed once by the first batch that is not deferred.
   */
  async handle(batch: ReadBatch, { deferRecompute = false }: { deferRecompute?: boolean } = {}): Promise<ScoreChange[]> {
    const position = batch.checkpoint.position;
    const now = this.clock();
    const takeOwedMonths = this.monthsMayBeOwed;
    const { moved, tookMonths } = await checkpointedTransaction(this.prisma, this.name, async (tx, checkpoint) => {
      // Events at or before the stored checkpoint were applied already (by a rebuild, or a twin
      // instance): skipping them keeps a batch's effect exactly once, whoever read it.
      const stored = checkpoint ?? START;
      const fresh = batch.events.filter((e) => isAfter(e, stored) && ownsUnit(this.partition, e.event.unitCode));
      if (!isAfter({ transactionId: batch.checkpoint.transactionId, globalPosition: position }, stored)) return { moved: [], tookMonths: false };
      const { touched, tallies, writes } = await this.foldSubjects(tx, fresh.map((e) => ({ event: e.event, transactionId: e.transactionId, position: e.globalPosition })), now);
      const keys = [...touched].flatMap(([unitCode, months]) => periodsOfMonths(months).map((p) => ({ unitCode, period: p.key })));
      // Months are what people watch live: recomputed with the batch. Quarters, halves and years
      // each reload a unit's whole span; they are noted and recomputed on a cadence (flushPending).
      const months = deferRecompute ? [] : keys.filter((k) => isMonthKey(k.period));
      const owedLater = deferRecompute ? keys : keys.filter((k) => !isMonthKey(k.period));
      // Subjects, tallies and owed periods in one round trip, before the recompute reads them.
      await saveBatchWrites(tx, { ...writes, pending: { projection: this.name, keys: owedLater } });
      const takeNow = !deferRecompute && takeOwedMonths;
      const owed = takeNow ? await takePending(tx, this.name, 'month') : [];
      const changes = deferRecompute ? [] : await this.recompute(tx, [...months, ...owed], position, now, tallies);
      await saveCheckpointAndNotify(tx, this.name, batch.checkpoint, changes);
      return { moved: changes, tookMonths: takeNow };
    });
    // Committed: a deferred batch leaves months owed; a live one that took the owed months leaves none.
    if (deferRecompute) this.monthsMayBeOwed = true;
    else if (tookMonths) this.monthsMayBeOwed = false;
    return moved;
  }

  /**
   * An auditor's retry: re-folds a parked subject's held events in order onto its stored facts.
   * Success applies them, recomputes every period they touch and removes the parking; a throw
   * leaves everything as it was but the parking's error and last-seen time.
   */
  async retryParked(id: bigint): Promise<RetryOutcome> {
    const now = this.clock();
    try {
      return await this.transaction(async (tx) => {
          const parking = await takeParking(tx, id);
        if (!parking) return { status: 'not-found' } as const;
        await removeParking(tx, id);
        const { touched, parked, tallies, writes } = await this.foldSubjects(tx, parking.events, now);
        if (parked.length > 0) throw new RetryFailed(parked[0].error);
        await saveBatchWrites(tx, writes);
        const keys = [...touched].flatMap(([unitCode, months]) => periodsOfMonths(months).map((p) => ({ unitCode, period: p.key })));
        const last = parking.events.reduce((max, e) => (e.position > max ? e.position : max), 0n);
        const changes = await this.recompute(tx, keys, last, now, tallies);
        await notifyScoreChanges(tx, changes);
        return { status: 'applied', events: parking.events.length, changes } as const;
      });
    } catch (error) {
      if (!(error instanceof RetryFailed)) throw error;
      await this.transaction((tx) => noteRetryFailed(tx, id, error.message));
      return { status: 'still-failing', error: error.message };
    }
  }

  /**
   * Recomputes what deferred batches left owing: the months when the reader has caught up, the
   * longer periods on a cadence; with no argument, everything.
   */
  async flushPending(only?: 'month'): Promise<ScoreChange[]> {
    return (await this.flushPendingChunk(only)).changes;
  }

  /**
   * As flushPending, but at most `limit` unit-periods in this transaction, so a live runner takes a
   * long backlog between its batches instead of holding them up behind one long transaction;
   * `left`: how many stay owed. A months-only flush costs nothing when this projector knows none is owed.
   */
  async flushPendingChunk(only?: 'month', limit?: number): Promise<{ changes: ScoreChange[]; left: number }> {
    if (only === 'month' && !this.monthsMayBeOwed) return { changes: [], left: 0 };
    const now = this.clock();
    const result = await this.transaction(async (tx) => {
      const { keys, left } = await takePendingChunk(tx, this.name, only, limit);
      if (keys.length === 0) return { changes: [], left };
      const changes = await this.recompute(tx, keys, (await storedCheckpoint(tx, this.name)).position, now);
      await notifyScoreChanges(tx, changes);
      return { changes, left };
    });
    // Everything of the selection taken: no month is owed (a batch may note more later, and says so).
    if (result.left === 0 && (only === 'month' || only === undefined)) this.monthsMayBeOwed = false;
    return result;
  }

  /**
   * Re-evaluates the open month (and the quarter, half and year around it) of every unit that has a
   * score there: pending dossiers become overdue with the clock, not with an event.
   */
  async refreshOpenPeriods(): Promise<ScoreChange[]> {
    const now = this.clock();
    const periods = periodsContainingMonth(monthKeyOf(now));
    const rows = await this.prisma.unitPeriodScore.findMany({
      where: { period: { in: periods.map((p) => p.key) } },
      select: { unitCode: true, lastPosition: true },
      distinct: ['unitCode'],
    });
    const units = rows.filter((r) => ownsUnit(this.partition, r.unitCode)).sort((a, b) => (a.unitCode < b.unitCode ? -1 : 1));
    // A few units per transaction: live batches wait for one chunk's row locks, not for the whole country's.
    const changes: ScoreChange[] = [];
    for (let i = 0; i < units.length; i += this.refreshUnits) {
      const chunk = units.slice(i, i + this.refreshUnits);
      changes.push(...await this.transaction(async (tx) => {
        const position = chunk.reduce((max, u) => (u.lastPosition > max ? u.lastPosition : max), 0n);
        const keys = chunk.flatMap(({ unitCode }) => periods.map((p) => ({ unitCode, period: p.key })));
        // Every contribution judged again at this instant: pending dossiers that turned overdue count so.
        const moved = await recomputeUnitPeriods(tx, keys, position, now, { ...this.recomputeOptions, rebase: true });
        await notifyScoreChanges(tx, moved);
        return moved;
      }));
    }
    return changes;
  }

  /**
   * Folds events into their subjects, each subject on its own: an event whose evolve (or window,
   * unit or touched periods) throws parks its subject — that event and every later one of the same
   * subject are held in parked_events, not applied — and the other subjects go on. Events of a
   * subject parked before are held behind it. Answers the months touched per unit, the new parkings
   * (saved), and the subjects and tally rows to write (the caller writes them, with what it owes, in one statement).
   */
  private async foldSubjects(
    tx: SqlTx,
    events: readonly FoldInput[],
    now: number,
  ): Promise<{ touched: Map<string, Set<string>>; parked: Parking[]; tallies: TallyLookup; writes: BatchWrites }> {
    const routed = events
      .map((input) => ({ ...input, projection: projectionFor(input.event, this.projections) }))
      .filter((r): r is typeof r & { projection: SubjectProjection } => r.projection !== undefined)
      .map((r) => ({ ...r, key: r.projection.keyOf(r.event) }))
      .map((r) => ({ ...r, id: subjectId(r.projection.kind, r.key) }));
    const ids = [...new Map(routed.map((r) => [r.id, { kind: r.projection.kind, key: r.key }])).values()];
    const { subjects: before, anyParked } = await loadSubjectsProbingParked(tx, ids);
    const heldBefore = await openParkings(tx, ids, anyParked);
    const parkings = new Map<string, { kind: string; key: string; unitCode: string; error: string; events: ParkedEvent[] }>();
    const park = (r: (typeof routed)[number], error: string | undefined): void => {
      const parking = parkings.get(r.id) ?? { kind: r.projection.kind, key: r.key, unitCode: r.event.unitCode, error: error ?? 'held behind an earlier parked event', events: [] };
      parking.events.push({ event: r.event, transactionId: r.transactionId, position: r.position, ...(error === undefined ? {} : { error }) });
      parkings.set(r.id, parking);
    };
    const state = new Map<string, { projection: SubjectProjection; key: string; facts: unknown; position: bigint; from: number; folded: ParkedEvent[] }>();
    for (const r of routed) {
      if (heldBefore.has(r.id) || parkings.has(r.id)) {
        park(r, undefined);
        continue;
      }
      const previous = state.get(r.id);
      const current = previous ? previous.facts : before.get(r.id)?.facts;
      try {
        const facts = r.projection.evolve(current, r.event);
        // The earliest business instant this batch's events can move, where the projection can say so.
        const span = r.projection.touchedBy?.(current, facts, r.event);
        // Asked of the facts below, per subject: asked here too, so a throw names this event.
        r.projection.unitOf(facts);
        assertWindowScorable(r.projection.windowOf(facts), now);
        const from = Math.min(previous?.from ?? Number.POSITIVE_INFINITY, span ? span.from : Number.NEGATIVE_INFINITY);
        const folded = [...(previous?.folded ?? []), { event: r.event, transactionId: r.transactionId, position: r.position }];
        state.set(r.id, { projection: r.projection, key: r.key, facts, position: r.position, from, folded });
      } catch (error) {
        park(r, messageOf(error));
      }
    }
    const touched = new Map<string, Set<string>>(); // unit → months
    const rows: SubjectRow[] = [];
    const changes: SubjectChange[] = [];
    for (const [id, s] of state) {
      const stored = before.get(id);
      const old = stored?.facts;
      let unitCode: string;
      let months: Set<string>;
      try {
        unitCode = s.projection.unitOf(s.facts);
        months = new Set([
          ...monthsOfWindow(clip(s.projection.windowOf(s.facts), s.from), now),
          ...(old === undefined ? [] : monthsOfWindow(clip(s.projection.windowOf(old), s.from), now)),
        ]);
      } catch (error) {
        // Only the subject's whole batch can be blamed here: all of it is parked, none applied.
        const message = messageOf(error);
        const held = s.folded.map((e, i) => (i === 0 ? { ...e, error: message } : e));
        parkings.set(id, { kind: s.projection.kind, key: s.key, unitCode: s.folded[0].event.unitCode, error: message, events: [...held, ...(parkings.get(id)?.events ?? [])] });
        continue;
      }
      const set = touched.get(unitCode) ?? new Set<string>();
      months.forEach((m) => set.add(m));
      touched.set(unitCode, set);
      const window = s.projection.windowOf(s.facts);
      rows.push({ kind: s.projection.kind, key: s.key, unitCode, window, facts: s.facts, lastPosition: s.position, scoredAt: now });
      changes.push({ kind: s.projection.kind, ...(stored ? { before: stored } : {}), after: { facts: s.facts, unitCode, window } });
    }
    // The tallies move by each changed subject's contribution; the unit-periods they moved are recomputed too.
    const deltas = await tallyDeltas(tx, changes, now);
    for (const k of deltas.keys) {
      const set = touched.get(k.unitCode) ?? new Set<string>();
      if (/^\d{4}-\d{2}$/.test(k.period)) set.add(k.period);
      touched.set(k.unitCode, set);
    }
    const parked = [...parkings.values()];
    await saveParkings(prismaRunner(tx), parked);
    return {
      touched, parked: parked.filter((p) => !heldBefore.has(subjectId(p.kind, p.key))), tallies: deltas.tallies,
      writes: { subjects: rows, tallies: deltas.moved },
    };
  }

  /** `tallies`: the rows this transaction's deltas read and saved, not read again. */
  private recompute(tx: SqlTx, keys: readonly UnitPeriodKey[], position: bigint, now: number, tallies?: TallyLookup): Promise<ScoreChange[]> {
    return recomputeUnitPeriods(tx, keys, position, now, tallies ? { ...this.recomputeOptions, tallies } : this.recomputeOptions);
  }
}
