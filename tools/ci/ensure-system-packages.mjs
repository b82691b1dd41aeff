// The tests drive real third-party programs: Debian's Chromium (console tests, through
// playwright-core) and kcat (a Kafka client we did not write). Installs them when missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/kcat', pkg: 'kcat' },
];

export function ensureSystemPackages() {
  const missing = NEEDED.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing ${missing.join(', ')}: install them with apt-get (sudo apt-get install -y ${missing.join(' ')})`);
  }
  console.log(`installing Debian packages for the tests: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
