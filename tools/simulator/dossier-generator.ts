import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@idx/domain';
import type { DemoUnit } from './demo-units';

const HOUR = 3_600_000;
const PROCEDURES = ['1.001234', '1.002345', '2.000123', '1.004567', '2.001890', '1.008765'];

/** Local ISO-8601 (+07:00) for an instant, as a one-stop system would send it. */
export function localIso(ms: number): string {
  return `${new Date(ms + 7 * HOUR).toISOString().slice(0, 19)}+07:00`;
}

export class DossierGenerator {
  private seq = 0;
  constructor(private readonly random: () => number = Math.random, private readonly sourceSystem = 'simulator-mot-cua') {}

  private envelope(unit: DemoUnit, dossierCode: string, occurredAt: number) {
    return { eventId: randomUUID(), schemaVersion: 1, occurredAt: localIso(occurredAt), sourceSystem: this.sourceSystem, unitCode: unit.code, dossierCode };
  }

  /**
   * One dossier's life: received at `receivedAt`, due `dueInMs` later, processed on time with the
   * unit's on-time share, else late; events that lie after `now` are left for later.
   */
  dossier(unit: DemoUnit, receivedAt: number, dueInMs: number, now: number): { due: DomainEvent[]; later: DomainEvent[] } {
    const code = `${unit.code}-${Date.now().toString(36)}-${(this.seq++).toString(36)}`;
    const channel = this.random() < unit.online ? 'online' : 'in-person';
    const dueAt = receivedAt + dueInMs;
    const onTime = this.random() < unit.onTime;
    const doneAt = onTime ? receivedAt + dueInMs * (0.2 + 0.75 * this.random()) : dueAt + dueInMs * (0.05 + 0.5 * this.random());
    const events: DomainEvent[] = [
      { ...this.envelope(unit, code, receivedAt), type: 'dossier.received', data: { procedureCode: PROCEDURES[this.seq % PROCEDURES.length], channel, dueAt: localIso(dueAt) } },
      { ...this.envelope(unit, code, doneAt), type: 'dossier.processed', data: {} },
      { ...this.envelope(unit, code, doneAt + HOUR / 2), type: 'dossier.result-returned', data: {} },
    ];
    return { due: events.filter((e) => Date.parse(e.occurredAt) <= now), later: events.filter((e) => Date.parse(e.occurredAt) > now) };
  }

  unitRegistered(unit: DemoUnit, at: number): DomainEvent {
    return {
      eventId: randomUUID(), schemaVersion: 1, occurredAt: localIso(at), sourceSystem: this.sourceSystem, unitCode: unit.code,
      type: 'unit.registered', data: { name: unit.name, level: unit.level, ...(unit.parentCode ? { parentCode: unit.parentCode } : {}) },
    };
  }
}
