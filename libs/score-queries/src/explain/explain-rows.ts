import type { ExplainItemDto, ExplainTotalsDto } from '@idx/contracts';
import {
  codeOf, CRITERION_READS, CRITERION_SUBJECT_KIND, type ExplainedSubject, explainedOf, evaluationInstant, groupSubjects, judgeCriterionSubjects, type Period,
  ruleSetInForce, streamIdOfSubject, type SubjectJudgement, type SubjectOfAnyKind,
} from '@idx/domain';

/** A subject_facts row of the pool: its identity and its facts as the projector folded them. */
export interface PoolSubject {
  readonly kind: string;
  readonly key: string;
  readonly facts: unknown;
}

/** Where a row sits: 0 costs points, 1 counted (numerator only or both), 2 not listed but time-dependent (never paged). */
export type ExplainRank = 0 | 1 | 2;

/** One subject as a row of an explain set: its item and the key that orders it. */
export interface ExplainRowDraft {
  readonly streamId: string;
  readonly subjectKey: string;
  readonly rank: ExplainRank;
  /** -(lateByMs ?? -1): ascending = the latest first, as the domain orders those that cost points. */
  readonly negLate: number;
  readonly code: string;
  readonly inNumerator: boolean;
  readonly inDenominator: boolean;
  /**
   * Judged differently at the period's end than now (a pending dossier not yet due, or overdue and
   * growing later): re-judged as the clock moves, since no event will say so. Always false for a closed period.
   */
  readonly timed: boolean;
  /** The item as answered; null for a rank-2 row. */
  readonly item: ExplainItemDto | null;
}

/** The kind of subject a criterion lists; a change to another kind can change every row (criteria 7, 9, 10, 12, 17 join kinds). */
export function countedKind(criterion: number): string {
  const kind = CRITERION_SUBJECT_KIND[criterion];
  if (!kind) throw new RangeError(`criterion ${criterion} is not one of 1–21`);
  return kind;
}

/**
 * The kinds of subject a criterion is judged with (the domain's CRITERION_READS): the counted kind and,
 * for the criteria that join kinds, the other. A change to a kind not among them leaves the list as it is.
 */
export function readKinds(criterion: number): readonly string[] {
  const kinds = CRITERION_READS[criterion];
  if (!kinds) throw new RangeError(`criterion ${criterion} is not one of 1–21`);
  return kinds;
}

export const toItemDto = (i: ExplainedSubject): ExplainItemDto => ({
  kind: i.kind, code: i.code, unitCode: i.unitCode, inNumerator: i.inNumerator, inDenominator: i.inDenominator, costsPoints: i.costsPoints,
  reasonVi: i.reason?.vi ?? null, reasonEn: i.reason?.en ?? null, lateByMs: i.lateByMs, facts: i.facts, streamId: i.streamId,
});

/** What orders a row. */
export type RowKey = Pick<ExplainRowDraft, 'rank' | 'negLate' | 'code' | 'streamId'>;

const bytewise = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order rows are listed and paged in: those that cost points first, the latest first, then by
 * code. The database orders the same columns (explain_rows_page, code and stream_id COLLATE "C"):
 * code compares bytewise, not by the domain's localeCompare, so that an index can page it (the two
 * differ only for codes mixing letter case or punctuation). stream_id breaks ties between units of a pool.
 */
export function compareRows(a: RowKey, b: RowKey): number {
  return a.rank - b.rank || a.negLate - b.negLate || bytewise(a.code, b.code) || bytewise(a.streamId, b.streamId);
}

/**
 * A row as classifySubjects makes it: its item (the subject's facts as an official reads them, most of
 * a build's allocations) is made when first read — a page, the COPY of a build's rows, a delta's
 * comparison — not for the 185k rows of a heavy list before its first page is answered. `toJSON`
 * keeps JSON.stringify of a row whole; give it its place with `numbered`, not a spread (a spread
 * copies no getter).
 */
class JudgedRow implements ExplainRowDraft {
  private made?: ExplainItemDto | null;
  constructor(
    readonly streamId: string, readonly subjectKey: string, readonly rank: ExplainRank, readonly negLate: number, readonly code: string,
    readonly inNumerator: boolean, readonly inDenominator: boolean, readonly timed: boolean, private readonly judgement: SubjectJudgement | undefined,
  ) {}

  get item(): ExplainItemDto | null {
    if (this.made === undefined) this.made = this.judgement ? toItemDto(explainedOf(this.judgement)) : null;
    return this.made;
  }

  toJSON(): ExplainRowDraft & { seq?: number } {
    const { streamId, subjectKey, rank, negLate, code, inNumerator, inDenominator, timed, item } = this;
    const seq = (this as { seq?: number }).seq;
    return { streamId, subjectKey, rank, negLate, code, inNumerator, inDenominator, timed, item, ...(seq === undefined ? {} : { seq }) };
  }
}

/** A row given its place in its set (the row itself, so that its item stays unmade until read). */
export function numbered<T extends ExplainRowDraft>(row: T, seq: number): T & { readonly seq: number } {
  return Object.assign(row, { seq });
}

/** Whether two judgements of one subject at two instants would list it alike (its facts do not depend on the instant). */
function judgedAlike(a: SubjectJudgement | undefined, b: SubjectJudgement | undefined): boolean {
  if (!a || !b) return a === b;
  return a.inNumerator === b.inNumerator && a.inDenominator === b.inDenominator && a.costsPoints === b.costsPoints && a.lateByMs === b.lateByMs
    && a.reason?.vi === b.reason?.vi && a.reason?.en === b.reason?.en;
}

/**
 * Runs the domain's judgeCriterionSubjects over `subjects` (of the criterion's kind; each is judged
 * alone with `others` — the pool's subjects of the other kinds — whole, so a row is what the figure
 * counts) at `asOf`, and for an open period again at the period's end to tell which rows the clock
 * alone will change. Answers a row for each subject listed or time-dependent, and every subject's
 * stream id (a subject with no row any more must lose the one it had).
 */
export function classifySubjects(
  criterion: number, subjects: readonly PoolSubject[], others: readonly PoolSubject[], period: Period, asOf: number,
): { rows: ExplainRowDraft[]; streamIds: string[] } {
  const input = { subjects: groupSubjects([...others, ...subjects]), period, ruleSet: ruleSetInForce(period.start) };
  // Keyed by the facts object itself: groupSubjects hands the same objects to the calculators.
  const judgedAt = (at: number) => new Map(judgeCriterionSubjects(criterion, { ...input, asOf: at }).map((j) => [j.subject as unknown, j] as const));
  const now = judgedAt(asOf);
  const atEnd = evaluationInstant(period, asOf) < period.end ? judgedAt(period.end) : undefined;
  const rows: ExplainRowDraft[] = [];
  const streamIds: string[] = [];
  for (const s of subjects) {
    const facts = s.facts as SubjectOfAnyKind;
    const streamId = streamIdOfSubject(facts);
    streamIds.push(streamId);
    const judged = now.get(facts);
    const timed = atEnd !== undefined && !judgedAlike(judged, atEnd.get(facts));
    if (!judged && !timed) continue;
    const rank: ExplainRank = !judged ? 2 : judged.costsPoints ? 0 : 1;
    rows.push(new JudgedRow(
      streamId, s.key, rank, -(judged?.lateByMs ?? -1), codeOf(facts), judged?.inNumerator ?? false, judged?.inDenominator ?? false, timed, judged,
    ));
  }
  return { rows, streamIds };
}

/** What one row adds to its list's totals (a rank-2 row adds nothing). */
export function totalsOf(rows: readonly Pick<ExplainRowDraft, 'rank' | 'inNumerator' | 'inDenominator'>[], sign: 1 | -1 = 1): ExplainTotalsDto {
  let items = 0, costsPoints = 0, inNumerator = 0, inDenominator = 0;
  for (const r of rows) {
    if (r.rank === 2) continue;
    items += sign;
    if (r.rank === 0) costsPoints += sign;
    if (r.inNumerator) inNumerator += sign;
    if (r.inDenominator) inDenominator += sign;
  }
  return { items, costsPoints, inNumerator, inDenominator };
}

export const addTotals = (...all: readonly ExplainTotalsDto[]): ExplainTotalsDto => ({
  items: all.reduce((n, t) => n + t.items, 0), costsPoints: all.reduce((n, t) => n + t.costsPoints, 0),
  inNumerator: all.reduce((n, t) => n + t.inNumerator, 0), inDenominator: all.reduce((n, t) => n + t.inDenominator, 0),
});
