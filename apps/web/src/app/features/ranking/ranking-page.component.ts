import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { injectTranslations } from '../../core/i18n/language';
import { currentMonthKey, formatMonthKey, isMonthKey } from '../../core/time/vietnam-time';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { RankingTableComponent } from './ranking-table.component';
import { RANKING_TEXT } from './ranking.i18n';
import { RankingStore } from './ranking.store';

/** `/` and `/xep-hang`; the period lives in the URL (`?ky=2025-06`) so a month can be shared as a link. */
@Component({
  selector: 'app-ranking-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LiveStatusComponent, RankingTableComponent],
  templateUrl: './ranking-page.component.html',
  styleUrl: './ranking-page.component.css',
})
export class RankingPageComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly store = inject(RankingStore);
  protected readonly text = injectTranslations(RANKING_TEXT);
  protected readonly latestMonth = currentMonthKey();

  /** Query parameter `ky` (kỳ = period), bound by the router. */
  readonly ky = input<string>();

  protected readonly period = computed(() => {
    const requested = this.ky();
    return isMonthKey(requested) ? requested : currentMonthKey();
  });
  protected readonly monthLabel = computed(() => formatMonthKey(this.period()));

  constructor() {
    effect(() => this.store.selectPeriod(this.period()));
  }

  protected pickPeriod(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (!isMonthKey(value) || value === this.period()) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { ky: value }, queryParamsHandling: 'merge' });
  }
}
