import { z } from 'zod';
import { EVENT_SCHEMAS } from '../events/catalogue';
import { channel, isoInstant, localDate } from '../events/primitives';
import type { JsonSchema } from './schema-builders';

/**
 * The ingest body's event envelopes as OpenAPI 3.0 schemas, derived from the zod contract catalogue
 * (EVENT_SCHEMAS) — the very schemas the endpoint validates with — so a new event type or version
 * appears in the document without a hand-written twin. Input side: what a sender may write.
 */
const CHANNEL_DESCRIPTION = 'in-person, online or postal (or the national code 1, 2, 3); absent = in-person';

/** The channel may be left out (it defaults to in person), which zod's input side still lists as required. */
function channelOptional(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(channelOptional);
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  const properties = node['properties'] as Record<string, { description?: string }> | undefined;
  if (properties && Array.isArray(node['required'])) {
    node['required'] = (node['required'] as string[]).filter((key) => properties[key]?.description !== CHANNEL_DESCRIPTION);
  }
  Object.values(node).forEach(channelOptional);
}

function overrideFor(schema: unknown): JsonSchema | undefined {
  // Refinements and preprocessing are not representable in JSON Schema; say what they accept instead.
  if (schema === isoInstant) return { type: 'string', format: 'date-time', description: 'ISO-8601 instant with an explicit offset (Z or ±hh:mm)', example: '2025-07-01T08:00:00+07:00' };
  if (schema === localDate) return { type: 'string', format: 'date', description: 'Local date in Vietnam, YYYY-MM-DD' };
  if (schema === channel) {
    return { description: CHANNEL_DESCRIPTION, oneOf: [{ type: 'string', enum: ['in-person', 'online', 'postal', '1', '2', '3'] }, { type: 'integer', enum: [1, 2, 3] }] };
  }
  return undefined;
}

function eventSchema(schema: z.ZodType, version: number): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'openapi-3.0',
    unrepresentable: 'any',
    override: (ctx) => {
      const replacement = overrideFor(ctx.zodSchema);
      if (!replacement) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
      Object.assign(ctx.jsonSchema, replacement);
    },
  }) as Record<string, unknown>;
  delete json['$schema'];
  channelOptional(json);
  const properties = json['properties'] as Record<string, Record<string, unknown>>;
  // The catalogue keys the version; the envelope types it as any integer.
  properties['schemaVersion'] = { type: 'integer', enum: [version] };
  return json;
}

/** Component name of one event type and version, e.g. DossierReceivedV1. */
export function eventComponentName(type: string, version: number): string {
  const words = type.split(/[.-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${words.join('')}V${version}`;
}

/** Every event type and schema version the ingest endpoint accepts, by component name. */
export const EVENT_ENVELOPE_SCHEMAS: Readonly<Record<string, JsonSchema>> = Object.fromEntries(
  Object.entries(EVENT_SCHEMAS).flatMap(([type, versions]) =>
    Object.entries(versions).map(([version, schema]) => [eventComponentName(type, Number(version)), eventSchema(schema, Number(version))]),
  ),
);
