import { inlineScriptHashes } from '@idx/nest-platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The CSP hashes of the built console's inline scripts, so its page runs under script-src 'self'. */
export function consoleInlineScripts(webDir: string | undefined): string[] {
  return webDir ? inlineScriptHashes(readFileSync(join(webDir, 'index.html'), 'utf8')) : [];
}
