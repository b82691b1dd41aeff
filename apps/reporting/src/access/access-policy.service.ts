import { Inject, Injectable } from '@nestjs/common';
import { decideRead, isStorableText, type Principal, type ReadDecision, type ReadTarget } from '@idx/access';
import type { UnitTree } from '@idx/domain';
import { READ_MODELS } from '@idx/nest-platform';
import { loadUnitTree } from '@idx/score-queries';
import type { ReadModelClient } from '@idx/read-models';
import { Pool } from 'pg';
import type { ScopedTarget } from './access.decorators';

/** The unit tree is re-read at most this often for scope checks (units change rarely; the live stream checks every message). */
const TREE_TTL_MS = 5_000;
/** …and not more often than this for units it does not know (so unknown codes cannot make every request re-read it). */
const MIN_REREAD_MS = 250;

/** Scope decisions for province and unit accounts, over the unit tree of the read models. */
@Injectable()
export class AccessPolicy {
  private tree: { readonly at: number; readonly value: Promise<UnitTree> } | undefined;

  constructor(@Inject(READ_MODELS) private readonly prisma: ReadModelClient, @Inject(Pool) private readonly pool: Pool) {}

  async decide(principal: Principal, target: ScopedTarget): Promise<ReadDecision> {
    const resolved = target.kind === 'stream' ? await this.streamTarget(target.streamId) : target;
    return decideRead(principal, resolved, resolved.kind === 'unit' ? await this.treeKnowing(resolved.unitCode) : {});
  }

  /** The cached tree, re-read once when it does not know the unit yet (a unit registered since it was read). */
  private async treeKnowing(unitCode: string): Promise<UnitTree> {
    const tree = await this.unitTree();
    if (Object.hasOwn(tree, unitCode) || !this.tree || Date.now() - this.tree.at < MIN_REREAD_MS) return tree;
    this.tree = undefined;
    return this.unitTree();
  }

  /** For filtering the live stream: may this user see this unit's changes? */
  async canReadUnit(principal: Principal | undefined, unitCode: string): Promise<boolean> {
    return !principal || (await this.decide(principal, { kind: 'unit', unitCode })).allowed;
  }

  private unitTree(): Promise<UnitTree> {
    if (!this.tree || Date.now() - this.tree.at > TREE_TTL_MS) {
      const value = loadUnitTree(this.prisma);
      value.catch(() => (this.tree = undefined));
      this.tree = { at: Date.now(), value };
    }
    return this.tree.value;
  }

  /** A stream is read under its unit; an unknown (or unreadable) id passes on to the 404/400 of the route. */
  private async streamTarget(streamId: string): Promise<ReadTarget> {
    if (streamId.length > 500 || !isStorableText(streamId)) return { kind: 'any' };
    const r = await this.pool.query<{ unit_code: string }>('SELECT unit_code FROM events WHERE stream_id = $1 ORDER BY stream_version LIMIT 1', [streamId]);
    return r.rows[0] ? { kind: 'unit', unitCode: r.rows[0].unit_code } : { kind: 'any' };
  }
}
