import type { RuleSet } from '../rules/rule-set';
import { type DossierFacts, endOf } from './dossier-facts';

/** The due time in force at instant `t`: the set due time moved by every supplement wait up to `t`. */
export function effectiveDueAt(d: DossierFacts, t: number): number | undefined {
  if (d.dueAt === undefined) return undefined;
  let waited = 0;
  for (const p of d.pauses) {
    const until = Math.min(p.to ?? t, t);
    if (until > p.from) waited += until - p.from;
  }
  return d.dueAt + waited;
}

/**
 * On time at `evaluatedAt` (DOMAIN.md §3): a finished dossier compares its end with its due time;
 * a pending one is on time while not yet overdue. Too many supplement requests make it late, and so
 * does a processing record without the handler's name or title where the rule set says so.
 */
export function isOnTime(d: DossierFacts, evaluatedAt: number, rules: RuleSet): boolean {
  if (d.supplementRequests > rules.dossier.maxSupplementRequestsOnTime) return false;
  if (rules.dossier.missingHandlerIsLate && (d.stepsWithoutHandler ?? 0) > 0) return false;
  const end = endOf(d);
  const t = end !== undefined && end <= evaluatedAt ? end : evaluatedAt;
  const due = effectiveDueAt(d, t);
  if (due === undefined) return true; // no due time set: nothing to be late against
  return t <= due;
}

/** Overdue at `evaluatedAt`: the opposite of on time, for a received dossier. */
export function isOverdue(d: DossierFacts, evaluatedAt: number, rules: RuleSet): boolean {
  return d.receivedAt !== undefined && !isOnTime(d, evaluatedAt, rules);
}
