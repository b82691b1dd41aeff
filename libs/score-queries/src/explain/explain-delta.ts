import type { ExplainTotalsDto } from '@idx/contracts';
import { evaluationInstant, type Period, streamIdOfSubject, type SubjectOfAnyKind } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { addTotals, classifySubjects, countedKind, type PoolSubject, totalsOf } from './explain-rows';
import { type ExplainList, type ExplainSet, insertRows } from './explain-sets';
import { type ChangedSubject, subjectsByKey, subjectsChangedAfter } from './pool-subjects';

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

interface CurrentRow { stream_id: string; rank: 0 | 1 | 2; in_numerator: boolean; in_denominator: boolean; timed: boolean; item: string }

/**
 * Takes in the pool's subjects written since the set's position (and, when asked, re-judges its
 * time-dependent rows): each is judged again alone, exactly as a full build judges it; a row whose
 * judgement changed is retired from a new version on and its new row added, and the totals move by
 * the difference. Nothing changed: the position moves, no new version. One transaction holding the
 * set's row (FOR UPDATE), so concurrent readers and processes apply each change once, in order.
 * A change to a subject of another kind than the criterion counts answers `rebuild`: some criteria
 * judge a subject with the other kinds (7, 9, 10, 17: a procedure's dossiers; 12: a dossier's procedure).
 */
export async function applyExplainDelta(prisma: ReadModelClient, input: DeltaInput): Promise<DeltaOutcome> {
  const { period, set } = input;
  const kind = countedKind(set.criterion);
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRawUnsafe<{ subjects_position: bigint; current_list: bigint; next_seq: number; totals: ExplainTotalsDto; evaluated_at: Date }[]>(
      `SELECT s.subjects_position, s.current_list, s.next_seq, l.totals, l.evaluated_at FROM explain_sets s JOIN explain_lists l ON l.id = s.current_list
       WHERE s.id = $1 FOR UPDATE OF s`, set.id,
    );
    if (!locked) return { rebuild: 'the list was dropped' };
    const current: ExplainList = { id: locked.current_list, setId: set.id, totals: locked.totals, evaluatedAt: locked.evaluated_at };
    const changed = await subjectsChangedAfter(tx, set.members, period, locked.subjects_position);
    if (changed.length > MAX_DELTA_SUBJECTS) return { rebuild: `${changed.length} subjects changed` };
    const foreign = changed.find((c) => c.kind !== kind);
    if (foreign) return { rebuild: `a ${foreign.kind} changed` };
    const position = changed.reduce((max, c) => (c.lastPosition > max ? c.lastPosition : max), locked.subjects_position);
    const timed = input.rejudgeTimed ? await timedSubjects(tx, set.id, kind, period, changed) : [];
    const subjects = [...changed, ...timed];
    const judged = subjects.length === 0
      ? { rows: [], streamIds: [] }
      : classifySubjects(set.criterion, subjects.filter((s) => s.inWindow), await input.others(), period, input.asOf);
    // A subject that left the period (or the pool's window) has no row any more: its stream id is still touched.
    const touched = new Set([...judged.streamIds, ...subjects.filter((s) => !s.inWindow).map((s) => streamIdOfSubject(s.facts as SubjectOfAnyKind))]);
    const before = touched.size === 0 ? [] : await tx.$queryRawUnsafe<CurrentRow[]>(
      `SELECT stream_id, rank, in_numerator, in_denominator, timed, item::text AS item FROM explain_rows
       WHERE set_id = $1 AND to_list IS NULL AND stream_id = ANY($2::text[])`, set.id, [...touched],
    );
    const unchanged = new Map(before.map((r) => [r.stream_id, `${r.timed}|${r.item}`]));
    const added = judged.rows.filter((r) => unchanged.get(r.streamId) !== `${r.timed}|${JSON.stringify(r.item)}`);
    const addedIds = new Set(added.map((r) => r.streamId));
    const keptIds = new Set(judged.rows.map((r) => r.streamId));
    const retired = before.filter((r) => addedIds.has(r.stream_id) || !keptIds.has(r.stream_id));
    const instant = new Date(evaluationInstant(period, input.asOf));
    // judged_at moves only when the time-dependent rows were re-judged.
    const moveSet = (extra: string, ...params: unknown[]) => tx.$executeRawUnsafe(
      `UPDATE explain_sets SET subjects_position = $2::bigint, judged_at = COALESCE($3::timestamptz, judged_at)${extra} WHERE id = $1`,
      set.id, position.toString(), input.rejudgeTimed ? instant.toISOString() : null, ...params,
    );
    if (added.length === 0 && retired.length === 0) {
      await moveSet('');
      return { list: current, changed: 0 };
    }
    const toRow = (r: CurrentRow) => ({ rank: r.rank, inNumerator: r.in_numerator, inDenominator: r.in_denominator });
    const totals = addTotals(current.totals, totalsOf(retired.map(toRow), -1), totalsOf(added));
    const [list] = await tx.$queryRawUnsafe<{ id: bigint }[]>(
      `INSERT INTO explain_lists (set_id, totals, evaluated_at) VALUES ($1, $2::jsonb, $3::timestamptz) RETURNING id`,
      set.id, JSON.stringify(totals), instant.toISOString(),
    );
    if (!list) throw new Error('explain_lists: the insert returned no id');
    if (retired.length > 0) {
      await tx.$executeRawUnsafe(
        `UPDATE explain_rows SET to_list = $2 WHERE set_id = $1 AND to_list IS NULL AND stream_id = ANY($3::text[])`, set.id, list.id, retired.map((r) => r.stream_id),
      );
    }
    await insertRows(tx, set.id, list.id, added.map((r, k) => ({ ...r, seq: locked.next_seq + k })));
    await tx.$executeRawUnsafe(`UPDATE explain_lists SET replaced_at = now() WHERE id = $1`, current.id);
    await moveSet(', current_list = $4, next_seq = next_seq + $5', list.id, added.length);
    return { list: { id: list.id, setId: set.id, totals, evaluatedAt: instant }, changed: added.length + retired.length };
  }, { timeout: 60_000, maxWait: 30_000 });
}

/** The subjects behind the set's current time-dependent rows, as they are now (those changed anyway are judged once). */
async function timedSubjects(tx: Parameters<typeof insertRows>[0], setId: bigint, kind: string, period: Period, changed: readonly ChangedSubject[]): Promise<ChangedSubject[]> {
  const rows = await tx.$queryRawUnsafe<{ subject_key: string }[]>(
    `SELECT subject_key FROM explain_rows WHERE set_id = $1 AND timed AND to_list IS NULL`, setId,
  );
  const seen = new Set(changed.map((c) => c.key));
  const keys = rows.map((r) => r.subject_key).filter((k) => !seen.has(k));
  return keys.length === 0 ? [] : subjectsByKey(tx, kind, keys, period);
}
