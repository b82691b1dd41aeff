import type { ExplainDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { hostileReportingRequests, type ReportingRequest as Row } from '../testing/hostile-reporting-requests';
import { type ConsoleClient, createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

const U = 'HY-STP';
const GOOD = 'period=2025-03';

/** Every malformed reporting parameter: a 4xx with a reason a person can act on, never a 500, never a silent 200. */
const HOSTILE: readonly Row[] = hostileReportingRequests(U);

describe('reporting answers every malformed parameter with a 4xx and a reason (real HTTP, real PostgreSQL)', () => {
  let platform: RunningPlatform;
  // Signed in as an auditor, so that closing and verifying reach the parameter checks (without a session they are refused 401/403 first).
  let auditor: ConsoleClient;

  const request = async (row: Pick<Row, 'path' | 'method' | 'body'>): Promise<{ status: number; text: string }> => {
    const res = await auditor.fetch(row.path, {
      method: row.method ?? 'GET',
      ...(row.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: typeof row.body === 'string' ? row.body : JSON.stringify(row.body) }),
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    platform = await startPlatform();
    auditor = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'kiem-toan-vien', 'auditor'));
    const d = (code: string) => dossierEvents(U, code);
    const res = await platform.postEvents([
      unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered(U, 'Sở Tư pháp', 'department', 'HY'),
      d('A').received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online'), d('A').processed('2025-03-05T10:00:00'),
      d('B').received('2025-03-04T08:00:00', '2025-03-11T17:00:00'), d('B').processed('2025-03-12T09:00:00'),
    ]);
    expect(res.status).toBe(200);
    await waitFor(async () => (await request({ path: `/api/v1/units/${U}/scores?${GOOD}` })).text.includes('"denominator":2'), { what: 'March projected' });
  });
  afterAll(() => platform?.stop());

  it(`has at least 40 hostile requests in its table (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE.map((row) => [row.what, row] as const))('%s → 4xx with a reason', async (_what, row) => {
    const { status, text } = await request(row);
    const body = JSON.parse(text) as { reason?: unknown };
    expect({ status, reason: typeof body.reason === 'string' && body.reason.trim().length > 0 }).toEqual({ status: row.status, reason: true });
  });

  it('still answers good requests 200 (and the close of a past month 201)', async () => {
    const explain = await request({ path: `/api/v1/units/${U}/explain?${GOOD}&criterion=5` });
    expect(explain.status).toBe(200);
    const streamId = (JSON.parse(explain.text) as ExplainDto).items[0].streamId;
    // Instants after the units were recorded: as of before a unit's registration it is not known yet (404, docs/verify.md).
    const NOW = encodeURIComponent(new Date().toISOString());
    const vietnamNow = encodeURIComponent(`${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}.5+07:00`);
    const good: Row[] = [
      { what: 'score', path: `/api/v1/units/${U}/scores?${GOOD}`, status: 200 },
      { what: 'score month to date', path: `/api/v1/units/${U}/scores?period=mtd`, status: 200 },
      { what: 'score as of now', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=${NOW}`, status: 200 },
      { what: 'score as of a Vietnam-time instant', path: `/api/v1/units/${U}/scores?${GOOD}&asOf=${vietnamNow}`, status: 200 },
      { what: 'a registered province', path: '/api/v1/units/HY/scores?period=2025-Q1', status: 200 },
      { what: 'trend', path: `/api/v1/units/${U}/trend?to=2025-03&months=36`, status: 200 },
      { what: 'explain', path: `/api/v1/units/${U}/explain?${GOOD}&criterion=21`, status: 200 },
      { what: 'rankings', path: `/api/v1/rankings?${GOOD}&level=department&parent=HY`, status: 200 },
      { what: 'rankings as of', path: `/api/v1/rankings?period=2025&asOf=${NOW}`, status: 200 },
      { what: 'diff', path: `/api/v1/units/${U}/scores/diff?${GOOD}&from=2025-03-01T00:00:00Z&to=${NOW}`, status: 200 },
      { what: 'stream history', path: `/api/v1/streams/${encodeURIComponent(streamId)}/events`, status: 200 },
      { what: 'verify', method: 'POST', path: '/api/v1/audit/verify', body: { unitCode: U, period: '2025-03' }, status: 200 },
      { what: 'PDF summary', path: `/api/v1/exports/monthly-summary.pdf?unit=${U}&${GOOD}`, status: 200 },
      { what: 'close a past month', method: 'POST', path: '/api/v1/periods/2025-03/close', status: 201 },
      { what: 'its snapshot', path: '/api/v1/periods/2025-03/snapshot', status: 200 },
    ];
    for (const row of good) expect([row.what, (await request(row)).status]).toEqual([row.what, row.status]);
    const trend = JSON.parse((await request({ path: `/api/v1/units/${U}/trend?to=2025-03&months=36` })).text) as { points: unknown[] };
    expect(trend.points).toHaveLength(36);
  });
});
