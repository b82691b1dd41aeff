import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { UnitScoreDto } from '@idx/contracts';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import { PostgresEventStore, workspaceRoot } from '@idx/event-store';
import { dossierEvents, poisonedAnnouncement, unitRegistered, waitFor } from '@idx/testing';
import { type ConsoleClient, createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

interface Health { status: string; reasons: string[]; parked: { count: number; oldest?: { id: string; key: string; error: string } } }

/** Parked events are an auditor's business: the reporting calls go through a signed-in auditor's session. */
let auditor: ConsoleClient | undefined;
const send = (url: string, init: RequestInit = {}): Promise<Response> => {
  const u = new URL(url);
  return auditor && url.startsWith(auditor.baseUrl) ? auditor.fetch(`${u.pathname}${u.search}`, init) : fetch(url, init);
};
const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await send(url);
  return { status: res.status, body: (await res.json()) as T };
};
const post = async <T>(url: string, body?: unknown): Promise<{ status: number; body: T }> => {
  const res = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  return { status: res.status, body: (await res.json()) as T };
};

describe('end to end: one poisoned subject never halts scoring', () => {
  let platform: RunningPlatform;
  let store: PostgresEventStore;

  beforeAll(async () => {
    platform = await startPlatform();
    store = new PostgresEventStore(platform.db.pool);
  });
  afterAll(() => platform?.stop());

  const append = (events: readonly DomainEvent[]) => store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
  const dossiersOf = async (unit: string): Promise<number | undefined> => {
    const r = await get<UnitScoreDto>(`${platform.reportingUrl}/api/v1/units/${unit}/scores?period=2025-03`);
    return r.status === 200 ? r.body.criteria.find((c) => c.id === 5)?.denominator : undefined;
  };

  it('parks the poison, keeps the other units scoring, reports degraded, and is ok again after an auditor skips it (HTTP and CLI)', async () => {
    await append([unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'), unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY'), poisonedAnnouncement()]);
    // Other units' events after the poison, in two later batches: their scores keep moving.
    await append([dossierEvents('HY-SYT', 'A').received('2025-03-03T08:00:00', '2025-03-10T17:00:00')]);
    await waitFor(async () => (await dossiersOf('HY-SYT')) === 1, { what: 'HY-SYT to score its first dossier past the poison' });
    await append([dossierEvents('HY-SYT', 'B').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), dossierEvents('HY-STP', 'C').received('2025-03-05T08:00:00', '2025-03-12T17:00:00')]);
    await waitFor(async () => (await dossiersOf('HY-SYT')) === 2 && (await dossiersOf('HY-STP')) === 1, { what: 'both units to keep scoring' });

    const health = await get<Health>(`${platform.scoringUrl}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', parked: { count: 1, oldest: { key: 'HY-STP/P-BAD', error: expect.stringContaining('0000-01-01') } } });
    expect(health.body.reasons[0]).toContain('parked');

    // Nobody but an auditor may see or decide on parked events.
    expect((await fetch(`${platform.reportingUrl}/api/v1/audit/parked`)).status).toBeGreaterThanOrEqual(401);
    auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'kiem-toan-vien', 'auditor'));
    const listed = await get<{ parked: { id: string; kind: string; events: { type: string }[] }[] }>(`${platform.reportingUrl}/api/v1/audit/parked`);
    expect(listed.body.parked).toEqual([expect.objectContaining({ kind: 'procedure', events: [expect.objectContaining({ type: 'procedure.announced' })] })]);
    const id = listed.body.parked[0].id;

    // Hostile or mistaken auditor input is answered with a reason.
    expect((await post<{ reason: string }>(`${platform.reportingUrl}/api/v1/audit/parked/abc/retry`)).status).toBe(400);
    expect((await post<{ reason: string }>(`${platform.reportingUrl}/api/v1/audit/parked/${id}/skip`, {})).body.reason).toContain('reason: is required');
    // The same from the audit CLI: listed, and a retry that still fails exits 1 with the error.
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['tools/platform/run-tool.mjs', 'audit', ...args], {
      cwd: workspaceRoot(), env: { ...process.env, DATABASE_URL: platform.db.url }, timeout: 300_000,
    });
    const listedByCli = JSON.parse((await cli('parked')).stdout) as { parked: { id: string; key: string }[] };
    expect(listedByCli.parked.map((p) => [p.id, p.key])).toEqual([[id, 'HY-STP/P-BAD']]);
    const failedRetry = await cli('retry', '--id', id).then(() => undefined, (error: { code: number; stdout: string }) => error);
    expect(failedRetry?.code).toBe(1);
    expect(JSON.parse(failedRetry?.stdout ?? '{}')).toMatchObject({ status: 'still-failing', match: false });

    const retried = await post<{ reason: string }>(`${platform.reportingUrl}/api/v1/audit/parked/${id}/retry`);
    expect(retried).toMatchObject({ status: 409, body: { reason: expect.stringContaining('still cannot be folded') } });

    const skipped = await post<{ status: string; reason: string }>(`${platform.reportingUrl}/api/v1/audit/parked/${id}/skip`, { reason: 'năm 0000 không phải ngày quyết định' });
    expect(skipped).toMatchObject({ status: 200, body: { status: 'skipped', reason: 'năm 0000 không phải ngày quyết định' } });
    expect((await post(`${platform.reportingUrl}/api/v1/audit/parked/${id}/skip`, { reason: 'again' })).status).toBe(404);
    await waitFor(async () => (await get<Health>(`${platform.scoringUrl}/health`)).body.status === 'ok', { what: 'scoring health back to ok' });
    expect((await get<{ parked: unknown[] }>(`${platform.reportingUrl}/api/v1/audit/parked?status=skipped`)).body.parked).toHaveLength(1);
    const log = (await get<{ entries: { actor: string; action: string }[] }>(`${platform.reportingUrl}/api/v1/audit/log`)).body;
    expect(JSON.stringify(log)).toContain('parked.skipped');
  }, 300_000);
});
