import {
  type Figure, figuresFromRecord, hasActivity, monthlyAverageReceived, type Period, parsePeriod, poolFigures, poolMembersAt, previousYearMonthKeys,
  type RankableRow, rankableRowOf, ruleSetInForce, scoreUnit, type UnitScore, type UnitSnapshot, type UnitTree, unitAt, withReceivedFallback,
} from '@idx/domain';
import type { ReadModelClient } from '../prisma-client';
import { loadUnitTree } from './unit-tree-loader';

export const toFigures = (json: unknown): Map<number, Figure> => figuresFromRecord(json as Record<string, Figure>);

export interface ScoredUnit {
  readonly code: string;
  readonly unit: UnitSnapshot | undefined;
  readonly score: UnitScore;
  readonly pooledUnits: readonly string[];
  readonly updatedAt: Date;
  readonly row: RankableRow;
}

export interface OwnFigures {
  readonly figures: ReadonlyMap<number, Figure>;
  readonly updatedAt: Date;
}

/** Adds criterion 4's fallback (last year's monthly average) to each unit's own figures. */
export function withLastYearFallback(
  period: Period, own: ReadonlyMap<string, OwnFigures>, lastYear: ReadonlyMap<string, readonly ReadonlyMap<number, Figure>[]>,
): Map<string, OwnFigures> {
  return new Map([...own].map(([unit, o]) => [unit, { ...o, figures: withReceivedFallback(o.figures, monthlyAverageReceived(lastYear.get(unit) ?? []), period) }]));
}

/**
 * Every unit's score for one period, as the structure stood then: each unit's own figures pooled
 * with its sub-units' (a province is scored on all its data, not on an average of its children).
 * Built from the projection's stored figures, or from a replay of the events (as-of).
 */
export class PeriodScores {
  constructor(
    readonly period: Period,
    /** The instant the structure and the pending items are judged at. */
    readonly at: number,
    readonly tree: UnitTree,
    private readonly own: ReadonlyMap<string, OwnFigures>,
  ) {}

  /** `tree`: pass it when scoring several periods in one request, so it is read once. */
  static async load(prisma: ReadModelClient, periodKey: string, now = Date.now(), knownTree?: UnitTree): Promise<PeriodScores> {
    const period = parsePeriod(periodKey);
    const [tree, rows, lastYearRows] = await Promise.all([
      knownTree ?? loadUnitTree(prisma),
      prisma.unitPeriodScore.findMany({ where: { period: period.key }, select: { unitCode: true, figures: true, updatedAt: true } }),
      prisma.unitPeriodScore.findMany({ where: { period: { in: previousYearMonthKeys(period) } }, select: { unitCode: true, figures: true } }),
    ]);
    const lastYear = new Map<string, Map<number, Figure>[]>();
    for (const r of lastYearRows) lastYear.set(r.unitCode, [...(lastYear.get(r.unitCode) ?? []), toFigures(r.figures)]);
    const own = new Map(rows.map((r) => [r.unitCode, { figures: toFigures(r.figures), updatedAt: r.updatedAt }]));
    return new PeriodScores(period, Math.min(period.end - 1, now), tree, withLastYearFallback(period, own, lastYear));
  }

  unitCodes(): string[] {
    return [...new Set([...Object.keys(this.tree), ...this.own.keys()])];
  }

  has(code: string): boolean {
    return this.own.has(code) || this.tree[code] !== undefined;
  }

  /** Whether any unit pooled into `code` had activity in the period (not just a registered unit). */
  hasData(code: string): boolean {
    const members = this.tree[code] ? poolMembersAt(this.tree, code, this.at) : [code];
    return members.some((m) => {
      const own = this.own.get(m);
      return own !== undefined && hasActivity(own.figures);
    });
  }

  ownFigures(code: string): ReadonlyMap<number, Figure> | undefined {
    return this.own.get(code)?.figures;
  }

  score(code: string): ScoredUnit {
    const unit = unitAt(this.tree, code, this.at);
    const members = this.tree[code] ? poolMembersAt(this.tree, code, this.at) : [code];
    const present = members.filter((m) => this.own.has(m));
    const figures = poolFigures(present.map((m) => this.own.get(m)?.figures as ReadonlyMap<number, Figure>));
    const score = scoreUnit(figures, ruleSetInForce(this.period.start), { level: unit?.level });
    const updatedAt = new Date(Math.max(0, ...present.map((m) => (this.own.get(m) as OwnFigures).updatedAt.getTime())));
    return { code, unit, score, pooledUnits: members, updatedAt, row: rankableRowOf(code, score) };
  }
}
