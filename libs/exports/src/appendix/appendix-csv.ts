import { csvText, UTF8_BOM } from '../csv/rfc4180';
import { cellText } from '../text/cells';
import type { MonthlyAppendix } from './monthly-appendix';

/**
 * The appendix as one CSV table (UTF-8 with BOM, comma separator, RFC 4180 quoting, CRLF): a
 * leading "Phụ lục"/"Khối" pair says which section a row belongs to, then the appendix columns, then
 * whether the figures are provisional ("Tạm tính") or the closed month's ("Chốt tháng").
 * Numbers are Vietnamese text with a decimal comma and no thousands dots ("98,25", "1234"); rates
 * are percentages without the sign (the headers say "(%)").
 */
export function appendixCsv(appendix: MonthlyAppendix): Buffer {
  // The cut goes last so the columns before it keep their places for existing readers.
  const header = ['Phụ lục', 'Khối', 'Tháng', ...appendix.columns.map((c) => c.header), 'Số liệu'];
  const cut = appendix.cut.kind === 'closed' ? 'Chốt tháng' : 'Tạm tính';
  const freeText = new Set(appendix.columns.map((c, i) => (c.key === 'name' || c.key === 'code' ? i + 3 : -1)).filter((i) => i >= 0));
  const records = appendix.sections.flatMap((s) =>
    s.rows.map((r) => [s.numeral, s.levelLabel, appendix.month, ...appendix.columns.map((c) => cellText(r.cells[c.key], appendix.decimals, { grouping: false })), cut]),
  );
  return Buffer.from(UTF8_BOM + csvText([header, ...records], freeText), 'utf8');
}
