import { ancestorsAt, type TreeDate, type UnitTree, unitAt } from './unit-tree';

/** Whether communes are ranked among all communes of their province or of their district. */
export interface PeerOptions {
  readonly communesWithin?: 'province' | 'district';
  /**
   * The peer groups at `at` already worked out by this function for every unit (a reader's index
   * of the tree): asked instead of walking the tree once per ranked row.
   */
  readonly peerGroups?: (code: string) => string | undefined;
}

/**
 * The peer group a unit is ranked in (DOMAIN.md §5): provinces nationally; departments among the
 * province's departments; districts, and communes, among their peers inside the province (or,
 * for communes before the 2025 reform, inside their district when asked). Undefined when the unit
 * did not exist at `at`.
 */
export function peerGroupOf(tree: UnitTree, code: string, at: TreeDate, options: PeerOptions = {}): string | undefined {
  const unit = unitAt(tree, code, at);
  if (!unit) return undefined;
  const level = unit.level ?? 'commune';
  if (level === 'province') return 'national/province';
  const ancestors = ancestorsAt(tree, code, at);
  const province = ancestors.find((a) => a.level === 'province')?.code ?? unit.parentCode ?? 'unattached';
  if (level === 'commune' && options.communesWithin === 'district') {
    const district = ancestors.find((a) => a.level === 'district');
    if (district) return `${district.code}/commune`;
  }
  return `${province}/${level}`;
}
