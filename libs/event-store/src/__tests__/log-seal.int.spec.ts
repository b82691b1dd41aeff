import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { streamIdOf } from '@idx/domain';
import type { Pool } from 'pg';
import { createTestDatabase, dossierEvents, type TestDatabase, waitFor } from '@idx/testing';
import type { LogVerifyReportDto } from '@idx/contracts';
import { chainHash } from '../postgres/hash-chain';
import { applySqlMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { eventStoreMigrationsDir } from '../workspace-root';
import { LogSealer, LogSealsTamperedError } from '../log-seal/log-sealer';
import { LogVerifier } from '../log-seal/log-verifier';
import { loadOrCreateSealKey, loadSealPublicKey, type SealKeyFiles, type SealSigningKey } from '../log-seal/seal-key';
import { readSealWitness } from '../log-seal/seal-witness';

function keyFiles(): SealKeyFiles {
  const dir = mkdtempSync(join(tmpdir(), 'log-seal-'));
  return { privateKeyFile: join(dir, 'keys', 'seal.pem'), publicKeyFile: join(dir, 'keys', 'seal.pub.pem'), witnessFile: join(dir, 'keys', 'seal.witness.json') };
}

const kinds = (r: LogVerifyReportDto) => [...new Set(r.problems.map((p) => p.kind))].sort();

/**
 * Seals until every event is sealed. Transaction ids are cluster-wide: a transaction open in another
 * test's database holds the sealer's horizon back for a moment, so one call may seal less.
 */
async function sealEverything(pool: Pool, sealer: LogSealer): Promise<void> {
  await waitFor(async () => {
    await sealer.sealAll();
    return (await pool.query('SELECT (SELECT coalesce(max(event_count), 0) FROM log_seals) = (SELECT count(*) FROM events) AS done')).rows[0].done;
  }, { what: 'every event sealed' });
}

/** A handful of dossiers, appended in several transactions so the log has several seals. */
async function fillLog(store: PostgresEventStore, sealer: LogSealer, prefix: string, pool: Pool): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const batch = [0, 1, 2].flatMap((k) => {
      const d = dossierEvents('HY', `${prefix}-${round}-${k}`);
      return [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-05T08:00:00'), d.returned('2025-03-06T08:00:00')];
    });
    await store.appendMany(batch.map((event) => ({ streamId: streamIdOf(event), event })));
    await sealEverything(pool, sealer);
  }
}

describe('Log seals: tampering with the stored log is caught (real server)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let files: SealKeyFiles;
  let key: SealSigningKey;
  let sealer: LogSealer;
  const verify = (extra: Partial<ConstructorParameters<typeof LogVerifier>[1]> = {}) => {
    return new LogVerifier(db.pool, {
      // Small batches: seal boundaries fall inside and across batches.
      publicKeys: [loadSealPublicKey(files.publicKeyFile)], witness: readSealWitness(files.witnessFile), batchSize: 4,
      ...extra,
    }).verify();
  };
  const sql = (text: string, values: unknown[] = []) => db.pool.query(text, values);
  const sealCount = async () => Number((await sql('SELECT count(*) AS n FROM log_seals')).rows[0].n);
  /** The seal whose range holds an event (asked before the event is tampered with). */
  const sealOf = async (where: string, values: unknown[] = []) => (await sql(
    `SELECT seq::text AS seq FROM log_seals WHERE (up_to_transaction_id, up_to_position) >= (SELECT transaction_id, global_position FROM events WHERE ${where})
     ORDER BY log_seals.seq LIMIT 1`, values)).rows[0].seq as string;

  beforeEach(async () => {
    db = await createTestDatabase('seal');
    await applySqlMigrations(db.pool, [eventStoreMigrationsDir()]);
    store = new PostgresEventStore(db.pool);
    files = keyFiles();
    key = loadOrCreateSealKey(files);
    sealer = new LogSealer(db.pool, key, { witnessFile: files.witnessFile });
    await fillLog(store, sealer, 'T', db.pool);
  });
  afterEach(() => db.drop());

  it('creates the key file with mode 0600, signs seals with it and finds an untouched log intact', async () => {
    expect(statSync(files.privateKeyFile).mode & 0o777).toBe(0o600);
    const report = await verify();
    const seals = await sealCount();
    expect(seals).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ intact: true, eventsChecked: 27, streamsChecked: 9, sealsChecked: seals, unsealed: 0, problemCount: 0 });
    expect(report.lastSeal).toMatchObject({ seq: String(seals), eventCount: '27', keyId: key.keyId });
    expect(readSealWitness(files.witnessFile)).toMatchObject({ seq: String(seals), eventCount: '27' });
  });

  it('reports events after the last seal as unsealed, not as tampering', async () => {
    const d = dossierEvents('HY', 'late');
    await store.appendMany([d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00')].map((event) => ({ streamId: streamIdOf(event), event })));
    expect(await verify()).toMatchObject({ intact: true, unsealed: 1 });
    await sealEverything(db.pool, sealer);
    expect(await verify()).toMatchObject({ intact: true, unsealed: 0, sealsChecked: await sealCount() });
  });

  it('catches an in-place payload edit', async () => {
    await sql(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-03-04T08:00:00+07:00"') WHERE stream_id = 'dossier-HY-T-1-1' AND stream_version = 2`);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'event-content', streamId: 'dossier-HY-T-1-1', streamVersion: 2 }));
  });

  it('catches an edit that re-chains the whole stream (every hash recomputed, streams head fixed up)', async () => {
    const stream = 'dossier-HY-T-0-2';
    const seq = await sealOf('stream_id = $1 AND stream_version = 2', [stream]);
    await sql(`UPDATE events SET payload = jsonb_set(payload::jsonb, '{occurredAt}', '"2025-03-04T08:00:00+07:00"') WHERE stream_id = $1 AND stream_version = 2`, [stream]);
    const rows = (await sql(`SELECT stream_version, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, payload
                             FROM events WHERE stream_id = $1 ORDER BY stream_version`, [stream])).rows;
    let prev = '';
    for (const r of rows) {
      const hash = chainHash(prev, { streamId: stream, streamVersion: r.stream_version, recordedAt: r.at, payload: r.payload });
      await sql('UPDATE events SET prev_hash = $1, hash = $2 WHERE stream_id = $3 AND stream_version = $4', [prev, hash, stream, r.stream_version]);
      prev = hash;
    }
    await sql('UPDATE streams SET last_hash = $1 WHERE stream_id = $2', [prev, stream]);

    const report = await verify();
    expect(report.intact).toBe(false);
    expect(kinds(report)).toEqual(['seal-head']);
    expect(report.problems[0].seq).toBe(seq);
  });

  it("catches a deleted last event of a stream whose streams row was fixed up", async () => {
    const stream = 'dossier-HY-T-1-0';
    const seq = await sealOf('stream_id = $1 AND stream_version = 3', [stream]);
    await sql('DELETE FROM events WHERE stream_id = $1 AND stream_version = 3', [stream]);
    await sql(`UPDATE streams SET version = 2, last_hash = (SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 2) WHERE stream_id = $1`, [stream]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(kinds(report)).toEqual(['seal-count']);
    expect(report.problems[0]).toMatchObject({ seq });
    expect(report.problems[0].detail).toContain('deleted');
  });

  it('catches a deleted whole stream', async () => {
    const seq = await sealOf(`stream_id = 'dossier-HY-T-2-1' AND stream_version = 3`);
    await sql(`DELETE FROM events WHERE stream_id = 'dossier-HY-T-2-1'`);
    await sql(`DELETE FROM streams WHERE stream_id = 'dossier-HY-T-2-1'`);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'seal-count', seq })]);
  });

  it('catches a forged event inserted into the sealed history with a consistent chain', async () => {
    const first = (await sql('SELECT transaction_id::text AS t FROM events ORDER BY global_position LIMIT 1')).rows[0].t;
    // (first transaction, position 100000) sorts after that transaction's events, before the next one's.
    const seq = (await sql(`SELECT seq::text AS seq FROM log_seals WHERE (up_to_transaction_id, up_to_position) > ($1::text::xid8, 100000)
                            ORDER BY log_seals.seq LIMIT 1`, [first])).rows[0].seq;
    const forged = dossierEvents('HY', 'forged').received('2025-03-03T08:00:00', '2025-03-10T17:00:00');
    const stream = streamIdOf(forged);
    const recordedAt = '2025-03-03T01:00:00.000Z';
    const hash = chainHash('', { streamId: stream, streamVersion: 1, recordedAt, payload: forged });
    await sql(`INSERT INTO events (global_position, transaction_id, event_id, stream_id, stream_version, type, schema_version, unit_code, source_system,
                                   occurred_at, recorded_at, payload, prev_hash, hash)
               VALUES (100000, $1::text::xid8, $2, $3, 1, $4, 1, 'HY', 'test-one-stop', $5, $6, $7, '', $8)`,
      [first, forged.eventId, stream, forged.type, forged.occurredAt, recordedAt, JSON.stringify(forged), hash]);
    await sql(`INSERT INTO streams (stream_id, version, last_hash) VALUES ($1, 1, $2)`, [stream, hash]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'seal-count', seq })]);
    expect(report.problems[0].detail).toContain('inserted');
  });

  it('catches a truncated log tail, also when the seals covering it were deleted too', async () => {
    const lastTx = (await sql('SELECT max(transaction_id)::text AS t FROM events')).rows[0].t;
    const tail = (await sql('SELECT DISTINCT stream_id FROM events WHERE transaction_id = $1::text::xid8', [lastTx])).rows.map((r) => r.stream_id);
    const firstTailSeal = await sealOf('transaction_id = $1::text::xid8 ORDER BY global_position LIMIT 1', [lastTx]);
    const lastSeal = String(await sealCount());
    await sql('DELETE FROM events WHERE transaction_id = $1::text::xid8', [lastTx]);
    await sql('DELETE FROM streams WHERE stream_id = ANY($1::text[])', [tail]);
    const withSeals = await verify();
    expect(withSeals.problems).toContainEqual(expect.objectContaining({ kind: 'seal-count', seq: firstTailSeal }));
    expect(kinds(withSeals)).toEqual(['seal-count']);

    await sql('DELETE FROM log_seals WHERE seq >= $1', [firstTailSeal]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'seal-missing', seq: lastSeal })]);
    // The sealer will not seal on top of the truncation: that would bless it.
    const d = dossierEvents('HY', 'after-truncation');
    await store.appendMany([d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00')].map((event) => ({ streamId: streamIdOf(event), event })));
    await expect(sealer.sealNext()).rejects.toBeInstanceOf(LogSealsTamperedError);
  });

  it('catches an edited seal row', async () => {
    await sql(`UPDATE log_seals SET sealed_at = sealed_at - interval '1 day' WHERE seq = 2`);
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'seal-signature', seq: '2' })]);
    await sql(`UPDATE log_seals SET event_count = event_count + 1 WHERE seq = (SELECT max(seq) FROM log_seals)`);
    expect(kinds(await verify())).toEqual(['seal-count', 'seal-signature']);
  });

  it('takes a witness file of another database (a reset) as a fresh start, not as a truncation', async () => {
    const other = await createTestDatabase('seal');
    try {
      await applySqlMigrations(other.pool, [eventStoreMigrationsDir()]);
      const otherSealer = new LogSealer(other.pool, key, { witnessFile: files.witnessFile });
      await fillLog(new PostgresEventStore(other.pool), otherSealer, 'O', other.pool);
      expect(readSealWitness(files.witnessFile)?.logId).toBe((await other.pool.query('SELECT log_id::text AS l FROM log_identity')).rows[0].l);
      const report = await verify();
      expect(report).toMatchObject({ intact: true, problemCount: 0 });
      expect(report.notes[0]).toContain('not checked against it');
    } finally {
      await other.drop();
    }
  });

  it('checks incrementally from a seal the auditor holds, and refuses a start seal that changed', async () => {
    const held = (await verify()).lastSeal;
    await fillLog(store, sealer, 'U', db.pool);
    const incremental = await verify({ fromSeal: { seq: held?.seq as string, headHash: held?.headHash as string } });
    expect(incremental).toMatchObject({ intact: true, eventsChecked: 27, sealsChecked: (await sealCount()) - Number(held?.seq) });
    const wrong = await verify({ fromSeal: { seq: '2', headHash: 'f'.repeat(64) } });
    expect(wrong.problems).toContainEqual(expect.objectContaining({ kind: 'seal-missing', seq: '2' }));
  });

  it('raises no false alarm while appends and sealing keep flowing', async () => {
    let writing = true;
    let appended = 0;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const d = dossierEvents('HY', `flow-${w}-${i}`);
        const batch = [d.received('2025-03-03T08:00:00', '2025-03-10T17:00:00'), d.processed('2025-03-04T08:00:00')];
        await store.appendMany(batch.map((event) => ({ streamId: streamIdOf(event), event })));
        appended += batch.length;
      }
    };
    const sealing = (async () => { while (writing) await sealer.sealNext(); })();
    const writers = [0, 1, 2, 3].map(writer);
    const reports: LogVerifyReportDto[] = [];
    await waitFor(async () => {
      reports.push(await verify());
      return reports.length >= 4 && appended > 400;
    }, { timeoutMs: 30000, what: '4 verifications during appends' });
    writing = false;
    await Promise.all([...writers, sealing]);
    await sealEverything(db.pool, sealer);
    for (const r of reports) expect({ ...r, problems: r.problems.slice(0, 3) }).toMatchObject({ intact: true, problemCount: 0 });
    expect(reports.some((r) => r.eventsChecked > reports[0].eventsChecked)).toBe(true);
    expect(await verify()).toMatchObject({ intact: true, eventsChecked: 27 + appended, unsealed: 0 });
  });
});
