import type { PoolClient } from 'pg';

/**
 * Creates `next` like `table` without its indexes, for a bulk load: `indexLike` then builds them
 * once over the loaded rows (a sort each), cheaper than maintaining four indexes row by row.
 */
export async function createBareLike(client: PoolClient, next: string, table: string): Promise<void> {
  await client.query(`CREATE TABLE ${next} (LIKE ${table} INCLUDING ALL EXCLUDING INDEXES)`);
}

/**
 * Builds on `next` the primary key and every index `table` has (PostgreSQL names them); a primary
 * key `next` has already (a rebuild that spilled needed it while loading) is kept.
 */
export async function indexLike(client: PoolClient, next: string, table: string): Promise<void> {
  const keyed = await client.query(`SELECT 1 FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`, [next]);
  const indexes = await client.query<{ def: string; pkey: string | null }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, pg_get_constraintdef(c.oid) AS pkey
     FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype = 'p' AND c.conrelid = i.indrelid
     WHERE i.indrelid = $1::regclass`,
    [table],
  );
  for (const { def, pkey } of indexes.rows) {
    if (pkey) {
      if (keyed.rowCount === 0) await client.query(`ALTER TABLE ${next} ADD ${pkey}`);
    } else {
      const own = def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ /, `CREATE $1INDEX ON ${next} `);
      if (own === def) throw new Error(`cannot read the index definition of ${table}: ${def}`); // never build it on the live table
      await client.query(own);
    }
  }
}
