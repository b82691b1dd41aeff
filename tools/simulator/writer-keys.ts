import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { readDemoCredentials } from '../credentials/demo-credentials';

/** Where npm start keeps the demo credentials (mode 0600): its state directory, .data/ by default. */
export const DEMO_CREDENTIALS_FILE = join(process.env['QD766_STATE_DIR'] || join(workspaceRoot(), '.data'), 'demo-credentials.json');

function flag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/**
 * The API keys a demo writer sends with: --api-key= / QD766_API_KEY for dossiers, procedures and
 * petitions of the demo's provinces; --national-key= / QD766_NATIONAL_API_KEY for every unit (the
 * national simulation); --registry-key= / QD766_REGISTRY_API_KEY for the reference units (unit.* events).
 * Without them, the keys npm start left in .data/demo-credentials.json.
 */
export function demoWriterKeys(): { apiKey: string; nationalKey?: string; registryKey?: string } {
  const saved = readDemoCredentials(DEMO_CREDENTIALS_FILE);
  const apiKey = flag('api-key') ?? process.env['QD766_API_KEY'] ?? saved?.demo.apiKey;
  const nationalKey = flag('national-key') ?? process.env['QD766_NATIONAL_API_KEY'] ?? saved?.national?.apiKey;
  const registryKey = flag('registry-key') ?? process.env['QD766_REGISTRY_API_KEY'] ?? saved?.registry.apiKey;
  if (!apiKey) {
    throw new Error('no API key: set QD766_API_KEY (or --api-key=), e.g. the demo key npm start prints, or create one with `npm run credentials -- create`');
  }
  return { apiKey, ...(nationalKey ? { nationalKey } : {}), ...(registryKey ? { registryKey } : {}) };
}
