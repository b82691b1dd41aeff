import { type Checkpoint, type ReadBatch, START } from '@idx/event-store';
import { type ActiveWindow, type DomainEvent, monthKeyOf, periodsContainingMonth, projectionFor, SUBJECT_PROJECTIONS, type SubjectProjection } from '@idx/domain';
import type { Prisma } from '../generated/prisma/client';
import type { ReadModelClient } from '../prisma-client';
import { recomputeUnitPeriods, type ScoreChange } from './recompute-score';
import { notePending, takePending, type UnitPeriodKey } from './pending-recomputes';
import { holdProjectionLockShared } from './projection-lock';
import { notifyScoreChanges } from './score-notifications';
import { loadSubjects, saveSubjects, type SubjectRow } from './subject-rows';
import { monthsOfWindow, periodsOfMonths } from './touched-periods';
import { ownsUnit, partitionName, SINGLE_PARTITION, type UnitPartition } from './unit-partition';

/** The stored checkpoint, locked for this transaction (START when the projection has none yet). */
async function storedCheckpoint(tx: Prisma.TransactionClient, name: string): Promise<Checkpoint> {
  const rows = await tx.$queryRawUnsafe<{ transaction_id: bigint; position: bigint }[]>(
    'SELECT transaction_id, position FROM projection_checkpoints WHERE name = $1 FOR UPDATE', name,
  );
  return rows[0] ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) } : START;
}

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
}

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

  constructor(private readonly prisma: ReadModelClient, options: ScoringProjectorOptions = {}) {
    this.partition = options.partition ?? SINGLE_PARTITION;
    this.name = partitionName(options.name ?? 'scoring', this.partition);
    this.clock = options.clock ?? Date.now;
    this.projections = options.projections ?? SUBJECT_PROJECTIONS;
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
    return this.prisma.$transaction(async (tx) => {
      await holdProjectionLockShared(tx);
      // Events at or before the stored checkpoint were applied already (by a rebuild, or a twin
      // instance): skipping them keeps a batch's effect exactly once, whoever read it.
      const stored = await storedCheckpoint(tx, this.name);
      const fresh = batch.events.filter((e) => isAfter(e, stored) && ownsUnit(this.partition, e.event.unitCode));
      if (!isAfter({ transactionId: batch.checkpoint.transactionId, globalPosition: position }, stored)) return [];
      const touched = await this.foldSubjects(tx, fresh.map((e) => ({ event: e.event, position: e.globalPosition })), now);
      const keys = [...touched].flatMap(([unitCode, months]) => periodsOfMonths(months).map((p) => ({ unitCode, period: p.key })));
      // Months are what people watch live: recomputed with the batch. Quarters, halves and years
      // each reload a unit's whole span; they are noted and recomputed on a cadence (flushPending).
      const months = deferRecompute ? [] : keys.filter((k) => isMonthKey(k.period));
      await notePending(tx, this.name, deferRecompute ? keys : keys.filter((k) => !isMonthKey(k.period)));
      const changes = deferRecompute ? [] : await this.recompute(tx, [...months, ...(await takePending(tx, this.name, 'month'))], position, now);
      await tx.projectionCheckpoint.upsert({
        where: { name: this.name },
        create: { name: this.name, transactionId: batch.checkpoint.transactionId, position },
        update: { transactionId: batch.checkpoint.transactionId, position, updatedAt: new Date() },
      });
      await notifyScoreChanges(tx, changes);
      return changes;
    }, { timeout: 300_000, maxWait: 60_000 });
  }

  /**
   * Recomputes what deferred batches left owing: the months when the reader has caught up, the
   * longer periods on a cadence; with no argument, everything.
   */
  async flushPending(only?: 'month'): Promise<ScoreChange[]> {
    const now = this.clock();
    return this.prisma.$transaction(async (tx) => {
      await holdProjectionLockShared(tx);
      const owed = await takePending(tx, this.name, only);
      if (owed.length === 0) return [];
      const row = await tx.projectionCheckpoint.findUnique({ where: { name: this.name } });
      const changes = await this.recompute(tx, owed, row?.position ?? 0n, now);
      await notifyScoreChanges(tx, changes);
      return changes;
    }, { timeout: 300_000, maxWait: 60_000 });
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
    const units = rows.filter((r) => ownsUnit(this.partition, r.unitCode));
    if (units.length === 0) return [];
    return this.prisma.$transaction(async (tx) => {
      await holdProjectionLockShared(tx);
      const position = units.reduce((max, u) => (u.lastPosition > max ? u.lastPosition : max), 0n);
      const keys = units.flatMap(({ unitCode }) => periods.map((p) => ({ unitCode, period: p.key })));
      const changes = await recomputeUnitPeriods(tx, keys, position, now);
      await notifyScoreChanges(tx, changes);
      return changes;
    }, { timeout: 300_000, maxWait: 60_000 });
  }

  private async foldSubjects(
    tx: Prisma.TransactionClient,
    events: readonly { event: DomainEvent; position: bigint }[],
    now: number,
  ): Promise<Map<string, Set<string>>> {
    const routed = events
      .map(({ event, position }) => ({ event, position, projection: projectionFor(event, this.projections) }))
      .filter((r): r is typeof r & { projection: SubjectProjection } => r.projection !== undefined)
      .map((r) => ({ ...r, key: r.projection.keyOf(r.event) }));
    const ids = [...new Map(routed.map((r) => [`${r.projection.kind}\u0000${r.key}`, { kind: r.projection.kind, key: r.key }])).values()];
    const before = await loadSubjects(tx, ids);
    const state = new Map<string, { projection: SubjectProjection; key: string; facts: unknown; position: bigint; from: number }>();
    for (const r of routed) {
      const id = `${r.projection.kind}\u0000${r.key}`;
      const previous = state.get(id);
      const current = previous?.facts ?? before.get(id);
      const facts = r.projection.evolve(current, r.event);
      // The earliest business instant this batch's events can move, where the projection can say so.
      const span = r.projection.touchedBy?.(current, facts, r.event);
      const from = Math.min(previous?.from ?? Number.POSITIVE_INFINITY, span ? span.from : Number.NEGATIVE_INFINITY);
      state.set(id, { projection: r.projection, key: r.key, facts, position: r.position, from });
    }
    const touched = new Map<string, Set<string>>(); // unit → months
    const rows: SubjectRow[] = [];
    for (const [id, s] of state) {
      const unitCode = s.projection.unitOf(s.facts);
      const old = before.get(id);
      const months = new Set([
        ...monthsOfWindow(clip(s.projection.windowOf(s.facts), s.from), now),
        ...(old === undefined ? [] : monthsOfWindow(clip(s.projection.windowOf(old), s.from), now)),
      ]);
      const set = touched.get(unitCode) ?? new Set<string>();
      months.forEach((m) => set.add(m));
      touched.set(unitCode, set);
      rows.push({ kind: s.projection.kind, key: s.key, unitCode, window: s.projection.windowOf(s.facts), facts: s.facts, lastPosition: s.position });
    }
    await saveSubjects(tx, rows);
    return touched;
  }

  private recompute(tx: Prisma.TransactionClient, keys: readonly UnitPeriodKey[], position: bigint, now: number): Promise<ScoreChange[]> {
    return recomputeUnitPeriods(tx, keys, position, now);
  }
}
