import type { RuleSet } from '../rules/rule-set';
import { endOfLocalDate, localDateOf } from '../time/local-date';
import { addWorkingDays } from '../time/working-days';
import type { PetitionFacts, PetitionRound } from './petition-facts';

/** A round's deadline: its own instant, else the end of the N-th working day after it opened. */
export function roundDueAt(round: PetitionRound, rules: RuleSet): number {
  if (round.dueAt !== undefined) return round.dueAt;
  const days = round.dueInWorkingDays ?? rules.deadlines.petitionDefaultWorkingDays;
  return endOfLocalDate(addWorkingDays(localDateOf(round.openedAt), days, rules.calendar));
}

/**
 * On time at `evaluatedAt` (criterion 19): every round opened by then was answered by its deadline,
 * or is still open and not yet due. An answer after `evaluatedAt` is not known yet. `dueOf` is
 * roundDueAt, or a memo of it: a caller judging one petition at several instants (the tallies of
 * its month, quarter, half and year) counts working days once per round.
 */
export function isPetitionOnTime(p: PetitionFacts, evaluatedAt: number, rules: RuleSet, dueOf: typeof roundDueAt = roundDueAt): boolean {
  for (const round of p.rounds) {
    if (round.openedAt >= evaluatedAt) continue;
    const due = dueOf(round, rules);
    const answered = round.answeredAt !== undefined && round.answeredAt < evaluatedAt ? round.answeredAt : undefined;
    if ((answered ?? evaluatedAt) > due) return false;
  }
  return true;
}
