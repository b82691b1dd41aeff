import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hardenHttp, logLevels, publishOpenApi } from '@idx/nest-platform';
import { migrateOnStart } from '@idx/read-models';
import { scoringConfig } from './config';
import { ScoringModule } from './scoring.module';

export async function startScoring(): Promise<INestApplication> {
  await migrateOnStart(scoringConfig().databaseUrl, (m) => new Logger('scoring').log(m));
  const app = await NestFactory.create(ScoringModule, { logger: logLevels() });
  const { config } = hardenHttp(app, 'scoring');
  app.enableShutdownHooks();
  // Scoring serves only its health over HTTP; documented like the others so a monitor can be generated too.
  publishOpenApi(app, { title: 'QĐ 766 scoring', description: 'The scoring projection\'s health' });
  const { port, partition } = scoringConfig();
  await app.listen(port, config.host);
  new Logger('scoring').log(`partition ${partition.index}/${partition.count}, health on http://localhost:${port}/health`);
  return app;
}
