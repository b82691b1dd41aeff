import {
  type Figure, figuresFromRecord, parsePeriod, type Period, poolMembersDuring, type UnitScore, type UnitSnapshot, type UnitTree, unitAt,
} from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { type FinishedScore, finishScore, type OwnFigures } from '@idx/scoring-projection';
import { loadUnitTree } from './unit-tree-loader';

export type { OwnFigures } from '@idx/scoring-projection';

export const toFigures = (json: unknown): Map<number, Figure> => figuresFromRecord(json as Record<string, Figure>);

/** A finished score with the unit as it stood at the period's judged instant. */
export interface ScoredUnit extends FinishedScore {
  readonly unit: UnitSnapshot | undefined;
}

const nothing = { own: () => undefined, lastYear: () => [] };

/**
 * Every unit's finished score for one period (finishScore: pooled over the units that existed
 * during the period, criterion 4's fallback folded in, rescaled, displayed total). Read from the
 * projection's finished_scores, or — for as-of, verify and close — finished by the same function
 * over own figures folded again from the events (fromOwn).
 */
export class PeriodScores {
  private constructor(
    readonly period: Period,
    /** The instant the structure is shown at (the period's end, or now for an open period). */
    readonly at: number,
    readonly tree: UnitTree,
    private readonly finished: (code: string) => FinishedScore | undefined,
    private readonly known: () => Iterable<string>,
    private readonly own: ReadonlyMap<string, OwnFigures> = new Map(),
  ) {}

  /** From the projection's finished rows. `tree`: pass it when scoring several periods in one request, so it is read once. */
  static async load(prisma: ReadModelClient, periodKey: string, now = Date.now(), knownTree?: UnitTree): Promise<PeriodScores> {
    const period = parsePeriod(periodKey);
    const [tree, rows] = await Promise.all([
      knownTree ?? loadUnitTree(prisma),
      prisma.finishedScore.findMany({ where: { period: period.key } }),
    ]);
    const byCode = new Map(rows.map((r): [string, FinishedScore] => {
      const score = r.score as unknown as UnitScore;
      return [r.unitCode, {
        code: r.unitCode, period: period.key, ruleSetId: r.ruleSetId, figures: toFigures(r.figures), score, total: r.total,
        hasActivity: r.hasActivity, pooledUnits: r.pooledUnits, updatedAt: r.updatedAt,
        row: { unitCode: r.unitCode, total: r.total, groups: Object.fromEntries(score.groups.filter((g) => !g.notApplicable).map((g) => [g.id, g.points])) },
      }];
    }));
    return new PeriodScores(period, Math.min(period.end - 1, now), tree, (code) => byCode.get(code), () => byCode.keys());
  }

  /** Finished by finishScore over own figures (a replay of the events): the same function the projector stores. */
  static fromOwn(
    period: Period, at: number, tree: UnitTree, own: ReadonlyMap<string, OwnFigures>, lastYear: ReadonlyMap<string, readonly ReadonlyMap<number, Figure>[]>,
  ): PeriodScores {
    const source = { own: (code: string) => own.get(code), lastYear: (code: string) => lastYear.get(code) ?? [] };
    const cache = new Map<string, FinishedScore>();
    const finished = (code: string): FinishedScore | undefined => {
      if (!tree[code] && !own.has(code)) return undefined;
      const pool = tree[code] ? poolMembersDuring(tree, code, period) : [code];
      if (!pool.some((m) => own.has(m))) return undefined;
      const found = cache.get(code) ?? finishScore(tree, period, code, source);
      cache.set(code, found);
      return found;
    };
    return new PeriodScores(period, at, tree, finished, () => own.keys(), own);
  }

  unitCodes(): string[] {
    return [...new Set([...Object.keys(this.tree), ...this.known()])];
  }

  has(code: string): boolean {
    return this.finished(code) !== undefined || this.tree[code] !== undefined;
  }

  /** THE activity rule (hasActivity) over the unit's pool: without it a unit is "no data", unranked. */
  hasData(code: string): boolean {
    return this.finished(code)?.hasActivity === true;
  }

  /** A unit's own (unpooled) figures; replays only (the projection's are in unit_period_scores). */
  ownFigures(code: string): ReadonlyMap<number, Figure> | undefined {
    return this.own.get(code)?.figures;
  }

  score(code: string): ScoredUnit {
    // A unit none of whose pool has figures is finished over nothing, by the same function.
    const finished = this.finished(code) ?? finishScore(this.tree, this.period, code, nothing);
    return { ...finished, unit: unitAt(this.tree, code, this.at) };
  }
}
