import type { Kafka } from 'kafkajs';

/** Creates the topics that do not exist yet (a concurrent creator is fine); answers the ones it created. */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], numPartitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return [];
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
    return missing;
  } finally {
    await admin.disconnect();
  }
}
