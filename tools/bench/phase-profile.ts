import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * Starts sampling this process's CPU (every 0.5 ms); the answer stops it and writes the profile to
 * `file` (open it in Chrome DevTools or summarise it with tools/bench/profile-summary).
 */
export async function startCpuProfile(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * A CPU profile of one phase of a benchmark (not of its set-up or of the phases after it), written
 * where `--cpu-prof=<file>` says. Without the flag, the phase runs unprofiled.
 */
export async function profilePhase<T>(file: string | undefined, phase: () => Promise<T>): Promise<T> {
  if (!file) return phase();
  const stop = await startCpuProfile(file);
  try {
    return await phase();
  } finally {
    await stop();
    console.log(`cpu profile of the phase: ${file}`);
  }
}
