import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { injectTranslations } from '../../core/i18n/language';
import { RANKING_TEXT } from './ranking.i18n';
import type { RankingView } from './ranking-view';

@Component({
  selector: 'app-ranking-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ranking-table.component.html',
  styleUrl: './ranking-table.component.css',
})
export class RankingTableComponent {
  readonly view = input.required<RankingView>();
  readonly caption = input.required<string>();

  protected readonly text = injectTranslations(RANKING_TEXT);
}
