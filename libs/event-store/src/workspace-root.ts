import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root (where nx.json is), found from this file both in sources and in dist. */
export function workspaceRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function eventStoreMigrationsDir(): string {
  return join(workspaceRoot(), 'libs', 'event-store', 'migrations');
}
