import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { injectPeriodLabel, injectQueryParamsUpdate, periodOrCurrentMonth } from '../../core/routing/page-query';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { PeriodPickerComponent } from '../../shared/period-picker/period-picker.component';
import { NO_DATA_FILL } from './band-colours';
import { CommuneGridComponent } from './commune-grid.component';
import { MAP_TEXT } from './map.i18n';
import { MapStore } from './map.store';
import type { ShapeView } from './map-view';

/**
 * `/ban-do?ky=2025-08[&tinh=HY25]`: the provinces coloured by the band of their score (each of the
 * 63 old provinces by the province it is part of after 1 July 2025), and, for the province picked,
 * its communes as a grid of tiles. Period and province live in the URL, to be shared as a link.
 */
@Component({
  selector: 'app-map-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LiveStatusComponent, PeriodPickerComponent, CommuneGridComponent],
  templateUrl: './map-page.component.html',
  styleUrls: ['../../shared/styles/page.css', '../../shared/styles/fields.css', './map-page.component.css'],
})
export class MapPageComponent {
  private readonly navigate = injectQueryParamsUpdate();

  protected readonly store = inject(MapStore);
  protected readonly text = injectTranslations(MAP_TEXT);
  protected readonly noDataFill = NO_DATA_FILL;
  protected readonly language = inject(LanguageService);

  /** Query parameters, bound by the router. */
  readonly ky = input<string>();
  readonly tinh = input<string>();

  protected readonly period = computed(() => periodOrCurrentMonth(this.ky()));
  protected readonly province = computed(() => this.tinh()?.trim() || null);
  protected readonly periodLabel = injectPeriodLabel(this.period);

  constructor() {
    effect(() => this.store.select({ period: this.period(), province: this.province() }));
  }

  protected pickPeriod(key: string): void {
    this.navigate({ ky: key });
  }

  /** A province's communes are those of the unit carrying its score (its successor after the reform). */
  protected pickShape(shape: ShapeView): void {
    const code = shape.scoredCode ?? shape.provinceCode;
    if (code) this.navigate({ tinh: code });
  }

  protected closeProvince(): void {
    this.navigate({ tinh: null });
  }
}
