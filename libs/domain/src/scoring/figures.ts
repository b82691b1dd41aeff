import type { DossierFacts } from '../dossier/dossier-facts';
import type { RuleSet } from '../rules/rule-set';
import type { Period } from '../time/periods';

/** Counts behind one criterion for one unit and period. */
export interface Figure {
  readonly numerator: number;
  readonly denominator: number;
  /** The criterion does not apply to this unit (e.g. no fee-bearing procedures). */
  readonly notApplicable?: boolean;
}

/** The folded subjects a unit's score is computed from. More kinds join as criteria need them. */
export interface SubjectFacts {
  readonly dossiers: readonly DossierFacts[];
}

export interface ScoringInput {
  readonly subjects: SubjectFacts;
  readonly period: Period;
  /** Evaluation instant: pending dossiers are judged at min(period end, asOf). */
  readonly asOf: number;
  readonly ruleSet: RuleSet;
}

/** One criterion's rule: how its numerator and denominator come out of the facts. */
export interface CriterionCalculator {
  readonly id: number;
  compute(input: ScoringInput): Figure;
}

export function receivedIn(d: DossierFacts, period: Period): boolean {
  return d.receivedAt !== undefined && d.receivedAt >= period.start && d.receivedAt < period.end;
}
