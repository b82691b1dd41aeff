import type { RankingDto, RankingRowDto } from '@idx/contracts';
import { formatGroupPoints, formatTotal } from '../../core/format/number-format';
import type { Language } from '../../core/i18n/language';

export interface GroupColumn {
  readonly id: string;
  readonly label: string;
  readonly max: number;
}

/** Bands are configurable data; known ones get a colour, any other a neutral look. */
export type BandTone = 'excellent' | 'good' | 'fair' | 'average' | 'weak' | 'other';

export interface RankingRowView {
  readonly rank: number;
  readonly unitCode: string;
  readonly unitName: string;
  readonly levelLabel: string;
  readonly totalText: string;
  readonly bandLabel: string;
  readonly bandTone: BandTone;
  /** One text per column of `RankingView.groupColumns`, in that order. */
  readonly groupTexts: readonly string[];
  /** The total moved in the latest live refresh. */
  readonly changed: boolean;
}

export interface RankingView {
  readonly period: string;
  readonly groupColumns: readonly GroupColumn[];
  readonly rows: readonly RankingRowView[];
}

export interface RankingViewContext {
  readonly language: Language;
  readonly locale: string;
  readonly levelLabels: Readonly<Record<string, string>>;
  readonly changedUnitCodes: ReadonlySet<string>;
}

const KNOWN_TONES: ReadonlySet<string> = new Set<BandTone>(['excellent', 'good', 'fair', 'average', 'weak']);

function bandTone(labelEn: string): BandTone {
  const tone = labelEn.trim().toLowerCase();
  return KNOWN_TONES.has(tone) ? (tone as BandTone) : 'other';
}

/** Columns follow the first row's group order; rows are matched by group id, not position. */
function groupColumnsOf(rows: readonly RankingRowDto[], language: Language): GroupColumn[] {
  return (rows[0]?.groups ?? []).map((group) => ({
    id: group.id,
    label: language === 'vi' ? group.nameVi : group.nameEn,
    max: group.max,
  }));
}

export function toRankingView(ranking: RankingDto, context: RankingViewContext): RankingView {
  const { language, locale } = context;
  const groupColumns = groupColumnsOf(ranking.rows, language);
  const rows = ranking.rows.map((row): RankingRowView => {
    const groupsById = new Map(row.groups.map((group) => [group.id, group]));
    return {
      rank: row.rank,
      unitCode: row.unit.code,
      unitName: row.unit.name,
      levelLabel: context.levelLabels[row.unit.level] ?? row.unit.level,
      totalText: formatTotal(row.total, locale),
      bandLabel: language === 'vi' ? row.band.labelVi : row.band.labelEn,
      bandTone: bandTone(row.band.labelEn),
      groupTexts: groupColumns.map((column) => {
        const group = groupsById.get(column.id);
        return group ? formatGroupPoints(group.points, group.max, locale) : '—';
      }),
      changed: context.changedUnitCodes.has(row.unit.code),
    };
  });
  return { period: ranking.period, groupColumns, rows };
}

/** Units whose total differs between two fetches of the same period (new units count as changed). */
export function changedUnitCodes(previous: RankingDto | null, next: RankingDto): ReadonlySet<string> {
  if (!previous || previous.period !== next.period) return new Set();
  const previousTotals = new Map(previous.rows.map((row) => [row.unit.code, row.total]));
  return new Set(next.rows.filter((row) => previousTotals.get(row.unit.code) !== row.total).map((row) => row.unit.code));
}
