import { PostgresEventStore } from '@idx/event-store';
import { migrateDatabase } from '@idx/read-models';
import { ProjectionRebuild } from '@idx/scoring-projection';
import { Pool } from 'pg';

/**
 * `npm run rebuild`: rebuilds the scoring read models from every event, beside the live ones, then
 * switches. The platform can stay up: the API serves the old tables until the switch, and the live
 * projection pauses only for the final catch-up and switch. DATABASE_URL must be set.
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set (npm start uses postgresql://qd766:qd766@127.0.0.1:5766/qd766)');
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    await migrateDatabase(pool);
    const started = Date.now();
    const report = await new ProjectionRebuild(pool, new PostgresEventStore(pool)).run((stage, done, total) => {
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
