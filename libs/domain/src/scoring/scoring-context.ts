import { completedAt, type DossierFacts, feeTotalOf, processingStartOf } from '../dossier/dossier-facts';
import type { PetitionFacts } from '../petition/petition-facts';
import { isActiveAt, type ProcedureFacts } from '../procedure/procedure-facts';
import { criterionRule } from '../rules/check-rule-set';
import type { CriterionRule } from '../rules/rule-set';
import { valueAt } from '../time/dated-value';
import { evaluationInstant } from '../time/periods';
import type { UnitFacts } from '../units/unit-facts';
import { spanTest } from './dossier-evidence';
import type { ScoringInput } from './figures';

/**
 * What several criteria select from the same facts, computed once per scoring input.
 * The evaluated span is [period.start, t) with t = min(period end, asOf): an open month is judged
 * up to now. Point-in-time values (catalogue attributes, competence) are read at t − 1, the last
 * instant inside the span.
 */
export interface ScoringContext {
  readonly input: ScoringInput;
  /** Exclusive end of the evaluated span. */
  readonly t: number;
  /** Last instant inside the span, for point-in-time values. */
  readonly last: number;
  inSpan(instant: number | undefined): boolean;
  readonly dossiers: readonly DossierFacts[];
  /** Dossiers received in the span (most dossier criteria). */
  readonly received: readonly DossierFacts[];
  readonly procedures: readonly ProcedureFacts[];
  /** Procedures under the unit's authority at `last`. */
  readonly activeProcedures: readonly ProcedureFacts[];
  readonly petitions: readonly PetitionFacts[];
  readonly units: readonly UnitFacts[];
  dossiersOf(procedureCode: string): readonly DossierFacts[];
  resultIsDocument(procedureCode: string | undefined): boolean;
  /** Fee-bearing procedures at `last`. */
  readonly feeBearingProcedures: readonly ProcedureFacts[];
  /** Dossiers with a non-zero fee whose processing started in the span (criterion 11). */
  readonly feeDossiers: readonly DossierFacts[];
  /** DOMAIN.md §4: no fee-bearing procedure and no dossier with a fee → payment criteria N/A. */
  readonly hasFees: boolean;
  rule(id: number): CriterionRule;
}

const contexts = new WeakMap<ScoringInput, ScoringContext>();

export function scoringContext(input: ScoringInput): ScoringContext {
  const cached = contexts.get(input);
  if (cached) return cached;
  const { subjects, period, ruleSet } = input;
  const t = evaluationInstant(period, input.asOf);
  const last = t - 1;
  const inSpan = spanTest(period, t);
  const dossiers = subjects.dossiers;
  const procedures = subjects.procedures ?? [];
  const byProcedure = new Map<string, DossierFacts[]>();
  for (const d of dossiers) {
    if (d.procedureCode === undefined) continue;
    const list = byProcedure.get(d.procedureCode);
    if (list) list.push(d);
    else byProcedure.set(d.procedureCode, [d]);
  }
  const procedureByCode = new Map(procedures.map((p) => [p.procedureCode, p]));
  const activeProcedures = procedures.filter((p) => isActiveAt(p, last));
  const feeBearingProcedures = activeProcedures.filter((p) => valueAt(p.feeBearing, last, false));
  const feeDossiers = dossiers.filter((d) => d.receivedAt !== undefined && inSpan(processingStartOf(d)) && feeTotalOf(d) > 0);
  const context: ScoringContext = {
    input,
    t,
    last,
    inSpan,
    dossiers,
    received: dossiers.filter((d) => inSpan(d.receivedAt)),
    procedures,
    activeProcedures,
    petitions: subjects.petitions ?? [],
    units: subjects.units ?? [],
    dossiersOf: (code) => byProcedure.get(code) ?? [],
    resultIsDocument: (code) =>
      (code === undefined ? undefined : procedureByCode.get(code)?.resultIsDocument) ?? ruleSet.procedure.resultIsDocumentByDefault,
    feeBearingProcedures,
    feeDossiers,
    hasFees: feeBearingProcedures.length > 0 || feeDossiers.length > 0,
    rule: (id) => criterionRule(ruleSet, id),
  };
  contexts.set(input, context);
  return context;
}

/** Completed with a result in the span (criterion 12). */
export function completedIn(ctx: ScoringContext, d: DossierFacts): boolean {
  return ctx.inSpan(completedAt(d));
}
