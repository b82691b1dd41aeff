import {
  type ActiveWindow, addCalendarDays, completedAt, DOSSIER_EVIDENCE, type DomainEvent, type DossierFacts, emptyTallies, endOf, endOfLocalDate, evaluationInstant,
  feeTotalOf, foldEvents, isOnTime, isWorkingDay, type LocalDate, localDateOf, monthKeyOf, paidOnline, type Period, periodsContainingMonth, type PetitionFacts,
  type PetitionRound, processingStartOf, procedureBucket, ruleSetInForce, type RuleSet, spanTest, type Tallies, type WorkingCalendar,
} from '@idx/domain';
import { monthsOfWindow, periodsOfMonths, RunningTallies, type SubjectRecord } from '@idx/scoring-projection';
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
 * RunningTallies, this build's and the previous build's (kept below, only here, as the baseline),
 * in alternating order, so the ratio is measured in one run on a shared machine; dossiers and
 * petitions are timed apart (a petition's deadline costs more). The two must end with the same
 * tallies or the bench fails. `--cpu-prof` profiles three more runs of this build's
 * alone, after the rounds.
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
    const periods = own.reduce((n, s) => n + previousTallyPeriodsOf(s, now).length, 0);
    console.log(`tally-contribution: ${own.length} ${kind}s of ${DEMO_UNITS.length} units, ${(periods / own.length).toFixed(2)} counted periods per ${kind}`);
  }

  // Each variant adds the dossiers, then the petitions, to one RunningTallies: each kind timed on its own.
  type Variant = 'previous' | 'current';
  const run = (variant: Variant, times?: Map<string, number[]>): RunningTallies | PreviousRunningTallies => {
    const t = variant === 'current' ? new RunningTallies(now) : new PreviousRunningTallies(now);
    for (const { kind, subjects: own } of kinds) {
      const started = process.hrtime.bigint();
      for (const s of own) t.add(s, 1);
      const us = Number(process.hrtime.bigint() - started) / 1000 / own.length;
      const key = `${variant} ${kind}`;
      times?.set(key, [...(times.get(key) ?? []), us]);
    }
    return t;
  };
  const times = new Map<string, number[]>();
  let last: Partial<Record<Variant, RunningTallies | PreviousRunningTallies>> = {};
  for (let round = 0; round < rounds; round++) {
    const order: Variant[] = round % 2 === 0 ? ['previous', 'current'] : ['current', 'previous'];
    for (const variant of order) last = { ...last, [variant]: run(variant, times) };
    console.log(`  round ${round + 1}: ${[...times].map(([key, t]) => `${key} ${t[round].toFixed(2)} µs`).join(', ')}`);
  }
  assertSameTallies(last.current as RunningTallies, last.previous as PreviousRunningTallies);
  const profile = textArg('cpu-prof');
  if (profile) await profilePhase(profile, async () => { for (let i = 0; i < 3; i++) run('current'); });

  // The first round warms the JIT up: left out of the figures.
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  console.log(machineLine());
  for (const { kind } of kinds) {
    const previous = (times.get(`previous ${kind}`) ?? []).slice(1);
    const current = (times.get(`current ${kind}`) ?? []).slice(1);
    const ratios = previous.map((p, i) => p / current[i]);
    console.log(`RESULT tally contribution per ${kind}, previous build: median ${median(previous).toFixed(2)} µs (rounds 2–${rounds}: ${list(previous)})`);
    console.log(`RESULT tally contribution per ${kind}, this build: median ${median(current).toFixed(2)} µs (rounds 2–${rounds}: ${list(current)})`);
    console.log(`RESULT tally contribution per ${kind}, speed-up (previous / this, same round): median ${median(ratios).toFixed(2)}× (${list(ratios)}); tallies identical`);
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

function assertSameTallies(current: RunningTallies, baseline: PreviousRunningTallies): void {
  // `scores` fills tallyRows with every begun unit-period's tallies.
  for (const _ of current.scores()) void _;
  const mine = new Map(current.tallyRows.map((r) => [`${r.unitCode} ${r.period}`, r]));
  let compared = 0;
  for (const [unitCode, sums] of baseline.units) {
    for (const s of sums.values()) {
      if (s.reach <= 0 || !tallyable(s.period, baseline.now)) continue;
      const row = mine.get(`${unitCode} ${s.period.key}`);
      if (!row || JSON.stringify(sorted(row.tallies)) !== JSON.stringify(sorted(s.row.tallies)) || row.subjects !== s.row.subjects) {
        throw new Error(`tallies differ at ${unitCode} ${s.period.key}: ${JSON.stringify(row?.tallies)} vs ${JSON.stringify(s.row.tallies)}`);
      }
      compared += 1;
    }
  }
  if (compared !== mine.size) throw new Error(`${mine.size} unit-periods tallied against ${compared} by the previous build`);
  console.log(`  ${compared} unit-periods' tallies identical`);
}

/** Keys in order at every level (JSON of equal tallies is then equal whatever order counters were added in). */
function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}

// ---------------------------------------------------------------------------------------------
// The previous build's contribution, kept ONLY here as the baseline: RunningTallies.add with
// addSubject, dossierCounts, petitionCounts and addCounts as they were (libs/domain/src/scoring/
// tallies.ts and libs/scoring-projection/src/rebuild/running-tallies.ts before this change), and
// isPetitionOnTime with roundDueAt and addWorkingDays (stepping over written dates) as they were.
// ---------------------------------------------------------------------------------------------

interface TallyRow {
  readonly unitCode: string;
  readonly period: string;
  readonly tallies: Tallies;
  subjects: number;
  readonly rebasedAt: number;
}

// scoring/unit-period-tallies.ts (not exported by the library).
const overlaps = (w: ActiveWindow | undefined, p: Period): boolean => w !== undefined && w.from < p.end && (w.to === undefined || w.to >= p.start);
const tallyable = (period: Period, now: number): boolean => period.start <= now;
function previousTallyPeriodsOf(side: { window: ActiveWindow | undefined }, now: number): Period[] {
  const w = side.window;
  const hull = w && w.to !== undefined && w.to < w.from ? { from: w.to, to: w.from } : w;
  return periodsOfMonths(monthsOfWindow(hull, now)).filter((p) => tallyable(p, now) && overlaps(w, p));
}

interface PreviousSum {
  readonly period: Period;
  readonly ruleSet: RuleSet;
  readonly row: TallyRow;
  reach: number;
  failures?: Map<string, string>;
}

class PreviousRunningTallies {
  readonly units = new Map<string, Map<string, PreviousSum>>();
  private readonly periodsOfMonth = new Map<string, Period[]>();
  private readonly ruleSets = new Map<string, RuleSet>();
  private readonly windows = new Map<string, { reach: readonly Period[]; counted: readonly Period[] }>();

  constructor(readonly now: number) {}

  add(subject: SubjectRecord, sign: 1 | -1): void {
    const unit = this.unit(subject.unitCode);
    const periods = this.periodsOf(subject.window);
    for (const period of periods.reach) this.sum(unit, subject.unitCode, period).reach += sign;
    const id = `${subject.kind}\u0000${subject.key}`;
    for (const period of periods.counted) this.contribute(this.sum(unit, subject.unitCode, period), id, subject, sign);
  }

  private contribute(sum: PreviousSum, id: string, subject: SubjectRecord, sign: 1 | -1): void {
    if (sign < 0 && sum.failures?.delete(id)) return;
    try {
      previousAddSubject(sum.row.tallies, subject, sum.period, this.now, sum.ruleSet, sign);
      sum.row.subjects += sign;
    } catch (error) {
      if (sign < 0) throw error;
      (sum.failures ??= new Map()).set(id, String(error));
    }
  }

  private periodsOf(window: ActiveWindow | undefined): { reach: readonly Period[]; counted: readonly Period[] } {
    if (!window) return { reach: [], counted: [] };
    if (window.to !== undefined && window.to < window.from) return { reach: this.reachOf(window), counted: previousTallyPeriodsOf({ window }, this.now) };
    const key = `${monthKeyOf(window.from)} ${window.to === undefined ? 'open' : monthKeyOf(window.to)}`;
    let periods = this.windows.get(key);
    if (!periods) this.windows.set(key, (periods = { reach: this.reachOf(window), counted: previousTallyPeriodsOf({ window }, this.now) }));
    return periods;
  }

  private reachOf(window: ActiveWindow | undefined): Period[] {
    const out: Period[] = [];
    const seen = new Set<string>();
    for (const month of monthsOfWindow(window, this.now)) {
      let containing = this.periodsOfMonth.get(month);
      if (!containing) this.periodsOfMonth.set(month, (containing = periodsContainingMonth(month)));
      for (const p of containing) {
        if (seen.has(p.key)) continue;
        seen.add(p.key);
        out.push(p);
      }
    }
    return out;
  }

  private unit(unitCode: string): Map<string, PreviousSum> {
    let sums = this.units.get(unitCode);
    if (!sums) this.units.set(unitCode, (sums = new Map()));
    return sums;
  }

  private sum(sums: Map<string, PreviousSum>, unitCode: string, period: Period): PreviousSum {
    let s = sums.get(period.key);
    if (!s) {
      let ruleSet = this.ruleSets.get(period.key);
      if (!ruleSet) this.ruleSets.set(period.key, (ruleSet = ruleSetInForce(period.start)));
      s = { period, ruleSet, row: { unitCode, period: period.key, tallies: emptyTallies(), subjects: 0, rebasedAt: this.now }, reach: 0 };
      sums.set(period.key, s);
    }
    return s;
  }
}

type PreviousCounts = Record<string, number>;

function previousCount(c: PreviousCounts, key: string, yes: boolean): void {
  if (yes) c[key] = (c[key] ?? 0) + 1;
}

function previousDossierCounts(d: DossierFacts, period: Period, asOf: number, ruleSet: RuleSet): PreviousCounts {
  const t = evaluationInstant(period, asOf);
  const inSpan = spanTest(period, t);
  const c: PreviousCounts = {};
  const received = inSpan(d.receivedAt);
  if (received) {
    previousCount(c, 'received', true);
    previousCount(c, 'synced', d.syncedAt !== undefined);
    previousCount(c, 'online', d.channel === 'online');
    const digitised = d.digitisedAt !== undefined;
    previousCount(c, 'digitised', digitised);
    previousCount(c, 'digitisedDoc', digitised && (completedAt(d) === undefined || d.eResultAt !== undefined));
    previousCount(c, 'reused', d.reusedAt !== undefined);
    previousCount(c, 'citizenStore', d.citizenStoreAt !== undefined);
    previousCount(c, 'populationData', d.populationDataAt !== undefined);
    previousCount(c, 'c21n', d.rating?.level !== 'unsatisfied' && (d.petitionCodes?.length ?? 0) === 0 && isOnTime(d, t, ruleSet));
    previousCount(c, 'e7', DOSSIER_EVIDENCE[7](d, inSpan));
    previousCount(c, 'e17', DOSSIER_EVIDENCE[17](d, inSpan));
  }
  previousCount(c, 'syncedInSpan', d.receivedAt !== undefined && inSpan(d.syncedAt));
  if (d.receivedAt !== undefined && d.receivedAt < t) {
    const end = endOf(d);
    if (!(end !== undefined && end < period.start)) {
      previousCount(c, 'c5d', true);
      previousCount(c, 'c5n', isOnTime(d, t, ruleSet));
    }
  }
  if (d.receivedAt !== undefined && inSpan(processingStartOf(d)) && feeTotalOf(d) > 0) {
    previousCount(c, 'c11d', true);
    previousCount(c, 'c11n', paidOnline(d));
  }
  if (inSpan(completedAt(d))) {
    previousCount(c, 'completed', true);
    previousCount(c, 'completedEResult', d.eResultAt !== undefined);
  }
  previousCount(c, 'e9', DOSSIER_EVIDENCE[9](d, inSpan));
  previousCount(c, 'e10', DOSSIER_EVIDENCE[10](d, inSpan));
  return c;
}

function previousPetitionCounts(p: PetitionFacts, period: Period, asOf: number, ruleSet: RuleSet): PreviousCounts {
  const t = evaluationInstant(period, asOf);
  const c: PreviousCounts = {};
  if (!(p.withinCompetence && p.receivedAt !== undefined && p.receivedAt >= period.start && p.receivedAt < t)) return c;
  const onTime = previousIsPetitionOnTime(p, t, ruleSet);
  previousCount(c, 'c19d', true);
  previousCount(c, 'c19n', onTime);
  previousCount(c, 'c20n', p.rating?.level !== 'unsatisfied' && onTime);
  return c;
}

function previousAddWorkingDays(date: LocalDate, n: number, calendar: WorkingCalendar): LocalDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(n));
  let current = date;
  if (remaining === 0) {
    while (!isWorkingDay(current, calendar)) current = addCalendarDays(current, 1);
    return current;
  }
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

function previousRoundDueAt(round: PetitionRound, rules: RuleSet): number {
  if (round.dueAt !== undefined) return round.dueAt;
  const days = round.dueInWorkingDays ?? rules.deadlines.petitionDefaultWorkingDays;
  return endOfLocalDate(previousAddWorkingDays(localDateOf(round.openedAt), days, rules.calendar));
}

function previousIsPetitionOnTime(p: PetitionFacts, evaluatedAt: number, rules: RuleSet): boolean {
  for (const round of p.rounds) {
    if (round.openedAt >= evaluatedAt) continue;
    const due = previousRoundDueAt(round, rules);
    const answered = round.answeredAt !== undefined && round.answeredAt < evaluatedAt ? round.answeredAt : undefined;
    if ((answered ?? evaluatedAt) > due) return false;
  }
  return true;
}

function previousAddCounts(into: PreviousCounts, counts: PreviousCounts, sign: 1 | -1): void {
  for (const [k, v] of Object.entries(counts)) {
    const next = (into[k] ?? 0) + sign * v;
    if (next === 0) delete into[k];
    else into[k] = next;
  }
}

function previousAddSubject(tallies: Tallies, subject: { kind: string; facts: unknown }, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
  const dossiers = tallies.dossiers as Record<string, PreviousCounts>;
  if (subject.kind === 'dossier') {
    const d = subject.facts as DossierFacts;
    const key = procedureBucket(d.procedureCode);
    const bucket = dossiers[key] ?? {};
    previousAddCounts(bucket, previousDossierCounts(d, period, asOf, ruleSet), sign);
    if (Object.keys(bucket).length === 0) delete dossiers[key];
    else dossiers[key] = bucket;
  } else if (subject.kind === 'petition') {
    previousAddCounts(tallies.petitions as PreviousCounts, previousPetitionCounts(subject.facts as PetitionFacts, period, asOf, ruleSet), sign);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
