import type { DomainEvent } from '../events';
import type { SubjectFacts } from '../scoring/figures';
import type { DossierFacts } from '../dossier/dossier-facts';
import { dossierProjection } from './dossier-projection';
import type { SubjectProjection } from './subject-projection';

/** Every subject kind the scoring projection folds. */
export const SUBJECT_PROJECTIONS: readonly SubjectProjection[] = [dossierProjection as SubjectProjection];

export function projectionFor(event: DomainEvent, projections = SUBJECT_PROJECTIONS): SubjectProjection | undefined {
  return projections.find((p) => p.handles(event));
}

export interface StoredSubject {
  readonly kind: string;
  readonly facts: unknown;
}

/** Sorts stored subjects into the shape the criteria read. */
export function groupSubjects(subjects: readonly StoredSubject[]): SubjectFacts {
  const dossiers: DossierFacts[] = [];
  for (const s of subjects) {
    if (s.kind === dossierProjection.kind) dossiers.push(s.facts as DossierFacts);
  }
  return { dossiers };
}
