import fc from 'fast-check';
import type { DomainEvent, RatingLevel } from '../events';
import { dossier, local, petition, procedure, unit } from './scenario';

/** Random but realistic event streams for property tests (folding, tallies): each stream in its own business-time order. */
export const BASE = Date.parse('2025-02-01T00:00:00+07:00');
export const MINUTE = 60_000;
const iso = (t: number): string => new Date(t).toISOString();
export const UNITS = ['U1', 'U2'] as const;
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

export const streams: fc.Arbitrary<DomainEvent[][]> = fc
  .tuple(
    fc.tuple(...Array.from({ length: 8 }, (_, i) => dossierStream(i))),
    fc.tuple(...UNITS.flatMap((u) => PROCEDURES.map((p) => procedureStream(p, u)))),
    fc.tuple(...Array.from({ length: 4 }, (_, i) => petitionStream(i))),
    fc.tuple(...UNITS.map(unitStream)),
  )
  .map(([d, p, q, u]) => [...d, ...p, ...q, ...u]);

/** Interleaves streams, keeping each stream's own order: `picks` choose which stream goes next. */
export function interleave(all: readonly DomainEvent[][], picks: readonly number[]): DomainEvent[] {
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
export function shuffleInside(all: readonly DomainEvent[][], picks: readonly number[]): DomainEvent[][] {
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

