import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { isUnitLevel, UNIT_LEVEL_TEXT, UNIT_LEVELS } from '../../core/i18n/unit-levels.i18n';
import { injectPeriodLabel, injectQueryParamsUpdate } from '../../core/routing/page-query';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { PeriodPickerComponent } from '../../shared/period-picker/period-picker.component';
import { DEFAULT_LEVEL, rankingSelectionOf } from './ranking-selection';
import { RankingTableComponent } from './ranking-table.component';
import { RANKING_TEXT } from './ranking.i18n';
import { RankingStore } from './ranking.store';

/**
 * `/` and `/xep-hang`; what is ranked lives in the URL so it can be shared as a link:
 * `?ky=2025-06` (kỳ = period: 2025-06, 2025-Q2, 2025-H1, 2025, mtd), `&cap=commune` (cấp = level),
 * `&thuoc=HY` (thuộc = under that unit).
 */
@Component({
  selector: 'app-ranking-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LiveStatusComponent, PeriodPickerComponent, RankingTableComponent],
  templateUrl: './ranking-page.component.html',
  styleUrls: [
    '../../shared/styles/page.css',
    '../../shared/styles/fields.css',
    './ranking-page.component.css',
  ],
})
export class RankingPageComponent {
  private readonly navigate = injectQueryParamsUpdate();

  protected readonly store = inject(RankingStore);
  protected readonly text = injectTranslations(RANKING_TEXT);
  protected readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  protected readonly levels = UNIT_LEVELS;

  /** Query parameters, bound by the router. */
  readonly ky = input<string>();
  readonly cap = input<string>();
  readonly thuoc = input<string>();

  private readonly selection = computed(() => rankingSelectionOf({ ky: this.ky(), cap: this.cap(), thuoc: this.thuoc() }));
  protected readonly period = computed(() => this.selection().period);
  protected readonly level = computed(() => this.selection().level);
  protected readonly parent = computed(() => this.selection().parent);

  protected readonly periodLabel = injectPeriodLabel(this.period);
  protected readonly caption = computed(() =>
    this.text().periodCaption(this.periodLabel(), this.levelLabels()[this.level()] ?? this.level(), this.parent()),
  );
  protected readonly averageLabel = computed(() =>
    this.level() === 'province' && !this.parent() ? this.text().nationalAverage : this.text().average,
  );

  constructor() {
    effect(() => this.store.select(this.selection()));
  }

  protected pickPeriod(key: string): void {
    this.navigate({ ky: key });
  }

  protected pickLevel(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isUnitLevel(value)) this.navigate({ cap: value === DEFAULT_LEVEL ? null : value });
  }

  protected applyParent(value: string): void {
    const parent = value.trim() || null;
    if (parent !== this.parent()) this.navigate({ thuoc: parent });
  }
}
