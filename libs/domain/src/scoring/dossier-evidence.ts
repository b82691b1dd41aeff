import type { DossierFacts } from '../dossier/dossier-facts';
import type { Period } from '../time/periods';

/** Whether an instant lies in the evaluated span [period start, t). */
export type SpanTest = (instant: number | undefined) => boolean;

/** The evaluated span [period.start, t): what every criterion's "in the period" means (t = evaluationInstant). */
export const spanTest = (period: Period, t: number): SpanTest => (x) => x !== undefined && x >= period.start && x < t;

/** The facts the evidence rules below read: a rule that reads another does not compile until it is added here. */
export type EvidenceFacts = Pick<DossierFacts, 'channel' | 'receivedAt' | 'onlinePaymentsAt' | 'feeDataAt' | 'populationDataAt'>;

/**
 * Just those facts, in one shape (every field present): a caller asking the rules of one dossier in
 * many periods (the tallies) reads them once, where reading them from the folded facts — of many
 * shapes, absent fields the dearest — cost more than the rules themselves.
 */
export const evidenceFactsOf = (d: DossierFacts): EvidenceFacts => ({
  channel: d.channel, receivedAt: d.receivedAt, onlinePaymentsAt: d.onlinePaymentsAt, feeDataAt: d.feeDataAt, populationDataAt: d.populationDataAt,
}) satisfies Record<keyof EvidenceFacts, unknown>;

/**
 * What makes a dossier evidence for its procedure in the procedure-counted criteria that look at
 * dossiers (7, 9, 10, 17): a procedure is counted when any one dossier of its code is evidence (10
 * also by the catalogue's declaration, per rule set). The calculators and the tallies both ask
 * this, so the three agree by construction; explain keeps, per dossier, from when it is evidence
 * (evidenceFrom) and judges a procedure with the earliest such dossier of its code only.
 */
export const DOSSIER_EVIDENCE: Readonly<Record<7 | 9 | 10 | 17, (d: EvidenceFacts, inSpan: SpanTest) => boolean>> = {
  7: (d, inSpan) => d.channel === 'online' && inSpan(d.receivedAt),
  9: (d, inSpan) => (d.onlinePaymentsAt ?? []).some((at) => inSpan(at)),
  10: (d, inSpan) => inSpan(d.feeDataAt),
  17: (d, inSpan) => inSpan(d.receivedAt) && d.populationDataAt !== undefined,
};

export const isEvidenceCriterion = (criterion: number): criterion is keyof typeof DOSSIER_EVIDENCE => criterion in DOSSIER_EVIDENCE;

/** Every instant a dossier's facts hold (their numbers, nested in arrays and records). */
function instantsOf(value: unknown, into: number[]): number[] {
  if (typeof value === 'number') into.push(value);
  else if (Array.isArray(value)) for (const v of value) instantsOf(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) instantsOf(v, into);
  return into;
}

/**
 * The earliest evaluation instant t (period.start < t ≤ period.end) at which the dossier is evidence
 * for `criterion`, or null when it is not even at the period's end. The evidence only grows with t
 * (an instant enters the span [start, t) and stays), so it holds at every later t; it can only begin
 * just after one of the dossier's own instants, so those are the candidates, tried in order.
 */
export function evidenceFrom(criterion: keyof typeof DOSSIER_EVIDENCE, d: DossierFacts, period: Period): number | null {
  const evidence = DOSSIER_EVIDENCE[criterion];
  if (!evidence(d, spanTest(period, period.end))) return null;
  const candidates = [...new Set(instantsOf(d, []).map((x) => x + 1).filter((t) => t > period.start && t < period.end))].sort((a, b) => a - b);
  for (const t of candidates) if (evidence(d, spanTest(period, t))) return t;
  return period.end;
}
