import type { CriterionScoreDto, UnitScoreDto } from '@idx/contracts';
import { unitRegistered, waitFor } from '@idx/testing';
import { createWriterKey } from '../testing/writer-key';
import { type RunningPlatform, startPlatform } from './platform-harness';
import { nativeHistory, PORTAL_PROCEDURE, portalCalls } from './portal-sync-history';

const NATIVE = 'HY-NAT';
/** The sync unit is registered under its national code, so MaHoSo's prefix names it. */
const SYNCED = 'H31.39';

interface SyncAnswer {
  error_code: string;
  message: string;
  accepted: number;
  unchanged: number;
  rejected: number;
  results: { index: number; MaHoSo?: string; status: string; error_code: string; message: string; unitCode?: string; events?: { type: string; status: string }[] }[];
}

describe('the national portal\'s sync format (DongBoHoSoMC, CapNhatTienDoHoSoMC) end to end', () => {
  let platform: RunningPlatform;
  let session: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.ingestUrl}/api/v1/portal/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  const scoreOf = async (unit: string): Promise<UnitScoreDto> => {
    const res = await fetch(`${platform.reportingUrl}/api/v1/units/${encodeURIComponent(unit)}/scores?period=2025-03`);
    return (await res.json()) as UnitScoreDto;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    const setup = await platform.postEvents([
      unitRegistered(NATIVE, 'UBND xã Lạc Hồng (native)', 'commune', 'HY'),
      unitRegistered(SYNCED, 'UBND xã Lạc Hồng (portal)', 'commune', 'HY'),
      // The procedure catalogue is not part of the sync format: both units get it natively.
      ...[NATIVE, SYNCED].map((unitCode) => ({
        eventId: crypto.randomUUID(), type: 'procedure.fee-configured', schemaVersion: 1, occurredAt: '2025-01-01T00:00:00+07:00',
        sourceSystem: 'test-one-stop', unitCode, procedureCode: PORTAL_PROCEDURE, data: { feeBearing: true },
      })),
    ]);
    expect(await setup.json()).toMatchObject({ rejected: 0 });
  });
  afterAll(() => platform?.stop());

  it('logs in with the source name and API key, and refuses a wrong pair', async () => {
    const bad = await post('login', { username: 'someone-else', password: platform.apiKey });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error_code: '03', message: expect.stringContaining('username or password is wrong') });
    const res = await post('login', { username: 'test-one-stop', password: platform.apiKey });
    const answer = (await res.json()) as { error_code: string; session: string; expiresAt: string };
    expect(res.status).toBe(200);
    expect(answer).toMatchObject({ error_code: '00', session: expect.stringMatching(/^pss_/) });
    session = answer.session;
  });

  it('gives the same scores as the same history sent as native events', async () => {
    expect(await (await platform.postEvents(nativeHistory(NATIVE))).json()).toMatchObject({ rejected: 0, conflict: 0 });

    const answers: SyncAnswer[] = [];
    for (const call of portalCalls()) {
      // The portal's clients put the session in the body.
      const res = await post('sync', { session, madonvi: '000.00.12.H31', ...call });
      expect(res.status).toBe(200);
      answers.push((await res.json()) as SyncAnswer);
    }
    for (const a of answers) expect(a).toMatchObject({ error_code: '00', rejected: 0 });
    expect(answers[0]).toMatchObject({ accepted: 7, unchanged: 0 });
    expect(answers[0].results[0]).toMatchObject({ MaHoSo: 'H31.39-250303-0001', unitCode: SYNCED, status: 'accepted' });
    // D1 final snapshot: obligation, payment, files, VNeID, processed, e-result, returned (received and synced came first).
    expect(answers[2].results[0].events?.map((e) => e.type).sort()).toEqual([
      'dossier.components-digitised', 'dossier.e-result-issued', 'dossier.fee-paid', 'dossier.financial-obligation',
      'dossier.population-data-used', 'dossier.processed', 'dossier.result-returned',
    ]);
    // The resend (with older snapshots after newer ones) changes nothing.
    expect(answers[3]).toMatchObject({ accepted: 0, unchanged: answers[3].results.length });
    expect(answers[4]).toMatchObject({ accepted: 0, unchanged: 1 });

    const ready = (s: UnitScoreDto) => s.criteria?.find((c) => c.id === 5)?.denominator === 10 && s.criteria.find((c) => c.id === 11)?.denominator === 2;
    const native = await waitFor(async () => { const s = await scoreOf(NATIVE); return ready(s) ? s : undefined; }, { what: 'the native unit to be scored' });
    const synced = await waitFor(async () => { const s = await scoreOf(SYNCED); return ready(s) ? s : undefined; }, { what: 'the portal-synced unit to be scored' });
    const figures = (s: UnitScoreDto) => s.criteria.map((c: CriterionScoreDto) => ({ id: c.id, n: c.numerator, d: c.denominator, points: c.points, status: c.status, flags: c.flags }));
    expect(figures(synced)).toEqual(figures(native));
    expect(synced.groups).toEqual(native.groups);
    expect(synced.total).toBe(native.total);

    // Figures worked out by hand from the history (DOMAIN.md §2): 10 received (D7 refused and D8
    // only submitted are not); all 10 synced (criterion 4); 3 online (D1, D3, D11) → 30% of a 50%
    // target → 3.6 of 6; 2 dossiers with a non-zero fee, both paid online (criterion 11) → 6.
    const c = (id: number) => synced.criteria.find((x) => x.id === id);
    // Criterion 5: on time are D1, D3 (its supplement wait moved the due time), D5 and D6 (ended
    // before due), D9 (pending, not due at the end of March), D11, D12; D2 late, D4 two supplement
    // requests, D10 overdue → 7 of 10.
    expect(c(5)).toMatchObject({ numerator: 7, denominator: 10 });
    expect(c(4)).toMatchObject({ numerator: 10, denominator: 10, points: 6 });
    expect(c(8)).toMatchObject({ numerator: 3, denominator: 10 });
    expect(c(8)?.points).toBeCloseTo(3.6, 9);
    expect(c(11)).toMatchObject({ numerator: 2, denominator: 2, points: 6 });
  });

  it('rejects a bad dossier with a reason per field and an unknown unit, keeps their bytes, and never costs the neighbours', async () => {
    const good = { MaHoSo: 'H31.39-250325-0100', MaTTHC: PORTAL_PROCEDURE, TrangThaiHoSo: 2, NgayTiepNhan: '20250325080000', NgayHenTra: '20250401170000' };
    const body = `{"service":"DongBoHoSoMC","isUpdating":false,"session":"${session}","data":[` +
      `{"MaHoSo":"H31.39-250325-0101","MaTTHC":"P-FEE","TrangThaiHoSo":"12","NgayTiepNhan":"2025-03-25"},` +
      `${JSON.stringify(good)},` +
      `{"MaHoSo":"H99.99-250325-0102","MaTTHC":"P-FEE","TrangThaiHoSo":2,"NgayTiepNhan":"20250325080000","NgayHenTra":"20250401170000"}]}`;
    const res = await post('DongBoHoSoMC', body);
    const answer = (await res.json()) as SyncAnswer;
    expect(res.status).toBe(200);
    expect(answer).toMatchObject({ error_code: '01', accepted: 1, rejected: 2 });
    expect(answer.results[0].message).toBe('data[0].TrangThaiHoSo: must be a whole number from 1 to 10, not "12"; data[0].NgayTiepNhan: must be a time written yyyyMMddHHmmss in Vietnam time (Asia/Ho_Chi_Minh), e.g. 20250303080000; got "2025-03-25"');
    expect(answer.results[2].message).toContain('data[2].unit: national code "H99.99" names no registered unit');
    const letters = await platform.db.pool.query<{ raw: Buffer; reason: string }>(`SELECT raw, reason FROM dead_letters WHERE source = 'portal:test-one-stop' ORDER BY id`);
    expect(letters.rows.map((r) => r.raw.toString())).toEqual([
      '{"MaHoSo":"H31.39-250325-0101","MaTTHC":"P-FEE","TrangThaiHoSo":"12","NgayTiepNhan":"2025-03-25"}',
      '{"MaHoSo":"H99.99-250325-0102","MaTTHC":"P-FEE","TrangThaiHoSo":2,"NgayTiepNhan":"20250325080000","NgayHenTra":"20250401170000"}',
    ]);
    // Accepted snapshots are kept byte for byte with the events derived from them.
    const kept = await platform.db.pool.query<{ raw: Buffer; event_ids: string[] }>(`SELECT raw, event_ids FROM portal_snapshots WHERE dossier_code = 'H31.39-250325-0100'`);
    expect(kept.rows).toHaveLength(1);
    expect(kept.rows[0].raw.toString()).toBe(JSON.stringify(good));
    expect(kept.rows[0].event_ids).toHaveLength(2); // received + synced
  });

  it('files a progress record under the unit its dossier\'s snapshot resolved to, though the record names no unit', async () => {
    // A commune known by a GSO code only; the dossier number carries no agency code.
    const gso = { eventId: crypto.randomUUID(), type: 'unit.registered', schemaVersion: 1, occurredAt: '2025-01-01T00:00:00+07:00', sourceSystem: 'test-one-stop',
      unitCode: 'HY-GSO', data: { name: 'UBND xã Gso', level: 'commune', parentCode: 'HY', nationalCodes: ['12391'] } };
    expect(await (await platform.postEvents([gso])).json()).toMatchObject({ accepted: 1 });
    const dossier = { MaHoSo: 'HS-250310-0001', MaTTHC: PORTAL_PROCEDURE, TrangThaiHoSo: 2, NgayTiepNhan: '20250310080000', NgayHenTra: '20250317170000' };
    const snapshot = (await (await post('DongBoHoSoMC', { service: 'DongBoHoSoMC', isUpdating: false, session, madonvi: '12391', data: [dossier] })).json()) as SyncAnswer;
    expect(snapshot).toMatchObject({ error_code: '00', accepted: 1 });
    const step = { MaHoSo: 'HS-250310-0001', NguoiXuLy: 'Trần Thị Bình', ChucDanh: 'Chuyên viên', ThoiDiemXuLy: '20250311090000', PhongBanXuLy: 'Bộ phận một cửa',
      NoiDungXuLy: 'Thẩm định', TrangThai: '4', NgayBatDau: '20250310100000', NgayKetThucTheoQuyDinh: '20250312170000' };
    const progress = (await (await post('CapNhatTienDoHoSoMC', { service: 'CapNhatTienDoHoSoMC', session, data: [step] })).json()) as SyncAnswer;
    expect(progress.results[0]).toMatchObject({ status: expect.not.stringMatching('rejected'), unitCode: 'HY-GSO' });
    expect(progress.rejected).toBe(0);
  });

  it('answers a body that is not a sync call with 02 and keeps it', async () => {
    const broken = await post('sync', '{"service":"DongBoHoSoMC","data":[{"MaHoSo":', { authorization: `Bearer ${session}` });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error_code: '02', message: expect.stringContaining('(body): not valid JSON') });
    const events = await post('sync', [{ type: 'dossier.received' }], { authorization: `Bearer ${session}` });
    expect(events.status).toBe(400);
    expect(await events.json()).toMatchObject({ error_code: '02', message: expect.stringContaining('(body): must be a JSON object {"service": "DongBoHoSoMC"') });
    const kept = await platform.db.pool.query<{ raw: Buffer }>(`SELECT raw FROM dead_letters WHERE source = 'portal:test-one-stop' AND reason LIKE '(body)%' ORDER BY id`);
    expect(kept.rows.map((r) => r.raw.toString())).toEqual(['{"service":"DongBoHoSoMC","data":[{"MaHoSo":', '[{"type":"dossier.received"}]']);
  });

  it('refuses a call without a valid session (kept), and a unit outside the credential', async () => {
    const anon = await post('sync', { service: 'DongBoHoSoMC', data: [{ MaHoSo: 'H31.39-1' }] });
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error_code: '03' });
    const kept = await platform.db.pool.query(`SELECT 1 FROM dead_letters WHERE source = 'portal:unauthenticated'`);
    expect(kept.rowCount).toBe(1);

    const otherKey = await createWriterKey(platform.db.pool, { sourceSystem: 'motcua-khac', units: [NATIVE], manageUnits: false });
    const login = (await (await post('login', { username: 'motcua-khac', password: otherKey })).json()) as { session: string };
    const res = await post('sync', { service: 'DongBoHoSoMC', data: [{ MaHoSo: 'H31.39-250326-0200', MaTTHC: 'P-1', TrangThaiHoSo: 2, NgayTiepNhan: '20250326080000', NgayHenTra: '20250402170000' }] },
      { authorization: `Bearer ${login.session}` });
    const answer = (await res.json()) as SyncAnswer;
    expect(answer).toMatchObject({ error_code: '01', rejected: 1 });
    expect(answer.results[0].message).toContain('is outside the units of credential');
  });

  it('documents the endpoints with schemas in OpenAPI', async () => {
    const doc = (await (await fetch(`${platform.ingestUrl}/api/docs-json`)).json()) as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } } }> };
    const sync = doc.paths['/api/v1/portal/sync'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(sync.properties ?? {})).toEqual(expect.arrayContaining(['service', 'isUpdating', 'session', 'data']));
    expect(doc.paths['/api/v1/portal/login']).toBeDefined();
  });
});
