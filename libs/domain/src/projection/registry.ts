import type { DossierFacts } from '../dossier/dossier-facts';
import type { DomainEvent } from '../events';
import type { PetitionFacts } from '../petition/petition-facts';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import type { SubjectFacts } from '../scoring/figures';
import type { UnitFacts } from '../units/unit-facts';
import { dossierProjection } from './dossier-projection';
import { petitionProjection } from './petition-projection';
import { procedureProjection } from './procedure-projection';
import type { SubjectProjection } from './subject-projection';
import { unitProjection } from './unit-projection';

/** Every subject kind the scoring projection folds; each event is handled by exactly one. */
export const SUBJECT_PROJECTIONS: readonly SubjectProjection[] = [
  dossierProjection as SubjectProjection,
  procedureProjection as SubjectProjection,
  petitionProjection as SubjectProjection,
  unitProjection as SubjectProjection,
];

export function projectionFor(event: DomainEvent, projections = SUBJECT_PROJECTIONS): SubjectProjection | undefined {
  return projections.find((p) => p.handles(event));
}

export interface StoredSubject {
  readonly kind: string;
  readonly facts: unknown;
}

/** Sorts stored subjects into the shape the criteria read. Unknown kinds are ignored. */
export function groupSubjects(subjects: readonly StoredSubject[]): Required<SubjectFacts> {
  const dossiers: DossierFacts[] = [];
  const procedures: ProcedureFacts[] = [];
  const petitions: PetitionFacts[] = [];
  const units: UnitFacts[] = [];
  for (const s of subjects) {
    if (s.kind === dossierProjection.kind) dossiers.push(s.facts as DossierFacts);
    else if (s.kind === procedureProjection.kind) procedures.push(s.facts as ProcedureFacts);
    else if (s.kind === petitionProjection.kind) petitions.push(s.facts as PetitionFacts);
    else if (s.kind === unitProjection.kind) units.push(s.facts as UnitFacts);
  }
  return { dossiers, procedures, petitions, units };
}
