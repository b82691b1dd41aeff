import { validateEvent } from '@idx/contracts';
import type { IngestResponseDto, IngestResultDto } from '@idx/contracts';
import { type DomainEvent, streamIdOf } from '@idx/domain';
import type { DeadLetter, EventStore } from '@idx/event-store';
import type { BatchItem } from './split-batch';

export interface DeadLetterSink {
  keep(letters: readonly DeadLetter[]): Promise<void>;
}

/**
 * Validates decoded items, appends the good ones in one go (idempotent on eventId) and keeps the
 * bad ones with their bytes and reason. A bad item never costs the good ones in its batch.
 */
export class IngestionService {
  constructor(private readonly store: EventStore, private readonly deadLetters: DeadLetterSink) {}

  async ingest(items: readonly BatchItem[], source: string): Promise<IngestResponseDto> {
    const results: IngestResultDto[] = new Array(items.length);
    const good: { index: number; event: DomainEvent }[] = [];
    const rejected: DeadLetter[] = [];
    items.forEach((item, index) => {
      if (!item.ok) {
        results[index] = { index, status: 'rejected', reason: item.reason };
        rejected.push({ source, reason: item.reason, raw: item.raw });
        return;
      }
      const checked = validateEvent(item.value);
      if (checked.ok) {
        good.push({ index, event: checked.event });
      } else {
        results[index] = { index, eventId: checked.eventId, status: 'rejected', reason: checked.reason };
        rejected.push({ source, eventId: checked.eventId, reason: checked.reason, raw: item.raw });
      }
    });
    await this.deadLetters.keep(rejected);
    const outcomes = await this.store.appendMany(good.map(({ event }) => ({ streamId: streamIdOf(event), event })));
    outcomes.forEach((outcome, n) => {
      const { index, event } = good[n];
      results[index] = outcome.status === 'accepted'
        ? { index, eventId: event.eventId, status: 'accepted', globalPosition: outcome.globalPosition.toString() }
        : { index, eventId: event.eventId, status: 'duplicate' };
    });
    return {
      accepted: results.filter((r) => r.status === 'accepted').length,
      duplicate: results.filter((r) => r.status === 'duplicate').length,
      rejected: rejected.length,
      results,
    };
  }
}
