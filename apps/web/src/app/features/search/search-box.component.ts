import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { RegistryUnitDto, UnitSearchPageDto } from '@idx/contracts';
import { debounceTime, distinctUntilChanged, map, of, Subject, switchMap } from 'rxjs';
import { type Loadable, loadable } from '../../core/api/loadable';
import { injectTranslations } from '../../core/i18n/language';
import { UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { SEARCH_TEXT } from './search.i18n';
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, normaliseQuery } from './unit-search-url';
import { UnitSearchApiService } from './unit-search-api.service';

/** Requests wait for a pause in typing, so a word typed fast is one request, not one per letter. */
export const SEARCH_DEBOUNCE_MS = 250;
const SUGGESTIONS = 8;

/**
 * The shell's search box: an ARIA 1.2 combobox with a list of suggestions (↑/↓ to move, Enter to
 * open the unit — or, with none chosen, the results page —, Escape to close). The API folds
 * diacritics, so "hung yen" finds "Hưng Yên".
 */
@Component({
  selector: 'app-search-box',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-box.component.html',
  styleUrl: './search-box.component.css',
  host: { '(focusout)': 'onFocusOut($event)' },
})
export class SearchBoxComponent {
  private readonly api = inject(UnitSearchApiService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');
  private readonly queries = new Subject<string>();

  protected readonly text = injectTranslations(SEARCH_TEXT);
  protected readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);
  protected readonly maxLength = MAX_QUERY_LENGTH;
  protected readonly listId = 'unit-search-list';

  protected readonly query = signal('');
  protected readonly open = signal(false);
  protected readonly active = signal(-1);
  /** The answer for `answeredQuery`; suggestions of an older query are never shown for a newer one. */
  protected readonly result = signal<Loadable<UnitSearchPageDto>>({ status: 'idle' });
  private readonly answeredQuery = signal('');

  protected readonly items = computed<readonly RegistryUnitDto[]>(() => {
    const result = this.result();
    return result.status === 'ready' && this.answeredQuery() === normaliseQuery(this.query()) ? result.data.items : [];
  });
  protected readonly total = computed(() => {
    const result = this.result();
    return result.status === 'ready' ? result.data.total : 0;
  });
  protected readonly searchable = computed(() => normaliseQuery(this.query()).length >= MIN_QUERY_LENGTH);
  protected readonly expanded = computed(() => this.open() && this.searchable() && this.result().status !== 'idle');
  protected readonly activeId = computed(() => (this.active() >= 0 && this.active() < this.items().length ? this.optionId(this.active()) : null));

  constructor() {
    this.queries
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length < MIN_QUERY_LENGTH
            ? of({ q, state: { status: 'idle' } as Loadable<UnitSearchPageDto> })
            : loadable(this.api.search({ q, limit: SUGGESTIONS })).pipe(map((state) => ({ q, state }))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ q, state }) => {
        if (state.status === 'loading' && this.result().status === 'ready') return; // keep the old list while the next one loads
        this.answeredQuery.set(q);
        this.result.set(state);
        this.active.set(-1);
      });
  }

  protected optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  protected onInput(value: string): void {
    this.query.set(value);
    this.open.set(true);
    this.queries.next(normaliseQuery(value));
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.items().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open.set(true);
        if (count > 0) this.active.set((this.active() + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count > 0) this.active.set(this.active() <= 0 ? count - 1 : this.active() - 1);
        break;
      case 'Enter': {
        event.preventDefault();
        const unit = this.items()[this.active()];
        if (unit) this.openUnit(unit);
        else this.openResults();
        break;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.open.set(false);
          this.active.set(-1);
        }
        break;
    }
  }

  /** Closes the list when the focus leaves the box (a click on an option lands inside it first). */
  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.host.nativeElement.contains(next)) this.open.set(false);
  }

  protected openUnit(unit: RegistryUnitDto): void {
    this.reset();
    void this.router.navigate(['/don-vi', unit.code]);
  }

  protected openResults(): void {
    const q = normaliseQuery(this.query());
    if (q.length < MIN_QUERY_LENGTH) return;
    this.open.set(false);
    void this.router.navigate(['/tim-kiem'], { queryParams: { q } });
  }

  private reset(): void {
    this.open.set(false);
    this.active.set(-1);
    this.query.set('');
    this.input().nativeElement.value = '';
    this.input().nativeElement.blur();
  }
}
