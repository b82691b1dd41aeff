import type { Period } from '@idx/domain';
import { poolOfReadModels, type ReadModelClient } from '@idx/read-models';
import type { PoolSubject } from './explain-rows';

/** Prisma's client or a transaction of it: both run raw queries. */
export type RawRunner = Pick<ReadModelClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/**
 * Whether a subject can count in the period: started before its end, not ended before its start —
 * the projector's own condition (subjectsOfUnits), so a list holds what the score was computed from.
 * `start` and `end` name the parameters holding the period's bounds.
 */
export const inWindowSql = (start: string, end: string) =>
  `COALESCE(window_from < ${end}::timestamptz AND (window_to IS NULL OR window_to >= ${start}::timestamptz), false)`;
const IN_WINDOW = inWindowSql('$2', '$3');

export const isoSpan = (period: Period) => [new Date(period.start).toISOString(), new Date(period.end).toISOString()] as const;

const poolSubjectsSql = (facts: string) => `SELECT kind, key, ${facts} FROM subject_facts WHERE unit_code = ANY($1::text[]) AND kind = ANY($4::text[]) AND ${IN_WINDOW}`;

/**
 * The pool's subjects of `kinds` that can count in the period (a full build: the kinds the criterion
 * reads). On the client's own pg pool when it has one, rows as arrays and each facts text parsed once:
 * a heavy list's 185k rows spent more time in Prisma's row conversion than in the server.
 */
export async function poolSubjects(prisma: ReadModelClient, members: readonly string[], period: Period, kinds: readonly string[]): Promise<PoolSubject[]> {
  const pool = poolOfReadModels(prisma);
  if (!pool) return prisma.$queryRawUnsafe<PoolSubject[]>(poolSubjectsSql('facts'), members, ...isoSpan(period), kinds);
  const result = await pool.query<[string, string, string]>({ text: poolSubjectsSql('facts::text'), values: [members, ...isoSpan(period), kinds], rowMode: 'array' });
  return result.rows.map(([kind, key, facts]) => ({ kind, key, facts: JSON.parse(facts) as unknown }));
}

/** A subject changed since a list's position, whatever its period (one outside it must leave the list). */
export interface ChangedSubject extends PoolSubject {
  readonly lastPosition: bigint;
  readonly inWindow: boolean;
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
 * The latest position among the pool's subjects (`members`: an SQL text[] expression), whatever their
 * period: one probe of subject_facts_unit_position per unit. Past a list's position, the subjects after it are its delta.
 */
const poolPositionSql = (members: string) =>
  `(SELECT coalesce(max(x.last_position), 0) FROM unnest(${members}) AS u(code),
     LATERAL (SELECT last_position FROM subject_facts WHERE unit_code = u.code ORDER BY last_position DESC LIMIT 1) AS x)`;

export async function latestSubjectPosition(db: RawRunner, members: readonly string[]): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ latest: bigint }[]>(`SELECT ${poolPositionSql('$1::text[]')} AS latest`, members);
  return row?.latest ?? 0n;
}
