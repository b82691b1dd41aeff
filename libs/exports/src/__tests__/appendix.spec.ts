import { Workbook, type Worksheet } from 'exceljs';
import { figure } from '@idx/domain';
import { APPENDIX_HEADER_ROW, appendixCsv, appendixFileName, appendixXlsx, buildMonthlyAppendix, csvField, type MonthlyAppendix } from '../index';
import { fullFigures, rankingDto, unit, unitScoreDto } from './fixtures';
import { parseCsv } from '@idx/testing';


// Sở Tư pháp: every criterion has data. Sở Y tế: no fee-bearing procedures, no dossiers, not competent
// to certify. Sở Xây dựng: registered, no figure at all. Thị xã "Mỹ Hào", Hưng Yên: a district with a name to quote.
const stp = unitScoreDto(unit('HY-STP', 'Sở Tư pháp', 'department'), fullFigures());
const syt = unitScoreDto(unit('HY-SYT', 'Sở Y tế', 'department'), fullFigures({
  5: figure(0, 0), 21: figure(0, 0), 9: figure(0, 0, { notApplicable: true }), 10: figure(0, 0, { notApplicable: true }), 11: figure(0, 0, { notApplicable: true }), 15: figure(0, 0),
}));
const sxd = unitScoreDto(unit('HY-SXD', 'Sở Xây dựng', 'department'), {});
const myHao = unitScoreDto(unit('HY-MH', 'Thị xã "Mỹ Hào", Hưng Yên', 'district'), fullFigures({ 5: figure(50, 100) }));
const province = unit('HY', 'Hưng Yên', 'province', null);
const generatedAt = Date.parse('2025-04-05T08:05:00+07:00');

function appendix(): MonthlyAppendix {
  return buildMonthlyAppendix({
    period: '2025-03',
    parent: province,
    rankings: [rankingDto('commune', 'HY', []), rankingDto('district', 'HY', [myHao]), rankingDto('department', 'HY', [syt, stp, sxd])],
    unitScores: new Map([stp, syt, sxd, myHao].map((s) => [s.unit.code, s])),
    generatedAt,
  });
}

describe('monthly appendix model', () => {
  it('has one section per non-empty level, departments first, units in rank order', () => {
    const a = appendix();
    expect(a.title).toBe('KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 03/2025');
    expect(a.sections.map((s) => [s.numeral, s.level, s.rows.length])).toEqual([['I', 'department', 3], ['II', 'district', 1]]);
    expect(a.sections[0].rows.map((r) => r.unit.code)).toEqual(['HY-STP', 'HY-SYT', 'HY-SXD']);
    expect(a.latestEventAt).toBe(Date.parse('2025-04-01T02:30:00.000Z'));
  });

  it('maps criteria to columns and keeps N/A, no fees and no data apart from 0', () => {
    const [stpRow, sytRow, sxdRow] = appendix().sections[0].rows;
    expect(stpRow.cells).toMatchObject({
      // Sở Xây dựng has no activity: listed, not ranked, not counted among the ranked.
      rank: { kind: 'rank', rank: 1, of: 2 },
      onTime: { kind: 'rate', ratio: 393 / 400 },
      overdue: { kind: 'count', value: 7 },
      satisfaction: { kind: 'rate', ratio: 3929 / 4000 },
      onlinePayment: { kind: 'rate', ratio: 1 / 3 },
      onlineFiling: { kind: 'rate', ratio: 0.5 },
      digitised: { kind: 'rate', ratio: 7 / 8 },
      eCertifiedCopies: { kind: 'fraction', numerator: 1, denominator: 1 },
      total: { kind: 'score', value: stp.total },
      band: { kind: 'text', text: stp.band.labelVi },
    });
    expect(sytRow.cells).toMatchObject({
      onTime: { kind: 'text', text: 'Chưa có dữ liệu' },
      overdue: { kind: 'text', text: 'Chưa có dữ liệu' },
      satisfaction: { kind: 'text', text: 'Chưa có dữ liệu' },
      onlinePayment: { kind: 'text', text: 'TTHC không có phí, lệ phí' },
      eCertifiedCopies: { kind: 'text', text: 'N/A' },
    });
    for (const key of ['onTime', 'overdue', 'satisfaction', 'onlinePayment', 'onlineFiling', 'digitised', 'eCertifiedCopies', 'total', 'band'] as const) {
      expect(sxdRow.cells[key]).toEqual({ kind: 'text', text: 'Chưa có dữ liệu', why: 'no-data' });
    }
    expect(sxdRow.cells.rank).toEqual({ kind: 'text', text: 'Chưa xếp hạng' });
  });

  it('never gives a unit without activity a total, a band, a rank or "TTHC không có phí, lệ phí"', () => {
    // A catalogue alone (criteria 1, 3, 6 all met, no fee-bearing procedure) and no petitions: under
    // the rule set that is 2 + 4 + 3 (catalogue) + 4 + 2 (petitions, full points when none) points —
    // a number like 13,95 "Yếu" if printed. It had no dossier nor petition: no activity (docs/one-score.md).
    const catalogueOnly = unitScoreDto(unit('HY-SNV', 'Sở Nội vụ', 'department'), {
      1: figure(4, 4), 3: figure(4, 4), 6: figure(4, 4), 9: figure(0, 0, { notApplicable: true }), 11: figure(0, 0, { notApplicable: true }),
      19: figure(0, 0), 20: figure(0, 0),
    });
    expect(catalogueOnly.hasData).toBe(false);
    const ranking = rankingDto('department', 'HY', [stp, catalogueOnly]);
    expect(ranking.rows.map((r) => [r.unit.code, r.rank])).toEqual([['HY-STP', 1], ['HY-SNV', null]]);
    const a = buildMonthlyAppendix({ period: '2025-03', parent: province, rankings: [ranking], unitScores: new Map([stp, catalogueOnly].map((s) => [s.unit.code, s])), generatedAt });
    const row = a.sections[0].rows[1];
    expect(row.cells.rank).toEqual({ kind: 'text', text: 'Chưa xếp hạng' });
    for (const key of ['total', 'band', 'onlinePayment', 'onTime'] as const) expect(row.cells[key]).toEqual({ kind: 'text', text: 'Chưa có dữ liệu', why: 'no-data' });
  });

  it('accepts months only', () => {
    expect(() => buildMonthlyAppendix({ period: '2025-Q1', parent: province, rankings: [], unitScores: new Map(), generatedAt })).toThrow('not a month');
  });

  it('names files in Vietnamese with an ASCII fallback', () => {
    expect(appendixFileName(appendix(), 'xlsx')).toEqual({
      unicode: 'Phụ lục Bộ chỉ số 766 - Hưng Yên - tháng 03-2025.xlsx',
      ascii: 'Phu-luc-Bo-chi-so-766-HY-2025-03.xlsx',
    });
  });
});

describe('monthly appendix as XLSX', () => {
  let sheets: Worksheet[];
  beforeAll(async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await appendixXlsx(appendix())) as never);
    sheets = wb.worksheets;
  });
  const row = (ws: Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

  it('has a sheet per section with the letter header block, a bold frozen header row and widths', () => {
    expect(sheets.map((s) => s.name)).toEqual(['PL I - Sở, ban, ngành', 'PL II - Cấp huyện']);
    const ws = sheets[0];
    expect(ws.getCell('A1').value).toBe('PHỤ LỤC I');
    expect(ws.getCell('A2').value).toBe('KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 03/2025');
    expect(ws.getCell('A3').value).toBe('Khối sở, ban, ngành thuộc Hưng Yên (HY)');
    expect(ws.getCell('A4').value).toBe('(Số liệu tạm tính tại thời điểm 08:05 ngày 05/04/2025 (tháng chưa chốt); bộ quy tắc qd766-2022)');
    expect(row(ws, APPENDIX_HEADER_ROW)).toEqual([
      'Xếp hạng', 'Mã đơn vị', 'Tên đơn vị', 'Tỷ lệ hồ sơ xử lý đúng hạn (%)', 'Số hồ sơ quá hạn', 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC (%)',
      'Tỷ lệ hồ sơ thanh toán trực tuyến (%)', 'Tỷ lệ hồ sơ nộp trực tuyến (%)', 'Tỷ lệ hồ sơ thực hiện số hóa (%)',
      'Chứng thực bản sao điện tử từ bản chính (số đơn vị đã cấp/có thẩm quyền)', 'Điểm tổng hợp (/100)', 'Xếp loại',
    ]);
    expect(ws.getCell(APPENDIX_HEADER_ROW, 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: APPENDIX_HEADER_ROW });
    expect(ws.getColumn(3).width).toBe(36);
  });

  it('stores rates, counts and totals as numbers rounded as displayed, with 2-decimal formats', () => {
    const ws = sheets[0];
    const r = APPENDIX_HEADER_ROW + 1;
    expect(row(ws, r).slice(0, 3)).toEqual([1, 'HY-STP', 'Sở Tư pháp']);
    expect(ws.getCell(r, 4)).toMatchObject({ value: 0.9825, numFmt: '0.00%' });
    expect(ws.getCell(r, 5)).toMatchObject({ value: 7, numFmt: '#,##0' });
    expect(ws.getCell(r, 6)).toMatchObject({ value: 0.9823, numFmt: '0.00%' }); // 98,225% rounds half up
    expect(ws.getCell(r, 7)).toMatchObject({ value: 0.3333, numFmt: '0.00%' });
    expect(ws.getCell(r, 8).value).toBe(0.5);
    expect(ws.getCell(r, 9).value).toBe(0.875);
    // Criterion 15 as "x/y" units, stored as text: a spreadsheet would read 1/1 as a date.
    expect(ws.getCell(r, 10).value).toBe('1/1');
    expect(ws.getCell(r, 11).numFmt).toBe('0.00');
    expect(ws.getCell(r, 11).value).toBe(Math.round(stp.total * 100) / 100);
    expect(ws.getCell(r, 12).value).toBe(stp.band.labelVi);
  });

  it('still writes a sheet when the parent has no units', async () => {
    const empty = buildMonthlyAppendix({ period: '2025-03', parent: province, rankings: [rankingDto('department', 'HY', [])], unitScores: new Map(), generatedAt });
    const wb = new Workbook();
    await wb.xlsx.load((await appendixXlsx(empty)) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục']);
    expect(wb.worksheets[0].getCell(APPENDIX_HEADER_ROW + 1, 1).value).toBe('Chưa có dữ liệu');
    expect(appendixCsv(empty).toString('utf8').split('\r\n')).toHaveLength(2); // header + final CRLF
  });

  it('writes the words, never 0, where there is no number', () => {
    const ws = sheets[0];
    const syt = row(ws, APPENDIX_HEADER_ROW + 2);
    expect(syt.slice(1, 10)).toEqual(['HY-SYT', 'Sở Y tế', 'Chưa có dữ liệu', 'Chưa có dữ liệu', 'Chưa có dữ liệu', 'TTHC không có phí, lệ phí', 0.5, 0.875, 'N/A']);
    const sxd = row(ws, APPENDIX_HEADER_ROW + 3);
    expect(sxd.slice(3)).toEqual(Array(9).fill('Chưa có dữ liệu'));
    expect(ws.getCell(APPENDIX_HEADER_ROW + 5, 1).value).toBe('Ghi chú:');
    expect(sheets[1].getCell(APPENDIX_HEADER_ROW + 1, 3).value).toBe('Thị xã "Mỹ Hào", Hưng Yên');
  });
});

describe('monthly appendix as CSV', () => {
  const bytes = appendixCsv(appendix());
  const text = bytes.toString('utf8');

  it('is UTF-8 with a BOM, comma-separated, CRLF, RFC 4180 quoted', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(text.slice(1));
    expect(records).toHaveLength(5);
    expect(records.every((r) => r.length === 16)).toBe(true);
    expect(records[0].slice(0, 6)).toEqual(['Phụ lục', 'Khối', 'Tháng', 'Xếp hạng', 'Mã đơn vị', 'Tên đơn vị']);
    expect(records[1]).toEqual(['I', 'Sở, ban, ngành', '03/2025', '1', 'HY-STP', 'Sở Tư pháp', '98,25', '7', '98,23', '33,33', '50,00', '87,50', '1/1', expect.stringMatching(/^\d+,\d\d$/), stp.band.labelVi, 'Tạm tính']);
    expect(records[2].slice(6, 13)).toEqual(['Chưa có dữ liệu', 'Chưa có dữ liệu', 'Chưa có dữ liệu', 'TTHC không có phí, lệ phí', '50,00', '87,50', 'N/A']);
    expect(records[4].slice(0, 7)).toEqual(['II', 'Huyện, thị xã, thành phố', '03/2025', '1', 'HY-MH', 'Thị xã "Mỹ Hào", Hưng Yên', '50,00']);
    expect(text).toContain(',"Thị xã ""Mỹ Hào"", Hưng Yên","50,00",');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises formula-looking free text only', () => {
    expect(csvField('=HYPERLINK("x")', { neutraliseFormula: true })).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-1', { neutraliseFormula: false })).toBe('-1');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
