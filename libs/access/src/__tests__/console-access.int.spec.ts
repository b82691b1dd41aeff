import { migrateDatabase } from '@idx/read-models';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { accessSettings } from '../access-settings';
import { AccountAdmin } from '../accounts/account-admin';
import { AuditLog } from '../audit-log/audit-log';
import { ConsoleAccess } from '../console-access';

describe('console accounts on PostgreSQL: login, sessions, throttling, audit log', () => {
  let db: TestDatabase;
  let access: ConsoleAccess;
  let admin: AccountAdmin;
  const settings = accessSettings({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12', LOGIN_MAX_FAILURES: '5', LOGIN_BACKOFF_MINUTES: '15' });
  const actions = async (target: string) =>
    (await db.pool.query<{ action: string }>('SELECT action FROM audit_log WHERE target = $1 ORDER BY id', [target])).rows.map((r) => r.action);

  beforeAll(async () => {
    db = await createTestDatabase('access');
    await migrateDatabase(db.pool);
    access = new ConsoleAccess(db.pool, settings);
    admin = new AccountAdmin(db.pool, 'cli:test', async (code) => code === 'HY');
  });
  afterAll(() => db.drop());

  it('creates accounts with checked roles and units, and records who did it', async () => {
    expect(await admin.create({ username: 'kiemtoan', role: 'auditor', password: 'kiem toan 2025' })).toEqual({ ok: true });
    expect(await admin.create({ username: 'hungyen', role: 'province', unitCode: 'HY', password: 'hung yen 2025' })).toEqual({ ok: true });
    expect(await admin.create({ username: 'kiemtoan', role: 'auditor', password: 'kiem toan 2025' })).toEqual({ ok: false, reason: 'username: "kiemtoan" is taken' });
    expect(await admin.create({ username: 'x', role: 'auditor', password: 'kiem toan 2025' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^username:/) });
    expect(await admin.create({ username: 'nobody', role: 'root', password: 'kiem toan 2025' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^role:/) });
    expect(await admin.create({ username: 'tinh', role: 'province', password: 'kiem toan 2025' })).toMatchObject({ ok: false, reason: expect.stringContaining('--unit') });
    expect(await admin.create({ username: 'tinh', role: 'province', unitCode: 'ZZ', password: 'kiem toan 2025' })).toMatchObject({ ok: false, reason: 'unit: "ZZ" is not a known unit' });
    const stored = (await db.pool.query<{ password_hash: string }>("SELECT password_hash FROM console_users WHERE username = 'kiemtoan'")).rows[0].password_hash;
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain('kiem toan');
    const entry = (await new AuditLog(db.pool).page({ limit: 10 })).entries.find((e) => e.target === 'hungyen');
    expect(entry).toMatchObject({ actor: 'cli:test', action: 'account.created', details: { role: 'province', unitCode: 'HY' } });
  });

  it('signs in, keeps only hashes of the session id, resolves the session with its CSRF token, and signs out', async () => {
    const outcome = await access.login({ username: 'KiemToan ', password: 'kiem toan 2025', ip: '10.0.0.1' });
    if (outcome.kind !== 'signed-in') throw new Error(`not signed in: ${JSON.stringify(outcome)}`);
    expect(outcome.principal).toEqual({ username: 'kiemtoan', role: 'auditor', unitCode: null });
    const rows = (await db.pool.query<{ id_hash: string }>('SELECT id_hash FROM console_sessions')).rows;
    expect(rows.map((r) => r.id_hash)).not.toContain(outcome.session.id);
    const session = await access.resolve(outcome.session.id);
    expect(session?.principal.username).toBe('kiemtoan');
    expect(session?.csrfMatches(outcome.session.csrfToken)).toBe(true);
    expect(session?.csrfMatches('forged')).toBe(false);
    expect(await access.resolve('not-a-session')).toBeUndefined();
    await access.logout(outcome.session.id, '10.0.0.1');
    expect(await access.resolve(outcome.session.id)).toBeUndefined();
    expect(await actions('kiemtoan')).toEqual(expect.arrayContaining(['login.succeeded', 'logout']));
  });

  it('ends a session after the idle time and after the absolute lifetime', async () => {
    const idle = await access.login({ username: 'hungyen', password: 'hung yen 2025', ip: '10.0.0.2' });
    const old = await access.login({ username: 'hungyen', password: 'hung yen 2025', ip: '10.0.0.2' });
    if (idle.kind !== 'signed-in' || old.kind !== 'signed-in') throw new Error('not signed in');
    expect(await access.resolve(idle.session.id)).toBeDefined();
    // Time passes for these two sessions only: 31 minutes without a request, and past the 12 hours.
    await db.pool.query("UPDATE console_sessions SET last_seen_at = now() - interval '31 minutes' WHERE username = 'hungyen' AND expires_at = $1", [idle.session.expiresAt]);
    await db.pool.query("UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE expires_at = $1", [old.session.expiresAt]);
    expect(await access.resolve(idle.session.id)).toBeUndefined();
    expect(await access.resolve(old.session.id)).toBeUndefined();
  });

  it('refuses a disabled account and ends its sessions; a new password signs it out everywhere', async () => {
    const before = await access.login({ username: 'hungyen', password: 'hung yen 2025', ip: '10.0.0.3' });
    if (before.kind !== 'signed-in') throw new Error('not signed in');
    expect(await admin.setDisabled('hungyen', true)).toEqual({ ok: true });
    expect(await access.resolve(before.session.id)).toBeUndefined();
    expect(await access.login({ username: 'hungyen', password: 'hung yen 2025', ip: '10.0.0.3' })).toEqual({ kind: 'refused', reason: 'this account is disabled; ask an administrator' });
    expect(await admin.setDisabled('hungyen', false)).toEqual({ ok: true });
    const again = await access.login({ username: 'hungyen', password: 'hung yen 2025', ip: '10.0.0.3' });
    if (again.kind !== 'signed-in') throw new Error('not signed in');
    expect(await admin.changePassword('hungyen', 'a new password 1')).toEqual({ ok: true });
    expect(await access.resolve(again.session.id)).toBeUndefined();
    expect(await access.login({ username: 'hungyen', password: 'a new password 1', ip: '10.0.0.3' })).toMatchObject({ kind: 'signed-in' });
    expect(await actions('hungyen')).toEqual(expect.arrayContaining(['account.disabled', 'account.enabled', 'account.password-changed', 'login.failed']));
  });

  it('throttles a username from one address after 5 failures, not the same user elsewhere, and records every attempt', async () => {
    for (let i = 0; i < 5; i++) expect(await access.login({ username: 'kiemtoan', password: `wrong ${i}`, ip: '192.0.2.7' })).toEqual({ kind: 'refused', reason: 'wrong username or password' });
    const blocked = await access.login({ username: 'kiemtoan', password: 'kiem toan 2025', ip: '192.0.2.7' });
    expect(blocked).toMatchObject({ kind: 'throttled', reason: expect.stringContaining('try again in 15 minutes') });
    expect(blocked.kind === 'throttled' && blocked.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(await access.login({ username: 'kiemtoan', password: 'kiem toan 2025', ip: '192.0.2.8' })).toMatchObject({ kind: 'signed-in' });
    // The failures leave the window: the address may try again.
    await db.pool.query("UPDATE audit_log SET at = at - interval '16 minutes' WHERE action = 'login.failed' AND details->>'ip' = '192.0.2.7'");
    expect(await access.login({ username: 'kiemtoan', password: 'kiem toan 2025', ip: '192.0.2.7' })).toMatchObject({ kind: 'signed-in' });
    const failed = (await db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed' AND details->>'ip' = '192.0.2.7'")).rows[0].n;
    expect(failed).toBe(5);
  });

  it('answers hostile usernames as a failed login, recorded without breaking the log', async () => {
    const hostile = ['a\u0000b', '\ud800x', 'x'.repeat(5000), "'; DROP TABLE console_users; --"];
    for (const username of hostile) expect(await access.login({ username, password: 'whatever 123', ip: '10.9.9.9' })).toEqual({ kind: 'refused', reason: 'wrong username or password' });
    const n = (await db.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed' AND details->>'ip' = '10.9.9.9'")).rows[0].n;
    expect(n).toBe(hostile.length);
  });
});
