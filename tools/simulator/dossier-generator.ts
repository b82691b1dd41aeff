import { randomUUID } from 'node:crypto';
import type { Channel, DomainEvent } from '@idx/domain';
import type { DemoUnit } from './demo-units';
import { proceduresOf } from './procedures';
import { HOUR, localIso } from './seeded';

export { localIso } from './seeded';

/** The simulated one-stop system's name: the demo credential npm start creates carries it. */
export const SIMULATOR_SOURCE_SYSTEM = 'simulator-mot-cua';

export interface GeneratorOptions {
  readonly random?: () => number;
  /** Event ids: random by default; a stable function makes a replayed history idempotent. */
  readonly idFor?: (name: string) => string;
  readonly sourceSystem?: string;
}

/**
 * Realistic dossier lives for a unit, shaped by its profile: reception (online or at the desk),
 * sync to the national portal, digitisation, population data, fees paid online or not, processing
 * on time or late, an electronic result, the citizen's rating.
 */
export class DossierGenerator {
  private seq = 0;
  private readonly random: () => number;
  private readonly idFor: (name: string) => string;
  private readonly sourceSystem: string;

  constructor(options: GeneratorOptions = {}) {
    this.random = options.random ?? Math.random;
    this.idFor = options.idFor ?? (() => randomUUID());
    this.sourceSystem = options.sourceSystem ?? SIMULATOR_SOURCE_SYSTEM;
  }

  /** One dossier's events; those after `now` are handed back as `later`, to be sent when their time comes. */
  dossier(unit: DemoUnit, receivedAt: number, dueInMs: number, now: number, codePrefix = `${Date.now().toString(36)}`): { due: DomainEvent[]; later: DomainEvent[] } {
    const r = this.random;
    const code = `${unit.code}-${codePrefix}-${(this.seq++).toString(36)}`;
    const procedures = proceduresOf(unit);
    const offeredOnline = procedures.filter((p) => p.online !== 'none');
    // The channel first, then a procedure it can serve: the unit's online share is the share filed online (criterion 8).
    const filedOnline = offeredOnline.length > 0 && r() < unit.online;
    const among = filedOnline ? offeredOnline : procedures;
    const procedure = among.length > 0 ? among[Math.floor(r() * among.length)] : { code: '1.001193', online: 'full', feeBearing: false };
    const channel: Channel = filedOnline ? 'online' : r() < 0.05 ? 'postal' : 'in-person';
    const dueAt = receivedAt + dueInMs;
    const onTime = r() < unit.onTime;
    const doneAt = onTime ? receivedAt + dueInMs * (0.2 + 0.75 * r()) : dueAt + dueInMs * (0.05 + 0.5 * r());
    let n = 0;
    const e = (type: string, at: number, data: object = {}): DomainEvent => ({
      eventId: this.idFor(`${code}/${n++}`), type, schemaVersion: 1, occurredAt: localIso(at), sourceSystem: this.sourceSystem,
      unitCode: unit.code, dossierCode: code, data,
    }) as DomainEvent;
    const events: DomainEvent[] = [e('dossier.received', receivedAt, { procedureCode: procedure.code, channel, dueAt: localIso(dueAt) })];
    if (r() < 0.97) events.push(e('dossier.synced', receivedAt + 60_000));
    if (r() < unit.digital) events.push(e('dossier.components-digitised', receivedAt + 10 * 60_000, { components: 1 + Math.floor(r() * 4) }));
    if (r() < unit.digital * 0.8) events.push(e('dossier.components-reused', receivedAt + 11 * 60_000, { components: 1 }));
    if (r() < unit.digital * 0.7) events.push(e('dossier.citizen-store-linked', receivedAt + 12 * 60_000, { direction: r() < 0.5 ? 'taken-from' : 'pushed-to' }));
    if (r() < unit.digital) events.push(e('dossier.population-data-used', receivedAt + 5 * 60_000, { source: r() < 0.5 ? 'vneid' : 'population-db' }));
    const stepAt = receivedAt + (doneAt - receivedAt) * 0.3;
    events.push(e('dossier.processing-step', stepAt, { step: 'Thẩm định hồ sơ', handlerName: 'Nguyễn Thị Hoa', handlerTitle: 'Chuyên viên' }));
    if (procedure.feeBearing) {
      events.push(e('dossier.financial-obligation', stepAt + HOUR, { lines: [{ kind: 'fee', amount: 50_000 * (1 + Math.floor(r() * 10)) }] }));
      const method = r() < unit.paysOnline ? (r() < 0.6 ? 'national-portal' : 'local-gateway') : 'offline';
      events.push(e('dossier.fee-paid', stepAt + 2 * HOUR, { method }));
    }
    events.push(e('dossier.processed', doneAt));
    if (r() < unit.digital) events.push(e('dossier.e-result-issued', doneAt + 5 * 60_000));
    events.push(e('dossier.result-returned', doneAt + HOUR / 2));
    if (r() < 0.6) events.push(e('dossier.rated', doneAt + 3 * HOUR, { level: r() < unit.satisfied ? (r() < 0.5 ? 'very-satisfied' : 'satisfied') : 'unsatisfied' }));
    return { due: events.filter((x) => Date.parse(x.occurredAt) <= now), later: events.filter((x) => Date.parse(x.occurredAt) > now) };
  }

  /** A citizen petition (PAKN) answered on time or late, and often rated. */
  petition(unit: DemoUnit, receivedAt: number, now: number, codePrefix = `${Date.now().toString(36)}`): { due: DomainEvent[]; later: DomainEvent[] } {
    const r = this.random;
    const code = `PAKN-${unit.code}-${codePrefix}-${(this.seq++).toString(36)}`;
    let n = 0;
    const e = (type: string, at: number, data: object = {}): DomainEvent => ({
      eventId: this.idFor(`${code}/${n++}`), type, schemaVersion: 1, occurredAt: localIso(at), sourceSystem: this.sourceSystem,
      unitCode: unit.code, petitionCode: code, data,
    }) as DomainEvent;
    const answeredAt = receivedAt + (r() < unit.onTime ? 2 + r() * 8 : 16 + r() * 10) * 24 * HOUR;
    const events = [e('petition.received', receivedAt, { dueInWorkingDays: 10 }), e('petition.answered', answeredAt)];
    if (r() < 0.5) events.push(e('petition.rated', answeredAt + 24 * HOUR, { level: r() < unit.satisfied ? 'satisfied' : 'unsatisfied' }));
    return { due: events.filter((x) => Date.parse(x.occurredAt) <= now), later: events.filter((x) => Date.parse(x.occurredAt) > now) };
  }

  unitRegistered(unit: DemoUnit, at: number): DomainEvent {
    return {
      eventId: this.idFor(`unit/${unit.code}`), schemaVersion: 1, occurredAt: localIso(at), sourceSystem: this.sourceSystem, unitCode: unit.code,
      type: 'unit.registered', data: { name: unit.name, level: unit.level, ...(unit.parentCode ? { parentCode: unit.parentCode } : {}) },
    };
  }
}
