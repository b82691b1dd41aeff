import { createTestDatabase, type TestDatabase, waitFor } from '@idx/testing';
import { Pool } from 'pg';
import { watchPool } from '../postgres/watch-pool';

/**
 * PostgreSQL killed under a service drops the connections it holds. A checked-out connection (a
 * transaction in progress) then emits 'error' on its client, where pg leaves no listener: without
 * watchPool that is an uncaught exception that kills the process (seen as scoring restarting when
 * PostgreSQL was killed -9 mid-projection). Real server; the socket is cut under the client.
 */
describe('watchPool (real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase('watch'); });
  afterAll(() => db.drop());

  it('a checked-out connection dropped by the server fails its work and is logged; the process carries on and the pool serves again', async () => {
    const logged: string[] = [];
    const pool = watchPool(new Pool({ connectionString: db.url, max: 2 }), (m) => logged.push(m));
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const client = await pool.connect();
      await client.query('BEGIN');
      // The server vanishing (killed -9): the socket closes with no goodbye from PostgreSQL.
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await waitFor(() => logged.length > 0, { what: 'the dropped connection to be reported' });
      await expect(client.query('SELECT 1')).rejects.toThrow();
      client.release(true);
      // The pool replaces the dropped connection.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
      expect(uncaught).toEqual([]);
      expect(logged).toEqual([expect.stringContaining('PostgreSQL connection lost while in use')]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await pool.end();
    }
  });
});
