import { streamIdOf } from '@idx/domain';
import { createTestDatabase, dossierEvents, type TestDatabase, waitFor } from '@idx/testing';
import { Pool, type PoolClient } from 'pg';
import { applySqlMigrations } from '../postgres/migrations';
import { eventStoreMigrationsDir } from '../workspace-root';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { START } from '../port';

/** Every backend of the server that holds a transaction id, for a failure's message. */
async function xidHolders(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ d: string | null; t: string; x: string }>(
    'SELECT datname AS d, backend_type AS t, backend_xid::text AS x FROM pg_stat_activity WHERE backend_xid IS NOT NULL',
  );
  return rows.map((r) => `${r.t} in ${r.d ?? '-'} holds ${r.x}`).join('; ') || 'none';
}

/**
 * Slows this database's next ANALYZE of `slow_stats` to about ten seconds, inside the transaction that
 * writes its statistics: extended statistics on an expression that sleeps 5 ms a row, on 1,000 rows.
 * Thresholds of zero make autovacuum analyze it on its next visit.
 */
async function slowAnalyzeBait(pool: Pool): Promise<void> {
  await pool.query(`CREATE FUNCTION slow_identity(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS
                      $$ BEGIN PERFORM pg_sleep(0.005); RETURN i; END $$`);
  await pool.query('CREATE TABLE slow_stats (i int) WITH (autovacuum_analyze_threshold = 0, autovacuum_analyze_scale_factor = 0)');
  await pool.query('CREATE STATISTICS slow_stats_expr ON (slow_identity(i)), i FROM slow_stats');
  await pool.query('INSERT INTO slow_stats SELECT g FROM generate_series(1, 1000) AS g');
}

describe('the read horizon of the PostgreSQL event store (real server)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const received = (code: string) => dossierEvents('HY', code).received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
  const readIds = async () => (await store.readAll(START, 1_000_000)).events.map((x) => x.event.eventId);
  const expectReadable = async (eventId: string) => {
    if (!(await readIds()).includes(eventId)) throw new Error(`event ${eventId} is not read; transactions running: ${await xidHolders(db.pool)}`);
  };

  beforeEach(async () => {
    db = await createTestDatabase('horizon');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    store = new PostgresEventStore(db.pool);
  });
  afterEach(() => db.drop());

  it('is not held back by a transaction left open in another database of the same server, and still is by one of its own', async () => {
    const other = await createTestDatabase('horizon_other');
    let foreign: PoolClient | undefined;
    let local: PoolClient | undefined;
    try {
      foreign = await other.pool.connect();
      local = await db.pool.connect();
      // Another application's transaction on the same server, with an id, open across our appends.
      await foreign.query('BEGIN');
      await foreign.query('SELECT pg_current_xact_id()');
      const e = received('horizon-foreign');
      await store.appendMany([{ streamId: streamIdOf(e), event: e }]);
      await expectReadable(e.eventId);

      // One of this database (it could be an appender that has not yet inserted): the bound holds.
      await local.query('BEGIN');
      await local.query('SELECT pg_current_xact_id()');
      const f = received('horizon-local');
      await store.appendMany([{ streamId: streamIdOf(f), event: f }]);
      expect(await readIds()).not.toContain(f.eventId);
      await local.query('COMMIT');
      await expectReadable(f.eventId);
    } finally {
      await foreign?.query('ROLLBACK').catch(() => undefined);
      await local?.query('ROLLBACK').catch(() => undefined);
      foreign?.release();
      local?.release();
      await other.drop();
    }
  });

  it('is not held back by an autovacuum worker of its own database writing statistics', async () => {
    // Autovacuum visits each database once a minute by default: for this test, once a second. The
    // server's setting is restored at the end (the test server is the run's own, made for it).
    const admin = new Pool({ connectionString: process.env['TEST_DATABASE_URL'], max: 1 });
    try {
      await slowAnalyzeBait(db.pool);
      await admin.query(`ALTER SYSTEM SET autovacuum_naptime = '1s'`);
      await admin.query('SELECT pg_reload_conf()');
      const worker = await waitFor(async () => (await db.pool.query<{ x: string }>(
        `SELECT backend_xid::text AS x FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'autovacuum worker' AND backend_xid IS NOT NULL`,
      )).rows[0]?.x, { timeoutMs: 45000, intervalMs: 100, what: 'an autovacuum worker of this database with a transaction id' });

      const e = received('horizon-autovacuum');
      await store.appendMany([{ streamId: streamIdOf(e), event: e }]);
      await expectReadable(e.eventId);

      // The worker's transaction was still running when the event was read: otherwise this proved nothing.
      const still = await db.pool.query('SELECT 1 FROM pg_stat_activity WHERE backend_xid::text = $1', [worker]);
      expect(still.rowCount).toBe(1);
    } finally {
      await admin.query('ALTER SYSTEM RESET autovacuum_naptime').catch(() => undefined);
      await admin.query('SELECT pg_reload_conf()').catch(() => undefined);
      await admin.end();
    }
  });
});
