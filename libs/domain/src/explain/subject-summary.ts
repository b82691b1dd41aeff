import type { DossierFacts } from '../dossier/dossier-facts';
import type { PetitionFacts } from '../petition/petition-facts';
import type { ProcedureFacts } from '../procedure/procedure-facts';
import type { UnitFacts } from '../units/unit-facts';
import { localMinuteOf } from '../time/local-date';

export type SubjectOfAnyKind = DossierFacts | ProcedureFacts | PetitionFacts | UnitFacts;
export type FactValue = string | number | boolean | null;

/** Local time (UTC+7) as "YYYY-MM-DD HH:mm", the way a one-stop system prints it. */
export function localTime(ms: number | undefined): string | null {
  if (ms === undefined) return null;
  return localMinuteOf(ms);
}

export function codeOf(s: SubjectOfAnyKind): string {
  switch (s.kind) {
    case 'dossier': return s.dossierCode;
    case 'procedure': return s.procedureCode;
    case 'petition': return s.petitionCode;
    case 'unit': return s.unitCode;
  }
}

export function streamIdOfSubject(s: SubjectOfAnyKind): string {
  return s.kind === 'unit' ? `unit-${s.unitCode}` : `${s.kind}-${s.unitCode}-${codeOf(s)}`;
}

/** The facts an official or auditor looks at first, by subject kind. */
export function summaryOf(s: SubjectOfAnyKind): Record<string, FactValue> {
  switch (s.kind) {
    case 'dossier':
      return {
        procedureCode: s.procedureCode ?? null, channel: s.channel, receivedAt: localTime(s.receivedAt), dueAt: localTime(s.dueAt),
        supplementRequests: s.supplementRequests, processedAt: localTime(s.processedAt), returnedAt: localTime(s.returnedAt),
        withdrawnAt: localTime(s.withdrawnAt), paidOnline: (s.onlinePaymentsAt?.length ?? 0) > 0, digitised: s.digitisedAt !== undefined,
        eResult: s.eResultAt !== undefined, synced: s.syncedAt !== undefined, rating: s.rating?.level ?? null,
      };
    case 'procedure':
      return {
        name: s.name ?? null, announcements: s.announcements.length, publications: s.publications.length,
        onlineLevel: s.onlineLevel?.[s.onlineLevel.length - 1]?.value ?? null, abolishedAt: localTime(s.abolishedAt),
      };
    case 'petition':
      return {
        receivedAt: localTime(s.receivedAt), withinCompetence: s.withinCompetence, rounds: s.rounds.length,
        lastAnsweredAt: localTime(s.rounds[s.rounds.length - 1]?.answeredAt), rating: s.rating?.level ?? null,
      };
    case 'unit':
      return { level: s.level ?? null, parentCode: s.parentCode ?? null, endedAt: localTime(s.endedAt) };
  }
}
