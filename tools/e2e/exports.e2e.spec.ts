import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { Workbook, type Worksheet } from 'exceljs';
import type { UnitScoreDto } from '@idx/contracts';
import { at, dossierEvents, parseCsv, unitRegistered, waitFor } from '@idx/testing';
import { type RunningPlatform, startPlatform } from './platform-harness';

const event = (type: string, unitCode: string, occurredAt: string, data: object, subject: { dossierCode?: string } = {}) => ({
  eventId: randomUUID(), type, schemaVersion: 1, occurredAt: at(occurredAt), sourceSystem: 'test-one-stop', unitCode, ...subject, data,
});


/** Characters the PDF's embedded fonts map (ToUnicode), to know Vietnamese letters have glyphs. */
function pdfMappedCharacters(pdf: Buffer): Set<string> {
  const text = pdf.toString('latin1');
  const mapped = new Set<string>();
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    try {
      const body = inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1');
      if (body.includes('Adobe-Identity-UCS')) for (const h of body.slice(body.indexOf('beginbfrange')).matchAll(/<([0-9a-f]{4,})>/gi)) mapped.add(String.fromCodePoint(parseInt(h[1], 16)));
    } catch {
      // not a Flate stream
    }
  }
  return mapped;
}

const pct = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? undefined : Math.round(ratio * 10000) / 10000);
const rowValues = (ws: Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('end to end: events → scores → monthly exports (XLSX, CSV, PDF) over HTTP', () => {
  let platform: RunningPlatform;
  const get = (path: string) => fetch(`${platform.reportingUrl}${path}`);

  beforeAll(async () => {
    platform = await startPlatform();
    const stp = (code: string) => dossierEvents('HY-STP', code);
    const events = [
      unitRegistered('HY', 'Hưng Yên', 'province'),
      unitRegistered('HY-STP', 'Sở Tư pháp', 'department', 'HY'),
      unitRegistered('HY-SYT', 'Sở Y tế', 'department', 'HY'),
      unitRegistered('HY-SXD', 'Sở Xây dựng', 'department', 'HY'),
      unitRegistered('HY-VL', 'Huyện Văn Lâm', 'district', 'HY'),
      unitRegistered('HY-VL-LD', 'Xã Lạc Đạo', 'commune', 'HY-VL'),
      // Sở Tư pháp: 4 dossiers, 3 on time and 1 late, 2 online; 2 carry a fee, 1 paid online.
      stp('A').received('2025-03-03T08:00:00', '2025-03-10T17:00:00', 'online'), stp('A').processed('2025-03-05T10:00:00'),
      stp('B').received('2025-03-04T08:00:00', '2025-03-11T17:00:00', 'online'), stp('B').processed('2025-03-11T16:00:00'),
      stp('C').received('2025-03-05T08:00:00', '2025-03-12T17:00:00'), stp('C').processed('2025-03-12T09:00:00'),
      stp('D').received('2025-03-06T08:00:00', '2025-03-13T17:00:00'), stp('D').processed('2025-03-20T09:00:00'),
      event('dossier.financial-obligation', 'HY-STP', '2025-03-03T09:00:00', { lines: [{ kind: 'fee', amount: 50000 }] }, { dossierCode: 'A' }),
      event('dossier.fee-paid', 'HY-STP', '2025-03-03T09:30:00', { method: 'national-portal', amount: 50000 }, { dossierCode: 'A' }),
      event('dossier.financial-obligation', 'HY-STP', '2025-03-04T09:00:00', { lines: [{ kind: 'fee', amount: 20000 }] }, { dossierCode: 'B' }),
      event('dossier.fee-paid', 'HY-STP', '2025-03-04T09:30:00', { method: 'offline', amount: 20000 }, { dossierCode: 'B' }),
      // Sở Y tế: one dossier, no fee anywhere → "TTHC không có phí, lệ phí".
      dossierEvents('HY-SYT', 'E').received('2025-03-07T08:00:00', '2025-03-14T17:00:00'), dossierEvents('HY-SYT', 'E').processed('2025-03-10T08:00:00'),
      // Huyện Văn Lâm: competent to certify, 5 e-certified copies in March; its commune has one dossier.
      event('unit.certification-competence-set', 'HY-VL', '2024-01-01T00:00:00', { competent: true }),
      event('certified-copy.issued', 'HY-VL', '2025-03-04T10:30:00', { count: 5 }),
      dossierEvents('HY-VL', 'F').received('2025-03-07T08:00:00', '2025-03-14T17:00:00', 'online'), dossierEvents('HY-VL', 'F').processed('2025-03-10T08:00:00'),
      dossierEvents('HY-VL-LD', 'G').received('2025-03-07T08:00:00', '2025-03-14T17:00:00'), dossierEvents('HY-VL-LD', 'G').processed('2025-03-17T08:00:00'),
    ];
    const res = await platform.postEvents(events);
    expect(await res.json()).toMatchObject({ accepted: events.length, rejected: 0 });
    const score = async (code: string) => {
      const r = await get(`/api/v1/units/${code}/scores?period=2025-03`);
      return r.status === 200 ? ((await r.json()) as UnitScoreDto) : undefined;
    };
    await waitFor(async () => {
      const [a, b, c, d] = await Promise.all(['HY-STP', 'HY-SYT', 'HY-VL', 'HY-VL-LD'].map(score));
      return a?.criteria.find((x) => x.id === 5)?.denominator === 4 && a.criteria.find((x) => x.id === 11)?.denominator === 2
        && b?.criteria.find((x) => x.id === 5)?.denominator === 1 && c?.criteria.find((x) => x.id === 15)?.numerator === 1
        && d?.criteria.find((x) => x.id === 5)?.denominator === 1;
    }, { what: 'the March 2025 scores of the Hưng Yên units', timeoutMs: 30000 });
  });
  afterAll(() => platform?.stop());

  const apiScore = async (code: string) => (await (await get(`/api/v1/units/${code}/scores?period=2025-03`)).json()) as UnitScoreDto;

  it('downloads the XLSX appendix: one sheet per level, figures as the API scores them', async () => {
    const res = await get('/api/v1/exports/monthly-appendix.xlsx?period=2025-03&parent=HY');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Phu-luc-Bo-chi-so-766-HY-2025-03.xlsx"; filename*=UTF-8''${encodeURIComponent('Phụ lục Bộ chỉ số 766 - Hưng Yên - tháng 03-2025.xlsx')}`,
    );
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    // One sheet per level under the province, then the provinces nationally (issue 12: the national appendix).
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PL I - Sở, ban, ngành', 'PL II - Cấp huyện', 'PL III - Cấp xã', 'PL IV - Cấp tỉnh']);
    const [departments, districts, communes, provinces] = wb.worksheets;
    expect(departments.getCell('A2').value).toBe('KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 03/2025');
    expect(departments.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(departments.getCell('A6').font?.bold).toBe(true);

    const stp = await apiScore('HY-STP');
    // Row 7 is the province itself (its pooled figures, ranked 1/1 among the provinces), then its departments.
    const hy = await apiScore('HY');
    expect(rowValues(departments, 7).slice(0, 3)).toEqual(['1/1', 'HY', 'Hưng Yên']);
    expect(rowValues(departments, 7)[10]).toBe(Math.round(hy.total * 100) / 100);
    expect(rowValues(provinces, 7).slice(0, 3)).toEqual([1, 'HY', 'Hưng Yên']);
    const byCode = new Map([8, 9, 10].map((n) => [rowValues(departments, n)[1], rowValues(departments, n)]));
    expect([...byCode.keys()].sort()).toEqual(['HY-STP', 'HY-SXD', 'HY-SYT']);
    const s = byCode.get('HY-STP') as unknown[];
    // Criterion 5: 3 of 4 on time (75,00%), 1 overdue. Criterion 8: 2 of 4 online. Criterion 11: 1 of 2 fee dossiers paid online.
    expect(s.slice(1, 9)).toEqual(['HY-STP', 'Sở Tư pháp', 0.75, 1, pct(stp.criteria.find((c) => c.id === 21)?.ratio) ?? 'Chưa có dữ liệu', 0.5, 0.5, expect.anything()]);
    expect(s[10]).toBe(Math.round(stp.total * 100) / 100);
    expect(s[11]).toBe(stp.band.labelVi);
    expect(s[0]).toBe(stp.rank?.rank);
    expect(departments.getCell(7, 4).numFmt).toBe('0.00%');
    expect(byCode.get('HY-SYT')?.slice(2, 7)).toEqual(['Sở Y tế', 1, 0, expect.anything(), 'TTHC không có phí, lệ phí']);
    // Registered, no activity (no dossier, no petition: docs/one-score.md): "Chưa có dữ liệu" everywhere — no
    // total like 14,29 "Yếu" from the free points (no petitions = full points), no rank, and no "TTHC không
    // có phí, lệ phí" nor N/A from its data beside it.
    const sxd = await apiScore('HY-SXD');
    expect(sxd).toMatchObject({ hasData: false, status: 'no-data', rank: null });
    expect(byCode.get('HY-SXD')?.slice(3, 12)).toEqual(Array(9).fill('Chưa có dữ liệu'));
    expect(byCode.get('HY-SXD')?.[0]).toBe('Chưa xếp hạng');

    // The district is scored on its own and its communes' dossiers (F on time, G late). Its criterion-15
    // numerator counts units that issued a copy (1), not the 5 copies.
    // numerator counts units that issued a copy (1), not the 5 copies, out of the units competent (1): "1/1".
    expect(rowValues(districts, 8).slice(0, 5)).toEqual([1, 'HY-VL', 'Huyện Văn Lâm', 0.5, 1]);
    expect(districts.getCell(8, 10).value).toBe('1/1');
    expect(rowValues(communes, 8).slice(0, 5)).toEqual([1, 'HY-VL-LD', 'Xã Lạc Đạo', 0, 1]);
  });

  it('downloads the CSV appendix (UTF-8 BOM, RFC 4180) with the same rows', async () => {
    const res = await get('/api/v1/exports/monthly-appendix.csv?period=2025-03&parent=HY');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('filename="Phu-luc-Bo-chi-so-766-HY-2025-03.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8').slice(1));
    // Header, then per section the province's own row and its units: 1 + 3, 1 + 1, 1 + 1, and the provinces (1).
    expect(records).toHaveLength(1 + 4 + 2 + 2 + 1);
    const stp = records.find((r) => r[4] === 'HY-STP') as string[];
    expect(stp.slice(0, 10)).toEqual(['I', 'Sở, ban, ngành', '03/2025', expect.any(String), 'HY-STP', 'Sở Tư pháp', '75,00', '1', expect.any(String), '50,00']);
    expect(records.find((r) => r[4] === 'HY-SYT')?.[9]).toBe('TTHC không có phí, lệ phí');
    expect(records.find((r) => r[4] === 'HY-VL-LD')?.slice(0, 3)).toEqual(['III', 'Xã, phường, thị trấn', '03/2025']);
  });

  it("lists a district's communes only", async () => {
    const res = await get('/api/v1/exports/monthly-appendix.csv?period=2025-03&parent=HY-VL');
    expect(res.status).toBe(200);
    const records = parseCsv(Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1));
    expect(records.slice(1).map((r) => r[4])).toEqual(['HY-VL', 'HY-VL-LD']);
  });

  it("downloads a unit's monthly summary PDF with DejaVu Sans embedded", async () => {
    const res = await get('/api/v1/exports/monthly-summary.pdf?unit=HY-STP&period=2025-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Ket-qua-Bo-chi-so-766-HY-STP-2025-03.pdf"; filename*=UTF-8''${encodeURIComponent('Kết quả Bộ chỉ số 766 - Sở Tư pháp - tháng 03-2025.pdf')}`,
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toContain('/FontFile2');
    const pages = (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pdf.length).toBeLessThan(400_000);
    const mapped = pdfMappedCharacters(pdf);
    for (const ch of 'Sở Tư pháp') expect(mapped.has(ch)).toBe(true);
  });

  it('answers 400 with a reason on bad input and 404 for an unknown unit', async () => {
    const reasonOf = async (path: string) => {
      const r = await get(path);
      return { status: r.status, reason: ((await r.json()) as { reason: string }).reason };
    };
    expect(await reasonOf('/api/v1/exports/monthly-appendix.xlsx?period=2025-13&parent=HY')).toMatchObject({ status: 400, reason: expect.stringContaining('2025-13') });
    expect(await reasonOf('/api/v1/exports/monthly-appendix.csv?period=2025-Q1&parent=HY')).toMatchObject({ status: 400, reason: expect.stringContaining('YYYY-MM') });
    expect(await reasonOf('/api/v1/exports/monthly-appendix.csv?period=2025-03')).toMatchObject({ status: 400, reason: 'parent: is required (a unit code, e.g. HY)' });
    expect(await reasonOf('/api/v1/exports/monthly-appendix.csv?period=2025-03&parent=H%20Y')).toMatchObject({ status: 400, reason: expect.stringContaining('parent:') });
    expect(await reasonOf('/api/v1/exports/monthly-appendix.xlsx?period=2025-03&parent=HY-STP')).toMatchObject({ status: 400, reason: expect.stringContaining('province or a district') });
    expect(await reasonOf('/api/v1/exports/monthly-appendix.xlsx?period=2025-03&parent=NOPE')).toMatchObject({ status: 404, reason: expect.stringContaining('NOPE') });
    expect(await reasonOf('/api/v1/exports/monthly-summary.pdf?unit=NOPE&period=2025-03')).toMatchObject({ status: 404, reason: expect.stringContaining('NOPE') });
    expect(await reasonOf('/api/v1/exports/monthly-summary.pdf?period=2025-03')).toMatchObject({ status: 400, reason: expect.stringContaining('unit: is required') });
  });

  it('documents the exports in OpenAPI', async () => {
    const docs = (await (await get('/api/docs-json')).json()) as { paths: Record<string, object> };
    expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining([
      '/api/v1/exports/monthly-appendix.xlsx', '/api/v1/exports/monthly-appendix.csv', '/api/v1/exports/monthly-summary.pdf',
    ]));
  });
});
