import { EVENT_SCHEMAS, checkWireValue, readIsoInstant, validateEvent } from '@idx/contracts';
import type { DomainEvent } from '@idx/domain';
import { streamIdOf } from '@idx/domain';
import { canonicalJson, chainHashOfCanonical } from '@idx/event-store';
import { decodeItem } from '@idx/ingestion';
import type { z } from 'zod';
import { DEMO_UNITS } from '../simulator/demo-units';
import { DossierGenerator } from '../simulator/dossier-generator';
import { arg, machineLine } from './bench-support';

/**
 * CPU per event of the ingest service's own steps, in this process, with no server and no
 * network: decoding an item's bytes, validating it (the compiled acceptor with zod for the rest,
 * against zod for every event as before), and the append's canonical JSON + hash. Steps run in
 * interleaved rounds on the same generated events, so the machine's other load hits each alike.
 *   npm run bench -- ingest-phases [--events=20000 --rounds=5]
 */
async function main(): Promise<void> {
  const total = arg('events', 20_000);
  const rounds = arg('rounds', 5);
  console.log(machineLine());
  const gen = new DossierGenerator();
  const events: DomainEvent[] = [];
  const monthStart = Date.parse('2025-03-01T00:00:00+07:00');
  while (events.length < total) {
    const unit = DEMO_UNITS[events.length % DEMO_UNITS.length];
    events.push(...gen.dossier(unit, monthStart + Math.random() * 27 * 86_400_000, 3 * 86_400_000, Date.parse('2025-05-01T00:00:00+07:00')).due);
  }
  events.length = total;
  const raws = events.map((e) => Buffer.from(JSON.stringify(e)));
  const values = raws.map((raw) => JSON.parse(raw.toString()) as Record<string, unknown>);
  const now = Date.parse('2026-01-01T00:00:00Z');

  const steps: Record<string, () => void> = {
    'decode (bytes → value)': () => { for (const raw of raws) decodeItem(raw); },
    'validate (acceptor, zod for the rest)': () => {
      for (const v of values) if (!validateEvent(v, { now }).ok) throw new Error('a generated event was refused');
    },
    // What validateEvent did for every event before the acceptor: the wire checks, zod, and the
    // occurredAt reading the clock-skew check repeats.
    'validate (zod for every event, before)': () => {
      for (const v of values) {
        checkWireValue(v);
        const schema = (EVENT_SCHEMAS as Record<string, Record<number, z.ZodType>>)[v['type'] as string][v['schemaVersion'] as number];
        if (!schema.safeParse(v).success) throw new Error('a generated event was refused');
        readIsoInstant(v['occurredAt'] as string);
      }
    },
    'canonical JSON + chain hash': () => {
      for (const e of events) chainHashOfCanonical('0'.repeat(64), { streamId: streamIdOf(e), streamVersion: 3, recordedAt: '2026-01-01T00:00:00.000Z' }, canonicalJson(e));
    },
  };
  const cpu = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, step] of Object.entries(steps)) {
      const before = process.cpuUsage();
      step();
      const used = process.cpuUsage(before);
      cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / total]);
    }
  }
  for (const [name, perEvent] of cpu) {
    const sorted = [...perEvent].sort((a, b) => a - b);
    console.log(`RESULT ${name.padEnd(42)} median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} µs/event (rounds: ${perEvent.map((v) => v.toFixed(2)).join(' / ')})`);
  }
  console.log(machineLine());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
