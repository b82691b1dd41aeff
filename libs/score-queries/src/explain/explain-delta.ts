import type { ExplainTotalsDto } from '@idx/contracts';
import { evaluationInstant, joinedKindOf, type Period } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { addTotals, classifySubjects, countedKind, type ExplainRowDraft, numbered, type PoolSubject, totalsOf } from './explain-rows';
import { type JoinedSubjects, type JoinRequest, linkMoves, type LinkMove, linkParams, loadJoined, joinRequestOf, moveLinksSql } from './explain-joins';
import { type ExplainList, type ExplainSet, insertRowsSql } from './explain-sets';
import { type ChangedSubject, inWindowSql, isoSpan, type RawRunner, subjectsByKey } from './pool-subjects';

/**
 * More changed subjects than this in one delta (a replay, a bulk import) is rebuilt whole instead:
 * retiring and inserting row by row costs more than one build past some size. The read stops one past it.
 */
export const MAX_DELTA_SUBJECTS = 20_000;

/**
 * A subject of the pool written after the set's position, with its current row in the set if it has
 * one, as read with the set (changesSql). Positions as text: a bigint in a JSON document.
 */
export interface ChangeRow {
  readonly kind: string; readonly key: string; readonly facts: unknown; readonly last_position: string; readonly in_window: boolean;
  readonly row_rank: 0 | 1 | 2 | null; readonly in_numerator: boolean | null; readonly in_denominator: boolean | null;
  readonly timed: boolean | null; readonly item: string | null;
  /** A dossier's link in a joined set (explain_links): [procedure code it was last judged under, from when it is evidence (epoch ms) or null]; null: none. */
  readonly link: readonly [string, number | null] | null;
}

/**
 * The subjects changed since a set's position and each one's current row: `set` names a relation of
 * one row with the set's id, members and subjects_position (a CTE); `start`/`end` the period's bounds.
 * An index range per pooled unit (subject_facts_unit_position: one unit and ORDER BY its position, so
 * the planner walks the index; with `unit_code = ANY(members)` and the position unknown when planning it
 * scanned all 185k subjects, 180 ms), an index probe of explain_rows_current per changed subject
 * (LATERAL … LIMIT 1: a join could hash the whole list's rows — 234 ms for 20,000 seen — when the
 * table's statistics are behind a build), and a changed dossier's link in a joined set (explain-joins.ts:
 * the procedure code it was last judged under, when its evidence begins) by one scalar probe of its
 * primary key (as a LEFT JOIN LATERAL the planner hashed all 185k links: 130–145 ms a first page).
 * Stops one past MAX_DELTA_SUBJECTS per unit (a rebuild).
 */
export const changesSql = (set: string, start: string, end: string) => `
  SELECT c.kind, c.key, c.facts, c.last_position::text AS last_position, c.in_window,
         r.rank AS row_rank, r.in_numerator, r.in_denominator, r.timed, r.item::text AS item,
         (SELECT json_build_array(join_code, evidence_from) FROM explain_links WHERE set_id = cs.id AND subject_key = c.key AND c.kind = 'dossier') AS link
  FROM ${set} AS cs
  CROSS JOIN LATERAL unnest(cs.members) AS m(code)
  CROSS JOIN LATERAL (SELECT kind, key, facts, last_position, ${inWindowSql(start, end)} AS in_window
                      FROM subject_facts WHERE unit_code = m.code AND last_position > cs.subjects_position
                      ORDER BY last_position LIMIT ${MAX_DELTA_SUBJECTS + 1}) c
  LEFT JOIN LATERAL (SELECT rank, in_numerator, in_denominator, timed, item FROM explain_rows
                     WHERE set_id = cs.id AND to_list IS NULL AND subject_key = c.key LIMIT 1) r ON true`;

/** What a delta is computed from and written against: the set's version and position as one statement read them, with the changes after it. */
export interface DeltaBase {
  readonly set: ExplainSet;
  readonly nextSeq: number;
  readonly changes: readonly ChangeRow[];
}

export interface DeltaInput {
  readonly base: DeltaBase;
  readonly period: Period;
  /** The instant the changed subjects are judged at. */
  readonly asOf: number;
  /** The set's current time-dependent rows with their subjects as they are now, to re-judge at `asOf` (the clock moved); none otherwise. */
  readonly timed?: { readonly subjects: readonly ChangedSubject[]; readonly rows: readonly CurrentRow[] };
  /** A joined criterion's reads (explain-joins.ts loadJoined): the counted subjects to judge again and the other kind's to judge with. */
  readonly joined: (request: JoinRequest, changedDossiers: readonly string[]) => Promise<JoinedSubjects>;
}

/** A subject's current row in the set, as the delta compares it. */
export interface CurrentRow { subject_key: string; rank: 0 | 1 | 2; in_numerator: boolean; in_denominator: boolean; timed: boolean; item: string }

/** Which rows a delta retires and adds, and the version it makes; or `rebuild` when it cannot be applied row by row. */
export type DeltaPlan =
  | { readonly rebuild: string }
  | {
      readonly base: DeltaBase; readonly position: bigint; readonly judgedAt: Date | null; readonly evaluatedAt: Date;
      readonly added: readonly (ExplainRowDraft & { readonly seq: number })[]; readonly retired: readonly CurrentRow[]; readonly totals: ExplainTotalsDto;
      /** A joined set's dossiers whose procedure code moved (explain_links). */
      readonly links: readonly LinkMove[];
    };

/**
 * Judges each changed subject (and, when asked, each time-dependent row's subject) alone again,
 * exactly as a full build judges it; a row whose judgement changed is retired and its new row added
 * (seq from the set's next_seq), and the totals move by the difference. A joined criterion (7, 9,
 * 10, 17 judge a procedure by its dossiers; 12, 13 a dossier by its procedure) also judges again the
 * counted subjects of each changed other-kind subject's procedure codes (a dossier's old and new),
 * each with the other kind's subjects of its code (explain-joins.ts), and moves the changed dossiers'
 * links. A change to a kind the criterion does not read (the domain's CRITERION_READS) is passed
 * over. Pure but for `joined`.
 */
export async function planDelta(input: DeltaInput): Promise<DeltaPlan> {
  const { base, period } = input;
  const { set } = base;
  const kind = countedKind(set.criterion);
  const other = joinedKindOf(set.criterion);
  if (base.changes.length > MAX_DELTA_SUBJECTS) return { rebuild: `more than ${MAX_DELTA_SUBJECTS} subjects changed` };
  const changed: ChangedSubject[] = [];
  const otherChanged: (ChangedSubject & { readonly link: ChangeRow['link'] })[] = [];
  const before = new Map<string, CurrentRow>();
  let position = set.subjectsPosition;
  for (const r of base.changes) {
    const at = BigInt(r.last_position);
    if (at > position) position = at;
    const subject = { kind: r.kind, key: r.key, facts: r.facts, lastPosition: at, inWindow: r.in_window, link: r.link };
    if (r.kind === other) otherChanged.push(subject);
    if (r.kind !== kind) continue;
    changed.push(subject);
    if (r.row_rank !== null) {
      before.set(r.key, { subject_key: r.key, rank: r.row_rank, in_numerator: r.in_numerator === true, in_denominator: r.in_denominator === true, timed: r.timed === true, item: r.item ?? 'null' });
    }
  }
  // A time-dependent row whose subject changed anyway is judged once, as changed.
  const seen = new Set(changed.map((c) => c.key));
  const timed = (input.timed?.subjects ?? []).filter((s) => !seen.has(s.key));
  for (const r of input.timed?.rows ?? []) if (!seen.has(r.subject_key)) before.set(r.subject_key, r);
  const subjects: ChangedSubject[] = [...changed, ...timed];
  let partners: readonly PoolSubject[] = [];
  if (other !== undefined && subjects.length + otherChanged.length > 0) {
    const joined = await input.joined(joinRequestOf(subjects, otherChanged), otherChanged.filter((s) => s.kind === 'dossier').map((s) => s.key));
    if (joined.rejudged.length > MAX_DELTA_SUBJECTS) return { rebuild: `more than ${MAX_DELTA_SUBJECTS} subjects of a changed ${other}'s procedure code` };
    const judging = new Set(subjects.map((s) => s.key));
    for (const s of joined.rejudged) {
      if (judging.has(s.key)) continue;
      judging.add(s.key);
      subjects.push(s);
      if (s.row) before.set(s.key, { subject_key: s.key, ...s.row });
    }
    // The changed subjects of the other kind as they are now, not as the links last saw them.
    const now = new Set(otherChanged.map((s) => s.key));
    partners = [...joined.partners.filter((p) => !now.has(p.key)), ...otherChanged.filter((s) => s.inWindow)];
  }
  const judged = subjects.length === 0 ? [] : classifySubjects(set.criterion, subjects.filter((s) => s.inWindow), partners, period, input.asOf).rows;
  const { added, retired } = differences(judged, subjects, before);
  const toRow = (r: CurrentRow) => ({ rank: r.rank, inNumerator: r.in_numerator, inDenominator: r.in_denominator });
  const evaluatedAt = new Date(evaluationInstant(period, input.asOf));
  return {
    base, position, judgedAt: input.timed ? evaluatedAt : null, evaluatedAt,
    added: added.map((r, k) => numbered(r, base.nextSeq + k)), retired,
    totals: addTotals(set.list.totals, totalsOf(retired.map(toRow), -1), totalsOf(added)),
    links: other === undefined ? [] : linkMoves(set.criterion, period, [...changed, ...otherChanged]),
  };
}

/**
 * One statement, compare-and-set on the version and position the plan was read at (no explicit
 * transaction, no lock held across round trips): a new version with its totals, the changed
 * subjects' rows retired from it and their new rows added in it, the previous version marked
 * replaced, the set moved on — or nothing at all when another reader or process moved the set since
 * (the UPDATE of explain_sets waits for a concurrent one's commit and re-checks its condition, so of
 * two racing on one version exactly one writes; the other reads again). The list id comes from the
 * sequence first so the set's row, which every other write depends on, is updated first. A joined
 * set's moved links are written under the same condition.
 * $1 set, $2 totals, $3 evaluated at, $4 retired keys, $5 new rows (JSON), $6 previous version,
 * $7 position, $8 rows added, $9 judged at (null: unchanged), $10 the position read, $11 links dropped, $12 links moved (JSON).
 */
const WRITE_VERSION = `
  WITH n AS (SELECT nextval('explain_lists_id_seq') AS id),
       u AS (UPDATE explain_sets SET current_list = (SELECT id FROM n), subjects_position = $7::bigint, next_seq = next_seq + $8,
                                     judged_at = COALESCE($9::timestamptz, judged_at)
             WHERE id = $1 AND current_list = $6 AND subjects_position = $10::bigint RETURNING 1),
       l AS (INSERT INTO explain_lists (id, set_id, totals, evaluated_at) SELECT id, $1, $2::jsonb, $3::timestamptz FROM n WHERE EXISTS (SELECT 1 FROM u) RETURNING id),
       r AS (UPDATE explain_rows SET to_list = (SELECT id FROM l)
             WHERE set_id = $1 AND to_list IS NULL AND subject_key = ANY($4::text[]) AND EXISTS (SELECT 1 FROM l) RETURNING 1),
       i AS (${insertRowsSql('$1', '(SELECT id FROM l)', '$5')} WHERE EXISTS (SELECT 1 FROM l) RETURNING 1),
       o AS (UPDATE explain_lists SET replaced_at = now() WHERE id = $6 AND EXISTS (SELECT 1 FROM l) RETURNING 1),
       ${moveLinksSql('$1', 'u', '$11', '$12')}
  SELECT id FROM l`;

/**
 * The same compare-and-set when no row changed (a payment, for criterion 5): only the position (and
 * the judging instant) move, and a joined set's links ($6 dropped, $7 moved).
 */
const MOVE_POSITION = `
  WITH u AS (UPDATE explain_sets SET subjects_position = $2::bigint, judged_at = COALESCE($3::timestamptz, judged_at)
             WHERE id = $1 AND current_list = $4 AND subjects_position = $5::bigint RETURNING 1),
       ${moveLinksSql('$1', 'u', '$6', '$7')}
  SELECT count(*)::int AS moved FROM u`;

/** The version a written plan made current (the base's when no row changed); `lost` when the set moved since it was read. */
export type WriteOutcome = { readonly list: ExplainList; readonly changed: number } | { readonly lost: true };

/** Writes a plan in one statement (WRITE_VERSION or MOVE_POSITION). */
export async function writeDelta(db: RawRunner, plan: Exclude<DeltaPlan, { rebuild: string }>): Promise<WriteOutcome> {
  const { set } = plan.base;
  const judgedAt = plan.judgedAt?.toISOString() ?? null;
  const links = linkParams(plan.links);
  if (plan.added.length === 0 && plan.retired.length === 0) {
    const [row] = await db.$queryRawUnsafe<{ moved: number }[]>(MOVE_POSITION, set.id, plan.position.toString(), judgedAt, set.list.id, set.subjectsPosition.toString(), ...links);
    return row?.moved === 1 ? { list: set.list, changed: 0 } : { lost: true };
  }
  const [list] = await db.$queryRawUnsafe<{ id: bigint }[]>(
    WRITE_VERSION, set.id, JSON.stringify(plan.totals), plan.evaluatedAt.toISOString(), plan.retired.map((r) => r.subject_key),
    JSON.stringify(plan.added), set.list.id, plan.position.toString(), plan.added.length, judgedAt, set.subjectsPosition.toString(), ...links,
  );
  if (!list) return { lost: true };
  return { list: { id: list.id, setId: set.id, totals: plan.totals, evaluatedAt: plan.evaluatedAt }, changed: plan.added.length + plan.retired.length };
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

/** The set by id with its current version, next_seq and the changes since its position: one statement. */
const SET_WITH_CHANGES = `
  WITH s AS (SELECT s.id, s.members, s.subjects_position, s.judged_at, s.next_seq, l.totals, l.evaluated_at, l.id AS list_id
             FROM explain_sets s JOIN explain_lists l ON l.id = s.current_list WHERE s.id = $1)
  SELECT s.subjects_position::text AS subjects_position, s.judged_at, s.next_seq, s.totals, s.evaluated_at, s.list_id::text AS list_id,
         (SELECT coalesce(json_agg(c), '[]'::json) FROM (${changesSql('s', '$2', '$3')}) c) AS changes
  FROM s`;

/**
 * Re-judges a set's time-dependent rows at `asOf` (the clock moved) with any change since, in the
 * background: reads the set and its changes (one statement), its timed rows and their subjects, then
 * writes by compare-and-set. `lost` (a first page took a change in meanwhile): the next first page tries again.
 */
export async function rejudgeTimedRows(prisma: ReadModelClient, set: ExplainSet, period: Period, asOf: number): Promise<DeltaPlan | WriteOutcome> {
  const [row] = await prisma.$queryRawUnsafe<{
    subjects_position: string; judged_at: Date; next_seq: number; totals: ExplainTotalsDto; evaluated_at: Date; list_id: string; changes: ChangeRow[];
  }[]>(SET_WITH_CHANGES, set.id, ...isoSpan(period));
  if (!row) return { rebuild: 'the list was dropped' };
  const current: ExplainSet = {
    ...set, subjectsPosition: BigInt(row.subjects_position), judgedAt: new Date(row.judged_at),
    list: { id: BigInt(row.list_id), setId: set.id, totals: row.totals, evaluatedAt: new Date(row.evaluated_at) },
  };
  const kind = countedKind(set.criterion);
  const rows = await prisma.$queryRawUnsafe<CurrentRow[]>(
    `SELECT subject_key, rank, in_numerator, in_denominator, timed, item::text AS item FROM explain_rows WHERE set_id = $1 AND timed AND to_list IS NULL`, set.id,
  );
  const subjects = rows.length === 0 ? [] : await subjectsByKey(prisma, kind, rows.map((r) => r.subject_key), period);
  const plan = await planDelta({ base: { set: current, nextSeq: row.next_seq, changes: row.changes }, period, asOf, timed: { subjects, rows }, joined: joinedReads(prisma, set, period) });
  return 'rebuild' in plan ? plan : writeDelta(prisma, plan);
}

/** A set's joined reads (loadJoined), at most one past MAX_DELTA_SUBJECTS subjects judged again. */
export const joinedReads = (db: RawRunner, set: ExplainSet, period: Period) => (request: JoinRequest, changedDossiers: readonly string[]): Promise<JoinedSubjects> =>
  loadJoined(db, set, period, request, changedDossiers, MAX_DELTA_SUBJECTS + 1);
