import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import type { LogSealsDto, PeriodSnapshotDto, StreamEventsDto, UnitScoreDto, VerifyReportDto } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

/**
 * An outsider's few lines, written from docs/tamper-evidence.md and not from our code: JSON with
 * object keys sorted at every depth (UTF-16 code unit order), no spaces, strings as JSON.stringify writes them.
 */
function outsiderCanonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(outsiderCanonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${outsiderCanonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const U = 'HY-TE';

describe('tamper evidence over HTTP: every hashed field exposed, seals published and signed', () => {
  let platform: RunningPlatform;
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${platform.reportingUrl}${path}`)).json()) as T;
  const post = async (events: readonly DomainEvent[]) => {
    const res = await platform.postEvents(events);
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    Object.assign(process.env, { LOG_SEAL_INTERVAL_MS: '200' });
    platform = await startPlatform();
    const d = dossierEvents(U, 'OUT-1');
    await post([
      unitRegistered(U, 'Sở Thử nghiệm', 'department', 'HY'),
      d.received('2025-04-01T08:00:00', '2025-04-08T17:00:00', 'online'), d.processed('2025-04-03T10:00:00'), d.returned('2025-04-03T15:30:00'),
    ]);
    await waitFor(async () => (await get<UnitScoreDto>(`/api/v1/units/${U}/scores?period=2025-04`)).criteria?.find((c) => c.id === 5)?.denominator === 1,
      { what: 'April projected' });
  });
  afterAll(async () => {
    await platform?.stop();
    delete process.env['LOG_SEAL_INTERVAL_MS'];
  });

  it("recomputes every event's hash and the stream chain from the API's JSON alone", async () => {
    const history = await get<StreamEventsDto>(`/api/v1/streams/dossier-${U}-OUT-1/events`);
    expect(history.events).toHaveLength(3);
    let prev = '';
    for (const e of history.events) {
      const content = outsiderCanonical({ streamId: history.streamId, streamVersion: e.streamVersion, recordedAt: e.recordedAt, payload: e.payload });
      expect(e.prevHash).toBe(prev);
      expect(sha256(`${e.prevHash}\n${content}`)).toBe(e.hash);
      prev = e.hash;
    }
  });

  it('publishes signed seals of the whole log that an outsider checks with the published public key', async () => {
    const sealed = await waitFor(async () => {
      const body = await get<LogSealsDto>('/api/v1/audit/log-seals?limit=5');
      return body.seals.length > 0 && Number(body.seals[0].eventCount) >= 4 ? body : undefined;
    }, { what: 'a seal covering the posted events' });
    expect(sealed.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const key = createPublicKey(sealed.publicKeyPem as string);
    for (const s of sealed.seals) {
      const { seq, upToTransactionId, upToPosition, eventCount, headHash, sealedAt, keyId } = s;
      const message = outsiderCanonical({ seq, upToTransactionId, upToPosition, eventCount, headHash, sealedAt, keyId });
      expect(verifySignature(null, Buffer.from(message, 'utf8'), key, Buffer.from(s.signature, 'base64'))).toBe(true);
      expect(s.keyId).toBe(sealed.keyId);
    }
    expect((await fetch(`${platform.reportingUrl}/api/v1/audit/log-seals?limit=0`)).status).toBe(400);
  });

  it('closes a month recording the seal that covers it, and the unit verify includes the whole log', async () => {
    // Closing and verifying are an auditor's (docs/console-accounts.md).
    const auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'kiem-toan-vien', 'auditor'));
    const res = await auditor.fetch('/api/v1/periods/2025-04/close', { method: 'POST' });
    expect(res.status).toBe(201);
    const snapshot = (await res.json()) as PeriodSnapshotDto;
    const seals = await get<LogSealsDto>('/api/v1/audit/log-seals?limit=1000');
    expect(snapshot.seal).toEqual({ seq: expect.any(String), headHash: seals.seals.find((s) => s.seq === snapshot.seal?.seq)?.headHash });

    const verify = async () => (await (await auditor.fetch('/api/v1/audit/verify', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unitCode: U, period: '2025-04' }),
    })).json()) as VerifyReportDto;
    const clean = await verify();
    expect(clean).toMatchObject({ match: true, log: { intact: true, problemCount: 0 } });
    // Deleting the dossier's last event, with its stream head fixed up, leaves every chain consistent: only the seals see it.
    await platform.db.pool.query(`DELETE FROM events WHERE stream_id = $1 AND stream_version = 3`, [`dossier-${U}-OUT-1`]);
    await platform.db.pool.query(`UPDATE streams SET version = 2, last_hash = (SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 2) WHERE stream_id = $1`, [`dossier-${U}-OUT-1`]);
    const tampered = await verify();
    expect(tampered.match).toBe(false);
    expect(tampered.brokenStreams).toEqual([]);
    expect(tampered.log?.problems.map((p) => p.kind)).toContain('seal-count');
  });
});
