import type { UnitFacts } from './unit-facts';
import { unitStart } from './unit-facts';
import type { UnitTree } from './unit-tree';

/** A span of business time, [start, end) in epoch ms: a period. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

const overlaps = (u: UnitFacts, span: TimeSpan): boolean => unitStart(u) < span.end && (u.endedAt === undefined || u.endedAt > span.start);

/** Codes of the units whose parent is `code` (the tree's parent links are not dated: a move is a new unit). */
function childrenIndex(tree: UnitTree): Map<string, string[]> {
  const byParent = new Map<string, string[]>();
  for (const u of Object.values(tree)) {
    if (u.parentCode === undefined) continue;
    byParent.set(u.parentCode, [...(byParent.get(u.parentCode) ?? []), u.unitCode]);
  }
  for (const list of byParent.values()) list.sort();
  return byParent;
}

function predecessorIndex(tree: UnitTree): Map<string, string[]> {
  const bySuccessor = new Map<string, string[]>();
  for (const u of Object.values(tree)) {
    if (u.successorCode === undefined) continue;
    bySuccessor.set(u.successorCode, [...(bySuccessor.get(u.successorCode) ?? []), u.unitCode]);
  }
  for (const list of bySuccessor.values()) list.sort();
  return bySuccessor;
}

interface TreeIndexes {
  readonly children: Map<string, string[]>;
  readonly predecessors: Map<string, string[]>;
  /** Every instant a unit starts or ends, ascending, and every instant one starts (spanKey). */
  readonly bounds: readonly number[];
  readonly starts: readonly number[];
  /** Answers already given, by spanKey: the pools by unit, the owners index. */
  readonly pools: Map<string, Map<string, readonly string[]>>;
  readonly owners: Map<string, ReadonlyMap<string, readonly string[]>>;
}

const ascending = (values: Iterable<number>): number[] => [...new Set(values)].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);

/** How many of the ascending `values` are below `x` (or at most `x` when `orEqual`). */
function countBelow(values: readonly number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x || (orEqual && values[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A span's pools read the span only through, for each unit, `unitStart < end`, `endedAt > start`
 * and `unitStart > start`: two spans that fall between the same units' starts and ends answer the
 * same pools. The key says where they fall (undefined for a span that is not two numbers): a
 * province's months, quarters, half and year far from any reform share one answer.
 */
function spanKey({ bounds, starts }: TreeIndexes, span: TimeSpan): string | undefined {
  if (Number.isNaN(span.start) || Number.isNaN(span.end)) return undefined;
  return `${countBelow(bounds, span.start, true)} ${countBelow(starts, span.end, false)}`;
}

// A tree is an immutable value (folds answer fresh objects): its indexes are built once per tree,
// so a projector finishing many unit-periods against one tree does not rescan it for each.
const indexes = new WeakMap<UnitTree, TreeIndexes>();

function indexesOf(tree: UnitTree): TreeIndexes {
  let found = indexes.get(tree);
  if (!found) {
    const units = Object.values(tree);
    found = {
      children: childrenIndex(tree), predecessors: predecessorIndex(tree),
      bounds: ascending(units.flatMap((u) => (u.endedAt === undefined ? [unitStart(u)] : [unitStart(u), u.endedAt]))),
      starts: ascending(units.map(unitStart)),
      pools: new Map(), owners: new Map(),
    };
    indexes.set(tree, found);
  }
  return found;
}

/**
 * The units whose figures pool into `code`'s score for a period, in business time (DOMAIN.md §5, §6):
 * - `code` itself and every unit below it that existed at any time during the period (a department
 *   merged away on 1 March still brings January and February into its province's Q1);
 * - when `code` did not yet exist at the period's start, the units it succeeds (successor links) and
 *   their own pools for the same period, so the part of the period before it existed is carried by
 *   the units that existed then (HY25's 2025 = its own H2 + old Hưng Yên's and Thái Bình's H1).
 * A unit that existed for the whole period is scored on its own history only: what a unit merged
 * into it did before the merger stays with the merged unit (and with their common ancestors).
 * Each unit's own figures only hold what happened while it existed, so nothing is counted twice.
 * `code` first, then the others in discovery order; just `code` for a unit that did not exist in
 * the period (history is shown in the structure of its time); empty for an unknown unit.
 */
export function poolMembersDuring(tree: UnitTree, code: string, span: TimeSpan): readonly string[] {
  const found = indexesOf(tree);
  const key = spanKey(found, span);
  if (key === undefined) return poolMembersWalked(tree, found, code, span);
  let pools = found.pools.get(key);
  if (!pools) found.pools.set(key, (pools = new Map()));
  let pool = pools.get(code);
  if (!pool) pools.set(code, (pool = Object.freeze(poolMembersWalked(tree, found, code, span))));
  return pool;
}

function poolMembersWalked(tree: UnitTree, { children, predecessors }: TreeIndexes, code: string, span: TimeSpan): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string): void => {
    const u = tree[root];
    if (u === undefined || seen.has(root) || !overlaps(u, span)) return;
    const queue = [root];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      const n = tree[next];
      if (seen.has(next) || n === undefined || !overlaps(n, span)) continue;
      seen.add(next); // a bad parent or successor cycle must not loop
      out.push(next);
      queue.push(...(children.get(next) ?? []));
    }
    if (unitStart(u) > span.start) for (const p of predecessors.get(root) ?? []) visit(p);
  };
  const own = tree[code];
  if (own === undefined) return [];
  // A unit that did not exist in the period has nothing of its own there, nor anything to carry.
  if (!overlaps(own, span)) return [code];
  visit(code);
  return out;
}

/**
 * The inverse of poolMembersDuring: every unit whose pool for the period holds `member` (itself,
 * its ancestors, and the successors that carry them). When `member`'s figures change, these are the
 * finished scores to recompute. Candidates are walked along parent and successor links, then kept
 * only if their pool really holds the member, so the two functions cannot disagree.
 */
export function poolOwnersDuring(tree: UnitTree, member: string, span: TimeSpan): string[] {
  const candidates = new Set<string>();
  const queue = [member];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (candidates.has(next) || tree[next] === undefined) continue;
    candidates.add(next);
    const u = tree[next];
    if (u.parentCode !== undefined) queue.push(u.parentCode);
    if (u.successorCode !== undefined) queue.push(u.successorCode);
  }
  return [...candidates].filter((c) => c === member || poolMembersDuring(tree, c, span).includes(member));
}

/**
 * poolOwnersDuring for every unit at once: member → the units whose pool for the period holds it.
 * One pass over every unit's pool (cheaper than asking member by member when many moved).
 */
export function poolOwnersIndex(tree: UnitTree, span: TimeSpan): ReadonlyMap<string, readonly string[]> {
  const found = indexesOf(tree);
  const key = spanKey(found, span);
  const known = key === undefined ? undefined : found.owners.get(key);
  if (known) return known;
  const owners = new Map<string, string[]>();
  for (const code of Object.keys(tree).sort()) {
    for (const member of poolMembersDuring(tree, code, span)) {
      const list = owners.get(member);
      if (list) list.push(code);
      else owners.set(member, [code]);
    }
  }
  if (key !== undefined) found.owners.set(key, owners);
  return owners;
}
