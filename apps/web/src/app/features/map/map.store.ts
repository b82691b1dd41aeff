import { computed, inject, Injectable, signal } from '@angular/core';
import type { RankingDto, UnitSearchPageDto } from '@idx/contracts';
import { Subject } from 'rxjs';
import { dataOf, IDLE, type Loadable } from '../../core/api/loadable';
import { applyLatest, keepOnQuietFailure, type PageFetch, sameSelection } from '../../core/api/page-fetch';
import { injectTranslations, LanguageService } from '../../core/i18n/language';
import { refreshOnScoreChanges } from '../../core/live/live-refresh';
import { changeAffectsPeriod } from '../../core/time/period-key';
import { formatClock } from '../../core/time/vietnam-time';
import vietnam from '@svg-maps/vietnam';
import { MapApiService } from './map-api.service';
import { MAP_TEXT } from './map.i18n';
import { bandsOfPeriod, legendOfPeriod, shortName, toShapeViews, toTiles } from './map-view';
import type { MapShape } from './province-shapes';

/** The package's data (its types name a package we do not install): a viewBox and the 65 shapes. */
const MAP = vietnam as unknown as { readonly viewBox: string; readonly locations: readonly MapShape[] };

/** What the map shows: a period and, optionally, the province whose communes are gridded. */
export interface MapSelection {
  readonly period: string;
  readonly province: string | null;
}

type Fetch = PageFetch<MapSelection>;

/** The map page's state: the old provinces (once), the province ranking, one province's communes; refetched live. */
@Injectable()
export class MapStore {
  private readonly api = inject(MapApiService);
  private readonly language = inject(LanguageService);
  private readonly text = injectTranslations(MAP_TEXT);

  private readonly selectionState = signal<MapSelection | null>(null);
  private readonly provincesState = signal<Loadable<UnitSearchPageDto>>(IDLE);
  private readonly rankingState = signal<Loadable<RankingDto>>(IDLE);
  private readonly communesState = signal<Loadable<RankingDto>>(IDLE);
  private readonly provinceFetches = new Subject<Fetch>();
  private readonly rankingFetches = new Subject<Fetch>();
  private readonly communeFetches = new Subject<Fetch>();

  readonly viewBox = MAP.viewBox;
  readonly selection = this.selectionState.asReadonly();
  readonly status = computed(() => {
    const provinces = this.provincesState().status;
    const ranking = this.rankingState().status;
    if (provinces === 'error' || ranking === 'error') return 'error';
    if (provinces === 'ready' && ranking === 'ready') return 'ready';
    return 'loading';
  });
  readonly communesStatus = computed(() => this.communesState().status);

  private readonly bands = computed(() => bandsOfPeriod(this.selectionState()?.period ?? 'mtd'));
  readonly legend = computed(() => legendOfPeriod(this.selectionState()?.period ?? 'mtd'));

  readonly shapes = computed(() =>
    toShapeViews(MAP.locations, dataOf(this.provincesState())?.items ?? [], dataOf(this.rankingState()), {
      bands: this.bands(),
      locale: this.language.locale(),
      language: this.language.current(),
      text: this.text(),
    }),
  );

  /** The province whose communes are shown, as the ranking names it (or its code while unknown). */
  readonly provinceRow = computed(() => {
    const code = this.selectionState()?.province;
    return code ? (dataOf(this.rankingState())?.rows.find((row) => row.unit.code === code) ?? null) : null;
  });
  readonly provinceName = computed(() => {
    const row = this.provinceRow();
    const fromRegistry = dataOf(this.provincesState())?.items.find((u) => u.code === this.selectionState()?.province);
    return row ? shortName(row.unit.name) : fromRegistry ? shortName(fromRegistry.name) : (this.selectionState()?.province ?? '');
  });

  readonly tiles = computed(() => {
    const communes = dataOf(this.communesState());
    return communes
      ? toTiles(communes, { bands: this.bands(), locale: this.language.locale(), language: this.language.current(), noData: this.text().noData })
      : [];
  });

  /** HH:mm:ss (Vietnam time) of the last successful province ranking fetch. */
  readonly lastUpdated = computed(() => {
    const state = this.rankingState();
    return state.status === 'ready' ? formatClock(state.at) : null;
  });
  readonly lastUpdatedAt = computed(() => {
    const state = this.rankingState();
    return state.status === 'ready' ? state.at.toISOString() : null;
  });

  constructor() {
    const isCurrent = (selection: MapSelection) => sameSelection(selection, this.selectionState());
    // The old provinces do not depend on the period: fetched once, whatever the selection.
    applyLatest(this.provinceFetches, () => this.api.fetchOldProvinces(), () => true, keepOnQuietFailure(this.provincesState));
    applyLatest(
      this.rankingFetches,
      ({ selection }) => this.api.fetchRanking(selection.period, 'province'),
      (selection) => this.selectionState()?.period === selection.period,
      keepOnQuietFailure(this.rankingState),
    );
    applyLatest(
      this.communeFetches,
      ({ selection }) => this.api.fetchRanking(selection.period, 'commune', selection.province),
      isCurrent,
      keepOnQuietFailure(this.communesState),
    );
    refreshOnScoreChanges({
      concerns: (message) => {
        const selection = this.selectionState();
        return !!selection && changeAffectsPeriod(message.period, selection.period);
      },
      refresh: () => this.refresh(true),
    });
  }

  select(selection: MapSelection): void {
    const previous = this.selectionState();
    if (sameSelection(selection, previous)) return;
    this.selectionState.set(selection);
    if (this.provincesState().status === 'idle') this.provinceFetches.next({ selection });
    if (previous?.period !== selection.period) this.rankingFetches.next({ selection });
    if (!selection.province) this.communesState.set(IDLE);
    else if (previous?.period !== selection.period || previous?.province !== selection.province) this.communeFetches.next({ selection });
  }

  /** Refetches what is shown; a quiet refresh (live) keeps the figures on screen meanwhile. */
  refresh(quiet = false): void {
    const selection = this.selectionState();
    if (!selection) return;
    if (this.provincesState().status !== 'ready') this.provinceFetches.next({ selection, quiet });
    this.rankingFetches.next({ selection, quiet });
    if (selection.province) this.communeFetches.next({ selection, quiet });
  }
}
