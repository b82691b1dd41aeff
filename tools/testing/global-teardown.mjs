import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Stops the run's Kafka broker, if a suite started one (its data is throw-away: no clean shutdown needed). */
function stopTestKafka(runDir) {
  const file = join(runDir, 'kafka.json');
  if (!existsSync(file)) return;
  const { pid } = JSON.parse(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export default async function globalTeardown() {
  const runDir = process.env.QD766_TEST_RUN_DIR;
  if (runDir) {
    stopTestKafka(runDir);
    rmSync(runDir, { recursive: true, force: true });
  }
  await globalThis.__QD766_PG__?.stop();
}
