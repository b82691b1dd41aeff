import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@idx/testing';
import { eventStoreMigrationsDir } from '../../workspace-root';
import { MAX_STORED_REASON_CHARS, PostgresDeadLetters } from '../dead-letters';
import { applySqlMigrations } from '../migrations';

describe('PostgresDeadLetters (real PostgreSQL)', () => {
  let db: TestDatabase;
  let letters: PostgresDeadLetters;

  beforeAll(async () => {
    db = await createTestDatabase('dl');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    letters = new PostgresDeadLetters(db.pool);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query('TRUNCATE dead_letters'));

  const rows = () =>
    db.pool.query<{ source: string; event_id: string | null; reason: string; raw: Buffer; occurrences: number }>(
      'SELECT source, event_id, reason, raw, occurrences FROM dead_letters ORDER BY id',
    ).then((r) => r.rows);

  it('keeps a 10 KB reason from a 5 KB source (once an index overflow and a 500), and counts it again when re-sent', async () => {
    // Random text: PostgreSQL compresses index entries, so a repeated letter would fit where real text does not.
    const source = `http:${randomBytes(3840).toString('base64')}`;
    const reason = `data.reason: ${randomBytes(7680).toString('base64')}`;
    const raw = Buffer.from('{"type":"dossier.refused"}');
    await letters.keep([{ source, reason, raw }]);
    await letters.keep([{ source, reason, raw }, { source, reason, raw }]);
    const kept = await rows();
    expect(kept).toHaveLength(1);
    expect(kept[0].source).toBe(source);
    expect(kept[0].raw.equals(raw)).toBe(true);
    expect(kept[0].occurrences).toBe(3);
    expect(kept[0].reason.startsWith(reason.slice(0, MAX_STORED_REASON_CHARS))).toBe(true);
    expect(kept[0].reason).toMatch(/… \(cut; 10253 characters in all\)$/);
  });

  it('keeps exactly the bytes of an item that is a view into a larger body', async () => {
    const body = Buffer.from('[{"ok":1},{"bad":\u0000},{"ok":2}]');
    const item = body.subarray(10, 19);
    await letters.keep([{ source: 'http:x', reason: 'not valid JSON', raw: item }]);
    const [row] = await rows();
    expect(row.raw.toString('latin1')).toBe('{"bad":\u0000}');
  });

  it('keeps different reasons, sources and bytes apart', async () => {
    const raw = Buffer.from('x');
    await letters.keep([
      { source: 'a', reason: 'one', raw },
      { source: 'a', reason: 'two', raw },
      { source: 'b', reason: 'one', raw },
      { source: 'a', reason: 'one', raw: Buffer.from('y') },
      // source and reason joined differently must not collide
      { source: 'ab', reason: 'c', raw },
      { source: 'a', reason: 'bc', raw },
    ]);
    expect(await rows()).toHaveLength(6);
  });

  it('stores texts PostgreSQL cannot hold (NUL, lone surrogates) escaped, and drops an event id that cannot be one', async () => {
    const raw = Buffer.from([0xff, 0x00, 0xfe]);
    await letters.keep([{ source: 'http:a\u0000b', eventId: 'id\u0000x', reason: 'bad \ud800 text', raw }]);
    const [row] = await rows();
    expect(row).toMatchObject({ source: 'http:a\\u0000b', event_id: null, reason: 'bad \uFFFD text' });
    expect(row.raw.equals(raw)).toBe(true);
  });

  it('migrates rejections kept before the long-field migration, keeping their counts', async () => {
    const old = await createTestDatabase('dlm');
    try {
      // The migrations as they were before this one, copied aside.
      const all = [eventStoreMigrationsDir()];
      const early = mkdtempSync(join(tmpdir(), 'dl-mig-'));
      for (const name of readdirSync(all[0]).filter((n) => n < '20261201000100')) cpSync(join(all[0], name), join(early, name), { recursive: true });
      await applySqlMigrations(old.pool, [early]);
      await old.pool.query(
        "INSERT INTO dead_letters (source, reason, raw, raw_sha256, occurrences) VALUES ('http:x', 'why', '\\x01', sha256('\\x01'), 4)",
      );
      await applySqlMigrations(old.pool, all);
      await new PostgresDeadLetters(old.pool).keep([{ source: 'http:x', reason: 'why', raw: Buffer.from([1]) }]);
      const r = await old.pool.query<{ n: number; occurrences: number }>('SELECT count(*)::int AS n, max(occurrences) AS occurrences FROM dead_letters');
      expect(r.rows[0]).toEqual({ n: 1, occurrences: 5 });
    } finally {
      await old.drop();
    }
  });
});
