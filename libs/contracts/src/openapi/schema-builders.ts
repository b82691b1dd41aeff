/**
 * Tiny builders for the OpenAPI 3.0 schemas of the API's answers: each DTO's shape is written once,
 * here, and every controller references it by name (apiSchemaRef), so the document and the clients
 * generated from it cannot drift per endpoint. The e2e spec validates real answers against them.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export const str = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const int = (description?: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}), ...extra });
export const num = (description?: string): JsonSchema => ({ type: 'number', ...(description ? { description } : {}) });
export const bool = (description?: string): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const instant = (description?: string): JsonSchema => str(description, { format: 'date-time' });
/** 64-bit counters and positions travel as decimal strings (JSON numbers lose digits past 2^53). */
export const bigintText = (description?: string): JsonSchema => str(description, { pattern: '^\\d+$' });
export const oneOfText = (values: readonly string[], description?: string): JsonSchema => str(description, { enum: [...values] });
/** OpenAPI 3.0.3's way to say "only null" (`nullable` needs a `type` beside it). */
const NULL_ONLY: JsonSchema = { type: 'object', nullable: true, enum: [null] };
/** The schema or null; a $ref or a oneOf has no `type` to make nullable, so null is offered beside it. */
export const nullable = (schema: JsonSchema): JsonSchema => ('type' in schema ? { ...schema, nullable: true } : { anyOf: [schema, NULL_ONLY] });
export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });
export const mapOf = (values: JsonSchema, description?: string): JsonSchema => ({ type: 'object', additionalProperties: values, ...(description ? { description } : {}) });
/** Any JSON value (the stored event's data as sent; a stored vs. recomputed column value). */
export const anyValue = (description?: string): JsonSchema => (description ? { description } : {});

/** An object whose `required` keys must be present and whose `optional` keys may be. */
export function object(required: Readonly<Record<string, JsonSchema>>, optional: Readonly<Record<string, JsonSchema>> = {}, description?: string): JsonSchema {
  return {
    type: 'object',
    required: Object.keys(required),
    properties: { ...required, ...optional },
    ...(description ? { description } : {}),
  };
}
