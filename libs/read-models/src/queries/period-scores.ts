import {
  type Figure, figuresFromRecord, monthlyAverageReceived, type Period, parsePeriod, previousYearMonthKeys, withReceivedFallback, poolFigures, type RankableRow, rankableRowOf, ruleSetInForce,
  scoreUnit, type UnitScore, type UnitSnapshot, type UnitTree, unitAt, poolMembersAt,
} from '@idx/domain';
import type { ReadModelClient } from '../prisma-client';
import { loadUnitTree } from './unit-tree-loader';

const toFigures = (json: unknown): Map<number, Figure> => figuresFromRecord(json as Record<string, Figure>);

export interface ScoredUnit {
  readonly code: string;
  readonly unit: UnitSnapshot | undefined;
  readonly score: UnitScore;
  readonly pooledUnits: readonly string[];
  readonly updatedAt: Date;
  readonly row: RankableRow;
}

/**
 * Every unit's score for one period, as the structure stood then: each unit's own figures pooled
 * with its sub-units' (a province is scored on all its data, not on an average of its children).
 */
export class PeriodScores {
  private constructor(
    readonly period: Period,
    readonly at: number,
    readonly tree: UnitTree,
    private readonly own: ReadonlyMap<string, { figures: Map<number, Figure>; updatedAt: Date }>,
  ) {}

  static async load(prisma: ReadModelClient, periodKey: string, now = Date.now()): Promise<PeriodScores> {
    const period = parsePeriod(periodKey);
    const [tree, rows, lastYear] = await Promise.all([
      loadUnitTree(prisma),
      prisma.unitPeriodScore.findMany({ where: { period: period.key }, select: { unitCode: true, figures: true, updatedAt: true } }),
      prisma.unitPeriodScore.findMany({ where: { period: { in: previousYearMonthKeys(period) } }, select: { unitCode: true, figures: true } }),
    ]);
    const monthsByUnit = new Map<string, Map<number, Figure>[]>();
    for (const r of lastYear) monthsByUnit.set(r.unitCode, [...(monthsByUnit.get(r.unitCode) ?? []), toFigures(r.figures)]);
    const own = new Map(rows.map((r) => [r.unitCode, {
      figures: withReceivedFallback(toFigures(r.figures), monthlyAverageReceived(monthsByUnit.get(r.unitCode) ?? []), period),
      updatedAt: r.updatedAt,
    }]));
    // The structure valid at the period's end (or now, for the open period).
    return new PeriodScores(period, Math.min(period.end - 1, now), tree, own);
  }

  unitCodes(): string[] {
    return [...new Set([...Object.keys(this.tree), ...this.own.keys()])];
  }

  has(code: string): boolean {
    return this.own.has(code) || this.tree[code] !== undefined;
  }

  score(code: string): ScoredUnit {
    const unit = unitAt(this.tree, code, this.at);
    const members = this.tree[code] ? poolMembersAt(this.tree, code, this.at) : [code];
    const present = members.filter((m) => this.own.has(m));
    const figures = poolFigures(present.map((m) => this.own.get(m)?.figures as Map<number, Figure>));
    const score = scoreUnit(figures, ruleSetInForce(this.period.start), { level: unit?.level });
    const updatedAt = new Date(Math.max(0, ...present.map((m) => (this.own.get(m)?.updatedAt as Date).getTime())));
    return { code, unit, score, pooledUnits: members, updatedAt, row: rankableRowOf(code, score) };
  }
}
