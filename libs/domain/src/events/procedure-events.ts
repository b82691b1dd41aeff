import type { EventEnvelope } from './envelope';

/**
 * Procedure-catalogue events. The subject is a procedure at an authority (TTHC at a unit):
 * `unitCode` + `procedureCode`, so procedure counts add up from units to their province.
 */
type ProcedureEvent<T extends string, D> = EventEnvelope<T, D> & { readonly procedureCode: string };

/** Online public service level (DVCTT): none, partial (một phần) or full (toàn trình). */
export type OnlineServiceLevel = 'none' | 'partial' | 'full';

/**
 * The parts a published procedure must show (Decree 63/2010, art. 8, items a–g); which of them
 * are mandatory for criterion 3 is rule-set data.
 */
export type ProcedurePart =
  | 'name'
  | 'steps'
  | 'method'
  | 'components'
  | 'time-limit'
  | 'applicants'
  | 'authority'
  | 'result'
  | 'fees'
  | 'forms'
  | 'conditions'
  | 'legal-basis';

/** A decision (QĐCB) announced the procedure; criterion 1 compares its date with the legal basis. */
export type ProcedureAnnounced = ProcedureEvent<
  'procedure.announced',
  {
    readonly decisionCode: string;
    /** Local date of the QĐCB (YYYY-MM-DD). */
    readonly decisionDate: string;
    /** Local date the legal basis defining the procedure takes effect (YYYY-MM-DD). */
    readonly legalBasisEffectiveDate: string;
    readonly name?: string;
    /** False when the procedure's result is not a document (criteria 12, 13); default true. */
    readonly resultIsDocument?: boolean;
  }
>;
/** Published on the national procedure database; `occurredAt` is the publication time (criterion 2). */
export type ProcedurePublished = ProcedureEvent<'procedure.published', { readonly decisionCode?: string }>;
/** Which parts the published procedure currently shows (criterion 3). */
export type ProcedureContentAssessed = ProcedureEvent<'procedure.content-assessed', { readonly presentParts: readonly ProcedurePart[] }>;
export type ProcedureOnlineServiceSet = ProcedureEvent<'procedure.online-service-set', { readonly level: OnlineServiceLevel }>;
export type ProcedureFeeConfigured = ProcedureEvent<'procedure.fee-configured', { readonly feeBearing: boolean }>;
export type ProcedurePaymentIntegrated = ProcedureEvent<'procedure.payment-integrated', { readonly integrated: boolean }>;
/** Whether citizens (not only organisations) carry out the procedure (criterion 17). */
export type ProcedureAudienceSet = ProcedureEvent<'procedure.audience-set', { readonly citizenFacing: boolean }>;
/** The procedure left the unit's authority (abolished or transferred); it stops counting from then. */
export type ProcedureAbolished = ProcedureEvent<'procedure.abolished', { readonly decisionCode?: string }>;

export type ProcedureEventUnion =
  | ProcedureAnnounced
  | ProcedurePublished
  | ProcedureContentAssessed
  | ProcedureOnlineServiceSet
  | ProcedureFeeConfigured
  | ProcedurePaymentIntegrated
  | ProcedureAudienceSet
  | ProcedureAbolished;
