import type { ReadModelClient } from '@idx/read-models';

export type ParkingStatus = 'parked' | 'skipped';

export interface ParkedEventView {
  readonly eventId: string;
  readonly type: string;
  readonly unitCode: string;
  readonly position: string;
  readonly error: string | null;
  readonly status: ParkingStatus;
}

export interface ParkedSubjectView {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly unitCode: string;
  readonly error: string;
  readonly status: ParkingStatus;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
  readonly reason: string | null;
  readonly events: readonly ParkedEventView[];
}

export interface FailedRecomputeView {
  readonly unitCode: string;
  readonly period: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

interface SubjectRowDb {
  id: bigint; kind: string; key: string; unit_code: string; error: string; status: ParkingStatus;
  first_seen: Date; last_seen: Date; resolved_at: Date | null; resolved_by: string | null; resolution_reason: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** What an auditor sees of parked subjects and failed recomputes, and the skip they may decide. */
export class ParkedSubjects {
  constructor(private readonly prisma: ReadModelClient) {}

  /** Oldest first; each with its held events in the store's order. */
  async list(status: ParkingStatus = 'parked', limit = 200): Promise<ParkedSubjectView[]> {
    const subjects = await this.prisma.$queryRawUnsafe<SubjectRowDb[]>(
      'SELECT * FROM parked_subjects WHERE status = $1 ORDER BY first_seen, id LIMIT $2', status, limit,
    );
    if (subjects.length === 0) return [];
    const events = await this.prisma.$queryRawUnsafe<{ parked_id: bigint; event_id: string; type: string; unit_code: string; position: bigint; error: string | null; status: ParkingStatus }[]>(
      `SELECT parked_id, event_id, event->>'type' AS type, unit_code, position, error, status FROM parked_events
       WHERE parked_id = ANY($1::bigint[]) ORDER BY transaction_id, position`,
      subjects.map((s) => s.id.toString()),
    );
    return subjects.map((s) => ({
      id: s.id.toString(), kind: s.kind, key: s.key, unitCode: s.unit_code, error: s.error, status: s.status,
      firstSeen: s.first_seen.toISOString(), lastSeen: s.last_seen.toISOString(),
      resolvedAt: iso(s.resolved_at), resolvedBy: s.resolved_by, reason: s.resolution_reason,
      events: events.filter((e) => e.parked_id === s.id).map((e) => ({
        eventId: e.event_id, type: e.type, unitCode: e.unit_code, position: e.position.toString(), error: e.error, status: e.status,
      })),
    }));
  }

  async failedRecomputes(limit = 200): Promise<FailedRecomputeView[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ unit_code: string; period: string; error: string; attempts: number; first_seen: Date; last_seen: Date }[]>(
      'SELECT * FROM failed_recomputes ORDER BY first_seen LIMIT $1', limit,
    );
    return rows.map((r) => ({ unitCode: r.unit_code, period: r.period, error: r.error, attempts: r.attempts, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString() }));
  }

  /**
   * Skips an open parking for good: its events are marked skipped (kept, never applied — a rebuild
   * skips them too) and the subject folds again from its next event on. Undefined when no open
   * parking has this id.
   */
  async skip(id: bigint, reason: string, by: string): Promise<ParkedSubjectView | undefined> {
    const done = await this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: bigint }[]>(
        `UPDATE parked_subjects SET status = 'skipped', resolved_at = now(), resolved_by = $2, resolution_reason = $3
         WHERE id = $1::bigint AND status = 'parked' RETURNING id`,
        id.toString(), by, reason,
      );
      if (rows.length === 0) return false;
      await tx.$executeRawUnsafe(`UPDATE parked_events SET status = 'skipped' WHERE parked_id = $1::bigint`, id.toString());
      return true;
    });
    if (!done) return undefined;
    return (await this.list('skipped', 10_000)).find((s) => s.id === id.toString());
  }

  /** Event ids an auditor skipped: a replay leaves them out, as the live projection did. */
  async skippedEventIds(): Promise<Set<string>> {
    const rows = await this.prisma.$queryRawUnsafe<{ event_id: string }[]>(`SELECT event_id FROM parked_events WHERE status = 'skipped'`);
    return new Set(rows.map((r) => r.event_id));
  }
}
