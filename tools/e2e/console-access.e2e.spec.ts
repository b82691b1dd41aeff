import type { AuditLogPageDto, AuthMeDto, ConsoleUserDto, PeriodSnapshotDto } from '@idx/contracts';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { type ConsoleAccount, ConsoleClient, createConsoleAccount, setCookies, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';

const json = { 'content-type': 'application/json' };

describe('console accounts on the reporting API: sessions, CSRF, roles, unit scopes, audit log (issue 8 §1)', () => {
  let platform: RunningPlatform;
  let auditor: ConsoleAccount;
  let national: ConsoleAccount;
  let hungYen: ConsoleAccount;
  const url = (path: string) => `${platform.reportingUrl}${path}`;
  const reasonOf = async (res: Response) => ((await res.json()) as { reason?: string }).reason;

  beforeAll(async () => {
    platform = await startPlatform({ readsPublic: false });
    const res = await platform.postEvents([
      unitRegistered('HY', 'UBND tỉnh Hưng Yên', 'province'), unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
      unitRegistered('TTH', 'UBND tỉnh Thừa Thiên Huế', 'province'), unitRegistered('TTH-STP', 'Sở Tư pháp', 'department', 'TTH'),
      dossierEvents('TTH-STP', 'D1').received('2025-01-06T08:00:00', '2025-01-10T17:00:00'),
    ]);
    expect(res.status).toBe(200);
    auditor = await createConsoleAccount(platform.db.pool, 'kiemtoan', 'auditor');
    national = await createConsoleAccount(platform.db.pool, 'bo-noi-vu', 'national');
    hungYen = await createConsoleAccount(platform.db.pool, 'hung-yen', 'province', 'HY');
    const reader = await signIn(platform.reportingUrl, national);
    await waitFor(async () => (await reader.fetch('/api/v1/units/TTH-STP/scores?period=2025-01')).status === 200, { what: 'TTH-STP projected' });
  }, 120_000);
  afterAll(() => platform?.stop());

  it('answers reads without a session with 401 and a reason; health and who-am-I stay open and issue the CSRF cookie', async () => {
    const ranking = await fetch(url('/api/v1/rankings?level=province'));
    expect(ranking.status).toBe(401);
    expect(await reasonOf(ranking)).toMatch(/sign in first/);
    expect((await fetch(url('/health'))).status).toBe(200);
    const me = await fetch(url('/api/v1/auth/me'));
    expect((await me.json()) as AuthMeDto).toEqual({ user: null, readsPublic: false });
    expect(setCookies(me)['qd766_csrf']).toMatch(/^[\w-]{43}$/);
    expect(me.headers.getSetCookie()[0]).toMatch(/; SameSite=Strict/);
    const stream = await fetch(url('/api/v1/stream'));
    expect(stream.status).toBe(401);
  });

  it('signs in with a session cookie (HttpOnly, SameSite=Strict) and a CSRF cookie; refuses a wrong password with a reason', async () => {
    const client = new ConsoleClient(platform.reportingUrl);
    const wrong = await client.login({ username: auditor.username, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await reasonOf(wrong)).toBe('wrong username or password');
    const ok = await client.login(auditor);
    expect(ok.status).toBe(200);
    expect((await ok.json()) as ConsoleUserDto).toEqual({ username: 'kiemtoan', role: 'auditor', unitCode: null });
    const session = ok.headers.getSetCookie().find((c) => c.startsWith('qd766_session='));
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/); // plain http here; COOKIE_SECURE=true or https turns it on
    const me = (await (await client.fetch('/api/v1/auth/me')).json()) as AuthMeDto;
    expect(me.user?.username).toBe('kiemtoan');
  });

  it('refuses an unsafe request without the CSRF header, or with one that does not match, with 403 and a reason', async () => {
    const client = await signIn(platform.reportingUrl, auditor);
    const none = await client.fetch('/api/v1/audit/verify', { method: 'POST', headers: { ...json, 'x-csrf-token': '' }, body: '{"unitCode":"HY"}' });
    expect(none.status).toBe(403);
    expect(await reasonOf(none)).toMatch(/CSRF check failed: the x-csrf-token header is missing/);
    const forged = await client.fetch('/api/v1/audit/verify', { method: 'POST', headers: { ...json, 'x-csrf-token': 'forged' }, body: '{"unitCode":"HY"}' });
    expect(forged.status).toBe(403);
    expect(await reasonOf(forged)).toMatch(/does not match/);
    // A cross-site form post: the browser sends no header and (SameSite=Strict) no cookies either.
    const form = await fetch(url('/api/v1/periods/2025-01/close'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x=1' });
    expect(form.status).toBe(403);
    // Login itself is protected: without the CSRF cookie and header it is refused before the password is looked at.
    const bare = await fetch(url('/api/v1/auth/login'), { method: 'POST', headers: json, body: JSON.stringify(auditor) });
    expect(bare.status).toBe(403);
  });

  it('lets only auditors verify and close; closedBy is the signed-in auditor', async () => {
    const viewer = await signIn(platform.reportingUrl, national);
    const refused = await viewer.fetch('/api/v1/periods/2025-01/close', { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(await reasonOf(refused)).toBe('this needs the role auditor; bo-noi-vu is national');
    expect((await viewer.fetch('/api/v1/audit/verify', { method: 'POST', headers: json, body: '{"unitCode":"TTH-STP","period":"2025-01"}' })).status).toBe(403);
    const anonymous = await fetch(url('/api/v1/periods/2025-01/close'), { method: 'POST', headers: { cookie: 'qd766_csrf=t', 'x-csrf-token': 't' } });
    expect(anonymous.status).toBe(401);

    const client = await signIn(platform.reportingUrl, auditor);
    expect((await client.fetch('/api/v1/audit/verify', { method: 'POST', headers: json, body: '{"unitCode":"TTH-STP","period":"2025-01"}' })).status).toBe(200);
    const closed = await client.fetch('/api/v1/periods/2025-01/close', { method: 'POST', headers: { 'x-user': 'mallory' } });
    expect(closed.status).toBe(201);
    expect(((await closed.json()) as PeriodSnapshotDto).closedBy).toBe('kiemtoan');
  });

  it("limits a provincial official to the province's subtree and the national ranking of provinces", async () => {
    const official = await signIn(platform.reportingUrl, hungYen);
    expect((await official.fetch('/api/v1/rankings?level=province&period=2025-01')).status).toBe(200);
    expect((await official.fetch('/api/v1/rankings?parent=HY&period=2025-01')).status).toBe(200);
    const own = await official.fetch('/api/v1/units/HY-STP/trend?to=2025-01&months=3');
    expect(own.status).toBe(200);
    // The letter of the official's own province, and the provinces' national appendix (as the provinces' ranking).
    expect((await official.fetch('/api/v1/exports/monthly-letter.docx?unit=HY&period=2025-01')).status).toBe(200);
    expect((await official.fetch('/api/v1/exports/national-appendix.csv?period=2025-01')).status).toBe(200);
    for (const path of [
      '/api/v1/units/TTH-STP/scores?period=2025-01',
      '/api/v1/units/TTH-STP/explain?period=2025-01&criterion=5',
      '/api/v1/rankings?parent=TTH&period=2025-01',
      '/api/v1/rankings?level=department&period=2025-01',
      '/api/v1/exports/monthly-appendix.csv?period=2025-01&parent=TTH',
      '/api/v1/exports/monthly-summary.pdf?period=2025-01&unit=TTH-STP',
      '/api/v1/exports/monthly-letter.pdf?period=2025-01&unit=TTH',
      `/api/v1/streams/${encodeURIComponent('dossier-TTH-STP-D1')}/events`,
      '/api/v1/periods/2025-01/snapshot',
    ]) {
      const res = await official.fetch(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(await reasonOf(res)).toMatch(/outside your area|whole country/);
    }
  });

  it("streams a provincial official only the score changes of the province's subtree", async () => {
    /** Collects the text of one SSE connection of a signed-in client. */
    const listen = async (client: ConsoleClient) => {
      const controller = new AbortController();
      const res = await client.fetch('/api/v1/stream', { signal: controller.signal });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      const seen = { text: '' };
      const reading = (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          seen.text += decoder.decode(value);
        }
      })();
      return { seen, stop: async () => { controller.abort(); await reading; } };
    };
    const post = (events: object[]) => platform.postEvents(events);
    const everything = await listen(await signIn(platform.reportingUrl, national));
    const province = await listen(await signIn(platform.reportingUrl, hungYen));
    // Huế's change is pushed (the national viewer sees it) before Hưng Yên's is even sent.
    await post([dossierEvents('TTH-STP', 'S1').received('2025-01-07T08:00:00', '2025-01-14T17:00:00')]);
    await waitFor(() => everything.seen.text.includes('"unitCode":"TTH-STP"'), { what: 'the TTH-STP change on the national stream' });
    await post([dossierEvents('HY-STP', 'S2').received('2025-01-07T08:00:00', '2025-01-14T17:00:00')]);
    await waitFor(() => province.seen.text.includes('"unitCode":"HY-STP"'), { what: 'the HY-STP change on the provincial stream' });
    expect(province.seen.text).not.toContain('TTH');
    await everything.stop();
    await province.stop();
  });

  it('throttles a username from one address after 5 failures: 429 with a reason and Retry-After', async () => {
    const client = new ConsoleClient(platform.reportingUrl);
    const victim = await createConsoleAccount(platform.db.pool, 'bi-khoa', 'national');
    for (let i = 0; i < 5; i++) expect((await client.login({ username: victim.username, password: `guess number ${i}` })).status).toBe(401);
    const blocked = await client.login(victim);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await reasonOf(blocked)).toMatch(/too many failed logins for bi-khoa from this address; try again in 15 minutes/);
  });

  it('signs out, and records logins, failures, logouts and the close in the audit log for auditors only', async () => {
    const client = await signIn(platform.reportingUrl, auditor);
    expect((await client.fetch('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(((await (await client.fetch('/api/v1/auth/me')).json()) as AuthMeDto).user).toBeNull();
    expect((await client.fetch('/api/v1/periods/2025-02/close', { method: 'POST' })).status).toBe(401);

    const viewer = await signIn(platform.reportingUrl, national);
    expect((await viewer.fetch('/api/v1/audit/log')).status).toBe(403);
    const reader = await signIn(platform.reportingUrl, auditor);
    const log = (await (await reader.fetch('/api/v1/audit/log?limit=500')).json()) as AuditLogPageDto;
    const seen = new Set(log.entries.map((e) => `${e.action} ${e.target}`));
    for (const expected of ['account.created kiemtoan', 'login.failed kiemtoan', 'login.succeeded kiemtoan', 'logout kiemtoan', 'period.closed 2025-01', 'login.throttled bi-khoa']) {
      expect(seen).toContain(expected);
    }
    expect(log.entries.find((e) => e.action === 'period.closed')).toMatchObject({ actor: 'kiemtoan', at: expect.any(String) });
    expect((await reader.fetch('/api/v1/audit/log?limit=0')).status).toBe(400);
  });
});
