import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { hardenHttp, hardeningConfig, logLevels, publishOpenApi } from '@idx/nest-platform';
import { migrateOnStart } from '@idx/read-models';
import { reportingConfig } from './config';
import { ReportingModule } from './reporting.module';
import { SCORE_STREAM_PATH } from './score-stream/score-stream.controller';
import { consoleInlineScripts } from './web/console-csp';
import { serveConsole } from './web/serve-console';

export async function createReportingApp(): Promise<INestApplication> {
  const config = reportingConfig();
  await migrateOnStart(config.databaseUrl, (m) => new Logger('reporting').log(m));
  const app = await NestFactory.create<NestExpressApplication>(ReportingModule, { logger: logLevels() });
  hardenHttp(app, 'reporting', { longLivedPaths: [SCORE_STREAM_PATH], inlineScripts: consoleInlineScripts(config.webDir) });
  app.enableShutdownHooks();
  publishOpenApi(app, { title: 'QĐ 766 reporting', description: 'Scores, rankings, the live stream, exports, the audit trail and the unit registry' });
  if (config.webDir) serveConsole(app, config.webDir);
  return app;
}

export async function startReporting(): Promise<INestApplication> {
  const app = await createReportingApp();
  const { port, webDir } = reportingConfig();
  await app.listen(port, hardeningConfig('reporting').host);
  new Logger('reporting').log(`API on http://localhost:${port}/api/v1 (docs: /api/docs)${webDir ? `; console on http://localhost:${port}/` : '; console not built'}`);
  return app;
}
