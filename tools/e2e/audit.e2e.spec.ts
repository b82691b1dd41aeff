import type { ExplainDto, PeriodSnapshotDto, ScoreDiffDto, SnapshotCheckDto, StreamEventsDto, UnitScoreDto, UnitTrendDto, VerifyReportDto } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type ConsoleClient, createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

const U = 'HY-SXD';
const d = (code: string) => dossierEvents(U, code);

describe("auditors' replay over HTTP: as-of, diff, explain, verify, close a month", () => {
  let platform: RunningPlatform;
  let firstCut: Date;
  /** Verifying and closing need an auditor's session (docs/console-accounts.md). */
  let auditor: ConsoleClient;

  const post = async (events: readonly DomainEvent[]) => {
    const res = await platform.postEvents(events);
    expect(res.status).toBe(200);
  };
  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${platform.reportingUrl}${path}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const criterion5 = async (path: string) => (await get<UnitScoreDto>(path)).body.criteria.find((c) => c.id === 5);

  beforeAll(async () => {
    platform = await startPlatform();
    auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'kiem-toan-vien', 'auditor'));
    // February 2025 as first reported: two dossiers, both on time.
    await post([
      unitRegistered(U, 'Sở Xây dựng', 'department', 'HY'),
      d('F1').received('2025-02-03T08:00:00', '2025-02-10T17:00:00', 'online'), d('F1').processed('2025-02-05T10:00:00'),
      d('F2').received('2025-02-04T08:00:00', '2025-02-11T17:00:00'), d('F2').processed('2025-02-10T10:00:00'),
    ]);
    await waitFor(async () => (await criterion5(`/api/v1/units/${U}/scores?period=2025-02`))?.denominator === 2, { what: 'February projected' });
    firstCut = new Date();
    // A one-stop system resyncs late: a February dossier that was finished 3 days after its due time.
    await post([d('LATE-9').received('2025-02-12T08:00:00', '2025-02-19T17:00:00'), d('LATE-9').processed('2025-02-22T17:00:00')]);
    await waitFor(async () => (await criterion5(`/api/v1/units/${U}/scores?period=2025-02`))?.denominator === 3, { what: 'the late dossier projected' });
  });
  afterAll(() => platform?.stop());

  it('shows February as it stood before the late resync, recomputed from the events (as-of)', async () => {
    const then = await get<UnitScoreDto>(`/api/v1/units/${U}/scores?period=2025-02&asOf=${encodeURIComponent(firstCut.toISOString())}`);
    expect(then.body.asOf).toBe(firstCut.toISOString());
    expect(then.body.criteria.find((c) => c.id === 5)).toMatchObject({ numerator: 2, denominator: 2, points: 20 });
    const now = await criterion5(`/api/v1/units/${U}/scores?period=2025-02`);
    expect(now).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('names what changed between the two moments and the late events that changed it', async () => {
    const { body } = await get<ScoreDiffDto>(`/api/v1/units/${U}/scores/diff?period=2025-02&from=${encodeURIComponent(firstCut.toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`);
    expect(body.criteria.find((c) => c.id === 5)).toEqual({ id: 5, before: { numerator: 2, denominator: 2, points: 20 }, after: { numerator: 2, denominator: 3, points: 20 * (2 / 3) } });
    expect(body.events.map((e) => `${e.type} ${e.subject}`)).toEqual(['dossier.received LATE-9', 'dossier.processed LATE-9']);
    expect(body.totalAfter).toBeLessThan(body.totalBefore);
  });

  it('explains criterion 5 with the late dossier first, linked to its checked history', async () => {
    const { body } = await get<ExplainDto>(`/api/v1/units/${U}/explain?period=2025-02&criterion=5`);
    expect(body.items[0]).toMatchObject({ code: 'LATE-9', costsPoints: true, reasonVi: 'Hoàn thành trễ hạn 3 ngày', lateByMs: 3 * 86_400_000 });
    const history = await get<StreamEventsDto>(`/api/v1/streams/${encodeURIComponent(body.items[0].streamId)}/events`);
    expect(history.body).toMatchObject({ chainIntact: true, brokenAt: null });
    expect(history.body.events.map((e) => e.type)).toEqual(['dossier.received', 'dossier.processed']);
    expect((await get(`/api/v1/units/${U}/explain?period=2025-02&criterion=99`)).status).toBe(400);
  });

  it('draws a 12-month trend that ends with the requested month', async () => {
    const { body } = await get<UnitTrendDto>(`/api/v1/units/${U}/trend?to=2025-03&months=12`);
    expect(body.points).toHaveLength(12);
    expect(body.points[10]).toMatchObject({ period: '2025-02', total: expect.any(Number) });
    expect(body.points[0]).toMatchObject({ period: '2024-04' });
  });

  it('verifies the projection against the raw events, and catches a rewritten event', async () => {
    const verify = async () => {
      const res = await auditor.fetch('/api/v1/audit/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ unitCode: U, period: '2025-02' }) });
      return (await res.json()) as VerifyReportDto;
    };
    const clean = await verify();
    expect(clean).toMatchObject({ match: true, differences: [], brokenStreams: [] });
    expect(clean.eventsReplayed).toBe(7);
    await platform.db.pool.query(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-02-18T17:00:00+07:00"') WHERE stream_id = $1 AND stream_version = 2`, [`dossier-${U}-LATE-9`]);
    const tampered = await verify();
    expect(tampered.match).toBe(false);
    expect(tampered.brokenStreams).toEqual([{ streamId: `dossier-${U}-LATE-9`, brokenAt: 2 }]);
    // The rewritten finish time would make LATE-9 on time: the recomputation disagrees with the projection.
    expect(tampered.differences).toContainEqual({ unitCode: U, criterion: 5, stored: { numerator: 2, denominator: 3 }, recomputed: { numerator: 3, denominator: 3 } });
    await platform.db.pool.query(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-02-22T17:00:00+07:00"') WHERE stream_id = $1 AND stream_version = 2`, [`dossier-${U}-LATE-9`]);
  });

  it('closes a month once, and the published snapshot is reproducible from the events', async () => {
    // Who closed it comes from the session: an X-User header is ignored.
    const close = () => auditor.fetch('/api/v1/periods/2025-02/close', { method: 'POST', headers: { 'x-user': 'someone-else' } });
    const first = await close();
    expect(first.status).toBe(201);
    const snapshot = (await first.json()) as PeriodSnapshotDto;
    expect(snapshot.closedBy).toBe('kiem-toan-vien');
    expect(snapshot.scores.find((s) => s.unit.code === U)?.criteria.find((c) => c.id === 5)).toMatchObject({ numerator: 2, denominator: 3 });
    expect((await close()).status).toBe(409);
    const later = d('AFTER').received('2025-02-25T08:00:00', '2025-03-04T17:00:00');
    await post([later]);
    const check = await get<SnapshotCheckDto>('/api/v1/periods/2025-02/snapshot/check');
    expect(check.body).toMatchObject({ match: true, unitsChecked: snapshot.scores.length });
    expect((await get<PeriodSnapshotDto>('/api/v1/periods/2025-02/snapshot')).body.asOf).toBe(snapshot.asOf);
    expect((await get('/api/v1/periods/2025-01/snapshot')).status).toBe(404);
  });
});
