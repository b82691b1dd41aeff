import { QD766_2022, QD766_2022_COUNTED_COPIES } from './qd766-2022';
import type { RuleSet } from './rule-set';
import type { Period } from '../time/periods';
import { VIETNAM_OFFSET_MS } from '../time/zone';

/**
 * The rule sets that score periods, in any order: the one in force at a period's start scores it.
 * Adding a revision (other groups, weights, targets, policies) = adding its data here; the
 * registry test checks every entry (rules/__tests__/registered-rule-sets.spec.ts).
 */
export const RULE_SETS: readonly RuleSet[] = [QD766_2022];

/**
 * Every rule set a stored score may name: the registered ones plus options not in force by default
 * (qd766-2022-counted-copies), so a score computed under them still reads and displays.
 */
export const KNOWN_RULE_SETS: readonly RuleSet[] = [...RULE_SETS, QD766_2022_COUNTED_COPIES];

function localDateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS;
}

/** The rule set in force at an instant (e.g. a period's start): the latest one effective by then. */
export function ruleSetInForce(instant: number, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const candidates = [...ruleSets]
    .filter((r) => localDateMs(r.effectiveFrom) <= instant)
    .sort((a, b) => localDateMs(b.effectiveFrom) - localDateMs(a.effectiveFrom));
  // Periods before the first rule set are still scored, under the oldest rules we have.
  return candidates[0] ?? [...ruleSets].sort((a, b) => localDateMs(a.effectiveFrom) - localDateMs(b.effectiveFrom))[0];
}

export function ruleSetById(id: string, ruleSets: readonly RuleSet[] = KNOWN_RULE_SETS): RuleSet {
  const found = ruleSets.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown rule set "${id}"`);
  return found;
}

/** The rule set that scores a period: the one in force at the period's first instant. */
export function ruleSetForPeriod(period: Period, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  return ruleSetInForce(period.start, ruleSets);
}
