import { createHash } from 'node:crypto';
import { EVENT_SCHEMAS } from '@idx/contracts';
import type { PortalEvaluationImported } from '@idx/domain';
import type { PortalImportDto } from '@idx/contracts';

/** Names the platform's own records; a one-stop system never sends this type (ingest refuses it). */
export const RECONCILIATION_SOURCE = 'qd766-reporting';

// UUID v5 namespace of portal evaluation imports (random, fixed): ids derive from the area, the period and the file.
const NAMESPACE = Buffer.from('5b1f0c3e9a7d4e21b8c64f0d2e9a7b13', 'hex');

/** UUID v5 (RFC 9562): the same name gives the same id. */
export function uuidV5(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The import's id: the same bytes for the same area and period are the same import. */
export const importIdOf = (areaCode: string, period: string, sha256: string): string => uuidV5(`${areaCode}\n${period}\n${sha256}`);

export interface ImportFacts {
  readonly areaCode: string;
  readonly period: string;
  readonly bytes: Uint8Array;
  readonly importedBy: string;
  readonly at: Date;
  readonly fileName?: string;
  readonly fetchedFrom?: string;
}

/** The event that keeps an import, validated by its wire schema like any other. */
export function importEventOf(f: ImportFacts): PortalEvaluationImported {
  const sourceSha256 = sha256Hex(f.bytes);
  const event: PortalEvaluationImported = {
    eventId: importIdOf(f.areaCode, f.period, sourceSha256),
    type: 'portal.evaluation-imported',
    schemaVersion: 1,
    occurredAt: f.at.toISOString(),
    sourceSystem: RECONCILIATION_SOURCE,
    unitCode: f.areaCode,
    data: {
      period: f.period,
      sourceBase64: Buffer.from(f.bytes).toString('base64'),
      sourceSha256,
      importedBy: f.importedBy,
      ...(f.fileName ? { fileName: f.fileName } : {}),
      ...(f.fetchedFrom ? { fetchedFrom: f.fetchedFrom } : {}),
    },
  };
  const checked = EVENT_SCHEMAS['portal.evaluation-imported'][1].safeParse(event);
  if (!checked.success) throw new Error(`an import event failed its own schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return event;
}

export const sourceBytesOf = (e: PortalEvaluationImported): Buffer => Buffer.from(e.data.sourceBase64, 'base64');

export function importDtoOf(e: PortalEvaluationImported): PortalImportDto {
  return {
    importId: e.eventId, unitCode: e.unitCode, period: e.data.period, importedAt: e.occurredAt, importedBy: e.data.importedBy,
    fileName: e.data.fileName ?? null, fetchedFrom: e.data.fetchedFrom ?? null, sourceSha256: e.data.sourceSha256, bytes: sourceBytesOf(e).length,
  };
}
