import type { GroupScoreDto, RankingDto, RankingRowDto, UnitRefDto, UnitScoreDto } from '@idx/contracts';
import {
  averageOf, criterionStatus, type Figure, figure, groupStatus, hasActivity, QD766_2022, RESCALED_NOTE_VI, rankUnits, roundHalfUp, scoreUnit, type UnitLevel,
} from '@idx/domain';

/** A unit's score as the reporting API answers it, computed by the real domain scoring from figures. */
export function unitScoreDto(unit: UnitRefDto, figures: Readonly<Record<number, Figure>>, extra: Partial<Pick<UnitScoreDto, 'rank' | 'updatedAt' | 'period'>> = {}): UnitScoreDto {
  const map = new Map(Object.entries(figures).map(([id, f]) => [Number(id), f]));
  const score = scoreUnit(map, QD766_2022, { level: unit.level as UnitLevel });
  const active = hasActivity(map);
  return {
    unit,
    period: extra.period ?? '2025-03',
    ruleSetId: score.ruleSetId,
    total: roundHalfUp(score.total, QD766_2022.rounding.total),
    hasData: active,
    status: active ? 'ok' : 'no-data',
    band: { labelVi: score.band.labelVi, labelEn: score.band.labelEn },
    groups: score.groups.map((g) => {
      const rule = QD766_2022.groups.find((r) => r.id === g.id);
      return { id: g.id, nameVi: rule?.nameVi ?? g.id, nameEn: rule?.nameEn ?? g.id, points: g.points, max: g.max, applicableMax: g.applicableMax, rate: g.rate,
        status: groupStatus(g, score.criteria, active), notApplicable: g.notApplicable,
        flags: [...new Set(score.criteria.filter((c) => c.group === g.id).flatMap((c) => c.flags ?? []))] };
    }),
    criteria: score.criteria.map((c) => {
      const rule = QD766_2022.criteria.find((r) => r.id === c.id);
      return { ...c, nameVi: rule?.nameVi ?? '', nameEn: rule?.nameEn ?? '', flags: [...c.flags], status: criterionStatus(c, active) };
    }),
    applicableMax: score.applicableMax,
    rescaled: score.rescaled,
    rescaledNoteVi: score.rescaled ? RESCALED_NOTE_VI : null,
    pooledUnits: [unit.code],
    rank: extra.rank ?? null,
    updatedAt: extra.updatedAt ?? '2025-04-01T02:30:00.000Z',
  };
}

/** Every criterion's figure, all with data: a department with fees, e-copies and petitions. */
export function fullFigures(overrides: Readonly<Record<number, Figure>> = {}): Record<number, Figure> {
  const base: Record<number, Figure> = {};
  for (const c of QD766_2022.criteria) base[c.id] = figure(9, 10);
  return { ...base, 5: figure(393, 400), 21: figure(3929, 4000), 11: figure(1, 3), 8: figure(2, 4), 13: figure(7, 8), 15: figure(1, 1), ...overrides };
}

/** Ranks scores like ScoreQueries.ranking does (ties share a rank) and averages them. */
export function rankingDto(level: string, parent: string, scores: readonly UnitScoreDto[]): RankingDto {
  const rows = scores.filter((s) => s.hasData).map((s) => ({ unitCode: s.unit.code, total: s.total, groups: Object.fromEntries(s.groups.filter((g) => !g.notApplicable).map((g) => [g.id, g.points])) }));
  const ranked = rankUnits(rows, 'total', { decimals: 2 });
  const byCode = new Map(scores.map((s) => [s.unit.code, s]));
  const average = averageOf(rows);
  return {
    period: '2025-03',
    level,
    parent,
    average: { total: average.total, groups: { ...average.groups } as Record<string, number>, count: average.count },
    rows: [...ranked, ...scores.filter((s) => !s.hasData).map((s) => ({ unitCode: s.unit.code, rank: null, of: ranked.length }))].map((r): RankingRowDto => {
      const s = byCode.get(r.unitCode) as UnitScoreDto;
      return { rank: r.rank, of: r.of, peerGroup: `${parent}/${level}`, hasData: s.hasData, unit: s.unit, total: s.total, band: s.band, groups: s.groups, previousTotal: null, updatedAt: s.updatedAt };
    }),
  };
}

export const unit = (code: string, name: string, level: string, parentCode: string | null = 'HY'): UnitRefDto => ({ code, name, level, parentCode });

/** What the "ranks" read path adds to a group: its rank among the same peers as the total, and the peers' mean. */
export type GroupRanks = Readonly<Record<string, { readonly rank: number; readonly of: number; readonly peerAverage: number }>>;

/** The groups of a score or ranking row with their rank and peers' average set, as ScoreQueries answers them once "ranks" lands. */
export function withGroupRanks<T extends { readonly groups: readonly GroupScoreDto[] }>(dto: T, ranks: GroupRanks): T {
  return { ...dto, groups: dto.groups.map((g) => (ranks[g.id] ? { ...g, rank: { rank: ranks[g.id].rank, of: ranks[g.id].of }, peerAverage: ranks[g.id].peerAverage } : g)) };
}
