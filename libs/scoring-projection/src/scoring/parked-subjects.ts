import type { DomainEvent } from '@idx/domain';
import type { SqlTx } from './sql-transaction';

type Tx = SqlTx;

/** An event held back because its subject is parked. */
export interface ParkedEvent {
  readonly event: DomainEvent;
  readonly transactionId: bigint;
  readonly position: bigint;
  /** The error this event met; undefined for an event parked behind an earlier one. */
  readonly error?: string;
}

/** A subject the projector could not fold, with the events it holds back (in order). */
export interface Parking {
  readonly kind: string;
  readonly key: string;
  readonly unitCode: string;
  readonly error: string;
  readonly events: readonly ParkedEvent[];
}

export const subjectId = (kind: string, key: string): string => `${kind}\u0000${key}`;

/** Which of these subjects are parked now: subject id → parking id. */
export async function openParkings(tx: Tx, ids: readonly { kind: string; key: string }[], anyParked: boolean): Promise<Map<string, bigint>> {
  // Parkings are rare: the probe asked with the subjects' read (loadSubjectsProbingParked) spares the
  // batch shipping every subject key (thousands while catching up).
  if (ids.length === 0 || !anyParked) return new Map();
  const rows = await tx.$queryRawUnsafe<{ id: bigint; kind: string; key: string }[]>(
    `SELECT p.id, p.kind, p.key FROM parked_subjects p
     JOIN unnest($1::text[], $2::text[]) AS k(kind, key) ON p.kind = k.kind AND p.key = k.key
     WHERE p.status = 'parked'`,
    ids.map((i) => i.kind), ids.map((i) => i.key),
  );
  return new Map(rows.map((r) => [subjectId(r.kind, r.key), BigInt(r.id)]));
}

/** Runs one SQL statement with positional parameters: Prisma's transaction or a pg client alike. */
export type SqlRunner = (sql: string, params: readonly unknown[]) => Promise<unknown[]>;

export const prismaRunner = (tx: Tx): SqlRunner => (sql, params) => tx.$queryRawUnsafe<unknown[]>(sql, ...params);

/**
 * Records parkings (in the projector's transaction, so with its checkpoint): opens the subject's
 * parking when it has none, else adds to it; events already held (a re-read batch) stay as they are.
 */
export async function saveParkings(run: SqlRunner, parkings: readonly Parking[]): Promise<void> {
  for (const p of parkings) {
    const [row] = (await run(
      `INSERT INTO parked_subjects (kind, key, unit_code, error) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, key) WHERE status = 'parked' DO UPDATE SET last_seen = now()
       RETURNING id::text AS id`,
      [p.kind, p.key, p.unitCode, p.error],
    )) as { id: string }[];
    await run(
      `INSERT INTO parked_events (parked_id, transaction_id, position, event_id, unit_code, event, error)
       SELECT $1::bigint, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::jsonb[], $7::text[])
       ON CONFLICT DO NOTHING`,
      [
        row.id,
        p.events.map((e) => e.transactionId.toString()), p.events.map((e) => e.position.toString()),
        p.events.map((e) => e.event.eventId), p.events.map((e) => e.event.unitCode),
        p.events.map((e) => JSON.stringify(e.event)), p.events.map((e) => e.error ?? null),
      ],
    );
  }
}

/** The held-back events of one open parking, in the store's order, and its subject (locked). */
export async function takeParking(tx: Tx, id: bigint): Promise<{ kind: string; key: string; events: ParkedEvent[] } | undefined> {
  const [subject] = await tx.$queryRawUnsafe<{ kind: string; key: string }[]>(
    `SELECT kind, key FROM parked_subjects WHERE id = $1::bigint AND status = 'parked' FOR UPDATE`, id.toString(),
  );
  if (!subject) return undefined;
  const events = await tx.$queryRawUnsafe<{ transaction_id: bigint; position: bigint; event: DomainEvent }[]>(
    `SELECT transaction_id, position, event FROM parked_events WHERE parked_id = $1::bigint ORDER BY transaction_id, position`, id.toString(),
  );
  return { ...subject, events: events.map((e) => ({ event: e.event, transactionId: BigInt(e.transaction_id), position: BigInt(e.position) })) };
}

export async function removeParking(tx: Tx, id: bigint): Promise<void> {
  await tx.$executeRawUnsafe('DELETE FROM parked_subjects WHERE id = $1::bigint', id.toString());
}

/** A failed retry: the parking stays, with the error it met this time. */
export async function noteRetryFailed(tx: Tx, id: bigint, error: string): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE parked_subjects SET error = $2, last_seen = now() WHERE id = $1::bigint AND status = 'parked'`, id.toString(), error);
}
