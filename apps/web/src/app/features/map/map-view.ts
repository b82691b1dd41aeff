import type { RankingDto, RankingRowDto, RegistryUnitDto } from '@idx/contracts';
import { type Band, parsePeriod, ruleSetInForce } from '@idx/domain';
import { formatTotal } from '../../core/format/number-format';
import { resolvedPeriodKey } from '../../core/time/period-key';
import { bandLegend, fillOf, type LegendEntry, NO_DATA_FILL, textColourOn } from './band-colours';
import { ISLAND_SHAPES, type MapShape, matchShapesToProvinces, scoredUnitOf } from './province-shapes';

/** One shape as drawn: its fill, what a tooltip and a screen reader say, and the unit a click opens. */
export interface ShapeView {
  readonly id: string;
  readonly path: string;
  readonly fill: string;
  /** The old province the shape is (null when the registry does not know it). */
  readonly provinceCode: string | null;
  /** The unit whose score colours it (the province itself, or its successor after 1 July 2025). */
  readonly scoredCode: string | null;
  readonly label: string;
}

export interface TileView {
  readonly code: string;
  readonly name: string;
  readonly fill: string;
  readonly textColour: string;
  readonly hasData: boolean;
  readonly totalText: string;
  readonly bandLabel: string | null;
}

export interface MapViewText {
  readonly noData: string;
  readonly unknownProvince: string;
  readonly shapeLabel: (name: string, figure: string, via: string | null) => string;
  /** The archipelagos' names (the package spells them without diacritics). */
  readonly islands: Readonly<Record<string, string>>;
}

/** The bands of the rule set in force at the start of the period (libs/domain). */
export function bandsOfPeriod(periodKey: string): readonly Band[] {
  return ruleSetInForce(parsePeriod(resolvedPeriodKey(periodKey)).start).bands;
}

export function legendOfPeriod(periodKey: string): LegendEntry[] {
  return bandLegend(bandsOfPeriod(periodKey));
}

/** "UBND tỉnh Hưng Yên" → "Hưng Yên"; "UBND phường Phố Hiến" → "Phường Phố Hiến": the name a map prints. */
export function shortName(name: string): string {
  const bare = name.replace(/^UBND\s+/, '');
  const province = /^(tỉnh|thành phố)\s+/i.exec(bare);
  if (province) return bare.slice(province[0].length);
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function figureOf(row: RankingRowDto, bands: readonly Band[], locale: string, language: 'vi' | 'en', noData: string): string {
  if (!row.hasData) return noData;
  const band = bands.find((b) => b.labelEn === row.band.labelEn);
  const label = language === 'vi' ? (band?.labelVi ?? row.band.labelVi) : (band?.labelEn ?? row.band.labelEn);
  return `${formatTotal(row.total, locale)} (${label})`;
}

export interface ShapesContext {
  readonly bands: readonly Band[];
  readonly locale: string;
  readonly language: 'vi' | 'en';
  readonly text: MapViewText;
}

/** Every shape with the colour of the unit that carries its score in this ranking. */
export function toShapeViews(
  shapes: readonly MapShape[],
  oldProvinces: readonly RegistryUnitDto[],
  ranking: RankingDto | null,
  context: ShapesContext,
): ShapeView[] {
  const { provinceOf } = matchShapesToProvinces(shapes, oldProvinces);
  const rows = new Map((ranking?.rows ?? []).map((row) => [row.unit.code, row]));
  const ranked = new Set(rows.keys());
  const successorOf = new Map(oldProvinces.map((p) => [p.code, p.successorCode]));
  const names = new Map(oldProvinces.map((p) => [p.code, p.name]));
  return shapes.map((shape) => {
    const provinceCode = provinceOf.get(shape.id) ?? null;
    const scoredCode = provinceCode ? scoredUnitOf(provinceCode, ranked, successorOf) : null;
    const row = scoredCode ? rows.get(scoredCode) : undefined;
    const name = provinceCode ? shortName(names.get(provinceCode) ?? shape.name) : shape.name;
    const figure = row ? figureOf(row, context.bands, context.locale, context.language, context.text.noData) : provinceCode ? context.text.noData : context.text.unknownProvince;
    const via = row && scoredCode !== provinceCode ? shortName(row.unit.name) : null;
    return {
      id: shape.id,
      path: shape.path,
      fill: fillOf(row, context.bands),
      provinceCode,
      scoredCode,
      label: context.text.shapeLabel(shape.id in ISLAND_SHAPES ? (context.text.islands[shape.id] ?? shape.name) : name, figure, via),
    };
  });
}

/** The communes of a province as grid tiles, in Vietnamese alphabetical order (easy to find one). */
export function toTiles(ranking: RankingDto, context: Omit<ShapesContext, 'text'> & { readonly noData: string }): TileView[] {
  const collator = new Intl.Collator(context.locale);
  return ranking.rows
    .map((row): TileView => {
      const fill = fillOf(row, context.bands);
      const band = context.bands.find((b) => b.labelEn === row.band.labelEn);
      return {
        code: row.unit.code,
        name: shortName(row.unit.name),
        fill,
        textColour: textColourOn(fill),
        hasData: row.hasData && fill !== NO_DATA_FILL,
        totalText: row.hasData ? formatTotal(row.total, context.locale) : context.noData,
        bandLabel: row.hasData && band ? (context.language === 'vi' ? band.labelVi : band.labelEn) : null,
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}
