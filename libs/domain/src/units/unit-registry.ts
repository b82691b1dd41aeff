import type { UnitLevel } from '../events/unit-events';
import { valueAt } from '../time/dated-value';
import { type LocalDate, localDateOf, startOfLocalDate } from '../time/local-date';
import { canonicalNationalCode } from './national-codes';
import { isUnitValidAt, type UnitFacts, unitStart } from './unit-facts';
import type { UnitTree } from './unit-tree';

/**
 * The unit registry's search (GET /api/v1/units): by name with or without diacritics, by level,
 * parent and as-of date, paged with a total. Pure over the dated tree; the per-tree name index is
 * cached, so a search over the whole country is one pass over ~15,000 short strings.
 */

export interface UnitSearch {
  /** Part of a name ("Hung Yen" finds "Hưng Yên"), a unit code or a national code. */
  readonly q?: string;
  readonly level?: UnitLevel;
  /** Only the units whose parent (at `asOf`, else their registered parent) is this unit. */
  readonly parent?: string;
  /** Only units valid on this date, named as they were then; absent: every unit ever, with its latest name. */
  readonly asOf?: LocalDate;
  readonly limit: number;
  readonly offset: number;
}

/** One unit as the registry shows it. Dates are local (Asia/Ho_Chi_Minh) YYYY-MM-DD; `validTo` is exclusive. */
export interface RegistryUnit {
  readonly code: string;
  readonly name: string;
  readonly level?: UnitLevel;
  readonly parentCode?: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  readonly endReason?: 'merged' | 'dissolved';
  readonly successorCode?: string;
  readonly predecessorCodes: readonly string[];
  readonly nationalCodes: readonly string[];
}

export interface UnitSearchPage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly RegistryUnit[];
}

/** Lower case, no diacritics (đ → d), single spaces: how names are compared. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LEVEL_ORDER: Readonly<Record<UnitLevel, number>> = { province: 0, department: 1, district: 2, commune: 3 };

interface Entry {
  readonly unit: UnitFacts;
  /** Every name the unit ever had, folded, each with a leading space. */
  readonly folded: readonly string[];
  readonly codes: readonly string[];
}

interface Index {
  /** Every unit, in level order then code order. */
  readonly entries: readonly Entry[];
  /** Unit code → the units that merged or dissolved into it. */
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
}

const indexes = new WeakMap<UnitTree, Index>();

function indexOf(tree: UnitTree): Index {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const predecessors = new Map<string, string[]>();
  for (const u of Object.values(tree)) {
    if (u.successorCode === undefined) continue;
    predecessors.set(u.successorCode, [...(predecessors.get(u.successorCode) ?? []), u.unitCode]);
  }
  for (const list of predecessors.values()) list.sort();
  const entries = Object.values(tree)
    .map((unit) => ({
      unit,
      folded: unit.names.map((n) => ` ${foldVietnamese(n.value)}`),
      codes: [unit.unitCode.toUpperCase(), ...(unit.nationalCodes ?? []).map(canonicalNationalCode)],
    }))
    .sort((a, b) => (LEVEL_ORDER[a.unit.level ?? 'commune'] - LEVEL_ORDER[b.unit.level ?? 'commune']) || (a.unit.unitCode < b.unit.unitCode ? -1 : 1));
  const built = { entries, predecessors };
  indexes.set(tree, built);
  return built;
}

/** A unit as the registry shows it, named as at `at` (or with its last name). */
export function registryUnit(tree: UnitTree, unit: UnitFacts, at?: number): RegistryUnit {
  const t = at ?? (unit.endedAt === undefined ? Number.POSITIVE_INFINITY : unit.endedAt - 1);
  return {
    code: unit.unitCode,
    name: valueAt(unit.names, t, unit.names[0]?.value ?? unit.unitCode),
    ...(unit.level === undefined ? {} : { level: unit.level }),
    ...(unit.parentCode === undefined ? {} : { parentCode: unit.parentCode }),
    validFrom: localDateOf(unitStart(unit)),
    ...(unit.endedAt === undefined ? {} : { validTo: localDateOf(unit.endedAt) }),
    ...(unit.endReason === undefined ? {} : { endReason: unit.endReason }),
    ...(unit.successorCode === undefined ? {} : { successorCode: unit.successorCode }),
    predecessorCodes: indexOf(tree).predecessors.get(unit.unitCode) ?? [],
    nationalCodes: unit.nationalCodes ?? [],
  };
}

/** How well an entry matches the query: 0 = its code, 1 = a word of a name starting with it, 2 = a name containing it; undefined = no match. */
function rank(entry: Entry, folded: string, upper: string): number | undefined {
  if (entry.codes.includes(upper)) return 0;
  if (folded === '') return undefined; // only punctuation: nothing to look for in names
  // Names are kept with a leading space, so " query" found means a word starts with the query.
  const wordStart = ` ${folded}`;
  let best: number | undefined;
  for (const name of entry.folded) {
    if (name.includes(wordStart)) return 1;
    if (best === undefined && name.includes(folded)) best = 2;
  }
  return best;
}

export function searchUnits(tree: UnitTree, search: UnitSearch): UnitSearchPage {
  const at = search.asOf === undefined ? undefined : startOfLocalDate(search.asOf);
  const folded = search.q === undefined ? undefined : foldVietnamese(search.q);
  const upper = search.q === undefined ? '' : canonicalNationalCode(search.q);
  const hits: { entry: Entry; score: number }[] = [];
  for (const entry of indexOf(tree).entries) {
    const u = entry.unit;
    if (search.level !== undefined && u.level !== search.level) continue;
    if (search.parent !== undefined && u.parentCode !== search.parent) continue;
    if (at !== undefined && !isUnitValidAt(u, at)) continue;
    const score = folded === undefined ? 1 : rank(entry, folded, upper);
    if (score === undefined) continue;
    hits.push({ entry, score });
  }
  // Stable: same score keeps level order, then code order.
  hits.sort((a, b) => a.score - b.score);
  const page = hits.slice(search.offset, search.offset + search.limit);
  return { total: hits.length, limit: search.limit, offset: search.offset, items: page.map((h) => registryUnit(tree, h.entry.unit, at)) };
}

/** One unit by its code, as at `asOf` (undefined when it did not exist then) or with its last name. */
export function findRegistryUnit(tree: UnitTree, code: string, asOf?: LocalDate): RegistryUnit | undefined {
  const unit = Object.prototype.hasOwnProperty.call(tree, code) ? tree[code] : undefined;
  if (!unit) return undefined;
  const at = asOf === undefined ? undefined : startOfLocalDate(asOf);
  if (at !== undefined && !isUnitValidAt(unit, at)) return undefined;
  return registryUnit(tree, unit, at);
}
