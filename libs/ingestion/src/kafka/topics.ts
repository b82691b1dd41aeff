import type { Admin, Kafka } from 'kafkajs';

/**
 * Waits until the broker hosts every partition of the topics: ListOffsets only answers for a
 * hosted partition, while "leaders known" (createTopics' waitForLeaders) can come first; producing
 * in between fails with "This server does not host this topic-partition".
 */
export async function waitUntilHosted(admin: Admin, topics: readonly string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const topic of topics) {
    for (;;) {
      try {
        await admin.fetchTopicOffsets(topic);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`topic ${topic} is not served by the broker after ${timeoutMs} ms: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

/** Creates the topics that do not exist yet (a concurrent creator is fine); answers the ones it created. */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], numPartitions: number): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return [];
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
    await waitUntilHosted(admin, missing);
    return missing;
  } finally {
    await admin.disconnect();
  }
}
