import type { Band } from '@idx/domain';

/**
 * How the map and the commune grid colour a unit: by the band of its total (the rule set's bands,
 * libs/domain: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below), the band the API
 * already decided for the row, so a colour never disagrees with the table's label. A unit without
 * activity ("Chưa có dữ liệu") is a neutral grey that no band uses, never the colour of a low score.
 */

/** Highest band first (ColorBrewer RdYlGn, 5 classes; readable for the common colour deficiencies with the legend's labels). */
export const BAND_FILLS: readonly string[] = ['#1a9850', '#91cf60', '#fee08b', '#fc8d59', '#d73027'];
export const NO_DATA_FILL = '#c4c9d0';

/** Text drawn on a fill: white on the dark ends of the scale, dark elsewhere. */
const DARK_FILLS: ReadonlySet<string> = new Set(['#1a9850', '#d73027']);

export function textColourOn(fill: string): string {
  return DARK_FILLS.has(fill) ? '#ffffff' : '#1f2933';
}

/** The fill of the `index`-th band from the top; a rule set with more bands than colours reuses the lowest. */
export function bandFill(index: number): string {
  return BAND_FILLS[Math.min(Math.max(index, 0), BAND_FILLS.length - 1)];
}

/** A scored row as the ranking API answers it (only what colouring needs). */
export interface ColourableRow {
  readonly hasData: boolean;
  readonly band: { readonly labelVi: string; readonly labelEn: string };
}

/** The fill of a unit: its band's colour, or the no-data grey (no row, no activity, or a band the rule set does not name). */
export function fillOf(row: ColourableRow | null | undefined, bands: readonly Band[]): string {
  if (!row || !row.hasData) return NO_DATA_FILL;
  const index = bands.findIndex((band) => band.labelEn === row.band.labelEn);
  return index < 0 ? NO_DATA_FILL : bandFill(index);
}

export interface LegendEntry {
  readonly fill: string;
  readonly labelVi: string;
  readonly labelEn: string;
  /** Inclusive lower bound, null for the lowest band (open below). */
  readonly min: number | null;
  /** Exclusive upper bound, null for the highest band. */
  readonly below: number | null;
}

/** One legend entry per band, highest first, with its range of totals. */
export function bandLegend(bands: readonly Band[]): LegendEntry[] {
  return bands.map((band, index) => ({
    fill: bandFill(index),
    labelVi: band.labelVi,
    labelEn: band.labelEn,
    min: Number.isFinite(band.min) ? band.min : null,
    below: index === 0 ? null : bands[index - 1].min,
  }));
}
