import { QD766_2022 } from './qd766-2022';
import type { RuleSet } from './rule-set';
import type { Period } from '../time/periods';
import { VIETNAM_OFFSET_MS } from '../time/zone';

/** Every rule set the platform knows, in any order. Adding a revision = adding its data here. */
export const RULE_SETS: readonly RuleSet[] = [QD766_2022];

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

export function ruleSetById(id: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  const found = ruleSets.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown rule set "${id}"`);
  return found;
}

/** The rule set that scores a period: the one in force at the period's first instant. */
export function ruleSetForPeriod(period: Period, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSet {
  return ruleSetInForce(period.start, ruleSets);
}
