import type { Pool } from 'pg';

/**
 * A connection the server drops must not crash the process. An idle one is reported on the pool
 * (which replaces it); a checked-out one (a transaction, a LISTEN, a seal) emits on its client,
 * which pg leaves without a listener while it is checked out — an unhandled 'error' event that
 * kills the process, as PostgreSQL killed -9 mid-projection showed. Every client gets a listener
 * when it connects; the query in flight still fails, and its caller retries.
 */
export function watchPool(pool: Pool, log: (message: string) => void = (m) => console.warn(m)): Pool {
  pool.on('error', (error) => log(`PostgreSQL connection lost (${error.message}); it will be replaced`));
  pool.on('connect', (client) => {
    client.on('error', (error) => log(`PostgreSQL connection lost while in use (${error.message}); the work on it fails and is retried`));
  });
  return pool;
}
