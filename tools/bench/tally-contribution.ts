import { type DomainEvent, foldEvents } from '@idx/domain';
import { RunningTallies, type SubjectRecord, tallyPeriodsOf } from '@idx/scoring-projection';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, machineLine, textArg } from './bench-support';
import { profilePhase } from './phase-profile';

/**
 * One subject's contribution to a rebuild's unit-period tallies (RunningTallies.add: every begun
 * period its window overlaps, a month, quarter, half and year or more), per subject.
 *   npm run bench -- tally-contribution [--dossiers=40000] [--petitions=4000] [--rounds=7] [--cpu-prof=tally.cpuprofile]
 * Subjects are the replay bench's (the simulator's dossiers of one month, handled into the next,
 * folded by the domain's own fold) plus petitions. Each round adds every subject to a fresh
 * RunningTallies; dossiers and petitions are timed apart (a petition's deadline costs more). For a
 * ratio against another build, run the same command in its checkout in alternating rounds (the
 * version of this bench that carried the previous build's code as its baseline is commit 7b2198d:
 * docs/tally-contribution.md). `--cpu-prof` profiles three more runs after the rounds.
 */
async function main(): Promise<void> {
  const rounds = arg('rounds', 7);
  console.log(machineLine());
  const subjects = simulatedSubjects(arg('dossiers', 40_000), arg('petitions', 4_000));
  const now = Date.now();
  const kinds = (['dossier', 'petition'] as const)
    .map((kind) => ({ kind, subjects: subjects.filter((s) => s.kind === kind) }))
    .filter((k) => k.subjects.length > 0);
  for (const { kind, subjects: own } of kinds) {
    const periods = own.reduce((n, s) => n + tallyPeriodsOf(s, now).length, 0);
    console.log(`tally-contribution: ${own.length} ${kind}s of ${DEMO_UNITS.length} units, ${(periods / own.length).toFixed(2)} counted periods per ${kind}`);
  }

  // Each round adds the dossiers, then the petitions, to one RunningTallies: each kind timed on its own.
  const run = (times?: Map<string, number[]>): RunningTallies => {
    const t = new RunningTallies(now);
    for (const { kind, subjects: own } of kinds) {
      const started = process.hrtime.bigint();
      for (const s of own) t.add(s, 1);
      const us = Number(process.hrtime.bigint() - started) / 1000 / own.length;
      times?.set(kind, [...(times.get(kind) ?? []), us]);
    }
    return t;
  };
  const times = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    run(times);
    console.log(`  round ${round + 1}: ${[...times].map(([kind, t]) => `${kind} ${t[round].toFixed(2)} µs`).join(', ')}`);
  }
  const profile = textArg('cpu-prof');
  if (profile) await profilePhase(profile, async () => { for (let i = 0; i < 3; i++) run(); });

  // The first round warms the JIT up: left out of the figures.
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  console.log(machineLine());
  for (const { kind } of kinds) {
    const current = (times.get(kind) ?? []).slice(1);
    console.log(`RESULT tally contribution per ${kind}: median ${median(current).toFixed(2)} µs (rounds 2–${rounds}: ${list(current)})`);
  }
}

/** The replay bench's dossiers (one month, handled until two months later), and petitions, folded. */
function simulatedSubjects(dossiers: number, petitions: number): SubjectRecord[] {
  const gen = new DossierGenerator();
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  const end = Date.parse('2025-05-01T00:00:00+07:00');
  const events: DomainEvent[] = [];
  for (let i = 0; i < dossiers; i++) {
    const unit = DEMO_UNITS[i % DEMO_UNITS.length];
    // Some still open at `end` (their later events not sent): pending dossiers count too.
    events.push(...gen.dossier(unit, monthStart + Math.random() * 30 * 86_400_000, 3 * 86_400_000, end).due);
  }
  for (let i = 0; i < petitions; i++) events.push(...gen.petition(DEMO_UNITS[i % DEMO_UNITS.length], monthStart + Math.random() * 30 * 86_400_000, end).due);
  return foldEvents(events).filter((s) => s.kind === 'dossier' || s.kind === 'petition').map((s) => ({ ...s, lastPosition: 0n }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
