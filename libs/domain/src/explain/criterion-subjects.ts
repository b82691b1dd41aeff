import type { SubjectKind } from '../events/streams';
import type { SubjectOfAnyKind } from './subject-summary';

/**
 * The kind of subject each criterion counts: its numerator and denominator are counts of these
 * (procedures-at-authority, dossiers, petitions or units). Explaining a criterion lists them.
 */
export const CRITERION_SUBJECT_KIND: Readonly<Record<number, SubjectKind>> = {
  1: 'procedure', 2: 'procedure', 3: 'procedure', 4: 'dossier', 5: 'dossier', 6: 'procedure', 7: 'procedure',
  8: 'dossier', 9: 'procedure', 10: 'procedure', 11: 'dossier', 12: 'dossier', 13: 'dossier', 14: 'dossier',
  15: 'unit', 16: 'dossier', 17: 'procedure', 18: 'dossier', 19: 'petition', 20: 'petition', 21: 'dossier',
};

/**
 * The kinds of subject each criterion's calculator reads: the kind it counts, and for the criteria
 * that join kinds the other (7, 9, 10, 17 judge a procedure by its dossiers — dossiersOf; 12 and 13
 * a dossier by its procedure's resultIsDocument). A change to a subject of a kind a criterion does
 * not read changes neither its figure nor its explanation (explain's deltas ignore it). The payment
 * criteria's "not applicable" (no fee-bearing procedure) is a flag on the figure, not a count, so 11
 * counts dossiers alone.
 */
export const CRITERION_READS: Readonly<Record<number, readonly SubjectKind[]>> = {
  1: ['procedure'], 2: ['procedure'], 3: ['procedure'], 4: ['dossier'], 5: ['dossier'], 6: ['procedure'], 7: ['procedure', 'dossier'],
  8: ['dossier'], 9: ['procedure', 'dossier'], 10: ['procedure', 'dossier'], 11: ['dossier'], 12: ['dossier', 'procedure'],
  13: ['dossier', 'procedure'], 14: ['dossier'], 15: ['unit'], 16: ['dossier'], 17: ['procedure', 'dossier'], 18: ['dossier'],
  19: ['petition'], 20: ['petition'], 21: ['dossier'],
};

/**
 * The key the joined criteria (those CRITERION_READS gives two kinds: 7, 9, 10, 17, 12, 13) join their
 * two kinds by: a dossier's procedure code and a procedure's own (ScoringContext.dossiersOf and
 * resultIsDocument look nothing else up). A subject of the counted kind is judged with only the
 * other kind's subjects of its code, so a change to one dossier can only move the rows of its
 * procedure code (old and new), and one to a procedure only the rows of its dossiers. Undefined: a
 * subject that joins nothing (a dossier not yet received, a petition, a unit).
 */
export function joinCodeOf(subject: SubjectOfAnyKind): string | undefined {
  return subject.kind === 'dossier' || subject.kind === 'procedure' ? subject.procedureCode : undefined;
}

/** The other kind a joined criterion reads (the one it does not count), or undefined for a criterion of one kind. */
export function joinedKindOf(criterion: number): SubjectKind | undefined {
  return CRITERION_READS[criterion]?.find((k) => k !== CRITERION_SUBJECT_KIND[criterion]);
}
