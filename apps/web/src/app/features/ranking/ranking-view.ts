import type { GroupScoreDto, RankingDto, RankingRowDto } from '@idx/contracts';
import {
  formatGroupPoints,
  formatRank,
  formatTotal,
  formatTotalChange,
  roundHalfUp,
} from '../../core/format/number-format';
import type { Language } from '../../core/i18n/language';
import type { ScoreText } from '../../core/i18n/score-text.i18n';
import { type BandTone, bandTone } from '../../shared/band/band-badge.component';

export interface GroupColumn {
  readonly id: string;
  readonly label: string;
  readonly max: number;
}

export type ChangeTone = 'up' | 'down' | 'same' | 'unknown';

export interface RankingRowView {
  readonly rank: number | null;
  /** "01/10", or the word for an unranked unit. */
  readonly rankText: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly levelLabel: string;
  /** null for a unit without activity: it sorts last. */
  readonly total: number | null;
  readonly totalText: string;
  readonly band: { readonly labelVi: string; readonly labelEn: string } | null;
  readonly bandTone: BandTone;
  /** One text per column of `RankingView.groupColumns`, in that order. */
  readonly groupTexts: readonly string[];
  /** Points per group column, null when not applicable (sorts last). */
  readonly groupPoints: readonly (number | null)[];
  /** Each group's rank among the same peers as the total (null: unranked or N/A, sorts last). */
  readonly groupRanks: readonly (number | null)[];
  /** "01/34" per group column, or null when the unit has no rank in it. */
  readonly groupRankTexts: readonly (string | null)[];
  readonly change: number | null;
  readonly changeText: string;
  readonly changeTone: ChangeTone;
  /** The total moved in the latest live refresh. */
  readonly changed: boolean;
}

export interface RankingAverageView {
  readonly totalText: string;
  readonly groupTexts: readonly string[];
  readonly count: number;
}

export interface RankingView {
  readonly period: string;
  readonly groupColumns: readonly GroupColumn[];
  readonly rows: readonly RankingRowView[];
  readonly average: RankingAverageView | null;
}

export interface RankingViewContext {
  readonly language: Language;
  readonly locale: string;
  readonly levelLabels: Readonly<Record<string, string>>;
  readonly scoreText: ScoreText;
  readonly changedUnitCodes: ReadonlySet<string>;
}

/** The columns a user can sort by: fixed ones, or a group by its id (`group:progress`). */
export type SortKey = 'rank' | 'unit' | 'total' | 'change' | `group:${string}`;
export type SortDirection = 'asc' | 'desc';

export interface RankingSort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export const DEFAULT_SORT: RankingSort = { key: 'rank', direction: 'asc' };

/** Columns follow the first row's group order; rows are matched by group id, not position. */
function groupColumnsOf(rows: readonly RankingRowDto[], language: Language): GroupColumn[] {
  return (rows[0]?.groups ?? []).map((group) => ({
    id: group.id,
    label: language === 'vi' ? group.nameVi : group.nameEn,
    max: group.max,
  }));
}

/**
 * A group's cell: points/max, or words where a number would mislead. A group N/A because the unit
 * has no fee-bearing procedures (its criteria's flag, whatever the rule set calls the group) is
 * printed as the letters print it.
 */
export function groupText(group: GroupScoreDto | undefined, locale: string, scoreText: ScoreText): string {
  if (!group) return '—';
  if (group.status === 'no-data') return scoreText.noData;
  if (group.status === 'not-applicable' || group.notApplicable) return (group.flags ?? []).includes('no-fee-bearing-procedures') ? scoreText.noFeeProcedures : scoreText.notApplicable;
  // Out of the applicable maximum, as the unit page and the PDF print it.
  return formatGroupPoints(group.points, group.applicableMax, locale);
}

function changeOf(row: RankingRowDto, locale: string): Pick<RankingRowView, 'change' | 'changeText' | 'changeTone'> {
  if (!row.hasData || row.previousTotal === null || row.previousTotal === undefined) {
    return { change: null, changeText: '—', changeTone: 'unknown' };
  }
  // The change the reader can check from the two printed totals.
  const change = roundHalfUp(roundHalfUp(row.total, 2) - roundHalfUp(row.previousTotal, 2), 2);
  return { change, changeText: formatTotalChange(change, locale), changeTone: change > 0 ? 'up' : change < 0 ? 'down' : 'same' };
}

export function toRankingView(ranking: RankingDto, context: RankingViewContext): RankingView {
  const { language, locale, scoreText } = context;
  const groupColumns = groupColumnsOf(ranking.rows, language);
  const rows = ranking.rows.map((row): RankingRowView => {
    const groupsById = new Map(row.groups.map((group) => [group.id, group]));
    return {
      rank: row.rank,
      rankText: row.rank === null ? scoreText.unranked : formatRank(row.rank, row.of),
      unitCode: row.unit.code,
      unitName: row.unit.name,
      levelLabel: context.levelLabels[row.unit.level] ?? row.unit.level,
      total: row.hasData ? row.total : null,
      // A unit without activity is listed, not scored: no total to compare, no band.
      totalText: row.hasData ? formatTotal(row.total, locale) : scoreText.noData,
      band: row.hasData ? row.band : null,
      bandTone: bandTone(row.band.labelEn),
      groupTexts: groupColumns.map((column) => groupText(groupsById.get(column.id), locale, scoreText)),
      groupPoints: groupColumns.map((column) => {
        const group = groupsById.get(column.id);
        return group && group.status === 'ok' ? group.points : null;
      }),
      groupRanks: groupColumns.map((column) => groupsById.get(column.id)?.rank?.rank ?? null),
      groupRankTexts: groupColumns.map((column) => {
        const rank = groupsById.get(column.id)?.rank;
        return rank && rank.rank !== null ? formatRank(rank.rank, rank.of) : null;
      }),
      ...changeOf(row, locale),
      changed: context.changedUnitCodes.has(row.unit.code),
    };
  });
  const average = ranking.average;
  return {
    period: ranking.period,
    groupColumns,
    rows,
    average:
      rows.length === 0 || !average
        ? null
        : {
            totalText: average.total === null ? '—' : formatTotal(average.total, locale),
            groupTexts: groupColumns.map((column) => {
              const points = average.groups[column.id];
              return typeof points === 'number' ? formatGroupPoints(points, column.max, locale) : scoreText.notApplicable;
            }),
            count: average.count,
          },
  };
}

/** Units whose total differs between two fetches of the same ranking (new units count as changed). */
export function changedUnitCodes(previous: RankingDto | null, next: RankingDto): ReadonlySet<string> {
  if (!previous || previous.period !== next.period) return new Set();
  const previousTotals = new Map(previous.rows.map((row) => [row.unit.code, row.total]));
  return new Set(next.rows.filter((row) => previousTotals.get(row.unit.code) !== row.total).map((row) => row.unit.code));
}

/** Missing values (unranked, N/A, no previous period) sort last whatever the direction. */
function compareNullable(a: number | null, b: number | null, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return direction === 'asc' ? a - b : b - a;
}

function sortValue(row: RankingRowView, key: SortKey, columns: readonly GroupColumn[]): number | null {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'total':
      return row.total;
    case 'change':
      return row.change;
    case 'unit':
      return null;
    default: {
      // A group orders by its rank among the peers (ties share it), as the API ranks it.
      const index = columns.findIndex((column) => `group:${column.id}` === key);
      return index < 0 ? null : (row.groupRanks[index] ?? null);
    }
  }
}

/** Rows in the requested order; ties keep the server's (rank) order. */
export function sortRankingRows(view: RankingView, sort: RankingSort, locale: string): readonly RankingRowView[] {
  if (sort.key === DEFAULT_SORT.key && sort.direction === DEFAULT_SORT.direction) return view.rows;
  const collator = new Intl.Collator(locale);
  return view.rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const byKey =
        sort.key === 'unit'
          ? (sort.direction === 'asc' ? 1 : -1) * collator.compare(a.row.unitName, b.row.unitName)
          : compareNullable(sortValue(a.row, sort.key, view.groupColumns), sortValue(b.row, sort.key, view.groupColumns), sort.direction);
      return byKey !== 0 ? byKey : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The direction a first click on a column sorts: best first for scores, A→Z for names, 1→n for ranks (a group's too). */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'rank' || key === 'unit' || key.startsWith('group:') ? 'asc' : 'desc';
}

/** The group a sort key orders by, or null for the other columns. */
export function sortedGroupId(sort: RankingSort): string | null {
  return sort.key.startsWith('group:') ? sort.key.slice('group:'.length) : null;
}
