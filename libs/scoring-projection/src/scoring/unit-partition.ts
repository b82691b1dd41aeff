import { createHash } from 'node:crypto';

/** Which scoring instance owns a unit: a stable hash of the unit code, modulo the instance count. */
export interface UnitPartition {
  readonly index: number;
  readonly count: number;
}

export const SINGLE_PARTITION: UnitPartition = { index: 0, count: 1 };

export function ownsUnit(partition: UnitPartition, unitCode: string): boolean {
  if (partition.count <= 1) return true;
  return createHash('sha1').update(unitCode).digest().readUInt32BE(0) % partition.count === partition.index;
}

export function partitionName(base: string, partition: UnitPartition): string {
  return partition.count <= 1 ? base : `${base}-p${partition.index}of${partition.count}`;
}
