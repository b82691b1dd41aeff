// `npm start`'s one-time set-up runs the platform's own CLIs (built into dist/tools/cli) against
// its database: the console's admin account and the demo writer keys (docs/console-accounts.md,
// docs/writer-credentials.md). A failure says which step and why.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** Runs `tools/<cli>.js` with `args` against `databaseUrl`; resolves with its trimmed stdout. */
export function runPlatformCli(root, cli, args, databaseUrl, what) {
  const argv = ['--require', join(root, 'tools/runtime/lib-paths.cjs'), join(root, 'dist/tools/cli/tools', `${cli}.js`), ...args];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`could not ${what}: ${stderr.trim() || error.message}`));
      resolve(stdout.trim());
    });
  });
}
