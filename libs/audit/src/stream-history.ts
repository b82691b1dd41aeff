import type { StreamEventsDto } from '@idx/contracts';
import { brokenAt, type PostgresHistoryReader } from '@idx/event-store';

/** One subject's history as stored, with its hash chain checked. */
export async function streamHistory(reader: PostgresHistoryReader, streamId: string): Promise<StreamEventsDto | undefined> {
  const stream = (await reader.streams([streamId])).get(streamId);
  if (!stream) return undefined;
  const broken = brokenAt(stream);
  return {
    streamId,
    chainIntact: broken === null,
    brokenAt: broken,
    events: stream.map((e) => ({
      globalPosition: e.globalPosition.toString(), streamVersion: e.streamVersion, recordedAt: e.recordedAt.toISOString(),
      occurredAt: e.event.occurredAt, type: e.event.type, eventId: e.event.eventId, sourceSystem: e.event.sourceSystem, data: e.event.data,
      payload: e.event, prevHash: e.prevHash, hash: e.hash,
    })),
  };
}
