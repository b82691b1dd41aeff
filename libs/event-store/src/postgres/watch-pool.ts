import type { Pool } from 'pg';

/** An idle pooled connection that the server drops must not crash the process: log it, the pool replaces it. */
export function watchPool(pool: Pool, log: (message: string) => void = (m) => console.warn(m)): Pool {
  pool.on('error', (error) => log(`PostgreSQL connection lost (${error.message}); it will be replaced`));
  return pool;
}
