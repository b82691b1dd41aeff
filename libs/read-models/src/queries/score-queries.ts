import type { RankingDto, RankingRowDto, UnitScoreDto } from '@idx/contracts';
import { type Figure, parsePeriod, ruleSetInForce, scoreUnit, type UnitScore } from '@idx/domain';
import type { ReadModelClient } from '../prisma-client';
import { bandDto, criterionDtos, groupDtos, type UnitRow, unitRef } from './score-dto';

export interface RankingFilter {
  readonly level?: string;
  readonly parent?: string;
}

function figuresFromJson(json: unknown): Map<number, Figure> {
  return new Map(Object.entries(json as Record<string, Figure>).map(([id, f]) => [Number(id), f]));
}

/** What the reporting API answers, read from the scoring projection's tables. */
export class ScoreQueries {
  constructor(private readonly prisma: ReadModelClient) {}

  async unitScore(unitCode: string, periodKey: string): Promise<UnitScoreDto | undefined> {
    const period = parsePeriod(periodKey);
    const [row, unit] = await Promise.all([
      this.prisma.unitPeriodScore.findUnique({ where: { unitCode_period: { unitCode, period: period.key } } }),
      this.prisma.unit.findUnique({ where: { code: unitCode } }),
    ]);
    if (!row && !unit) return undefined;
    const ruleSet = ruleSetInForce(period.start);
    const score = scoreUnit(row ? figuresFromJson(row.figures) : new Map(), ruleSet);
    return {
      unit: unitRef(unit ?? undefined, unitCode),
      period: period.key,
      ruleSetId: score.ruleSetId,
      total: score.total,
      band: bandDto(score),
      groups: groupDtos(score, ruleSet),
      criteria: criterionDtos(score, ruleSet),
      updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
    };
  }

  async ranking(periodKey: string, filter: RankingFilter = {}): Promise<RankingDto> {
    const period = parsePeriod(periodKey);
    const ruleSet = ruleSetInForce(period.start);
    const rows = await this.prisma.unitPeriodScore.findMany({ where: { period: period.key } });
    const units = new Map<string, UnitRow>(
      (await this.prisma.unit.findMany({ where: { code: { in: rows.map((r) => r.unitCode) } } })).map((u) => [u.code, u]),
    );
    const scored = rows
      .map((r) => ({ row: r, unit: units.get(r.unitCode), score: scoreUnit(figuresFromJson(r.figures), ruleSet) }))
      .filter(({ unit }) => (!filter.level || unit?.level === filter.level) && (!filter.parent || unit?.parentCode === filter.parent))
      .sort((a, b) => b.score.total - a.score.total || a.row.unitCode.localeCompare(b.row.unitCode));
    return { period: period.key, rows: withSharedRanks(scored.map(({ row, unit, score }) => toRankingRow(row.unitCode, unit, score, ruleSet, row.updatedAt))) };
  }
}

function toRankingRow(code: string, unit: UnitRow | undefined, score: UnitScore, ruleSet: ReturnType<typeof ruleSetInForce>, updatedAt: Date): Omit<RankingRowDto, 'rank'> {
  return { unit: unitRef(unit, code), total: score.total, band: bandDto(score), groups: groupDtos(score, ruleSet), updatedAt: updatedAt.toISOString() };
}

/** Ties share a rank (1, 2, 2, 4); input is sorted by total, highest first. */
function withSharedRanks(rows: readonly Omit<RankingRowDto, 'rank'>[]): RankingRowDto[] {
  return rows.map((row, i) => {
    let first = i;
    while (first > 0 && rows[first - 1].total === row.total) first--;
    return { ...row, rank: first + 1 };
  });
}
