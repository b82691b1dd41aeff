import type { PeriodKind, PeriodParts } from '../time/period-key';
import type { Translations } from './language';

export interface PeriodText {
  readonly kinds: Readonly<Record<PeriodKind, string>>;
  /** The period as a caption names it: "tháng 06/2025", "quý II/2025". */
  readonly label: (period: PeriodParts) => string;
  readonly quarter: (n: number) => string;
  readonly half: (n: number) => string;
  readonly month: (n: number) => string;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const EN_MONTHS = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const PERIOD_TEXT: Translations<PeriodText> = {
  vi: {
    kinds: { month: 'Tháng', quarter: 'Quý', half: '6 tháng', year: 'Năm', mtd: 'Tháng này (đến nay)' },
    label: (p) => {
      switch (p.kind) {
        case 'month':
          return `tháng ${pad(p.index)}/${p.year}`;
        case 'mtd':
          return `tháng ${pad(p.index)}/${p.year} (tính đến hiện tại)`;
        case 'quarter':
          return `quý ${ROMAN[p.index]}/${p.year}`;
        case 'half':
          return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
        case 'year':
          return `năm ${p.year}`;
      }
    },
    quarter: (n) => `Quý ${ROMAN[n]}`,
    half: (n) => (n === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm'),
    month: (n) => `Tháng ${pad(n)}`,
  },
  en: {
    kinds: { month: 'Month', quarter: 'Quarter', half: 'Half-year', year: 'Year', mtd: 'Month to date' },
    label: (p) => {
      switch (p.kind) {
        case 'month':
          return `${EN_MONTHS[p.index]} ${p.year}`;
        case 'mtd':
          return `${EN_MONTHS[p.index]} ${p.year} (to date)`;
        case 'quarter':
          return `Q${p.index} ${p.year}`;
        case 'half':
          return `H${p.index} ${p.year}`;
        case 'year':
          return `year ${p.year}`;
      }
    },
    quarter: (n) => `Q${n}`,
    half: (n) => (n === 1 ? 'First half' : 'Second half'),
    month: (n) => EN_MONTHS[n] ?? String(n),
  },
};
