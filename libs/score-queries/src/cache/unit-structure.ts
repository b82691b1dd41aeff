import { peerGroupOf, unitAt, unitStart, type UnitSnapshot, type UnitTree } from '@idx/domain';

/**
 * The unit tree as it stood at one instant, indexed for reads: each valid unit's snapshot and peer
 * group (the domain's peerGroupOf, asked once per unit), the members of each peer group, and the
 * units a ranking lists. Built once per tree shape and stretch of time in which nothing in the tree
 * starts, ends or is renamed, so a request looks its peers up instead of walking the tree per unit.
 */
export class UnitStructure {
  private readonly snapshots = new Map<string, UnitSnapshot>();
  private readonly groups = new Map<string, string>();
  private readonly members = new Map<string, string[]>();
  private readonly scopes = new Map<string, readonly string[]>();

  constructor(tree: UnitTree, readonly at: number) {
    for (const code of Object.keys(tree).sort()) {
      const unit = unitAt(tree, code, at);
      if (!unit) continue;
      this.snapshots.set(code, unit);
      const group = peerGroupOf(tree, code, at);
      if (group === undefined) continue;
      this.groups.set(code, group);
      const list = this.members.get(group);
      if (list) list.push(code);
      else this.members.set(group, [code]);
    }
  }

  /** The unit as it stood at the instant, or undefined when it did not exist then. */
  unit(code: string): UnitSnapshot | undefined {
    return this.snapshots.get(code);
  }

  peerGroupOf(code: string): string | undefined {
    return this.groups.get(code);
  }

  /** Every unit of a peer group (code order). */
  peersIn(group: string | undefined): readonly string[] {
    return group === undefined ? [] : this.members.get(group) ?? [];
  }

  /** The units a ranking of `level` lists: all of them, or those directly under `parent` or in its peer groups. */
  unitsOf(level: string, parent?: string): readonly string[] {
    const key = `${level}|${parent ?? ''}`;
    let found = this.scopes.get(key);
    if (!found) {
      found = [...this.snapshots.values()]
        .filter((u) => u.level === level)
        .filter((u) => !parent || u.parentCode === parent || (this.groups.get(u.code) ?? '').startsWith(`${parent}/`))
        .map((u) => u.code);
      this.scopes.set(key, found);
    }
    return found;
  }
}

interface ShapeIndex {
  /** Every instant at which a unit starts, ends or changes name, ascending: between two, the structure holds. */
  readonly instants: readonly number[];
  readonly byStretch: Map<number, UnitStructure>;
}

const MAX_STRETCHES_KEPT = 32;
const indexes = new WeakMap<object, ShapeIndex>();

function instantsOf(tree: UnitTree): number[] {
  const all = new Set<number>();
  for (const u of Object.values(tree)) {
    all.add(unitStart(u));
    if (u.endedAt !== undefined) all.add(u.endedAt);
    for (const n of u.names) all.add(n.at);
  }
  return [...all].sort((a, b) => a - b);
}

/** How many of the ascending `instants` are at or before `at`. */
function stretchOf(instants: readonly number[], at: number): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instants[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The structure at `at`, shared by every request that asks for the same tree shape (`shape`, the
 * tree itself by default: an as-of replay's tree is its own) in the same stretch of time — the open
 * month's "now" moves every request, the structure only when a unit event takes effect.
 */
export function structureAt(tree: UnitTree, at: number, shape: object = tree): UnitStructure {
  let index = indexes.get(shape);
  if (!index) {
    index = { instants: instantsOf(tree), byStretch: new Map() };
    indexes.set(shape, index);
  }
  const stretch = stretchOf(index.instants, at);
  let found = index.byStretch.get(stretch);
  if (!found) {
    if (index.byStretch.size >= MAX_STRETCHES_KEPT) index.byStretch.clear();
    found = new UnitStructure(tree, at);
    index.byStretch.set(stretch, found);
  }
  return found;
}
