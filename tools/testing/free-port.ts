import { createServer } from 'node:net';

/** A TCP port free on the loopback now (for a child process that needs a fixed port). */
export const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});
