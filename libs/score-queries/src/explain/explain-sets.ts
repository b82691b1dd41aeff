import type { ExplainItemDto, ExplainTotalsDto } from '@idx/contracts';
import { evaluationInstant, joinedKindOf, type Period } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { classifySubjects, compareRows, countedKind, type ExplainRowDraft, numbered, type PoolSubject, readKinds, totalsOf } from './explain-rows';
import { copyExplainLinks, copyExplainRows } from './copy-explain';
import { linksOf } from './explain-joins';
import { latestSubjectPosition, poolSubjects, type RawRunner } from './pool-subjects';

/**
 * A criterion's explanation for a unit-period, kept in PostgreSQL (explain_sets / explain_lists /
 * explain_rows, docs/explain-paging.md): built once from the pool's subjects, then maintained with
 * the subjects changed since (explain-delta.ts), each change a new version (list) of the same rows.
 */
export interface ExplainSet {
  readonly id: bigint;
  readonly unitCode: string;
  readonly period: string;
  readonly criterion: number;
  readonly members: readonly string[];
  /** The latest subject position taken in. */
  readonly subjectsPosition: bigint;
  /** The instant its time-dependent rows were last judged at. */
  readonly judgedAt: Date;
  /** Its current version. */
  readonly list: ExplainList;
}

/** One version of a set: what a page and a cursor read. */
export interface ExplainList {
  readonly id: bigint;
  readonly setId: bigint;
  readonly totals: ExplainTotalsDto;
  /** The instant its rows were judged at (an open period's time-dependent rows: up to the re-judging interval earlier). */
  readonly evaluatedAt: Date;
}

/** How long a replaced version (or a set replaced by a full rebuild) is kept for a reader paging it; then 409. */
export const KEEP_REPLACED = { interval: '10 minutes', sets: 3 } as const;

/** A row as stored: its draft, its place (seq) and the first version that shows it. */
export interface StoredRowInput extends ExplainRowDraft {
  readonly seq: number;
}

/**
 * The insert of a delta's rows given as one JSON array document (StoredRowInput's fields): set id,
 * first version, document. json_to_recordset parses the document once (`e->>'field'` on
 * json_array_elements parsed each element again for every field). `item` stays json, its text as sent
 * (a delta compares it with the text it would write). A full build writes by COPY (copy-explain.ts).
 */
export const insertRowsSql = (setId: string, fromList: string, document: string) =>
  `INSERT INTO explain_rows (set_id, seq, stream_id, subject_key, rank, neg_late, code, in_numerator, in_denominator, timed, from_list, item)
   SELECT ${setId}, e.seq, e."streamId", e."subjectKey", e.rank, e."negLate", e.code, e."inNumerator", e."inDenominator", e.timed, ${fromList}, e.item
   FROM json_to_recordset(${document}::json) AS e(seq int, "streamId" text, "subjectKey" text, rank smallint, "negLate" bigint, code text,
                                                 "inNumerator" boolean, "inDenominator" boolean, timed boolean, item json)`;

export interface ExplainSetInput {
  readonly unitCode: string;
  readonly period: Period;
  readonly criterion: number;
  /** The units whose subjects make up the unit's (pooled) score. */
  readonly members: readonly string[];
  /** The instant the subjects are judged at (as the score: evaluationInstant(period, asOf)). */
  readonly asOf: number;
}

/** A list just built: its set, its rows in memory (first pages are answered from them) and its rows being written. */
export interface BuiltExplainSet {
  readonly set: ExplainSet;
  readonly rows: readonly (StoredRowInput & { readonly item: ExplainItemDto | null })[];
  /** Settles once the rows are stored and the set is complete (pages by cursor are read from them). */
  readonly stored: Promise<void>;
}

/**
 * Builds a list from all the pool's subjects (the first time, after another kind of subject changed,
 * or when the pool changed) and answers as soon as they are classified; meanwhile its rows are stored,
 * then the set is marked complete and older sets of the same unit-period-criterion replaced. The
 * position is probed before reading: a subject written in between is taken in again by the next delta
 * (re-judging a subject is idempotent). A failed write leaves no complete set: the next first page builds again.
 */
export async function buildExplainSet(prisma: ReadModelClient, input: ExplainSetInput): Promise<BuiltExplainSet> {
  const { period, criterion } = input;
  const kind = countedKind(criterion);
  const position = await latestSubjectPosition(prisma, input.members);
  const subjects = await poolSubjects(prisma, input.members, period, readKinds(criterion));
  const counted = subjects.filter((s) => s.kind === kind);
  const others = subjects.filter((s) => s.kind !== kind);
  const rows = classifySubjects(criterion, counted, others, period, input.asOf).rows.sort(compareRows).map((r, seq) => numbered(r, seq));
  const totals = totalsOf(rows);
  const evaluatedAt = new Date(evaluationInstant(period, input.asOf));
  const [created] = await prisma.$queryRawUnsafe<{ set_id: bigint; list_id: bigint }[]>(
    `WITH s AS (INSERT INTO explain_sets (unit_code, period, criterion, members, subjects_position, judged_at, next_seq)
                VALUES ($1, $2, $3, $4::text[], $5::bigint, $6::timestamptz, $7) RETURNING id),
          l AS (INSERT INTO explain_lists (set_id, totals, evaluated_at) SELECT id, $8::jsonb, $6::timestamptz FROM s RETURNING id, set_id)
     SELECT set_id, id AS list_id FROM l`,
    input.unitCode, period.key, criterion, input.members, position.toString(), evaluatedAt.toISOString(), rows.length, JSON.stringify(totals),
  );
  if (!created) throw new Error('explain_sets: the insert returned no id');
  const setId = created.set_id;
  await prisma.$executeRawUnsafe(`UPDATE explain_sets SET current_list = $2 WHERE id = $1`, setId, created.list_id);
  const set: ExplainSet = {
    id: setId, unitCode: input.unitCode, period: period.key, criterion, members: input.members, subjectsPosition: position, judgedAt: evaluatedAt,
    list: { id: created.list_id, setId, totals, evaluatedAt },
  };
  // A joined criterion's set links each dossier to its procedure code (explain-joins.ts): what its deltas find a code's dossiers by.
  const linked = joinedKindOf(criterion) === undefined ? [] : subjects;
  const stored = storeBuiltSet(prisma, set, period, rows, linked).catch(async (error: unknown) => {
    await prisma.$executeRawUnsafe(`DELETE FROM explain_sets WHERE id = $1`, setId).catch(() => undefined);
    throw error;
  });
  return { set, rows, stored };
}

async function storeBuiltSet(prisma: ReadModelClient, set: ExplainSet, period: Period, rows: readonly StoredRowInput[], linked: readonly PoolSubject[]): Promise<void> {
  await copyExplainRows(prisma, set.id, set.list.id, rows);
  await copyExplainLinks(prisma, set.id, linksOf(set.criterion, period, linked));
  // Statistics that know the new rows before any page reads them: with a build's 185k rows unseen the
  // planner took a set for 2 rows, hashed all of them to find a delta's few (234 ms at 20k) and sorted
  // them for a page instead of walking explain_rows_page.
  await prisma.$executeRawUnsafe(linked.length > 0 ? `ANALYZE explain_rows, explain_links` : `ANALYZE explain_rows`);
  await prisma.$executeRawUnsafe(`UPDATE explain_sets SET complete = true WHERE id = $1`, set.id);
  await prisma.$executeRawUnsafe(
    `UPDATE explain_sets SET replaced_at = now() WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND complete AND id < $4 AND replaced_at IS NULL`,
    set.unitCode, set.period, set.criterion, set.id,
  );
  // A replaced set stays while a reader may still be paging it (KEEP_REPLACED), the latest few at most;
  // an abandoned build (its process stopped) goes after the same time.
  await prisma.$executeRawUnsafe(
    `DELETE FROM explain_sets WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND id < $4 AND (
       replaced_at < now() - $5::interval OR (NOT complete AND built_at < now() - $5::interval)
       OR id < (SELECT min(k.id) FROM (SELECT id FROM explain_sets WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND complete
                                      ORDER BY id DESC LIMIT $6) AS k))`,
    set.unitCode, set.period, set.criterion, set.id, KEEP_REPLACED.interval, KEEP_REPLACED.sets,
  );
}

/**
 * Drops a set's versions replaced longer ago than KEEP_REPLACED, and the rows no kept version shows
 * (a row shows in [from_list, to_list): one retired at or before the oldest kept version is seen by none).
 */
export async function dropReplacedVersions(db: RawRunner, setId: bigint): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM explain_lists WHERE set_id = $1 AND replaced_at < now() - $2::interval`, setId, KEEP_REPLACED.interval);
  await db.$executeRawUnsafe(
    `DELETE FROM explain_rows WHERE set_id = $1 AND to_list IS NOT NULL AND to_list <= (SELECT min(id) FROM explain_lists WHERE set_id = $1)`, setId,
  );
}
