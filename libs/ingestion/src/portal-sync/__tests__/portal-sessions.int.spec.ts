import { applySqlMigrations, eventStoreMigrationsDir, PostgresEventStore } from '@idx/event-store';
import type { DomainEvent } from '@idx/domain';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { UnitDirectory } from '../../auth/unit-directory';
import { PostgresCredentials } from '../../auth/postgres-credentials';
import { PostgresPortalSessions } from '../portal-sessions';
import { DirectoryUnitCodeResolver } from '../directory-unit-code-resolver';
import { syncDataItemBytes } from '../sync-body-items';

describe('portal sessions and national unit codes in PostgreSQL (real server)', () => {
  let db: TestDatabase;
  let credentials: PostgresCredentials;
  let sessions: PostgresPortalSessions;

  beforeAll(async () => {
    db = await createTestDatabase('portal');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    credentials = new PostgresCredentials(db.pool);
    sessions = new PostgresPortalSessions(db.pool, credentials, 3600);
  });
  afterAll(() => db?.drop());

  it('opens a session for source name + API key, stores only its hash, and ends it with a rotation or revocation', async () => {
    const { credential, apiKey } = await credentials.create({ sourceSystem: 'motcua-hy', units: ['HY'], by: 'test' });
    expect(await sessions.login('motcua-hy', 'qd766_wrong_key')).toEqual({ ok: false, reason: expect.stringContaining('username or password is wrong') });
    expect(await sessions.login('another-source', apiKey)).toMatchObject({ ok: false });
    const login = await sessions.login('motcua-hy', apiKey);
    if (!login.ok) throw new Error(login.reason);
    expect(login.session).toMatch(/^pss_[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify((await db.pool.query('SELECT * FROM portal_sessions')).rows);
    expect(stored).not.toContain(login.session.slice(4));
    const writer = { credentialId: credential.id, sourceSystem: 'motcua-hy', units: ['HY'], manageUnits: false };
    expect(await sessions.authenticate(login.session)).toEqual({ ok: true, writer });
    // The credential id works as the username too; the API key itself works as a bearer.
    expect(await sessions.login(credential.id, apiKey)).toMatchObject({ ok: true });
    expect(await sessions.authenticate(apiKey)).toEqual({ ok: true, writer });

    await credentials.rotate(credential.id, 'test');
    expect(await sessions.authenticate(login.session)).toEqual({ ok: false, reason: expect.stringContaining('log in again') });

    const other = await credentials.create({ sourceSystem: 'motcua-hy2', units: ['HY'], by: 'test' });
    const second = await sessions.login('motcua-hy2', other.apiKey);
    if (!second.ok) throw new Error(second.reason);
    await credentials.revoke(other.credential.id, 'test');
    expect(await sessions.authenticate(second.session)).toMatchObject({ ok: false });
  });

  it('expires a session after its time', async () => {
    const { apiKey } = await credentials.create({ sourceSystem: 'motcua-short', units: ['HY'], by: 'test' });
    const login = await sessions.login('motcua-short', apiKey);
    if (!login.ok) throw new Error(login.reason);
    await db.pool.query("UPDATE portal_sessions SET expires_at = now() - interval '1 second'");
    expect(await sessions.authenticate(login.session)).toMatchObject({ ok: false });
  });

  it('resolves a national code from the units\' nationalCodes (as the registry reads them), or a unit registered under that code', async () => {
    const store = new PostgresEventStore(db.pool);
    const event = (type: string, unitCode: string, data: Record<string, unknown>, occurredAt = '2025-07-01T00:00:00+07:00'): DomainEvent => ({
      eventId: crypto.randomUUID(), type, schemaVersion: 1, occurredAt, sourceSystem: 'registry', unitCode, data,
    } as DomainEvent);
    const registered = (unitCode: string, data: Record<string, unknown>, occurredAt?: string) => event('unit.registered', unitCode, { name: unitCode, level: 'commune', ...data }, occurredAt);
    // Written to the store directly: national codes are data the unit events carry (docs/units.md).
    await store.appendMany([
      { streamId: 'unit-HY-XA-A', event: registered('HY-XA-A', { nationalCodes: ['H31.39'] }) },
      { streamId: 'unit-HY-XA-B', event: registered('HY-XA-B', { nationalCodes: ['000.00.99.H31'] }) },
      { streamId: 'unit-HY-XA-B', event: event('unit.national-codes-set', 'HY-XA-B', { nationalCodes: ['000.00.12.H31'] }) },
      { streamId: 'unit-H15.50', event: registered('H15.50', {}) },
      // One GSO code carried by a commune before the 2025 reform and by its successor after it.
      { streamId: 'unit-OLD-W', event: registered('OLD-W', { nationalCodes: ['12345'], effectiveFrom: '2022-01-01' }, '2022-01-01T00:00:00+07:00') },
      { streamId: 'unit-OLD-W', event: event('unit.dissolved', 'OLD-W', { effectiveFrom: '2025-07-01', successorCode: 'NEW-X' }) },
      { streamId: 'unit-NEW-X', event: registered('NEW-X', { nationalCodes: ['12345'], effectiveFrom: '2025-07-01' }) },
    ]);
    const units = new UnitDirectory(db.pool);
    await units.refresh(true);
    const resolver = new DirectoryUnitCodeResolver(units);
    expect(await resolver.resolve('H31.39')).toBe('HY-XA-A');
    expect(await resolver.resolve('h31.39')).toBe('HY-XA-A');
    // A MaHoSo prefix written level 1 first names the same agency.
    expect(await resolver.resolve('H31.12.00.000')).toBe('HY-XA-B');
    expect(await resolver.resolve('000.00.12.H31')).toBe('HY-XA-B');
    // Replaced codes no longer name the unit.
    expect(await resolver.resolve('000.00.99.H31')).toBeUndefined();
    expect(await resolver.resolve('H15.50')).toBe('H15.50');
    expect(await resolver.resolve('H99.1')).toBeUndefined();
    expect(await resolver.resolve('12345', Date.parse('2025-03-10T09:00:00+07:00'))).toBe('OLD-W');
    expect(await resolver.resolve('12345', Date.parse('2025-09-10T09:00:00+07:00'))).toBe('NEW-X');
  });

  it('finds each dossier\'s own bytes inside the data list', () => {
    const body = Buffer.from('{ "service" : "DongBoHoSoMC", "note": "a \\"data\\": [trap]", "data" : [ {"MaHoSo":"A-1","X":[1,{"y":"]"}]} ,\n{"MaHoSo":"Ấ-2"} ], "isUpdating": "True" }');
    expect(syncDataItemBytes(body)?.map((b) => b.toString())).toEqual(['{"MaHoSo":"A-1","X":[1,{"y":"]"}]}', '{"MaHoSo":"Ấ-2"}']);
    expect(syncDataItemBytes(Buffer.from('[1,2]'))).toBeUndefined();
    expect(syncDataItemBytes(Buffer.from('{"service":"x"}'))).toBeUndefined();
  });
});
