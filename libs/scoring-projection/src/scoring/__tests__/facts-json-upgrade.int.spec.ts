import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DomainEvent, emptyTallies, streamIdOf } from '@idx/domain';
import { type Checkpoint, START, workspaceRoot } from '@idx/event-store';
import { dossierEvents, unitRegistered } from '@idx/testing';
import { projectorBed } from './projector-bed';

/*
 * Migration 20261207000200 turns subject_facts.facts from jsonb into json on a database already in
 * use. The rewrite gives the table a new file: the tallies summed before it must be taken as stale and
 * summed again from the subjects, and the figures must come out as the events say.
 */
const NOW = Date.parse('2025-05-10T12:00:00+07:00');
const UNIT = 'HY-SYT';
const MIGRATION = join(workspaceRoot(), 'libs/read-models/prisma/migrations/20261207000200_subject_facts_json/migration.sql');

const onTime = dossierEvents(UNIT, 'D-1');
const late = dossierEvents(UNIT, 'D-2');
const laterOnTime = dossierEvents(UNIT, 'D-3');
const BEFORE_UPGRADE: DomainEvent[] = [
  unitRegistered(UNIT, 'Sở Y tế', 'department', 'HY'),
  onTime.received('2025-03-03T08:00:00', '2025-03-05T17:00:00'), onTime.processed('2025-03-04T10:00:00'),
  late.received('2025-03-06T08:00:00', '2025-03-07T17:00:00'), late.processed('2025-03-10T10:00:00'),
];
const AFTER_UPGRADE: DomainEvent[] = [laterOnTime.received('2025-03-11T08:00:00', '2025-03-12T17:00:00'), laterOnTime.processed('2025-03-12T10:00:00')];

describe('subject facts as json: upgrading a database in use (real PostgreSQL)', () => {
  // The column as it was before the migration.
  const bed = projectorBed('factsjson', NOW, (db) => db.pool.query('ALTER TABLE subject_facts ALTER COLUMN facts TYPE jsonb USING facts::jsonb').then(() => undefined));
  let checkpoint: Checkpoint = START;

  const project = async (events: readonly DomainEvent[]): Promise<void> => {
    await bed.store.appendMany(events.map((event) => ({ streamId: streamIdOf(event), event })));
    const batch = await bed.store.readAll(checkpoint, 1000);
    await bed.projector.handle(batch);
    checkpoint = batch.checkpoint;
  };
  const onTimeFigure = async () => (await bed.db.pool.query<{ f: { numerator: number; denominator: number } }>(
    `SELECT figures->'5' AS f FROM unit_period_scores WHERE unit_code = $1 AND period = '2025-03'`, [UNIT],
  )).rows[0]?.f;
  const tally = async () => (await bed.db.pool.query<{ subjects: number; current: boolean }>(
    `SELECT subjects, facts_file = pg_relation_filenode('subject_facts') AS current FROM unit_period_tallies WHERE unit_code = $1 AND period = '2025-03'`, [UNIT],
  )).rows[0];
  const factsType = async () => (await bed.db.pool.query<{ t: string }>(
    `SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'subject_facts' AND column_name = 'facts'`,
  )).rows[0].t;

  it('keeps the figures and sums the stale tallies again after the column is rewritten', async () => {
    await project(BEFORE_UPGRADE);
    expect(await factsType()).toBe('jsonb');
    // One of the two March dossiers processed by its due time.
    expect(await onTimeFigure()).toEqual({ numerator: 1, denominator: 2 });
    expect(await tally()).toEqual({ subjects: 2, current: true });

    // Sums that no longer match the subjects: trusted after the rewrite, the next batch would move them
    // (to 1 of 1); taken as stale, they are summed again from the subjects.
    await bed.db.pool.query(`UPDATE unit_period_tallies SET tallies = $1::jsonb, subjects = 0 WHERE unit_code = $2`, [JSON.stringify(emptyTallies()), UNIT]);
    await bed.db.pool.query(readFileSync(MIGRATION, 'utf8'));
    expect(await factsType()).toBe('json');
    expect((await tally()).current).toBe(false);
    const stored = await bed.db.pool.query<{ facts: { dossierCode: string } }>(`SELECT facts FROM subject_facts WHERE kind = 'dossier' ORDER BY key`);
    expect(stored.rows.map((r) => r.facts.dossierCode)).toEqual(['D-1', 'D-2']);

    await project(AFTER_UPGRADE);
    // Two of three on time: summed from all three subjects, not the emptied sums moved by the new one.
    expect(await onTimeFigure()).toEqual({ numerator: 2, denominator: 3 });
    expect(await tally()).toEqual({ subjects: 3, current: true });
  });
});
