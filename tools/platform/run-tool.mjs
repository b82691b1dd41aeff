// `npm run simulate` / `npm run bench -- <name>` / `node tools/platform/run-tool.mjs kafka-broker|kafka-produce`:
// builds the tools if needed and runs one.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from './processes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [tool, ...rest] = process.argv.slice(2);
const entries = {
  simulate: 'tools/simulator/simulate.js',
  audit: 'tools/audit/audit-cli.js',
  rebuild: 'tools/rebuild/rebuild-cli.js',
  credentials: 'tools/credentials/credentials-cli.js',
  users: 'tools/users/users-cli.js',
  units: 'tools/units/units-cli.js',
  'kafka-broker': 'tools/kafka/broker-cli.js',
  'kafka-produce': 'tools/kafka/producer.js',
  // Only `bench` takes a name as its first argument; the other tools get all of theirs.
  bench: tool === 'bench' ? `tools/bench/${rest.shift() ?? 'http-ingest'}.js` : 'tools/bench',
};
if (!entries[tool]) {
  console.error(`unknown tool "${tool}"; one of: ${Object.keys(entries).join(', ')}`);
  process.exit(2);
}
const entry = join(root, 'dist/tools/cli', entries[tool]);
if (!existsSync(entry) || process.env.REBUILD_TOOLS !== '0') {
  await runStep(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tools/tsconfig.tools.json')], { cwd: root });
}
if (!existsSync(entry)) {
  console.error(`no such tool: ${entries[tool]}`);
  process.exit(2);
}
try {
  // The rebuild allocates every parsed event and folded fact once: a larger young generation lets
  // most die there instead of being promoted (10–20 % less CPU measured, +~100 MiB fixed RSS; docs/performance.md).
  const flags = tool === 'rebuild' ? ['--max-semi-space-size=64'] : [];
  await runStep(process.execPath, [...flags, '--require', join(root, 'tools/runtime/lib-paths.cjs'), entry, ...rest], { cwd: root });
} catch (error) {
  process.exit(error.exitCode ?? 1); // the tool has said why; keep its exit code (e.g. audit: 1 = mismatch)
}
