import type { CriterionRule, EmptyDenominatorPolicy, RuleSet } from './rule-set';

const POLICIES: readonly EmptyDenominatorPolicy[] = ['no-data', 'full-points', 'zero', 'not-applicable', 'fallback-average'];
const SCORINGS: readonly string[] = ['ratio', 'full-points'];
const LEVELS: readonly string[] = ['province', 'department', 'district', 'commune'];
const NA_CONDITIONS: readonly string[] = ['no-fee-bearing-procedures'];

/** The full scale every rule set scores on (DOMAIN.md §2: 100 points). */
export const FULL_SCALE = 100;

export interface RuleSetCheckOptions {
  /** Criterion ids that have a calculator (CALCULATORS); when given, every criterion must be one. */
  readonly calculatorIds?: readonly number[];
}

function criterionProblems(c: CriterionRule, ruleSet: RuleSet, options: RuleSetCheckOptions): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(c.id) || c.id < 1) problems.push(`criterion ${c.id}: id must be a whole number ≥ 1`);
  if (options.calculatorIds && !options.calculatorIds.includes(c.id)) problems.push(`criterion ${c.id} has no calculator`);
  if (!ruleSet.groups.some((g) => g.id === c.group)) problems.push(`criterion ${c.id} names unknown group "${c.group}"`);
  if (!(c.target > 0 && c.target <= 1)) problems.push(`criterion ${c.id}: target must be in (0, 1]`);
  if (!(c.max > 0)) problems.push(`criterion ${c.id}: max must be positive`);
  if (!c.nameVi?.trim() || !c.nameEn?.trim()) problems.push(`criterion ${c.id}: needs a Vietnamese and an English name`);
  if (!POLICIES.includes(c.whenEmpty)) problems.push(`criterion ${c.id}: unknown empty-denominator policy "${c.whenEmpty}"`);
  if (c.scoredAs !== undefined && !SCORINGS.includes(c.scoredAs)) problems.push(`criterion ${c.id}: unknown scoring "${c.scoredAs}"`);
  if (c.appliesToLevels?.some((l) => !LEVELS.includes(l))) problems.push(`criterion ${c.id}: unknown unit level in appliesToLevels`);
  if (c.appliesToLevels?.length === 0) problems.push(`criterion ${c.id}: appliesToLevels is empty (the criterion would apply nowhere)`);
  if (c.notApplicableWhen !== undefined && !NA_CONDITIONS.includes(c.notApplicableWhen)) {
    problems.push(`criterion ${c.id}: unknown not-applicable condition "${c.notApplicableWhen}"`);
  }
  return problems;
}

/**
 * The reasons a rule set is inconsistent (empty = fine): a revision is data, so it is checked
 * like data before it can score anything — criteria and groups agree, weights make the full
 * 100-point scale, every criterion has a calculator (when told which exist), bands and rounding
 * are usable.
 */
export function ruleSetProblems(ruleSet: RuleSet, options: RuleSetCheckOptions = {}): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9.-]{0,63}$/.test(ruleSet.id)) problems.push('id must be lower-case letters, digits, dots or dashes (≤ 64)');
  const ids = new Set<number>();
  for (const c of ruleSet.criteria) {
    if (ids.has(c.id)) problems.push(`criterion ${c.id} is listed twice`);
    ids.add(c.id);
    problems.push(...criterionProblems(c, ruleSet, options));
  }
  if (ruleSet.criteria.length === 0) problems.push('scores no criterion');
  const groupIds = new Set<string>();
  for (const g of ruleSet.groups) {
    if (groupIds.has(g.id)) problems.push(`group ${g.id} is listed twice`);
    groupIds.add(g.id);
    if (!g.id || !g.nameVi?.trim() || !g.nameEn?.trim()) problems.push(`group "${g.id}": needs an id and a Vietnamese and an English name`);
    const members = ruleSet.criteria.filter((c) => c.group === g.id);
    if (members.length === 0) problems.push(`group ${g.id} has no criterion`);
    const sum = members.reduce((s, c) => s + c.max, 0);
    if (Math.abs(sum - g.max) > 1e-9) problems.push(`group ${g.id}: criteria add up to ${sum}, not ${g.max}`);
  }
  const total = ruleSet.groups.reduce((s, g) => s + g.max, 0);
  if (Math.abs(total - FULL_SCALE) > 1e-9) problems.push(`groups add up to ${total}, not ${FULL_SCALE}`);
  const bands = ruleSet.bands.map((b) => b.min);
  if (bands.length === 0) problems.push('needs at least one band');
  if (bands.some((b, i) => i > 0 && b >= bands[i - 1])) problems.push('bands must be ordered from the highest down');
  if (bands.length > 0 && bands[bands.length - 1] !== Number.NEGATIVE_INFINITY) problems.push('the lowest band must start at -Infinity (every total has a band)');
  const { group, total: totalDecimals, rate } = ruleSet.rounding;
  if (![group, totalDecimals, rate].every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) problems.push('rounding decimals must be whole numbers from 0 to 6');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ruleSet.effectiveFrom)) problems.push('effectiveFrom must be a date (YYYY-MM-DD)');
  if (!(ruleSet.dossier.maxSupplementRequestsOnTime >= 0)) problems.push('dossier.maxSupplementRequestsOnTime must be ≥ 0');
  return problems;
}

/** Problems of a registry of rule sets: each set's own, plus ids and effective dates that clash. */
export function ruleSetRegistryProblems(ruleSets: readonly RuleSet[], options: RuleSetCheckOptions = {}): string[] {
  const problems = ruleSets.flatMap((r) => ruleSetProblems(r, options).map((p) => `${r.id}: ${p}`));
  const seen = new Map<string, string>();
  for (const r of ruleSets) {
    if (ruleSets.filter((o) => o.id === r.id).length > 1 && !problems.includes(`rule set id "${r.id}" is registered twice`)) {
      problems.push(`rule set id "${r.id}" is registered twice`);
    }
    const other = seen.get(r.effectiveFrom);
    if (other !== undefined && other !== r.id) problems.push(`${other} and ${r.id} take effect the same day (${r.effectiveFrom}): which one is in force is undefined`);
    seen.set(r.effectiveFrom, r.id);
  }
  return problems;
}

/** The rule for a criterion id; throws when the rule set does not score it. */
export function criterionRule(ruleSet: RuleSet, id: number): CriterionRule {
  const rule = ruleSet.criteria.find((c) => c.id === id);
  if (!rule) throw new RangeError(`rule set "${ruleSet.id}" has no criterion ${id}`);
  return rule;
}
