/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Vietnamese letters intact). */
export const UTF8_BOM = '\uFEFF';

/**
 * A field as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF (quotes doubled).
 * `neutraliseFormula` prefixes an apostrophe to free text that a spreadsheet would run as a formula
 * (=, +, -, @ first): unit names come from one-stop systems, not from us.
 */
export function csvField(value: string, options: { readonly neutraliseFormula?: boolean } = {}): string {
  const safe = options.neutraliseFormula && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Records joined with CRLF, every record ending in CRLF (RFC 4180 §2). */
export function csvText(records: readonly (readonly string[])[], freeTextColumns: ReadonlySet<number> = new Set()): string {
  return records.map((fields) => fields.map((f, i) => csvField(f, { neutraliseFormula: freeTextColumns.has(i) })).join(',')).join('\r\n') + '\r\n';
}
