import type { Period } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import type { PoolSubject } from './explain-rows';

/** Prisma's client or a transaction of it: both run raw queries. */
export type RawRunner = Pick<ReadModelClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/**
 * Whether a subject can count in the period: started before its end, not ended before its start —
 * the projector's own condition (subjectsOfUnits), so a list holds what the score was computed from.
 * Parameters: $2 the period's start, $3 its end.
 */
const IN_WINDOW = `COALESCE(window_from < $3::timestamptz AND (window_to IS NULL OR window_to >= $2::timestamptz), false)`;

const isoSpan = (period: Period) => [new Date(period.start).toISOString(), new Date(period.end).toISOString()] as const;

/** The pool's subjects that can count in the period, of every kind (a full build). */
export function poolSubjects(db: RawRunner, members: readonly string[], period: Period): Promise<PoolSubject[]> {
  return db.$queryRawUnsafe<PoolSubject[]>(
    `SELECT kind, key, facts FROM subject_facts WHERE unit_code = ANY($1::text[]) AND ${IN_WINDOW}`, members, ...isoSpan(period),
  );
}

/** The pool's subjects of the kinds other than `kind` that can count in the period: what a counted subject is judged with. */
export function otherKindSubjects(db: RawRunner, members: readonly string[], period: Period, kind: string): Promise<PoolSubject[]> {
  return db.$queryRawUnsafe<PoolSubject[]>(
    `SELECT kind, key, facts FROM subject_facts WHERE unit_code = ANY($1::text[]) AND kind <> $4 AND ${IN_WINDOW}`, members, ...isoSpan(period), kind,
  );
}

/** A subject changed since a list's position, whatever its period (one outside it must leave the list). */
export interface ChangedSubject extends PoolSubject {
  readonly lastPosition: bigint;
  readonly inWindow: boolean;
}

/** The pool's subjects written after `after`: one range read of subject_facts_unit_position per pooled unit. */
export function subjectsChangedAfter(db: RawRunner, members: readonly string[], period: Period, after: bigint): Promise<ChangedSubject[]> {
  return db.$queryRawUnsafe<ChangedSubject[]>(
    `SELECT kind, key, facts, last_position AS "lastPosition", ${IN_WINDOW} AS "inWindow"
     FROM subject_facts WHERE unit_code = ANY($1::text[]) AND last_position > $4::bigint`,
    members, ...isoSpan(period), after.toString(),
  );
}

/** Subjects of one kind by key, as they are now (the time-dependent rows re-judged as the clock moves). */
export function subjectsByKey(db: RawRunner, kind: string, keys: readonly string[], period: Period): Promise<ChangedSubject[]> {
  return db.$queryRawUnsafe<ChangedSubject[]>(
    `SELECT kind, key, facts, last_position AS "lastPosition", ${IN_WINDOW} AS "inWindow"
     FROM subject_facts WHERE kind = $1 AND key = ANY($4::text[])`,
    kind, ...isoSpan(period), keys,
  );
}

/**
 * The latest position among the pool's subjects, whatever their period: one probe of
 * subject_facts_unit_position per unit. Past a list's position, the subjects after it are its delta.
 */
export async function latestSubjectPosition(db: RawRunner, members: readonly string[]): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ latest: bigint | null }[]>(
    `SELECT max(x.last_position) AS latest FROM unnest($1::text[]) AS u(code),
       LATERAL (SELECT last_position FROM subject_facts WHERE unit_code = u.code ORDER BY last_position DESC LIMIT 1) AS x`,
    members,
  );
  return row?.latest ?? 0n;
}
