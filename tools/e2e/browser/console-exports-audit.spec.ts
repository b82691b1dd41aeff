import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { type ConsolePlatform, downloadLink, startConsolePlatform } from './browser-harness';
import { PERIOD, seedMarch } from './console-fixtures';

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

describe('console in Chromium: exports and the auditor page (issue 5 §4)', () => {
  let c: ConsolePlatform;

  beforeAll(async () => {
    c = await startConsolePlatform();
    await seedMarch(c);
  }, 120_000);
  afterAll(() => c?.stop(), 60_000);

  const download = (page: Page, testId: string) => downloadLink(page, c.consoleUrl, testId);

  it("downloads the province's monthly appendix as XLSX and CSV, and the PDF summary, from the unit view", async () => {
    const page = await c.newPage();
    await page.goto(`${c.consoleUrl}/don-vi/HY?ky=${PERIOD}`);
    await page.getByTestId('export-xlsx').waitFor();
    expect(await page.getByTestId('export-xlsx').getAttribute('href')).toBe(`/api/v1/exports/monthly-appendix.xlsx?period=${PERIOD}&parent=HY`);

    const xlsx = await download(page, 'export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => {
      const values: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text))));
      return values;
    });
    expect(cells).toEqual(expect.arrayContaining(['Sở Tư pháp', 'Sở Xây dựng']));

    const csv = await download(page, 'export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const records = parseCsv(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(records.length).toBeGreaterThan(2);
    const flat = records.flat();
    expect(flat).toEqual(expect.arrayContaining(['Sở Tư pháp', 'Sở Xây dựng']));

    const pdf = await download(page, 'export-pdf');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(c.errorsOf(page)).toEqual([]);
  });

  it('verifies a unit-month, shows a month is not closed, closes it and shows the published snapshot', async () => {
    const page = await c.newPage();
    // Verifying and closing are for auditors (docs/console-accounts.md).
    await c.signIn(page, await c.createAccount('kiem-toan-vien', 'auditor'));
    await page.goto(`${c.consoleUrl}/kiem-toan`);
    await page.getByTestId('verify-unit').fill('HY-STP');
    await page.getByTestId('verify-period').fill(PERIOD);
    await page.getByTestId('verify-run').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-match')).toBe('true');
    expect(await result.textContent()).toContain('Khớp');

    await page.getByTestId('snapshot-period').fill(PERIOD);
    await page.getByTestId('snapshot-run').click();
    await page.getByTestId('snapshot-not-closed').waitFor();

    await page.getByTestId('close-period').fill(PERIOD);
    await page.getByTestId('close-run').click();
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('close-done').waitFor();
    await page.locator('[data-testid="snapshot-row"][data-unit-code="HY-STP"]').waitFor();
    await c.screenshot(page, 'audit');
    expect(c.errorsOf(page)).toEqual([]);
  });
});
