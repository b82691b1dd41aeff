import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { startKafkaBroker } from './kafka-broker';

/**
 * A local Kafka broker for distributed mode without Docker (data kept in .data/kafka):
 *   node tools/platform/run-tool.mjs kafka-broker            (KAFKA_PORT, default 9092)
 * then e.g. `KAFKA_BROKERS=127.0.0.1:9092 npm start`. Ctrl-C stops it.
 */
async function main(): Promise<void> {
  const port = Number(process.env['KAFKA_PORT'] ?? 9092);
  const broker = await startKafkaBroker({
    dir: process.env['KAFKA_DATA_DIR'] ?? join(workspaceRoot(), '.data', 'kafka'),
    port,
    controllerPort: Number(process.env['KAFKA_CONTROLLER_PORT'] ?? port + 1),
    partitions: 6,
    log: (line) => console.log(`[kafka] ${line}`),
  });
  console.log(`[kafka] KAFKA_BROKERS=${broker.bootstrap}   (log: ${broker.logFile}; Ctrl-C stops)`);
  const stop = (): void => {
    void broker.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
