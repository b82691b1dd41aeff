import type { EventEnvelope } from './envelope';

/**
 * An official imported the national portal's own evaluation figures (Cổng DVCQG, Decision 766) for
 * one period and one area (the unit in `unitCode` and the units below it), to reconcile them with
 * ours (docs/reconciliation.md). The file is kept byte for byte (base64), so every reconciliation
 * re-reads the very bytes that were imported: the same import gives the same figures. Recorded by
 * the reporting service, never sent by a one-stop system; no score reads it (no projection folds it).
 */
export type PortalEvaluationImported = EventEnvelope<
  'portal.evaluation-imported',
  {
    /** The period the figures are for (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY). */
    readonly period: string;
    /** The file's bytes, base64. */
    readonly sourceBase64: string;
    /** SHA-256 of the bytes, hex: names the import with the area and period. */
    readonly sourceSha256: string;
    readonly fileName?: string;
    /** The console account that imported it. */
    readonly importedBy: string;
    /** Where the platform fetched it from, when it fetched it (else an upload). */
    readonly fetchedFrom?: string;
  }
>;

export type PortalEvaluationEvent = PortalEvaluationImported;
