import type { DomainEventType } from '@idx/domain';
import type { z } from 'zod';
import * as dossier from './dossier.schema';
import * as petition from './petition.schema';
import * as portal from './portal-evaluation.schema';
import * as procedure from './procedure.schema';
import * as unit from './unit.schema';

/**
 * Wire schemas by event type and schema version. A new version adds an entry here and an upcaster
 * from the previous version in libs/domain/src/events/upcasters.ts; the contract tests check that
 * the two agree for every type. Typed by the domain's event types, so a type without a schema does
 * not compile.
 */
export const EVENT_SCHEMAS: Readonly<Record<DomainEventType, Readonly<Record<number, z.ZodType>>>> = {
  'dossier.submitted': { 1: dossier.dossierSubmittedV1 },
  'dossier.received': { 1: dossier.dossierReceivedV1 },
  'dossier.refused': { 1: dossier.dossierRefusedV1 },
  'dossier.processing-step': { 1: dossier.dossierProcessingStepV1 },
  'dossier.supplement-requested': { 1: dossier.dossierSupplementRequestedV1 },
  'dossier.supplement-supplied': { 1: dossier.dossierSupplementSuppliedV1, 2: dossier.dossierSupplementSuppliedV2 },
  'dossier.financial-obligation': { 1: dossier.dossierFinancialObligationV1 },
  'dossier.fee-paid': { 1: dossier.dossierFeePaidV1 },
  'dossier.withdrawn': { 1: dossier.dossierWithdrawnV1 },
  'dossier.stopped': { 1: dossier.dossierStoppedV1 },
  'dossier.processed': { 1: dossier.dossierProcessedV1 },
  'dossier.result-returned': { 1: dossier.dossierResultReturnedV1 },
  'dossier.components-digitised': { 1: dossier.dossierComponentsDigitisedV1 },
  'dossier.components-reused': { 1: dossier.dossierComponentsReusedV1 },
  'dossier.citizen-store-linked': { 1: dossier.dossierCitizenStoreLinkedV1 },
  'dossier.e-result-issued': { 1: dossier.dossierEResultIssuedV1 },
  'dossier.population-data-used': { 1: dossier.dossierPopulationDataUsedV1 },
  'dossier.synced': { 1: dossier.dossierSyncedV1 },
  'dossier.rated': { 1: dossier.dossierRatedV1 },
  'procedure.announced': { 1: procedure.procedureAnnouncedV1 },
  'procedure.published': { 1: procedure.procedurePublishedV1 },
  'procedure.content-assessed': { 1: procedure.procedureContentAssessedV1 },
  'procedure.online-service-set': { 1: procedure.procedureOnlineServiceSetV1 },
  'procedure.fee-configured': { 1: procedure.procedureFeeConfiguredV1 },
  'procedure.payment-integrated': { 1: procedure.procedurePaymentIntegratedV1 },
  'procedure.audience-set': { 1: procedure.procedureAudienceSetV1 },
  'procedure.abolished': { 1: procedure.procedureAbolishedV1 },
  'petition.received': { 1: petition.petitionReceivedV1 },
  'petition.answered': { 1: petition.petitionAnsweredV1 },
  'petition.rated': { 1: petition.petitionRatedV1 },
  'petition.reopened': { 1: petition.petitionReopenedV1 },
  'petition.linked-to-dossier': { 1: petition.petitionLinkedToDossierV1 },
  'unit.registered': { 1: unit.unitRegisteredV1 },
  'unit.renamed': { 1: unit.unitRenamedV1 },
  'unit.merged': { 1: unit.unitMergedV1 },
  'unit.dissolved': { 1: unit.unitDissolvedV1 },
  'unit.certification-competence-set': { 1: unit.unitCertificationCompetenceSetV1 },
  'unit.national-codes-set': { 1: unit.unitNationalCodesSetV1 },
  'certified-copy.issued': { 1: unit.certifiedCopyIssuedV1 },
  'portal.evaluation-imported': { 1: portal.portalEvaluationImportedV1 },
};

export const KNOWN_EVENT_TYPES: readonly string[] = Object.keys(EVENT_SCHEMAS);
