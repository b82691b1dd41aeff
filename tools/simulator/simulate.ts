import { SIMULATOR_SOURCE_SYSTEM } from './dossier-generator';
import { simulate } from './simulation';
import { SimulationOptionError, simulationOptions } from './simulation-options';
import { demoWriterKeys } from './writer-keys';

/**
 * `npm run simulate` / `npm start -- --simulate[=national]`: streams a realistic history to the
 * ingest API — units, procedure catalogues dated before it, 13 months of dossiers and petitions
 * month by month — then goes live: new dossiers every second whose processing follows within
 * minutes. Seeded: running it again re-sends the same events, which the store answers as
 * duplicates. Options: tools/simulator/simulation-options.ts and docs/simulator.md.
 *   INGEST_URL (default http://localhost:3001); keys: QD766_API_KEY, QD766_NATIONAL_API_KEY, QD766_REGISTRY_API_KEY
 *   (or --api-key=, --national-key=, --registry-key=; default: the keys npm start keeps in .data/)
 */
async function main(): Promise<void> {
  const options = simulationOptions(process.argv.slice(2), process.env);
  const keys = demoWriterKeys();
  // The demo key owns the two reference provinces only; the country needs the national simulator's key.
  const apiKey = options.scope === 'national' ? keys.nationalKey ?? keys.apiKey : keys.apiKey;
  if (options.scope === 'national' && !keys.nationalKey) console.warn('simulator: no national key (QD766_NATIONAL_API_KEY); using QD766_API_KEY, which must own every simulated unit');
  await simulate({
    ingestUrl: process.env['INGEST_URL'] ?? 'http://localhost:3001',
    apiKey, ...(keys.registryKey ? { registryKey: keys.registryKey } : {}),
    sample: options.sample, months: options.months, dossiersPerUnitMonth: options.dossiersPerUnitMonth,
    rates: options.rates, liveRate: options.liveRate, sourceSystem: SIMULATOR_SOURCE_SYSTEM,
  });
}

main().catch((error) => {
  console.error(error instanceof SimulationOptionError ? `simulator: ${error.message}` : error);
  process.exit(error instanceof SimulationOptionError ? 2 : 1);
});
