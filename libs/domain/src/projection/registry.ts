import type { DossierFacts } from '../dossier/dossier-facts';
import { type DomainEvent, upcastEvent } from '../events';
import type { PetitionFacts } from '../petition/petition-facts';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import type { SubjectFacts } from '../scoring/figures';
import type { UnitFacts } from '../units/unit-facts';
import { dossierProjection } from './dossier-projection';
import { petitionProjection } from './petition-projection';
import { procedureProjection } from './procedure-projection';
import type { SubjectProjection } from './subject-projection';
import { unitProjection } from './unit-projection';

/**
 * Events reach a fold as they were stored, at whatever schema version they were sent in: every
 * projection reads them upcast to the current version (events/upcasters.ts), so the projector,
 * replays, rebuilds and audits all see one shape.
 */
function upcasting(p: SubjectProjection): SubjectProjection {
  return {
    ...p,
    evolve: (state, event) => p.evolve(state, upcastEvent(event)),
    ...(p.touchedBy ? { touchedBy: (before: unknown, after: unknown, event: DomainEvent) => p.touchedBy?.(before, after, upcastEvent(event)) } : {}),
  };
}

/** Every subject kind the scoring projection folds; each event is handled by exactly one. */
export const SUBJECT_PROJECTIONS: readonly SubjectProjection[] = [
  dossierProjection as SubjectProjection,
  procedureProjection as SubjectProjection,
  petitionProjection as SubjectProjection,
  unitProjection as SubjectProjection,
].map(upcasting);

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
