import type { UnitFacts, UnitTree } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';

/** The cached tree, and a token that changes only when the tree's structure (not e.g. its copy counts) changes. */
export interface CachedTree {
  readonly tree: UnitTree;
  /**
   * Same object as long as no unit's place in the tree changed (level, parent, validity, names,
   * successor, national codes): structure indexes are keyed on it, so a certified copy (which
   * updates the unit's facts too) does not cost a rebuild of the peer groups.
   */
  readonly shape: object;
}

interface Loaded extends CachedTree {
  readonly checkpoints: string;
  readonly aggregate: string;
  readonly positions: ReadonlyMap<string, bigint>;
}

/** The parts of a unit's facts that place it in the dated tree. */
const structureOf = (u: UnitFacts): string =>
  JSON.stringify([u.level, u.parentCode, u.validFrom, u.firstSeenAt, u.names, u.endedAt, u.successorCode, u.nationalCodes]);

/**
 * The dated unit tree (the scoring projection's unit facts), kept between requests and never
 * stale: each read first checks, cheapest first,
 * 1. the projection checkpoints (a handful of rows): the projector writes unit facts and moves its
 *    checkpoint in one transaction, so an unchanged checkpoint means unchanged facts;
 * 2. else the count and the sum of the unit rows' last folded positions (a row's position only
 *    grows when an event is folded into it; a rebuild empties and refills the table);
 * 3. else which rows changed (key and position of every unit row) — only those facts are read again.
 * Concurrent requests share one check. A failed read is not kept.
 */
export class UnitTreeCache {
  private loaded?: Loaded;
  private inFlight?: Promise<Loaded>;

  constructor(private readonly prisma: ReadModelClient) {}

  /**
   * The tree as last read, without checking it (undefined before the first read). For what an
   * older tree answers as well as the newest — a unit once registered stays known — or to start
   * reading rows while current() checks (the caller compares and reads again if it moved).
   */
  peek(): CachedTree | undefined {
    return this.loaded;
  }

  async current(): Promise<CachedTree> {
    this.inFlight ??= this.refresh().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async refresh(): Promise<Loaded> {
    const checkpoints = await this.checkpoints();
    const previous = this.loaded;
    if (previous && previous.checkpoints === checkpoints) return previous;
    const aggregate = await this.aggregate();
    if (previous && previous.aggregate === aggregate) return (this.loaded = { ...previous, checkpoints });
    const positions = await this.positions();
    const changed = [...positions].filter(([key, at]) => previous?.positions.get(key) !== at).map(([key]) => key);
    // The first load (or a rebuild) reads every unit; afterwards only the rows that moved.
    const everything = !previous || changed.length > positions.size / 4;
    const facts = changed.length === 0 ? [] : await this.prisma.subjectFact.findMany({
      where: everything ? { kind: 'unit' } : { kind: 'unit', key: { in: changed } }, select: { key: true, facts: true },
    });
    const tree: Record<string, UnitFacts> = {};
    let structural = !previous;
    for (const key of positions.keys()) {
      const before = previous?.tree[key];
      if (before) tree[key] = before;
      else structural = true;
    }
    if (previous && Object.keys(previous.tree).length !== positions.size) structural = true; // a row removed
    for (const row of facts) {
      const next = row.facts as unknown as UnitFacts;
      const before = tree[row.key];
      if (!before || structureOf(before) !== structureOf(next)) structural = true;
      tree[row.key] = next;
    }
    const loaded: Loaded = { tree, shape: structural || !previous ? {} : previous.shape, checkpoints, aggregate, positions };
    this.loaded = loaded;
    return loaded;
  }

  private async checkpoints(): Promise<string> {
    const rows = await this.prisma.projectionCheckpoint.findMany({ select: { name: true, transactionId: true, position: true }, orderBy: { name: 'asc' } });
    return rows.map((r) => `${r.name}:${r.transactionId}:${r.position}`).join(',');
  }

  private async aggregate(): Promise<string> {
    const [row] = await this.prisma.$queryRawUnsafe<{ n: bigint; s: string | null }[]>(
      "SELECT count(*) AS n, sum(last_position)::text AS s FROM subject_facts WHERE kind = 'unit'",
    );
    return `${row?.n ?? 0}/${row?.s ?? ''}`;
  }

  private async positions(): Promise<Map<string, bigint>> {
    const rows = await this.prisma.$queryRawUnsafe<{ key: string; last_position: bigint }[]>(
      "SELECT key, last_position FROM subject_facts WHERE kind = 'unit'",
    );
    return new Map(rows.map((r) => [r.key, BigInt(r.last_position)]));
  }
}
