import { referenceUnitTree } from '@idx/domain';
import type { Principal } from '../principal';
import { decideRead, isWithinSubtree } from '../scope/read-policy';

const tree = referenceUnitTree();
const user = (role: Principal['role'], unitCode: string | null = null): Principal => ({ username: 'u', role, unitCode });

describe('who may read what (roles and unit subtrees)', () => {
  it('finds a unit inside a province subtree, and not inside another province', () => {
    expect(isWithinSubtree(tree, 'HY', 'HY-STP')).toBe(true);
    expect(isWithinSubtree(tree, 'HY', 'HY')).toBe(true);
    expect(isWithinSubtree(tree, 'TTH', 'HY-STP')).toBe(false);
    expect(isWithinSubtree(tree, 'HY-STP', 'HY')).toBe(false);
    expect(isWithinSubtree(tree, 'HY', 'constructor')).toBe(false);
    expect(isWithinSubtree(tree, 'HY', 'no-such-unit')).toBe(false);
  });

  it('survives a parent cycle in bad data', () => {
    const cyclic = { A: { ...tree['HY'], unitCode: 'A', parentCode: 'B' }, B: { ...tree['HY'], unitCode: 'B', parentCode: 'A' } };
    expect(isWithinSubtree(cyclic, 'C', 'A')).toBe(false);
  });

  it('lets national, auditor and admin read everything', () => {
    for (const role of ['national', 'auditor', 'admin'] as const) {
      expect(decideRead(user(role), { kind: 'national' }, tree).allowed).toBe(true);
      expect(decideRead(user(role), { kind: 'unit', unitCode: 'TTH' }, tree).allowed).toBe(true);
    }
  });

  it("limits a provincial official to the province's subtree plus the national ranking of provinces", () => {
    const official = user('province', 'HY');
    expect(decideRead(official, { kind: 'unit', unitCode: 'HY-STP' }, tree)).toEqual({ allowed: true });
    expect(decideRead(official, { kind: 'province-ranking' }, tree)).toEqual({ allowed: true });
    const other = decideRead(official, { kind: 'unit', unitCode: 'TTH' }, tree);
    expect(other).toEqual({ allowed: false, reason: expect.stringContaining('unit TTH is outside your area') });
    expect(decideRead(official, { kind: 'national' }, tree).allowed).toBe(false);
  });

  it('limits a unit viewer to its unit and below, without the national ranking', () => {
    const viewer = user('unit', 'HY-STP');
    expect(decideRead(viewer, { kind: 'unit', unitCode: 'HY-STP' }, tree).allowed).toBe(true);
    expect(decideRead(viewer, { kind: 'unit', unitCode: 'HY' }, tree).allowed).toBe(false);
    expect(decideRead(viewer, { kind: 'province-ranking' }, tree).allowed).toBe(false);
  });
});
