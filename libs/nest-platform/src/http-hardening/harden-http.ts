import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request } from 'express';
import type { Server } from 'node:http';
import { compressedAnswers } from './compressed-answers';
import { type HardeningConfig, hardeningConfig } from './hardening-config';
import { rateLimits } from './rate-limits';
import { ReasonedErrorsFilter } from './reasoned-errors.filter';
import { boundedConcurrency, type InFlight, responseTimeout } from './request-bounds';
import { securityHeaders } from './security-headers';

export interface HardeningOptions {
  /** Paths of long-lived responses (server-sent events): no concurrency slot, no response timeout; they bound themselves. */
  readonly longLivedPaths?: readonly string[];
  /** CSP hashes of the inline scripts of served pages (see inlineScriptHashes). */
  readonly inlineScripts?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface HardenedHttp {
  readonly config: HardeningConfig;
  readonly inFlight: InFlight;
}

const IN_FLIGHT = 'qd766InFlight';

/** The requests a hardened app is answering now, for its /health (undefined before hardenHttp ran). */
export function requestsInFlight(adapterHost: HttpAdapterHost): InFlight | undefined {
  return (adapterHost.httpAdapter?.getInstance() as Express | undefined)?.locals?.[IN_FLIGHT] as InFlight | undefined;
}

const isHealth = (req: Request): boolean => req.path === '/health' || req.path.startsWith('/health/');

/**
 * What every service puts in front of its routes (docs/http-hardening.md): security headers, no
 * X-Powered-By, compressed answers (never the event streams), rate limits per credential and per IP,
 * a bound on concurrent requests, response and slow-client timeouts, and error answers that always
 * carry a reason. Call it right after
 * NestFactory.create, before other middleware, then listen on `config.host`.
 */
export function hardenHttp(app: INestApplication, service: string, options: HardeningOptions = {}): HardenedHttp {
  const config = hardeningConfig(service, options.env);
  const longLived = options.longLivedPaths ?? [];
  const isLongLived = (req: Request): boolean => longLived.includes(req.path.replace(/\/+$/, ''));
  const express = app.getHttpAdapter().getInstance() as Express;
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);

  // Health is answered even when busy: a load balancer must see the service alive (and how busy it is).
  const concurrency = boundedConcurrency(config.maxConcurrentRequests, (req) => isLongLived(req) || isHealth(req));
  express.locals[IN_FLIGHT] = concurrency.inFlight;
  app.use(securityHeaders(options.inlineScripts));
  // Before every route and static file, so each answer (the console's files included) can be compressed.
  app.use(compressedAnswers(isLongLived));
  for (const limiter of rateLimits(config, isHealth)) app.use(limiter);
  app.use(concurrency);
  app.use(responseTimeout(config.responseTimeoutMs, isLongLived));
  app.useGlobalFilters(new ReasonedErrorsFilter(app.get(HttpAdapterHost).httpAdapter));

  const server = app.getHttpServer() as Server;
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  return { config, inFlight: concurrency.inFlight };
}
