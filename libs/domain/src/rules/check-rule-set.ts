import type { CriterionRule, RuleSet } from './rule-set';

/**
 * The reasons a rule set is inconsistent (empty = fine): a revision is data, so it is checked
 * like data before it can score anything.
 */
export function ruleSetProblems(ruleSet: RuleSet): string[] {
  const problems: string[] = [];
  const ids = new Set<number>();
  for (const c of ruleSet.criteria) {
    if (ids.has(c.id)) problems.push(`criterion ${c.id} is listed twice`);
    ids.add(c.id);
    if (!ruleSet.groups.some((g) => g.id === c.group)) problems.push(`criterion ${c.id} names unknown group "${c.group}"`);
    if (!(c.target > 0 && c.target <= 1)) problems.push(`criterion ${c.id}: target must be in (0, 1]`);
    if (!(c.max > 0)) problems.push(`criterion ${c.id}: max must be positive`);
  }
  for (const g of ruleSet.groups) {
    const sum = ruleSet.criteria.filter((c) => c.group === g.id).reduce((s, c) => s + c.max, 0);
    if (Math.abs(sum - g.max) > 1e-9) problems.push(`group ${g.id}: criteria add up to ${sum}, not ${g.max}`);
  }
  const bands = ruleSet.bands.map((b) => b.min);
  if (bands.some((b, i) => i > 0 && b >= bands[i - 1])) problems.push('bands must be ordered from the highest down');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ruleSet.effectiveFrom)) problems.push('effectiveFrom must be a date (YYYY-MM-DD)');
  return problems;
}

/** The rule for a criterion id; throws when the rule set does not score it. */
export function criterionRule(ruleSet: RuleSet, id: number): CriterionRule {
  const rule = ruleSet.criteria.find((c) => c.id === id);
  if (!rule) throw new RangeError(`rule set "${ruleSet.id}" has no criterion ${id}`);
  return rule;
}
