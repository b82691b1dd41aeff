import { peerGroupOf, type PeerOptions } from '../units/peers';
import type { TreeDate, UnitTree } from '../units/unit-tree';
import { type Averages, averageOf } from './averages';
import { type RankableRow, type RankKey, type RankOptions, type Ranked, rankUnits } from './rank-units';

export type PeerRanked<T> = Ranked<T> & { readonly peerGroup: string };

/** Rows by peer group at `at`; rows of units unknown at that date are left out. */
export function byPeerGroup<T extends RankableRow>(rows: readonly T[], tree: UnitTree, at: TreeDate, options: PeerOptions = {}): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = options.peerGroups ? options.peerGroups(row.unitCode) : peerGroupOf(tree, row.unitCode, at, options);
    if (key === undefined) continue;
    const members = groups.get(key);
    if (members) members.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Ranks every unit among its peers ("01/10 huyện/thị xã/thành phố"), by total or a group. */
export function rankWithinPeers<T extends RankableRow>(
  rows: readonly T[], tree: UnitTree, at: TreeDate, key: RankKey = 'total', options: RankOptions & PeerOptions = {},
): PeerRanked<T>[] {
  const out: PeerRanked<T>[] = [];
  for (const [peerGroup, members] of [...byPeerGroup(rows, tree, at, options)].sort(([a], [b]) => a.localeCompare(b))) {
    for (const r of rankUnits(members, key, options)) out.push({ ...r, peerGroup });
  }
  return out;
}

/** The average of each peer group: national average for provinces, provincial averages below. */
export function peerAverages(rows: readonly RankableRow[], tree: UnitTree, at: TreeDate, options: PeerOptions = {}): Map<string, Averages> {
  return new Map([...byPeerGroup(rows, tree, at, options)].map(([k, members]) => [k, averageOf(members)]));
}
