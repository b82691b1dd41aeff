import type { KafkaMessage, Producer, ProducerRecord } from 'kafkajs';
import { DeadLetterTopic } from '../dead-letter-topic';
import { DLQ_HEADERS } from '../kafka-defaults';
import { itemOfMessage } from '../message-to-item';

const message = (value: Buffer | null, offset = '7'): KafkaMessage => ({
  key: Buffer.from('HY-STP'), value, offset, timestamp: '0', attributes: 0, headers: { traceparent: Buffer.from('00-abc') },
});

describe('Kafka message → batch item', () => {
  it('decodes a JSON envelope and keeps its bytes', () => {
    const raw = Buffer.from('{"type":"dossier.received","unitCode":"HY-STP"}');
    expect(itemOfMessage(raw)).toEqual({ raw, ok: true, value: { type: 'dossier.received', unitCode: 'HY-STP' } });
  });

  it('rejects bytes that are not JSON, naming the parse error', () => {
    const item = itemOfMessage(Buffer.from('{"type":'));
    expect(item).toMatchObject({ ok: false, reason: expect.stringMatching(/^not valid JSON \(/) });
    expect(item.raw.toString()).toBe('{"type":');
  });

  it('applies the HTTP byte checks: invalid UTF-8 and deep nesting are named, never replaced or parsed', () => {
    const latin1 = Buffer.concat([Buffer.from('{"unitCode":"'), Buffer.from([0xb0, 0xec]), Buffer.from('"}')]);
    expect(itemOfMessage(latin1)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not valid UTF-8 at byte 13/) });
    const deep = Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(itemOfMessage(deep)).toMatchObject({ ok: false, reason: expect.stringContaining('nested deeper than') });
  });

  it('rejects a message without a value (a tombstone)', () => {
    expect(itemOfMessage(null)).toMatchObject({ ok: false, reason: expect.stringContaining('empty message') });
    expect(itemOfMessage(Buffer.alloc(0))).toMatchObject({ ok: false });
  });
});

describe('dead-letter topic', () => {
  it('republishes the original key, value and headers with the reason and origin in headers', async () => {
    const sent: ProducerRecord[] = [];
    const producer = { send: async (record: ProducerRecord) => void sent.push(record) } as unknown as Producer;
    const value = Buffer.from('not json');
    await new DeadLetterTopic(producer, 'events.dlq').publish([{ topic: 'events', partition: 2, message: message(value, '41'), reason: 'not valid JSON (x)', eventId: 'e-1' }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ topic: 'events.dlq', acks: -1 });
    const [out] = sent[0].messages;
    expect(out.key).toEqual(Buffer.from('HY-STP'));
    expect(out.value).toBe(value);
    expect(out.headers).toMatchObject({
      traceparent: Buffer.from('00-abc'),
      [DLQ_HEADERS.reason]: 'not valid JSON (x)',
      [DLQ_HEADERS.eventId]: 'e-1',
      [DLQ_HEADERS.sourceTopic]: 'events',
      [DLQ_HEADERS.sourcePartition]: '2',
      [DLQ_HEADERS.sourceOffset]: '41',
    });
  });

  it('sends nothing when nothing was rejected', async () => {
    const producer = { send: jest.fn() } as unknown as Producer;
    await new DeadLetterTopic(producer, 'events.dlq').publish([]);
    expect(producer.send).not.toHaveBeenCalled();
  });
});
