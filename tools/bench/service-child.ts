import type { INestApplication } from '@nestjs/common';
import { startIngest } from '../../apps/ingest/src/bootstrap';
import { startScoring } from '../../apps/scoring/src/bootstrap';
import { startCpuProfile } from './phase-profile';

/**
 * One service in a process of its own, as the platform runs it (tools/platform/start.mjs), for a
 * benchmark that must not put two services on one event loop:
 *   node --require tools/runtime/lib-paths.cjs dist/tools/cli/tools/bench/service-child.js ingest|scoring
 * Configured by the environment like the service itself; says `LISTENING <port>` on stdout once it
 * serves. Spawned with an IPC channel, it closes on the message `stop`; with BENCH_CPU_PROF=<file> it
 * profiles from serving until then and writes the profile first.
 */
const starters: Record<string, () => Promise<INestApplication>> = { ingest: startIngest, scoring: startScoring };

async function main(): Promise<void> {
  const which = process.argv[2] ?? '';
  const start = starters[which];
  if (!start) throw new Error(`service-child: "${which}" is not one of ${Object.keys(starters).join(', ')}`);
  const app = await start();
  const { port } = app.getHttpServer().address() as { port: number };
  const profile = process.env['BENCH_CPU_PROF'];
  const stopProfile = profile ? await startCpuProfile(profile) : undefined;
  process.stdout.write(`LISTENING ${port}\n`);
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void (async () => {
      await stopProfile?.();
      await app.close();
      process.exit(0);
    })().catch(() => process.exit(1));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
