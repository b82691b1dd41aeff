import { unit } from '../../__fixtures__/scenario';
import { foldUnitTree, ancestorsAt, childrenAt, descendantsAt, poolMembersAt, predecessorsOf, provinceOf, successorAt, successorChain, treeAt, unitAt, unitNameAt } from '../unit-tree';

describe('a dated unit tree', () => {
  const tree = foldUnitTree([
    unit('P').registered('2022-01-01T00:00', 'UBND tỉnh P', 'province', undefined, '2022-01-01'),
    unit('D').registered('2022-01-01T00:00', 'UBND huyện D', 'district', 'P', '2022-01-01'),
    unit('C1').registered('2022-01-01T00:00', 'UBND xã C1', 'commune', 'D', '2022-01-01'),
    unit('C2').registered('2022-01-01T00:00', 'UBND xã C2', 'commune', 'D', '2022-01-01'),
    unit('S').registered('2022-01-01T00:00', 'Sở S', 'department', 'P', '2022-01-01'),
    unit('P').renamed('2024-12-01T00:00', 'UBND thành phố P', '2025-01-01'),
    unit('C3').registered('2025-07-01T00:00', 'UBND phường C3', 'commune', 'P', '2025-07-01'),
    unit('C1').merged('2025-06-20T00:00', 'C3', '2025-07-01'),
    unit('C2').merged('2025-06-20T00:00', 'C3', '2025-07-01'),
    unit('D').dissolved('2025-06-20T00:00', '2025-07-01'),
  ]);

  it('answers the tree valid at a date, provinces first', () => {
    expect(treeAt(tree, '2024-06-01').map((u) => u.code)).toEqual(['P', 'S', 'D', 'C1', 'C2']);
    expect(treeAt(tree, '2025-07-01').map((u) => u.code)).toEqual(['P', 'S', 'C3']);
    expect(unitAt(tree, 'C3', '2025-06-30')).toBeUndefined();
  });

  it('keeps names dated: history shows the name of its time', () => {
    expect(unitAt(tree, 'P', '2024-12-31')?.name).toBe('UBND tỉnh P');
    expect(unitAt(tree, 'P', Date.parse('2025-01-01T00:00:00+07:00'))?.name).toBe('UBND thành phố P');
    expect(unitNameAt(tree, 'C1', '2026-01-01')).toBe('UBND xã C1'); // gone, but still named in history
  });

  it('answers descendants, pool members, ancestors and province at a date', () => {
    expect(descendantsAt(tree, 'P', '2024-06-01')).toEqual(['S', 'D', 'C1', 'C2']);
    expect(descendantsAt(tree, 'P', '2025-08-01')).toEqual(['S', 'C3']);
    expect(poolMembersAt(tree, 'D', '2024-06-01')).toEqual(['D', 'C1', 'C2']);
    expect(childrenAt(tree, 'D', '2024-06-01').map((u) => u.name)).toEqual(['UBND xã C1', 'UBND xã C2']);
    expect(ancestorsAt(tree, 'C1', '2024-06-01').map((u) => u.code)).toEqual(['D', 'P']);
    expect(provinceOf(tree, 'C2', '2024-06-01')).toBe('P');
  });

  it('follows successor links explicitly across the reform', () => {
    expect(successorChain(tree, 'C1')).toEqual(['C3']);
    expect(successorChain(tree, 'D')).toEqual([]);
    expect(successorAt(tree, 'C1', '2024-01-01')).toBe('C1');
    expect(successorAt(tree, 'C1', '2025-07-01')).toBe('C3');
    expect(predecessorsOf(tree, 'C3')).toEqual(['C1', 'C2']);
  });

  it('does not loop on a bad successor or parent cycle', () => {
    const bad = foldUnitTree([
      unit('A').registered('2022-01-01T00:00', 'A', 'commune', 'B'), unit('B').registered('2022-01-01T00:00', 'B', 'commune', 'A'),
      unit('A').merged('2023-01-01T00:00', 'B', '2024-01-01'), unit('B').merged('2023-01-01T00:00', 'A', '2024-01-01'),
    ]);
    expect(successorChain(bad, 'A')).toEqual(['B']);
    expect(descendantsAt(bad, 'A', '2023-06-01')).toEqual(['B']);
    expect(ancestorsAt(bad, 'A', '2023-06-01').map((u) => u.code)).toEqual(['B']);
  });
});
