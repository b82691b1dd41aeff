import { ensureTopics, KAFKA_DEFAULTS, kafkaSecurityFromEnv } from '@idx/ingestion';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { DemoEventStream, toKafkaMessage } from './demo-event-stream';
import { paced } from './pacer';
import { demoWriterKeys } from '../simulator/writer-keys';

/**
 * Streams realistic dossier events for the demo units into the event topic at a chosen rate,
 * keyed by unitCode (Kafka's default murmur2 partitioner, as the Java client uses).
 *   node tools/platform/run-tool.mjs kafka-produce --rate=200 [--events=N | --seconds=S]
 *   KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC (default qd766.events),
 *   KAFKA_TOPIC_PARTITIONS (when the topic has to be created; default 6),
 *   QD766_API_KEY (or --api-key=): a writer key for source simulator-mot-cua that may manage units
 *   (the stream registers the demo units first), e.g. `npm run credentials -- create --source simulator-mot-cua --units '*' --manage-units`
 */
function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main(): Promise<void> {
  const brokers = (arg('brokers') ?? process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
  const topic = arg('topic') ?? process.env['KAFKA_TOPIC'] ?? KAFKA_DEFAULTS.topic;
  const rate = Number(arg('rate') ?? 200);
  const total = arg('events') !== undefined ? Number(arg('events')) : undefined;
  const seconds = arg('seconds') !== undefined ? Number(arg('seconds')) : undefined;
  const { apiKey } = demoWriterKeys();
  const kafka = new Kafka({ clientId: 'qd766-producer', brokers, ...kafkaSecurityFromEnv(), logLevel: logLevel.WARN });
  await ensureTopics(kafka, [topic], Number(process.env['KAFKA_TOPIC_PARTITIONS'] ?? KAFKA_DEFAULTS.topicPartitions));
  // Idempotent: a send retried after a broker hiccup does not put the events on the topic twice.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  let stopping = false;
  process.on('SIGINT', () => (stopping = true));
  process.on('SIGTERM', () => (stopping = true));
  console.log(`producer: ${rate} events/s to ${topic} at ${brokers.join(',')}${total ? `, ${total} events` : seconds ? ` for ${seconds} s` : ' (Ctrl-C stops)'}`);

  const stream = new DemoEventStream();
  const started = Date.now();
  let sent = 0;
  let reported = started;
  await paced({ rate, total, seconds }, async (count) => {
    await producer.send({ topic, acks: -1, messages: stream.take(count).map((e) => toKafkaMessage(e, apiKey)) });
    sent += count;
    if (Date.now() - reported >= 1000) {
      reported = Date.now();
      console.log(`producer: ${sent} events sent, ${Math.round(sent / ((reported - started) / 1000))} events/s`);
    }
  }, () => stopping);
  await producer.disconnect();
  console.log(`producer: done, ${sent} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
