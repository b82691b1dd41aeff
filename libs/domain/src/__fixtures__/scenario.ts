/**
 * Test support: terse builders for wire-shaped domain events and a given(events) → figures fold
 * that goes through SUBJECT_PROJECTIONS exactly as the scoring service does (facts stored as JSON).
 * Times are local (Asia/Ho_Chi_Minh) without an offset: '2025-03-03T08:00'.
 */
import type {
  Channel, DomainEvent, OnlineServiceLevel, PaymentMethod, PopulationDataSource, ProcedurePart, RatingLevel, UnitLevel,
} from '../events';
import { projectionFor, groupSubjects, type StoredSubject } from '../projection/registry';
import { QD766_2022 } from '../rules/qd766-2022';
import type { RuleSet } from '../rules/rule-set';
import { computeFigures } from '../scoring/calculators';
import type { Figure, SubjectFacts } from '../scoring/figures';
import { parsePeriod } from '../time/periods';

let sequence = 0;
const nextId = (): string => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

/** Local time → ISO with offset. Accepts '2025-03-03', '2025-03-03T08:00' or a full ISO string. */
export const local = (t: string): string => {
  if (/[+-]\d{2}:\d{2}$|Z$/.test(t)) return t;
  const withTime = t.length === 10 ? `${t}T00:00:00` : t.length === 16 ? `${t}:00` : t;
  return `${withTime}+07:00`;
};
export const instant = (t: string): number => Date.parse(local(t));

function envelope(type: string, unitCode: string, at: string, subject: Record<string, string>, data: object): DomainEvent {
  return { eventId: nextId(), type, schemaVersion: 1, occurredAt: local(at), sourceSystem: 'test', unitCode, ...subject, data } as DomainEvent;
}

export function dossier(code: string, unit = 'U1') {
  const e = (type: string, at: string, data: object = {}) => envelope(`dossier.${type}`, unit, at, { dossierCode: code }, data);
  return {
    submitted: (at: string, procedureCode = 'P1', channel: Channel = 'online') => e('submitted', at, { procedureCode, channel }),
    received: (at: string, due: string, opts: { procedure?: string; channel?: Channel } = {}) =>
      e('received', at, { procedureCode: opts.procedure ?? 'P1', channel: opts.channel ?? 'in-person', dueAt: local(due) }),
    refused: (at: string) => e('refused', at),
    step: (at: string, handler: { name?: string; title?: string } = { name: 'Nguyễn Văn An', title: 'Chuyên viên' }) =>
      e('processing-step', at, { step: 'Thẩm định', ...(handler.name ? { handlerName: handler.name } : {}), ...(handler.title ? { handlerTitle: handler.title } : {}) }),
    supplementRequested: (at: string) => e('supplement-requested', at),
    supplementSupplied: (at: string, newDue?: string) => e('supplement-supplied', at, newDue ? { newDueAt: local(newDue) } : {}),
    obligation: (at: string, amount: number, obligationId?: string) =>
      e('financial-obligation', at, { ...(obligationId ? { obligationId } : {}), lines: [{ kind: 'fee', amount }] }),
    paid: (at: string, method: PaymentMethod) => e('fee-paid', at, { method }),
    withdrawn: (at: string) => e('withdrawn', at),
    stopped: (at: string) => e('stopped', at),
    processed: (at: string) => e('processed', at),
    returned: (at: string) => e('result-returned', at),
    digitised: (at: string) => e('components-digitised', at, { components: 2 }),
    reused: (at: string) => e('components-reused', at, { components: 1 }),
    citizenStore: (at: string, direction: 'taken-from' | 'pushed-to' = 'taken-from') => e('citizen-store-linked', at, { direction }),
    eResult: (at: string) => e('e-result-issued', at),
    populationData: (at: string, source: PopulationDataSource = 'population-db') => e('population-data-used', at, { source }),
    synced: (at: string) => e('synced', at),
    rated: (at: string, level: RatingLevel) => e('rated', at, { level }),
    petitioned: (at: string, petitionCode: string) =>
      envelope('petition.linked-to-dossier', unit, at, { dossierCode: code, petitionCode }, {}),
  };
}

export function procedure(code: string, unit = 'U1') {
  const e = (type: string, at: string, data: object = {}) => envelope(`procedure.${type}`, unit, at, { procedureCode: code }, data);
  return {
    announced: (at: string, decisionCode: string, decisionDate: string, legalBasisEffectiveDate: string, resultIsDocument?: boolean) =>
      e('announced', at, { decisionCode, decisionDate, legalBasisEffectiveDate, ...(resultIsDocument === undefined ? {} : { resultIsDocument }) }),
    published: (at: string, decisionCode?: string) => e('published', at, decisionCode ? { decisionCode } : {}),
    content: (at: string, presentParts: readonly ProcedurePart[]) => e('content-assessed', at, { presentParts }),
    online: (at: string, level: OnlineServiceLevel) => e('online-service-set', at, { level }),
    fee: (at: string, feeBearing = true) => e('fee-configured', at, { feeBearing }),
    integrated: (at: string, integrated = true) => e('payment-integrated', at, { integrated }),
    audience: (at: string, citizenFacing = true) => e('audience-set', at, { citizenFacing }),
    abolished: (at: string) => e('abolished', at),
  };
}

export function petition(code: string, unit = 'U1') {
  const e = (type: string, at: string, data: object = {}) => envelope(`petition.${type}`, unit, at, { petitionCode: code }, data);
  return {
    received: (at: string, opts: { due?: string; days?: number; within?: boolean } = {}) =>
      e('received', at, {
        ...(opts.due ? { dueAt: local(opts.due) } : {}),
        ...(opts.days === undefined ? {} : { dueInWorkingDays: opts.days }),
        ...(opts.within === undefined ? {} : { withinCompetence: opts.within }),
      }),
    answered: (at: string) => e('answered', at),
    rated: (at: string, level: RatingLevel) => e('rated', at, { level }),
    reopened: (at: string, opts: { due?: string; days?: number } = {}) =>
      e('reopened', at, { ...(opts.due ? { dueAt: local(opts.due) } : {}), ...(opts.days === undefined ? {} : { dueInWorkingDays: opts.days }) }),
  };
}

export function unit(code = 'U1') {
  const e = (type: string, at: string, data: object = {}) => envelope(type, code, at, {}, data);
  return {
    registered: (at: string, name: string, level: UnitLevel, parentCode?: string, effectiveFrom?: string) =>
      e('unit.registered', at, { name, level, ...(parentCode ? { parentCode } : {}), ...(effectiveFrom ? { effectiveFrom } : {}) }),
    renamed: (at: string, name: string, effectiveFrom?: string) => e('unit.renamed', at, { name, ...(effectiveFrom ? { effectiveFrom } : {}) }),
    merged: (at: string, successorCode: string, effectiveFrom: string) => e('unit.merged', at, { successorCode, effectiveFrom }),
    dissolved: (at: string, effectiveFrom: string, successorCode?: string) =>
      e('unit.dissolved', at, { effectiveFrom, ...(successorCode ? { successorCode } : {}) }),
    competent: (at: string, competent = true, effectiveFrom?: string) =>
      e('unit.certification-competence-set', at, { competent, ...(effectiveFrom ? { effectiveFrom } : {}) }),
    copies: (at: string, count = 1) => e('certified-copy.issued', at, { count }),
  };
}

/** Folds events through the subject projections, storing each subject's facts as JSON between events. */
export function foldSubjects(events: Iterable<DomainEvent>, stored = new Map<string, { kind: string; facts: unknown }>()) {
  for (const event of events) {
    const p = projectionFor(event);
    if (!p) continue;
    const id = `${p.kind}\u0000${p.keyOf(event)}`;
    const facts = p.evolve(stored.get(id)?.facts, event);
    stored.set(id, { kind: p.kind, facts: JSON.parse(JSON.stringify(facts)) });
  }
  return stored;
}

export function given(...events: DomainEvent[]): Required<SubjectFacts> & { readonly stored: StoredSubject[] } {
  const stored = [...foldSubjects(events).values()];
  return { ...groupSubjects(stored), stored };
}

export interface ThenOptions {
  readonly asOf?: string;
  readonly ruleSet?: RuleSet;
  readonly average?: number;
}

/** The unit's figures for a period, judged after the period unless `asOf` says otherwise. */
export function figuresOf(subjects: SubjectFacts, periodKey: string, options: ThenOptions = {}): Map<number, Figure> {
  const period = parsePeriod(periodKey);
  return computeFigures({
    subjects,
    period,
    asOf: options.asOf ? instant(options.asOf) : period.end + 30 * 24 * 3600 * 1000,
    ruleSet: options.ruleSet ?? QD766_2022,
    ...(options.average === undefined ? {} : { lastYearMonthlyReceivedAverage: options.average }),
  });
}

/** One criterion's figure. */
export function figureOf(id: number, subjects: SubjectFacts, periodKey: string, options: ThenOptions = {}): Figure {
  return figuresOf(subjects, periodKey, options).get(id) as Figure;
}
