import { type DossierFacts, evidenceFrom, isEvidenceCriterion, joinCodeOf, joinedKindOf, type Period, type SubjectOfAnyKind } from '@idx/domain';
import type { PoolSubject } from './explain-rows';
import { type ChangedSubject, inWindowSql, isoSpan, type RawRunner } from './pool-subjects';

/**
 * The joined criteria's deltas (docs/explain-paging.md, "Joined criteria"): 7, 9, 10, 17 judge a
 * procedure by its dossiers and 12, 13 a dossier by its procedure, joined by procedure code (the
 * domain's joinCodeOf). A change to a subject of the other kind moves only the rows of its code —
 * for a dossier, the code it was last judged under (explain_links: a later `received` may move it)
 * and the one it has now — so only those are judged again, each with the other kind's subjects of
 * its code, never the whole pool. A procedure of 7, 9, 10, 17 is judged with only the dossier of its
 * code whose evidence begins earliest (the domain's evidenceFrom, kept per link): the same judgement
 * at any instant, without loading a heavy procedure's tens of thousands of dossiers.
 */

/** A changed dossier's link as it is now: its procedure code (undefined: outside the period or none, the link dropped) and when its evidence begins (7, 9, 10, 17). */
export interface LinkMove {
  readonly key: string;
  readonly to: string | undefined;
  readonly evidenceFrom: number | null;
}

/** What a joined delta must read: the counted subjects to judge again and the other kind's subjects to judge with, by code. */
export interface JoinRequest {
  /** Codes whose counted subjects are all judged again (a subject of the other kind of that code changed). */
  readonly rejudge: readonly string[];
  /** Codes whose subjects of the other kind every judged subject is judged with. */
  readonly partners: readonly string[];
}

/** A counted subject to judge again, with its current row in the set if it has one. */
export interface RejudgedSubject extends ChangedSubject {
  readonly row: { rank: 0 | 1 | 2; in_numerator: boolean; in_denominator: boolean; timed: boolean; item: string } | null;
}

export interface JoinedSubjects {
  readonly rejudged: readonly RejudgedSubject[];
  readonly partners: readonly PoolSubject[];
}

/** A subject as the delta sees it: its kind, key, facts, whether it can count in the period, and (a dossier) the code it is linked under. */
interface Joinable {
  readonly kind: string; readonly key: string; readonly facts: unknown; readonly inWindow: boolean;
  /** A changed dossier's link as read (changesSql): [code, evidence from]; null or absent: none. */
  readonly link?: readonly [string, number | null] | null;
}

const codeNow = (s: Joinable): string | undefined => (s.inWindow ? joinCodeOf(s.facts as SubjectOfAnyKind) : undefined);

/** When a dossier's evidence for its procedure begins, for the criteria that keep it (7, 9, 10, 17); null otherwise. */
export function evidenceOf(criterion: number, facts: unknown, period: Period): number | null {
  return isEvidenceCriterion(criterion) ? evidenceFrom(criterion, facts as DossierFacts, period) : null;
}

/** The link of each changed dossier that moves: to its code and evidence now, or dropped (outside the period, no code). */
export function linkMoves(criterion: number, period: Period, changed: readonly Joinable[]): LinkMove[] {
  return changed.flatMap((s) => {
    if (s.kind !== 'dossier') return [];
    const to = codeNow(s);
    const evidence = to === undefined ? null : evidenceOf(criterion, s.facts, period);
    return s.link?.[0] === to && (s.link?.[1] ?? null) === evidence ? [] : [{ key: s.key, to, evidenceFrom: evidence }];
  });
}

/**
 * The codes a joined delta reads: those of each changed subject of the other kind (a dossier's old and
 * new code) have all their counted subjects judged again; every judged subject (`judged`: the changed and
 * time-dependent ones of the counted kind) is judged with the other kind's subjects of its code.
 */
export function joinRequestOf(judged: readonly Joinable[], otherChanged: readonly Joinable[]): JoinRequest {
  const rejudge = new Set<string>();
  for (const s of otherChanged) {
    for (const code of [s.link?.[0], codeNow(s)]) if (code !== undefined) rejudge.add(code);
  }
  const partners = new Set(rejudge);
  for (const s of judged) {
    const code = joinCodeOf(s.facts as SubjectOfAnyKind);
    if (code !== undefined) partners.add(code);
  }
  return { rejudge: [...rejudge].sort(), partners: [...partners].sort() };
}

const FACTS = `f.kind, f.key, f.facts, f.last_position::text AS "lastPosition", ${inWindowSql('$3', '$4')} AS "inWindow"`;

/**
 * The dossiers the set links under the codes $5 ($1 set, $3/$4 the period's bounds): by explain_links_code,
 * then their facts by primary key. Only the set's current links: a dossier changed after its position is
 * in the delta itself.
 */
const linkedDossiers = (codes: string, extra: string) => `
  SELECT ${FACTS}${extra}
  FROM explain_links l JOIN subject_facts f ON f.kind = 'dossier' AND f.key = l.subject_key
  WHERE l.set_id = $1 AND l.join_code = ANY(${codes}::text[])`;

/**
 * For each code of $6, its linked dossier whose evidence begins earliest, other than the changed
 * dossiers $8 (they are judged as they are now): one probe of explain_links_evidence per code.
 */
const earliestEvidence = `
  SELECT ${FACTS}
  FROM unnest($6::text[]) AS c(code)
  CROSS JOIN LATERAL (SELECT subject_key FROM explain_links
                      WHERE set_id = $1 AND join_code = c.code AND evidence_from IS NOT NULL AND NOT (subject_key = ANY($8::text[]))
                      ORDER BY evidence_from LIMIT 1) l
  JOIN subject_facts f ON f.kind = 'dossier' AND f.key = l.subject_key`;

/** The pool's procedures ($2 members) of the codes given (subject_facts_catalogue: a pool's catalogue is small). */
const poolProcedures = (codes: string, extra: string) => `
  SELECT ${FACTS}${extra}
  FROM subject_facts f
  WHERE f.kind = 'procedure' AND f.unit_code = ANY($2::text[]) AND f.facts->>'procedureCode' = ANY(${codes}::text[])`;

/** A judged subject's current row (explain_rows_current), as json. */
const CURRENT_ROW = `, (SELECT json_build_object('rank', r.rank, 'in_numerator', r.in_numerator, 'in_denominator', r.in_denominator, 'timed', r.timed, 'item', r.item::text)
                      FROM explain_rows r WHERE r.set_id = $1 AND r.to_list IS NULL AND r.subject_key = f.key LIMIT 1) AS row`;

/**
 * One statement: the counted subjects of the `rejudge` codes with their current rows (at most
 * `limit`: past it the delta is rebuilt whole) and the other kind's subjects of the `partners` codes
 * that can count in the period: for 7, 9, 10, 17 the earliest-evidence dossier of each code (other
 * than the changed ones, `changedDossiers`), for 12, 13 the pool's procedures of those codes.
 */
export async function loadJoined(
  db: RawRunner, set: { readonly id: bigint; readonly members: readonly string[]; readonly criterion: number }, period: Period, request: JoinRequest,
  changedDossiers: readonly string[], limit: number,
): Promise<JoinedSubjects> {
  const dossiersJoined = joinedKindOf(set.criterion) === 'dossier';
  const rejudgedSql = dossiersJoined ? poolProcedures('$5', CURRENT_ROW) : linkedDossiers('$5', CURRENT_ROW);
  const partnersSql = dossiersJoined ? earliestEvidence : poolProcedures('$6', '');
  const [row] = await db.$queryRawUnsafe<{ rejudged: (Omit<RejudgedSubject, 'lastPosition'> & { lastPosition: string })[]; partners: (PoolSubject & { inWindow: boolean })[] }[]>(
    `SELECT (SELECT coalesce(json_agg(x), '[]'::json) FROM (${rejudgedSql} LIMIT $7) x) AS rejudged,
            (SELECT coalesce(json_agg(x), '[]'::json) FROM (${partnersSql}) x) AS partners`,
    set.id, set.members, ...isoSpan(period), request.rejudge, request.partners, limit, ...(dossiersJoined ? [changedDossiers] : []),
  );
  return {
    rejudged: (row?.rejudged ?? []).map((s) => ({ ...s, lastPosition: BigInt(s.lastPosition) })),
    partners: (row?.partners ?? []).filter((s) => s.inWindow).map(({ kind, key, facts }) => ({ kind, key, facts })),
  };
}

/** A link as written: [dossier key, procedure code, evidence from (epoch ms) or null]. */
export type LinkRow = readonly [string, string, number | null];

/** The links of a set just built: each dossier among its subjects (all can count in the period) with a procedure code. */
export function linksOf(criterion: number, period: Period, subjects: readonly PoolSubject[]): LinkRow[] {
  return subjects.flatMap((s): LinkRow[] => {
    const code = s.kind === 'dossier' ? joinCodeOf(s.facts as SubjectOfAnyKind) : undefined;
    return code === undefined ? [] : [[s.key, code, evidenceOf(criterion, s.facts, period)]];
  });
}

/**
 * The link moves of a delta, as CTEs of its compare-and-set statement, run only if the set's row was
 * updated (`guard`: a CTE that returns a row then): dropped links deleted, moved ones upserted (two
 * disjoint sets of keys: no row is touched twice by one statement). `drops`/`upserts` name the
 * parameters (text[] of keys; a JSON document of [key, code] pairs).
 */
export const moveLinksSql = (set: string, guard: string, drops: string, upserts: string) => `
  ld AS (DELETE FROM explain_links WHERE set_id = ${set} AND subject_key = ANY(${drops}::text[]) AND EXISTS (SELECT 1 FROM ${guard}) RETURNING 1),
  li AS (INSERT INTO explain_links (set_id, subject_key, join_code, evidence_from)
         SELECT ${set}, e->>0, e->>1, (e->>2)::bigint FROM json_array_elements(${upserts}::json) AS e WHERE EXISTS (SELECT 1 FROM ${guard})
         ON CONFLICT (set_id, subject_key) DO UPDATE SET join_code = EXCLUDED.join_code, evidence_from = EXCLUDED.evidence_from RETURNING 1)`;

/** The parameters of moveLinksSql for these moves. */
export function linkParams(moves: readonly LinkMove[]): [string[], string] {
  return [moves.filter((m) => m.to === undefined).map((m) => m.key), JSON.stringify(moves.flatMap((m) => (m.to === undefined ? [] : [[m.key, m.to, m.evidenceFrom]])))];
}
