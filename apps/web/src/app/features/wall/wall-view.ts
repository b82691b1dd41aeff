import type { RankingDto } from '@idx/contracts';
import { formatRank, formatTotal, formatTotalChange, roundHalfUp } from '../../core/format/number-format';
import { type BandTone, bandTone } from '../../shared/band/band-badge.component';

/** One line of the wall: what a room reads from across the table. */
export interface WallRow {
  readonly code: string;
  readonly name: string;
  readonly rankText: string;
  readonly totalText: string;
  readonly band: { readonly labelVi: string; readonly labelEn: string } | null;
  readonly bandTone: BandTone;
  readonly changeText: string;
  readonly changeTone: 'up' | 'down' | 'same' | 'unknown';
  /** The total moved in the latest live refresh: the row flashes. */
  readonly changed: boolean;
}

export interface WallRowText {
  readonly noData: string;
  readonly unranked: string;
}

/** "UBND tỉnh Hưng Yên" → "Hưng Yên": the wall has no room for the authority's title. */
export function wallName(name: string): string {
  return name.replace(/^UBND\s+/, '').replace(/^(tỉnh|thành phố)\s+/i, '');
}

export function toWallRows(ranking: RankingDto, changed: ReadonlySet<string>, locale: string, text: WallRowText): WallRow[] {
  return ranking.rows.map((row) => {
    const previous = row.hasData && row.previousTotal !== null && row.previousTotal !== undefined ? row.previousTotal : null;
    // The change a reader can check from the two printed totals (as the ranking table computes it).
    const change = previous === null ? null : roundHalfUp(roundHalfUp(row.total, 2) - roundHalfUp(previous, 2), 2);
    return {
      code: row.unit.code,
      name: wallName(row.unit.name),
      rankText: row.rank === null ? text.unranked : formatRank(row.rank, row.of),
      totalText: row.hasData ? formatTotal(row.total, locale) : text.noData,
      band: row.hasData ? row.band : null,
      bandTone: bandTone(row.band.labelEn),
      changeText: change === null ? '—' : formatTotalChange(change, locale),
      changeTone: change === null ? 'unknown' : change > 0 ? 'up' : change < 0 ? 'down' : 'same',
      changed: changed.has(row.unit.code),
    };
  });
}

/** Units whose total differs between two fetches of the same ranking. */
export function movedUnits(previous: RankingDto | null, next: RankingDto): ReadonlySet<string> {
  if (!previous || previous.period !== next.period) return new Set();
  const before = new Map(previous.rows.map((row) => [row.unit.code, row.total]));
  return new Set(next.rows.filter((row) => before.has(row.unit.code) && before.get(row.unit.code) !== row.total).map((row) => row.unit.code));
}

/** The newest event reflected in a ranking (its rows' `updatedAt`): the time the figures are "as of". */
export function dataTimeOf(ranking: RankingDto): string | null {
  let newest: string | null = null;
  for (const row of ranking.rows) if (row.updatedAt && (newest === null || row.updatedAt > newest)) newest = row.updatedAt;
  return newest;
}
