import type { ActiveWindow } from '@idx/domain';
import type { Prisma } from '@idx/read-models';

export interface SubjectRow {
  kind: string;
  key: string;
  unitCode: string;
  window: ActiveWindow | undefined;
  facts: unknown;
  lastPosition: bigint;
}

type Tx = Prisma.TransactionClient;

export async function loadSubjects(tx: Tx, keys: readonly { kind: string; key: string }[]): Promise<Map<string, unknown>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<{ kind: string; key: string; facts: unknown }[]>(
    `SELECT s.kind, s.key, s.facts FROM subject_facts s
     JOIN unnest($1::text[], $2::text[]) AS k(kind, key) ON s.kind = k.kind AND s.key = k.key`,
    keys.map((k) => k.kind), keys.map((k) => k.key),
  );
  return new Map(rows.map((r) => [`${r.kind}\u0000${r.key}`, r.facts]));
}

export async function saveSubjects(tx: Tx, rows: readonly SubjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  await tx.$executeRawUnsafe(
    `INSERT INTO subject_facts (kind, key, unit_code, window_from, window_to, facts, last_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::jsonb[], $7::bigint[])
     ON CONFLICT (kind, key) DO UPDATE SET unit_code = excluded.unit_code, window_from = excluded.window_from,
       window_to = excluded.window_to, facts = excluded.facts, last_position = excluded.last_position`,
    rows.map((r) => r.kind), rows.map((r) => r.key), rows.map((r) => r.unitCode),
    rows.map((r) => iso(r.window?.from)), rows.map((r) => iso(r.window?.to)),
    rows.map((r) => JSON.stringify(r.facts)), rows.map((r) => r.lastPosition.toString()),
  );
}

/** Subjects of several units that can count in [start, end): started before the end, not ended before the start. One query. */
export async function subjectsOfUnits(tx: Tx, unitCodes: readonly string[], start: number, end: number): Promise<Map<string, { kind: string; facts: unknown }[]>> {
  const rows = await tx.$queryRawUnsafe<{ unit_code: string; kind: string; facts: unknown }[]>(
    `SELECT unit_code, kind, facts FROM subject_facts
     WHERE unit_code = ANY($1::text[]) AND window_from < $3::timestamptz AND (window_to IS NULL OR window_to >= $2::timestamptz)`,
    unitCodes, new Date(start).toISOString(), new Date(end).toISOString(),
  );
  const byUnit = new Map<string, { kind: string; facts: unknown }[]>(unitCodes.map((u) => [u, []]));
  for (const r of rows) byUnit.get(r.unit_code)?.push({ kind: r.kind, facts: r.facts });
  return byUnit;
}

/** How many subjects of each unit can count in [start, end) (units with none are left out): what a recompute would hold. */
export async function subjectCountsOfUnits(tx: Tx, unitCodes: readonly string[], start: number, end: number): Promise<{ unitCode: string; subjects: number }[]> {
  return tx.$queryRawUnsafe<{ unitCode: string; subjects: number }[]>(
    `SELECT unit_code AS "unitCode", count(*)::int AS subjects FROM subject_facts
     WHERE unit_code = ANY($1::text[]) AND window_from < $3::timestamptz AND (window_to IS NULL OR window_to >= $2::timestamptz)
     GROUP BY unit_code`,
    unitCodes, new Date(start).toISOString(), new Date(end).toISOString(),
  );
}
