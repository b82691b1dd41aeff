import { CALCULATORS } from '../scoring/calculators';
import type { CriterionCalculator, ScoringInput, SubjectFacts } from '../scoring/figures';
import { evaluationInstant } from '../time/periods';
import { CRITERION_SUBJECT_KIND, joinCodeOf, joinedKindOf } from './criterion-subjects';
import { codeOf, type FactValue, streamIdOfSubject, type SubjectOfAnyKind, summaryOf } from './subject-summary';
import { whyNotCounted } from './why-not-counted';

export interface ExplainedSubject {
  readonly kind: SubjectOfAnyKind['kind'];
  readonly code: string;
  readonly unitCode: string;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
  readonly costsPoints: boolean;
  readonly reason: { readonly vi: string; readonly en: string } | null;
  readonly lateByMs: number | null;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly streamId: string;
}

const LIST_OF: Readonly<Record<SubjectOfAnyKind['kind'], keyof SubjectFacts>> = {
  dossier: 'dossiers', procedure: 'procedures', petition: 'petitions', unit: 'units',
};

/**
 * How one subject of the counted kind is judged for a criterion at an instant: whether it is in the
 * numerator and the denominator, and for one that costs points why (and how late). What an official
 * reads about it (its code, facts) is explainedOf's, made only for the subjects shown.
 */
export interface SubjectJudgement {
  readonly subject: SubjectOfAnyKind;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
  readonly costsPoints: boolean;
  readonly reason: { readonly vi: string; readonly en: string } | null;
  readonly lateByMs: number | null;
}

/**
 * The subjects behind a criterion's figure, in the input's order: each one of the counted kind is run
 * through the same calculator alone, so what is judged counted is exactly what the figure counts.
 * For the criteria that join two kinds (7, 9, 10, 17 judge a procedure by its dossiers; 12, 13 a
 * dossier by its procedure) it is run with only the other kind's subjects of its procedure code
 * (joinCodeOf): the same judgement (the calculators look nothing else up), without each subject's run
 * indexing the whole other kind (procedures × dossiers for criterion 7). A subject in neither the
 * numerator nor the denominator is left out.
 */
export function judgeCriterionSubjects(criterion: number, input: ScoringInput, calculators: readonly CriterionCalculator[] = CALCULATORS): SubjectJudgement[] {
  const calculator = calculators.find((c) => c.id === criterion);
  const kind = CRITERION_SUBJECT_KIND[criterion];
  if (!calculator || !kind) throw new RangeError(`criterion ${criterion} is not one of 1–21`);
  const list = LIST_OF[kind];
  const evaluatedAt = evaluationInstant(input.period, input.asOf);
  const partnersOf = joinedPartners(criterion, input);
  const judged: SubjectJudgement[] = [];
  for (const subject of (input.subjects[list] ?? []) as readonly SubjectOfAnyKind[]) {
    const alone = calculator.compute({ ...input, subjects: { ...input.subjects, ...partnersOf(subject), [list]: [subject] } });
    if (alone.denominator <= 0 && alone.numerator <= 0) continue;
    const inNumerator = alone.numerator > 0;
    const inDenominator = alone.denominator > 0;
    const costsPoints = inDenominator && !inNumerator;
    const reason = costsPoints ? whyNotCounted(criterion, subject, evaluatedAt, input.ruleSet) : null;
    judged.push({ subject, inNumerator, inDenominator, costsPoints, reason: reason ? { vi: reason.vi, en: reason.en } : null, lateByMs: reason?.lateByMs ?? null });
  }
  return judged;
}

/** A judged subject as an official reads it: its code, unit, the facts looked at first and its stream. */
export function explainedOf(j: SubjectJudgement): ExplainedSubject {
  const { subject } = j;
  return {
    kind: subject.kind, code: codeOf(subject), unitCode: subject.unitCode, inNumerator: j.inNumerator, inDenominator: j.inDenominator,
    costsPoints: j.costsPoints, reason: j.reason, lateByMs: j.lateByMs, facts: summaryOf(subject), streamId: streamIdOfSubject(subject),
  };
}

/**
 * For a joined criterion, each subject's partners: the other kind's subjects of its procedure code
 * (none without one); for a criterion of one kind, nothing replaced.
 */
function joinedPartners(criterion: number, input: ScoringInput): (subject: SubjectOfAnyKind) => Partial<SubjectFacts> {
  const other = joinedKindOf(criterion);
  if (!other) return () => ({});
  const otherList = LIST_OF[other];
  const byCode = new Map<string, SubjectOfAnyKind[]>();
  for (const s of (input.subjects[otherList] ?? []) as readonly SubjectOfAnyKind[]) {
    const code = joinCodeOf(s);
    if (code === undefined) continue;
    const group = byCode.get(code);
    if (group) group.push(s);
    else byCode.set(code, [s]);
  }
  return (subject) => {
    const code = joinCodeOf(subject);
    return { [otherList]: (code === undefined ? undefined : byCode.get(code)) ?? [] };
  };
}
