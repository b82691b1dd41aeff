import { type Figure, foldEvents, ownFiguresByUnit, parsePeriod, previousYearMonthKeys, ruleSetInForce, type UnitTree } from '@idx/domain';
import type { PostgresHistoryReader } from '@idx/event-store';
import { PeriodScores } from '../queries/period-scores';
import type { OwnFigures } from '../scoring/finished-score';

export interface Replay {
  readonly scores: PeriodScores;
  readonly eventsReplayed: number;
  readonly streamIds: readonly string[];
}

/**
 * A period's scores recomputed from the raw events recorded up to `asOf` ("January as it stood on
 * 5 February 08:00"), for the given units. Own figures come out of the same fold and calculators as
 * the live projection's, and are finished by the projector's own function (finishScore, via
 * PeriodScores.fromOwn): pooled over the units that existed during the period, fallback folded in.
 * `unitCodes` must hold every pool member wanted (poolMembersDuring).
 */
export async function replayPeriodScores(
  reader: PostgresHistoryReader, tree: UnitTree, unitCodes: readonly string[], periodKey: string, asOf: Date,
  onProgress?: (read: number, total: number) => void,
): Promise<Replay> {
  const period = parsePeriod(periodKey);
  const history = await reader.read({ unitCodes, recordedUntil: asOf }, onProgress);
  const subjects = foldEvents(history.map((e) => e.event));
  const judgedAt = asOf.getTime();
  const figures = ownFiguresByUnit(subjects, period, judgedAt, ruleSetInForce(period.start));
  const lastYear = new Map<string, Map<number, Figure>[]>();
  for (const month of previousYearMonthKeys(period)) {
    const m = parsePeriod(month);
    for (const [unit, f] of ownFiguresByUnit(subjects, m, judgedAt, ruleSetInForce(m.start))) lastYear.set(unit, [...(lastYear.get(unit) ?? []), f]);
  }
  const newest = new Map<string, Date>();
  for (const e of history) newest.set(e.event.unitCode, e.recordedAt);
  const own = new Map<string, OwnFigures>([...figures].map(([unit, f]) => [unit, { figures: f, updatedAt: newest.get(unit) ?? asOf }]));
  return {
    scores: PeriodScores.fromOwn(period, Math.min(period.end - 1, judgedAt), tree, own, lastYear),
    eventsReplayed: history.length,
    streamIds: [...new Set(history.map((e) => e.streamId))],
  };
}
