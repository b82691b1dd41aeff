import { csvText, UTF8_BOM } from '../csv/rfc4180';
import { cellText } from '../text/cells';
import type { MonthlyAppendix } from './monthly-appendix';

/**
 * The appendix as one CSV table (UTF-8 with BOM, comma separator, RFC 4180 quoting, CRLF): a
 * leading "Phụ lục"/"Khối" pair says which section a row belongs to, then the appendix columns.
 * Numbers are Vietnamese text with a decimal comma and no thousands dots ("98,25", "1234"); rates
 * are percentages without the sign (the headers say "(%)").
 */
export function appendixCsv(appendix: MonthlyAppendix): Buffer {
  const header = ['Phụ lục', 'Khối', 'Tháng', ...appendix.columns.map((c) => c.header)];
  const freeText = new Set(appendix.columns.map((c, i) => (c.key === 'name' || c.key === 'code' ? i + 3 : -1)).filter((i) => i >= 0));
  const records = appendix.sections.flatMap((s) =>
    s.rows.map((r) => [s.numeral, s.levelLabel, appendix.month, ...appendix.columns.map((c) => cellText(r.cells[c.key], appendix.decimals, { grouping: false }))]),
  );
  return Buffer.from(UTF8_BOM + csvText([header, ...records], freeText), 'utf8');
}
