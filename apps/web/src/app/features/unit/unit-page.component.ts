import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { injectPeriodLabel, injectQueryParamsUpdate } from '../../core/routing/page-query';
import { formatDateTime } from '../../core/time/vietnam-time';
import { BandBadgeComponent } from '../../shared/band/band-badge.component';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { PeriodPickerComponent } from '../../shared/period-picker/period-picker.component';
import { AsOfPanelComponent } from './as-of-panel.component';
import { RadarChartComponent } from './charts/radar-chart.component';
import { TrendChartComponent } from './charts/trend-chart.component';
import { type CompareRequest, ComparePanelComponent } from './compare-panel.component';
import { CriteriaTableComponent } from './criteria-table.component';
import { ExportLinksComponent } from './export-links.component';
import { SubUnitsComponent } from './sub-units.component';
import { unitSelectionOf } from './unit-selection';
import { UNIT_TEXT } from './unit.i18n';
import { UnitStore } from './unit.store';

/**
 * `/don-vi/:code?ky=KEY[&asOf=ISO]`: one unit's score for a period — total, groups, the 21 criteria,
 * its trend and sub-units — and the auditor's tools (as of a moment, compare two moments).
 */
@Component({
  selector: 'app-unit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    BandBadgeComponent,
    LiveStatusComponent,
    PeriodPickerComponent,
    CriteriaTableComponent,
    TrendChartComponent,
    RadarChartComponent,
    SubUnitsComponent,
    ExportLinksComponent,
    AsOfPanelComponent,
    ComparePanelComponent,
  ],
  templateUrl: './unit-page.component.html',
  styleUrls: ['../../shared/styles/page.css', './unit-page.component.css'],
})
export class UnitPageComponent {
  private readonly navigate = injectQueryParamsUpdate();

  protected readonly store = inject(UnitStore);
  protected readonly text = injectTranslations(UNIT_TEXT);
  protected readonly locale = inject(LanguageService).locale;

  /** Route parameter and query parameters, bound by the router. */
  readonly code = input.required<string>();
  readonly ky = input<string>();
  readonly asOf = input<string>();

  private readonly selection = computed(() => unitSelectionOf(this.code(), { ky: this.ky(), asOf: this.asOf() }));
  protected readonly period = computed(() => this.selection().period);
  /** Only a readable instant is sent to the API; anything else shows live figures. */
  protected readonly asOfIso = computed(() => this.selection().asOf);
  protected readonly periodLabel = injectPeriodLabel(this.period);

  protected readonly trendSummary = computed(() =>
    this.text().trend.summary(this.store.trendPoints().map((p) => `${p.label} ${p.valueText}`).join('; ')),
  );
  protected readonly radarSummary = computed(() =>
    this.text().radar.summary(this.store.radarPoints().map((p) => `${p.label} ${p.valueText}`).join('; ')),
  );
  protected readonly trendHasData = computed(() => this.store.trendPoints().some((p) => p.value !== null));
  protected readonly asOfBanner = computed(() => {
    const requested = this.asOfIso();
    if (this.store.recomputing()) return requested ? this.text().asOf.recomputing(formatDateTime(requested)) : null;
    const asOf = this.store.summary()?.asOfText ?? (requested ? formatDateTime(requested) : null);
    return asOf ? this.text().asOf.banner(asOf) : null;
  });

  constructor() {
    effect(() => this.store.select(this.selection()));
  }

  protected pickPeriod(key: string): void {
    this.navigate({ ky: key });
  }

  protected pickAsOf(iso: string | null): void {
    this.navigate({ asOf: iso });
  }

  protected compare(request: CompareRequest): void {
    this.store.compare(request.from, request.to);
  }
}
