// `npm test`: lint (module boundaries), typecheck and build every project, then the whole Jest
// suite (unit, integration against a real PostgreSQL it starts itself, end-to-end over HTTP).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from '../platform/processes.mjs';
import { ensureSystemPackages } from './ensure-system-packages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const nx = (...args) => runStep(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), ...args, '--output-style=stream'], { cwd: root, env });
const step = (name) => console.log(`\n=== ${name}`);

try {
  step('lint and typecheck (Nx, module boundaries enforced)');
  await nx('run-many', '-t', 'lint', 'typecheck', '--parallel=2');
  step('build (apps, console, tools)');
  await nx('run-many', '-t', 'build', '--parallel=1');
  step('system packages the tests drive (Chromium, kcat)');
  ensureSystemPackages();
  step('tests (Jest: unit, PostgreSQL integration, Kafka, end-to-end, browser)');
  const report = join(tmpdir(), `qd766-jest-${process.pid}.json`);
  const jest = runStep(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { cwd: root, env });
  await jest.finally(() => {
    try {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      console.log(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
    } catch {
      // no report: jest itself failed to start, its error is above
    }
  });
} catch (error) {
  console.error(`\nnpm test failed: ${error.message}`);
  process.exit(1);
}
