import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PortalImportResultDto, ReconciliationDrillDownDto, ReconciliationDto, UnitScoreDto } from '@idx/contracts';
import type { PortalEvaluationImported } from '@idx/domain';
import { compareUnit, readPortalEvaluation, sourceBytesOf } from '@idx/reconciliation';
import { OpenApiValidator, waitFor } from '@idx/testing';
import { type ConsoleClient, createConsoleAccount, signIn } from './console-session';
import { type RunningPlatform, startPlatform } from './platform-harness';
import {
  NATIVE_ONLY, nativeOnlyDossiers, portalEvaluationFile, RC_COMMUNE, RC_COMMUNE_NATIONAL, RC_OTHER_PROVINCE, RC_PROVINCE, reconciliationUnits, syncedDossiers,
} from './reconciliation-fixtures';

/**
 * Issue 12 item 3 on real PostgreSQL: the portal's evaluation file counts four of the commune's
 * seven dossiers (the three it never got a sync for are missing); the comparison shows the
 * hand-derived difference and the drill-down names exactly those three (reconciliation-fixtures.ts).
 */
describe('reconciliation with the national portal\'s evaluation figures', () => {
  let platform: RunningPlatform;
  let national: ConsoleClient;
  let province: ConsoleClient;
  let importId: string;
  /** A stand-in for the portal's evaluation endpoint (jsp/rest.jsp): what it was asked, and the rows it answers. */
  let fakePortal: Server;
  const portalAsked: string[] = [];
  const imports = `/api/v1/units/${RC_PROVINCE}/reconciliation/imports`;
  const upload = (client: ConsoleClient, body: string | Buffer, query = '', contentType = 'application/octet-stream') =>
    client.fetch(`${imports}${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body) });
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${platform.reportingUrl}${path}`);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    fakePortal = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        portalAsked.push(body);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        // report_tinh_766_service rows: group points as text, the portal's internal id and the mã định danh.
        res.end(JSON.stringify([{ ID: '501234', MA_COQUAN: RC_COMMUNE_NATIONAL, TEN: 'UBND xã Hòa Bình', CAPDONVIID: '3', ROW_STT: '1', TDGQ: '15', TONG_SCORE: '15' }]));
      });
    });
    await new Promise<void>((resolve) => fakePortal.listen(0, '127.0.0.1', resolve));
    process.env['RECONCILIATION_FETCH_URL'] = `http://127.0.0.1:${(fakePortal.address() as AddressInfo).port}/jsp/rest.jsp`;
    platform = await startPlatform();
    expect(await (await platform.postEvents(reconciliationUnits())).json()).toMatchObject({ rejected: 0 });
    const login = await fetch(`${platform.ingestUrl}/api/v1/portal/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test-one-stop', password: platform.apiKey }) });
    const { session } = (await login.json()) as { session: string };
    const sync = await fetch(`${platform.ingestUrl}/api/v1/portal/sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session, ...syncedDossiers() }) });
    expect(await sync.json()).toMatchObject({ error_code: '00', accepted: 4 });
    expect(await (await platform.postEvents(nativeOnlyDossiers())).json()).toMatchObject({ rejected: 0 });
    await waitFor(async () => {
      const s = await get<UnitScoreDto>(`/api/v1/units/${RC_COMMUNE}/scores?period=2025-03`);
      return s.criteria.find((c) => c.id === 5)?.denominator === 7;
    }, { timeoutMs: 60_000 });
    national = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'rc-national', 'national'));
    province = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'rc-province', 'province', RC_PROVINCE));
  }, 180_000);
  afterAll(async () => {
    delete process.env['RECONCILIATION_FETCH_URL'];
    fakePortal?.closeAllConnections();
    fakePortal?.close();
    await platform?.stop();
  });

  it('imports the file as an event holding its bytes; the same bytes again are the same import', async () => {
    const res = await upload(province, portalEvaluationFile(), '?fileName=dvcqg-2025-03.json');
    const first = (await res.json()) as PortalImportResultDto;
    expect(res.status).toBe(201);
    expect(first).toMatchObject({ status: 'imported', import: { unitCode: RC_PROVINCE, period: '2025-03', importedBy: 'rc-province', fileName: 'dvcqg-2025-03.json', bytes: Buffer.byteLength(portalEvaluationFile()) } });
    importId = first.import.importId;
    const again = await upload(national, portalEvaluationFile(), '?period=2025-03');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged', import: { importId, importedBy: 'rc-province' } });
    const stored = await platform.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'portal.evaluation-imported'`);
    expect(stored.rows[0].n).toBe(1);
    expect((await get<{ imports: { importId: string }[] }>(imports)).imports.map((i) => i.importId)).toEqual([importId]);
  });

  it('shows ours beside the portal\'s per unit and criterion, with the difference derived by hand', async () => {
    const r = await get<ReconciliationDto>(`${imports}/${importId}`);
    expect(r.summary).toEqual({ units: 2, compared: 1, differing: 1, notCompared: 1 });
    const commune = r.units.find((u) => u.departmentCode === RC_COMMUNE_NATIONAL);
    expect(commune).toMatchObject({ unitCode: RC_COMMUNE, unitName: 'UBND xã Hòa Bình', status: 'compared', differences: 2 });
    expect(commune?.rows.find((x) => x.kind === 'criterion')).toEqual({
      kind: 'criterion', criterion: 5, group: 'progress', labelVi: '5. Tỷ lệ hồ sơ xử lý đúng hạn',
      ours: { numerator: 5, denominator: 7, ratio: 71.43, points: 14.29 },
      portal: { numerator: 3, denominator: 4, ratio: 75, points: 15 },
      difference: { numerator: 2, denominator: 3, ratio: -3.57, points: -0.71 },
      agrees: false,
    });
    expect(commune?.rows.find((x) => x.kind === 'group')).toMatchObject({ group: 'progress', ours: { points: 14.29 }, portal: { points: 15 }, difference: { points: -0.71 } });
    expect(r.units.find((u) => u.departmentCode === '000.99.99.H99')).toMatchObject({ status: 'unknown-unit', unitCode: null, reason: expect.stringContaining('000.99.99.H99') });
  });

  it('drills down to exactly the three dossiers the portal never got', async () => {
    const d = await get<ReconciliationDrillDownDto>(`${imports}/${importId}/dossiers?unit=${RC_COMMUNE}&criterion=5`);
    expect(d.candidates.map((c) => c.dossierCode)).toEqual(NATIVE_ONLY);
    expect(d.candidates.every((c) => c.inDenominator && !c.portalSynced && c.unitCode === RC_COMMUNE)).toBe(true);
    expect(d.candidates.filter((c) => c.inNumerator).map((c) => c.dossierCode)).toEqual(NATIVE_ONLY.slice(0, 2));
    expect(d.synced).toBe(4);
    expect(d.explanationVi).toContain('giải thích toàn bộ chênh lệch');
  });

  it('gives the same comparison when the stored import event is replayed', async () => {
    const answered = await get<ReconciliationDto>(`${imports}/${importId}`);
    const again = await get<ReconciliationDto>(`${imports}/${importId}`);
    expect(again).toEqual(answered);
    // Replay: the event as stored, its bytes read again, compared with our figures as they stood at the import.
    const { rows } = await platform.db.pool.query<{ payload: PortalEvaluationImported }>(`SELECT payload FROM events WHERE type = 'portal.evaluation-imported'`);
    const reading = readPortalEvaluation(sourceBytesOf(rows[0].payload));
    if (!reading.ok) throw new Error(reading.problems.join('; '));
    const ours = await get<UnitScoreDto>(`/api/v1/units/${RC_COMMUNE}/scores?period=2025-03&asOf=${encodeURIComponent(rows[0].payload.occurredAt)}`);
    const commune = reading.evaluation.units.find((u) => u.departmentCode === RC_COMMUNE_NATIONAL);
    expect(commune && compareUnit(commune, ours)).toEqual(answered.units.find((u) => u.unitCode === RC_COMMUNE)?.rows);
  });

  it('refuses hostile or wrong files with reasons, keeps them, and answers 4xx', async () => {
    const bad = await upload(province, JSON.stringify({ groups: [{ group: 'TDGQ', items: [{ departmentCode: 'X', totalReceived: 'nhiều', totalOnTime: 3 }] }] }), '?period=2025-03');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      reason: expect.stringContaining('groups[0].items[0].totalReceived: must be a count (a number), found "nhiều"'),
      problems: ['groups[0].items[0].totalReceived: must be a count (a number), found "nhiều"'],
    });
    for (const [body, reason] of [
      ['{"groups": [', 'not JSON'],
      [Buffer.from([0xc3, 0x28]), 'not UTF-8'],
      ['['.repeat(100) + ']'.repeat(100), 'nested deeper'],
      ['', 'the file is empty'],
    ] as const) {
      const res = await upload(province, body, '?period=2025-03');
      expect({ status: res.status, reason: ((await res.json()) as { reason: string }).reason }).toEqual({ status: 400, reason: expect.stringContaining(reason) });
    }
    const noPeriod = await upload(province, JSON.stringify({ groups: [{ group: 'TDGQ', items: [{ departmentCode: 'X', totalReceived: 1 }] }] }));
    expect(noPeriod.status).toBe(400);
    expect(((await noPeriod.json()) as { reason: string }).reason).toContain('names no period');
    const otherPeriod = await upload(province, portalEvaluationFile(), '?period=2025-04');
    expect(((await otherPeriod.json()) as { reason: string }).reason).toContain('the request names 2025-04 but the file is for 2025-03');

    const kept = await platform.db.pool.query<{ reason: string; raw: Buffer }>(`SELECT reason, raw FROM dead_letters WHERE source = 'reconciliation:rc-province' ORDER BY id`);
    expect(kept.rows).toHaveLength(7);
    expect(kept.rows[1]).toMatchObject({ reason: expect.stringContaining('not JSON'), raw: Buffer.from('{"groups": [') });

    const asJson = await upload(province, portalEvaluationFile(), '', 'application/json');
    expect(asJson.status).toBe(415);
    expect(((await asJson.json()) as { reason: string }).reason).toContain('application/octet-stream');
  });

  it('lets only the national office, auditors and the province\'s own office import', async () => {
    const unit = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'rc-commune', 'unit', RC_COMMUNE));
    const refusedRole = await upload(unit, portalEvaluationFile());
    expect(refusedRole.status).toBe(403);
    const other = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'rc-other', 'province', RC_OTHER_PROVINCE));
    const outside = await upload(other, portalEvaluationFile());
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { reason: string }).reason).toContain(`unit ${RC_PROVINCE} is outside your area`);
    const anonymous = await fetch(`${platform.reportingUrl}${imports}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: portalEvaluationFile() });
    expect([401, 403]).toContain(anonymous.status);
  });

  it('fetches the portal\'s figures itself when RECONCILIATION_FETCH_URL is set, asking as the portal\'s page does', async () => {
    const res = await province.fetch(`/api/v1/units/${RC_PROVINCE}/reconciliation/imports/fetch?period=2025-03&portalId=398126`, { method: 'POST' });
    const result = (await res.json()) as PortalImportResultDto;
    expect(res.status).toBe(201);
    expect(result).toMatchObject({ status: 'imported', import: { period: '2025-03', fetchedFrom: expect.stringMatching(/\/jsp\/rest\.jsp$/) } });
    const params = JSON.parse(new URLSearchParams(portalAsked[0]).get('params') ?? '{}') as Record<string, unknown>;
    expect(params).toMatchObject({ service: 'report_tinh_766_service', p_nam: '2025', p_thang: 3, p_quy: 0, p_tinh_id: '398126' });
    const r = await get<ReconciliationDto>(`${imports}/${result.import.importId}`);
    expect(r.format).toBe('report-tinh-766');
    const rows = r.units.find((u) => u.unitCode === RC_COMMUNE)?.rows;
    expect(rows?.find((x) => x.kind === 'group')).toMatchObject({ group: 'progress', ours: { points: 14.29 }, portal: { points: 15 }, difference: { points: -0.71 } });
    expect(rows?.find((x) => x.kind === 'total')).toMatchObject({ portal: { points: 15 } });
    const unitAccount = await signIn(platform.reportingUrl, await createConsoleAccount(platform.db.pool, 'rc-commune-2', 'unit', RC_COMMUNE));
    const refused = await unitAccount.fetch(`/api/v1/units/${RC_PROVINCE}/reconciliation/imports/fetch?period=2025-03&portalId=398126`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(portalAsked).toHaveLength(1); // a refused account makes no request leave
  });

  it('answers what its OpenAPI document publishes', async () => {
    const doc = (await (await fetch(`${platform.reportingUrl}/api/docs-json`)).json()) as { components: { schemas: Record<string, Record<string, unknown>> } };
    const validator = new OpenApiValidator(doc.components.schemas);
    const checks: [string, unknown][] = [
      ['PortalImportList', await get(imports)],
      ['Reconciliation', await get(`${imports}/${importId}`)],
      ['ReconciliationDrillDown', await get(`${imports}/${importId}/dossiers?unit=${RC_COMMUNE}&criterion=5`)],
    ];
    for (const [name, value] of checks) {
      const validate = validator.compile({ $ref: `#/components/schemas/${name}` });
      expect({ name, ok: validate(value), errors: validate.errors?.slice(0, 3) ?? null }).toEqual({ name, ok: true, errors: null });
    }
  });

  it('answers wrong parameters with a 4xx and a reason', async () => {
    const cases: [string, number, string][] = [
      [`${imports}/not-an-id`, 400, 'importId'],
      [`${imports}/${importId}?ours=later`, 400, 'ours: must be import or now'],
      [`${imports}/00000000-0000-5000-8000-000000000000`, 404, 'no import 00000000-0000-5000-8000-000000000000'],
      [`${imports}/${importId}/dossiers?unit=${RC_COMMUNE}&criterion=99`, 400, 'criterion'],
      [`${imports}/${importId}/dossiers?unit=${RC_COMMUNE}&criterion=8`, 404, 'gives no counts for criterion 8'],
      [`${imports}/${importId}/dossiers?unit=${RC_OTHER_PROVINCE}&criterion=5`, 404, 'has no figures for unit'],
      [`${imports}/${importId}/dossiers?criterion=5`, 400, 'unit: is required'],
      [`/api/v1/units/NO-SUCH/reconciliation/imports`, 404, 'no unit with the code'],
    ];
    for (const [path, status, reason] of cases) {
      const res = await fetch(`${platform.reportingUrl}${path}`);
      expect({ path, status: res.status, reason: ((await res.json()) as { reason: string }).reason }).toEqual({ path, status, reason: expect.stringContaining(reason) });
    }
  });
});
