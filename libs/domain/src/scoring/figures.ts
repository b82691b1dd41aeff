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

/**
 * Criteria that measure the procedure catalogue (1–3, 6, 7, 9, 10, 17) or the unit itself (15): a
 * unit has them whether or not it served anyone, so they are not activity.
 */
const NOT_ACTIVITY_CRITERIA = new Set([1, 2, 3, 6, 7, 9, 10, 15, 17]);

/**
 * THE activity rule (docs/one-score.md): a unit had activity in a period when a dossier or petition
 * criterion (4, 5, 8, 11–14, 16, 18–21) counts something — a dossier or a petition of the period.
 * A unit without activity still earns points (no petitions = full points; a procedure catalogue
 * alone scores criteria 1–3, 6), so it is neither ranked, nor averaged, nor given a band: its
 * score is "no data". Trends and "change since last period" skip such periods too.
 */
export function hasActivity(figures: ReadonlyMap<number, Figure>): boolean {
  for (const [id, f] of figures) if (!NOT_ACTIVITY_CRITERIA.has(id) && (f.denominator > 0 || f.numerator > 0)) return true;
  return false;
}
