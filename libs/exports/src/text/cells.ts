import type { CriterionScoreDto } from '@idx/contracts';
import { DISPLAY_TEXT_VI, formatNumberVi, roundHalfUp } from '@idx/domain';

/**
 * One value of an export, before it becomes a spreadsheet cell, a CSV field or PDF text.
 * Numbers stay numbers (rounded for display); the words of DOMAIN.md §4 stay words, so N/A,
 * "no fee-bearing procedures" and "no data" never turn into 0.
 */
export type ExportCell =
  | { readonly kind: 'rate'; readonly ratio: number }
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'score'; readonly value: number }
  | { readonly kind: 'rank'; readonly rank: number; readonly of: number }
  /** "x/y": a count out of a count (criterion 15: units that issued an e-certified copy / units competent to certify). */
  | { readonly kind: 'fraction'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'text'; readonly text: string; readonly why?: 'no-data' | 'not-applicable' | 'no-fee-bearing-procedures' };

export const noData = (): ExportCell => ({ kind: 'text', text: DISPLAY_TEXT_VI.noData, why: 'no-data' });
export const text = (value: string): ExportCell => ({ kind: 'text', text: value });

/** Decimals shown for rates (as percentages) and totals: the rule set's, 2 in qd766-2022. */
export interface CellDecimals {
  readonly rate: number;
  readonly total: number;
}

function notApplicable(c: CriterionScoreDto): ExportCell {
  return c.flags.includes('no-fee-bearing-procedures')
    ? { kind: 'text', text: DISPLAY_TEXT_VI.noFeeProcedures, why: 'no-fee-bearing-procedures' }
    : { kind: 'text', text: DISPLAY_TEXT_VI.notApplicable, why: 'not-applicable' };
}

/** A criterion's ratio: the rate, N/A, "TTHC không có phí, lệ phí" or "Chưa có dữ liệu" (never 0 for missing data). */
export function criterionRateCell(c: CriterionScoreDto | undefined): ExportCell {
  if (!c) return noData();
  if (c.status === 'not-applicable') return notApplicable(c);
  if (c.status === 'no-data' || c.ratio === null) return noData();
  return { kind: 'rate', ratio: c.ratio };
}

/** Denominator − numerator of a criterion (criterion 5: dossiers not on time, i.e. overdue). */
export function criterionShortfallCell(c: CriterionScoreDto | undefined): ExportCell {
  if (!c) return noData();
  if (c.status === 'not-applicable') return notApplicable(c);
  if (c.status === 'no-data' || c.denominator === 0) return noData();
  return { kind: 'count', value: Math.max(0, c.denominator - c.numerator) };
}

/**
 * A criterion's numerator out of its denominator, "x/y" (criterion 15: units that issued at least one
 * electronic certified copy / units competent to certify): a province prints "171/171", a commune "1/1".
 */
export function criterionFractionCell(c: CriterionScoreDto | undefined): ExportCell {
  if (!c) return noData();
  if (c.status === 'not-applicable') return notApplicable(c);
  if (c.status === 'no-data') return noData();
  // Criterion 15 scored as the portal does (full points) still counts competent units: none = N/A.
  if (c.denominator === 0) return notApplicable(c);
  return { kind: 'fraction', numerator: c.numerator, denominator: c.denominator };
}

/** The value a number cell stores: rounded half-up as displayed, so the file never disagrees with the letter. */
export function storedNumber(cell: ExportCell, decimals: CellDecimals): number | undefined {
  switch (cell.kind) {
    case 'rate':
      // Rounded as a ratio to the percentage's decimals + 2: 0.98225 → 0.9823 exactly (not 98.23 / 100).
      return roundHalfUp(cell.ratio, decimals.rate + 2);
    case 'score':
      return roundHalfUp(cell.value, decimals.total);
    case 'count':
      return cell.value;
    case 'rank':
      return cell.rank;
    case 'fraction':
    case 'text':
      // "171/171" stays text: a spreadsheet would read it as a date or a division.
      return undefined;
  }
}

/**
 * Vietnamese text of a cell: decimal comma ("98,25"), rates without the % sign (headers say "(%)").
 * `grouping` puts dots between thousands (for people; off in CSV so "1.234" cannot read as a decimal).
 */
export function cellText(cell: ExportCell, decimals: CellDecimals, options: { readonly grouping?: boolean; readonly percentSign?: boolean } = {}): string {
  const grouping = options.grouping ?? true;
  switch (cell.kind) {
    case 'rate':
      return `${formatNumberVi(cell.ratio * 100, decimals.rate, { grouping })}${options.percentSign ? '%' : ''}`;
    case 'score':
      return formatNumberVi(cell.value, decimals.total, { grouping });
    case 'count':
      return formatNumberVi(cell.value, 0, { grouping });
    case 'rank':
      return String(cell.rank);
    case 'fraction':
      return `${formatNumberVi(cell.numerator, 0, { grouping })}/${formatNumberVi(cell.denominator, 0, { grouping })}`;
    case 'text':
      return cell.text;
  }
}
