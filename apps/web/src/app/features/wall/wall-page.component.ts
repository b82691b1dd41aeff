import { ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatTotal } from '../../core/format/number-format';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { isUnitLevel, UNIT_LEVEL_TEXT } from '../../core/i18n/unit-levels.i18n';
import { injectPeriodLabel, periodOrCurrentMonth } from '../../core/routing/page-query';
import { BandBadgeComponent } from '../../shared/band/band-badge.component';
import { LangSwitchComponent } from '../../shared/lang-switch/lang-switch.component';
import { LiveStatusComponent } from '../../shared/live-status/live-status.component';
import { nextPage, pageCount, pageOf } from './wall-pages';
import { WALL_TEXT } from './wall.i18n';
import { WallStore } from './wall.store';

/** A page stays this long before the next one (a room reads 10–12 lines in that time). */
export const ROTATE_MS = 15_000;
/** Height of one line of the wall at its type size, and what the title and footer take (px). */
const ROW_PX = 68;
const CHROME_PX = 260;

/**
 * `/trinh-chieu?ky=…&cap=…&thuoc=…` (also `/wall`): the ranking for a screen on a wall — large type,
 * no masthead or nav (route data `bare`), a full-screen button (Fullscreen API), pages that rotate
 * when the list is longer than the screen, live refresh on the score stream, and the time of the
 * figures. Same query parameters as the ranking page, so a ranking link becomes a wall link.
 */
@Component({
  selector: 'app-wall-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BandBadgeComponent, LiveStatusComponent, LangSwitchComponent],
  templateUrl: './wall-page.component.html',
  styleUrl: './wall-page.component.css',
  host: { '(window:resize)': 'measure()', '(document:fullscreenchange)': 'onFullscreenChange()' },
})
export class WallPageComponent {
  private readonly document = inject(DOCUMENT);
  private readonly language = inject(LanguageService);

  protected readonly store = inject(WallStore);
  protected readonly text = injectTranslations(WALL_TEXT);
  protected readonly levelLabels = injectTranslations(UNIT_LEVEL_TEXT);

  /** Query parameters, bound by the router. */
  readonly ky = input<string>();
  readonly cap = input<string>();
  readonly thuoc = input<string>();

  protected readonly period = computed(() => periodOrCurrentMonth(this.ky()));
  protected readonly level = computed(() => (isUnitLevel(this.cap()) ? (this.cap() as string) : 'province'));
  protected readonly parent = computed(() => this.thuoc()?.trim() || null);
  protected readonly periodLabel = injectPeriodLabel(this.period);
  protected readonly caption = computed(() =>
    this.text().caption(this.periodLabel(), this.levelLabels()[this.level()] ?? this.level(), this.parent()),
  );
  protected readonly rankingQuery = computed(() => ({
    ky: this.ky() ?? null,
    cap: this.cap() ?? null,
    thuoc: this.parent(),
  }));

  protected readonly fullscreenSupported = !!this.document.fullscreenEnabled;
  protected readonly fullscreen = signal(!!this.document.fullscreenElement);
  protected readonly paused = signal(false);
  private readonly perPage = signal(this.rowsThatFit());
  private readonly page = signal(0);

  protected readonly pages = computed(() => pageCount(this.store.rows().length, this.perPage()));
  protected readonly pageIndex = computed(() => this.page() % this.pages());
  protected readonly visibleRows = computed(() => pageOf(this.store.rows(), this.pageIndex(), this.perPage()));
  protected readonly averageText = computed(() => {
    const total = this.store.average()?.total;
    return total === null || total === undefined ? '—' : formatTotal(total, this.language.locale());
  });

  constructor() {
    effect(() => this.store.select({ period: this.period(), level: this.level(), parent: this.parent() }));
    const timer = setInterval(() => {
      if (!this.paused()) this.page.set(nextPage(this.pageIndex(), this.pages()));
    }, ROTATE_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      if (this.document.fullscreenElement) void this.document.exitFullscreen().catch(() => undefined);
    });
  }

  protected async toggleFullscreen(): Promise<void> {
    try {
      if (this.document.fullscreenElement) await this.document.exitFullscreen();
      else await this.document.documentElement.requestFullscreen();
    } catch {
      // refused (no user gesture, or a browser policy): the wall still works in the window
    }
  }

  protected onFullscreenChange(): void {
    this.fullscreen.set(!!this.document.fullscreenElement);
    this.measure();
  }

  protected measure(): void {
    this.perPage.set(this.rowsThatFit());
  }

  protected showPage(delta: number): void {
    this.page.set((this.pageIndex() + delta + this.pages()) % this.pages());
  }

  private rowsThatFit(): number {
    const height = this.document.defaultView?.innerHeight ?? 900;
    return Math.max(5, Math.floor((height - CHROME_PX) / ROW_PX));
  }
}
