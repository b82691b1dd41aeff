import { CRITERION_IDS } from '../../scoring/calculators';
import { ruleSetProblems, ruleSetRegistryProblems } from '../check-rule-set';
import { QD766_2022 } from '../qd766-2022';
import { KNOWN_RULE_SETS, RULE_SETS } from '../registry';
import type { RuleSet } from '../rule-set';

/** Every rule set the platform can score or read is checked here: adding one is a data change, checked as data. */
describe('every registered rule set', () => {
  it('the registry has no clashing ids or effective dates', () => {
    expect(ruleSetRegistryProblems(RULE_SETS, { calculatorIds: CRITERION_IDS })).toEqual([]);
    expect(new Set(KNOWN_RULE_SETS.map((r) => r.id)).size).toBe(KNOWN_RULE_SETS.length);
  });

  it.each(KNOWN_RULE_SETS.map((r) => [r.id, r] as const))('%s: weights make 100, groups and criteria agree, every criterion has a calculator', (_id, ruleSet) => {
    expect(ruleSetProblems(ruleSet, { calculatorIds: CRITERION_IDS })).toEqual([]);
    // Checked independently of ruleSetProblems, from DOMAIN.md §2: 100 points, each group its criteria's sum.
    expect(ruleSet.groups.reduce((s, g) => s + g.max, 0)).toBeCloseTo(100, 9);
    for (const g of ruleSet.groups) {
      expect([g.id, ruleSet.criteria.filter((c) => c.group === g.id).reduce((s, c) => s + c.max, 0)]).toEqual([g.id, g.max]);
    }
    for (const c of ruleSet.criteria) expect(CRITERION_IDS).toContain(c.id);
    expect(ruleSet.bands[ruleSet.bands.length - 1].min).toBe(Number.NEGATIVE_INFINITY);
  });

  it('qd766-2022 scores all 21 criteria of DOMAIN.md §2 with their maxima and targets', () => {
    const table: Record<number, [number, number]> = {
      1: [6, 1], 2: [4, 1], 3: [2, 1], 4: [6, 1], 5: [20, 1], 6: [2, 0.8], 7: [4, 1], 8: [6, 0.5], 9: [2, 0.8], 10: [2, 0.8],
      11: [6, 1], 12: [6, 1], 13: [4, 1], 14: [2, 0.8], 15: [2, 1], 16: [4, 1], 17: [2, 1], 18: [2, 1], 19: [6, 1], 20: [6, 1], 21: [6, 0.9],
    };
    expect(Object.fromEntries(QD766_2022.criteria.map((c) => [c.id, [c.max, c.target]]))).toEqual(table);
  });
});

describe('the rule-set checks catch broken data', () => {
  const broken = (patch: Partial<RuleSet>): string[] => ruleSetProblems({ ...QD766_2022, ...patch }, { calculatorIds: CRITERION_IDS });

  it('a criterion without a calculator, a group without criteria, weights that do not make 100', () => {
    expect(broken({ criteria: [...QD766_2022.criteria, { ...QD766_2022.criteria[0], id: 22 }] })).toEqual([
      'criterion 22 has no calculator', 'group transparency: criteria add up to 24, not 18',
    ]);
    expect(broken({ groups: [...QD766_2022.groups, { id: 'empty', nameVi: 'Trống', nameEn: 'Empty', max: 0 }] })).toEqual(['group empty has no criterion']);
    expect(broken({ groups: QD766_2022.groups.map((g) => (g.id === 'progress' ? { ...g, max: 25 } : g)) })).toEqual([
      'group progress: criteria add up to 20, not 25', 'groups add up to 105, not 100',
    ]);
  });

  it('unknown policies, a lowest band that leaves totals without a band, clashing effective dates', () => {
    const criteria = QD766_2022.criteria.map((c) => (c.id === 3 ? { ...c, whenEmpty: 'maybe' as never } : c));
    expect(broken({ criteria })).toEqual(['criterion 3: unknown empty-denominator policy "maybe"']);
    expect(broken({ bands: QD766_2022.bands.slice(0, 4) })).toEqual(['the lowest band must start at -Infinity (every total has a band)']);
    expect(ruleSetRegistryProblems([QD766_2022, { ...QD766_2022, id: 'twin' }])).toEqual([
      'qd766-2022 and twin take effect the same day (2022-06-23): which one is in force is undefined',
    ]);
  });
});
