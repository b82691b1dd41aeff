import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hardenHttp, hardeningConfig, logLevels, publishOpenApi } from '@idx/nest-platform';
import { migrateOnStart } from '@idx/read-models';
import { raw } from 'express';
import { ingestConfig } from './config';
import { bodyTooLarge } from './record-events/body-too-large';
import { jsonOrNdjsonOnly } from './record-events/content-type';
import { IngestModule } from './ingest.module';

/** Builds the ingest HTTP app: raw bodies (so rejected bytes are kept as sent), OpenAPI at /api/docs (JSON: /api/docs-json). */
export async function createIngestApp(): Promise<INestApplication> {
  const config = ingestConfig();
  await migrateOnStart(config.databaseUrl, (m) => new Logger('ingest').log(m));
  const app = await NestFactory.create(IngestModule, { bodyParser: false, logger: logLevels() });
  hardenHttp(app, 'ingest');
  app.use('/api/v1/events', jsonOrNdjsonOnly(), raw({ type: () => true, limit: config.maxBodyBytes }), bodyTooLarge(config.maxBodyBytes));
  // The national portal's sync calls (docs/portal-sync.md): raw bytes too, so every snapshot is kept as sent.
  app.use('/api/v1/portal', jsonOrNdjsonOnly(), raw({ type: () => true, limit: config.maxBodyBytes }), bodyTooLarge(config.maxBodyBytes));
  app.enableShutdownHooks();
  publishOpenApi(app, {
    title: 'QĐ 766 ingest',
    description: 'Events (native contract, docs/events.md) and the national portal\'s sync calls (docs/portal-sync.md)',
    bearerDescription: 'The API key of your one-stop system (npm run credentials -- create)',
  });
  return app;
}

export async function startIngest(): Promise<INestApplication> {
  const app = await createIngestApp();
  const { port } = ingestConfig();
  await app.listen(port, hardeningConfig('ingest').host);
  new Logger('ingest').log(`listening on ${await app.getUrl()} (POST /api/v1/events)`);
  return app;
}
