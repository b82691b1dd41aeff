import type { ExplainItemDto, ExplainTotalsDto } from '@idx/contracts';
import { type ExplainedSubject, explainCriterion, groupSubjects, type Period, ruleSetInForce } from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { subjectsOfUnits } from '@idx/scoring-projection';

/**
 * A criterion's whole explanation for a unit-period, built once and kept in PostgreSQL
 * (explain_sets / explain_rows, docs/explain-paging.md) so every page is an index read.
 */
export interface ExplainSet {
  readonly id: bigint;
  readonly unitCode: string;
  readonly period: string;
  readonly criterion: number;
  /** What it was built from: the finished score's position and the pool's latest subject position. */
  readonly source: string;
  readonly evaluatedAt: Date;
  readonly totals: ExplainTotalsDto;
}

/** How long, and how many, replaced lists of a unit-period-criterion are kept for readers paging them (then 409). */
export const KEEP_REPLACED = { interval: '10 minutes', lists: 3 } as const;

/** Rows written per statement while building: keeps one statement's parameters a few MB at most. */
const ROWS_PER_INSERT = 5_000;

interface SetRow { id: bigint; unit_code: string; period: string; criterion: number; source: string; evaluated_at: Date; totals: ExplainTotalsDto }

const toSet = (r: SetRow): ExplainSet => ({
  id: r.id, unitCode: r.unit_code, period: r.period, criterion: r.criterion, source: r.source, evaluatedAt: r.evaluated_at, totals: r.totals,
});

/** The latest complete set of a unit-period-criterion, if one was built. */
export async function latestExplainSet(prisma: ReadModelClient, unitCode: string, period: string, criterion: number): Promise<ExplainSet | undefined> {
  const [row] = await prisma.$queryRawUnsafe<SetRow[]>(
    `SELECT id, unit_code, period, criterion, source, evaluated_at, totals FROM explain_sets
     WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND complete ORDER BY id DESC LIMIT 1`,
    unitCode, period, criterion,
  );
  return row ? toSet(row) : undefined;
}

/** A set by id (a cursor's), complete or not there. */
export async function explainSetById(prisma: ReadModelClient, id: bigint): Promise<ExplainSet | undefined> {
  const [row] = await prisma.$queryRawUnsafe<SetRow[]>(
    `SELECT id, unit_code, period, criterion, source, evaluated_at, totals FROM explain_sets WHERE id = $1 AND complete`, id,
  );
  return row ? toSet(row) : undefined;
}

/**
 * The latest position among the pool's subjects, whatever their period: one probe of
 * subject_facts_unit_position per unit. A subject that changed without moving the score's figures
 * still changes the list; one of another period rebuilds it needlessly, which is rare and only costs a build.
 */
export async function latestSubjectPosition(prisma: ReadModelClient, members: readonly string[]): Promise<bigint> {
  const [row] = await prisma.$queryRawUnsafe<{ latest: bigint | null }[]>(
    `SELECT max(x.last_position) AS latest FROM unnest($1::text[]) AS u(code),
       LATERAL (SELECT last_position FROM subject_facts WHERE unit_code = u.code ORDER BY last_position DESC LIMIT 1) AS x`,
    members,
  );
  return row?.latest ?? 0n;
}

export const toItemDto = (i: ExplainedSubject): ExplainItemDto => ({
  kind: i.kind, code: i.code, unitCode: i.unitCode, inNumerator: i.inNumerator, inDenominator: i.inDenominator, costsPoints: i.costsPoints,
  reasonVi: i.reason?.vi ?? null, reasonEn: i.reason?.en ?? null, lateByMs: i.lateByMs, facts: i.facts, streamId: i.streamId,
});

export function totalsOf(items: readonly ExplainItemDto[]): ExplainTotalsDto {
  let costsPoints = 0, inNumerator = 0, inDenominator = 0;
  for (const i of items) {
    if (i.costsPoints) costsPoints++;
    if (i.inNumerator) inNumerator++;
    if (i.inDenominator) inDenominator++;
  }
  return { items: items.length, costsPoints, inNumerator, inDenominator };
}

export interface ExplainSetInput {
  readonly unitCode: string;
  readonly period: Period;
  readonly criterion: number;
  /** The units whose subjects make up the unit's (pooled) score. */
  readonly members: readonly string[];
  readonly source: string;
  /** The instant the subjects are judged at (as the score: evaluationInstant(period, asOf)). */
  readonly asOf: number;
}

/** A list just built: its set, its items in memory (the first pages are answered from them) and its rows being written. */
export interface BuiltExplainSet {
  readonly set: ExplainSet;
  readonly items: readonly ExplainItemDto[];
  /** Settles once the rows are stored and the set is complete (pages by cursor are read from them). */
  readonly stored: Promise<void>;
}

/**
 * Classifies the pool's subjects with the domain's explainCriterion (the same calculators the score
 * runs, so the list is what the figure counts) and answers as soon as that is done; meanwhile its rows
 * are stored in its order, then the set is marked complete and the sets before the one it replaces are
 * dropped (that one stays for cursors a reader holds). A failed write leaves no complete set: the next
 * first page builds again.
 */
export async function buildExplainSet(prisma: ReadModelClient, input: ExplainSetInput): Promise<BuiltExplainSet> {
  const { period } = input;
  const stored = [...(await subjectsOfUnits(prisma, input.members, period.start, period.end)).values()].flat();
  const items = explainCriterion(input.criterion, { subjects: groupSubjects(stored), period, asOf: input.asOf, ruleSet: ruleSetInForce(period.start) }).map(toItemDto);
  const totals = totalsOf(items);
  const evaluatedAt = new Date(Math.min(period.end, input.asOf));
  const [created] = await prisma.$queryRawUnsafe<{ id: bigint }[]>(
    `INSERT INTO explain_sets (unit_code, period, criterion, source, evaluated_at, totals) VALUES ($1, $2, $3, $4, $5::timestamptz, $6::jsonb) RETURNING id`,
    input.unitCode, period.key, input.criterion, input.source, evaluatedAt.toISOString(), JSON.stringify(totals),
  );
  if (!created) throw new Error('explain_sets: the insert returned no id');
  const { id } = created;
  const set = { id, unitCode: input.unitCode, period: period.key, criterion: input.criterion, source: input.source, evaluatedAt, totals };
  const rowsStored = storeRows(prisma, set, items).catch(async (error: unknown) => {
    await prisma.$executeRawUnsafe(`DELETE FROM explain_sets WHERE id = $1`, id).catch(() => undefined);
    throw error;
  });
  return { set, items, stored: rowsStored };
}

async function storeRows(prisma: ReadModelClient, set: ExplainSet, items: readonly ExplainItemDto[]): Promise<void> {
  for (let from = 0; from < items.length; from += ROWS_PER_INSERT) {
    // One JSON text parameter per chunk: the client serialises array parameters element by element,
    // several times slower than PostgreSQL reading one document.
    await prisma.$executeRawUnsafe(
      `INSERT INTO explain_rows (set_id, ordinal, costs_points, in_numerator, item)
       SELECT $1, $2::int + (t.n - 1)::int, (t.e->>'costsPoints')::boolean, (t.e->>'inNumerator')::boolean, t.e
       FROM json_array_elements($3::json) WITH ORDINALITY AS t(e, n)`,
      set.id, from, JSON.stringify(items.slice(from, from + ROWS_PER_INSERT)),
    );
  }
  await prisma.$executeRawUnsafe(`UPDATE explain_sets SET complete = true WHERE id = $1`, set.id);
  await prisma.$executeRawUnsafe(
    `UPDATE explain_sets SET replaced_at = now() WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND complete AND id < $4 AND replaced_at IS NULL`,
    set.unitCode, set.period, set.criterion, set.id,
  );
  // A replaced list stays while a reader may still be paging it (KEEP_REPLACED), the latest few at most;
  // an abandoned build (its process stopped) goes after the same time.
  await prisma.$executeRawUnsafe(
    `DELETE FROM explain_sets WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND id < $4 AND (
       replaced_at < now() - $5::interval OR (NOT complete AND built_at < now() - $5::interval)
       OR id < (SELECT min(k.id) FROM (SELECT id FROM explain_sets WHERE unit_code = $1 AND period = $2 AND criterion = $3 AND complete
                                      ORDER BY id DESC LIMIT $6) AS k))`,
    set.unitCode, set.period, set.criterion, set.id, KEEP_REPLACED.interval, KEEP_REPLACED.lists,
  );
}
