import { type Figure, foldEvents, ownFiguresByUnit, parsePeriod, peerGroupOf, poolMembersDuring, type Period, previousYearMonthKeys, ruleSetInForce, type UnitTree } from '@idx/domain';
import type { PostgresHistoryReader } from '@idx/event-store';
import { PeriodScores } from '../period-scores';
import type { OwnFigures } from '@idx/scoring-projection';
import { historyAt, type ReplayCut, unitTreeAt } from './replay-cut';

export interface Replay {
  readonly scores: PeriodScores;
  readonly eventsReplayed: number;
  readonly streamIds: readonly string[];
  /** The unit tree as it stood at the cut (not today's). */
  readonly tree: UnitTree;
}

/** Which units a replay reads, chosen on the tree as it stood at the cut, for the period (business time). */
export type UnitPicker = (tree: UnitTree, period: Period) => readonly string[];

/**
 * A period's scores recomputed from the raw events within a cut ("January as it stood on
 * 5 February 08:00", or "at the projection's checkpoint"). The unit structure is the tree folded
 * from the unit events within the same cut — a merger recorded later is not known yet. Own figures
 * come out of the same fold and calculators as the live projection's and are finished by the
 * projector's own function (finishScore, via PeriodScores.fromOwn): pooled over the units that
 * existed during the period, criterion 4's fallback folded in.
 */
export async function replayPeriodScores(
  reader: PostgresHistoryReader, pick: UnitPicker, periodKey: string, cut: ReplayCut, judgedAt: number,
  onProgress?: (read: number, total: number) => void,
): Promise<Replay> {
  const period = parsePeriod(periodKey);
  const at = Math.min(period.end - 1, judgedAt);
  const tree = await unitTreeAt(reader, cut);
  const history = await historyAt(reader, pick(tree, period), cut, onProgress);
  const subjects = foldEvents(history.map((e) => e.event));
  const figures = ownFiguresByUnit(subjects, period, judgedAt, ruleSetInForce(period.start));
  const lastYear = new Map<string, Map<number, Figure>[]>();
  for (const month of previousYearMonthKeys(period)) {
    const m = parsePeriod(month);
    for (const [unit, f] of ownFiguresByUnit(subjects, m, judgedAt, ruleSetInForce(m.start))) lastYear.set(unit, [...(lastYear.get(unit) ?? []), f]);
  }
  const newest = new Map<string, Date>();
  for (const e of history) newest.set(e.event.unitCode, e.recordedAt);
  const own = new Map<string, OwnFigures>([...figures].map(([unit, f]) => [unit, { figures: f, updatedAt: newest.get(unit) ?? new Date(judgedAt) }]));
  return {
    scores: PeriodScores.fromOwn(period, at, tree, own, lastYear),
    eventsReplayed: history.length,
    streamIds: [...new Set(history.map((e) => e.streamId))],
    tree,
  };
}

/** A unit's pool (itself and the units under it during the period), or the unit alone when the tree does not know it. */
export const poolOf = (unitCode: string): UnitPicker => (tree, period) => (tree[unitCode] ? poolMembersDuring(tree, unitCode, period) : [unitCode]);

/** Every unit of the tree, and `others` the projection has rows for without a registration. */
export const everyUnit = (others: readonly string[] = []): UnitPicker => (tree) => [...new Set([...Object.keys(tree), ...others])];

/**
 * A unit's peers (its peer group at the period's last instant, itself included) and each one's pool:
 * what an as-of unit score needs to rank the unit among the same peers as the as-of ranking does.
 */
export const peersPoolsOf = (unitCode: string): UnitPicker => (tree, period) => {
  if (!tree[unitCode]) return [unitCode];
  const at = period.end - 1;
  const group = peerGroupOf(tree, unitCode, at);
  const peers = group === undefined ? [unitCode] : Object.keys(tree).filter((code) => peerGroupOf(tree, code, at) === group);
  return [...new Set(peers.flatMap((code) => poolMembersDuring(tree, code, period)))];
};
