import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { apiUrls } from '../../core/api/api-urls';
import { injectTranslations, type Translations } from '../../core/i18n/language';
import { monthForMonthlyDocuments } from '../../core/time/period-key';
import { UNIT_TEXT } from './unit.i18n';

/** The letter's links: kept here (not in api-urls / unit.i18n) so this slice touches one file of the unit page. */
const LETTER_BASE = '/api/v1/exports';
const letterUrl = (format: 'docx' | 'pdf', unit: string, period: string, scope?: 'communes') =>
  `${LETTER_BASE}/monthly-letter.${format}?${new URLSearchParams({ unit, period, ...(scope ? { scope } : {}) }).toString()}`;
const nationalAppendixUrl = (period: string) => `${LETTER_BASE}/national-appendix.xlsx?${new URLSearchParams({ period }).toString()}`;

interface LetterText {
  readonly docx: string;
  readonly pdf: string;
  readonly communesDocx: string;
  readonly national: string;
  readonly letterNote: string;
  readonly communesNote: string;
  readonly nationalNote: string;
}

const LETTER_TEXT: Translations<LetterText> = {
  vi: {
    docx: 'Công văn công bố (Word)',
    pdf: 'Công văn công bố (PDF)',
    communesDocx: 'Công văn cho cấp xã (Word)',
    national: 'Phụ lục toàn quốc (Excel)',
    letterNote: 'Công văn "V/v Công bố kết quả đánh giá Bộ chỉ số…" kèm các phụ lục; tháng chưa chốt in "Số liệu tạm tính"',
    communesNote: 'Công văn chỉ kèm phụ lục các xã, phường (đăng lại cho cấp xã)',
    nationalNote: 'Kết quả của các tỉnh, thành phố trong tháng',
  },
  en: {
    docx: 'Results letter (Word)',
    pdf: 'Results letter (PDF)',
    communesDocx: 'Letter for the communes (Word)',
    national: 'National appendix (Excel)',
    letterNote: 'The letter "V/v Công bố kết quả đánh giá Bộ chỉ số…" with its appendices; a month not yet closed is marked provisional',
    communesNote: 'The letter with the communes\' appendix only (re-published for the communes)',
    nationalNote: 'Every province\'s results for the month',
  },
};

/** Monthly documents as the province office publishes them: the letter (DOCX, PDF), the appendix (XLSX, CSV), a PDF summary. */
@Component({
  selector: 'app-export-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (month(); as month) {
      <div class="exports">
        @if (appendix()) {
          <a class="export" data-testid="export-letter-docx" [href]="letterDocxUrl()" download [attr.title]="letterText().letterNote">
            <span class="export__kind">DOCX</span>{{ letterText().docx }}
          </a>
          <a class="export" data-testid="export-letter-pdf" [href]="letterPdfUrl()" download [attr.title]="letterText().letterNote">
            <span class="export__kind">PDF</span>{{ letterText().pdf }}
          </a>
          @if (unitLevel() === 'province') {
            <a class="export" data-testid="export-letter-communes-docx" [href]="communesDocxUrl()" download [attr.title]="letterText().communesNote">
              <span class="export__kind">DOCX</span>{{ letterText().communesDocx }}
            </a>
            <a class="export" data-testid="export-national-xlsx" [href]="nationalUrl()" download [attr.title]="letterText().nationalNote">
              <span class="export__kind">XLSX</span>{{ letterText().national }}
            </a>
          }
          <a class="export" data-testid="export-xlsx" [href]="xlsxUrl()" download [attr.title]="text().exports.appendixNote">
            <span class="export__kind">XLSX</span>{{ text().exports.xlsx }}
          </a>
          <a class="export" data-testid="export-csv" [href]="csvUrl()" download [attr.title]="text().exports.appendixNote">
            <span class="export__kind">CSV</span>{{ text().exports.csv }}
          </a>
        }
        <a class="export" data-testid="export-pdf" [href]="pdfUrl()" download>
          <span class="export__kind">PDF</span>{{ text().exports.pdf }}
        </a>
      </div>
    } @else {
      <p class="hint" data-testid="exports-monthly-only">{{ text().exports.monthlyOnly }}</p>
    }
  `,
  styles: `
    .exports { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .export {
      display: inline-flex; align-items: center; gap: 0.45rem;
      padding: 0.4rem 0.8rem; border: 1px solid var(--color-border); border-radius: 4px;
      background: var(--color-surface); color: var(--color-text); text-decoration: none; font-weight: 600; font-size: 0.875rem;
    }
    .export:hover { border-color: var(--color-link); color: var(--color-link); }
    .export__kind {
      padding: 0 0.3rem; border-radius: 3px; background: var(--color-brand); color: #fff;
      font-size: 0.65rem; letter-spacing: 0.04em;
    }
    .hint { margin: 0; color: var(--color-muted); font-size: 0.875rem; }
  `,
})
export class ExportLinksComponent {
  readonly unitCode = input.required<string>();
  readonly unitLevel = input.required<string>();
  readonly periodKey = input.required<string>();

  protected readonly text = injectTranslations(UNIT_TEXT);
  protected readonly month = computed(() => monthForMonthlyDocuments(this.periodKey()));
  /** The appendix lists a province's units, or a district's communes (DOMAIN §1: the letters' per-unit tables). */
  protected readonly appendix = computed(() => this.unitLevel() === 'province' || this.unitLevel() === 'district');
  protected readonly xlsxUrl = computed(() => apiUrls.exports.appendixXlsx(this.month() ?? '', this.unitCode()));
  protected readonly csvUrl = computed(() => apiUrls.exports.appendixCsv(this.month() ?? '', this.unitCode()));
  protected readonly pdfUrl = computed(() => apiUrls.exports.summaryPdf(this.unitCode(), this.month() ?? ''));
  protected readonly letterText = injectTranslations(LETTER_TEXT);
  protected readonly letterDocxUrl = computed(() => letterUrl('docx', this.unitCode(), this.month() ?? ''));
  protected readonly letterPdfUrl = computed(() => letterUrl('pdf', this.unitCode(), this.month() ?? ''));
  protected readonly communesDocxUrl = computed(() => letterUrl('docx', this.unitCode(), this.month() ?? '', 'communes'));
  protected readonly nationalUrl = computed(() => nationalAppendixUrl(this.month() ?? ''));
}
