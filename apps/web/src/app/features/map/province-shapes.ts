import { foldVietnamese } from '@idx/domain';

/**
 * Which province each shape of the boundary map (@svg-maps/vietnam 2.0.0, CC BY 4.0: the 63
 * provinces as they stood before 1 July 2025, plus the Hoàng Sa and Trường Sa archipelagos) is,
 * matched by name against the unit registry, and whose score colours it. Pure: no Angular, so the
 * matching is unit-tested against the country's real list (__tests__/province-shapes.spec.ts).
 */

/** One shape of the map package: `{ id: 'angiang', name: 'An Giang', path: 'm 154.57,…' }`. */
export interface MapShape {
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

/** A province as the registry answers it (GET /api/v1/units): code, name, the unit it merged into. */
export interface ProvinceRef {
  readonly code: string;
  readonly name: string;
  readonly successorCode?: string;
}

/** The archipelagos are drawn as their own shapes; they belong to a province (Đà Nẵng, Khánh Hòa). */
export const ISLAND_SHAPES: Readonly<Record<string, string>> = { hoangsa: 'danang', truongsa: 'khanhhoa' };

/**
 * Names the package and the registry spell differently, as folded keys: the package's
 * "Thua Thien-Hue" is the registry's "Thừa Thiên Huế" (before 2025) or "Thành phố Huế" (the GSO list
 * of January 2025) — one key for all of them.
 */
const KEY_ALIASES: Readonly<Record<string, string>> = { 'thua thien hue': 'hue' };

/** "UBND tỉnh Bà Rịa - Vũng Tàu", "Ba Ria–Vung Tau" → "ba ria vung tau": no authority, division word, diacritics or punctuation. */
export function provinceKey(name: string): string {
  const bare = foldVietnamese(name)
    .replace(/^ubnd /, '')
    .replace(/^(tinh|thanh pho|tp) /, '');
  return KEY_ALIASES[bare] ?? bare;
}

export interface ShapeMatch {
  /** Shape id → province code (islands → the code of the province they belong to). */
  readonly provinceOf: ReadonlyMap<string, string>;
  /** Shapes no province matched (a province the registry does not know yet: it stays grey). */
  readonly unmatched: readonly string[];
}

/** Matches every shape to the province of the same name (the first one, when two share a name). */
export function matchShapesToProvinces(shapes: readonly MapShape[], provinces: readonly ProvinceRef[]): ShapeMatch {
  const byKey = new Map<string, string>();
  for (const province of provinces) {
    const key = provinceKey(province.name);
    if (!byKey.has(key)) byKey.set(key, province.code);
  }
  const namesById = new Map(shapes.map((shape) => [shape.id, shape.name]));
  const provinceOf = new Map<string, string>();
  const unmatched: string[] = [];
  for (const shape of shapes) {
    const owner = ISLAND_SHAPES[shape.id];
    const name = owner ? namesById.get(owner) : shape.name;
    const code = name === undefined ? undefined : byKey.get(provinceKey(name));
    if (code) provinceOf.set(shape.id, code);
    else unmatched.push(shape.id);
  }
  return { provinceOf, unmatched };
}

/** The chain of successors is short (one reform); a cycle in bad data must not hang the page. */
const MAX_SUCCESSOR_STEPS = 8;

/**
 * The unit whose score a province's shape shows: itself when it is in the ranking (a period before
 * the reform), else the first successor that is (the province it was merged into on 1 July 2025);
 * null when none is.
 */
export function scoredUnitOf(
  provinceCode: string,
  ranked: ReadonlySet<string>,
  successorOf: ReadonlyMap<string, string | undefined>,
): string | null {
  let code: string | undefined = provinceCode;
  for (let step = 0; code !== undefined && step <= MAX_SUCCESSOR_STEPS; step++) {
    if (ranked.has(code)) return code;
    code = successorOf.get(code);
  }
  return null;
}
