import {
  type Figure, figuresFromRecord, type GroupId, parsePeriod, type Period, poolMembersDuring, type RankableRow, type UnitScore, type UnitSnapshot, type UnitTree, unitAt,
} from '@idx/domain';
import type { Prisma, ReadModelClient } from '@idx/read-models';
import { type FinishedScore, finishScore, type OwnFigures } from '@idx/scoring-projection';
import type { CachedTree } from './cache/unit-tree-cache';
import { structureAt, type UnitStructure } from './cache/unit-structure';
import { loadUnitTree } from './unit-tree-loader';

export type { OwnFigures } from '@idx/scoring-projection';

export const toFigures = (json: unknown): Map<number, Figure> => figuresFromRecord(json as Record<string, Figure>);

/** A finished score with the unit as it stood at the period's judged instant. */
export interface ScoredUnit extends FinishedScore {
  readonly unit: UnitSnapshot | undefined;
}

const nothing = { own: () => undefined, lastYear: () => [] };

/** What ranking a unit among its peers needs of it: the displayed total and group points, and whether it had activity. */
export interface PeerRow {
  readonly row: RankableRow;
  readonly hasActivity: boolean;
}

type StoredRow = Prisma.FinishedScoreGetPayload<{ select: typeof FULL_COLUMNS }>;
const FULL_COLUMNS = {
  unitCode: true, ruleSetId: true, figures: true, score: true, total: true, hasActivity: true, pooledUnits: true, updatedAt: true,
} as const;

/** The displayed group points of a stored score; groups wholly N/A for the unit are left out (rankableRowOf's rule). */
function groupPoints(groups: readonly { id: GroupId; points: number; notApplicable?: boolean }[]): Record<GroupId, number> {
  return Object.fromEntries(groups.filter((g) => !g.notApplicable).map((g) => [g.id, g.points]));
}

function finishedOf(r: StoredRow, periodKey: string): FinishedScore {
  const score = r.score as unknown as UnitScore;
  return {
    code: r.unitCode, period: periodKey, ruleSetId: r.ruleSetId, figures: toFigures(r.figures), score, total: r.total,
    hasActivity: r.hasActivity, pooledUnits: r.pooledUnits, updatedAt: r.updatedAt,
    row: { unitCode: r.unitCode, total: r.total, groups: groupPoints(score.groups) },
  };
}

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
    /** Peers read for their ranking figures only (loadUnits). */
    private readonly peers: ReadonlyMap<string, PeerRow> = new Map(),
    /** The tree's structure token (UnitTreeCache), so peer indexes survive a reload that moved no unit. */
    private readonly shape: object = tree,
  ) {}

  /** The tree as it stood at `at`, indexed (peer groups, ranking scopes): built once per tree shape and stretch of time. */
  get structure(): UnitStructure {
    return structureAt(this.tree, this.at, this.shape);
  }

  /** From the projection's finished rows. `tree`: pass it when scoring several periods in one request, so it is read once. */
  static async load(prisma: ReadModelClient, periodKey: string, now = Date.now(), knownTree?: UnitTree): Promise<PeriodScores> {
    const period = parsePeriod(periodKey);
    const [tree, rows] = await Promise.all([
      knownTree ?? loadUnitTree(prisma),
      prisma.finishedScore.findMany({ where: { period: period.key } }),
    ]);
    const byCode = new Map(rows.map((r): [string, FinishedScore] => [r.unitCode, finishedOf(r, period.key)]));
    return new PeriodScores(period, Math.min(period.end - 1, now), tree, (code) => byCode.get(code), () => byCode.keys());
  }

  /**
   * Only what one answer shows, from the projection's finished rows: the whole stored score of the
   * `shown` units, and of `peers` just the displayed total, group points and activity (the columns
   * ranking needs, `score->'groups'` rather than the score). Both by primary key.
   */
  static async loadUnits(
    prisma: ReadModelClient, periodKey: string, now: number, cached: CachedTree, shown: readonly string[], peers: readonly string[] = [],
  ): Promise<PeriodScores> {
    const period = parsePeriod(periodKey);
    const rest = peers.filter((c) => !shown.includes(c));
    const [full, light] = await Promise.all([
      shown.length === 0 ? [] : prisma.finishedScore.findMany({ where: { period: period.key, unitCode: { in: [...shown] } }, select: FULL_COLUMNS }),
      rest.length === 0 ? [] : prisma.$queryRawUnsafe<{ unit_code: string; total: number; has_activity: boolean; groups: { id: string; points: number; notApplicable?: boolean }[] }[]>(
        `SELECT unit_code, total, has_activity, score->'groups' AS groups FROM finished_scores WHERE period = $1 AND unit_code = ANY($2::text[])`,
        period.key, rest,
      ),
    ]);
    const byCode = new Map(full.map((r): [string, FinishedScore] => [r.unitCode, finishedOf(r, period.key)]));
    const peerRows = new Map(light.map((r): [string, PeerRow] => [
      r.unit_code, { row: { unitCode: r.unit_code, total: Number(r.total), groups: groupPoints(r.groups) }, hasActivity: r.has_activity },
    ]));
    return new PeriodScores(
      period, Math.min(period.end - 1, now), cached.tree, (code) => byCode.get(code), () => [...byCode.keys(), ...peerRows.keys()], new Map(), peerRows, cached.shape,
    );
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
    return (this.peers.get(code)?.hasActivity ?? this.finished(code)?.hasActivity) === true;
  }

  /** The unit's displayed total and group points as ranked (a peer's light row, or its finished score's). */
  rankRow(code: string): RankableRow {
    return this.peers.get(code)?.row ?? this.score(code).row;
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
