import {
  type Figure, figuresToRecord, hasActivity, monthlyAverageReceived, type Period, poolFigures, poolMembersDuring, type RankableRow,
  rankableRowOf, roundHalfUp, ruleSetInForce, scoreUnit, type UnitScore, type UnitTree, withReceivedFallback,
} from '@idx/domain';

/** One unit's own figures for a period (its own subjects only, as the projector computes them). */
export interface OwnFigures {
  readonly figures: ReadonlyMap<number, Figure>;
  readonly updatedAt: Date;
}

/** Where finishScore finds each unit's own figures: for the period, and for last year's months (criterion 4). */
export interface OwnFiguresSource {
  own(code: string): OwnFigures | undefined;
  /** The unit's own figures in each month of the year before the period that has a row. */
  lastYear(code: string): readonly ReadonlyMap<number, Figure>[];
}

/**
 * A unit-period's score as every reader shows it: pooled over the units that existed during the
 * period, criterion 4's fallback folded in, level-aware, rescaled, with the displayed total.
 */
export interface FinishedScore {
  readonly code: string;
  readonly period: string;
  readonly ruleSetId: string;
  /** Pooled figures of every member, each with its criterion-4 fallback. */
  readonly figures: ReadonlyMap<number, Figure>;
  readonly score: UnitScore;
  /** The total as displayed (half-up to the rule set's decimals): stored, streamed, ranked and printed. */
  readonly total: number;
  /** THE activity rule (hasActivity) over the pool: without it the score is "no data", unranked. */
  readonly hasActivity: boolean;
  /** Every unit pooled into the score during the period (poolMembersDuring), the unit first. */
  readonly pooledUnits: readonly string[];
  /** Newest update among the members' own rows (epoch 0 when none has a row). */
  readonly updatedAt: Date;
  readonly row: RankableRow;
}

/**
 * THE one scoring function: what the projector stores and what every replay (as-of, verify, close)
 * recomputes, over own figures either read from unit_period_scores or folded again from the events.
 */
export function finishScore(tree: UnitTree, period: Period, code: string, source: OwnFiguresSource): FinishedScore {
  const ruleSet = ruleSetInForce(period.start);
  const members = tree[code] ? poolMembersDuring(tree, code, period) : [code];
  const present = members.map((m) => ({ m, own: source.own(m) })).filter((x): x is { m: string; own: OwnFigures } => x.own !== undefined);
  const own = poolFigures(present.map((x) => x.own.figures));
  const figures = poolFigures(present.map((x) => withReceivedFallback(x.own.figures, monthlyAverageReceived(source.lastYear(x.m)), period)));
  const score = scoreUnit(figures, ruleSet, { level: tree[code]?.level });
  const total = roundHalfUp(score.total, ruleSet.rounding.total);
  return {
    code, period: period.key, ruleSetId: ruleSet.id, figures, score, total,
    hasActivity: hasActivity(own),
    pooledUnits: members,
    updatedAt: new Date(Math.max(0, ...present.map((x) => x.own.updatedAt.getTime()))),
    // Ranks compare exactly the figure shown.
    row: { ...rankableRowOf(code, score), total },
  };
}

/** The stored form of a finished score (finished_scores row, JSON columns as records). */
export interface FinishedRow {
  readonly unit_code: string;
  readonly rule_set_id: string;
  readonly level: string | null;
  readonly figures: Record<string, Figure>;
  readonly score: UnitScore;
  readonly total: number;
  readonly has_activity: boolean;
  readonly pooled_units: readonly string[];
  readonly updated_at: string;
}

export function finishedRowOf(f: FinishedScore, tree: UnitTree): FinishedRow {
  return {
    unit_code: f.code, rule_set_id: f.ruleSetId, level: tree[f.code]?.level ?? null, figures: figuresToRecord(f.figures), score: f.score,
    total: f.total, has_activity: f.hasActivity, pooled_units: f.pooledUnits, updated_at: f.updatedAt.toISOString(),
  };
}
