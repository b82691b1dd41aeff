import type { EventEnvelope } from './envelope';

export type UnitLevel = 'province' | 'department' | 'district' | 'commune';

/**
 * Unit events: the dated administrative tree (DOMAIN.md §6). `effectiveFrom` is a local date
 * (YYYY-MM-DD); when absent the change takes effect at `occurredAt`.
 */
export type UnitRegistered = EventEnvelope<
  'unit.registered',
  {
    readonly name: string;
    readonly level: UnitLevel;
    readonly parentCode?: string;
    readonly effectiveFrom?: string;
    /** National identifier codes (mã định danh, GSO codes) the unit is known by in other systems: docs/units.md. */
    readonly nationalCodes?: readonly string[];
  }
>;
export type UnitRenamed = EventEnvelope<'unit.renamed', { readonly name: string; readonly effectiveFrom?: string }>;
/** The unit ceased by merging into a successor, which carries its history forward. */
export type UnitMerged = EventEnvelope<'unit.merged', { readonly successorCode: string; readonly effectiveFrom: string }>;
/** The unit ceased; a successor is named when there is one to compare against. */
export type UnitDissolved = EventEnvelope<'unit.dissolved', { readonly effectiveFrom: string; readonly successorCode?: string }>;
/** Whether the unit is competent to issue electronic certified copies from originals (criterion 15). */
export type UnitCertificationCompetenceSet = EventEnvelope<
  'unit.certification-competence-set',
  { readonly competent: boolean; readonly effectiveFrom?: string }
>;

/** The unit's national identifier codes from now on (they replace the ones it had): docs/units.md. */
export type UnitNationalCodesSet = EventEnvelope<'unit.national-codes-set', { readonly nationalCodes: readonly string[] }>;

export type UnitEvent = UnitRegistered | UnitRenamed | UnitMerged | UnitDissolved | UnitCertificationCompetenceSet | UnitNationalCodesSet;
