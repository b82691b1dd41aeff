import { type Alignment, type Borders, type Cell, type Worksheet, Workbook } from 'exceljs';
import { cellText, type ExportCell, storedNumber } from '../text/cells';
import { levelLabelVi } from '../text/vi-text';
import type { AppendixColumn, AppendixSection, MonthlyAppendix } from './monthly-appendix';

/** Rows above the table: appendix number, title, scope, data time, blank. The header row follows. */
export const APPENDIX_HEADER_ROW = 6;

const THIN: Borders = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
  diagonal: { up: false, down: false },
};

/** Excel number formats; Excel shows the decimal separator of the reader's locale (a comma in Vietnamese). */
function numberFormat(cell: ExportCell, decimals: MonthlyAppendix['decimals']): string | undefined {
  const fixed = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  switch (cell.kind) {
    case 'rate':
      return `${fixed(decimals.rate)}%`;
    case 'score':
      return fixed(decimals.total);
    case 'count':
      return '#,##0';
    case 'rank':
      return '0';
    case 'fraction':
    case 'text':
      return undefined;
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(section: AppendixSection): string {
  return `PL ${section.numeral} - ${levelLabelVi(section.level, 'short')}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

function block(ws: Worksheet, row: number, value: string, width: number, style: { bold?: boolean; italic?: boolean; size?: number; height?: number }): void {
  ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  cell.value = value;
  cell.font = { name: 'Times New Roman', bold: style.bold, italic: style.italic, size: style.size ?? 12 };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (style.height) ws.getRow(row).height = style.height;
}

function writeValue(target: Cell, value: ExportCell, column: AppendixColumn, appendix: MonthlyAppendix, own: boolean): void {
  const stored = storedNumber(value, appendix.decimals);
  const alignment: Partial<Alignment> = { vertical: 'middle', wrapText: true };
  if (stored === undefined) {
    target.value = cellText(value, appendix.decimals);
    alignment.horizontal = column.key === 'name' || column.key === 'code' ? 'left' : 'center';
  } else {
    target.value = stored;
    target.numFmt = numberFormat(value, appendix.decimals) as string;
    alignment.horizontal = value.kind === 'rank' ? 'center' : 'right';
  }
  target.alignment = alignment;
  target.border = THIN;
  target.font = { name: 'Times New Roman', size: 11, bold: own };
}

function writeSection(wb: Workbook, appendix: MonthlyAppendix, section: AppendixSection | undefined): void {
  const columns = appendix.columns;
  const ws = wb.addWorksheet(section ? sheetName(section) : 'Phụ lục', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${APPENDIX_HEADER_ROW}:${APPENDIX_HEADER_ROW}` },
    views: [{ state: 'frozen', xSplit: 0, ySplit: APPENDIX_HEADER_ROW, activeCell: `A${APPENDIX_HEADER_ROW + 1}` }],
  });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  block(ws, 1, section ? `PHỤ LỤC ${section.numeral}` : 'PHỤ LỤC', columns.length, { bold: true, size: 13 });
  block(ws, 2, appendix.title, columns.length, { bold: true, size: 13, height: 36 });
  block(ws, 3, section ? section.subheading : `Đơn vị: ${appendix.parent.name} (${appendix.parent.code})`, columns.length, { bold: true });
  const dataTime = `(${appendix.dataTime}${appendix.ruleSetIds.length > 0 ? `; bộ quy tắc ${appendix.ruleSetIds.join(', ')}` : ''})`;
  block(ws, 4, dataTime, columns.length, { italic: true });

  const header = ws.getRow(APPENDIX_HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = THIN;
  });
  header.height = 62;

  let at = APPENDIX_HEADER_ROW + 1;
  for (const row of section?.rows ?? []) {
    const line = ws.getRow(at++);
    columns.forEach((c, i) => writeValue(line.getCell(i + 1), row.cells[c.key], c, appendix, row.own === true));
  }
  if (!section || section.rows.length === 0) {
    ws.mergeCells(at, 1, at, columns.length);
    ws.getCell(at, 1).value = 'Chưa có dữ liệu';
    ws.getCell(at, 1).alignment = { horizontal: 'center' };
    at++;
  }
  if (section && section.rows.length > 0) {
    ws.autoFilter = { from: { row: APPENDIX_HEADER_ROW, column: 1 }, to: { row: at - 1, column: columns.length } };
  }
  at++;
  ws.getCell(at++, 1).value = 'Ghi chú:';
  ws.getCell(at - 1, 1).font = { name: 'Times New Roman', bold: true, italic: true, size: 10 };
  for (const note of appendix.notes) {
    ws.mergeCells(at, 1, at, columns.length);
    const cell = ws.getCell(at, 1);
    cell.value = `- ${note}`;
    cell.font = { name: 'Times New Roman', italic: true, size: 10 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = 28;
    at++;
  }
}

/**
 * The appendix as an Excel workbook: one sheet per level (PL I sở, ban, ngành; PL II huyện …),
 * each with the letter's header block, a bold frozen header row, widths, and numbers stored as
 * numbers (rates as ratios formatted "0.00%", totals "0.00") rounded as displayed.
 */
export async function appendixXlsx(appendix: MonthlyAppendix): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'QĐ 766 real-time index';
  wb.title = `Phụ lục ${appendix.title}`;
  wb.subject = `${appendix.parent.name} (${appendix.parent.code}) — ${appendix.period}`;
  wb.created = new Date(appendix.generatedAt);
  wb.modified = new Date(appendix.generatedAt);
  if (appendix.sections.length === 0) writeSection(wb, appendix, undefined);
  for (const section of appendix.sections) writeSection(wb, appendix, section);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
