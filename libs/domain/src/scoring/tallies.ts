import { completedAt, type DossierFacts, endOf, feeTotalOf, paidOnline, processingStartOf } from '../dossier/dossier-facts';
import { isOnTime, judgedAtEnd } from '../dossier/on-time';
import { isPetitionOnTime, roundDueAt } from '../petition/petition-on-time';
import type { PetitionFacts, PetitionRound } from '../petition/petition-facts';
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
import { DOSSIER_EVIDENCE, type EvidenceFacts, evidenceFactsOf, spanTest } from './dossier-evidence';
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

/*
 * One subject adds at most 1 to each counter in a period, so its counts there are a set of counters,
 * kept as a bit mask while they are computed: no object per period, and the tallies are moved only
 * once the whole set is known (a rule that throws leaves them as they were). The bit order is the
 * order the counters are tested in, which is also the order a new bucket's keys are written in.
 */
const DOSSIER_COUNTERS = [
  'received', 'synced', 'online', 'digitised', 'digitisedDoc', 'reused', 'citizenStore', 'populationData', 'c21n', 'e7', 'e17',
  'syncedInSpan', 'c5d', 'c5n', 'c11d', 'c11n', 'completed', 'completedEResult', 'e9', 'e10',
] as const satisfies readonly DossierCounter[];
// Every counter has a bit (a counter added to the type and not here fails to compile).
const everyDossierCounter: Exclude<DossierCounter, (typeof DOSSIER_COUNTERS)[number]> extends never ? true : never = true;
void everyDossierCounter;
const PETITION_COUNTERS = ['c19d', 'c19n', 'c20n'] as const satisfies readonly PetitionCounter[];

const bitsOf = <K extends string>(names: readonly K[]): Readonly<Record<K, number>> =>
  Object.fromEntries(names.map((name, i) => [name, 2 ** i])) as Record<K, number>;
const D = bitsOf(DOSSIER_COUNTERS);
const P = bitsOf(PETITION_COUNTERS);

/** The bit of `counter` when `yes`. */
const bit = (yes: boolean, counter: number): number => (yes ? counter : 0);

function countsOfMask<K extends string>(names: readonly K[], mask: number): Counts<K> {
  const c: Counts<K> = {};
  for (let i = 0; i < names.length; i++) if (mask & (2 ** i)) c[names[i]] = 1;
  return c;
}

/**
 * Adds `sign` to each counter of the mask, dropping those that reach 0 (so equal tallies are equal
 * JSON); answers whether one was dropped.
 */
function addMask(into: Record<string, number | undefined>, names: readonly string[], mask: number, sign: 1 | -1): boolean {
  let dropped = false;
  for (let rest = mask; rest !== 0; ) {
    const low = rest & -rest;
    rest ^= low;
    const name = names[31 - Math.clz32(low)];
    const next = (into[name] ?? 0) + sign;
    if (next === 0) {
      delete into[name];
      dropped = true;
    } else into[name] = next;
  }
  return dropped;
}

const isEmpty = (o: object): boolean => {
  for (const _ in o) return false;
  return true;
};

/**
 * One subject's contribution, made ready once for every period it is counted in (a rebuild adds a
 * dossier to its month, quarter, half and year, and more when it spans months): what does not
 * depend on the period is read once, and the on-time judgement is asked once per instant it is
 * judged at. `addTo` moves one period's tallies exactly as the rules below say for that period.
 */
export interface SubjectContribution {
  /** Adds (sign 1) or removes (sign -1) the subject's counts in `period` judged at `asOf`; one that throws changes nothing. */
  addTo(tallies: Tallies, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void;
  /** The same counts into running sums (TallySums). */
  addToSums(sums: TallySums, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void;
}

const NO_CONTRIBUTION: SubjectContribution = { addTo: () => undefined, addToSums: () => undefined };

/**
 * A unit-period's tallies kept as one array of counters per bucket while many subjects are added
 * and taken out (a rebuild's running sums): a contribution moves numbers at known places instead
 * of an object's named properties (a third of its cost). `tallies()` writes them as Tallies, a
 * counter at 0 and a bucket with none left out: the JSON a row stores, equal to what addSubject
 * would have kept.
 */
export class TallySums {
  private readonly dossiers = new Map<string, Float64Array>();
  private readonly petitions = new Float64Array(PETITION_COUNTERS.length);

  /** Adds `sign` to the counters of a dossier's mask (DossierContribution) in its bucket. */
  addDossier(bucket: string, mask: number, sign: 1 | -1): void {
    let counts = this.dossiers.get(bucket);
    if (counts === undefined) this.dossiers.set(bucket, (counts = new Float64Array(DOSSIER_COUNTERS.length)));
    addMaskAt(counts, mask, sign);
  }

  /** Adds `sign` to the counters of a petition's mask (PetitionContribution). */
  addPetition(mask: number, sign: 1 | -1): void {
    addMaskAt(this.petitions, mask, sign);
  }

  tallies(): Tallies {
    const dossiers: Record<string, Counts<DossierCounter>> = {};
    for (const [bucket, counts] of this.dossiers) {
      const c = countsOf(DOSSIER_COUNTERS, counts);
      if (c !== undefined) dossiers[bucket] = c;
    }
    return { dossiers, petitions: countsOf(PETITION_COUNTERS, this.petitions) ?? {} };
  }
}

function addMaskAt(counts: Float64Array, mask: number, sign: 1 | -1): void {
  for (let rest = mask; rest !== 0; ) {
    const low = rest & -rest;
    rest ^= low;
    counts[31 - Math.clz32(low)] += sign;
  }
}

/** The counters that are not 0, by name; undefined when none is. */
function countsOf<K extends string>(names: readonly K[], counts: Float64Array): Counts<K> | undefined {
  let c: Counts<K> | undefined;
  for (let i = 0; i < names.length; i++) {
    if (counts[i] === 0) continue;
    c ??= {};
    c[names[i]] = counts[i];
  }
  return c;
}

/** The contribution of a dossier or petition (another kind contributes nothing). */
export function subjectContribution(subject: { kind: string; facts: unknown }): SubjectContribution {
  if (subject.kind === 'dossier') return new DossierContribution(subject.facts as DossierFacts);
  if (subject.kind === 'petition') return new PetitionContribution(subject.facts as PetitionFacts);
  return NO_CONTRIBUTION;
}

class DossierContribution implements SubjectContribution {
  private readonly bucket: string;
  // The facts every period reads, read once (the facts' shapes vary: each read of them costs).
  private readonly received: number | undefined;
  private readonly synced: number | undefined;
  private readonly eResult: number | undefined;
  private readonly evidence: EvidenceFacts;
  private readonly completed: number | undefined;
  private readonly end: number | undefined;
  private readonly processingStart: number | undefined;
  /** What a dossier received in the span counts in any period (criteria 4, 8, 13, 14, 16, 18's numerators). */
  private readonly whenReceived: number;
  /** Criterion 21 asks the on-time rule only of a dossier not rated unsatisfied and without petitions. */
  private readonly c21Candidate: boolean;
  private feeBearing: boolean | undefined;
  // The last on-time judgement: the rule set and the instant the dossier was judged at (judgedAt).
  private onTimeRules: RuleSet | undefined;
  private onTimeJudgedAt = 0;
  private onTimeAnswer = false;

  constructor(private readonly d: DossierFacts) {
    this.bucket = procedureBucket(d.procedureCode);
    this.received = d.receivedAt;
    this.synced = d.syncedAt;
    this.eResult = d.eResultAt;
    this.evidence = evidenceFactsOf(d);
    this.completed = completedAt(d);
    this.end = endOf(d);
    this.processingStart = processingStartOf(d);
    const digitised = d.digitisedAt !== undefined;
    this.whenReceived = D.received
      | bit(this.synced !== undefined, D.synced)
      | bit(d.channel === 'online', D.online)
      | bit(digitised, D.digitised)
      | bit(digitised && (this.completed === undefined || this.eResult !== undefined), D.digitisedDoc)
      | bit(d.reusedAt !== undefined, D.reused)
      | bit(d.citizenStoreAt !== undefined, D.citizenStore)
      | bit(d.populationDataAt !== undefined, D.populationData);
    this.c21Candidate = d.rating?.level !== 'unsatisfied' && (d.petitionCodes?.length ?? 0) === 0;
  }

  addTo(tallies: Tallies, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
    const mask = this.mask(period, evaluationInstant(period, asOf), ruleSet);
    if (mask === 0) return;
    const buckets = tallies.dossiers as Record<string, Record<string, number>>;
    let bucket = buckets[this.bucket];
    if (bucket === undefined) buckets[this.bucket] = bucket = {};
    if (addMask(bucket, DOSSIER_COUNTERS, mask, sign) && isEmpty(bucket)) delete buckets[this.bucket];
  }

  addToSums(sums: TallySums, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
    const mask = this.mask(period, evaluationInstant(period, asOf), ruleSet);
    if (mask !== 0) sums.addDossier(this.bucket, mask, sign);
  }

  /** The dossier's counters in the period judged at t (the criteria's own selections, DOMAIN.md §2). */
  mask(period: Period, t: number, ruleSet: RuleSet): number {
    const d = this.d;
    const received = this.received;
    const inSpan = spanTest(period, t);
    let m = 0;
    if (inSpan(received)) {
      m |= this.whenReceived;
      m |= bit(this.c21Candidate && this.onTime(t, ruleSet), D.c21n);
      m |= bit(DOSSIER_EVIDENCE[7](this.evidence, inSpan), D.e7);
      m |= bit(DOSSIER_EVIDENCE[17](this.evidence, inSpan), D.e17);
    }
    m |= bit(received !== undefined && inSpan(this.synced), D.syncedInSpan);
    // Criterion 5: received by the evaluation instant, not ended before the period.
    if (received !== undefined && received < t && !(this.end !== undefined && this.end < period.start)) {
      m |= D.c5d;
      m |= bit(this.onTime(t, ruleSet), D.c5n);
    }
    if (received !== undefined && inSpan(this.processingStart) && (this.feeBearing ??= feeTotalOf(d) > 0)) {
      m |= D.c11d;
      m |= bit(paidOnline(d), D.c11n);
    }
    if (inSpan(this.completed)) {
      m |= D.completed;
      m |= bit(this.eResult !== undefined, D.completedEResult);
    }
    m |= bit(DOSSIER_EVIDENCE[9](this.evidence, inSpan), D.e9);
    m |= bit(DOSSIER_EVIDENCE[10](this.evidence, inSpan), D.e10);
    return m;
  }

  /**
   * isOnTime(d, t): it judges the dossier at judgedAt(d, t) (its end once it has ended), so periods
   * judging it at the same instant share one answer — every period ending after a finished dossier
   * did. An answer that throws is not kept.
   */
  private onTime(t: number, ruleSet: RuleSet): boolean {
    const at = judgedAtEnd(this.end, t).t;
    if (this.onTimeRules !== ruleSet || this.onTimeJudgedAt !== at) {
      const answer = isOnTime(this.d, at, ruleSet);
      this.onTimeRules = ruleSet;
      this.onTimeJudgedAt = at;
      this.onTimeAnswer = answer;
    }
    return this.onTimeAnswer;
  }
}

class PetitionContribution implements SubjectContribution {
  // Each round's deadline under the last rule set asked: it does not depend on the period.
  private dueRules: RuleSet | undefined;
  private dues = new Map<PetitionRound, number>();
  private readonly dueOf = (round: PetitionRound, rules: RuleSet): number => {
    if (rules !== this.dueRules) {
      this.dueRules = rules;
      this.dues = new Map();
    }
    let due = this.dues.get(round);
    if (due === undefined) this.dues.set(round, (due = roundDueAt(round, rules)));
    return due;
  };

  constructor(private readonly p: PetitionFacts) {}

  addTo(tallies: Tallies, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
    const mask = this.mask(period, evaluationInstant(period, asOf), ruleSet);
    if (mask !== 0) addMask(tallies.petitions as Record<string, number>, PETITION_COUNTERS, mask, sign);
  }

  addToSums(sums: TallySums, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
    const mask = this.mask(period, evaluationInstant(period, asOf), ruleSet);
    if (mask !== 0) sums.addPetition(mask, sign);
  }

  /** The petition's counters in the period judged at t (criteria 19, 20). */
  mask(period: Period, t: number, ruleSet: RuleSet): number {
    const p = this.p;
    if (!(p.withinCompetence && p.receivedAt !== undefined && p.receivedAt >= period.start && p.receivedAt < t)) return 0;
    const onTime = isPetitionOnTime(p, t, ruleSet, this.dueOf);
    return P.c19d | bit(onTime, P.c19n) | bit(p.rating?.level !== 'unsatisfied' && onTime, P.c20n);
  }
}

/** One dossier's counts in a period judged at `asOf`, by name (the mask written out: for a reader, a test, a log). */
export function dossierCounts(d: DossierFacts, period: Period, asOf: number, ruleSet: RuleSet): Counts<DossierCounter> {
  return countsOfMask(DOSSIER_COUNTERS, new DossierContribution(d).mask(period, evaluationInstant(period, asOf), ruleSet));
}

/** One petition's counts (criteria 19, 20). */
export function petitionCounts(p: PetitionFacts, period: Period, asOf: number, ruleSet: RuleSet): Counts<PetitionCounter> {
  return countsOfMask(PETITION_COUNTERS, new PetitionContribution(p).mask(period, evaluationInstant(period, asOf), ruleSet));
}

/** Adds (sign 1) or removes (sign -1) one subject's contribution to one period (for several, make its subjectContribution once). */
export function addSubject(tallies: Tallies, subject: { kind: string; facts: unknown }, period: Period, asOf: number, ruleSet: RuleSet, sign: 1 | -1): void {
  subjectContribution(subject).addTo(tallies, period, asOf, ruleSet, sign);
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
