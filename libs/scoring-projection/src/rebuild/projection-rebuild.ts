import type { DomainEvent } from '@idx/domain';
import { type Checkpoint, type EventStore, START } from '@idx/event-store';
import type { Pool, PoolClient } from 'pg';
import { type Parking, saveParkings } from '../scoring/parked-subjects';
import { PROJECTION_LOCK } from '../scoring/projection-lock';
import { refinishAll } from '../scoring/refinish-scores';
import { saveTallies } from '../scoring/unit-period-tallies';
import { sqlTxOf } from '../scoring/sql-transaction';
import { indexLike } from './copy-rows';
import { RebuildState, type ScoreRecord, type SubjectRecord } from './rebuild-state';
import { NEXT_SUBJECTS, SpillTable, subjectLines } from './spill-table';

export interface RebuildReport {
  readonly events: number;
  readonly subjects: number;
  readonly unitPeriods: number;
  readonly checkpoint: { readonly transactionId: string; readonly position: string };
  readonly seconds: { readonly fold: number; readonly write: number; readonly total: number };
  /**
   * Where the write and switch went, in seconds: `subjects` (the server loading and indexing them)
   * and `scores` (this process scoring unit-periods) overlap, `write` is both together; then tallies,
   * finished scores, the swap's rest.
   */
  readonly phases: Readonly<Record<'tail' | 'subjects' | 'scores' | 'write' | 'tallies' | 'refinish' | 'switch', number>>;
  /** Dossiers and petitions held in memory at most, written out during the fold, and read back for a later event. */
  readonly spill: { readonly resident: number; readonly spilled: number; readonly reloaded: number };
}

export type RebuildProgress = (stage: 'fold' | 'write' | 'switch', done: number, total?: number) => void;

const CHUNK = 5000;
/**
 * Dossiers and petitions a rebuild holds in memory by default (REBUILD_RESIDENT_SUBJECTS in the
 * rebuild tool): at ~0.3–1 kB of live heap each, tens of MiB; the rest are spilled to
 * subject_facts_next. At the replay bench's size it costs ~6 % CPU and no wall time; a log whose
 * later events come long after a subject's first pays up to ~50 % (docs/performance.md).
 */
export const DEFAULT_RESIDENT_SUBJECTS = 20_000;
/** Held (session) by a rebuild from start to end: a second one waits instead of dropping the first one's table. */
const REBUILD_LOCK = 766_011;
/** Unit-periods per tallies statement: a national year is ~80k rows of a few kB each. */
const TALLY_CHUNK = 2000;


/** Seconds spent in each named phase, measured lap by lap. */
class PhaseClock {
  private readonly spent: Record<string, number> = {};

  constructor(private last: number) {}

  /** A phase timed by its caller (one that overlaps others). */
  set(name: keyof RebuildReport['phases'], seconds: number): void {
    this.spent[name] = seconds;
  }

  lap(name: keyof RebuildReport['phases']): void {
    const now = Date.now();
    this.spent[name] = (this.spent[name] ?? 0) + (now - this.last) / 1000;
    this.last = now;
  }

  seconds(): RebuildReport['phases'] {
    const names: (keyof RebuildReport['phases'])[] = ['tail', 'subjects', 'scores', 'write', 'tallies', 'refinish', 'switch'];
    return Object.fromEntries(names.map((n) => [n, this.spent[n] ?? 0])) as RebuildReport['phases'];
  }
}

/**
 * Rebuilds the scoring read models from the events, beside the live ones: folds everything into
 * new tables while the live projection and the API go on, then — holding the projection lock, so
 * no live batch interleaves — folds the tail, swaps the tables in and moves every scoring
 * checkpoint to where the rebuild stopped. The first pass reads the log stream by stream (each
 * subject's events together); what came later is folded in the log's order. Memory stays bounded:
 * at most `resident` dossiers and petitions are held, the others written to subject_facts_next
 * during the fold and read back when a later event needs them (rebuild-state.ts, running-tallies.ts).
 */
export class ProjectionRebuild {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: {
      pageSize?: number; clock?: () => number; readAhead?: number; resident?: number;
      /** The first pass's order: `stream` (default) or `log` (the gap-free order, page ranges read side by side; kept for comparison). */
      order?: 'stream' | 'log';
    } = {},
  ) {}

  async run(progress: RebuildProgress = () => undefined): Promise<RebuildReport> {
    const started = Date.now();
    const pageSize = this.options.pageSize ?? 20_000;
    const resident = this.options.resident ?? DEFAULT_RESIDENT_SUBJECTS;
    const client = await this.pool.connect();
    let switched = false;
    try {
      await client.query(`SELECT pg_advisory_lock(${REBUILD_LOCK})`);
      // What an auditor skipped stays skipped; what cannot be folded is parked again, as live.
      const skipped = await client.query<{ event_id: string }>(`SELECT event_id FROM parked_events WHERE status = 'skipped'`);
      // One instant for every contribution: a subject spilled early is judged as one held to the end.
      const now = (this.options.clock ?? Date.now)();
      const state = new RebuildState(undefined, new Set(skipped.rows.map((r) => r.event_id)), now, { resident });
      const table = new SpillTable(client);
      await table.create();
      let checkpoint = this.options.order === 'log'
        ? await this.fold(state, table, START, pageSize, progress)
        : await this.foldTail(state, table, await this.foldByStream(state, table, pageSize, progress), pageSize, progress);
      const folded = Date.now();
      await client.query(`SELECT pg_advisory_lock(${PROJECTION_LOCK})`);
      try {
        checkpoint = await this.fold(state, table, checkpoint, pageSize, progress);
        const phases = new PhaseClock(folded);
        phases.lap('tail');
        const unitPeriods = await this.writeAndSwitch(client, table, state, checkpoint, progress, phases);
        switched = true;
        const done = Date.now();
        return {
          events: state.events, subjects: state.subjectCount, unitPeriods,
          checkpoint: { transactionId: checkpoint.transactionId.toString(), position: checkpoint.position.toString() },
          seconds: { fold: (folded - started) / 1000, write: (done - folded) / 1000, total: (done - started) / 1000 },
          phases: phases.seconds(),
          spill: { resident, spilled: state.spilled, reloaded: state.reloaded },
        };
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${PROJECTION_LOCK})`).catch(() => undefined);
      }
    } finally {
      // A failed rebuild leaves no half-written table behind (the next one would drop it anyway).
      if (!switched) await client.query(`DROP TABLE IF EXISTS ${NEXT_SUBJECTS}`).catch(() => undefined);
      await client.query(`SELECT pg_advisory_unlock(${REBUILD_LOCK})`).catch(() => undefined);
      client.release();
    }
  }

  /**
   * Folds everything committed before the call (the store reading several pages ahead while one is
   * folded), then what was appended meanwhile, page by page.
   */
  private async fold(state: RebuildState, table: SpillTable, from: Checkpoint, pageSize: number, progress: RebuildProgress): Promise<Checkpoint> {
    let checkpoint = from;
    for await (const page of this.store.replayPages(from, pageSize, this.options.readAhead ?? 3)) {
      await this.foldPage(state, table, page.events);
      checkpoint = page.checkpoint;
      progress('fold', state.events);
    }
    return this.foldTail(state, table, checkpoint, pageSize, progress);
  }

  /**
   * Everything committed before the call, stream by stream: each subject's events come together, so
   * one spilled is not met again (no read-back), whatever the log's interleaving; answers where the
   * log's order goes on.
   */
  private async foldByStream(state: RebuildState, table: SpillTable, pageSize: number, progress: RebuildProgress): Promise<Checkpoint> {
    const replay = await this.store.replayByStream(pageSize);
    for await (const page of replay.pages) {
      await this.foldPage(state, table, page);
      progress('fold', state.events);
    }
    return replay.checkpoint;
  }

  /** Reads page after page, fetching the next while folding the current one. */
  private async foldTail(state: RebuildState, table: SpillTable, from: Checkpoint, pageSize: number, progress: RebuildProgress): Promise<Checkpoint> {
    let page = await this.store.readForReplay(from, pageSize);
    for (;;) {
      const full = page.events.length >= pageSize;
      const next = full ? this.store.readForReplay(page.checkpoint, pageSize) : undefined;
      await this.foldPage(state, table, page.events);
      progress('fold', state.events);
      if (!next) return page.checkpoint;
      page = await next;
    }
  }

  /**
   * One page: its spilled subjects read back in one statement (their contribution taken out), its
   * events folded, then the least recently folded beyond the bound spilled (their rows sent while
   * the next page is folded).
   */
  private async foldPage(
    state: RebuildState, table: SpillTable, events: readonly { event: DomainEvent; globalPosition: bigint; transactionId: bigint }[],
  ): Promise<void> {
    const targets = events.map((e) => state.targetOf(e.event));
    const back = state.spilledAmong(targets);
    if (back.length > 0) state.reload(await table.takeBack(back));
    for (let i = 0; i < events.length; i += 1) state.apply(events[i].event, events[i].globalPosition, events[i].transactionId, targets[i]);
    await table.spill(state.spill());
  }

  /**
   * The subjects still in memory into subject_facts_next, COPY by COPY (each chunk built while the
   * server parses the one before), then its indexes built once.
   */
  private async writeSubjects(client: PoolClient, table: SpillTable, subjects: readonly SubjectRecord[], progress: RebuildProgress): Promise<void> {
    for (let i = 0; i < subjects.length; i += CHUNK) {
      const lines = subjectLines(subjects.slice(i, i + CHUNK));
      progress('write', i, subjects.length);
      await table.write(lines);
    }
    await table.settled();
    progress('write', subjects.length, subjects.length);
    await indexLike(client, NEXT_SUBJECTS, 'subject_facts');
  }

  private async writeAndSwitch(
    client: PoolClient, table: SpillTable, state: RebuildState, checkpoint: Checkpoint, progress: RebuildProgress, phases: PhaseClock,
  ): Promise<number> {
    await client.query('BEGIN');
    try {
      await client.query('DROP TABLE IF EXISTS unit_period_scores_next');
      await client.query('CREATE TABLE unit_period_scores_next (LIKE unit_period_scores INCLUDING ALL)');
      // PostgreSQL loads and indexes the subjects while this process scores the unit-periods (both
      // take seconds at a province-month): the scoring yields between unit-periods so the client can
      // send the next statement, and its rows are queued behind the subjects on the same connection.
      // Each statement's failure is caught as it happens (none left unhandled while the scoring runs)
      // and the first one thrown once all have settled, the transaction then rolled back.
      const failures: unknown[] = [];
      const statements: Promise<void>[] = [];
      const track = (statement: Promise<unknown>) => statements.push(statement.then(() => undefined, (error: unknown) => { failures.push(error); }));
      const writeStarted = Date.now();
      const rest = state.finish();
      const subjectsWritten = this.writeSubjects(client, table, rest, progress).then(() => phases.set('subjects', (Date.now() - writeStarted) / 1000));
      track(subjectsWritten);
      // Periods not begun yet are summed whole from every subject written (rare: a subject dated
      // after the rebuild's instant makes them), so they wait for the subjects.
      const later = state.laterPeriods();
      if (later) {
        await subjectsWritten;
        for await (const page of table.talliedOverlapping(later.unitCodes, later.from, later.to)) for (const s of page) state.addToLater(s);
      }
      let written = 0;
      let chunk: ScoreRecord[] = [];
      const flush = () => {
        if (chunk.length === 0) return;
        track(client.query(
          `INSERT INTO unit_period_scores_next (unit_code, period, period_kind, rule_set_id, figures, score, total, last_position, updated_at)
           SELECT u, p, k, r, f, s, t, $8::bigint, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::float8[]) AS x(u, p, k, r, f, s, t)`,
          [chunk.map((x) => x.unitCode), chunk.map((x) => x.period.key), chunk.map((x) => x.period.kind), chunk.map((x) => x.ruleSetId),
            chunk.map((x) => x.figures), chunk.map((x) => x.score), chunk.map((x) => x.total), checkpoint.position.toString()],
        ));
        written += chunk.length;
        chunk = [];
      };
      let scoring = 0;
      let slice = Date.now();
      for (const record of state.scores()) {
        chunk.push(record);
        if (chunk.length >= CHUNK) flush();
        scoring += Date.now() - slice;
        await new Promise(setImmediate);
        slice = Date.now();
      }
      flush();
      phases.set('scores', scoring / 1000);
      await Promise.all(statements);
      if (failures.length > 0) throw failures[0];
      phases.lap('write');
      progress('switch', written);
      await client.query('ALTER TABLE subject_facts RENAME TO subject_facts_old');
      await client.query(`ALTER TABLE ${NEXT_SUBJECTS} RENAME TO subject_facts`);
      await client.query('ALTER TABLE unit_period_scores RENAME TO unit_period_scores_old');
      await client.query('ALTER TABLE unit_period_scores_next RENAME TO unit_period_scores');
      await client.query('DROP TABLE subject_facts_old, unit_period_scores_old');
      // The tallies the scores were made of, stamped with the new subject_facts (saveTallies reads
      // its file after the swap): the first live batch moves them instead of summing whole unit-periods.
      await client.query('DELETE FROM unit_period_tallies');
      const tallies = sqlTxOf(client);
      for (let i = 0; i < state.tallyRows.length; i += TALLY_CHUNK) await saveTallies(tallies, state.tallyRows.slice(i, i + TALLY_CHUNK));
      phases.lap('tallies');
      // The finished scores (docs/one-score.md) are made of the own rows just swapped in.
      await refinishAll((text, params) => client.query(text, [...params]).then((r) => r.rows), checkpoint.position);
      phases.lap('refinish');
      await client.query('DELETE FROM pending_recomputes');
      await this.replaceParkings(client, state.parked(), state);
      await client.query(
        `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at) VALUES ('scoring', $1, $2, now())
         ON CONFLICT (name) DO NOTHING`,
        [checkpoint.transactionId.toString(), checkpoint.position.toString()],
      );
      await client.query(`UPDATE projection_checkpoints SET transaction_id = $1, position = $2, updated_at = now() WHERE name LIKE 'scoring%'`,
        [checkpoint.transactionId.toString(), checkpoint.position.toString()]);
      await client.query("SELECT pg_notify('score_changed', '[]')");
      await client.query('COMMIT');
      phases.lap('switch');
      return written;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** The open parkings and failed recomputes become the replay's own (skipped ones stay as the record). */
  private async replaceParkings(client: PoolClient, parked: readonly Parking[], state: RebuildState): Promise<void> {
    await client.query(`DELETE FROM parked_subjects WHERE status = 'parked'`);
    await saveParkings(async (sql, params) => (await client.query(sql, [...params])).rows, parked);
    await client.query('DELETE FROM failed_recomputes');
    for (const f of state.failedRecomputes) {
      await client.query('INSERT INTO failed_recomputes (unit_code, period, error) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [f.unitCode, f.period, f.error]);
    }
  }
}
