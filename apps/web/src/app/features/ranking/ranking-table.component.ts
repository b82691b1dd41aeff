import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { injectTranslations } from '../../core/i18n/language';
import { SCORE_TEXT } from '../../core/i18n/score-text.i18n';
import { BandBadgeComponent } from '../../shared/band/band-badge.component';
import { RANKING_TEXT } from './ranking.i18n';
import { type RankingSort, type RankingView, type SortKey, sortedGroupId } from './ranking-view';

@Component({
  selector: 'app-ranking-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BandBadgeComponent],
  templateUrl: './ranking-table.component.html',
  styleUrl: './ranking-table.component.css',
})
export class RankingTableComponent {
  readonly view = input.required<RankingView>();
  readonly caption = input.required<string>();
  /** The period as the page was asked for it (mtd stays mtd), carried into the unit links. */
  readonly periodKey = input.required<string>();
  readonly sort = input.required<RankingSort>();
  readonly averageLabel = input.required<string>();
  readonly sortBy = output<SortKey>();

  protected readonly text = injectTranslations(RANKING_TEXT);
  protected readonly scoreText = injectTranslations(SCORE_TEXT);

  protected ariaSort(key: SortKey): 'ascending' | 'descending' | null {
    const sort = this.sort();
    if (sort.key !== key) return null;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected mark(key: SortKey): string {
    const sort = this.sort();
    if (sort.key !== key) return '↕';
    return sort.direction === 'asc' ? '▲' : '▼';
  }

  /** Sorted by a group, its column shows each unit's rank in it ("hạng 03/34"). */
  protected isSortedGroup(id: string): boolean {
    return sortedGroupId(this.sort()) === id;
  }

  protected groupKey(id: string): SortKey {
    return `group:${id}`;
  }
}
