import { validateEvent } from '@idx/contracts';
import type { IngestResponseDto, IngestResultDto } from '@idx/contracts';
import { type DomainEvent, streamIdOf, type UnitStreamEvent } from '@idx/domain';
import type { DeadLetter, EventStore } from '@idx/event-store';
import { BatchUnitView, type UnitLookup } from './auth/unit-directory';
import { writeRefusal } from './auth/write-permission';
import type { Writer } from './auth/writer';
import type { BatchItem } from './split-batch';

export interface DeadLetterSink {
  keep(letters: readonly DeadLetter[]): Promise<void>;
}

/** The registered units, brought up to date before each batch and after unit events are stored. */
export interface UnitSource extends UnitLookup {
  refresh(force?: boolean): Promise<void>;
}

/**
 * Who wrote the batch: one writer for all of it (an HTTP request), or one per item (Kafka messages,
 * each with its own key; an item whose key was refused is already a failed item).
 */
export type BatchWriters = Writer | readonly (Writer | undefined)[];

const NO_WRITER = 'no credential for this event: send it with the API key of your one-stop system';

/**
 * Validates decoded items, checks each against its writer's credential (source system, units,
 * unit-management right) and the registered units, appends the good ones in one go (idempotent on
 * eventId) and keeps the bad ones with their bytes and reason. A bad item never costs the good ones
 * in its batch. A unit event accepted earlier in a batch counts for the events after it.
 */
export class IngestionService {
  constructor(
    private readonly store: EventStore,
    private readonly deadLetters: DeadLetterSink,
    private readonly units: UnitSource,
  ) {}

  async ingest(items: readonly BatchItem[], source: string, writers: BatchWriters): Promise<IngestResponseDto> {
    const writerOf = (index: number): Writer | undefined => (Array.isArray(writers) ? (writers as readonly (Writer | undefined)[])[index] : (writers as Writer));
    await this.units.refresh();
    const view = new BatchUnitView(this.units);
    const results: IngestResultDto[] = new Array(items.length);
    const good: { index: number; event: DomainEvent; raw: Buffer }[] = [];
    const rejected: DeadLetter[] = [];
    const reject = (index: number, raw: Buffer, reason: string, eventId?: string): void => {
      results[index] = { index, ...(eventId === undefined ? {} : { eventId }), status: 'rejected', reason };
      rejected.push({ source, ...(eventId === undefined ? {} : { eventId }), reason, raw });
    };
    items.forEach((item, index) => {
      if (!item.ok) return reject(index, item.raw, item.reason);
      const checked = validateEvent(item.value);
      if (!checked.ok) return reject(index, item.raw, checked.reason, checked.eventId);
      const writer = writerOf(index);
      const refusal = writer ? writeRefusal(checked.event, writer, view) : NO_WRITER;
      if (refusal !== undefined) return reject(index, item.raw, refusal, checked.event.eventId);
      good.push({ index, event: checked.event, raw: item.raw });
      if (checked.event.type.startsWith('unit.')) view.apply(checked.event as UnitStreamEvent);
    });
    await this.deadLetters.keep(rejected);
    const outcomes = await this.store.appendMany(good.map(({ event }) => ({ streamId: streamIdOf(event), event })));
    const conflicts: DeadLetter[] = [];
    let unitEventsStored = false;
    outcomes.forEach((outcome, n) => {
      const { index, event, raw } = good[n];
      if (outcome.status === 'accepted') {
        results[index] = { index, eventId: event.eventId, status: 'accepted', globalPosition: outcome.globalPosition.toString() };
        unitEventsStored ||= event.type.startsWith('unit.');
      } else if (outcome.status === 'duplicate') {
        results[index] = { index, eventId: event.eventId, status: 'duplicate' };
      } else {
        results[index] = { index, eventId: event.eventId, status: 'conflict', reason: outcome.reason };
        conflicts.push({ source, eventId: event.eventId, reason: outcome.reason, raw });
      }
    });
    await this.deadLetters.keep(conflicts);
    // The next batch (maybe a dossier of the unit just registered) must see the new units at once.
    if (unitEventsStored) await this.units.refresh(true);
    return {
      accepted: results.filter((r) => r.status === 'accepted').length,
      duplicate: results.filter((r) => r.status === 'duplicate').length,
      rejected: rejected.length,
      conflict: conflicts.length,
      results,
    };
  }
}
