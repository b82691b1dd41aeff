import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations } from '../../core/i18n/language';
import { injectPeriodLabel, periodOrCurrentMonth } from '../../core/routing/page-query';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { ExplainItemComponent } from './explain-item.component';
import { EXPLAIN_TEXT } from './explain.i18n';
import { ExplainStore } from './explain.store';

const CRITERIA = 21;

/** `/don-vi/:code/tieu-chi/:n?ky=KEY`: what is behind one criterion's figure, items that cost points first. */
@Component({
  selector: 'app-explain-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, LiveStatusComponent, ExplainItemComponent],
  templateUrl: './explain-page.component.html',
  styleUrls: ['../../shared/styles/page.css', './explain-page.component.css'],
})
export class ExplainPageComponent {
  protected readonly store = inject(ExplainStore);
  protected readonly text = injectTranslations(EXPLAIN_TEXT);

  /** Route parameters and query parameter, bound by the router. */
  readonly code = input.required<string>();
  readonly n = input.required<string>();
  readonly ky = input<string>();

  protected readonly period = computed(() => periodOrCurrentMonth(this.ky()));
  protected readonly criterion = computed(() => {
    const n = Number(this.n());
    return Number.isInteger(n) && n >= 1 && n <= CRITERIA ? n : null;
  });
  protected readonly periodLabel = injectPeriodLabel(this.period);
  protected readonly unitLabel = computed(() => {
    const name = this.store.unitName();
    return name ? `${name} (${this.code()})` : this.code();
  });

  constructor() {
    effect(() => {
      const criterion = this.criterion();
      if (criterion !== null) this.store.select({ code: this.code(), period: this.period(), criterion });
    });
  }

  protected pickOnlyCosting(event: Event): void {
    this.store.setOnlyCosting((event.target as HTMLInputElement).checked);
  }

  protected historyOf(streamId: string) {
    return this.store.histories().get(streamId) ?? null;
  }
}
