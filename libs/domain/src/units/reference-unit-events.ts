import type { UnitEvent } from '../events/unit-events';
import type { LocalDate } from '../time/local-date';
import {
  REFERENCE_CERTIFYING_UNITS,
  REFERENCE_CHANGES,
  REFERENCE_UNITS_2024,
  REFERENCE_UNITS_2025,
  type ReferenceChange,
} from './reference-units';
import { buildNationalUnits, type NationalUnit } from './national-units';
import { foldUnitTree, type UnitTree } from './unit-tree';

export const REFERENCE_SOURCE_SYSTEM = 'reference-data';

/** 32-bit FNV-1a; four seeds give the 122 random bits of a UUID. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A UUID (v4 layout) derived from what the event says: seeding twice is a duplicate (a no-op) in
 * the store, never a second row, and adding reference data does not change existing ids.
 */
export function deterministicEventId(key: string): string {
  const hex = [1, 2, 3, 4].map((seed) => fnv1a(key, seed).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
const occurredAt = (date: LocalDate): string => `${date}T00:00:00+07:00`;

interface Draft {
  readonly date: LocalDate;
  /** What makes the event unique: its id is derived from it. */
  readonly key: string;
  readonly make: (eventId: string) => UnitEvent;
}

function registration(u: NationalUnit): Draft {
  return {
    date: u.validFrom,
    key: `unit.registered|${u.code}|${u.validFrom}`,
    make: (eventId) => ({
      eventId, type: 'unit.registered', schemaVersion: 1, occurredAt: occurredAt(u.validFrom), sourceSystem: REFERENCE_SOURCE_SYSTEM,
      unitCode: u.code,
      data: {
        name: u.name, level: u.level, ...(u.parentCode ? { parentCode: u.parentCode } : {}), effectiveFrom: u.validFrom,
        ...(u.nationalCodes ? { nationalCodes: u.nationalCodes } : {}),
      },
    }),
  };
}

function change(c: ReferenceChange): Draft {
  const envelope = (eventId: string) => ({
    eventId, schemaVersion: 1, occurredAt: occurredAt(c.effectiveFrom), sourceSystem: REFERENCE_SOURCE_SYSTEM, unitCode: c.code,
  });
  switch (c.kind) {
    case 'renamed':
      return { date: c.effectiveFrom, key: `unit.renamed|${c.code}|${c.effectiveFrom}`, make: (id) => ({ ...envelope(id), type: 'unit.renamed', data: { name: c.name, effectiveFrom: c.effectiveFrom } }) };
    case 'merged':
      return {
        date: c.effectiveFrom,
        key: `unit.merged|${c.code}|${c.effectiveFrom}`,
        make: (id) => ({ ...envelope(id), type: 'unit.merged', data: { successorCode: c.successorCode, effectiveFrom: c.effectiveFrom } }),
      };
    case 'dissolved':
      return {
        date: c.effectiveFrom,
        key: `unit.dissolved|${c.code}|${c.effectiveFrom}`,
        make: (id) => ({
          ...envelope(id), type: 'unit.dissolved',
          data: { effectiveFrom: c.effectiveFrom, ...(c.successorCode ? { successorCode: c.successorCode } : {}) },
        }),
      };
  }
}

function competence(code: string, from: LocalDate): Draft {
  return {
    date: from,
    key: `unit.certification-competence-set|${code}|${from}`,
    make: (eventId) => ({
      eventId, type: 'unit.certification-competence-set', schemaVersion: 1, occurredAt: occurredAt(from),
      sourceSystem: REFERENCE_SOURCE_SYSTEM, unitCode: code, data: { competent: true, effectiveFrom: from },
    }),
  };
}

function nationalCodesSet(code: string, nationalCodes: readonly string[], from: LocalDate): Draft {
  return {
    date: from,
    key: `unit.national-codes-set|${code}|${nationalCodes.join(',')}`,
    make: (eventId) => ({
      eventId, type: 'unit.national-codes-set', schemaVersion: 1, occurredAt: occurredAt(from),
      sourceSystem: REFERENCE_SOURCE_SYSTEM, unitCode: code, data: { nationalCodes },
    }),
  };
}

function referenceDrafts(): Draft[] {
  const all = [...REFERENCE_UNITS_2024, ...REFERENCE_UNITS_2025];
  const validFrom = new Map(all.map((u) => [u.code, u.validFrom]));
  return [
    ...all.map(registration),
    ...REFERENCE_CERTIFYING_UNITS.map((code) => competence(code, validFrom.get(code) as LocalDate)),
    ...REFERENCE_CHANGES.map(change),
  ];
}

// Stable sort: same-day events keep registration → competence → change order.
function inEffectiveOrder(drafts: readonly Draft[]): UnitEvent[] {
  const ordered = drafts.map((d, i) => ({ d, i })).sort((a, b) => (a.d.date === b.d.date ? a.i - b.i : a.d.date < b.d.date ? -1 : 1));
  return ordered.map(({ d }) => d.make(deterministicEventId(d.key)));
}

/**
 * The reference units as wire events, in effective order: registrations, 2025 changes and
 * certification competence. Ids and order are stable, so the list can seed any environment.
 */
export function referenceUnitEvents(): UnitEvent[] {
  return inEffectiveOrder(referenceDrafts());
}

/** The reference units folded into a dated tree. */
export function referenceUnitTree(): UnitTree {
  return foldUnitTree(referenceUnitEvents());
}

/**
 * The whole country (national-units.ts) around the reference units, as wire events in effective
 * order: every reference event with the same id, then the national registrations, national codes
 * and changes. What npm start seeds; ~28,000 events.
 */
export function nationalUnitEvents(): UnitEvent[] {
  const national = buildNationalUnits();
  return inEffectiveOrder([
    ...referenceDrafts(),
    ...national.units.map(registration),
    ...national.codesOfReferenceUnits.map((c) => nationalCodesSet(c.code, c.nationalCodes, c.from)),
    ...national.changes.map(change),
  ]);
}

/** The whole country folded into a dated tree. */
export function nationalUnitTree(): UnitTree {
  return foldUnitTree(nationalUnitEvents());
}
