import type { PeriodSnapshotDto } from '@idx/contracts';
import type { AuditLog } from './audit-log';

/** What closes a month (the read models' AuditService). */
export interface MonthCloser {
  close(period: string, closedBy: string, progress?: (stage: string, done: number, total: number) => void): Promise<PeriodSnapshotDto>;
}

/**
 * The one close path of the console and the CLI: publish the month, then record who closed it in
 * the audit log (docs/console-accounts.md). A refused close records nothing.
 */
export async function closeMonthOnRecord(
  closer: MonthCloser, log: Pick<AuditLog, 'record'>, period: string, closedBy: string,
  { actor = closedBy, progress }: { actor?: string; progress?: (stage: string, done: number, total: number) => void } = {},
): Promise<PeriodSnapshotDto> {
  const snapshot = await closer.close(period, closedBy, progress);
  await log.record({ actor, action: 'period.closed', target: snapshot.period, details: { asOf: snapshot.asOf, position: snapshot.position } });
  return snapshot;
}
