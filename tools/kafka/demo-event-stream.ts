import type { DomainEvent } from '@idx/domain';
import type { Message } from 'kafkajs';
import { DEMO_UNITS, type DemoUnit } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';

const DAY = 86_400_000;

/**
 * An endless stream of realistic events for the demo units, in the order a one-stop system would
 * send them: the units first, then dossiers received this month (received → processed on time or
 * late → result returned). Events that lie in the future wait until the clock reaches them.
 */
export class DemoEventStream {
  private readonly queue: DomainEvent[] = [];
  private readonly later: DomainEvent[] = [];
  private started = false;

  constructor(
    private readonly units: readonly DemoUnit[] = DEMO_UNITS,
    private readonly clock: () => number = Date.now,
    private readonly generator = new DossierGenerator(),
  ) {}

  take(count: number): DomainEvent[] {
    const now = this.clock();
    if (!this.started) {
      this.started = true;
      const monthStart = monthStartOf(now);
      this.queue.push(...this.units.map((u) => this.generator.unitRegistered(u, monthStart)));
    }
    this.releaseDue(now);
    while (this.queue.length < count) {
      const unit = this.units[Math.floor(Math.random() * this.units.length)];
      const monthStart = monthStartOf(now);
      const receivedAt = monthStart + Math.random() * Math.max(1, now - monthStart);
      const { due, later } = this.generator.dossier(unit, receivedAt, (1 + Math.random() * 4) * DAY, now);
      this.queue.push(...due);
      this.later.push(...later);
    }
    return this.queue.splice(0, count);
  }

  private releaseDue(now: number): void {
    if (this.later.length === 0) return;
    this.later.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    let n = 0;
    while (n < this.later.length && Date.parse(this.later[n].occurredAt) <= now) n++;
    this.queue.push(...this.later.splice(0, n));
  }
}

/** First instant of the current month in Vietnam (UTC+7), where the index's periods live. */
export function monthStartOf(ms: number): number {
  return Date.parse(`${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 7)}-01T00:00:00+07:00`);
}

/**
 * The wire form on the event topic: key = unitCode (so a unit's events share a partition and keep
 * their order), value = the JSON envelope, exactly as posted over HTTP, and the writer's API key in
 * the `authorization` header (`Bearer <key>`), checked per message like the HTTP header.
 */
export function toKafkaMessage(event: DomainEvent, apiKey: string): Message {
  return { key: event.unitCode, value: JSON.stringify(event), headers: { authorization: `Bearer ${apiKey}` } };
}
