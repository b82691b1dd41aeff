import { completedAt, type DossierFacts, endOf, feeTotalOf, paidOnline, processingStartOf } from '../dossier/dossier-facts';
import { isOnTime } from '../dossier/on-time';
import { isPetitionOnTime } from '../petition/petition-on-time';
import type { PetitionFacts } from '../petition/petition-facts';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import type { RuleSet } from '../rules/rule-set';
import { valueAt } from '../time/dated-value';
import { evaluationInstant, type Period } from '../time/periods';
import type { UnitFacts } from '../units/unit-facts';
import { CRITERION_IDS } from './calculators';
import { isOnlineAt } from './criterion-06-online-services';
import { criterion01AnnouncedOnTime } from './criterion-01-announced-on-time';
import { criterion02PublishedOnTime } from './criterion-02-published-on-time';
import { criterion03PublishedInFull } from './criterion-03-published-in-full';
import { criterion06OnlineServices } from './criterion-06-online-services';
import { criterion15ECertifiedCopies } from './criterion-15-e-certified-copies';
import { DOSSIER_EVIDENCE, spanTest } from './dossier-evidence';
import { type Figure, figure } from './figures';
import { withFeeApplicability } from './payment-applicability';
import { scoringContext } from './scoring-context';

/**
 * Tallies: a unit-period's dossier and petition counts kept as sums over subjects, so one changed
 * subject moves them by its own contribution (old subtracted, new added) instead of every subject
 * of the unit being read again (docs/projection-tallies.md).
 *
 * Every criterion is a sum over subjects except where it joins a procedure with its dossiers
 * (7, 9, 10, 17: "≥ 1 dossier of the procedure…"; 12, 13: the procedure says whether its result is
 * a document; 9–11: N/A when the unit has no fee at all) and criterion 4's fallback numerator
 * (counted only when nothing was received). Those are kept per procedure code as counts that do not
 * depend on the procedure's facts (both document variants of 12 and 13, the number of evidence
 * dossiers of 7, 9, 10, 17), and joined with the unit's procedures when the figures are made:
 * the procedure catalogue (and the unit's own facts, criterion 15) is small and read whole.
 */

/** Counter names of one dossier's contribution (absent = 0). */
export type DossierCounter =
  | 'received' // criteria 4, 8, 13, 14, 16, 18, 21 denominator
  | 'synced' // 4: received and synced
  | 'syncedInSpan' // 4: synced in the span whenever received (the fallback numerator)
  | 'c5d' | 'c5n'
  | 'online' // 8: received online
  | 'c11d' | 'c11n'
  | 'completed' | 'completedEResult' // 12, when the procedure's result is a document
  | 'digitisedDoc' | 'digitised' // 13 numerator when the result is a document / when it is not
  | 'reused' | 'citizenStore' | 'populationData' // 14, 16, 18
  | 'c21n'
  | 'e7' | 'e9' | 'e10' | 'e17'; // evidence dossiers of the procedure for 7, 9, 10, 17

export type PetitionCounter = 'c19d' | 'c19n' | 'c20n';

export type Counts<K extends string> = Partial<Record<K, number>>;

/** A unit-period's tallies: dossier counts per procedure bucket, petition counts. */
export interface Tallies {
  /** Bucket key (procedureBucket) → counts. */
  readonly dossiers: Record<string, Counts<DossierCounter>>;
  readonly petitions: Counts<PetitionCounter>;
}

/** A dossier's procedure bucket: a code of its own, or none (a dossier with no procedure code). */
export const procedureBucket = (code: string | undefined): string => (code === undefined ? '~' : `=${code}`);
const bucketCode = (bucket: string): string | undefined => (bucket === '~' ? undefined : bucket.slice(1));

export const emptyTallies = (): Tallies => ({ dossiers: {}, petitions: {} });

function count<K extends string>(c: Counts<K>, key: K, yes: boolean): void {
  if (yes) c[key] = (c[key] ?? 0) + 1;
}

/** One dossier's counts in a period judged at `asOf` (the criteria's own selections, DOMAIN.md §2). */
export function dossierCounts(d: DossierFacts, period: Period, asOf: number, ruleSet: RuleSet): Counts<DossierCounter> {
  const t = evaluationInstant(period, asOf);
  const inSpan = spanTest(period, t);
  const c: Counts<DossierCounter> = {};
  const received = inSpan(d.receivedAt);
  if (received) {
    count(c, 'received', true);
    count(c, 'synced', d.syncedAt !== undefined);
    count(c, 'online', d.channel === 'online');
    const digitised = d.digitisedAt !== undefined;
    count(c, 'digitised', digitised);
    count(c, 'digitisedDoc', digitised && (completedAt(d) === undefined || d.eResultAt !== undefined));
    count(c, 'reused', d.reusedAt !== undefined);
    count(c, 'citizenStore', d.citizenStoreAt !== undefined);
    count(c, 'populationData', d.populationDataAt !== undefined);
    count(c, 'c21n', d.rating?.level !== 'unsatisfied' && (d.petitionCodes?.length ?? 0) === 0 && isOnTime(d, t, ruleSet));
    count(c, 'e7', DOSSIER_EVIDENCE[7](d, inSpan));
    count(c, 'e17', DOSSIER_EVIDENCE[17](d, inSpan));
  }
  count(c, 'syncedInSpan', d.receivedAt !== undefined && inSpan(d.syncedAt));
  // Criterion 5: received by the evaluation instant, not ended before the period.
  if (d.receivedAt !== undefined && d.receivedAt < t) {
    const end = endOf(d);
    if (!(end !== undefined && end < period.start)) {
      count(c, 'c5d', true);
      count(c, 'c5n', isOnTime(d, t, ruleSet));
    }
  }
  if (d.receivedAt !== undefined && inSpan(processingStartOf(d)) && feeTotalOf(d) > 0) {
    count(c, 'c11d', true);
    count(c, 'c11n', paidOnline(d));
  }
  if (inSpan(completedAt(d))) {
    count(c, 'completed', true);
    count(c, 'completedEResult', d.eResultAt !== undefined);
  }
  count(c, 'e9', DOSSIER_EVIDENCE[9](d, inSpan));
  count(c, 'e10', DOSSIER_EVIDENCE[10](d, inSpan));
  return c;
}

/** One petition's counts (criteria 19, 20). */
export function petitionCounts(p: PetitionFacts, period: Period, asOf: number, ruleSet: RuleSet): Counts<PetitionCounter> {
  const t = evaluationInstant(period, asOf);
  const c: Counts<PetitionCounter> = {};
  if (!(p.withinCompetence && p.receivedAt !== undefined && p.receivedAt >= period.start && p.receivedAt < t)) return c;
  const onTime = isPetitionOnTime(p, t, ruleSet);
  count(c, 'c19d', true);
  count(c, 'c19n', onTime);
  count(c, 'c20n', p.rating?.level !== 'unsatisfied' && onTime);
  return c;
}

/** Adds `sign` × counts into `into`, dropping counters that reach 0 (so equal tallies are equal JSON). */
export function addCounts<K extends string>(into: Counts<K>, counts: Counts<K>, sign: 1 | -1): void {
  for (const [k, v] of Object.entries(counts) as [K, number][]) {
    const next = (into[k] ?? 0) + sign * v;
    if (next === 0) delete into[k];
    else into[k] = next;
  }
}

/** Adds (sign 1) or removes (sign -1) one subject's contribution. */
export function addSubject(tallies: Tallies, subject: { kind: string; facts: unknown }, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
  if (subject.kind === 'dossier') {
    const d = subject.facts as DossierFacts;
    const key = procedureBucket(d.procedureCode);
    const bucket = tallies.dossiers[key] ?? {};
    addCounts(bucket, dossierCounts(d, period, asOf, ruleSet), sign);
    if (Object.keys(bucket).length === 0) delete tallies.dossiers[key];
    else tallies.dossiers[key] = bucket;
  } else if (subject.kind === 'petition') {
    addCounts(tallies.petitions, petitionCounts(subject.facts as PetitionFacts, period, asOf, ruleSet), sign);
  }
}

/** Kinds whose contributions are tallied; the others (procedures, units) are read whole at each recompute. */
export const TALLIED_KINDS: ReadonlySet<string> = new Set(['dossier', 'petition']);

/** The catalogue side of a unit-period: read whole, judged at `asOf`. */
export interface CatalogueFacts {
  readonly procedures: readonly ProcedureFacts[];
  readonly units: readonly UnitFacts[];
}

const sum = (buckets: readonly Counts<DossierCounter>[], key: DossierCounter): number => buckets.reduce((s, b) => s + (b[key] ?? 0), 0);

/**
 * A unit's own figures from its tallies and its catalogue: the same as computeFigures over every
 * subject whose contributions the tallies hold (a property test keeps them equal).
 */
export function figuresFromTallies(tallies: Tallies, catalogue: CatalogueFacts, period: Period, asOf: number, ruleSet: RuleSet): Map<number, Figure> {
  // The catalogue-only criteria (1–3, 6, 15) and what the context knows of fees and procedures.
  const input = { subjects: { dossiers: [], procedures: catalogue.procedures, units: catalogue.units }, period, asOf, ruleSet };
  const ctx = scoringContext(input);
  const buckets = Object.entries(tallies.dossiers);
  const all = buckets.map(([, c]) => c);
  const bucketOf = new Map(buckets.map(([key, c]) => [bucketCode(key), c] as const));
  const countsOf = (code: string): Counts<DossierCounter> => bucketOf.get(code) ?? {};
  const documentBuckets = buckets.filter(([key]) => ctx.resultIsDocument(bucketCode(key))).map(([, c]) => c);
  const otherBuckets = buckets.filter(([key]) => !ctx.resultIsDocument(bucketCode(key))).map(([, c]) => c);
  const c11d = sum(all, 'c11d');
  const hasFees = ctx.feeBearingProcedures.length > 0 || c11d > 0;
  const fees = (id: number, f: Figure): Figure => withFeeApplicability({ ...ctx, hasFees }, id, f);
  const procedures = (selected: (p: ProcedureFacts) => boolean, evidence: (p: ProcedureFacts) => boolean, among = ctx.activeProcedures): Figure => {
    let numerator = 0;
    let denominator = 0;
    for (const p of among) {
      if (!selected(p)) continue;
      denominator += 1;
      if (evidence(p)) numerator += 1;
    }
    return figure(numerator, denominator);
  };
  const received = sum(all, 'received');
  const petitions = tallies.petitions;
  const byId: Record<number, () => Figure> = {
    1: () => criterion01AnnouncedOnTime.compute(input),
    2: () => criterion02PublishedOnTime.compute(input),
    3: () => criterion03PublishedInFull.compute(input),
    4: () => {
      const syncedInSpan = received > 0 ? 0 : sum(all, 'syncedInSpan');
      return figure(sum(all, 'synced'), received, syncedInSpan > 0 ? { fallbackNumerator: syncedInSpan } : {});
    },
    5: () => ({ numerator: sum(all, 'c5n'), denominator: sum(all, 'c5d') }),
    6: () => criterion06OnlineServices.compute(input),
    7: () => procedures((p) => isOnlineAt(valueAt(p.onlineLevel, ctx.last, 'none')), (p) => (countsOf(p.procedureCode).e7 ?? 0) > 0),
    8: () => ({ numerator: sum(all, 'online'), denominator: received }),
    9: () => fees(9, procedures(() => true, (p) => (countsOf(p.procedureCode).e9 ?? 0) > 0, ctx.feeBearingProcedures)),
    10: () => {
      const evidence = ruleSet.procedure.paymentIntegrationEvidence;
      return fees(10, procedures(() => true, (p) => {
        const fromDossiers = () => (countsOf(p.procedureCode).e10 ?? 0) > 0;
        const declared = () => valueAt(p.paymentIntegrated, ctx.last, false);
        if (evidence === 'declared') return declared();
        if (evidence === 'either') return declared() || fromDossiers();
        return fromDossiers();
      }, ctx.feeBearingProcedures));
    },
    11: () => fees(11, figure(sum(all, 'c11n'), c11d)),
    12: () => figure(sum(documentBuckets, 'completedEResult'), sum(documentBuckets, 'completed')),
    13: () => figure(sum(documentBuckets, 'digitisedDoc') + sum(otherBuckets, 'digitised'), received),
    14: () => figure(sum(all, 'reused'), received),
    15: () => criterion15ECertifiedCopies.compute(input),
    16: () => figure(sum(all, 'citizenStore'), received),
    17: () => procedures(
      (p) => valueAt(p.citizenFacing, ctx.last, ruleSet.procedure.citizenFacingByDefault),
      (p) => (countsOf(p.procedureCode).e17 ?? 0) > 0,
    ),
    18: () => figure(sum(all, 'populationData'), received),
    19: () => figure(petitions.c19n ?? 0, petitions.c19d ?? 0),
    20: () => figure(petitions.c20n ?? 0, petitions.c19d ?? 0),
    21: () => figure(sum(all, 'c21n'), received),
  };
  // The same criteria, in the same order, as computeFigures. A new criterion needs its tally here: refused loudly, never guessed.
  const scored = new Set(ruleSet.criteria.map((c) => c.id));
  return new Map(CRITERION_IDS.filter((id) => scored.has(id)).map((id) => {
    const compute = byId[id];
    if (!compute) throw new Error(`criterion ${id} has no tally (libs/domain/src/scoring/tallies.ts)`);
    return [id, compute()];
  }));
}
