import { PostgresEventStore } from '@idx/event-store';
import { migrateDatabase } from '@idx/read-models';
import { DEFAULT_RESIDENT_SUBJECTS, ProjectionRebuild } from '@idx/scoring-projection';
import { Pool } from 'pg';

/**
 * `npm run rebuild`: rebuilds the scoring read models from every event, beside the live ones, then
 * switches. The platform can stay up: the API serves the old tables until the switch, and the live
 * projection pauses only for the final catch-up and switch. DATABASE_URL must be set;
 * REBUILD_RESIDENT_SUBJECTS bounds the dossiers and petitions held in memory (default
 * DEFAULT_RESIDENT_SUBJECTS, the rest spilled to the database: docs/performance.md); REBUILD_ORDER
 * is how the first pass reads the log: `stream` (default: stream by stream, walking the stream index)
 * or `log` (the log's own order: for a log much larger than the server's memory, where walking the
 * index would read the table at random).
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set (npm start uses postgresql://qd766:qd766@127.0.0.1:5766/qd766)');
  const residentText = process.env['REBUILD_RESIDENT_SUBJECTS'];
  const resident = residentText === undefined || residentText === '' ? DEFAULT_RESIDENT_SUBJECTS : Number(residentText);
  if (!Number.isInteger(resident) || resident < 1) throw new Error(`REBUILD_RESIDENT_SUBJECTS must be a whole number ≥ 1 (got "${residentText}")`);
  const order = process.env['REBUILD_ORDER'] || 'stream';
  if (order !== 'stream' && order !== 'log') throw new Error(`REBUILD_ORDER must be "stream" or "log" (got "${order}")`);
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    await migrateDatabase(pool);
    const started = Date.now();
    const report = await new ProjectionRebuild(pool, new PostgresEventStore(pool), { resident, order }).run((stage, done, total) => {
      const s = (Date.now() - started) / 1000;
      process.stderr.write(`\r${stage}: ${done}${total === undefined ? '' : `/${total}`} (${s.toFixed(1)} s)   `);
    });
    process.stderr.write('\n');
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
