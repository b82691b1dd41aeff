import type { ActiveWindow } from '@idx/domain';
import type { SqlTx } from './sql-transaction';

export interface SubjectRow {
  kind: string;
  key: string;
  unitCode: string;
  window: ActiveWindow | undefined;
  facts: unknown;
  lastPosition: bigint;
  /** When its tallied contribution was judged (the batch's clock); absent for writers that keep no tallies. */
  scoredAt?: number;
}

type Tx = SqlTx;

/** A subject as stored: its facts, where and when it counts, and when its tallied contribution was judged. */
export interface StoredSubjectRow {
  readonly facts: unknown;
  readonly unitCode: string;
  readonly window: ActiveWindow | undefined;
  /** The instant its contribution to the unit's tallies was last judged at (unit-period-tallies.ts); undefined before. */
  readonly scoredAt: number | undefined;
}

/**
 * The batch's stored subjects, and whether any subject is parked at all (openParkings' probe), in
 * one round trip: the batch's first read. The probe's one row is joined to the subjects, so it
 * comes back even when none of them is stored yet.
 */
export async function loadSubjectsProbingParked(tx: Tx, keys: readonly { kind: string; key: string }[]): Promise<{ subjects: Map<string, StoredSubjectRow>; anyParked: boolean }> {
  // No key: no subject to load, and openParkings asks nothing either.
  if (keys.length === 0) return { subjects: new Map(), anyParked: false };
  const rows = await tx.$queryRawUnsafe<{ kind: string | null; key: string; facts: unknown; unit_code: string; wf: number | null; wt: number | null; scored_at: string | null; any_parked: boolean }[]>(
    `WITH probe AS (SELECT EXISTS (SELECT 1 FROM parked_subjects WHERE status = 'parked') AS any_parked)
     SELECT probe.any_parked, s.kind, s.key, s.facts, s.unit_code, (extract(epoch FROM s.window_from) * 1000)::float8 AS wf,
            (extract(epoch FROM s.window_to) * 1000)::float8 AS wt, s.scored_at::text AS scored_at
     FROM probe LEFT JOIN (subject_facts s JOIN unnest($1::text[], $2::text[]) AS k(kind, key) ON s.kind = k.kind AND s.key = k.key) ON true`,
    keys.map((k) => k.kind), keys.map((k) => k.key),
  );
  const subjects = new Map<string, StoredSubjectRow>();
  for (const r of rows) {
    if (r.kind === null) continue; // the probe's row when no subject is stored
    subjects.set(`${r.kind}\u0000${r.key}`, {
      facts: r.facts,
      unitCode: r.unit_code,
      window: r.wf === null ? undefined : { from: Math.round(r.wf), ...(r.wt === null ? {} : { to: Math.round(r.wt) }) },
      scoredAt: r.scored_at === null ? undefined : Number(r.scored_at),
    });
  }
  return { subjects, anyParked: rows[0]?.any_parked === true };
}

/**
 * The upsert of subjects given as one JSON document (json_to_recordset) in parameter `param`:
 * PostgreSQL parses one parameter instead of seven arrays the driver escapes element by element
 * (~1.6× faster at a batch's size). The document is json, not jsonb: the facts column is json
 * (migration 20261207000200), so each subject's facts go in as the text they span, never built into
 * a jsonb tree. Also a part of the batch's combined write (batch-writes.ts).
 */
export const subjectsUpsertSql = (param: string): string =>
  `INSERT INTO subject_facts (kind, key, unit_code, window_from, window_to, facts, last_position, scored_at)
     SELECT kind, key, unit_code, window_from, window_to, facts, last_position, scored_at FROM json_to_recordset(${param}::json)
       AS x(kind text, key text, unit_code text, window_from timestamptz, window_to timestamptz, facts json, last_position bigint, scored_at bigint)
     ON CONFLICT (kind, key) DO UPDATE SET unit_code = excluded.unit_code, window_from = excluded.window_from,
       window_to = excluded.window_to, facts = excluded.facts, last_position = excluded.last_position, scored_at = excluded.scored_at`;

/** The document subjectsUpsertSql takes. */
export function subjectsDocument(rows: readonly SubjectRow[]): string {
  const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
  return JSON.stringify(rows.map((r) => ({
    kind: r.kind, key: r.key, unit_code: r.unitCode, window_from: iso(r.window?.from), window_to: iso(r.window?.to),
    facts: r.facts, last_position: r.lastPosition.toString(), scored_at: r.scoredAt === undefined ? null : String(r.scoredAt),
  })));
}

/** Upserts subjects in one statement. */
export async function saveSubjects(tx: Tx, rows: readonly SubjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(subjectsUpsertSql('$1'), subjectsDocument(rows));
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

/** The catalogue side (procedures, the unit's own facts) of several units that can count in [start, end): read whole at each recompute. */
export async function catalogueOfUnits(tx: Tx, unitCodes: readonly string[], start: number, end: number): Promise<Map<string, { kind: string; facts: unknown }[]>> {
  // The kind list is spelled as the partial index subject_facts_catalogue's predicate, so the index serves it.
  const rows = await tx.$queryRawUnsafe<{ unit_code: string; kind: string; facts: unknown }[]>(
    `SELECT unit_code, kind, facts FROM subject_facts
     WHERE kind IN ('procedure', 'unit') AND unit_code = ANY($1::text[])
       AND window_from < $3::timestamptz AND (window_to IS NULL OR window_to >= $2::timestamptz)`,
    unitCodes, new Date(start).toISOString(), new Date(end).toISOString(),
  );
  const byUnit = new Map<string, { kind: string; facts: unknown }[]>(unitCodes.map((u) => [u, []]));
  for (const r of rows) byUnit.get(r.unit_code)?.push({ kind: r.kind, facts: r.facts });
  return byUnit;
}
