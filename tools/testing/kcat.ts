import { execFileSync, spawnSync } from 'node:child_process';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * kcat (Debian's librdkafka command-line client) for the interop test: a Kafka client we did not
 * write. Installed with apt-get when missing (CI runs as root); without root, install it yourself:
 * `sudo apt-get install -y kcat`.
 */
export function ensureKcat(): string {
  if (onPath('kcat')) return 'kcat';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error('the Kafka interop test needs kcat and cannot install it without root: run `sudo apt-get install -y kcat`');
  }
  const apt = (...args: string[]): void => {
    execFileSync('apt-get', args, { stdio: 'pipe', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  try {
    apt('install', '-y', '--no-install-recommends', 'kcat');
  } catch {
    apt('update');
    apt('install', '-y', '--no-install-recommends', 'kcat');
  }
  if (!onPath('kcat')) throw new Error('apt-get installed kcat but it is not on PATH');
  return 'kcat';
}
