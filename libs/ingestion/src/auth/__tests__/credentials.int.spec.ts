import { applySqlMigrations, eventStoreMigrationsDir } from '@idx/event-store';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { hashApiKey } from '../api-key';
import { readAudit } from '../audit-log';
import { CachedAuthenticator } from '../cached-authenticator';
import { CredentialError, PostgresCredentials } from '../postgres-credentials';

describe('writer credentials in PostgreSQL (real server)', () => {
  let db: TestDatabase;
  let credentials: PostgresCredentials;

  beforeAll(async () => {
    db = await createTestDatabase('cred');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    credentials = new PostgresCredentials(db.pool);
  });
  afterAll(() => db?.drop());

  it('issues a random key once, stores only its SHA-256, and authenticates the Bearer header to the writer', async () => {
    const { credential, apiKey } = await credentials.create({ sourceSystem: 'mot-cua-hy', units: ['HY25', 'HY25'], by: 'alice' });
    expect(apiKey).toMatch(new RegExp(`^qd766_${credential.id}_[A-Za-z0-9_-]{43}$`));
    expect(credential).toMatchObject({ sourceSystem: 'mot-cua-hy', units: ['HY25'], manageUnits: false, createdBy: 'alice' });
    const stored = await db.pool.query<{ key_hash: Buffer }>('SELECT key_hash FROM writer_credentials WHERE id = $1', [credential.id]);
    expect(stored.rows[0].key_hash.equals(hashApiKey(apiKey))).toBe(true);
    const everything = JSON.stringify((await db.pool.query('SELECT * FROM writer_credentials')).rows);
    expect(everything).not.toContain(apiKey.slice(-43));

    expect(await credentials.authenticate(`Bearer ${apiKey}`)).toEqual({
      ok: true, writer: { credentialId: credential.id, sourceSystem: 'mot-cua-hy', units: ['HY25'], manageUnits: false },
    });
    expect(await credentials.authenticate(undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('no credential') });
    expect(await credentials.authenticate(apiKey)).toMatchObject({ ok: false, reason: expect.stringContaining('must be "Bearer <api key>"') });
    expect(await credentials.authenticate('Bearer nonsense')).toMatchObject({ ok: false, reason: expect.stringContaining('malformed') });
    const tampered = `${apiKey.slice(0, -1)}${apiKey.endsWith('A') ? 'B' : 'A'}`;
    expect(await credentials.authenticate(`Bearer ${tampered}`)).toMatchObject({ ok: false, reason: expect.stringContaining('not valid') });
    expect(await credentials.authenticate(`Bearer ${apiKey.replace(credential.id, 'wdeadbeef0000')}`)).toMatchObject({ ok: false });
  });

  it('rotates: the old key stops at once, or after a grace period; revoking stops both', async () => {
    const { credential, apiKey: first } = await credentials.create({ sourceSystem: 'mot-cua-hue', units: ['HUE'], by: 'alice' });
    const { apiKey: second } = await credentials.rotate(credential.id, 'bob');
    expect((await credentials.verify(first)).ok).toBe(false);
    expect((await credentials.verify(second)).ok).toBe(true);

    const { apiKey: third, credential: graced } = await credentials.rotate(credential.id, 'bob', 3600);
    expect(graced.previousKeyValidUntil).toBeInstanceOf(Date);
    expect((await credentials.verify(second)).ok).toBe(true);
    expect((await credentials.verify(third)).ok).toBe(true);

    await credentials.revoke(credential.id, 'carol');
    expect((await credentials.verify(second)).ok).toBe(false);
    expect((await credentials.verify(third)).ok).toBe(false);
    await expect(credentials.rotate(credential.id, 'bob')).rejects.toThrow(CredentialError);
    await expect(credentials.revoke(credential.id, 'bob')).rejects.toThrow(`no active credential ${credential.id}`);

    const audit = await readAudit(db.pool, credential.id);
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['alice', 'credential.create'], ['bob', 'credential.rotate'], ['bob', 'credential.rotate'], ['carol', 'credential.revoke'],
    ]);
    expect(audit[0].details).toEqual({ sourceSystem: 'mot-cua-hue', units: ['HUE'], manageUnits: false });
    expect(audit[2].details).toEqual({ graceSeconds: 3600 });
    expect(JSON.stringify(audit)).not.toContain(third);
  });

  it('refuses bad input with a reason and records nothing', async () => {
    await expect(credentials.create({ sourceSystem: 'x', units: [], by: 'a' })).rejects.toThrow('at least one unit');
    await expect(credentials.create({ sourceSystem: 'x', units: ['*', 'HY'], by: 'a' })).rejects.toThrow('* already covers every unit');
    await expect(credentials.create({ sourceSystem: 'bad source', units: ['HY'], by: 'a' })).rejects.toThrow('--source');
    await expect(credentials.create({ sourceSystem: 'x', units: ['H\u0000Y'], by: 'a' })).rejects.toThrow('is not a unit code');
    await expect(credentials.rotate('wnothere', 'a', -1)).rejects.toThrow('grace period');
    expect((await readAudit(db.pool)).filter((a) => a.actor === 'a')).toEqual([]);
  });

  it('caches answers briefly for Kafka: one database look-up per key, not per message', async () => {
    const { apiKey } = await credentials.create({ sourceSystem: 'mot-cua-hy', units: ['HY25'], by: 'alice' });
    let lookups = 0;
    const counting = { authenticate: (h: string | undefined) => ((lookups += 1), credentials.authenticate(h)) };
    const cached = new CachedAuthenticator(counting, 60_000);
    for (let i = 0; i < 100; i++) expect((await cached.authenticate(`Bearer ${apiKey}`)).ok).toBe(true);
    for (let i = 0; i < 100; i++) expect((await cached.authenticate('Bearer qd766_wabcd_x')).ok).toBe(false);
    expect(lookups).toBe(2);
  });
});
