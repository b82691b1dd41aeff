import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { apiUrls } from '../../core/api/api-urls';
import { injectTranslations } from '../../core/i18n/language';
import { monthForMonthlyDocuments } from '../../core/time/period-key';
import { UNIT_TEXT } from './unit.i18n';

/** Monthly documents as the province office publishes them: the appendix (XLSX, CSV) and a PDF summary. */
@Component({
  selector: 'app-export-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (month(); as month) {
      <div class="exports">
        @if (appendix()) {
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
}
