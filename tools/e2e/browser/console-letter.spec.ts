import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import type { UnitScoreDto } from '@idx/contracts';
import { pdfText } from '@idx/testing';
import { type ConsolePlatform, downloadLink, startConsolePlatform } from './browser-harness';
import { PERIOD, seedMarch } from './console-fixtures';

/** "73,61": two decimals, decimal comma (the province's total as the letter prints it). */
const total = (n: number) => (Math.round(n * 100 + 1e-7) / 100).toFixed(2).replace('.', ',');

describe('console in Chromium: the monthly letter from the unit view (issue 12 §2)', () => {
  let c: ConsolePlatform;
  let province: UnitScoreDto;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
    province = (await c.api<UnitScoreDto>(`/api/v1/units/HY/scores?period=${PERIOD}`)).body;
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  const download = (page: Page, testId: string) => downloadLink(page, c.consoleUrl, testId);

  it("downloads the province's letter as Word and PDF, the communes' letter and the national appendix", async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    await page.getByTestId('export-letter-docx').waitFor();
    expect(await page.getByTestId('export-letter-docx').getAttribute('href')).toBe(`/api/v1/exports/monthly-letter.docx?unit=HY&period=${PERIOD}`);
    expect(await page.getByTestId('export-letter-communes-docx').getAttribute('href')).toBe(`/api/v1/exports/monthly-letter.docx?unit=HY&period=${PERIOD}&scope=communes`);
    const expected = `đạt ${total(province.total)}/100 điểm, xếp loại ${province.band.labelVi}`;

    const docx = await download(page, 'export-letter-docx');
    expect(docx.name).toBe('Công văn Bộ chỉ số 766 - Hưng Yên - tháng 03-2025 (tạm tính).docx');
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(expected);
    expect(text).toContain('SỐ LIỆU TẠM TÍNH');
    expect(text).toContain('Sở Tư pháp');

    const pdf = await download(page, 'export-letter-pdf');
    expect(pdf.name).toMatch(/\(tạm tính\)\.pdf$/);
    expect(pdfText(pdf.bytes)).toContain(expected);

    const communes = await download(page, 'export-letter-communes-docx');
    const communesXml = (await (await JSZip.loadAsync(communes.bytes)).file('word/document.xml')?.async('string')) ?? '';
    expect(communesXml).not.toContain('Sở Tư pháp');

    const national = await download(page, 'export-national-xlsx');
    expect(national.name).toBe('Phụ lục Bộ chỉ số 766 - Toàn quốc - tháng 03-2025.xlsx');
    const wb = new Workbook();
    await wb.xlsx.load(national.bytes as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((s) => {
      const values: string[] = [];
      s.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text))));
      return values;
    });
    expect(cells).toEqual(expect.arrayContaining(['HY', 'Hưng Yên']));
    expect(c.errorsOf(page)).toEqual([]);
    // Eight letters are generated (each link probed, then downloaded): PDF font subsetting takes seconds on a shared machine.
  }, 180_000);

  it('offers no letter for a department (it publishes none)', async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY-STP?ky=${PERIOD}`);
    await page.getByTestId('export-pdf').waitFor();
    expect(await page.getByTestId('export-letter-docx').count()).toBe(0);
  });
});
