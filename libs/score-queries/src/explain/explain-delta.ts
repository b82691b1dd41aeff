import type { ExplainTotalsDto } from '@idx/contracts';
import { evaluationInstant, type Period } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { addTotals, classifySubjects, countedKind, type ExplainRowDraft, type PoolSubject, totalsOf } from './explain-rows';
import { type ExplainList, type ExplainSet, insertRowsSql } from './explain-sets';
import { type ChangedSubject, inWindowSql, isoSpan, type RawRunner, subjectsByKey } from './pool-subjects';

/**
 * More changed subjects than this in one delta (a replay, a bulk import) is rebuilt whole instead:
 * retiring and inserting row by row costs more than one build past some size.
 */
export const MAX_DELTA_SUBJECTS = 20_000;

export interface DeltaInput {
  readonly set: ExplainSet;
  readonly period: Period;
  /** The instant the changed subjects are judged at. */
  readonly asOf: number;
  /** Also re-judge the rows the clock alone changes (rows.timed), at `asOf`. */
  readonly rejudgeTimed: boolean;
  /** The pool's subjects of the other kinds (cached by the caller: they do not change while the set lives). */
  readonly others: () => Promise<readonly PoolSubject[]>;
}

/** The set's new current version; or `rebuild` when the change cannot be applied row by row. */
export type DeltaOutcome = { readonly list: ExplainList; readonly changed: number } | { readonly rebuild: string };

/** A subject's current row in the set, as the delta compares it. */
interface CurrentRow { subject_key: string; rank: 0 | 1 | 2; in_numerator: boolean; in_denominator: boolean; timed: boolean; item: string }

interface LockedChange {
  subjects_position: bigint; current_list: bigint; totals: ExplainTotalsDto; evaluated_at: Date; next_seq: number;
  kind: string | null; key: string | null; facts: unknown; last_position: bigint | null; in_window: boolean | null;
  row_rank: 0 | 1 | 2 | null; in_numerator: boolean | null; in_denominator: boolean | null; timed: boolean | null; item: string | null;
}

/**
 * One statement: the set's row locked (FOR UPDATE: concurrent readers and processes apply each change
 * once, in order), the pool's subjects written after its position (subject_facts_unit_position) and
 * each one's current row. $1 set, $2 members, $3/$4 the period's bounds. The row is looked up per
 * changed subject (LATERAL … LIMIT 1: an index probe of explain_rows_current each): a join could hash
 * the whole list's rows (234 ms for 20,000 seen) when the table's statistics are behind a build.
 */
const LOCK_AND_READ_CHANGES = `
  WITH s AS (SELECT s.subjects_position, s.current_list, s.next_seq, l.totals, l.evaluated_at
             FROM explain_sets s JOIN explain_lists l ON l.id = s.current_list WHERE s.id = $1 FOR UPDATE OF s)
  SELECT s.*, c.kind, c.key, c.facts, c.last_position, c.in_window,
         r.rank AS row_rank, r.in_numerator, r.in_denominator, r.timed, r.item::text AS item
  FROM s
  LEFT JOIN LATERAL (SELECT kind, key, facts, last_position, ${inWindowSql('$3', '$4')} AS in_window
                     FROM subject_facts WHERE unit_code = ANY($2::text[]) AND last_position > s.subjects_position) c ON true
  LEFT JOIN LATERAL (SELECT rank, in_numerator, in_denominator, timed, item FROM explain_rows
                     WHERE set_id = $1 AND to_list IS NULL AND subject_key = c.key LIMIT 1) r ON true`;

/**
 * One statement: a new version with its totals, the changed subjects' rows retired from it and their
 * new rows added in it, the previous version marked replaced, the set moved on.
 * $1 set, $2 totals, $3 evaluated at, $4 retired keys, $5 new rows (JSON), $6 previous version,
 * $7 position, $8 rows added, $9 judged at (null: unchanged).
 */
const WRITE_VERSION = `
  WITH l AS (INSERT INTO explain_lists (set_id, totals, evaluated_at) VALUES ($1, $2::jsonb, $3::timestamptz) RETURNING id),
       r AS (UPDATE explain_rows SET to_list = (SELECT id FROM l) WHERE set_id = $1 AND to_list IS NULL AND subject_key = ANY($4::text[]) RETURNING 1),
       i AS (${insertRowsSql('$1', '(SELECT id FROM l)', '$5')} RETURNING 1),
       o AS (UPDATE explain_lists SET replaced_at = now() WHERE id = $6 RETURNING 1),
       u AS (UPDATE explain_sets SET current_list = (SELECT id FROM l), subjects_position = $7::bigint, next_seq = next_seq + $8,
                                     judged_at = COALESCE($9::timestamptz, judged_at) WHERE id = $1 RETURNING 1)
  SELECT id FROM l`;

/**
 * Takes in the pool's subjects written since the set's position (and, when asked, re-judges its
 * time-dependent rows): each is judged again alone, exactly as a full build judges it; a row whose
 * judgement changed is retired from a new version on and its new row added, and the totals move by
 * the difference. Nothing changed: the position moves, no new version. Four round trips (begin, read,
 * write, commit) whatever the list's size.
 * A change to a subject of another kind than the criterion counts answers `rebuild`: some criteria
 * judge a subject with the other kinds (7, 9, 10, 17: a procedure's dossiers; 12: a dossier's procedure).
 */
export async function applyExplainDelta(prisma: ReadModelClient, input: DeltaInput): Promise<DeltaOutcome> {
  const { period, set } = input;
  const kind = countedKind(set.criterion);
  return prisma.$transaction(async (tx) => {
    const read = await tx.$queryRawUnsafe<LockedChange[]>(LOCK_AND_READ_CHANGES, set.id, set.members, ...isoSpan(period));
    const locked = read[0];
    if (!locked) return { rebuild: 'the list was dropped' };
    const current: ExplainList = { id: locked.current_list, setId: set.id, totals: locked.totals, evaluatedAt: locked.evaluated_at };
    const changed: ChangedSubject[] = [];
    const before = new Map<string, CurrentRow>();
    for (const r of read) {
      if (r.key === null || r.kind === null || r.last_position === null) continue;
      changed.push({ kind: r.kind, key: r.key, facts: r.facts, lastPosition: r.last_position, inWindow: r.in_window === true });
      if (r.row_rank !== null) {
        before.set(r.key, { subject_key: r.key, rank: r.row_rank, in_numerator: r.in_numerator === true, in_denominator: r.in_denominator === true, timed: r.timed === true, item: r.item ?? 'null' });
      }
    }
    if (changed.length > MAX_DELTA_SUBJECTS) return { rebuild: `${changed.length} subjects changed` };
    const foreign = changed.find((c) => c.kind !== kind);
    if (foreign) return { rebuild: `a ${foreign.kind} changed` };
    const position = changed.reduce((max, c) => (c.lastPosition > max ? c.lastPosition : max), locked.subjects_position);
    const timed = input.rejudgeTimed ? await timedSubjects(tx, set.id, kind, period, changed, before) : [];
    const subjects = [...changed, ...timed];
    const judged = subjects.length === 0 ? [] : classifySubjects(set.criterion, subjects.filter((s) => s.inWindow), await input.others(), period, input.asOf).rows;
    const { added, retired } = differences(judged, subjects, before);
    const instant = new Date(evaluationInstant(period, input.asOf));
    const judgedAt = input.rejudgeTimed ? instant.toISOString() : null;
    if (added.length === 0 && retired.length === 0) {
      await tx.$executeRawUnsafe(
        `UPDATE explain_sets SET subjects_position = $2::bigint, judged_at = COALESCE($3::timestamptz, judged_at) WHERE id = $1`, set.id, position.toString(), judgedAt,
      );
      return { list: current, changed: 0 };
    }
    const toRow = (r: CurrentRow) => ({ rank: r.rank, inNumerator: r.in_numerator, inDenominator: r.in_denominator });
    const totals = addTotals(current.totals, totalsOf(retired.map(toRow), -1), totalsOf(added));
    const [list] = await tx.$queryRawUnsafe<{ id: bigint }[]>(
      WRITE_VERSION, set.id, JSON.stringify(totals), instant.toISOString(), retired.map((r) => r.subject_key),
      JSON.stringify(added.map((r, k) => ({ ...r, seq: locked.next_seq + k }))), current.id, position.toString(), added.length, judgedAt,
    );
    if (!list) throw new Error('explain_lists: the insert returned no id');
    return { list: { id: list.id, setId: set.id, totals, evaluatedAt: instant }, changed: added.length + retired.length };
  }, { timeout: 60_000, maxWait: 30_000 });
}

/**
 * Which rows change: a judged subject whose row differs from its current one (or has none) is added;
 * a current row that is not kept as it was (re-judged differently, no longer listed, out of the period) is retired.
 */
function differences(judged: readonly ExplainRowDraft[], subjects: readonly ChangedSubject[], before: ReadonlyMap<string, CurrentRow>) {
  const same = (r: ExplainRowDraft) => {
    const old = before.get(r.subjectKey);
    return old !== undefined && old.timed === r.timed && old.item === JSON.stringify(r.item);
  };
  const added = judged.filter((r) => !same(r));
  const kept = new Set(judged.filter(same).map((r) => r.subjectKey));
  const retired = subjects.flatMap((s) => {
    const old = before.get(s.key);
    return old && !kept.has(s.key) ? [old] : [];
  });
  return { added, retired };
}

/** The subjects behind the set's current time-dependent rows, as they are now, with their rows (those changed anyway are judged once). */
async function timedSubjects(
  tx: RawRunner, setId: bigint, kind: string, period: Period, changed: readonly ChangedSubject[], before: Map<string, CurrentRow>,
): Promise<ChangedSubject[]> {
  const rows = await tx.$queryRawUnsafe<CurrentRow[]>(
    `SELECT subject_key, rank, in_numerator, in_denominator, timed, item::text AS item FROM explain_rows WHERE set_id = $1 AND timed AND to_list IS NULL`, setId,
  );
  const seen = new Set(changed.map((c) => c.key));
  const fresh = rows.filter((r) => !seen.has(r.subject_key));
  for (const r of fresh) before.set(r.subject_key, r);
  return fresh.length === 0 ? [] : subjectsByKey(tx, kind, fresh.map((r) => r.subject_key), period);
}
