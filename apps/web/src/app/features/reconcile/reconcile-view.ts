import type { ReconciliationFigureDto, ReconciliationRowDto } from '@idx/contracts';

const number = (decimals: number) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const two = number(2);
const whole = number(0);

/** "5/7 · 71,43% · 14,29 điểm": what each side says, in the order an official checks it. */
export function figureText(f: ReconciliationFigureDto | null): string {
  if (f === null) return '—';
  const parts: string[] = [];
  if (f.numerator !== null || f.denominator !== null) parts.push(`${f.numerator === null ? '?' : whole.format(f.numerator)}/${f.denominator === null ? '?' : whole.format(f.denominator)}`);
  if (f.ratio !== null) parts.push(`${two.format(f.ratio)}%`);
  if (f.points !== null) parts.push(`${two.format(f.points)} điểm`);
  return parts.length ? parts.join(' · ') : '—';
}

const signed = (n: number, format: Intl.NumberFormat) => `${n > 0 ? '+' : ''}${format.format(n)}`;

/** The difference, ours − the portal's, only the fields that differ: "+2/+3 · −3,57% · −0,71 điểm". */
export function differenceText(row: ReconciliationRowDto): string {
  if (row.agrees) return '0';
  const d = row.difference;
  if (row.ours === null) return '—';
  const parts: string[] = [];
  if (d.numerator !== null || d.denominator !== null) parts.push(`${d.numerator === null ? '?' : signed(d.numerator, whole)}/${d.denominator === null ? '?' : signed(d.denominator, whole)}`);
  if (d.ratio !== null) parts.push(`${signed(d.ratio, two)}%`);
  if (d.points !== null) parts.push(`${signed(d.points, two)} điểm`);
  return parts.join(' · ') || '—';
}
