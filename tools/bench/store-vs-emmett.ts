import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DomainEvent } from '@idx/domain';
import { streamIdOf } from '@idx/domain';
import { applySqlMigrations, eventStoreMigrationsDir, PostgresEventStore, START, workspaceRoot } from '@idx/event-store';
import { Pool } from 'pg';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, benchDatabase, machineLine } from './bench-support';
import { cpuMeter, type CpuShare, percentile } from './cpu-meter';

/**
 * Our PostgreSQL event store against Emmett's (@event-driven-io/emmett-postgresql) on the same
 * PostgreSQL server and the same events, in interleaved rounds (each round runs both, the order
 * alternating), so drift in the machine's other load hits both alike:
 *   - single appends: one event per call, `--concurrency` callers at once;
 *   - batched appends: `--batch` events of one stream per call;
 *   - reading the whole log in pages of `--page` (ours: readAll, full records; Emmett: readMessagesBatch).
 *   npm run bench -- store-vs-emmett --rounds=3 --singles=2000 --concurrency=8 --batches=100 --batch=100
 * The peer is installed in tools/bench/emmett-peer (its own package.json), never in the product.
 */

interface EmmettEvent { type: string; data: DomainEvent }
interface EmmettStore {
  appendToStream(stream: string, events: EmmettEvent[]): Promise<unknown>;
  close(): Promise<void>;
  schema: { migrate(): Promise<unknown> };
}
interface EmmettModule {
  getPostgreSQLEventStore(url: string, options?: unknown): EmmettStore;
  readMessagesBatch(execute: unknown, options: { after: bigint; batchSize: number }): Promise<{ messages: unknown[]; currentGlobalPosition: bigint; areMessagesLeft: boolean }>;
}
interface DumboModule { dumbo(options: { connectionString: string }): { execute: unknown; close(): Promise<void> } }

const PEER_DIR = join(workspaceRoot(), 'tools/bench/emmett-peer');

function loadPeer(): { emmett: EmmettModule; dumbo: DumboModule; version: string } {
  if (!existsSync(join(PEER_DIR, 'node_modules/@event-driven-io/emmett-postgresql'))) {
    console.log('installing the peer: npm install --prefix tools/bench/emmett-peer');
    execFileSync('npm', ['install', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  const peerRequire = createRequire(join(PEER_DIR, 'package.json'));
  const version = (JSON.parse(readFileSync(join(PEER_DIR, 'node_modules/@event-driven-io/emmett-postgresql/package.json'), 'utf8')) as { version: string }).version;
  return { emmett: peerRequire('@event-driven-io/emmett-postgresql') as EmmettModule, dumbo: peerRequire('@event-driven-io/dumbo') as DumboModule, version };
}

interface Measure { readonly events: number; readonly seconds: number; readonly latenciesMs: number[]; readonly cpu: CpuShare }

type Call = () => Promise<unknown>;

/**
 * Runs groups of calls with `concurrency` workers, timing each call. A group's calls run in order
 * (one stream's events, as a one-stop system sends a dossier's changes); groups run side by side.
 */
async function timed(groups: Call[][], concurrency: number, eventsPerCall: number, meter: ReturnType<typeof cpuMeter>): Promise<Measure> {
  const latenciesMs: number[] = [];
  let next = 0;
  const mark = await meter.start();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < groups.length) {
      for (const call of groups[next++]) {
        const t = process.hrtime.bigint();
        await call();
        latenciesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { events: latenciesMs.length * eventsPerCall, seconds, latenciesMs, cpu: await meter.stop(mark) };
}

function line(label: string, m: Measure): string {
  const rate = Math.round(m.events / m.seconds);
  return `${label.padEnd(28)} ${String(rate).padStart(8)} events/s  p50 ${percentile(m.latenciesMs, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(m.latenciesMs, 99).toFixed(2).padStart(7)} ms  ` +
    `cpu: node ${m.cpu.nodeSeconds.toFixed(2)} s, postgres ${m.cpu.postgresSeconds.toFixed(2)} s (${((1e6 * m.cpu.postgresSeconds) / m.events).toFixed(0)} µs/event), other ${m.cpu.otherSeconds.toFixed(2)} s`;
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 3);
  const singles = arg('singles', 2000);
  const concurrency = arg('concurrency', 8);
  const batches = arg('batches', 100);
  const batchSize = arg('batch', 100);
  const page = arg('page', 10_000);
  const peer = loadPeer();
  console.log(machineLine());
  console.log(`store-vs-emmett: ${rounds} rounds; singles ${singles} × 1 event (${concurrency} at once); batches ${batches} × ${batchSize} events of one stream; read-all in pages of ${page}; emmett-postgresql ${peer.version}`);

  const db = await benchDatabase();
  const pool = new Pool({ connectionString: db.url, max: concurrency });
  await applySqlMigrations(pool, [eventStoreMigrationsDir()]);
  const ours = new PostgresEventStore(pool);
  const theirs = peer.emmett.getPostgreSQLEventStore(db.url, { connectionOptions: { pooled: true } });
  await theirs.schema.migrate();
  const theirReader = peer.dumbo.dumbo({ connectionString: db.url });
  const meter = cpuMeter(pool);

  const gen = new DossierGenerator();
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  const makeEvents = (n: number): DomainEvent[] => {
    const out: DomainEvent[] = [];
    while (out.length < n) {
      const unit = DEMO_UNITS[out.length % DEMO_UNITS.length];
      out.push(...gen.dossier(unit, monthStart + Math.random() * 27 * 86_400_000, 3 * 86_400_000, Date.parse('2025-05-01T00:00:00+07:00')).due);
    }
    return out.slice(0, n);
  };
  const asEmmett = (e: DomainEvent): EmmettEvent => ({ type: e.type, data: e });

  const results = new Map<string, Measure[]>();
  const record = (key: string, m: Measure) => results.set(key, [...(results.get(key) ?? []), m]);

  for (let round = 1; round <= rounds; round++) {
    const singleEvents = makeEvents(singles);
    const batchEvents = makeEvents(batches * batchSize);
    const batchStream = (who: string, i: number) => `bench-${who}-r${round}-b${i}`;
    const sides = round % 2 === 1 ? (['ours', 'emmett'] as const) : (['emmett', 'ours'] as const);
    console.log(`round ${round}/${rounds} (${sides.join(' first, then ')})`);
    for (const side of sides) {
      const byStream = new Map<string, DomainEvent[]>();
      for (const e of singleEvents) byStream.set(streamIdOf(e), [...(byStream.get(streamIdOf(e)) ?? []), e]);
      const single = [...byStream.entries()].map(([stream, events]) => events.map((e) => side === 'ours'
        ? () => ours.appendToStream(stream, [e])
        : () => theirs.appendToStream(stream, [asEmmett(e)])));
      const m = await timed(single, concurrency, 1, meter);
      record(`single ${side}`, m);
      console.log(`  ${line(`single append, ${side}`, m)}`);
    }
    for (const side of sides) {
      const calls = Array.from({ length: batches }, (_, i): Call[] => {
        const events = batchEvents.slice(i * batchSize, (i + 1) * batchSize);
        return [side === 'ours'
          ? () => ours.appendToStream(batchStream(side, i), events)
          : () => theirs.appendToStream(batchStream(side, i), events.map(asEmmett))];
      });
      const m = await timed(calls, concurrency, batchSize, meter);
      record(`batch ${side}`, m);
      console.log(`  ${line(`batched append, ${side}`, m)}`);
    }
    for (const side of sides) {
      let read = 0;
      // One caller pages through the whole log, timed as one call.
      const readAll = async (): Promise<void> => {
        if (side === 'ours') {
          for (let checkpoint = START; ;) {
            const batch = await ours.readAll(checkpoint, page);
            read += batch.events.length;
            if (batch.events.length < page) return;
            checkpoint = batch.checkpoint;
          }
        }
        for (let after = 0n; ;) {
          const batch = await peer.emmett.readMessagesBatch(theirReader.execute, { after, batchSize: page });
          read += batch.messages.length;
          if (!batch.areMessagesLeft) return;
          after = batch.currentGlobalPosition;
        }
      };
      const m = await timed([[readAll]], 1, 0, meter);
      const measured = { ...m, events: read };
      record(`read ${side}`, measured);
      console.log(`  ${line(`read whole log, ${side}`, measured)}`);
    }
  }

  console.log('summary (all rounds; ratio = ours / theirs in events/s, > 1 means ours is faster):');
  for (const kind of ['single', 'batch', 'read']) {
    const rate = (side: string) => (results.get(`${kind} ${side}`) ?? []).map((m) => m.events / m.seconds);
    const o = rate('ours');
    const t = rate('emmett');
    const ratios = o.map((r, i) => (r / t[i]).toFixed(2));
    const all = (side: string) => (results.get(`${kind} ${side}`) ?? []).flatMap((m) => m.latenciesMs);
    const pgPerEvent = (side: string) => {
      const ms = results.get(`${kind} ${side}`) ?? [];
      return (1e6 * ms.reduce((s, m) => s + m.cpu.postgresSeconds, 0)) / ms.reduce((s, m) => s + m.events, 0);
    };
    console.log(`RESULT ${kind}: ours ${o.map(Math.round).join(' / ')} events/s, emmett ${t.map(Math.round).join(' / ')} events/s, ratio per round ${ratios.join(' / ')}; ` +
      `p50 ${percentile(all('ours'), 50).toFixed(2)} vs ${percentile(all('emmett'), 50).toFixed(2)} ms, p99 ${percentile(all('ours'), 99).toFixed(2)} vs ${percentile(all('emmett'), 99).toFixed(2)} ms; ` +
      `postgres cpu ${pgPerEvent('ours').toFixed(0)} vs ${pgPerEvent('emmett').toFixed(0)} µs/event`);
  }
  const other = [...results.values()].flat().reduce((s, m) => s + m.cpu.otherSeconds, 0);
  const wall = [...results.values()].flat().reduce((s, m) => s + m.seconds, 0);
  console.log(`RESULT other load during the measured phases: ${(other / wall).toFixed(2)} cores busy on average outside this benchmark and its PostgreSQL backends`);
  console.log(machineLine());

  await theirReader.close();
  await theirs.close();
  await pool.end();
  // Emmett's own pool may still hold idle connections the server's shutdown terminates (57P01).
  process.on('uncaughtException', (error: { code?: string }) => {
    if (error.code !== '57P01') throw error;
  });
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
