import type { RuleSet } from '../rules/rule-set';
import { type DossierFacts, endOf, type SupplementPause, type SupplementSupplied } from './dossier-facts';

/**
 * Replays supplement requests and arrivals in business-time order up to `t` (inclusive): a request
 * stops the clock unless it is already stopped, an arrival restarts it, and a new due time sent with
 * an arrival replaces the due time and the waits before it (it already accounts for them). At equal
 * instants a request comes first, so a request and its supplement at the same instant cost nothing.
 * The order the events were recorded in plays no part.
 */
function replayClock(d: DossierFacts, requests: readonly number[], supplied: readonly SupplementSupplied[], t: number): number | undefined {
  type Step = { at: number; request: boolean; newDueAt?: number };
  // The clock starts at reception: supplements of a reception since corrected to later do not move it.
  const from = d.receivedAt ?? Number.NEGATIVE_INFINITY;
  const inClock = (at: number): boolean => at >= from && at <= t;
  const steps: Step[] = [
    ...requests.filter(inClock).map((at): Step => ({ at, request: true })),
    ...supplied.filter((s) => inClock(s.at)).map((s): Step => ({ at: s.at, request: false, newDueAt: s.newDueAt })),
  ].sort((a, b) => a.at - b.at || Number(b.request) - Number(a.request) || (a.newDueAt ?? 0) - (b.newDueAt ?? 0));
  let due = d.dueAt;
  let stoppedAt: number | undefined;
  let waited = 0;
  for (const step of steps) {
    if (step.request) {
      stoppedAt ??= step.at;
      continue;
    }
    if (stoppedAt !== undefined) waited += step.at - stoppedAt;
    stoppedAt = undefined;
    if (step.newDueAt !== undefined) {
      due = step.newDueAt;
      waited = 0;
    }
  }
  if (stoppedAt !== undefined) waited += t - stoppedAt;
  return due === undefined ? undefined : due + waited;
}

/** Facts folded before supplement instants were kept: pauses as recorded, clamped at `t`. */
function legacyDueAt(d: DossierFacts, t: number): number | undefined {
  if (d.dueAt === undefined) return undefined;
  let waited = 0;
  for (const p of d.pauses) {
    const until = Math.min(p.to ?? t, t);
    if (until > p.from) waited += until - p.from;
  }
  return d.dueAt + waited;
}

/** The due time in force at instant `t`: the set due time moved by every supplement wait up to `t`. */
export function effectiveDueAt(d: DossierFacts, t: number): number | undefined {
  if (d.supplementRequestedAt === undefined) return legacyDueAt(d, t);
  return replayClock(d, d.supplementRequestedAt, d.supplementsSupplied ?? [], t);
}

/**
 * Supplement requests made since reception up to `t` (inclusive): a request after the evaluation
 * instant has not happened yet.
 */
export function supplementRequestsBy(d: DossierFacts, t: number): number {
  if (d.supplementRequestedAt === undefined) return d.supplementRequests;
  const from = d.receivedAt ?? Number.NEGATIVE_INFINITY;
  return d.supplementRequestedAt.filter((at) => at >= from && at <= t).length;
}

/** The supplement waits over the whole history (for display and for readers of stored facts). */
export function supplementPauses(requests: readonly number[], supplied: readonly SupplementSupplied[]): SupplementPause[] {
  const pauses: SupplementPause[] = [];
  const steps = [...requests.map((at) => ({ at, request: true })), ...supplied.map((s) => ({ at: s.at, request: false }))]
    .sort((a, b) => a.at - b.at || Number(b.request) - Number(a.request));
  let open: number | undefined;
  for (const step of steps) {
    if (step.request) open ??= step.at;
    else if (open !== undefined) {
      pauses.push({ from: open, to: step.at });
      open = undefined;
    }
  }
  if (open !== undefined) pauses.push({ from: open });
  return pauses;
}

/** The instant a dossier is judged at: its end when it ended by `evaluatedAt`, else `evaluatedAt` itself. */
export function judgedAt(d: DossierFacts, evaluatedAt: number): { readonly t: number; readonly finished: boolean } {
  return judgedAtEnd(endOf(d), evaluatedAt);
}

/** judgedAt of a dossier whose end (endOf) is `end`: for a caller that judges one dossier at several instants. */
export function judgedAtEnd(end: number | undefined, evaluatedAt: number): { readonly t: number; readonly finished: boolean } {
  const finished = end !== undefined && end <= evaluatedAt;
  return { t: finished ? (end as number) : evaluatedAt, finished };
}

/**
 * On time at `evaluatedAt` (DOMAIN.md §3): a finished dossier compares its end with its due time;
 * a pending one is on time while not yet overdue. Too many supplement requests (made by the instant
 * it is judged at) make it late, and so does a processing record without the handler's name or
 * title where the rule set says so.
 */
export function isOnTime(d: DossierFacts, evaluatedAt: number, rules: RuleSet): boolean {
  const { t } = judgedAt(d, evaluatedAt);
  if (supplementRequestsBy(d, t) > rules.dossier.maxSupplementRequestsOnTime) return false;
  if (rules.dossier.missingHandlerIsLate && (d.stepsWithoutHandler ?? 0) > 0) return false;
  const due = effectiveDueAt(d, t);
  if (due === undefined) return true; // no due time set: nothing to be late against
  return t <= due;
}

/** Overdue at `evaluatedAt`: the opposite of on time, for a received dossier. */
export function isOverdue(d: DossierFacts, evaluatedAt: number, rules: RuleSet): boolean {
  return d.receivedAt !== undefined && !isOnTime(d, evaluatedAt, rules);
}
