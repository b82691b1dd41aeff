import type { DomainEvent } from '@idx/domain';
import type { z } from 'zod';
import { EVENT_SCHEMAS, KNOWN_EVENT_TYPES } from './catalogue';

export type ValidationResult =
  | { readonly ok: true; readonly event: DomainEvent }
  | { readonly ok: false; readonly reason: string; readonly eventId?: string };

/** Messages an integrator can act on, where zod's defaults speak of types ("expected string, received undefined"). */
const wireErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'an array' : typeof issue.input;
  return `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}, not ${got}`;
};

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(event)' : issue.path.map(String).join('.');
}

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${pathOf(i)}: ${i.message}`).join('; ');
}

/**
 * Validates one decoded envelope. Every failure says which field is wrong and why, in words a
 * one-stop system's integrator can act on; unknown types and versions are named, never dropped.
 */
export function validateEvent(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, reason: '(event): must be a JSON object (an event envelope)' };
  }
  const raw = input as Record<string, unknown>;
  const eventId = typeof raw['eventId'] === 'string' ? raw['eventId'] : undefined;
  const type = raw['type'];
  if (typeof type !== 'string' || type.length === 0) {
    return { ok: false, eventId, reason: `type: is required; known types: ${KNOWN_EVENT_TYPES.join(', ')}` };
  }
  const versions = Object.hasOwn(EVENT_SCHEMAS, type) ? (EVENT_SCHEMAS as Readonly<Record<string, Readonly<Record<number, z.ZodType>>>>)[type] : undefined;
  if (!versions) {
    return { ok: false, eventId, reason: `type: unknown event type "${type}"; known types: ${KNOWN_EVENT_TYPES.join(', ')}` };
  }
  const version = raw['schemaVersion'];
  const schema = typeof version === 'number' ? versions[version] : undefined;
  if (!schema) {
    const supported = Object.keys(versions).join(', ');
    return {
      ok: false,
      eventId,
      reason: `schemaVersion: ${JSON.stringify(version ?? null)} is not a supported version of "${type}" (supported: ${supported})`,
    };
  }
  const parsed = schema.safeParse(input, { error: wireErrors });
  if (!parsed.success) return { ok: false, eventId, reason: describe(parsed.error.issues) };
  return { ok: true, event: parsed.data as DomainEvent };
}
