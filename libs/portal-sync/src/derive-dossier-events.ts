import type { DomainEvent, DossierLifecycleEvent, FeeKind } from '@idx/domain';
import { derivedEventId } from './derived-event-id';
import { type DossierSnapshot, isReceivedStatus, PORTAL_STATUS } from './dossier-snapshot';
import type { ProgressRecord } from './progress-record';

export interface DerivationContext {
  readonly unitCode: string;
  readonly sourceSystem: string;
}

/** The obligation id of the fee list a snapshot carries (one list per dossier on the portal). */
export const PORTAL_OBLIGATION_ID = 'portal-fees';

/**
 * What the store already holds of a dossier (its stream's events): which slots are filled. A slot
 * is an event type, or a type and key for the kinds a dossier has several of.
 */
export class KnownDossier {
  private readonly ids = new Set<string>();
  private readonly types = new Set<string>();
  private readonly paymentMethods = new Set<string>();

  constructor(events: readonly DomainEvent[] = []) {
    for (const e of events) this.add(e);
  }

  add(e: DomainEvent): void {
    this.ids.add(e.eventId.toLowerCase());
    this.types.add(e.type);
    if (e.type === 'dossier.fee-paid') this.paymentMethods.add(e.data.method);
  }

  hasId(id: string): boolean {
    return this.ids.has(id.toLowerCase());
  }

  hasType(type: string): boolean {
    return this.types.has(type);
  }

  paidBy(method: string): boolean {
    return this.paymentMethods.has(method);
  }
}

type Draft = { readonly type: DossierLifecycleEvent['type']; readonly key?: string; readonly at: string; readonly data: Record<string, unknown>; readonly once: boolean };

/** LoaiPhiLePhi → our line kind; only the amount matters to the index, the kind is informative. */
function feeKindOf(code: string | undefined): FeeKind {
  if (code === '1') return 'charge';
  if (code === '2') return 'fee';
  return 'other';
}

/**
 * The dossier events a DongBoHoSoMC snapshot implies that the store does not hold yet.
 *
 * Monotone by construction: an event is derived only into an empty slot (a type the dossier does
 * not have yet, or a supplement round / payment method not seen yet), and never retracted, so an
 * older snapshot arriving after a newer one adds nothing and moves nothing back. A fact the store
 * already holds is never restated with other content (the first value stands; docs/portal-sync.md).
 * Ids are derived from dossier, kind and key, so the same snapshot twice appends nothing.
 */
export function deriveDossierEvents(s: DossierSnapshot, ctx: DerivationContext, known: KnownDossier): DossierLifecycleEvent[] {
  const drafts: Draft[] = [];
  const received = isReceivedStatus(s.status) && s.receivedAt !== undefined && s.dueAt !== undefined;
  // The first round's NgayHenTraTruoc is the due time before any supplement moved it.
  const originalDue = s.supplements.find((r) => r.previousDueAt !== undefined)?.previousDueAt ?? s.dueAt;

  if (s.submittedAt !== undefined || s.status === PORTAL_STATUS.NEW) {
    const at = s.submittedAt ?? s.receivedAt;
    if (at !== undefined) drafts.push({ type: 'dossier.submitted', at, data: { procedureCode: s.procedureCode, channel: s.channel }, once: true });
  }
  if (s.status === PORTAL_STATUS.NOT_RECEIVED) {
    drafts.push({ type: 'dossier.refused', at: (s.refusedAt ?? s.endedAt) as string, data: {}, once: true });
  }
  if (received) {
    const receivedAt = s.receivedAt as string;
    drafts.push({ type: 'dossier.received', at: receivedAt, data: { procedureCode: s.procedureCode, channel: s.channel, dueAt: originalDue }, once: true });
    // Every snapshot the one-stop system sends here is the one it syncs to the national portal (criterion 4).
    drafts.push({ type: 'dossier.synced', at: receivedAt, data: {}, once: true });
    const payable = s.fees.reduce((sum, f) => sum + f.amount, 0);
    // A list whose every Gia is 0 is no fee data (the portal's formula for criteria 10 and 11).
    if (payable > 0) {
      const lines = s.fees.map((f) => ({ kind: feeKindOf(f.kindCode), amount: f.amount, ...(f.name ? { description: f.name } : {}) }));
      drafts.push({ type: 'dossier.financial-obligation', at: receivedAt, data: { obligationId: PORTAL_OBLIGATION_ID, lines }, once: true });
      if (s.onlinePayment !== undefined && !known.paidBy(s.onlinePayment)) {
        drafts.push({ type: 'dossier.fee-paid', key: s.onlinePayment, at: receivedAt, data: { method: s.onlinePayment, amount: payable, obligationId: PORTAL_OBLIGATION_ID }, once: false });
      }
    }
    if (s.digitisedComponents > 0) drafts.push({ type: 'dossier.components-digitised', at: receivedAt, data: { components: s.digitisedComponents }, once: true });
    if (s.reusedComponents > 0) drafts.push({ type: 'dossier.components-reused', at: receivedAt, data: { components: s.reusedComponents }, once: true });
    if (s.citizenStoreComponents > 0) {
      drafts.push({ type: 'dossier.citizen-store-linked', at: receivedAt, data: { direction: 'taken-from', components: s.citizenStoreComponents }, once: true });
    }
    if (s.vneidAuthenticated) drafts.push({ type: 'dossier.population-data-used', at: receivedAt, data: { source: 'vneid' }, once: true });
    for (const round of s.supplements) {
      const key = round.id ?? round.requestedAt;
      drafts.push({ type: 'dossier.supplement-requested', key, at: round.requestedAt, data: round.reason ? { reason: round.reason } : {}, once: false });
      if (round.suppliedAt !== undefined) {
        drafts.push({ type: 'dossier.supplement-supplied', key, at: round.suppliedAt, data: round.newDueAt ? { newDueAt: round.newDueAt } : {}, once: false });
      }
    }
    const finished = s.status === PORTAL_STATUS.PROCESSED || s.status === PORTAL_STATUS.RETURNED;
    if (finished && s.endedAt !== undefined) drafts.push({ type: 'dossier.processed', at: s.endedAt, data: {}, once: true });
    if (s.status === PORTAL_STATUS.RETURNED && s.returnedAt !== undefined) drafts.push({ type: 'dossier.result-returned', at: s.returnedAt, data: {}, once: true });
    if (s.status === PORTAL_STATUS.WITHDRAWN) drafts.push({ type: 'dossier.withdrawn', at: s.endedAt as string, data: {}, once: true });
    if (s.status === PORTAL_STATUS.STOPPED) drafts.push({ type: 'dossier.stopped', at: s.endedAt as string, data: {}, once: true });
    // An electronic result exists once a result file link is synced; it is dated by the end of processing.
    const resultAt = s.endedAt ?? s.returnedAt;
    if (s.resultFiles.length > 0 && resultAt !== undefined) {
      const code = s.resultFiles[0].code;
      drafts.push({ type: 'dossier.e-result-issued', at: resultAt, data: code ? { resultCode: code } : {}, once: true });
    }
  }
  return materialise(drafts, s.dossierCode, ctx, known);
}

/**
 * The processing-step event of a CapNhatTienDoHoSoMC record, unless already stored. Its key is the
 * step's time and handler, so a record re-sent is the same event and two steps at the same minute
 * by different handlers are two.
 */
export function deriveProgressEvents(p: ProgressRecord, ctx: DerivationContext, known: KnownDossier): DossierLifecycleEvent[] {
  const key = `${p.at}\u0000${p.handlerName ?? ''}\u0000${p.status ?? ''}`;
  const step = [p.department, p.content].filter((x): x is string => x !== undefined).join(': ').slice(0, 300);
  const data = { ...(step ? { step } : {}), ...(p.handlerName ? { handlerName: p.handlerName } : {}), ...(p.handlerTitle ? { handlerTitle: p.handlerTitle } : {}) };
  return materialise([{ type: 'dossier.processing-step', key, at: p.at, data, once: false }], p.dossierCode, ctx, known);
}

function materialise(drafts: readonly Draft[], dossierCode: string, ctx: DerivationContext, known: KnownDossier): DossierLifecycleEvent[] {
  const out: DossierLifecycleEvent[] = [];
  for (const d of drafts) {
    if (d.once && known.hasType(d.type)) continue;
    const eventId = derivedEventId(ctx.unitCode, dossierCode, d.type, d.key);
    if (known.hasId(eventId)) continue;
    const event = {
      eventId, type: d.type, schemaVersion: 1, occurredAt: d.at, sourceSystem: ctx.sourceSystem, unitCode: ctx.unitCode, dossierCode, data: d.data,
    } as DossierLifecycleEvent;
    known.add(event);
    out.push(event);
  }
  return out;
}
