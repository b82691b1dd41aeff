import type { Checkpoint, EventStore } from '@idx/event-store';
import type { ReadModelClient } from '@idx/read-models';

export interface ScoringHealthReport {
  readonly status: 'ok' | 'degraded';
  /** Why degraded, one line each a person can act on; empty when ok. */
  readonly reasons: readonly string[];
  readonly parked: { readonly count: number; readonly oldest?: { id: string; kind: string; key: string; unitCode: string; error: string; firstSeen: string } };
  readonly failedRecomputes: { readonly count: number; readonly oldest?: { unitCode: string; period: string; error: string; firstSeen: string } };
  readonly checkpoint: { readonly position: string; readonly movedAt?: string; readonly eventsWaiting: boolean; readonly stalledSeconds: number };
}

/**
 * The scoring projection's health: degraded when a subject is parked, a unit-period's recompute
 * failed, or the checkpoint has not moved for longer than `stallSeconds` while events wait beyond it.
 */
export async function scoringHealth(
  prisma: ReadModelClient, store: Pick<EventStore, 'readAll'>, projection: string, stallSeconds: number, now: number = Date.now(),
): Promise<ScoringHealthReport> {
  const [parked] = await prisma.$queryRawUnsafe<{ count: number; id: bigint | null; kind: string; key: string; unit_code: string; error: string; first_seen: Date | null }[]>(
    `SELECT (SELECT count(*)::int FROM parked_subjects WHERE status = 'parked') AS count, o.* FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (SELECT id, kind, key, unit_code, error, first_seen FROM parked_subjects WHERE status = 'parked' ORDER BY first_seen, id LIMIT 1) o ON true`,
  );
  const [failed] = await prisma.$queryRawUnsafe<{ count: number; unit_code: string | null; period: string; error: string; first_seen: Date | null }[]>(
    `SELECT (SELECT count(*)::int FROM failed_recomputes) AS count, o.* FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (SELECT unit_code, period, error, first_seen FROM failed_recomputes ORDER BY first_seen LIMIT 1) o ON true`,
  );
  const row = await prisma.projectionCheckpoint.findUnique({ where: { name: projection } });
  const checkpoint: Checkpoint = row ? { transactionId: row.transactionId, position: row.position } : { transactionId: 0n, position: 0n };
  const [next] = (await store.readAll(checkpoint, 1)).events;
  const eventsWaiting = next !== undefined;
  // Stalled = the checkpoint has not moved since the first waiting event was stored, for that long.
  const since = next && row ? Math.max(row.updatedAt.getTime(), next.recordedAt.getTime()) : next?.recordedAt.getTime();
  const stalledSeconds = since === undefined ? 0 : Math.max(0, Math.floor((now - since) / 1000));
  const reasons = [
    ...(parked.count > 0 ? [`${parked.count} subject(s) parked: their events wait for an auditor (GET /api/v1/audit/parked, then retry or skip)`] : []),
    ...(failed.count > 0 ? [`${failed.count} unit-period recompute(s) failed: their scores keep the last good figures`] : []),
    ...(stalledSeconds > stallSeconds ? [`the checkpoint has not moved for ${stalledSeconds} s while events wait beyond it`] : []),
  ];
  return {
    status: reasons.length > 0 ? 'degraded' : 'ok',
    reasons,
    parked: {
      count: parked.count,
      ...(parked.id === null || parked.first_seen === null ? {} : {
        oldest: { id: parked.id.toString(), kind: parked.kind, key: parked.key, unitCode: parked.unit_code, error: parked.error, firstSeen: parked.first_seen.toISOString() },
      }),
    },
    failedRecomputes: {
      count: failed.count,
      ...(failed.unit_code === null || failed.first_seen === null ? {} : { oldest: { unitCode: failed.unit_code, period: failed.period, error: failed.error, firstSeen: failed.first_seen.toISOString() } }),
    },
    checkpoint: { position: checkpoint.position.toString(), ...(row ? { movedAt: row.updatedAt.toISOString() } : {}), eventsWaiting, stalledSeconds },
  };
}
