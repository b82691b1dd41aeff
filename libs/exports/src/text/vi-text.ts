import { parsePeriod, VIETNAM_OFFSET_MS } from '@idx/domain';

/** How published letters name each level of unit (headings and labels). */
export const LEVEL_LABELS_VI: Readonly<Record<string, { readonly plural: string; readonly singular: string; readonly short: string }>> = {
  province: { plural: 'Tỉnh, thành phố trực thuộc Trung ương', singular: 'Tỉnh, thành phố', short: 'Cấp tỉnh' },
  department: { plural: 'Sở, ban, ngành', singular: 'Sở, ban, ngành', short: 'Sở, ban, ngành' },
  district: { plural: 'Huyện, thị xã, thành phố', singular: 'Huyện, thị xã, thành phố', short: 'Cấp huyện' },
  commune: { plural: 'Xã, phường, thị trấn', singular: 'Xã, phường, thị trấn', short: 'Cấp xã' },
};

export function levelLabelVi(level: string, form: 'plural' | 'singular' | 'short' = 'plural'): string {
  return LEVEL_LABELS_VI[level]?.[form] ?? level;
}

/** The month of a YYYY-MM key as letters write it ("03/2025"); throws on any other period kind. */
export function monthLabel(periodKey: string): string {
  const period = parsePeriod(periodKey);
  if (period.kind !== 'month') throw new RangeError(`period "${periodKey}" is not a month (YYYY-MM): exports are monthly`);
  const [year, month] = period.key.split('-');
  return `${month}/${year}`;
}

/** An instant in Asia/Ho_Chi_Minh as letters write it: "08:05 ngày 05/04/2025". */
export function formatInstantVi(instant: string | number | Date): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ngày ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Vietnamese text without diacritics ("Hưng Yên" → "Hung Yen"), for ASCII file names. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A file name safe everywhere: ASCII letters, digits, dot, dash and underscore only. */
export function asciiFileName(name: string): string {
  const folded = foldToAscii(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-(?=\.)|-$/g, '');
  return folded.length > 0 ? folded : 'export';
}

/** A file name that keeps the Vietnamese letters but no characters file systems reject. */
export function unicodeFileName(name: string): string {
  const printable = [...name.normalize('NFC')].map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch)).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim();
}
