import { join } from 'node:path';
import { workspaceRoot } from '@idx/event-store';
import { startKafkaBroker } from './kafka-broker';

/**
 * A local Kafka broker for distributed mode without Docker (data kept in .data/kafka):
 *   node tools/platform/run-tool.mjs kafka-broker            (KAFKA_PORT, default 9092)
 * then e.g. `KAFKA_BROKERS=127.0.0.1:9092 npm start`. Ctrl-C stops it.
 * With KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD set when the data directory is first made, the
 * broker authenticates clients with SASL/SCRAM-SHA-512 as that user (docs/kafka-security.md).
 */
async function main(): Promise<void> {
  const port = Number(process.env['KAFKA_PORT'] ?? 9092);
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = process.env;
  const broker = await startKafkaBroker({
    dir: process.env['KAFKA_DATA_DIR'] ?? join(workspaceRoot(), '.data', 'kafka'),
    port,
    controllerPort: Number(process.env['KAFKA_CONTROLLER_PORT'] ?? port + 1),
    partitions: 6,
    ...(username && password ? { sasl: { users: [{ username, password }] } } : {}),
    log: (line) => console.log(`[kafka] ${line}`),
  });
  const auth = broker.sasl ? ` KAFKA_SASL_MECHANISM=scram-sha-512 KAFKA_SASL_USERNAME=${broker.sasl.username} KAFKA_SASL_PASSWORD=…` : '';
  console.log(`[kafka] KAFKA_BROKERS=${broker.bootstrap}${auth}   (log: ${broker.logFile}; Ctrl-C stops)`);
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
