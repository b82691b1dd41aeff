import { createHash } from 'node:crypto';
import { MAX_EVENT_BYTES, MAX_EVENT_DEPTH, validateEvent } from '@idx/contracts';
import { type DomainEvent, type DossierLifecycleEvent, streamIdOf } from '@idx/domain';
import type { DeadLetter, EventStore } from '@idx/event-store';
import {
  deriveDossierEvents, deriveProgressEvents, KnownDossier, PORTAL_CODES, type PortalItemResult, type PortalSyncAnswer, readDossierSnapshot,
  readProgressRecord, readSyncRequest, resolveDossierUnit, summaryMessage, type SyncService, type UnitCodeResolver, unitCodeCandidates,
} from '@idx/portal-sync';
import type { Pool } from 'pg';
import { BatchUnitView } from '../auth/unit-directory';
import { writeRefusal } from '../auth/write-permission';
import type { Writer } from '../auth/writer';
import { firstInvalidUtf8, jsonDepth } from '../json-bytes';
import type { DeadLetterSink, UnitSource } from '../ingestion-service';
import { syncDataItemBytes } from './sync-body-items';

/** A body that cannot be read as a sync call at all (answered 400, kept whole as a dead letter). */
export class UnreadableSyncBodyError extends Error {}

const MAX_SYNC_BODY_BYTES = 16 * 1024 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface Pending {
  readonly index: number;
  readonly dossierCode: string;
  readonly unitCode: string;
  readonly nationalCode: string;
  readonly raw: Buffer;
  readonly events: DossierLifecycleEvent[];
}

/**
 * Accepts the national portal's sync calls (DongBoHoSoMC snapshots, CapNhatTienDoHoSoMC steps) as
 * a one-stop system already sends them: reads each dossier, names its unit by national code,
 * compares it with what the store holds of that dossier, appends the events it implies (ids
 * derived, so a repeat appends nothing), keeps every item's bytes (accepted: portal_snapshots with
 * the event ids; rejected: dead letters) and answers per dossier. A bad dossier never costs its
 * neighbours; the writer's unit ownership applies to every derived event.
 */
export class PortalSyncService {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly deadLetters: DeadLetterSink,
    private readonly units: UnitSource,
    private readonly resolver: UnitCodeResolver,
  ) {}

  /** Reads the envelope only (for the session it may carry); throws UnreadableSyncBodyError. */
  parse(body: Buffer): unknown {
    if (body.length === 0) throw new UnreadableSyncBodyError('(body): empty; send {"service": "DongBoHoSoMC", "data": [...]}');
    if (body.length > MAX_SYNC_BODY_BYTES) throw new UnreadableSyncBodyError(`(body): ${body.length} bytes, more than ${MAX_SYNC_BODY_BYTES}; split the call`);
    // The body's own limits (size above, nesting here); each dossier is held to an event's 64 KiB in sync().
    const depth = jsonDepth(body, 0, body.length, MAX_EVENT_DEPTH);
    if (depth > MAX_EVENT_DEPTH) throw new UnreadableSyncBodyError(`(body): nested deeper than ${MAX_EVENT_DEPTH} levels; a sync call needs 4`);
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      throw new UnreadableSyncBodyError(`(body): not valid UTF-8 at byte ${firstInvalidUtf8(body)}; send the text encoded as UTF-8`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not reach a stored reason
      throw new UnreadableSyncBodyError(`(body): not valid JSON (${String((error as Error).message).replace(/[\u0000-\u001f]/g, ' ').slice(0, 200)})`);
    }
  }

  /** The unit a snapshot of this dossier from this source was resolved to (the newest), if any. */
  private async unitOfSyncedDossier(source: string, dossierCode: string): Promise<{ ok: true; unitCode: string; nationalCode: string } | undefined> {
    const r = await this.pool.query<{ unit_code: string; national_code: string }>(
      `SELECT unit_code, national_code FROM portal_snapshots WHERE source = $1 AND dossier_code = $2 AND service = 'DongBoHoSoMC' ORDER BY id DESC LIMIT 1`,
      [source, dossierCode],
    );
    return r.rows[0] ? { ok: true, unitCode: r.rows[0].unit_code, nationalCode: r.rows[0].national_code } : undefined;
  }

  async sync(body: Buffer, parsed: unknown, writer: Writer, serviceFromPath?: SyncService): Promise<PortalSyncAnswer> {
    const source = `portal:${writer.sourceSystem}`;
    const reading = readSyncRequest(parsed, serviceFromPath);
    if (!reading.ok) {
      await this.deadLetters.keep([{ source, reason: reading.reason, raw: body }]);
      throw new UnreadableSyncBodyError(reading.reason);
    }
    const { request } = reading;
    const itemBytes = syncDataItemBytes(body);
    const rawOf = (i: number): Buffer => itemBytes?.[i] ?? Buffer.from(JSON.stringify(request.items[i]), 'utf8');
    await this.units.refresh();
    const view = new BatchUnitView(this.units);

    const results: PortalItemResult[] = new Array(request.items.length);
    const rejected: DeadLetter[] = [];
    const reject = (index: number, reason: string, dossierCode?: string): void => {
      results[index] = { index, ...(dossierCode ? { MaHoSo: dossierCode } : {}), error_code: PORTAL_CODES.PARTIAL, message: reason, status: 'rejected' };
      rejected.push({ source, reason, raw: rawOf(index) });
    };

    // 1. Read every item and name its unit.
    type Read = { index: number; unitCode: string; nationalCode: string; dossierCode: string; derive: (k: KnownDossier) => DossierLifecycleEvent[] };
    const reads: Read[] = [];
    for (let index = 0; index < request.items.length; index++) {
      const path = `data[${index}]`;
      if (itemBytes && itemBytes[index] && itemBytes[index].length > MAX_EVENT_BYTES) {
        reject(index, `${path}: ${itemBytes[index].length} bytes, more than the ${MAX_EVENT_BYTES / 1024} KiB one dossier may have`);
        continue;
      }
      const ctx = (unitCode: string) => ({ unitCode, sourceSystem: writer.sourceSystem });
      if (request.service === 'DongBoHoSoMC') {
        const r = readDossierSnapshot(request.items[index], path);
        if (!r.ok) { reject(index, r.reason, r.dossierCode); continue; }
        const s = r.snapshot;
        const unit = await resolveDossierUnit(this.resolver, unitCodeCandidates({ ...s, bodyUnitCode: request.unitCode }), s.receivedAt === undefined ? undefined : Date.parse(s.receivedAt));
        if (!unit.ok) { reject(index, `${path}.${unit.reason}`, s.dossierCode); continue; }
        reads.push({ index, unitCode: unit.unitCode, nationalCode: unit.nationalCode, dossierCode: s.dossierCode, derive: (k) => deriveDossierEvents(s, ctx(unit.unitCode), k) });
      } else {
        const r = readProgressRecord(request.items[index], path);
        if (!r.ok) { reject(index, r.reason, r.dossierCode); continue; }
        const p = r.record;
        // A progress record names no unit of its own: the dossier's, as its snapshot resolved it, first.
        const known = await this.unitOfSyncedDossier(source, p.dossierCode);
        const unit = known ?? await resolveDossierUnit(this.resolver, unitCodeCandidates({ dossierCode: p.dossierCode, bodyUnitCode: request.unitCode }));
        if (!unit.ok) { reject(index, `${path}.${unit.reason}`, p.dossierCode); continue; }
        reads.push({ index, unitCode: unit.unitCode, nationalCode: unit.nationalCode, dossierCode: p.dossierCode, derive: (k) => deriveProgressEvents(p, ctx(unit.unitCode), k) });
      }
    }

    // 2. What the store holds of these dossiers, then derive item by item (later items see earlier ones).
    const streamOf = (r: Read) => `dossier-${r.unitCode}-${r.dossierCode}`;
    const known = await this.knownDossiers([...new Set(reads.map(streamOf))]);
    const pending: Pending[] = [];
    for (const r of reads) {
      const stream = streamOf(r);
      const base = known.get(stream) ?? [];
      const trial = new KnownDossier(base);
      const events = r.derive(trial);
      const problems: string[] = [];
      const checked: DossierLifecycleEvent[] = [];
      for (const e of events) {
        const v = validateEvent(e);
        if (!v.ok) { problems.push(`derived ${e.type}: ${v.reason}`); continue; }
        const refusal = writeRefusal(v.event, writer, view);
        if (refusal !== undefined) { problems.push(refusal); break; }
        checked.push(v.event as DossierLifecycleEvent);
      }
      if (problems.length > 0) { reject(r.index, `data[${r.index}]: ${[...new Set(problems)].join('; ')}`, r.dossierCode); continue; }
      // Only an accepted item's events count for the items after it.
      known.set(stream, [...base, ...checked]);
      pending.push({ index: r.index, dossierCode: r.dossierCode, unitCode: r.unitCode, nationalCode: r.nationalCode, raw: rawOf(r.index), events: checked });
    }
    await this.deadLetters.keep(rejected);

    // 3. Append everything at once; answer per dossier.
    const all = pending.flatMap((p) => p.events);
    const outcomes = await this.store.appendMany(all.map((event) => ({ streamId: streamIdOf(event as DomainEvent), event: event as DomainEvent })));
    const conflicts: DeadLetter[] = [];
    let n = 0;
    for (const p of pending) {
      const events = p.events.map((e) => {
        const o = outcomes[n++];
        if (o.status === 'conflict') conflicts.push({ source, eventId: e.eventId, reason: `data[${p.index}]: derived ${e.type}: ${o.reason}`, raw: p.raw });
        return { eventId: e.eventId, type: e.type, status: o.status, ...(o.status === 'conflict' ? { reason: o.reason } : {}) };
      });
      const added = events.filter((e) => e.status === 'accepted').length;
      const clash = events.find((e) => e.status === 'conflict');
      results[p.index] = {
        index: p.index, MaHoSo: p.dossierCode, unitCode: p.unitCode,
        error_code: clash ? PORTAL_CODES.PARTIAL : PORTAL_CODES.OK,
        message: clash ? `data[${p.index}]: ${clash.reason}` : added > 0 ? `${added} event(s) derived` : 'nothing new: the store already holds every fact of this snapshot',
        status: added > 0 ? 'accepted' : 'unchanged', events,
      };
    }
    await this.deadLetters.keep(conflicts);
    await this.keepSnapshots(source, request.service, pending);

    const count = (s: PortalItemResult['status']) => results.filter((r) => r.status === s).length;
    const accepted = count('accepted');
    const unchanged = count('unchanged');
    const rejectedCount = count('rejected');
    const partial = rejectedCount > 0 || conflicts.length > 0;
    return {
      error_code: partial ? PORTAL_CODES.PARTIAL : PORTAL_CODES.OK, message: summaryMessage(accepted, unchanged, rejectedCount), service: request.service,
      accepted, unchanged, rejected: rejectedCount, results,
    };
  }

  private async knownDossiers(streamIds: readonly string[]): Promise<Map<string, DomainEvent[]>> {
    const known = new Map<string, DomainEvent[]>();
    if (streamIds.length === 0) return known;
    const r = await this.pool.query<{ stream_id: string; payload: DomainEvent }>(
      'SELECT stream_id, payload FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version', [streamIds],
    );
    for (const row of r.rows) known.set(row.stream_id, [...(known.get(row.stream_id) ?? []), row.payload]);
    return known;
  }

  private async keepSnapshots(source: string, service: string, pending: readonly Pending[]): Promise<void> {
    if (pending.length === 0) return;
    // One row per distinct bytes; the same bytes twice in one call count twice.
    const rows = new Map<string, { p: Pending; sha: Buffer; times: number }>();
    for (const p of pending) {
      const sha = createHash('sha256').update(p.raw).digest();
      const key = sha.toString('hex');
      const seen = rows.get(key);
      if (seen) seen.times += 1;
      else rows.set(key, { p, sha, times: 1 });
    }
    const list = [...rows.values()];
    await this.pool.query(
      `INSERT INTO portal_snapshots (source, service, dossier_code, unit_code, national_code, raw, raw_sha256, event_ids, occurrences)
       SELECT $1, $2, d, u, nc, r, s, ARRAY(SELECT jsonb_array_elements_text(e)::uuid), n
         FROM unnest($3::text[], $4::text[], $5::text[], $6::bytea[], $7::bytea[], $8::jsonb[], $9::int[]) AS x(d, u, nc, r, s, e, n)
       ON CONFLICT (source, raw_sha256) DO UPDATE SET
         occurrences = portal_snapshots.occurrences + excluded.occurrences, last_received_at = now(),
         event_ids = ARRAY(SELECT DISTINCT unnest(portal_snapshots.event_ids || excluded.event_ids))`,
      [source, service, list.map((x) => x.p.dossierCode), list.map((x) => x.p.unitCode), list.map((x) => x.p.nationalCode), list.map((x) => x.p.raw), list.map((x) => x.sha),
        list.map((x) => JSON.stringify(x.p.events.map((e) => e.eventId))), list.map((x) => x.times)],
    );
  }
}
