import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { PERIOD_TEXT } from '../../core/i18n/periods.i18n';
import {
  convertPeriodKey,
  FIRST_YEAR,
  isPeriodKey,
  periodPartsOrCurrentMonth,
  PERIOD_KINDS,
  type PeriodKind,
  periodKeyOf,
} from '../../core/time/period-key';
import { currentMonthKey, isMonthKey } from '../../core/time/vietnam-time';
import { PERIOD_PICKER_TEXT } from './period-picker.i18n';

/** Month, quarter, half-year, year or month-to-date; emits the API's period key. */
@Component({
  selector: 'app-period-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './period-picker.component.html',
  styleUrls: ['../styles/fields.css', './period-picker.component.css'],
})
export class PeriodPickerComponent {
  /** The period key shown (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd). */
  readonly value = input.required<string>();
  readonly picked = output<string>();

  protected readonly text = injectTranslations(PERIOD_PICKER_TEXT);
  protected readonly periodText = injectTranslations(PERIOD_TEXT);
  protected readonly kinds = PERIOD_KINDS;
  protected readonly latestMonth = currentMonthKey();
  protected readonly years = Array.from(
    { length: Number(this.latestMonth.slice(0, 4)) - FIRST_YEAR + 1 },
    (_, i) => Number(this.latestMonth.slice(0, 4)) - i,
  );
  protected readonly quarters = [1, 2, 3, 4];
  protected readonly halves = [1, 2];

  protected readonly parts = computed(() => periodPartsOrCurrentMonth(this.value()));

  protected pickKind(event: Event): void {
    const kind = (event.target as HTMLSelectElement).value as PeriodKind;
    this.emit(convertPeriodKey(this.value(), kind));
  }

  protected pickMonth(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (isMonthKey(value)) this.emit(value);
  }

  protected pickYear(event: Event): void {
    const { kind, index } = this.parts();
    this.emit(periodKeyOf(kind, Number((event.target as HTMLSelectElement).value), index));
  }

  protected pickIndex(event: Event): void {
    const { kind, year } = this.parts();
    this.emit(periodKeyOf(kind, year, Number((event.target as HTMLSelectElement).value)));
  }

  private emit(key: string): void {
    if (isPeriodKey(key) && key !== this.value()) this.picked.emit(key);
  }
}
