import type { UnitFacts, UnitTree } from '@idx/domain';
import type { SqlRunner } from './parked-subjects';

/**
 * The unit tree (every unit subject's facts) as the recompute reads it, kept between transactions.
 * A country holds ~15,000 units: loading and parsing all of them for every recompute transaction was
 * the live projection's largest fixed cost. The tree is reused while the unit rows read the same:
 * their number, highest position and the sum of their row versions (xmin: any insert, update or
 * table swap — a rebuild — changes it). The check runs in the caller's transaction, so a tree with
 * uncommitted unit changes is only reused by that transaction, and one rolled back is never matched
 * again. One cache per projector (one database).
 */
export class UnitTreeCache {
  private cached?: { readonly version: string; readonly tree: UnitTree };

  async load(run: SqlRunner): Promise<UnitTree> {
    const [stamp] = (await run(
      `SELECT count(*)::text || ':' || coalesce(max(last_position), 0)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS version
       FROM subject_facts WHERE kind = 'unit'`,
      [],
    )) as { version: string }[];
    if (this.cached && this.cached.version === stamp.version) return this.cached.tree;
    const tree = await loadUnitTree(run);
    this.cached = { version: stamp.version, tree };
    return tree;
  }
}

/** Every unit subject's facts by code, read in the caller's transaction. */
export async function loadUnitTree(run: SqlRunner): Promise<UnitTree> {
  const rows = (await run(`SELECT key, facts FROM subject_facts WHERE kind = 'unit'`, [])) as { key: string; facts: UnitFacts }[];
  // Shared by every later recompute while the units stay the same: frozen, so no reader can alter it.
  return Object.freeze(Object.fromEntries(rows.map((r) => [r.key, r.facts])));
}
