import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { UnitSearchPageDto } from '@idx/contracts';
import { debounceTime, Subject, switchMap } from 'rxjs';
import { dataOf, type Loadable, loadable } from '../../core/api/loadable';
import { injectTranslations } from '../../core/i18n/language';
import { isUnitLevel, UNIT_LEVEL_TEXT, UNIT_LEVELS } from '../../core/i18n/unit-levels.i18n';
import { injectQueryParamsUpdate } from '../../core/routing/page-query';
import { SEARCH_DEBOUNCE_MS } from './search-box.component';
import { SEARCH_TEXT } from './search.i18n';
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, normaliseQuery, type UnitSearchQuery } from './unit-search-url';
import { UnitSearchApiService } from './unit-search-api.service';

const PAGE_SIZE = 20;

/** 2025-07-01 → 01/07/2025, as letters print a date. */
function localDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * `/tim-kiem?q=…[&cap=commune][&trang=2]`: every unit matching a name (with or without diacritics),
 * a code or a national code, paged; the query lives in the URL so a search can be shared as a link.
 */
@Component({
  selector: 'app-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './search-page.component.html',
  styleUrls: ['../../shared/styles/page.css', '../../shared/styles/fields.css', './search-page.component.css'],
})
export class SearchPageComponent {
  private readonly api = inject(UnitSearchApiService);
  private readonly navigate = injectQueryParamsUpdate();
  private readonly fetches = new Subject<UnitSearchQuery>();
  private readonly typed = new Subject<string>();

  protected readonly text = injectTranslations(SEARCH_TEXT);
  protected readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  protected readonly levels = UNIT_LEVELS;
  protected readonly maxLength = MAX_QUERY_LENGTH;
  protected readonly localDate = localDate;

  /** Query parameters, bound by the router. */
  readonly q = input<string>();
  readonly cap = input<string>();
  readonly trang = input<string>();

  protected readonly query = computed(() => normaliseQuery(this.q()));
  protected readonly level = computed(() => (isUnitLevel(this.cap()) ? (this.cap() as string) : null));
  protected readonly page = computed(() => {
    const n = Number(this.trang());
    return Number.isInteger(n) && n >= 1 ? n : 1;
  });
  protected readonly tooShort = computed(() => this.query().length > 0 && this.query().length < MIN_QUERY_LENGTH);
  protected readonly result = signal<Loadable<UnitSearchPageDto>>({ status: 'idle' });
  protected readonly data = computed(() => dataOf(this.result()));
  /** The API's own reason for a refused query (400), which a person can act on. */
  protected readonly errorReason = computed(() => {
    const result = this.result();
    return result.status === 'error' ? result.reason : null;
  });
  protected readonly pageLabel = computed(() => {
    const result = this.result();
    if (result.status !== 'ready' || result.data.total === 0) return '';
    const { offset, items, total } = result.data;
    return this.text().page(offset + 1, offset + items.length, total);
  });

  constructor() {
    this.fetches
      .pipe(
        switchMap((query) => loadable(this.api.search(query))),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.result.set(state));
    // Typing on the page searches after a pause, replacing the URL rather than stacking history.
    this.typed.pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed()).subscribe((q) => this.navigate({ q: q || null, trang: null }));

    effect(() => {
      const q = this.query();
      if (q.length < MIN_QUERY_LENGTH) {
        this.result.set({ status: 'idle' });
        return;
      }
      this.fetches.next({ q, level: this.level(), limit: PAGE_SIZE, offset: (this.page() - 1) * PAGE_SIZE });
    });
  }

  protected onType(value: string): void {
    this.typed.next(normaliseQuery(value));
  }

  protected submit(value: string): void {
    this.navigate({ q: normaliseQuery(value) || null, trang: null });
  }

  protected pickLevel(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.navigate({ cap: isUnitLevel(value) ? value : null, trang: null });
  }

  protected goToPage(page: number): void {
    this.navigate({ trang: page <= 1 ? null : String(page) });
  }

  protected hasNext(data: UnitSearchPageDto): boolean {
    return data.offset + data.items.length < data.total;
  }

  protected retry(): void {
    this.fetches.next({ q: this.query(), level: this.level(), limit: PAGE_SIZE, offset: (this.page() - 1) * PAGE_SIZE });
  }
}
