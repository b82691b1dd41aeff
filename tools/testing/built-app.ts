import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== 'generated') newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * The compiled entry of an app (`npm test` builds it before Jest), rebuilt here when missing or
 * older than its sources, for tests that must run it as a separate process (to kill it).
 */
export function builtAppMain(app: 'ingest' | 'scoring' | 'reporting'): string {
  const root = workspaceRoot();
  const main = join(root, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
  const libs = readdirSync(join(root, 'libs')).map((lib) => join(root, 'libs', lib, 'src')).filter(existsSync);
  const sources = Math.max(newestSource(join(root, 'apps', app, 'src')), ...libs.map(newestSource));
  const fresh = (): boolean => existsSync(main) && statSync(main).mtimeMs >= sources;
  if (!fresh()) {
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'apps', app, 'tsconfig.app.json')], { cwd: root, stdio: 'pipe', timeout: 300_000 });
    } catch (error) {
      // Type errors still emit JavaScript; the typecheck step of `npm test` is where they fail the run.
      if (!fresh()) throw error;
      process.stderr.write(`builtAppMain(${app}): tsc reported errors, running what it emitted:\n${String((error as { stdout?: Buffer }).stdout ?? '')}\n`);
    }
  }
  return main;
}
