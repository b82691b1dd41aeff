import { parsePeriod, previousYearMonthKeys, type UnitTree } from '@idx/domain';
import { type Checkpoint, START } from '@idx/event-store';
import type { ReadModelClient } from '@idx/read-models';
import { loadUnitTree } from '@idx/score-queries';
import { ownsUnit, type UnitPartition } from '@idx/scoring-projection';

/** One scoring checkpoint: the position up to which its partition's rows are the events' fold. */
export interface PartitionCheckpoint {
  readonly name: string;
  readonly partition: UnitPartition;
  readonly checkpoint: Checkpoint;
  readonly updatedAt: Date;
}

/**
 * What the scoring projection held at one instant, read in one repeatable-read snapshot: the
 * checkpoints and the unit-period rows it wrote in the same transactions, so every row is exactly
 * the fold of the events up to its partition's checkpoint — unless the row is still owed a
 * recompute (quarters and longer are recomputed on a cadence), which `owed` names.
 */
export interface ProjectionAtCut {
  readonly checkpoints: readonly PartitionCheckpoint[];
  /** The checkpoint whose partition owns the unit (START when the projection never ran). */
  cutOf(unitCode: string): Checkpoint;
  readonly tree: UnitTree;
  readonly units: readonly string[];
  /** The stored rows by unit, every column as the projector wrote it (snake_case names). */
  readonly rows: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Units whose row for the period the projection still owes a recompute. */
  readonly owed: readonly string[];
  /** The finished rows (finished_scores) of the picked units, as stored (only when units are picked). */
  readonly finished: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** The picked units' own rows of last year's months (criterion 4's fallback), as stored. */
  readonly lastYear: ReadonlyMap<string, readonly Readonly<Record<string, unknown>>[]>;
}

/** Scoring checkpoints are named `scoring` or `scoring-p<index>of<count>` (unit-partition.ts). */
function partitionOf(name: string, base: string): UnitPartition | undefined {
  if (name === base) return { index: 0, count: 1 };
  const m = new RegExp(`^${base}-p(\\d+)of(\\d+)$`).exec(name);
  return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}

/** The checkpoint owning a unit; after a re-partitioning, the family written last wins. */
export function cutOfUnit(checkpoints: readonly PartitionCheckpoint[], unitCode: string): Checkpoint {
  const owners = checkpoints.filter((c) => ownsUnit(c.partition, unitCode));
  if (owners.length === 0) return START;
  return owners.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a)).checkpoint;
}

/**
 * `unitsOf` picks the units on the projection's own tree at that instant; 'every unit' is the
 * tree's units and every unit with a row for the period.
 */
export async function readProjectionAtCut(
  prisma: ReadModelClient, periodKey: string, unitsOf: (tree: UnitTree) => readonly string[] | 'every unit', base = 'scoring',
): Promise<ProjectionAtCut> {
  return prisma.$transaction(async (tx) => {
    // One snapshot: the projector commits rows and checkpoint together, so they are seen together.
    const stored = await tx.projectionCheckpoint.findMany();
    const checkpoints = stored
      .map((r) => ({ name: r.name, partition: partitionOf(r.name, base), checkpoint: { transactionId: r.transactionId, position: r.position }, updatedAt: r.updatedAt }))
      .filter((c): c is PartitionCheckpoint => c.partition !== undefined);
    const tree = await loadUnitTree(tx as unknown as ReadModelClient);
    const picked = unitsOf(tree);
    const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM unit_period_scores WHERE period = $1 AND ($2::text[] IS NULL OR unit_code = ANY($2::text[]))', periodKey, picked === 'every unit' ? null : picked,
    );
    const units = picked === 'every unit' ? [...new Set([...Object.keys(tree), ...rows.map((r) => r.unit_code as string)])] : [...picked];
    const owed = await tx.$queryRawUnsafe<{ unit_code: string }[]>(
      'SELECT DISTINCT unit_code FROM pending_recomputes WHERE period = $1 AND unit_code = ANY($2::text[])', periodKey, units,
    );
    // Verify compares the finished rows too (the one scoring path, docs/one-score.md); close publishes its replay.
    const finished = picked === 'every unit' ? [] : await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM finished_scores WHERE period = $1 AND unit_code = ANY($2::text[])', periodKey, units,
    );
    const lastYearRows = picked === 'every unit' ? [] : await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT unit_code, figures FROM unit_period_scores WHERE period = ANY($1::text[]) AND unit_code = ANY($2::text[]) ORDER BY period',
      previousYearMonthKeys(parsePeriod(periodKey)), units,
    );
    const lastYear = new Map<string, Record<string, unknown>[]>();
    for (const r of lastYearRows) lastYear.set(r.unit_code as string, [...(lastYear.get(r.unit_code as string) ?? []), r]);
    return {
      checkpoints, cutOf: (unit: string) => cutOfUnit(checkpoints, unit), tree, units,
      rows: new Map(rows.map((r) => [r.unit_code as string, r])), owed: owed.map((r) => r.unit_code),
      finished: new Map(finished.map((r) => [r.unit_code as string, r])), lastYear,
    };
  }, { isolationLevel: 'RepeatableRead', timeout: 60_000, maxWait: 60_000 });
}
