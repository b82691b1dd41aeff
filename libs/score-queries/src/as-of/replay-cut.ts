import { foldUnitTree, type UnitTree } from '@idx/domain';
import type { Checkpoint, HistoryEvent, PostgresHistoryReader } from '@idx/event-store';

/**
 * Where a replay stops. `recordedUntil`: the events recorded up to an instant (as-of, diff).
 * `cutOf`: a projection's checkpoint per unit (verify, close) — exactly the events the projection
 * had applied, whatever has been appended since; a partitioned projection has one per partition.
 */
export type ReplayCut =
  | { readonly recordedUntil: Date }
  | { readonly cutOf: (unitCode: string) => Checkpoint };

const key = (c: Checkpoint): string => `${c.transactionId}:${c.position}`;
const notAfter = (e: { transactionId: bigint; globalPosition: bigint }, c: Checkpoint): boolean =>
  e.transactionId < c.transactionId || (e.transactionId === c.transactionId && e.globalPosition <= c.position);
const inOrder = (a: HistoryEvent, b: HistoryEvent): number =>
  a.transactionId === b.transactionId ? Number(a.globalPosition - b.globalPosition) : a.transactionId < b.transactionId ? -1 : 1;

/** The units' events within the cut, in the projection's order (transaction id, global position). */
export async function historyAt(
  reader: PostgresHistoryReader, unitCodes: readonly string[], cut: ReplayCut, onProgress?: (read: number, total: number) => void,
): Promise<HistoryEvent[]> {
  if ('recordedUntil' in cut) return reader.read({ unitCodes, recordedUntil: cut.recordedUntil }, onProgress);
  const groups = new Map<string, { upTo: Checkpoint; units: string[] }>();
  for (const unit of unitCodes) {
    const upTo = cut.cutOf(unit);
    const group = groups.get(key(upTo)) ?? { upTo, units: [] };
    group.units.push(unit);
    groups.set(key(upTo), group);
  }
  const parts: HistoryEvent[][] = [];
  for (const { upTo, units } of groups.values()) parts.push(await reader.read({ unitCodes: units, upTo }, onProgress));
  return parts.length === 1 ? parts[0] : parts.flat().sort(inOrder);
}

/**
 * The dated unit tree as it stood at the cut: every unit event within it folded, so a merger or a
 * reform recorded later is not known yet (an as-of replay must not use today's tree).
 */
export async function unitTreeAt(reader: PostgresHistoryReader, cut: ReplayCut): Promise<UnitTree> {
  if ('recordedUntil' in cut) return foldUnitTree((await reader.unitTreeEvents({ recordedUntil: cut.recordedUntil })).map((e) => e.event));
  const events = await reader.unitTreeEvents({});
  return foldUnitTree(events.filter((e) => notAfter(e, cut.cutOf(e.event.unitCode))).map((e) => e.event));
}
