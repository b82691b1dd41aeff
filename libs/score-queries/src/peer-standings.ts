import { type Averages, averageOf, type PeerRanked, type RankableRow, rankWithinPeers, type RuleSet, type TreeDate, type UnitTree } from '@idx/domain';

/** A unit's place for one key among its peers ("xếp hạng thứ 3/34"); rank null when it has no value for the key (N/A). */
export interface Standing {
  readonly rank: number | null;
  readonly of: number;
}

/**
 * Where each ranked unit stands among its peers, by the total and by each group of the rule set:
 * the domain's rankWithinPeers for every key (one ranking, one tie rule: values compared as
 * displayed, the total at the total's decimals and groups at the groups'), and each peer group's
 * unweighted averages (averageOf). `rows`: the units with activity only — a unit without is neither
 * ranked nor averaged.
 */
export class PeerStandings {
  /** By the total, peer groups in key order, best first: the ranking's order. */
  readonly byTotal: readonly PeerRanked<RankableRow>[];
  private readonly totals = new Map<string, PeerRanked<RankableRow>>();
  private readonly groups = new Map<string, Map<string, Standing>>();
  private readonly averages = new Map<string, Averages>();
  private readonly rankedIn = new Map<string, number>();

  /** `peerGroups`: the structure's index (UnitStructure.peerGroupOf), so no row walks the tree. */
  constructor(rows: readonly RankableRow[], tree: UnitTree, at: TreeDate, ruleSet: RuleSet, peerGroups?: (code: string) => string | undefined) {
    this.byTotal = rankWithinPeers(rows, tree, at, 'total', { decimals: ruleSet.rounding.total, peerGroups });
    const members = new Map<string, RankableRow[]>();
    for (const r of this.byTotal) {
      this.totals.set(r.unitCode, r);
      this.rankedIn.set(r.peerGroup, (this.rankedIn.get(r.peerGroup) ?? 0) + 1);
      const list = members.get(r.peerGroup);
      if (list) list.push(r);
      else members.set(r.peerGroup, [r]);
    }
    for (const group of ruleSet.groups) {
      const ranks = new Map<string, Standing>();
      for (const r of rankWithinPeers(rows, tree, at, group.id, { decimals: ruleSet.rounding.group, peerGroups })) ranks.set(r.unitCode, { rank: r.rank, of: r.of });
      this.groups.set(group.id, ranks);
    }
    for (const [peerGroup, list] of members) this.averages.set(peerGroup, averageOf(list));
  }

  /** The unit's rank by total among its peers; undefined when it is not ranked (no activity, or not in the tree then). */
  total(code: string): PeerRanked<RankableRow> | undefined {
    return this.totals.get(code);
  }

  /** The unit's rank by one group among its peers; undefined when the unit is not ranked. */
  group(code: string, groupId: string): Standing | undefined {
    return this.groups.get(groupId)?.get(code);
  }

  /** The peer group's unweighted averages over its ranked units. */
  average(peerGroup: string | undefined): Averages | undefined {
    return peerGroup === undefined ? undefined : this.averages.get(peerGroup);
  }

  /** How many units of the peer group are ranked (the N of "x/N"). */
  count(peerGroup: string | undefined): number {
    return peerGroup === undefined ? 0 : this.rankedIn.get(peerGroup) ?? 0;
  }
}
