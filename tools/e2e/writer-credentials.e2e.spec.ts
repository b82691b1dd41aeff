import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestResponseDto } from '@idx/contracts';
import { referenceUnitEvents } from '@idx/domain';
import { workspaceRoot } from '@idx/event-store';
import { dossierEvents, unitRegistered, waitFor } from '@idx/testing';
import { createWriterKey } from '../testing/writer-key';
import { type RunningPlatform, startPlatform } from './platform-harness';

describe('end to end: writers authenticate with their own API key, bound to their units and source system', () => {
  let platform: RunningPlatform;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${platform.ingestUrl}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    platform = await startPlatform();
    const units = [
      unitRegistered('HY', 'Hưng Yên', 'province'), unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
      unitRegistered('TTH', 'Thừa Thiên Huế', 'province'), unitRegistered('TTH-STP', 'Sở Tư pháp', 'department', 'TTH'),
    ];
    expect(await (await platform.postEvents(units)).json()).toMatchObject({ accepted: 4 });
  });
  afterAll(() => platform?.stop());

  it('answers 401 with a reason without a valid key, and keeps the body as a dead letter', async () => {
    const body = JSON.stringify([dossierEvents('HY-STP', 'U1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00')]);
    for (const [headers, reason] of [
      [{}, 'no credential'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'must be "Bearer <api key>"'],
      [{ authorization: 'Bearer qd766_wfake000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 'not valid'],
    ] as const) {
      const res = await post(body, headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ status: 'rejected', reason: expect.stringContaining(reason) });
    }
    const kept = await platform.db.pool.query<{ source: string; occurrences: number; raw: Buffer }>("SELECT source, occurrences, raw FROM dead_letters WHERE source = 'http:unauthenticated'");
    expect(kept.rows.map((r) => r.raw.toString())).toEqual([body, body, body]);
    const stored = await platform.db.pool.query("SELECT 1 FROM events WHERE stream_id LIKE 'dossier-HY-STP-U1'");
    expect(stored.rowCount).toBe(0);
  });

  it('rejects, per event, writes outside the credential\'s units, under another source or for unknown units; the rest of the batch is stored', async () => {
    const key = await createWriterKey(platform.db.pool, { sourceSystem: 'mot-cua-hy', units: ['HY'], manageUnits: false });
    const mine = (e: object) => ({ ...e, sourceSystem: 'mot-cua-hy' });
    const batch = [
      mine(dossierEvents('HY-STP', 'S1').received('2025-03-03T08:00:00', '2025-03-10T17:00:00')),
      mine(dossierEvents('TTH-STP', 'S2').received('2025-03-03T08:00:00', '2025-03-10T17:00:00')),
      dossierEvents('HY-STP', 'S3').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'),
      ...['toString', 'constructor', '__proto__', 'HY-NOPE'].map((code) => mine(dossierEvents(code, 'S4').received('2025-03-03T08:00:00', '2025-03-10T17:00:00'))),
      mine({ ...unitRegistered('TTH', 'x', 'province'), type: 'unit.dissolved', data: { effectiveFrom: '2025-07-01' } }),
      mine(dossierEvents('HY-STP', 'S5').received('2025-03-04T08:00:00', '2025-03-11T17:00:00')),
    ];
    const res = await post(JSON.stringify(batch), { authorization: `Bearer ${key}` });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as IngestResponseDto;
    expect(answer).toMatchObject({ accepted: 2, rejected: 7, duplicate: 0, conflict: 0 });
    const reasons = answer.results.map((r) => (r.status === 'rejected' ? r.reason : r.status));
    expect(reasons).toEqual([
      'accepted',
      expect.stringContaining('unit "TTH-STP" is outside the units of credential'),
      expect.stringContaining('sourceSystem "test-one-stop" is not "mot-cua-hy"'),
      expect.stringContaining('unit "toString" is not a registered unit'),
      expect.stringContaining('unit "constructor" is not a registered unit'),
      expect.stringContaining('unit "__proto__" is not a registered unit'),
      expect.stringContaining('unit "HY-NOPE" is not a registered unit'),
      expect.stringContaining('unit.dissolved changes the unit tree'),
      'accepted',
    ]);
    const kept = await platform.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM dead_letters WHERE source = 'http:mot-cua-hy'");
    expect(kept.rows[0].n).toBe(7);
    const sources = await platform.db.pool.query<{ source_system: string }>("SELECT DISTINCT source_system FROM events WHERE stream_id LIKE 'dossier-HY-STP-S%'");
    expect(sources.rows).toEqual([{ source_system: 'mot-cua-hy' }]);
  });

  describe('the credentials CLI', () => {
    const root = workspaceRoot();
    const cli = join(root, 'dist/tools/cli/tools/credentials/credentials-cli.js');
    // Asynchronous: a blocked event loop would let the ingest server drop the test's kept-alive sockets.
    const run = async (...args: string[]): Promise<string> =>
      (await promisify(execFile)(process.execPath, ['--require', join(root, 'tools/runtime/lib-paths.cjs'), cli, ...args], {
        cwd: root, env: { ...process.env, DATABASE_URL: platform.db.url }, timeout: 60_000,
      })).stdout;
    const auditOf = async (target: string) =>
      (await platform.db.pool.query<{ actor: string; action: string }>('SELECT actor, action FROM audit_log WHERE target = $1 ORDER BY id', [target])).rows;
    const dossier = (code: string) => [{ ...dossierEvents('HY-STP', code).received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), sourceSystem: 'mot-cua-hy-cli' }];

    beforeAll(async () => {
      await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tools/tsconfig.tools.json')], { cwd: root, timeout: 300_000 });
    }, 300_000);

    it('creates, lists, rotates and revokes, each in the audit log; the key works only while it should', async () => {
      const created = JSON.parse(await run('create', '--source', 'mot-cua-hy-cli', '--units', 'HY', '--by', 'ops-anna', '--json')) as { id: string; apiKey: string };
      const auth = (key: string) => ({ authorization: `Bearer ${key}` });
      expect((await post(JSON.stringify(dossier('C1')), auth(created.apiKey))).status).toBe(200);
      expect(await run('list')).toContain(`${created.id}  source=mot-cua-hy-cli  units=HY  active`);
      expect(await run('list')).not.toContain(created.apiKey);

      const rotated = JSON.parse(await run('rotate', created.id, '--by', 'ops-binh', '--json')) as { apiKey: string };
      expect((await post(JSON.stringify(dossier('C2')), auth(created.apiKey))).status).toBe(401);
      expect((await post(JSON.stringify(dossier('C3')), auth(rotated.apiKey))).status).toBe(200);

      const graced = JSON.parse(await run('rotate', created.id, '--grace-seconds', '600', '--json')) as { apiKey: string };
      expect((await post(JSON.stringify(dossier('C4')), auth(rotated.apiKey))).status).toBe(200);
      expect((await post(JSON.stringify(dossier('C5')), auth(graced.apiKey))).status).toBe(200);

      await run('revoke', created.id, '--by', 'ops-chi');
      expect((await post(JSON.stringify(dossier('C6')), auth(graced.apiKey))).status).toBe(401);
      expect((await post(JSON.stringify(dossier('C7')), auth(rotated.apiKey))).status).toBe(401);
      expect(await auditOf(created.id)).toEqual([
        { actor: 'ops-anna', action: 'credential.create' }, { actor: 'ops-binh', action: 'credential.rotate' },
        { actor: expect.any(String), action: 'credential.rotate' }, { actor: 'ops-chi', action: 'credential.revoke' },
      ]);
      await expect(run('create', '--source', 'x')).rejects.toThrow(/--units is required/);
    });

    it('creates the demo and registry credentials once (npm start), in a file only its owner reads', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qd766-demo-'));
      try {
        const file = join(dir, 'demo-credentials.json');
        const first = JSON.parse(await run('demo', '--file', file)) as { demo: { apiKey: string; units: string[] }; registry: { apiKey: string } };
        const again = JSON.parse(await run('demo', '--file', file)) as typeof first;
        expect(again).toEqual(first);
        expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        expect(first.demo.units).toEqual(expect.arrayContaining(['HY', 'HY25', 'TTH']));
        expect(await auditOf('demo')).toEqual([{ actor: expect.any(String), action: 'credential.create' }]);

        // The registry key registers the reference units; the demo key may not.
        const reference = JSON.stringify(referenceUnitEvents().slice(0, 3));
        const refused = (await (await post(reference, { authorization: `Bearer ${first.demo.apiKey}` })).json()) as IngestResponseDto;
        expect(refused.rejected).toBe(3);
        const registered = (await (await post(reference, { authorization: `Bearer ${first.registry.apiKey}` })).json()) as IngestResponseDto;
        expect(registered).toMatchObject({ accepted: 3, rejected: 0 });

        // A lost key file: the credentials get new keys by rotation, not a second credential.
        rmSync(file);
        const renewed = JSON.parse(await run('demo', '--file', file)) as typeof first;
        expect(renewed.demo.apiKey).not.toBe(first.demo.apiKey);
        expect(await auditOf('demo')).toEqual([{ actor: expect.any(String), action: 'credential.create' }, { actor: expect.any(String), action: 'credential.rotate' }]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the simulator writes with the demo keys (as npm start -- --simulate runs it): units by the registry key, dossiers by the demo key, nothing refused', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'qd766-sim-'));
      const output: string[] = [];
      try {
        const keys = JSON.parse(await run('demo', '--file', join(dir, 'keys.json'))) as { demo: { apiKey: string }; registry: { apiKey: string } };
        const simulator = spawn(process.execPath, ['--require', join(root, 'tools/runtime/lib-paths.cjs'), join(root, 'dist/tools/cli/tools/simulator/simulate.js')], {
          cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, INGEST_URL: platform.ingestUrl, QD766_API_KEY: keys.demo.apiKey, QD766_REGISTRY_API_KEY: keys.registry.apiKey, SIM_HISTORY: '5', SIM_RATE: '2' },
        });
        for (const stream of [simulator.stdout, simulator.stderr]) stream.on('data', (b: Buffer) => output.push(b.toString()));
        try {
          await waitFor(() => output.join('').includes('simulator: live'), { what: 'the simulator to send its history and go live', timeoutMs: 60_000 });
        } finally {
          simulator.kill('SIGTERM');
        }
        expect(output.join('')).not.toContain('rejected');
        const sources = await platform.db.pool.query<{ source_system: string; n: number }>(
          "SELECT source_system, count(*)::int AS n FROM events WHERE source_system IN ('reference-data', 'simulator-mot-cua') GROUP BY 1 ORDER BY 1",
        );
        expect(sources.rows.map((r) => r.source_system)).toEqual(['reference-data', 'simulator-mot-cua']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
