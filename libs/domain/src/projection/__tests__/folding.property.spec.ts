import fc from 'fast-check';
import { dossier, foldSubjects, local, petition, procedure, unit } from '../../__fixtures__/scenario';
import type { DomainEvent, RatingLevel } from '../../events';
import { QD766_2022 } from '../../rules/qd766-2022';
import { computeFigures } from '../../scoring/calculators';
import type { Figure } from '../../scoring/figures';
import { poolFigures } from '../../scoring/pool-figures';
import { parsePeriod } from '../../time/periods';
import { groupSubjects, projectionFor, type StoredSubject } from '../registry';

// ---- generators: independent streams of realistic events, each in its own business-time order ----

const BASE = Date.parse('2025-02-01T00:00:00+07:00');
const MINUTE = 60_000;
const iso = (t: number): string => new Date(t).toISOString();
const UNITS = ['U1', 'U2'] as const;
const PROCEDURES = ['P1', 'P2', 'P3'] as const;
const EXTRAS = [
  'submitted', 'step', 'step-without-handler', 'supplement', 'obligation', 'paid-portal', 'paid-gateway', 'paid-offline',
  'digitised', 'reused', 'store', 'e-result', 'population', 'synced', 'rated', 'petitioned', 'rated-again',
  'supplement-new-due', 'second-supplement', 'received-again', 'obligation-again',
] as const;

const dossierStream = (id: number) =>
  fc.record({
    unit: fc.constantFrom(...UNITS),
    start: fc.integer({ min: 0, max: 85 * 24 * 60 }),
    dueMinutes: fc.integer({ min: 60, max: 20 * 24 * 60 }),
    channel: fc.constantFrom('in-person', 'online', 'postal'),
    procedure: fc.constantFrom(...PROCEDURES),
    extras: fc.subarray([...EXTRAS]),
    ending: fc.constantFrom('none', 'processed', 'returned', 'withdrawn', 'stopped', 'processed+returned'),
    gaps: fc.array(fc.integer({ min: 1, max: 4 * 24 * 60 }), { minLength: 24, maxLength: 24 }),
    rating: fc.constantFrom<RatingLevel>('very-satisfied', 'satisfied', 'unsatisfied'),
    fee: fc.constantFrom(0, 20_000, 500_000),
  }).map((s): DomainEvent[] => {
    const d = dossier(`D${id}`, s.unit);
    let t = BASE + s.start * MINUTE;
    let g = 0;
    const next = () => iso((t += s.gaps[g++ % s.gaps.length] * MINUTE));
    const received = iso(t);
    const events: DomainEvent[] = [];
    if (s.extras.includes('submitted')) events.push(d.submitted(iso(t - 30 * MINUTE), s.procedure, 'online'));
    events.push(d.received(received, iso(t + s.dueMinutes * MINUTE), { procedure: s.procedure, channel: s.channel as 'online' }));
    for (const extra of s.extras) {
      switch (extra) {
        case 'step': events.push(d.step(next())); break;
        case 'step-without-handler': events.push(d.step(next(), {})); break;
        case 'supplement': events.push(d.supplementRequested(next()), d.supplementSupplied(next())); break;
        case 'second-supplement': events.push(d.supplementRequested(next())); if (s.dueMinutes % 2 === 0) events.push(d.supplementSupplied(next())); break;
        case 'supplement-new-due': {
          events.push(d.supplementRequested(next()));
          const arrival = next();
          events.push(d.supplementSupplied(arrival, iso(Date.parse(arrival) + s.dueMinutes * MINUTE)));
          break;
        }
        // A re-sent reception (a one-stop system's retry): later, with another due time.
        case 'received-again': events.push(d.received(next(), iso(t + 2 * s.dueMinutes * MINUTE), { procedure: s.procedure, channel: s.channel as 'online' })); break;
        case 'obligation-again': events.push(d.obligation(next(), s.fee + 1_000)); break;
        case 'obligation': events.push(d.obligation(next(), s.fee)); break;
        case 'paid-portal': events.push(d.paid(next(), 'national-portal')); break;
        case 'paid-gateway': events.push(d.paid(next(), 'local-gateway')); break;
        case 'paid-offline': events.push(d.paid(next(), 'offline')); break;
        case 'digitised': events.push(d.digitised(next())); break;
        case 'reused': events.push(d.reused(next())); break;
        case 'store': events.push(d.citizenStore(next(), 'pushed-to')); break;
        case 'e-result': events.push(d.eResult(next())); break;
        case 'population': events.push(d.populationData(next(), 'vneid')); break;
        case 'synced': events.push(d.synced(next())); break;
        case 'rated': events.push(d.rated(next(), s.rating)); break;
        case 'rated-again': events.push(d.rated(next(), 'satisfied')); break;
        case 'petitioned': events.push(d.petitioned(next(), `Q-${id}`)); break;
        default: break;
      }
    }
    if (s.ending.startsWith('processed')) events.push(d.processed(next()));
    if (s.ending.endsWith('returned')) events.push(d.returned(next()));
    if (s.ending === 'withdrawn') events.push(d.withdrawn(next()));
    if (s.ending === 'stopped') events.push(d.stopped(next()));
    return events;
  });

const procedureStream = (code: (typeof PROCEDURES)[number], unitCode: string) =>
  fc.record({
    start: fc.integer({ min: 0, max: 40 * 24 * 60 }),
    decisionDay: fc.integer({ min: 0, max: 60 }),
    leadDays: fc.integer({ min: 0, max: 20 }),
    level: fc.constantFrom('none', 'partial', 'full'),
    fee: fc.boolean(),
    integrated: fc.boolean(),
    citizen: fc.boolean(),
    published: fc.boolean(),
    complete: fc.boolean(),
    abolished: fc.boolean(),
    gap: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  }).map((s): DomainEvent[] => {
    const p = procedure(code, unitCode);
    let t = BASE + s.start * MINUTE;
    const next = () => iso((t += s.gap * MINUTE));
    const decision = new Date(BASE + s.decisionDay * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const effective = new Date(BASE + (s.decisionDay + s.leadDays) * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const events = [
      p.announced(local(`${decision}T09:00`), `QD-${code}`, decision, effective),
      p.online(next(), s.level as 'full'), p.fee(next(), s.fee), p.integrated(next(), s.integrated), p.audience(next(), s.citizen),
      p.content(next(), s.complete ? ['name', 'steps', 'method', 'components', 'time-limit', 'applicants', 'authority'] : ['name']),
    ];
    if (s.published) events.push(p.published(next(), `QD-${code}`));
    if (s.abolished) events.push(p.abolished(next()));
    // A stream is in business-time order: the announcement's own time may come after later events.
    return events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  });

const petitionStream = (id: number) =>
  fc.record({
    unit: fc.constantFrom(...UNITS),
    start: fc.integer({ min: 0, max: 85 * 24 * 60 }),
    days: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
    within: fc.boolean(),
    answers: fc.array(fc.integer({ min: 60, max: 20 * 24 * 60 }), { maxLength: 3 }),
    rating: fc.option(fc.constantFrom<RatingLevel>('satisfied', 'unsatisfied'), { nil: undefined }),
  }).map((s): DomainEvent[] => {
    const q = petition(`Q${id}`, s.unit);
    let t = BASE + s.start * MINUTE;
    const events: DomainEvent[] = [q.received(iso(t), { ...(s.days === undefined ? {} : { days: s.days }), within: s.within })];
    s.answers.forEach((gap, i) => {
      if (i > 0) events.push(q.reopened(iso((t += 60 * MINUTE))));
      events.push(q.answered(iso((t += gap * MINUTE))));
    });
    if (s.rating) events.push(q.rated(iso((t += 60 * MINUTE)), s.rating));
    return events;
  });

const unitStream = (unitCode: string) =>
  fc.record({ competent: fc.boolean(), copies: fc.array(fc.integer({ min: 0, max: 85 * 24 * 60 }), { maxLength: 4 }) }).map((s): DomainEvent[] => [
    unit(unitCode).registered(iso(BASE - 400 * 86_400_000), `UBND xã ${unitCode}`, 'commune', undefined, '2024-01-01'),
    unit(unitCode).competent(iso(BASE - 400 * 86_400_000), s.competent, '2024-01-01'),
    ...[...s.copies].sort((a, b) => a - b).map((m) => unit(unitCode).copies(iso(BASE + m * MINUTE), 1 + (m % 3))),
  ]);

const streams: fc.Arbitrary<DomainEvent[][]> = fc
  .tuple(
    fc.tuple(...Array.from({ length: 8 }, (_, i) => dossierStream(i))),
    fc.tuple(...UNITS.flatMap((u) => PROCEDURES.map((p) => procedureStream(p, u)))),
    fc.tuple(...Array.from({ length: 4 }, (_, i) => petitionStream(i))),
    fc.tuple(...UNITS.map(unitStream)),
  )
  .map(([d, p, q, u]) => [...d, ...p, ...q, ...u]);

/** Interleaves streams, keeping each stream's own order: `picks` choose which stream goes next. */
function interleave(all: readonly DomainEvent[][], picks: readonly number[]): DomainEvent[] {
  const queues = all.map((s) => [...s]).filter((s) => s.length > 0);
  const out: DomainEvent[] = [];
  let i = 0;
  while (queues.length > 0) {
    const q = picks[i++ % picks.length] % queues.length;
    out.push(queues[q].shift() as DomainEvent);
    if (queues[q].length === 0) queues.splice(q, 1);
  }
  return out;
}

/** Shuffles each stream's own events (Fisher–Yates driven by `picks`): the order they were recorded in. */
function shuffleInside(all: readonly DomainEvent[][], picks: readonly number[]): DomainEvent[][] {
  let k = 0;
  return all.map((stream) => {
    const out = [...stream];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = picks[k++ % picks.length] % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  });
}

// ---- what the scoring service would compute per unit and period ----

const EVALUATIONS = [
  { period: '2025-02', asOf: '2025-06-01T00:00' },
  { period: '2025-03', asOf: '2025-03-17T12:00' }, // month-to-date
  { period: '2025-03', asOf: '2025-06-01T00:00' },
  { period: '2025-04', asOf: '2025-06-01T00:00' },
  { period: '2025-Q1', asOf: '2025-06-01T00:00' },
] as const;

function byUnit(stored: Iterable<{ kind: string; facts: unknown }>): Map<string, StoredSubject[]> {
  const units = new Map<string, StoredSubject[]>();
  for (const s of stored) {
    const unitCode = (s.facts as { unitCode: string }).unitCode;
    units.set(unitCode, [...(units.get(unitCode) ?? []), s]);
  }
  return units;
}

function figuresOfAll(stored: Iterable<{ kind: string; facts: unknown }>): Record<string, Record<string, Figure>> {
  const out: Record<string, Record<string, Figure>> = {};
  for (const [unitCode, subjects] of [...byUnit(stored)].sort(([a], [b]) => a.localeCompare(b))) {
    for (const { period, asOf } of EVALUATIONS) {
      const figures = computeFigures({ subjects: groupSubjects(subjects), period: parsePeriod(period), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 });
      out[`${unitCode} ${period} @${asOf}`] = Object.fromEntries(figures);
    }
  }
  return out;
}

/** Folds in memory, never serialising: the reference "full replay". */
function replay(events: readonly DomainEvent[]): Map<string, { kind: string; facts: unknown }> {
  const state = new Map<string, { kind: string; facts: unknown }>();
  for (const e of events) {
    const p = projectionFor(e);
    if (!p) continue;
    const id = `${p.kind}\u0000${p.keyOf(e)}`;
    state.set(id, { kind: p.kind, facts: p.evolve(state.get(id)?.facts, e) });
  }
  return state;
}

const normalised = (m: Map<string, { kind: string; facts: unknown }>) =>
  Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));

describe('folding is deterministic', () => {
  it('gives the same figures for any interleaving of independent streams', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), (all, picks) => {
        const canonical = figuresOfAll(replay(all.flat()).values());
        const shuffled = figuresOfAll(replay(interleave(all, picks)).values());
        expect(shuffled).toEqual(canonical);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same facts and figures whatever order the events were recorded in inside every stream', () => {
    // Dossier streams (criterion 5's clock and every dossier criterion), petition streams (rounds of
    // criteria 19–21), procedure streams (catalogue changes) and unit streams (competence, copies),
    // ISSUE 9: each stream's events shuffled, then the streams interleaved.
    const reorderable = (stream: readonly DomainEvent[]) => /^(dossier|petition|procedure|unit)\./.test(stream[0]?.type ?? '');
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), (all, inside, across) => {
        const canonical = replay(all.flat());
        const shuffled = shuffleInside(all.filter(reorderable), inside);
        const recorded = replay(interleave([...shuffled, ...all.filter((s) => !reorderable(s))], across));
        expect(normalised(recorded)).toEqual(normalised(canonical));
        expect(figuresOfAll(recorded.values())).toEqual(figuresOfAll(canonical.values()));
      }),
      { numRuns: 80 },
    );
  });

  it('folds incrementally — stored as JSON between batches — to the same facts and figures as a full replay', () => {
    fc.assert(
      fc.property(streams, fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (all, picks, batchSizes) => {
        const events = interleave(all, picks);
        const stored = new Map<string, { kind: string; facts: unknown }>();
        let at = 0;
        let b = 0;
        while (at < events.length) {
          const size = batchSizes[b++ % batchSizes.length];
          foldSubjects(events.slice(at, at + size), stored); // as the service does: load, evolve, save JSON
          figuresOfAll(stored.values()); // recomputed after every batch, and must not disturb anything
          at += size;
        }
        const full = replay(events);
        expect(normalised(stored)).toEqual(normalised(full));
        expect(figuresOfAll(stored.values())).toEqual(figuresOfAll(full.values()));
      }),
      { numRuns: 40 },
    );
  });

  it('pools additively: for criteria without a procedure join, pooled unit figures equal figures over all subjects', () => {
    const UNJOINED = [4, 5, 8, 11, 14, 15, 16, 18, 19, 20, 21];
    fc.assert(
      fc.property(streams, (all) => {
        const stored = [...replay(all.flat()).values()];
        for (const { period, asOf } of EVALUATIONS) {
          const input = (subjects: StoredSubject[]) => ({ subjects: groupSubjects(subjects), period: parsePeriod(period), asOf: Date.parse(local(asOf)), ruleSet: QD766_2022 });
          const pooled = poolFigures([...byUnit(stored).values()].map((s) => computeFigures(input(s))));
          const together = computeFigures(input(stored));
          for (const id of UNJOINED) expect([id, pooled.get(id)]).toEqual([id, together.get(id)]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
