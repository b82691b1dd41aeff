import { type DomainEvent, isUnitValidAt, startOfLocalDate, type UnitFacts, unitStart } from '@idx/domain';
import type { UnitLookup } from './unit-directory';
import { ALL_UNITS, type Writer } from './writer';

/** A value echoed in a reason, quoted and cut short (reasons are indexed; a sender's text may be huge). */
function quote(value: unknown): string {
  const text = JSON.stringify(String(value));
  return text.length > 82 ? `${text.slice(0, 80)}…"` : text;
}

function scopeText(writer: Writer): string {
  const list = writer.units.slice(0, 5).join(', ');
  return writer.units.length > 5 ? `${list}, … (${writer.units.length} units)` : list;
}

/** Registered = named by a unit.registered event (other events about a code never make it a unit). */
function registered(u: UnitFacts | undefined): u is UnitFacts {
  return u !== undefined && u.level !== undefined;
}

const isoOf = (ms: number): string => new Date(ms).toISOString();

/** `code` is one of the writer's units, or below one of them in the tree valid at `at`. */
function withinScope(writer: Writer, units: UnitLookup, code: string, at: number): boolean {
  if (writer.units.includes(ALL_UNITS)) return true;
  const seen = new Set<string>();
  let current: string | undefined = code;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    // Every link of the chain must exist at `at`: a subtree whose root has ended covers nothing.
    const u = units.get(current);
    if (!registered(u) || !isUnitValidAt(u, at)) return false;
    if (writer.units.includes(current)) return true;
    current = u.parentCode;
  }
  return false;
}

function outOfScope(writer: Writer, what: string): string {
  return `${what} is outside the units of credential ${writer.credentialId} (${scopeText(writer)}): events for it must come from the one-stop system that serves it`;
}

function notAlive(code: string, u: UnitFacts, at: number): string {
  const end = u.endedAt === undefined ? '' : ` until ${isoOf(u.endedAt)}${u.successorCode ? ` (then ${u.endReason ?? 'merged'} into ${quote(u.successorCode)})` : ''}`;
  return `unit ${quote(code)} did not exist at ${isoOf(at)}: it is valid from ${isoOf(unitStart(u))}${end}; check occurredAt or send the event for the unit that existed then`;
}

const UNKNOWN = (code: string) => `unit ${quote(code)} is not a registered unit: check the code, or have the unit registry send unit.registered for it first`;

/**
 * Why `writer` may not write `event`, or undefined when it may. The checks, in order: the event's
 * sourceSystem is the credential's; unit lifecycle events (`unit.*`) need the manage-units right;
 * the unit exists (registered and alive at occurredAt); it is inside the credential's subtrees.
 * `unit.registered` is checked against its parent instead (the unit does not exist yet); other
 * `unit.*` events against the unit's last valid instant, so a re-sent merge or dissolution is still
 * recognised as the same event after it took effect.
 */
export function writeRefusal(event: DomainEvent, writer: Writer, units: UnitLookup): string | undefined {
  if (event.sourceSystem !== writer.sourceSystem) {
    return `sourceSystem ${quote(event.sourceSystem)} is not ${quote(writer.sourceSystem)}, the source system of credential ${writer.credentialId}: a one-stop system sends only its own events, under its own name`;
  }
  if (event.type.startsWith('portal.')) {
    // Imports of the portal's evaluation figures are an official's act in the console, recorded by reporting.
    return `${event.type} is recorded by the reporting service when an official imports the national portal's evaluation figures (docs/reconciliation.md); a one-stop system does not send it`;
  }
  const at = Date.parse(event.occurredAt);
  const code = event.unitCode;
  const unit = units.get(code);
  if (event.type.startsWith('unit.')) {
    if (!writer.manageUnits) {
      return `${event.type} changes the unit tree, which credential ${writer.credentialId} may not do: unit changes come from the unit registry (a credential created with --manage-units)`;
    }
    if (event.type === 'unit.registered') {
      if (writer.units.includes(ALL_UNITS)) return undefined;
      if (registered(unit) && withinScope(writer, units, code, lastValidInstant(unit, at))) return undefined;
      const parent = event.data.parentCode;
      if (parent === undefined) return `only the national unit registry (a credential for units *) registers a top-level unit; ${quote(code)} has no parentCode`;
      const from = event.data.effectiveFrom === undefined ? at : startOfLocalDate(event.data.effectiveFrom);
      const p = units.get(parent);
      if (!registered(p)) return UNKNOWN(parent).replace('unit ', 'parent unit ');
      if (!isUnitValidAt(p, from)) return `parent ${notAlive(parent, p, from)}`;
      return withinScope(writer, units, parent, from) ? undefined : outOfScope(writer, `parent unit ${quote(parent)}`);
    }
    if (!registered(unit)) return UNKNOWN(code);
    return withinScope(writer, units, code, lastValidInstant(unit, at)) ? undefined : outOfScope(writer, `unit ${quote(code)}`);
  }
  if (!registered(unit)) return UNKNOWN(code);
  if (!isUnitValidAt(unit, at)) return notAlive(code, unit, at);
  return withinScope(writer, units, code, at) ? undefined : outOfScope(writer, `unit ${quote(code)}`);
}

/** `at` moved into the unit's validity: its last valid instant once it has ended, its start before that. */
function lastValidInstant(u: UnitFacts, at: number): number {
  const end = u.endedAt === undefined ? at : Math.min(at, u.endedAt - 1);
  return Math.max(end, unitStart(u));
}
