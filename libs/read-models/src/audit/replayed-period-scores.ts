import { type Figure, foldEvents, ownFiguresByUnit, parsePeriod, previousYearMonthKeys, ruleSetInForce, type UnitTree } from '@idx/domain';
import type { PostgresHistoryReader } from '@idx/event-store';
import { type OwnFigures, PeriodScores, withLastYearFallback } from '../queries/period-scores';

export interface Replay {
  readonly scores: PeriodScores;
  readonly eventsReplayed: number;
  readonly streamIds: readonly string[];
}

/**
 * A period's scores recomputed from the raw events recorded up to `asOf` ("January as it stood on
 * 5 February 08:00"), for the given units; the unit structure is today's dated tree, read at the
 * period's end. Figures come out of the same fold and calculators as the live projection's.
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
    scores: new PeriodScores(period, Math.min(period.end - 1, judgedAt), tree, withLastYearFallback(period, own, lastYear)),
    eventsReplayed: history.length,
    streamIds: [...new Set(history.map((e) => e.streamId))],
  };
}
