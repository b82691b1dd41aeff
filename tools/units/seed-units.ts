import type { IngestResponseDto } from '@idx/contracts';
import { nationalUnitEvents } from '@idx/domain';

/** Events per request: well under ingest's body limit. */
const BATCH = 2000;

export interface SeedReport {
  readonly units: number;
  readonly events: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  /** The first rejection's reason, if any. */
  readonly firstReason?: string;
  readonly ms: number;
}

/** A seed that could not be done: ingest unreachable or refusing the key. */
export class SeedError extends Error {}

/**
 * Registers the whole country (docs/units.md) through ingest with the unit registry's key, as
 * npm start does. Idempotent: the events' ids are derived from what they say, so a second run is
 * answered "duplicate" event by event.
 */
export async function seedNationalUnits(ingestUrl: string, apiKey: string): Promise<SeedReport> {
  const started = Date.now();
  const events = nationalUnitEvents();
  let accepted = 0;
  let duplicate = 0;
  let rejected = 0;
  let firstReason: string | undefined;
  for (let i = 0; i < events.length; i += BATCH) {
    const res = await fetch(`${ingestUrl}/api/v1/events`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${apiKey}` },
      body: events.slice(i, i + BATCH).map((e) => JSON.stringify(e)).join('\n'),
    }).catch((error: unknown) => {
      throw new SeedError(`could not reach ingest at ${ingestUrl}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
    });
    if (res.status !== 200) throw new SeedError(`ingest answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    const answer = (await res.json()) as IngestResponseDto;
    accepted += answer.accepted;
    duplicate += answer.duplicate;
    rejected += answer.rejected;
    firstReason ??= answer.results.find((r) => r.status === 'rejected')?.reason;
  }
  const units = new Set(events.map((e) => e.unitCode)).size;
  return { units, events: events.length, accepted, duplicate, rejected, ...(firstReason ? { firstReason } : {}), ms: Date.now() - started };
}
