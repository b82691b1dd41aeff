import type { SubjectKind } from '../events/streams';

/**
 * The kind of subject each criterion counts: its numerator and denominator are counts of these
 * (procedures-at-authority, dossiers, petitions or units). Explaining a criterion lists them.
 */
export const CRITERION_SUBJECT_KIND: Readonly<Record<number, SubjectKind>> = {
  1: 'procedure', 2: 'procedure', 3: 'procedure', 4: 'dossier', 5: 'dossier', 6: 'procedure', 7: 'procedure',
  8: 'dossier', 9: 'procedure', 10: 'procedure', 11: 'dossier', 12: 'dossier', 13: 'dossier', 14: 'dossier',
  15: 'unit', 16: 'dossier', 17: 'procedure', 18: 'dossier', 19: 'petition', 20: 'petition', 21: 'dossier',
};
