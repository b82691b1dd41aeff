import type { DossierFacts } from '../dossier/dossier-facts';
import type { PetitionFacts } from '../petition/petition-facts';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import type { RuleSet } from '../rules/rule-set';
import type { Period } from '../time/periods';
import type { UnitFacts } from '../units/unit-facts';

/**
 * Counts behind one criterion for one unit and period. Every field adds up across units
 * (poolFigures), so a province is scored on its own and its sub-units' pooled counts.
 */
export interface Figure {
  readonly numerator: number;
  readonly denominator: number;
  /** The criterion does not apply to this unit's data (e.g. no fee-bearing procedures). */
  readonly notApplicable?: boolean;
  /**
   * Denominator to use if `denominator` is 0 under a `fallback-average` policy (criterion 4: last
   * year's monthly average of received dossiers × months in the period).
   */
  readonly fallbackDenominator?: number;
  /**
   * Numerator that goes with the fallback denominator (criterion 4: dossiers synced in the period,
   * whenever received — with nothing received the ordinary numerator is always 0).
   */
  readonly fallbackNumerator?: number;
  /** Data-quality notes that travel with the figure. */
  readonly flags?: readonly string[];
}

/** The folded subjects a unit's score is computed from. Kinds other than dossiers are optional. */
export interface SubjectFacts {
  readonly dossiers: readonly DossierFacts[];
  readonly procedures?: readonly ProcedureFacts[];
  readonly petitions?: readonly PetitionFacts[];
  readonly units?: readonly UnitFacts[];
}

export interface ScoringInput {
  readonly subjects: SubjectFacts;
  readonly period: Period;
  /** Evaluation instant: pending items are judged at min(period end, asOf). */
  readonly asOf: number;
  readonly ruleSet: RuleSet;
  /**
   * Criterion 4 fallback: the unit's average number of dossiers received per month last year
   * (see monthlyAverageReceived). Absent = unknown: an empty month then scores 0 with a flag.
   */
  readonly lastYearMonthlyReceivedAverage?: number;
}

/** One criterion's rule: how its numerator and denominator come out of the facts. */
export interface CriterionCalculator {
  readonly id: number;
  compute(input: ScoringInput): Figure;
}

export function receivedIn(d: DossierFacts, period: Period): boolean {
  return d.receivedAt !== undefined && d.receivedAt >= period.start && d.receivedAt < period.end;
}

/** A figure with only the fields that say something, so stored JSON stays small and comparable. */
export function figure(numerator: number, denominator: number, extra: Omit<Figure, 'numerator' | 'denominator'> = {}): Figure {
  return {
    numerator,
    denominator,
    ...(extra.notApplicable ? { notApplicable: true } : {}),
    ...(extra.fallbackDenominator !== undefined ? { fallbackDenominator: extra.fallbackDenominator } : {}),
    ...(extra.fallbackNumerator !== undefined ? { fallbackNumerator: extra.fallbackNumerator } : {}),
    ...(extra.flags && extra.flags.length > 0 ? { flags: [...new Set(extra.flags)].sort() } : {}),
  };
}

/** Counts the items that pass `counted` among those `selected`. */
export function countFigure<T>(items: Iterable<T>, selected: (item: T) => boolean, counted: (item: T) => boolean): Figure {
  let numerator = 0;
  let denominator = 0;
  for (const item of items) {
    if (!selected(item)) continue;
    denominator += 1;
    if (counted(item)) numerator += 1;
  }
  return figure(numerator, denominator);
}

/** The unit criterion (15) counts the unit itself, every month: it is not activity. */
const UNIT_ONLY_CRITERIA = new Set([15]);

/**
 * Whether a unit had anything to score in a period: some dossier, procedure or petition criterion
 * has a denominator. A month without activity still gets points (no petitions = full points), so
 * trends and "change since last period" must not compare against such a month as if it had data.
 */
export function hasActivity(figures: ReadonlyMap<number, Figure>): boolean {
  for (const [id, f] of figures) if (!UNIT_ONLY_CRITERIA.has(id) && (f.denominator > 0 || f.numerator > 0)) return true;
  return false;
}
