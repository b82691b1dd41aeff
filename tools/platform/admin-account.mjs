// `npm start`: the console's first admin account, created once with a random password kept in
// .data/admin-password (mode 600), printed at every start (docs/console-accounts.md).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export function bootstrapAdmin(root, databaseUrl, passwordFile) {
  const cli = join(root, 'dist/tools/cli/tools/users/users-cli.js');
  const args = ['--require', join(root, 'tools/runtime/lib-paths.cjs'), cli, 'bootstrap-admin', '--password-file', passwordFile];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`could not create the admin account: ${stderr.trim() || error.message}`));
      resolve(stdout.trim());
    });
  });
}
