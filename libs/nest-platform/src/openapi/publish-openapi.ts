import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_SCHEMAS, apiSchemaRef } from '@idx/contracts';

/** Where every service publishes its OpenAPI: the UI at /api/docs, the JSON document at /api/docs-json. */
export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = '/api/docs-json';

export interface OpenApiInfo {
  readonly title: string;
  readonly description?: string;
  /** How writers authenticate (the ingest service's API keys); absent for services without bearer auth. */
  readonly bearerDescription?: string;
}

type Operation = { responses?: Record<string, unknown> } & Record<string, unknown>;

/**
 * Answers hardenHttp gives to any route but health (docs/http-hardening.md): the rate limits (429)
 * and the bound on concurrent requests and response time (503). Added to every operation here so
 * no controller repeats them; a controller's own description of the same status wins.
 */
const HARDENING_ANSWERS: Readonly<Record<string, string>> = {
  '429': 'Too many requests for this credential or IP; Retry-After says when to try again',
  '503': 'Busy (MAX_CONCURRENT_REQUESTS) or no answer within RESPONSE_TIMEOUT_MS; Retry-After says when to try again',
};

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: apiSchemaRef('ErrorAnswer') } } });

function addHardeningAnswers(doc: OpenAPIObject): void {
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path === '/health' || path.startsWith('/health/')) continue;
    for (const operation of Object.values(item as Record<string, Operation>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const [status, description] of Object.entries(HARDENING_ANSWERS)) operation.responses[status] ??= errorAnswer(description);
    }
  }
}

/** The names of the components a document references, followed through the components themselves. */
function referencedSchemas(doc: OpenAPIObject): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  const pending = [...JSON.stringify(doc.paths).matchAll(/#\/components\/schemas\/([\w.-]+)/g)].map((m) => m[1]);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in picked || !(name in API_SCHEMAS)) continue;
    picked[name] = API_SCHEMAS[name];
    for (const m of JSON.stringify(API_SCHEMAS[name]).matchAll(/#\/components\/schemas\/([\w.-]+)/g)) pending.push(m[1]);
  }
  return picked;
}

/**
 * Builds the service's OpenAPI document from its controllers' decorators, adds the named schemas
 * they reference (libs/contracts/src/openapi) and the hardening answers, and serves it at
 * /api/docs (UI) and /api/docs-json (the document a vendor generates a client from).
 */
export function publishOpenApi(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  let builder = new DocumentBuilder().setTitle(info.title).setVersion('1');
  if (info.description) builder = builder.setDescription(info.description);
  if (info.bearerDescription) builder = builder.addBearerAuth({ type: 'http', scheme: 'bearer', description: info.bearerDescription });
  const doc = SwaggerModule.createDocument(app, builder.build());
  addHardeningAnswers(doc);
  doc.components = { ...doc.components, schemas: { ...referencedSchemas(doc), ...doc.components?.schemas } as never };
  SwaggerModule.setup(OPENAPI_UI_PATH, app, doc, { jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1) });
  return doc;
}
