// Runs the embedded PostgreSQL as a process of its own (its own process group), so that a Ctrl-C in
// the terminal reaches the launcher only, and the launcher stops the services before the database.
// Usage: node embedded-db-server.mjs <dataDir> <port>; prints "READY <url>" once it accepts connections.
// Exits 0 once stopped (SIGTERM/SIGINT, or its launcher gone); exits 1 if the server dies on its own,
// so that the launcher sees it and restarts it.
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const [dir, port] = process.argv.slice(2);
const recent = [];
const server = await startEmbeddedPostgres({
  dir, port: Number(port), persistent: true,
  log: (line) => {
    recent.push(line);
    if (recent.length > 10) recent.shift();
  },
}).catch((error) => {
  process.stderr.write(`embedded PostgreSQL could not start: ${error.message}\n`);
  process.exit(1);
});
const admin = new pg.Client({ connectionString: server.url('postgres') });
await admin.connect();
const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'qd766'");
if (exists.rowCount === 0) await admin.query('CREATE DATABASE qd766');
await admin.end();
process.stdout.write(`READY ${server.url('qd766')} ${server.pid}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  process.exit(0);
}
void server.exited.then(({ code, signal }) => {
  if (stopping) return;
  process.stderr.write(`PostgreSQL (pid ${server.pid}) died (${signal ? `killed by ${signal}` : `exit code ${code}`}); last lines:\n  ${recent.join('\n  ')}\n`);
  process.exit(1);
});
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The launcher went away without stopping us (killed): do not outlive it.
process.stdin.on('end', () => void stop());
process.stdin.resume();
