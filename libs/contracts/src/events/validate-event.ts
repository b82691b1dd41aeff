import { type DomainEvent, schemaVersionProblem } from '@idx/domain';
import type { z } from 'zod';
import { EVENT_SCHEMAS, KNOWN_EVENT_TYPES } from './catalogue';
import { checkWireValue } from './check-wire-value';
import { type Acceptor, compileAcceptor } from './wire-acceptor';
import { readIsoInstant } from './wire-time';

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

/** Each wire schema's compiled acceptor (wire-acceptor.ts), built on first use. */
const acceptors = new Map<z.ZodType, Acceptor>();

function acceptorOf(schema: z.ZodType): Acceptor {
  let accepts = acceptors.get(schema);
  if (!accepts) acceptors.set(schema, (accepts = compileAcceptor(schema)));
  return accepts;
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.length === 0 ? '(event)' : issue.path.map(String).join('.');
}

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${pathOf(i)}: ${i.message}`).join('; ');
}

export interface ValidateEventOptions {
  /** The server's clock (epoch ms); defaults to Date.now(). */
  readonly now?: number;
  /** How far occurredAt may run ahead of the server's clock (a sender's clock skew); default 15 min. */
  readonly maxFutureSkewMs?: number;
}

export const DEFAULT_MAX_FUTURE_SKEW_MS = 15 * 60_000;

const UUID_SHAPE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A rejected event's id is kept only when it looks like one: an id with NUL or 60 KB of text is no id to store. */
function eventIdOf(raw: Record<string, unknown>): string | undefined {
  const id = raw['eventId'];
  return typeof id === 'string' && UUID_SHAPE.test(id) ? id : undefined;
}

/** A sender's text quoted in a reason: escaped (no NUL, no lone surrogate) and short. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

function minutes(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** occurredAt later than the server's clock allows, as a reason; undefined when it is not. */
function futureProblem(occurredAt: unknown, options: ValidateEventOptions): string | undefined {
  if (typeof occurredAt !== 'string') return undefined;
  const reading = readIsoInstant(occurredAt);
  const skew = options.maxFutureSkewMs ?? DEFAULT_MAX_FUTURE_SKEW_MS;
  if (!reading.ok || reading.epochMs <= (options.now ?? Date.now()) + skew) return undefined;
  return `occurredAt: ${occurredAt} is later than the server's clock allows (now + ${minutes(skew)}); send business time as it happened`;
}

/**
 * Validates one decoded envelope. The event is returned as sent (its own schemaVersion): the store
 * keeps what the source system sent, and folds upcast it when they read it. Every failure says which field is wrong and why, in words a
 * one-stop system's integrator can act on; unknown types and versions are named, never dropped.
 * Checks that hold anywhere in an event (text, nesting, size; check-wire-value.ts) come first, so
 * no schema ever reads a NUL, a lone surrogate or a 10,000-level object.
 */
export function validateEvent(input: unknown, options: ValidateEventOptions = {}): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, reason: '(event): must be a JSON object (an event envelope)' };
  }
  const raw = input as Record<string, unknown>;
  const eventId = eventIdOf(raw);
  const unstorable = checkWireValue(input);
  if (unstorable.length > 0) return { ok: false, eventId, reason: unstorable.join('; ') };
  const type = raw['type'];
  if (typeof type !== 'string' || type.length === 0) {
    const what = type === undefined || type === '' ? 'is required' : 'must be a string naming the event type';
    return { ok: false, eventId, reason: `type: ${what}; known types: ${KNOWN_EVENT_TYPES.join(', ')}` };
  }
  const versions = Object.hasOwn(EVENT_SCHEMAS, type) ? (EVENT_SCHEMAS as Readonly<Record<string, Readonly<Record<number, z.ZodType>>>>)[type] : undefined;
  if (!versions) {
    return { ok: false, eventId, reason: `type: unknown event type ${quoted(type)}; known types: ${KNOWN_EVENT_TYPES.join(', ')}` };
  }
  // A version is accepted only when it has a wire schema and the domain can upcast it to the
  // version folds read (libs/domain/src/events/upcasters.ts): never stored only to fail at replay.
  const version = raw['schemaVersion'];
  const schema = typeof version === 'number' && Object.hasOwn(versions, version) ? versions[version] : undefined;
  const unreadable = schemaVersionProblem(type, version);
  if (!schema || unreadable) {
    const supported = Object.keys(versions).filter((v) => schemaVersionProblem(type, Number(v)) === undefined).join(', ');
    return {
      ok: false,
      eventId,
      reason: `schemaVersion: ${String(JSON.stringify(version ?? null)).slice(0, 100)} is not a supported version of "${type}" (supported: ${supported})`,
    };
  }
  const future = futureProblem(raw['occurredAt'], options);
  // The common case: a valid event the schema would hand back as it is. Only the others (invalid,
  // or to be normalised: a default, a channel code, an unknown field) go through zod, whose issues
  // are the reasons a sender reads.
  if (acceptorOf(schema)(input)) return future ? { ok: false, eventId, reason: future } : { ok: true, event: input as DomainEvent };
  const parsed = schema.safeParse(input, { error: wireErrors });
  if (!parsed.success) return { ok: false, eventId, reason: [describe(parsed.error.issues), ...(future ? [future] : [])].join('; ') };
  if (future) return { ok: false, eventId, reason: future };
  return { ok: true, event: parsed.data as DomainEvent };
}
