import type { DomainEvent } from '../events/domain-event';
import type { UnitLevel } from '../events/unit-events';
import { valueAt } from '../time/dated-value';
import { type LocalDate, startOfLocalDate } from '../time/local-date';
import { evolveUnit, type UnitStreamEvent } from './evolve-unit';
import { isUnitValidAt, type UnitFacts, unitStart } from './unit-facts';

/** Every unit's facts by code: the dated administrative tree. Plain JSON. */
export type UnitTree = Readonly<Record<string, UnitFacts>>;

/** A unit as it stood at one date. */
export interface UnitSnapshot {
  readonly code: string;
  readonly name: string;
  readonly level?: UnitLevel;
  readonly parentCode?: string;
  readonly validFrom: number;
  readonly validTo?: number;
  readonly successorCode?: string;
  readonly nationalCodes?: readonly string[];
}

/** A point in business time: an instant (epoch ms) or a local date (its start). */
export type TreeDate = number | LocalDate;

const instantOf = (at: TreeDate): number => (typeof at === 'number' ? at : startOfLocalDate(at));

const isUnitStreamEvent = (e: DomainEvent): e is UnitStreamEvent => e.type.startsWith('unit.') || e.type === 'certified-copy.issued';

/** Folds one event into the tree; events about other subjects leave it as it is. */
export function evolveUnitTree(tree: UnitTree, event: DomainEvent): UnitTree {
  if (!isUnitStreamEvent(event)) return tree;
  return { ...tree, [event.unitCode]: evolveUnit(tree[event.unitCode], event) };
}

export function foldUnitTree(events: Iterable<DomainEvent>, tree: UnitTree = {}): UnitTree {
  let t = tree;
  for (const e of events) {
    if (!isUnitStreamEvent(e)) continue;
    // Mutating a private copy keeps a big seed fold linear; the result is still a fresh object.
    if (t === tree) t = { ...tree };
    (t as Record<string, UnitFacts>)[e.unitCode] = evolveUnit(t[e.unitCode], e);
  }
  return t;
}

function snapshot(u: UnitFacts, t: number): UnitSnapshot {
  return {
    code: u.unitCode,
    name: valueAt(u.names, t, u.names[0]?.value ?? u.unitCode),
    ...(u.level === undefined ? {} : { level: u.level }),
    ...(u.parentCode === undefined ? {} : { parentCode: u.parentCode }),
    validFrom: unitStart(u),
    ...(u.endedAt === undefined ? {} : { validTo: u.endedAt }),
    ...(u.successorCode === undefined ? {} : { successorCode: u.successorCode }),
    ...(u.nationalCodes === undefined ? {} : { nationalCodes: u.nationalCodes }),
  };
}

/** The unit as it stood at `at`, or undefined when it did not exist then. */
export function unitAt(tree: UnitTree, code: string, at: TreeDate): UnitSnapshot | undefined {
  const u = tree[code];
  const t = instantOf(at);
  return u && isUnitValidAt(u, t) ? snapshot(u, t) : undefined;
}

/** The unit's name at `at`, or at its last valid instant when it no longer exists (history shows old names). */
export function unitNameAt(tree: UnitTree, code: string, at: TreeDate): string | undefined {
  const u = tree[code];
  if (!u) return undefined;
  const t = Math.min(instantOf(at), (u.endedAt ?? Number.POSITIVE_INFINITY) - 1);
  return valueAt(u.names, t, u.names[0]?.value ?? code);
}

const LEVEL_ORDER: Readonly<Record<UnitLevel, number>> = { province: 0, department: 1, district: 2, commune: 3 };

/** The tree valid at `at`: every unit that existed then, provinces first. */
export function treeAt(tree: UnitTree, at: TreeDate): UnitSnapshot[] {
  const t = instantOf(at);
  return Object.values(tree)
    .filter((u) => isUnitValidAt(u, t))
    .map((u) => snapshot(u, t))
    .sort((a, b) => (LEVEL_ORDER[a.level ?? 'commune'] - LEVEL_ORDER[b.level ?? 'commune']) || a.code.localeCompare(b.code));
}

export function childrenAt(tree: UnitTree, code: string, at: TreeDate): UnitSnapshot[] {
  return treeAt(tree, at).filter((u) => u.parentCode === code);
}

/** Codes of every unit below `code` at `at` (not `code` itself), parents before children. */
export function descendantsAt(tree: UnitTree, code: string, at: TreeDate): string[] {
  const valid = treeAt(tree, at);
  const byParent = new Map<string, string[]>();
  for (const u of valid) {
    if (u.parentCode === undefined) continue;
    byParent.set(u.parentCode, [...(byParent.get(u.parentCode) ?? []), u.code]);
  }
  const out: string[] = [];
  const seen = new Set<string>([code]);
  const queue = [...(byParent.get(code) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue; // a bad parent link must not loop
    seen.add(next);
    out.push(next);
    queue.push(...(byParent.get(next) ?? []));
  }
  return out;
}

/** The units whose figures pool into `code`'s score at `at` (DOMAIN.md §5): itself and all descendants. */
export function poolMembersAt(tree: UnitTree, code: string, at: TreeDate): string[] {
  return [code, ...descendantsAt(tree, code, at)];
}

/** Ancestors of `code` at `at`, nearest first. */
export function ancestorsAt(tree: UnitTree, code: string, at: TreeDate): UnitSnapshot[] {
  const out: UnitSnapshot[] = [];
  const seen = new Set<string>([code]);
  let parent = unitAt(tree, code, at)?.parentCode;
  while (parent !== undefined && !seen.has(parent)) {
    seen.add(parent);
    const p = unitAt(tree, parent, at);
    if (!p) break;
    out.push(p);
    parent = p.parentCode;
  }
  return out;
}

/** The province a unit belongs to at `at` (itself for a province). */
export function provinceOf(tree: UnitTree, code: string, at: TreeDate): string | undefined {
  const self = unitAt(tree, code, at);
  if (!self) return undefined;
  if (self.level === 'province') return self.code;
  return ancestorsAt(tree, code, at).find((a) => a.level === 'province')?.code;
}

/**
 * The successors of a unit, in order (old → new): e.g. a department merged in March 2025 whose
 * successor merged again in July. Comparisons across a reform go through this list, explicitly.
 */
export function successorChain(tree: UnitTree, code: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>([code]);
  let next = tree[code]?.successorCode;
  while (next !== undefined && !seen.has(next)) {
    chain.push(next);
    seen.add(next);
    next = tree[next]?.successorCode;
  }
  return chain;
}

/** The unit that carries `code`'s history at `at`: itself while valid, else the first valid successor. */
export function successorAt(tree: UnitTree, code: string, at: TreeDate): string | undefined {
  const t = instantOf(at);
  return [code, ...successorChain(tree, code)].find((c) => tree[c] !== undefined && isUnitValidAt(tree[c], t));
}

/** Units that merged or dissolved into `code` (its predecessors, one step back). */
export function predecessorsOf(tree: UnitTree, code: string): string[] {
  return Object.values(tree).filter((u) => u.successorCode === code).map((u) => u.unitCode).sort();
}
