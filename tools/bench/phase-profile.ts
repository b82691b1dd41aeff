import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of one phase of a benchmark (not of its set-up or of the phases after it), written
 * where `--cpu-prof=<file>` says; open it in Chrome DevTools or summarise it with
 * tools/bench/profile-summary. Without the flag, the phase runs unprofiled.
 */
export async function profilePhase<T>(file: string | undefined, phase: () => Promise<T>): Promise<T> {
  if (!file) return phase();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await phase();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`cpu profile of the phase: ${file}`);
  }
}
